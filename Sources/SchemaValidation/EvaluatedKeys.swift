/// Which keys of a mapping (by position) some schema has looked at, for `unevaluatedProperties`.
/// A bit set: mappings rarely have more than 64 keys, so the common case allocates nothing.
struct EvaluatedKeys: Sendable, Hashable {
    private var low: UInt64 = 0
    private var high: [UInt64] = []

    static func all(_ count: Int) -> EvaluatedKeys {
        var keys = EvaluatedKeys()
        for i in 0..<count { keys.insert(i) }
        return keys
    }

    mutating func insert(_ index: Int) {
        if index < 64 {
            low |= 1 << UInt64(index)
            return
        }
        let word = index / 64 - 1
        if high.count <= word { high += Array(repeating: 0, count: word - high.count + 1) }
        high[word] |= 1 << UInt64(index % 64)
    }

    func contains(_ index: Int) -> Bool {
        if index < 64 { return low & (1 << UInt64(index)) != 0 }
        let word = index / 64 - 1
        return word < high.count && high[word] & (1 << UInt64(index % 64)) != 0
    }

    mutating func formUnion(_ other: EvaluatedKeys) {
        low |= other.low
        if other.high.isEmpty { return }
        if high.count < other.high.count { high += Array(repeating: 0, count: other.high.count - high.count) }
        for (i, word) in other.high.enumerated() { high[i] |= word }
    }
}
