/// GitHub-compatible heading anchors, so `doc.md#some-heading` links written for GitHub keep working.
public struct HeadingAnchor: Sendable {
    private var used: [String: Int] = [:]

    public init() {}

    /// The slug GitHub gives a heading text: lower-case, punctuation dropped, spaces to hyphens.
    public static func slug(_ text: String) -> String {
        var out = ""
        for ch in text.lowercased() {
            if ch.isLetter || ch.isNumber || ch == "-" || ch == "_" {
                out.append(ch)
            } else if ch == " " {
                out.append("-")
            }
        }
        return out
    }

    /// The next anchor for a heading in one document: repeats get `-1`, `-2`, … as on GitHub.
    public mutating func next(for text: String) -> String {
        let base = Self.slug(text)
        var candidate = base
        if let count = used[base] {
            var n = count
            repeat {
                n += 1
                candidate = "\(base)-\(n)"
            } while used[candidate] != nil
            used[base] = n
        } else {
            used[base] = 0
        }
        if candidate != base { used[candidate] = 0 }
        return candidate.isEmpty ? "section" : candidate
    }
}
