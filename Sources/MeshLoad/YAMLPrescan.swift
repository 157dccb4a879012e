import MeshModel

/// One fast pass over YAML text before Yams composes it. Yams builds its tree recursively, so a
/// document nested thousands deep could exhaust a thread's stack, and it hashes every mapping key,
/// so an alias inside a key could make it expand a "billion laughs" bomb. This pass mirrors
/// libyaml's tokenisation closely enough to measure nesting (block indentation levels plus open
/// `[`/`{`) and to find aliases and non-scalar keys, so both are refused with a located error.
/// It never decides what is valid YAML: anything it cannot follow is left to libyaml, whose own
/// nesting cap (1000) stays the backstop, and the converter re-checks depth exactly.
struct YAMLPrescan {
    struct AliasToken: Sendable, Hashable {
        var name: String
        var location: SourceLocation
    }

    var problem: Diagnostic?
    /// Every `*alias` in text order; the converter uses them to locate an expansion it refuses.
    var aliases: [AliasToken] = []

    private let bytes: [UInt8]
    private let file: String
    private let maxDepth: Int
    private var line = 1
    private var flowDepth = 0
    private var flowOpenings: [SourceLocation] = []
    /// Open block collections: the column they start at and whether they are sequences.
    private var block: [(column: Int, sequence: Bool)] = []
    private var quote: UInt8?
    private var escaped = false
    /// Inside a `|` or `>` scalar: lines indented deeper than this column are its content.
    private var blockScalarParent: Int?
    private var complexKey: SourceLocation?
    private var aliasKey: SourceLocation?

    static func scan(_ text: String, file: String, maxDepth: Int = InputLimits.maxDepth) -> YAMLPrescan {
        var scan = YAMLPrescan(bytes: Array(text.utf8), file: file, maxDepth: maxDepth)
        scan.run()
        return scan
    }

    private init(bytes: [UInt8], file: String, maxDepth: Int) {
        self.bytes = bytes
        self.file = file
        self.maxDepth = maxDepth
    }

    private mutating func run() {
        var start = 0
        while start <= bytes.count, problem == nil {
            var end = start
            while end < bytes.count, bytes[end] != .lf, bytes[end] != .cr { end += 1 }
            scanLine(start, end)
            guard end < bytes.count else { break }
            start = end + (bytes[end] == .cr && end + 1 < bytes.count && bytes[end + 1] == .lf ? 2 : 1)
            line += 1
        }
        guard problem == nil, let first = aliases.first, let key = aliasKey ?? complexKey else { return }
        let what = aliasKey != nil ? "an alias (*name) is used as a mapping key"
                                   : "a sequence or mapping is used as a mapping key"
        problem = .error("yaml.aliases",
            "\(what) in a file that uses aliases; meshport refuses this combination because comparing such keys "
            + "expands the aliases, which can take unbounded time and memory. Use plain text keys",
            at: key, notes: [.init("first alias '*\(first.name)'", at: first.location)])
    }

    private mutating func scanLine(_ start: Int, _ end: Int) {
        escaped = false   // a `\` at the end of a line escapes the line break, not the next line
        var i = start
        while i < end, bytes[i] == .space { i += 1 }
        var content = i
        while content < end, bytes[content] == .space || bytes[content] == .tab { content += 1 }
        let blank = content == end
        let indentColumn = i - start + 1
        if let parent = blockScalarParent {
            if blank || indentColumn > parent { return }
            blockScalarParent = nil
        }
        if isDocumentMarker(start, end) {
            // Each document is composed on its own: nesting starts again.
            flowDepth = 0
            flowOpenings = []
            block = []
            quote = nil
            if bytes[start] == .dot { return }
            scanTokens(from: start + 3, lineStart: start, end: end, column: 4)
            return
        }
        if quote == nil, flowDepth == 0 {
            if blank || bytes[content] == .hash || (i == start && bytes[i] == .percent) { return }
            startLine(column: indentColumn, sequence: isIndicator(.dash, at: i, end: end))
            if problem != nil { return }
            scanTokens(from: i, lineStart: start, end: end, column: indentColumn, firstOnLine: true)
        } else {
            scanTokens(from: start, lineStart: start, end: end, column: 1)
        }
    }

    /// A line starting at `column` closes the block collections indented deeper; a `- ` opens (or
    /// continues) a sequence there. A mapping is opened when the line's first token proves a key.
    private mutating func startLine(column: Int, sequence: Bool) {
        while let last = block.last, last.column > column { block.removeLast() }
        let continues = block.last.map { $0.column == column && $0.sequence } ?? false
        if sequence {
            if continues { return }
            block.append((column, true))
            checkDepth(column: column)
        } else if continues {
            block.removeLast()   // a sequence written at its key's indentation ended; the mapping continues
        }
    }

    private mutating func openMapping(column: Int) {
        if let last = block.last, last.column == column, !last.sequence { return }
        block.append((column, false))
        checkDepth(column: column)
    }

    private mutating func scanTokens(from begin: Int, lineStart: Int, end: Int, column startColumn: Int,
                                     firstOnLine: Bool = false) {
        var i = begin
        var column = startColumn
        var atTokenStart = quote == nil
        var inPlain = false
        var first = firstOnLine
        var afterDash = false
        var tokenColumn = column
        var tokenOpensLine = false
        func advance() {
            i += 1
            while i < end, bytes[i] & 0xC0 == 0x80 { i += 1 }
            column += 1
        }
        while i < end, problem == nil {
            let b = bytes[i]
            if let q = quote {
                if q == .doubleQuote {
                    if escaped { escaped = false } else if b == .backslash { escaped = true } else if b == q { quote = nil }
                } else if b == q {
                    if i + 1 < end, bytes[i + 1] == q { advance() } else { quote = nil }
                }
                advance()
                continue
            }
            if b == .space || b == .tab { advance(); continue }
            if b == .hash, i == lineStart || bytes[i - 1] == .space || bytes[i - 1] == .tab { return }
            if inPlain {
                let endsAtColon = b == .colon && (i + 1 == end || bytes[i + 1].isBlank
                                                  || (flowDepth > 0 && bytes[i + 1].isFlowIndicator))
                if endsAtColon {
                    inPlain = false
                    valueIndicator(afterDash: &afterDash, opensLine: tokenOpensLine, keyColumn: tokenColumn)
                    atTokenStart = true
                    advance()
                    continue
                }
                if !(flowDepth > 0 && b.isFlowIndicator) { advance(); continue }
                inPlain = false
            }
            let isFirst = first
            first = false
            switch b {
            case .openBracket, .openBrace:
                if flowDepth > 0 || atTokenStart {
                    flowDepth += 1
                    flowOpenings.append(location(column))
                    checkDepth(column: column)
                }
                afterDash = false
                atTokenStart = true
            case .closeBracket, .closeBrace:
                if flowDepth > 0 {
                    flowDepth -= 1
                    let opening = flowOpenings.removeLast()
                    if complexKey == nil, colonFollows(i + 1, end) { complexKey = opening }
                }
                atTokenStart = false
            case .comma:
                atTokenStart = true
            case .doubleQuote, .singleQuote:
                if atTokenStart || flowDepth > 0 {
                    quote = b
                    tokenColumn = column
                    tokenOpensLine = isFirst
                } else {
                    inPlain = true
                }
                atTokenStart = false
            case .dash where isIndicator(b, at: i, end: end) && flowDepth == 0:
                // `- - x`: every dash after the first on a line opens a nested sequence.
                if !isFirst {
                    block.append((column, true))
                    checkDepth(column: column)
                }
                afterDash = true
                atTokenStart = true
            case .question where isIndicator(b, at: i, end: end):
                if complexKey == nil { complexKey = location(column) }
                atTokenStart = true
            case .colon where isIndicator(b, at: i, end: end) || flowDepth > 0:
                valueIndicator(afterDash: &afterDash, opensLine: tokenOpensLine, keyColumn: tokenColumn)
                atTokenStart = true
            case .pipe where atTokenStart && flowDepth == 0, .greater where atTokenStart && flowDepth == 0:
                blockScalarParent = block.last?.column ?? 0
                return   // the rest of the line is the header and a comment
            case .ampersand where atTokenStart, .exclamation where atTokenStart:
                // An anchor or tag: the node it decorates follows.
                while i < end, !bytes[i].isBlank, !(flowDepth > 0 && bytes[i].isFlowIndicator) { advance() }
                continue
            case .asterisk where atTokenStart:
                let at = location(column)
                var name: [UInt8] = []
                advance()
                while i < end, bytes[i].isAnchorCharacter { name.append(bytes[i]); advance() }
                if !name.isEmpty {
                    aliases.append(AliasToken(name: String(decoding: name, as: UTF8.self), location: at))
                    if aliasKey == nil, colonFollows(i, end) { aliasKey = at }
                }
                atTokenStart = false
                continue
            default:
                inPlain = true
                tokenColumn = column
                tokenOpensLine = isFirst
                atTokenStart = false
            }
            advance()
        }
    }

    /// A `key:` that opens its line, or follows `- `, is a key of a block mapping at its column.
    private mutating func valueIndicator(afterDash: inout Bool, opensLine: Bool, keyColumn: Int) {
        guard flowDepth == 0, opensLine || afterDash else { return }
        afterDash = false
        openMapping(column: keyColumn)
    }

    private mutating func checkDepth(column: Int) {
        guard problem == nil, block.count + flowDepth > maxDepth else { return }
        problem = .error("yaml.tooDeep",
            "this YAML nests collections more than \(maxDepth) levels deep (here); meshport refuses it, because "
            + "composing it could exhaust the stack. Real manifests and contracts nest far less",
            at: location(column))
    }

    private func location(_ column: Int) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column)
    }

    private func isDocumentMarker(_ start: Int, _ end: Int) -> Bool {
        guard end - start >= 3 else { return false }
        let c = bytes[start]
        guard (c == .dash || c == .dot), bytes[start + 1] == c, bytes[start + 2] == c else { return false }
        return end - start == 3 || bytes[start + 3].isBlank
    }

    /// `-`, `?` and `:` are indicators only when a blank or the end of the line follows.
    private func isIndicator(_ b: UInt8, at i: Int, end: Int) -> Bool {
        i < end && bytes[i] == b && (i + 1 == end || bytes[i + 1].isBlank)
    }

    private func colonFollows(_ from: Int, _ end: Int) -> Bool {
        var j = from
        while j < end, bytes[j].isBlank { j += 1 }
        return j < end && bytes[j] == .colon && (j + 1 == end || bytes[j + 1].isBlank || flowDepth > 0)
    }
}

private extension UInt8 {
    static let lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r"), space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")
    static let hash = UInt8(ascii: "#"), percent = UInt8(ascii: "%"), dash = UInt8(ascii: "-"), dot = UInt8(ascii: ".")
    static let colon = UInt8(ascii: ":"), question = UInt8(ascii: "?"), comma = UInt8(ascii: ",")
    static let openBracket = UInt8(ascii: "["), closeBracket = UInt8(ascii: "]")
    static let openBrace = UInt8(ascii: "{"), closeBrace = UInt8(ascii: "}")
    static let doubleQuote = UInt8(ascii: "\""), singleQuote = UInt8(ascii: "'"), backslash = UInt8(ascii: "\\")
    static let pipe = UInt8(ascii: "|"), greater = UInt8(ascii: ">"), ampersand = UInt8(ascii: "&")
    static let exclamation = UInt8(ascii: "!"), asterisk = UInt8(ascii: "*")

    var isBlank: Bool { self == .space || self == .tab }
    var isFlowIndicator: Bool {
        self == .comma || self == .openBracket || self == .closeBracket || self == .openBrace || self == .closeBrace
    }
    /// libyaml's anchor names: ASCII letters, digits, `-` and `_`.
    var isAnchorCharacter: Bool {
        (0x30...0x39).contains(self) || (0x41...0x5A).contains(self) || (0x61...0x7A).contains(self)
            || self == .dash || self == UInt8(ascii: "_")
    }
}
