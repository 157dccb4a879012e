import CCmarkGFM
#if canImport(Glibc)
import Glibc
#endif

/// Renders GFM to HTML for a page: link and image targets rewritten by the caller, GitHub-style
/// `id`s on headings, tables wrapped so they scroll on a phone. Raw HTML is never passed through.
public enum MarkdownRenderer {
    /// `rewrite(destination, isImage)` returns the new target, or nil to keep the original.
    public static func render(_ text: String, rewrite: (String, Bool) -> String?) -> String {
        CmarkDocument.withTree(text) { root, extensions in
            var anchors = HeadingAnchor()
            var ids: [String] = []
            CmarkDocument.walk(root) { node in
                let type = CmarkDocument.type(node)
                if type == CMARK_NODE_HEADING {
                    ids.append(anchors.next(for: CmarkDocument.plainText(node)))
                } else if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE {
                    if let target = rewrite(CmarkDocument.url(node), type == CMARK_NODE_IMAGE) {
                        cmark_node_set_url(node, target)
                    }
                }
            }
            guard let raw = cmark_render_html(root, CmarkDocument.options, extensions) else { return "" }
            defer { free(raw) }
            return decorate(String(cString: raw), headingIDs: ids)
        }
    }

    /// Since raw HTML is suppressed, every `<hN>` and `<table>` in cmark's output is one it made itself.
    static func decorate(_ html: String, headingIDs: [String]) -> String {
        let bytes = Array(html.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + headingIDs.count * 24 + 64)
        let tableOpen = Array("<table>".utf8), tableClose = Array("</table>".utf8)
        var next = 0
        var i = 0
        func matches(_ pattern: [UInt8], at index: Int) -> Bool {
            index + pattern.count <= bytes.count && bytes[index..<index + pattern.count].elementsEqual(pattern)
        }
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "<"), i + 3 < bytes.count, bytes[i + 1] == UInt8(ascii: "h"),
               (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(bytes[i + 2]), bytes[i + 3] == UInt8(ascii: ">") {
                let id = next < headingIDs.count ? headingIDs[next] : "section-\(next)"
                next += 1
                out += Array("<h".utf8) + [bytes[i + 2]] + Array(" id=\"\(id)\">".utf8)
                i += 4
            } else if b == UInt8(ascii: "<"), matches(tableOpen, at: i) {
                out += Array("<div class=\"table-wrap\"><table>".utf8)
                i += tableOpen.count
            } else if b == UInt8(ascii: "<"), matches(tableClose, at: i) {
                out += Array("</table></div>".utf8)
                i += tableClose.count
            } else {
                out.append(b)
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
