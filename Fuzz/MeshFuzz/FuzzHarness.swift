import Foundation
import MeshCheck
import MeshLink
import MeshLoad
import MeshModel
import PortalBuild
import PortalRender

/// One fuzz target: arbitrary bytes take the place of one file of a small clean mesh
/// (`Tests/Fixtures/Base`) and go through the whole pipeline the way `meshport build` takes them:
/// decode, YAML, classification, the reader, linking, validation and, when nothing is wrong,
/// rendering. A crash or a hang is a finding; so is rendered HTML that `MarkupAudit` refuses.
public struct FuzzHarness: Sendable {
    public enum Target: String, CaseIterable, Sendable {
        case meshYAML = "mesh-yaml", odps, odcs, backstage, markdown

        /// The file of the base mesh the input replaces.
        public var replaces: String {
            switch self {
            case .meshYAML: "mesh.yaml"
            case .odps: "domains/sales/products/orders/product.odps.yaml"
            case .odcs: "domains/sales/products/orders/contracts/orders.odcs.yaml"
            case .backstage: "domains/sales/catalog-info.yaml"
            case .markdown: "domains/sales/products/orders/docs/usage.md"
            }
        }
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public let target: Target
    let loader: MeshLoader
    let base: LoadedMesh
    let baseDiagnostics: [Diagnostic]
    let renderer: SiteRenderer

    /// `baseMesh` is a clean mesh folder; the target's file is left out of it and read from the input.
    public init(target: Target, baseMesh: URL, theme: URL) throws {
        self.target = target
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("meshport-fuzz-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: copy) }
        try FileManager.default.copyItem(at: baseMesh, to: copy)
        if target != .meshYAML { try FileManager.default.removeItem(at: copy.appendingPathComponent(target.replaces)) }
        loader = MeshLoader(meshDirectory: copy, schemaCheck: .officialSchemas)
        let loaded: MeshLoader.Result
        do { loaded = try loader.load() } catch { throw Failure(description: "the base mesh does not load: \(error.diagnostics)") }
        base = loaded.mesh
        baseDiagnostics = loaded.diagnostics
        do { renderer = SiteRenderer(theme: try ThemeLoader.load(defaultDirectory: theme, overrideDirectory: nil)) }
        catch { throw Failure(description: error.description) }
    }

    /// Runs one input; returns what the audit of the rendered output found (empty when all is well).
    public func run(_ bytes: [UInt8]) -> [String] {
        let path = target.replaces
        let text: String
        switch SourceText.decode(bytes, file: path) {
        case .failed: return []
        case .text(let decoded): text = decoded
        }
        var mesh = base
        var diagnostics = baseDiagnostics
        if target == .meshYAML {
            let (config, configDiagnostics) = MeshConfigReader.read(text, file: path)
            guard var config else { return [] }
            config.sources = base.config.sources
            config.theme = nil
            mesh.config = config
            diagnostics += configDiagnostics
        } else {
            let root = path.split(separator: "/").prefix(2).joined(separator: "/")
            diagnostics += loader.read(text: text, path: path, role: target == .markdown ? .markdown : .structured,
                                       root: root, into: &mesh)
        }
        let (linked, linkDiagnostics) = MeshLinker.link(mesh)
        let validation = MeshValidator().validate(loaded: mesh, linked: linked, earlier: diagnostics + linkDiagnostics)
        var problems: [String] = []
        // A doc is rendered even when its links are broken, so every Markdown input reaches the renderer.
        for doc in linked.docs where doc.document.file == path {
            problems += MarkupAudit.problems(in: renderer.markdown(doc), file: path)
        }
        guard !validation.diagnostics.hasErrors else { return problems }
        let site = renderer.render(linked, governance: validation.report)
        for (file, bytes) in site.files where file.hasSuffix(".html") {
            problems += MarkupAudit.problems(in: String(decoding: bytes, as: UTF8.self), file: file)
        }
        return problems
    }
}
