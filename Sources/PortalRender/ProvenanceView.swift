import Foundation
import MeshLink
import MeshModel

/// The "where this page comes from" line of product, doc and domain pages: the repository, the
/// file's path in it and the commit it was built from; when git history is read, the date and author
/// of the last commit that touched the file; and an "Edit this page" link when the source has a pattern.
enum ProvenanceView {
    /// The line for a page made from one file.
    static func file(_ provenance: FileProvenance?) -> [String: Any]? {
        guard let provenance else { return nil }
        let origin = provenance.origin
        // Outside git and without a repository, the path that means something is the one in the mesh folder.
        let inRepository = origin.gitURL != nil || origin.commit != nil || origin.repoURL != nil
        let path = inRepository ? provenance.path : (origin.root.isEmpty ? "" : origin.root + "/") + provenance.path
        let change: Any = provenance.lastChange.map { change in
            ["date": day(change.time), "datetime": timestamp(change.time), "author": change.author]
        } ?? false
        return context(origin, path: path, lastChanged: change, editHref: SafeURL.href(provenance.editURL))
    }

    /// The line for a page no single file makes (a domain only its products name): the repository only.
    static func repositoryOnly(_ provenance: FileProvenance?) -> [String: Any]? {
        provenance.map { context($0.origin, path: nil, lastChanged: false, editHref: nil) }
    }

    /// Every key is set (false when absent), so a missing one never picks up a value from the page around it.
    private static func context(_ origin: SourceOrigin, path: String?, lastChanged: Any, editHref: String?) -> [String: Any] {
        [
            "repository": origin.gitURL ?? origin.repoURL ?? false,
            "repositoryHref": SafeURL.href(origin.repoURL) ?? false,
            "path": path ?? false,
            "commit": origin.commit ?? false,
            "shortCommit": origin.commit.map { String($0.prefix(7)) } ?? false,
            "lastChanged": lastChanged,
            "editHref": editHref ?? false,
        ]
    }

    /// "2024-03-05": the day in UTC, so the page is the same wherever it is built.
    static func day(_ time: Int) -> String { String(timestamp(time).prefix(10)) }

    /// "2024-03-05T10:00:00Z".
    static func timestamp(_ time: Int) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(time)))
    }
}
