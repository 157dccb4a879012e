/// The one allow-list of link schemes that input may put on a page: web and mail links. Anything
/// else (javascript:, vbscript:, data:, file:, and every scheme nobody has thought of yet) is shown
/// as text, never as a link, with a warning where it was written.
public enum SafeURL {
    public static let allowedSchemes: Set<String> = ["http", "https", "mailto"]

    /// The URL itself when it is an http, https or mailto link; nil for anything else.
    public static func href(_ url: String?) -> String? {
        guard let url = url?.trimmingWhitespace(), !url.isEmpty,
              let scheme = scheme(of: url), allowedSchemes.contains(scheme) else { return nil }
        return url
    }

    /// The scheme a browser reads from a URL, lower-cased, or nil for a relative URL. Browsers drop
    /// control characters and spaces around a URL and tabs and line breaks inside it before they
    /// look for the scheme, so `java&#9;script:` in a page is a javascript: link; this does the same.
    public static func scheme(of url: String) -> String? {
        var scalars = url.unicodeScalars.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" }[...]
        while let first = scalars.first, first.value <= 0x20 { scalars.removeFirst() }
        guard let colon = scalars.firstIndex(of: ":"), let first = scalars.first, isASCIILetter(first) else { return nil }
        let name = scalars[..<colon]
        guard name.allSatisfy({ isASCIILetter($0) || ("0"..."9").contains($0) || $0 == "+" || $0 == "-" || $0 == "." }) else {
            return nil
        }
        return String(String.UnicodeScalarView(name)).lowercased()
    }

    private static func isASCIILetter(_ s: Unicode.Scalar) -> Bool { ("a"..."z").contains(s) || ("A"..."Z").contains(s) }
}
