/// Numbers for terms, looked up by their UTF-8 bytes: a plain word is found without making a String
/// or hashing it with SipHash, which was most of the time of tokenising all text of a mesh. Open
/// addressing over a power-of-two table, FNV-1a hashes, keys stored back to back.
struct TermTable {
    /// Per slot: a term's number, or -1.
    private var slots = [Int32](repeating: -1, count: 1024)
    private var hashes: [UInt64] = []
    private var keys: [UInt8] = []
    private var keyStarts: [Int] = [0]

    var count: Int { hashes.count }

    /// The number of the term whose bytes are `key`, ASCII upper case folded when `foldCase`, and
    /// whether it was new (then it is numbered `count - 1`).
    mutating func number(of key: UnsafeBufferPointer<UInt8>, foldCase: Bool) -> (number: Int32, isNew: Bool) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key { hash = (hash ^ UInt64(Self.fold(byte, foldCase))) &* 0x100_0000_01b3 }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let n = Int(slots[slot])
            if n < 0 { break }
            if hashes[n] == hash, equal(n, key, foldCase) { return (Int32(n), false) }
            slot = (slot + 1) & mask
        }
        let n = hashes.count
        hashes.append(hash)
        for byte in key { keys.append(Self.fold(byte, foldCase)) }
        keyStarts.append(keys.count)
        slots[slot] = Int32(n)
        if hashes.count * 2 > slots.count { grow() }
        return (Int32(n), true)
    }

    /// The stored (folded) bytes of term `n` as a String.
    func term(_ n: Int) -> String {
        String(decoding: keys[keyStarts[n]..<keyStarts[n + 1]], as: UTF8.self)
    }

    private func equal(_ n: Int, _ key: UnsafeBufferPointer<UInt8>, _ foldCase: Bool) -> Bool {
        let start = keyStarts[n]
        guard keyStarts[n + 1] - start == key.count else { return false }
        for i in key.indices where keys[start + i] != Self.fold(key[i], foldCase) { return false }
        return true
    }

    private static func fold(_ byte: UInt8, _ foldCase: Bool) -> UInt8 {
        foldCase ? Tokenizer.lowerASCII(byte) : byte
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for (n, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(n)
        }
    }
}
