import MeshModel

/// How violations name things: in the words of someone editing YAML (mapping, list, number),
/// not of the JSON Schema spec (object, array, instance).
enum Wording {
    static func typeName(_ types: JSONTypes) -> String {
        var names: [String] = []
        if types.contains(.string) { names.append("a string") }
        if types.contains(.number) {
            names.append("a number")
        } else if types.contains(.integer) {
            names.append("a whole number")
        }
        if types.contains(.boolean) { names.append(types == .boolean ? "true or false" : "a boolean") }
        if types.contains(.object) { names.append("a mapping") }
        if types.contains(.array) { names.append("a list") }
        if types.contains(.null) { names.append("empty (null)") }
        return alternatives(names, or: true)
    }

    /// "a, b or c"
    static func alternatives(_ items: [String], or: Bool) -> String {
        guard items.count > 1 else { return items.first ?? "nothing" }
        return items.dropLast().joined(separator: ", ") + (or ? " or " : " and ") + items.last!
    }

    /// What was written, for "found …": "the number 1.0", "the string 'abc'", "a mapping".
    static func found(_ node: YAMLNode) -> String {
        switch node.value {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .scalar(let text, let kind):
            switch kind {
            case .string: return "the string " + quoted(text)
            case .int, .float: return "the number \(text)"
            case .bool: return "the boolean \(text)"
            case .null: return "an empty value"
            }
        }
    }

    /// A scalar value for messages, shortened so one long description cannot flood the output.
    static func quoted(_ text: String) -> String {
        let short = text.count > 60 ? String(text.prefix(57)) + "..." : text
        return "'" + short.replacingOccurrences(of: "\n", with: "\\n") + "'"
    }

    /// Text that can go between `[` and `]` unquoted and still be the same one string.
    static func isPlainFlowItem(_ text: String) -> Bool {
        guard let first = text.first, let last = text.last, !first.isWhitespace, !last.isWhitespace else { return false }
        return !text.contains { ":#,[]{}&*!|>'\"%@`\n".contains($0) } && !"-?".contains(first)
    }

    /// A suggested replacement as it reads in a sentence: already-quoted text stays as it is.
    static func asValue(_ suggestion: String) -> String {
        suggestion.hasPrefix("\"") ? suggestion : "'\(suggestion)'"
    }

    static func value(_ json: JSONValue) -> String {
        let text = json.display
        return text.count > 80 ? String(text.prefix(77)) + "..." : text
    }

    /// "the data product" from `kind: DataProduct`; "the document" without a kind.
    static func documentName(_ node: YAMLNode) -> String {
        guard let kind = node["kind"]?.text, kind.count <= 40, kind.first?.isLetter == true,
              kind.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else { return "the document" }
        var words: [String] = []
        var current = ""
        let characters = Array(kind)
        for (i, c) in characters.enumerated() {
            let startsWord = c.isUppercase && i > 0
                && (characters[i - 1].isLowercase || (i + 1 < characters.count && characters[i + 1].isLowercase))
            if startsWord || c == "-" || c == "_" || c == " " {
                if !current.isEmpty { words.append(current) }
                current = c.isLetter || c.isNumber ? String(c) : ""
            } else {
                current.append(c)
            }
        }
        if !current.isEmpty { words.append(current) }
        // Keep acronyms ("API") as written; lower-case ordinary words.
        let phrase = words.map { $0.allSatisfy(\.isUppercase) && $0.count > 1 ? $0 : $0.lowercased() }
        return "the " + phrase.joined(separator: " ")
    }

    /// The closest candidate to a misspelling: edit distance at most 2, or a third of the word for
    /// long words; ties broken by name so the answer never varies.
    static func closest(to word: String, among candidates: [String]) -> String? {
        guard !word.isEmpty else { return nil }
        let lower = word.lowercased()
        if let sameLetters = candidates.filter({ $0.lowercased() == lower && $0 != word }).sorted().first {
            return sameLetters
        }
        let limit = max(2, word.count / 3)
        var best: (distance: Int, name: String)?
        for candidate in candidates where candidate != word && abs(candidate.count - word.count) <= limit {
            let distance = EditDistance.between(lower, candidate.lowercased())
            guard distance <= limit, distance < candidate.count else { continue }
            if best == nil || distance < best!.distance || (distance == best!.distance && candidate < best!.name) {
                best = (distance, candidate)
            }
        }
        return best?.name
    }
}
