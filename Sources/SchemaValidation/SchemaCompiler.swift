import Foundation

/// Turns schema JSON into `SchemaNode`s. Each location compiles once: `$ref` targets are looked up
/// in the program first, and a node's slot is reserved before its children compile, so recursive
/// schemas (ODCS properties inside properties) just point back at themselves.
struct SchemaCompiler {
    let index: SchemaIndex
    var program: SchemaProgram

    init(index: SchemaIndex, program: SchemaProgram = SchemaProgram()) {
        self.index = index
        self.program = program
    }

    mutating func compile(_ location: SchemaLocation) throws -> Int {
        if let existing = program.indexByLocation[location] { return existing }
        guard let value = index.value(at: location) else {
            throw SchemaError.unresolvableReference(location.description, in: index.describe(location))
        }
        let slot = program.nodes.count
        program.nodes.append(SharedSchemaNode(SchemaNode(location: location)))
        program.indexByLocation[location] = slot
        program.nodes[slot] = SharedSchemaNode(try build(value, at: location))
        return slot
    }

    private mutating func build(_ value: JSONValue, at location: SchemaLocation) throws -> SchemaNode {
        var node = SchemaNode(location: location)
        guard case .object(let object) = value else {
            // `true`/`false` schemas; anything else is not a schema and constrains nothing.
            node.constant = value.boolValue ?? true
            return node
        }
        let legacy = index.documents[location.document].isLegacyDraft
        if let reference = object["$ref"]?.stringValue {
            guard let target = index.resolve(reference, from: location) else {
                throw SchemaError.unresolvableReference(reference, in: index.describe(location))
            }
            node.ref = try compile(target)
            // Before 2019-09 a `$ref` makes its siblings meaningless.
            if legacy { return node }
        }
        try compileValueKeywords(object, into: &node, at: location)
        try compileArrayKeywords(object, into: &node, at: location)
        try compileObjectKeywords(object, into: &node, at: location, legacy: legacy)
        try compileApplicators(object, into: &node, at: location)
        return node
    }

    private mutating func compileValueKeywords(_ object: [String: JSONValue], into node: inout SchemaNode,
                                               at location: SchemaLocation) throws {
        switch object["type"] {
        case .string(let name)?:
            node.types = JSONTypes(name: name) ?? []
        case .array(let names)?:
            node.types = names.reduce(into: JSONTypes()) { set, name in
                if let type = name.stringValue.flatMap(JSONTypes.init(name:)) { set.insert(type) }
            }
        default:
            break
        }
        node.enumValues = object["enum"]?.arrayValue
        node.constValue = object["const"]
        node.minLength = Self.count(object["minLength"])
        node.maxLength = Self.count(object["maxLength"])
        if let source = object["pattern"]?.stringValue {
            node.pattern = try pattern(source, at: location.appending("pattern"))
        }
        node.minimum = object["minimum"]?.numberValue
        node.maximum = object["maximum"]?.numberValue
        node.exclusiveMinimum = object["exclusiveMinimum"]?.numberValue
        node.exclusiveMaximum = object["exclusiveMaximum"]?.numberValue
        // Draft-04 spelled exclusiveness as a flag on minimum/maximum.
        if object["exclusiveMinimum"]?.boolValue == true { (node.exclusiveMinimum, node.minimum) = (node.minimum, nil) }
        if object["exclusiveMaximum"]?.boolValue == true { (node.exclusiveMaximum, node.maximum) = (node.maximum, nil) }
        if let multiple = object["multipleOf"]?.numberValue, multiple > 0 { node.multipleOf = multiple }
    }

    private mutating func compileArrayKeywords(_ object: [String: JSONValue], into node: inout SchemaNode,
                                               at location: SchemaLocation) throws {
        if let prefix = object["prefixItems"]?.arrayValue {
            node.tupleItems = try prefix.indices.map { try compile(location.appending("prefixItems", String($0))) }
            if object["items"] != nil { node.additionalItems = try compile(location.appending("items")) }
        } else if let tuple = object["items"]?.arrayValue {
            node.tupleItems = try tuple.indices.map { try compile(location.appending("items", String($0))) }
            if object["additionalItems"] != nil { node.additionalItems = try compile(location.appending("additionalItems")) }
        } else if object["items"] != nil {
            node.items = try compile(location.appending("items"))
        }
        if object["contains"] != nil { node.contains = try compile(location.appending("contains")) }
        node.minItems = Self.count(object["minItems"])
        node.maxItems = Self.count(object["maxItems"])
        node.uniqueItems = object["uniqueItems"]?.boolValue ?? false
    }

    private mutating func compileObjectKeywords(_ object: [String: JSONValue], into node: inout SchemaNode,
                                                at location: SchemaLocation, legacy: Bool) throws {
        if let properties = object["properties"]?.objectValue {
            node.propertyNames = properties.keys.sorted()
            for name in node.propertyNames {
                node.properties[name] = try compile(location.appending("properties", name))
            }
        }
        if let patterns = object["patternProperties"]?.objectValue {
            for source in patterns.keys.sorted() {
                let compiled = try pattern(source, at: location.appending("patternProperties"))
                node.patternProperties.append((compiled, try compile(location.appending("patternProperties", source))))
            }
        }
        if object["additionalProperties"] != nil {
            node.additionalProperties = try compile(location.appending("additionalProperties"))
        }
        if !legacy, object["unevaluatedProperties"] != nil {
            node.unevaluatedProperties = try compile(location.appending("unevaluatedProperties"))
        }
        node.required = (object["required"]?.arrayValue ?? []).compactMap(\.stringValue)
        node.minProperties = Self.count(object["minProperties"])
        node.maxProperties = Self.count(object["maxProperties"])
        if object["propertyNames"] != nil { node.propertyNamesSchema = try compile(location.appending("propertyNames")) }

        // `dependencies` (draft-07) holds both forms; 2019-09 split it in two keywords.
        for keyword in ["dependencies", "dependentRequired", "dependentSchemas"] {
            guard let map = object[keyword]?.objectValue else { continue }
            for key in map.keys.sorted() {
                if let names = map[key]!.arrayValue {
                    node.dependentRequired.append((key, names.compactMap(\.stringValue)))
                } else if keyword != "dependentRequired" {
                    node.dependentSchemas.append((key, try compile(location.appending(keyword, key))))
                }
            }
        }
    }

    private mutating func compileApplicators(_ object: [String: JSONValue], into node: inout SchemaNode,
                                             at location: SchemaLocation) throws {
        for keyword in ["allOf", "anyOf", "oneOf"] {
            guard let list = object[keyword]?.arrayValue else { continue }
            let compiled = try list.indices.map { try compile(location.appending(keyword, String($0))) }
            switch keyword {
            case "allOf": node.allOf = compiled
            case "anyOf": node.anyOf = compiled
            default: node.oneOf = compiled
            }
        }
        if object["not"] != nil { node.not = try compile(location.appending("not")) }
        // `then`/`else` without `if` do nothing, so they are not even compiled.
        if object["if"] != nil {
            node.ifSchema = try compile(location.appending("if"))
            if object["then"] != nil { node.thenSchema = try compile(location.appending("then")) }
            if object["else"] != nil { node.elseSchema = try compile(location.appending("else")) }
        }
    }

    private mutating func pattern(_ source: String, at location: SchemaLocation) throws -> SchemaPattern {
        if let cached = program.patterns[source] { return cached }
        do {
            let compiled = SchemaPattern(source: source, regex: try NSRegularExpression(pattern: source))
            program.patterns[source] = compiled
            return compiled
        } catch {
            throw SchemaError.invalidPattern(source, in: index.describe(location), detail: "\(error)")
        }
    }

    private static func count(_ value: JSONValue?) -> Int? {
        guard let number = value?.numberValue, number >= 0, number < Double(Int.max) else { return nil }
        return Int(number)
    }
}
