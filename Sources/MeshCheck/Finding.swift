import MeshModel

/// One rule's finding before the governance policy gives it a severity.
struct Finding: Sendable {
    var rule: String
    var message: String
    var location: SourceLocation?
    var notes: [Diagnostic.Note] = []
    /// The product it is about (index into `LinkedMesh.products`), for the compliance report.
    var product: Int?
}
