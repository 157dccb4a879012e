import MeshLink
import MeshModel

/// A contract as the product page shows it: one schema table per object, SLAs, quality, servers.
struct ContractView {
    let contract: DataContract
    let anchors: [SchemaAnchors]

    func context() -> [String: Any] {
        [
            "id": contract.id, "name": contract.name as Any, "version": contract.version as Any,
            "status": contract.status.map(View.statusBadge) as Any, "apiVersion": contract.apiVersion,
            "purpose": contract.purpose as Any, "limitations": contract.limitations as Any,
            "usage": contract.usage as Any,
            "schema": contract.schema.enumerated().map { i, object in schemaObject(object, anchors: i < anchors.count ? anchors[i] : nil) },
            "sla": contract.slaProperties.map { sla in
                ["property": Self.humanise(sla.property), "value": sla.value, "unit": sla.unit as Any, "element": sla.element as Any]
            },
            "hasSLA": !contract.slaProperties.isEmpty,
            "quality": contract.quality.map(quality),
            "hasQuality": !contract.quality.isEmpty,
            "servers": contract.servers.map { s in
                ["server": s.server, "type": s.type as Any, "environment": s.environment as Any,
                 "details": s.details.map { ["key": $0.key, "value": $0.value] }]
            },
        ]
    }

    private func schemaObject(_ object: DataContract.SchemaObject, anchors: SchemaAnchors?) -> [String: Any] {
        [
            "name": object.name, "anchor": anchors?.object ?? "", "physicalName": object.physicalName as Any,
            "physicalType": object.physicalType as Any, "businessName": object.businessName as Any,
            "description": object.description as Any,
            "columnCount": object.properties.count,
            "columns": object.properties.enumerated().map { j, p in
                [
                    "name": p.name, "anchor": anchors.map { j < $0.columns.count ? $0.columns[j] : "" } ?? "",
                    "businessName": p.businessName as Any, "logicalType": p.logicalType as Any,
                    "physicalType": p.physicalType as Any, "required": p.required, "primaryKey": p.primaryKey,
                    "unique": p.unique,
                    "classification": p.classification.map { ["label": $0, "class": "class-" + Slug.make($0)] } as Any,
                    "description": p.description as Any,
                    "examples": (p.examples.isEmpty ? nil : p.examples.joined(separator: ", ")) as Any,
                    "sources": p.transformSourceObjects,
                    "quality": p.quality.map(quality),
                ] as [String: Any]
            },
            "quality": object.quality.map(quality),
            "hasQuality": !object.quality.isEmpty,
        ]
    }

    private func quality(_ rule: DataContract.QualityRule) -> [String: Any] {
        let what = rule.name ?? rule.metric.map(Self.humanise) ?? (rule.type == "sql" ? "SQL check" : rule.type.capitalized)
        return [
            "label": what, "condition": rule.condition as Any, "type": rule.type,
            "dimension": rule.dimension as Any, "severity": rule.severity as Any,
            "description": rule.description as Any, "query": rule.query as Any, "schedule": rule.schedule as Any,
        ]
    }

    /// "timeOfAvailability" -> "Time of availability", "nullValues" -> "Null values".
    static func humanise(_ key: String) -> String {
        var out = ""
        for ch in key {
            if ch.isUppercase, !out.isEmpty { out += " " + ch.lowercased() } else { out.append(ch) }
        }
        return out.prefix(1).uppercased() + out.dropFirst()
    }
}
