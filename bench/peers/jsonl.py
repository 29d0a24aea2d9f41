#!/usr/bin/env python3
"""JSONL peer in Python: cleans the "text" field of each JSON Lines record with the steps
of chain.py (json + re), and writes the record back as JSON.

usage: jsonl.py [FILE]
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from chain import clean_lines  # noqa: E402


def main():
    source = open(sys.argv[1], encoding="utf-8") if len(sys.argv) > 1 else sys.stdin
    out = open(sys.stdout.fileno(), "w", encoding="utf-8", closefd=False)
    loads, dumps, write = json.loads, json.dumps, out.write
    for line in source:
        record = loads(line)
        record["text"] = "".join(clean_lines(record["text"].splitlines(True)))
        write(dumps(record, ensure_ascii=False))
        write("\n")
    out.flush()


if __name__ == "__main__":
    main()
