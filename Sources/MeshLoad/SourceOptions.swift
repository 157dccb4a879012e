import Foundation
import GitSources

/// How the Load stage gets its sources: where `git:` sources are cached, whether it may fetch, and
/// whether it asks git for each file's last change (a build does; `check` has no pages to show them on).
public struct SourceOptions: Sendable {
    /// The cache folder; nil is `.meshport-cache` in the mesh folder. Fetched sources live in its `git/`.
    public var cacheDirectory: URL?
    /// Build from the cache only, fetching nothing.
    public var offline: Bool
    public var readsHistory: Bool
    public var git: GitRunner

    public init(cacheDirectory: URL? = nil, offline: Bool = false, readsHistory: Bool = true, git: GitRunner = GitRunner()) {
        self.cacheDirectory = cacheDirectory
        self.offline = offline
        self.readsHistory = readsHistory
        self.git = git
    }

    public func cache(for meshDirectory: URL) -> URL {
        (cacheDirectory ?? meshDirectory.appendingPathComponent(CacheFolder.defaultName)).standardizedFileURL
    }
}
