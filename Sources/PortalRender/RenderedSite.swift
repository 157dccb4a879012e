/// The whole site in memory: every output file's bytes by its path relative to the site root. What
/// tests and `SiteRenderer.render(_:governance:)` give; `meshport build` streams the files instead.
public struct RenderedSite: Sendable {
    public var files: [String: [UInt8]]
    public init(files: [String: [UInt8]] = [:]) { self.files = files }
    public var paths: [String] { files.keys.sorted() }

    /// Takes in files as the Render stage hands them on; a later file for a path replaces an earlier one.
    public mutating func add(_ batch: [SiteFile]) {
        for file in batch { files[file.path] = file.bytes }
    }
}
