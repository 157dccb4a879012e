import CCmarkGFM
#if canImport(Glibc)
import Glibc
#endif

/// Renders GFM to HTML for a page: link and image targets rewritten by the caller, GitHub-style
/// `id`s on headings, tables wrapped so they scroll on a phone. Raw HTML is never passed through.
public enum MarkdownRenderer {
    /// How a document is embedded in a page.
    public struct Options: Sendable {
        /// Leave out a leading `# Title` (the page already shows it as its `<h1>`).
        public var dropLeadingTitle = false
        /// Render `## x` as `<h3>` when the document sits inside a page section.
        public var headingShift = 0
        public init(dropLeadingTitle: Bool = false, headingShift: Int = 0) {
            self.dropLeadingTitle = dropLeadingTitle
            self.headingShift = headingShift
        }
    }

    /// What becomes of a link or image target.
    public enum Rewrite: Sendable, Equatable {
        case keep
        case target(String)
        /// The link or image is replaced by its text (an image by its alt text).
        case unlink
    }

    /// `rewrite(destination, isImage)` says what becomes of each link and image.
    public static func render(_ text: String, options: Options = Options(), rewrite: (String, Bool) -> Rewrite) -> String {
        CmarkDocument.withTree(text) { root, extensions in
            var anchors = HeadingAnchor()
            var ids: [String] = []
            var leadingTitle: OpaquePointer?
            var unlinked: [OpaquePointer] = []
            CmarkDocument.walk(root) { node in
                let type = CmarkDocument.type(node)
                if type == CMARK_NODE_HEADING {
                    let id = anchors.next(for: CmarkDocument.plainText(node))
                    if options.dropLeadingTitle, ids.isEmpty, leadingTitle == nil, cmark_node_get_heading_level(node) == 1,
                       cmark_node_previous(node) == nil {
                        leadingTitle = node
                    } else {
                        ids.append(id)
                    }
                } else if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE {
                    switch rewrite(CmarkDocument.url(node), type == CMARK_NODE_IMAGE) {
                    case .keep: break
                    case .target(let target): cmark_node_set_url(node, target)
                    case .unlink: unlinked.append(node)
                    }
                }
            }
            // After the walk, since the tree may not change under an iterator: the children (the
            // link text, an image's alt text) take the place of the node.
            for node in unlinked {
                while let child = cmark_node_first_child(node) { cmark_node_insert_before(node, child) }
                cmark_node_unlink(node)
                cmark_node_free(node)
            }
            if let leadingTitle {
                cmark_node_unlink(leadingTitle)
                cmark_node_free(leadingTitle)
            }
            guard let raw = cmark_render_html(root, CmarkDocument.options, extensions) else { return "" }
            defer { free(raw) }
            return decorate(String(cString: raw), headingIDs: ids, shift: options.headingShift)
        }
    }

    /// Since raw HTML is suppressed, every `<hN>` and `<table>` in cmark's output is one it made itself.
    static func decorate(_ html: String, headingIDs: [String], shift: Int = 0) -> String {
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
                out += Array("<h".utf8) + [shifted(bytes[i + 2], by: shift)] + Array(" id=\"\(id)\">".utf8)
                i += 4
            } else if shift != 0, b == UInt8(ascii: "<"), i + 4 < bytes.count, bytes[i + 1] == UInt8(ascii: "/"),
                      bytes[i + 2] == UInt8(ascii: "h"), (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(bytes[i + 3]),
                      bytes[i + 4] == UInt8(ascii: ">") {
                out += Array("</h".utf8) + [shifted(bytes[i + 3], by: shift)] + [UInt8(ascii: ">")]
                i += 5
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

    private static func shifted(_ level: UInt8, by shift: Int) -> UInt8 {
        UInt8(min(Int(UInt8(ascii: "6")), max(Int(UInt8(ascii: "1")), Int(level) + shift)))
    }
}
