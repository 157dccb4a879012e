import Foundation
import MeshTestSupport
import XCTest

/// `meshport serve` as a user runs it: the real binary on a copy of SampleMesh.
final class ServeCommandLineTests: XCTestCase {
    var mesh: URL!

    override func setUpWithError() throws {
        mesh = FileManager.default.temporaryDirectory.appendingPathComponent("meshport-serve-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Repository.sampleMesh, to: mesh)
        try? FileManager.default.removeItem(at: mesh.appendingPathComponent("_site"))
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: mesh)
    }

    /// Starts `meshport serve`, waits for its "serving" line and returns the process, its port, and its output so far.
    func serve(_ arguments: [String]) throws -> (Process, Int, Pipe) {
        let process = Process()
        process.executableURL = MeshportProcess.executable
        process.arguments = ["serve"] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["MESHPORT_THEME_DIR"] = Repository.defaultTheme.path
        process.environment = environment
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        var text = ""
        while !text.contains("serving http") {
            let chunk = err.fileHandleForReading.availableData
            if chunk.isEmpty { XCTFail("serve ended early: \(text)"); break }
            text += String(decoding: chunk, as: UTF8.self)
        }
        let port = text.firstMatch(of: /serving http:\/\/127\.0\.0\.1:(\d+)\//).flatMap { Int($0.1) }
        return (process, try XCTUnwrap(port, text), err)
    }

    /// Local addresses of listening TCP sockets on `port`, from /proc/net/tcp and tcp6 (hex, as the kernel writes them).
    func listeners(on port: Int) -> [String] {
        let hexPort = String(format: "%04X", port)
        return ["/proc/net/tcp", "/proc/net/tcp6"].flatMap { file -> [String] in
            let lines = ((try? String(contentsOfFile: file, encoding: .utf8)) ?? "").split(separator: "\n").dropFirst()
            return lines.compactMap { line in
                let fields = line.split(separator: " ")
                guard fields.count > 3, fields[3] == "0A", fields[1].hasSuffix(":" + hexPort) else { return nil }
                return String(fields[1].dropLast(5))
            }
        }
    }

    func testServesSampleMeshOnLoopbackOnlyRefusesTraversalAndStopsOnInterrupt() throws {
        let (process, port, _) = try serve([mesh.path, "--port", "0"])
        defer { if process.isRunning { process.terminate() } }
        XCTAssertEqual(listeners(on: port), ["0100007F"], "bound to 127.0.0.1 and nothing else")

        let page = try RawHTTPClient.get(port: port, target: "/products/sales/order-events/")
        XCTAssertTrue(page.hasPrefix("HTTP/1.1 200"), String(page.prefix(200)))
        for target in ["/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd"] {
            let refused = try RawHTTPClient.get(port: port, target: target)
            XCTAssertTrue(refused.hasPrefix("HTTP/1.1 4"), "\(target): \(refused.prefix(100))")
            XCTAssertFalse(refused.contains("root:"))
        }

        process.interrupt()
        let deadline = Date().addingTimeInterval(10)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        XCTAssertFalse(process.isRunning, "Ctrl-C stops the server")
    }

    func testBrokenMeshYAMLAtStartKeepsServingAndWaitsForTheFix() throws {
        let config = mesh.appendingPathComponent("mesh.yaml")
        let original = try Data(contentsOf: config)
        try Data("title: [broken\n".utf8).write(to: config)
        let (process, port, err) = try serve([mesh.path, "--port", "0"])
        defer { if process.isRunning { process.terminate() } }
        XCTAssertTrue(try RawHTTPClient.get(port: port, target: "/").hasPrefix("HTTP/1.1 404"))

        try original.write(to: config)
        var text = ""
        let deadline = Date().addingTimeInterval(30)
        while !text.contains("rebuilt in"), Date() < deadline {
            text += String(decoding: err.fileHandleForReading.availableData, as: UTF8.self)
        }
        XCTAssertTrue(text.contains("configuration changed: rebuilt in"), text)
        XCTAssertTrue(try RawHTTPClient.get(port: port, target: "/").hasPrefix("HTTP/1.1 200"))
    }
}

/// One request sent exactly as written, over a plain socket (Foundation's clients normalise `..`).
enum RawHTTPClient {
    static func get(port: Int, target: String) throws -> String {
        let handle = try socketHandle(port: port)
        defer { try? handle.close() }
        handle.write(Data("GET \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".utf8))
        return String(decoding: handle.readDataToEndOfFile(), as: UTF8.self)
    }

    static func socketHandle(port: Int) throws -> FileHandle {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw CocoaError(.fileReadUnknown) }
        return FileHandle(fileDescriptor: fd, closeOnDealloc: true)
    }
}
