import MeshLink
import MeshModel

/// Rules across files: what only the linked mesh can tell.
enum ReferenceChecks {
    /// The findings about one product: its own manifest, and the products it reads from.
    static func run(_ mesh: LinkedMesh, product i: Int) -> [Finding] {
        var findings: [Finding] = []
        let product = mesh.products[i]
        let location = product.manifest.location
        if let domain = mesh.domain(product.domain), !domain.declared {
            findings.append(Finding(rule: "product.domain.undeclared",
                message: "domain '\(product.manifest.domain ?? product.domain)' is not declared by a Backstage Domain entity",
                location: product.manifest.valueLocations.domain ?? location, product: i))
        }
        if let team = mesh.team(product.team), !team.declared {
            findings.append(Finding(rule: "product.team.undeclared",
                message: "owner team '\(team.name)' is not declared by a Backstage Group entity",
                location: product.manifest.team?.location ?? location, product: i))
        }
        if product.landingDoc == nil {
            findings.append(Finding(rule: "product.landingDoc.missing",
                message: "data product '\(product.name)' has no landing doc (README.md in its folder or its docs/ folder)",
                location: location, product: i))
        }
        // ODPS tells ports apart by name and version, so v1 and v2 of a port may live side by side;
        // two inputs may also share a name when they read different contracts.
        findings += duplicatePorts(product.manifest.outputPorts.map { ($0.name, $0.version, nil, $0.location) }, kind: "output", product: i)
        findings += duplicatePorts(product.manifest.inputPorts.map { ($0.name, $0.version, $0.contractId, $0.location) }, kind: "input", product: i)
        if !product.isDeprecated {
            for input in product.inputPorts {
                guard let up = input.upstream, mesh.products[up.product].isDeprecated else { continue }
                let upstream = mesh.products[up.product]
                findings.append(Finding(rule: "lineage.deprecated.consumed",
                    message: "input port '\(input.port.name)' reads from '\(upstream.name)', which is \(upstream.manifest.status ?? "deprecated")",
                    location: input.port.location,
                    notes: [.init("'\(upstream.name)' is marked \(upstream.manifest.status ?? "deprecated") here",
                                  at: upstream.manifest.valueLocations.status ?? upstream.manifest.location)],
                    product: i))
            }
        }
        return findings
    }

    static func duplicatePorts(_ ports: [(String, String?, String?, SourceLocation)], kind: String, product: Int) -> [Finding] {
        var first: [String: SourceLocation] = [:]
        var out: [Finding] = []
        for (name, version, contract, location) in ports {
            let key = name + "@" + (version ?? "") + "@" + (contract ?? "")
            if let earlier = first[key] {
                out.append(Finding(rule: "port.name.duplicate",
                                   message: "\(kind) port '\(name)'\(version.map { " version \($0)" } ?? "") is declared twice",
                                   location: location, notes: [.init("first declared here", at: earlier)], product: product))
            } else {
                first[key] = location
            }
        }
        return out
    }
}
