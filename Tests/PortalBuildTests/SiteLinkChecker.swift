import Foundation
import PortalRender

/// Checks a built site the way a crawler would: every relative `href`/`src` must name a file of
/// the site, every `#fragment` an `id` on the target page, and nothing may be loaded from outside.
struct SiteLinkChecker {
    let site: RenderedSite
    /// Where 404.html's root-relative links point ("/" when the site is published at the root).
    var baseURL = "/"

    func problems() -> [String] {
        var ids: [String: Set<String>] = [:]
        func idsOf(_ path: String) -> Set<String> {
            if let cached = ids[path] { return cached }
            let found = Set(Self.attributes(named: "id", in: text(path)))
            ids[path] = found
            return found
        }
        var problems: [String] = []
        for page in site.paths where page.hasSuffix(".html") {
            let html = text(page)
            for (tag, attribute, value) in Self.references(in: html) {
                let target = value
                if target.hasPrefix("http://") || target.hasPrefix("https://") || target.hasPrefix("//") {
                    if !(tag == "a" && attribute == "href") { problems.append("\(page): loads \(target) from outside the site") }
                    continue
                }
                if target.hasPrefix("mailto:") { continue }
                if let scheme = target.split(separator: ":").first, target.contains(":"),
                   !scheme.contains("/"), !scheme.contains("#") {
                    problems.append("\(page): unexpected scheme in \(target)")
                    continue
                }
                let parts = target.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                let path = parts[0], fragment = parts.count > 1 ? parts[1] : nil
                var resolved: String
                if path.isEmpty {
                    resolved = page
                } else if path.hasPrefix("/") {
                    guard page == "404.html", path.hasPrefix(baseURL) else {
                        problems.append("\(page): root-relative link \(target) breaks under another base path")
                        continue
                    }
                    resolved = String(path.dropFirst(baseURL.count))
                } else {
                    resolved = Self.normalise(page.split(separator: "/").dropLast().joined(separator: "/") + "/" + (path.removingPercentEncoding ?? path))
                }
                if resolved.hasSuffix("/") || resolved.isEmpty { resolved += "index.html" }
                guard site.files[resolved] != nil else {
                    problems.append("\(page): \(attribute)=\"\(target)\" -> \(resolved) does not exist")
                    continue
                }
                if let fragment, !fragment.isEmpty, resolved.hasSuffix(".html"), !idsOf(resolved).contains(fragment) {
                    problems.append("\(page): \(target) -> no id \"\(fragment)\" on \(resolved)")
                }
            }
        }
        return problems
    }

    private func text(_ path: String) -> String { String(decoding: site.files[path] ?? [], as: UTF8.self) }

    /// (tag, attribute, unescaped value) of every href and src in a page.
    static func references(in html: String) -> [(String, String, String)] {
        var out: [(String, String, String)] = []
        let tagPattern = try! NSRegularExpression(pattern: "<([a-zA-Z][a-zA-Z0-9]*)\\b([^>]*)>")
        let attrPattern = try! NSRegularExpression(pattern: "\\s(href|src)=\"([^\"]*)\"")
        let ns = html as NSString
        for tag in tagPattern.matches(in: html, range: NSRange(location: 0, length: ns.length)) {
            let name = ns.substring(with: tag.range(at: 1)).lowercased()
            let attrs = ns.substring(with: tag.range(at: 2))
            let a = attrs as NSString
            for m in attrPattern.matches(in: attrs, range: NSRange(location: 0, length: a.length)) {
                out.append((name, a.substring(with: m.range(at: 1)), unescape(a.substring(with: m.range(at: 2)))))
            }
        }
        return out
    }

    static func attributes(named name: String, in html: String) -> [String] {
        let pattern = try! NSRegularExpression(pattern: "\\s\(name)=\"([^\"]*)\"")
        let ns = html as NSString
        return pattern.matches(in: html, range: NSRange(location: 0, length: ns.length)).map { unescape(ns.substring(with: $0.range(at: 1))) }
    }

    static func unescape(_ s: String) -> String {
        s.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    static func normalise(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/") where part != "." {
            if part == ".." { if !parts.isEmpty { parts.removeLast() } } else { parts.append(part) }
        }
        return parts.joined(separator: "/")
    }
}
