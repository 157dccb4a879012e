import MeshModel
import MeshTestSupport
import XCTest
@testable import MeshLoad

/// A domain repository's own meshport.yaml: read into LoadedMesh.domainConfigs, never as an input.
final class DomainConfigTests: XCTestCase {
    func read(_ text: String) -> (DomainConfig?, [Diagnostic]) {
        DomainConfigReader.read(text, root: "domains/sales", file: "domains/sales/meshport.yaml")
    }

    func at(_ line: Int, _ column: Int) -> SourceLocation {
        SourceLocation(file: "domains/sales/meshport.yaml", line: line, column: column)
    }

    func testReadsRuleSettingsWithTheirLocations() throws {
        var files = MiniMesh.files
        files["domains/sales/meshport.yaml"] = """
            governance:
              rules:
                contract.column.description: error
                product.team.required: off
                product.status.missing: fatal
              owners: [x]
            colour: blue
            """
        let mesh = try TemporaryMesh(files)
        let result = try MeshLoader(meshDirectory: mesh.root, schemaCheck: .none).load()
        let config = try XCTUnwrap(result.mesh.domainConfigs.first)
        XCTAssertEqual(result.mesh.domainConfigs.count, 1)
        XCTAssertEqual(config.root, "domains/sales")
        XCTAssertEqual(config.file, "domains/sales/meshport.yaml")
        XCTAssertEqual(config.rules, [
            .init(rule: "contract.column.description", severity: "error", location: at(3, 5)),
            .init(rule: "product.team.required", severity: "off", location: at(4, 5)),
        ])
        let diagnostics = result.diagnostics.sortedForReport()
        XCTAssertEqual(diagnostics.map(\.rule), ["config.domain.invalid", "config.domain.key.unknown", "config.domain.key.unknown"])
        XCTAssertEqual(diagnostics.map(\.location), [at(5, 29), at(6, 3), at(7, 1)])
        XCTAssertEqual(diagnostics.map(\.severity), [.error, .warning, .warning])
        XCTAssertTrue(diagnostics[0].message.contains("'product.status.missing'") && diagnostics[0].message.contains("'fatal'"),
                      diagnostics[0].message)
        XCTAssertTrue(diagnostics[1].message.contains("'governance.owners'"), diagnostics[1].message)
        // The rest of the mesh loads as before.
        XCTAssertEqual(result.mesh.products.count, 2)
    }

    func testInvalidShapesAreLocated() {
        let cases: [(String, Int, Int)] = [
            ("- governance\n", 1, 1),
            ("governance: [rules]\n", 1, 13),
            ("governance:\n  rules: yes\n", 2, 10),
            ("governance:\n  rules:\n    - a: error\n", 3, 5),
            ("governance:\n  rules:\n    a.b: [error]\n", 3, 10),
            ("governance:\n  rules:\n    a.b:\n", 3, 9),
            ("governance:\n  rules:\n    ? [x]\n    : error\n", 3, 7),
            ("governance: {}\n---\ngovernance: {}\n", 3, 1),
        ]
        for (text, line, column) in cases {
            let (_, diagnostics) = read(text)
            XCTAssertEqual(diagnostics.map(\.rule), ["config.domain.invalid"], text)
            XCTAssertEqual(diagnostics.first?.location, at(line, column), text)
        }
    }

    func testCloseSeveritiesAreSuggested() {
        let (config, diagnostics) = read("governance:\n  rules:\n    a.b: Warn\n    c.d: note\n")
        XCTAssertEqual(config?.rules.map(\.rule), ["c.d"])
        XCTAssertEqual(diagnostics.first?.suggestion, "warning")
        XCTAssertEqual(diagnostics.first?.location, at(3, 10))
    }

    func testEmptyConfigAndYAMLErrors() {
        XCTAssertNil(read("").0)
        XCTAssertEqual(read("").1, [])
        XCTAssertEqual(read("# nothing yet\n").1, [])
        XCTAssertEqual(read("governance:\n").0?.rules, [])
        let (_, duplicate) = read("governance:\n  rules:\n    a.b: error\n    a.b: off\n")
        XCTAssertEqual(duplicate.map(\.rule), ["yaml.key.duplicate"])
        XCTAssertEqual(duplicate.first?.location, at(4, 5))
    }

    func testAConfigIsNotReadAsAnInputButDeeperOnesAre() throws {
        var files = MiniMesh.files
        // Content that would otherwise be a product: at the root it is configuration only.
        files["domains/sales/meshport.yaml"] = "apiVersion: v1.0.0\nkind: DataProduct\nid: not-a-product\n"
        files["domains/sales/products/x/meshport.yaml"] = "apiVersion: v1.0.0\nkind: DataProduct\nid: p-x\nname: X\nstatus: active\n"
        let mesh = try TemporaryMesh(files)
        let result = try MeshLoader(meshDirectory: mesh.root, schemaCheck: .none).load()
        XCTAssertEqual(result.mesh.products.map(\.id).sorted(), ["p-orders", "p-revenue", "p-x"])
        XCTAssertEqual(result.diagnostics.map(\.rule), Array(repeating: "config.domain.key.unknown", count: 3))
        XCTAssertEqual(result.mesh.domainConfigs.map(\.root), ["domains/sales"])
    }
}
