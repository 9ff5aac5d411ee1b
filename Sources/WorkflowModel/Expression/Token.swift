/// A lexical token of GitHub's expression language, with its byte offset in the expression text.
public struct ExpressionToken: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        case identifier(String)
        case string(String)
        case number(Double)
        case null, `true`, `false`
        case leftParen, rightParen, leftBracket, rightBracket, dot, comma, star
        case not, less, lessEqual, greater, greaterEqual, equal, notEqual, and, or
        case end
    }

    public var kind: Kind
    /// UTF-8 offset from the start of the expression text.
    public var offset: Int
}

/// A syntax error at a UTF-8 offset of the expression text.
public struct ExpressionSyntaxError: Error, Equatable, Sendable {
    public var offset: Int
    public var message: String
}

/// Splits expression text into tokens. Works on UTF-8 bytes; never traps on any input.
public struct ExpressionLexer {
    private let bytes: [UInt8]
    private var index = 0
    private var afterDot = false

    public init(_ text: String) {
        bytes = Array(text.utf8)
    }

    /// Every token of the text, ending with `.end`.
    public static func tokens(_ text: String) throws(ExpressionSyntaxError) -> [ExpressionToken] {
        var lexer = ExpressionLexer(text)
        var tokens: [ExpressionToken] = []
        while true {
            let token = try lexer.next()
            tokens.append(token)
            if token.kind == .end { return tokens }
        }
    }

    public mutating func next() throws(ExpressionSyntaxError) -> ExpressionToken {
        let token = try scan()
        afterDot = token.kind == .dot
        return token
    }

    private mutating func scan() throws(ExpressionSyntaxError) -> ExpressionToken {
        while index < bytes.count, Self.isSpace(bytes[index]) { index += 1 }
        let start = index
        guard index < bytes.count else { return ExpressionToken(kind: .end, offset: start) }
        let byte = bytes[index]
        func single(_ kind: ExpressionToken.Kind) -> ExpressionToken {
            index += 1
            return ExpressionToken(kind: kind, offset: start)
        }
        func pair(_ second: UInt8, _ long: ExpressionToken.Kind, _ short: ExpressionToken.Kind?) throws(ExpressionSyntaxError) -> ExpressionToken {
            if index + 1 < bytes.count, bytes[index + 1] == second {
                index += 2
                return ExpressionToken(kind: long, offset: start)
            }
            guard let short else {
                throw ExpressionSyntaxError(offset: start, message: "unexpected character \"\(Character(Unicode.Scalar(byte)))\": did you mean \"\(Character(Unicode.Scalar(byte)))\(Character(Unicode.Scalar(second)))\"?")
            }
            return single(short)
        }
        if afterDot, Self.isIdentifierPart(byte) {
            while index < bytes.count, Self.isIdentifierPart(bytes[index]) { index += 1 }
            return ExpressionToken(kind: .identifier(String(decoding: bytes[start..<index], as: UTF8.self)), offset: start)
        }
        switch byte {
        case UInt8(ascii: "("): return single(.leftParen)
        case UInt8(ascii: ")"): return single(.rightParen)
        case UInt8(ascii: "["): return single(.leftBracket)
        case UInt8(ascii: "]"): return single(.rightBracket)
        case UInt8(ascii: "."): return single(.dot)
        case UInt8(ascii: ","): return single(.comma)
        case UInt8(ascii: "*"): return single(.star)
        case UInt8(ascii: "!"): return try pair(UInt8(ascii: "="), .notEqual, .not)
        case UInt8(ascii: "<"): return try pair(UInt8(ascii: "="), .lessEqual, .less)
        case UInt8(ascii: ">"): return try pair(UInt8(ascii: "="), .greaterEqual, .greater)
        case UInt8(ascii: "="): return try pair(UInt8(ascii: "="), .equal, nil)
        case UInt8(ascii: "&"): return try pair(UInt8(ascii: "&"), .and, nil)
        case UInt8(ascii: "|"): return try pair(UInt8(ascii: "|"), .or, nil)
        case UInt8(ascii: "'"): return try string(start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number(start)
        default:
            if Self.isIdentifierStart(byte) { return word(start) }
            throw ExpressionSyntaxError(offset: start, message: "unexpected character \(Self.describe(byte, at: start, in: bytes)) in expression")
        }
    }

    private mutating func string(_ start: Int) throws(ExpressionSyntaxError) -> ExpressionToken {
        var value: [UInt8] = []
        index += 1
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if byte == UInt8(ascii: "'") {
                if index < bytes.count, bytes[index] == UInt8(ascii: "'") {
                    value.append(byte)
                    index += 1
                    continue
                }
                return ExpressionToken(kind: .string(String(decoding: value, as: UTF8.self)), offset: start)
            }
            value.append(byte)
        }
        throw ExpressionSyntaxError(offset: start, message: "unterminated string literal: close it with '")
    }

    private mutating func number(_ start: Int) throws(ExpressionSyntaxError) -> ExpressionToken {
        index += 1
        while index < bytes.count {
            let byte = bytes[index]
            if Self.isAlphanumeric(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") {
                index += 1
            } else if (byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")),
                      bytes[index - 1] | 0x20 == UInt8(ascii: "e"), !isHex(from: start) {
                index += 1
            } else {
                break
            }
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        if text == "-" {
            throw ExpressionSyntaxError(offset: start, message: "unexpected character \"-\": expressions have no subtraction")
        }
        if let value = Self.parseNumber(text) { return ExpressionToken(kind: .number(value), offset: start) }
        throw ExpressionSyntaxError(offset: start, message: "invalid number \"\(text)\"")
    }

    private func isHex(from start: Int) -> Bool {
        var at = start
        if bytes[at] == UInt8(ascii: "-") { at += 1 }
        return at + 1 < bytes.count && bytes[at] == UInt8(ascii: "0") && bytes[at + 1] | 0x20 == UInt8(ascii: "x")
    }

    /// Decimal (with fraction and exponent), `0x` hexadecimal, `Infinity` and `NaN`, optionally negative.
    static func parseNumber(_ text: String) -> Double? {
        var body = Substring(text)
        let negative = body.first == "-"
        if negative { body = body.dropFirst() }
        let magnitude: Double
        if body.hasPrefix("0x") || body.hasPrefix("0X") {
            guard let value = UInt64(body.dropFirst(2), radix: 16) else { return nil }
            magnitude = Double(value)
        } else if body == "Infinity" {
            magnitude = .infinity
        } else {
            guard let first = body.first, first.isASCII, first.isNumber || first == ".",
                  !body.contains("_"), let value = Double(body), !value.isNaN else { return nil }
            magnitude = value
        }
        return negative ? -magnitude : magnitude
    }

    private mutating func word(_ start: Int) -> ExpressionToken {
        while index < bytes.count, Self.isIdentifierPart(bytes[index]) { index += 1 }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        switch text {
        case "null": return ExpressionToken(kind: .null, offset: start)
        case "true": return ExpressionToken(kind: .true, offset: start)
        case "false": return ExpressionToken(kind: .false, offset: start)
        case "NaN": return ExpressionToken(kind: .number(.nan), offset: start)
        case "Infinity": return ExpressionToken(kind: .number(.infinity), offset: start)
        default: return ExpressionToken(kind: .identifier(text), offset: start)
        }
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
    }

    static func isIdentifierStart(_ byte: UInt8) -> Bool {
        (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte == UInt8(ascii: "_")
    }

    static func isIdentifierPart(_ byte: UInt8) -> Bool {
        isAlphanumeric(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
    }

    private static func describe(_ byte: UInt8, at offset: Int, in bytes: [UInt8]) -> String {
        if byte < 0x80 {
            if byte == UInt8(ascii: "\"") { return "'\"' (strings use single quotes)" }
            return byte >= 0x20 && byte < 0x7F ? "\"\(Character(Unicode.Scalar(byte)))\"" : "0x\(String(byte, radix: 16))"
        }
        var end = offset + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        return "\"\(String(decoding: bytes[offset..<end], as: UTF8.self))\""
    }
}
