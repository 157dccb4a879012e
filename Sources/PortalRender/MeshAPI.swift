import Foundation
import MeshLink
import MeshModel

/// `api/mesh.json`: the whole linked model for machines (catalogs, CI checks, scripts).
/// Products are referred to by their key, "<domain>/<product>". Documented in README.md.
struct MeshAPI: Encodable {
    struct PortKey: Encodable { var product: String; var port: String }
    struct DomainEntry: Encodable {
        var slug, name, title, url: String
        var description, owner: String?
        var products, upstreamDomains, downstreamDomains: [String]
        var provenance: ProvenanceEntry?
    }
    struct Member: Encodable { var username: String; var displayName, email: String? }
    struct TeamEntry: Encodable {
        var slug, name, displayName, url: String
        var description, email, parent: String?
        var children: [String]
        var members: [Member]
        var products, domains: [String]
    }
    struct Description: Encodable { var purpose, usage, limitations: String? }
    struct OutputPortEntry: Encodable {
        var name, anchor: String
        var type, version, description, contractId: String?
        var inputContracts: [String]
        var consumers: [PortKey]
    }
    struct InputPortEntry: Encodable {
        var name: String
        var version, contractId: String?
        var upstream: PortKey?
        var external: Bool
    }
    struct DocEntry: Encodable {
        var title, url, source: String
        var provenance: ProvenanceEntry?
    }
    struct ProductEntry: Encodable {
        var key, id, name, slug, domain, url, source: String
        var status, version, team: String?
        var description: Description
        var tags: [String]
        var outputPorts: [OutputPortEntry]
        var inputPorts: [InputPortEntry]
        var docs: [DocEntry]
        var provenance: ProvenanceEntry?
    }
    struct PropertyEntry: Encodable {
        var name: String
        var logicalType, physicalType, classification, description: String?
        var required, primaryKey: Bool
        var transformSourceObjects: [String]
    }
    struct SchemaEntry: Encodable {
        var name: String
        var physicalName, physicalType, description: String?
        var properties: [PropertyEntry]
    }
    struct SLAEntry: Encodable { var property, value: String; var unit: String? }
    struct QualityEntry: Encodable { var type: String; var name, metric, condition, dimension, severity, description: String? }
    struct ContractEntry: Encodable {
        var id, apiVersion, source: String
        var name, version, status: String?
        var schema: [SchemaEntry]
        var slaProperties: [SLAEntry]
        var quality: [QualityEntry]
    }
    struct EdgeEntry: Encodable { var upstream, downstream: PortKey; var contractId: String }
    struct Generator: Encodable { var name = "meshport"; var formatVersion = 1 }

    var generator = Generator()
    var title: String
    var baseURL: String
    var domains: [DomainEntry]
    var teams: [TeamEntry]
    var products: [ProductEntry]
    var contracts: [ContractEntry]
    var lineage: [EdgeEntry]
    var sources: [SourceEntry]

    init(_ mesh: LinkedMesh) {
        func key(_ p: Int) -> String { mesh.products[p].domain + "/" + mesh.products[p].slug }
        func quality(_ q: DataContract.QualityRule) -> QualityEntry {
            QualityEntry(type: q.type, name: q.name, metric: q.metric, condition: q.condition, dimension: q.dimension,
                         severity: q.severity, description: q.description)
        }
        title = mesh.config.title
        baseURL = mesh.config.baseURL
        domains = mesh.domains.map { d in
            DomainEntry(slug: d.slug, name: d.name, title: d.title, url: d.url, description: d.description,
                        owner: d.ownerTeam, products: d.products.map(key), upstreamDomains: d.upstreamDomains,
                        downstreamDomains: d.downstreamDomains, provenance: d.file.flatMap { ProvenanceEntry(mesh.provenance(of: $0)) })
        }
        teams = mesh.teams.map { t in
            TeamEntry(slug: t.slug, name: t.name, displayName: t.displayName, url: t.url, description: t.description,
                      email: t.email, parent: t.parent, children: t.children,
                      members: t.members.map { Member(username: $0.username, displayName: $0.displayName, email: $0.email) },
                      products: t.products.map(key), domains: t.ownedDomains)
        }
        products = mesh.products.enumerated().map { i, p in
            let m = p.manifest
            return ProductEntry(
                key: key(i), id: m.id, name: m.name, slug: p.slug, domain: p.domain, url: p.url, source: m.file,
                status: m.status, version: m.version, team: p.team,
                description: Description(purpose: m.description.purpose, usage: m.description.usage,
                                         limitations: m.description.limitations),
                tags: m.tags,
                outputPorts: p.outputPorts.map { o in
                    OutputPortEntry(name: o.port.name, anchor: o.anchor, type: o.port.type, version: o.port.version,
                                    description: o.port.description, contractId: o.port.contractId,
                                    inputContracts: o.port.inputContracts,
                                    consumers: o.consumers.map { PortKey(product: key($0.product), port: $0.port) })
                },
                inputPorts: p.inputPorts.map { i in
                    InputPortEntry(name: i.port.name, version: i.port.version, contractId: i.port.contractId,
                                   upstream: i.upstream.map { PortKey(product: key($0.product), port: $0.port) },
                                   external: i.upstream == nil)
                },
                docs: p.docs.map { d in
                    let doc = mesh.docs[d]
                    return DocEntry(title: doc.title, url: doc.url, source: doc.document.file,
                                    provenance: ProvenanceEntry(mesh.provenance(of: doc.document.file)))
                },
                provenance: ProvenanceEntry(mesh.provenance(of: m.file)))
        }
        contracts = mesh.contracts.map { c in
            ContractEntry(
                id: c.id, apiVersion: c.apiVersion, source: c.file, name: c.name, version: c.version, status: c.status,
                schema: c.schema.map { o in
                    SchemaEntry(name: o.name, physicalName: o.physicalName, physicalType: o.physicalType,
                                description: o.description,
                                properties: o.properties.map { p in
                                    PropertyEntry(name: p.name, logicalType: p.logicalType, physicalType: p.physicalType,
                                                  classification: p.classification, description: p.description,
                                                  required: p.required, primaryKey: p.primaryKey,
                                                  transformSourceObjects: p.transformSourceObjects)
                                })
                },
                slaProperties: c.slaProperties.map { SLAEntry(property: $0.property, value: $0.value, unit: $0.unit) },
                quality: c.quality.map(quality) + c.schema.flatMap { $0.quality.map(quality) })
        }
        lineage = mesh.edges.map { e in
            EdgeEntry(upstream: PortKey(product: key(e.upstream.product), port: e.upstream.port),
                      downstream: PortKey(product: key(e.downstream.product), port: e.downstream.port),
                      contractId: e.contractId)
        }
        sources = mesh.origins.map(SourceEntry.init)
    }

    /// Pretty, key-sorted JSON: stable bytes for the same model.
    static func encode<T: Encodable>(_ value: T) -> [UInt8] {
        guard var bytes = try? [UInt8](encoder().encode(value)) else { return [] }
        bytes.append(10)
        return bytes
    }

    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
