/// URLs taken from manifests reach a page only when they are web or mail links; anything else
/// (javascript:, data:, file:) is shown as text, never as a link.
enum SafeURL {
    static func href(_ url: String?) -> String? {
        guard let url = url?.trimmingWhitespace(), !url.isEmpty else { return nil }
        let lower = url.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") || lower.hasPrefix("mailto:") else { return nil }
        return url
    }
}
