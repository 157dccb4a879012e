import ArgumentParser
import Foundation
import LineageLayout

/// `meshport layout FILE.dot [--format svg|plain]`: lays out a DOT graph left to right with the
/// lineage layout engine and writes the drawing to standard output.
public struct LayoutCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "layout",
        abstract: "Lay out a DOT graph left to right, as lineage diagrams are drawn.",
        discussion: """
            Reads a subset of the DOT language (digraphs, node, edge and attribute statements, \
            subgraphs; 'subgraph cluster_x' keeps its nodes together) and writes SVG, or Graphviz's \
            'plain' text format for comparison with 'dot -Tplain'. Unreadable DOT exits with 2 \
            and FILE:LINE:COLUMN.
            """
    )

    public enum Format: String, ExpressibleByArgument, CaseIterable, Sendable {
        case svg, plain
    }

    @Argument(help: "A DOT file ('-' for standard input).", completion: .file(extensions: ["dot", "gv"]))
    var file: String

    @Option(help: "Output format: svg or plain.")
    var format: Format = .svg

    @Flag(help: "Print phase timings, crossings and dummy nodes to standard error.")
    var stats = false

    public init() {}

    public func run() throws {
        let console = Console.standard
        let data: Data
        if file == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else if let contents = FileManager.default.contents(atPath: file) {
            data = contents
        } else {
            console.error("error: cannot read \(file): no such file, or not readable")
            throw ExitCode(2)
        }
        let document: DOTReader.Document
        do {
            document = try DOTReader.read(String(decoding: data, as: UTF8.self))
        } catch {
            console.error("\(file == "-" ? "<stdin>" : file):\(error.line):\(error.column): error: \(error.message)")
            throw ExitCode(2)
        }
        var statistics = LayoutStatistics()
        let layout = LayeredLayout.layout(document.graph, options: LayoutOptions(), statistics: &statistics)
        switch format {
        case .plain: FileHandle.standardOutput.write(Data(PlainWriter.bytes(layout, graph: document.graph)))
        case .svg: FileHandle.standardOutput.write(Data(SVGWriter.write(layout, graph: document.graph).utf8))
        }
        if stats { console.error(Self.summary(statistics, nodes: document.graph.nodes.count, edges: document.graph.edges.count)) }
    }

    static func summary(_ s: LayoutStatistics, nodes: Int, edges: Int) -> String {
        func ms(_ d: Duration) -> String {
            let (seconds, attoseconds) = d.components
            return String(format: "%.2f ms", Double(seconds) * 1000 + Double(attoseconds) / 1e15)
        }
        return """
            nodes \(nodes), edges \(edges), reversed \(s.reversedEdges), total edge length \(s.totalEdgeLength), \
            dummy nodes \(s.dummyNodes), crossings \(s.crossings)
            cycles \(ms(s.cycleBreaking)), layering \(ms(s.layering)), ordering \(ms(s.ordering)), \
            placement \(ms(s.placement)), routing \(ms(s.routing)), total \(ms(s.total))
            """
    }
}
