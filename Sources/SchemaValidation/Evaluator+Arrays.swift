import MeshModel

/// Keywords for lists: items (one schema or positional), contains, minItems/maxItems, uniqueItems.
extension Evaluator {
    mutating func checkArray(_ node: YAMLNode, _ items: [YAMLNode], _ schema: SharedSchemaNode) {
        let start = violations.count
        if let minimum = schema.node.minItems, items.count < minimum {
            report(.tooFewItems, at: node) {
                "\($0.subject) must have at least \(minimum) item\(minimum == 1 ? "" : "s"), found \(items.count)"
            }
        }
        if let maximum = schema.node.maxItems, items.count > maximum {
            report(.other, at: node) {
                "\($0.subject) must have at most \(maximum) item\(maximum == 1 ? "" : "s"), found \(items.count)"
            }
        }
        if shouldStop(since: start) { return }

        for (i, item) in items.enumerated() {
            let itemSchema: Int?
            if let tuple = schema.node.tupleItems {
                itemSchema = i < tuple.count ? tuple[i] : schema.node.additionalItems
            } else {
                itemSchema = schema.node.items
            }
            guard let itemSchema else { continue }
            path.push(.index(i))
            if program[itemSchema].node.constant == false {
                report(.other, at: item) {
                    "\($0.subject) is an item too many: at most \(schema.node.tupleItems?.count ?? 0) items are allowed"
                }
            } else {
                _ = evaluate(item, against: itemSchema)
            }
            path.pop()
            if shouldStop(since: start) { return }
        }

        if let contains = schema.node.contains, !items.contains(where: { probe($0, against: contains).valid }) {
            report(.other, at: node) {
                "\($0.subject) must contain at least one item that is " + ($0.program.describe(contains) ?? "valid for its schema")
            }
        }
        if schema.node.uniqueItems { checkUnique(items) }
    }

    /// Points at the repeated item, naming the earlier one it repeats.
    private mutating func checkUnique(_ items: [YAMLNode]) {
        var firstIndex: [JSONValue: Int] = [:]
        for (i, item) in items.enumerated() {
            let value = item.jsonValue()
            if let earlier = firstIndex[value] {
                path.push(.index(i))
                report(.duplicateItems, at: item) {
                    "duplicate item \(Wording.value(value)) in '\(Self.parentName(of: $0.path))': it repeats item \(earlier)"
                }
                path.pop()
                if failFast { return }
            } else {
                firstIndex[value] = i
            }
        }
    }

    private static func parentName(of path: InstancePath) -> String {
        var parent = path
        parent.pop()
        return parent.lastName ?? "the list"
    }

    /// Runs a subschema only to learn whether it holds; nothing it finds is kept.
    mutating func probe(_ node: YAMLNode, against schemaIndex: Int) -> (valid: Bool, keys: EvaluatedKeys) {
        let saved = failFast
        let start = violations.count
        failFast = true
        let keys = evaluate(node, against: schemaIndex)
        let valid = violations.count == start
        violations.removeSubrange(start...)
        failFast = saved
        return (valid, keys)
    }
}
