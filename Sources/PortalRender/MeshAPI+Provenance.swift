import MeshLink
import MeshModel

/// What `api/mesh.json` says about where the portal was built from: each source folder with its
/// repository, ref and commit, and per product, doc and domain the file's place and last change.
extension MeshAPI {
    struct SourceEntry: Encodable {
        /// The folder read, relative to the mesh folder (a git source's copy in the cache).
        var path: String
        var git, ref, commit, repositoryPath, repoURL: String?

        init(_ origin: SourceOrigin) {
            path = origin.root
            git = origin.gitURL
            ref = origin.ref
            commit = origin.commit
            repositoryPath = origin.repositoryPrefix.isEmpty ? nil : String(origin.repositoryPrefix.dropLast())
            repoURL = origin.repoURL
        }
    }

    struct ChangeEntry: Encodable {
        var commit, date, author: String
    }

    struct ProvenanceEntry: Encodable {
        var repository: String?
        /// The file's path in its repository, or below its source folder outside git.
        var path: String
        var commit: String?
        var lastChanged: ChangeEntry?
        var editURL: String?

        init?(_ provenance: FileProvenance?) {
            guard let provenance else { return nil }
            repository = provenance.origin.gitURL ?? provenance.origin.repoURL
            path = provenance.path
            commit = provenance.origin.commit
            lastChanged = provenance.lastChange.map {
                ChangeEntry(commit: $0.commit, date: ProvenanceView.timestamp($0.time), author: $0.author)
            }
            editURL = SafeURL.href(provenance.editURL)
        }
    }
}
