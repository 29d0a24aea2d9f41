#!/usr/bin/env python3
"""Writes a deterministic corpus of news-like text with scraper junk, for benchmarks.

usage: make-corpus.py SIZE_MB OUT_FILE [--seed N] [--format plain|docs|jsonl]
                      [--separator LINE]

Paragraphs are sentences of common English words; about 10% of lines are junk of the
kinds the default rules remove (ad labels, read-also teasers, trailing spaces).

--format plain (the default): one paragraph per line, paragraphs separated by a blank
    line, as one long document. The same seed always gives the same bytes, and a smaller
    SIZE_MB gives a prefix of a larger one.
--format docs: the same paragraphs grouped into documents of 3 to 30 paragraphs, each
    document followed by a separator line (--separator, default '=== document ===', for
    `sluice --doc-separator '^=== .* ===$'`) and a blank line. Document mode also puts in
    what the document steps remove: a lede repeated as the third paragraph (10% of
    documents), a stray opening quote (3% of paragraphs) and a few curly-quoted
    sentences (2% of paragraphs, kept: they are pairs).
--format jsonl: the documents of --format docs, one JSON object a line:
    {"id": N, "url": "...", "text": DOCUMENT, "meta": {...}}, the text field not first;
    half the records escape non-ASCII as \\uXXXX, half write it raw.

SIZE_MB counts the bytes written (10^6 bytes per MB), in every format.
"""
import argparse
import json
import random

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


def paragraphs(rng):
    """The endless paragraph stream (one line each) that every format is made of."""
    while True:
        if rng.random() < 0.1:
            line = rng.choice(JUNK).format(headline=headline(rng))
        else:
            line = " ".join(sentence(rng) for _ in range(rng.randint(1, 4)))
            if rng.random() < 0.05:
                line += "  "
        yield line


def documents(rng, drng):
    """Groups the paragraph stream into documents (lists of paragraphs). The grouping and
    the document-mode extras draw on their own generator `drng`, so the paragraphs
    themselves are those of the plain corpus."""
    stream = paragraphs(rng)
    while True:
        doc = []
        for _ in range(drng.randint(3, 30)):
            paragraph = next(stream)
            roll = drng.random()
            if roll < 0.03 and paragraph[:1].isalpha():
                paragraph = '"' + paragraph  # a quote the scraper left open
            elif roll < 0.05 and paragraph.endswith("."):
                paragraph = "\u201c" + paragraph + "\u201d said one of the officials."
            doc.append(paragraph)
        if drng.random() < 0.1:
            doc.insert(2, doc[0])  # the lede printed twice
        yield doc


def write_plain(f, size, rng):
    written = 0
    for line in paragraphs(rng):
        if written >= size:
            break
        chunk = line + "\n\n"
        f.write(chunk)
        written += len(chunk.encode())


def write_docs(f, size, rng, drng, separator):
    written = 0
    for doc in documents(rng, drng):
        if written >= size:
            break
        chunk = "".join(p + "\n\n" for p in doc) + separator + "\n\n"
        f.write(chunk)
        written += len(chunk.encode())


def write_jsonl(f, size, rng, drng):
    written = 0
    for number, doc in enumerate(documents(rng, drng)):
        if written >= size:
            break
        record = {
            "id": number,
            "url": f"https://example.com/news/{number}",
            "text": "\n\n".join(doc) + "\n",
            "meta": {"lang": "en", "score": round(drng.random(), 4)},
        }
        chunk = json.dumps(record, ensure_ascii=number % 2 == 0) + "\n"
        f.write(chunk)
        written += len(chunk.encode())


def main():
    parser = argparse.ArgumentParser(usage=__doc__.split("\n\n")[1].removeprefix("usage: "))
    parser.add_argument("size_mb", type=float)
    parser.add_argument("out")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--format", choices=["plain", "docs", "jsonl"], default="plain")
    parser.add_argument("--separator", default="=== document ===")
    args = parser.parse_args()
    size = int(args.size_mb * 1_000_000)
    rng = random.Random(args.seed)
    drng = random.Random(f"documents-{args.seed}")
    with open(args.out, "w", encoding="utf-8") as f:
        if args.format == "plain":
            write_plain(f, size, rng)
        elif args.format == "docs":
            write_docs(f, size, rng, drng, args.separator)
        else:
            write_jsonl(f, size, rng, drng)


if __name__ == "__main__":
    main()
