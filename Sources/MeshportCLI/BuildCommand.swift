import ArgumentParser
import Foundation

/// `meshport build [MESH_DIR] [--out DIR]`: validate the mesh and write the portal.
public struct BuildCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the portal of a mesh into a folder of static files.",
        discussion: "MESH_DIR holds mesh.yaml. Nothing is written when the input has errors, and the previous site stays untouched."
    )

    @Argument(help: "The mesh folder (with mesh.yaml).", completion: .directory)
    var meshDirectory: String = "."

    @Option(name: .shortAndLong, help: "Where to write the site (default: MESH_DIR/_site).", completion: .directory)
    var out: String?

    @Option(help: "A theme folder whose templates/ and assets/ override the default theme by file name.")
    var theme: String?

    @Option(help: "A folder of bundles ('meshport bundle'), searched recursively; each stands in for the repository folder it was made from.", completion: .directory)
    var bundles: String?

    @OptionGroup var sources: SourceFlags

    @OptionGroup var diagnostics: DiagnosticOptions

    @OptionGroup var output: OutputOptions

    public init() {}

    public func run() throws {
        let code = BuildRunner(meshDirectory: meshDirectory, out: out, theme: theme, sources: sources, bundles: bundles,
                               diagnostics: diagnostics, output: output).run()
        if code != 0 { throw ExitCode(code) }
    }
}
