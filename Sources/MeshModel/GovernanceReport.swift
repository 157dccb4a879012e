/// Compliance of every product with every policy in force: what the governance page and
/// `api/governance.json` show.
public struct GovernanceReport: Sendable, Hashable, Codable {
    public enum Outcome: String, Sendable, Hashable, Codable {
        case pass, warn, fail
        /// The rule is off for this product's domain.
        case off
    }

    public struct Rule: Sendable, Hashable, Codable {
        public var id: String
        public var summary: String
        /// The mesh-wide severity ("off" when only some domains turn it on).
        public var severity: String
        public var enforced: Bool
        public init(id: String, summary: String, severity: String, enforced: Bool) {
            self.id = id
            self.summary = summary
            self.severity = severity
            self.enforced = enforced
        }
    }

    public struct Finding: Sendable, Hashable, Codable {
        public var rule: String
        public var severity: String
        public var message: String
        public var file: String?
        public var line: Int?
        public init(rule: String, severity: String, message: String, file: String?, line: Int?) {
            self.rule = rule
            self.severity = severity
            self.message = message
            self.file = file
            self.line = line
        }
    }

    public struct Product: Sendable, Hashable, Codable {
        /// "<domain>/<product>".
        public var key: String
        public var domain: String
        public var outcomes: [String: Outcome]
        public var findings: [Finding]
        public var passed: Int
        public var checked: Int
        public init(key: String, domain: String, outcomes: [String: Outcome], findings: [Finding], passed: Int, checked: Int) {
            self.key = key
            self.domain = domain
            self.outcomes = outcomes
            self.findings = findings
            self.passed = passed
            self.checked = checked
        }
    }

    public struct Domain: Sendable, Hashable, Codable {
        public var slug: String
        public var passed: Int
        public var checked: Int
        /// Passed checks in percent, rounded down; 100 when nothing is checked.
        public var score: Int { checked == 0 ? 100 : passed * 100 / checked }
        public init(slug: String, passed: Int, checked: Int) {
            self.slug = slug
            self.passed = passed
            self.checked = checked
        }
    }

    public var rules: [Rule]
    public var products: [Product]
    public var domains: [Domain]

    public init(rules: [Rule] = [], products: [Product] = [], domains: [Domain] = []) {
        self.rules = rules
        self.products = products
        self.domains = domains
    }
}
