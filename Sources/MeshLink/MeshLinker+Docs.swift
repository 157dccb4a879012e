import MeshModel

extension MeshLinker {
    /// The Link stage again after docs changed only in ways no other page can see: each keeps its
    /// title and headings (what other docs' links and the navigation depend on), uses no image or file
    /// no doc used before, and still uses those it used. Then only those docs' links are resolved again, and the result equals a full
    /// `link`. `linkDiagnostics`: the previous link's diagnostics. Nil when a full link is needed.
    public static func relinking(_ mesh: LinkedMesh, linkDiagnostics: [Diagnostic], documents: [MarkdownDocument],
                                 assets: [AssetFile]) -> (LinkedMesh, [Diagnostic])? {
        var mesh = mesh
        var docsByFile: [String: Int] = [:]
        for (i, doc) in mesh.docs.enumerated() { docsByFile[doc.document.file] = i }
        var changed: [Int] = []
        for document in documents {
            guard let i = docsByFile[document.file], mesh.docs[i].document.title == document.title,
                  mesh.docs[i].document.headings == document.headings else { return nil }
            mesh.docs[i].document = document
            changed.append(i)
        }
        var assetsByFile: [String: AssetFile] = [:]
        for asset in assets { assetsByFile[asset.file] = asset }
        var resolver = LinkResolver(mesh: mesh, docsByFile: docsByFile, assetsByFile: assetsByFile,
                                    productsByFolder: DocLinker.productsByFolder(mesh), sourceRoots: mesh.origins.map(\.root))
        let files = Set(documents.map(\.file))
        var diagnostics = linkDiagnostics.filter { d in !(files.contains(d.location?.file ?? "") && d.rule.hasPrefix("link.")) }
        let published = Set(mesh.assets.map(\.path))
        for i in changed {
            let before = mesh.docs[i].links
            mesh.docs[i].links = DocLinker.resolveLinks(of: mesh.docs[i], with: &resolver, diagnostics: &diagnostics)
            // An image or file no doc used before, or one this doc stops using (perhaps the last to), changes
            // the site's files: link it all.
            let now = Set(resolver.published.map(\.path))
            guard now.isSubset(of: published),
                  sitePaths(before).intersection(published).isSubset(of: sitePaths(mesh.docs[i].links)) else { return nil }
        }
        return (mesh, diagnostics)
    }

    private static func sitePaths(_ links: [String: ResolvedLink]) -> Set<String> {
        Set(links.values.compactMap { if case .site(let path, _) = $0 { path } else { nil } })
    }
}
