import Foundation
import PortalBuild

/// What `build` says while it works, besides diagnostics: on a terminal a line per stage with what it
/// counted; in CI only the summary; with --verbose every stage's time too; with --quiet nothing.
struct BuildReporter: Sendable {
    let output: OutputOptions
    let console: Console
    /// Diagnostics in a machine format own standard output; progress then stays out of the way unless asked for.
    let machineFormat: Bool

    var showsStages: Bool { !output.quiet && (output.verbose || (!console.isCI && !machineFormat)) }
    var rewritesLines: Bool { console.isTerminal && !output.verbose }

    var progress: BuildProgress {
        guard showsStages else { return .silent }
        let console = self.console, verbose = output.verbose, rewrites = rewritesLines
        return BuildProgress { event in
            let name = Self.names[event.stage] ?? event.stage.rawValue
            guard let seconds = event.seconds else {
                if rewrites { console.progress("\(name)…") }
                return
            }
            let counts = event.counts.map { "\(Self.number($0.value)) \($0.label)" }.joined(separator: ", ")
            let time = verbose ? "  " + ServeReporter.duration(seconds) : ""
            console.error((rewrites ? "\r\u{1B}[K" : "") + name.padding(toLength: 7, withPad: " ", startingAt: 0) + counts + time)
        }
    }

    static let names: [BuildProgress.Stage: String] = [.load: "load", .check: "check", .render: "render", .write: "write"]

    /// The line that ends a successful build (standard output); nothing with --quiet.
    func summary(_ text: String) {
        if !output.quiet { console.output(text) }
    }

    /// "12,345": counts read at a glance.
    static func number(_ value: Int) -> String {
        let digits = Array(String(value))
        var out = ""
        for (i, digit) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return out
    }
}
