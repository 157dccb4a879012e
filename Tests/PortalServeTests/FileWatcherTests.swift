import Foundation
import XCTest
@testable import PortalServe

final class FileWatcherTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("meshport-watch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("products/orders"), withIntermediateDirectories: true)
        try Data("a".utf8).write(to: folder.appendingPathComponent("products/orders/product.yaml"))
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    /// Paths (relative to the folder) of the batches that come until one holds `wanted`, at most `limit` batches.
    func until(_ wanted: String, _ batches: inout AsyncStream<[URL]>.Iterator, limit: Int = 4) async -> Set<String> {
        let root = folder.resolvingSymlinksInPath().path
        var seen = Set<String>()
        for _ in 0..<limit where !seen.contains(wanted) {
            seen.formUnion((await batches.next() ?? []).map { String($0.resolvingSymlinksInPath().path.dropFirst(root.count + 1)) })
        }
        return seen
    }

    func exercise(polling: Bool) async throws {
        let watcher = FileWatcher(folders: [folder], quiet: .milliseconds(100), pollInterval: .milliseconds(100))
        var batches = watcher.changes(forcePolling: polling).makeAsyncIterator()
        defer { watcher.stop() }
        XCTAssertEqual(watcher.currentMode, polling ? .polling : .inotify)

        // A burst of writes to one file is one batch.
        for n in 0..<5 { try Data("edit \(n)".utf8).write(to: folder.appendingPathComponent("products/orders/product.yaml")) }
        let first = await until("products/orders/product.yaml", &batches, limit: 1)
        XCTAssertTrue(first.contains("products/orders/product.yaml"), "\(first)")

        // A new folder with a file in it, and a file in the new folder afterwards.
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("products/returns/docs"), withIntermediateDirectories: true)
        try Data("b".utf8).write(to: folder.appendingPathComponent("products/returns/product.yaml"))
        let created = await until("products/returns", &batches)
        XCTAssertTrue(created.contains("products/returns"), "\(created)")
        try await Task.sleep(for: .milliseconds(50))
        try Data("# Docs".utf8).write(to: folder.appendingPathComponent("products/returns/docs/README.md"))
        let inNewFolder = await until("products/returns/docs/README.md", &batches)
        XCTAssertTrue(inNewFolder.contains("products/returns/docs/README.md"), "\(inNewFolder)")

        // Hidden files (an editor's swap file) are not reported; removals and renames are.
        try Data("x".utf8).write(to: folder.appendingPathComponent("products/orders/.product.yaml.swp"))
        try FileManager.default.removeItem(at: folder.appendingPathComponent("products/orders/product.yaml"))
        let removed = await until("products/orders/product.yaml", &batches)
        XCTAssertTrue(removed.contains("products/orders/product.yaml"), "\(removed)")
        XCTAssertFalse(removed.contains { $0.contains(".swp") }, "\(removed)")
        try FileManager.default.moveItem(at: folder.appendingPathComponent("products/returns"), to: folder.appendingPathComponent("products/refunds"))
        let renamed = await until("products/refunds", &batches)
        XCTAssertTrue(renamed.contains("products/refunds") && renamed.contains { $0.hasPrefix("products/returns") }, "\(renamed)")
    }

    func testInotifyReportsEditsCreationsRemovalsAndRenamesInBatches() async throws {
        try await exercise(polling: false)
    }

    func testPollingReportsTheSame() async throws {
        try await exercise(polling: true)
    }

    /// The kernel's watches can run out after the start (a new folder among many): then it polls,
    /// and says every folder changed, since what happened while it switched is unknown.
    func testRunningOutOfWatchesAfterTheStartSwitchesToPolling() async throws {
        // The folder, products and products/orders take the three watches there are.
        let watcher = FileWatcher(folders: [folder], quiet: .milliseconds(100), pollInterval: .milliseconds(100), inotifyWatchLimit: 3)
        var batches = watcher.changes().makeAsyncIterator()
        defer { watcher.stop() }
        XCTAssertEqual(watcher.currentMode, .inotify)

        try FileManager.default.createDirectory(at: folder.appendingPathComponent("products/returns"), withIntermediateDirectories: true)
        let switched = await until("", &batches)
        XCTAssertTrue(switched.contains(""), "every folder is reported: \(switched)")
        XCTAssertEqual(watcher.currentMode, .polling)

        try Data("# Docs".utf8).write(to: folder.appendingPathComponent("products/returns/README.md"))
        let inNewFolder = await until("products/returns/README.md", &batches)
        XCTAssertTrue(inNewFolder.contains("products/returns/README.md"), "\(inNewFolder)")
        try Data("edited".utf8).write(to: folder.appendingPathComponent("products/orders/product.yaml"))
        let edited = await until("products/orders/product.yaml", &batches)
        XCTAssertTrue(edited.contains("products/orders/product.yaml"), "\(edited)")
    }
}
