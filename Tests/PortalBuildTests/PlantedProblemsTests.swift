import Foundation
import MeshTestSupport
import XCTest

/// The acceptance run: a clean mesh made by gen_mesh.py checks clean; with seven kinds of problem
/// planted in it, one run reports every one at its file and line, in all four formats, and exits 1.
final class PlantedProblemsTests: XCTestCase {
    static let generator = Repository.root.deletingLastPathComponent().appendingPathComponent("shared/bench/gen_mesh.py")

    func generate(_ products: Int) throws -> TemporaryMesh {
        guard FileManager.default.fileExists(atPath: Self.generator.path) else {
            throw XCTSkip("../shared/bench/gen_mesh.py is not beside the checkout")
        }
        let mesh = try TemporaryMesh([:])
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Self.generator.path, "--products", "\(products)", "--quiet", "--out", mesh.root.path]
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        return mesh
    }

    func testGeneratedMeshChecksClean() throws {
        let mesh = try generate(60)
        let run = try MeshportProcess.run(["check", mesh.root.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertFalse(run.stderr.contains(": error: "), run.stderr)
    }

    struct Planted { var rule: String; var file: String; var line: Int }

    func testEveryPlantedProblemIsReportedInEveryFormat() throws {
        let mesh = try generate(40)
        let planted = try plant(in: mesh)
        XCTAssertEqual(planted.count, 7)

        let text = try MeshportProcess.run(["check", mesh.root.path])
        XCTAssertEqual(text.status, 1)
        for p in planted {
            XCTAssertTrue(text.stderr.contains("\(p.file):\(p.line):"), "text: \(p.rule) at \(p.file):\(p.line)\n\(text.stderr)")
            XCTAssertTrue(text.stderr.contains("error: ") && text.stderr.contains("[\(p.rule)]"), "text: \(p.rule)")
        }

        let github = try MeshportProcess.run(["check", mesh.root.path, "--format", "github"])
        XCTAssertEqual(github.status, 1)
        for p in planted {
            XCTAssertTrue(github.stdout.contains("::error file=\(p.file),line=\(p.line),"), "github: \(p.rule) at \(p.file):\(p.line)")
        }

        let json = try MeshportProcess.run(["check", mesh.root.path, "--format", "json"])
        XCTAssertEqual(json.status, 1)
        let entries = (try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: Any])["diagnostics"] as! [[String: Any]]
        for p in planted {
            XCTAssertTrue(entries.contains { $0["rule"] as? String == p.rule && $0["file"] as? String == p.file && $0["line"] as? Int == p.line
                && $0["severity"] as? String == "error" }, "json: \(p.rule) at \(p.file):\(p.line)")
        }

        let sarif = try MeshportProcess.run(["check", mesh.root.path, "--format", "sarif"])
        XCTAssertEqual(sarif.status, 1)
        let log = try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as! [String: Any]
        let results = ((log["runs"] as! [[String: Any]])[0]["results"] as! [[String: Any]])
        for p in planted {
            XCTAssertTrue(results.contains { r in
                guard r["ruleId"] as? String == p.rule, r["level"] as? String == "error",
                      let physical = ((r["locations"] as? [[String: Any]])?.first?["physicalLocation"]) as? [String: Any] else { return false }
                return (physical["artifactLocation"] as? [String: Any])?["uri"] as? String == p.file
                    && (physical["region"] as? [String: Any])?["startLine"] as? Int == p.line
            }, "sarif: \(p.rule) at \(p.file):\(p.line)")
        }
    }

    /// Plants one problem of each kind in different products and says where each should be reported.
    func plant(in mesh: TemporaryMesh) throws -> [Planted] {
        let fm = FileManager.default
        var manifests: [String] = []
        let walker = fm.enumerator(atPath: mesh.root.path)!
        while let path = walker.nextObject() as? String {
            if path.hasSuffix("product.odps.yaml") { manifests.append(path) }
        }
        manifests.sort()
        func read(_ path: String) throws -> String { try String(contentsOf: mesh.url(path), encoding: .utf8) }
        func write(_ path: String, _ text: String) throws { try Data(text.utf8).write(to: mesh.url(path)) }
        func line(of needle: String, in path: String) throws -> Int {
            let lines = try read(path).components(separatedBy: "\n")
            return (lines.firstIndex { $0.contains(needle) } ?? -1) + 1
        }
        func value(_ key: String, in text: String) -> String {
            text.components(separatedBy: "\n").first { $0.trimmingCharacters(in: .whitespaces).hasPrefix(key + ": ") }!
                .components(separatedBy: ": ")[1]
        }
        var planted: [Planted] = []

        // A lineage cycle: the upstream of a product also reads that product's output.
        let consumer = try manifests.first { try read($0).contains("inputPorts:") }!
        let consumerText = try read(consumer)
        let inputContract = value("contractId", in: String(consumerText[consumerText.range(of: "inputPorts:")!.upperBound...]))
        let outputContract = value("contractId", in: String(consumerText[consumerText.range(of: "outputPorts:")!.upperBound...]))
        let upstream = try manifests.first { try read($0).contains("contractId: \(inputContract)") && $0 != consumer }!
        var upstreamText = try read(upstream)
        let back = "  - name: cycle_back\n    version: 1.0.0\n    contractId: \(outputContract)\n"
        upstreamText = upstreamText.contains("inputPorts:\n")
            ? upstreamText.replacingOccurrences(of: "inputPorts:\n", with: "inputPorts:\n" + back)
            : upstreamText.replacingOccurrences(of: "outputPorts:\n", with: "inputPorts:\n" + back + "outputPorts:\n")
        try write(upstream, upstreamText)
        let cycleMembers = [consumer, upstream].sorted()
        let first = cycleMembers[0]
        planted.append(Planted(rule: "lineage.cycle", file: first,
                               line: first == upstream ? try line(of: "name: cycle_back", in: upstream)
                                                       : try line(of: "  - name: ", in: consumer)))
        var others = manifests.filter { $0 != consumer && $0 != upstream }

        // A misspelt required key, and a wrongly typed field in the same product's contract.
        let misspelt = others.removeFirst()
        try write(misspelt, try read(misspelt).replacingOccurrences(of: "\nstatus: ", with: "\nstaus: "))
        planted.append(Planted(rule: "schema.key.unknown", file: misspelt, line: try line(of: "staus: ", in: misspelt)))
        let folder = (misspelt as NSString).deletingLastPathComponent
        let contract = folder + "/contracts/" + (try fm.contentsOfDirectory(atPath: mesh.url(folder + "/contracts").path).sorted()[0])
        try write(contract, try read(contract).replacingOccurrences(of: "required: true", with: "required: \"yes\""))
        planted.append(Planted(rule: "schema.type", file: contract, line: try line(of: "required: \"yes\"", in: contract)))

        // A broken relative doc link and a broken product: link in another product's docs.
        let documented = (others.removeFirst() as NSString).deletingLastPathComponent
        try write(documented + "/docs/README.md", try read(documented + "/docs/README.md") + "\nMore in [the runbook](runbook.md).\n")
        planted.append(Planted(rule: "link.doc.broken", file: documented + "/docs/README.md", line: try line(of: "(runbook.md)", in: documented + "/docs/README.md")))
        try write(documented + "/docs/usage.md", try read(documented + "/docs/usage.md") + "\nCompare with [the old one](product:finance/retired-product).\n")
        planted.append(Planted(rule: "link.product.unknown", file: documented + "/docs/usage.md", line: try line(of: "retired-product", in: documented + "/docs/usage.md")))

        // A YAML syntax error.
        let broken = others.removeFirst()
        let brokenText = try read(broken)
        try write(broken, brokenText.replacingOccurrences(of: "\ntags: [", with: "\ntags: [[", options: [], range: brokenText.range(of: "\ntags: [")))
        planted.append(Planted(rule: "yaml.syntax", file: broken, line: try line(of: "tags: [[", in: broken) + 1))

        // A duplicate product id: the later file in reading order is the one reported.
        let original = others.removeFirst(), copy = others.removeFirst()
        let id = value("id", in: try read(original))
        let copyText = try read(copy)
        try write(copy, copyText.replacingOccurrences(of: "id: \(value("id", in: copyText))", with: "id: \(id)"))
        planted.append(Planted(rule: "product.id.duplicate", file: copy, line: try line(of: "id: \(id)", in: copy)))
        return planted
    }
}
