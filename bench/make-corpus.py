#!/usr/bin/env python3
"""Writes a deterministic corpus of news-like text with scraper junk, for benchmarks.

usage: make-corpus.py SIZE_MB OUT_FILE [--seed N]

Paragraphs are sentences of common English words; about 10% of lines are junk of the
kinds the default rules remove (ad labels, read-also teasers, trailing spaces).
"""
import random
import sys

WORDS = """the of and to in a is that for it as was with be by on not he i this are or his
from at which but have an they you were her she there been one all we their has would
when if so no will more out up said what about its into than them can only other new some
could time these two may then do first any my now such like our over man me even most
made after also did many before must through back years where much your way well down
should because each just those people how too little state good very make world still own
see men work long get here between both life being under never day same another know while
last might us great old year off come since against go came right used take three
government minister president talks ceasefire peace troops officials weekend deal market
shares prices company percent report city council police court election vote""".split()

JUNK = [
    "Advertisement",
    "ADVERTISEMENT",
    "Advertisement - Scroll to continue",
    "Read also| {headline}",
    "Read more: {headline}",
    "Related: {headline}",
    "Sponsored",
]


def sentence(rng):
    words = [rng.choice(WORDS) for _ in range(rng.randint(8, 24))]
    words[0] = words[0].capitalize()
    return " ".join(words) + rng.choice([".", ".", ".", "?", "!"])


def headline(rng):
    return " ".join(rng.choice(WORDS).capitalize() for _ in range(rng.randint(5, 10)))


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    size = int(float(sys.argv[1]) * 1_000_000)
    out = sys.argv[2]
    seed = int(sys.argv[4]) if len(sys.argv) > 4 and sys.argv[3] == "--seed" else 1
    rng = random.Random(seed)
    written = 0
    with open(out, "w", encoding="utf-8") as f:
        while written < size:
            if rng.random() < 0.1:
                line = rng.choice(JUNK).format(headline=headline(rng))
            else:
                line = " ".join(sentence(rng) for _ in range(rng.randint(1, 4)))
                if rng.random() < 0.05:
                    line += "  "
            chunk = line + "\n\n"
            f.write(chunk)
            written += len(chunk.encode())


if __name__ == "__main__":
    main()
