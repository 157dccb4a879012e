/// Writes a layout as a standalone SVG image: nodes as rounded boxes with their labels, edges as
/// Bézier paths with arrowheads. All text is escaped for XML. (The portal draws its own, richer
/// SVG from `LayoutResult`; this is for `meshport layout --format svg` and for looking at layouts.)
public enum SVGWriter {
    /// Room around the drawing, in points.
    public static let padding: Double = 4

    public static func write(_ layout: LayoutResult, graph: LayoutGraph, fontSize: Double = LabelMetrics.defaultFontSize) -> String {
        let width = layout.width + 2 * padding, height = layout.height + 2 * padding
        var svg = """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" width="\(f(width))pt" height="\(f(height))pt" viewBox="0 0 \(f(width)) \(f(height))">
            <defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto"><path d="M0,0L10,5L0,10z" fill="#555"/></marker></defs>
            <style>.edge{fill:none;stroke:#555;stroke-width:1}.node rect{fill:#f2f2f2;stroke:#333}.node.external rect{stroke-dasharray:4 3}.node.highlighted rect{fill:#fff3c4;stroke-width:2}.node text{font-family:Helvetica,Arial,sans-serif;font-size:\(f(fontSize))px;text-anchor:middle;dominant-baseline:central;fill:#111}</style>
            <g transform="translate(\(f(padding)),\(f(padding)))">
            <g class="edges">

            """
        for route in layout.edges where !route.curve.isEmpty {
            let title = escape(graph.nodes[route.tail].id + " -> " + graph.nodes[route.head].id)
            svg += "<path class=\"edge\" d=\"\(route.svgPathData)\" marker-end=\"url(#arrow)\"><title>\(title)</title></path>\n"
        }
        svg += "</g>\n<g class=\"nodes\">\n"
        for (v, node) in graph.nodes.enumerated() where v < layout.nodes.count {
            let place = layout.nodes[v]
            var classes = "node"
            if node.flags.contains(.external) { classes += " external" }
            if node.flags.contains(.highlighted) { classes += " highlighted" }
            svg += "<g class=\"\(classes)\"><title>\(escape(node.id))</title>"
            svg += "<rect x=\"\(f(place.x - place.width / 2))\" y=\"\(f(place.y - place.height / 2))\" width=\"\(f(place.width))\" height=\"\(f(place.height))\" rx=\"4\"/>"
            let lines = LabelMetrics.lines(of: node.label)
            let lineHeight = fontSize * 1.2
            let firstY = place.y - lineHeight * Double(lines.count - 1) / 2
            for (i, line) in lines.enumerated() {
                svg += "<text x=\"\(f(place.x))\" y=\"\(f(firstY + lineHeight * Double(i)))\">\(escape(String(line)))</text>"
            }
            svg += "</g>\n"
        }
        svg += "</g>\n</g>\n</svg>\n"
        return svg
    }

    private static func f(_ value: Double) -> String { NumberFormat.fixed(value, digits: 2) }

    /// Text safe in XML content and attribute values; characters XML 1.0 forbids become U+FFFD.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                let value = scalar.value
                let allowed = value >= 0x20 && !(0xFFFE...0xFFFF).contains(value)
                out.unicodeScalars.append(allowed ? scalar : "\u{FFFD}")
            }
        }
        return out
    }
}
