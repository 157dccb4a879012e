/// A node: its name, label, size and optional grouping.
public struct LayoutNode: Sendable, Hashable {
    /// Marks that change how a node is drawn, never where it goes.
    public struct Flags: OptionSet, Sendable, Hashable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }
        /// Outside the mesh (an unknown upstream): drawn dashed.
        public static let external = Flags(rawValue: 1 << 0)
        /// The node a diagram is about: drawn emphasised.
        public static let highlighted = Flags(rawValue: 1 << 1)
    }

    /// The node's name (unique in the graph; written as the node name in `plain` output).
    public var id: String
    public var label: String
    /// The extent along the rank axis (horizontal, since ranks run left to right), in points.
    public var width: Double
    /// The extent across ranks (vertical), in points.
    public var height: Double
    /// Nodes with the same cluster name stay contiguous within each rank when
    /// `LayoutOptions.keepClustersContiguous` is set.
    public var cluster: String?
    public var flags: Flags

    /// A node whose size, when not given, is estimated from its label (`LabelMetrics`).
    public init(id: String, label: String? = nil, width: Double? = nil, height: Double? = nil,
                cluster: String? = nil, flags: Flags = [], fontSize: Double = LabelMetrics.defaultFontSize) {
        let text = label ?? id
        self.id = id
        self.label = text
        if let width, let height {
            self.width = width
            self.height = height
        } else {
            let estimate = LabelMetrics.nodeSize(for: text, fontSize: fontSize)
            self.width = width ?? estimate.width
            self.height = height ?? estimate.height
        }
        self.cluster = cluster
        self.flags = flags
    }
}
