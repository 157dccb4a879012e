import ArgumentParser
import DiagnosticOutput
import Foundation
import PortalBuild
import PortalServe

/// `meshport serve [PATH]`: builds in memory, serves on loopback, rebuilds what an edit changes and
/// reloads the open pages.
public struct ServeCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview a mesh, or one domain repository, in the browser while you edit it.",
        discussion: """
            PATH is a mesh folder (with mesh.yaml) or a domain repository, previewed as a mesh of one \
            domain. The site is built in memory and served over HTTP; after an edit only what it changed \
            is read, checked and rendered again, and open pages reload themselves. While the input has \
            errors the last good site stays up and the errors show on the open pages and here.
            """
    )

    @Argument(help: "A mesh folder or a domain repository.", completion: .directory)
    var path: String = "."

    @Option(help: "The port to listen on (0 picks a free one).")
    var port: Int = 8000

    @Option(help: "The address to listen on; only this machine can connect to the default.")
    var host: String = "127.0.0.1"

    @Flag(help: "Open the portal in the default browser.")
    var open = false

    @Option(help: "A theme folder whose templates/ and assets/ override the default theme by file name.")
    var theme: String?

    @Flag(help: "Find edits by listing the folders twice a second instead of with inotify.")
    var poll = false

    @OptionGroup var output: OutputOptions

    public init() {}

    public func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port takes a number from 0 to 65535") }
    }

    public func run() async throws {
        let console = Console.standard
        let url = URL(fileURLWithPath: path).standardizedFileURL
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            console.error("error: \(url.path) is not a folder")
            throw ExitCode(2)
        }
        let builder = MeshBuilder(meshDirectory: url, themeOverride: theme.map { URL(fileURLWithPath: $0) },
                                  generatedAt: MeshBuilder.generatedAt(sourceDateEpoch: ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"]))
        let build = IncrementalBuild(builder: builder)
        let session = PreviewSession(build: build) { DiagnosticFormat.json.render($0, context: .init()) }
        let reporter = ServeReporter(meshDirectory: url, output: output, console: console)
        reporter.report(await session.start(), first: true)

        let watcher = FileWatcher(folders: await session.watchedFolders)
        let changes = watcher.changes(forcePolling: poll)
        let following = Task { await session.follow(changes) { reporter.report($0, first: false) } }
        let server = PreviewServer(session: session, host: host, port: port)
        let open = self.open, host = self.host
        do {
            try await server.run(handleSignals: true) { bound in
                let address = "http://\(host.contains(":") ? "[\(host)]" : host):\(bound)/"
                reporter.serving(address, watching: watcher.currentMode == .inotify ? "inotify" : "polling")
                if open { Browser.open(address, console: console) }
            }
        } catch {
            console.error("error: cannot serve on \(host):\(port): \(error)")
            watcher.stop()
            throw ExitCode(2)
        }
        watcher.stop()
        following.cancel()
    }
}

/// Opens a URL in the desktop's browser, if there is one.
enum Browser {
    static func open(_ address: String, console: Console) {
        let process = Process()
        #if os(macOS)
        process.executableURL = URL(fileURLWithPath: "/usr/bin/open")
        #else
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        #endif
        process.arguments = (process.executableURL?.lastPathComponent == "env" ? ["xdg-open"] : []) + [address]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { console.error("note: could not open a browser (\(error)); open \(address) yourself") }
    }
}
