#!/usr/bin/env python3
"""Drop-only peer: print the lines of FILE (or stdin) that match none of the patterns,
like `grep -v -i -E -e P1 -e P2`. Works on bytes, as grep does under LC_ALL=C.

usage: drop.py -e PATTERN [-e PATTERN ...] [FILE]
"""
import re
import sys


def main():
    args = sys.argv[1:]
    patterns, files = [], []
    while args:
        arg = args.pop(0)
        if arg == "-e":
            patterns.append(args.pop(0))
        else:
            files.append(arg)
    if not patterns:
        sys.exit(__doc__)
    regex = re.compile("|".join(f"(?:{p})" for p in patterns).encode(), re.I)
    match = regex.search
    source = open(files[0], "rb") if files else sys.stdin.buffer
    out = sys.stdout.buffer
    write = out.write
    for line in source:
        if not match(line):
            write(line)
    out.flush()


if __name__ == "__main__":
    main()
