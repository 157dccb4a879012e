import MeshModel

/// Where a file of a product's doc tree is published. The doc tree is the manifest's folder and
/// everything below it; a leading `docs/` folder is dropped from URLs, `.md` becomes `.html`.
enum DocPlacement {
    /// The product whose folder is the nearest ancestor of `file`.
    static func owner(of file: String, productsByFolder: [String: Int]) -> Int? {
        var folder = file.parentPath
        while true {
            if let p = productsByFolder[folder] { return p }
            if folder.isEmpty { return nil }
            folder = folder.parentPath
        }
    }

    /// `file` relative to the product folder, without a leading `docs/`.
    static func treePath(of file: String, productFolder: String) -> String {
        var rel = productFolder.isEmpty ? file : String(file.dropFirst(productFolder.count + 1))
        if rel.hasPrefix("docs/") { rel.removeFirst(5) }
        return rel
    }

    static func isLandingName(_ treePath: String) -> Bool {
        ["readme.md", "index.md", "readme.markdown", "index.markdown"].contains(treePath.lowercased())
    }

    /// "guides/Backfill Guide.md" -> "guides/backfill-guide.html".
    static func pagePath(forTreePath treePath: String) -> String {
        var parts = treePath.split(separator: "/").map(String.init)
        guard let last = parts.popLast() else { return "index.html" }
        let stem = last.split(separator: ".").dropLast().joined(separator: ".")
        return (parts.map(Slug.make) + [Slug.make(stem) + ".html"]).joined(separator: "/")
    }
}
