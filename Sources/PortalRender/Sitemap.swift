/// sitemap.xml. Sitemaps want absolute URLs, so page paths are joined to `baseURL`.
enum Sitemap {
    static func xml(pages: [String], baseURL: String) -> String {
        let base = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for page in pages.sorted() {
            let path = page.hasSuffix("index.html") ? String(page.dropLast("index.html".count)) : page
            out += "  <url><loc>\(HTMLText.escape(base + path))</loc></url>\n"
        }
        return out + "</urlset>\n"
    }
}
