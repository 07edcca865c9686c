import ArgumentParser

/// `relgraph` — relationship graphs from news articles.
@main
struct RelGraphCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "relgraph",
        abstract: "Relationship graphs from news articles: who is tied to whom, how strongly, in which era.",
        subcommands: [
            BuildCommand.self, AnalyzeCommand.self, CommunitiesCommand.self, CompareCommand.self, NeighborsCommand.self,
            IngestCommand.self, ServeCommand.self, ExportCommand.self, BenchCommand.self, RenderWorkerCommand.self,
        ]
    )
}
