import Foundation

/// Work done on a thread of its own beside the Render stage's batches: a few files (the whole-mesh
/// lineage diagram, `api/mesh.json`) take seconds each on one core at 10,000 products, and rendered
/// inside a batch they left the other core idle until they were done. A Thread, not the Dispatch
/// pool: the batches' `concurrentPerform` keeps every pool worker busy, so queued work would wait.
final class AsideWork: @unchecked Sendable {
    private let lock = NSLock()
    private let done = DispatchSemaphore(value: 0)
    private var files: [SiteFile]?
    private var taken = false

    init(_ work: @escaping @Sendable () -> [SiteFile]) {
        let thread = Thread { [self] in
            let made = work()
            lock.withLock { files = made }
            done.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// The files if the work is done and they were not taken yet, without waiting: handed on as soon
    /// as they are made, they are not held through the rest of the stage.
    func take() -> [SiteFile]? {
        lock.withLock {
            guard !taken, let made = files else { return nil }
            taken = true
            files = nil
            return made
        }
    }

    /// The files not taken yet, once the work is done.
    func wait() -> [SiteFile] {
        done.wait()
        done.signal()
        return take() ?? []
    }
}
