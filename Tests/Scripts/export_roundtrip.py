"""Reads relgraph's exports back with their reference readers and checks that nothing was lost.

Usage: python3 export_roundtrip.py DIR
DIR holds graph.json (node-link, the truth, read with the json module only), graph.graphml, graph.gexf,
nodes.csv and edges.csv, all written by `relgraph export` from that graph.json. Prints "ok <nodes> <edges>" or
fails with the first difference.
"""
import csv
import json
import os
import sys

import networkx as nx

directory = sys.argv[1]
truth = json.load(open(os.path.join(directory, "graph.json"), encoding="utf-8"))
nodes = {n["id"]: n for n in truth["nodes"]}
eras = {e["id"]: e for e in truth["graph"]["eras"]}
latest = max((ev.get("year_end") or ev["year"] for e in truth["edges"] for ev in e["evidence"] if ev["year"] is not None), default=None)


def edge_set(items):
    """A multiset of (unordered pair, era, relation, weight, tone, evidence count)."""
    out = []
    for u, v, era, relation, weight, tone, count in items:
        a, b = sorted([u, v])
        out.append((a, b, era, relation, round(float(weight), 9), round(float(tone), 9), int(count)))
    return sorted(out)


expected = edge_set(
    (e["source"], e["target"], e["era"], e["relation"], e["weight"], e["tone"], len(e["evidence"])) for e in truth["edges"]
)

# GraphML
G = nx.read_graphml(os.path.join(directory, "graph.graphml"))
assert isinstance(G, nx.MultiGraph) and not G.is_directed(), type(G)
assert set(G.nodes) == set(nodes), set(G.nodes) ^ set(nodes)
for n, data in G.nodes(data=True):
    assert data["label"] == nodes[n]["label"], (n, data["label"], nodes[n]["label"])
    assert data["kind"] == nodes[n]["kind"], n
    assert data["mentions"] == len(nodes[n]["mentions"]), n
got = edge_set((u, v, d["era"], d["relation"], d["weight"], d["tone"], d["evidence_count"]) for u, v, d in G.edges(data=True))
assert got == expected, "GraphML edges differ"
assert all(isinstance(d["weight"], float) and isinstance(d["evidence_count"], int) for _, _, d in G.edges(data=True))

# GEXF (1.3, dynamic): edges carry their era's years
X = nx.read_gexf(os.path.join(directory, "graph.gexf"))
assert X.graph["mode"] == "dynamic"
assert set(X.nodes) == set(nodes), set(X.nodes) ^ set(nodes)
for n, data in X.nodes(data=True):
    assert data["label"] == nodes[n]["label"], (n, data["label"], nodes[n]["label"])
    assert data["kind"] == nodes[n]["kind"], n
got = edge_set((u, v, d["era"], d["relation"], d["weight"], d["tone"], d["evidence_count"]) for u, v, d in X.edges(data=True))
assert got == expected, "GEXF edges differ"
for u, v, d in X.edges(data=True):
    era = eras[d["era"]]
    if era["start"] is None:
        assert "start" not in d, (u, v, d)
    else:
        assert d["start"] == era["start"], (u, v, d)
        assert d["end"] == (era["end"] if era["end"] is not None else max(era["start"], latest)), (u, v, d)

# CSV
with open(os.path.join(directory, "nodes.csv"), newline="", encoding="utf-8") as f:
    rows = list(csv.DictReader(f))
assert {r["id"]: (r["label"], r["kind"], int(r["mentions"])) for r in rows} == {
    i: (n["label"], n["kind"], len(n["mentions"])) for i, n in nodes.items()
}, "nodes.csv differs"
assert len(rows) == len(nodes)
with open(os.path.join(directory, "edges.csv"), newline="", encoding="utf-8") as f:
    rows = list(csv.DictReader(f))
got = edge_set((r["source"], r["target"], r["era"], r["relation"], r["weight"], r["tone"], r["evidence_count"]) for r in rows)
assert got == expected, "edges.csv differs"

print("ok", len(nodes), len(expected))
