/// Prints an expression as canonical source text, parenthesising only where precedence requires.
public enum ExpressionPrinter {
    public static func print(_ expression: Expr) -> String {
        var output = ""
        write(expression, into: &output, context: 0)
        return output
    }

    private static func write(_ expression: Expr, into output: inout String, context: Int) {
        switch expression.kind {
        case .null: output += "null"
        case .bool(let value): output += value ? "true" : "false"
        case .number(let value):
            if context == 6 { output += "(" + number(value) + ")" } else { output += number(value) }
        case .string(let value):
            output += "'"
            for character in value {
                output.append(character)
                if character == "'" { output.append("'") }
            }
            output += "'"
        case .variable(let name): output += name
        case .property(let receiver, let name):
            write(receiver, into: &output, context: 6)
            output += "." + name
        case .index(let receiver, let index):
            write(receiver, into: &output, context: 6)
            output += "["
            write(index, into: &output, context: 0)
            output += "]"
        case .filter(let receiver):
            write(receiver, into: &output, context: 6)
            output += ".*"
        case .call(let name, let arguments):
            output += name + "("
            for (position, argument) in arguments.enumerated() {
                if position > 0 { output += ", " }
                write(argument, into: &output, context: 0)
            }
            output += ")"
        case .not(let operand):
            if context == 6 { output += "(" }
            output += "!"
            write(operand, into: &output, context: 5)
            if context == 6 { output += ")" }
        case .binary(let op, let left, let right):
            let level = op.precedence
            if level < context { output += "(" }
            write(left, into: &output, context: level)
            output += " \(op.rawValue) "
            write(right, into: &output, context: level + 1)
            if level < context { output += ")" }
        }
    }

    private static func number(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Infinity" : "Infinity" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }
}
