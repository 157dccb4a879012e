import Foundation

/// Where the CLI writes: results to standard output, diagnostics to standard error.
struct Console: Sendable {
    var output: @Sendable (String) -> Void
    var error: @Sendable (String) -> Void
    var isTerminal: Bool
    /// Standard error without a line end, for a progress line a later line replaces.
    var progress: @Sendable (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) }

    static let standard = Console(
        output: { FileHandle.standardOutput.write(Data(($0 + "\n").utf8)) },
        error: { FileHandle.standardError.write(Data(($0 + "\n").utf8)) },
        isTerminal: isatty(STDERR_FILENO) != 0)

    /// In CI: `CI` set to true (as GitHub Actions, GitLab and most CI services set it), or no terminal.
    var isCI: Bool {
        !isTerminal || ["true", "1"].contains(ProcessInfo.processInfo.environment["CI"]?.lowercased() ?? "")
    }
}
