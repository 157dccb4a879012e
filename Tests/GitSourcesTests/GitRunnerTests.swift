import Foundation
import GitSources
import MeshTestSupport
import XCTest

final class GitRunnerTests: XCTestCase {
    func testAStalledGitIsStoppedAtTheTimeLimit() throws {
        let folder = try TemporaryMesh(["stalled-git": "#!/bin/sh\nexec sleep 30\n"])
        let script = folder.url("stalled-git")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        let started = Date()
        let result = GitRunner(executable: script, timeout: 0.5).run(["fetch", "origin"])
        XCTAssertTrue(result.timedOut)
        XCTAssertFalse(result.succeeded)
        XCTAssertEqual(result.message, "git did not finish in time and was stopped")
        XCTAssertLessThan(Date().timeIntervalSince(started), 10, "stopped, not waited for")
    }

    func testMessageIsGitsOwnUpToItsFirstFatalLine() {
        let result = GitRunner.Result(status: 128, stdout: Data(), stderr: """
            git@github.com: Permission denied (publickey).
            fatal: Could not read from remote repository.

            Please make sure you have the correct access rights
            and the repository exists.
            """, timedOut: false)
        XCTAssertEqual(result.message, "git@github.com: Permission denied (publickey); fatal: Could not read from remote repository")
    }

    func testWithoutGitTheMessageSaysSo() {
        let result = GitRunner(executable: nil).run(["status"])
        XCTAssertFalse(result.succeeded)
        XCTAssertTrue(result.message.contains("git is not installed"), result.message)
    }
}
