import MeshModel
import XCTest
@testable import MeshLoad

final class ReaderTests: XCTestCase {
    func node(_ text: String) throws -> YAMLNode {
        guard case .documents(let docs) = YAMLReader.read(text, file: "f.yaml"), let first = docs.first else {
            throw XCTSkip("unparseable fixture")
        }
        return first
    }

    func testClassifiesByContentNotName() throws {
        XCTAssertEqual(InputKind.classify(try node("apiVersion: v1.0.0\nkind: DataProduct\nid: x\n")), .odpsProduct)
        XCTAssertEqual(InputKind.classify(try node("apiVersion: v3.1.0\nkind: DataContract\nid: x\n")), .odcsContract)
        XCTAssertEqual(InputKind.classify(try node("apiVersion: backstage.io/v1alpha1\nkind: Group\n")), .backstageEntity(kind: "Group"))
        XCTAssertEqual(InputKind.classify(try node("dataContractSpecification: 1.1.0\nid: x\n")), .dataContractSpecification)
        XCTAssertEqual(InputKind.classify(try node("name: build\non: push\n")), .unrelated)
    }

    func testReadsOfficialStyleODPSProduct() throws {
        let yaml = """
            apiVersion: v0.9.0
            kind: DataProduct
            name: Customer Data Product
            id: fbe8d147
            domain: seller
            status: draft
            description:
              purpose: Enterprise view of a customer.
              limitations: No known limitations.
            tags: ['customer']
            inputPorts:
            - name: payments
              version: 1.0.0
              contractId: dbb7b1eb
            outputPorts:
            - name: rawtransactions
              type: tables
              version: 1.0.0
              contractId: c2798941
              inputContracts:
              - id: dbb7b1eb
                version: 2.0.0
            support:
            - channel: "Data Team Slack"
              url: "https://example.slack.com/archives/C1"
              tool: "slack"
            team:
              name: "Data Team"
              members:
              - username: "john.doe@example.com"
                name: "John Doe"
                role: "owner"
            """
        let (product, diagnostics) = ProductReader.read(try node(yaml), file: "f.yaml")
        let p = try XCTUnwrap(product)
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(p.name, "Customer Data Product")
        XCTAssertEqual(p.domain, "seller")
        XCTAssertEqual(p.description.purpose, "Enterprise view of a customer.")
        XCTAssertEqual(p.tags, ["customer"])
        XCTAssertEqual(p.inputPorts.map(\.contractId), ["dbb7b1eb"])
        XCTAssertEqual(p.outputPorts.first?.inputContracts, ["dbb7b1eb"])
        XCTAssertEqual(p.support.first?.tool, "slack")
        XCTAssertEqual(p.team?.members.first?.role, "owner")
        XCTAssertEqual(p.inputPorts.first?.location.line, 12)
    }

    func testProductWithoutIdIsLocatedError() throws {
        let (product, diagnostics) = ProductReader.read(try node("apiVersion: v1.0.0\nkind: DataProduct\nname: X\n"), file: "f.yaml")
        XCTAssertNil(product)
        XCTAssertEqual(diagnostics.map(\.rule), ["product.id.missing"])
    }

    func testReadsODCSContractWithNestedPropertiesQualityAndSLA() throws {
        let yaml = """
            apiVersion: v3.1.0
            kind: DataContract
            id: c1
            version: 1.0.0
            status: active
            description:
              purpose: Orders.
            schema:
              - name: orders
                physicalName: orders_tbl
                properties:
                  - name: order_id
                    logicalType: string
                    primaryKey: true
                    required: true
                    classification: internal
                    quality:
                      - metric: nullValues
                        mustBe: 0
                  - name: address
                    logicalType: object
                    properties:
                      - name: city
                        logicalType: string
                quality:
                  - metric: rowCount
                    mustBeBetween: [10, 20]
            slaProperties:
              - property: latency
                value: 4
                unit: h
            servers:
              - server: prod
                type: snowflake
                account: acme
            """
        let (contract, diagnostics) = ContractReader.read(try node(yaml), file: "c.yaml")
        let c = try XCTUnwrap(contract)
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(c.schema.first?.properties.map(\.name), ["order_id", "address", "address.city"])
        XCTAssertEqual(c.schema.first?.properties.first?.primaryKey, true)
        XCTAssertEqual(c.schema.first?.properties.first?.quality.first?.condition, "= 0")
        XCTAssertEqual(c.schema.first?.quality.first?.condition, "between 10 and 20")
        XCTAssertEqual(c.slaProperties.first?.value, "4")
        XCTAssertEqual(c.servers.first?.details, [.init(key: "account", value: "acme")])
    }

    func testReadsBackstageEntities() throws {
        let (group, _) = CatalogReader.read(try node("""
            apiVersion: backstage.io/v1alpha1
            kind: Group
            metadata:
              name: team-a
            spec:
              type: team
              profile:
                email: team-a@example.com
              parent: group:default/backstage
              children: []
              members: [user:jane, bob]
            """), kind: "Group", file: "c.yaml")
        guard case .group(let g)? = group else { return XCTFail("not a group") }
        XCTAssertEqual(g.parent, "backstage")
        XCTAssertEqual(g.members, ["jane", "bob"])
        XCTAssertEqual(g.email, "team-a@example.com")
    }

    func testMeshConfigReadsSourcesAndGovernance() {
        let (config, diagnostics) = MeshConfigReader.read("""
            title: Acme
            baseURL: https://data.acme.example/
            sources:
              - path: domains/*
              - path: ../payments
                repoURL: https://git.example/acme/payments
            governance:
              rules:
                product.description.required: error
            colour: blue
            """)
        XCTAssertEqual(config?.title, "Acme")
        XCTAssertEqual(config?.sources.map(\.path), ["domains/*", "../payments"])
        XCTAssertEqual(config?.sources.last?.repoURL, "https://git.example/acme/payments")
        XCTAssertEqual(config?.governanceRules, ["product.description.required": "error"])
        XCTAssertEqual(diagnostics.map(\.rule), ["config.key.unknown"])
        XCTAssertEqual(diagnostics.first?.location?.line, 10)
    }

    func testMeshConfigReadsGitSources() throws {
        let (config, diagnostics) = MeshConfigReader.read("""
            title: Acme
            sources:
              - git: https://github.com/acme/sales.git
              - git: git@gitlab.com:acme/data.git
                ref: v2.1.0
                subpath: domains/./finance/
                editURL: https://gitlab.com/acme/data/-/edit/{ref}/{path}
                history: false
              - path: domains/*
                editURL: https://github.com/acme/portal/edit/main/{path}
                history: true
            """)
        XCTAssertEqual(diagnostics, [])
        let sources = try XCTUnwrap(config?.sources)
        XCTAssertEqual(sources.map(\.git), [
            .init(url: "https://github.com/acme/sales.git"),
            .init(url: "git@gitlab.com:acme/data.git", ref: "v2.1.0", subpath: "domains/finance"),
            nil,
        ])
        XCTAssertEqual(sources.map(\.history), [nil, false, true])
        XCTAssertEqual(sources[1].editURL, "https://gitlab.com/acme/data/-/edit/{ref}/{path}")
        XCTAssertEqual(sources[0].location.line, 3, "a git source is located at its URL")
        XCTAssertEqual(sources[0].location.column, 10)
    }

    func testMeshConfigWithoutSourcesIsAConfigurationError() {
        let (config, diagnostics) = MeshConfigReader.read("title: Acme\n")
        XCTAssertNil(config)
        XCTAssertEqual(diagnostics.map(\.rule), ["config.sources.missing"])
    }
}
