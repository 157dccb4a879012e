import Dispatch
import Foundation

/// `items.map(body)` with at most `width` bodies running at once, results in input order. For work
/// that waits on other processes (git fetching), so the width is not tied to the number of cores.
/// The bodies run on threads of their own: blocked on a child process, they would starve
/// Dispatch's shared pool, which the Process machinery itself needs.
public func boundedParallelMap<T: Sendable, R: Sendable>(_ items: [T], width: Int, _ body: @escaping @Sendable (T) -> R) -> [R] {
    guard items.count > 1, width > 1 else { return items.map(body) }
    let work = SharedWork<T, R>(items)
    let done = DispatchSemaphore(value: 0)
    let threads = min(width, items.count)
    for _ in 0..<threads {
        Thread {
            while let (i, item) = work.next() { work.set(i, body(item)) }
            done.signal()
        }.start()
    }
    for _ in 0..<threads { done.wait() }
    return work.results()
}

private final class SharedWork<T, R>: @unchecked Sendable {
    private let items: [T]
    private var slots: [R?]
    private var nextIndex = 0
    private let lock = NSLock()

    init(_ items: [T]) {
        self.items = items
        slots = Array(repeating: nil, count: items.count)
    }

    func next() -> (Int, T)? {
        lock.withLock {
            guard nextIndex < items.count else { return nil }
            defer { nextIndex += 1 }
            return (nextIndex, items[nextIndex])
        }
    }

    func set(_ i: Int, _ value: R) { lock.withLock { slots[i] = value } }
    func results() -> [R] { lock.withLock { slots.map { $0! } } }
}
