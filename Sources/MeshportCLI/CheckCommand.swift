import ArgumentParser
import Foundation
import MeshLoad
import PortalBuild

/// `meshport check [PATH]`: validation only, for a whole mesh or for one domain repository.
public struct CheckCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate a mesh, or one domain repository on its own, without writing anything.",
        discussion: """
            PATH is a mesh folder (with mesh.yaml) or a domain repository. A repository checked on its own \
            cannot see the other repositories, so links and inputs that point into them are notes, not errors.
            """
    )

    @Argument(help: "A mesh folder or a domain repository.", completion: .directory)
    var path: String = "."

    @OptionGroup var sources: SourceFlags

    @OptionGroup var diagnostics: DiagnosticOptions

    public init() {}

    public func run() throws {
        let console = Console.standard
        let url = try existingFolder(path, console: console)
        let reporter = DiagnosticReporter(meshDirectory: url, options: diagnostics, console: console)
        do {
            let outcome = try MeshBuilder.check(url, sourceOptions: sources.options)
            let status = reporter.report(outcome.diagnostics)
            if diagnostics.format == .text {
                let products = outcome.mesh?.products.count ?? 0
                console.error("checked \(products) product\(products == 1 ? "" : "s"): " + reporter.summary(outcome.diagnostics))
            }
            if status != 0 { throw ExitCode(status) }
        } catch let error as MeshLoader.ConfigurationError {
            reporter.report(error.diagnostics)
            throw ExitCode(2)
        }
    }
}
