import Mustache

/// A theme: Mustache templates (compiled once) and static assets copied to `assets/`.
/// A user theme overrides the default theme file by file.
public struct Theme: Sendable {
    public static let requiredTemplates = ["layout", "home", "domain", "product", "doc", "team", "notfound", "governance", "lineage"]

    public let templates: [String: String]
    public let assets: [String: [UInt8]]
    let library: MustacheLibrary

    public struct TemplateError: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    public init(templates: [String: String], assets: [String: [UInt8]]) throws(TemplateError) {
        self.templates = templates
        self.assets = assets
        var library = MustacheLibrary()
        _ = HTMLText.registered
        for name in templates.keys.sorted() {
            do {
                try library.register(HTMLText.pragma + templates[name]!, named: name)
            } catch {
                throw TemplateError(description: "template '\(name).mustache' does not parse: \(error)")
            }
        }
        for name in Self.requiredTemplates where templates[name] == nil {
            throw TemplateError(description: "the theme has no '\(name).mustache' template")
        }
        self.library = library
    }

    /// This theme with `other`'s files taking precedence.
    public func overridden(by other: (templates: [String: String], assets: [String: [UInt8]])) throws(TemplateError) -> Theme {
        try Theme(templates: templates.merging(other.templates) { _, new in new },
                  assets: assets.merging(other.assets) { _, new in new })
    }

    func render(_ template: String, _ context: [String: Any]) -> String {
        library.render(TemplateContext.clean(context) ?? [:], withTemplate: template) ?? ""
    }
}
