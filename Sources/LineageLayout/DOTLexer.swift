/// Splits DOT text into tokens: comments (`//`, `/* */`, and `#` lines), quoted strings with
/// `\"` escapes, `+` concatenation and backslash-newline continuations, HTML strings `<...>`,
/// names and numerals, as Graphviz's scanner does.
struct DOTLexer {
    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    private var column = 1

    init(_ text: String) { bytes = Array(text.utf8) }

    static func tokens(_ text: String) throws(DOTSyntaxError) -> [DOTToken] {
        var lexer = DOTLexer(text)
        var tokens: [DOTToken] = []
        while true {
            let token = try lexer.next()
            tokens.append(token)
            if token.kind == .end { return tokens }
        }
    }

    private func peek(_ offset: Int = 0) -> UInt8? {
        index + offset < bytes.count ? bytes[index + offset] : nil
    }

    private mutating func advance() {
        let byte = bytes[index]
        index += 1
        if byte == UInt8(ascii: "\n") {
            line += 1
            column = 1
        } else if byte & 0xC0 != 0x80 {
            column += 1   // count characters, not UTF-8 continuation bytes
        }
    }

    private func error(_ message: String, _ line: Int, _ column: Int) -> DOTSyntaxError {
        DOTSyntaxError(line: line, column: column, message: message)
    }

    private static func isNameStart(_ b: UInt8) -> Bool {
        (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b == 95 || b >= 128
    }

    private static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }

    private mutating func skipTrivia() throws(DOTSyntaxError) {
        while let b = peek() {
            if b == 32 || b == 9 || b == 10 || b == 13 || b == 12 || b == 11 {
                advance()
            } else if b == UInt8(ascii: "#") && column == 1 {
                while let c = peek(), c != 10 { advance() }
            } else if b == UInt8(ascii: "/") && peek(1) == UInt8(ascii: "/") {
                while let c = peek(), c != 10 { advance() }
            } else if b == UInt8(ascii: "/") && peek(1) == UInt8(ascii: "*") {
                let (startLine, startColumn) = (line, column)
                advance(); advance()
                while true {
                    guard let c = peek() else { throw error("unterminated comment", startLine, startColumn) }
                    if c == UInt8(ascii: "*") && peek(1) == UInt8(ascii: "/") { advance(); advance(); break }
                    advance()
                }
            } else {
                return
            }
        }
    }

    mutating func next() throws(DOTSyntaxError) -> DOTToken {
        try skipTrivia()
        let (startLine, startColumn) = (line, column)
        func token(_ kind: DOTToken.Kind) -> DOTToken { DOTToken(kind: kind, line: startLine, column: startColumn) }
        guard let b = peek() else { return token(.end) }
        switch b {
        case UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "["), UInt8(ascii: "]"),
             UInt8(ascii: "="), UInt8(ascii: ";"), UInt8(ascii: ","), UInt8(ascii: ":"):
            advance()
            return token(.punctuation(b))
        case UInt8(ascii: "-") where peek(1) == UInt8(ascii: ">"):
            advance(); advance()
            return token(.directedEdge)
        case UInt8(ascii: "-") where peek(1) == UInt8(ascii: "-"):
            advance(); advance()
            return token(.undirectedEdge)
        case UInt8(ascii: "\""):
            var text = try quoted()
            // "a" + "b" concatenates.
            while true {
                let saved = (index, line, column)
                try skipTrivia()
                guard peek() == UInt8(ascii: "+") else { (index, line, column) = saved; break }
                advance()
                try skipTrivia()
                guard peek() == UInt8(ascii: "\"") else { throw error("expected a quoted string after '+'", line, column) }
                text += try quoted()
            }
            return token(.identifier(text, quoted: true))
        case UInt8(ascii: "<"):
            return token(.identifier(try html(), quoted: true))
        default:
            if Self.isNameStart(b) {
                let start = index
                while let c = peek(), Self.isNameStart(c) || Self.isDigit(c) { advance() }
                return token(.identifier(String(decoding: bytes[start..<index], as: UTF8.self), quoted: false))
            }
            if Self.isDigit(b) || b == UInt8(ascii: "-") || b == UInt8(ascii: ".") {
                let start = index
                if b == UInt8(ascii: "-") { advance() }
                var digits = 0, dots = 0
                while let c = peek(), Self.isDigit(c) || (c == UInt8(ascii: ".") && dots == 0) {
                    if c == UInt8(ascii: ".") { dots += 1 } else { digits += 1 }
                    advance()
                }
                guard digits > 0 else { throw error("expected a number", startLine, startColumn) }
                if let c = peek(), Self.isNameStart(c) {
                    throw error("a name cannot start with a digit; quote it", startLine, startColumn)
                }
                return token(.identifier(String(decoding: bytes[start..<index], as: UTF8.self), quoted: false))
            }
            let scalar = String(decoding: bytes[index..<min(bytes.count, index + 1)], as: UTF8.self)
            throw error("unexpected character '\(scalar)'", startLine, startColumn)
        }
    }

    /// A quoted string without its quotes: `\"` becomes `"`, backslash-newline disappears,
    /// other backslashes stay (they mean something to labels: `\n`, `\l`, `\N`).
    private mutating func quoted() throws(DOTSyntaxError) -> String {
        let (startLine, startColumn) = (line, column)
        advance()
        var text: [UInt8] = []
        while true {
            guard let c = peek() else { throw error("unterminated string", startLine, startColumn) }
            if c == UInt8(ascii: "\"") { advance(); break }
            if c == UInt8(ascii: "\\"), let d = peek(1) {
                if d == UInt8(ascii: "\"") { advance(); advance(); text.append(d); continue }
                if d == 10 { advance(); advance(); continue }
                if d == 13 && peek(2) == 10 { advance(); advance(); advance(); continue }
            }
            text.append(c)
            advance()
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// An HTML string `<...>` with nested angle brackets, returned with its outer brackets removed.
    private mutating func html() throws(DOTSyntaxError) -> String {
        let (startLine, startColumn) = (line, column)
        advance()
        let start = index
        var depth = 1
        while true {
            guard let c = peek() else { throw error("unterminated HTML string", startLine, startColumn) }
            if c == UInt8(ascii: "<") { depth += 1 }
            if c == UInt8(ascii: ">") {
                depth -= 1
                if depth == 0 { break }
            }
            advance()
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        advance()
        return text
    }
}
