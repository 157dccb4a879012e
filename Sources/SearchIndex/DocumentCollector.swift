import MeshLink
import MeshModel

/// Turns the linked mesh into search documents, in a fixed order: each domain, then each product with
/// its ports, columns and doc sections, then the teams. The order is the document numbering, so the
/// index is the same bytes for the same input.
struct DocumentCollector {
    let mesh: LinkedMesh
    private(set) var documents: [SearchDocument] = []
    private(set) var groups: [FacetGroup] = []

    init(mesh: LinkedMesh) {
        self.mesh = mesh
        for domain in mesh.domains { addDomain(domain) }
        // Products are independent of each other: collected over the cores, merged in product order, a
        // round of products at a time, so their documents are not all held twice (RSS after collecting
        // 822 -> 708 MiB at 10,000 products).
        let firstGroup = groups.count
        groups.reserveCapacity(groups.count + mesh.products.count + mesh.teams.count)
        for start in stride(from: 0, to: mesh.products.count, by: 512) {
            let round = start..<min(mesh.products.count, start + 512)
            let products = parallelMap(round.count) { k in
                Self.productDocuments(mesh.products[start + k], group: firstGroup + start + k, mesh: mesh)
            }
            for product in products {
                groups.append(product.group)
                documents += product.documents
            }
        }
        for team in mesh.teams { addTeam(team) }
    }

    private mutating func newGroup(_ group: FacetGroup) -> Int {
        groups.append(group)
        return groups.count - 1
    }

    private mutating func addDomain(_ domain: Domain) {
        let group = newGroup(FacetGroup(domain: domain.slug, team: domain.ownerTeam, status: nil))
        var fields = Self.nameFields(domain.title, also: [domain.name, domain.slug])
        if let d = domain.description { fields.append(.init(.body, d)) }
        documents.append(SearchDocument(kind: .domain, title: domain.title, context: Self.count(domain.products.count, "data product"),
                                        url: domain.url, fields: fields, summary: domain.description ?? "",
                                        group: group, classification: nil, deprecated: false))
    }

    private mutating func addTeam(_ team: Team) {
        let group = newGroup(FacetGroup(domain: nil, team: team.slug, status: nil))
        var fields = Self.nameFields(team.displayName, also: [team.name, team.slug])
        if let d = team.description { fields.append(.init(.body, d)) }
        for person in team.members {
            fields.append(.init(.label, person.label))
            fields.append(.init(.label, person.username))
        }
        documents.append(SearchDocument(kind: .team, title: team.displayName, context: Self.count(team.members.count, "member") + " · " + Self.count(team.products.count, "data product"),
                                        url: team.url, fields: fields, summary: team.description ?? "",
                                        group: group, classification: nil, deprecated: false))
    }

    /// The documents of one product, all in facet group `group`.
    private static func productDocuments(_ product: Product, group: Int, mesh: LinkedMesh)
        -> (group: FacetGroup, documents: [SearchDocument]) {
        var documents: [SearchDocument] = []
        let manifest = product.manifest
        let facetGroup = FacetGroup(domain: product.domain, team: product.team, status: manifest.status?.lowercased())
        let domainTitle = mesh.domain(product.domain)?.title ?? product.domain
        let description = [manifest.description.purpose, manifest.description.usage, manifest.description.limitations]
            .compactMap { $0 }.joined(separator: " ")
        var fields = nameFields(manifest.name, also: [product.slug])
        fields.append(.init(.exact, manifest.id, verbatim: true))
        fields.append(.init(.exact, "\(product.domain)/\(product.slug)", verbatim: true))
        fields += manifest.tags.map { .init(.label, $0) }
        fields.append(.init(.body, description))
        fields.append(.init(.body, domainTitle))
        let deprecated = product.isDeprecated
        func add(_ kind: SearchDocument.Kind, _ title: String, _ context: String, _ url: String, _ fragment: String?,
                 _ fields: [SearchDocument.Field], _ summary: String, classification: String? = nil) {
            documents.append(SearchDocument(kind: kind, title: title, context: context, url: url, fragment: fragment, fields: fields,
                                            summary: summary, group: group, classification: classification,
                                            deprecated: deprecated))
        }
        let status = manifest.status.map { " · \($0)" } ?? ""
        add(.product, manifest.name, "\(domainTitle)\(status)", product.url, nil, fields,
            manifest.description.purpose ?? description)

        for port in product.outputPorts {
            var portFields: [SearchDocument.Field] = [.init(.label, port.port.name)]
            portFields.append(.init(.body, port.port.description ?? ""))
            var summary = port.port.description ?? ""
            if let c = port.contract.map({ mesh.contracts[$0] }) {
                portFields.append(.init(.exact, c.id, verbatim: true))
                if let name = c.name, name != port.port.name { portFields.append(.init(.label, name)) }
                portFields.append(.init(.body, c.purpose ?? ""))
                if summary.isEmpty { summary = c.purpose ?? "" }
            }
            add(.port, port.port.name, "\(manifest.name)", product.url, port.anchor, portFields, summary)
            for column in Self.columns(port, productName: manifest.name, mesh: mesh) {
                add(.column, column.title, column.context, product.url, column.anchor, column.fields, column.summary,
                    classification: column.classification)
            }
        }

        for d in product.docs {
            let doc = mesh.docs[d]
            // One context for all the doc's sections, not a String per section (200,000 at 10,000 products).
            let context = "\(manifest.name) › \(doc.isLanding ? "Overview" : doc.title)"
            for section in doc.document.sections {
                let title = section.heading.map { doc.document.headings[$0] }
                let isTitle = title.map { $0.level == 1 && $0.text == doc.document.title } ?? false
                let heading = title?.text ?? doc.title
                // The landing page's leading title is dropped on the product page, so it links to the page top.
                let anchor = isTitle ? nil : title?.anchor
                var docFields: [SearchDocument.Field] = [.init(.heading, heading)]
                if heading != doc.title { docFields.append(.init(.body, doc.title)) }
                docFields.append(.init(.body, section.text))
                add(.doc, heading, context, doc.url, anchor,
                    docFields, section.text)
            }
        }
        return (facetGroup, documents)
    }

    private typealias Column = (title: String, context: String, anchor: String, fields: [SearchDocument.Field],
                                summary: String, classification: String?)

    /// One document per column of the port's contract, linking to the column's row on the product page.
    private static func columns(_ port: LinkedOutputPort, productName: String, mesh: LinkedMesh) -> [Column] {
        guard let c = port.contract.map({ mesh.contracts[$0] }) else { return [] }
        var out: [Column] = []
        for (i, object) in c.schema.enumerated() {
            let anchors = i < port.schemaAnchors.count ? port.schemaAnchors[i] : nil
            let context = "\(productName) › \(object.name)"
            for (j, column) in object.properties.enumerated() {
                var fields: [SearchDocument.Field] = [.init(.label, column.name)]
                if let b = column.businessName { fields.append(.init(.label, b)) }
                fields += column.tags.map { .init(.label, $0) }
                fields.append(.init(.body, column.description ?? ""))
                let anchor = anchors.flatMap { j < $0.columns.count ? $0.columns[j] : nil } ?? port.anchor
                out.append((column.name, context, anchor, fields,
                            column.description ?? "", column.classification?.lowercased()))
            }
        }
        return out
    }

    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

    /// A name is matched as a whole (exact tier), by its first word, and by its other words.
    private static func nameFields(_ name: String, also: [String]) -> [SearchDocument.Field] {
        var fields = [SearchDocument.Field(.name, name)]
        for other in also where Tokenizer.canonicalWords(other) != Tokenizer.canonicalWords(name) {
            fields.append(.init(.name, other))
        }
        return fields
    }
}
