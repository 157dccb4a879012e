import Mustache

/// Page contexts are built as `[String: Any]` with optional values; before rendering they are turned
/// into what swift-mustache handles quickly and correctly:
/// - a nil becomes `TemplateNull`, which stops the lookup. Left out, swift-mustache would look the
///   name up in the enclosing contexts and show, say, a schema's description in a column that has
///   none (and a nil wrapped in `Any` would print "nil");
/// - text becomes `TemplateText`, which each lookup recognises at its first cast instead of going
///   through `String(describing:)`, and which, pushed by a section, is passed over without a Mirror.
enum TemplateContext {
    static func clean(_ value: Any) -> Any? {
        // Most values are text, so it is tried first; a cast to a concrete type also unwraps an Optional.
        switch value {
        case let text as String: return TemplateText(renderText: text)
        case let flag as Bool: return flag
        // `mapValues` keeps the table as it is, without hashing a key again.
        case let dictionary as [String: Any]: return dictionary.mapValues { clean($0) ?? TemplateNull() }
        case let texts as [String]: return texts.map(TemplateText.init)
        case let array as [Any]: return array.compactMap(clean)
        case let optional as OptionalValue: return optional.wrappedAny.flatMap(clean)
        default: return value
        }
    }
}

/// Text in a template context. Sorts and transforms (`{{uppercased(name)}}`, `{{empty(name)}}`) as the
/// String it holds.
struct TemplateText: MustacheCustomRenderable, MustacheParent, MustacheTransformable, Comparable {
    let renderText: String
    var isNull: Bool { false }
    func child(named: String) -> Any? { nil }
    func transform(_ name: String) -> Any? { renderText.transform(name) }
    static func < (a: TemplateText, b: TemplateText) -> Bool { a.renderText < b.renderText }
}

/// A value a page left out: prints nothing, is false in a section and true in an inverted one.
struct TemplateNull: MustacheCustomRenderable, MustacheParent {
    var renderText: String { "" }
    var isNull: Bool { true }
    func child(named: String) -> Any? { nil }
}

private protocol OptionalValue {
    var wrappedAny: Any? { get }
}

extension Optional: OptionalValue {
    fileprivate var wrappedAny: Any? { self.map { $0 as Any } }
}
