/// Problems with the schemas themselves (not with the documents being validated).
/// They surface when the registry or a validator is built, so a broken bundled schema fails
/// loudly at start-up and in tests rather than as a confusing violation later.
public enum SchemaError: Error, Sendable, Hashable, CustomStringConvertible {
    case invalidJSON(document: String, detail: String)
    case duplicateIdentifier(String, documents: [String])
    case unknownSchema(String)
    case unresolvableReference(String, in: String)
    case invalidPattern(String, in: String, detail: String)

    public var description: String {
        switch self {
        case .invalidJSON(let document, let detail):
            return "schema '\(document)' is \(detail)"
        case .duplicateIdentifier(let id, let documents):
            return "schema identifier '\(id)' is used by more than one schema (\(documents.joined(separator: ", ")))"
        case .unknownSchema(let name):
            return "no schema named '\(name)' in the registry"
        case .unresolvableReference(let reference, let location):
            return "cannot resolve $ref '\(reference)' in \(location)"
        case .invalidPattern(let pattern, let location, let detail):
            return "invalid regular expression '\(pattern)' in \(location): \(detail)"
        }
    }
}
