/// Short excerpts of a document's text shown under a result, cut at word boundaries.
enum Snippet {
    /// About `length` characters of `text` around the scalar `offset`, starting a little before it.
    static func around(_ text: String, offset: Int, length: Int) -> String {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count > length else { return text }
        var start = max(0, min(offset - length / 4, scalars.count - length))
        if start > 0 {
            // Begin at the next word rather than in the middle of one.
            while start < offset, start < scalars.count, scalars[start - 1] != " " { start += 1 }
        }
        return cut(scalars, from: start, length: length)
    }

    static func head(_ text: String, length: Int) -> String {
        let scalars = Array(text.unicodeScalars)
        return scalars.count > length ? cut(scalars, from: 0, length: length) : text
    }

    private static func cut(_ scalars: [Unicode.Scalar], from start: Int, length: Int) -> String {
        var end = min(scalars.count, start + length)
        if end < scalars.count {
            var back = end
            while back > start + length / 2, scalars[back] != " " { back -= 1 }
            if scalars[back] == " " { end = back }
        }
        var out = start > 0 ? "…" : ""
        out.unicodeScalars.append(contentsOf: scalars[start..<end])
        if end < scalars.count { out += "…" }
        return out
    }
}
