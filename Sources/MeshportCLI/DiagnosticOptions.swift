import ArgumentParser
import DiagnosticOutput

extension DiagnosticFormat: ExpressibleByArgument {}

/// How a command reports problems; shared by `build` and `check`.
struct DiagnosticOptions: ParsableArguments {
    @Option(help: "Diagnostics as text, github (workflow commands), json or sarif.")
    var format: DiagnosticFormat = .text

    @Flag(help: "Treat warnings as errors (exit status 1).")
    var warningsAsErrors = false

    @Option(help: "Show at most this many diagnostics (all are still counted).")
    var maxDiagnostics: Int?

    func validate() throws {
        if let maxDiagnostics, maxDiagnostics < 0 { throw ValidationError("--max-diagnostics takes a number of 0 or more") }
    }
}
