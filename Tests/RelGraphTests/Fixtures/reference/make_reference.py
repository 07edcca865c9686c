#!/usr/bin/env python3
"""Reference values for relgraph's centrality tests, computed with NetworkX.

Writes reference.json: for each graph, its weighted edge list and every measure as NetworkX 3.x computes it on
the simple undirected graph (parallel edges' weights summed) with distance = 1/weight.

Graphs: every era of graphs/graph.json (the seeds), random weighted graphs with several components, and generated
power-law (Barabási–Albert) graphs with random weights.
Run from the repository root:  python3 Tests/RelGraphTests/Fixtures/reference/make_reference.py
(`--keep-graphs` keeps the edge lists of the existing reference.json and recomputes only the measures.)
"""
import json
import random
import sys
from pathlib import Path

import networkx as nx

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[3]


def simple_graph(edges):
    G = nx.Graph()
    for u, v, w in edges:
        if u == v:
            continue
        if G.has_edge(u, v):
            G[u][v]["weight"] += w
        else:
            G.add_edge(u, v, weight=w)
    for u, v, d in G.edges(data=True):
        d["distance"] = 1 / d["weight"]
    return G


def measures(G):
    out = {
        "degree": nx.degree_centrality(G),
        "strength": dict(G.degree(weight="weight")),
        "closeness": nx.closeness_centrality(G, distance="distance", wf_improved=True),
        "harmonic": nx.harmonic_centrality(G, distance="distance"),
        "betweenness": nx.betweenness_centrality(G, weight="distance", normalized=True),
        "pagerank": nx.pagerank(G, alpha=0.85, weight="weight", tol=1e-14, max_iter=100000),
    }
    try:  # NetworkX's own tolerance and iteration limit (1e-6, 100): relgraph must agree, failure included
        out["eigenvector"] = nx.eigenvector_centrality(G, weight="weight")
    except nx.PowerIterationFailedConvergence:
        out["eigenvector"] = None
    # Katz's series converges only for alpha < 1/λmax of the (unweighted) adjacency matrix: check that first, so a
    # divergent graph does not run NetworkX's power iteration for all its iterations.
    lambda_max = max(abs(nx.adjacency_spectrum(G, weight=None))) if len(G) else 0
    try:
        out["katz"] = nx.katz_centrality(G, alpha=0.1, beta=1.0, tol=1e-14, max_iter=100000) if 0.1 * lambda_max < 1 else None
    except nx.PowerIterationFailedConvergence:
        out["katz"] = None
    eb = nx.edge_betweenness_centrality(G, weight="distance", normalized=True)
    out["edge-betweenness"] = {f"{min(u, v)}|{max(u, v)}": x for (u, v), x in eb.items()}
    communities = nx.community.louvain_communities(G, weight="weight", seed=7)
    out["louvain-modularity"] = nx.community.modularity(G, communities, weight="weight")
    return out


def random_graph(seed, components, nodes_per_component, extra_edges):
    rng = random.Random(seed)
    edges = []
    for c in range(components):
        names = [f"c{c}n{i}" for i in range(nodes_per_component)]
        for i in range(1, len(names)):  # a random tree keeps the component connected
            edges.append((names[i], names[rng.randrange(i)], rng.choice([1, 1, 2, 3, 0.5, 4.5])))
        for _ in range(extra_edges):
            u, v = rng.sample(names, 2)
            edges.append((u, v, rng.choice([1, 2, 5, 0.25])))
    edges.append(("lonely-a", "lonely-b", 1))  # a component of two
    return edges


def main():
    if "--keep-graphs" in sys.argv:
        kept = json.loads((HERE / "reference.json").read_text())["graphs"]
        graphs = [{"name": g["name"], "edges": g["edges"]} for g in kept]
        known = {g["name"] for g in graphs}
        graphs += [g for g in power_law_graphs() if g["name"] not in known]
    else:
        graphs = make_graphs()
    for g in graphs:
        g["measures"] = measures(simple_graph(g["edges"]))
    (HERE / "reference.json").write_text(json.dumps({"networkx": nx.__version__, "graphs": graphs}, indent=1, sort_keys=True))
    print(f"wrote {len(graphs)} graphs with NetworkX {nx.__version__}", file=sys.stderr)


def make_graphs():
    graphs = []
    data = json.loads((ROOT / "graphs" / "graph.json").read_text())
    for era in data["graph"]["eras"]:
        edges = [(e["source"], e["target"], e["weight"]) for e in data["edges"] if e["era"] == era["id"]]
        if edges:
            graphs.append({"name": f"seeds-{era['id']}", "edges": edges})
    for seed, (components, size, extra) in enumerate([(3, 12, 10), (2, 40, 60), (4, 8, 3), (1, 60, 120)]):
        graphs.append({"name": f"random-{seed}", "edges": random_graph(seed, components, size, extra)})
    graphs += power_law_graphs()
    return graphs


def power_law_graphs():
    graphs = []
    for seed, (n, m) in enumerate([(300, 2), (800, 3)]):
        rng = random.Random(100 + seed)
        G = nx.barabasi_albert_graph(n, m, seed=100 + seed)
        edges = [(f"v{u}", f"v{v}", rng.choice([1, 2, 3, 5, 0.5])) for u, v in G.edges()]
        graphs.append({"name": f"power-law-{n}", "edges": edges})
    # several components of different sizes: NetworkX's power iteration does not converge in 100 steps here
    graphs.append({"name": "components-slow", "edges": random_graph(1, 3, 40, 50)})
    return graphs


if __name__ == "__main__":
    main()
