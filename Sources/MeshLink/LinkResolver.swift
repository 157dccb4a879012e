import Foundation
import MeshModel

/// Resolves one link written in a doc to a target in the site, or explains why it is broken.
struct LinkResolver {
    enum Resolution {
        case success(ResolvedLink)
        case failure(Diagnostic)
        /// A link that must not reach a page: it is shown as its text, and the diagnostic says why.
        case dropped(Diagnostic)
    }

    let mesh: LinkedMesh
    let docsByFile: [String: Int]
    let assetsByFile: [String: AssetFile]
    let productsByFolder: [String: Int]
    let productsByKey: [String: Int]
    let domainsBySlug: [String: Domain]
    let teamsBySlug: [String: Team]
    /// The source repositories' folders: a relative link may not lead out of its doc's one.
    let sourceRoots: [String]
    private(set) var published: [PublishedAsset] = []
    private var publishedFiles: Set<String> = []

    init(mesh: LinkedMesh, docsByFile: [String: Int], assetsByFile: [String: AssetFile], productsByFolder: [String: Int],
         sourceRoots: [String]) {
        self.mesh = mesh
        self.sourceRoots = sourceRoots
        self.docsByFile = docsByFile
        self.assetsByFile = assetsByFile
        self.productsByFolder = productsByFolder
        var byKey: [String: Int] = [:]
        for (i, p) in mesh.products.enumerated() { byKey[p.domain + "/" + p.slug] = i }
        productsByKey = byKey
        domainsBySlug = Dictionary(mesh.domains.map { ($0.slug, $0) }, uniquingKeysWith: { a, _ in a })
        teamsBySlug = Dictionary(mesh.teams.map { ($0.slug, $0) }, uniquingKeysWith: { a, _ in a })
    }

    mutating func resolve(_ link: MarkdownDocument.Link, in doc: DocPage) -> Resolution {
        // Judged on the whole target, the way a browser reads it, before anything else looks at it.
        if let scheme = SafeURL.scheme(of: link.destination), !["product", "domain", "team"].contains(scheme),
           !SafeURL.allowedSchemes.contains(scheme) {
            let shown = link.destination.count > 60 ? link.destination.prefix(60) + "…" : Substring(link.destination)
            return .dropped(.warning("link.scheme.unsafe",
                "\(link.kind == .image ? "image" : "link") target '\(shown)' is not an http, https, mailto or mesh link; "
                + "the page shows its text without the \(link.kind == .image ? "image" : "link")", at: link.location))
        }
        let (path, fragment) = split(link.destination)
        if path.isEmpty {
            guard let fragment else { return .success(.external(link.destination)) }
            return checkAnchor(fragment, onPageOf: doc, link: link).map { .success(.fragment(fragment)) } ?? .failure(broken(link, anchor: fragment, page: doc.url))
        }
        if let scheme = SafeURL.scheme(of: path) {
            switch scheme {
            case "product": return resolveProduct(String(path.dropFirst(8)), fragment: fragment, link: link)
            case "domain", "team":
                let name = String(path.dropFirst(scheme.count + 1))
                let slug = Slug.make(name)
                let url = scheme == "domain" ? domainsBySlug[slug]?.url : teamsBySlug[slug]?.url
                guard let url else {
                    let known = scheme == "domain" ? mesh.domains.map(\.slug) : mesh.teams.map(\.slug)
                    return .failure(.error("link.\(scheme).unknown", "no \(scheme) '\(name)' in this mesh (\(link.destination))",
                                           at: link.location, notes: suggestion(slug, among: known)))
                }
                return .success(.site(path: url, fragment: fragment))
            default:
                return .success(.external(link.destination))
            }
        }
        if path.hasPrefix("/") {
            return .failure(.error("link.absolute",
                "absolute path '\(path)' cannot work under every base path; use a relative path or a product: link",
                at: link.location))
        }
        let decoded = path.removingPercentEncoding ?? path
        let target = (doc.document.file.parentPath + "/" + decoded).normalisedPath
        let repository = sourceRoots.filter { doc.document.file.isInside(folder: $0) }.max { $0.count < $1.count } ?? ""
        if !target.isInside(folder: repository) {
            return .failure(.error("link.outside.repository",
                "'\(path)' leads out of the repository \(repository.isEmpty ? "" : "'\(repository)' ")(to \(target)); "
                + "docs may only use files of their own repository (link other products with product:<domain>/<product>)",
                at: link.location))
        }
        if let d = docsByFile[target] {
            let targetDoc = mesh.docs[d]
            if let fragment, checkAnchor(fragment, onPageOf: targetDoc, link: link) == nil {
                return .failure(broken(link, anchor: fragment, page: targetDoc.url))
            }
            return .success(.site(path: targetDoc.url, fragment: fragment))
        }
        if let asset = assetsByFile[target],
           let p = DocPlacement.owner(of: target, productsByFolder: productsByFolder) {
            let product = mesh.products[p]
            let url = product.folderURL + "/" + DocPlacement.treePath(of: target, productFolder: product.manifest.folder)
            if publishedFiles.insert(target).inserted { published.append(PublishedAsset(path: url, bytes: asset.bytes)) }
            return .success(.site(path: url, fragment: fragment))
        }
        if link.kind == .image {
            return .failure(.error("link.image.missing", "image '\(path)' does not exist (looked for \(target))", at: link.location))
        }
        return .failure(.error("link.doc.broken",
            "link target '\(path)' is not a doc or image of a data product (looked for \(target))", at: link.location))
    }

    private func resolveProduct(_ rest: String, fragment: String?, link: MarkdownDocument.Link) -> Resolution {
        let parts = rest.split(separator: "/", maxSplits: 2).map(String.init)
        guard parts.count >= 2 else {
            return .failure(.error("link.product.unknown", "product links take the form product:<domain>/<product>[/<doc>] (\(link.destination))",
                                   at: link.location))
        }
        let domain = Slug.make(parts[0]), slug = Slug.make(parts[1])
        guard let p = productsByKey[domain + "/" + slug] else {
            let candidates = mesh.products.map { "\($0.domain)/\($0.slug)" }
            return .failure(.error("link.product.unknown", "no product '\(parts[0])/\(parts[1])' in this mesh (\(link.destination))",
                                   at: link.location, notes: suggestion("\(domain)/\(slug)", among: candidates)))
        }
        let product = mesh.products[p]
        var page = product.landingDoc.map { mesh.docs[$0] }
        var url = product.url
        if parts.count == 3, !parts[2].isEmpty {
            let wanted = parts[2]
            let match = product.docs.map { mesh.docs[$0] }.first { doc in
                let rel = DocPlacement.treePath(of: doc.document.file, productFolder: product.manifest.folder)
                let full = String(doc.document.file.dropFirst(product.manifest.folder.count + 1))
                let page = String(doc.url.dropFirst(product.folderURL.count + 1))
                return [rel, full, page, String(page.dropLast(5)), String(rel.split(separator: ".").first ?? "")].contains(wanted)
            }
            guard let match else {
                return .failure(.error("link.doc.broken", "product \(domain)/\(slug) has no doc '\(wanted)' (\(link.destination))",
                                       at: link.location))
            }
            page = match
            url = match.url
        }
        if let fragment {
            let found = page.flatMap { checkAnchor(fragment, onPageOf: $0, link: link) } != nil
                || (url == product.url && product.anchors.contains(fragment))
            if !found { return .failure(broken(link, anchor: fragment, page: url)) }
        }
        return .success(.site(path: url, fragment: fragment))
    }

    /// Non-nil when the anchor exists on the page that shows `doc`.
    private func checkAnchor(_ fragment: String, onPageOf doc: DocPage, link: MarkdownDocument.Link) -> Void? {
        if doc.document.headings.contains(where: { $0.anchor == fragment }) { return () }
        if doc.isLanding, mesh.products[doc.product].anchors.contains(fragment) { return () }
        return nil
    }

    private func broken(_ link: MarkdownDocument.Link, anchor: String, page: String) -> Diagnostic {
        .error("link.anchor.broken", "no heading or anchor '#\(anchor)' on \(page) (\(link.destination))", at: link.location)
    }

    private func suggestion(_ wanted: String, among candidates: [String]) -> [Diagnostic.Note] {
        guard let best = candidates.min(by: { EditDistance.between($0, wanted) < EditDistance.between($1, wanted) }),
              EditDistance.between(best, wanted) <= max(2, wanted.count / 3) else { return [] }
        return [.init("did you mean '\(best)'?")]
    }

    private func split(_ destination: String) -> (String, String?) {
        guard let hash = destination.firstIndex(of: "#") else { return (destination, nil) }
        return (String(destination[..<hash]), String(destination[destination.index(after: hash)...]))
    }
}
