import Foundation
import MeshLoad
import MeshModel
import MeshportCLI
import MeshTestSupport
import XCTest

/// The CI set-ups README.md offers (docs/ci/): each is valid YAML with the structure its CI system
/// requires, and every meshport command in it is one this meshport accepts.
final class CIExampleTests: XCTestCase {
    static let folder = Repository.root.appendingPathComponent("docs/ci")

    func document(_ name: String) throws -> YAMLNode {
        let text = try String(contentsOf: Self.folder.appendingPathComponent(name), encoding: .utf8)
        switch YAMLReader.read(text, file: name) {
        case .failed(let diagnostic):
            XCTFail("\(diagnostic.location?.description ?? name): \(diagnostic.message)")
            throw CocoaError(.fileReadCorruptFile)
        case .documents(let documents):
            XCTAssertEqual(documents.count, 1, name)
            let root = try XCTUnwrap(documents.first, name)
            XCTAssertTrue(root.isMapping, name)
            return root
        }
    }

    func testGitHubActionsWorkflowsAreWellFormed() throws {
        for name in ["github-actions.yml", "github-actions-domain.yml", "github-actions-matrix.yml"] {
            let workflow = try document(name)
            XCTAssertNotNil(workflow["on"], "\(name): triggers")
            let jobs = try XCTUnwrap(workflow["jobs"], name).pairs
            XCTAssertFalse(jobs.isEmpty, name)
            let jobNames = Set(jobs.compactMap(\.key.scalar))
            for job in jobs {
                let id = "\(name): job \(job.key.scalar ?? "?")"
                XCTAssertNotNil(job.value["runs-on"]?.text, "\(id) says where it runs")
                XCTAssertTrue(Set(job.value["needs"]?.strings ?? []).isSubset(of: jobNames), "\(id) needs jobs that exist")
                let steps = try XCTUnwrap(job.value["steps"], id).items
                XCTAssertFalse(steps.isEmpty, id)
                for step in steps {
                    XCTAssertTrue((step["uses"] == nil) != (step["run"] == nil), "\(id): a step either uses an action or runs commands")
                    if let action = step["uses"]?.text {
                        XCTAssertNotNil(action.range(of: #"^[\w-]+/[\w-]+@v\d+$"#, options: .regularExpression), "\(id): \(action) is pinned")
                    }
                }
            }
        }
    }

    func testGitLabPipelinesAreWellFormed() throws {
        let reserved: Set<String> = ["variables", "default", "stages", "include", "workflow"]
        for name in ["gitlab-ci.yml", "gitlab-ci-domain.yml", "gitlab-ci-matrix.yml"] {
            let pipeline = try document(name)
            let stages = Set(pipeline["stages"]?.strings ?? ["build", "test", "deploy"])
            let jobs = pipeline.pairs.filter { !reserved.contains($0.key.scalar ?? "") }
            let jobNames = Set(jobs.compactMap(\.key.scalar))
            XCTAssertFalse(jobs.isEmpty, name)
            for job in jobs {
                let id = "\(name): job \(job.key.scalar ?? "?")"
                XCTAssertFalse(job.value["script"]?.strings.isEmpty ?? true, "\(id) has a script")
                if let stage = job.value["stage"]?.text { XCTAssertTrue(stages.contains(stage), "\(id): stage \(stage) is declared") }
                XCTAssertTrue(Set(job.value["needs"]?.strings ?? []).isSubset(of: jobNames), "\(id) needs jobs that exist")
            }
            if name != "gitlab-ci-domain.yml" {
                XCTAssertEqual(pipeline["pages"]?["artifacts"]?["paths"]?.strings, ["public"], "\(name): GitLab Pages publishes public/")
            }
        }
    }

    /// Every `meshport …` line of every example parses with this meshport's own command line.
    func testEveryMeshportCommandInTheExamplesIsValid() throws {
        var subcommands: [String: Set<String>] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).sorted() where name.hasSuffix(".yml") {
            var commands: [[String]] = []
            collectCommands(try document(name), into: &commands)
            XCTAssertFalse(commands.isEmpty, "\(name) runs meshport")
            for arguments in commands {
                XCTAssertNoThrow(try Meshport.parseAsRoot(arguments), "\(name): meshport \(arguments.joined(separator: " "))")
                subcommands[name, default: []].insert(arguments.first ?? "")
            }
        }
        XCTAssertEqual(subcommands["github-actions.yml"], ["build"])
        XCTAssertEqual(subcommands["github-actions-domain.yml"], ["check", "bundle"])
        XCTAssertEqual(subcommands["github-actions-matrix.yml"], ["bundle", "build"])
        XCTAssertEqual(subcommands["gitlab-ci.yml"], ["check", "build"])
        XCTAssertEqual(subcommands["gitlab-ci-domain.yml"], ["check", "bundle"])
        XCTAssertEqual(subcommands["gitlab-ci-matrix.yml"], ["bundle", "build"])
    }

    /// README.md shows these workflows in full: they must be the files, not copies that drift.
    func testReadmeShowsTheExampleFilesAsTheyAre() throws {
        let readme = try String(contentsOf: Repository.root.appendingPathComponent("README.md"), encoding: .utf8)
        for name in ["github-actions.yml", "gitlab-ci.yml", "github-actions-domain.yml", "github-actions-matrix.yml"] {
            let text = try String(contentsOf: Self.folder.appendingPathComponent(name), encoding: .utf8)
            XCTAssertTrue(readme.contains("```yaml\n" + text + "```\n"), "README.md shows docs/ci/\(name) as it is")
        }
    }

    /// The arguments of each shell line that starts with `meshport`, in any string of the file;
    /// CI variables stand for a word, and the line ends at the first redirection or operator.
    func collectCommands(_ node: YAMLNode, into commands: inout [[String]]) {
        switch node.value {
        case .mapping(let pairs): for pair in pairs { collectCommands(pair.value, into: &commands) }
        case .sequence(let items): for item in items { collectCommands(item, into: &commands) }
        case .scalar(let text, _):
            for line in text.replacingOccurrences(of: "\\\n", with: " ").split(separator: "\n") {
                var words = line.replacingOccurrences(of: #"\$\{\{[^}]*\}\}|\$\{\w+\}|\$\w+"#, with: "x", options: .regularExpression)
                    .replacingOccurrences(of: "\"", with: "")
                    .split(whereSeparator: \.isWhitespace).map(String.init)
                // A bare "meshport" is a job's or workflow's name, not a command.
                guard words.first == "meshport", words.count > 1 else { continue }
                words.removeFirst()
                if let end = words.firstIndex(where: { ["|", "||", "&&", ";"].contains($0) || $0.hasPrefix(">") || $0.hasPrefix("2>") }) {
                    words = Array(words[..<end])
                }
                commands.append(words)
            }
        }
    }
}
