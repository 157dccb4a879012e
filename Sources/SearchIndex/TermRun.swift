/// The scored hits of a run of consecutive documents, with terms numbered within the run: each
/// occurrence of a term is hashed once, and counting and best-score bookkeeping index arrays by
/// that number instead of hashing again. `InvertedIndex` merges runs in document order.
struct TermRun {
    private(set) var terms: [String] = []
    private var table = TermTable()
    /// Per term: a body stop word; the field it was last counted in, its count, first offset and best
    /// tier there; the document it was last hit in and that hit's place in the hit lists.
    private var isStopWord: [Bool] = []
    private var fieldStamp: [Int32] = [], fieldCount: [Int32] = [], fieldFirst: [Int32] = []
    private var fieldTier: [SearchDocument.Tier] = []
    private var documentStamp: [Int32] = [], documentHit: [Int32] = []
    private var fields: Int32 = 0
    private var touched: [Int32] = []
    /// The last field's distinct terms with their score and first offset.
    private var scored: [(term: Int32, score: UInt8, offset: Int32)] = []

    /// Each document's distinct terms with their best score over its fields, in order of first appearance.
    private(set) var hitTerms: [Int32] = []
    private(set) var hitDocs: [UInt32] = []
    private(set) var hitScores: [UInt8] = []
    private(set) var hitFields: [Int16] = []
    private(set) var hitOffsets: [Int32] = []

    mutating func add(_ document: SearchDocument, number: Int, averages: [Double]) {
        for (f, field) in document.fields.enumerated() {
            let snippetField: Int16 = field.tier == .body ? Int16(f) : -1
            score(field, average: averages[field.tier.rawValue])
            for (term, score, offset) in scored {
                if documentStamp[Int(term)] == Int32(number) {
                    let i = Int(documentHit[Int(term)])
                    if hitScores[i] >= score { continue }
                    hitScores[i] = score
                    hitFields[i] = snippetField
                    hitOffsets[i] = offset
                } else {
                    documentStamp[Int(term)] = Int32(number)
                    documentHit[Int(term)] = Int32(hitTerms.count)
                    hitTerms.append(term)
                    hitDocs.append(UInt32(number))
                    hitScores.append(score)
                    hitFields.append(snippetField)
                    hitOffsets.append(offset)
                }
            }
        }
    }

    /// The hits grouped by term, each term's in document order; the run's working tables are let go.
    consuming func grouped() -> RunPostings {
        var local = [Int32](repeating: -1, count: terms.count)
        var out = RunPostings()
        var counts: [Int32] = []
        for t in hitTerms {
            if local[Int(t)] < 0 {
                local[Int(t)] = Int32(out.terms.count)
                out.terms.append(terms[Int(t)])
                counts.append(0)
            }
            counts[Int(local[Int(t)])] += 1
        }
        out.starts.reserveCapacity(counts.count + 1)
        out.starts.append(0)
        for count in counts { out.starts.append(out.starts[out.starts.count - 1] + count) }
        var next = Array(out.starts.dropLast())
        out.docs = [UInt32](repeating: 0, count: hitTerms.count)
        out.scores = [UInt8](repeating: 0, count: hitTerms.count)
        out.fields = [Int16](repeating: 0, count: hitTerms.count)
        out.offsets = [Int32](repeating: 0, count: hitTerms.count)
        for h in hitTerms.indices {
            let l = Int(local[Int(hitTerms[h])])
            let at = Int(next[l])
            next[l] += 1
            out.docs[at] = hitDocs[h]
            out.scores[at] = hitScores[h]
            out.fields[at] = hitFields[h]
            out.offsets[at] = hitOffsets[h]
        }
        return out
    }

    /// Each distinct term of a field with its score and the scalar offset of its first occurrence.
    private mutating func score(_ field: SearchDocument.Field, average: Double) {
        let exact = UInt8(SearchDocument.Tier.exact.rawValue * 4 + 3)
        scored.removeAll(keepingCapacity: true)
        if field.verbatim {
            let term = field.text.unicodeScalars.map { Tokenizer.fold($0) }.joined()
            if !term.isEmpty { scored.append((number(term), exact, 0)) }
            return
        }
        fields += 1
        touched.removeAll(keepingCapacity: true)
        var length = 0
        let isBody = field.tier == .body
        func count(_ n: Int32, word: Int, part: Int, offset: Int) {
            let t = Int(n)
            if isBody, isStopWord[t] { return }
            length += 1
            var tier = field.tier
            // A name's first word ranks above its other words.
            if field.tier == .name { tier = word == 0 && part == 0 ? .nameStart : .name }
            if fieldStamp[t] == fields {
                fieldCount[t] += 1
                if tier > fieldTier[t] { fieldTier[t] = tier }
            } else {
                fieldStamp[t] = fields
                fieldCount[t] = 1
                fieldFirst[t] = Int32(offset)
                fieldTier[t] = tier
                touched.append(n)
            }
        }
        Tokenizer.forEachWord(field.text, plain: { bytes, offset, word in
            // A plain word is its one term, unless it is a single character.
            if bytes.count > 1 { count(number(bytes, foldCase: true), word: word, part: 0, offset: offset) }
        }, other: { made, word in
            for (part, term) in made.terms.enumerated() { count(number(term), word: word, part: part, offset: made.offset) }
        })
        // The whole name as one term: `order_events` for "Order Events", so an exact name ranks first.
        var whole: Int32?
        if field.tier == .name {
            let canonicals = Tokenizer.canonicalWords(field.text)
            if !canonicals.isEmpty { whole = number(canonicals.joined(separator: "_")) }
        }
        for n in touched {
            let t = Int(n)
            scored.append((n, n == whole ? exact : InvertedIndex.score(tier: fieldTier[t], tf: Int(fieldCount[t]), length: length, average: average),
                           fieldFirst[t]))
        }
        if let whole, fieldStamp[Int(whole)] != fields { scored.append((whole, exact, 0)) }
    }

    private mutating func number(_ term: String) -> Int32 {
        var term = term
        return term.withUTF8 { number($0, foldCase: false) }
    }

    private mutating func number(_ bytes: UnsafeBufferPointer<UInt8>, foldCase: Bool) -> Int32 {
        let (n, isNew) = table.number(of: bytes, foldCase: foldCase)
        guard isNew else { return n }
        let term = table.term(Int(n))
        terms.append(term)
        isStopWord.append(InvertedIndex.stopWords.contains(term))
        fieldStamp.append(0)
        fieldCount.append(0)
        fieldFirst.append(0)
        fieldTier.append(.body)
        documentStamp.append(-1)
        documentHit.append(0)
        return n
    }
}

/// A run's hits grouped by term: term `t` (numbered in order of first hit) has the postings from
/// `starts[t]` to `starts[t + 1]`, in document order.
struct RunPostings {
    var terms: [String] = []
    var starts: [Int32] = []
    var docs: [UInt32] = [], scores: [UInt8] = [], fields: [Int16] = [], offsets: [Int32] = []
}
