import Foundation
import MeshModel

/// The files `meshport init` writes: a data product (ODPS manifest, ODCS contract, landing doc) or a
/// domain (Backstage Domain and its owner Group), valid as they are and marked where to fill in.
enum Scaffold {
    struct File: Equatable {
        /// Relative to the repository folder.
        var path: String
        var text: String
    }

    /// `products/<slug>/`: manifest, one contract for its one output port, and docs/README.md.
    static func product(name: String, domain: String, owner: String, id: String = UUID().uuidString.lowercased()) -> [File] {
        let slug = Slug.make(name), domainSlug = Slug.make(domain), team = Slug.make(owner)
        let port = slug.replacingOccurrences(of: "-", with: "_") + "_v1"
        let contract = "\(domainSlug).\(slug)"
        let folder = "products/\(slug)"
        let manifest = """
            # A Bitol ODPS v1.0.0 data product: https://bitol-io.github.io/open-data-product-standard/
            apiVersion: v1.0.0
            kind: DataProduct
            id: \(id)
            name: \(quoted(name))
            domain: \(quoted(domainSlug))
            status: draft
            version: 0.1.0
            description:
              purpose: \(quoted("What \(name) holds, in a sentence or two, and who it is for (to be written)."))
              usage: \(quoted("How to read it: the port to start from and the filters to use (to be written)."))
              limitations: \(quoted("What it does not hold or guarantee (to be written)."))
            tags: []
            # Inputs: one per upstream contract this product reads (contractId = that contract's id).
            inputPorts: []
            outputPorts:
              - name: \(port)
                description: \(quoted("The \(name) table."))
                type: tables
                version: 1.0.0
                contractId: \(quoted(contract))
            team:
              name: \(quoted(team))

            """
        let object = slug.replacingOccurrences(of: "-", with: "_")
        let contractText = """
            # A Bitol ODCS v3.1.0 data contract: https://bitol-io.github.io/open-data-contract-standard/
            apiVersion: v3.1.0
            kind: DataContract
            id: \(quoted(contract))
            name: \(quoted(name))
            version: 0.1.0
            status: draft
            domain: \(quoted(domainSlug))
            dataProduct: \(quoted(name))
            description:
              purpose: \(quoted("What one row of \(object) is (to be written)."))
            schema:
              - name: \(object)
                physicalType: table
                description: \(quoted("One row per … (to be written)."))
                properties:
                  - name: id
                    logicalType: string
                    required: true
                    primaryKey: true
                    classification: internal
                    description: \(quoted("What identifies a row (to be written)."))

            """
        let readme = """
            # \(name)

            What \(name) is for, in a paragraph: the question it answers and who asks it.

            ## Using it

            Read the `\(port)` port. Describe here how to query it, with an example.

            ## Owners

            Owned by [\(owner)](team:\(team)) in [\(domain)](domain:\(domainSlug)).

            """
        return [File(path: "\(folder)/product.odps.yaml", text: manifest),
                File(path: "\(folder)/contracts/\(object).odcs.yaml", text: contractText),
                File(path: "\(folder)/docs/README.md", text: readme)]
    }

    /// `catalog-info.yaml`: the Backstage Domain and the Group that owns it.
    static func domain(name: String, owner: String) -> [File] {
        let slug = Slug.make(name), team = Slug.make(owner)
        let catalog = """
            # Backstage catalog entities: https://backstage.io/docs/features/software-catalog/descriptor-format
            apiVersion: backstage.io/v1alpha1
            kind: Domain
            metadata:
              name: \(slug)
              title: \(quoted(name))
              description: \(quoted("What the \(name) domain covers (to be written)."))
            spec:
              owner: group:\(team)
            ---
            apiVersion: backstage.io/v1alpha1
            kind: Group
            metadata:
              name: \(team)
              description: \(quoted("What the team does (to be written)."))
            spec:
              type: team
              profile:
                displayName: \(quoted(owner))
              children: []

            """
        return [File(path: "catalog-info.yaml", text: catalog)]
    }

    /// A YAML double-quoted scalar: any text, read back exactly.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                out += String(format: "\\x%02X", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
