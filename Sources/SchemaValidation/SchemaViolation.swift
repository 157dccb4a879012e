import MeshModel

/// One way a YAML document breaks its schema, pinned to the key or value at fault.
public struct SchemaViolation: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case unknownKey, missingKey, wrongType, notInEnum, constMismatch, pattern, tooShort, tooFewItems,
             duplicateItems, outOfRange, noMatchingAlternative, other
    }

    public var kind: Kind
    /// For a person: "unknown key 'descripton' in outputPorts[0]; did you mean 'description'?"
    public var message: String
    /// The offending key (unknown key), the value (wrong type, enum…), or the mapping that lacks a required key.
    public var location: SourceLocation
    /// Where in the document, e.g. "outputPorts[0].contractId"; empty for the document itself.
    public var path: String
    /// Replacement text that would fix it: "status" for a misspelt key, "\"1.0\"" for a number that must be text.
    public var suggestion: String?

    public init(kind: Kind, message: String, location: SourceLocation, path: String, suggestion: String? = nil) {
        self.kind = kind
        self.message = message
        self.location = location
        self.path = path
        self.suggestion = suggestion
    }
}

extension SchemaViolation {
    /// Reading order: position, then path, then the rest, so equal input always gives equal output.
    static func readingOrder(_ a: SchemaViolation, _ b: SchemaViolation) -> Bool {
        if a.location != b.location { return a.location < b.location }
        if a.path != b.path { return a.path < b.path }
        if a.kind != b.kind { return a.kind.rawValue < b.kind.rawValue }
        if a.message != b.message { return a.message < b.message }
        return (a.suggestion ?? "") < (b.suggestion ?? "")
    }
}
