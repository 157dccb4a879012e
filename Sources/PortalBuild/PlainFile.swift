#if canImport(Glibc)
import Glibc
#endif

/// Writes a new file with plain open/write/close. Foundation's `Data.write(to:)` also calls `fsync` on
/// every file, which made writing a 40,000-file site take longer than rendering it; the site is
/// published by an atomic swap of whole folders, so per-file durability buys nothing here.
enum PlainFile {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Creates `path`, which must not exist: never writes through a hard link into the previous site.
    static func create(_ path: String, bytes: [UInt8]) throws(Failure) {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw Failure(description: "cannot create \(path): \(lastError())") }
        defer { close(fd) }
        if let failure = bytes.withUnsafeBytes({ write(fd, $0, path) }) { throw failure }
    }

    /// Copies the file at `source` to a new file `path` (where a hard link cannot be made).
    static func copy(_ source: String, to path: String) throws(Failure) {
        let input = open(source, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { throw Failure(description: "cannot read \(source): \(lastError())") }
        defer { close(input) }
        let output = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard output >= 0 else { throw Failure(description: "cannot create \(path): \(lastError())") }
        defer { close(output) }
        var buffer = [UInt8](repeating: 0, count: 1 << 18)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress!, $0.count) }
            if n < 0, errno == EINTR { continue }
            if n < 0 { throw Failure(description: "cannot read \(source): \(lastError())") }
            if n == 0 { return }
            if let failure = buffer.withUnsafeBytes({ write(output, UnsafeRawBufferPointer(rebasing: $0[0..<n]), path) }) { throw failure }
        }
    }

    /// Writes all of `bytes`; what went wrong, if anything.
    private static func write(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, _ path: String) -> Failure? {
        var done = 0
        while done < bytes.count {
            let n = Glibc.write(fd, bytes.baseAddress! + done, bytes.count - done)
            if n < 0 {
                if errno == EINTR { continue }
                return Failure(description: "cannot write \(path): \(lastError())")
            }
            done += n
        }
        return nil
    }

    private static func lastError() -> String { String(cString: strerror(errno)) }
}
