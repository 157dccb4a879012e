/// A parsed YAML value that remembers where every key and value was written,
/// so any later stage can point a diagnostic at the exact spot.
public struct YAMLNode: Sendable, Hashable {
    public enum ScalarKind: Sendable, Hashable { case string, int, float, bool, null }

    public struct Pair: Sendable, Hashable {
        public var key: YAMLNode
        public var value: YAMLNode
        public init(key: YAMLNode, value: YAMLNode) {
            self.key = key
            self.value = value
        }
    }

    public indirect enum Value: Sendable, Hashable {
        case scalar(String, ScalarKind)
        case mapping([Pair])
        case sequence([YAMLNode])
    }

    public var value: Value
    public var location: SourceLocation

    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }

    /// The value under `key` in a mapping.
    public subscript(key: String) -> YAMLNode? {
        pair(key)?.value
    }

    /// The key node itself, for diagnostics about a key.
    public func pair(_ key: String) -> Pair? {
        guard case .mapping(let pairs) = value else { return nil }
        return pairs.first { $0.key.scalar == key }
    }

    public var pairs: [Pair] {
        if case .mapping(let pairs) = value { return pairs }
        return []
    }

    public var items: [YAMLNode] {
        if case .sequence(let items) = value { return items }
        return []
    }

    public var isMapping: Bool { if case .mapping = value { return true } else { return false } }
    public var isSequence: Bool { if case .sequence = value { return true } else { return false } }

    /// The text of a scalar, whatever its resolved type (`version: 1.0` reads as "1.0"); nil for null.
    public var scalar: String? {
        if case .scalar(let text, let kind) = value, kind != .null { return text }
        return nil
    }

    public var bool: Bool? {
        guard case .scalar(let text, .bool) = value else { return nil }
        return ["true", "yes", "on", "y"].contains(text.lowercased())
    }

    /// Scalar text with surrounding white space removed; nil when absent or blank.
    public var text: String? {
        guard let s = scalar?.trimmingWhitespace(), !s.isEmpty else { return nil }
        return s
    }

    /// A list of strings from a sequence of scalars, or from a single scalar.
    public var strings: [String] {
        switch value {
        case .sequence(let items): return items.compactMap(\.text)
        case .scalar: return text.map { [$0] } ?? []
        case .mapping: return []
        }
    }
}

extension String {
    public func trimmingWhitespace() -> String {
        var scalars = Substring(self)
        while let f = scalars.first, f.isWhitespace { scalars.removeFirst() }
        while let l = scalars.last, l.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
