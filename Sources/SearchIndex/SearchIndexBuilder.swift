import Foundation
import MeshLink
import MeshModel

/// Builds the portal's search index: script files under `search/` that register themselves with
/// `assets/search.js` (`meshSearch.m(...)`, `.t(...)`, `.p(...)`, `.d(...)`, `.f(...)`), so the index
/// loads from file:// as well as from a server. Files:
///
/// - `search/manifest.js`: the shard cut points and the sizes the browser needs;
/// - `search/t/N.js`: term shards, cut by sorted term, each term with its document count, its best
///   `topK` postings with their records inline (title, context, URL, a snippet around the match), and
///   for a common term a reference to its full posting list. A first one-term query loads one of these;
/// - `search/p/N.js`: full posting lists of common terms, for queries of several terms or with filters;
/// - `search/d/N.js`: the records of `documentChunk` documents, for results found through full lists;
/// - `search/facets.js`: domain, team and status of every run of documents, for the filters.
public struct SearchIndexBuilder: Sendable {
    public struct Options: Sendable {
        public var shardBytes = 24_000
        public var topK = 20
        public var documentChunk = 64
        public var postingFileBytes = 32_000
        /// A posting list longer than this is split over several files (none may pass 200 KB).
        public var postingPieceBytes = 120_000
        public var snippetLength = 140
        public init() {}
    }

    /// The search page, site-root relative.
    public static let pageURL = "search/index.html"

    public let options: Options
    public init(options: Options = Options()) { self.options = options }

    /// Every index file by its site-root-relative path.
    public func build(_ mesh: LinkedMesh) -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        build(mesh) { files.merge($0) { _, new in new } }
        return files
    }

    /// Files are handed on once this many bytes of them are waiting.
    static let handingBytes = 8 << 20

    /// Every index file by its site-root-relative path, handed to `deliver` a few megabytes at a time
    /// as they are made, so the index (~190 MB at 10,000 products) is never whole in memory. With
    /// MESHPORT_TIMINGS set, says on standard error how long it took, not counting the time in `deliver`
    /// (scripts/bench-search reports it as a share of the build).
    public func build<Failure: Error>(_ mesh: LinkedMesh, deliver: ([String: [UInt8]]) throws(Failure) -> Void) throws(Failure) {
        var phases = StageClock()
        var pending: [String: [UInt8]] = [:], pendingBytes = 0
        var count = 0, bytes = 0, handing = Duration.zero
        func flush() throws(Failure) {
            guard !pending.isEmpty else { return }
            let start = ContinuousClock.now
            let files = pending
            pending = [:]
            pendingBytes = 0
            try deliver(files)
            handing += ContinuousClock.now - start
        }
        try makeFiles(mesh, &phases) { (path, file) throws(Failure) in
            count += 1
            bytes += file.count
            pending[path] = file
            pendingBytes += file.count
            if pendingBytes >= Self.handingBytes { try flush() }
        }
        try flush()
        if ProcessInfo.processInfo.environment["MESHPORT_TIMINGS"] != nil {
            let handed = StageClock.seconds(handing)
            let total = phases.laps.reduce(0) { $0 + $1.seconds } - handed
            let each = (phases.laps + [("handing on", handed)]).map { "\($0.stage) \(($0.seconds * 1000).rounded() / 1000)" }
            FileHandle.standardError.write(Data("search index: \(count) files, \(bytes) bytes, \(total) s (\(each.joined(separator: ", ")))\n".utf8))
        }
    }

    /// Makes the index files in order and hands each to `hand` when it is complete. The term entries are
    /// made a block at a time, and each shard and posting file handed on as soon as it is full.
    private func makeFiles<Failure: Error>(_ mesh: LinkedMesh, _ phases: inout StageClock,
                                           hand: (String, [UInt8]) throws(Failure) -> Void) throws(Failure) {
        let collected = DocumentCollector(mesh: mesh)
        let documents = collected.documents
        phases.lap("collect")
        let index = InvertedIndex(documents)
        phases.lap("invert")
        let facets = FacetTable(mesh: mesh, documents: documents, groups: collected.groups)

        // Terms in UTF-16 order: the order JavaScript compares strings in.
        let order: [Int] = {
            let keys = index.terms.map { Array($0.utf16) }
            return index.terms.indices.sorted { keys[$0].lexicographicallyPrecedes(keys[$1]) }
        }()
        phases.lap("order")

        var shards = ShardWriter(targetBytes: options.shardBytes)
        var postingFile = PostingFile()
        func handShards() throws(Failure) {
            for (n, shard) in shards.takeFinished() { try hand("search/t/\(n).js", shard) }
        }
        func closePostingFile() throws(Failure) {
            if let (n, script) = postingFile.close() { try hand("search/p/\(n).js", script) }
        }
        // Each term's entry is independent of the others: encoded over the cores, a block of terms at a
        // time. Only cutting them into shards and posting files, which depends on the sizes before, is
        // done in order.
        let block = 4096
        for blockStart in stride(from: 0, to: order.count, by: block) {
            let terms = order[blockStart..<min(order.count, blockStart + block)]
            var entries = parallelMap(terms.count) { k in
                termEntry(index.postings(terms[blockStart + k]), documents: documents, facets: facets)
            }
            for (k, id) in terms.enumerated() {
                let term = index.terms[id]
                var entry = entries[k].head
                let top = entries[k].top
                if let list = entries[k].list {
                    if list.count > options.postingPieceBytes {
                        let all = postingsOf(index.postings(id), documents: documents, facets: facets)
                        // A very common term: its list in pieces of one file each, [first file, 0, pieces].
                        let pieces = (list.count + options.postingPieceBytes - 1) / options.postingPieceBytes
                        let per = (all.count + pieces - 1) / pieces
                        try closePostingFile()
                        entry += Array(",[\(postingFile.number),0,\(pieces)]".utf8)
                        for start in stride(from: 0, to: all.count, by: per) {
                            postingFile.add(IndexEncoding.postings(Array(all[start..<min(all.count, start + per)]),
                                                                   previous: start > 0 ? all[start - 1].doc : -1))
                            try closePostingFile()
                        }
                    } else {
                        if postingFile.bytes > 0, postingFile.bytes + list.count > options.postingFileBytes {
                            try closePostingFile()
                        }
                        entry += Array(",[\(postingFile.number),\(postingFile.count),1]".utf8)
                        postingFile.add(list)
                    }
                }
                // What the shard and posting file took is let go.
                entries[k] = ([], nil, [])
                entry.append(0x5D)
                shards.add(term: term, entry: entry, docs: top) { doc in
                    var out: [UInt8] = []
                    record(documents[doc], into: &out)
                    return out
                }
            }
            try handShards()
        }
        shards.finish()
        try handShards()
        try closePostingFile()
        phases.lap("terms")

        // The record files, a batch at a time over the cores: a record is made where it is needed (here,
        // and once per shard that shows its document) rather than kept (~100 MB at 10,000 products).
        let chunks = (documents.count + options.documentChunk - 1) / options.documentChunk
        for batchStart in stride(from: 0, to: chunks, by: 256) {
            let batch = batchStart..<min(chunks, batchStart + 256)
            let scripts = parallelMap(batch.count) { k in recordScript(batch.lowerBound + k, documents: documents) }
            for (k, script) in scripts.enumerated() { try hand("search/d/\(batch.lowerBound + k).js", script) }
        }
        try hand("search/facets.js", facets.script())
        try hand("search/manifest.js", manifest(cuts: Self.cuts(first: shards.firstTerms, last: shards.lastTerms),
                                                documents: documents.count, classes: facets.classes))
        phases.lap("files")
    }

    typealias Posting = (doc: Int, score: Int, facet: Int)

    /// A term's postings with the deprecated flag in the score and each document's facet run.
    private func postingsOf(_ p: InvertedIndex.Postings, documents: [SearchDocument], facets: FacetTable) -> [Posting] {
        (0..<p.count).map { (doc: p.doc($0), score: p.score($0) | (documents[p.doc($0)].deprecated ? 32 : 0),
                             facet: facets.facet(of: p.doc($0))) }
    }

    /// `[count, "top postings", [snippet or 0 per top posting]` (the caller closes it), the full posting
    /// list when there are more than `topK`, and the top postings' documents.
    private func termEntry(_ p: InvertedIndex.Postings, documents: [SearchDocument], facets: FacetTable)
        -> (head: [UInt8], list: [UInt8]?, top: [Int]) {
        let all = postingsOf(p, documents: documents, facets: facets)
        // The best topK by score, then not deprecated, then document number: the browser's order too.
        let top = p.count <= options.topK ? Array(0..<p.count) : Self.best(options.topK, of: all)
        var entry = Array("[\(p.count),\"".utf8) + IndexEncoding.postings(top.map { all[$0] }) + [0x22, 0x2C, 0x5B]
        for (n, i) in top.enumerated() {
            if n > 0 { entry.append(0x2C) }
            // A snippet of its own only where the match is in body text past the summary's start.
            let field = p.snippetField(i), doc = p.doc(i)
            let snippet = field >= 0 ? Snippet.around(documents[doc].fields[field].text, offset: p.snippetOffset(i),
                                                      length: options.snippetLength) : nil
            if let snippet, snippet != Snippet.head(documents[doc].summary, length: options.snippetLength) {
                IndexEncoding.string(snippet, into: &entry)
            } else {
                entry.append(0x30)
            }
        }
        entry.append(0x5D)
        return (entry, p.count > options.topK ? IndexEncoding.postings(all) : nil, top.map { p.doc($0) })
    }

    /// The places in `postings` of the best `k` by score, then not deprecated, then document number (the
    /// browser's order too), in posting order. One pass keeping the best so far: common terms have
    /// hundreds of thousands of postings and only `k` are wanted.
    static func best(_ k: Int, of postings: [Posting]) -> [Int] {
        // A key larger for a better posting: documents are unique, so no two keys are equal.
        func key(_ i: Int) -> Int {
            let p = postings[i]
            return (p.score & 31) << 40 | (p.score & 32 == 0 ? 1 : 0) << 39 | ((1 << 39) - 1 - p.doc)
        }
        var kept: [(key: Int, index: Int)] = []  // ascending by key
        kept.reserveCapacity(k + 1)
        for i in postings.indices {
            let candidate = (key: key(i), index: i)
            if kept.count == k {
                guard candidate.key > kept[0].key else { continue }
                kept.removeFirst()
            }
            let at = kept.firstIndex { $0.key > candidate.key } ?? kept.count
            kept.insert(candidate, at: at)
        }
        return kept.map(\.index).sorted()
    }

    /// `meshSearch.d(c,[record,…]);`: the records of documents `c * documentChunk ..< (c + 1) * documentChunk`.
    private func recordScript(_ c: Int, documents: [SearchDocument]) -> [UInt8] {
        let range = c * options.documentChunk..<min(documents.count, (c + 1) * options.documentChunk)
        var out = Array("meshSearch.d(\(c),[".utf8)
        for d in range {
            if d > range.lowerBound { out.append(0x2C) }
            record(documents[d], into: &out)
        }
        return out + Array("]);\n".utf8)
    }

    /// `[title, context, url, snippet]`, the snippet the head of the document's summary.
    private func record(_ d: SearchDocument, into out: inout [UInt8]) {
        let snippet = Snippet.head(d.summary, length: options.snippetLength)
        let url = IndexEncoding.shortURL(d.fragment.map { d.url + "#" + $0 } ?? d.url)
        out.append(0x5B)
        for (i, text) in [d.title, d.context, url, snippet].enumerated() {
            if i > 0 { out.append(0x2C) }
            IndexEncoding.string(text, into: &out)
        }
        out.append(0x5D)
    }

    private func manifest(cuts: [String], documents: Int, classes: [String]) -> [UInt8] {
        var out = Array("meshSearch.m({\"v\":1,\"k\":\(options.topK),\"docs\":\(documents),\"chunk\":\(options.documentChunk),".utf8)
        out += Array("\"kinds\":".utf8) + IndexEncoding.array(SearchDocument.Kind.allCases.map(\.name))
        out += Array(",\"classes\":".utf8) + IndexEncoding.array(classes)
        out += Array(",\"stop\":".utf8) + IndexEncoding.array(InvertedIndex.stopWords.sorted())
        // The cuts as one space-separated string (two bytes a cut fewer than an array of strings), unless
        // a cut has a space in it (an id can): then as an array.
        let coded = Self.frontCoded(cuts)
        out += Array(",\"cuts\":".utf8)
        out += coded.contains { $0.utf8.contains(0x20) } ? IndexEncoding.array(coded) : IndexEncoding.string(coded.joined(separator: " "))
        out += Array("});\n".utf8)
        return out
    }

    /// Sorted strings front-coded: each starts with one character (IndexEncoding's alphabet) saying how
    /// many UTF-16 units it shares with the one before, then the rest: "", "ab", "abd" -> "A", "Aab", "Cd".
    static func frontCoded(_ strings: [String]) -> [String] {
        var previous: [UInt16] = []
        return strings.map { s in
            let units = Array(s.utf16)
            var shared = min(63, zip(previous, units).prefix { $0 == $1 }.count)
            while shared > 0, shared < units.count, UTF16.isTrailSurrogate(units[shared]) { shared -= 1 }
            previous = units
            var out: [UInt8] = []
            IndexEncoding.sixBits(shared, into: &out)
            return String(decoding: out, as: UTF8.self) + String(decoding: units[shared...], as: UTF16.self)
        }
    }

    /// Where each shard starts: the shortest prefix of its first term that still sorts after the
    /// previous shard's last term, so the manifest stays small. The first shard starts at "".
    static func cuts(first: [String], last: [String]) -> [String] {
        first.indices.map { i in
            guard i > 0 else { return "" }
            let units = Array(first[i].utf16)
            let previous = Array(last[i - 1].utf16)
            for n in 1...units.count where !UTF16.isLeadSurrogate(units[n - 1])
                && !units[..<n].lexicographicallyPrecedes(previous) && Array(units[..<n]) != previous {
                return String(decoding: units[..<n], as: UTF16.self)
            }
            return first[i]
        }
    }
}
