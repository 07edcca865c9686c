// swift-tools-version: 6.1
//
// relgraph — relationship-graph analytics over news articles.
// One module per job; see README.md ("Architecture") for the data flow.

import PackageDescription

let package = Package(
    name: "relgraph",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "relgraph", targets: ["relgraph"]),
        .library(name: "RelGraphCore", targets: ["RelGraphCore"]),
        .library(name: "RelGraphExtraction", targets: ["RelGraphExtraction"]),
        .library(name: "RelGraphAnalysis", targets: ["RelGraphAnalysis"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.0.0"..<"5.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.21.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.27.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.5.0"),
    ],
    targets: [
        // The model: documents, entities, mentions, evidence, eras, edges, the graph.
        .target(name: "RelGraphCore"),
        // Loading and indexing the world knowledge data files.
        .target(
            name: "RelGraphKnowledge",
            dependencies: ["RelGraphCore"],
            resources: [.copy("Resources")]
        ),
        // Reading a corpus folder: documents, HTML to text, the manifest.
        .target(
            name: "RelGraphCorpus",
            dependencies: ["RelGraphCore", .product(name: "Yams", package: "Yams")]
        ),
        // clean → segment → recognise → resolve → date → relate, per document; then aggregate.
        .target(name: "RelGraphExtraction", dependencies: ["RelGraphCore", "RelGraphKnowledge"]),
        // CSR graphs and centrality measures.
        .target(name: "RelGraphAnalysis", dependencies: ["RelGraphCore"]),
        // Writers and readers: node-link JSON, DOT, CSV, edge lists.
        .target(name: "RelGraphExport", dependencies: ["RelGraphCore", "RelGraphAnalysis"]),
        // The Graphviz C libraries (cgraph + gvc), from Debian's libgraphviz-dev.
        .systemLibrary(
            name: "CGraphviz",
            pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev"])]
        ),
        // Layout and rendering in-process behind a small safe API; era diagrams in one shared layout; exports.
        .target(name: "RelGraphRender", dependencies: ["CGraphviz", "RelGraphCore", "RelGraphAnalysis", "RelGraphExport"]),
        // The build job: a corpus folder in, the graph files (JSON, DOT, SVG, CSV) out.
        .target(
            name: "RelGraphBuild",
            dependencies: [
                "RelGraphCore", "RelGraphKnowledge", "RelGraphCorpus", "RelGraphExtraction", "RelGraphAnalysis",
                "RelGraphExport", "RelGraphRender",
            ]
        ),
        // Benchmarks behind `relgraph bench`: a generator of varied corpora, timed extraction.
        .target(
            name: "RelGraphBenchmarks",
            dependencies: ["RelGraphCore", "RelGraphKnowledge", "RelGraphExtraction", "RelGraphStore"]
        ),
        // The store: documents and their extractions kept in a database (SQLite embedded, or PostgreSQL shared by
        // many processes), graphs read back per era.
        .target(
            name: "RelGraphStore",
            dependencies: [
                "RelGraphCore", "RelGraphKnowledge", "RelGraphExtraction",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // `relgraph ingest`: documents read and extracted in parallel, written into a store one at a time.
        .target(
            name: "RelGraphIngest",
            dependencies: ["RelGraphCore", "RelGraphCorpus", "RelGraphExtraction", "RelGraphStore"]
        ),
        // `relgraph serve`: the HTTP API, its OpenAPI document and the web page, over a store.
        .target(
            name: "RelGraphServer",
            dependencies: [
                "RelGraphCore", "RelGraphKnowledge", "RelGraphCorpus", "RelGraphExtraction", "RelGraphAnalysis",
                "RelGraphExport", "RelGraphRender", "RelGraphStore",
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            resources: [.copy("Resources")]
        ),
        // The command-line tool: argument parsing and wiring only.
        .executableTarget(
            name: "relgraph",
            dependencies: [
                "RelGraphCore", "RelGraphKnowledge", "RelGraphCorpus", "RelGraphExtraction",
                "RelGraphAnalysis", "RelGraphExport", "RelGraphRender", "RelGraphBuild", "RelGraphBenchmarks",
                "RelGraphStore", "RelGraphIngest", "RelGraphServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "RelGraphTests",
            dependencies: [
                "RelGraphCore", "RelGraphKnowledge", "RelGraphCorpus", "RelGraphExtraction",
                "RelGraphAnalysis", "RelGraphExport", "RelGraphRender", "RelGraphBuild", "RelGraphStore",
                "RelGraphIngest", "RelGraphBenchmarks", "RelGraphServer",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
