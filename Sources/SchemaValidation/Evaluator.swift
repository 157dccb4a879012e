import MeshModel

/// One validation run: walks a YAML tree and the compiled schema together, collecting violations.
///
/// Two modes. Collecting (the default) gathers every violation with its message. Probing
/// (`failFast`, for `if`, `not`, `contains`) only needs a yes or no: it stops at the first
/// violation and never builds message text, which keeps the many ODCS `if` checks cheap.
struct Evaluator {
    let program: SchemaProgram
    /// "the data product": how messages name the document itself.
    let documentName: String

    var violations: [SchemaViolation] = []
    var path = InstancePath()
    var failFast = false

    private var depth = 0
    private var steps = 0
    /// Set when the run gave up (nesting too deep, or too much work); reported once at the end.
    private(set) var abandoned: (reason: String, location: SourceLocation, path: String)?

    static let maxDepth = 200
    static let maxSteps = 10_000_000

    init(program: SchemaProgram, documentName: String) {
        self.program = program
        self.documentName = documentName
    }

    /// Validates `node` against the schema at `schemaIndex`; returns the mapping keys it evaluated.
    mutating func evaluate(_ node: YAMLNode, against schemaIndex: Int) -> EvaluatedKeys {
        var keys = EvaluatedKeys()
        guard abandoned == nil else { return keys }
        depth += 1
        steps += 1
        defer { depth -= 1 }
        if depth > Self.maxDepth || steps > Self.maxSteps {
            let reason = depth > Self.maxDepth
                ? "the document nests too deeply to check against its schema (more than \(Self.maxDepth) levels)"
                : "the document is too complex to check against its schema; gave up"
            abandoned = (reason, node.location, path.rendered)
            return keys
        }
        let schema = program[schemaIndex]
        if let constant = schema.node.constant {
            if !constant { report(.other, at: node) { "\($0.subject) is not allowed here" } }
            return keys
        }
        let start = violations.count
        if let ref = schema.node.ref {
            keys.formUnion(evaluate(node, against: ref))
            if shouldStop(since: start) { return keys }
        }
        guard checkType(node, schema) else { return keys }
        checkEnumAndConst(node, schema)
        if shouldStop(since: start) { return keys }

        switch node.value {
        case .scalar(let text, let kind):
            if kind == .string { checkString(node, text, schema) }
            if let number = node.numberValue { checkNumber(node, number, schema) }
        case .sequence(let items):
            checkArray(node, items, schema)
        case .mapping(let pairs):
            keys.formUnion(checkObject(node, pairs, schemaIndex, schema))
        }
        if shouldStop(since: start) { return keys }

        keys.formUnion(applyApplicators(node, schema))
        if shouldStop(since: start) { return keys }

        if case .mapping(let pairs) = node.value, let unevaluated = schema.node.unevaluatedProperties {
            checkUnevaluated(pairs, evaluated: keys, unevaluated, schemaIndex)
            keys = .all(pairs.count)
        }
        return keys
    }

    func shouldStop(since start: Int) -> Bool {
        failFast && violations.count > start
    }

    // MARK: - Reporting

    /// How messages name the current value: "'version'", "'tags[0]'", or the document itself.
    var subject: String {
        path.lastName.map { "'\($0)'" } ?? documentName
    }

    /// Where the current mapping is, for "unknown key … in outputPorts[0]".
    var place: String {
        path.isEmpty ? documentName : path.rendered
    }

    /// Appends a violation. The message is built only when someone will read it; it gets the
    /// evaluator as an argument (not captured) so it can name the current place.
    mutating func report(_ kind: SchemaViolation.Kind, at node: YAMLNode, child: InstancePath.Component? = nil,
                         suggestion: String? = nil, _ message: (Evaluator) -> String) {
        if failFast {
            violations.append(SchemaViolation(kind: kind, message: "", location: node.location, path: ""))
            return
        }
        var target = path
        if let child { target.push(child) }
        violations.append(SchemaViolation(kind: kind, message: message(self), location: node.location,
                                          path: target.rendered, suggestion: suggestion))
    }

    // MARK: - Types and values

    private mutating func checkType(_ node: YAMLNode, _ schema: SharedSchemaNode) -> Bool {
        guard let expected = schema.node.types, node.jsonTypes.isDisjoint(with: expected) else { return true }
        var hint: (text: String, suggestion: String)?
        if case .scalar(let text, let kind) = node.value {
            if expected.contains(.string), kind == .int || kind == .float || kind == .bool {
                hint = ("quote it to keep it as text: \"\(text)\"", "\"\(text)\"")
            } else if kind == .string, !expected.intersection([.number, .integer]).isEmpty,
                      let number = YAMLNode.number(text), number.isFinite, !text.contains(" ") {
                hint = ("remove the quotes to make it a number", text)
            } else if kind == .string, expected.contains(.boolean), ["true", "false"].contains(text.lowercased()) {
                hint = ("remove the quotes to make it true or false", text.lowercased())
            } else if expected.contains(.array), kind != .null, Wording.isPlainFlowItem(text) {
                hint = ("write a list, even of one item: [\(text)]", "[\(text)]")
            }
        }
        report(.wrongType, at: node, suggestion: hint?.suggestion) {
            "\($0.subject) must be \(Wording.typeName(expected)), found \(Wording.found(node))"
                + (hint.map { "; \($0.text)" } ?? "")
        }
        return false
    }

    private mutating func checkEnumAndConst(_ node: YAMLNode, _ schema: SharedSchemaNode) {
        if let allowed = schema.node.enumValues, !allowed.contains(where: node.equals) {
            let suggestion = closeValue(node, among: allowed)
            let listed = allowed.prefix(12).map(Wording.value).joined(separator: ", ") + (allowed.count > 12 ? ", …" : "")
            let expectation = allowed.count == 1 ? Wording.value(allowed[0]) : "one of \(listed)"
            report(.notInEnum, at: node, suggestion: suggestion) {
                "\($0.subject) must be \(expectation), found \(Wording.found(node))"
                    + (suggestion.map { "; did you mean \(Wording.asValue($0))?" } ?? "")
            }
        }
        if let constant = schema.node.constValue, !node.equals(constant) {
            let suggestion = closeValue(node, among: [constant])
            report(.constMismatch, at: node, suggestion: suggestion) {
                "\($0.subject) must be \(Wording.value(constant)), found \(Wording.found(node))"
                    + (suggestion.map { "; did you mean \(Wording.asValue($0))?" } ?? "")
            }
        }
    }

    /// A near miss among allowed values: a misspelt word, or a number that should have been quoted.
    private func closeValue(_ node: YAMLNode, among allowed: [JSONValue]) -> String? {
        guard !failFast, case .scalar(let text, let kind) = node.value else { return nil }
        let strings = allowed.compactMap(\.stringValue)
        if kind != .string {
            return strings.contains(text) ? "\"\(text)\"" : nil
        }
        return Wording.closest(to: text, among: strings)
    }

    private mutating func checkString(_ node: YAMLNode, _ text: String, _ schema: SharedSchemaNode) {
        if schema.node.minLength != nil || schema.node.maxLength != nil {
            // JSON Schema counts characters as Unicode code points.
            let length = text.unicodeScalars.count
            if let minimum = schema.node.minLength, length < minimum {
                report(.tooShort, at: node) {
                    length == 0 && minimum == 1
                        ? "\($0.subject) must not be empty"
                        : "\($0.subject) must be at least \(minimum) character\(minimum == 1 ? "" : "s") long, found \(length)"
                }
            }
            if let maximum = schema.node.maxLength, length > maximum {
                report(.other, at: node) { "\($0.subject) must be at most \(maximum) characters long, found \(length)" }
            }
        }
        if let pattern = schema.node.pattern, !pattern.matches(text) {
            report(.pattern, at: node) {
                "\($0.subject) must match the pattern '\(pattern.source)', found \(Wording.quoted(text))"
            }
        }
    }

    private mutating func checkNumber(_ node: YAMLNode, _ number: Double, _ schema: SharedSchemaNode) {
        let text = failFast ? "" : Wording.found(node)
        if let bound = schema.node.minimum, !(number >= bound) {
            report(.outOfRange, at: node) { "\($0.subject) must be at least \(JSONValue.format(bound)), found \(text)" }
        }
        if let bound = schema.node.exclusiveMinimum, !(number > bound) {
            report(.outOfRange, at: node) { "\($0.subject) must be greater than \(JSONValue.format(bound)), found \(text)" }
        }
        if let bound = schema.node.maximum, !(number <= bound) {
            report(.outOfRange, at: node) { "\($0.subject) must be at most \(JSONValue.format(bound)), found \(text)" }
        }
        if let bound = schema.node.exclusiveMaximum, !(number < bound) {
            report(.outOfRange, at: node) { "\($0.subject) must be less than \(JSONValue.format(bound)), found \(text)" }
        }
        if let divisor = schema.node.multipleOf {
            let quotient = number / divisor
            if !quotient.isFinite || abs(quotient - quotient.rounded()) > 1e-9 * max(1, abs(quotient)) {
                report(.outOfRange, at: node) { "\($0.subject) must be a multiple of \(JSONValue.format(divisor)), found \(text)" }
            }
        }
    }
}
