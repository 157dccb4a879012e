import Foundation
import MeshModel
import MeshTestSupport
import PortalBuild
import PortalRender
import XCTest

/// Builds meshes in memory with the repository's default theme.
enum SiteFixture {
    static func build(_ directory: URL) throws -> MeshBuilder.Outcome {
        try MeshBuilder(meshDirectory: directory, defaultTheme: Repository.defaultTheme).build()
    }

    /// The site of a mesh that must build without errors.
    static func site(_ directory: URL, file: StaticString = #filePath, line: UInt = #line) throws -> RenderedSite {
        let outcome = try build(directory)
        let errors = outcome.diagnostics.filter { $0.severity == .error }
        XCTAssertEqual(errors.map { "\($0.location?.description ?? ""): \($0.message)" }, [], file: file, line: line)
        return try XCTUnwrap(outcome.site, file: file, line: line)
    }

    static func text(_ site: RenderedSite, _ path: String) -> String {
        site.files[path].map { String(decoding: $0, as: UTF8.self) } ?? ""
    }
}
