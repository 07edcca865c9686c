import ArgumentParser
import Foundation
import RelGraphCore
import RelGraphExport
import RelGraphRender

extension ExportFormat: ExpressibleByArgument {}

/// `relgraph export <graph.json> --format F [--era E] -o <file|dir>`
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a graph (or one era) as DOT, SVG, PNG, PDF, GraphML, GEXF, CSV or node-link JSON.",
        discussion: """
            One file for one era or for GraphML, GEXF and JSON (-o names the file, or a folder to put it in); a folder \
            for CSV (nodes.csv, edges.csv) and for diagrams of every era (<era>.<format>, all in one shared layout).
            """)

    @Argument(help: "graph.json (node-link), as `build` writes it (or give --db).")
    var input: String?

    @Option(help: "Read the graph from this store (a SQLite file or a postgres:// URL, as written by `relgraph ingest`) instead of a file.")
    var db: String?

    @Option(help: "dot, svg, png, pdf, graphml, gexf, csv or json.")
    var format: ExportFormat

    @Option(help: "Only this era (diagrams: one era's diagram; default: every era).")
    var era: String?

    @Option(name: .shortAndLong, help: "The output file, or a folder (created if missing).")
    var output: String

    @OptionGroup(title: "Diagrams")
    var diagram: DiagramArguments

    @Flag(help: "Print the time spent reading the graph and exporting it, on stderr.")
    var timings = false

    func validate() throws {
        try GraphSource(file: input, db: db).validate()
    }

    func run() async throws {
        let clock = ContinuousClock()
        let start = clock.now
        let graph = try await loadGraph()
        let loaded = clock.now
        let files = try GraphExporter.files(
            graph, era: era, format: format, options: diagram.options, renderer: DiagramRenderer.shared())
        if timings {
            let read = (loaded - start).seconds
            let export = (clock.now - loaded).seconds
            FileHandle.standardError.write(Data("relgraph: read \(input ?? db ?? "") in \(read) s; exported \(format.rawValue) in \(export) s\n".utf8))
        }
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory)
        let target = URL(fileURLWithPath: output)
        if files.count == 1 && !(exists && isDirectory.boolValue) && !output.hasSuffix("/") {
            try write(files[0].data, to: target)
            print("relgraph: wrote \(output)")
            return
        }
        do { try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true) } catch {
            throw ValidationError("\(output): cannot create the folder (\(error.localizedDescription))")
        }
        for file in files { try write(file.data, to: target.appendingPathComponent(file.name)) }
        print("relgraph: wrote \(files.count) files to \(output): \(files.map(\.name).joined(separator: ", "))")
    }

    /// The graph to export, with its evidence and mentions, from the file or the store.
    func loadGraph() async throws -> RelationshipGraph {
        guard let graph = try await GraphSource(file: input, db: db).load(era: nil, evidence: true, mentions: true).relationships else {
            throw ValidationError("export needs relgraph's graph.json")
        }
        return graph
    }

    private func write(_ data: Data, to url: URL) throws {
        do { try data.write(to: url, options: .atomic) } catch {
            throw ValidationError("\(url.path): cannot be written (\(error.localizedDescription))")
        }
    }
}

extension Duration {
    /// Seconds, to the millisecond.
    fileprivate var seconds: Double {
        let (s, attoseconds) = components
        return (Double(s) * 1000 + Double(attoseconds) / 1e15).rounded() / 1000
    }
}
