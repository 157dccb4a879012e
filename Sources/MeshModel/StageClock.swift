/// Wall time per stage (of the pipeline, or of one step such as the search index), for
/// `MESHPORT_TIMINGS` and the benchmarks.
public struct StageClock: Sendable {
    public private(set) var laps: [(stage: String, seconds: Double)] = []
    private var last = ContinuousClock.now

    public init() {}

    /// Ends the stage that ran since the previous lap (or since the clock was made).
    public mutating func lap(_ stage: String) {
        let now = ContinuousClock.now
        laps.append((stage, Self.seconds(now - last)))
        last = now
    }

    public static func seconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
