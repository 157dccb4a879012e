import Foundation
import MeshModel

/// Places every Markdown doc under its product, publishes the images it uses, and resolves every
/// link it makes: relative `.md` links, `product:`, `domain:` and `team:` links, and `#anchors`.
enum DocLinker {
    static func link(_ mesh: inout LinkedMesh, documents: [MarkdownDocument], assets: [AssetFile], sourceRoots: [String],
                     diagnostics: inout [Diagnostic]) {
        let productsByFolder = productsByFolder(mesh)

        var docsByFile: [String: Int] = [:]
        var pages: [String: String] = [:]  // page URL -> source file, to find clashes
        let owned = documents.compactMap { doc in
            DocPlacement.owner(of: doc.file, productsByFolder: productsByFolder).map { (doc, $0) }
        }
        // The landing page: docs/README.md before README.md, README before index.
        var landing: [Int: (rank: Int, file: String)] = [:]
        for (doc, p) in owned {
            let rel = DocPlacement.treePath(of: doc.file, productFolder: mesh.products[p].manifest.folder)
            guard DocPlacement.isLandingName(rel) else { continue }
            let inDocs = doc.file.hasPrefix(mesh.products[p].manifest.folder + "/docs/") || mesh.products[p].manifest.folder.isEmpty
            let rank = (inDocs ? 0 : 2) + (rel.lowercased().hasPrefix("readme") ? 0 : 1)
            if landing[p].map({ rank < $0.rank }) ?? true { landing[p] = (rank, doc.file) }
        }
        for (doc, p) in owned {
            let product = mesh.products[p]
            let isLanding = landing[p]?.file == doc.file
            let rel = DocPlacement.treePath(of: doc.file, productFolder: product.manifest.folder)
            let url = isLanding ? product.url : product.folderURL + "/" + DocPlacement.pagePath(forTreePath: rel)
            if let other = pages[url] {
                diagnostics.append(.error("doc.path.duplicate",
                    "this doc would be published at \(url), like \(other); rename one of them",
                    at: SourceLocation(file: doc.file), notes: [.init("the other doc", at: SourceLocation(file: other))]))
                continue
            }
            pages[url] = doc.file
            let title = doc.title ?? (isLanding ? product.name : Self.title(fromFile: rel))
            docsByFile[doc.file] = mesh.docs.count
            mesh.docs.append(DocPage(product: p, document: doc, url: url, isLanding: isLanding, links: [:], title: title))
        }
        // Docs in each product: landing first, then by URL.
        for i in mesh.docs.indices { mesh.products[mesh.docs[i].product].docs.append(i) }
        for p in mesh.products.indices {
            mesh.products[p].docs.sort { a, b in
                (mesh.docs[a].isLanding ? 0 : 1, mesh.docs[a].url) < (mesh.docs[b].isLanding ? 0 : 1, mesh.docs[b].url)
            }
            mesh.products[p].landingDoc = mesh.products[p].docs.first { mesh.docs[$0].isLanding }
            if let landingDoc = mesh.products[p].landingDoc {
                for heading in mesh.docs[landingDoc].document.headings where mesh.products[p].anchors.contains(heading.anchor) {
                    diagnostics.append(.warning("doc.anchor.collision",
                        "heading anchor '#\(heading.anchor)' is also used by the product page; links to it reach the product page's own section",
                        at: SourceLocation(file: mesh.docs[landingDoc].document.file)))
                }
            }
        }

        var assetsByFile: [String: AssetFile] = [:]
        for asset in assets { assetsByFile[asset.file] = asset }
        let resolver = LinkResolver(mesh: mesh, docsByFile: docsByFile, assetsByFile: assetsByFile,
                                    productsByFolder: productsByFolder, sourceRoots: sourceRoots)
        // Docs resolve independently, so over the cores, a resolver copy per run of docs; links,
        // diagnostics and images are then taken in doc order, as one pass would have made them.
        let docs = mesh.docs
        let runs = stride(from: 0, to: docs.count, by: 256).map { $0..<min(docs.count, $0 + 256) }
        let resolved = parallelMap(runs.count) { r in
            var runResolver = resolver
            var runDiagnostics: [Diagnostic] = []
            let links = runs[r].map { resolveLinks(of: docs[$0], with: &runResolver, diagnostics: &runDiagnostics) }
            return (links: links, diagnostics: runDiagnostics, published: runResolver.published)
        }
        var published: [PublishedAsset] = []
        var publishedPaths: Set<String> = []
        for (run, result) in zip(runs, resolved) {
            for (i, links) in zip(run, result.links) { mesh.docs[i].links = links }
            diagnostics += result.diagnostics
            published += result.published.filter { publishedPaths.insert($0.path).inserted }
        }
        mesh.assets = published.sorted { $0.path < $1.path }
    }

    /// Every link a doc makes, each destination once; a broken one is a diagnostic.
    static func resolveLinks(of doc: DocPage, with resolver: inout LinkResolver,
                             diagnostics: inout [Diagnostic]) -> [String: ResolvedLink] {
        var resolved: [String: ResolvedLink] = [:]
        // Each use of a broken or unsafe target is reported; a good one is resolved once.
        for link in doc.document.links where resolved[link.destination].map({ $0 == .dropped }) ?? true {
            switch resolver.resolve(link, in: doc) {
            case .success(let target): resolved[link.destination] = target
            case .failure(let diagnostic): diagnostics.append(diagnostic)
            case .dropped(let diagnostic):
                diagnostics.append(diagnostic)
                resolved[link.destination] = .dropped
            }
        }
        return resolved
    }

    /// Products by the folder that holds their manifest (their doc tree).
    static func productsByFolder(_ mesh: LinkedMesh) -> [String: Int] {
        var byFolder: [String: Int] = [:]
        for (i, p) in mesh.products.enumerated() { byFolder[p.manifest.folder] = i }
        return byFolder
    }

    static func title(fromFile rel: String) -> String {
        let stem = rel.lastPathComponent.split(separator: ".").first.map(String.init) ?? rel
        let words = stem.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }
}
