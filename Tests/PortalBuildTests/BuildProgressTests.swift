import Foundation
import MeshTestSupport
import XCTest

/// What `build` says besides diagnostics: stage lines on a terminal, a summary in CI, times with
/// --verbose, only diagnostics with --quiet.
final class BuildProgressTests: XCTestCase {
    var out: URL!

    override func setUpWithError() throws {
        out = FileManager.default.temporaryDirectory.appendingPathComponent("meshport-progress-\(UUID().uuidString)")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: out)
    }

    var build: [String] { ["build", Repository.sampleMesh.path, "--out", out.path] }
    let theme = ["MESHPORT_THEME_DIR": Repository.defaultTheme.path]

    func stageLines(_ text: String) -> [String] {
        // On a terminal a stage's "load…" is replaced: what counts is after the last erase.
        text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map { String($0.split(separator: "\u{1B}[K").last ?? "") }
            .filter { line in ["load ", "check ", "render ", "write "].contains { line.hasPrefix($0) } }
    }

    func testWithoutATerminalOnlyTheSummary() throws {
        let run = try MeshportProcess.run(build, environment: theme)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(stageLines(run.stderr), [])
        XCTAssertEqual(run.stdout, "built 19 products in 5 domains, 191 files (191 written, 0 unchanged) -> \(out.path)\n")
    }

    func testVerboseGivesEveryStageWithItsCountsAndTime() throws {
        let run = try MeshportProcess.run(build + ["--verbose"], environment: theme)
        XCTAssertEqual(run.status, 0, run.stderr)
        let lines = stageLines(run.stderr)
        XCTAssertEqual(lines.count, 4, run.stderr)
        XCTAssertTrue(lines[0].hasPrefix("load   91 files read, 19 products, 21 contracts, 40 docs  "), lines[0])
        XCTAssertTrue(lines[1].hasPrefix("check  0 errors, 4 warnings  "), lines[1])
        XCTAssertTrue(lines[2].hasPrefix("render 191 files  "), lines[2])
        XCTAssertTrue(lines[3].hasPrefix("write  191 files written, 0 kept  "), lines[3])
        for line in lines { XCTAssertNotNil(line.firstMatch(of: /\s\s\d+(\.\d+)? m?s$/), line) }
    }

    func testQuietPrintsOnlyDiagnostics() throws {
        let run = try MeshportProcess.run(build + ["--quiet"], environment: theme)
        XCTAssertEqual(run.status, 0)
        XCTAssertEqual(run.stdout, "")
        XCTAssertEqual(stageLines(run.stderr), [])
        XCTAssertTrue(run.stderr.contains("warning:"), "diagnostics still come")
        XCTAssertEqual(try MeshportProcess.run(build + ["--quiet", "--verbose"], environment: theme).status, 2)
    }

    /// A terminal from `script(1)`: stage lines, each replacing its "…" line; none when CI=true.
    func testATerminalShowsAStageLineEachAndCIDoesNot() throws {
        guard FileManager.default.fileExists(atPath: "/usr/bin/script") else { throw XCTSkip("no script(1) to make a terminal") }
        let command = ([MeshportProcess.executable.path] + build).map { "'\($0)'" }.joined(separator: " ")
        // The suite itself may run in CI (CI=true): the terminal case must not inherit that.
        let terminal = try MeshportProcess.run(["/usr/bin/script", "-qec", command, "/dev/null"], environment: theme.merging(["CI": "false"]) { _, new in new },
                                               executable: "/usr/bin/env")
        let lines = stageLines(terminal.stdout)
        XCTAssertEqual(lines.count, 4, terminal.stdout)
        XCTAssertTrue(terminal.stdout.contains("load…\r\u{1B}[Kload   91 files read"), terminal.stdout)
        let ci = try MeshportProcess.run(["/usr/bin/script", "-qec", command, "/dev/null"], environment: theme.merging(["CI": "true"]) { a, _ in a },
                                         executable: "/usr/bin/env")
        XCTAssertEqual(stageLines(ci.stdout), [], ci.stdout)
        XCTAssertTrue(ci.stdout.contains("built 19 products"))
    }
}
