/// The posting file being filled: full posting lists of common terms, `meshSearch.p(n,["…","…"]);`.
/// Files are numbered in the order they are started; one closed empty keeps its number unused.
struct PostingFile {
    private(set) var number = 0
    private var lists: [[UInt8]] = []
    /// Bytes of the lists in it.
    private(set) var bytes = 0
    /// Lists in it.
    var count: Int { lists.count }

    mutating func add(_ list: [UInt8]) {
        lists.append(list)
        bytes += list.count
    }

    /// Ends this file and starts the next: its number and script, or nil when it holds no list.
    mutating func close() -> (number: Int, script: [UInt8])? {
        defer {
            number += 1
            lists = []
            bytes = 0
        }
        guard !lists.isEmpty else { return nil }
        var out = Array("meshSearch.p(\(number),[".utf8)
        out.reserveCapacity(bytes + 3 * lists.count + 32)
        for (i, list) in lists.enumerated() {
            if i > 0 { out.append(0x2C) }
            out.append(0x22)
            out += list
            out.append(0x22)
        }
        out += Array("]);\n".utf8)
        return (number, out)
    }
}
