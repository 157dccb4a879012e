import MeshModel

/// Keywords for mappings: properties, patternProperties, additionalProperties, required,
/// min/maxProperties, propertyNames, dependentRequired/dependentSchemas, unevaluatedProperties.
extension Evaluator {
    mutating func checkObject(_ node: YAMLNode, _ pairs: [YAMLNode.Pair], _ schemaIndex: Int,
                              _ schema: SharedSchemaNode) -> EvaluatedKeys {
        var keys = EvaluatedKeys()
        let start = violations.count
        if schema.node.patternProperties.isEmpty, schema.node.additionalProperties == nil,
           schema.node.propertyNames.count <= 3 {
            // Few declared keys and nothing else (ODCS `if` checks declare one): finding each in
            // the mapping is cheaper than hashing every key of the mapping.
            for name in schema.node.propertyNames {
                guard let i = pairs.firstIndex(where: { $0.key.keyText == name }) else { continue }
                evaluateValue(of: pairs[i], named: name, against: schema.node.properties[name]!)
                keys.insert(i)
                if shouldStop(since: start) { return keys }
            }
        } else {
            for (i, pair) in pairs.enumerated() {
                let name = pair.key.keyText
                var matched = false
                if let propertySchema = schema.node.properties[name] {
                    matched = true
                    evaluateValue(of: pair, named: name, against: propertySchema)
                }
                for (pattern, patternSchema) in schema.node.patternProperties where pattern.matches(name) {
                    matched = true
                    evaluateValue(of: pair, named: name, against: patternSchema)
                }
                if !matched, let additional = schema.node.additionalProperties {
                    // Keys that additionalProperties rejects count as evaluated, so a schema with
                    // both additionalProperties and unevaluatedProperties reports them once.
                    matched = true
                    if program[additional].node.constant == false {
                        reportUnknownKey(pair, among: pairs, allowed: schema.node.propertyNames,
                                         patterns: schema.node.patternProperties.map(\.pattern.source))
                    } else {
                        evaluateValue(of: pair, named: name, against: additional)
                    }
                }
                if matched { keys.insert(i) }
                if shouldStop(since: start) { return keys }
            }
        }
        for name in schema.node.required where !pairs.contains(where: { $0.key.keyText == name }) {
            reportMissingKey(name, in: node, pairs, schemaIndex, because: nil)
            if failFast { return keys }
        }
        if let minimum = schema.node.minProperties, pairs.count < minimum {
            report(.other, at: node) { "\($0.subject) must have at least \(minimum) key\(minimum == 1 ? "" : "s"), found \(pairs.count)" }
        }
        if let maximum = schema.node.maxProperties, pairs.count > maximum {
            report(.other, at: node) { "\($0.subject) must have at most \(maximum) key\(maximum == 1 ? "" : "s"), found \(pairs.count)" }
        }
        if shouldStop(since: start) { return keys }
        if let namesSchema = schema.node.propertyNamesSchema {
            for pair in pairs {
                // Keys are always text to JSON Schema, whatever YAML made of them.
                let key = YAMLNode(.scalar(pair.key.keyText, .string), at: pair.key.location)
                path.push(.key(pair.key.keyText))
                _ = evaluate(key, against: namesSchema)
                path.pop()
                if shouldStop(since: start) { return keys }
            }
        }
        for (trigger, names) in schema.node.dependentRequired where pairs.contains(where: { $0.key.keyText == trigger }) {
            for name in names where !pairs.contains(where: { $0.key.keyText == name }) {
                reportMissingKey(name, in: node, pairs, schemaIndex, because: trigger)
                if failFast { return keys }
            }
        }
        for (trigger, dependent) in schema.node.dependentSchemas where pairs.contains(where: { $0.key.keyText == trigger }) {
            keys.formUnion(evaluate(node, against: dependent))
            if shouldStop(since: start) { return keys }
        }
        return keys
    }

    mutating func checkUnevaluated(_ pairs: [YAMLNode.Pair], evaluated: EvaluatedKeys, _ unevaluated: Int,
                                   _ schemaIndex: Int) {
        let start = violations.count
        var known: [String]?
        for (i, pair) in pairs.enumerated() where !evaluated.contains(i) {
            if program[unevaluated].node.constant == false {
                // Suggestions come from every property any part of this schema declares.
                if known == nil { known = failFast ? [] : program.knownPropertyNames(schemaIndex).sorted() }
                reportUnknownKey(pair, among: pairs, allowed: known!, patterns: [])
            } else {
                evaluateValue(of: pair, named: pair.key.keyText, against: unevaluated)
            }
            if shouldStop(since: start) { return }
        }
    }

    private mutating func evaluateValue(of pair: YAMLNode.Pair, named name: String, against schemaIndex: Int) {
        path.push(.key(name))
        _ = evaluate(pair.value, against: schemaIndex)
        path.pop()
    }

    private mutating func reportUnknownKey(_ pair: YAMLNode.Pair, among pairs: [YAMLNode.Pair], allowed: [String],
                                           patterns: [String]) {
        if failFast {
            report(.unknownKey, at: pair.key) { _ in "" }
            return
        }
        let name = pair.key.keyText
        let present = Set(pairs.map(\.key.keyText))
        let suggestion = Wording.closest(to: name, among: allowed.filter { !present.contains($0) })
        var message = "unknown key '\(name)' in \(place)"
        if let suggestion {
            message += "; did you mean '\(suggestion)'?"
        } else if allowed.isEmpty, !patterns.isEmpty {
            message = "key '\(name)' in \(place) does not match the allowed key pattern "
                + patterns.map { "'\($0)'" }.joined(separator: " or ")
        } else if allowed.isEmpty {
            message += ": no keys are allowed here"
        } else if allowed.count <= 12 {
            message += " (allowed: \(allowed.joined(separator: ", ")))"
        }
        report(.unknownKey, at: pair.key, child: .key(name), suggestion: suggestion) { _ in message }
    }

    /// Points at the mapping; if it holds an unknown key that looks like a misspelling of the
    /// missing one, the message says so (the unknown key gets its own violation where it is written).
    private mutating func reportMissingKey(_ name: String, in node: YAMLNode, _ pairs: [YAMLNode.Pair],
                                           _ schemaIndex: Int, because trigger: String?) {
        if failFast {
            report(.missingKey, at: node) { _ in "" }
            return
        }
        let known = program.knownPropertyNames(schemaIndex)
        let patterns = program[schemaIndex].node.patternProperties.map(\.pattern)
        let unknown = pairs.map(\.key.keyText).filter { key in !known.contains(key) && !patterns.contains { $0.matches(key) } }
        let misspelt = Wording.closest(to: name, among: unknown)
        var message = "missing required key '\(name)' in \(place)"
        if let trigger { message += " (required when '\(trigger)' is present)" }
        if let misspelt { message += "; is '\(misspelt)' a misspelling of '\(name)'?" }
        report(.missingKey, at: node, child: .key(name)) { _ in message }
    }
}
