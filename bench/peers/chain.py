#!/usr/bin/env python3
"""Full-chain peer in Python, the steps of Rules/default.rules done simply: the drops of
chain.sed (same seven simplified patterns), trailing white space, repeated paragraphs
(normalized text, 20 characters or more, one hash per paragraph), a stray-quote fix (as
quotes.pl) and blank-line squeezing. No lede dedupe beyond exact repeats.

usage: chain.py [--doc-separator REGEX] [FILE]
A line matching --doc-separator ends a document (it is kept); each document has its own
set of seen paragraphs.
"""
import re
import sys
import unicodedata

B = r"[ \t]"
DROPS = [
    rf"^{B}*(advertisement|advertisment|advert|ads?|sponsored({B}+content)?|anzeige|werbung){B}*([-:|]{B}*(scroll({B}+down)?{B}+to{B}+continue({B}+reading)?|continue{B}+reading))?{B}*[.:]?{B}*$",
    rf"^{B}*(read|see){B}+(also|more){B}*([|:>]|-{B}|$)",
    rf"^{B}*(also{B}+(read|see)|related({B}+(articles?|stories|coverage|content|links?|news))?|more{B}+(stories|articles|news)|trending({B}+now)?|most{B}+(popular|read|viewed)){B}*([|:>]|-+|$)",
    rf"^{B}*((share|shares|tweet|email|print|facebook|twitter|linkedin|whatsapp|pinterest|reddit|comments?|[0-9]+){B}*[:|,]?{B}*){{1,8}}$",
    rf"^{B}*(subscribe|sign{B}+up|sign{B}+in|log{B}+in|register|newsletter|already{B}+a{B}+subscriber\??){B}*[.!:]?{B}*$",
    rf"^{B}*((©|\(c\)|copyright{B}*(©|[0-9]{{4}})){B}*.{{0,80}}|all{B}+rights{B}+reserved\.?){B}*$",
    rf"^{B}*(https?://|www\.)\S+{B}*$",
]
DROP = re.compile("|".join(f"(?:{d})" for d in DROPS), re.I)
PUNCT = re.compile(r"[^\w\s]")
DIGIT = re.compile(r"\d")
STRAY_STRAIGHT = re.compile(r'(.*)"', re.S)
STRAY_OPEN = re.compile("(.*)\u201c", re.S)
EDGE_SPACES = re.compile(r"^ +| +$", re.M)


def normalize(text):
    text = text.lower()
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return " ".join(PUNCT.sub("", DIGIT.sub("0", text)).split())


def fix_quotes(paragraph):
    straight = paragraph.count('"')
    if straight % 2:
        paragraph = STRAY_STRAIGHT.sub(r"\1", paragraph, count=1)
    opened, closed = paragraph.count("\u201c"), paragraph.count("\u201d")
    if opened > closed:
        paragraph = STRAY_OPEN.sub(r"\1", paragraph, count=1)
    elif closed > opened:
        paragraph = paragraph.replace("\u201d", "", 1)
    if straight % 2 or opened != closed:
        paragraph = EDGE_SPACES.sub("", paragraph)
    return paragraph


def clean_lines(lines, separator=None):
    """Yields the cleaned text of an iterable of lines (each with its line end)."""
    seen = set()
    paragraph = []
    first = True

    def flush():
        nonlocal first
        text = "".join(paragraph)
        paragraph.clear()
        key = normalize(text)
        if len(key) >= 20:
            digest = hash(key)
            if digest in seen:
                return None
            seen.add(digest)
        text = fix_quotes(text)
        if first:
            first = False
            return text
        return "\n" + text

    match = DROP.match
    for line in lines:
        if match(line):
            continue
        line = line.rstrip(" \t\r\n") + "\n"
        if line == "\n":
            if paragraph:
                out = flush()
                if out:
                    yield out
            continue
        if separator and separator.match(line):
            if paragraph:
                out = flush()
                if out:
                    yield out
            yield line
            seen.clear()
            first = True
            continue
        paragraph.append(line)
    if paragraph:
        out = flush()
        if out:
            yield out


def main():
    args = sys.argv[1:]
    separator = None
    if args[:1] == ["--doc-separator"]:
        separator = re.compile(args[1])
        args = args[2:]
    source = open(args[0], encoding="utf-8", errors="surrogateescape") if args else sys.stdin
    out = open(sys.stdout.fileno(), "w", encoding="utf-8", errors="surrogateescape", closefd=False)
    write = out.write
    for chunk in clean_lines(source, separator):
        write(chunk)
    out.flush()


if __name__ == "__main__":
    main()
