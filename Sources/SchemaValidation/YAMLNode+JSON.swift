import MeshModel

/// How a YAML value looks to JSON Schema: its JSON types, its number, and its JSON value for
/// `enum`, `const` and `uniqueItems`.
extension YAMLNode {
    /// The types this value satisfies. A whole number is also a "number"; a float with no fraction
    /// (`1.0`) is also an "integer", as in every draft since 06.
    var jsonTypes: JSONTypes {
        switch value {
        case .mapping: return .object
        case .sequence: return .array
        case .scalar(let text, let kind):
            switch kind {
            case .string: return .string
            case .bool: return .boolean
            case .null: return .null
            case .int: return [.integer, .number]
            case .float:
                guard let number = Self.number(text), number.isFinite, number.rounded() == number else { return .number }
                return [.number, .integer]
            }
        }
    }

    /// The number a plain YAML int or float stands for (`0x1F`, `-.inf`, `1_000` included).
    var numberValue: Double? {
        guard case .scalar(let text, let kind) = value, kind == .int || kind == .float else { return nil }
        return Self.number(text)
    }

    /// Key text of a mapping key, whatever its YAML type (`1: x` has the key "1").
    var keyText: String {
        if case .scalar(let text, _) = value { return text }
        return ""
    }

    private static let radixes: [Character: Int] = ["x": 16, "X": 16, "o": 8, "O": 8, "b": 2, "B": 2]

    static func number(_ text: String) -> Double? {
        var body = text.utf8.contains(UInt8(ascii: "_")) ? Substring(text.filter { $0 != "_" }) : Substring(text)
        var sign = 1.0
        if let first = body.first, first == "-" || first == "+" {
            sign = first == "-" ? -1 : 1
            body = body.dropFirst()
        }
        if body.first == "." {
            switch body.lowercased() {
            case ".inf": return sign * .infinity
            case ".nan": return .nan
            default: break
            }
        }
        if body.count > 2, body.first == "0", let radix = Self.radixes[body.dropFirst().first!] {
            return UInt64(body.dropFirst(2), radix: radix).map { sign * Double($0) }
        }
        return Double(body).map { sign * $0 }
    }

    /// The value as JSON, for equality checks. Depth-limited: nothing here may overflow the stack.
    func jsonValue(depthLimit: Int = 200) -> JSONValue {
        switch value {
        case .scalar(let text, let kind):
            switch kind {
            case .string: return .string(text)
            case .null: return .null
            case .bool: return .bool(["true", "yes", "on", "y"].contains(text.lowercased()))
            case .int, .float: return Self.number(text).map(JSONValue.number) ?? .string(text)
            }
        case .sequence(let items):
            guard depthLimit > 0 else { return .array([]) }
            return .array(items.map { $0.jsonValue(depthLimit: depthLimit - 1) })
        case .mapping(let pairs):
            guard depthLimit > 0 else { return .object([:]) }
            var object: [String: JSONValue] = [:]
            for pair in pairs where object[pair.key.keyText] == nil {
                object[pair.key.keyText] = pair.value.jsonValue(depthLimit: depthLimit - 1)
            }
            return .object(object)
        }
    }

    /// Equality with a schema value without converting containers unless they have to be compared.
    func equals(_ json: JSONValue) -> Bool {
        switch (value, json) {
        case (.scalar(let text, .string), .string(let string)): return text == string
        case (.scalar(_, .string), _), (_, .string): return false
        case (.scalar(_, .null), .null): return true
        case (.scalar(_, .bool), .bool), (.scalar(_, .int), .number), (.scalar(_, .float), .number),
             (.sequence, .array), (.mapping, .object):
            return jsonValue() == json
        default:
            return false
        }
    }
}
