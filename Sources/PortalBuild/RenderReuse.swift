import MeshLink
import PortalRender

/// `build --cache` when some input changed: which files of the last published site can stay as they
/// are, because the pages and supplements they were rendered for have the same fingerprint now
/// (`PageFingerprints`: one hash of everything that feeds a page). Only those are rendered again whose
/// fingerprint changed; the others are carried over from the site, which `BuildCache.lastBuild`
/// vouches is exactly as that build left it.
public struct RenderReuse: Sendable {
    public let fingerprints: PageFingerprints
    /// What the Render stage leaves out.
    public let reuse: SiteRenderer.Reuse
    /// The files carried over from the last site, sorted.
    public let carried: [String]
    private let last: BuildCache.Record.Pages?

    public init(fingerprints: PageFingerprints, last: BuildCache.Record.Pages?) {
        self.fingerprints = fingerprints
        self.last = last
        guard let last else {
            reuse = SiteRenderer.Reuse()
            carried = []
            return
        }
        var pages = Set<String>(), carried: [String] = []
        for (path, fingerprint) in fingerprints.byPath where last.fingerprints[path] == fingerprint {
            pages.insert(path)
            carried.append(path)
        }
        var supplements = Set<PageRenderer.Supplement>()
        for supplement in PageRenderer.Supplement.allCases {
            let name = Self.name(supplement)
            guard let fingerprint = fingerprints.supplements[supplement], last.supplements[name] == fingerprint,
                  let files = last.supplementFiles[name] else { continue }
            supplements.insert(supplement)
            carried += files
        }
        reuse = SiteRenderer.Reuse(pages: pages, supplements: supplements)
        self.carried = carried.sorted()
    }

    /// What the record of this build says of its files: `rendered` are the files of the supplements
    /// rendered this time; the others' come from the last record.
    public func record(rendered: [PageRenderer.Supplement: [String]]) -> BuildCache.Record.Pages {
        var supplements: [String: UInt64] = [:], files: [String: [String]] = [:]
        for supplement in PageRenderer.Supplement.allCases {
            let name = Self.name(supplement)
            supplements[name] = fingerprints.supplements[supplement]
            files[name] = reuse.supplements.contains(supplement) ? last?.supplementFiles[name] : (rendered[supplement] ?? []).sorted()
        }
        return BuildCache.Record.Pages(fingerprints: fingerprints.byPath, supplements: supplements, supplementFiles: files)
    }

    static func name(_ supplement: PageRenderer.Supplement) -> String { "\(supplement)" }
}
