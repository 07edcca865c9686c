#!/usr/bin/env python3
"""Times python-igraph and NetworKit on the same power-law graphs as `relgraph analyze`, whole process each.

Usage (from the repository root, after `swift build -c release`):
    python3 Benchmarks/compare_igraph.py            # installs igraph and networkit with pip if missing

For each graph it runs, as separate processes so that reading the file and writing every score are included:
  - relgraph analyze <file> --measure betweenness|pagerank --format json > scores (all cores, then --threads 1)
  - igraph: Graph.Read_Ncol(file, weights=True) then betweenness(weights=1/w) / pagerank(weights=w), every score
    written as "name,score" lines
  - networkit: EdgeListReader then Betweenness(normalized) / PageRank, every score written likewise
and prints a table of wall-clock seconds (best of RELGRAPH_BENCH_RUNS runs, default 3) and the ratio
relgraph / igraph (the issue's target for PageRank: at most 0.5).
Set RELGRAPH_BENCH_LARGE=1 to add the 20,000-node betweenness graph (several minutes).
"""
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RELGRAPH = ROOT / ".build" / "release" / "relgraph"
WORK = Path(os.environ.get("RELGRAPH_BENCH_DIR", "/tmp/relgraph-bench"))

RUNS = int(os.environ.get("RELGRAPH_BENCH_RUNS", "3"))

GRAPHS = [  # (name, nodes, edges per node, measure)
    ("ba-5k", 5_000, 5, "betweenness"),
    ("ba-200k", 200_000, 5, "pagerank"),
]
if os.environ.get("RELGRAPH_BENCH_LARGE"):
    GRAPHS.insert(1, ("ba-20k", 20_000, 5, "betweenness"))

IGRAPH = """
import sys, igraph as ig
g = ig.Graph.Read_Ncol(sys.argv[1], weights=True, directed=False)
g.simplify(combine_edges="sum")
if sys.argv[2] == "betweenness":
    d = [1.0 / w for w in g.es["weight"]]
    b = g.betweenness(weights=d, directed=False)
    n = g.vcount(); b = [x * 2 / ((n - 1) * (n - 2)) for x in b]
else:
    b = g.pagerank(weights="weight", damping=0.85)
with open(sys.argv[3], "w") as out:
    for name, x in zip(g.vs["name"], b):
        out.write(f"{name},{x!r}\\n")
"""

NETWORKIT = """
import sys, networkit as nk
r = nk.graphio.EdgeListReader(" ", 0, continuous=False, directed=False)
g = r.read(sys.argv[1])
g.removeMultiEdges()
if sys.argv[2] == "betweenness":
    for u, v, w in g.iterEdgesWeights():
        g.setWeight(u, v, 1.0 / w)
    a = nk.centrality.Betweenness(g, normalized=True)
else:
    a = nk.centrality.PageRank(g, damp=0.85, tol=1e-9)
a.run()
with open(sys.argv[3], "w") as out:
    for u, x in enumerate(a.scores()):
        out.write(f"{u},{x!r}\\n")
"""


def ensure(module, package):
    try:
        __import__(module)
        return True
    except ImportError:
        r = subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", package])
        return r.returncode == 0


def timed(cmd, output):
    """Best wall-clock time of RUNS runs of `cmd` (its standard output going to the file `output`), and the CPU
    time (user + system) of that run: on a shared machine the CPU time is the steadier figure."""
    best = None
    for _ in range(RUNS):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        with open(output, "w") as out:
            start = time.perf_counter()
            r = subprocess.run(cmd, stdout=out, stderr=subprocess.PIPE, text=True)
            elapsed = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        if r.returncode != 0:
            print(f"failed: {' '.join(cmd[:4])}: {r.stderr.strip()[-200:]}", file=sys.stderr)
            return None
        if best is None or elapsed < best[0]:
            best = (elapsed, cpu)
    return best


def main():
    if not RELGRAPH.exists():
        sys.exit("build relgraph first: swift build -c release")
    have_igraph = ensure("igraph", "igraph")
    have_networkit = ensure("networkit", "networkit")
    WORK.mkdir(parents=True, exist_ok=True)
    rows = []
    for name, nodes, m, measure in GRAPHS:
        path = WORK / f"{name}.txt"
        if not path.exists():
            subprocess.run([str(RELGRAPH), "bench", "graph", str(path), "--nodes", str(nodes), "--edges-per-node", str(m)], check=True, capture_output=True)
        scores = WORK / f"{name}.scores"
        base = [str(RELGRAPH), "analyze", str(path), "--measure", measure, "--format", "json"]
        t_all = timed(base, scores)
        t_one = timed(base + ["--threads", "1"], scores)
        t_ig = timed([sys.executable, "-c", IGRAPH, str(path), measure, str(scores) + ".igraph"], os.devnull) if have_igraph else None
        t_nk = timed([sys.executable, "-c", NETWORKIT, str(path), measure, str(scores) + ".networkit"], os.devnull) if have_networkit else None
        rows.append((name, measure, t_one, t_all, t_ig, t_nk))
    print("wall-clock seconds (CPU seconds), best of", RUNS)
    print(f"{'graph':10} {'measure':12} {'relgraph 1 thread':>20} {'relgraph all':>20} {'igraph':>20} {'networkit':>20} {'relgraph/igraph wall (1 thread)':>32}")
    fmt = lambda t: f"{t[0]:.2f} s ({t[1]:.2f})" if t is not None else "—"
    for name, measure, t1, ta, ti, tn in rows:
        ratio = f"{ta[0] / ti[0]:.2f} ({t1[0] / ti[0]:.2f})" if ti and ta and t1 else "—"
        print(f"{name:10} {measure:12} {fmt(t1):>20} {fmt(ta):>20} {fmt(ti):>20} {fmt(tn):>20} {ratio:>32}")


if __name__ == "__main__":
    main()
