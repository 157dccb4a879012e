import Foundation
import MeshModel
import PortalServe
import Synchronization

/// What `serve` prints: the problems of each build (a warning once, errors every time they are
/// there), a line per rebuild, and with --verbose the stages' times.
final class ServeReporter: Sendable {
    let reporter: DiagnosticReporter
    let output: OutputOptions
    let console: Console
    private let warned = Mutex(Set<Diagnostic>())

    init(meshDirectory: URL, output: OutputOptions, console: Console) {
        reporter = DiagnosticReporter(meshDirectory: meshDirectory, options: (try? DiagnosticOptions.parse([])) ?? DiagnosticOptions(), console: console)
        self.output = output
        self.console = console
    }

    func report(_ build: PreviewSession.Report, first: Bool) {
        let shown = warned.withLock { warned in
            let shown = build.diagnostics.filter { $0.severity == .error || !warned.contains($0) }
            warned.formUnion(build.diagnostics.filter { $0.severity != .error })
            return shown
        }
        reporter.report(shown)
        guard !output.quiet else { return }
        let time = Self.duration(build.seconds)
        if !build.published {
            let errors = build.diagnostics.filter { $0.severity == .error }.count
            console.error("\(errors) error\(errors == 1 ? "" : "s") in the input: "
                + (first ? "nothing to serve until they are mended" : "still serving the last good site"))
        } else if first {
            console.error("built \(build.products) product\(build.products == 1 ? "" : "s") from \(build.fileCount) files in \(time)")
        } else {
            let files = build.change.reloaded ? "configuration changed" : (build.change.read + build.change.added + build.change.removed)
                .prefix(3).joined(separator: ", ") + (build.change.read.count + build.change.added.count + build.change.removed.count > 3 ? ", …" : "")
            console.error("\(files): rebuilt in \(time); \(build.changedPages) page\(build.changedPages == 1 ? "" : "s") changed, "
                + "\(build.reloaded) open page\(build.reloaded == 1 ? "" : "s") reloaded")
        }
        if output.verbose {
            console.error("  " + build.timings.map { "\($0.stage) \(Self.duration($0.seconds))" }.joined(separator: ", "))
        }
    }

    func serving(_ address: String, watching: String) {
        console.error("serving \(address) (watching with \(watching); Ctrl-C stops)")
    }

    static func duration(_ seconds: Double) -> String {
        seconds < 1 ? String(format: "%.0f ms", seconds * 1000) : String(format: "%.2f s", seconds)
    }
}
