import Foundation

/// Where the files of one source folder come from, for the provenance line of every page and for
/// `api/mesh.json`: a plain folder, a git working tree, or a repository meshport fetched.
public struct SourceOrigin: Sendable, Hashable {
    /// The folder the files were read from, relative to the mesh folder ("" is the mesh folder).
    public var root: String
    /// The `git:` URL as it may be shown (credentials removed); nil for a folder source.
    public var gitURL: String?
    /// The `ref:` as written; nil for the default branch.
    public var ref: String?
    /// The branch `{ref}` stands for in edit links: the ref, or the remote's default branch.
    public var branch: String?
    /// The commit the files were read at; nil for a folder that is not a git working tree.
    public var commit: String?
    /// Where `root` lies inside its repository: "" at the top, otherwise "some/folder/".
    public var repositoryPrefix: String
    /// The repository's web page (http or https), when known.
    public var repoURL: String?
    /// The "edit this page" pattern (`{path}`, `{ref}`, `{commit}`), when known.
    public var editURL: String?
    /// The last commit that touched each file below `root`, by path relative to the mesh folder.
    public var lastChanges: [String: FileChange]

    public init(root: String, gitURL: String? = nil, ref: String? = nil, branch: String? = nil, commit: String? = nil,
                repositoryPrefix: String = "", repoURL: String? = nil, editURL: String? = nil,
                lastChanges: [String: FileChange] = [:]) {
        self.root = root
        self.gitURL = gitURL
        self.ref = ref
        self.branch = branch
        self.commit = commit
        self.repositoryPrefix = repositoryPrefix
        self.repoURL = repoURL
        self.editURL = editURL
        self.lastChanges = lastChanges
    }

    /// Whether `file` (relative to the mesh folder) lies below this origin's root.
    public func contains(_ file: String) -> Bool {
        root.isEmpty ? !file.hasPrefix("../") : file.hasPrefix(root + "/")
    }

    /// The provenance of one file below `root`.
    public func provenance(of file: String) -> FileProvenance {
        let inRoot = root.isEmpty ? file : String(file.dropFirst(root.count + 1))
        let path = repositoryPrefix + inRoot
        return FileProvenance(origin: self, path: path, lastChange: lastChanges[file], editURL: editURL.map { fill($0, path: path) })
    }

    /// The pattern with its placeholders filled; the path is percent-encoded segment by segment.
    func fill(_ pattern: String, path: String) -> String {
        let encoded = path.split(separator: "/", omittingEmptySubsequences: false).map { segment in
            String(segment).addingPercentEncodingForURLPath()
        }.joined(separator: "/")
        return pattern.replacingOccurrences(of: "{path}", with: encoded)
            .replacingOccurrences(of: "{ref}", with: (branch ?? "HEAD").addingPercentEncodingForURLPath())
            .replacingOccurrences(of: "{commit}", with: commit ?? branch ?? "HEAD")
    }
}

/// The last commit that touched a file.
public struct FileChange: Sendable, Hashable {
    public var commit: String
    /// Author date, in seconds since 1970 (UTC).
    public var time: Int
    public var author: String
    public init(commit: String, time: Int, author: String) {
        self.commit = commit
        self.time = time
        self.author = author
    }
}

/// Where one page's file comes from.
public struct FileProvenance: Sendable, Hashable {
    public var origin: SourceOrigin
    /// The file's path inside its repository (or below its source folder, outside git).
    public var path: String
    public var lastChange: FileChange?
    /// The filled "edit this page" link, when the source has a pattern.
    public var editURL: String?
}

extension Array where Element == SourceOrigin {
    /// The origin of `file`: the one with the deepest root that holds it.
    public func provenance(of file: String) -> FileProvenance? {
        filter { $0.contains(file) }.max { $0.root.count < $1.root.count }?.provenance(of: file)
    }

    /// A diagnostic in a fetched repository's file names that file by repository, commit and path
    /// in a note: its location is in meshport's cache, which says little in a CI log.
    public func notingRepository(_ diagnostic: Diagnostic) -> Diagnostic {
        guard let file = diagnostic.location?.file, let provenance = provenance(of: file),
              let url = provenance.origin.gitURL, let commit = provenance.origin.commit else { return diagnostic }
        var noted = diagnostic
        noted.notes.append(.init("in \(url) at commit \(commit.prefix(12)): \(provenance.path)"))
        return noted
    }
}

extension String {
    /// Percent-encodes all but unreserved characters (RFC 3986), for one URL path segment.
    func addingPercentEncodingForURLPath() -> String {
        var out = ""
        for byte in utf8 {
            let c = Character(Unicode.Scalar(byte))
            if byte < 0x80, c.isLetter || c.isNumber || "-._~".contains(c) { out.append(c) } else { out += String(format: "%%%02X", byte) }
        }
        return out
    }
}
