import Foundation
import MeshModel
import MeshTestSupport
import XCTest
@testable import MeshLoad

/// The Data Contract Specification and Open Data Mesh DPDS, imported as contracts and products.
final class ImportedStandardsTests: XCTestCase {
    func node(_ text: String) throws -> YAMLNode {
        guard case .documents(let docs) = YAMLReader.read(text, file: "f.yaml"), let first = docs.first else {
            XCTFail("unparseable fixture")
            throw XCTSkip()
        }
        return first
    }

    static let dcs = """
        dataContractSpecification: 1.1.0
        id: orders
        info:
          title: Orders
          version: 2.0.0
          status: active
          description: All orders.
          owner: Checkout Team
        servers:
          production:
            type: s3
            environment: prod
            location: s3://bucket/orders/
            format: json
        terms:
          usage: Reporting.
          limitations: Not real time.
        models:
          orders:
            type: table
            title: Orders
            description: One row per order.
            primaryKey: [order_id, line]
            fields:
              order_id:
                $ref: '#/definitions/order_id'
                required: true
              line:
                type: int
              customer:
                type: object
                pii: true
                fields:
                  email:
                    type: text
                    classification: sensitive
                    pii: true
                    examples: [a@b.example]
              items:
                type: array
                items:
                  type: object
                  fields:
                    sku: {type: string, unique: true}
            quality:
              - type: sql
                description: Enough rows.
                query: SELECT count(*) FROM orders
                mustBeGreaterThan: 5
        definitions:
          order_id:
            type: text
            title: Order ID
            description: The order.
            classification: restricted
            tags: [orders]
        servicelevels:
          availability:
            percentage: 99.9%
          retention:
            period: P1Y
            timestampField: orders.order_timestamp
          latency:
            threshold: 25h
            sourceTimestampField: orders.ts
          freshness:
            threshold: 1 day
          frequency:
            type: batch
            interval: daily
          backup:
            interval: weekly
        """

    func testReadsADataContractSpecificationContract() throws {
        let (contract, diagnostics) = DataContractSpecificationReader.read(try node(Self.dcs), file: "f.yaml")
        let c = try XCTUnwrap(contract)
        XCTAssertEqual(c.apiVersion, "dcs-1.1.0")
        XCTAssertEqual([c.id, c.name, c.version, c.status], ["orders", "Orders", "2.0.0", "active"])
        XCTAssertEqual([c.purpose, c.usage, c.limitations], ["All orders.", "Reporting.", "Not real time."])
        let orders = try XCTUnwrap(c.schema.first)
        XCTAssertEqual(orders.location, SourceLocation(file: "f.yaml", line: 19, column: 3))
        XCTAssertEqual([orders.physicalType, orders.businessName, orders.description], ["table", "Orders", "One row per order."])
        XCTAssertEqual(orders.properties.map(\.name), ["order_id", "line", "customer", "customer.email", "items", "items[].sku"])
        let id = orders.properties[0]
        XCTAssertEqual(id.location, SourceLocation(file: "f.yaml", line: 25, column: 7))
        XCTAssertEqual([id.logicalType, id.physicalType, id.businessName, id.classification, id.description],
                       ["string", "text", "Order ID", "restricted", "The order."])
        XCTAssertEqual([id.required, id.primaryKey], [true, true])
        XCTAssertEqual(id.primaryKeyPosition, 1)
        XCTAssertEqual(id.tags, ["orders"])
        XCTAssertEqual(orders.properties[1].primaryKeyPosition, 2)
        XCTAssertEqual(orders.properties[1].logicalType, "integer")
        XCTAssertEqual(orders.properties.map(\.personalData), [false, false, true, true, false, false])
        XCTAssertEqual(orders.properties[3].classification, "sensitive")
        XCTAssertEqual(orders.properties[3].examples, ["a@b.example"])
        XCTAssertEqual(orders.properties[5].unique, true)
        XCTAssertEqual(orders.quality.first?.condition, "> 5")
        XCTAssertEqual(orders.quality.first?.query, "SELECT count(*) FROM orders")
        XCTAssertEqual(c.slaProperties, [
            .init(property: "availability", value: "99.9", unit: "%", element: nil),
            .init(property: "retention", value: "1", unit: "y", element: "orders.order_timestamp"),
            .init(property: "latency", value: "25", unit: "h", element: "orders.ts"),
            .init(property: "freshness", value: "1", unit: "day", element: nil),
            .init(property: "frequency", value: "daily", unit: nil, element: nil),
        ])
        XCTAssertEqual(c.servers, [.init(server: "production", type: "s3", environment: "prod",
                                         details: [.init(key: "location", value: "s3://bucket/orders/"),
                                                   .init(key: "format", value: "json")])])
        XCTAssertEqual(diagnostics.map(\.rule), ["input.format.imported"])
        XCTAssertEqual(diagnostics.first?.severity, .note)
        XCTAssertEqual(diagnostics.first?.location, SourceLocation(file: "f.yaml", line: 1, column: 1))
        XCTAssertTrue(diagnostics.first?.message.contains("servicelevels.backup") == true)
    }

    func testDataContractSpecificationWithoutIdAndWithLoopingDefinitions() throws {
        let (missing, errors) = DataContractSpecificationReader.read(try node("dataContractSpecification: 1.2.0\ninfo:\n  title: x\n"), file: "f.yaml")
        XCTAssertNil(missing)
        XCTAssertEqual(errors.map(\.rule), ["contract.id.missing"])
        XCTAssertEqual(errors.first?.location, SourceLocation(file: "f.yaml", line: 1, column: 1))
        let looping = """
            dataContractSpecification: 1.2.0
            id: loop
            models:
              m:
                fields:
                  a: {$ref: '#/definitions/node'}
            definitions:
              node:
                $ref: '#/definitions/node'
                type: object
                fields:
                  child: {$ref: '#/definitions/node'}
            quality:
              type: SodaCL
              specification:
                checks for m:
                  - row_count > 10
            """
        let (contract, _) = DataContractSpecificationReader.read(try node(looping), file: "f.yaml")
        XCTAssertEqual(contract?.schema.first?.properties.first?.name, "a")
        XCTAssertLessThanOrEqual(contract?.schema.first?.properties.count ?? 0, 40)
        XCTAssertEqual(contract?.quality.first?.type, "SodaCL")
        XCTAssertEqual(contract?.quality.first?.query, "checks for m:\n  - row_count > 10")
    }

    static let dpds = """
        dataProductDescriptor: 1.0.0
        info:
          fullyQualifiedName: urn:dpds:acme:dataproducts:orders:1
          name: orders
          displayName: Orders
          domain: sales
          version: 1.2.0
          description: Every order.
          owner:
            id: jane@acme.example
            name: Jane Doe
          contactPoints:
            - name: Slack
              channel: slack
              address: https://acme.slack.example/c
        interfaceComponents:
          inputPorts:
            - name: payments
              version: 1.0.0
              promises:
                api:
                  id: payments-api
          outputPorts:
            - fullyQualifiedName: urn:dpds:acme:dataproducts:orders:1:outputports:orders
              name: orders-out
              description: Orders as a table.
              version: 1.0.0
              promises:
                serviceType: datastore-services
                api:
                  name: ordersApi
                  definition:
                    $ref: https://example.com/orders-api.json
            - $ref: '#/components/outputPorts/events'
            - description: a port with no name
          observabilityPorts:
            - name: health
        components:
          outputPorts:
            events:
              name: events
              promises:
                api:
                  fullyQualifiedName: urn:dpds:acme:apis:order-events
        tags: [sales]
        """

    func testReadsAnOpenDataMeshDescriptor() throws {
        let (product, diagnostics) = DataProductDescriptorReader.read(try node(Self.dpds), file: "f.yaml")
        let p = try XCTUnwrap(product)
        XCTAssertEqual(p.apiVersion, "dpds-1.0.0")
        XCTAssertEqual([p.id, p.name, p.domain, p.version], ["urn:dpds:acme:dataproducts:orders:1", "Orders", "sales", "1.2.0"])
        XCTAssertNil(p.status)
        XCTAssertEqual(p.description.purpose, "Every order.")
        XCTAssertEqual(p.tags, ["sales"])
        XCTAssertEqual(p.team?.members, [.init(username: "jane@acme.example", name: "Jane Doe", role: "owner")])
        XCTAssertNil(p.team?.name)
        XCTAssertEqual(p.support.first?.url, "https://acme.slack.example/c")
        XCTAssertEqual(p.inputPorts.map(\.name), ["payments"])
        XCTAssertEqual(p.inputPorts.first?.contractId, "payments-api")
        XCTAssertEqual(p.inputPorts.first?.location, SourceLocation(file: "f.yaml", line: 18, column: 7))
        XCTAssertEqual(p.outputPorts.map(\.name), ["orders-out", "events", "output-3"])
        XCTAssertEqual(p.outputPorts.map(\.contractId),
                       ["https://example.com/orders-api.json", "urn:dpds:acme:apis:order-events", nil])
        XCTAssertEqual(p.outputPorts.first?.type, "datastore-services")
        XCTAssertEqual(p.outputPorts[1].location.line, 41, "a port defined under components is located there")
        XCTAssertEqual(diagnostics.map(\.rule), ["input.format.imported"])
    }

    func testDescriptorMissingItsPartsIsReadLeniently() throws {
        let (product, diagnostics) = DataProductDescriptorReader.read(
            try node("dataProductDescriptor: 1.0.0\ninfo:\n  fullyQualifiedName: urn:dpds:x:dataproducts:trips:1\n"),
            file: "f.yaml")
        XCTAssertEqual(product?.name, "trips")
        XCTAssertEqual(product?.outputPorts.count, 0)
        XCTAssertEqual(diagnostics.first?.rule, "product.name.missing")
        XCTAssertEqual(diagnostics.first?.location, SourceLocation(file: "f.yaml", line: 3, column: 3))
        let (nothing, errors) = DataProductDescriptorReader.read(try node("dataProductDescriptor: 1.0.0\ninterfaceComponents: 7\n"), file: "f.yaml")
        XCTAssertNil(nothing)
        XCTAssertEqual(errors.map(\.rule), ["product.id.missing"])
        let (odd, _) = DataProductDescriptorReader.read(try node("""
            dataProductDescriptor: 1.0.0
            info: {name: odd}
            interfaceComponents: {outputPorts: [1, [2], {$ref: '#/nowhere'}], inputPorts: {a: b}}
            """), file: "f.yaml")
        XCTAssertEqual(odd?.outputPorts.map(\.name), ["output-3"])
    }

    func testDescriptorComponentsAreReadFromTheirOwnRepositoryOnly() throws {
        let mesh = try TemporaryMesh([
            "mesh.yaml": "title: T\nsources:\n  - path: repos/*\n",
            "repos/trips/product/descriptor.yaml": """
                dataProductDescriptor: 1.0.0
                info: {fullyQualifiedName: 'urn:dpds:x:dataproducts:trips:1', name: trips, domain: logistics}
                interfaceComponents:
                  inputPorts:
                    - $ref: ports/in.json
                  outputPorts:
                    - $ref: ports/out.yaml
                    - $ref: ../../other/secret.yaml
                    - $ref: ports/missing.json
                    - $ref: ports/broken.json
                    - $ref: https://example.com/port.json
                """,
            "repos/trips/product/ports/in.json": "{\"name\": \"tms\", \"fullyQualifiedName\": \"urn:x:in\"}",
            "repos/trips/product/ports/out.yaml": "name: status\npromises:\n  api:\n    id: trip-status\n",
            "repos/trips/product/ports/broken.json": "{\"name\": \"broken\",\n \"version\": [}\n",
            "repos/other/secret.yaml": "name: secret\n",
        ])
        let result = try MeshLoader(meshDirectory: mesh.root, schemaCheck: .none).load()
        let product = try XCTUnwrap(result.mesh.products.first)
        XCTAssertEqual(product.inputPorts.map(\.name), ["tms"])
        XCTAssertEqual(product.inputPorts.first?.contractId, "urn:x:in")
        XCTAssertEqual(product.outputPorts.map(\.name), ["status", "secret", "missing", "broken", "port"])
        XCTAssertEqual(product.outputPorts.first?.contractId, "trip-status")
        XCTAssertEqual(product.outputPorts.first?.location, SourceLocation(file: "repos/trips/product/ports/out.yaml", line: 1, column: 1))
        let file = "repos/trips/product/descriptor.yaml"
        let unresolved = result.diagnostics.filter { $0.rule == "input.ref.unresolved" }
        XCTAssertEqual(unresolved.map(\.location), [8, 9, 11].map { SourceLocation(file: file, line: $0, column: 13) })
        XCTAssertTrue(unresolved[0].message.contains("outside the repository"), unresolved[0].message)
        let broken = result.diagnostics.filter { $0.severity == .error }
        XCTAssertEqual(broken.map(\.rule), ["yaml.syntax"], "reported once, in the component file")
        XCTAssertEqual(broken.first?.location?.file, "repos/trips/product/ports/broken.json")
        XCTAssertEqual(broken.first?.location?.line, 2)
    }
}
