import Foundation
import PortalRender

/// Takes rendered files into a `StagedSite` on a thread of its own, so the cores render the next batch
/// while this one is written. Written by the rendering thread between batches, the 1.2 GB of a
/// 10,000-product site took 1.3 s on tmpfs and 7.6 s on disk with both cores idle.
/// At most `depth` batches wait to be written: a rendering thread that gets ahead of the disk waits,
/// so memory stays bounded. A Thread, not the Dispatch pool, which the batches keep busy.
public final class StagingThread: @unchecked Sendable {
    private let condition = NSCondition()
    private let depth: Int
    private var waiting: [[SiteFile]] = []
    private var writingBatch = false
    private var closed = false
    private var failure: SiteWriter.Failure?
    /// Touched by the thread only, until `finish()` has seen it idle with nothing waiting.
    private var site: StagedSite
    /// Time the caller spent waiting for the writer (the part of writing that was not overlapped).
    public private(set) var waited = Duration.zero

    public init(_ site: StagedSite, depth: Int = 2) {
        self.site = site
        self.depth = max(1, depth)
        let thread = Thread { [self] in run() }
        thread.start()
    }

    /// Hands files on to be written; waits while `depth` batches are waiting already. Throws the
    /// failure of an earlier batch, after which nothing more is written.
    public func add(_ files: [SiteFile]) throws(SiteWriter.Failure) {
        let begun = ContinuousClock.now
        condition.lock()
        defer {
            condition.unlock()
            waited += ContinuousClock.now - begun
        }
        while failure == nil && waiting.count >= depth { condition.wait() }
        if let failure { throw failure }
        waiting.append(files)
        condition.broadcast()
    }

    /// Waits until every file handed on is written and returns the site, to be finished by the caller.
    public func finish() throws(SiteWriter.Failure) -> StagedSite {
        let begun = ContinuousClock.now
        condition.lock()
        defer {
            condition.unlock()
            waited += ContinuousClock.now - begun
        }
        closed = true
        condition.broadcast()
        while failure == nil && (writingBatch || !waiting.isEmpty) { condition.wait() }
        if let failure { throw failure }
        return site
    }

    /// Lets the thread end once what was handed on is written; for a caller that stops early. Idempotent.
    public func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    private func run() {
        while true {
            condition.lock()
            while waiting.isEmpty && !closed { condition.wait() }
            guard !waiting.isEmpty else {
                condition.unlock()
                return
            }
            let files = waiting.removeFirst()
            writingBatch = true
            condition.broadcast()
            condition.unlock()

            var failed: SiteWriter.Failure?
            do throws(SiteWriter.Failure) {
                try site.add(files)
            } catch {
                failed = error
            }

            condition.lock()
            writingBatch = false
            if let failed {
                failure = failed
                waiting.removeAll()
            }
            condition.broadcast()
            condition.unlock()
            if failed != nil { return }
        }
    }
}
