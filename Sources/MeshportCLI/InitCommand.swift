import ArgumentParser
import Foundation
import MeshLoad
import MeshModel

/// `meshport init product|domain`: scaffolds files that pass `meshport check` as they are.
public struct InitCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Start a data product or a domain in a domain repository.",
        discussion: "Asks on a terminal for what the options do not give. Never overwrites a file.",
        subcommands: [InitProductCommand.self, InitDomainCommand.self]
    )

    public init() {}
}

/// Where `init` writes, and the answers it still needs.
struct InitOptions: ParsableArguments {
    @Option(help: "The domain repository to write into (default: the current folder).", completion: .directory)
    var path: String = "."

    @Option(help: "The owner team (a Backstage Group name).")
    var owner: String?
}

public struct InitProductCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "product",
        abstract: "Scaffold a data product: products/<name>/ with an ODPS manifest, an ODCS contract and docs/README.md.")

    @Option(help: "The product's name, such as \"Order Events\".")
    var name: String?

    @Option(help: "Its domain (default: the one Domain the repository's catalog-info.yaml declares).")
    var domain: String?

    @OptionGroup var options: InitOptions

    public init() {}

    public func run() throws {
        let folder = URL(fileURLWithPath: options.path).standardizedFileURL
        let declared = Prompter.declaredDomain(in: folder)
        var prompter = Prompter()
        let name = try prompter.value(name, flag: "--name", question: "Product name")
        let domain = try prompter.value(domain ?? declared?.name, flag: "--domain", question: "Domain")
        let owner = try prompter.value(options.owner ?? declared?.owner, flag: "--owner", question: "Owner team")
        try Prompter.write(Scaffold.product(name: name, domain: domain, owner: owner), into: folder)
    }
}

public struct InitDomainCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "domain",
        abstract: "Scaffold a domain repository's catalog-info.yaml: a Backstage Domain and the Group that owns it.")

    @Option(help: "The domain's name, such as \"Sales\".")
    var name: String?

    @OptionGroup var options: InitOptions

    public init() {}

    public func run() throws {
        let folder = URL(fileURLWithPath: options.path).standardizedFileURL
        var prompter = Prompter()
        let name = try prompter.value(name, flag: "--name", question: "Domain name")
        let owner = try prompter.value(options.owner, flag: "--owner", question: "Owner team")
        try Prompter.write(Scaffold.domain(name: name, owner: owner), into: folder)
    }
}

/// Asks for missing values on a terminal, and writes the scaffold without replacing anything.
struct Prompter {
    var console = Console.standard
    var isTerminal = isatty(STDIN_FILENO) != 0 && isatty(STDERR_FILENO) != 0

    /// The given value, or the answer to `question` on a terminal (Enter takes `suggested`).
    mutating func value(_ given: String?, flag: String, question: String, suggested: String? = nil) throws -> String {
        if let given, !given.trimmingCharacters(in: .whitespaces).isEmpty { return given.trimmingCharacters(in: .whitespaces) }
        guard isTerminal else {
            console.error("error: \(flag) is needed (there is no terminal to ask on)")
            throw ExitCode(2)
        }
        while true {
            FileHandle.standardError.write(Data("\(question): ".utf8))
            guard let line = readLine() else { throw ExitCode(2) }
            let answer = line.trimmingCharacters(in: .whitespaces)
            if !answer.isEmpty { return answer }
        }
    }

    /// The domain a repository's catalog-info.yaml declares, when it declares exactly one, with its owner group.
    static func declaredDomain(in folder: URL) -> (name: String, owner: String?)? {
        guard let loaded = try? MeshLoader.singleRepository(folder, schemaCheck: .none).load() else { return nil }
        let domains = loaded.mesh.entities.compactMap { entity -> CatalogDomain? in
            if case .domain(let domain) = entity { return domain }
            return nil
        }
        guard domains.count == 1, let domain = domains.first else { return nil }
        return (domain.name, domain.owner)
    }

    /// Writes every file, or none when any of them exists already.
    static func write(_ files: [Scaffold.File], into folder: URL, console: Console = .standard) throws {
        let fm = FileManager.default
        let existing = files.filter { fm.fileExists(atPath: folder.appendingPathComponent($0.path).path) }
        guard existing.isEmpty else {
            for file in existing { console.error("error: \(file.path) exists; init never replaces a file") }
            console.error("nothing written")
            throw ExitCode(2)
        }
        do {
            for file in files {
                let url = folder.appendingPathComponent(file.path)
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.text.utf8).write(to: url, options: .withoutOverwriting)
                console.output("created \(file.path)")
            }
        } catch {
            console.error("error: cannot write the scaffold: \(error.localizedDescription)")
            throw ExitCode(2)
        }
        console.output("check it with: meshport check \(folder.path)")
    }
}
