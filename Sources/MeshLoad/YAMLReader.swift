import MeshModel
import Yams

/// Parses YAML text (one or many `---` documents) into position-carrying `YAMLNode`s.
/// A syntax error becomes a located diagnostic instead of an exception.
public enum YAMLReader {
    public enum Outcome: Sendable {
        case documents([YAMLNode])
        case failed(Diagnostic)
    }

    public static func read(_ text: String, file: String) -> Outcome {
        do {
            let parser = try Parser(yaml: text)
            var documents: [YAMLNode] = []
            while let root = try parser.nextRoot() {
                documents.append(convert(root, file: file))
            }
            return .documents(documents)
        } catch let error as YamlError {
            return .failed(diagnostic(for: error, file: file))
        } catch {
            return .failed(.error("yaml.syntax", "cannot read YAML: \(error)", at: SourceLocation(file: file)))
        }
    }

    static func convert(_ node: Node, file: String) -> YAMLNode {
        let mark = node.mark
        let location = SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
        switch node {
        case .scalar(let scalar):
            return YAMLNode(.scalar(scalar.string, kind(of: node)), at: location)
        case .mapping(let mapping):
            let pairs = mapping.map { YAMLNode.Pair(key: convert($0.key, file: file), value: convert($0.value, file: file)) }
            return YAMLNode(.mapping(pairs), at: location)
        case .sequence(let sequence):
            return YAMLNode(.sequence(sequence.map { convert($0, file: file) }), at: location)
        case .alias:
            return YAMLNode(.scalar("", .null), at: location)
        }
    }

    /// Quoted scalars are always strings; plain ones take the type YAML's core schema gives them.
    /// Most scalars are words, so a look at the first character skips Yams' regular expressions.
    static let typedWords: Set<String> = [
        "~", "null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE",
        "yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF", "y", "Y", "n", "N",
    ]

    static func kind(of node: Node) -> YAMLNode.ScalarKind {
        guard let scalar = node.scalar, scalar.style == .plain || scalar.style == .any else { return .string }
        guard let first = scalar.string.utf8.first else { return .null }
        let mayBeNumber = (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) || "+-.".utf8.contains(first)
        guard mayBeNumber || Self.typedWords.contains(scalar.string) else { return .string }
        if node.null != nil { return .null }
        if node.bool != nil { return .bool }
        if node.int != nil { return .int }
        if node.float != nil { return .float }
        return .string
    }

    static func diagnostic(for error: YamlError, file: String) -> Diagnostic {
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            var notes: [Diagnostic.Note] = []
            if let context {
                notes.append(.init(context.text, at: SourceLocation(file: file, line: context.mark.line,
                                                                    column: context.mark.column)))
            }
            return .error("yaml.syntax", "invalid YAML: \(problem)",
                          at: SourceLocation(file: file, line: mark.line, column: mark.column), notes: notes)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return .error("yaml.key.duplicate", "duplicate key \(duplicates.map { "'\($0)'" }.joined(separator: ", ")) in mapping",
                          at: SourceLocation(file: file, line: context.mark.line, column: context.mark.column))
        case .reader(let problem, _, _, _):
            return .error("yaml.encoding", "cannot read file: \(problem)", at: SourceLocation(file: file))
        default:
            return .error("yaml.syntax", "invalid YAML: \(error)", at: SourceLocation(file: file))
        }
    }
}
