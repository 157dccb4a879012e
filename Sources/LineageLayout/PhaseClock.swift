/// Measures consecutive phases.
struct PhaseClock {
    private let clock = ContinuousClock()
    private var last: ContinuousClock.Instant

    init() { last = clock.now }

    /// The time since the previous lap (or the start).
    mutating func lap() -> Duration {
        let now = clock.now
        defer { last = now }
        return now - last
    }
}
