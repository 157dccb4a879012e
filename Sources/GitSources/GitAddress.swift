/// What meshport accepts as a `git:` URL and a `ref:`, and how it shows them: the values come from
/// mesh.yaml and go to git as arguments, so anything that could read as an option or a refspec is refused.
public enum GitAddress {
    static let schemes: Set<String> = ["https", "http", "ssh", "git", "file", "git+ssh", "ssh+git"]

    /// Why `url` cannot be fetched, or nil when it is a URL git can fetch.
    public static func problem(url: String) -> String? {
        if url.isEmpty { return "the git URL is empty" }
        if url.hasPrefix("-") { return "a git URL cannot start with '-'" }
        if url.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0 == " " }) {
            return "a git URL cannot contain spaces or control characters"
        }
        // `transport::address` runs a remote helper (`ext::` runs any command): never from mesh.yaml.
        if let helper = url.range(of: "::"), !url[..<helper.lowerBound].contains("/") {
            return "meshport fetches https, http, ssh, git and file URLs, not '\(url[..<helper.lowerBound])::' remote helpers"
        }
        if let scheme = scheme(of: url) {
            return schemes.contains(scheme.lowercased()) ? nil
                : "meshport fetches https, http, ssh, git and file URLs, not '\(scheme)'"
        }
        if isSCPLike(url) { return nil }
        return "'\(url)' is not a URL: write https://…, ssh://…, user@host:path, or file:///… for a local repository (a folder is a `path:` source)"
    }

    /// Why `ref` is not a branch, tag or commit name, or nil when it is one.
    public static func problem(ref: String) -> String? {
        let forbidden: [String] = ["..", "@{", "//", "\\", ":", "^", "~", "?", "*", "["]
        if ref.isEmpty { return "the ref is empty" }
        if ref.hasPrefix("-") || ref.hasPrefix("/") || ref.hasSuffix("/") || ref.hasSuffix(".") || ref.hasSuffix(".lock")
            || forbidden.contains(where: ref.contains)
            || ref.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0 == " " }) {
            return "'\(ref)' is not a branch, tag or commit name"
        }
        return nil
    }

    /// A full commit id (SHA-1 or SHA-256): fixed, so a cached copy never needs fetching again.
    public static func isCommitID(_ ref: String) -> Bool {
        (ref.count == 40 || ref.count == 64) && ref.allSatisfy(\.isHexDigit)
    }

    /// The URL as pages and diagnostics may show it: a user name and password or token in an
    /// http(s) URL are removed.
    public static func redacted(_ url: String) -> String {
        guard let scheme = scheme(of: url), ["http", "https"].contains(scheme.lowercased()) else { return url }
        let rest = url.dropFirst(scheme.count + 3)
        let authorityEnd = rest.firstIndex(of: "/") ?? rest.endIndex
        guard let at = rest[..<authorityEnd].lastIndex(of: "@") else { return url }
        return scheme + "://" + rest[rest.index(after: at)...]
    }

    /// The web page of a repository on github.com or gitlab.com, from its https or ssh URL.
    public static func webURL(_ url: String) -> String? {
        var hostAndPath: Substring
        // `transport::address` runs a remote helper (`ext::` runs any command): never from mesh.yaml.
        if let helper = url.range(of: "::"), !url[..<helper.lowerBound].contains("/") {
            return "meshport fetches https, http, ssh, git and file URLs, not '\(url[..<helper.lowerBound])::' remote helpers"
        }
        if let scheme = scheme(of: url) {
            guard ["https", "http", "ssh", "git+ssh", "ssh+git"].contains(scheme.lowercased()) else { return nil }
            hostAndPath = url.dropFirst(scheme.count + 3)
            if let at = hostAndPath.firstIndex(of: "@"), at < (hostAndPath.firstIndex(of: "/") ?? hostAndPath.endIndex) {
                hostAndPath = hostAndPath[hostAndPath.index(after: at)...]
            }
        } else if isSCPLike(url) {
            let afterUser = url.firstIndex(of: "@").map { url[url.index(after: $0)...] } ?? url[...]
            hostAndPath = Substring(afterUser.replacingOccurrences(of: ":", with: "/", options: [], range: afterUser.range(of: ":")))
        } else {
            return nil
        }
        guard let slash = hostAndPath.firstIndex(of: "/") else { return nil }
        let host = hostAndPath[..<slash].lowercased().split(separator: ":").first.map(String.init) ?? ""
        guard host == "github.com" || host == "gitlab.com" else { return nil }
        var path = String(hostAndPath[hostAndPath.index(after: slash)...])
        if path.hasSuffix("/") { path.removeLast() }
        if path.hasSuffix(".git") { path.removeLast(4) }
        return path.isEmpty ? nil : "https://\(host)/\(path)"
    }

    /// The "edit this page" pattern for a repository's web page on GitHub or GitLab (gitlab.com or a
    /// host whose name contains "gitlab"), nil for other hosts.
    public static func editPattern(webURL: String) -> String? {
        let lower = webURL.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") else { return nil }
        let base = webURL.hasSuffix("/") ? String(webURL.dropLast()) : webURL
        let host = lower.split(separator: "/").dropFirst().first.map(String.init) ?? ""
        if host == "github.com" { return base + "/edit/{ref}/{path}" }
        if host.contains("gitlab") { return base + "/-/edit/{ref}/{path}" }
        return nil
    }

    static func scheme(of url: String) -> String? {
        guard let range = url.range(of: "://") else { return nil }
        let scheme = url[..<range.lowerBound]
        guard !scheme.isEmpty, scheme.allSatisfy({ $0.isLetter || $0.isNumber || "+-.".contains($0) }) else { return nil }
        return String(scheme)
    }

    /// `git@github.com:acme/sales.git`: a host (maybe with a user), a colon, a path; no slash before the colon.
    static func isSCPLike(_ url: String) -> Bool {
        guard let colon = url.firstIndex(of: ":") else { return false }
        let host = url[..<colon]
        return !host.isEmpty && !host.contains("/") && url.index(after: colon) < url.endIndex
    }
}
