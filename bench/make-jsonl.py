#!/usr/bin/env python3
"""Writes a deterministic JSON Lines corpus of news-like documents with scraper junk, for
benchmarking sluice's document modes (--jsonl, -j).

usage: make-jsonl.py DOCUMENTS OUT_FILE [--seed N]

Each record is {"id": N, "url": ..., "text": DOCUMENT, "meta": {...}}: the text field is
not first, and holds 2 to 12 paragraphs with ad labels, read-also teasers, trailing spaces,
a repeated lede now and then, curly quotes and non-ASCII text (written raw or as \\u escapes).
"""
import json
import random
import sys

WORDS = """the of and to in a is that for it as was with be by on not he this are or his
from at which but have an they you were her she there been one all we their has would
when if so no will more out up said what about its into than them can only other new some
could time these two may then do first any my now such like our over man me even most
government minister president talks ceasefire peace troops officials weekend deal market
shares prices company percent report city council police court election vote café naïve
Zürich São Paulo Kraków""".split()

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
    text = " ".join(words) + rng.choice([".", ".", ".", "?", "!"])
    if rng.random() < 0.1:
        text = "\u201c" + text + "\u201d"
    return text


def headline(rng):
    return " ".join(rng.choice(WORDS).capitalize() for _ in range(rng.randint(5, 10)))


def document(rng):
    paragraphs = []
    for _ in range(rng.randint(2, 12)):
        if rng.random() < 0.15:
            paragraphs.append(rng.choice(JUNK).format(headline=headline(rng)))
        else:
            paragraph = " ".join(sentence(rng) for _ in range(rng.randint(1, 4)))
            if rng.random() < 0.05:
                paragraph += "  "
            paragraphs.append(paragraph)
    if len(paragraphs) > 2 and rng.random() < 0.1:
        paragraphs.insert(2, paragraphs[0])
    return "\n\n".join(paragraphs) + "\n"


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    count = int(sys.argv[1])
    out = sys.argv[2]
    seed = int(sys.argv[4]) if len(sys.argv) > 4 and sys.argv[3] == "--seed" else 1
    rng = random.Random(seed)
    with open(out, "w", encoding="utf-8") as f:
        for number in range(count):
            record = {
                "id": number,
                "url": f"https://example.com/news/{number}",
                "text": document(rng),
                "meta": {"lang": "en", "score": round(rng.random(), 4), "big": 12345678901234567890},
            }
            f.write(json.dumps(record, ensure_ascii=rng.random() < 0.5) + "\n")


if __name__ == "__main__":
    main()
