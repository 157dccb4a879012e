import XCTest
@testable import LineageLayout

final class DOTReaderTests: XCTestCase {
    func testReadsWhatGenDagWrites() throws {
        let text = """
            digraph lineage {
              rankdir=LR;
              node [shape=box, fontsize=10, fontname="Helvetica"];
              n0 [label="dp-000000"];
              n1 [label="dp-000001"];
              n2 [label="dp-000002"];
              n0 -> n1;
              n0 -> n2;
              n1 -> n2;
            }

            """
        let document = try DOTReader.read(text)
        XCTAssertEqual(document.name, "lineage")
        XCTAssertTrue(document.isDirected)
        XCTAssertEqual(document.graph.nodes.map(\.id), ["n0", "n1", "n2"])
        XCTAssertEqual(document.graph.nodes.map(\.label), ["dp-000000", "dp-000001", "dp-000002"])
        XCTAssertEqual(document.graph.edges, [LayoutEdge(tail: 0, head: 1), LayoutEdge(tail: 0, head: 2), LayoutEdge(tail: 1, head: 2)])
    }

    func testStatementsCommentsAndQuoting() throws {
        let text = """
            /* a block
               comment */
            # a preprocessor line
            strict digraph "my graph" {
              graph [rankdir=LR]  // trailing comment
              node [fontsize=20 style=dashed]
              "a bigger b" -> c -> "d\\"e" [color=red];
              c [label="C\\N"]; f
              "long" + " name" -> 1.5:port:ne;
              subgraph cluster_sales { x; y -> z }
              { p q } -> r
              w [width=3, height=1]
            }
            """
        let graph = try DOTReader.read(text).graph
        XCTAssertEqual(graph.nodes.map(\.id), ["a bigger b", "c", "d\"e", "f", "long name", "1.5", "x", "y", "z", "p", "q", "r", "w"])
        XCTAssertEqual(graph.nodes[1].label, "Cc")
        XCTAssertEqual(graph.nodes[0].label, "a bigger b")
        XCTAssertTrue(graph.nodes[0].flags.contains(.external))
        XCTAssertEqual(graph.nodes.filter { $0.cluster == "cluster_sales" }.map(\.id), ["x", "y", "z"])
        XCTAssertEqual(graph.edges.count, 2 + 1 + 1 + 2)
        XCTAssertEqual(graph.edges.suffix(2).map { graph.nodes[$0.tail].id }, ["p", "q"])
        XCTAssertEqual(graph.nodes[12].width, 216)
        XCTAssertEqual(graph.nodes[12].height, 72)
        XCTAssertGreaterThan(graph.nodes[0].width, LayoutNode(id: "a bigger b").width, "fontsize 20 makes it wider")
    }

    func testUndirectedGraphsAndEmptyOnes() throws {
        XCTAssertEqual(try DOTReader.read("graph { a -- b }").graph.edges.count, 1)
        XCTAssertEqual(try DOTReader.read("digraph {}").graph.nodes.count, 0)
    }

    func assertError(_ text: String, line: Int, column: Int, contains message: String, file: StaticString = #filePath, lineNumber: UInt = #line) {
        do {
            _ = try DOTReader.read(text)
            XCTFail("expected an error", file: file, line: lineNumber)
        } catch {
            XCTAssertEqual(error.line, line, "\(error)", file: file, line: lineNumber)
            XCTAssertEqual(error.column, column, "\(error)", file: file, line: lineNumber)
            XCTAssertTrue(error.message.contains(message), "\(error)", file: file, line: lineNumber)
        }
    }

    func testErrorsAreLocated() {
        assertError("digraph {\n  a -> ;\n}", line: 2, column: 8, contains: "expected a node name")
        assertError("digraph {\n  a -> b\n", line: 3, column: 1, contains: "expected '}'")
        assertError("digraph { a [label=\"open ] }", line: 1, column: 20, contains: "unterminated string")
        assertError("digraph { a -- b }", line: 1, column: 13, contains: "use '->'")
        assertError("graph { a -> b }", line: 1, column: 11, contains: "use '--'")
        assertError("digraph { a @ b }", line: 1, column: 13, contains: "unexpected character '@'")
        assertError("digraph { /* never closed", line: 1, column: 11, contains: "unterminated comment")
        assertError("flowchart { }", line: 1, column: 1, contains: "expected 'digraph' or 'graph'")
        assertError("digraph { a } b", line: 1, column: 15, contains: "after the graph")
        assertError("digraph { 9x }", line: 1, column: 11, contains: "cannot start with a digit")
        assertError("digraph { ünï -> \"é\" [label=<b>x</b>] ; é -> }", line: 1, column: 46, contains: "expected a node name")
        XCTAssertEqual(DOTSyntaxError(line: 3, column: 7, message: "oops").description, "3:7: oops")
    }
}
