/// sitemap.xml. Sitemaps want absolute URLs, so page paths are joined to `baseURL`.
enum Sitemap {
    static func xml(pages: [String], baseURL: String) -> String {
        let base = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for page in pages.sorted() {
            let path = page.hasSuffix("index.html") ? String(page.dropLast("index.html".count)) : page
            out += "  <url><loc>\(XMLText.escape(base + path))</loc></url>\n"
        }
        return out + "</urlset>\n"
    }
}

enum XMLText {
    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for ch in s {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(ch)
            }
        }
        return out
    }
}
