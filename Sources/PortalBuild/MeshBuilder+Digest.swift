import Foundation
import MeshLoad
import MeshModel
import PortalRender

extension MeshBuilder {
    /// One stable hash of everything a build's output depends on: the bytes of every file the Load stage
    /// would read, the theme, the settings that change pages, and the meshport binary itself. Equal
    /// digests give byte-identical sites, which is what lets `build --cache` skip a build. With it, the
    /// hash of each input file by its path relative to the mesh folder (bundles are in the digest only):
    /// what page fingerprints are made of (`PageFingerprints`).
    public func inputDigests(settings: [String] = []) throws(MeshLoader.ConfigurationError) -> InputDigests {
        let (config, sourcePaths) = try MeshLoader(meshDirectory: meshDirectory, sourceOptions: sourceOptions, bundled: try bundled(),
                                                           schemaCheck: .none).inputPaths()
        let theme = try loadTheme(config)
        let paths = sourcePaths.map { meshDirectory.appendingPathComponent($0).path } + bundleFiles()
        let fileHashes = parallelMap(paths.count) { i -> UInt64 in
            var hash = StableHash()
            if let data = FileManager.default.contents(atPath: paths[i]) {
                data.withUnsafeBytes { hash.combine($0) }
            } else {
                hash.combine("unreadable")
            }
            return hash.value
        }
        var binary = StableHash()
        for setting in settings + [Self.executableStamp()] { binary.combine(setting) }
        var hash = StableHash()
        hash.combine(binary.hex)
        hash.combine(generatedAt ?? "")
        hash.combine(theme.stableDigest)
        for (path, fileHash) in zip(paths, fileHashes) {
            hash.combine(path)
            hash.combine(fileHash)
        }
        var files: [String: UInt64] = Dictionary(minimumCapacity: sourcePaths.count)
        for (path, fileHash) in zip(sourcePaths, fileHashes) { files[path] = fileHash }
        var bundles = StableHash()
        for (path, fileHash) in zip(paths.dropFirst(sourcePaths.count), fileHashes.dropFirst(sourcePaths.count)) {
            bundles.combine(path)
            bundles.combine(fileHash)
        }
        return InputDigests(digest: hash.hex, files: files, bundles: bundles.value, binary: binary.hex)
    }

    public struct InputDigests: Sendable {
        /// One hash of everything: equal digests give byte-identical sites.
        public var digest: String
        /// Each source file's hash, by its path relative to the mesh folder.
        public var files: [String: UInt64]
        /// One hash of every bundle (`--bundles`): the files inside them are not in `files`.
        public var bundles: UInt64
        /// The binary and the settings passed in: a rebuilt meshport may render differently.
        public var binary: String
    }

    /// Every file under `--bundles`, sorted: a bundle's bytes stand for its repository's files.
    private func bundleFiles() -> [String] {
        guard let folder = bundleDirectory?.standardizedFileURL.path,
              let walker = FileManager.default.enumerator(atPath: folder) else { return [] }
        var files: [String] = []
        while let path = walker.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let full = folder + "/" + path
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue { files.append(full) }
        }
        return files.sorted()
    }

    /// Size and modification time of the running binary: a rebuilt meshport, even of the same version,
    /// may render differently.
    static func executableStamp() -> String {
        let path = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath().path
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        let size = (attributes?[.size] as? NSNumber)?.int64Value ?? 0
        let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "\(path) \(size) \(modified)"
    }

    /// The fingerprint of every page of a prepared build that renders a site, from its inputs' hashes
    /// (`inputDigests`), the theme and the binary.
    public func fingerprints(of prepared: Prepared, inputs: InputDigests) -> PageFingerprints? {
        guard prepared.rendersSite, let mesh = prepared.outcome.mesh, let report = prepared.outcome.report else { return nil }
        let settings = PageFingerprints.settings(theme: prepared.theme, generatedAt: generatedAt,
                                                 formatVersion: inputs.binary + " \(inputs.bundles)")
        return PageFingerprints(mesh: mesh, governance: report, files: inputs.files, settings: settings)
    }
}
