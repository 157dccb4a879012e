/// Packs term entries into shards of about `targetBytes`. A shard carries each document's record
/// (title, context, URL, summary) once, `"r":{doc:[…]}`, and its terms, `"w":{term:[…]}`, refer to
/// them by number, so a document found under many terms of one shard costs its record only once.
struct ShardWriter {
    let targetBytes: Int
    /// Shards finished and not taken yet, with their numbers.
    private var finished: [(number: Int, file: [UInt8])] = []
    private var shardCount = 0
    private(set) var firstTerms: [String] = []
    private(set) var lastTerms: [String] = []
    private var records: [UInt8] = []
    private var terms: [UInt8] = []
    private var present: Set<Int> = []

    init(targetBytes: Int) { self.targetBytes = targetBytes }

    /// Adds `entry` (the term's encoded value) needing the records of `docs`; `record` makes one.
    mutating func add(term: String, entry: [UInt8], docs: [Int], record: (Int) -> [UInt8]) {
        let missing = docs.filter { !present.contains($0) }
        let estimate = entry.count + term.utf8.count + missing.count * 200
        let size = records.count + terms.count + estimate
        // Cut where the new shard's first term differs early from the previous term, so the manifest's
        // cut prefixes stay a few characters long; past 1.5 times the target, cut anywhere.
        if !terms.isEmpty, size > targetBytes * 3 / 4,
           size > targetBytes * 3 / 2 || Self.commonPrefix(lastTerms[lastTerms.count - 1], term) < 3 {
            finishShard()
        }
        for doc in docs where present.insert(doc).inserted {
            if !records.isEmpty { records.append(0x2C) }
            records.append(0x22)
            IndexEncoding.decimal(doc, into: &records)
            records += [0x22, 0x3A]
            records += record(doc)
        }
        if terms.isEmpty { firstTerms.append(term) } else { lastTerms.removeLast() }
        lastTerms.append(term)
        if !terms.isEmpty { terms.append(0x2C) }
        IndexEncoding.string(term, into: &terms)
        terms.append(0x3A)
        terms += entry
    }

    static func commonPrefix(_ a: String, _ b: String) -> Int {
        zip(a.utf16, b.utf16).prefix { $0 == $1 }.count
    }

    mutating func finish() {
        if !terms.isEmpty { finishShard() }
    }

    /// The shards finished since the last call, so they need not be held to the end.
    mutating func takeFinished() -> [(number: Int, file: [UInt8])] {
        defer { finished = [] }
        return finished
    }

    private mutating func finishShard() {
        let n = shardCount
        shardCount += 1
        finished.append((n, Array("meshSearch.t(\(n),{\"r\":{".utf8) + records + Array("},\"w\":{".utf8) + terms + Array("}});\n".utf8)))
        records.removeAll(keepingCapacity: true)
        terms.removeAll(keepingCapacity: true)
        present.removeAll(keepingCapacity: true)
    }
}
