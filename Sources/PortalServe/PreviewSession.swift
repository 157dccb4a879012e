import Dispatch
import Foundation
import MeshModel
import PortalBuild

/// One `meshport serve` run: builds the mesh, takes in edits, keeps the site store and the open pages
/// in step. A build with errors leaves the last good site in place; its problems go to the open pages
/// and to `report`, and the next good build takes them away.
public actor PreviewSession {
    /// What one build did, for the terminal.
    public struct Report: Sendable {
        public var diagnostics: [Diagnostic]
        /// The site was replaced (false: errors, the previous site stays).
        public var published: Bool
        public var change: IncrementalLoad.Change
        /// Pages whose fingerprint changed, and how many open pages were told to reload.
        public var changedPages: Int
        public var reloaded: Int
        public var timings: [(stage: String, seconds: Double)]
        public var fileCount: Int
        public var products: Int
        /// From the edit's arrival to the open pages told to reload, their new bytes ready.
        public var seconds: Double
    }

    public let store = SiteStore()
    public let hub = LiveReloadHub()
    /// Nil while a build runs: held once, so its tables change in place rather than being copied.
    private var build: IncrementalBuild?
    private var waiting: [CheckedContinuation<Void, Never>] = []
    /// The problems as JSON for the overlay (`DiagnosticFormat.json`), given by the caller.
    private let problemsJSON: @Sendable ([Diagnostic]) -> String
    /// Renders not-yet-current pages after each build, so later visits are instant.
    private var warming: Task<Void, Never>?
    private let queue = DispatchQueue(label: "meshport.serve.build")

    public init(build: IncrementalBuild, problemsJSON: @escaping @Sendable ([Diagnostic]) -> String) {
        self.build = build
        self.problemsJSON = problemsJSON
        meshDirectory = build.meshDirectory
    }

    public let meshDirectory: URL
    /// The folders to watch (see `IncrementalBuild.watchedFolders`), as of the last build.
    public private(set) var watchedFolders: [URL] = []

    /// The first build: every file read.
    public func start() async -> Report {
        await run { $0.start() }
    }

    /// Takes in changed files or folders (absolute).
    public func apply(_ urls: [URL]) async -> Report {
        return await run { build in build.update(urls.map(build.relativePath(of:))) }
    }

    /// Takes in batches from `watcher` until it stops, reporting each build.
    public func follow(_ changes: AsyncStream<[URL]>, report: @Sendable (Report) -> Void) async {
        for await batch in changes { report(await apply(batch)) }
        warming?.cancel()
    }

    private func run(_ step: @escaping @Sendable (inout IncrementalBuild) -> IncrementalBuild.Outcome) async -> Report {
        let started = ContinuousClock.now
        warming?.cancel()
        // Load, Link and Validate are CPU work: off the concurrency pool, which serves requests meanwhile.
        // One build at a time: a second waits (the actor lets others in while a build runs).
        while build == nil { await withCheckedContinuation { waiting.append($0) } }
        guard let current = build.take() else { preconditionFailure("waited for it above") }
        // Handed over in a box the build queue empties: a closure's captured copy would keep a second
        // reference to the tables, and the first change to each would copy it whole.
        let handover = Handover(current)
        let (outcome, next) = await withCheckedContinuation { continuation in
            queue.async {
                guard var build = handover.take() else { preconditionFailure("handed over once") }
                let outcome = step(&build)
                continuation.resume(returning: (outcome, build))
            }
        }
        build = next
        if !waiting.isEmpty { waiting.removeFirst().resume() }
        watchedFolders = next.watchedFolders
        var report = Report(diagnostics: outcome.diagnostics, published: false, change: outcome.change, changedPages: 0,
                            reloaded: 0, timings: outcome.timings, fileCount: outcome.fileCount, products: 0, seconds: 0)
        if let generation = outcome.generation {
            let changed = await store.publish(generation)
            let open = await hub.openPages.intersection(changed)
            // The open pages first: they are rendered before they are told to reload.
            await withTaskGroup(of: Void.self) { group in
                for page in open { group.addTask { _ = await self.store.file(page) } }
            }
            await hub.show(problems: nil)
            report.reloaded = await hub.reload(open)
            report.published = true
            report.changedPages = changed.count
            report.products = generation.mesh.products.count
            let store = self.store
            // One page renders in the background at a time: the cancelled warming's page in hand (a page
            // cannot stop halfway) finishes first, so warmings never pile up against the next edit's build.
            let cancelled = warming
            warming = Task.detached(priority: .background) {
                await cancelled?.value
                await store.renderAll()
            }
        } else {
            await hub.show(problems: problemsJSON(outcome.diagnostics.filter { $0.severity == .error }))
        }
        let elapsed = (ContinuousClock.now - started).components
        report.seconds = Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
        return report
    }
}

/// A value passed from the session to its build queue and taken out there, so only the queue holds it.
private final class Handover: @unchecked Sendable {
    // Set before the queue runs, taken once on the queue: never touched from two threads at once.
    private var value: IncrementalBuild?
    init(_ value: IncrementalBuild) { self.value = value }
    func take() -> IncrementalBuild? { value.take() }
}
