import MeshModel

/// allOf, anyOf, oneOf, not, if/then/else: subschemas applied to the same value.
///
/// On evaluated keys (for unevaluatedProperties): keys seen by `allOf` members, `then`/`else` and
/// `$ref` count even when that subschema fails, and so do those of the anyOf/oneOf branch whose
/// errors are reported. The value is invalid either way; this only spares the reader a second,
/// cascading "unknown key" for every key of a mapping that already has a located error.
extension Evaluator {
    mutating func applyApplicators(_ node: YAMLNode, _ schema: SharedSchemaNode) -> EvaluatedKeys {
        var keys = EvaluatedKeys()
        let start = violations.count
        for member in schema.node.allOf {
            keys.formUnion(evaluate(node, against: member))
            if shouldStop(since: start) { return keys }
        }
        if !schema.node.anyOf.isEmpty {
            keys.formUnion(applyAlternatives(node, schema.node.anyOf, exactlyOne: false))
            if shouldStop(since: start) { return keys }
        }
        if !schema.node.oneOf.isEmpty {
            keys.formUnion(applyAlternatives(node, schema.node.oneOf, exactlyOne: true))
            if shouldStop(since: start) { return keys }
        }
        if let forbidden = schema.node.not, probe(node, against: forbidden).valid {
            reportForbidden(node, forbidden)
            if shouldStop(since: start) { return keys }
        }
        if let condition = schema.node.ifSchema {
            let outcome = probe(node, against: condition)
            if outcome.valid {
                keys.formUnion(outcome.keys)
                if let then = schema.node.thenSchema { keys.formUnion(evaluate(node, against: then)) }
            } else if let otherwise = schema.node.elseSchema {
                keys.formUnion(evaluate(node, against: otherwise))
            }
        }
        return keys
    }

    /// anyOf / oneOf. Every branch is evaluated (all valid ones contribute evaluated keys). When none
    /// holds, the reader sees the errors of the branch that came closest, or, when every branch
    /// already fails on the value's own type or form, one violation listing the accepted forms.
    private mutating func applyAlternatives(_ node: YAMLNode, _ branches: [Int], exactlyOne: Bool) -> EvaluatedKeys {
        // First a cheap yes/no per branch; messages are only worth building when none holds.
        let probes = branches.map { probe(node, against: $0) }
        let valid = probes.indices.filter { probes[$0].valid }
        var keys = EvaluatedKeys()
        for i in valid { keys.formUnion(probes[i].keys) }
        if exactlyOne, valid.count > 1 {
            report(.other, at: node) { evaluator in
                "\(evaluator.subject) fits more than one of the allowed forms ("
                    + Wording.alternatives(valid.map { evaluator.program.describe(branches[$0]) ?? "form \($0 + 1)" }, or: false)
                    + "); it must fit exactly one"
            }
            return keys
        }
        if !valid.isEmpty { return keys }
        if failFast {
            report(.noMatchingAlternative, at: node) { _ in "" }
            return keys
        }
        var outcomes: [(violations: [SchemaViolation], keys: EvaluatedKeys)] = []
        outcomes.reserveCapacity(branches.count)
        for branch in branches {
            let start = violations.count
            let keys = evaluate(node, against: branch)
            outcomes.append((Array(violations[start...]), keys))
            violations.removeSubrange(start...)
        }

        let here = path.rendered
        let ranked = outcomes.indices.map { i -> (farOff: Bool, atNode: Bool, mismatch: Bool, count: Int, index: Int) in
            let found = outcomes[i].violations
            let atNode = found.filter { Self.isAboutNode($0, node, here) }
            return (atNode.count == found.count && atNode.allSatisfy { Self.formKinds.contains($0.kind) },
                    !atNode.isEmpty,
                    found.contains { $0.kind == .constMismatch || $0.kind == .notInEnum },
                    found.count, i)
        }
        // Closest branch: one that accepted the value's form, then one whose discriminating
        // const/enum matched, then the fewest violations, then the first.
        let best = ranked.min {
            ($0.farOff ? 1 : 0, $0.atNode ? 1 : 0, $0.mismatch ? 1 : 0, $0.count, $0.index)
                < ($1.farOff ? 1 : 0, $1.atNode ? 1 : 0, $1.mismatch ? 1 : 0, $1.count, $1.index)
        }!
        if best.farOff {
            let missing = outcomes.map { $0.violations.filter { $0.kind == .missingKey } }
            if missing.allSatisfy({ !$0.isEmpty }), outcomes.allSatisfy({ $0.violations.allSatisfy { $0.kind == .missingKey } }) {
                reportMissingOneOf(node, keys: missing.map { Self.missingKeyNames($0, under: here) })
            } else {
                reportNoMatch(node, branches)
            }
            return .all(node.pairs.count)
        }
        violations += outcomes[best.index].violations
        return outcomes[best.index].keys
    }

    private static let formKinds: Set<SchemaViolation.Kind> = [
        .wrongType, .constMismatch, .notInEnum, .pattern, .noMatchingAlternative, .missingKey,
    ]

    /// A violation about the value itself (its type, its form, a key it lacks), not about
    /// something inside it.
    private static func isAboutNode(_ violation: SchemaViolation, _ node: YAMLNode, _ path: String) -> Bool {
        violation.path == path
            || (violation.kind == .missingKey && violation.location == node.location && violation.path.hasPrefix(path))
    }

    /// "'mustBe'" or "'from' and 'to'": the keys one branch lacks, from its violations' paths.
    private static func missingKeyNames(_ violations: [SchemaViolation], under path: String) -> String {
        let names = violations.map { violation -> String in
            var name = String(violation.path.dropFirst(path.count))
            if name.hasPrefix(".") { name.removeFirst() }
            if name.hasPrefix("['"), name.hasSuffix("']") { name = String(name.dropFirst(2).dropLast(2)) }
            return "'\(name)'"
        }
        return Wording.alternatives(names, or: false)
    }

    /// Every branch only lacked keys (ODCS quality operators: one of mustBe, mustNotBe, …).
    private mutating func reportMissingOneOf(_ node: YAMLNode, keys: [String]) {
        var unique: [String] = []
        for key in keys where !unique.contains(key) { unique.append(key) }
        report(.missingKey, at: node) {
            "missing key in \($0.place): it needs " + (unique.count == 1 ? unique[0] : "one of " + Wording.alternatives(unique, or: true))
        }
    }

    private mutating func reportNoMatch(_ node: YAMLNode, _ branches: [Int]) {
        let expectation = program.describe(alternatives: branches).map { "be " + $0 } ?? "match one of the allowed forms"
        report(.noMatchingAlternative, at: node) { "\($0.subject) must \(expectation), found \(Wording.found(node))" }
    }

    /// `not`. The common case, `not: {required: [x]}`, reads best as "key x is not allowed".
    private mutating func reportForbidden(_ node: YAMLNode, _ forbidden: Int) {
        let schema = program[forbidden]
        if schema.node.required.count == 1, let pair = node.pairs.first(where: { $0.key.keyText == schema.node.required[0] }),
           schema.node.inPlaceApplicators.isEmpty, !schema.node.declaresProperties {
            report(.unknownKey, at: pair.key, child: .key(pair.key.keyText)) {
                "key '\(pair.key.keyText)' is not allowed in \($0.place)"
            }
            return
        }
        report(.other, at: node) { "\($0.subject) must not be " + ($0.program.describe(forbidden) ?? "of this form") }
    }
}
