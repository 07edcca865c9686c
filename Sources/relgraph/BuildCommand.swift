import ArgumentParser
import Foundation
import RelGraphBuild
import RelGraphCore
import RelGraphRender

/// `relgraph build <corpus> --out <dir>`
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Read a folder of articles and write graph.json, per-era DOT and SVG diagrams, overview.html and centrality.csv.",
        discussion: """
            Reads every .txt, .md, .html and .htm file of the folder (a document's id is its file name without \
            extension) and the optional corpus.yaml manifest (titles, dates, sources, eras).
            Eras: --eras, else the manifest's, else one per decade.
            """
    )

    @Argument(help: "The corpus folder.")
    var corpus: String

    @Option(name: .shortAndLong, help: "The output folder (created if missing).")
    var out: String

    @Option(help: "Eras as id:start-end,id:start- (an open end is the present); overrides the manifest.")
    var eras: String?

    @Option(name: .customLong("kb"), help: "An extra knowledge-base file, or a folder of .tsv files (same columns as a bundled table); repeatable. A row with a known id replaces the bundled one.")
    var knowledgeFiles: [String] = []

    @Option(help: "Diagram formats beside each era's DOT, comma-separated: svg, png, pdf.")
    var formats: String = "svg"

    @Flag(help: "Write DOT only, no diagrams.")
    var noRender = false

    @OptionGroup(title: "Diagrams")
    var diagram: DiagramArguments

    @Option(help: "Processes that render the eras' diagrams in parallel (default: one per core; 0: render in this process).")
    var renderWorkers: Int = ProcessInfo.processInfo.activeProcessorCount

    func run() throws {
        if let eras { _ = try EraSet.parse(eras) }  // a bad --eras fails before any work
        var build = GraphBuild(
            corpusDirectory: URL(fileURLWithPath: corpus), outputDirectory: URL(fileURLWithPath: out))
        build.eraSpec = eras
        build.knowledgeFiles = knowledgeFiles.map { URL(fileURLWithPath: $0) }
        build.diagramOptions = diagram.options
        if renderWorkers < 0 { throw ValidationError("--render-workers must be 0 or more") }
        if !noRender && renderWorkers > 0 {
            // This very executable, run as `relgraph render-worker`.
            build.renderWorkers = try RenderWorkerPool(executable: URL(fileURLWithPath: "/proc/self/exe"), count: renderWorkers)
        }
        build.renderFormats = try noRender ? [] : formats.split(separator: ",").map { name in
            guard let format = RenderFormat(rawValue: name.trimmingCharacters(in: .whitespaces).lowercased()) else {
                throw ValidationError("unknown format \"\(name)\"; valid formats: svg, png, pdf")
            }
            return format
        }
        let summary = try build.run()
        for skip in summary.skipped {
            FileHandle.standardError.write(Data("warning: \(skip.file): skipped: \(skip.reason)\n".utf8))
        }
        let graph = summary.graph
        let perEra = graph.erasWithEdges.map { era in "\(era.id) \(graph.edges(inEra: era.id).count)" }
        print(
            "relgraph: \(summary.documents) documents read, \(summary.skipped.count) skipped; "
                + "\(graph.nodes.count) entities, \(graph.edges.count) edges (\(perEra.joined(separator: ", "))); "
                + "wrote \(summary.filesWritten.count) files to \(out)")
    }
}
