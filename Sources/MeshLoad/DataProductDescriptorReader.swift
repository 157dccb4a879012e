import MeshModel

/// Imports an Open Data Mesh Data Product Descriptor (DPDS, `dataProductDescriptor:`) leniently as a
/// `ProductManifest`: the info block, the owner and the input and output ports. Anything missing is
/// left out rather than refused (the official minimal example fails its own schema). Ports are often
/// separate files named by `$ref`; `resolve` reads those (the loader allows only files inside the same
/// repository, and nothing is fetched from the network). `apiVersion` is "dpds-<version>".
public enum DataProductDescriptorReader {
    public enum Resolution: Sendable {
        case node(YAMLNode)
        /// The file could not be read; the reason completes "cannot read '<ref>': …".
        case missing(String)
        /// The file was read but is broken; the diagnostic is located in that file.
        case invalid(Diagnostic)
    }

    /// Reads the file a relative `$ref` names (without its `#fragment`).
    public typealias Resolve = (_ path: String) -> Resolution

    public static func read(_ node: YAMLNode, file: String, resolve: Resolve? = nil) -> (ProductManifest?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let info = node["info"]
        let fqn = info?["fullyQualifiedName"]?.text
        guard let id = fqn ?? info?["id"]?.text ?? info?["name"]?.text else {
            return (nil, [.error("product.id.missing",
                "data product descriptor has no 'info.fullyQualifiedName' (nor 'info.id' or 'info.name') to identify it",
                at: info?.location ?? node.location)])
        }
        var name = info?["displayName"]?.text ?? info?["name"]?.text
        if name == nil {
            let derived = fqn.flatMap(nameInURN) ?? id
            diagnostics.append(.warning("product.name.missing",
                "data product descriptor '\(id)' has no 'info.name'; '\(derived)' is used as its name",
                at: info?.location ?? node.location))
            name = derived
        }
        var context = Context(root: node, resolve: resolve)
        let interface = node["interfaceComponents"]
        let inputs = (interface?["inputPorts"]?.items ?? []).enumerated().compactMap { index, entry in
            context.component(entry).map { port in
                ProductManifest.InputPort(name: port.name ?? "input-\(index + 1)", version: port["version"]?.text,
                                          contractId: contractId(port), location: port.location)
            }
        }
        let outputs = (interface?["outputPorts"]?.items ?? []).enumerated().compactMap { index, entry in
            context.component(entry).map { port in
                let promises = port["promises"]
                return ProductManifest.OutputPort(
                    name: port.name ?? "output-\(index + 1)", description: port["description"]?.text,
                    type: promises?["serviceType"]?.text ?? promises?["servicesType"]?.text,
                    version: port["version"]?.text, contractId: contractId(port), inputContracts: [],
                    location: port.location)
            }
        }
        diagnostics += context.diagnostics
        let owner = info?["owner"]
        // DPDS names one owner (often a person), not a team: shown as the owner member, not as a team.
        let team = owner.flatMap { owner in
            owner["id"]?.text.map { ownerID in
                ProductManifest.Team(name: nil, description: nil,
                                     members: [.init(username: ownerID, name: owner["name"]?.text, role: "owner")],
                                     location: owner.location)
            }
        }
        let support = (info?["contactPoints"]?.items ?? []).compactMap { point -> ProductManifest.SupportChannel? in
            guard let channel = point["name"]?.text ?? point["channel"]?.text else { return nil }
            return .init(channel: channel, url: LinkURL.read(point["address"], what: "contact address", diagnostics: &diagnostics), tool: point["channel"]?.text, scope: nil,
                         description: point["description"]?.text)
        }
        let version = node["dataProductDescriptor"]?.text ?? "unknown"
        let product = ProductManifest(
            apiVersion: "dpds-" + version, id: id, name: name ?? id, domain: info?["domain"]?.text, status: nil,
            version: info?["version"]?.text, tenant: nil,
            description: .init(purpose: info?["description"]?.text),
            tags: node["tags"]?.strings ?? info?["tags"]?.strings ?? [],
            inputPorts: inputs, outputPorts: outputs, support: support, team: team,
            file: file, location: node.location, valueLocations: .init(of: node))
        diagnostics.append(.note("input.format.imported",
            "imported from an Open Data Mesh Data Product Descriptor (DPDS \(version)): info, owner and input and "
            + "output ports are shown; internal components and other ports are not",
            at: node.pair("dataProductDescriptor")?.key.location ?? node.location))
        return (product, diagnostics)
    }

    /// The id that joins a port to a contract, and an input port to the output port it reads.
    /// DPDS has no contract id, so the most stable identifier the port offers is used:
    /// its API definition's `id` or `fullyQualifiedName` (both sides of a connection describe the same
    /// API), else an absolute `$ref` URL of that definition, else the port's own `fullyQualifiedName`
    /// (a URN meant to be unique and to stay the same across versions of the descriptor). Relative
    /// `$ref` paths are not used: two repositories spell the same file differently.
    static func contractId(_ port: Port) -> String? {
        let api = port["promises"]?["api"]
        return api?["id"]?.text ?? api?["fullyQualifiedName"]?.text
            ?? [api?["$ref"]?.text, api?["definition"]?["$ref"]?.text].compactMap { $0 }.first { $0.contains("://") }
            ?? port["fullyQualifiedName"]?.text
    }

    /// "urn:dpds:com.acme:dataproducts:tripExecution:1" -> "tripExecution".
    static func nameInURN(_ urn: String) -> String? {
        let parts = urn.split(separator: ":").map(String.init)
        if let i = parts.firstIndex(of: "dataproducts"), i + 1 < parts.count { return parts[i + 1] }
        return parts.last { Int($0) == nil }
    }

    /// A port as written in the descriptor, or read from the file its `$ref` names. The entry's own keys
    /// (often a `description`) fill in what the referenced definition leaves out.
    struct Port {
        var layers: [YAMLNode]
        var referenceName: String?
        subscript(key: String) -> YAMLNode? { layers.lazy.compactMap { $0[key] }.first }
        var name: String? { self["name"]?.text ?? referenceName }
        var location: SourceLocation { layers[0].location }
    }

    struct Context {
        let root: YAMLNode
        let resolve: Resolve?
        var diagnostics: [Diagnostic] = []

        mutating func component(_ entry: YAMLNode) -> Port? {
            guard entry.isMapping else { return nil }
            guard let refNode = entry["$ref"], let ref = refNode.text else { return Port(layers: [entry]) }
            let parts = ref.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            let path = parts[0], fragment = parts.count > 1 ? parts[1] : ""
            let fileName = path.split(separator: "/").last.map { String($0.split(separator: ".").first ?? $0) }
            func unresolved(_ reason: String) -> Port {
                diagnostics.append(.warning("input.ref.unresolved",
                    "cannot read the component '\(ref)': \(reason); the port is shown with what the descriptor says",
                    at: refNode.location))
                return Port(layers: [entry], referenceName: fileName)
            }
            var target = root
            if path.contains("://") { return unresolved("meshport does not fetch remote files") }
            if !path.isEmpty {
                guard let resolve else { return unresolved("external files are not read here") }
                switch resolve(path) {
                case .node(let node): target = node
                case .missing(let reason): return unresolved(reason)
                case .invalid(let diagnostic):
                    diagnostics.append(diagnostic)
                    return Port(layers: [entry], referenceName: fileName)
                }
            }
            guard let resolved = Self.pointer(fragment, in: target) else {
                return unresolved("there is no '#\(fragment)' in it")
            }
            return Port(layers: [resolved, entry], referenceName: fileName)
        }

        /// JSON Pointer (`/components/outputPorts/x`, with `~1` for `/` and `~0` for `~`).
        static func pointer(_ fragment: String, in node: YAMLNode) -> YAMLNode? {
            var current = node
            for token in fragment.split(separator: "/") {
                let key = token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
                if current.isSequence, let index = Int(key), current.items.indices.contains(index) {
                    current = current.items[index]
                } else if let next = current[key] {
                    current = next
                } else {
                    return nil
                }
            }
            return current
        }
    }
}
