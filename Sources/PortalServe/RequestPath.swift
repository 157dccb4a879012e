/// What a request's path names in the site, decided from the path alone: the site is in memory, so a
/// path that is refused here is never looked up, and nothing outside the built site can be reached.
public enum RequestPath: Equatable, Sendable {
    /// A file of the site, relative to its root ("products/sales/orders/index.html").
    case file(String)
    /// A path that tries to leave the site (`..`, also percent-encoded), or that is not a path at all.
    case refused

    /// `raw` is the path of the request target as sent, before any decoding, without the query.
    public init(raw: String) {
        guard raw.hasPrefix("/"), let decoded = Self.percentDecoded(raw) else { self = .refused; return }
        var segments: [Substring] = []
        for segment in decoded.split(separator: "/", omittingEmptySubsequences: true) {
            // A backslash is a separator to some servers and file systems; a NUL ends C strings.
            if segment == ".." || segment.contains("\\") || segment.contains("\0") { self = .refused; return }
            if segment != "." { segments.append(segment) }
        }
        let isFolder = decoded.hasSuffix("/") || decoded.hasSuffix("/.") || segments.isEmpty
        self = .file((segments + (isFolder ? ["index.html"] : [])).joined(separator: "/"))
    }

    /// Percent-decoding of a path, once (`%252e` stays `%2e`); nil for a malformed escape or bytes that are not UTF-8.
    static func percentDecoded(_ text: String) -> String? {
        var bytes: [UInt8] = []
        var utf8 = text.utf8.makeIterator()
        while let byte = utf8.next() {
            guard byte == UInt8(ascii: "%") else { bytes.append(byte); continue }
            guard let high = utf8.next().flatMap(hexValue), let low = utf8.next().flatMap(hexValue) else { return nil }
            bytes.append(high << 4 | low)
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
