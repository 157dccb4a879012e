import Foundation
import MeshLoad
import MeshModel
import PortalBuild

/// Runs a build and reports it: diagnostics to standard error, a summary line to standard output.
/// Returns the exit status: 0 built, 1 errors in the input, 2 configuration problems.
struct BuildRunner {
    let meshDirectory: String
    let out: String?
    let theme: String?
    var console = Console.standard

    func run() -> Int32 {
        let meshURL = URL(fileURLWithPath: meshDirectory).standardizedFileURL
        let outURL = out.map { URL(fileURLWithPath: $0) } ?? meshURL.appendingPathComponent("_site")
        let printer = DiagnosticPrinter(meshDirectory: meshURL, console: console)
        do {
            let writer = SiteWriter(output: outURL)
            try writer.checkTarget(meshDirectory: meshURL)
            let builder = MeshBuilder(meshDirectory: meshURL, themeOverride: theme.map { URL(fileURLWithPath: $0) },
                                      generatedAt: MeshBuilder.generatedAt(sourceDateEpoch: ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"]))
            let outcome = try builder.build()
            printer.print(outcome.diagnostics)
            guard let site = outcome.site, let mesh = outcome.mesh else {
                console.error(printer.summary(outcome.diagnostics) + "; no site written")
                return 1
            }
            try writer.write(site)
            console.output("built \(mesh.products.count) products in \(mesh.domains.count) domains, \(site.files.count) files -> \(outURL.path)")
            return 0
        } catch let error as MeshLoader.ConfigurationError {
            printer.print(error.diagnostics)
            return 2
        } catch {
            console.error("error: \(error)")
            return 2
        }
    }
}
