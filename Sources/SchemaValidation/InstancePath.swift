/// The way from the document root to the value being checked, kept as a stack while validating
/// and only turned into text ("outputPorts[0].contractId") when a violation needs it.
struct InstancePath: Sendable {
    enum Component: Sendable, Hashable {
        case key(String)
        case index(Int)
    }

    private(set) var components: [Component] = []

    mutating func push(_ component: Component) { components.append(component) }
    mutating func pop() { components.removeLast() }

    var isEmpty: Bool { components.isEmpty }

    var rendered: String { Self.render(components[...]) }

    /// The last key with any indices after it ("tags[0]"), which is how a person names a value;
    /// nil at the document root.
    var lastName: String? {
        guard let lastKey = components.lastIndex(where: { if case .key = $0 { return true } else { return false } }) else {
            return components.isEmpty ? nil : Self.render(components[...])
        }
        return Self.render(components[lastKey...])
    }

    static func render(_ components: ArraySlice<Component>) -> String {
        var text = ""
        for component in components {
            switch component {
            case .index(let i):
                text += "[\(i)]"
            case .key(let key):
                if isPlain(key) {
                    text += text.isEmpty ? key : "." + key
                } else {
                    text += "['" + key.replacingOccurrences(of: "'", with: "\\'") + "']"
                }
            }
        }
        return text
    }

    /// Keys that read unambiguously after a dot; others ("backstage.io/techdocs-ref") get brackets.
    private static func isPlain(_ key: String) -> Bool {
        !key.isEmpty && key.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-"
                || $0 == "$" || $0 == "@"
        }
    }
}
