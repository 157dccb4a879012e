import Foundation
import MeshModel
import MeshTestSupport
import XCTest
@testable import MeshLoad

/// Every official example of every standard in ../shared/standards loads without a crash, and every
/// diagnostic it produces is located; the imported ones read as what they are.
final class StandardsExamplesTests: XCTestCase {
    static let standards = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/standards").standardizedFileURL

    /// Every file below `<standard>/examples`, by path relative to the standards folder.
    func exampleFiles() throws -> [String: [UInt8]] {
        guard FileManager.default.fileExists(atPath: Self.standards.path) else {
            throw XCTSkip("no standards folder at \(Self.standards.path)")
        }
        var files: [String: [UInt8]] = [:]
        let enumerator = FileManager.default.enumerator(atPath: Self.standards.path)
        while let path = enumerator?.nextObject() as? String {
            let parts = path.split(separator: "/")
            guard parts.count > 2, parts[1] == "examples" else { continue }
            let url = Self.standards.appendingPathComponent(path)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue,
                  let data = FileManager.default.contents(atPath: url.path) else { continue }
            files[path] = [UInt8](data)
        }
        XCTAssertGreaterThan(files.count, 20)
        return files
    }

    /// The examples as one mesh, a source (repository) per standard.
    func loadExamples() throws -> MeshLoader.Result {
        var texts = ["mesh.yaml": "title: Standards\nsources:\n  - path: standards/*\n"]
        for (path, bytes) in try exampleFiles() {
            texts["standards/" + path] = String(decoding: bytes, as: UTF8.self)
        }
        let mesh = try TemporaryMesh(texts)
        return try MeshLoader(meshDirectory: mesh.root, schemaCheck: .none).load()
    }

    func testEveryExampleParsesAndEveryDiagnosticIsLocated() throws {
        for (path, bytes) in try exampleFiles() where !path.hasSuffix(".md") {
            guard case .text(let text) = SourceText.decode(bytes, file: path) else { XCTFail("\(path) is not UTF-8"); continue }
            switch YAMLReader.read(text, file: path) {
            case .documents(let documents):
                XCTAssertFalse(documents.isEmpty || path.hasSuffix("sla.yml") && documents.count != 1, path)
                for document in documents {
                    _ = InputKind.classify(document)
                }
            case .failed(let diagnostic):
                XCTFail("\(path): \(diagnostic.rule) \(diagnostic.message)")
            }
        }
        let result = try loadExamples()
        for diagnostic in result.diagnostics {
            XCTAssertNotNil(diagnostic.location, "\(diagnostic.rule): \(diagnostic.message)")
            XCTAssertTrue(diagnostic.location?.file.hasPrefix("standards/") == true, diagnostic.location?.file ?? "no file")
            XCTAssertGreaterThanOrEqual(diagnostic.location?.line ?? 0, 1, diagnostic.message)
            XCTAssertGreaterThanOrEqual(diagnostic.location?.column ?? 0, 1, diagnostic.message)
            for note in diagnostic.notes where note.location != nil {
                XCTAssertGreaterThanOrEqual(note.location?.line ?? 0, 1, note.message)
            }
        }
        if ProcessInfo.processInfo.environment["MESHPORT_PRINT_DIAGNOSTICS"] != nil {
            for d in result.diagnostics.sortedForReport() { print("\(d.location!): \(d.severity): \(d.message) [\(d.rule)]") }
        }
        XCTAssertFalse(result.diagnostics.hasErrors, result.diagnostics.filter { $0.severity == .error }.map(\.message).joined(separator: "\n"))
    }

    func testExamplesReadAsTheirStandards() throws {
        let result = try loadExamples()
        let products = Dictionary(grouping: result.mesh.products, by: { $0.file.split(separator: "/")[1] })
        let contracts = Dictionary(grouping: result.mesh.contracts, by: { $0.file.split(separator: "/")[1] })
        XCTAssertEqual(products["odps-bitol"]?.count, 2)
        XCTAssertEqual(contracts["odcs-bitol"]?.count, 3)
        XCTAssertEqual(Set(contracts["datacontract-specification"]?.map(\.id) ?? []), ["orders-latest", "covid_cases"])
        XCTAssertEqual(Set(contracts["datacontract-specification"]?.map(\.apiVersion) ?? []), ["dcs-1.2.0", "dcs-0.9.3"])
        // The trip execution descriptor, and the port file that is itself a whole descriptor.
        let dpds = products["dpds-opendatamesh"] ?? []
        XCTAssertEqual(dpds.map(\.apiVersion), ["dpds-1.0.0", "dpds-1.0.0", "dpds-1.0.0"])
        let trip = try XCTUnwrap(dpds.first { $0.file.hasSuffix("tripexecution/data-product-descriptor.json") })
        // trip-events-oport.json holds a whole descriptor rather than a port: the port is named after the file.
        XCTAssertEqual(trip.outputPorts.map(\.name), ["tripStatus", "trip-events-oport"])
        XCTAssertEqual(trip.outputPorts.first?.contractId,
                       "urn:dpds:com.company-xyz:dataproducts:tripExecution:1:outputports:tripStatus")
        XCTAssertEqual(trip.outputPorts.first?.location.file,
                       "standards/dpds-opendatamesh/examples/tripexecution/ports/trip-status-oport.json")
        XCTAssertEqual(trip.inputPorts.map(\.name), ["tmsInput"])
        let minimal = try XCTUnwrap(dpds.first { $0.file.hasSuffix("minimal.dpd.json") })
        XCTAssertEqual(minimal.name, "tripExecution")
        XCTAssertTrue(result.diagnostics.contains { $0.rule == "product.name.missing" && $0.location?.file == minimal.file })
        XCTAssertEqual(result.mesh.entities.map(\.kind).sorted(), ["Domain", "Group", "System"] + Array(repeating: "User", count: 5))
        // The other ODPS (opendataproducts.org) is named, not misread; its SLA fragment stays silent.
        let foreign = result.diagnostics.filter { $0.rule == "input.format.foreign" }
        XCTAssertEqual(foreign.map { $0.location?.file }, ["standards/odps-linuxfoundation-opendataproducts/examples/urbanpulse_basic.yml"])
        XCTAssertEqual(foreign.first?.location?.line, 1)
        XCTAssertTrue(foreign.first?.message.contains("UrbanPulse Events") == true, foreign.first?.message ?? "")
    }
}
