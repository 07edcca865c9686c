#!/usr/bin/env python3
"""Size of a graph.json as written (one record per line, no indentation, each evidence sentence once in the
top-level `sentences` list), beside the same graph in the two earlier forms relgraph wrote — indented by two
spaces with the sentence list, and indented with every evidence item's `text` inline — the corpus size, and how the
written bytes divide between the parts of the file.

Usage:  python3 Benchmarks/graph_json_size.py <graph.json> [<corpus folder>]
"""
import json
import sys
from pathlib import Path


def dumped(obj, indent=2):
    return len(json.dumps(obj, indent=indent, ensure_ascii=False).encode()) + 1


def compact(obj):
    return len(json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode())


def old_form(data):
    sentences = data.pop("sentences")
    for edge in data["edges"]:
        for item in edge["evidence"]:
            item["text"] = sentences[item.pop("sentence")]
            # the old form's key order: alphabetical, text after start
            for key in sorted(item):
                item[key] = item.pop(key)
    return data


def main():
    path = Path(sys.argv[1])
    written = path.stat().st_size
    data = json.loads(path.read_text(encoding="utf-8"))
    evidence = [item for edge in data["edges"] for item in edge["evidence"]]
    mentions = [m for node in data["nodes"] for m in node.get("mentions", [])]
    parts = {
        "sentences (text once)": compact(data["sentences"]),
        "evidence items": compact(evidence),
        "edges without evidence": compact([{k: v for k, v in e.items() if k != "evidence"} for e in data["edges"]]),
        "mentions": compact(mentions),
        "nodes without mentions": compact([{k: v for k, v in n.items() if k != "mentions"} for n in data["nodes"]]),
    }
    sentences = len(data["sentences"])
    indented = dumped(data)
    old = dumped(old_form(data))
    print(f"{path}: {written:,} bytes written; indented {indented:,} ({indented / written:.2f}x); indented with text "
          f"inline {old:,} ({old / written:.2f}x); {len(evidence):,} evidence items, {sentences:,} distinct "
          f"sentences, {len(mentions):,} mentions")
    for name, size in parts.items():
        print(f"  {name:24} {size:>12,} bytes  {size / written:6.1%}")
    if len(sys.argv) > 2:
        corpus = sum(p.stat().st_size for p in Path(sys.argv[2]).iterdir() if p.suffix in {".txt", ".md", ".html", ".htm"})
        print(f"corpus {sys.argv[2]}: {corpus:,} bytes; graph.json / corpus = {written / corpus:.2f}")


if __name__ == "__main__":
    main()
