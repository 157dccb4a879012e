import MeshModel
import Yams

/// Parses YAML text (one or many `---` documents) into position-carrying `YAMLNode`s.
/// Every problem becomes one located diagnostic instead of an exception, a crash or a hang:
/// a byte-order mark is dropped, oversized, too deep and alias-bomb documents are refused before
/// or while they are composed, and tabs and duplicate keys get messages that say what is wrong.
public enum YAMLReader {
    public enum Outcome: Sendable {
        case documents([YAMLNode])
        case failed(Diagnostic)
    }

    public static func read(_ text: String, file: String) -> Outcome {
        var text = text
        if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
        let size = text.utf8.count
        if size > InputLimits.maxFileBytes { return .failed(SourceText.tooLarge(size, file: file)) }
        // Nothing but blank lines and comments is no document (libyaml would trip on a tab-only line).
        if hasNoContent(text) { return .documents([]) }
        let prescan = YAMLPrescan.scan(text, file: file)
        if let problem = prescan.problem { return .failed(problem) }

        // Yams refuses duplicate keys at the first occurrence. To report the second one, rename the
        // key Yams names and parse again, then let the converter find the pair with the real names.
        // The rounds are bounded by count and by bytes, so a hostile file stays fast.
        let maxRounds = max(1, min(InputLimits.maxDuplicateKeyRounds, InputLimits.maxDuplicateKeyBytes / max(1, size)))
        var working = text
        var restored: [YAMLConverter.Position: String] = [:]
        while true {
            do {
                return .documents(try compose(working, file: file, restored: restored, aliases: prescan.aliases))
            } catch let failure as YAMLConverter.Failure {
                return .failed(failure.diagnostic)
            } catch let error as YamlError {
                if case .duplicatedKeysInMapping(let keys, let context) = error, restored.count < maxRounds,
                   let key = keys.first,
                   case let position = YAMLConverter.Position(line: context.mark.line, column: context.mark.column),
                   restored[position] == nil,
                   YAMLConverter.neutraliseKey(in: &working, at: position, round: restored.count) {
                    restored[position] = key
                    continue
                }
                if case .duplicatedKeysInMapping(let keys, let context) = error, let key = keys.first, !restored.isEmpty {
                    return .failed(unlocatedDuplicate(key, at: context.mark, renamed: restored, file: file))
                }
                return .failed(YAMLSyntaxDiagnostics.diagnostic(for: error, text: working, file: file))
            } catch {
                return .failed(.error("yaml.syntax", "cannot read YAML: \(error)", at: SourceLocation(file: file)))
            }
        }
    }

    /// Out of rounds: Yams names the first occurrence it still sees, so an earlier renamed key of the
    /// same name is where the key was first written.
    private static func unlocatedDuplicate(_ key: String, at mark: Mark, renamed: [YAMLConverter.Position: String],
                                           file: String) -> Diagnostic {
        let location = SourceLocation(file: file, line: mark.line, column: mark.column)
        let earlier = renamed.filter { $0.value == key }.keys
            .map { SourceLocation(file: file, line: $0.line, column: $0.column) }
            .filter { $0 < location }.max()
        guard let earlier else { return YAMLSyntaxDiagnostics.duplicate([key], at: location) }
        return .error("yaml.key.duplicate",
                      "key '\(key)' appears more than once in this mapping; YAML keys must be unique",
                      at: location, notes: [.init("'\(key)' is written here before", at: earlier)])
    }

    private static func compose(_ text: String, file: String, restored: [YAMLConverter.Position: String],
                                aliases: [YAMLPrescan.AliasToken]) throws -> [YAMLNode] {
        // Yams resolves every scalar's tag with regular expressions (and again when it hashes keys);
        // meshport types scalars itself (kind(of:)), so the parser resolves nothing. The encoding is
        // named: Yams' default copies the whole environment to look for an override, on every parse.
        let parser = try Parser(yaml: text, resolver: .basic, encoding: .utf8)
        var converter = YAMLConverter(file: file, restoredKeys: restored, aliasTokens: aliases)
        var documents: [YAMLNode] = []
        // Converted while the parser lives: it owns the anchors that mark aliases.
        try withExtendedLifetime(parser) {
            while let root = try parser.nextRoot() {
                documents.append(try converter.convert(root).node)
            }
        }
        return documents
    }

    /// The commonest numbers without a regular expression, exactly as Yams' YAML 1.1 rules type them:
    /// `[-+]?(0|[1-9][0-9]*)` is an int, `[-+]?[0-9]+.[0-9]+` a float. Anything else: nil.
    static func plainNumberKind(_ text: String) -> YAMLNode.ScalarKind? {
        var digits = Substring(text).utf8
        if let sign = digits.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") { digits = digits.dropFirst() }
        let isDigit = { (b: UInt8) in b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
        guard let first = digits.first, isDigit(first), digits.count <= 18 else { return nil }
        if let dot = digits.firstIndex(of: UInt8(ascii: ".")) {
            let whole = digits[..<dot], fraction = digits[digits.index(after: dot)...]
            return whole.allSatisfy(isDigit) && !fraction.isEmpty && fraction.allSatisfy(isDigit) ? .float : nil
        }
        guard digits.allSatisfy(isDigit), first != UInt8(ascii: "0") || digits.count == 1 else { return nil }
        return .int
    }

    static func hasNoContent(_ text: String) -> Bool {
        var atLineStart = true
        var inComment = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"): atLineStart = true; inComment = false
            case _ where inComment: continue
            case UInt8(ascii: " "), UInt8(ascii: "\t"): continue
            case UInt8(ascii: "#") where atLineStart: inComment = true
            default: return false
            }
        }
        return true
    }

    /// Quoted scalars are always strings; plain ones take the type YAML's core schema gives them.
    /// Most scalars are words, so a look at the first character skips Yams' regular expressions.
    static let typedWords: Set<String> = [
        "~", "null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE",
        "yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF", "y", "Y", "n", "N",
    ]

    /// The first bytes of `typedWords`: most scalars start otherwise and are text without a hash lookup.
    static let typedWordStarts: [Bool] = (0..<256).map { byte in typedWords.contains { $0.utf8.first == UInt8(byte) } }

    static func kind(of node: Node) -> YAMLNode.ScalarKind {
        guard let scalar = node.scalar, scalar.style == .plain || scalar.style == .any else { return .string }
        guard let first = scalar.string.utf8.first else { return .null }
        let mayBeNumber = (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) || "+-.".utf8.contains(first)
        guard mayBeNumber || (Self.typedWordStarts[Int(first)] && Self.typedWords.contains(scalar.string)) else { return .string }
        if mayBeNumber, let kind = plainNumberKind(scalar.string) { return kind }
        // The rare rest (hex, exponents, `.inf`, `yes`) by YAML 1.1's rules, as Yams' default resolver types them.
        let typed = Node.scalar(.init(scalar.string, Tag(.implicit, .default, .default), scalar.style))
        if typed.null != nil { return .null }
        if typed.bool != nil { return .bool }
        if typed.int != nil { return .int }
        if typed.float != nil { return .float }
        return .string
    }
}
