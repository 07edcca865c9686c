import ArgumentParser
import RelGraphAnalysis
import RelGraphExport

extension DiagramOptions.EdgeMode: ExpressibleByArgument {}
extension LayoutEngine: ExpressibleByArgument {}

/// The diagram options `build`, `export` and `compare` share.
struct DiagramArguments: ParsableArguments {
    @Option(help: "pair: one line per pair of entities (relations summed); per-relation: one line per relation.")
    var edges: DiagramOptions.EdgeMode = .pair

    @Option(help: "Node size by this centrality (\(Measure.nodeMeasures.map(\.rawValue).joined(separator: ", "))), or none.")
    var sizeBy: String = "pagerank"

    @Option(help: "At most this many entities per era diagram: the most central ones (the title says so).")
    var maxNodes: Int = DiagramOptions().maxNodes

    @Option(help: "At most this many lines per era diagram: the heaviest ties.")
    var maxTies: Int = DiagramOptions().maxTies

    @Option(help: "Layout engine: dot, neato, fdp, sfdp or circo (default: neato up to 200 entities, sfdp beyond).")
    var engine: LayoutEngine?

    func validate() throws {
        if sizeBy != "none" && Measure(rawValue: sizeBy).map(Measure.nodeMeasures.contains) != true {
            throw ValidationError("--size-by: \"\(sizeBy)\" is not one of none, \(Measure.nodeMeasures.map(\.rawValue).joined(separator: ", "))")
        }
        if maxNodes < 1 { throw ValidationError("--max-nodes must be at least 1") }
        if maxTies < 1 { throw ValidationError("--max-ties must be at least 1") }
    }

    var options: DiagramOptions {
        var options = DiagramOptions()
        options.edges = edges
        options.sizeBy = Measure(rawValue: sizeBy)
        options.maxNodes = maxNodes
        options.maxTies = maxTies
        options.engine = engine
        return options
    }
}
