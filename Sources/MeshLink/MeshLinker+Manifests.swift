import MeshModel

extension MeshLinker {
    /// A product manifest or contract file read again: what it holds now.
    public struct StructuredEdit: Sendable {
        public var file: String
        public var products: [ProductManifest]
        public var contracts: [DataContract]
        public init(file: String, products: [ProductManifest], contracts: [DataContract]) {
            self.file = file
            self.products = products
            self.contracts = contracts
        }
    }

    /// What `relinking(_:linkDiagnostics:edits:)` changed.
    public struct Relinked: Sendable {
        public var mesh: LinkedMesh
        public var diagnostics: [Diagnostic]
        /// Products whose manifest was replaced or one of whose output ports publishes a replaced contract.
        public var products: Set<Int>
        /// Contracts replaced.
        public var contracts: Set<Int>
    }

    /// The Link stage again after manifests or contracts changed only in what Link does not read: each
    /// product keeps its id, name, domain, owner team and ports (names and contracts), each contract its
    /// id and the names of its schema objects and columns (the product page's anchors). Then slugs,
    /// lineage, ownership and docs stay as they were, the new values are put in place of the old, and
    /// the link diagnostics only move with the lines they point at; the result equals a full `link`.
    /// Nil when a full link is needed (also when a diagnostic points into an edited file at a place
    /// that is not known to have moved, such as a product left out for a duplicate id).
    public static func relinking(_ mesh: LinkedMesh, linkDiagnostics: [Diagnostic], edits: [StructuredEdit]) -> Relinked? {
        var mesh = mesh
        let files = Set(edits.map(\.file))
        var productsIn: [String: [String: Int]] = [:], contractsIn: [String: [String: Int]] = [:]
        for (i, p) in mesh.products.enumerated() where files.contains(p.manifest.file) { productsIn[p.manifest.file, default: [:]][p.manifest.id] = i }
        for (i, c) in mesh.contracts.enumerated() where files.contains(c.file) { contractsIn[c.file, default: [:]][c.id] = i }
        var moves = LocationMoves()
        var products = Set<Int>(), contracts = Set<Int>()
        for edit in edits {
            let linkedProducts = productsIn[edit.file] ?? [:], linkedContracts = contractsIn[edit.file] ?? [:]
            guard linkedProducts.count == edit.products.count, linkedContracts.count == edit.contracts.count else { return nil }
            for manifest in edit.products {
                guard let i = linkedProducts[manifest.id], hasSameLinks(mesh.products[i].manifest, manifest),
                      moves.record(mesh.products[i].manifest, manifest) else { return nil }
                mesh.products[i].manifest = manifest
                for k in manifest.outputPorts.indices { mesh.products[i].outputPorts[k].port = manifest.outputPorts[k] }
                for k in manifest.inputPorts.indices { mesh.products[i].inputPorts[k].port = manifest.inputPorts[k] }
                products.insert(i)
            }
            for contract in edit.contracts {
                guard let c = linkedContracts[contract.id], hasSameLinks(mesh.contracts[c], contract),
                      moves.record(mesh.contracts[c], contract) else { return nil }
                mesh.contracts[c] = contract
                contracts.insert(c)
            }
        }
        for (i, product) in mesh.products.enumerated()
        where product.outputPorts.contains(where: { $0.contract.map(contracts.contains) ?? false }) {
            products.insert(i)
        }
        var diagnostics: [Diagnostic] = []
        for diagnostic in linkDiagnostics {
            guard let moved = moves.apply(to: diagnostic, editedFiles: files) else { return nil }
            diagnostics.append(moved)
        }
        return Relinked(mesh: mesh, diagnostics: diagnostics, products: products, contracts: contracts)
    }

    /// Whether Link makes the same of both: placement (id, name, domain, file), ownership (the owner
    /// team, whose description and members stand in for an undeclared Group's), lineage (ports).
    static func hasSameLinks(_ a: ProductManifest, _ b: ProductManifest) -> Bool {
        a.id == b.id && a.name == b.name && a.domain == b.domain && a.file == b.file
            && (a.team == nil) == (b.team == nil) && a.team?.name == b.team?.name
            && a.team?.description == b.team?.description && a.team?.members == b.team?.members
            && a.inputPorts.map { [$0.name, $0.contractId] } == b.inputPorts.map { [$0.name, $0.contractId] }
            && a.outputPorts.map { [$0.name, $0.contractId] } == b.outputPorts.map { [$0.name, $0.contractId] }
            && (a.valueLocations.id == nil) == (b.valueLocations.id == nil)
            && (a.valueLocations.name == nil) == (b.valueLocations.name == nil)
    }

    /// The same id and schema names (Link makes the product page's anchors of them).
    static func hasSameLinks(_ a: DataContract, _ b: DataContract) -> Bool {
        a.id == b.id && a.file == b.file && (a.idLocation == nil) == (b.idLocation == nil)
            && a.schema.map { [$0.name] + $0.properties.map(\.name) } == b.schema.map { [$0.name] + $0.properties.map(\.name) }
    }
}

/// Where each place Link's diagnostics can point at in an edited file went: a product's start, id,
/// name and ports, a contract's start and id.
struct LocationMoves {
    private var moved: [SourceLocation: SourceLocation] = [:]

    /// False when one place would move to two.
    mutating func record(_ old: ProductManifest, _ new: ProductManifest) -> Bool {
        var pairs = [(old.location, new.location)]
        for key in [\ProductManifest.ValueLocations.id, \.name] {
            if let a = old.valueLocations[keyPath: key], let b = new.valueLocations[keyPath: key] { pairs.append((a, b)) }
        }
        pairs += zip(old.outputPorts.map(\.location), new.outputPorts.map(\.location))
        pairs += zip(old.inputPorts.map(\.location), new.inputPorts.map(\.location))
        return record(pairs)
    }

    mutating func record(_ old: DataContract, _ new: DataContract) -> Bool {
        var pairs = [(old.location, new.location)]
        if let a = old.idLocation, let b = new.idLocation { pairs.append((a, b)) }
        return record(pairs)
    }

    private mutating func record(_ pairs: [(SourceLocation, SourceLocation)]) -> Bool {
        for (old, new) in pairs {
            if let earlier = moved[old], earlier != new { return false }
            moved[old] = new
        }
        return true
    }

    /// The diagnostic with its places in edited files moved; nil when one of them is not known.
    func apply(to diagnostic: Diagnostic, editedFiles: Set<String>) -> Diagnostic? {
        var failed = false
        func move(_ location: SourceLocation?) -> SourceLocation? {
            guard let location, editedFiles.contains(location.file) else { return location }
            guard let new = moved[location] else { failed = true; return nil }
            return new
        }
        var d = diagnostic
        d.location = move(d.location)
        d.end = move(d.end)
        for n in d.notes.indices { d.notes[n].location = move(d.notes[n].location) }
        return failed ? nil : d
    }
}
