import ArgumentParser
import RelGraphRender

/// `relgraph render-worker`: serves render requests on standard input (see `RenderWorkerPool`); started by
/// `build` to render eras in parallel, not meant to be run by hand.
struct RenderWorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render-worker", abstract: "Serve Graphviz render requests on standard input.", shouldDisplay: false)

    func run() throws {
        try RenderWorkerPool.serve(context: GraphvizContext())
    }
}
