/// Short excerpts of a document's text shown under a result, cut at word boundaries. Offsets and
/// lengths count Unicode scalars. Only the text up to a little past the excerpt is read (a doc
/// section can be long), as bytes when that part is ASCII, where a byte is a scalar.
enum Snippet {
    /// About `length` characters of `text` around the scalar `offset`, starting a little before it.
    static func around(_ text: String, offset: Int, length: Int) -> String {
        let limit = offset + 2 * length + 2
        if let bytes = asciiPrefix(text, limit) {
            return around(bytes, base: 0, complete: text.utf8.count <= limit, offset: offset, length: length,
                          space: 0x20) { String(decoding: $0, as: UTF8.self) }
        }
        let from = max(0, offset - length)
        let (window, complete) = scalars(of: text, from: from, upTo: limit)
        return around(window, base: from, complete: complete, offset: offset, length: length, space: " ") {
            String(String.UnicodeScalarView($0))
        }
    }

    static func head(_ text: String, length: Int) -> String {
        if text.utf8.count <= length { return text }  // no more scalars than bytes
        if let bytes = asciiPrefix(text, length + 1) {
            return cut(bytes, from: 0, length: length, leading: false, space: 0x20) { String(decoding: $0, as: UTF8.self) }
        }
        let (window, complete) = scalars(of: text, from: 0, upTo: length + 1)
        return complete && window.count <= length ? text : cut(window, from: 0, length: length, leading: false, space: " ") {
            String(String.UnicodeScalarView($0))
        }
    }

    /// `window` holds the text's scalars from `base` on, to its end when `complete`, else to some way
    /// past the excerpt.
    private static func around<E: Equatable>(_ window: [E], base: Int, complete: Bool, offset: Int, length: Int,
                                             space: E, make: (ArraySlice<E>) -> String) -> String {
        // The text's length is known only when it was read to the end; otherwise it is longer than
        // anything the arithmetic below compares it with.
        let count = complete ? base + window.count : Int.max
        guard count > length else { return make(window[...]) }
        var start = max(0, min(offset - length / 4, count - length))
        if start > 0 {
            // Begin at the next word rather than in the middle of one.
            while start < offset, start < count, window[start - 1 - base] != space { start += 1 }
        }
        return cut(window, from: start - base, length: length, leading: start > 0, space: space, make: make)
    }

    /// The first `limit` bytes of `text` when they are all ASCII.
    private static func asciiPrefix(_ text: String, _ limit: Int) -> [UInt8]? {
        let bytes = Array(text.utf8.prefix(limit))
        return bytes.allSatisfy { $0 < 0x80 } ? bytes : nil
    }

    /// The scalars of `text` from `from` up to (not including) `limit`, and whether that reached the end.
    private static func scalars(of text: String, from: Int, upTo limit: Int) -> ([Unicode.Scalar], Bool) {
        var window: [Unicode.Scalar] = []
        var n = 0
        for scalar in text.unicodeScalars {
            if n >= limit { return (window, false) }
            if n >= from { window.append(scalar) }
            n += 1
        }
        return (window, true)
    }

    /// `units` ends where the text does, or somewhere past `start + length`.
    private static func cut<E: Equatable>(_ units: [E], from start: Int, length: Int, leading: Bool, space: E,
                                          make: (ArraySlice<E>) -> String) -> String {
        var end = min(units.count, start + length)
        if end < units.count {
            var back = end
            while back > start + length / 2, units[back] != space { back -= 1 }
            if units[back] == space { end = back }
        }
        return (leading ? "…" : "") + make(units[start..<end]) + (end < units.count ? "…" : "")
    }
}
