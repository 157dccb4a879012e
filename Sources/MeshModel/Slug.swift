import Foundation

/// Human-readable URL segments: lower-case, runs of anything but letters and digits become
/// one hyphen. The same name always gives the same slug.
public enum Slug {
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
        return out.isEmpty ? "unnamed" : out
    }
}
