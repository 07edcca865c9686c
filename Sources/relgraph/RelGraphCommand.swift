import ArgumentParser

/// `relgraph` — relationship graphs from news articles.
@main
struct RelGraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "relgraph",
        abstract: "Relationship graphs from news articles: who is tied to whom, how strongly, in which era.",
        subcommands: [
            BuildCommand.self, AnalyzeCommand.self, CommunitiesCommand.self, CompareCommand.self, NeighborsCommand.self,
            ExportCommand.self, BenchCommand.self, RenderWorkerCommand.self,
        ]
    )
}
