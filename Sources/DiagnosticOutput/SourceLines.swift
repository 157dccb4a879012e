import Foundation

/// Source lines for excerpts, each file read once.
public final class SourceLines: @unchecked Sendable {
    private let root: URL
    private var cache: [String: [Substring]] = [:]
    private let lock = NSLock()

    public init(root: URL) { self.root = root }

    /// Line `number` (1-based) of `file` (relative to the root), without its line break.
    public func line(_ file: String, _ number: Int) -> String? {
        lock.lock()
        defer { lock.unlock() }
        if cache[file] == nil {
            let data = FileManager.default.contents(atPath: root.appendingPathComponent(file).path) ?? Data()
            // Split on any line break: "\r\n" is one Character in Swift, so splitting on "\n" would miss it.
            cache[file] = String(decoding: data, as: UTF8.self).split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        }
        guard let lines = cache[file], number >= 1, number <= lines.count else { return nil }
        var line = String(lines[number - 1])
        if number == 1, line.hasPrefix("\u{FEFF}") { line.removeFirst() }
        return line
    }
}
