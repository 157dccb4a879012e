/// A Markdown file with what later stages need to know without parsing it again:
/// its title, headings (with their GitHub-style anchors) and the links it makes.
public struct MarkdownDocument: Sendable, Hashable, Codable {
    public struct Heading: Sendable, Hashable, Codable {
        public var level: Int
        public var text: String
        public var anchor: String
        public init(level: Int, text: String, anchor: String) {
            self.level = level
            self.text = text
            self.anchor = anchor
        }
    }

    public struct Link: Sendable, Hashable, Codable {
        public enum Kind: String, Sendable, Hashable, Codable { case link, image }
        public var kind: Kind
        public var destination: String
        public var location: SourceLocation
        public init(kind: Kind, destination: String, location: SourceLocation) {
            self.kind = kind
            self.destination = destination
            self.location = location
        }
    }

    /// The readable text under one heading (or before the first), for the search index: read from the
    /// same parse as the headings, so search never parses Markdown again.
    public struct Section: Sendable, Hashable, Codable {
        /// Index into `headings`; nil for the text before the first heading.
        public var heading: Int?
        /// Plain text: no markup, link targets or HTML; whitespace collapsed to single spaces.
        public var text: String
        public init(heading: Int?, text: String) {
            self.heading = heading
            self.text = text
        }
    }

    /// Path relative to the mesh folder.
    public var file: String
    public var text: String
    public var title: String?
    public var headings: [Heading]
    public var links: [Link]
    /// In document order; sections without a heading and without text are left out.
    public var sections: [Section]

    public init(file: String, text: String, title: String?, headings: [Heading], links: [Link], sections: [Section] = []) {
        self.file = file
        self.text = text
        self.title = title
        self.headings = headings
        self.links = links
        self.sections = sections
    }
}

/// A non-Markdown file in a doc tree (an image, a diagram) that docs may reference.
public struct AssetFile: Sendable, Hashable {
    public var file: String
    public var bytes: [UInt8]
    public init(file: String, bytes: [UInt8]) {
        self.file = file
        self.bytes = bytes
    }
}
