import Foundation
#if canImport(Glibc)
import Glibc
#endif
import MeshModel

/// Reads one text input from disk under the Load stage's limits: its size is checked before a byte
/// is read, and its bytes are decoded as UTF-8 with any problem located (see `SourceText`).
enum InputFile {
    enum Content {
        case text(String)
        case failed(Diagnostic)
        case unreadable
    }

    static func read(_ url: URL, path: String) -> Content {
        switch regularFile(url.path, maxBytes: InputLimits.maxFileBytes) {
        case .bytes(let bytes):
            switch SourceText.decode(bytes, file: path) {
            case .text(let text): return .text(text)
            case .failed(let diagnostic): return .failed(diagnostic)
            }
        case .tooLarge(let size): return .failed(SourceText.tooLarge(size, file: path))
        case .unreadable: return .unreadable
        }
    }

    /// The bytes of a regular file (an image a doc uses), or nil.
    static func bytes(_ url: URL) -> [UInt8]? {
        if case .bytes(let bytes) = regularFile(url.path, maxBytes: .max) { return bytes }
        return nil
    }

    private enum FileBytes {
        case bytes([UInt8])
        case tooLarge(Int)
        case unreadable
    }

    /// One open, one fstat and the reads: a mesh has tens of thousands of inputs, and Foundation's
    /// attributes and contents cost several system calls and a copy each. Symbolic links are followed
    /// (discovery lets through only those that stay inside their repository). Only regular files: a
    /// named pipe or a device would block or never end, and opening without blocking keeps a pipe
    /// without a writer from stopping the build.
    private static func regularFile(_ path: String, maxBytes: Int) -> FileBytes {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return .unreadable }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return .unreadable }
        let size = Int(info.st_size)
        if size > maxBytes { return .tooLarge(size) }
        if size == 0 { return .bytes([]) }
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            count = 0
            while count < size {
                let n = Glibc.read(descriptor, buffer.baseAddress! + count, size - count)
                if n < 0, errno == EINTR { continue }
                if n < 0 { failed = true }
                if n <= 0 { break }
                count += n
            }
        }
        return failed ? .unreadable : .bytes(bytes)
    }

    static func unreadable(_ path: String) -> Diagnostic {
        .error("input.unreadable", "cannot read this file (is it readable by the user running meshport?)",
               at: SourceLocation(file: path))
    }

    /// Cheap pre-check so unrelated YAML (CI configs, dbt files) is not parsed in full: every format
    /// meshport reads or recognises has one of these words.
    static let inputMarkers = ["kind", "dataContractSpecification", "dataProductDescriptor", "product", "assets"]

    static func mayBeInput(_ text: String) -> Bool {
        inputMarkers.contains { text.contains($0) }
    }

    /// Words that only the formats meshport reads contain.
    static let formatMarkers = ["DataProduct", "DataContract", "backstage.io/", "dataContractSpecification",
                                "dataProductDescriptor"]

    static func namesMeshportFormat(_ text: String) -> Bool {
        formatMarkers.contains { text.contains($0) }
    }
}
