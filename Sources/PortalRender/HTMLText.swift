import Mustache

/// The escaping of `{{value}}` in every theme template: the five characters swift-mustache's HTML
/// content type escapes, with the same entities, but over UTF-8 bytes and returning text without any
/// of them unchanged. swift-mustache's own escape looks each Character up in a dictionary, which was a
/// tenth of the whole build's time.
struct HTMLText: MustacheContentType {
    static let name = "MESHPORT_HTML"
    /// Put in front of every template, on its first line, so line numbers in template errors stay right.
    static let pragma = "{{% CONTENT_TYPE: \(name) }}"

    /// Registers the content type once, before any template that names it is parsed.
    static let registered: Void = MustacheContentTypes.register(HTMLText(), named: name)

    func escapeText(_ text: String) -> String {
        Self.escape(text)
    }

    /// Also what the lineage SVG and the sitemap escape with (the same five entities serve XML). Over
    /// bytes, not Characters: a quote or `<` followed by a combining mark is one Character equal to
    /// neither, and would pass unescaped.
    static func escape(_ text: String) -> String {
        let utf8 = text.utf8
        guard utf8.contains(where: { $0 == 0x3C || $0 == 0x3E || $0 == 0x26 || $0 == 0x22 || $0 == 0x27 }) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count + 16)
        for byte in utf8 {
            switch byte {
            case 0x3C: out += "&lt;".utf8
            case 0x3E: out += "&gt;".utf8
            case 0x26: out += "&amp;".utf8
            case 0x22: out += "&quot;".utf8
            case 0x27: out += "&#39;".utf8
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
