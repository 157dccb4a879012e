import Foundation
import PortalRender
#if canImport(Glibc)
import Glibc
#endif

/// A site being published by `SiteWriter`, file by file as the Render stage hands them on, so the
/// whole site is never held in memory. A file the previous site has with the same bytes is noted and
/// later hard-linked; the staging folder is made only when the first file differs, so a site with
/// nothing changed touches nothing at all. `finish()` swaps the staging folder in (see `AtomicSwap`);
/// a failure removes it and leaves the previous site as it was.
public struct StagedSite {
    let target: URL
    let staging: URL
    let aside: URL
    let previous: PreviousSite
    /// Every path taken in, to refuse a second file for one path and to compare with the previous site.
    private var paths: Set<String> = []
    /// Unchanged files taken in before the staging folder existed: linked when it is made.
    private var unchangedBeforeStaging: [String] = []
    private var isStaging = false
    private var folders: Set<String> = [""]
    private var publication = SiteWriter.Publication(written: 0, kept: 0, unchanged: false)

    init(target: URL, staging: URL, aside: URL) {
        self.target = target
        self.staging = staging
        self.aside = aside
        previous = PreviousSite(folder: target)
    }

    /// How many files were taken in so far.
    public var fileCount: Int { paths.count }

    /// Takes in files, in any order; each path once.
    public mutating func add(_ files: [SiteFile]) throws(SiteWriter.Failure) {
        for file in files {
            do throws(SiteWriter.Failure) {
                guard paths.insert(file.path).inserted else {
                    throw SiteWriter.Failure(description: "two files for one path (\(file.path))")
                }
                if previous.holds(file.bytes, at: file.path) {
                    if isStaging { try keep(file.path) } else { unchangedBeforeStaging.append(file.path) }
                } else {
                    try startStaging()
                    try write(file)
                }
            } catch {
                discard()
                throw SiteWriter.Failure(description: "cannot write the site (at \(file.path)): \(error.description)")
            }
        }
    }

    /// Takes in files the previous site has and the caller knows to be unchanged without their bytes
    /// (`build --cache`: their fingerprints did not change, and the site is as that build left it).
    public mutating func carryOver(_ carried: [String]) throws(SiteWriter.Failure) {
        for path in carried {
            do throws(SiteWriter.Failure) {
                guard paths.insert(path).inserted else {
                    throw SiteWriter.Failure(description: "two files for one path (\(path))")
                }
                if isStaging { try keep(path) } else { unchangedBeforeStaging.append(path) }
            } catch {
                discard()
                throw SiteWriter.Failure(description: "cannot write the site (at \(path)): \(error.description)")
            }
        }
    }

    /// Publishes what was taken in: swaps it in for the previous site, or leaves that untouched when it
    /// already is exactly this site.
    public mutating func finish() throws(SiteWriter.Failure) -> SiteWriter.Publication {
        if !isStaging {
            if previous.holdsOnly(paths) { return .init(written: 0, kept: paths.count, unchanged: true) }
            do throws(SiteWriter.Failure) {
                try startStaging()
            } catch {
                discard()
                throw SiteWriter.Failure(description: "cannot write the site: \(error.description)")
            }
        }
        do {
            if let old = try AtomicSwap.replace(target.path, with: staging.path, aside: aside.path) {
                try? FileManager.default.removeItem(atPath: old)
            }
        } catch {
            discard()
            throw SiteWriter.Failure(description: error.description)
        }
        isStaging = false
        return publication
    }

    /// Makes the staging folder, once, with links to the unchanged files taken in before it.
    private mutating func startStaging() throws(SiteWriter.Failure) {
        guard !isStaging else { return }
        let fm = FileManager.default
        do {
            try fm.createDirectory(at: staging.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? fm.removeItem(at: staging)
            try fm.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            throw SiteWriter.Failure(description: error.localizedDescription)
        }
        isStaging = true
        for path in unchangedBeforeStaging { try keep(path) }
        unchangedBeforeStaging = []
    }

    /// A file the previous site has with these bytes: a hard link to it, or a copy where links fail.
    private mutating func keep(_ path: String) throws(SiteWriter.Failure) {
        let destination = try folder(for: path)
        let source = target.appendingPathComponent(path).path
        if link(source, destination) == 0 {
            publication.kept += 1
        } else {
            do { try PlainFile.copy(source, to: destination) } catch { throw SiteWriter.Failure(description: error.description) }
            publication.written += 1
        }
    }

    private mutating func write(_ file: SiteFile) throws(SiteWriter.Failure) {
        let destination = try folder(for: file.path)
        do { try PlainFile.create(destination, bytes: file.bytes) } catch { throw SiteWriter.Failure(description: error.description) }
        publication.written += 1
    }

    /// The file's path in the staging folder, its folders made.
    private mutating func folder(for path: String) throws(SiteWriter.Failure) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        if !folders.contains(folder) {
            do {
                try FileManager.default.createDirectory(at: staging.appendingPathComponent(folder), withIntermediateDirectories: true)
            } catch {
                throw SiteWriter.Failure(description: error.localizedDescription)
            }
            folders.insert(folder)
        }
        return staging.appendingPathComponent(path).path
    }

    /// Removes the staging folder after a failure.
    private mutating func discard() {
        if isStaging { try? FileManager.default.removeItem(at: staging) }
        isStaging = false
    }
}
