import CCmarkGFM
import MeshModel

/// Gathers the readable text of each section while MarkdownOutline walks the tree: the literals of
/// text, inline code and code blocks, whitespace collapsed; link targets and raw HTML never appear,
/// because they are not text nodes. Heading text belongs to the heading, not to the body.
struct SectionTextCollector {
    private var sections: [MarkdownDocument.Section] = []
    private var heading: Int?
    private var buffer: [UInt8] = []
    private var inHeading = false

    /// Called for every node entered, in document order, after the heading list has been updated.
    mutating func visit(_ node: OpaquePointer, type: cmark_node_type, headingIndex: Int?) {
        let isInline = (Int(type.rawValue) & Int(CMARK_NODE_TYPE_INLINE)) == Int(CMARK_NODE_TYPE_INLINE)
        if !isInline {
            // Headings hold inlines only, so the next block entered always ends one.
            inHeading = type == CMARK_NODE_HEADING
            if inHeading, let headingIndex {
                close()
                heading = headingIndex
            } else {
                separate()
            }
            if type == CMARK_NODE_CODE_BLOCK { append(cmark_node_get_literal(node)) }
            return
        }
        if inHeading { return }
        switch type {
        case CMARK_NODE_TEXT, CMARK_NODE_CODE: append(cmark_node_get_literal(node))
        case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: separate()
        default: break
        }
    }

    mutating func finish() -> [MarkdownDocument.Section] {
        close()
        return sections
    }

    private mutating func close() {
        while buffer.last == 0x20 { buffer.removeLast() }
        if heading != nil || !buffer.isEmpty {
            sections.append(.init(heading: heading, text: String(decoding: buffer, as: UTF8.self)))
        }
        buffer.removeAll(keepingCapacity: true)
    }

    private mutating func separate() {
        if let last = buffer.last, last != 0x20 { buffer.append(0x20) }
    }

    private mutating func append(_ literal: UnsafePointer<CChar>?) {
        guard var p = literal else { return }
        while p.pointee != 0 {
            let byte = UInt8(bitPattern: p.pointee)
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D {
                separate()
            } else {
                buffer.append(byte)
            }
            p += 1
        }
    }
}
