// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "meshport",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "meshport", targets: ["meshport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
    ],
    targets: [
        // The only C boundary: libcmark-gfm and its GFM extensions, found through pkg-config.
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .target(name: "MeshModel"),
        .target(name: "MeshMarkdown", dependencies: ["CCmarkGFM", "MeshModel"]),
        .target(name: "MeshLoad", dependencies: ["MeshModel", "MeshMarkdown", .product(name: "Yams", package: "Yams")]),
        .target(name: "MeshCheck", dependencies: ["MeshModel"]),
        .target(name: "MeshLink", dependencies: ["MeshModel"]),
        .target(name: "PortalRender", dependencies: [
            "MeshModel", "MeshLink", "MeshMarkdown",
            .product(name: "Mustache", package: "swift-mustache"),
        ]),
        .target(name: "PortalBuild", dependencies: ["MeshModel", "MeshLoad", "MeshCheck", "MeshLink", "PortalRender"]),
        .target(name: "MeshportCLI", dependencies: [
            "MeshModel", "PortalBuild",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "meshport", dependencies: ["MeshportCLI"]),
        // Shared by the test targets only: inline meshes written to temporary folders.
        .target(name: "MeshTestSupport", path: "Tests/MeshTestSupport"),
        .testTarget(name: "MeshLoadTests", dependencies: ["MeshLoad", "MeshModel", "MeshTestSupport"]),
        .testTarget(name: "MeshMarkdownTests", dependencies: ["MeshMarkdown"]),
        .testTarget(name: "MeshLinkTests", dependencies: ["MeshLink", "MeshLoad", "MeshModel", "MeshTestSupport"]),
        .testTarget(name: "PortalBuildTests", dependencies: [
            "PortalBuild", "PortalRender", "MeshLoad", "MeshportCLI", "MeshModel", "MeshTestSupport",
        ]),
    ],
    swiftLanguageModes: [.v6]
)
