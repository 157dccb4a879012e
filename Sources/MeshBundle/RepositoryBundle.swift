import Foundation
import MeshLoad
import MeshModel

/// One domain repository, loaded and checked in its own CI job, in a file the portal's build can
/// assemble from (`meshport bundle`, then `meshport build --bundles`).
///
/// The file is gzip of two lines of JSON (keys sorted, no white space, so the same repository gives
/// the same bytes): a `Header`, then the `LoadedRepository` with paths relative to the repository.
/// The header comes first so a bundle of another format is recognised before its content is read,
/// and so its `source` is known when the paths are moved under it.
public struct RepositoryBundle: Sendable, Hashable {
    /// Raised whenever the content's shape or meaning changes: a bundle must be read by a meshport
    /// that understands it exactly, or the assembled portal would differ from a direct build.
    public static let formatVersion = 2
    public static let formatName = "meshport-bundle"
    public static let fileExtension = "meshport-bundle"
    /// Larger than any repository meshport's input limits let through in practice; refuses zip bombs.
    static let maxUnpackedBytes = 1 << 30

    public struct Header: Sendable, Hashable, Codable {
        public var format: String
        public var formatVersion: Int
        /// The meshport version that wrote it.
        public var meshportVersion: String
        /// The folder mesh.yaml's sources name the repository by ("domains/sales").
        public var source: String
    }

    public var header: Header
    /// Paths relative to the repository.
    public var repository: LoadedRepository

    public init(source: String, meshportVersion: String, repository: LoadedRepository) {
        header = Header(format: Self.formatName, formatVersion: Self.formatVersion,
                        meshportVersion: meshportVersion, source: source.normalisedPath)
        self.repository = repository
    }

    /// What `meshport check` loaded from one repository on its own (a single source root).
    public init(source: String, meshportVersion: String, loaded: MeshLoader.Result) {
        let mesh = loaded.mesh
        self.init(source: source, meshportVersion: meshportVersion, repository: LoadedRepository(
            domainConfig: mesh.domainConfigs.first, products: mesh.products, contracts: mesh.contracts,
            entities: mesh.entities, documents: mesh.documents, assets: mesh.assets, diagnostics: loaded.diagnostics))
    }

    public func encoded() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            let json = try encoder.encode(header) + Data("\n".utf8) + encoder.encode(repository)
            return Gzip.compress([UInt8](json))
        } catch {
            fatalError("a loaded repository always encodes: \(error)")   // only value types of strings and numbers
        }
    }

    /// Reads a bundle; `origin` names it in messages. The repository's paths come back under its source.
    public static func decode(_ bytes: [UInt8], origin: String) throws(BundleError) -> BundledRepository {
        var json = bytes
        if Gzip.isCompressed(bytes) {
            do { json = try Gzip.decompress(bytes, limit: maxUnpackedBytes) } catch {
                throw BundleError(.invalid, "\(origin) cannot be unpacked: \(error.reason)")
            }
        }
        let newline = json.firstIndex(of: UInt8(ascii: "\n")) ?? json.endIndex
        guard let header = try? JSONDecoder().decode(Header.self, from: Data(json[..<newline])),
              header.format == formatName else {
            throw BundleError(.invalid, "\(origin) is not a meshport bundle (make one with 'meshport bundle')")
        }
        guard header.formatVersion == formatVersion else {
            throw BundleError(.version, "\(origin) is in bundle format \(header.formatVersion), written by meshport "
                + "\(header.meshportVersion); this meshport reads format \(formatVersion) only: make the bundle again "
                + "with the meshport version that assembles the portal")
        }
        let decoder = JSONDecoder()
        decoder.userInfo[.sourceRoot] = header.source
        do {
            let start = newline < json.endIndex ? newline + 1 : newline
            let repository = try decoder.decode(LoadedRepository.self, from: Data(json[start...]))
            return BundledRepository(root: header.source, origin: origin, repository: repository)
        } catch {
            throw BundleError(.invalid, "\(origin) is damaged: its content does not match bundle format \(formatVersion) (\(error))")
        }
    }
}

/// A bundle that cannot be used; `rule` is its catalogue id.
public struct BundleError: Error, Sendable {
    public enum Kind: String, Sendable {
        case invalid = "config.bundle.invalid"
        case version = "config.bundle.version"
    }

    public var kind: Kind
    public var message: String

    init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var diagnostic: Diagnostic { .error(kind.rawValue, message, at: nil) }
}
