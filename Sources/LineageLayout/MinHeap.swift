/// A binary min-heap of (key, value) pairs; ties go to the smaller value, so pops are deterministic.
struct MinHeap: Sendable {
    private var keys: [Int] = []
    private var values: [Int] = []

    var isEmpty: Bool { keys.isEmpty }

    private func less(_ i: Int, _ j: Int) -> Bool {
        keys[i] < keys[j] || (keys[i] == keys[j] && values[i] < values[j])
    }

    private mutating func swapAt(_ i: Int, _ j: Int) {
        keys.swapAt(i, j)
        values.swapAt(i, j)
    }

    mutating func push(key: Int, value: Int) {
        keys.append(key)
        values.append(value)
        var i = keys.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            guard less(i, parent) else { break }
            swapAt(i, parent)
            i = parent
        }
    }

    mutating func pop() -> (key: Int, value: Int)? {
        guard let firstKey = keys.first else { return nil }
        let top = (firstKey, values[0])
        swapAt(0, keys.count - 1)
        keys.removeLast()
        values.removeLast()
        var i = 0
        while true {
            let left = 2 * i + 1, right = left + 1
            var smallest = i
            if left < keys.count && less(left, smallest) { smallest = left }
            if right < keys.count && less(right, smallest) { smallest = right }
            if smallest == i { break }
            swapAt(i, smallest)
            i = smallest
        }
        return top
    }
}
