import MeshLink

/// What the filters need: the facet character of every document (kind and column classification)
/// and, for `search/facets.js`, the domain, team and status of each run of documents (a domain, a
/// product with its ports, columns and docs, a team).
struct FacetTable {
    let domains: [(slug: String, title: String)]
    let teams: [(slug: String, name: String)]
    let statuses: [String]
    /// At most seven classifications fit in the facet character; the most used are kept.
    let classes: [String]
    private let facets: [Int]
    private let groupStarts: [Int]
    private let groupValues: [(domain: Int, team: Int, status: Int)]

    init(mesh: LinkedMesh, documents: [SearchDocument], groups: [FacetGroup]) {
        domains = mesh.domains.map { ($0.slug, $0.title) }
        teams = mesh.teams.map { ($0.slug, $0.displayName) }
        statuses = Set(groups.compactMap(\.status)).sorted()
        var counts: [String: Int] = [:]
        for d in documents { if let c = d.classification { counts[c, default: 0] += 1 } }
        classes = Array(counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(7).map(\.key)).sorted()
        let classIndex = Dictionary(uniqueKeysWithValues: classes.enumerated().map { ($1, $0 + 1) })
        facets = documents.map { $0.kind.rawValue * 8 + ($0.classification.flatMap { classIndex[$0] } ?? 0) }
        let domainIndex = Dictionary(domains.enumerated().map { ($1.slug, $0 + 1) }, uniquingKeysWith: { a, _ in a })
        let teamIndex = Dictionary(teams.enumerated().map { ($1.slug, $0 + 1) }, uniquingKeysWith: { a, _ in a })
        let statusIndex = Dictionary(uniqueKeysWithValues: statuses.enumerated().map { ($1, $0 + 1) })
        var starts: [Int] = []
        for (i, d) in documents.enumerated() where starts.count <= d.group {
            starts.append(i)
        }
        groupStarts = starts
        groupValues = groups.prefix(starts.count).map { g in
            (g.domain.flatMap { domainIndex[$0] } ?? 0, g.team.flatMap { teamIndex[$0] } ?? 0, g.status.flatMap { statusIndex[$0] } ?? 0)
        }
    }

    func facet(of document: Int) -> Int { facets[document] }

    /// `meshSearch.f({domains, teams, statuses, classes, groups})`; groups is a varint string of
    /// (gap to the group's first document, domain + 1, team + 1, status + 1), 0 meaning none.
    func script() -> [UInt8] {
        var out = Array("meshSearch.f({\"domains\":[".utf8)
        out += Array(domains.map { IndexEncoding.array([$0.slug, $0.title]) }.joined(separator: [0x2C]))
        out += Array("],\"teams\":[".utf8)
        out += Array(teams.map { IndexEncoding.array([$0.slug, $0.name]) }.joined(separator: [0x2C]))
        out += Array("],\"statuses\":".utf8) + IndexEncoding.array(statuses)
        out += Array(",\"classes\":".utf8) + IndexEncoding.array(classes)
        var groups: [UInt8] = []
        var last = 0
        for (start, v) in zip(groupStarts, groupValues) {
            IndexEncoding.varint(start - last, into: &groups)
            IndexEncoding.varint(v.domain, into: &groups)
            IndexEncoding.varint(v.team, into: &groups)
            IndexEncoding.varint(v.status, into: &groups)
            last = start
        }
        out += Array(",\"groups\":\"".utf8) + groups + Array("\"});\n".utf8)
        return out
    }
}
