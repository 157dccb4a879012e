/// DOT input that `DOTReader` cannot read, with the 1-based line and column where it went wrong.
public struct DOTSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var message: String

    public init(line: Int, column: Int, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    /// `line:column: message`, to follow a file name as compilers do.
    public var description: String { "\(line):\(column): \(message)" }
}
