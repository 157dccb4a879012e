/// Wall time per pipeline stage, for `MESHPORT_TIMINGS` and the benchmarks.
public struct StageClock: Sendable {
    public private(set) var laps: [(stage: String, seconds: Double)] = []
    private var last = ContinuousClock.now

    public init() {}

    /// Ends the stage that ran since the previous lap (or since the clock was made).
    public mutating func lap(_ stage: String) {
        let now = ContinuousClock.now
        let elapsed = (now - last).components
        laps.append((stage, Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18))
        last = now
    }
}
