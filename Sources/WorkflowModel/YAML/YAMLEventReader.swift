import CLibYAML

/// A fast path for `YAMLDocument.parse`: builds the `YAMLNode` tree straight from libyaml's
/// events, without Yams' intermediate `Node` tree and its hashing duplicate-key check.
///
/// It accepts only what it can build exactly as `YAMLDocument.parse` would; on anything else (a
/// syntax error, a repeated key, an unknown alias, too many nodes, too deep, several documents,
/// a NUL byte) it returns `.unsupported`, and the caller parses again the slow way to get the
/// canonical diagnostic.
enum YAMLEventReader {
    enum Outcome {
        case document(YAMLNode?)
        case unsupported
    }

    private final class Frame {
        var items: [YAMLNode] = []
        var pairs: [YAMLPair] = []
        var pendingKey: YAMLNode?
        /// Key names once the mapping is large; small mappings are scanned.
        var keys: Set<String>?
        let isMapping: Bool
        let position: SourcePosition
        let anchor: String?
        let countAtStart: Int

        /// Whether `name` is already a key; records it otherwise.
        func hasKey(_ name: String) -> Bool {
            if keys == nil {
                if pairs.count < 16 { return pairs.contains { $0.key.scalar == name } }
                keys = Set(pairs.compactMap(\.key.scalar))
            }
            return keys?.insert(name).inserted == false
        }

        init(isMapping: Bool, position: SourcePosition, anchor: String?, countAtStart: Int) {
            self.isMapping = isMapping
            self.position = position
            self.anchor = anchor
            self.countAtStart = countAtStart
        }
    }

    static func read(_ text: String, nodeBudget: Int = YAMLDocument.defaultNodeBudget) -> Outcome {
        var text = text
        return text.withUTF8 { bytes in read(bytes, nodeBudget: nodeBudget) }
    }

    private static func read(_ bytes: UnsafeBufferPointer<UInt8>, nodeBudget: Int) -> Outcome {
        if bytes.contains(0) { return .unsupported }
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return .unsupported }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_input_string(&parser, bytes.baseAddress ?? UnsafePointer(bitPattern: 1), bytes.count)
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)

        var stack: [Frame] = []
        var anchors: [String: (node: YAMLNode, count: Int)] = [:]
        var count = 0
        var root: YAMLNode?
        var documents = 0
        var event = yaml_event_t()

        func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?, _ length: Int) -> String {
            guard let pointer else { return "" }
            return String(decoding: UnsafeBufferPointer(start: pointer, count: length), as: UTF8.self)
        }
        func anchorName(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
            pointer.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
        }
        /// Adds a finished node to its parent; false when a mapping repeats a key.
        func attach(_ node: YAMLNode) -> Bool {
            guard let top = stack.last else {
                root = node
                return true
            }
            if !top.isMapping {
                top.items.append(node)
            } else if let key = top.pendingKey {
                top.pairs.append(YAMLPair(key: key, value: node))
                top.pendingKey = nil
            } else {
                if let name = node.scalar, top.hasKey(name) { return false }
                top.pendingKey = node
            }
            return true
        }

        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else { return .unsupported }
            defer { yaml_event_delete(&event) }
            let mark = event.start_mark
            let position = SourcePosition(line: Int(mark.line) + 1, column: Int(mark.column) + 1)
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return .document(root)
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents > 1 { return .unsupported }
            case YAML_SCALAR_EVENT:
                count += 1
                if count > nodeBudget { return .unsupported }
                let scalar = event.data.scalar
                let style: YAMLNode.ScalarStyle
                switch scalar.style {
                case YAML_SINGLE_QUOTED_SCALAR_STYLE: style = .singleQuoted
                case YAML_DOUBLE_QUOTED_SCALAR_STYLE: style = .doubleQuoted
                case YAML_LITERAL_SCALAR_STYLE: style = .literal
                case YAML_FOLDED_SCALAR_STYLE: style = .folded
                default: style = .plain
                }
                let node = YAMLNode(.scalar(string(scalar.value, scalar.length), style), at: position)
                if let anchor = anchorName(scalar.anchor) { anchors[anchor] = (node, 1) }
                guard attach(node) else { return .unsupported }
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                count += 1
                if count > nodeBudget || stack.count >= YAMLDocument.maximumDepth { return .unsupported }
                let isMapping = event.type == YAML_MAPPING_START_EVENT
                let anchor = anchorName(isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor)
                stack.append(Frame(isMapping: isMapping, position: position, anchor: anchor, countAtStart: count))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let frame = stack.popLast() else { return .unsupported }
                let node = frame.isMapping ? YAMLNode(.mapping(frame.pairs), at: frame.position) : YAMLNode(.sequence(frame.items), at: frame.position)
                if let anchor = frame.anchor { anchors[anchor] = (node, count - frame.countAtStart + 1) }
                guard attach(node) else { return .unsupported }
            case YAML_ALIAS_EVENT:
                guard let name = anchorName(event.data.alias.anchor), let target = anchors[name] else { return .unsupported }
                count += target.count
                if count > nodeBudget { return .unsupported }
                guard attach(target.node) else { return .unsupported }
            default:
                break
            }
        }
    }
}
