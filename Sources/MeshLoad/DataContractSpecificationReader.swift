import MeshModel

/// Imports a Data Contract Specification (DCS) contract, the standard its maintainers deprecated in
/// favour of ODCS v3.1, as a `DataContract`, so repositories that still use it appear on the portal.
/// Models become schema objects, fields become properties (nested fields flattened with dots, as
/// `ContractReader` does for ODCS), service levels become the ODCS SLA properties they correspond to.
/// `apiVersion` is "dcs-<version>", so later stages can tell where the contract came from.
public enum DataContractSpecificationReader {
    public static func read(_ node: YAMLNode, file: String) -> (DataContract?, [Diagnostic]) {
        let version = node["dataContractSpecification"]?.text ?? "unknown"
        guard let id = node["id"]?.text else {
            return (nil, [.error("contract.id.missing", "data contract (Data Contract Specification) has no 'id'",
                                 at: node.location)])
        }
        let info = node["info"]
        let terms = node["terms"]
        let definitions = node["definitions"]
        let (sla, skipped) = serviceLevels(node["servicelevels"])
        var quality: [DataContract.QualityRule] = []
        if let legacy = node["quality"] { quality = qualityRules(legacy) }
        let contract = DataContract(
            apiVersion: "dcs-" + version, id: id, name: info?["title"]?.text, version: info?["version"]?.text,
            status: info?["status"]?.text, domain: nil, dataProduct: nil,
            purpose: info?["description"]?.text, usage: terms?["usage"]?.text, limitations: terms?["limitations"]?.text,
            schema: (node["models"]?.pairs ?? []).compactMap { model($0, definitions: definitions) },
            quality: quality, slaProperties: sla,
            servers: (node["servers"]?.pairs ?? []).compactMap(server),
            file: file, location: node.location, idLocation: node["id"]?.location,
            versionLocation: node["version"]?.location)
        var message = "imported from the Data Contract Specification \(version), which its maintainers deprecated "
            + "in favour of ODCS v3.1; consider migrating (the Data Contract CLI can export ODCS)"
        if !skipped.isEmpty { message += "; not shown: " + skipped.joined(separator: ", ") }
        let at = node.pair("dataContractSpecification")?.key.location ?? node.location
        return (contract, [.note("input.format.imported", message, at: at)])
    }

    static func model(_ pair: YAMLNode.Pair, definitions: YAMLNode?) -> DataContract.SchemaObject? {
        guard let name = pair.key.text else { return nil }
        let model = pair.value
        var properties = fields(model["fields"], prefix: "", definitions: definitions, depth: 0)
        // A model-level primary key (possibly composite) marks its columns, in order.
        for (position, column) in (model["primaryKey"]?.strings ?? []).enumerated() {
            if let i = properties.firstIndex(where: { $0.name == column }) {
                properties[i].primaryKey = true
                properties[i].primaryKeyPosition = position + 1
            }
        }
        return DataContract.SchemaObject(
            name: name, physicalName: nil, physicalType: model["type"]?.text, businessName: model["title"]?.text,
            description: model["description"]?.text, properties: properties,
            quality: model["quality"].map(qualityRules) ?? [], location: pair.key.location)
    }

    /// A field's own keys win over those of the definition its `$ref` names (`#/definitions/<name>`).
    struct FieldView {
        var layers: [YAMLNode]
        subscript(key: String) -> YAMLNode? { layers.lazy.compactMap { $0[key] }.first }
    }

    static func view(_ field: YAMLNode, definitions: YAMLNode?) -> FieldView {
        var layers = [field]
        var current = field
        // Bounded: definitions may refer to each other in a loop.
        while layers.count < 8, let ref = current["$ref"]?.text, ref.hasPrefix("#/definitions/"),
              let definition = definitions?[String(ref.dropFirst("#/definitions/".count))] {
            layers.append(definition)
            current = definition
        }
        return FieldView(layers: layers)
    }

    static func fields(_ node: YAMLNode?, prefix: String, definitions: YAMLNode?, depth: Int) -> [DataContract.Property] {
        guard depth < 32 else { return [] }   // definitions can nest themselves; YAML depth alone does not bound that
        var out: [DataContract.Property] = []
        for pair in node?.pairs ?? [] {
            guard let key = pair.key.text else { continue }
            let name = prefix + key
            let field = view(pair.value, definitions: definitions)
            let type = field["type"]?.text
            var property = DataContract.Property(
                name: name, businessName: field["title"]?.text, logicalType: type.flatMap(logicalType),
                physicalType: type, required: field["required"]?.bool ?? false,
                primaryKey: field["primaryKey"]?.bool ?? field["primary"]?.bool ?? false,
                unique: field["unique"]?.bool ?? false, classification: field["classification"]?.text,
                description: field["description"]?.text,
                examples: field["examples"]?.strings ?? field["example"]?.strings ?? [], tags: field["tags"]?.strings ?? [],
                transformSourceObjects: uniqueNames(field["lineage"]?["inputFields"]),
                quality: field["quality"].map(qualityRules) ?? [], location: pair.key.location)
            property.personalData = field["pii"]?.bool == true
            out.append(property)
            out += fields(field["fields"], prefix: name + ".", definitions: definitions, depth: depth + 1)
            if let items = field["items"] {
                out += fields(view(items, definitions: definitions)["fields"], prefix: name + "[].",
                              definitions: definitions, depth: depth + 1)
            }
        }
        return out
    }

    /// DCS field types are logical types with engine flavours; ODCS has a shorter list.
    static func logicalType(_ type: String) -> String? {
        switch type.lowercased() {
        case "string", "text", "varchar": return "string"
        case "number", "decimal", "numeric", "float", "double": return "number"
        case "int", "integer", "long", "bigint": return "integer"
        case "boolean": return "boolean"
        case "timestamp", "timestamp_tz", "timestamp_ntz": return "timestamp"
        case "date": return "date"
        case "time": return "time"
        case "array": return "array"
        case "object", "record", "struct", "map", "json", "variant": return "object"
        default: return nil
        }
    }

    static func uniqueNames(_ inputFields: YAMLNode?) -> [String] {
        var seen = Set<String>()
        return (inputFields?.items ?? []).compactMap { $0["name"]?.text }.filter { seen.insert($0).inserted }
    }

    /// A list of checks reads as ODCS does; the old single block (`type: SodaCL`, `specification`)
    /// becomes one rule that shows the specification as written.
    static func qualityRules(_ node: YAMLNode) -> [DataContract.QualityRule] {
        if node.isSequence { return ContractReader.qualityRules(node) }
        guard node.isMapping else { return [] }
        return [DataContract.QualityRule(
            name: nil, type: node["type"]?.text ?? "custom", metric: nil, description: node["description"]?.text,
            dimension: nil, severity: nil, condition: nil, query: node["specification"].map { render($0) },
            schedule: nil)]
    }

    /// A compact YAML-like rendering of a specification block, for display.
    static func render(_ node: YAMLNode, indent: String = "") -> String {
        switch node.value {
        case .scalar: return indent + (node.scalar ?? "")
        case .sequence(let items):
            return items.map { item in
                if case .scalar = item.value { return indent + "- " + (item.scalar ?? "") }
                return indent + "-\n" + render(item, indent: indent + "  ")
            }.joined(separator: "\n")
        case .mapping(let pairs):
            return pairs.map { pair in
                let key = indent + (pair.key.scalar ?? "?") + ":"
                if case .scalar = pair.value.value { return key + " " + (pair.value.scalar ?? "") }
                return key + "\n" + render(pair.value, indent: indent + "  ")
            }.joined(separator: "\n")
        }
    }

    static func server(_ pair: YAMLNode.Pair) -> DataContract.Server? {
        guard let name = pair.key.text else { return nil }
        let skipped: Set<String> = ["type", "environment", "description", "roles"]
        let details = pair.value.pairs.compactMap { detail -> DataContract.Detail? in
            guard let key = detail.key.text, !skipped.contains(key), let value = detail.value.text else { return nil }
            return .init(key: key, value: value)
        }
        return .init(server: name, type: pair.value["type"]?.text, environment: pair.value["environment"]?.text,
                     details: details)
    }

    /// Service levels that have an ODCS SLA property; the others are named so the note can say so.
    static func serviceLevels(_ node: YAMLNode?) -> ([DataContract.SLAProperty], skipped: [String]) {
        var out: [DataContract.SLAProperty] = []
        var skipped: [String] = []
        func add(_ property: String, _ text: String?, element: String? = nil) {
            guard let text else { return }
            let (value, unit) = measure(text)
            out.append(.init(property: property, value: value, unit: unit, element: element))
        }
        for pair in node?.pairs ?? [] {
            guard let key = pair.key.text else { continue }
            let level = pair.value
            switch key {
            case "availability": add("availability", level["percentage"]?.text)
            case "retention":
                if level["unlimited"]?.bool == true {
                    out.append(.init(property: "retention", value: "unlimited", unit: nil, element: level["timestampField"]?.text))
                } else {
                    add("retention", level["period"]?.text, element: level["timestampField"]?.text)
                }
            case "latency":
                let fields = [level["sourceTimestampField"]?.text, level["processedTimestampField"]?.text].compactMap { $0 }
                add("latency", level["threshold"]?.text, element: fields.isEmpty ? nil : fields.joined(separator: ", "))
            case "freshness": add("freshness", level["threshold"]?.text, element: level["timestampField"]?.text)
            case "frequency":
                let value = level["interval"]?.text ?? level["cron"]?.text.map { "cron \($0)" } ?? level["type"]?.text
                if let value { out.append(.init(property: "frequency", value: value, unit: nil, element: nil)) }
            case "support":
                if let time = level["time"]?.text {
                    out.append(.init(property: "timeOfAvailability", value: time, unit: nil, element: nil))
                }
                if level["responseTime"] != nil { skipped.append("servicelevels.support.responseTime") }
            default:
                if level.pairs.contains(where: { $0.key.text != "description" }) { skipped.append("servicelevels." + key) }
            }
        }
        return (out, skipped)
    }

    /// "99.9%" -> 99.9 %, "25h" -> 25 h, "1 year" -> 1 year, "P1Y" -> 1 y, "PT30M" -> 30 min; else as written.
    static func measure(_ text: String) -> (value: String, unit: String?) {
        let scalars = Array(text.unicodeScalars)
        if scalars.first == "P", scalars.count >= 3 {
            let time = scalars[1] == "T"
            let body = scalars[(time ? 2 : 1)...]
            if let designator = body.last, body.dropLast().allSatisfy({ ("0"..."9").contains($0) }), body.count > 1 {
                let units: [Unicode.Scalar: String] = time ? ["H": "h", "M": "min", "S": "s"]
                                                            : ["Y": "y", "M": "month", "W": "w", "D": "d"]
                if let unit = units[designator] { return (String(String.UnicodeScalarView(body.dropLast())), unit) }
            }
            return (text, nil)
        }
        let number = scalars.prefix { ("0"..."9").contains($0) || $0 == "." }
        guard !number.isEmpty else { return (text, nil) }
        let unit = String(String.UnicodeScalarView(scalars[number.count...])).trimmingWhitespace()
        return (String(String.UnicodeScalarView(number)), unit.isEmpty ? nil : unit)
    }
}
