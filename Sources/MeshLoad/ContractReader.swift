import MeshModel

/// Reads a Bitol ODCS v3 contract (3.0.x, 3.1.x, and the 3.2 additions it knows) into the model.
public enum ContractReader {
    public static func read(_ node: YAMLNode, file: String) -> (DataContract?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let apiVersion = node["apiVersion"]?.text ?? ""
        if !apiVersion.hasPrefix("v3.") {
            diagnostics.append(.warning("contract.apiVersion.unsupported",
                "ODCS apiVersion '\(apiVersion)' is not a v3 version; reading it as v3.1.0",
                at: node["apiVersion"]?.location ?? node.location))
        }
        guard let id = node["id"]?.text else {
            diagnostics.append(.error("contract.id.missing", "data contract has no 'id'", at: node.location))
            return (nil, diagnostics)
        }
        let description = node["description"]
        let contract = DataContract(
            apiVersion: apiVersion, id: id, name: node["name"]?.text, version: node["version"]?.text,
            status: node["status"]?.text, domain: node["domain"]?.text, dataProduct: node["dataProduct"]?.text,
            purpose: description?["purpose"]?.text ?? (description?.isMapping == false ? description?.text : nil),
            usage: description?["usage"]?.text, limitations: description?["limitations"]?.text,
            schema: (node["schema"]?.items ?? []).enumerated().map { schemaObject($1, index: $0) },
            quality: qualityRules(node["quality"]),
            slaProperties: (node["slaProperties"]?.items ?? []).compactMap { sla in
                guard let property = sla["property"]?.text else { return nil }
                return .init(property: property, value: sla["value"]?.text ?? "", unit: sla["unit"]?.text,
                             element: sla["element"]?.text)
            },
            servers: (node["servers"]?.items ?? []).compactMap(server),
            file: file, location: node.location, idLocation: node["id"]?.location,
            versionLocation: node["version"]?.location)
        return (contract, diagnostics)
    }

    static func schemaObject(_ node: YAMLNode, index: Int) -> DataContract.SchemaObject {
        DataContract.SchemaObject(
            name: node["name"]?.text ?? "object-\(index + 1)",
            physicalName: node["physicalName"]?.text, physicalType: node["physicalType"]?.text,
            businessName: node["businessName"]?.text, description: node["description"]?.text,
            properties: properties(node["properties"], prefix: ""),
            quality: qualityRules(node["quality"]), location: node.location)
    }

    /// Nested object properties are flattened to dotted names, as a schema table shows them.
    static func properties(_ node: YAMLNode?, prefix: String) -> [DataContract.Property] {
        var out: [DataContract.Property] = []
        for (index, p) in (node?.items ?? []).enumerated() {
            let name = prefix + (p["name"]?.text ?? "column-\(index + 1)")
            out.append(DataContract.Property(
                name: name, businessName: p["businessName"]?.text, logicalType: p["logicalType"]?.text,
                physicalType: p["physicalType"]?.text, required: p["required"]?.bool ?? false,
                primaryKey: p["primaryKey"]?.bool ?? false,
                primaryKeyPosition: p["primaryKeyPosition"]?.text.flatMap { Int($0) },
                unique: p["unique"]?.bool ?? false, classification: p["classification"]?.text,
                description: p["description"]?.text, examples: p["examples"]?.strings ?? [],
                tags: p["tags"]?.strings ?? [], transformSourceObjects: p["transformSourceObjects"]?.strings ?? [],
                transformLogic: p["transformLogic"]?.text, quality: qualityRules(p["quality"]),
                location: p.location))
            out += properties(p["properties"], prefix: name + ".")
            if let items = p["items"] {
                out += properties(items["properties"], prefix: name + "[].")
            }
        }
        return out
    }

    static let conditions: [(key: String, symbol: String)] = [
        ("mustBe", "="), ("mustNotBe", "≠"), ("mustBeGreaterThan", ">"), ("mustBeGreaterOrEqualTo", "≥"),
        ("mustBeGreaterThanOrEqualTo", "≥"), ("mustBeLessThan", "<"), ("mustBeLessOrEqualTo", "≤"),
        ("mustBeLessThanOrEqualTo", "≤"), ("mustBeBetween", "between"), ("mustNotBeBetween", "not between"),
    ]

    static func qualityRules(_ node: YAMLNode?) -> [DataContract.QualityRule] {
        (node?.items ?? []).map { q in
            var condition: String?
            for (key, symbol) in conditions {
                guard let value = q[key] else { continue }
                let values = value.strings
                condition = symbol.contains("between") && values.count == 2
                    ? "\(symbol) \(values[0]) and \(values[1])" : "\(symbol) \(values.joined(separator: ", "))"
                break
            }
            return DataContract.QualityRule(
                name: q["name"]?.text, type: q["type"]?.text ?? "library",
                metric: q["metric"]?.text ?? q["rule"]?.text, description: q["description"]?.text,
                dimension: q["dimension"]?.text, severity: q["severity"]?.text, condition: condition,
                query: q["query"]?.text, schedule: q["schedule"]?.text)
        }
    }

    static func server(_ node: YAMLNode) -> DataContract.Server? {
        guard let name = node["server"]?.text ?? node["type"]?.text else { return nil }
        let skipped: Set<String> = ["server", "type", "environment", "description", "roles", "customProperties"]
        let details = node.pairs.compactMap { pair -> DataContract.Detail? in
            guard let key = pair.key.text, !skipped.contains(key), let value = pair.value.text else { return nil }
            return .init(key: key, value: value)
        }
        return .init(server: name, type: node["type"]?.text, environment: node["environment"]?.text, details: details)
    }
}
