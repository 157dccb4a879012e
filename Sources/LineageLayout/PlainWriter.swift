/// Writes a layout in Graphviz's `plain` format, as `dot -Tplain` does:
///
///     graph scale width height
///     node name x y width height label style shape color fillcolor
///     edge tail head n x1 y1 .. xn yn style color
///     stop
///
/// Lengths are in inches with y pointing up; numbers are printed like C's `%.5g`; names and labels
/// are quoted only when they are not DOT identifiers or numerals. Edge points are the cubic
/// Bézier control points (3k + 1 of them), from the tail to the head.
public enum PlainWriter {
    public static func write(_ layout: LayoutResult, graph: LayoutGraph) -> String {
        String(decoding: bytes(layout, graph: graph), as: UTF8.self)
    }

    public static func bytes(_ layout: LayoutResult, graph: LayoutGraph) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(64 * graph.nodes.count + 96 * graph.edges.count + 64)
        let inch = 72.0
        let top = layout.height
        func space() { out.append(32) }
        func number(_ value: Double) { space(); NumberFormat.appendG5(value, to: &out) }
        out.append(contentsOf: "graph 1".utf8)
        number(layout.width / inch)
        number(layout.height / inch)
        out.append(10)
        for (v, node) in graph.nodes.enumerated() where v < layout.nodes.count {
            let place = layout.nodes[v]
            out.append(contentsOf: "node ".utf8)
            appendCanonical(node.id, to: &out)
            number(place.x / inch)
            number((top - place.y) / inch)
            number(place.width / inch)
            number(place.height / inch)
            space()
            appendCanonical(node.label, to: &out)
            out.append(contentsOf: (node.flags.contains(.external) ? " dashed" : " solid").utf8)
            out.append(contentsOf: " box black lightgrey\n".utf8)
        }
        for route in layout.edges where !route.curve.isEmpty {
            out.append(contentsOf: "edge ".utf8)
            appendCanonical(graph.nodes[route.tail].id, to: &out)
            space()
            appendCanonical(graph.nodes[route.head].id, to: &out)
            space()
            NumberFormat.appendInteger(route.curve.count, to: &out)
            for point in route.curve {
                number(point.x / inch)
                number((top - point.y) / inch)
            }
            out.append(contentsOf: " solid black\n".utf8)
        }
        out.append(contentsOf: "stop\n".utf8)
        return out
    }

    private static let keywords: Set<String> = ["node", "edge", "graph", "digraph", "subgraph", "strict"]

    /// A name or label as Graphviz writes it: bare if it is an identifier (not a keyword) or a
    /// numeral, otherwise in double quotes with `"` escaped; line breaks become `\n` so that
    /// every record stays on one line.
    static func appendCanonical(_ text: String, to out: inout [UInt8]) {
        let bytes = text.utf8
        if isBare(bytes) && !((4...8).contains(bytes.count) && keywords.contains(text.lowercased())) {
            out.append(contentsOf: bytes)
            return
        }
        out.append(UInt8(ascii: "\""))
        for b in bytes {
            switch b {
            case UInt8(ascii: "\""): out.append(UInt8(ascii: "\\")); out.append(b)
            case 10: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "n"))
            case 13: break
            default: out.append(b)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    private static func isBare(_ bytes: String.UTF8View) -> Bool {
        guard let first = bytes.first else { return false }
        func isLetter(_ b: UInt8) -> Bool { (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b == 95 || b >= 128 }
        func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
        if isLetter(first) { return bytes.allSatisfy { isLetter($0) || isDigit($0) } }
        // A numeral: -?(.[0-9]+ | [0-9]+(.[0-9]*)?)
        var digits = 0, dots = 0
        for (i, b) in bytes.enumerated() {
            if isDigit(b) { digits += 1 } else if b == UInt8(ascii: ".") && dots == 0 { dots += 1 } else if !(i == 0 && b == UInt8(ascii: "-")) { return false }
        }
        return digits > 0
    }
}
