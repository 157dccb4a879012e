import MeshModel

/// The record files, `meshSearch.d(c,[record,…]);` with `chunk` documents each, made once: a term
/// shard that shows a document copies its record out of them, so no record is kept on its own.
struct RecordFiles {
    let chunk: Int
    /// File `c` holds the records of documents `c * chunk ..< (c + 1) * chunk`.
    let scripts: [[UInt8]]
    /// Where each document's record starts and ends in its file.
    private let starts: [Int32], ends: [Int32]

    /// `record` writes one document's record, `[title, context, url, snippet]`, the snippet its summary's head.
    init(_ documents: [SearchDocument], chunk: Int, record: @Sendable (SearchDocument, inout [UInt8]) -> Void) {
        self.chunk = chunk
        let made = parallelMap((documents.count + chunk - 1) / chunk) { c -> (script: [UInt8], bounds: [Int32]) in
            let range = c * chunk..<min(documents.count, (c + 1) * chunk)
            var out = Array("meshSearch.d(\(c),[".utf8)
            // Records are their texts and a few quotes and commas (escapes aside): one allocation, no slack.
            out.reserveCapacity(range.reduce(32) { sum, d in
                let doc = documents[d]
                return sum + doc.title.utf8.count + doc.context.utf8.count + doc.url.utf8.count + min(doc.summary.utf8.count, 400) + 16
            })
            var bounds: [Int32] = []
            bounds.reserveCapacity(2 * range.count)
            for d in range {
                if d > range.lowerBound { out.append(0x2C) }
                bounds.append(Int32(out.count))
                record(documents[d], &out)
                bounds.append(Int32(out.count))
            }
            out += Array("]);\n".utf8)
            return (out, bounds)
        }
        scripts = made.map(\.script)
        let bounds = made.flatMap(\.bounds)
        starts = stride(from: 0, to: bounds.count, by: 2).map { bounds[$0] }
        ends = stride(from: 1, to: bounds.count, by: 2).map { bounds[$0] }
    }

    /// Whether `snippet` equals the one in document `doc`'s record, `head()` (as Strings compare, by
    /// canonical equivalence). The record ends `,"snippet"]`, and inside an encoded string every quote is
    /// escaped, so `,"` can only be where its snippet starts: equal bytes are equal Strings. Different bytes
    /// are different Strings when both are ASCII (non-ASCII is written `\uXXXX`); otherwise `head()` decides.
    func hasSnippet(_ doc: Int, _ snippet: String, head: () -> String) -> Bool {
        var encoded: [UInt8] = [0x2C]
        IndexEncoding.string(snippet, into: &encoded)
        encoded.append(0x5D)
        let record = record(doc)
        if record.count >= encoded.count, record.suffix(encoded.count).elementsEqual(encoded) { return true }
        let escapes = zip(record, record.dropFirst()).contains { $0 == 0x5C && $1 == 0x75 }
        return escapes || snippet.utf8.contains { $0 >= 0x80 } ? snippet == head() : false
    }

    /// Document `doc`'s record, `[title, context, url, snippet]`.
    func record(_ doc: Int) -> ArraySlice<UInt8> {
        scripts[doc / chunk][Int(starts[doc])..<Int(ends[doc])]
    }
}
