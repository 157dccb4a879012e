/// One file of the site as the Render stage hands it on: where it goes, relative to the site root, and its bytes.
public struct SiteFile: Sendable {
    public var path: String
    public var bytes: [UInt8]
    /// The supplement that made it; nil for a page.
    public var supplement: PageRenderer.Supplement?

    public init(path: String, bytes: [UInt8], supplement: PageRenderer.Supplement? = nil) {
        self.path = path
        self.bytes = bytes
        self.supplement = supplement
    }
}
