/// What a schema accepts, in words, for messages. Only used once a violation is certain.
extension SchemaProgram {
    /// Every property name the schema, or any subschema applied to the same value, declares:
    /// the candidates for "did you mean …?".
    func knownPropertyNames(_ index: Int) -> Set<String> {
        var names = Set<String>()
        var seen = Set<Int>()
        var pending = [index]
        while let next = pending.popLast() {
            guard seen.insert(next).inserted else { continue }
            names.formUnion(nodes[next].node.propertyNames)
            pending += nodes[next].node.inPlaceApplicators
        }
        return names
    }

    /// "a string", "a list", "'DataContract'", "a string matching '^[A-Z]+$'"; nil when the schema
    /// is too intricate to sum up in a few words.
    func describe(_ index: Int, depth: Int = 0) -> String? {
        guard depth < 8 else { return nil }
        let node = nodes[index].node
        if let constant = node.constant { return constant ? "anything" : nil }
        if let value = node.constValue { return Wording.value(value) }
        if let values = node.enumValues, !values.isEmpty, values.count <= 6 {
            return values.count == 1 ? Wording.value(values[0]) : "one of " + values.map(Wording.value).joined(separator: ", ")
        }
        if let types = node.types, !types.isEmpty {
            if let pattern = node.pattern, types == .string {
                // A long pattern in a list of alternatives buries the message; its start is enough.
                let shown = pattern.source.count > 48 ? pattern.source.prefix(45) + "..." : Substring(pattern.source)
                return "a string matching '\(shown)'"
            }
            return Wording.typeName(types)
        }
        if let ref = node.ref { return describe(ref, depth: depth + 1) }
        let alternatives = node.anyOf.isEmpty ? node.oneOf : node.anyOf
        if !alternatives.isEmpty { return describe(alternatives: alternatives, depth: depth + 1) }
        for member in node.allOf {
            if let form = describe(member, depth: depth + 1) { return form }
        }
        if node.declaresProperties || !node.required.isEmpty { return "a mapping" }
        return nil
    }

    /// "a string or a list"; nil if any alternative is too intricate to name (naming only some would mislead).
    func describe(alternatives: [Int], depth: Int = 0) -> String? {
        // "a string or a number", not "a string or a number or a whole number".
        let types = alternatives.map { plainTypes($0) }
        if !types.contains(nil) { return Wording.typeName(types.reduce(JSONTypes()) { $0.union($1!) }) }
        var forms: [String] = []
        for alternative in alternatives {
            guard let form = describe(alternative, depth: depth) else { return nil }
            if !forms.contains(form) { forms.append(form) }
        }
        return Wording.alternatives(forms, or: true)
    }

    /// The types of a schema that says nothing but its type (through `$ref`s).
    private func plainTypes(_ index: Int, depth: Int = 0) -> JSONTypes? {
        let node = nodes[index].node
        if let types = node.types, node.pattern == nil, node.enumValues == nil, node.constValue == nil { return types }
        if node.types == nil, let ref = node.ref, depth < 8 { return plainTypes(ref, depth: depth + 1) }
        return nil
    }
}
