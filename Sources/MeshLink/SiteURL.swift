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
        let fromDirs = from.split(separator: "/").dropLast()
        let toParts = to.split(separator: "/", omittingEmptySubsequences: false)
        var common = 0
        while common < fromDirs.count, common < toParts.count - 1, fromDirs[fromDirs.startIndex + common] == toParts[common] {
            common += 1
        }
        let ups = Array(repeating: "..", count: fromDirs.count - common)
        let rest = toParts[common...].map(String.init)
        return (ups + rest).joined(separator: "/")
    }

    /// "../../" for a page two folders deep: the way back to the site root.
    public static func root(from page: String) -> String {
        String(repeating: "../", count: page.split(separator: "/").count - 1)
    }
}
