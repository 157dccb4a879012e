import Dispatch

/// `(0..<count).map(transform)` spread over the cores in contiguous chunks. Each chunk writes only its
/// own slots and the results come back in index order, so the output does not depend on scheduling.
public func parallelMap<T>(_ count: Int, _ transform: (Int) -> T) -> [T] {
    guard count > 1 else { return (0..<count).map(transform) }
    let results = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
    results.initialize(repeating: nil)
    defer { results.deinitialize(); results.deallocate() }
    let per = (count + 63) / 64
    let chunks = (count + per - 1) / per
    withoutActuallyEscaping(transform) { transform in
        let box = UncheckedBox(transform: transform, results: results)
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            for i in c * per..<min(count, (c + 1) * per) { box.results[i] = box.transform(i) }
        }
    }
    return results.map { $0! }
}

private struct UncheckedBox<T>: @unchecked Sendable {
    let transform: (Int) -> T
    let results: UnsafeMutableBufferPointer<T?>
}
