import MeshModel

/// Cuts a Markdown document into sections, one per heading, as plain text. A light line scanner is
/// enough here: cmark already found the headings and their anchors (MarkdownDocument.headings); this
/// only needs the text between them, with link targets and markup left out.
enum MarkdownSections {
    struct Section: Equatable {
        /// nil for the text before the first heading.
        var heading: String?
        var anchor: String?
        var level: Int
        var text: String
    }

    static func split(_ document: MarkdownDocument) -> [Section] {
        var sections: [Section] = [Section(heading: nil, anchor: nil, level: 0, text: "")]
        var body: [Substring] = []
        var fence: (char: Character, count: Int)?
        var previous: Substring = ""
        var known = document.headings[...]

        func close() {
            sections[sections.count - 1].text = plain(body.joined(separator: "\n"))
            body.removeAll(keepingCapacity: true)
        }
        func open(_ text: String, level: Int) {
            close()
            // Pair with cmark's heading list in order; if the scanner and cmark disagree, match by text.
            var found: MarkdownDocument.Heading?
            if let next = known.first, next.text == text || next.level == level {
                found = next
                known = known.dropFirst()
            } else if let i = known.firstIndex(where: { $0.text == text }) {
                found = known[i]
                known = known[(i + 1)...]
            }
            sections.append(Section(heading: found?.text ?? text, anchor: found?.anchor, level: level, text: ""))
        }

        for line in document.text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop { $0 == " " }
            let indent = line.count - trimmed.count
            if let open = fence {
                let run = trimmed.prefix { $0 == open.char }.count
                if run >= open.count, trimmed.dropFirst(run).allSatisfy({ $0 == " " || $0 == "\t" }) {
                    fence = nil
                } else {
                    body.append(line)
                }
                previous = ""
                continue
            }
            if indent < 4, let c = trimmed.first, c == "`" || c == "~" {
                let run = trimmed.prefix { $0 == c }.count
                if run >= 3 {
                    fence = (c, run)
                    previous = ""
                    continue
                }
            }
            if indent < 4, trimmed.first == "#" {
                let hashes = trimmed.prefix { $0 == "#" }.count
                let rest = trimmed.dropFirst(hashes)
                if hashes <= 6, rest.isEmpty || rest.first == " " || rest.first == "\t" {
                    open(headingText(rest), level: hashes)
                    previous = ""
                    continue
                }
            }
            // Setext: `===` or `---` under a line of paragraph text turns that line into a heading.
            if indent < 4, !previous.isEmpty, let c = trimmed.first, c == "=" || c == "-",
               trimmed.trimmingTrailingSpaces.allSatisfy({ $0 == c }) {
                if !body.isEmpty { body.removeLast() }
                open(inline(String(previous)).trimmingTrailingSpaces, level: c == "=" ? 1 : 2)
                previous = ""
                continue
            }
            body.append(line)
            let isParagraph = !trimmed.isEmpty && !"-*+>|".contains(trimmed.first!) && !(trimmed.first!.isNumber)
            previous = isParagraph ? trimmed : ""
        }
        close()
        return sections.filter { $0.heading != nil || !$0.text.isEmpty }
    }

    /// `## Title ##` -> "Title", inline markup removed.
    static func headingText(_ rest: Substring) -> String {
        var text = rest.trimmingTrailingSpaces
        while text.hasSuffix("#") { text.removeLast() }
        return inline(String(text)).trimmingTrailingSpaces.trimmingLeadingSpaces
    }

    /// The readable text of Markdown: link targets, images' URLs, HTML tags and emphasis marks dropped,
    /// whitespace collapsed.
    static func plain(_ markdown: String) -> String {
        inline(markdown).split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
    }

    static func inline(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var chars = text[...]
        while let c = chars.first {
            chars = chars.dropFirst()
            switch c {
            case "]" where chars.first == "(":
                // Skip the destination of `[text](url "title")`, balanced parentheses included.
                var depth = 0
                while let d = chars.first {
                    chars = chars.dropFirst()
                    if d == "(" { depth += 1 } else if d == ")" { depth -= 1; if depth == 0 { break } }
                }
            case "<":
                // An HTML tag or an autolink: dropped up to its `>` when it closes on the line.
                if let end = chars.prefix(200).firstIndex(of: ">"), !chars[..<end].contains("\n") {
                    chars = chars[chars.index(after: end)...]
                } else {
                    out.append(c)
                }
            case "*", "`", "#", "|", "[", "]", "!", ">", "\\": out.append(" ")
            default: out.append(c)
            }
        }
        return out
    }
}

extension StringProtocol {
    var trimmingTrailingSpaces: String {
        var s = Substring(self)
        while let l = s.last, l == " " || l == "\t" || l == "\r" { s = s.dropLast() }
        return String(s)
    }

    var trimmingLeadingSpaces: String { String(drop { $0 == " " || $0 == "\t" }) }
}
