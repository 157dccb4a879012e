import Foundation
import GitSources
import MeshModel

/// Turns `mesh.yaml`'s sources into the folders the loader reads and where each comes from: folder
/// sources as they are on disk, `git:` sources fetched into the cache (all at once, in parallel), and,
/// where git history is available and wanted, the last commit that touched every file.
struct SourceResolver {
    struct Resolved {
        /// Folders to read, relative to the mesh folder, in the order of `sources`, each once.
        var roots: [String] = []
        /// One per root, in the same order.
        var origins: [SourceOrigin] = []
        var diagnostics: [Diagnostic] = []
    }

    /// A root and what it came from, before git is asked about its history.
    private struct Plan: Sendable {
        var root: String
        var source: MeshConfig.Source
        var checkout: GitCache.Checkout?
    }

    let meshDirectory: URL
    let options: SourceOptions
    let discovery: SourceDiscovery
    /// Roots of bundled repositories (`build --bundles`): folder sources match them as they match folders.
    var bundled: [String] = []

    /// With MESHPORT_TIMINGS set, says on standard error how long fetching and reading history took
    /// (scripts/bench-git-sources reports it).
    func resolve(_ config: MeshConfig) -> Resolved {
        var resolved = Resolved()
        let clock = ContinuousClock(), started = clock.now
        let outcomes = fetchGitSources(config)
        let fetched = clock.now
        var plans: [Plan] = []
        func add(_ root: String, _ source: MeshConfig.Source, _ checkout: GitCache.Checkout? = nil) {
            guard !plans.contains(where: { $0.root == root }) else { return }
            plans.append(Plan(root: root, source: source, checkout: checkout))
        }
        for source in config.sources {
            guard let git = source.git else {
                let (matches, problems) = discovery.roots(of: source, bundled: bundled)
                resolved.diagnostics += problems
                matches.forEach { add($0, source) }
                continue
            }
            if let checkout = checkout(source, git, outcomes[request(source, git)], diagnostics: &resolved.diagnostics) {
                add(RelativePath.of(checkout.folder, from: meshDirectory), source, checkout.checkout)
            }
        }
        let origins = boundedParallelMap(plans, width: 4) { plan in origin(of: plan) }
        resolved.roots = plans.map(\.root)
        resolved.origins = origins.map(\.0)
        resolved.diagnostics += origins.compactMap(\.1)
        if ProcessInfo.processInfo.environment["MESHPORT_TIMINGS"] != nil {
            let seconds = { (d: Duration) in Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18 }
            FileHandle.standardError.write(Data(("sources: \(outcomes.count) git, \(plans.count) folders, fetch \(seconds(fetched - started)) s, "
                + "history \(seconds(clock.now - fetched)) s\n").utf8))
        }
        return resolved
    }

    /// A git source's folder (its subpath in the checkout), or nil with an error; a stale copy gets a warning.
    private func checkout(_ source: MeshConfig.Source, _ git: MeshConfig.GitLocation, _ outcome: GitCache.Outcome?,
                          diagnostics: inout [Diagnostic]) -> (folder: URL, checkout: GitCache.Checkout)? {
        let shown = GitAddress.redacted(git.url)
        let refText = git.ref.map { " (ref '\($0)')" } ?? ""
        let checkout: GitCache.Checkout
        switch outcome ?? .failed("it was not fetched") {
        case .ready(let ready):
            checkout = ready
        case .cached(let cached, let fetchError):
            checkout = cached
            diagnostics.append(.warning("config.source.git.stale",
                "cannot fetch \(shown)\(refText): \(redact(fetchError, git.url)); building from the cached copy at commit \(cached.commit.prefix(12))",
                at: source.location))
        case .failed(let message):
            diagnostics.append(.error("config.source.git.fetch", "cannot fetch \(shown)\(refText): \(redact(message, git.url))", at: source.location))
            return nil
        }
        switch subpathFolder(git.subpath, in: checkout.folder) {
        case .success(let folder):
            return (folder, checkout)
        case .failure(let problem):
            diagnostics.append(.error("config.source.git.subpath", "\(problem.message) in \(shown) at commit \(checkout.commit.prefix(12))",
                                      at: source.location))
            return nil
        }
    }

    private func request(_ source: MeshConfig.Source, _ git: MeshConfig.GitLocation) -> GitCache.Request {
        GitCache.Request(url: git.url, ref: git.ref, history: source.history ?? true)
    }

    private func fetchGitSources(_ config: MeshConfig) -> [GitCache.Request: GitCache.Outcome] {
        let requests = config.sources.compactMap { source in source.git.map { request(source, $0) } }
        guard !requests.isEmpty else { return [:] }
        return GitCache(directory: options.cache(for: meshDirectory), offline: options.offline, git: options.git).fetch(requests)
    }

    /// The subpath's folder inside a checkout; it must be a real folder there, not a link out of it.
    private func subpathFolder(_ subpath: String, in checkout: URL) -> Result<URL, GitProblem> {
        let folder = subpath.isEmpty ? checkout : checkout.appendingPathComponent(subpath)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return .failure(GitProblem(message: "subpath '\(subpath)' is not a folder"))
        }
        let inside = RelativePath.of(folder, from: checkout)
        guard inside == subpath else { return .failure(GitProblem(message: "subpath '\(subpath)' leads out of the repository")) }
        return .success(folder)
    }

    /// Git's messages may repeat the URL with its credentials.
    private func redact(_ message: String, _ url: String) -> String {
        message.replacingOccurrences(of: url, with: GitAddress.redacted(url))
    }

    /// Where a root's files come from, and a warning when history was wanted but cannot be had.
    private func origin(of plan: Plan) -> (SourceOrigin, Diagnostic?) {
        let source = plan.source
        var origin = SourceOrigin(root: plan.root, repoURL: source.repoURL, editURL: source.editURL)
        let history = GitHistory(git: options.git)
        if let git = source.git, let checkout = plan.checkout {
            origin.gitURL = GitAddress.redacted(git.url)
            origin.ref = git.ref
            origin.branch = checkout.branch
            origin.commit = checkout.commit
            origin.repositoryPrefix = git.subpath.isEmpty ? "" : git.subpath + "/"
            origin.repoURL = source.repoURL ?? GitAddress.webURL(git.url)
            origin.editURL = source.editURL ?? origin.repoURL.flatMap(GitAddress.editPattern)
            guard options.readsHistory, source.history ?? true else { return (origin, nil) }
            let tree = GitHistory.WorkingTree(top: checkout.folder, prefix: origin.repositoryPrefix, commit: checkout.commit, isShallow: false)
            return record(history.lastChanges(in: tree), into: &origin, source: source)
        }
        let folder = meshDirectory.appendingPathComponent(plan.root)
        // A bundled repository has no folder here, so no history either.
        if bundled.contains(plan.root) { return (origin, nil) }
        let wanted = source.history ?? FileManager.default.fileExists(atPath: folder.appendingPathComponent(".git").path)
        guard options.readsHistory, wanted else { return (origin, nil) }
        switch history.workingTree(containing: folder) {
        case .failure(let problem):
            return (origin, historyWarning(source, "'\(plan.root.isEmpty ? "." : plan.root)' is not in a git working tree with a commit (\(problem.message))"))
        case .success(let tree):
            origin.commit = tree.commit
            origin.repositoryPrefix = tree.prefix
            if tree.isShallow {
                return (origin, historyWarning(source, "'\(plan.root.isEmpty ? "." : plan.root)' is a shallow clone, which lacks the history of its files (in CI, fetch the whole history: fetch-depth: 0 in GitHub Actions, GIT_DEPTH: 0 in GitLab CI)"))
            }
            return record(history.lastChanges(in: tree), into: &origin, source: source)
        }
    }

    private func record(_ changes: Result<[String: FileChange], GitProblem>, into origin: inout SourceOrigin,
                        source: MeshConfig.Source) -> (SourceOrigin, Diagnostic?) {
        switch changes {
        case .success(let byPath):
            let root = origin.root
            origin.lastChanges = Dictionary(uniqueKeysWithValues: byPath.map { (root.isEmpty ? $0 : root + "/" + $0, $1) })
            return (origin, nil)
        case .failure(let problem):
            return (origin, historyWarning(source, "git cannot read the history (\(problem.message))"))
        }
    }

    private func historyWarning(_ source: MeshConfig.Source, _ reason: String) -> Diagnostic {
        .warning("config.source.history", "no last-changed dates for this source: \(reason)", at: source.location)
    }
}
