import Foundation
import MeshLink
import MeshLoad
import MeshTestSupport
@testable import SearchIndex
import XCTest

final class SearchIndexBuilderTests: XCTestCase {
    static func miniMeshIndex(_ options: SearchIndexBuilder.Options = .init()) throws -> [String: [UInt8]] {
        let mesh = try TemporaryMesh(MiniMesh.files)
        let loaded = try MeshLoader(meshDirectory: mesh.root, schemaCheck: .none).load()
        let (linked, _) = MeshLinker.link(loaded.mesh)
        return SearchIndexBuilder(options: options).build(linked)
    }

    static func text(_ files: [String: [UInt8]], _ path: String) -> String {
        String(decoding: files[path] ?? [], as: UTF8.self)
    }

    func testWritesManifestShardsRecordsAndFacets() throws {
        let files = try Self.miniMeshIndex()
        XCTAssertTrue(Self.text(files, "search/manifest.js").hasPrefix("meshSearch.m({\"v\":1,"))
        XCTAssertTrue(Self.text(files, "search/t/0.js").hasPrefix("meshSearch.t(0,{"))
        XCTAssertTrue(Self.text(files, "search/d/0.js").hasPrefix("meshSearch.d(0,["))
        XCTAssertTrue(Self.text(files, "search/facets.js").contains("\"domains\":[[\"finance\",\"Finance\"],[\"sales\",\"Sales\"]]"))
        let all = files.filter { $0.key.hasPrefix("search/t/") }.map { String(decoding: $0.value, as: UTF8.self) }.joined()
        // A column links to its anchor on the product page, a product by its short URL.
        XCTAssertTrue(all.contains(#""order_id","Orders \u203a orders","~sales/orders/#column-orders-order-id""#), all)
        XCTAssertTrue(all.contains("\"orders\":["))
    }

    func testSmallShardsCutByTermWithShortestPrefixes() throws {
        var options = SearchIndexBuilder.Options()
        options.shardBytes = 400
        options.topK = 2
        let files = try Self.miniMeshIndex(options)
        let shards = files.keys.filter { $0.hasPrefix("search/t/") }.count
        XCTAssertGreaterThan(shards, 3)
        let manifest = Self.text(files, "search/manifest.js")
        // One space-separated string of front-coded cuts.
        let cuts = manifest.components(separatedBy: "\"cuts\":\"")[1].components(separatedBy: "\"")[0]
            .split(separator: " ").map(String.init)
        XCTAssertEqual(cuts.count, shards)
        XCTAssertEqual(cuts.first, "A")
        // Common terms got full posting lists in separate files.
        XCTAssertNotNil(files["search/p/0.js"])
    }

    func testOutputIsTheSameBytesEveryTime() throws {
        XCTAssertEqual(try Self.miniMeshIndex(), try Self.miniMeshIndex())
    }

    func testCutsAreFrontCoded() {
        XCTAssertEqual(SearchIndexBuilder.frontCoded(["", "ab", "abd", "b"]), ["A", "Aab", "Cd", "Ab"])
    }

    func testCutsAreShortestPrefixesAfterThePreviousShard() {
        XCTAssertEqual(SearchIndexBuilder.cuts(first: ["apple", "banana", "bandit"], last: ["apricot", "banal", "zoo"]),
                       ["", "b", "band"])
    }
}
