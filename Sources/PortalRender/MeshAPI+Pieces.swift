import Foundation

/// `api/mesh.json` made a piece at a time. `JSONEncoder` builds its own tree of the whole value before
/// writing a byte: at 10,000 products several times the 160 MB file. Here the model's long top-level
/// lists are encoded an element at a time into the skeleton of the rest, which gives the same bytes as
/// `encode(self)`: pretty-printed JSON has no line breaks inside strings, so an element encoded on its
/// own only needs its lines indented to its place.
extension MeshAPI {
    func json() -> [UInt8] {
        var skeleton = self
        skeleton.domains = []
        skeleton.teams = []
        skeleton.products = []
        skeleton.contracts = []
        skeleton.lineage = []
        skeleton.sources = []
        let lists: [String: (inout PieceBuffer, JSONEncoder) -> Void] = [
            "domains": { Self.appendElements(domains, to: &$0, $1) },
            "teams": { Self.appendElements(teams, to: &$0, $1) },
            "products": { Self.appendElements(products, to: &$0, $1) },
            "contracts": { Self.appendElements(contracts, to: &$0, $1) },
            "lineage": { Self.appendElements(lineage, to: &$0, $1) },
            "sources": { Self.appendElements(sources, to: &$0, $1) },
        ]
        let encoder = Self.encoder()
        var out = PieceBuffer()
        let lines = Self.encode(skeleton).split(separator: 10, omittingEmptySubsequences: false)
        var n = 0
        while n < lines.count {
            let line = lines[n]
            out += line
            if n < lines.count - 1 { out.append(10) }
            n += 1
            // `  "products" : [`, then an empty line and `  ]`: the list left empty in the skeleton.
            guard line.starts(with: Self.memberIndent), line.last == UInt8(ascii: "["),
                  let key = String(decoding: line.dropFirst(Self.memberIndent.count), as: UTF8.self)
                      .split(separator: "\"").first.map(String.init),
                  let append = lists[key] else { continue }
            let before = out.count
            append(&out, encoder)
            if out.count > before { n += 1 }  // the empty line between the brackets of an empty list
        }
        return out.joined()
    }

    private static let memberIndent = Array("  \"".utf8)

    /// A top-level list's elements, each on its own lines indented as inside the list, comma-separated,
    /// ending with a line break; nothing for an empty list (the skeleton already has one).
    private static func appendElements<T: Encodable>(_ elements: [T], to out: inout PieceBuffer, _ encoder: JSONEncoder) {
        let indent = [UInt8](repeating: UInt8(ascii: " "), count: 4)
        for (i, element) in elements.enumerated() {
            guard let data = try? encoder.encode(element) else { continue }
            out += indent
            // Line by line over the raw bytes (iterating `Data` byte by byte was most of this loop's time).
            data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
                var start = 0
                while start < bytes.count {
                    let end = bytes[start...].firstIndex(of: 10).map { $0 + 1 } ?? bytes.count
                    // Empty lines (inside an empty list) stay empty, as the encoder writes them.
                    if start > 0 && bytes[start] != 10 { out += indent }
                    out += bytes[start..<end]
                    start = end
                }
            }
            out += Array((i < elements.count - 1 ? ",\n" : "\n").utf8)
        }
    }
}
