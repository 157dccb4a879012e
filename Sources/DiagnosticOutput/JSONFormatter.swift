import Foundation
import MeshModel

/// `{"diagnostics": [{"file", "line", "column", "endLine", "endColumn", "severity", "rule", "message", "notes"}]}`,
/// keys sorted, for scripts.
struct JSONFormatter {
    struct Note: Encodable { var message: String; var file: String?; var line: Int?; var column: Int? }
    struct Entry: Encodable {
        var file: String?
        var line, column, endLine, endColumn: Int?
        var severity, rule, message: String
        var notes: [Note]
        var suggestion: String?
    }
    struct Report: Encodable { var diagnostics: [Entry] }

    func render(_ diagnostics: [Diagnostic]) -> String {
        let report = Report(diagnostics: diagnostics.map { d in
            Entry(file: d.location?.file, line: d.location?.line, column: d.location?.column,
                  endLine: d.end?.line ?? d.location?.line, endColumn: d.end?.column ?? d.location?.column,
                  severity: d.severity.rawValue, rule: d.rule, message: d.message,
                  notes: d.notes.map { Note(message: $0.message, file: $0.location?.file, line: $0.location?.line,
                                            column: $0.location?.column) },
                  suggestion: d.suggestion)
        })
        return JSONText.encode(report)
    }
}

enum JSONText {
    static func encode<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
