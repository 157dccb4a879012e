/// The fixed sections of a product page. Their ids are reserved so port, column and doc
/// heading anchors never collide with them.
public enum ProductPageSection: String, CaseIterable, Sendable {
    case overview = "section-overview"
    case outputPorts = "section-output-ports"
    case inputPorts = "section-input-ports"
    case consumers = "section-consumers"
    case support = "section-support"
    case team = "section-team"
    case docs = "section-docs"
    case governance = "section-governance"

    public var id: String { rawValue }
    public static var allIDs: [String] { allCases.map(\.rawValue) }
}
