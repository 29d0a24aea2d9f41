"""Shared helpers: the tests run against the installed package (the wheel's binary)."""
import json
import random
import subprocess

import pytest

import sluice


def run_binary(records, *arguments):
    """The binary itself on JSON Lines records: the reference clean_many must equal."""
    data = "".join(json.dumps({"text": t}, ensure_ascii=False) + "\n" for t in records)
    result = subprocess.run([sluice.binary_path(), "--jsonl", *arguments], input=data.encode("utf-8"),
                            capture_output=True, check=True)
    return [json.loads(line)["text"] for line in result.stdout.split(b"\n") if line]


JUNK = ["Advertisement", "Read also| The mayor resigns", "Share this article", "Sponsored",
        "  ", "", "Subscribe to our newsletter", "“Stray quote"]
PROSE = ["The council met on Monday to discuss the budget.",
         "Advertisement revenue rose 4% in May.", "Zürich: the tram strike ended — finally.",
         "„Wir sind zufrieden“, sagte sie.", "Prices fell.   ", "日本語の文章です。"]


def make_texts(count, seed):
    """Seeded news-like texts with junk lines, repeats, blank lines and no final newline."""
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        lines = [rng.choice(JUNK + PROSE + PROSE) for _ in range(rng.randint(0, 12))]
        if lines and rng.random() < 0.2:
            lines += lines[:2]
        text = rng.choice(["\n", "\n\n"]).join(lines)
        texts.append(text + rng.choice(["", "\n"]))
    return texts


@pytest.fixture
def texts():
    return make_texts(300, seed=18)
