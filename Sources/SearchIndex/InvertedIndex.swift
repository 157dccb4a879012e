import MeshModel

/// Terms -> the documents that contain them, each with one score byte: the best field's tier times
/// four plus a 0...3 measure of term frequency against field length (BM25's saturation, quantised).
/// Postings are appended in document order, so every list is sorted by document number.
struct InvertedIndex {
    /// One term's postings: a view into the index's flat arrays.
    struct Postings {
        fileprivate let index: InvertedIndex
        fileprivate let start: Int
        let count: Int
        func doc(_ i: Int) -> Int { Int(index.docs[start + i]) }
        func score(_ i: Int) -> Int { Int(index.scores[start + i]) }
        /// Where the snippet for this hit starts: the field (-1: the document's summary) and scalar offset.
        func snippetField(_ i: Int) -> Int { Int(index.snippetFields[start + i]) }
        func snippetOffset(_ i: Int) -> Int { Int(index.snippetOffsets[start + i]) }
    }

    /// Words too common to find anything by, dropped from body text only (names keep them).
    /// `assets/search.js` drops the same words from queries.
    static let stopWords: Set<String> = ["a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "is", "it",
                                         "of", "on", "or", "that", "the", "this", "to", "with"]

    private(set) var terms: [String] = []
    /// Every term's postings one after the other (term `t` from `starts[t]` to `starts[t + 1]`), each
    /// term's in document order.
    private var starts: [Int] = []
    private var docs: [UInt32] = [], scores: [UInt8] = [], snippetFields: [Int16] = [], snippetOffsets: [Int32] = []

    func postings(_ term: Int) -> Postings {
        Postings(index: self, start: starts[term], count: starts[term + 1] - starts[term])
    }

    init(_ documents: [SearchDocument]) {
        let averages = Self.averageLengths(documents)
        // Runs of documents are tokenised and scored over the cores, each run numbering its own terms
        // (a term is hashed once where it occurs); merging maps each run's numbers to the index's, in
        // document order, so the result does not depend on scheduling.
        let runLength = max(64, (documents.count + 255) / 256)
        var runs = parallelMap((documents.count + runLength - 1) / runLength) { r in
            var run = TermRun()
            for d in r * runLength..<min(documents.count, (r + 1) * runLength) {
                run.add(documents[d], number: d, averages: averages)
            }
            return run
        }
        // Index numbers for the runs' terms (only those with hits: a run numbers body stop words too),
        // and how many postings each term has, so they can be laid out one after the other.
        var numbers: [String: Int] = [:]
        var counts: [Int] = []
        let runNumbers = runs.map { run in
            var ids = [Int](repeating: -1, count: run.terms.count)
            for t in run.hitTerms {
                if ids[Int(t)] < 0 {
                    let term = run.terms[Int(t)]
                    if let id = numbers[term] {
                        ids[Int(t)] = id
                    } else {
                        ids[Int(t)] = terms.count
                        numbers[term] = terms.count
                        terms.append(term)
                        counts.append(0)
                    }
                }
                counts[ids[Int(t)]] += 1
            }
            return ids
        }
        starts = [0]
        starts.reserveCapacity(terms.count + 1)
        for count in counts { starts.append(starts[starts.count - 1] + count) }
        let total = starts[starts.count - 1]
        docs = [UInt32](repeating: 0, count: total)
        scores = [UInt8](repeating: 0, count: total)
        snippetFields = [Int16](repeating: 0, count: total)
        snippetOffsets = [Int32](repeating: 0, count: total)
        var next = Array(starts.dropLast())
        for (r, ids) in runNumbers.enumerated() {
            // Each run is let go once its hits are laid out: at 10,000 products the runs hold ~150 MB.
            let run = runs[r]
            runs[r] = TermRun()
            for h in run.hitTerms.indices {
                let id = ids[Int(run.hitTerms[h])]
                let at = next[id]
                next[id] += 1
                docs[at] = run.hitDocs[h]
                scores[at] = run.hitScores[h]
                snippetFields[at] = run.hitFields[h]
                snippetOffsets[at] = run.hitOffsets[h]
            }
        }
    }

    static func score(tier: SearchDocument.Tier, tf: Int, length: Int, average: Double) -> UInt8 {
        let k1 = 1.2, b = 0.75
        let tf = Double(tf)
        let saturation = tf * (k1 + 1) / (tf + k1 * (1 - b + b * Double(length) / max(average, 1)))
        let q = min(3, Int(saturation / (k1 + 1) * 4))
        return UInt8(tier.rawValue * 4 + q)
    }

    /// The mean number of terms of the fields of each tier, for length normalisation. Counted over the
    /// cores in whole numbers, so the sums, and the averages, are the same whatever the split.
    static func averageLengths(_ documents: [SearchDocument]) -> [Double] {
        let runLength = max(64, (documents.count + 255) / 256)
        let sums = parallelMap((documents.count + runLength - 1) / runLength) { r -> [Int] in
            // Terms per tier in 0..<8, fields per tier in 8..<16.
            var sums = [Int](repeating: 0, count: 16)
            for document in documents[r * runLength..<min(documents.count, (r + 1) * runLength)] {
                for field in document.fields where !field.verbatim {
                    // Counting spaces is close enough to counting terms for an average, and much cheaper.
                    var n = 1
                    for byte in field.text.utf8 where byte == 0x20 { n += 1 }
                    sums[field.tier.rawValue] += n
                    sums[8 + field.tier.rawValue] += 1
                }
            }
            return sums
        }
        var total = [Int](repeating: 0, count: 16)
        for run in sums { for i in 0..<16 { total[i] += run[i] } }
        return (0..<8).map { total[8 + $0] > 0 ? Double(total[$0]) / Double(total[8 + $0]) : 1 }
    }
}
