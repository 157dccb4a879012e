/// The inner loop of transposition, on raw buffers (it runs millions of times on large graphs).
///
/// Every adjacent pair is checked once in order (with `reverse`, also swapping on ties, to leave
/// plateaus); after a swap only the pairs whose crossings it can change are queued again: the
/// pairs beside it and the pairs around the swapped nodes' neighbours. Each later swap removes
/// at least one crossing, so it ends, at a local optimum for adjacent swaps.
struct TranspositionKernel {
    let order: UnsafeMutableBufferPointer<Int>
    let position: UnsafeMutableBufferPointer<Int>
    let upStart: UnsafeBufferPointer<Int>
    let upTarget: UnsafeBufferPointer<Int>
    let downStart: UnsafeBufferPointer<Int>
    let downTarget: UnsafeBufferPointer<Int>
    /// Cluster numbers when clusters must stay contiguous (then only same-cluster pairs swap).
    let cluster: UnsafeBufferPointer<Int>?
    /// Whether slots i and i + 1 of `order` are in the same rank.
    let valid: UnsafeBufferPointer<Bool>
    /// The slot of each node's rank's first node.
    let rankBase: UnsafeBufferPointer<Int>
    let queue: UnsafeMutableBufferPointer<Int>
    let queued: UnsafeMutableBufferPointer<Bool>
    private var head = 0
    private var count = 0

    init(order: UnsafeMutableBufferPointer<Int>, position: UnsafeMutableBufferPointer<Int>,
         upStart: UnsafeBufferPointer<Int>, upTarget: UnsafeBufferPointer<Int>,
         downStart: UnsafeBufferPointer<Int>, downTarget: UnsafeBufferPointer<Int>,
         cluster: UnsafeBufferPointer<Int>?, valid: UnsafeBufferPointer<Bool>, rankBase: UnsafeBufferPointer<Int>,
         queue: UnsafeMutableBufferPointer<Int>, queued: UnsafeMutableBufferPointer<Bool>) {
        self.order = order
        self.position = position
        self.upStart = upStart
        self.upTarget = upTarget
        self.downStart = downStart
        self.downTarget = downTarget
        self.cluster = cluster
        self.valid = valid
        self.rankBase = rankBase
        self.queue = queue
        self.queued = queued
    }

    /// Returns the number of crossings removed.
    @discardableResult
    mutating func run(reverse: Bool) -> Int {
        var gain = 0
        for i in 0..<order.count where valid[i] { gain += trySwap(i, allowTie: reverse) }
        while count > 0 {
            let i = queue[head]
            head += 1
            if head == queue.count { head = 0 }
            count -= 1
            queued[i] = false
            gain += trySwap(i, allowTie: false)
        }
        return gain
    }

    @inline(__always)
    private mutating func enqueue(_ i: Int) {
        guard i >= 0, i < order.count, valid[i], !queued[i] else { return }
        queued[i] = true
        var slot = head + count
        if slot >= queue.count { slot -= queue.count }
        queue[slot] = i
        count += 1
    }

    @inline(__always)
    private mutating func touchNeighbours(of v: Int, _ start: UnsafeBufferPointer<Int>, _ target: UnsafeBufferPointer<Int>) {
        for k in start[v]..<start[v + 1] {
            let x = target[k]
            let slot = rankBase[x] + position[x]
            enqueue(slot - 1)
            enqueue(slot)
        }
    }

    @inline(__always)
    private mutating func trySwap(_ i: Int, allowTie: Bool) -> Int {
        let v = order[i], w = order[i + 1]
        if let cluster, cluster[v] != cluster[w] { return 0 }
        let (a, b) = pairCrossings(v, w, upStart, upTarget)
        let (c, d) = pairCrossings(v, w, downStart, downTarget)
        let asIs = a + c, swapped = b + d
        guard swapped < asIs || (allowTie && asIs > 0 && swapped == asIs) else { return 0 }
        order[i] = w
        order[i + 1] = v
        position[v] += 1
        position[w] -= 1
        enqueue(i - 1)
        enqueue(i + 1)
        touchNeighbours(of: v, upStart, upTarget)
        touchNeighbours(of: v, downStart, downTarget)
        touchNeighbours(of: w, upStart, upTarget)
        touchNeighbours(of: w, downStart, downTarget)
        return asIs - swapped
    }

    /// Crossings among the edges of v and w into one neighbouring rank, with v before w and with
    /// w before v.
    @inline(__always)
    func pairCrossings(_ v: Int, _ w: Int, _ start: UnsafeBufferPointer<Int>, _ target: UnsafeBufferPointer<Int>) -> (Int, Int) {
        var asIs = 0, swapped = 0
        let vs = start[v], ve = start[v + 1]
        let ws = start[w], we = start[w + 1]
        guard vs < ve && ws < we else { return (0, 0) }
        for i in vs..<ve {
            let pv = position[target[i]]
            for j in ws..<we {
                let pw = position[target[j]]
                if pv > pw { asIs += 1 } else if pv < pw { swapped += 1 }
            }
        }
        return (asIs, swapped)
    }
}
