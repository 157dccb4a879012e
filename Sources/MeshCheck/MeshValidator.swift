import MeshLink
import MeshModel

/// The Validate stage: schema, cross-reference and governance rules over the loaded and linked
/// mesh, then the governance policy decides each finding's severity where it was found.
public struct MeshValidator: Sendable {
    public struct Validation: Sendable {
        /// Every diagnostic of the run (the earlier stages' too), policy applied, in reading order.
        public var diagnostics: [Diagnostic]
        public var report: GovernanceReport
        /// What the reference and governance checks found, for `validate(checked:)`.
        public var checked: Checked
    }

    /// What the reference and governance checks find in a linked mesh, and the compliance report made
    /// of it: the costly part of validation, which depends on the products, contracts and ownership,
    /// never on what docs say.
    public struct Checked: Sendable {
        /// Per product, the reference checks' and the governance checks' findings.
        let reference: [[Finding]]
        let governance: [[Finding]]
        let found: [Diagnostic]
        let policy: GovernancePolicy
        public let report: GovernanceReport
    }

    /// Checking one domain repository on its own: links into other repositories cannot be
    /// resolved, so they are notes rather than errors.
    public var singleRepository: Bool

    public init(singleRepository: Bool = false) {
        self.singleRepository = singleRepository
    }

    static let crossRepositoryRules: Set<String> = [
        "link.product.unknown", "link.domain.unknown", "link.team.unknown", "lineage.upstream.unknown",
        "product.domain.undeclared", "product.team.undeclared",
    ]

    /// The schema findings Load kept (see `SchemaCheck`). Each product, contract and entity is checked
    /// alone, so the findings of a mesh are those of its parts: products first, then contracts, then entities.
    public static func schemaDiagnostics(_ loaded: LoadedMesh) -> [Diagnostic] {
        SchemaChecks.run(loaded)
    }

    /// The reference and governance checks and the compliance report.
    public func check(loaded: LoadedMesh, linked: LinkedMesh) -> Checked {
        checked(loaded: loaded, linked: linked, reference: linked.products.indices.map { ReferenceChecks.run(linked, product: $0) },
                governance: linked.products.indices.map { GovernanceChecks.run(linked, product: $0) })
    }

    /// `check` of a mesh that differs from the one `previous` was made of only in the manifests of
    /// `products` and the contracts they publish (`MeshLinker.relinking`): their findings are found
    /// again, and those of the products that read from them (which say when an upstream is deprecated);
    /// the others' are kept.
    public func rechecking(_ previous: Checked, loaded: LoadedMesh, linked: LinkedMesh, products: Set<Int>) -> Checked {
        var affected = products
        for edge in linked.edges where products.contains(edge.upstream.product) { affected.insert(edge.downstream.product) }
        var reference = previous.reference, governance = previous.governance
        for i in affected {
            reference[i] = ReferenceChecks.run(linked, product: i)
            governance[i] = GovernanceChecks.run(linked, product: i)
        }
        return checked(loaded: loaded, linked: linked, reference: reference, governance: governance)
    }

    /// In the order the checks run over a whole mesh: each product's reference findings, the cycles,
    /// each product's governance findings.
    private func checked(loaded: LoadedMesh, linked: LinkedMesh, reference: [[Finding]], governance: [[Finding]]) -> Checked {
        let policy = GovernancePolicy(config: loaded.config, domainConfigs: loaded.domainConfigs)
        let cycles = LineageCycles.find(linked)
        let findings = reference.flatMap { $0 } + cycles + governance.flatMap { $0 }
        let found = findings.map { f in
            Diagnostic(RuleCatalog.rule(f.rule)?.defaultSeverity ?? .warning, f.rule, f.message, at: f.location, notes: f.notes)
        }
        return Checked(reference: reference, governance: governance, found: found, policy: policy,
                       report: report(linked, findings: findings, policy: policy))
    }

    /// `schema`: the schema findings when already known (`schemaDiagnostics` of every file, kept by `serve`);
    /// `checked`: `check` of this mesh when already known (after an edit of docs' text only, `serve` keeps it).
    public func validate(loaded: LoadedMesh, linked: LinkedMesh, earlier: [Diagnostic],
                         schema: [Diagnostic]? = nil, checked: Checked? = nil) -> Validation {
        let checked = checked ?? check(loaded: loaded, linked: linked)
        let policy = checked.policy
        var diagnostics = Self.markingConsequences(policy.apply(earlier + (schema ?? SchemaChecks.run(loaded)) + checked.found)
            + policy.diagnostics)
        if singleRepository {
            diagnostics = diagnostics.map { d in
                guard Self.crossRepositoryRules.contains(d.rule) else { return d }
                var note = d
                note.severity = .note
                note.message = "outside this repository (checked on its own): " + d.message
                return note
            }
        }
        var seen = Set<String>()
        diagnostics = diagnostics.filter { seen.insert("\($0.rule)|\($0.location?.description ?? "")|\($0.message)").inserted }
        return Validation(diagnostics: diagnostics.sortedForReport(), report: checked.report, checked: checked)
    }

    /// Rules about references that a file which could not be read may have caused.
    static let unresolvedReferenceRules: Set<String> = [
        "lineage.upstream.unknown", "port.contract.missing", "product.domain.undeclared", "product.team.undeclared",
    ]
    /// Link rules: a consequence only when the link names the folder of a file that failed.
    static let unresolvedLinkRules: Set<String> = [
        "link.product.unknown", "link.domain.unknown", "link.team.unknown", "link.doc.broken", "link.anchor.broken",
    ]

    /// When a file could not be read (or a product or contract had to be left out), references to
    /// what it held cannot resolve. Those follow-on problems become notes that say so, like a
    /// compiler that stops repeating itself after the first error.
    static func markingConsequences(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        let causes = diagnostics.filter { d in
            d.severity == .error && (RuleCatalog.rule(d.rule)?.category == .input
                || ["product.id.duplicate", "contract.id.duplicate", "product.slug.duplicate", "product.domain.missing"].contains(d.rule))
        }
        guard let first = causes.compactMap(\.location).min() else { return diagnostics }
        // The folders around each failed file: a product folder, or the one above contracts/ or docs/.
        var lost = Set<String>()
        for file in causes.compactMap(\.location?.file) {
            let parts = file.split(separator: "/").dropLast()
            for part in parts.suffix(2) where part.count >= 3 && !["contracts", "docs", "products"].contains(part) {
                lost.insert(String(part))
            }
        }
        return diagnostics.map { d in
            guard d.severity != .note else { return d }
            let follows = unresolvedReferenceRules.contains(d.rule)
                || (unresolvedLinkRules.contains(d.rule) && lost.contains { d.message.contains("/\($0)") || d.message.contains("'\($0)'") })
            guard follows else { return d }
            var note = d
            note.severity = .note
            note.notes.append(.init("this may follow from the error reported here", at: first))
            return note
        }
    }

    func report(_ mesh: LinkedMesh, findings: [Finding], policy: GovernancePolicy) -> GovernanceReport {
        let rules = policy.rulesInForce()
        var byProduct: [Int: [Finding]] = [:]
        for f in findings { if let p = f.product { byProduct[p, default: []].append(f) } }
        var domainTotals: [String: (passed: Int, checked: Int)] = [:]
        let products = mesh.products.enumerated().map { i, product -> GovernanceReport.Product in
            var outcomes: [String: GovernanceReport.Outcome] = [:]
            var reported: [GovernanceReport.Finding] = []
            var passed = 0, checked = 0
            for rule in rules {
                guard let severity = policy.severity(of: rule.id, file: product.manifest.file) else {
                    outcomes[rule.id] = .off
                    continue
                }
                checked += 1
                let mine = (byProduct[i] ?? []).filter { $0.rule == rule.id }
                if mine.isEmpty {
                    outcomes[rule.id] = .pass
                    passed += 1
                } else {
                    outcomes[rule.id] = severity == .error ? .fail : .warn
                    reported += mine.map {
                        GovernanceReport.Finding(rule: $0.rule, severity: severity.rawValue, message: $0.message,
                                                 file: $0.location?.file, line: $0.location?.line)
                    }
                }
            }
            domainTotals[product.domain, default: (0, 0)].passed += passed
            domainTotals[product.domain, default: (0, 0)].checked += checked
            return GovernanceReport.Product(key: "\(product.domain)/\(product.slug)", domain: product.domain,
                                            outcomes: outcomes, findings: reported, passed: passed, checked: checked)
        }
        let domains = mesh.domains.map { d in
            GovernanceReport.Domain(slug: d.slug, passed: domainTotals[d.slug]?.passed ?? 0,
                                    checked: domainTotals[d.slug]?.checked ?? 0)
        }
        return GovernanceReport(rules: rules, products: products, domains: domains)
    }
}
