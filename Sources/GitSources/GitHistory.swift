import Foundation
import MeshModel

/// What git knows about a folder's files: the repository around it, the commit it is at, and the
/// last commit that touched each file.
public struct GitHistory: Sendable {
    /// A folder inside a git working tree.
    public struct WorkingTree: Sendable, Hashable {
        /// The working tree's top folder.
        public var top: URL
        /// Where the folder lies inside it: "" or "some/folder/".
        public var prefix: String
        public var commit: String
        /// A shallow clone lacks the history that last-changed dates come from.
        public var isShallow: Bool
        public init(top: URL, prefix: String, commit: String, isShallow: Bool) {
            self.top = top
            self.prefix = prefix
            self.commit = commit
            self.isShallow = isShallow
        }
    }

    public let git: GitRunner

    public init(git: GitRunner = GitRunner()) {
        self.git = git
    }

    /// The working tree around `folder`, or git's message when there is none (or no commit yet).
    public func workingTree(containing folder: URL) -> Result<WorkingTree, GitProblem> {
        let result = git.run(["rev-parse", "--is-shallow-repository", "--show-toplevel", "--show-prefix", "--verify", "HEAD"], in: folder)
        let lines = result.output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard result.succeeded, lines.count >= 4 else { return .failure(GitProblem(message: result.message)) }
        return .success(WorkingTree(top: URL(fileURLWithPath: lines[1]), prefix: lines[2], commit: lines[3],
                                    isShallow: lines[0] == "true"))
    }

    /// The last commit that touched each file below the tree's prefix, by path relative to the
    /// prefix. One `git log` walks the history newest first; a file's first appearance is its last change.
    /// Merges count through the commits they bring in, as on GitHub's file pages.
    public func lastChanges(in tree: WorkingTree) -> Result<[String: FileChange], GitProblem> {
        let result = git.run(["--literal-pathspecs", "log", "--no-renames", "--format=%x1e%H%x1f%at%x1f%an",
                              "--name-only", "-z", tree.commit, "--", tree.prefix.isEmpty ? "." : tree.prefix], in: tree.top)
        guard result.succeeded else { return .failure(GitProblem(message: result.message)) }
        return .success(Self.parseLog(result.stdout, prefix: tree.prefix))
    }

    /// Reads `git log -z --name-only` output: a header (`\u{1e}` commit, time, author separated by
    /// `\u{1f}`) and then the commit's file names, all NUL-separated.
    static func parseLog(_ data: Data, prefix: String) -> [String: FileChange] {
        var changes: [String: FileChange] = [:]
        var current: FileChange?
        for field in data.split(separator: 0, omittingEmptySubsequences: true) {
            var text = String(decoding: field, as: UTF8.self)
            if text.hasPrefix("\n") { text.removeFirst() }
            if text.hasPrefix("\u{1e}") {
                let parts = text.dropFirst().split(separator: "\u{1f}", omittingEmptySubsequences: false)
                current = parts.count == 3 ? FileChange(commit: String(parts[0]), time: Int(parts[1]) ?? 0, author: String(parts[2])) : nil
                continue
            }
            guard let change = current, text.hasPrefix(prefix), !text.isEmpty else { continue }
            let path = String(text.dropFirst(prefix.count))
            if changes[path] == nil { changes[path] = change }
        }
        return changes
    }
}

/// Git's own message about what failed.
public struct GitProblem: Error, Sendable, Hashable {
    public var message: String
    public init(message: String) { self.message = message }
}
