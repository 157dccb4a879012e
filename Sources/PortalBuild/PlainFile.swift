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

    static func create(_ path: String, bytes: [UInt8]) throws(Failure) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw Failure(description: "cannot create \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + done, $0.count - done) }
            if n < 0 {
                if errno == EINTR { continue }
                throw Failure(description: "cannot write \(path): \(String(cString: strerror(errno)))")
            }
            done += n
        }
    }
}
