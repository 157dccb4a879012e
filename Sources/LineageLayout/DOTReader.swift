/// Reads the DOT language into a `LayoutGraph`: `[strict] digraph|graph [name] { ... }` with node,
/// edge and attribute statements, edge chains (`a -> b -> c`), subgraphs (`subgraph cluster_x`
/// puts its nodes in cluster "cluster_x"), `name = value` graph attributes, and comments.
///
/// Node attributes used: `label` (`\N` stands for the node's name), `width` and `height`
/// (inches, minimums as in Graphviz), `fontsize`, and `style` (`dashed` marks the node external).
/// Other attributes are accepted and ignored; ports after `:` are read and ignored.
/// Nodes keep the order in which they first appear; edges keep file order.
public struct DOTReader {
    /// What `read` found besides the graph.
    public struct Document: Sendable, Hashable {
        public var name: String?
        public var isDirected: Bool
        public var graph: LayoutGraph
    }

    private var tokens: [DOTToken]
    private var index = 0
    private var isDirected = true
    private var graphName: String?
    private var nodeIndex: [String: Int] = [:]
    private var names: [String] = []
    /// Each node's own attributes, and which snapshot of `node [...]` defaults it was made under
    /// (so nodes share defaults instead of each copying them).
    private var attributes: [[(key: String, value: String)]] = []
    private var defaultsOf: [Int] = []
    private var snapshots: [[String: String]] = [[:]]
    private var clusters: [String?] = []
    private var edges: [LayoutEdge] = []
    private var depth = 0

    /// Reads a DOT document; throws a `DOTSyntaxError` locating the first problem.
    public static func read(_ text: String) throws(DOTSyntaxError) -> Document {
        var reader = DOTReader(tokens: try DOTLexer.tokens(text))
        return try reader.document()
    }

    private init(tokens: [DOTToken]) { self.tokens = tokens }

    private var current: DOTToken { tokens[index] }

    private func error(_ message: String, at token: DOTToken? = nil) -> DOTSyntaxError {
        let token = token ?? current
        return DOTSyntaxError(line: token.line, column: token.column, message: message)
    }

    private func describe(_ token: DOTToken) -> String {
        switch token.kind {
        case let .identifier(text, quoted): return quoted ? "\"\(text)\"" : "'\(text)'"
        case let .punctuation(byte): return "'\(Character(Unicode.Scalar(byte)))'"
        case .directedEdge: return "'->'"
        case .undirectedEdge: return "'--'"
        case .end: return "the end of the file"
        }
    }

    private mutating func take(_ byte: UInt8) -> Bool {
        if current.kind == .punctuation(byte) { index += 1; return true }
        return false
    }

    private mutating func expect(_ byte: UInt8) throws(DOTSyntaxError) {
        guard take(byte) else {
            throw error("expected '\(Character(Unicode.Scalar(byte)))' but found \(describe(current))")
        }
    }

    private mutating func identifier(_ what: String) throws(DOTSyntaxError) -> String {
        guard case let .identifier(text, _) = current.kind, current.keyword == nil else {
            throw error("expected \(what) but found \(describe(current))")
        }
        index += 1
        return text
    }

    private var atIdentifier: Bool {
        if case .identifier = current.kind { return current.keyword == nil }
        return false
    }

    private mutating func document() throws(DOTSyntaxError) -> Document {
        if current.keyword == "strict" { index += 1 }
        switch current.keyword {
        case "digraph": isDirected = true
        case "graph": isDirected = false
        default: throw error("expected 'digraph' or 'graph' but found \(describe(current))")
        }
        index += 1
        if atIdentifier { graphName = try identifier("a graph name") }
        try expect(UInt8(ascii: "{"))
        var defaults = 0
        _ = try statements(defaults: &defaults, cluster: nil)
        try expect(UInt8(ascii: "}"))
        guard current.kind == .end else { throw error("unexpected \(describe(current)) after the graph") }
        return Document(name: graphName, isDirected: isDirected, graph: makeGraph())
    }

    /// Statements up to the closing brace; returns the nodes they mention, for subgraph edges.
    private mutating func statements(defaults: inout Int, cluster: String?) throws(DOTSyntaxError) -> [Int] {
        var mentioned: [Int] = []
        while current.kind != .punctuation(UInt8(ascii: "}")) {
            if current.kind == .end { throw error("expected '}' but found the end of the file") }
            try statement(defaults: &defaults, cluster: cluster, mentioned: &mentioned)
            _ = take(UInt8(ascii: ";"))
        }
        return mentioned
    }

    private mutating func statement(defaults: inout Int, cluster: String?, mentioned: inout [Int]) throws(DOTSyntaxError) {
        switch current.keyword {
        case "graph", "edge":
            index += 1
            _ = try attributeList()
        case "node":
            index += 1
            var merged = snapshots[defaults]
            for (key, value) in try attributeList() { merged[key] = value }
            snapshots.append(merged)
            defaults = snapshots.count - 1
        case "strict", "digraph":
            throw error("unexpected \(describe(current)) inside a graph")
        default:
            // A name followed by '=' is a graph attribute.
            if atIdentifier, tokens[index + 1].kind == .punctuation(UInt8(ascii: "=")) {
                index += 2
                _ = try identifier("a value")
                return
            }
            let first = try operand(defaults: &defaults, cluster: cluster)
            var operands = [first.nodes]
            mentioned += first.nodes
            while current.kind == .directedEdge || current.kind == .undirectedEdge {
                if (current.kind == .directedEdge) != isDirected {
                    throw error(isDirected ? "use '->' in a digraph" : "use '--' in an undirected graph")
                }
                index += 1
                let next = try operand(defaults: &defaults, cluster: cluster)
                operands.append(next.nodes)
                mentioned += next.nodes
            }
            let attributes = try attributeList()
            if operands.count == 1 {
                // A node statement: its attributes apply to that node.
                if !first.isSubgraph, let node = first.nodes.first {
                    for (key, value) in attributes {
                        if let i = self.attributes[node].firstIndex(where: { $0.key == key }) {
                            self.attributes[node][i].value = value
                        } else {
                            self.attributes[node].append((key, value))
                        }
                    }
                }
                return
            }
            for k in 1..<operands.count {
                for t in operands[k - 1] { for h in operands[k] { edges.append(LayoutEdge(tail: t, head: h)) } }
            }
        }
    }

    /// A node id (with an optional port) or a subgraph; returns the nodes it stands for.
    private mutating func operand(defaults: inout Int, cluster: String?) throws(DOTSyntaxError) -> (nodes: [Int], isSubgraph: Bool) {
        if current.keyword == "subgraph" || current.kind == .punctuation(UInt8(ascii: "{")) {
            var name: String?
            if current.keyword == "subgraph" {
                index += 1
                if atIdentifier { name = try identifier("a subgraph name") }
            }
            let start = current
            try expect(UInt8(ascii: "{"))
            depth += 1
            guard depth < 256 else { throw error("subgraphs nested too deeply", at: start) }
            var inner = defaults
            let innerCluster = name.flatMap { $0.lowercased().hasPrefix("cluster") ? $0 : nil } ?? cluster
            let nodes = try statements(defaults: &inner, cluster: innerCluster)
            try expect(UInt8(ascii: "}"))
            depth -= 1
            return (nodes, true)
        }
        let name = try identifier("a node name, 'subgraph' or '{'")
        if take(UInt8(ascii: ":")) {
            _ = try identifier("a port name")
            if take(UInt8(ascii: ":")) { _ = try identifier("a compass point") }
        }
        return ([node(named: name, defaults: defaults, cluster: cluster)], false)
    }

    private mutating func node(named name: String, defaults: Int, cluster: String?) -> Int {
        if let existing = nodeIndex[name] {
            if clusters[existing] == nil, let cluster { clusters[existing] = cluster }
            return existing
        }
        nodeIndex[name] = names.count
        names.append(name)
        attributes.append([])
        defaultsOf.append(defaults)
        clusters.append(cluster)
        return names.count - 1
    }

    /// Zero or more `[a=b, c=d; e=f]` lists; a key without a value means "true", as in Graphviz.
    private mutating func attributeList() throws(DOTSyntaxError) -> [(String, String)] {
        var result: [(String, String)] = []
        while take(UInt8(ascii: "[")) {
            while !take(UInt8(ascii: "]")) {
                let key = try identifier("an attribute name or ']'")
                var value = "true"
                if take(UInt8(ascii: "=")) { value = try identifier("an attribute value") }
                result.append((key, value))
                if !take(UInt8(ascii: ",")) { _ = take(UInt8(ascii: ";")) }
            }
        }
        return result
    }

    private func makeGraph() -> LayoutGraph {
        var graph = LayoutGraph()
        graph.nodes.reserveCapacity(names.count)
        for (v, name) in names.enumerated() {
            let own = attributes[v], defaults = snapshots[defaultsOf[v]]
            func attribute(_ key: String) -> String? { own.last { $0.key == key }?.value ?? defaults[key] }
            var label = attribute("label") ?? "\\N"
            if label.utf8.contains(UInt8(ascii: "\\")) {
                label = label.replacing("\\N", with: name).replacing("\\G", with: graphName ?? "")
            }
            let fontSize = attribute("fontsize").flatMap(Double.init).map { max(1, $0) } ?? LabelMetrics.defaultFontSize
            var node = LayoutNode(id: name, label: label, cluster: clusters[v], fontSize: fontSize)
            if let width = attribute("width").flatMap(Double.init), width.isFinite { node.width = max(node.width, width * 72) }
            if let height = attribute("height").flatMap(Double.init), height.isFinite { node.height = max(node.height, height * 72) }
            if attribute("style")?.contains("dashed") == true { node.flags.insert(.external) }
            graph.nodes.append(node)
        }
        graph.edges = edges
        return graph
    }
}
