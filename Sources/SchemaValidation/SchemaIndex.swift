import Foundation

/// Where a schema object sits: a document and a JSON pointer (as tokens) from its root.
struct SchemaLocation: Sendable, Hashable, CustomStringConvertible {
    var document: Int
    var pointer: [String]

    func appending(_ tokens: String...) -> SchemaLocation {
        SchemaLocation(document: document, pointer: pointer + tokens)
    }

    var description: String {
        "#/" + pointer.map { $0.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1") }
            .joined(separator: "/")
    }
}

/// The parsed schema documents and everything `$ref` needs to find its target:
/// resources by document name and `$id` (nested ones too), and anchors (`$anchor`, draft-07 `$id: "#name"`).
struct SchemaIndex: Sendable {
    struct Document: Sendable {
        var name: String
        var root: JSONValue
        /// Drafts before 2019-09: `$ref` replaces its siblings and `unevaluated*` does not exist.
        var isLegacyDraft: Bool
    }

    private(set) var documents: [Document] = []
    /// Resource roots by every name they answer to: document name, `$id` as written, `$id` made absolute.
    private var resources: [String: SchemaLocation] = [:]
    /// Looser names (file name, last path segment of an `$id`), only kept while unambiguous.
    private var aliases: [String: SchemaLocation?] = [:]
    private var anchors: [SchemaLocation: [String: SchemaLocation]] = [:]
    /// Absolute base URIs of resources whose `$id` is (or resolves to) one, for relative references.
    private var baseURIs: [SchemaLocation: URL] = [:]
    /// Resource roots per document, to find the resource enclosing any location.
    private var resourceRoots: [[SchemaLocation]] = []

    /// Keywords whose value is one schema, a list of schemas, or a map of name to schema.
    static let singleSchemaKeywords = ["additionalProperties", "unevaluatedProperties", "additionalItems", "unevaluatedItems",
                                       "items", "contains", "propertyNames", "not", "if", "then", "else"]
    static let schemaListKeywords = ["allOf", "anyOf", "oneOf", "items", "prefixItems"]
    static let schemaMapKeywords = ["properties", "patternProperties", "$defs", "definitions", "dependentSchemas", "dependencies"]

    init(documents input: [(name: String, bytes: [UInt8])]) throws {
        for (index, entry) in input.enumerated() {
            let root: JSONValue
            do {
                root = try JSONValue.parse(entry.bytes)
            } catch {
                throw SchemaError.invalidJSON(document: entry.name, detail: "\(error)")
            }
            let dialect = root["$schema"]?.stringValue ?? ""
            let legacy = ["draft-03", "draft-04", "draft-06", "draft-07"].contains { dialect.contains($0) }
            documents.append(Document(name: entry.name, root: root, isLegacyDraft: legacy))
            resourceRoots.append([])
            let location = SchemaLocation(document: index, pointer: [])
            try register(entry.name, at: location)
            addAlias(String(entry.name.split(separator: "/").last ?? ""), for: location)
            addResourceRoot(location, base: nil)
            try walk(root, at: location, resource: location)
        }
    }

    // MARK: - Lookup

    /// The root of the resource called `name` (a document name or an `$id`, optionally with a fragment).
    func location(ofSchema name: String) -> SchemaLocation? {
        let (uri, fragment) = Self.split(name)
        guard let resource = lookupResource(uri, base: nil) else { return nil }
        return locate(fragment: fragment, in: resource)
    }

    /// The target of `reference` written in the schema object at `location`.
    func resolve(_ reference: String, from location: SchemaLocation) -> SchemaLocation? {
        let resource = enclosingResource(of: location)
        let (uri, fragment) = Self.split(reference)
        let target: SchemaLocation
        if uri.isEmpty {
            target = resource
        } else {
            guard let found = lookupResource(uri, base: baseURIs[resource]) else { return nil }
            target = found
        }
        return locate(fragment: fragment, in: target)
    }

    func value(at location: SchemaLocation) -> JSONValue? {
        var value = documents[location.document].root
        for token in location.pointer {
            switch value {
            case .object(let object):
                guard let next = object[token] else { return nil }
                value = next
            case .array(let array):
                guard let i = Int(token), array.indices.contains(i) else { return nil }
                value = array[i]
            default:
                return nil
            }
        }
        return value
    }

    /// "odcs/odcs-json-schema-v3.1.0.json#/$defs/Server", for error messages about the schemas.
    func describe(_ location: SchemaLocation) -> String {
        documents[location.document].name + location.description
    }

    func enclosingResource(of location: SchemaLocation) -> SchemaLocation {
        var best = SchemaLocation(document: location.document, pointer: [])
        for root in resourceRoots[location.document]
        where root.pointer.count > best.pointer.count && location.pointer.starts(with: root.pointer) {
            best = root
        }
        return best
    }

    // MARK: - Building the index

    private static func split(_ reference: String) -> (uri: String, fragment: String?) {
        guard let hash = reference.firstIndex(of: "#") else { return (reference, nil) }
        return (String(reference[..<hash]), String(reference[reference.index(after: hash)...]))
    }

    private func lookupResource(_ uri: String, base: URL?) -> SchemaLocation? {
        if let found = resources[uri] { return found }
        if let base, let absolute = URL(string: uri, relativeTo: base)?.absoluteString, let found = resources[absolute] {
            return found
        }
        if let found = aliases[uri] ?? nil { return found }
        let last = String(uri.split(separator: "/").last ?? "")
        return resources[last] ?? (aliases[last] ?? nil)
    }

    private func locate(fragment: String?, in resource: SchemaLocation) -> SchemaLocation? {
        guard let fragment, !fragment.isEmpty else { return resource }
        let decoded = fragment.removingPercentEncoding ?? fragment
        if decoded.hasPrefix("/") {
            let tokens = decoded.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map {
                $0.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            }
            let target = SchemaLocation(document: resource.document, pointer: resource.pointer + tokens)
            return value(at: target) == nil ? nil : target
        }
        return anchors[resource]?[decoded]
    }

    private mutating func register(_ key: String, at location: SchemaLocation) throws {
        guard !key.isEmpty else { return }
        if let existing = resources[key], existing != location {
            throw SchemaError.duplicateIdentifier(key, documents: [documents[existing.document].name,
                                                                   documents[location.document].name])
        }
        resources[key] = location
    }

    private mutating func addAlias(_ alias: String, for location: SchemaLocation) {
        guard !alias.isEmpty, resources[alias] == nil else { return }
        if let existing = aliases[alias] {
            if existing != location { aliases[alias] = .some(nil) }  // ambiguous: forget it
        } else {
            aliases[alias] = location
        }
    }

    private mutating func addResourceRoot(_ location: SchemaLocation, base: URL?) {
        if !resourceRoots[location.document].contains(location) { resourceRoots[location.document].append(location) }
        if let base { baseURIs[location] = base }
    }

    /// Registers `$id`s and anchors found anywhere a schema may appear.
    private mutating func walk(_ value: JSONValue, at location: SchemaLocation, resource: SchemaLocation) throws {
        guard case .object(let object) = value else { return }
        var resource = resource
        if let id = object["$id"]?.stringValue {
            let (uri, fragment) = Self.split(id)
            if !uri.isEmpty {
                let parentBase = baseURIs[resource]
                let absolute = URL(string: uri, relativeTo: parentBase)
                let base = absolute.flatMap { $0.scheme == nil ? nil : $0.absoluteURL }
                resource = location
                addResourceRoot(location, base: base)
                try register(uri, at: location)
                if let base { try register(base.absoluteString, at: location) }
                addAlias(String(uri.split(separator: "/").last ?? ""), for: location)
            }
            if let fragment, !fragment.isEmpty { anchors[resource, default: [:]][fragment] = location }
        }
        if let anchor = object["$anchor"]?.stringValue { anchors[resource, default: [:]][anchor] = location }

        for keyword in Self.singleSchemaKeywords {
            if let child = object[keyword], child.objectValue != nil {
                try walk(child, at: location.appending(keyword), resource: resource)
            }
        }
        for keyword in Self.schemaListKeywords {
            for (i, child) in (object[keyword]?.arrayValue ?? []).enumerated() {
                try walk(child, at: location.appending(keyword, String(i)), resource: resource)
            }
        }
        for keyword in Self.schemaMapKeywords {
            guard let map = object[keyword]?.objectValue else { continue }
            for name in map.keys.sorted() {
                try walk(map[name]!, at: location.appending(keyword, name), resource: resource)
            }
        }
    }
}
