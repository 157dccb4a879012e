import Foundation
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
        // Discovery follows only the symbolic links that stay inside their repository.
        let url = url.resolvingSymlinksInPath()
        let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
        // Only regular files: reading a named pipe or a device would block or never end.
        guard attributes?[.type] as? FileAttributeType == .typeRegular else { return .unreadable }
        if let size = (attributes?[.size] as? NSNumber)?.intValue, size > InputLimits.maxFileBytes {
            return .failed(SourceText.tooLarge(size, file: path))
        }
        guard let data = FileManager.default.contents(atPath: url.path) else { return .unreadable }
        switch SourceText.decode([UInt8](data), file: path) {
        case .text(let text): return .text(text)
        case .failed(let diagnostic): return .failed(diagnostic)
        }
    }

    /// The bytes of a regular file (an image a doc uses), or nil.
    static func bytes(_ url: URL) -> [UInt8]? {
        let url = url.resolvingSymlinksInPath()
        let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
        guard attributes?[.type] as? FileAttributeType == .typeRegular,
              let data = FileManager.default.contents(atPath: url.path) else { return nil }
        return [UInt8](data)
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
