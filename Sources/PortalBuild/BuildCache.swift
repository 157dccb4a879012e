import Foundation
import MeshModel
#if canImport(Glibc)
import Glibc
#endif

/// `build --cache DIR`: remembers the last successful build (under `DIR/render/`) so that a build whose
/// inputs did not change does nothing at all: it reports the same diagnostics and leaves the site as it
/// is. The output folder is fingerprinted too, so a site changed or removed by hand is rebuilt.
public struct BuildCache: Sendable {
    public struct Record: Codable, Sendable, Equatable {
        /// Bumped when the record's meaning changes; a record of another format is ignored.
        public static let currentFormat = 2
        public var format = Record.currentFormat
        /// `MeshBuilder.inputDigests(settings:).digest` of the build.
        public var digest: String
        /// The output folder's absolute path and `BuildCache.stamp` of its files after the write.
        public var output: String
        public var outputStamp: String
        public var diagnostics: [Diagnostic]
        /// The line the build printed ("built N products ...").
        public var summary: String
        /// What the published site was made from (`PageFingerprints`), so a later build renders only the
        /// pages and supplements whose fingerprint changed and keeps the others' files.
        public var pages: Pages?

        public struct Pages: Codable, Sendable, Equatable {
            /// Page path -> fingerprint.
            public var fingerprints: [String: UInt64]
            /// Supplement (`PageRenderer.Supplement`, by case name) -> fingerprint, and the files it made.
            public var supplements: [String: UInt64]
            public var supplementFiles: [String: [String]]

            public init(fingerprints: [String: UInt64], supplements: [String: UInt64], supplementFiles: [String: [String]]) {
                self.fingerprints = fingerprints
                self.supplements = supplements
                self.supplementFiles = supplementFiles
            }
        }

        public init(digest: String, output: String, outputStamp: String, diagnostics: [Diagnostic], summary: String,
                    pages: Pages? = nil) {
            self.digest = digest
            self.output = output
            self.outputStamp = outputStamp
            self.diagnostics = diagnostics
            self.summary = summary
            self.pages = pages
        }
    }

    public let folder: URL

    /// The render cache inside a `--cache` folder (git sources keep their clones beside it, in `git/`).
    public init(cacheDirectory: URL) {
        folder = cacheDirectory.standardizedFileURL.appendingPathComponent("render")
    }

    var recordFile: URL { folder.appendingPathComponent("last-build.json") }

    /// The last build's record when it was to this output and the output is as it left it: its files
    /// are what the record says they were made from. Of the same inputs (`digest`), the build can be
    /// skipped.
    public func lastBuild(output: URL) -> Record? {
        guard let data = FileManager.default.contents(atPath: recordFile.path),
              let record = try? JSONDecoder().decode(Record.self, from: data),
              record.format == Record.currentFormat,
              record.output == output.standardizedFileURL.path,
              record.outputStamp == Self.stamp(output) else { return nil }
        return record
    }

    /// Saves the record of a successful build; the cache is an optimisation, so failing to save is silent.
    public func remember(_ record: Record) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(record) else { return }
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // Written beside and renamed over, so a killed build never leaves half a record.
        let partial = folder.appendingPathComponent("last-build.json.partial")
        guard (try? data.write(to: partial)) != nil else { return }
        _ = rename(partial.path, recordFile.path)
    }

    /// One hash of every file under `folder`: its path, size, modification time and inode. Any write,
    /// removal or addition changes it; reading does not. "" when the folder does not exist.
    public static func stamp(_ folder: URL) -> String {
        let root = folder.standardizedFileURL.resolvingSymlinksInPath().path
        guard let paths = FileManager.default.enumerator(atPath: root) else { return "" }
        var entries: [String] = []
        for case let path as String in paths {
            var info = stat()
            guard lstat(root + "/" + path, &info) == 0 else { continue }
            entries.append("\(path) \(info.st_mode) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec) \(info.st_ino)")
        }
        guard !entries.isEmpty else { return "" }
        var hash = StableHash()
        for entry in entries.sorted() { hash.combine(entry) }
        return hash.hex
    }
}
