/// A compact encoding for the largest part of a bundle: every manifest and contract keeps its whole
/// YAML tree for schema validation. A node is one array, `[line, column, kind, …]`:
///
///     scalar    [line, column, 0…4, text]         0 string, 1 int, 2 float, 3 bool, 4 null
///     mapping   [line, column, 5, key, value, …]  keys and values are nodes, in file order
///     sequence  [line, column, 6, item, …]
///
/// The file is written once, at the top (`[file, node]`); a node from another file (a DPDS
/// `$ref` component) adds 10 to its kind and names its file next: `[line, column, 15, "other.yaml", …]`.
/// Decoding gives back exactly the same tree, positions included, under the decoder's source root.
extension YAMLNode: Codable {
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        try container.encode(location.file)
        try encodeNode(into: &container, parentFile: location.file)
    }

    public init(from decoder: any Decoder) throws {
        var container = try decoder.unkeyedContainer()
        let file = decoder.pathUnderSourceRoot(try container.decode(String.self))
        self = try Self.decodeNode(from: &container, parentFile: file, decoder: decoder)
    }

    private static let kinds: [ScalarKind] = [.string, .int, .float, .bool, .null]
    private static let mappingCode = 5, sequenceCode = 6, otherFileOffset = 10

    private func encodeNode(into parent: inout UnkeyedEncodingContainer, parentFile: String) throws {
        var container = parent.nestedUnkeyedContainer()
        try container.encode(location.line)
        try container.encode(location.column)
        let code: Int
        switch value {
        case .scalar(_, let kind): code = Self.kinds.firstIndex(of: kind)!
        case .mapping: code = Self.mappingCode
        case .sequence: code = Self.sequenceCode
        }
        if location.file == parentFile {
            try container.encode(code)
        } else {
            try container.encode(code + Self.otherFileOffset)
            try container.encode(location.file)
        }
        switch value {
        case .scalar(let text, _):
            try container.encode(text)
        case .mapping(let pairs):
            for pair in pairs {
                try pair.key.encodeNode(into: &container, parentFile: location.file)
                try pair.value.encodeNode(into: &container, parentFile: location.file)
            }
        case .sequence(let items):
            for item in items { try item.encodeNode(into: &container, parentFile: location.file) }
        }
    }

    /// `parentFile` is as decoded (already under the source root).
    private static func decodeNode(from parent: inout UnkeyedDecodingContainer, parentFile: String,
                                   decoder: any Decoder) throws -> YAMLNode {
        var container = try parent.nestedUnkeyedContainer()
        let line = try container.decode(Int.self)
        let column = try container.decode(Int.self)
        var code = try container.decode(Int.self)
        var file = parentFile
        if code >= otherFileOffset {
            code -= otherFileOffset
            file = decoder.pathUnderSourceRoot(try container.decode(String.self))
        }
        let location = SourceLocation(file: file, line: line, column: column)
        switch code {
        case kinds.indices:
            return YAMLNode(.scalar(try container.decode(String.self), kinds[code]), at: location)
        case mappingCode:
            var pairs: [Pair] = []
            while !container.isAtEnd {
                let key = try decodeNode(from: &container, parentFile: file, decoder: decoder)
                let value = try decodeNode(from: &container, parentFile: file, decoder: decoder)
                pairs.append(Pair(key: key, value: value))
            }
            return YAMLNode(.mapping(pairs), at: location)
        case sequenceCode:
            var items: [YAMLNode] = []
            while !container.isAtEnd { items.append(try decodeNode(from: &container, parentFile: file, decoder: decoder)) }
            return YAMLNode(.sequence(items), at: location)
        default:
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "unknown YAML node kind \(code)")
        }
    }
}
