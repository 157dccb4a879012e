import Foundation

/// A mesh written from inline text into a temporary folder, the way Hugo's integration tests
/// build tiny sites: `TemporaryMesh(["mesh.yaml": "...", "domains/a/product.yaml": "..."])`.
public final class TemporaryMesh {
    public let root: URL

    public init(_ files: [String: String]) throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("meshport-test-\(UUID().uuidString)")
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }

    public func url(_ path: String) -> URL { root.appendingPathComponent(path) }

    deinit { try? FileManager.default.removeItem(at: root) }
}

/// A copy of a folder (SampleMesh by default, without a built site) in a temporary folder, removed
/// when released: for tests that edit a mesh.
public final class TemporaryCopy {
    public let root: URL

    public init(of folder: URL = Repository.sampleMesh) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("meshport-copy-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: folder, to: root)
        try? FileManager.default.removeItem(at: root.appendingPathComponent("_site"))
    }

    public func url(_ path: String) -> URL { root.appendingPathComponent(path) }

    deinit { try? FileManager.default.removeItem(at: root) }
}

/// Paths inside the source checkout, for tests that use the repository's own files.
public enum Repository {
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    public static let sampleMesh = root.appendingPathComponent("SampleMesh")
    public static let defaultTheme = root.appendingPathComponent("Themes/default")
}

/// A small but complete mesh: two domains, three products, a contract each, docs with links.
public enum MiniMesh {
    public static let files: [String: String] = [
        "mesh.yaml": """
            title: Mini Mesh
            sources:
              - path: domains/*
            governance:
              rules:
                product.description.required: error
            """,
        "domains/sales/catalog-info.yaml": """
            apiVersion: backstage.io/v1alpha1
            kind: Domain
            metadata:
              name: sales
              title: Sales
              description: Orders and customers.
            spec:
              owner: group:sales-team
            ---
            apiVersion: backstage.io/v1alpha1
            kind: Group
            metadata:
              name: sales-team
              description: Sells things.
            spec:
              type: team
              profile:
                displayName: Sales Team
                email: sales@example.com
              children: []
              members: [ada.abara]
            ---
            apiVersion: backstage.io/v1alpha1
            kind: User
            metadata:
              name: ada.abara
            spec:
              profile:
                displayName: Ada Abara
                email: ada@example.com
              memberOf: [sales-team]
            """,
        "domains/sales/products/orders/product.odps.yaml": """
            apiVersion: v1.0.0
            kind: DataProduct
            id: p-orders
            name: Orders
            domain: sales
            status: active
            description:
              purpose: Every order.
            inputPorts:
              - name: crm
                version: 1.0.0
                contractId: c-crm-external
            outputPorts:
              - name: orders_v1
                type: tables
                version: 1.0.0
                contractId: c-orders
            team:
              name: sales-team
            """,
        "domains/sales/products/orders/contracts/orders.odcs.yaml": """
            apiVersion: v3.1.0
            kind: DataContract
            id: c-orders
            name: orders
            version: 1.0.0
            status: active
            schema:
              - name: orders
                properties:
                  - name: order_id
                    logicalType: string
                    required: true
                    primaryKey: true
                    classification: internal
                  - name: amount
                    logicalType: number
                    classification: confidential
            slaProperties:
              - property: latency
                value: 4
                unit: h
            """,
        "domains/sales/products/orders/docs/README.md": """
            # Orders

            See [usage](usage.md#querying) and [the revenue product](product:finance/revenue).

            ![Flow](images/flow.svg)
            """,
        "domains/sales/products/orders/docs/usage.md": """
            # Using orders

            ## Querying

            Owned by [the sales team](team:sales-team) in [Sales](domain:sales).
            """,
        "domains/sales/products/orders/docs/images/flow.svg": """
            <svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>
            """,
        "domains/finance/products/revenue/product.odps.yaml": """
            apiVersion: v1.0.0
            kind: DataProduct
            id: p-revenue
            name: Revenue
            domain: finance
            status: active
            description:
              purpose: Recognised revenue.
            inputPorts:
              - name: orders
                version: 1.0.0
                contractId: c-orders
            outputPorts:
              - name: revenue_v1
                version: 1.0.0
                contractId: c-revenue
            team:
              name: finance-team
              members:
                - username: bo@example.com
                  name: Bo Berg
                  role: owner
            """,
        "domains/finance/products/revenue/contract.yaml": """
            apiVersion: v3.0.2
            kind: DataContract
            id: c-revenue
            version: 1.0.0
            status: active
            schema:
              - name: revenue
                properties:
                  - name: day
                    logicalType: date
                    classification: internal
            """,
        "domains/finance/products/revenue/README.md": """
            # Revenue

            Built from [Orders](product:sales/orders#port-orders-v1).
            """,
    ]
}
