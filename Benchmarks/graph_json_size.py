#!/usr/bin/env python3
"""Size of a graph.json as written (evidence sentences once, in the top-level `sentences` list) and as the same
graph would be in the older form (every evidence item with its `text` inline), both printed in relgraph's JSON
style (two-space indentation, keys in the written order), and the corpus size beside them.

Usage:  python3 Benchmarks/graph_json_size.py <graph.json> [<corpus folder>]
"""
import json
import sys
from pathlib import Path


def dumped(obj):
    return len(json.dumps(obj, indent=2, ensure_ascii=False).encode()) + 1


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
    data = json.loads(path.read_text(encoding="utf-8"))
    new = dumped(data)
    evidence = sum(len(e["evidence"]) for e in data["edges"])
    sentences = len(data["sentences"])
    old = dumped(old_form(data))
    print(f"{path}: {path.stat().st_size:,} bytes written ({new:,} re-printed); older form {old:,} bytes; "
          f"{old / new:.2f}x larger; {evidence:,} evidence items, {sentences:,} distinct sentences")
    if len(sys.argv) > 2:
        corpus = sum(p.stat().st_size for p in Path(sys.argv[2]).iterdir() if p.suffix in {".txt", ".md", ".html", ".htm"})
        print(f"corpus {sys.argv[2]}: {corpus:,} bytes; graph.json / corpus = {path.stat().st_size / corpus:.2f}")


if __name__ == "__main__":
    main()
