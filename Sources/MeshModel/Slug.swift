import Foundation

/// Human-readable URL segments: lower-case, runs of anything but letters and digits become
/// one hyphen, at most `maxLength` characters (a slug is a file or folder name, and those have a
/// limit). The same name always gives the same slug.
public enum Slug {
    public static let maxLength = 80

    public static func make(_ name: String) -> String {
        let slug = makeASCII(name) ?? makeUnicode(name)
        return slug.count > maxLength ? shortened(slug) : slug
    }

    /// Cut at a word boundary when there is one in the second half.
    static func shortened(_ slug: String) -> String {
        let head = slug.prefix(maxLength)
        let cut = head.lastIndex(of: "-").flatMap { head.distance(from: head.startIndex, to: $0) >= maxLength / 2 ? $0 : nil }
        return String(head[..<(cut ?? head.endIndex)])
    }

    static func makeUnicode(_ name: String) -> String {
        var out = ""
        var pendingHyphen = false
        for ch in name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased() {
            if ch.isLetter || ch.isNumber, ch.isASCII {
                if pendingHyphen && !out.isEmpty { out.append("-") }
                pendingHyphen = false
                out.append(ch)
            } else {
                pendingHyphen = true
            }
        }
        return out.isEmpty ? "unnamed" : out
    }

    /// The same rule over bytes for an all-ASCII name (nearly every name): folding and Unicode
    /// properties are what made slugs a large share of linking, and ASCII needs neither.
    static func makeASCII(_ name: String) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(name.utf8.count)
        var pendingHyphen = false
        for byte in name.utf8 {
            guard byte < 0x80 else { return nil }
            let lower = (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
            if (0x61...0x7A).contains(lower) || (0x30...0x39).contains(lower) {
                if pendingHyphen && !bytes.isEmpty { bytes.append(0x2D) }
                pendingHyphen = false
                bytes.append(lower)
            } else {
                pendingHyphen = true
            }
        }
        return bytes.isEmpty ? "unnamed" : String(decoding: bytes, as: UTF8.self)
    }
}
