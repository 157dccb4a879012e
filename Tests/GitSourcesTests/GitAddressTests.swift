import GitSources
import XCTest

final class GitAddressTests: XCTestCase {
    func testAcceptsWhatGitFetchesAndRefusesOptionsAndOtherTransports() {
        for url in ["https://github.com/acme/sales.git", "ssh://git@gitlab.com/acme/sales.git", "git@github.com:acme/sales.git",
                    "file:///srv/git/sales.git", "git://example.com/sales"] {
            XCTAssertNil(GitAddress.problem(url: url), url)
        }
        XCTAssertNotNil(GitAddress.problem(url: "--upload-pack=touch /tmp/x"))
        XCTAssertNotNil(GitAddress.problem(url: "ext::sh -c touch% /tmp/pwned"))
        XCTAssertNotNil(GitAddress.problem(url: "ext::ssh-helper"))
        XCTAssertNotNil(GitAddress.problem(url: "fd::17"))
        XCTAssertNotNil(GitAddress.problem(url: "../sales.git"))
        XCTAssertNotNil(GitAddress.problem(url: "https://example.com/a b"))
        XCTAssertNotNil(GitAddress.problem(url: ""))
    }

    func testRefsThatCouldBeOptionsOrRefspecsAreRefused() {
        for ref in ["main", "release/2024.1", "v1.2.3", String(repeating: "a", count: 40)] { XCTAssertNil(GitAddress.problem(ref: ref), ref) }
        for ref in ["-b", "main:refs/heads/x", "a..b", "x^", "a b", "refs/heads/", "x.lock", ""] {
            XCTAssertNotNil(GitAddress.problem(ref: ref), ref)
        }
        XCTAssertTrue(GitAddress.isCommitID("4c4352deef539df401b9b4d553c953be96e30a1d"))
        XCTAssertFalse(GitAddress.isCommitID("main"))
    }

    func testCredentialsAreNeverShown() {
        XCTAssertEqual(GitAddress.redacted("https://bot:s3cret@github.com/acme/sales.git"), "https://github.com/acme/sales.git")
        XCTAssertEqual(GitAddress.redacted("https://ghp_token@github.com/acme/sales.git"), "https://github.com/acme/sales.git")
        XCTAssertEqual(GitAddress.redacted("git@github.com:acme/sales.git"), "git@github.com:acme/sales.git")
        XCTAssertEqual(GitAddress.redacted("https://github.com/a@b/x"), "https://github.com/a@b/x")
    }

    func testWebPagesAndEditPatternsOfGitHubAndGitLab() {
        XCTAssertEqual(GitAddress.webURL("https://github.com/acme/sales.git"), "https://github.com/acme/sales")
        XCTAssertEqual(GitAddress.webURL("git@github.com:acme/sales.git"), "https://github.com/acme/sales")
        XCTAssertEqual(GitAddress.webURL("ssh://git@gitlab.com/acme/data/sales.git"), "https://gitlab.com/acme/data/sales")
        XCTAssertEqual(GitAddress.webURL("https://token@github.com/acme/sales"), "https://github.com/acme/sales")
        XCTAssertNil(GitAddress.webURL("https://git.example/acme/sales.git"))
        XCTAssertNil(GitAddress.webURL("file:///srv/sales.git"))
        XCTAssertEqual(GitAddress.editPattern(webURL: "https://github.com/acme/sales"), "https://github.com/acme/sales/edit/{ref}/{path}")
        XCTAssertEqual(GitAddress.editPattern(webURL: "https://gitlab.example.com/acme/sales/"), "https://gitlab.example.com/acme/sales/-/edit/{ref}/{path}")
        XCTAssertNil(GitAddress.editPattern(webURL: "https://git.example/acme/sales"))
    }
}
