import ArgumentParser

/// The `meshport` command. Kept in a library so commands can be tested without a process.
public struct Meshport: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "meshport",
        abstract: "Turns the repositories of a data mesh into one static documentation portal.",
        discussion: """
            Exit status: 0 no errors, 1 errors in the input, 2 usage or configuration errors.
            """,
        version: MeshportVersion.current,
        subcommands: [BuildCommand.self]
    )

    public init() {}
}

public enum MeshportVersion {
    public static let current = "0.1.0"
}
