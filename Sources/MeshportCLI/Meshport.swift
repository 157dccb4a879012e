import ArgumentParser
import Foundation

/// The `meshport` command. Kept in a library so commands can be tested without a process.
public struct Meshport: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "meshport",
        abstract: "Turns the repositories of a data mesh into one static documentation portal.",
        discussion: """
            Exit status: 0 no errors, 1 errors in the input, 2 usage or configuration errors.
            """,
        version: MeshportVersion.current,
        subcommands: [BuildCommand.self, CheckCommand.self, ServeCommand.self, InitCommand.self, BundleCommand.self, RulesCommand.self, LayoutCommand.self]
    )

    public init() {}
}

public enum MeshportVersion {
    public static let current = "0.1.0"
}

extension Meshport {
    /// Runs the command line. Argument mistakes exit with 2, as DESIGN.md's exit statuses say
    /// (swift-argument-parser's own default would be 64).
    public static func runFromCommandLine() async -> Never {
        do {
            var command = try parseAsRoot()
            if var command = command as? AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
            Self.exit()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                let message = fullMessage(for: error)
                FileHandle.standardError.write(Data((message + "\n").utf8))
                Foundation.exit(2)
            }
            Self.exit(withError: error)
        }
    }
}
