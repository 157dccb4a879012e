import DiagnosticOutput
import Foundation
import MeshModel
import XCTest

/// Each output format of the same diagnostics against a checked-in snapshot
/// (Tests/Fixtures/Formats/expected.<format>); re-record with MESHPORT_RECORD_FIXTURES=1.
final class FormatSnapshotTests: XCTestCase {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/Formats")

    static let diagnostics: [Diagnostic] = [
        Diagnostic(.error, "schema.key.unknown", "unknown key 'staus' in data product", at: SourceLocation(file: "domains/sales/product.yaml", line: 5, column: 1),
                   end: SourceLocation(file: "domains/sales/product.yaml", line: 5, column: 6), suggestion: "status"),
        Diagnostic(.warning, "lineage.deprecated.consumed", "input port 'orders' reads from 'Orders, legacy', which is deprecated",
                   at: SourceLocation(file: "domains/finance/product.yaml", line: 12, column: 5),
                   notes: [.init("'Orders' is marked deprecated here", at: SourceLocation(file: "domains/sales/product.yaml", line: 6, column: 9))]),
        Diagnostic(.note, "link.product.unknown", "100% sure: no product 'a/b'\nsecond line", at: nil),
    ]

    static let context = DiagnosticFormat.Context(
        sourceLine: { file, line in
            ["domains/sales/product.yaml:5": "staus: active", "domains/finance/product.yaml:12": "  - name: orders"]["\(file):\(line)"]
        },
        rules: [
            RuleDescription(id: "schema.key.unknown", summary: "only keys the standard defines", explanation: "A key the schema does not allow.", defaultSeverity: .error),
            RuleDescription(id: "lineage.deprecated.consumed", summary: "no building on deprecated products", explanation: "Move to the replacement.", defaultSeverity: .warning),
            RuleDescription(id: "product.version.semver", summary: "semantic versions", explanation: "MAJOR.MINOR.PATCH.", defaultSeverity: nil),
        ],
        toolVersion: "9.9.9")

    func testEveryFormatMatchesItsSnapshot() throws {
        for format in DiagnosticFormat.allCases {
            let output = format.render(Self.diagnostics, context: Self.context)
            let url = Self.folder.appendingPathComponent("expected.\(format.rawValue)")
            if ProcessInfo.processInfo.environment["MESHPORT_RECORD_FIXTURES"] == "1" {
                try Data(output.utf8).write(to: url)
                XCTFail("recorded \(url.lastPathComponent)")
                continue
            }
            XCTAssertEqual(output, try String(contentsOf: url, encoding: .utf8), format.rawValue)
        }
    }

    func testTextHasLocationSeverityRuleExcerptCaretAndSuggestion() {
        let text = DiagnosticFormat.text.render(Self.diagnostics, context: Self.context)
        XCTAssertTrue(text.hasPrefix("domains/sales/product.yaml:5:1: error: unknown key 'staus' in data product [schema.key.unknown]\n    staus: active\n    ^~~~~\nnote: did you mean 'status'?\n"), text)
    }

    func testTextShowsControlCharactersInsteadOfSendingThemToTheTerminal() {
        let hostile = Diagnostic(.error, "yaml.syntax", "name '\u{1B}]0;pwned\u{07}\u{1B}[2J' \u{9B}31m",
                                 at: SourceLocation(file: "domains/x\u{1B}[8m.yaml", line: 1, column: 7))
        let context = DiagnosticFormat.Context(sourceLine: { _, _ in "name: \u{1B}[1Ahidden\u{7F}" })
        let text = DiagnosticFormat.text.render([hostile], context: context)
        XCTAssertFalse(text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x9B || $0.value == 0x7F }, text)
        XCTAssertEqual(text, "domains/x\u{241B}[8m.yaml:1:7: error: name '\u{241B}]0;pwned\u{2407}\u{241B}[2J' \u{FFFD}31m [yaml.syntax]\n"
                       + "    name: \u{241B}[1Ahidden\u{2421}\n          ^\n")
    }

    func testGitHubCommandsEscapeTheirData() {
        let lines = DiagnosticFormat.github.render(Self.diagnostics, context: Self.context).split(separator: "\n")
        XCTAssertEqual(lines.count, 3)
        XCTAssertTrue(lines[0].hasPrefix("::error file=domains/sales/product.yaml,line=5,col=1,endLine=5,endColumn=6,title=schema.key.unknown::"))
        XCTAssertTrue(lines[2].hasPrefix("::notice title=link.product.unknown::100%25 sure"))
        XCTAssertTrue(lines[2].contains("%0Asecond line"))
    }

    func testJSONAndSARIFParseAndCarryEveryDiagnostic() throws {
        let json = try JSONSerialization.jsonObject(with: Data(DiagnosticFormat.json.render(Self.diagnostics, context: Self.context).utf8)) as! [String: Any]
        let entries = json["diagnostics"] as! [[String: Any]]
        XCTAssertEqual(entries.map { $0["rule"] as! String }, Self.diagnostics.map(\.rule))
        XCTAssertEqual(entries[0]["endColumn"] as? Int, 6)
        let sarif = try JSONSerialization.jsonObject(with: Data(DiagnosticFormat.sarif.render(Self.diagnostics, context: Self.context).utf8)) as! [String: Any]
        XCTAssertEqual(sarif["version"] as? String, "2.1.0")
        let run = (sarif["runs"] as! [[String: Any]])[0]
        let rules = ((run["tool"] as! [String: Any])["driver"] as! [String: Any])["rules"] as! [[String: Any]]
        XCTAssertEqual(rules.map { $0["id"] as! String }, ["lineage.deprecated.consumed", "product.version.semver", "schema.key.unknown"])
        let results = run["results"] as! [[String: Any]]
        XCTAssertEqual(results.map { $0["level"] as! String }, ["error", "warning", "note"])
        XCTAssertEqual(results[0]["ruleIndex"] as? Int, 2)
    }
}
