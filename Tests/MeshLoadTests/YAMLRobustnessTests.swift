import Foundation
import MeshModel
import XCTest
@testable import MeshLoad

/// Hostile or broken YAML: every case ends in one located diagnostic, never a crash or a hang.
final class YAMLRobustnessTests: XCTestCase {
    func documents(_ text: String, file: String = "f.yaml", line: UInt = #line) throws -> [YAMLNode] {
        switch YAMLReader.read(text, file: file) {
        case .documents(let docs): return docs
        case .failed(let d): XCTFail("unexpected \(d.rule) at \(d.location?.description ?? "?"): \(d.message)", line: line)
            throw XCTSkip()
        }
    }

    func failure(_ text: String, file: String = "f.yaml", line: UInt = #line) throws -> Diagnostic {
        guard case .failed(let diagnostic) = YAMLReader.read(text, file: file) else {
            XCTFail("expected a diagnostic", line: line)
            throw XCTSkip()
        }
        return diagnostic
    }

    func assertDiagnostic(_ d: Diagnostic, _ rule: String, line: Int, column: Int, file: String = "f.yaml",
                          _ sourceLine: UInt = #line) {
        XCTAssertEqual(d.rule, rule, d.message, line: sourceLine)
        XCTAssertEqual(d.severity, .error, line: sourceLine)
        XCTAssertEqual(d.location, SourceLocation(file: file, line: line, column: column), d.message, line: sourceLine)
    }

    // MARK: text

    func testByteOrderMarkIsDroppedAndPositionsStayRight() throws {
        let root = try XCTUnwrap(try documents("\u{FEFF}a: 1\nb: [x, y]\n").first)
        XCTAssertEqual(root.pair("a")?.key.location, SourceLocation(file: "f.yaml", line: 1, column: 1))
        XCTAssertEqual(root["b"]?.items.last?.location, SourceLocation(file: "f.yaml", line: 2, column: 8))
        guard case .text(let text) = SourceText.decode([0xEF, 0xBB, 0xBF] + Array("a: 1\n".utf8), file: "f.yaml") else {
            return XCTFail("a byte-order mark is valid UTF-8")
        }
        XCTAssertEqual(text, "a: 1\n")
    }

    func testCRLFLineEndingsKeepPositions() throws {
        let root = try XCTUnwrap(try documents("a: 1\r\nb:\r\n  c: é\r\n  d: 2\r\n").first)
        XCTAssertEqual(root["b"]?["d"]?.location, SourceLocation(file: "f.yaml", line: 4, column: 6))
        XCTAssertEqual(root["b"]?["c"]?.scalar, "é")
        let d = try failure("a: 1\r\nb:\r\n\tc: 2\r\n")
        assertDiagnostic(d, "yaml.tab", line: 3, column: 1)
    }

    func testTabIndentationIsExplained() throws {
        let d = try failure("name: x\nports:\n\t- name: a\n")
        assertDiagnostic(d, "yaml.tab", line: 3, column: 1)
        XCTAssertTrue(d.message.contains("indented with a tab"), d.message)
        assertDiagnostic(try failure("a:\n  b: 1\n  \tc: 2\n"), "yaml.tab", line: 3, column: 3)
        let afterDash = try failure("items:\n  -\tone\n")
        assertDiagnostic(afterDash, "yaml.tab", line: 2, column: 4)
        XCTAssertTrue(afterDash.message.contains("'-'"), afterDash.message)
        assertDiagnostic(try failure("a: |\n  text\n\tmore\n"), "yaml.tab", line: 3, column: 1)
        // Tabs inside flow collections and after "key:" are valid YAML.
        XCTAssertEqual(try documents("a: [\n\t1,\n\t2]\nb:\tc\n").first?["a"]?.items.count, 2)
    }

    func testInvalidUTF8IsLocatedAtTheFirstBadByte() {
        let bytes = Array("id: x\nname: caf".utf8) + [0xE9] + Array(" au lait\n".utf8)
        guard case .failed(let d) = SourceText.decode(bytes, file: "f.yaml") else { return XCTFail("not UTF-8") }
        assertDiagnostic(d, "input.encoding", line: 2, column: 10)
        XCTAssertTrue(d.message.contains("0xE9"), d.message)
        // Columns count characters: "é" before the bad byte is one column.
        let wide = Array("é: ".utf8) + [0xC3, 0x28]
        guard case .failed(let w) = SourceText.decode(wide, file: "f.yaml") else { return XCTFail("not UTF-8") }
        assertDiagnostic(w, "input.encoding", line: 1, column: 4)
        guard case .failed(let utf16) = SourceText.decode([0xFF, 0xFE, 0x61, 0x00], file: "f.yaml") else {
            return XCTFail("UTF-16 is not UTF-8")
        }
        XCTAssertTrue(utf16.message.contains("UTF-16"), utf16.message)
    }

    func testControlCharacterIsLocated() throws {
        let d = try failure("a: 1\nb: x\u{7}y\n")
        assertDiagnostic(d, "input.encoding", line: 2, column: 5)
        XCTAssertTrue(d.message.contains("U+0007"), d.message)
    }

    func testEmptyAndBlankTextHasNoDocuments() throws {
        XCTAssertEqual(try documents("").count, 0)
        XCTAssertEqual(try documents("  \n\n\t\n# only a comment\r\n  \t# another\n").count, 0)
        XCTAssertEqual(try documents("\u{FEFF}").count, 0)
    }

    func testOversizedTextIsRefusedUnparsed() throws {
        let d = try failure(String(repeating: "#", count: InputLimits.maxFileBytes + 1))
        assertDiagnostic(d, "input.tooLarge", line: 1, column: 1)
        XCTAssertTrue(d.message.contains("8 MiB"), d.message)
    }

    // MARK: nesting

    func testDeeplyNestedFlowSequencesAreRefused() throws {
        let depth = 10_000
        let d = try failure(String(repeating: "[", count: depth) + String(repeating: "]", count: depth))
        assertDiagnostic(d, "yaml.tooDeep", line: 1, column: InputLimits.maxDepth + 1)
        let flowMaps = try failure("a: " + String(repeating: "{b: ", count: depth) + String(repeating: "}", count: depth))
        assertDiagnostic(flowMaps, "yaml.tooDeep", line: 1, column: 4 + 4 * (InputLimits.maxDepth - 1))
    }

    func testDeeplyNestedBlockMappingsAndSequencesAreRefused() throws {
        var text = ""
        for level in 0..<1_000 { text += String(repeating: " ", count: level) + "k\(level):\n" }
        assertDiagnostic(try failure(text), "yaml.tooDeep", line: InputLimits.maxDepth + 1, column: InputLimits.maxDepth + 1)
        let dashes = String(repeating: "- ", count: 5_000) + "x\n"
        assertDiagnostic(try failure(dashes), "yaml.tooDeep", line: 1, column: 2 * InputLimits.maxDepth + 1)
        var mixed = ""
        for level in 0..<1_000 { mixed += String(repeating: "  ", count: level) + "- k:\n" }
        let d = try failure(mixed)
        XCTAssertEqual(d.rule, "yaml.tooDeep")
        XCTAssertEqual(d.location?.line, InputLimits.maxDepth / 2 + 1)
    }

    func testDepthAtTheLimitIsAccepted() throws {
        let depth = InputLimits.maxDepth
        let root = try XCTUnwrap(try documents(String(repeating: "[", count: depth) + "1" + String(repeating: "]", count: depth)).first)
        XCTAssertTrue(root.isSequence)
        var text = ""
        for level in 0..<depth { text += String(repeating: " ", count: level) + "k:\n" }
        XCTAssertEqual(try documents(text + String(repeating: " ", count: depth) + "v\n").count, 1)
    }

    func testBracketsInsideScalarsDoNotCountAsNesting() throws {
        let text = "pattern: '^[A-Z]{3}[[[[[$'\nnote: \"[[[[[[\"\nplain: a[[[[[[[\nblock: |\n  [[[[[[[[\n  {{{{{{\n# [[[[[[[\nend: 1\n"
        let lines = Array(repeating: text, count: 40).enumerated().map { "d\($0.offset):\n" + $0.element.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n") }
        XCTAssertEqual(try documents(lines.joined(separator: "\n") + "\n").first?.pairs.count, 40)
    }

    func testAliasesDeepenNestingAndAreCheckedToo() throws {
        var text = "a0: &a0 [" + String(repeating: "[", count: 80) + String(repeating: "]", count: 80) + "]\n"
        text += "a1: &a1 [" + String(repeating: "[", count: 30) + "*a0" + String(repeating: "]", count: 30) + "]\n"
        let d = try failure(text)
        assertDiagnostic(d, "yaml.tooDeep", line: 2, column: 40)
        XCTAssertEqual(d.notes.first?.location?.line, 1)
    }

    // MARK: aliases

    func testBillionLaughsIsRefusedQuickly() throws {
        var text = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        var previous = "a"
        for name in ["b", "c", "d", "e", "f", "g", "h", "i"] {
            text += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
            previous = name
        }
        let start = Date()
        let d = try failure(text)
        XCTAssertLessThan(Date().timeIntervalSince(start), 0.5)
        XCTAssertEqual(d.rule, "yaml.aliases")
        XCTAssertEqual(d.location?.line, 6, "located at the alias whose expansion goes over the limit")
        XCTAssertEqual(d.location?.column, 8)
        XCTAssertEqual(d.notes.first?.location?.line, 5, "with a note at its anchor")
    }

    func testAliasUsedAsKeyIsRefusedBeforeYamsHashesIt() throws {
        var text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        var previous = "a"
        for name in ["b", "c", "d", "e", "f", "g", "h", "i"] {
            text += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
            previous = name
        }
        let start = Date()
        let key = try failure(text + "? *i\n: boom\n")
        XCTAssertLessThan(Date().timeIntervalSince(start), 0.5)
        assertDiagnostic(key, "yaml.aliases", line: 10, column: 1)
        assertDiagnostic(try failure(text + "*i : boom\n"), "yaml.aliases", line: 10, column: 1)
        assertDiagnostic(try failure(text + "[*i]: boom\n"), "yaml.aliases", line: 10, column: 1)
    }

    func testOrdinaryAliasesStillWork() throws {
        let root = try XCTUnwrap(try documents("base: &base\n  type: s3\n  format: json\nprod:\n  <<: *base\n  name: p\nlist: [*base, *base]\n").first)
        XCTAssertEqual(root["prod"]?["<<"]?["type"]?.scalar, "s3")
        XCTAssertEqual(root["list"]?.items.count, 2)
    }

    // MARK: duplicate keys

    func testDuplicateKeyIsReportedAtTheSecondOccurrence() throws {
        let d = try failure("id: a\nname: n\nid: b\n")
        assertDiagnostic(d, "yaml.key.duplicate", line: 3, column: 1)
        XCTAssertEqual(d.notes.first?.location, SourceLocation(file: "f.yaml", line: 1, column: 1))
        XCTAssertTrue(d.message.contains("'id'"), d.message)
    }

    func testDuplicateKeysInNestedFlowAndJSONMappings() throws {
        let nested = try failure("a:\n  x: 1\n  y: 2\n  x: 3\nb:\n  y: 1\n  y: 2\n")
        assertDiagnostic(nested, "yaml.key.duplicate", line: 4, column: 3)
        XCTAssertEqual(nested.notes.first?.location?.line, 2)
        let json = try failure("{\n  \"id\": \"a\",\n  \"info\": {\"v\": 1, \"v\": 2},\n  \"id\": \"b\"\n}\n")
        assertDiagnostic(json, "yaml.key.duplicate", line: 3, column: 20)
        let thrice = try failure("k: 1\nk: 2\nk: 3\n")
        assertDiagnostic(thrice, "yaml.key.duplicate", line: 2, column: 1)
        let quoted = try failure("'k': 1\n\"k\": 2\n")
        assertDiagnostic(quoted, "yaml.key.duplicate", line: 2, column: 1)
    }

    func testKeysOfDifferentTypesAreNotDuplicates() throws {
        XCTAssertEqual(try documents("1: a\n\"1\": b\n").first?.pairs.count, 2)
    }

    func testDuplicateKeysInEveryDocumentOfAStream() throws {
        let d = try failure("kind: A\n---\nkind: B\nid: 1\nid: 2\n")
        assertDiagnostic(d, "yaml.key.duplicate", line: 5, column: 1)
    }
}
