import Foundation

/// Splits text into search terms. `assets/search.js` implements the same rules for queries, so the
/// two must change together:
///
/// - a word is a run of letters and digits, possibly joined by `_ - . /` (`orders.customer_id`);
/// - letters are lower-cased and accents dropped (`Café` -> `cafe`);
/// - a word yields its parts (split at joiners and camelCase humps: `customerId` -> `customer`, `id`),
///   each dotted segment with more than one part (`customer_id`), and the whole word when it has more
///   than one part (`orders.customer_id`). Within a segment parts are joined by `_`, so `customerId`,
///   `customer-id` and `customer_id` all give the term `customer_id`;
/// - terms of one character are dropped (they would only add noise to prefix matching).
public enum Tokenizer {
    /// One word of the text: its canonical whole form and the terms it yields, in text order.
    public struct Word: Sendable, Equatable {
        public var canonical: String
        public var terms: [String]
        /// Where the word starts in the text, in Unicode scalars (for snippets).
        public var offset: Int = 0
    }

    /// Every term of `text`, in order, repeats kept (term frequency counts them).
    public static func terms(_ text: String) -> [String] {
        var out: [String] = []
        forEachWord(text) { out.append(contentsOf: $0.terms) }
        return out
    }

    /// The canonical form of every word, in order: what a query term is compared with.
    public static func canonicalWords(_ text: String) -> [String] {
        var out: [String] = []
        forEachWord(text) { out.append($0.canonical) }
        return out
    }

    public static func forEachWord(_ text: String, _ body: (Word) -> Void) {
        forEachWord(text, plain: { bytes, offset, _ in
            let canonical = lowerCased(bytes)
            body(Word(canonical: canonical, terms: bytes.count > 1 ? [canonical] : [], offset: offset))
        }, other: { word, _ in body(word) })
    }

    /// An ASCII byte lower-cased (`A`-`Z` to `a`-`z`); every other byte as it is.
    @inline(__always)
    static func lowerASCII(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte
    }

    /// A plain word's bytes lower-cased.
    static func lowerCased(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: bytes.count) { out in
            for i in bytes.indices {
                out[i] = lowerASCII(bytes[i])
            }
            return bytes.count
        }
    }

    /// Every word of `text` with its number among the words: `plain` gets a word of ASCII letters and
    /// digits with no hump or joiner as its bytes (not yet lower-cased) and scalar offset, `other` every
    /// other word. The index tokenises all text of the mesh and most words are plain, so those make
    /// no String here.
    static func forEachWord(_ text: String, plain: (_ bytes: UnsafeBufferPointer<UInt8>, _ offset: Int, _ word: Int) -> Void,
                            other: (_ word: Word, _ number: Int) -> Void) {
        var text = text
        text.withUTF8 { forEachWord(utf8: $0, plain: plain, other: other) }
    }

    /// Kind of each ASCII byte.
    private static let asciiKinds: [Kind] = (0..<128).map { classify(Unicode.Scalar(UInt8($0))) }

    /// One pass over the UTF-8 bytes. ASCII, nearly all text here, is classified by table. Only words
    /// with joiners, humps or other scripts are split scalar by scalar (`makeWord`).
    private static func forEachWord(utf8 bytes: UnsafeBufferPointer<UInt8>, plain: (UnsafeBufferPointer<UInt8>, Int, Int) -> Void,
                                    other: (Word, Int) -> Void) {
        let kinds = asciiKinds
        // Where the current word starts, in bytes and in scalars (offsets are in scalars).
        var start = 0, startScalar = 0
        var simple = true
        var previous: Kind = .other
        var words = 0
        var i = 0, scalar = 0
        func flush(_ end: Int) {
            let range = start..<end, offset = startScalar
            guard !range.isEmpty else { return }
            if simple {
                plain(UnsafeBufferPointer(rebasing: bytes[range]), offset, words)
                words += 1
            } else {
                // As many bytes as scalars: ASCII, classified by table.
                let raw = range.count == scalar - offset
                    ? bytes[range].map { (scalar: Unicode.Scalar($0), kind: kinds[Int($0)]) }
                    : String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self).unicodeScalars.map {
                        (scalar: $0, kind: classify($0))
                    }
                if var made = makeWord(raw) {
                    made.offset = offset
                    other(made, words)
                    words += 1
                }
            }
        }
        while i < bytes.count {
            let b = bytes[i]
            var width = 1
            let kind: Kind
            if b < 0x80 {
                kind = kinds[Int(b)]
            } else {
                // A multi-byte scalar (the bytes are valid UTF-8: they come from a String).
                width = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
                var value = UInt32(b) & (width == 2 ? 0x1F : width == 3 ? 0x0F : 0x07)
                for k in 1..<width { value = value << 6 | UInt32(bytes[i + k] & 0x3F) }
                kind = classify(Unicode.Scalar(value) ?? " ")
            }
            if kind == .other {
                flush(i)
                start = i + width
                startScalar = scalar + 1
                simple = true
                previous = .other
            } else {
                if b >= 0x80 || kind == .joinPart || kind == .joinSegment
                    || (kind == .upper && (previous == .lower || previous == .upper)) { simple = false }
                previous = kind
            }
            i += width
            scalar += 1
        }
        flush(bytes.count)
    }

    enum Kind { case lower, upper, digit, letter, joinPart, joinSegment, other }

    static func classify(_ s: Unicode.Scalar) -> Kind {
        switch s.value {
        case 0x61...0x7A: return .lower
        case 0x41...0x5A: return .upper
        case 0x30...0x39: return .digit
        case 0x5F, 0x2D: return .joinPart        // _ -
        case 0x2E, 0x2F: return .joinSegment     // . /
        case 0..<0x80: return .other
        default:
            let p = s.properties
            if p.generalCategory == .nonspacingMark || p.generalCategory == .spacingMark || p.generalCategory == .enclosingMark {
                return .letter  // a combining accent stays in its word; folding drops it
            }
            if p.isUppercase { return .upper }
            if p.isAlphabetic { return p.isLowercase ? .lower : .letter }
            if p.numericType != nil { return .digit }
            return .other
        }
    }

    /// Splits one raw word into segments of parts and builds its terms.
    static func makeWord(_ raw: [(scalar: Unicode.Scalar, kind: Kind)]) -> Word? {
        var segments: [[String]] = [[]]
        // The part so far: ASCII bytes waiting to be added (the common case, no String per character)
        // after what other scripts made of it.
        var part = ""
        var ascii: [UInt8] = []
        var previous: Kind = .other
        func addASCII() {
            if !ascii.isEmpty { part += String(decoding: ascii, as: UTF8.self) }
            ascii.removeAll(keepingCapacity: true)
        }
        func endPart() {
            addASCII()
            if !part.isEmpty { segments[segments.count - 1].append(part) }
            part = ""
        }
        for (i, (scalar, kind)) in raw.enumerated() {
            switch kind {
            case .joinPart:
                endPart()
            case .joinSegment:
                endPart()
                if !segments[segments.count - 1].isEmpty { segments.append([]) }
            default:
                // camelCase: a hump starts at an upper-case letter after a lower-case one, or at the last
                // capital of a run followed by a lower-case letter (`HTTPServer` -> `http`, `server`).
                if kind == .upper, !part.isEmpty || !ascii.isEmpty {
                    if previous == .lower {
                        endPart()
                    } else if previous == .upper, i + 1 < raw.count, raw[i + 1].kind == .lower {
                        endPart()
                    }
                }
                let v = scalar.value
                if v < 0x80 {
                    ascii.append(lowerASCII(UInt8(v)))
                } else {
                    addASCII()
                    part += fold(scalar)
                }
            }
            previous = kind
        }
        endPart()
        if segments[segments.count - 1].isEmpty { segments.removeLast() }
        guard !segments.isEmpty else { return nil }
        let segmentForms = segments.map { $0.joined(separator: "_") }
        let canonical = segmentForms.joined(separator: ".")
        var terms: [String] = []
        let partCount = segments.reduce(0) { $0 + $1.count }
        for (s, parts) in segments.enumerated() {
            for p in parts where p.unicodeScalars.count > 1 { terms.append(p) }
            if parts.count > 1, segments.count > 1 { terms.append(segmentForms[s]) }
        }
        if partCount > 1 { terms.append(canonical) }
        return Word(canonical: canonical, terms: terms)
    }

    /// Lower-case without accents, as `toLowerCase()` after NFD and dropping marks in JavaScript.
    static func fold(_ scalar: Unicode.Scalar) -> String {
        if scalar.value < 0x80 {
            let v = scalar.value
            return String(Unicode.Scalar(lowerASCII(UInt8(v))))
        }
        var out = ""
        for s in String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars {
            let c = s.properties.generalCategory
            if c == .nonspacingMark || c == .spacingMark || c == .enclosingMark { continue }
            out += s.properties.lowercaseMapping
        }
        return out
    }
}
