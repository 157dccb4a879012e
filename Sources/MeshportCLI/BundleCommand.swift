import ArgumentParser
import Foundation
import MeshLoad
import PortalBuild

/// `meshport bundle [DOMAIN_REPO] --out FILE`: in a domain repository's own CI, checks the repository
/// as `check` does and packs what was loaded into one file for `build --bundles`.
public struct BundleCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "bundle",
        abstract: "Check one domain repository and pack it into a bundle for 'build --bundles'.",
        discussion: """
            Checks DOMAIN_REPO on its own (links into other repositories are notes, not errors) and writes \
            FILE only when there are no errors. --source is the folder mesh.yaml's sources name the \
            repository by: the portal's build puts the bundle there, as if the folder had been read.
            """
    )

    @Argument(help: "The domain repository.", completion: .directory)
    var repository: String = "."

    @Option(name: .shortAndLong, help: "The bundle file to write (by convention NAME.meshport-bundle).")
    var out: String

    @Option(help: "The folder mesh.yaml's sources name this repository by, such as domains/sales (default: the repository folder's name).")
    var source: String?

    @OptionGroup var diagnostics: DiagnosticOptions

    public init() {}

    public func run() throws {
        let console = Console.standard
        let url = try existingFolder(repository, console: console)
        let reporter = DiagnosticReporter(meshDirectory: url, options: diagnostics, console: console)
        if FileManager.default.fileExists(atPath: url.appendingPathComponent("mesh.yaml").path) {
            console.error("error: \(url.path) is a mesh folder (it has mesh.yaml); bundle each of its domain repositories instead")
            throw ExitCode(2)
        }
        do {
            let (outcome, bundle) = try MeshBuilder.bundle(url, source: source, meshportVersion: MeshportVersion.current)
            let status = reporter.report(outcome.diagnostics)
            guard status == 0, let bundle else {
                if diagnostics.format == .text { console.error(reporter.summary(outcome.diagnostics) + "; no bundle written") }
                throw ExitCode(max(status, 1))
            }
            let bytes = bundle.encoded()
            try write(bytes, to: URL(fileURLWithPath: out))
            if diagnostics.format == .text {
                let products = bundle.repository.products.count
                console.error("bundled \(products) product\(products == 1 ? "" : "s") for source '\(bundle.header.source)': "
                    + "\(bytes.count) bytes -> \(out) (\(reporter.summary(outcome.diagnostics)))")
            }
        } catch let error as MeshLoader.ConfigurationError {
            reporter.report(error.diagnostics)
            throw ExitCode(2)
        }
    }

    /// Beside the target first (its folder made when missing), then renamed over it: a failed write
    /// leaves no half-written bundle.
    func write(_ bytes: [UInt8], to file: URL) throws {
        let staging = file.deletingLastPathComponent()
            .appendingPathComponent(".\(file.lastPathComponent).meshport-staging-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: staging)
            if rename(staging.path, file.path) != 0 { throw CocoaError(.fileWriteUnknown) }
        } catch {
            try? FileManager.default.removeItem(at: staging)
            Console.standard.error("error: cannot write the bundle \(file.path): \(error.localizedDescription)")
            throw ExitCode(2)
        }
    }
}
