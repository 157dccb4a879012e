import Foundation
import MeshLoad
import MeshModel
import PortalBuild

/// Runs a build and reports it. Returns the exit status: 0 built, 1 errors in the input,
/// 2 configuration problems.
struct BuildRunner {
    let meshDirectory: String
    let out: String?
    let theme: String?
    let diagnostics: DiagnosticOptions
    var console = Console.standard

    func run() -> Int32 {
        let meshURL = URL(fileURLWithPath: meshDirectory).standardizedFileURL
        let outURL = out.map { URL(fileURLWithPath: $0) } ?? meshURL.appendingPathComponent("_site")
        let reporter = DiagnosticReporter(meshDirectory: meshURL, options: diagnostics, console: console)
        do {
            let writer = SiteWriter(output: outURL)
            try writer.checkTarget(meshDirectory: meshURL)
            let builder = MeshBuilder(meshDirectory: meshURL, themeOverride: theme.map { URL(fileURLWithPath: $0) },
                                      generatedAt: MeshBuilder.generatedAt(sourceDateEpoch: ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"]))
            let outcome = try builder.build()
            try writer.checkTarget(meshDirectory: meshURL, sourceRoots: outcome.sourceRoots)
            let status = reporter.report(outcome.diagnostics)
            guard status == 0, let site = outcome.site, let mesh = outcome.mesh else {
                if diagnostics.format == .text { console.error(reporter.summary(outcome.diagnostics) + "; no site written") }
                return max(status, 1)
            }
            let publication = try writer.write(site)
            if diagnostics.format == .text {
                let changes = publication.unchanged ? "unchanged" : "\(publication.written) written, \(publication.kept) unchanged"
                console.output("built \(mesh.products.count) products in \(mesh.domains.count) domains, \(site.files.count) files (\(changes)) -> \(outURL.path)")
            }
            return 0
        } catch let error as MeshLoader.ConfigurationError {
            reporter.report(error.diagnostics)
            return 2
        } catch {
            console.error("error: \(error)")
            return 2
        }
    }
}
