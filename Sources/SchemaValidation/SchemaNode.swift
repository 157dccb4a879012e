import Foundation

/// JSON Schema's instance types, as a set (`"type": ["string", "null"]`).
struct JSONTypes: OptionSet, Sendable, Hashable {
    let rawValue: UInt8
    static let null = JSONTypes(rawValue: 1 << 0)
    static let boolean = JSONTypes(rawValue: 1 << 1)
    static let object = JSONTypes(rawValue: 1 << 2)
    static let array = JSONTypes(rawValue: 1 << 3)
    static let number = JSONTypes(rawValue: 1 << 4)
    static let integer = JSONTypes(rawValue: 1 << 5)
    static let string = JSONTypes(rawValue: 1 << 6)

    static let names: [(String, JSONTypes)] = [
        ("string", .string), ("integer", .integer), ("number", .number), ("boolean", .boolean),
        ("object", .object), ("array", .array), ("null", .null),
    ]

    init(rawValue: UInt8) { self.rawValue = rawValue }

    init?(name: String) {
        guard let found = Self.names.first(where: { $0.0 == name }) else { return nil }
        self = found.1
    }
}

/// A regular expression from `pattern` or `patternProperties`, compiled once and shared.
struct SchemaPattern: Sendable {
    var source: String
    var regex: NSRegularExpression

    /// JSON Schema patterns are not anchored: a match anywhere counts.
    func matches(_ text: String) -> Bool {
        let range = NSRange(text.startIndex..<text.endIndex, in: text)
        return regex.firstMatch(in: text, options: [], range: range) != nil
    }
}

/// One schema object, compiled: keywords parsed into fields, subschemas replaced by node indices
/// into `SchemaProgram.nodes`, `$ref` already resolved. Absent keywords are nil or empty.
struct SchemaNode: Sendable {
    /// `true` / `false` used as a schema.
    var constant: Bool?
    var location: SchemaLocation

    var types: JSONTypes?
    var enumValues: [JSONValue]?
    var constValue: JSONValue?

    var minLength: Int?
    var maxLength: Int?
    var pattern: SchemaPattern?

    var minimum: Double?
    var maximum: Double?
    var exclusiveMinimum: Double?
    var exclusiveMaximum: Double?
    var multipleOf: Double?

    /// `items` as one schema for every element.
    var items: Int?
    /// Positional schemas (`items: [...]`, or `prefixItems`), then `additionalItems` for the rest.
    var tupleItems: [Int]?
    var additionalItems: Int?
    var contains: Int?
    var minItems: Int?
    var maxItems: Int?
    var uniqueItems = false

    /// Property names sorted, so iteration and suggestions are deterministic.
    var propertyNames: [String] = []
    var properties: [String: Int] = [:]
    var patternProperties: [(pattern: SchemaPattern, schema: Int)] = []
    var additionalProperties: Int?
    var unevaluatedProperties: Int?
    var required: [String] = []
    var minProperties: Int?
    var maxProperties: Int?
    var propertyNamesSchema: Int?
    var dependentRequired: [(key: String, required: [String])] = []
    var dependentSchemas: [(key: String, schema: Int)] = []

    var ref: Int?
    var allOf: [Int] = []
    var anyOf: [Int] = []
    var oneOf: [Int] = []
    var not: Int?
    var ifSchema: Int?
    var thenSchema: Int?
    var elseSchema: Int?

    init(location: SchemaLocation) {
        self.location = location
    }

    /// Subschemas applied to the same instance (they can mark keys as evaluated).
    var inPlaceApplicators: [Int] {
        var result: [Int] = []
        if let ref { result.append(ref) }
        result += allOf + anyOf + oneOf
        for s in [ifSchema, thenSchema, elseSchema] { if let s { result.append(s) } }
        result += dependentSchemas.map(\.schema)
        return result
    }

    /// Whether this node restricts object keys at all; used to keep suggestions meaningful.
    var declaresProperties: Bool { !properties.isEmpty || !patternProperties.isEmpty }
}

/// A compiled node behind one shared, immutable reference. The evaluator fetches a node for
/// every value it checks; one retain is much cheaper than copying the struct's twenty fields.
final class SharedSchemaNode: Sendable {
    let node: SchemaNode

    init(_ node: SchemaNode) {
        self.node = node
    }
}

/// All compiled nodes of a registry, with the location each came from (so `$ref` cycles
/// and shared definitions compile once).
struct SchemaProgram: Sendable {
    var nodes: [SharedSchemaNode] = []
    var indexByLocation: [SchemaLocation: Int] = [:]
    var patterns: [String: SchemaPattern] = [:]

    subscript(index: Int) -> SharedSchemaNode { nodes[index] }
}
