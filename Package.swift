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
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.5.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.0.0"),
    ],
    targets: [
        // The only C boundary: libcmark-gfm and its GFM extensions, found through pkg-config.
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .target(name: "MeshModel"),
        // zlib, for compressing bundles.
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // Bundles: one domain repository loaded in its own CI job, written to a file and read back.
        .target(name: "MeshBundle", dependencies: ["MeshModel", "MeshLoad", "CZlib"]),
        // Diagnostics written as text, GitHub workflow commands, JSON or SARIF.
        .target(name: "DiagnosticOutput", dependencies: ["MeshModel"]),
        .target(name: "MeshMarkdown", dependencies: ["CCmarkGFM", "MeshModel"]),
        // The system git: fetching `git:` sources into the cache, and history for last-changed dates.
        .target(name: "GitSources", dependencies: ["MeshModel"]),
        .target(name: "MeshLoad", dependencies: ["MeshModel", "MeshMarkdown", "GitSources", .product(name: "Yams", package: "Yams")]),
        // A JSON Schema validator (drafts 07 and 2019-09) over position-carrying YAML.
        .target(name: "SchemaValidation", dependencies: ["MeshModel"]),
        .target(
            name: "MeshCheck",
            dependencies: ["MeshModel", "MeshLink", "SchemaValidation"],
            exclude: ["Schemas/README.md", "Schemas/LICENSE-Apache-2.0.txt", "Schemas/odps/LICENSE-NOTE.txt",
                      "Schemas/odcs/LICENSE-NOTE.txt", "Schemas/backstage/LICENSE-NOTE.txt",
                      "Schemas/dcs/LICENSE-NOTE.txt", "Schemas/dcs/LICENSE-MIT.txt"],
            // The official schemas are compiled in: the binary validates without any file beside it.
            resources: [
                .embedInCode("Schemas/backstage/Entity.schema.json"),
                .embedInCode("Schemas/backstage/EntityMeta.schema.json"),
                .embedInCode("Schemas/backstage/kinds/Component.v1alpha1.schema.json"),
                .embedInCode("Schemas/backstage/kinds/Domain.v1alpha1.schema.json"),
                .embedInCode("Schemas/backstage/kinds/Group.v1alpha1.schema.json"),
                .embedInCode("Schemas/backstage/kinds/Resource.v1alpha1.schema.json"),
                .embedInCode("Schemas/backstage/kinds/System.v1alpha1.schema.json"),
                .embedInCode("Schemas/backstage/kinds/User.v1alpha1.schema.json"),
                .embedInCode("Schemas/backstage/shared/common.schema.json"),
                .embedInCode("Schemas/dcs/datacontract.schema.json"),
                .embedInCode("Schemas/odcs/odcs-json-schema-v3.1.0.json"),
                .embedInCode("Schemas/odcs/odcs-json-schema-v3.2.0-DRAFT.json"),
                .embedInCode("Schemas/odps/odps-json-schema-v1.0.0.json"),
            ]
        ),
        .target(name: "MeshLink", dependencies: ["MeshModel"]),
        // The portal's search index: documents, terms, shards the browser loads as scripts.
        .target(name: "SearchIndex", dependencies: ["MeshModel", "MeshLink"]),
        .target(name: "PortalRender", dependencies: [
            "MeshModel", "MeshLink", "MeshMarkdown", "SearchIndex", "LineageLayout",
            .product(name: "Mustache", package: "swift-mustache"),
        ]),
        .target(name: "PortalBuild", dependencies: ["MeshModel", "MeshLoad", "MeshBundle", "MeshCheck", "MeshLink", "PortalRender"]),
        .target(name: "LineageLayout"),
        // `meshport serve`: the site from memory over HTTP, a file watcher, live reload.
        .target(name: "PortalServe", dependencies: [
            "MeshModel", "PortalBuild", "PortalRender", "DiagnosticOutput",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ], resources: [.embedInCode("Client/live-reload.js"), .embedInCode("Client/live-reload.css")]),
        .target(name: "MeshportCLI", dependencies: [
            "MeshModel", "PortalBuild", "PortalServe", "MeshCheck", "DiagnosticOutput", "LineageLayout",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "meshport", dependencies: ["MeshportCLI"]),
        // Fuzzing (scripts/fuzz): each reader fed arbitrary bytes through the whole pipeline; the
        // executable is a libFuzzer binary when built with -sanitize=fuzzer -DMESHPORT_FUZZ, a replayer otherwise.
        .target(name: "MeshFuzz", dependencies: ["MeshModel", "MeshLoad", "MeshLink", "MeshCheck", "PortalRender", "PortalBuild"],
                path: "Fuzz/MeshFuzz"),
        .executableTarget(name: "meshport-fuzz", dependencies: ["MeshFuzz"], path: "Fuzz/meshport-fuzz"),
        // Shared by the test targets only: inline meshes written to temporary folders.
        .target(name: "MeshTestSupport", path: "Tests/MeshTestSupport"),
        .testTarget(name: "MeshLoadTests", dependencies: ["MeshLoad", "MeshMarkdown", "MeshModel", "MeshTestSupport"]),
        .testTarget(name: "GitSourcesTests", dependencies: ["GitSources", "MeshModel", "MeshTestSupport"]),
        .testTarget(name: "MeshMarkdownTests", dependencies: ["MeshMarkdown"]),
        .testTarget(name: "MeshBundleTests", dependencies: ["MeshBundle", "MeshLoad", "MeshModel", "MeshTestSupport"]),
        .testTarget(name: "LineageLayoutTests", dependencies: ["LineageLayout"]),
        .testTarget(name: "DiagnosticOutputTests", dependencies: ["DiagnosticOutput", "MeshModel"]),
        .testTarget(name: "MeshCheckTests", dependencies: ["MeshCheck", "MeshModel", "MeshLink", "MeshLoad", "MeshTestSupport"]),
        .testTarget(name: "SchemaValidationTests", dependencies: ["SchemaValidation", "MeshModel", "MeshLoad"]),
        .testTarget(name: "MeshLinkTests", dependencies: ["MeshLink", "MeshLoad", "MeshModel", "MeshTestSupport"]),
        .testTarget(name: "SearchIndexTests", dependencies: ["SearchIndex", "MeshLink", "MeshLoad", "MeshModel", "MeshTestSupport"]),
        .testTarget(name: "PortalServeTests", dependencies: [
            "PortalServe", "PortalBuild", "PortalRender", "MeshModel", "MeshTestSupport",
        ]),
        .testTarget(name: "PortalBuildTests", dependencies: [
            "PortalBuild", "PortalRender", "MeshLoad", "MeshportCLI", "MeshModel", "MeshTestSupport", "DiagnosticOutput", "MeshCheck",
            "MeshFuzz",
        ]),
    ],
    swiftLanguageModes: [.v6]
)
