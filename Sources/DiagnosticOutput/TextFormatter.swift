import MeshModel

/// Diagnostics as compilers print them: `path:line:col: error: message [rule.id]`, then the source
/// line and a caret under the column, then notes and the suggestion. Colour only on a terminal.
struct TextFormatter {
    let context: DiagnosticFormat.Context

    func render(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map { format($0) + "\n" }.joined()
    }

    func format(_ d: Diagnostic) -> String {
        let v = Self.visible
        var out = (d.location.map { v("\($0): ") } ?? "") + paint(d.severity) + ": \(v(d.message)) [\(d.rule)]"
        if let location = d.location, let line = context.sourceLine(location.file, location.line).map(v) {
            let pad = String(line.prefix(max(0, location.column - 1)).map { $0 == "\t" ? "\t" : " " })
            var underline = "^"
            if let end = d.end, end.line == location.line, end.column > location.column + 1 {
                underline += String(repeating: "~", count: end.column - location.column - 1)
            }
            out += "\n    \(line)\n    \(pad)\(underline)"
        }
        for note in d.notes {
            out += "\n" + (note.location.map { v("\($0): ") } ?? "") + paint(.note) + ": \(v(note.message))"
        }
        if let suggestion = d.suggestion, !d.message.contains(suggestion) {
            out += "\n" + paint(.note) + ": did you mean '\(v(suggestion))'?"
        }
        return out
    }

    /// Input text is shown, never obeyed: control characters a terminal would act on (ESC starts
    /// colour, cursor, title and link sequences) become their Unicode pictures (ESC is ␛), one
    /// character each so the caret stays in its column. Tabs and line breaks stay.
    static func visible(_ text: String) -> String {
        func isControl(_ s: Unicode.Scalar) -> Bool {
            (s.value < 0x20 && s != "\t" && s != "\n") || (0x7F...0x9F).contains(s.value)
        }
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { s in
            guard isControl(s) else { return s }
            return s.value < 0x20 ? Unicode.Scalar(0x2400 + s.value)! : s.value == 0x7F ? "\u{2421}" : "\u{FFFD}"
        }))
    }

    private func paint(_ severity: Diagnostic.Severity) -> String {
        guard context.colour else { return severity.rawValue }
        let code = severity == .error ? "1;31" : severity == .warning ? "1;33" : "1;36"
        return "\u{1B}[\(code)m\(severity.rawValue)\u{1B}[0m"
    }
}
