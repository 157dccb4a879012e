import MeshModel

extension RuleCatalog {
    /// Policies a mesh can set for all domains and a domain can tighten for itself.
    static let governanceRules: [RuleInfo] = [
        RuleInfo("product.status.missing", .governance, .error, "a product states its status",
                 "ODPS requires `status` (proposed, draft, active, deprecated, retired): consumers need to know whether they may build on a product."),
        RuleInfo("product.description.required", .governance, .warning, "a product says what it is for",
                 "`description.purpose` is the first thing a consumer reads; without it a product cannot be discovered by what it is for."),
        RuleInfo("product.description.length", .governance, nil, "a product's purpose is more than a phrase",
                 "`description.purpose` has at least 40 characters: one real sentence, not a restated name."),
        RuleInfo("product.team.required", .governance, .warning, "a product names its owner",
                 "`team.name` names the owner team, which gets the product on its ownership page."),
        RuleInfo("product.owner.contact", .governance, nil, "a product's owner can be reached",
                 "The product has a support channel with a URL, or its owner team has an email address."),
        RuleInfo("product.version.semver", .governance, nil, "product versions are semantic",
                 "`version` is MAJOR.MINOR.PATCH, so consumers can tell a breaking change from a fix."),
        RuleInfo("contract.version.semver", .governance, nil, "contract versions are semantic",
                 "A contract's `version` is MAJOR.MINOR.PATCH, so consumers can tell a breaking change from a fix."),
        RuleInfo("contract.column.description", .governance, nil, "every column is described",
                 "Every property of every schema object has a `description`."),
        RuleInfo("contract.classification.required", .governance, nil, "every column is classified",
                 "Every property has a `classification` (public, internal, confidential, restricted, …), which access policies are built on."),
        RuleInfo("contract.pii.restricted", .governance, nil, "personal data is restricted",
                 "A column tagged `pii` (in `tags`, or a `pii` custom property set to true) is classified `restricted`."),
        RuleInfo("contract.sla.required", .governance, nil, "a contract states at least one SLA",
                 "A contract has at least one entry in `slaProperties` (latency, retention, availability, …)."),
    ]
}
