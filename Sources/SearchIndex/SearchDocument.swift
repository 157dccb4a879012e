/// One thing a search can find: a product, an output port, a column, a doc section, a domain or a team.
public struct SearchDocument: Sendable, Hashable {
    /// The kinds, in the order the browser knows them by (their raw value is written into the index).
    public enum Kind: Int, Sendable, CaseIterable {
        case product, port, column, doc, domain, team
        public var name: String { ["product", "port", "column", "doc", "domain", "team"][rawValue] }
    }

    /// How much a match in a field counts. The order is the ranking the issue asks for: an exact name
    /// or id, a name's first word, another word of a name, tags and column or port names, headings, body.
    public enum Tier: Int, Sendable, Comparable {
        case body = 1, heading, label, name, nameStart, exact
        public static func < (a: Tier, b: Tier) -> Bool { a.rawValue < b.rawValue }
    }

    public struct Field: Sendable, Hashable {
        /// First, so the field packs into 24 bytes (there are ~1.2 million at 10,000 products).
        public var text: String
        public var tier: Tier
        /// Whole-term fields (ids) are indexed as one lower-cased term, not tokenised.
        public var verbatim: Bool
        public init(_ tier: Tier, _ text: String, verbatim: Bool = false) {
            self.tier = tier
            self.text = text
            self.verbatim = verbatim
        }
    }

    public var kind: Kind
    public var title: String
    /// Where the hit sits ("Orders › orders_v1"), shown under the title.
    public var context: String
    /// Site-root-relative URL of the page.
    public var url: String
    /// The anchor on that page, if any: kept apart, so the many documents on one page share its URL.
    public var fragment: String? = nil
    public var fields: [Field]
    /// The text a snippet is cut from when the hit is not in it.
    public var summary: String
    /// Index into the facet group table (a product and everything on it, a domain, a team).
    public var group: Int
    /// Lower-cased column classification, for the classification filter.
    public var classification: String?
    public var deprecated: Bool
}

/// What the filters know about a product, a domain or a team; every document belongs to one group.
public struct FacetGroup: Sendable, Hashable {
    public var domain: String?
    public var team: String?
    public var status: String?
}
