import MeshModel

/// Terms -> the documents that contain them, each with one score byte: the best field's tier times
/// four plus a 0...3 measure of term frequency against field length (BM25's saturation, quantised).
/// Every list is in document order.
///
/// The postings stay in the runs of documents they were found in, grouped by term there, and a term's
/// list is put together from its runs when asked for: laying every run out again in one flat table
/// held both at once (~300 MB at 10,000 products, the peak of the build).
struct InvertedIndex {
    /// One term's postings, in document order.
    struct Postings {
        fileprivate var docs: [UInt32] = [], scores: [UInt8] = [], fields: [Int16] = [], offsets: [Int32] = []
        var count: Int { docs.count }
        func doc(_ i: Int) -> Int { Int(docs[i]) }
        func score(_ i: Int) -> Int { Int(scores[i]) }
        /// Where the snippet for this hit starts: the field (-1: the document's summary) and scalar offset.
        func snippetField(_ i: Int) -> Int { Int(fields[i]) }
        func snippetOffset(_ i: Int) -> Int { Int(offsets[i]) }
    }

    /// Words too common to find anything by, dropped from body text only (names keep them).
    /// `assets/search.js` drops the same words from queries.
    static let stopWords: Set<String> = ["a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "is", "it",
                                         "of", "on", "or", "that", "the", "this", "to", "with"]

    private(set) var terms: [String] = []
    private var runs: [RunPostings]
    /// Term `t`'s pieces, one per run it occurs in, in run order: `pieceRuns[i]`'s term `pieceTerms[i]`
    /// for `i` from `pieceStarts[t]` to `pieceStarts[t + 1]`; `counts[t]` postings in all.
    private var pieceStarts: [Int] = [], pieceRuns: [Int32] = [], pieceTerms: [Int32] = []
    private var counts: [Int] = []

    func postings(_ term: Int) -> Postings {
        var p = Postings()
        p.docs.reserveCapacity(counts[term])
        p.scores.reserveCapacity(counts[term])
        p.fields.reserveCapacity(counts[term])
        p.offsets.reserveCapacity(counts[term])
        for i in pieceStarts[term]..<pieceStarts[term + 1] {
            let run = runs[Int(pieceRuns[i])], t = Int(pieceTerms[i])
            let range = Int(run.starts[t])..<Int(run.starts[t + 1])
            p.docs += run.docs[range]
            p.scores += run.scores[range]
            p.fields += run.fields[range]
            p.offsets += run.offsets[range]
        }
        return p
    }

    init(_ documents: [SearchDocument]) {
        let averages = Self.averageLengths(documents)
        // Runs of documents are tokenised and scored over the cores, each run numbering its own terms
        // (a term is hashed once where it occurs); the index numbers them in run order, so the result
        // does not depend on scheduling.
        let runLength = max(64, (documents.count + 255) / 256)
        runs = parallelMap((documents.count + runLength - 1) / runLength) { r in
            var run = TermRun()
            for d in r * runLength..<min(documents.count, (r + 1) * runLength) {
                run.add(documents[d], number: d, averages: averages)
            }
            return run.grouped()
        }
        // Index numbers for the runs' terms, and how many runs each term occurs in.
        var numbers: [String: Int] = [:]
        var pieceCounts: [Int] = []
        let runNumbers = runs.indices.map { r in
            let run = runs[r]
            let ids = run.terms.indices.map { t in
                let term = run.terms[t]
                let id: Int
                if let known = numbers[term] {
                    id = known
                } else {
                    id = terms.count
                    numbers[term] = id
                    terms.append(term)
                    pieceCounts.append(0)
                    counts.append(0)
                }
                pieceCounts[id] += 1
                counts[id] += Int(run.starts[t + 1] - run.starts[t])
                return Int32(id)
            }
            // The run's own term strings are not needed once numbered.
            runs[r].terms = []
            return ids
        }
        pieceStarts = [0]
        pieceStarts.reserveCapacity(terms.count + 1)
        for count in pieceCounts { pieceStarts.append(pieceStarts[pieceStarts.count - 1] + count) }
        pieceRuns = [Int32](repeating: 0, count: pieceStarts[pieceStarts.count - 1])
        pieceTerms = [Int32](repeating: 0, count: pieceRuns.count)
        var next = Array(pieceStarts.dropLast())
        for (r, ids) in runNumbers.enumerated() {
            for (t, id) in ids.enumerated() {
                pieceRuns[next[Int(id)]] = Int32(r)
                pieceTerms[next[Int(id)]] = Int32(t)
                next[Int(id)] += 1
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
