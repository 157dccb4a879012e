import Foundation
import MeshCheck
import MeshLink
import MeshLoad
import MeshModel

/// The Load stage kept file by file between builds, for `meshport serve`: after an edit only the
/// files that changed are read again (and the folders where files came or went listed again), and the
/// mesh is put together in the order a full load reads it, so it equals `MeshLoader.load()`.
/// Each file keeps the hash of its bytes, which page fingerprints are made of, and its schema findings.
public struct IncrementalLoad: Sendable {
    struct File: Sendable {
        var contents: MeshLoader.FileContents
        var root: String
        /// Hash of the file's bytes.
        var bytes: UInt64
        /// Schema findings of its products, its contracts and its entities, in the validator's order.
        var schema: [[Diagnostic]]
        /// Holds an Open Data Mesh descriptor, whose `$ref`s read other files of its repository.
        var followsReferences: Bool
    }

    /// What an update read again, found or lost; `reloaded` when mesh.yaml or the sources changed.
    public struct Change: Sendable, Equatable {
        public var read: [String] = []
        public var added: [String] = []
        public var removed: [String] = []
        public var reloaded = false
        public var isEmpty: Bool { read.isEmpty && added.isEmpty && removed.isEmpty && !reloaded }
    }

    public let loader: MeshLoader
    public private(set) var sources: MeshLoader.Sources
    /// Roots whose `meshport.yaml` is read, in root order.
    private var configRoots: [String]
    /// Input files in reading order.
    private var inputs: [(found: SourceDiscovery.Found, root: String)]
    /// Inputs and repository configurations by path.
    private var files: [String: File] = [:]
    /// By root: the symbolic links that lead out of it, as listing found them.
    private var listingProblems: [String: [Diagnostic]]
    /// Roots that have (or had) a descriptor that follows `$ref`s.
    private var rootsWithDescriptors: Set<String> = []

    /// A full load.
    public init(loader: MeshLoader) throws(MeshLoader.ConfigurationError) {
        self.loader = loader
        sources = try loader.sources()
        let inventory = loader.inventory(sources)
        configRoots = inventory.domainConfigRoots
        inputs = inventory.inputs
        listingProblems = inventory.problems
        let list = inventory.inputs
        let read = parallelMap(list.count) { Self.read(loader, list[$0].found, root: list[$0].root) }
        for file in read { files[file.contents.path] = file }
        for root in configRoots { if let file = Self.readConfig(loader, root: root) { files[file.contents.path] = file } }
        for (path, file) in files { digests[path] = file.bytes }
        rootsWithDescriptors = Set(files.values.filter(\.followsReferences).map(\.root))
        refreshReferenceDigests(in: Set(sources.roots))
    }

    /// The loaded mesh as `MeshLoader.load()` would give it now, and the validator's schema findings
    /// for it (made of each file's own). Kept until files come or go or change more than a doc's text.
    public mutating func assembled() -> (result: MeshLoader.Result, schema: [Diagnostic]) {
        if let assembly { return (assembly.result, assembly.schema) }
        let configs = configRoots.compactMap { files[MeshLoader.domainConfigPath(root: $0)]?.contents }
        // Each root's listing problems come before its files, as in a full load.
        var byRoot = Dictionary(grouping: inputs.compactMap { files[$0.found.path] }, by: \.root)
        var contents = configs
        var order: [String] = []
        for root in sources.roots {
            if let problems = listingProblems[root] { contents.append(MeshLoader.listingProblems(problems, root: root)) }
            let read = byRoot.removeValue(forKey: root) ?? []
            order += read.map(\.contents.path)
            contents += read.map(\.contents)
        }
        let result = MeshLoader.assemble(sources, files: contents)
        var starts: [String: Assembly.Start] = [:]
        var start = Assembly.Start(documents: 0, products: 0, contracts: 0)
        for file in contents {
            starts[file.path] = start
            start.documents += file.part.documents.count
            start.products += file.part.products.count
            start.contracts += file.part.contracts.count
        }
        let assembly = Assembly(result: result, schema: schema(of: order), order: order, starts: starts)
        self.assembly = assembly
        return (result, assembly.schema)
    }

    /// The schema findings of these files: their products', then their contracts', then their entities'.
    private func schema(of order: [String]) -> [Diagnostic] {
        let read = order.compactMap { files[$0] }
        return (0..<3).flatMap { kind in read.flatMap { $0.schema[kind] } }
    }

    /// The last `assembled()`: the input files in the order they were put together, and where each
    /// file's documents, products and contracts start in it.
    private struct Assembly {
        struct Start { var documents, products, contracts: Int }
        var result: MeshLoader.Result
        var schema: [Diagnostic]
        var order: [String]
        var starts: [String: Start]
    }

    private var assembly: Assembly?

    /// Keeps the assembled mesh when files changed only in their values: a doc still one document, a
    /// manifest or contract file still as many products and contracts, each file still with the same
    /// problems. Then it is patched in place; anything else assembles it again when next asked for.
    private mutating func patchAssembly(_ read: [String], previous: [String: File]) {
        guard var current = assembly else { return }
        assembly = nil
        var schemaChanged = false
        for path in read {
            guard let start = current.starts[path], let old = previous[path], let new = files[path],
                  old.contents.diagnostics == new.contents.diagnostics else { return }
            let was = old.contents.part, now = new.contents.part
            if Self.isDocumentOnly(old), Self.isDocumentOnly(new) {
                current.result.mesh.documents[start.documents] = now.documents[0]
            } else if Self.holdsOnlyProductsOrContracts(old), Self.holdsOnlyProductsOrContracts(new),
                      was.products.count == now.products.count, was.contracts.count == now.contracts.count {
                current.result.mesh.products.replaceSubrange(start.products..<start.products + now.products.count, with: now.products)
                current.result.mesh.contracts.replaceSubrange(start.contracts..<start.contracts + now.contracts.count, with: now.contracts)
                schemaChanged = schemaChanged || old.schema != new.schema
            } else {
                return
            }
        }
        if schemaChanged { current.schema = schema(of: current.order) }
        assembly = current
    }

    private static func isDocumentOnly(_ file: File) -> Bool {
        let part = file.contents.part
        return part.documents.count == 1 && part.products.isEmpty && part.contracts.isEmpty && part.entities.isEmpty
            && part.assets.isEmpty && part.domainConfigs.isEmpty
    }

    /// Path (relative to the mesh folder) -> hash of what the file gives the mesh: its bytes, and for a
    /// descriptor that follows `$ref`s, the structured files of its repository too.
    public private(set) var digests: [String: UInt64] = [:]

    /// The Markdown documents of these files; nil unless each is a Markdown input that was read as one.
    public func markdownDocuments(_ paths: [String]) -> [MarkdownDocument]? {
        var documents: [MarkdownDocument] = []
        for path in paths {
            guard let part = files[path]?.contents.part, part.documents.count == 1, part.products.isEmpty,
                  part.contracts.isEmpty, part.entities.isEmpty, part.assets.isEmpty else { return nil }
            documents.append(part.documents[0])
        }
        return documents
    }

    /// The products and contracts of these files, for `MeshLinker.relinking`; nil unless the last `update`
    /// read each again, and before and after it held products or contracts and nothing else, none of
    /// them an Open Data Mesh descriptor (whose `$ref`s read other files).
    public func structuredEdits(_ paths: [String]) -> [MeshLinker.StructuredEdit]? {
        var edits: [MeshLinker.StructuredEdit] = []
        for path in paths {
            guard let old = replaced[path], let new = files[path], Self.holdsOnlyProductsOrContracts(old),
                  Self.holdsOnlyProductsOrContracts(new), !rootsWithDescriptors.contains(new.root) else { return nil }
            edits.append(.init(file: path, products: new.contents.part.products, contracts: new.contents.part.contracts))
        }
        return edits
    }

    private static func holdsOnlyProductsOrContracts(_ file: File) -> Bool {
        let part = file.contents.part
        return !(part.products.isEmpty && part.contracts.isEmpty) && part.entities.isEmpty && part.documents.isEmpty
            && part.assets.isEmpty && part.domainConfigs.isEmpty && !file.followsReferences
    }

    /// What the files the last `update` read again held before.
    private var replaced: [String: File] = [:]

    /// Number of files read (inputs and repository configurations).
    public var fileCount: Int { files.count }

    /// Takes in edits: `paths` are files or folders (relative to the mesh folder) that were written,
    /// created, removed or renamed.
    public mutating func update(_ paths: some Sequence<String>) throws(MeshLoader.ConfigurationError) -> Change {
        let changed = Set(paths.map(\.normalisedPath))
        var change = Change()
        if loader.configuration == nil, changed.contains("mesh.yaml") { return try reload() }
        // The mesh folder, or a folder that holds repositories, changed as a whole (the watcher lost track
        // of what happened in it): read everything again.
        if changed.contains(where: { path in path.isEmpty || sources.roots.contains { $0 != path && $0.isInsideOrEqual(to: path) } }) {
            return try reload()
        }
        let roots = sources.roots
        if changed.contains(where: { path in !roots.contains { path.isInsideOrEqual(to: $0) } && !path.hasPrefix("..") }) {
            // A folder came or went beside the repositories: a glob in mesh.yaml may now match another set.
            let now = try loader.sources()
            if now.roots != roots { return try reload() }
        }
        var rescans: [(root: String, folder: String)] = []
        var reread: Set<String> = []
        for path in changed.sorted() where !Self.isSkipped(path) {
            if let root = roots.first(where: { path == MeshLoader.domainConfigPath(root: $0) }) {
                change.read.append(path)
                rereadConfig(root: root)
                continue
            }
            guard let root = roots.first(where: { path.isInsideOrEqual(to: $0) }) else { continue }
            if files[path] != nil, isRegularFile(path) {
                reread.insert(path)
            } else {
                // A symbolic link: its repository is listed again, as a full load lists it (which folders a
                // link reaches first depends on the whole walk), and the link judged.
                rescans.append((root, isSymbolicLink(path) ? root : isDirectory(path) ? path : path.parentPath))
            }
        }
        if roots.count > 1, roots.contains(where: { a in roots.contains { b in a != b && a.isInsideOrEqual(to: b) } }), !rescans.isEmpty {
            // Nested roots share files (the first root reads them); list everything again rather than guess.
            rescans = roots.map { ($0, $0) }
        }
        for (root, folder) in Self.outermost(rescans) {
            let (added, removed) = rescan(folder, root: root)
            change.added += added
            change.removed += removed
            reread.formUnion(added)
        }
        for path in change.removed { files[path] = nil }
        let list = inputs.filter { reread.contains($0.found.path) }
        let loader = self.loader
        var previous: [String: File] = [:]
        for file in parallelMap(list.count, { Self.read(loader, list[$0].found, root: list[$0].root) }) {
            previous[file.contents.path] = files[file.contents.path]
            files[file.contents.path] = file
            digests[file.contents.path] = file.bytes
            if file.followsReferences { rootsWithDescriptors.insert(file.root) }
        }
        replaced = previous
        change.read += list.map(\.found.path).filter { !change.added.contains($0) }
        if change.added.isEmpty, change.removed.isEmpty, !change.read.contains(where: { $0.hasSuffix(DomainConfigReader.fileName) }) {
            patchAssembly(change.read, previous: previous)
        } else {
            assembly = nil
        }
        // Descriptors read other files of their repository through `$ref`: read them again as well.
        let touched = Set((change.read + change.added + change.removed).compactMap { path in roots.first { path.isInsideOrEqual(to: $0) } })
        let descriptorRoots = touched.intersection(rootsWithDescriptors)
        for (found, root) in descriptorRoots.isEmpty ? [] : inputs
        where descriptorRoots.contains(root) && files[found.path]?.followsReferences == true && !reread.contains(found.path) {
            files[found.path] = Self.read(loader, found, root: root)
            assembly = nil
        }
        refreshReferenceDigests(in: touched)
        for path in change.removed { digests[path] = nil }
        return change
    }

    // MARK: - Reading

    private static func read(_ loader: MeshLoader, _ found: SourceDiscovery.Found, root: String) -> File {
        let contents = loader.readFile(found, root: root)
        var schema: [[Diagnostic]] = [[], [], []]
        if found.role == .structured {
            let part = contents.part
            schema = [MeshValidator.schemaDiagnostics(LoadedMesh(config: part.config, products: part.products)),
                      MeshValidator.schemaDiagnostics(LoadedMesh(config: part.config, contracts: part.contracts)),
                      MeshValidator.schemaDiagnostics(LoadedMesh(config: part.config, entities: part.entities))]
        }
        // An Open Data Mesh descriptor's apiVersion is "dpds-<version>" (DataProductDescriptorReader).
        let follows = contents.part.products.contains { $0.apiVersion.hasPrefix("dpds-") }
        return File(contents: contents, root: root, bytes: hash(loader.meshDirectory, found.path), schema: schema,
                    followsReferences: follows)
    }

    private static func readConfig(_ loader: MeshLoader, root: String) -> File? {
        guard let contents = loader.readDomainConfig(root: root) else { return nil }
        return File(contents: contents, root: root, bytes: hash(loader.meshDirectory, contents.path),
                    schema: [[], [], []], followsReferences: false)
    }

    private static func hash(_ meshDirectory: URL, _ path: String) -> UInt64 {
        var hash = StableHash()
        if let data = FileManager.default.contents(atPath: meshDirectory.appendingPathComponent(path).path) {
            data.withUnsafeBytes { hash.combine($0) }
        } else {
            hash.combine("unreadable")
        }
        return hash.value
    }

    private mutating func reload() throws(MeshLoader.ConfigurationError) -> Change {
        self = try IncrementalLoad(loader: loader)
        return Change(reloaded: true)
    }

    private mutating func rereadConfig(root: String) {
        let path = MeshLoader.domainConfigPath(root: root)
        files[path] = Self.readConfig(loader, root: root)
        digests[path] = files[path]?.bytes
        configRoots = loader.domainConfigRoots(sources)
    }

    /// Lists `folder` again and puts its files where a full listing would have them.
    /// Returns the paths that came and went.
    private mutating func rescan(_ folder: String, root: String) -> (added: [String], removed: [String]) {
        let listing = isInsideSymbolicLink(folder, root: root) ? SourceDiscovery.Listing()
            : sources.discovery.files(in: folder, repository: root)
        let listed = listing.found.filter { found in !sources.roots.contains { found.path == MeshLoader.domainConfigPath(root: $0) } }
        // In listing order: one problem per link, at the link.
        let problems = ((listingProblems[root] ?? []).filter { !($0.location?.file.isInsideOrEqual(to: folder) ?? false) } + listing.diagnostics)
            .sorted { SourceOrder.precedes($0.location?.file ?? "", $1.location?.file ?? "") }
        if problems != listingProblems[root] ?? [] {
            listingProblems[root] = problems.isEmpty ? nil : problems
            assembly = nil
        }
        let under = { (path: String) in path.isInsideOrEqual(to: folder) }
        let before = inputs.filter { $0.root == root && under($0.found.path) }.map(\.found.path)
        inputs.removeAll { $0.root == root && under($0.found.path) }
        let rootRange = inputs.indices.filter { inputs[$0].root == root }
        let position = rootRange.first { SourceOrder.precedes(folder, inputs[$0].found.path) }
            ?? (rootRange.last.map { $0 + 1 } ?? insertionPointForRoot(root))
        inputs.insert(contentsOf: listed.map { ($0, root) }, at: position)
        let now = listed.map(\.path)
        let old = Set(before), new = Set(now)
        return (now.filter { !old.contains($0) }, before.filter { !new.contains($0) })
    }

    /// Where a root with no files yet starts: after the files of the roots before it.
    private func insertionPointForRoot(_ root: String) -> Int {
        let earlier = Set(sources.roots.prefix { $0 != root })
        return (inputs.lastIndex { earlier.contains($0.root) } ?? -1) + 1
    }

    /// Descriptors' digests include their repository's structured files, which their `$ref`s may read.
    private mutating func refreshReferenceDigests(in roots: Set<String>) {
        for root in roots where rootsWithDescriptors.contains(root) {
            let inRoot = inputs.filter { $0.root == root && $0.found.role == .structured }.compactMap { files[$0.found.path] }
            guard inRoot.contains(where: \.followsReferences) else { continue }
            var combined = StableHash()
            for file in inRoot { combined.combine(file.bytes) }
            for file in inRoot where file.followsReferences {
                var hash = combined
                hash.combine(file.bytes)
                digests[file.contents.path] = hash.value
            }
        }
    }

    // MARK: - The file system

    /// Paths a full load never reads: hidden files and folders, `node_modules`, `_site`.
    static func isSkipped(_ path: String) -> Bool {
        path.split(separator: "/").contains { $0.hasPrefix(".") || $0 == "node_modules" || $0 == "_site" }
    }

    /// Folders inside and including `folder` with only their outermost kept.
    static func outermost(_ rescans: [(root: String, folder: String)]) -> [(root: String, folder: String)] {
        var kept: [(root: String, folder: String)] = []
        for rescan in rescans.sorted(by: { $0.folder.count < $1.folder.count })
        where !kept.contains(where: { $0.root == rescan.root && rescan.folder.isInsideOrEqual(to: $0.folder) }) {
            kept.append(rescan)
        }
        return kept
    }

    private func isInsideSymbolicLink(_ folder: String, root: String) -> Bool {
        var path = folder
        while path != root, !path.isEmpty, path != "." {
            let url = loader.meshDirectory.appendingPathComponent(path)
            if (try? url.resourceValues(forKeys: [.isSymbolicLinkKey]))?.isSymbolicLink == true { return true }
            path = path.parentPath
        }
        return false
    }

    private func isRegularFile(_ path: String) -> Bool {
        let values = try? loader.meshDirectory.appendingPathComponent(path).resourceValues(forKeys: [.isRegularFileKey, .isSymbolicLinkKey])
        return values?.isRegularFile == true && values?.isSymbolicLink != true
    }

    private func isSymbolicLink(_ path: String) -> Bool {
        (try? loader.meshDirectory.appendingPathComponent(path).resourceValues(forKeys: [.isSymbolicLinkKey]))?.isSymbolicLink == true
    }

    private func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: loader.meshDirectory.appendingPathComponent(path).path, isDirectory: &isDirectory)
            && isDirectory.boolValue
    }
}

/// The order `SourceDiscovery` lists files in: depth first, names compared byte by byte.
enum SourceOrder {
    /// Whether `a` comes before `b` (a folder before everything inside it).
    static func precedes(_ a: String, _ b: String) -> Bool {
        let x = a.split(separator: "/"), y = b.split(separator: "/")
        for (p, q) in zip(x, y) where p != q {
            return Array(p.utf8).lexicographicallyPrecedes(Array(q.utf8))
        }
        return x.count < y.count
    }
}

extension String {
    /// This path is `folder` or inside it ("" and "." are the mesh folder itself).
    func isInsideOrEqual(to folder: String) -> Bool {
        folder.isEmpty || folder == "." || self == folder || hasPrefix(folder + "/")
    }
}
