#!/usr/bin/env bash
# Scale-out figures on one PostgreSQL (README, "Scaling out"): ingest documents/s with 1, 2 and 4 `relgraph ingest`
# processes side by side on shares of one corpus, and /v1/centrality requests/s with 1 and 2 `relgraph serve`
# processes on the resulting database. Starts its own private PostgreSQL (.ci/start-postgres) and stops it.
#
#   Benchmarks/scale_out.sh [RELGRAPH_BINARY] [CORPUS_DIR]
#
# CORPUS_DIR defaults to a 2,000-document corpus made by `relgraph bench generate`. Needs wrk.
set -euo pipefail
cd "$(dirname "$0")/.."
relgraph=${1:-.build-release/release/relgraph}
corpus=${2:-/tmp/relgraph-scale-corpus}
[ -d "$corpus" ] || "$relgraph" bench generate "$corpus" --documents 2000 >/dev/null
eval "$(.ci/start-postgres)"
trap '.ci/stop-postgres "$RELGRAPH_PG_FOLDER"; kill $(jobs -p) 2>/dev/null || true' EXIT
base=${RELGRAPH_TEST_POSTGRES%/*}
files=("$corpus"/*)
echo "corpus: ${#files[@]} documents, $(du -sh "$corpus" | cut -f1)"

for processes in 1 2 4; do
  db="bench_ingest_$processes"
  psql -q "$RELGRAPH_TEST_POSTGRES" -c "CREATE DATABASE $db"
  # Create the schema first, so that the timing is of ingesting only.
  "$relgraph" ingest /dev/null --db "$base/$db" >/dev/null 2>&1 || true
  start=$(date +%s.%N)
  pids=()
  for ((p = 0; p < processes; p++)); do
    share=()
    for ((i = p; i < ${#files[@]}; i += processes)); do share+=("${files[i]}"); done
    "$relgraph" ingest "${share[@]}" --db "$base/$db" >/dev/null 2>&1 &
    pids+=($!)
  done
  for pid in "${pids[@]}"; do wait "$pid"; done
  end=$(date +%s.%N)
  count=$(psql -qtA "$base/$db" -c "SELECT COUNT(*) FROM documents")
  echo "ingest, $processes process(es): $count documents in $(echo "$end - $start" | bc) s: $(echo "scale=1; $count / ($end - $start)" | bc) documents/s"
done

db="$base/bench_ingest_1"
serve() { "$relgraph" serve --db "$db" --port "$1" 2>/dev/null & }
wait_up() { until curl -sf "http://127.0.0.1:$1/healthz" >/dev/null; do sleep 0.2; done; }
serve 18081; serve 18082; wait_up 18081; wait_up 18082
for port in 18081 18082; do curl -sf "http://127.0.0.1:$port/v1/centrality?measure=pagerank" >/dev/null; done  # warm caches
path="/v1/centrality?measure=pagerank&top=10"
echo "centrality, 1 server:"
wrk -t2 -c32 -d15s --latency "http://127.0.0.1:18081$path" | grep -E "Requests/sec|50%|99%"
echo "centrality, 2 servers (one wrk each, 16 connections each; add the two rates):"
wrk -t1 -c16 -d15s --latency "http://127.0.0.1:18081$path" | grep -E "Requests/sec|50%|99%" &
wrk -t1 -c16 -d15s --latency "http://127.0.0.1:18082$path" | grep -E "Requests/sec|50%|99%"
wait %%
