import ArgumentParser
import MeshCheck
import MeshModel

/// `meshport rules [ID]`: the catalogue of rules, or one rule explained.
public struct RulesCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List the rules meshport checks, or explain one.",
        discussion: "Governance, reference and schema rules can be set per mesh in mesh.yaml and tightened per domain in the repository's meshport.yaml."
    )

    @Argument(help: "A rule id, such as product.description.required.")
    var id: String?

    public init() {}

    public func run() throws {
        let console = Console.standard
        guard let id else {
            for category in RuleInfo.Category.allCases {
                console.output("\(category.rawValue) rules:")
                for rule in RuleCatalog.all where rule.category == category {
                    let severity = rule.defaultSeverity?.rawValue ?? "off"
                    console.output("  \(rule.id.padding(toLength: 36, withPad: " ", startingAt: 0)) \(severity.padding(toLength: 8, withPad: " ", startingAt: 0)) \(rule.summary)")
                }
            }
            return
        }
        guard let rule = RuleCatalog.rule(id) else {
            let best = RuleCatalog.all.min { EditDistance.between($0.id, id) < EditDistance.between($1.id, id) }
            console.error("error: no rule '\(id)'" + (best.map { "; did you mean '\($0.id)'?" } ?? ""))
            throw ExitCode(2)
        }
        console.output("\(rule.id) (\(rule.category.rawValue), default: \(rule.defaultSeverity?.rawValue ?? "off")\(rule.configurable ? "" : ", not configurable"))")
        console.output("  \(rule.summary)")
        console.output("")
        console.output(rule.explanation)
    }
}
