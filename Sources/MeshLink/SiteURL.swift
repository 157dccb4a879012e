/// The portal's URL scheme (DESIGN.md), as paths relative to the site root.
/// Pages always link relatively, so a site works under any base path and from file://.
public enum SiteURL {
    public static let home = "index.html"
    public static let notFound = "404.html"
    public static let governance = "governance/index.html"
    public static let lineage = "lineage/index.html"
    public static func domain(_ slug: String) -> String { "domains/\(slug)/index.html" }
    public static func team(_ slug: String) -> String { "teams/\(slug)/index.html" }
    public static func productFolder(domain: String, product: String) -> String { "products/\(domain)/\(product)" }
    public static func product(domain: String, product: String) -> String {
        "\(productFolder(domain: domain, product: product))/index.html"
    }

    /// The relative URL that leads from the page at `from` to `to` (both site-root relative).
    public static func relative(from: String, to: String) -> String {
        // Over UTF-8 (every page computes many of these); `/` never occurs inside a multi-byte character.
        let fromDirs = from.utf8.split(separator: 0x2F).dropLast()
        let toParts = to.utf8.split(separator: 0x2F, omittingEmptySubsequences: false)
        var common = 0
        while common < fromDirs.count, common < toParts.count - 1,
              fromDirs[fromDirs.startIndex + common].elementsEqual(toParts[common]) {
            common += 1
        }
        var out = String(repeating: "../", count: fromDirs.count - common)
        for (i, part) in toParts[common...].enumerated() {
            if i > 0 { out += "/" }
            out += Substring(part)
        }
        return out
    }

    /// "../../" for a page two folders deep: the way back to the site root.
    public static func root(from page: String) -> String {
        String(repeating: "../", count: page.split(separator: "/").count - 1)
    }
}
