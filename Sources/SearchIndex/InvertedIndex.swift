import MeshModel

/// Terms -> the documents that contain them, each with one score byte: the best field's tier times
/// four plus a 0...3 measure of term frequency against field length (BM25's saturation, quantised).
/// Postings are appended in document order, so every list is sorted by document number.
struct InvertedIndex {
    struct Postings {
        var docs: [UInt32] = []
        var scores: [UInt8] = []
        /// Where the snippet for this hit starts: the field (-1: the document's summary) and scalar offset.
        var snippetField: [Int16] = []
        var snippetOffset: [Int32] = []
        var count: Int { docs.count }
    }

    /// Words too common to find anything by, dropped from body text only (names keep them).
    /// `assets/search.js` drops the same words from queries.
    static let stopWords: Set<String> = ["a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "is", "it",
                                         "of", "on", "or", "that", "the", "this", "to", "with"]

    private(set) var termIDs: [String: Int] = [:]
    private(set) var terms: [String] = []
    private(set) var postings: [Postings] = []

    init(_ documents: [SearchDocument]) {
        let averages = Self.averageLengths(documents)
        // Runs of documents are tokenised and scored over the cores, each run numbering its own terms
        // (a term is hashed once where it occurs); merging maps each run's numbers to the index's, in
        // document order, so the result does not depend on scheduling.
        let runLength = max(64, (documents.count + 255) / 256)
        let runs = parallelMap((documents.count + runLength - 1) / runLength) { r in
            var run = TermRun()
            for d in r * runLength..<min(documents.count, (r + 1) * runLength) {
                run.add(documents[d], number: d, averages: averages)
            }
            return run
        }
        termIDs.reserveCapacity(runs.first.map { $0.terms.count * 4 } ?? 0)
        for run in runs {
            // A run numbers body stop words too; only terms with hits get an id here.
            var ids = [Int](repeating: -1, count: run.terms.count)
            for h in run.hitTerms.indices {
                let t = Int(run.hitTerms[h])
                if ids[t] < 0 { ids[t] = termID(run.terms[t]) }
                let id = ids[t]
                postings[id].docs.append(run.hitDocs[h])
                postings[id].scores.append(run.hitScores[h])
                postings[id].snippetField.append(run.hitFields[h])
                postings[id].snippetOffset.append(run.hitOffsets[h])
            }
        }
    }

    private mutating func termID(_ term: String) -> Int {
        if let id = termIDs[term] { return id }
        termIDs[term] = terms.count
        terms.append(term)
        postings.append(Postings())
        return terms.count - 1
    }

    static func score(tier: SearchDocument.Tier, tf: Int, length: Int, average: Double) -> UInt8 {
        let k1 = 1.2, b = 0.75
        let tf = Double(tf)
        let saturation = tf * (k1 + 1) / (tf + k1 * (1 - b + b * Double(length) / max(average, 1)))
        let q = min(3, Int(saturation / (k1 + 1) * 4))
        return UInt8(tier.rawValue * 4 + q)
    }

    /// The mean number of terms of the fields of each tier, for length normalisation.
    static func averageLengths(_ documents: [SearchDocument]) -> [Double] {
        var total = [Double](repeating: 0, count: 8), count = [Double](repeating: 0, count: 8)
        for document in documents {
            for field in document.fields where !field.verbatim {
                // Counting spaces is close enough to counting terms for an average, and much cheaper.
                var n = 1
                for byte in field.text.utf8 where byte == 0x20 { n += 1 }
                total[field.tier.rawValue] += Double(n)
                count[field.tier.rawValue] += 1
            }
        }
        return (0..<8).map { count[$0] > 0 ? total[$0] / count[$0] : 1 }
    }
}
