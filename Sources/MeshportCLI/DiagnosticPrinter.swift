import Foundation
import MeshModel

/// Prints diagnostics as compilers do: `path:line:col: error: message [rule.id]`, then the source
/// line and a caret under the column, then any notes. Colour only on a terminal.
struct DiagnosticPrinter {
    let meshDirectory: URL
    let console: Console

    func print(_ diagnostics: [Diagnostic]) {
        var cache: [String: [Substring]] = [:]
        for diagnostic in diagnostics {
            console.error(format(diagnostic, lines: &cache))
        }
    }

    func format(_ d: Diagnostic, lines cache: inout [String: [Substring]]) -> String {
        let colour = console.isTerminal
        let severity: String
        switch d.severity {
        case .error: severity = colour ? "\u{1B}[1;31merror\u{1B}[0m" : "error"
        case .warning: severity = colour ? "\u{1B}[1;33mwarning\u{1B}[0m" : "warning"
        case .note: severity = colour ? "\u{1B}[1;36mnote\u{1B}[0m" : "note"
        }
        var out = (d.location.map { "\($0): " } ?? "") + "\(severity): \(d.message) [\(d.rule)]"
        if let location = d.location, let line = sourceLine(location, cache: &cache) {
            let caretPad = String(line.prefix(max(0, location.column - 1)).map { $0 == "\t" ? "\t" : " " })
            out += "\n    \(line)\n    \(caretPad)^"
        }
        for note in d.notes {
            out += "\n" + (note.location.map { "\($0): " } ?? "") + "note: \(note.message)"
        }
        return out
    }

    func summary(_ diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        return "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
    }

    private func sourceLine(_ location: SourceLocation, cache: inout [String: [Substring]]) -> String? {
        if cache[location.file] == nil {
            let url = meshDirectory.appendingPathComponent(location.file)
            let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
            cache[location.file] = text.split(separator: "\n", omittingEmptySubsequences: false)
        }
        guard let lines = cache[location.file], location.line >= 1, location.line <= lines.count else { return nil }
        return String(lines[location.line - 1]).replacingOccurrences(of: "\r", with: "")
    }
}
