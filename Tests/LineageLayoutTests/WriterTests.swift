import XCTest
@testable import LineageLayout

final class WriterTests: XCTestCase {
    func testPlainFormat() throws {
        let document = try DOTReader.read("""
            digraph { a -> "b c"; "b c" -> node1; a -> node1; "x\\"y" -> a; 1.5 -> a; a -> a; edge2 [label="say \\"hi\\""] }
            """)
        let layout = LayeredLayout.layout(document.graph)
        let plain = PlainWriter.write(layout, graph: document.graph)
        let lines = plain.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertEqual(lines.last, "")
        XCTAssertEqual(lines[lines.count - 2], "stop")
        let header = lines[0].split(separator: " ")
        XCTAssertEqual(header.count, 4)
        XCTAssertEqual(header[0], "graph")
        XCTAssertEqual(header[1], "1")
        let nodes = lines.filter { $0.hasPrefix("node ") }
        let edges = lines.filter { $0.hasPrefix("edge ") }
        XCTAssertEqual(nodes.count, 6)
        XCTAssertEqual(edges.count, 6)
        XCTAssertTrue(nodes.contains { $0.hasPrefix("node a ") && $0.hasSuffix(" a solid box black lightgrey") })
        XCTAssertTrue(nodes.contains { $0.hasPrefix("node \"b c\" ") && $0.hasSuffix(" \"b c\" solid box black lightgrey") })
        XCTAssertTrue(nodes.contains { $0.hasPrefix("node \"x\\\"y\" ") })
        XCTAssertTrue(nodes.contains { $0.hasPrefix("node 1.5 ") })
        XCTAssertTrue(nodes.contains { $0.hasSuffix(" \"say \\\"hi\\\"\" solid box black lightgrey") })
        for line in edges {
            let fields = Self.fields(line)
            guard fields.count > 3, let count = Int(fields[3]) else { return XCTFail(line) }
            XCTAssertEqual(fields.count, 4 + 2 * count + 2, line)
            XCTAssertEqual(count % 3, 1, "cubic Bézier control points")
            XCTAssertEqual(fields.suffix(2), ["solid", "black"])
        }
        // Nodes: name, 4 numbers in inches (height 0.5 = 36 points), label and 4 style fields.
        let a = nodes.first { $0.hasPrefix("node a ") }!.split(separator: " ")
        XCTAssertEqual(a.count, 11)
        XCTAssertEqual(Self.fields(nodes.first { $0.hasPrefix("node \"b c\"") }!).count, 11)
        XCTAssertEqual(a[4], "0.75")
        XCTAssertEqual(a[5], "0.5")
    }

    /// Splits a plain line into fields, keeping quoted strings (with \" escapes) whole.
    static func fields(_ line: String) -> [String] {
        var fields: [String] = [], current = "", quoted = false, escaped = false
        for character in line {
            if quoted {
                current.append(character)
                if escaped { escaped = false } else if character == "\\" { escaped = true } else if character == "\"" { quoted = false }
            } else if character == " " {
                if !current.isEmpty { fields.append(current); current = "" }
            } else {
                if character == "\"" { quoted = true }
                current.append(character)
            }
        }
        if !current.isEmpty { fields.append(current) }
        return fields
    }

    func testPlainCoordinatesAreInchesWithYUp() throws {
        let document = try DOTReader.read("digraph { a -> b }")
        let layout = LayeredLayout.layout(document.graph)
        let plain = PlainWriter.write(layout, graph: document.graph)
        let fields = plain.split(separator: "\n")[1].split(separator: " ")
        XCTAssertEqual(Double(fields[2])!, layout.nodes[0].x / 72, accuracy: 1e-4)
        XCTAssertEqual(Double(fields[3])!, (layout.height - layout.nodes[0].y) / 72, accuracy: 1e-4)
    }

    func testNumbersLikePrintfG5() {
        let cases: [(Double, String)] = [
            (0, "0"), (1, "1"), (0.47222, "0.47222"), (11.0555, "11.056"), (9.41666, "9.4167"), (123456, "1.2346e+05"),
            (0.0001234, "0.0001234"), (0.00001234, "1.234e-05"), (-2.5, "-2.5"), (99999.5, "1e+05"), (12345.6, "12346"),
            (0.1, "0.1"), (100, "100"), (-0.0, "0"),
        ]
        for (value, expected) in cases { XCTAssertEqual(NumberFormat.g5(value), expected, "\(value)") }
        XCTAssertEqual(NumberFormat.fixed(3.14159, digits: 2), "3.14")
        XCTAssertEqual(NumberFormat.fixed(-2, digits: 2), "-2")
        XCTAssertEqual(NumberFormat.fixed(0.004, digits: 2), "0")
    }

    func testCanonicalNames() {
        func canonical(_ s: String) -> String {
            var out: [UInt8] = []
            PlainWriter.appendCanonical(s, to: &out)
            return String(decoding: out, as: UTF8.self)
        }
        XCTAssertEqual(canonical("abc_1"), "abc_1")
        XCTAssertEqual(canonical("ünï"), "ünï")
        XCTAssertEqual(canonical("-1.5"), "-1.5")
        XCTAssertEqual(canonical(".5"), ".5")
        XCTAssertEqual(canonical("9x"), "\"9x\"")
        XCTAssertEqual(canonical("node"), "\"node\"")
        XCTAssertEqual(canonical("Graph"), "\"Graph\"")
        XCTAssertEqual(canonical(""), "\"\"")
        XCTAssertEqual(canonical("dp-000001"), "\"dp-000001\"")
        XCTAssertEqual(canonical("a\"b"), "\"a\\\"b\"")
        XCTAssertEqual(canonical("two\nlines"), "\"two\\nlines\"")
    }

    func testSVGEscapesText() throws {
        var graph = LayoutGraph()
        graph.addNode(LayoutNode(id: "<script>", label: "a & b < \"c\" 'd'\u{1}"))
        graph.addNode(LayoutNode(id: "x", flags: [.external, .highlighted]))
        graph.addEdge(from: 0, to: 1)
        let svg = SVGWriter.write(LayeredLayout.layout(graph), graph: graph)
        XCTAssertTrue(svg.hasPrefix("<?xml"))
        XCTAssertTrue(svg.hasSuffix("</svg>\n"))
        XCTAssertFalse(svg.contains("<script>"))
        XCTAssertTrue(svg.contains("a &amp; b &lt; &quot;c&quot; &apos;d&apos;\u{FFFD}"))
        XCTAssertTrue(svg.contains("&lt;script&gt; -&gt; x"))
        XCTAssertTrue(svg.contains("class=\"node external highlighted\""))
        XCTAssertTrue(svg.contains("marker-end=\"url(#arrow)\""))
        XCTAssertEqual(svg.components(separatedBy: "<path class=\"edge\"").count, 2)
    }

    func testSVGPathData() {
        let route = EdgeRoute(tail: 0, head: 1, polyline: [], curve: [
            LayoutPoint(x: 0, y: 0), LayoutPoint(x: 1, y: 0), LayoutPoint(x: 2, y: 1.006), LayoutPoint(x: 3, y: 1),
        ], isReversed: false, isSelfLoop: false)
        XCTAssertEqual(route.svgPathData, "M0,0 C1,0 2,1.01 3,1")
    }
}
