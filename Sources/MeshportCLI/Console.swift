import Foundation

/// Where the CLI writes: results to standard output, diagnostics to standard error.
struct Console: Sendable {
    var output: @Sendable (String) -> Void
    var error: @Sendable (String) -> Void
    var isTerminal: Bool

    static let standard = Console(
        output: { FileHandle.standardOutput.write(Data(($0 + "\n").utf8)) },
        error: { FileHandle.standardError.write(Data(($0 + "\n").utf8)) },
        isTerminal: isatty(STDERR_FILENO) != 0)
}
