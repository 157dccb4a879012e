/// What a build tells while it runs: each stage as it starts and as it ends, with what it counted.
/// `meshport build` shows it as progress lines on a terminal and as timings with --verbose.
public struct BuildProgress: Sendable {
    public enum Stage: String, Sendable, CaseIterable {
        case load, check, render, write
    }

    public struct Event: Sendable {
        public var stage: Stage
        /// Nil when the stage starts; its duration when it ends.
        public var seconds: Double?
        /// What the stage counted, in the order to show it ("files read" 5712, "products" 1000, …).
        public var counts: [(label: String, value: Int)]
    }

    let report: @Sendable (Event) -> Void

    public init(_ report: @escaping @Sendable (Event) -> Void) {
        self.report = report
    }

    /// Nothing reported.
    public static let silent = BuildProgress { _ in }

    public func started(_ stage: Stage) {
        report(Event(stage: stage, seconds: nil, counts: []))
    }

    public func finished(_ stage: Stage, seconds: Double, _ counts: [(label: String, value: Int)]) {
        report(Event(stage: stage, seconds: seconds, counts: counts))
    }
}
