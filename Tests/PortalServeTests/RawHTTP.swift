import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A client that sends request lines exactly as written (no normalising of `..`, as curl
/// --path-as-is), over a plain socket to 127.0.0.1.
struct RawHTTP {
    struct Response {
        var status: Int
        var headers: [String: String]
        var body: [UInt8]
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    struct Failure: Error, CustomStringConvertible { var description: String }

    let port: Int

    /// One request with `Connection: close`; the response is read to the end.
    func send(_ method: String = "GET", _ target: String, headers: [String: String] = [:]) throws -> Response {
        let connection = try Connection(port: port)
        defer { connection.close() }
        try connection.write(request(method, target, headers: headers.merging(["Connection": "close"]) { a, _ in a }))
        return try Self.parse(connection.readToEnd(), head: method == "HEAD")
    }

    func request(_ method: String, _ target: String, headers: [String: String]) -> String {
        "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers.map { "\($0): \($1)\r\n" }.joined() + "\r\n"
    }

    static func parse(_ bytes: [UInt8], head: Bool) throws -> Response {
        guard let end = bytes.firstRange(of: Array("\r\n\r\n".utf8)) else { throw Failure(description: "no response head") }
        let lines = String(decoding: bytes[..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        guard let status = lines.first?.split(separator: " ").dropFirst().first.flatMap({ Int($0) }) else {
            throw Failure(description: "bad status line \(lines.first ?? "")")
        }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = Array(bytes[end.upperBound...])
        if headers["transfer-encoding"] == "chunked" { body = dechunked(body) }
        return Response(status: status, headers: headers, body: head ? [] : body)
    }

    static func dechunked(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [], at = 0
        while let lineEnd = bytes[at...].firstRange(of: Array("\r\n".utf8)),
              let size = Int(String(decoding: bytes[at..<lineEnd.lowerBound], as: UTF8.self), radix: 16), size > 0 {
            out += bytes[lineEnd.upperBound..<min(bytes.count, lineEnd.upperBound + size)]
            at = lineEnd.upperBound + size + 2
        }
        return out
    }

    /// An open connection, for event streams read bit by bit.
    final class Connection {
        let fd: Int32
        var buffer: [UInt8] = []

        init(port: Int) throws {
            fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            guard fd >= 0, connected == 0 else { throw Failure(description: "cannot connect to port \(port)") }
            var timeout = timeval(tv_sec: 20, tv_usec: 0)
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        }

        func write(_ text: String) throws {
            let bytes = Array(text.utf8)
            guard bytes.withUnsafeBytes({ Glibc.send(fd, $0.baseAddress, $0.count, 0) }) == bytes.count else {
                throw Failure(description: "cannot send")
            }
        }

        /// Reads until `marker` has arrived; returns everything before and including it.
        func read(until marker: String) throws -> String {
            let wanted = Array(marker.utf8)
            while buffer.firstRange(of: wanted) == nil {
                guard try fill() else { throw Failure(description: "closed before \(marker.debugDescription): \(String(decoding: buffer, as: UTF8.self))") }
            }
            let range = buffer.firstRange(of: wanted)!
            defer { buffer.removeSubrange(..<range.upperBound) }
            return String(decoding: buffer[..<range.upperBound], as: UTF8.self)
        }

        func readToEnd() throws -> [UInt8] {
            while try fill() {}
            return buffer
        }

        private func fill() throws -> Bool {
            var chunk = [UInt8](repeating: 0, count: 65536)
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count < 0 { throw Failure(description: "read timed out or failed (errno \(errno))") }
            buffer += chunk[..<count]
            return count > 0
        }

        func close() { Glibc.close(fd) }
    }
}
