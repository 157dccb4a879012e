import MeshModel

/// URLs that manifests give readers to follow (support channels, contact points). Only web and mail
/// links are kept (`SafeURL`); any other is left out of the model, with a warning at the value.
enum LinkURL {
    static func read(_ node: YAMLNode?, what: String, diagnostics: inout [Diagnostic]) -> String? {
        guard let node, let text = node.text?.trimmingWhitespace(), !text.isEmpty else { return nil }
        if let url = SafeURL.href(text) { return url }
        let shown = text.count > 80 ? text.prefix(80) + "…" : Substring(text)
        diagnostics.append(.warning("url.scheme.unsafe",
            "\(what) '\(shown)' is not an http, https or mailto URL, so the portal leaves it out",
            at: node.location))
        return nil
    }
}
