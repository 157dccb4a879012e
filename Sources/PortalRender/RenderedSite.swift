/// The Render stage's result: every output file's bytes by its path relative to the site root.
public struct RenderedSite: Sendable {
    public var files: [String: [UInt8]]
    public init(files: [String: [UInt8]] = [:]) { self.files = files }
    public var paths: [String] { files.keys.sorted() }
}
