/// Page contexts are built as `[String: Any]` with optional values. swift-mustache treats a nil
/// wrapped in `Any` as a value (it would print "nil"), so nils are removed before rendering.
enum TemplateContext {
    static func clean(_ value: Any) -> Any? {
        if let optional = value as? OptionalValue {
            guard let wrapped = optional.wrappedAny else { return nil }
            return clean(wrapped)
        }
        if let dictionary = value as? [String: Any] {
            var out: [String: Any] = [:]
            out.reserveCapacity(dictionary.count)
            for (key, item) in dictionary {
                if let cleaned = clean(item) { out[key] = cleaned }
            }
            return out
        }
        if value is [String] { return value }
        if let array = value as? [Any] { return array.compactMap(clean) }
        return value
    }
}

private protocol OptionalValue {
    var wrappedAny: Any? { get }
}

extension Optional: OptionalValue {
    fileprivate var wrappedAny: Any? { self.map { $0 as Any } }
}
