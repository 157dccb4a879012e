import MeshLink
import MeshModel

/// The built-in policies over products and their contracts. Each finding names its product, so
/// the compliance report can say pass or fail per product and rule.
enum GovernanceChecks {
    static let minimumPurposeLength = 40

    /// The findings about one product: its manifest, its owner team and the contracts it publishes.
    static func run(_ mesh: LinkedMesh, product i: Int) -> [Finding] {
        var findings: [Finding] = []
        let product = mesh.products[i]
        let m = product.manifest
        func add(_ rule: String, _ message: String, _ location: SourceLocation?) {
            findings.append(Finding(rule: rule, message: message, location: location ?? m.location, product: i))
        }
        // Open Data Mesh descriptors have no status field to fill in.
        if m.status == nil, !m.apiVersion.hasPrefix("dpds-") {
            add("product.status.missing", "data product '\(m.name)' has no 'status' (proposed, draft, active, deprecated or retired)", nil)
        }
        if let purpose = m.description.purpose {
            if purpose.count < minimumPurposeLength {
                add("product.description.length",
                    "the purpose of '\(m.name)' has \(purpose.count) characters; write at least \(minimumPurposeLength)",
                    m.valueLocations.purpose)
            }
        } else {
            add("product.description.required", "data product '\(m.name)' has no 'description.purpose'", m.valueLocations.description)
        }
        if m.team?.name == nil {
            add("product.team.required", "data product '\(m.name)' names no owner team ('team.name')", m.team?.location)
        }
        let hasSupport = m.support.contains { $0.url != nil }
        if !hasSupport && mesh.team(product.team)?.email == nil {
            add("product.owner.contact", "nobody can be contacted about '\(m.name)': add a support channel with a URL or an email to its owner team",
                m.valueLocations.support ?? m.team?.location)
        }
        if let version = m.version, !isSemanticVersion(version) {
            add("product.version.semver", "version '\(version)' of '\(m.name)' is not MAJOR.MINOR.PATCH", m.valueLocations.version)
        }
        for port in product.outputPorts {
            guard let c = port.contract else { continue }
            findings += contractFindings(mesh.contracts[c], product: i)
        }
        return findings
    }

    static func contractFindings(_ contract: DataContract, product: Int) -> [Finding] {
        var out: [Finding] = []
        func add(_ rule: String, _ message: String, _ location: SourceLocation) {
            out.append(Finding(rule: rule, message: message, location: location, product: product))
        }
        if let version = contract.version, !isSemanticVersion(version) {
            add("contract.version.semver", "version '\(version)' of contract '\(contract.id)' is not MAJOR.MINOR.PATCH",
                contract.versionLocation ?? contract.location)
        }
        if contract.slaProperties.isEmpty {
            add("contract.sla.required", "contract '\(contract.id)' states no SLA ('slaProperties')", contract.location)
        }
        for object in contract.schema {
            for column in object.properties {
                if column.description == nil {
                    add("contract.column.description", "column '\(object.name).\(column.name)' has no 'description'", column.location)
                }
                if column.classification == nil {
                    add("contract.classification.required", "column '\(object.name).\(column.name)' has no 'classification'", column.location)
                }
                if isPersonalData(column), column.classification?.lowercased() != "restricted" {
                    add("contract.pii.restricted",
                        "column '\(object.name).\(column.name)' holds personal data but is classified '\(column.classification ?? "nothing")', not 'restricted'",
                        column.location)
                }
            }
        }
        return out
    }

    /// Tagged `pii`, or marked with a `pii` custom property that is true.
    static func isPersonalData(_ column: DataContract.Property) -> Bool {
        column.tags.contains { $0.lowercased() == "pii" } || column.personalData
    }

    /// MAJOR.MINOR.PATCH with an optional -prerelease and +build, as semver.org defines it.
    static func isSemanticVersion(_ version: String) -> Bool {
        let core = version.split(separator: "+", maxSplits: 1)[0].split(separator: "-", maxSplits: 1)[0]
        let parts = core.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 3 && parts.allSatisfy { p in
            !p.isEmpty && p.allSatisfy(\.isNumber) && (p == "0" || p.first != "0")
        }
    }
}
