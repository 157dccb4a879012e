/// A Bitol ODCS v3 data contract: the schema, SLAs and quality promised on an output port.
public struct DataContract: Sendable, Hashable, Codable {
    public struct Property: Sendable, Hashable, Codable {
        /// Dotted path for nested properties ("address.city").
        public var name: String
        public var businessName: String?
        public var logicalType: String?
        public var physicalType: String?
        public var required: Bool
        public var primaryKey: Bool
        public var primaryKeyPosition: Int?
        public var unique: Bool
        public var classification: String?
        public var description: String?
        public var examples: [String]
        public var tags: [String]
        public var transformSourceObjects: [String]
        public var transformLogic: String?
        public var quality: [QualityRule]
        /// Marked as personal data (a `pii` custom property, or DCS `pii: true`).
        public var personalData: Bool = false
        public var location: SourceLocation

        public init(name: String, businessName: String? = nil, logicalType: String? = nil,
                    physicalType: String? = nil, required: Bool = false, primaryKey: Bool = false,
                    primaryKeyPosition: Int? = nil, unique: Bool = false, classification: String? = nil,
                    description: String? = nil, examples: [String] = [], tags: [String] = [],
                    transformSourceObjects: [String] = [], transformLogic: String? = nil,
                    quality: [QualityRule] = [], location: SourceLocation) {
            self.name = name
            self.businessName = businessName
            self.logicalType = logicalType
            self.physicalType = physicalType
            self.required = required
            self.primaryKey = primaryKey
            self.primaryKeyPosition = primaryKeyPosition
            self.unique = unique
            self.classification = classification
            self.description = description
            self.examples = examples
            self.tags = tags
            self.transformSourceObjects = transformSourceObjects
            self.transformLogic = transformLogic
            self.quality = quality
            self.location = location
        }
    }

    public struct SchemaObject: Sendable, Hashable, Codable {
        public var name: String
        public var physicalName: String?
        public var physicalType: String?
        public var businessName: String?
        public var description: String?
        public var properties: [Property]
        public var quality: [QualityRule]
        public var location: SourceLocation
        public init(name: String, physicalName: String?, physicalType: String?, businessName: String?,
                    description: String?, properties: [Property], quality: [QualityRule],
                    location: SourceLocation) {
            self.name = name
            self.physicalName = physicalName
            self.physicalType = physicalType
            self.businessName = businessName
            self.description = description
            self.properties = properties
            self.quality = quality
            self.location = location
        }
    }

    /// One quality rule, kept as display text: ODCS has many shapes (library metrics, SQL, text, custom).
    public struct QualityRule: Sendable, Hashable, Codable {
        public var name: String?
        public var type: String
        public var metric: String?
        public var description: String?
        public var dimension: String?
        public var severity: String?
        /// "mustBe 0", "mustBeGreaterThan 1000", … in the contract's own words.
        public var condition: String?
        public var query: String?
        public var schedule: String?
        public init(name: String?, type: String, metric: String?, description: String?, dimension: String?,
                    severity: String?, condition: String?, query: String?, schedule: String?) {
            self.name = name
            self.type = type
            self.metric = metric
            self.description = description
            self.dimension = dimension
            self.severity = severity
            self.condition = condition
            self.query = query
            self.schedule = schedule
        }
    }

    public struct SLAProperty: Sendable, Hashable, Codable {
        public var property: String
        public var value: String
        public var unit: String?
        public var element: String?
        public init(property: String, value: String, unit: String?, element: String?) {
            self.property = property
            self.value = value
            self.unit = unit
            self.element = element
        }
    }

    public struct Server: Sendable, Hashable, Codable {
        public var server: String
        public var type: String?
        public var environment: String?
        /// The remaining connection details in file order (host, database, topic, …).
        public var details: [Detail]
        public init(server: String, type: String?, environment: String?, details: [Detail]) {
            self.server = server
            self.type = type
            self.environment = environment
            self.details = details
        }
    }

    public struct Detail: Sendable, Hashable, Codable {
        public var key: String
        public var value: String
        public init(key: String, value: String) {
            self.key = key
            self.value = value
        }
    }

    public var apiVersion: String
    public var id: String
    public var name: String?
    public var version: String?
    public var status: String?
    public var domain: String?
    public var dataProduct: String?
    public var purpose: String?
    public var usage: String?
    public var limitations: String?
    public var schema: [SchemaObject]
    public var quality: [QualityRule]
    public var slaProperties: [SLAProperty]
    public var servers: [Server]
    public var file: String
    public var location: SourceLocation
    /// Where the values of the top-level `id` and `version` are written; nil where the key is absent.
    public var idLocation: SourceLocation?
    public var versionLocation: SourceLocation?
    /// What the schema check found in the YAML the contract was read from (Load keeps no tree).
    public var schemaFindings: [Diagnostic] = []

    public init(apiVersion: String, id: String, name: String?, version: String?, status: String?,
                domain: String?, dataProduct: String?, purpose: String?, usage: String?, limitations: String?,
                schema: [SchemaObject], quality: [QualityRule], slaProperties: [SLAProperty],
                servers: [Server], file: String, location: SourceLocation, idLocation: SourceLocation? = nil,
                versionLocation: SourceLocation? = nil) {
        self.apiVersion = apiVersion
        self.id = id
        self.name = name
        self.version = version
        self.status = status
        self.domain = domain
        self.dataProduct = dataProduct
        self.purpose = purpose
        self.usage = usage
        self.limitations = limitations
        self.schema = schema
        self.quality = quality
        self.slaProperties = slaProperties
        self.servers = servers
        self.file = file
        self.location = location
        self.idLocation = idLocation
        self.versionLocation = versionLocation
    }
}
