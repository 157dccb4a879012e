/// One problem found in the input, with a stable rule id so CI and governance can refer to it.
public struct Diagnostic: Sendable, Hashable, Codable {
    public enum Severity: String, Sendable, Hashable, Codable, Comparable {
        case error, warning, note

        private var rank: Int { self == .error ? 0 : self == .warning ? 1 : 2 }
        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    /// A secondary location that explains the main one ("first declared here").
    public struct Note: Sendable, Hashable, Codable {
        public var message: String
        public var location: SourceLocation?
        public init(_ message: String, at location: SourceLocation? = nil) {
            self.message = message
            self.location = location
        }
    }

    public var severity: Severity
    public var rule: String
    public var message: String
    public var location: SourceLocation?
    public var notes: [Note]

    public init(_ severity: Severity, _ rule: String, _ message: String,
                at location: SourceLocation?, notes: [Note] = []) {
        self.severity = severity
        self.rule = rule
        self.message = message
        self.location = location
        self.notes = notes
    }

    public static func error(_ rule: String, _ message: String, at location: SourceLocation?,
                             notes: [Note] = []) -> Diagnostic {
        Diagnostic(.error, rule, message, at: location, notes: notes)
    }

    public static func warning(_ rule: String, _ message: String, at location: SourceLocation?,
                               notes: [Note] = []) -> Diagnostic {
        Diagnostic(.warning, rule, message, at: location, notes: notes)
    }
}

extension Array where Element == Diagnostic {
    /// Diagnostics in reading order: by file, then position, then rule, so output is deterministic.
    public func sortedForReport() -> [Diagnostic] {
        sorted { a, b in
            let la = a.location ?? SourceLocation(file: "", line: 0, column: 0)
            let lb = b.location ?? SourceLocation(file: "", line: 0, column: 0)
            if la != lb { return la < lb }
            if a.severity != b.severity { return a.severity < b.severity }
            if a.rule != b.rule { return a.rule < b.rule }
            return a.message < b.message
        }
    }

    public var hasErrors: Bool { contains { $0.severity == .error } }
}
