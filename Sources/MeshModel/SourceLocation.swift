/// A position in an input file: the path relative to the mesh folder, 1-based line and column
/// (columns count characters, as editors do).
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible, Codable {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int = 1, column: Int = 1) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }

    enum CodingKeys: String, CodingKey { case file, line, column }

    /// Encoded as written; decoded under the decoder's source root, if it has one (see SourceRootCoding).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(file: decoder.pathUnderSourceRoot(try container.decode(String.self, forKey: .file)),
                  line: try container.decode(Int.self, forKey: .line),
                  column: try container.decode(Int.self, forKey: .column))
    }
}
