import Foundation

/// Git repositories for tests, made in a temporary folder with the system git: a bare repository
/// (the "remote", reached by a file:// URL) fed from a working copy beside it. Commit dates and
/// authors are given, so histories are the same on every run. No network.
public final class GitFixture {
    public let root: URL

    public init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("meshport-git-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    /// A new, empty bare repository `<name>.git` whose default branch is `branch`.
    public func repository(_ name: String, branch: String = "main") throws -> Repository {
        let repository = Repository(bare: root.appendingPathComponent(name + ".git"), work: root.appendingPathComponent(name + "-work"),
                                    branch: branch)
        try Self.git(["init", "--quiet", "--bare", "--initial-branch=" + branch, repository.bare.path])
        try Self.git(["init", "--quiet", "--initial-branch=" + branch, repository.work.path])
        try Self.git(["-C", repository.work.path, "remote", "add", "origin", repository.bare.path])
        return repository
    }

    /// A working copy of `url` at `folder`, with its whole history or only the last `depth` commits.
    public static func clone(_ url: String, into folder: URL, depth: Int? = nil) throws {
        try git(["clone", "--quiet"] + (depth.map { ["--depth", String($0)] } ?? []) + [url, folder.path])
    }

    public struct Repository {
        public let bare: URL
        public let work: URL
        public let branch: String
        public var url: String { "file://" + bare.path }

        /// Writes (or with nil deletes) files, commits them as `author` at `date` (ISO 8601) on the
        /// current branch, and pushes. Returns the commit id.
        @discardableResult
        public func commit(_ files: [String: String?], author: String = "Ada Abara", date: String = "2024-03-05T10:00:00Z",
                           message: String = "Change") throws -> String {
            for (path, text) in files {
                let url = work.appendingPathComponent(path)
                if let text {
                    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                    try Data(text.utf8).write(to: url)
                } else {
                    try FileManager.default.removeItem(at: url)
                }
            }
            let identity = ["GIT_AUTHOR_NAME": author, "GIT_AUTHOR_EMAIL": "author@example.com", "GIT_AUTHOR_DATE": date,
                            "GIT_COMMITTER_NAME": author, "GIT_COMMITTER_EMAIL": "author@example.com", "GIT_COMMITTER_DATE": date]
            try GitFixture.git(["-C", work.path, "add", "-A"])
            try GitFixture.git(["-C", work.path, "commit", "--quiet", "--no-gpg-sign", "-m", message], environment: identity)
            try push()
            return try GitFixture.git(["-C", work.path, "rev-parse", "HEAD"]).trimmingCharacters(in: .whitespacesAndNewlines)
        }

        /// Every file of a folder tree committed at once, e.g. a domain repository copied from a mesh.
        @discardableResult
        public func commitTree(_ folder: URL, author: String = "Ada Abara", date: String = "2024-03-05T10:00:00Z") throws -> String {
            var files: [String: String?] = [:]
            let walker = FileManager.default.enumerator(atPath: folder.path)
            while let path = walker?.nextObject() as? String {
                var isDirectory: ObjCBool = false
                let url = folder.appendingPathComponent(path)
                if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                    files[path] = try String(contentsOf: url, encoding: .utf8)
                }
            }
            return try commit(files, author: author, date: date, message: "Import")
        }

        public func tag(_ name: String) throws {
            try GitFixture.git(["-C", work.path, "tag", name])
            try push()
        }

        /// Switches the working copy to a new branch from the current commit (later commits go there).
        public func startBranch(_ name: String) throws {
            try GitFixture.git(["-C", work.path, "checkout", "--quiet", "-b", name])
        }

        private func push() throws {
            try GitFixture.git(["-C", work.path, "push", "--quiet", "--tags", "origin", "HEAD"])
        }
    }

    @discardableResult
    static func git(_ arguments: [String], environment: [String: String] = [:]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-c", "init.defaultBranch=main", "-c", "user.name=Test", "-c", "user.email=test@example.com",
                             "-c", "commit.gpgSign=false", "-c", "tag.gpgSign=false"] + arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw GitFailure(arguments: arguments, message: String(decoding: errors, as: UTF8.self))
        }
        return String(decoding: output, as: UTF8.self)
    }

    public struct GitFailure: Error, CustomStringConvertible {
        public var arguments: [String]
        public var message: String
        public var description: String { "git \(arguments.joined(separator: " ")): \(message)" }
    }
}
