import CCmarkGFM
import Foundation

/// The one place that talks to libcmark-gfm: parses GFM with the GitHub extensions and
/// exposes the tree as Swift values. Raw HTML never survives rendering (safe mode plus tagfilter).
enum CmarkDocument {
    static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]
    // No CMARK_OPT_GITHUB_PRE_LANG: `<pre lang="sql">` misuses `lang` (a human language); `class="language-sql"` it is.
    static let options = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8

    /// cmark-gfm registers its extensions through an unguarded static flag; a Swift static runs it exactly
    /// once even when documents are parsed on several threads.
    private static let registered: Void = cmark_gfm_core_extensions_ensure_registered()

    /// cmark-gfm is not safe to parse with on several threads at once: while it parses inlines it turns
    /// the extensions' special characters (`~` for strikethrough, autolink starts) on in one global table
    /// and off again afterwards, so a document parsed meanwhile on another thread loses its strikethrough
    /// or autolinks. Parsing is therefore one document at a time; walking and rendering trees is not.
    private static let parsing = NSLock()

    /// Parses `text`, hands the tree to `body`, and frees everything afterwards.
    static func withTree<T>(_ text: String, _ body: (OpaquePointer, UnsafeMutablePointer<cmark_llist>?) -> T) -> T {
        _ = registered
        let parser = cmark_parser_new(options)!
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            if let ext = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, ext)
            }
        }
        var bytes = Array(text.utf8)
        let root = parsing.withLock {
            bytes.withUnsafeMutableBufferPointer { buf in
                buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: max(buf.count, 1)) { ptr in
                    cmark_parser_feed(parser, ptr, buf.count)
                }
            }
            return cmark_parser_finish(parser)!
        }
        if bytes.isEmpty { bytes = [] }
        defer { cmark_node_free(root) }
        return body(root, cmark_parser_get_syntax_extensions(parser))
    }

    /// Visits every node in document order (enter events only).
    static func walk(_ root: OpaquePointer, _ visit: (OpaquePointer) -> Void) {
        let iter = cmark_iter_new(root)
        defer { cmark_iter_free(iter) }
        while true {
            let event = cmark_iter_next(iter)
            if event == CMARK_EVENT_DONE { break }
            if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iter) {
                visit(node)
            }
        }
    }

    static func type(_ node: OpaquePointer) -> cmark_node_type { cmark_node_get_type(node) }

    /// The plain text of a node's inline content (for heading anchors and titles).
    static func plainText(_ node: OpaquePointer) -> String {
        var out = ""
        walk(node) { child in
            let t = type(child)
            if t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE, let lit = cmark_node_get_literal(child) {
                out += String(cString: lit)
            } else if t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK {
                out += " "
            }
        }
        return out
    }

    static func url(_ node: OpaquePointer) -> String {
        cmark_node_get_url(node).map { String(cString: $0) } ?? ""
    }
}
