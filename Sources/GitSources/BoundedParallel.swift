import Dispatch
import Foundation

/// `items.map(body)` with at most `width` bodies running at once, results in input order. For work
/// that waits on other processes (git fetching), so the width is not tied to the number of cores.
public func boundedParallelMap<T: Sendable, R: Sendable>(_ items: [T], width: Int, _ body: @escaping @Sendable (T) -> R) -> [R] {
    guard items.count > 1, width > 1 else { return items.map(body) }
    let results = ResultSlots<R>(count: items.count)
    let slots = DispatchSemaphore(value: width)
    let group = DispatchGroup()
    for (i, item) in items.enumerated() {
        slots.wait()
        group.enter()
        DispatchQueue.global().async {
            results.set(i, body(item))
            slots.signal()
            group.leave()
        }
    }
    group.wait()
    return results.values()
}

private final class ResultSlots<R>: @unchecked Sendable {
    private var slots: [R?]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ value: R) { lock.withLock { slots[i] = value } }
    func values() -> [R] { lock.withLock { slots.map { $0! } } }
}
