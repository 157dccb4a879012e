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
        // Tokenising and scoring is per document: done over the cores, then merged in document order.
        let hits = parallelMap(documents.count) { Self.bestHits(documents[$0], averages: averages) }
        termIDs.reserveCapacity(documents.count)
        for (d, document) in hits.enumerated() {
            for hit in document {
                let id = termID(hit.term)
                postings[id].docs.append(UInt32(d))
                postings[id].scores.append(hit.score)
                postings[id].snippetField.append(hit.field)
                postings[id].snippetOffset.append(hit.offset)
            }
        }
    }

    typealias Hit = (term: String, score: UInt8, field: Int16, offset: Int32)

    /// Each distinct term of a document with its best score over the fields, in order of first appearance.
    static func bestHits(_ document: SearchDocument, averages: [Double]) -> [Hit] {
        var hits: [Hit] = []
        var slot: [String: Int] = [:]
        for (f, field) in document.fields.enumerated() {
            for (term, score, offset) in scoredTerms(field, average: averages[field.tier.rawValue]) {
                let snippetField: Int16 = field.tier == .body ? Int16(f) : -1
                if let i = slot[term] {
                    if hits[i].score >= score { continue }
                    hits[i] = (term, score, snippetField, offset)
                } else {
                    slot[term] = hits.count
                    hits.append((term, score, snippetField, offset))
                }
            }
        }
        return hits
    }

    private mutating func termID(_ term: String) -> Int {
        if let id = termIDs[term] { return id }
        termIDs[term] = terms.count
        terms.append(term)
        postings.append(Postings())
        return terms.count - 1
    }

    /// Each distinct term of a field with its score and the scalar offset of its first occurrence.
    static func scoredTerms(_ field: SearchDocument.Field, average: Double) -> [(String, UInt8, Int32)] {
        if field.verbatim {
            let term = field.text.unicodeScalars.map { Tokenizer.fold($0) }.joined()
            return term.isEmpty ? [] : [(term, UInt8(SearchDocument.Tier.exact.rawValue * 4 + 3), Int32(0))]
        }
        var counts: [String: (tf: Int, first: Int32, tier: SearchDocument.Tier)] = [:]
        var order: [String] = []
        var length = 0
        var wordIndex = 0
        var canonicals: [String] = []
        Tokenizer.forEachWord(field.text) { word in
            defer { wordIndex += 1 }
            canonicals.append(word.canonical)
            for (i, term) in word.terms.enumerated() {
                if field.tier == .body, stopWords.contains(term) { continue }
                length += 1
                var tier = field.tier
                // A name's first word ranks above its other words.
                if field.tier == .name { tier = wordIndex == 0 && i == 0 ? .nameStart : .name }
                if let old = counts[term] {
                    counts[term] = (old.tf + 1, old.first, max(old.tier, tier))
                } else {
                    counts[term] = (1, Int32(word.offset), tier)
                    order.append(term)
                }
            }
        }
        var out: [(String, UInt8, Int32)] = order.map { term in
            let c = counts[term]!
            return (term, score(tier: c.tier, tf: c.tf, length: length, average: average), c.first)
        }
        // The whole name as one term: `order_events` for "Order Events", so an exact name ranks first.
        if field.tier == .name, !canonicals.isEmpty {
            let whole = canonicals.joined(separator: "_")
            let exact = UInt8(SearchDocument.Tier.exact.rawValue * 4 + 3)
            if let i = out.firstIndex(where: { $0.0 == whole }) { out[i].1 = exact } else { out.append((whole, exact, 0)) }
        }
        return out
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
