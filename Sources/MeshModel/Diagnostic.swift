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
    /// Where the problem starts.
    public var location: SourceLocation?
    /// Where it ends (same file), when the range is known; otherwise it is the start's line.
    public var end: SourceLocation?
    public var notes: [Note]
    /// A fix to offer ("did you mean `status`?"), as the replacement text.
    public var suggestion: String?

    public init(_ severity: Severity, _ rule: String, _ message: String,
                at location: SourceLocation?, end: SourceLocation? = nil, notes: [Note] = [], suggestion: String? = nil) {
        self.severity = severity
        self.rule = rule
        self.message = message
        self.location = location
        self.end = end
        self.notes = notes
        self.suggestion = suggestion
    }

    public static func error(_ rule: String, _ message: String, at location: SourceLocation?,
                             notes: [Note] = [], suggestion: String? = nil) -> Diagnostic {
        Diagnostic(.error, rule, message, at: location, notes: notes, suggestion: suggestion)
    }

    public static func warning(_ rule: String, _ message: String, at location: SourceLocation?,
                               notes: [Note] = [], suggestion: String? = nil) -> Diagnostic {
        Diagnostic(.warning, rule, message, at: location, notes: notes, suggestion: suggestion)
    }

    public static func note(_ rule: String, _ message: String, at location: SourceLocation?,
                            notes: [Note] = [], suggestion: String? = nil) -> Diagnostic {
        Diagnostic(.note, rule, message, at: location, notes: notes, suggestion: suggestion)
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
