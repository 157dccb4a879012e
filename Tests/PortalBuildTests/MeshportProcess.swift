import Foundation

/// Runs the real `meshport` executable that `swift build` put beside the test bundle.
enum MeshportProcess {
    struct Run { var status: Int32; var stdout: String; var stderr: String }

    static var executable: URL {
        var dir = Bundle.main.bundleURL
        if dir.pathExtension == "xctest" { dir = dir.deletingLastPathComponent() }
        return dir.appendingPathComponent("meshport")
    }

    /// `executable` runs another program instead (such as /usr/bin/env, with the program as the first argument).
    static func run(_ arguments: [String], environment: [String: String] = [:], executable other: String? = nil) throws -> Run {
        let process = Process()
        process.executableURL = other.map { URL(fileURLWithPath: $0) } ?? executable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes to the end before waiting, so a chatty run cannot fill a pipe and stall.
        let group = DispatchGroup()
        nonisolated(unsafe) var errBytes = Data()
        group.enter()
        DispatchQueue.global().async {
            errBytes = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outBytes = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: outBytes, as: UTF8.self),
                   stderr: String(decoding: errBytes, as: UTF8.self))
    }
}
