import ArgumentParser
import Foundation
import MeshModel
import PortalBuild

/// `meshport build [MESH_DIR] [--out DIR]`: validate the mesh and write the portal.
public struct BuildCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the portal of a mesh into a folder of static files.",
        discussion: "MESH_DIR holds mesh.yaml. The previous site stays untouched when the build fails."
    )

    @Argument(help: "The mesh folder (with mesh.yaml).", completion: .directory)
    public var meshDirectory: String = "."

    @Option(name: .shortAndLong, help: "Where to write the site (default: MESH_DIR/_site).", completion: .directory)
    public var out: String?

    @Option(help: "A theme folder whose templates/ and assets/ override the default theme by file name.")
    public var theme: String?

    public init() {}

    public func run() throws {
        let code = BuildRunner(meshDirectory: meshDirectory, out: out, theme: theme).run()
        if code != 0 { throw ExitCode(code) }
    }
}
