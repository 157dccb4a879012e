import CCmarkGFM
import MeshModel

/// Reads what the pipeline needs to know about a Markdown file: title, headings, links, section text.
public enum MarkdownOutline {
    public static func read(_ text: String, file: String) -> MarkdownDocument {
        CmarkDocument.withTree(text) { root, _ in
            var anchors = HeadingAnchor()
            var headings: [MarkdownDocument.Heading] = []
            var links: [MarkdownDocument.Link] = []
            var lastBlockLine = 1
            var sections = SectionTextCollector()
            CmarkDocument.walk(root) { node in
                let type = CmarkDocument.type(node)
                let line = Int(cmark_node_get_start_line(node))
                if type == CMARK_NODE_HEADING {
                    let text = CmarkDocument.plainText(node)
                    let level = Int(cmark_node_get_heading_level(node))
                    headings.append(.init(level: level, text: text, anchor: anchors.next(for: text)))
                }
                sections.visit(node, type: type, headingIndex: type == CMARK_NODE_HEADING ? headings.count - 1 : nil)
                if line > 0, (Int(type.rawValue) & Int(CMARK_NODE_TYPE_INLINE)) != Int(CMARK_NODE_TYPE_INLINE) {
                    lastBlockLine = line
                }
                if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE {
                    let column = Int(cmark_node_get_start_column(node))
                    let location = SourceLocation(file: file, line: line > 0 ? line : lastBlockLine,
                                                  column: column > 0 ? column : 1)
                    links.append(.init(kind: type == CMARK_NODE_IMAGE ? .image : .link,
                                       destination: CmarkDocument.url(node), location: location))
                }
            }
            let title = headings.first(where: { $0.level == 1 })?.text
            return MarkdownDocument(file: file, text: text, title: title, headings: headings, links: links,
                                    sections: sections.finish())
        }
    }
}
