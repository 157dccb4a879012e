import ArgumentParser
import Foundation
import MeshLoad

/// Where `git:` sources are cached and whether they may be fetched; shared by `build` and `check`.
struct SourceFlags: ParsableArguments {
    @Option(help: ArgumentHelp("meshport's cache folder: git sources are kept in its git/ (default: MESH_DIR/.meshport-cache); "
                               + "given to build, it also remembers the last build in render/, so an unchanged build writes nothing.",
                               valueName: "dir"),
            completion: .directory)
    var cache: String?

    @Flag(help: "Build git sources from the cache without fetching (fails for a source not in the cache).")
    var offline = false

    var options: SourceOptions {
        SourceOptions(cacheDirectory: cache.map { URL(fileURLWithPath: $0) }, offline: offline)
    }
}
