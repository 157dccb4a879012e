import MeshModel
import Yams

/// Turns Yams' errors into located diagnostics, rewording the ones whose libyaml message does not
/// tell a data engineer what to fix (a tab, a control character, libyaml's own nesting cap).
enum YAMLSyntaxDiagnostics {
    static func diagnostic(for error: YamlError, text: String, file: String) -> Diagnostic {
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let location = SourceLocation(file: file, line: mark.line, column: mark.column)
            if problem.contains("Maximum nesting level") {
                return .error("yaml.tooDeep",
                    "this YAML nests collections too deeply (here); meshport refuses documents deeper than "
                    + "\(InputLimits.maxDepth) levels", at: location)
            }
            if let tab = tabProblem(in: text, line: mark.line, column: mark.column, mentioned: problem.contains("tab"),
                                    file: file) {
                return tab
            }
            var notes: [Diagnostic.Note] = []
            if let context {
                notes.append(.init(context.text, at: SourceLocation(file: file, line: context.mark.line,
                                                                    column: context.mark.column)))
            }
            return .error("yaml.syntax", "invalid YAML: \(problem)", at: location, notes: notes)
        case .duplicatedKeysInMapping(let duplicates, let context):
            // Only when the second occurrence could not be located (see YAMLReader.read).
            return duplicate(duplicates, at: SourceLocation(file: file, line: context.mark.line, column: context.mark.column))
        case .reader(let problem, let offset, let value, _):
            let bytes = Array(text.utf8)
            let (line, column) = SourceText.position(ofByte: offset ?? 0, in: bytes)
            let location = SourceLocation(file: file, line: line, column: column)
            if problem.contains("control characters") {
                let code = String(UInt32(bitPattern: value), radix: 16, uppercase: true)
                return .error("input.encoding",
                    "this file contains the control character U+\(String(repeating: "0", count: max(0, 4 - code.count)) + code) "
                    + "at line \(line), column \(column); YAML text may not contain control characters (is it a binary file?)",
                    at: location)
            }
            return .error("input.encoding", "cannot read this file as YAML text: \(problem)", at: location)
        default:
            return .error("yaml.syntax", "invalid YAML: \(error)", at: SourceLocation(file: file))
        }
    }

    static func duplicate(_ keys: [String], at location: SourceLocation) -> Diagnostic {
        .error("yaml.key.duplicate",
               "key \(keys.map { "'\($0)'" }.joined(separator: ", ")) appears more than once in this mapping "
               + "(first written here); YAML keys must be unique", at: location)
    }

    /// libyaml says "found character that cannot start any token" for a tab in indentation.
    /// When the error points at a tab, or its message mentions one, say what is wrong and where.
    static func tabProblem(in text: String, line: Int, column: Int, mentioned: Bool, file: String) -> Diagnostic? {
        let bytes = Array(text.utf8)
        guard let lineBytes = SourceText.line(line, in: bytes) else { return nil }
        let scalars = Array(String(decoding: lineBytes, as: UTF8.self).unicodeScalars)
        var tabColumn: Int?
        if column >= 1, column <= scalars.count, scalars[column - 1] == "\t" {
            tabColumn = column
        } else if mentioned {
            let firstContent = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }) ?? scalars.count
            if let tab = scalars[..<firstContent].firstIndex(of: "\t") { tabColumn = tab + 1 }
        }
        guard let tabColumn else { return nil }
        let before = scalars[..<(tabColumn - 1)]
        let location = SourceLocation(file: file, line: line, column: tabColumn)
        if before.allSatisfy({ $0 == " " || $0 == "\t" }) {
            return .error("yaml.tab",
                "this line is indented with a tab; YAML allows only spaces for indentation (replace the tab with spaces)",
                at: location)
        }
        let previous = before.last(where: { $0 != " " && $0 != "\t" }).map { String($0) } ?? ""
        return .error("yaml.tab",
            "a tab follows '\(previous)' here; YAML needs spaces, not tabs, after '-', '?' and ':' and in indentation "
            + "(replace the tab with a space)", at: location)
    }
}
