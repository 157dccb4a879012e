/// The compact text encodings of the index files; `assets/search.js` decodes them.
enum IndexEncoding {
    /// 64 characters that need no escaping in a JavaScript string.
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    /// An unsigned number in base 32, most significant group first: characters 32...63 carry five bits
    /// and say more follow, 0...31 carry the last five bits. Small numbers take one character.
    static func varint(_ value: Int, into out: inout [UInt8]) {
        var groups: [Int] = [value & 31]
        var v = value >> 5
        while v > 0 {
            groups.append(v & 31)
            v >>= 5
        }
        for (i, g) in groups.reversed().enumerated() {
            out.append(alphabet[i == groups.count - 1 ? g : g + 32])
        }
    }

    /// A non-negative number in decimal digits, without making a String.
    static func decimal(_ value: Int, into out: inout [UInt8]) {
        var divisor = 1
        while divisor <= value / 10 { divisor *= 10 }
        var rest = value
        while divisor > 0 {
            out.append(0x30 + UInt8(rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }

    /// One character for a value in 0...63.
    static func sixBits(_ value: Int, into out: inout [UInt8]) {
        out.append(alphabet[value & 63])
    }

    /// A posting list sorted by document: per posting the gap to the previous document (varint),
    /// then the score (six bits: score, plus 32 when the product is deprecated), then the facet
    /// (six bits: kind * 8 + classification).
    static func postings(_ items: [(doc: Int, score: Int, facet: Int)], previous: Int = -1) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(items.count * 3)
        var last = previous
        for item in items {
            varint(item.doc - last - 1, into: &out)
            sixBits(item.score, into: &out)
            sixBits(item.facet, into: &out)
            last = item.doc
        }
        return out
    }

    /// A JavaScript (and JSON) string literal; non-ASCII as \u escapes of UTF-16 units so the file's
    /// charset never matters.
    static func string(_ s: String, into out: inout [UInt8]) {
        out.append(0x22)
        var s = s
        // The common case, printable ASCII without a quote or backslash, is copied as it is.
        let copied = s.withUTF8 { bytes in
            guard bytes.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != 0x22 && $0 != 0x5C }) else { return false }
            out.append(contentsOf: bytes)
            return true
        }
        if copied {
            out.append(0x22)
            return
        }
        for scalar in s.unicodeScalars {
            switch scalar.value {
            case 0x22: out += [0x5C, 0x22]
            case 0x5C: out += [0x5C, 0x5C]
            case 0x0A: out += [0x5C, 0x6E]
            case 0x20..<0x7F: out.append(UInt8(scalar.value))
            default:
                for unit in UTF16.encode(scalar)! {
                    out += [0x5C, 0x75, hexDigits[Int(unit >> 12) & 15], hexDigits[Int(unit >> 8) & 15],
                            hexDigits[Int(unit >> 4) & 15], hexDigits[Int(unit) & 15]]
                }
            }
        }
        out.append(0x22)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    static func string(_ s: String) -> [UInt8] {
        var out: [UInt8] = []
        string(s, into: &out)
        return out
    }

    /// `["a","b"]`
    static func array(_ items: [String]) -> [UInt8] {
        var out: [UInt8] = [0x5B]
        for (i, item) in items.enumerated() {
            if i > 0 { out.append(0x2C) }
            string(item, into: &out)
        }
        out.append(0x5D)
        return out
    }

    /// "products/a/b/index.html#x" -> "~a/b/#x": most URLs are product pages; the browser expands them back.
    static func shortURL(_ url: String) -> String {
        // Over UTF-8: `hasPrefix` on Strings compares by canonical equivalence, a cost every record paid.
        let utf8 = url.utf8
        let hash = utf8.firstIndex(of: 0x23) ?? utf8.endIndex
        var start = utf8.startIndex, end = hash
        var prefix = ""
        if utf8.starts(with: "products/".utf8) {
            start = utf8.index(start, offsetBy: "products/".utf8.count)
            prefix = "~"
        }
        let index = "/index.html".utf8
        if utf8.distance(from: start, to: hash) >= index.count,
           utf8[utf8.index(hash, offsetBy: -index.count)..<hash].elementsEqual(index) {
            end = utf8.index(hash, offsetBy: -("index.html".utf8.count))
        }
        return prefix + url[start..<end] + url[hash...]
    }
}
