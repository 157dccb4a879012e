import Foundation
import MeshTestSupport
import XCTest

/// Builds of the real binary killed (SIGKILL) at random moments: before anything is written, while
/// the staging folder fills, and around the swap. After each kill the output folder must be, byte
/// for byte, either the previous site or the new one; the next build clears what the killed one left.
final class KilledBuildTests: XCTestCase {
    func tree(_ root: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        guard let walker = FileManager.default.enumerator(atPath: root.path) else { return out }
        while let path = walker.nextObject() as? String {
            var isDir: ObjCBool = false
            let url = root.appendingPathComponent(path)
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir), !isDir.boolValue {
                out[path] = try Data(contentsOf: url)
            }
        }
        return out
    }

    /// Files in the staging folder of a running build, or nil while there is none.
    func stagedFiles(in parent: URL) -> Int? {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        guard let staging = names.first(where: { $0.hasPrefix(".site.meshport-staging-") }) else { return nil }
        var count = 0
        if let walker = FileManager.default.enumerator(atPath: parent.appendingPathComponent(staging).path) {
            while walker.nextObject() != nil { count += 1 }
        }
        return count
    }

    enum Moment: CustomStringConvertible {
        case after(seconds: Double)
        case whenStaged(files: Int)
        var description: String {
            switch self {
            case .after(let s): "after \(String(format: "%.3f", s)) s"
            case .whenStaged(let n): "with \(n) files staged"
            }
        }
    }

    /// Starts a build and kills it at `moment` (or lets it finish first, if it is quicker).
    func killedBuild(_ mesh: URL, out: URL, at moment: Moment) throws {
        let process = Process()
        process.executableURL = MeshportProcess.executable
        process.arguments = ["build", mesh.path, "--out", out.path, "--format", "json"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let start = Date()
        poll: while process.isRunning {
            switch moment {
            case .after(let seconds): if Date().timeIntervalSince(start) >= seconds { break poll }
            case .whenStaged(let files): if (stagedFiles(in: out.deletingLastPathComponent()) ?? -1) >= files { break poll }
            }
            usleep(200)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    func testKilledBuildsLeaveThePreviousSiteOrTheNewOne() throws {
        let scratch = try TemporaryMesh([:])
        let meshA = scratch.url("mesh-a"), meshB = scratch.url("mesh-b")
        try FileManager.default.copyItem(at: Repository.sampleMesh, to: meshA)
        try FileManager.default.copyItem(at: Repository.sampleMesh, to: meshB)
        // B differs in a doc and a description: pages, search shards and api/mesh.json change.
        let readme = meshB.appendingPathComponent("domains/sales/products/order-events/docs/README.md")
        try (String(contentsOf: readme, encoding: .utf8) + "\n## Changed\n\nA paragraph only B has.\n").write(to: readme, atomically: true, encoding: .utf8)
        try? FileManager.default.removeItem(at: meshB.appendingPathComponent("_site"))
        try? FileManager.default.removeItem(at: meshA.appendingPathComponent("_site"))

        let references = [scratch.url("ref-a"), scratch.url("ref-b")]
        let started = Date()
        XCTAssertEqual(try MeshportProcess.run(["build", meshA.path, "--out", references[0].path]).status, 0)
        let duration = Date().timeIntervalSince(started)
        XCTAssertEqual(try MeshportProcess.run(["build", meshB.path, "--out", references[1].path]).status, 0)
        let expected = try references.map(tree)
        XCTAssertNotEqual(expected[0], expected[1])
        let fileCount = expected[0].count

        let out = scratch.url("published/site")
        XCTAssertEqual(try MeshportProcess.run(["build", meshA.path, "--out", out.path]).status, 0)
        var generator = SystemRandomNumberGenerator()
        var moments: [Moment] = (0..<6).map { _ in .after(seconds: Double.random(in: 0...(duration * 1.2), using: &generator)) }
        moments += (0..<10).map { _ in .whenStaged(files: Int.random(in: 0...(fileCount + 40), using: &generator)) }
        var sawNew = 0, sawOld = 0
        for (i, moment) in moments.shuffled(using: &generator).enumerated() {
            let before = try tree(out)
            let mesh = before == expected[0] ? meshB : meshA
            try killedBuild(mesh, out: out, at: moment)
            let after = try tree(out)
            let isOld = after == before, isNew = after == expected[mesh == meshB ? 1 : 0]
            XCTAssertTrue(isOld || isNew, "kill \(i) \(moment): the output is neither the previous site nor the new one")
            if isNew && !isOld { sawNew += 1 } else { sawOld += 1 }
        }
        // The kills landed on both sides of the swap, and the next build clears the leftovers.
        XCTAssertGreaterThan(sawOld, 0)
        XCTAssertEqual(try MeshportProcess.run(["build", meshB.path, "--out", out.path]).status, 0)
        XCTAssertEqual(try tree(out), expected[1])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out.deletingLastPathComponent().path), ["site"])
        print("killed builds: \(moments.count), output stayed the previous site \(sawOld) times, became the new one \(sawNew) times")
    }
}
