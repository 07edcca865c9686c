/// Strength (weighted degree): the sum of the weights of a node's edges, as NetworkX's
/// `G.degree(weight="weight")`. Not normalised.
public enum Strength {
    public static func compute(_ graph: WeightedGraph) -> [Double] {
        (0..<graph.nodeCount).map(graph.strength)
    }
}
