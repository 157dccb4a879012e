import Foundation

/// Human-readable URL segments: lower-case, runs of anything but letters and digits become
/// one hyphen, at most `maxLength` characters (a slug is a file or folder name, and those have a
/// limit). The same name always gives the same slug.
public enum Slug {
    public static let maxLength = 80

    public static func make(_ name: String) -> String {
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
        if out.count > maxLength {
            // Cut at a word boundary when there is one in the second half.
            let head = out.prefix(maxLength)
            let cut = head.lastIndex(of: "-").flatMap { head.distance(from: head.startIndex, to: $0) >= maxLength / 2 ? $0 : nil }
            out = String(head[..<(cut ?? head.endIndex)])
        }
        return out.isEmpty ? "unnamed" : out
    }
}
