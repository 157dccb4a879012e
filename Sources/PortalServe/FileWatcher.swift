import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Watches folders and everything below them, and reports what changed in batches: a burst of writes
/// (an editor saving through a temporary file, a `git checkout`) becomes one batch once it has been
/// quiet for `quiet`. inotify on Linux; where inotify is missing or out of watches, it compares the
/// folders' listings every `pollInterval` instead.
public final class FileWatcher: Sendable {
    public enum Mode: Sendable, Equatable { case inotify, polling }

    public let folders: [URL]
    public let quiet: Duration
    public let pollInterval: Duration
    /// Folder and file names never watched (hidden ones, `node_modules`, `_site`).
    let skipped: @Sendable (String) -> Bool
    /// For tests: inotify runs out of watches when it holds this many.
    let inotifyWatchLimit: Int?
    private let stopped = Mutex(false)
    private let mode = Mutex(Mode.polling)

    public init(folders: [URL], quiet: Duration = .milliseconds(30), pollInterval: Duration = .milliseconds(500),
                skipping skipped: @escaping @Sendable (String) -> Bool = FileWatcher.skipsHiddenAndBuildFolders,
                inotifyWatchLimit: Int? = nil) {
        self.folders = folders.map(\.standardizedFileURL)
        self.inotifyWatchLimit = inotifyWatchLimit
        self.quiet = quiet
        self.pollInterval = pollInterval
        self.skipped = skipped
    }

    public static let skipsHiddenAndBuildFolders: @Sendable (String) -> Bool = { name in
        name.hasPrefix(".") || name == "node_modules" || name == "_site"
    }

    /// How the watcher works, once `changes` has started it.
    public var currentMode: Mode { mode.withLock { $0 } }

    /// Batches of changed paths (files or folders, absolute). The folders are watched when this returns,
    /// so an edit made after it is seen. `forcePolling` is for tests of the fallback.
    public func changes(forcePolling: Bool = false) -> AsyncStream<[URL]> {
        let (stream, continuation) = AsyncStream<[URL]>.makeStream()
        let batcher = Batcher(quiet: quiet, continuation: continuation)
        let inotify = forcePolling ? nil : Inotify(folders: folders, skipped: skipped, limit: inotifyWatchLimit)
        mode.withLock { $0 = inotify == nil ? .polling : .inotify }
        let baseline = inotify == nil ? listing() : [:]
        let thread = Thread { [self] in
            if let inotify, follow(inotify, batcher) {
                // Out of watches: poll from now on. What changed while it switched is unknown, so every
                // folder is said to have changed, and the reader lists them again.
                mode.withLock { $0 = .polling }
                let baseline = listing()
                batcher.add(folders)
                poll(from: baseline, batcher)
            } else if inotify == nil {
                poll(from: baseline, batcher)
            }
            continuation.finish()
        }
        thread.name = "meshport file watcher"
        thread.start()
        continuation.onTermination = { [self] _ in stop() }
        return stream
    }

    public func stop() {
        stopped.withLock { $0 = true }
    }

    private var isStopped: Bool { stopped.withLock { $0 } }

    // MARK: - inotify

    /// Reads inotify's events until stopped (false) or until a new folder cannot be watched (true).
    private func follow(_ inotify: Inotify, _ batcher: Batcher) -> Bool {
        defer { close(inotify.fd) }
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        let header = MemoryLayout<inotify_event>.size
        while !isStopped {
            var descriptor = pollfd(fd: inotify.fd, events: Int16(POLLIN), revents: 0)
            let ready = Glibc.poll(&descriptor, 1, 10)
            if ready <= 0 { batcher.tick(); continue }
            let count = buffer.withUnsafeMutableBytes { read(inotify.fd, $0.baseAddress, $0.count) }
            guard count > 0 else { batcher.tick(); continue }
            var offset = 0
            var changed: [URL] = []
            var outOfWatches = false
            while offset + header <= count {
                let event = buffer.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: inotify_event.self) }
                let nameBytes = buffer[(offset + header)..<(offset + header + Int(event.len))].prefix { $0 != 0 }
                offset += header + Int(event.len)
                if event.mask & UInt32(IN_Q_OVERFLOW) != 0 {
                    // Events were lost: say every folder changed, and let the reader list them again.
                    changed += folders
                    continue
                }
                guard let folder = inotify.folderOf[event.wd] else { continue }
                if event.mask & UInt32(IN_IGNORED) != 0 { inotify.folderOf[event.wd] = nil; continue }
                let name = String(decoding: nameBytes, as: UTF8.self)
                if name.isEmpty { changed.append(URL(fileURLWithPath: folder)); continue }
                if skipped(name) { continue }
                let path = folder + "/" + name
                if event.mask & UInt32(IN_ISDIR) != 0, event.mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                    // A new folder: watch it too. Files written into it before the watch are in its listing.
                    outOfWatches = !inotify.watch(path) || outOfWatches
                }
                changed.append(URL(fileURLWithPath: path))
            }
            batcher.add(changed)
            if outOfWatches { return true }
        }
        return false
    }

    // MARK: - Polling

    private struct Stamp: Equatable {
        var modified: timespec
        var size: Int
        var isFolder: Bool
        static func == (a: Stamp, b: Stamp) -> Bool {
            a.modified.tv_sec == b.modified.tv_sec && a.modified.tv_nsec == b.modified.tv_nsec && a.size == b.size && a.isFolder == b.isFolder
        }
    }

    private func poll(from baseline: [String: Stamp], _ batcher: Batcher) {
        var previous = baseline
        var next = ContinuousClock.now + pollInterval
        while !isStopped {
            Thread.sleep(forTimeInterval: 0.02)
            batcher.tick()
            guard ContinuousClock.now >= next else { continue }
            next = ContinuousClock.now + pollInterval
            let current = listing()
            var changed: [URL] = []
            for (path, stamp) in current where previous[path] != stamp { changed.append(URL(fileURLWithPath: path)) }
            for path in previous.keys where current[path] == nil { changed.append(URL(fileURLWithPath: path)) }
            previous = current
            batcher.add(changed)
        }
    }

    private func listing() -> [String: Stamp] {
        var out: [String: Stamp] = [:]
        func walk(_ path: String) {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] where !skipped(name) {
                let child = path + "/" + name
                var info = stat()
                guard lstat(child, &info) == 0 else { continue }
                let isFolder = (info.st_mode & S_IFMT) == S_IFDIR
                out[child] = Stamp(modified: info.st_mtim, size: Int(info.st_size), isFolder: isFolder)
                if isFolder { walk(child) }
            }
        }
        for folder in folders { walk(folder.path) }
        return out
    }
}

/// An inotify instance watching folders and every folder below them (but skipped ones).
private final class Inotify: @unchecked Sendable {
    // `folderOf` changes on the watcher's thread only, once `init` has returned.
    let fd: Int32
    var folderOf: [Int32: String] = [:]
    let skipped: @Sendable (String) -> Bool
    let limit: Int?
    static let mask = UInt32(IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_MODIFY
                             | IN_DELETE_SELF | IN_MOVE_SELF | IN_ATTRIB | IN_ONLYDIR)

    /// Nil when inotify cannot watch them all (no inotify, or the kernel's watch limit reached).
    init?(folders: [URL], skipped: @escaping @Sendable (String) -> Bool, limit: Int?) {
        fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        self.skipped = skipped
        self.limit = limit
        guard fd >= 0 else { return nil }
        for folder in folders where !watch(folder.path) {
            close(fd)
            return nil
        }
    }

    /// Watches `path` and the folders below it; false when the kernel has no watches left.
    func watch(_ path: String) -> Bool {
        if let limit, folderOf.count >= limit { return false }
        let wd = inotify_add_watch(fd, path, Self.mask)
        if wd < 0 { return errno != ENOSPC }
        folderOf[wd] = path
        for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] where !skipped(name) {
            let child = path + "/" + name
            var info = stat()
            if lstat(child, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR, !watch(child) { return false }
        }
        return true
    }
}

/// Collects changed paths and hands them on as one batch once no new change came for `quiet`.
private final class Batcher: @unchecked Sendable {
    // Used from the watcher's thread only.
    private var pending: [URL] = []
    private var seen: Set<URL> = []
    private var lastChange = ContinuousClock.now
    let quiet: Duration
    let continuation: AsyncStream<[URL]>.Continuation

    init(quiet: Duration, continuation: AsyncStream<[URL]>.Continuation) {
        self.quiet = quiet
        self.continuation = continuation
    }

    func add(_ urls: [URL]) {
        guard !urls.isEmpty else { tick(); return }
        for url in urls where seen.insert(url).inserted { pending.append(url) }
        lastChange = ContinuousClock.now
    }

    func tick() {
        guard !pending.isEmpty, ContinuousClock.now - lastChange >= quiet else { return }
        continuation.yield(pending)
        pending = []
        seen = []
    }
}
