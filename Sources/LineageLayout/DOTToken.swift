/// A token of the DOT language with where it starts.
struct DOTToken: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        /// A name, numeral, quoted string or HTML string; `quoted` tells keywords from strings.
        case identifier(String, quoted: Bool)
        case punctuation(UInt8)   // { } [ ] = ; , :
        case directedEdge         // ->
        case undirectedEdge       // --
        case end
    }

    var kind: Kind
    var line: Int
    var column: Int
    /// The keyword this token spells (lower-cased), if it is an unquoted keyword; set once here
    /// because the parser asks for it several times per token.
    let keyword: String?

    init(kind: Kind, line: Int, column: Int) {
        self.kind = kind
        self.line = line
        self.column = column
        if case let .identifier(text, quoted) = kind, !quoted, (4...8).contains(text.utf8.count) {
            keyword = Self.keywords.first { Self.equalIgnoringCase(text.utf8, $0.utf8) }
        } else {
            keyword = nil
        }
    }

    private static let keywords = ["strict", "graph", "digraph", "node", "edge", "subgraph"]

    /// ASCII case-insensitive comparison against a lower-case keyword, without allocating.
    private static func equalIgnoringCase(_ text: String.UTF8View, _ keyword: String.UTF8View) -> Bool {
        guard text.count == keyword.count else { return false }
        return zip(text, keyword).allSatisfy { a, b in a == b || (a >= 65 && a <= 90 && a + 32 == b) }
    }
}
