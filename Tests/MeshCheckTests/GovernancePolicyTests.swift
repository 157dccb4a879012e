import MeshModel
import XCTest
@testable import MeshCheck

final class GovernancePolicyTests: XCTestCase {
    let mesh = SourceLocation(file: "mesh.yaml", line: 5, column: 5)
    let local = SourceLocation(file: "domains/sales/meshport.yaml", line: 3, column: 5)

    func config(_ settings: [GovernanceSetting]) -> MeshConfig {
        MeshConfig(title: "T", sources: [], governance: settings)
    }

    func testDomainMayRaiseAndEnableButNotLowerAnEnforcedRule() {
        let policy = GovernancePolicy(
            config: config([
                GovernanceSetting(rule: "product.description.required", severity: "error", enforced: true, location: mesh),
                GovernanceSetting(rule: "contract.sla.required", severity: "warning", location: mesh),
            ]),
            domainConfigs: [DomainConfig(root: "domains/sales", file: "domains/sales/meshport.yaml", rules: [
                .init(rule: "product.description.required", severity: "warning", location: local),
                .init(rule: "contract.sla.required", severity: "error", location: local),
                .init(rule: "contract.column.description", severity: "warning", location: local),
            ])])
        XCTAssertEqual(policy.diagnostics.map(\.rule), ["governance.override.loosened"])
        XCTAssertEqual(policy.diagnostics.first?.location, local)
        XCTAssertEqual(policy.diagnostics.first?.notes.first?.location, mesh)
        // The enforced floor holds in the domain; its raise and its extra rule apply there only.
        XCTAssertEqual(policy.severity(of: "product.description.required", file: "domains/sales/p/product.yaml"), .error)
        XCTAssertEqual(policy.severity(of: "contract.sla.required", file: "domains/sales/p/c.yaml"), .error)
        XCTAssertEqual(policy.severity(of: "contract.sla.required", file: "domains/finance/p/c.yaml"), .warning)
        XCTAssertEqual(policy.severity(of: "contract.column.description", file: "domains/sales/p/c.yaml"), .warning)
        XCTAssertNil(policy.severity(of: "contract.column.description", file: "domains/finance/p/c.yaml"))
    }

    func testDomainMayLowerARuleTheMeshDoesNotEnforce() {
        let policy = GovernancePolicy(
            config: config([GovernanceSetting(rule: "contract.sla.required", severity: "error", location: mesh)]),
            domainConfigs: [DomainConfig(root: "domains/lab", file: "domains/lab/meshport.yaml", rules: [
                .init(rule: "contract.sla.required", severity: "off", location: local),
            ])])
        XCTAssertEqual(policy.diagnostics, [])
        XCTAssertNil(policy.severity(of: "contract.sla.required", file: "domains/lab/x.yaml"))
    }

    func testUnknownAndFixedRulesAreReported() {
        let policy = GovernancePolicy(
            config: config([
                GovernanceSetting(rule: "contract.sla.requird", severity: "error", location: mesh),
                GovernanceSetting(rule: "yaml.syntax", severity: "off", location: mesh),
            ]), domainConfigs: [])
        XCTAssertEqual(policy.diagnostics.map(\.rule), ["governance.rule.unknown", "governance.rule.fixed"])
        XCTAssertEqual(policy.diagnostics.first?.suggestion, "contract.sla.required")
    }

    func testApplyingThePolicyDropsRulesThatAreOffAndKeepsInputErrors() {
        let policy = GovernancePolicy(config: config([
            GovernanceSetting(rule: "lineage.upstream.unknown", severity: "off", location: mesh),
            GovernanceSetting(rule: "link.anchor.broken", severity: "warning", location: mesh),
        ]), domainConfigs: [])
        let at = SourceLocation(file: "a.yaml")
        let out = policy.apply([
            .warning("lineage.upstream.unknown", "x", at: at), .error("link.anchor.broken", "y", at: at),
            .error("yaml.syntax", "z", at: at),
        ])
        XCTAssertEqual(out.map(\.rule), ["link.anchor.broken", "yaml.syntax"])
        XCTAssertEqual(out.map(\.severity), [.warning, .error])
    }

    func testExitStatusSeparatesConfigurationFromInputErrors() {
        let at = SourceLocation(file: "a.yaml")
        XCTAssertEqual(RuleCatalog.exitStatus(for: [.warning("lineage.upstream.unknown", "x", at: at)]), 0)
        XCTAssertEqual(RuleCatalog.exitStatus(for: [.error("yaml.syntax", "x", at: at)]), 1)
        XCTAssertEqual(RuleCatalog.exitStatus(for: [.error("yaml.syntax", "x", at: at), .error("governance.override.loosened", "y", at: at)]), 2)
    }

    func testEveryRuleIsExplained() {
        XCTAssertGreaterThan(RuleCatalog.all.count, 50)
        XCTAssertEqual(Set(RuleCatalog.all.map(\.id)).count, RuleCatalog.all.count, "rule ids are unique")
        for rule in RuleCatalog.all {
            XCTAssertFalse(rule.summary.isEmpty, rule.id)
            XCTAssertGreaterThan(rule.explanation.count, 30, rule.id)
        }
    }

    func testSemanticVersions() {
        XCTAssertTrue(GovernanceChecks.isSemanticVersion("1.2.3"))
        XCTAssertTrue(GovernanceChecks.isSemanticVersion("0.4.0-rc.1+build.5"))
        XCTAssertFalse(GovernanceChecks.isSemanticVersion("1.2"))
        XCTAssertFalse(GovernanceChecks.isSemanticVersion("v1.2.3"))
        XCTAssertFalse(GovernanceChecks.isSemanticVersion("01.2.3"))
    }
}
