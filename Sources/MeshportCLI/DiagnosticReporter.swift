import DiagnosticOutput
import Foundation
import MeshCheck
import MeshModel

/// Writes a run's diagnostics in the chosen format and decides whether they fail the run.
/// Text goes to standard error for people; github, json and sarif to standard output for machines.
struct DiagnosticReporter {
    let meshDirectory: URL
    let options: DiagnosticOptions
    let console: Console

    /// The diagnostics as reported: warnings raised to errors when asked.
    func effective(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        guard options.warningsAsErrors else { return diagnostics }
        return diagnostics.map { d in
            var raised = d
            if d.severity == .warning { raised.severity = .error }
            return raised
        }
    }

    /// Prints and returns the exit status the diagnostics call for (0, 1, or 2 for configuration problems).
    @discardableResult
    func report(_ all: [Diagnostic]) -> Int32 {
        let diagnostics = effective(all)
        let shown = options.maxDiagnostics.map { Array(diagnostics.prefix($0)) } ?? diagnostics
        let text = options.format.render(shown, context: context())
        if options.format == .text {
            if !text.isEmpty { console.error(String(text.dropLast())) }
            if shown.count < diagnostics.count {
                console.error("… \(diagnostics.count - shown.count) more not shown (--max-diagnostics \(shown.count))")
            }
        } else {
            console.output(String(text.dropLast()))
        }
        return RuleCatalog.exitStatus(for: diagnostics)
    }

    func summary(_ all: [Diagnostic]) -> String {
        let diagnostics = effective(all)
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        return "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
    }

    private func context() -> DiagnosticFormat.Context {
        let source = SourceLines(root: meshDirectory)
        return DiagnosticFormat.Context(
            sourceLine: { file, line in source.line(file, line) },
            colour: console.isTerminal && ProcessInfo.processInfo.environment["NO_COLOR"] == nil,
            rules: RuleCatalog.all.map {
                RuleDescription(id: $0.id, summary: $0.summary, explanation: $0.explanation, defaultSeverity: $0.defaultSeverity)
            },
            toolVersion: MeshportVersion.current)
    }
}
