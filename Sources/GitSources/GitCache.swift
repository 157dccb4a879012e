import Foundation

/// meshport's copies of `git:` sources, under `<cache>/git/`: one repository per URL, fetched with
/// `--filter=blob:none` (every commit and tree for history, file contents only as checked out) or,
/// without history, `--depth 1`; and one checked-out folder per ref, reused and moved on each run.
///
///     <cache>/git/sales-domain-3f2a9c01d4e8/repo.git        the fetched repository
///     <cache>/git/sales-domain-3f2a9c01d4e8/main-5d41402a   the files of ref "main"
public struct GitCache: Sendable {
    public struct Request: Sendable, Hashable {
        public var url: String
        /// Branch, tag or commit; nil is the remote's default branch.
        public var ref: String?
        /// Fetch the commit history too (for last-changed dates), not just the one commit.
        public var history: Bool
        public init(url: String, ref: String?, history: Bool) {
            self.url = url
            self.ref = ref
            self.history = history
        }
    }

    public struct Checkout: Sendable, Hashable {
        /// The checked-out files.
        public var folder: URL
        public var commit: String
        /// The ref, or the remote's default branch when no ref was given.
        public var branch: String?
    }

    public enum Outcome: Sendable {
        case ready(Checkout)
        /// Fetching failed, and the copy from an earlier run is used: git's message says why.
        case cached(Checkout, fetchError: String)
        case failed(String)
    }

    public let directory: URL
    public let offline: Bool
    public let git: GitRunner
    /// How many repositories are fetched at once.
    public let width: Int

    public init(directory: URL, offline: Bool = false, git: GitRunner = GitRunner(), width: Int = 4) {
        self.directory = directory.standardizedFileURL
        self.offline = offline
        self.git = git
        self.width = width
    }

    var gitDirectory: URL { directory.appendingPathComponent("git") }

    /// Fetches every request, repositories in parallel; requests for one repository one after another.
    public func fetch(_ requests: [Request]) -> [Request: Outcome] {
        let unique = Array(Set(requests)).sorted { ($0.url, $0.ref ?? "", $0.history ? 1 : 0) < ($1.url, $1.ref ?? "", $1.history ? 1 : 0) }
        let groups = Dictionary(grouping: unique) { RepositoryKey(url: $0.url, history: $0.history) }
        let keys = groups.keys.sorted { ($0.url, $0.history ? 1 : 0) < ($1.url, $1.history ? 1 : 0) }
        // An offline run only reads the cache; it never makes one.
        if !offline, !keys.isEmpty, let problem = CacheFolder.prepare(directory) {
            return Dictionary(uniqueKeysWithValues: unique.map { ($0, Outcome.failed(problem)) })
        }
        let outcomes = boundedParallelMap(keys, width: width) { key -> [(Request, Outcome)] in
            let requests = groups[key, default: []]
            switch self.repository(for: key) {
            case .success(let repository): return requests.map { ($0, self.fetch($0, into: repository)) }
            case .failure(let problem): return requests.map { ($0, .failed(problem.message)) }
            }
        }
        return Dictionary(uniqueKeysWithValues: outcomes.flatMap { $0 })
    }

    struct RepositoryKey: Sendable, Hashable {
        var url: String
        var history: Bool
        var folderName: String {
            let name = url.split(whereSeparator: { "/:".contains($0) }).last.map(String.init) ?? "repository"
            let base = name.hasSuffix(".git") ? String(name.dropLast(4)) : name
            return Self.slug(base) + "-" + CacheFolder.hash(url) + (history ? "" : "-shallow")
        }
        static func slug(_ text: String) -> String {
            let kept = text.lowercased().map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "-" }
            let slug = String(kept).split(separator: "-").prefix(6).joined(separator: "-")
            return slug.isEmpty ? "repository" : String(slug.prefix(40))
        }
    }

    /// One URL's folder in the cache: the repository and, beside it, a checked-out folder per ref.
    struct Repository {
        var folder: URL
        var repo: URL { folder.appendingPathComponent("repo.git") }
    }

    /// The repository folder of a key, made and pointed at its URL when new.
    private func repository(for key: RepositoryKey) -> Result<Repository, GitProblem> {
        let repository = Repository(folder: gitDirectory.appendingPathComponent(key.folderName))
        if FileManager.default.fileExists(atPath: repository.repo.appendingPathComponent("HEAD").path) { return .success(repository) }
        if offline { return .failure(GitProblem(message: notCached)) }
        try? FileManager.default.removeItem(at: repository.folder)
        do {
            try FileManager.default.createDirectory(at: repository.folder, withIntermediateDirectories: true)
        } catch {
            return .failure(GitProblem(message: "cannot create the cache folder \(repository.folder.path)"))
        }
        let made = git.run(["init", "--quiet", "--bare", repository.repo.path], ceiling: repository.folder)
        let pointed = made.succeeded ? git.run(["config", "remote.origin.url", key.url], in: repository.repo, ceiling: repository.repo) : made
        guard pointed.succeeded else {
            try? FileManager.default.removeItem(at: repository.folder)
            return .failure(GitProblem(message: pointed.message))
        }
        return .success(repository)
    }

    private var notCached: String { "it is not in the cache \(directory.path) (--offline: nothing is fetched)" }

    private func fetch(_ request: Request, into repository: Repository) -> Outcome {
        let repo = repository.repo
        let key = CacheFolder.hash(request.ref ?? "")
        let localRef = "refs/meshport/" + key
        let isCommit = request.ref.map(GitAddress.isCommitID) ?? false
        let revision = isCommit ? request.ref! : localRef
        var fetchError: String?
        // A commit id never moves: once cached, there is nothing to fetch.
        if !offline && !(isCommit && resolve(revision, in: repo) != nil) {
            fetchError = update(localRef, request: request, repo: repo)
        }
        guard let commit = resolve(revision, in: repo) else { return .failed(fetchError ?? notCached) }
        let folder = repository.folder.appendingPathComponent(RepositoryKey.slug(request.ref ?? "default") + "-" + key)
        if let problem = checkOut(commit, into: folder, repo: repo) { return .failed(fetchError ?? problem) }
        let checkout = Checkout(folder: folder, commit: commit, branch: request.ref ?? storedDefaultBranch(repo))
        return fetchError.map { .cached(checkout, fetchError: $0) } ?? .ready(checkout)
    }

    /// Fetches the ref into `localRef`; returns git's message when that fails.
    private func update(_ localRef: String, request: Request, repo: URL) -> String? {
        var source = request.ref ?? ""
        if request.ref == nil {
            // The remote's default branch, by name: edit links need it, and offline runs find it again.
            let remote = git.run(["ls-remote", "--symref", "origin", "HEAD"], in: repo, ceiling: repo)
            guard remote.succeeded else { return remote.message }
            guard let line = remote.output.split(separator: "\n").first(where: { $0.hasPrefix("ref: refs/heads/") }),
                  let branch = line.dropFirst("ref: refs/heads/".count).split(separator: "\t").first else {
                return "the repository has no default branch (name a branch with ref:)"
            }
            source = "refs/heads/" + branch
            _ = git.run(["config", "meshport.defaultBranch", String(branch)], in: repo, ceiling: repo)
        }
        let depth = request.history ? "--filter=blob:none" : "--depth=1"
        let result = git.run(["fetch", "--quiet", "--no-tags", depth, "origin", "+\(source):\(localRef)"], in: repo, ceiling: repo)
        return result.succeeded ? nil : result.message
    }

    private func resolve(_ revision: String, in repo: URL) -> String? {
        let result = git.run(["rev-parse", "--verify", "--quiet", revision + "^{commit}"], in: repo, ceiling: repo)
        let commit = result.output.trimmingCharacters(in: .whitespacesAndNewlines)
        return result.succeeded && !commit.isEmpty ? commit : nil
    }

    private func storedDefaultBranch(_ repo: URL) -> String? {
        let result = git.run(["config", "--get", "meshport.defaultBranch"], in: repo, ceiling: repo)
        let branch = result.output.trimmingCharacters(in: .whitespacesAndNewlines)
        return result.succeeded && !branch.isEmpty ? branch : nil
    }

    /// Makes `folder` hold exactly `commit`'s files: a worktree of the cached repository.
    private func checkOut(_ commit: String, into folder: URL, repo: URL) -> String? {
        let fm = FileManager.default
        let group = folder.deletingLastPathComponent()
        if fm.fileExists(atPath: folder.appendingPathComponent(".git").path) {
            let head = git.run(["rev-parse", "--verify", "HEAD"], in: folder, ceiling: group)
            if head.succeeded && head.output.trimmingCharacters(in: .whitespacesAndNewlines) == commit { return nil }
            let moved = git.run(["checkout", "--quiet", "--force", "--detach", commit], in: folder, ceiling: group)
            if moved.succeeded, git.run(["clean", "-ffdxq"], in: folder, ceiling: group).succeeded { return nil }
            if offline { return moved.message }
        }
        // Missing or broken: start the folder again.
        try? fm.removeItem(at: folder)
        _ = git.run(["worktree", "prune"], in: repo, ceiling: repo)
        let added = git.run(["worktree", "add", "--quiet", "--force", "--detach", folder.path, commit], in: repo, ceiling: repo)
        return added.succeeded ? nil : added.message
    }
}
