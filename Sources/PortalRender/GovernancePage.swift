import MeshLink
import MeshModel

/// The governance report: every policy in force, a score per domain, and a compliance matrix of
/// products by rules, each cell pass, warn, fail or off.
struct GovernancePage {
    let mesh: LinkedMesh
    let report: GovernanceReport
    let url = SiteURL.governance

    func context() -> [String: Any] {
        let byKey = Dictionary(report.products.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        let totalPassed = report.domains.reduce(0) { $0 + $1.passed }, totalChecked = report.domains.reduce(0) { $0 + $1.checked }
        return [
            "rules": report.rules.enumerated().map { i, rule in
                ["number": i + 1, "id": rule.id, "summary": rule.summary, "severity": rule.severity, "enforced": rule.enforced]
            },
            "hasRules": !report.rules.isEmpty,
            "score": totalChecked == 0 ? 100 : totalPassed * 100 / totalChecked,
            "passed": totalPassed, "checked": totalChecked,
            "domains": report.domains.compactMap { d -> [String: Any]? in
                guard let domain = mesh.domain(d.slug) else { return nil }
                return [
                    "title": domain.title, "href": SiteURL.relative(from: url, to: domain.url), "anchor": "domain-" + d.slug,
                    "score": d.score, "passed": d.passed, "checked": d.checked,
                    "products": domain.products.compactMap { p -> [String: Any]? in
                        let product = mesh.products[p]
                        guard let compliance = byKey["\(product.domain)/\(product.slug)"] else { return nil }
                        return [
                            "name": product.name,
                            "href": SiteURL.relative(from: url, to: product.url) + "#" + ProductPageSection.governance.id,
                            "passed": compliance.passed, "checked": compliance.checked,
                            "cells": report.rules.map { rule in Self.cell(compliance.outcomes[rule.id] ?? .off, rule: rule.id) },
                        ]
                    },
                ]
            },
        ]
    }

    static func cell(_ outcome: GovernanceReport.Outcome, rule: String) -> [String: Any] {
        let (symbol, label): (String, String)
        switch outcome {
        case .pass: (symbol, label) = ("✓", "pass")
        case .warn: (symbol, label) = ("!", "warning")
        case .fail: (symbol, label) = ("✗", "fail")
        case .off: (symbol, label) = ("–", "not checked")
        }
        return ["symbol": symbol, "label": label, "class": "outcome-" + outcome.rawValue, "rule": rule]
    }

    /// The governance section of a product page.
    static func productSection(_ compliance: GovernanceReport.Product?, page: String) -> [String: Any]? {
        guard let compliance, compliance.checked > 0 else { return nil }
        return [
            "passed": compliance.passed, "checked": compliance.checked,
            "findings": compliance.findings.map { f in
                ["rule": f.rule, "severity": f.severity, "message": f.message, "class": "severity-" + f.severity]
            },
            "reportHref": SiteURL.relative(from: page, to: SiteURL.governance),
        ]
    }
}
