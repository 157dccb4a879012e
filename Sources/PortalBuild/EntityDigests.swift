import MeshLink
import MeshModel
import PortalRender

/// Hashes of the mesh's parts, each covering what some pages show of that part.
struct EntityDigests: Sendable {
    var mesh: LinkedMesh
    var governance: GovernanceReport
    let settings: UInt64
    /// What a lineage diagram shows of a product: name, URL, status, domain.
    var label: [UInt64] = []
    /// Its inputs from contracts no product publishes (diagrams draw them).
    var externals: [UInt64] = []
    /// What lists and port links show of a product: its manifest, slug, owner, ports and their contracts.
    var node: [UInt64] = []
    /// Everything its own page shows of it besides other products: with its docs' titles, consumers, anchors.
    var own: [UInt64] = []
    /// `rings[k]`: a product's diagram label with everything within k + 1 hops of it.
    var rings: [[UInt64]] = []
    var docs: [UInt64] = []
    /// The titles and URLs of a product's docs: the navigation of its pages.
    var docNavigation: [UInt64] = []
    var domainLabel: [String: UInt64] = [:]
    var domainFull: [String: UInt64] = [:]
    var teamLabel: [String: UInt64] = [:]
    var teamFull: [String: UInt64] = [:]
    var compliance: [String: UInt64] = [:]
    /// What a product's page and lists show of a contract: its file and where in it.
    var contracts: [UInt64] = []
    /// Products one lineage edge away, each once.
    var neighbours: [[Int]] = []
    /// "<domain>/<slug>" of each product.
    let keys: [String]
    var files: [String: UInt64]
    /// The last commit of each file, when git history was read.
    let lastChanges: [String: FileChange]

    init(mesh: LinkedMesh, governance: GovernanceReport, files: [String: UInt64], settings: UInt64) {
        self.mesh = mesh
        self.governance = governance
        self.files = files
        var config = StableHash()
        config.combine(settings)
        config.combine(files[mesh.config.file] ?? 0)
        for field in [mesh.config.title, mesh.config.description ?? "\u{0}", mesh.config.baseURL] { config.combine(field) }
        config.combine(UInt64(mesh.config.lineageDepth))
        config.combine(UInt64(mesh.config.lineageWidth))
        // Where the sources come from is on every page's provenance line and in api/mesh.json.
        var lastChanges: [String: FileChange] = [:]
        for origin in mesh.origins {
            for field in [origin.root, origin.gitURL, origin.ref, origin.branch, origin.commit, origin.repositoryPrefix,
                          origin.repoURL, origin.editURL] {
                config.combine(field ?? "\u{0}")
            }
            lastChanges.merge(origin.lastChanges) { first, _ in first }
        }
        self.settings = config.value
        self.lastChanges = lastChanges

        let keys = mesh.products.map { $0.domain + "/" + $0.slug }
        self.keys = keys
        let key = { (p: Int) in keys[p] }
        for (i, domain) in mesh.domains.enumerated() {
            domainLabel[domain.slug] = Self.hash { h in
                for field in [domain.title, domain.url, "c\(i % 8)"] { h.combine(field) }
            }
            domainFull[domain.slug] = Self.hash { h in
                let fields = [domain.slug, domain.declared ? "declared" : "named", domain.name, domain.title, domain.file ?? "\u{0}",
                              domain.description ?? "\u{0}", domain.ownerTeam ?? "\u{0}", "c\(i % 8)"]
                for field in fields + domain.products.map(key) + ["|"] + domain.upstreamDomains + ["|"] + domain.downstreamDomains {
                    h.combine(field)
                }
            }
        }
        for team in mesh.teams {
            teamLabel[team.slug] = Self.hash { h in h.combine(team.displayName); h.combine(team.url) }
            teamFull[team.slug] = Self.hash { h in
                let fields = [team.slug, team.declared ? "declared" : "named", team.name, team.displayName,
                              team.description ?? "\u{0}", team.email ?? "\u{0}", team.parent ?? "\u{0}"]
                for field in fields + ["|"] + team.children + ["|"] + team.products.map(key) + ["|"] + team.ownedDomains { h.combine(field) }
                for m in team.members {
                    for field in [m.username, m.displayName ?? "\u{0}", m.email ?? "\u{0}", m.role ?? "\u{0}"] { h.combine(field) }
                }
            }
        }
        contracts = mesh.contracts.map(contractDigest)
        docs = mesh.docs.map(docDigest)
        label = mesh.products.indices.map(labelDigest)
        externals = mesh.products.indices.map(externalsDigest)
        docNavigation = mesh.products.map { p in
            Self.hash { h in for d in p.docs { h.combine(mesh.docs[d].url + " " + mesh.docs[d].title + (mesh.docs[d].isLanding ? " *" : "")) } }
        }
        node = mesh.products.indices.map(nodeDigest)
        own = mesh.products.indices.map(ownDigest)
        var neighbours = Array(repeating: [Int](), count: mesh.products.count)
        for edge in mesh.edges {
            neighbours[edge.upstream.product].append(edge.downstream.product)
            neighbours[edge.downstream.product].append(edge.upstream.product)
        }
        self.neighbours = neighbours.map { Array(Set($0)).sorted() }
        rings = ringDigests()
        for product in governance.products { compliance[product.key] = Self.complianceDigest(product) }
    }

    func contractDigest(_ c: DataContract) -> UInt64 {
        Self.hash { combineFile(c.file, c.location, into: &$0); $0.combine(c.id) }
    }

    func labelDigest(_ i: Int) -> UInt64 {
        let p = mesh.products[i]
        return Self.hash { h in
            for field in [p.name, p.url, p.manifest.status ?? "\u{0}"] { h.combine(field) }
            h.combine(domainLabel[p.domain] ?? 0)
        }
    }

    func externalsDigest(_ i: Int) -> UInt64 {
        Self.hash { h in
            for port in mesh.products[i].inputPorts where port.upstream == nil {
                h.combine((port.port.contractId ?? "\u{0}") + " " + port.port.name)
            }
        }
    }

    /// Needs `contracts`.
    func nodeDigest(_ i: Int) -> UInt64 {
        let p = mesh.products[i]
        return Self.hash { h in
            combineFile(p.manifest.file, p.manifest.location, into: &h)
            for field in [p.slug, p.domain, p.team ?? "\u{0}"] { h.combine(field) }
            h.combine(domainLabel[p.domain] ?? 0)
            h.combine(p.team.flatMap { teamLabel[$0] } ?? 0)
            for port in p.outputPorts {
                h.combine(port.anchor)
                h.combine(port.contract.map { contracts[$0] } ?? 0)
                for object in port.schemaAnchors { h.combine(([object.object] + object.columns).joined(separator: " ")) }
            }
            for port in p.inputPorts { h.combine(port.anchor) }
        }
    }

    /// Needs `node` and `docNavigation`.
    func ownDigest(_ i: Int) -> UInt64 {
        let p = mesh.products[i]
        return Self.hash { h in
            h.combine(node[i])
            h.combine(docNavigation[i])
            h.combine(p.landingDoc.map { mesh.docs[$0].url } ?? "\u{0}")
            for port in p.outputPorts { for ref in port.consumers { h.combine(key(ref.product) + "#" + ref.port) } }
            for port in p.inputPorts { h.combine(port.upstream.map { key($0.product) + "#" + $0.port } ?? "\u{0}") }
            for anchor in p.anchors.sorted() { h.combine(anchor) }
        }
    }

    /// `rings` of `label` and `externals`: each round takes in the neighbours' previous round, so after
    /// n rounds it holds everything n hops away.
    func ringDigests() -> [[UInt64]] {
        var rings: [[UInt64]] = []
        var ring = mesh.products.indices.map { [label, externals] i in Self.hash { $0.combine(label[i]); $0.combine(externals[i]) } }
        for _ in 0..<max(1, mesh.config.lineageDepth) {
            var next = ring.map { value in var h = StableHash(); h.combine(value); return h }
            func meet(_ end: Int, _ other: Int, _ side: String, _ edge: LineageEdge) {
                next[end].combine(side)
                next[end].combine(edge.upstream.port)
                next[end].combine(edge.downstream.port)
                next[end].combine(ring[other])
            }
            for edge in mesh.edges {
                meet(edge.downstream.product, edge.upstream.product, "up", edge)
                meet(edge.upstream.product, edge.downstream.product, "down", edge)
            }
            ring = next.map(\.value)
            rings.append(ring)
        }
        return rings
    }

    static func complianceDigest(_ product: GovernanceReport.Product) -> UInt64 {
        hash { h in
            for (rule, outcome) in product.outcomes.sorted(by: { $0.key < $1.key }) { h.combine(rule + " " + outcome.rawValue) }
            for f in product.findings {
                for field in [f.rule, f.severity, f.message, f.file ?? "\u{0}", f.line.map(String.init) ?? "\u{0}"] { h.combine(field) }
            }
            h.combine(UInt64(product.passed))
            h.combine(UInt64(product.checked))
        }
    }

    /// A file by its path, the hash of its bytes, its last change, and where in it the value starts.
    func combineFile(_ path: String, _ location: SourceLocation, into hash: inout StableHash) {
        hash.combine(path)
        hash.combine(files[path] ?? 0)
        combineLastChange(of: path, into: &hash)
        hash.combine(UInt64(location.line))
        hash.combine(UInt64(location.column))
    }

    /// What `api/mesh.json` says of a doc: its page, title, product, and source file with its last change.
    func combineListing(of doc: DocPage, into h: inout StableHash) {
        for field in [doc.document.file, doc.url, doc.title, keys[doc.product]] { h.combine(field) }
        combineLastChange(of: doc.document.file, into: &h)
    }

    /// The file's last commit, when git history was read: every provenance line shows it.
    func combineLastChange(of path: String, into h: inout StableHash) {
        guard let change = lastChanges[path] else { return }
        h.combine(change.commit)
        h.combine(UInt64(change.time))
        h.combine(change.author)
    }

    /// A doc: its file, page, title, and where each of its links leads.
    func docDigest(_ doc: DocPage) -> UInt64 {
        Self.hash { h in
            combineFile(doc.document.file, SourceLocation(file: doc.document.file), into: &h)
            for field in [doc.url, doc.title, doc.isLanding ? "landing" : "page", keys[doc.product]] { h.combine(field) }
            for (destination, target) in doc.links.sorted(by: { $0.key < $1.key }) {
                h.combine(destination)
                switch target {
                case .site(let path, let fragment): h.combine("site " + path + "#" + (fragment ?? "\u{0}"))
                case .fragment(let fragment): h.combine("fragment " + fragment)
                case .external(let url): h.combine("external " + url)
                case .dropped: h.combine("dropped")
                }
            }
        }
    }

    static func hash(_ body: (inout StableHash) -> Void) -> UInt64 {
        var hash = StableHash()
        body(&hash)
        return hash.value
    }

    func key(_ p: Int) -> String { keys[p] }

    func fingerprint(_ page: SitePage) -> UInt64 {
        Self.hash { h in
            h.combine(settings)
            switch page {
            case .home:
                h.combine("home")
                for count in [mesh.domains.count, mesh.products.count, mesh.teams.count, mesh.edges.count, mesh.docs.count] {
                    h.combine(UInt64(count))
                }
                for value in node { h.combine(value) }
                for domain in mesh.domains { h.combine(domainFull[domain.slug] ?? 0) }
                for team in mesh.teams { h.combine(teamFull[team.slug] ?? 0) }
            case .domain(let d):
                h.combine("domain")
                let domain = mesh.domains[d]
                h.combine(domainFull[domain.slug] ?? 0)
                for p in domain.products { h.combine(node[p]); h.combine(rings[0][p]) }
                for slug in domain.upstreamDomains + domain.downstreamDomains { h.combine(domainLabel[slug] ?? 0) }
                h.combine(domain.ownerTeam.flatMap { teamLabel[$0] } ?? 0)
            case .team(let t):
                h.combine("team")
                let team = mesh.teams[t]
                h.combine(teamFull[team.slug] ?? 0)
                for slug in [team.parent].compactMap({ $0 }) + team.children { h.combine(teamLabel[slug] ?? 0) }
                for p in team.products { h.combine(node[p]) }
                for slug in team.ownedDomains { h.combine(domainLabel[slug] ?? 0) }
            case .product(let p):
                h.combine("product")
                let product = mesh.products[p]
                h.combine(own[p])
                h.combine(rings[rings.count - 1][p])
                for other in neighbours[p] { h.combine(node[other]) }
                h.combine(product.team.flatMap { teamFull[$0] } ?? 0)
                h.combine(product.landingDoc.map { docs[$0] } ?? 0)
                h.combine(compliance[key(p)] ?? 0)
            case .doc(let d):
                h.combine("doc")
                let p = mesh.docs[d].product
                h.combine(docs[d])
                h.combine(label[p])
                h.combine(docNavigation[p])
            case .lineage:
                h.combine("lineage")
                for p in mesh.products.indices { h.combine(label[p]); h.combine(externals[p]) }
                combineEdges(into: &h)
                for domain in mesh.domains { h.combine(domainLabel[domain.slug] ?? 0) }
            case .governance:
                h.combine("governance")
                for value in label { h.combine(value) }
                for domain in mesh.domains { h.combine(domainFull[domain.slug] ?? 0) }
                combineGovernance(into: &h)
            case .search:
                h.combine("search")
            case .notFound:
                h.combine("404")
            }
        }
    }

    func fingerprint(_ supplement: PageRenderer.Supplement, pages: [(page: SitePage, path: String)]) -> UInt64 {
        Self.hash { h in
            h.combine(settings)
            h.combine(UInt64(PageRenderer.Supplement.allCases.firstIndex(of: supplement) ?? 0))
            switch supplement {
            case .searchIndex, .meshJSON:
                for value in own { h.combine(value) }
                // The index holds the docs' text; api/mesh.json only lists them (title, URL, source,
                // provenance), so an edit of a doc's body leaves it as it is.
                if supplement == .searchIndex {
                    for doc in docs { h.combine(doc) }
                } else {
                    for doc in mesh.docs { combineListing(of: doc, into: &h) }
                }
                combineEdges(into: &h)
                for domain in mesh.domains { h.combine(domainFull[domain.slug] ?? 0) }
                for team in mesh.teams { h.combine(teamFull[team.slug] ?? 0) }
                combineGovernance(into: &h)
            case .governanceJSON:
                combineGovernance(into: &h)
            case .sitemap:
                for (page, path) in pages where PageRenderer.isCrawlable(page) { h.combine(path) }
            case .assets:
                for asset in mesh.assets {
                    h.combine(asset.path)
                    h.combine(asset.bytes)
                }
            }
        }
    }

    private func combineEdges(into h: inout StableHash) {
        for edge in mesh.edges {
            for part in [keys[edge.upstream.product], edge.upstream.port, keys[edge.downstream.product], edge.downstream.port] {
                h.combine(part)
            }
        }
    }

    private func combineGovernance(into h: inout StableHash) {
        for rule in governance.rules {
            for field in [rule.id, rule.summary, rule.severity, rule.enforced ? "enforced" : "open"] { h.combine(field) }
        }
        for domain in governance.domains { h.combine(domain.slug + " \(domain.passed) \(domain.checked)") }
        for product in governance.products { h.combine(product.key); h.combine(compliance[product.key] ?? 0) }
    }
}

extension EntityDigests {
    /// The digests after `MeshLinker.relinking` put new manifests or contracts in place: `products` are
    /// those it replaced or whose published contracts it replaced, `contracts` the contracts. Slugs,
    /// ports, lineage, ownership and docs are as they were, so only those products' digests, the rings
    /// when a diagram label changed, and the compliance of products whose report changed are made again.
    /// Returns the products whose diagram label changed (their docs' pages show it).
    mutating func update(products: Set<Int>, contracts changed: Set<Int>, mesh: LinkedMesh, governance: GovernanceReport,
                         files: [String: UInt64]) -> Set<Int> {
        let previous = self.governance
        self.mesh = mesh
        self.governance = governance
        self.files = files
        for c in changed { contracts[c] = contractDigest(mesh.contracts[c]) }
        var relabelled = Set<Int>(), ringsChanged = false
        for p in products {
            let newLabel = labelDigest(p), newExternals = externalsDigest(p)
            if newLabel != label[p] { relabelled.insert(p) }
            ringsChanged = ringsChanged || newLabel != label[p] || newExternals != externals[p]
            label[p] = newLabel
            externals[p] = newExternals
            node[p] = nodeDigest(p)
            own[p] = ownDigest(p)
        }
        if ringsChanged { rings = ringDigests() }
        for (i, product) in governance.products.enumerated()
        where i >= previous.products.count || previous.products[i] != product {
            compliance[product.key] = Self.complianceDigest(product)
        }
        return relabelled
    }
}
