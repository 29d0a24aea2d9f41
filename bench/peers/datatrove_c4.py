#!/usr/bin/env python3
"""JSONL peer: datatrove's C4 line filter on one task and one worker.

usage: datatrove_c4.py IN.jsonl OUT_DIR

Runs JsonlReader -> C4QualityFilter -> JsonlWriter with datatrove's LocalPipelineExecutor
(tasks=1, workers=1) on the records of IN.jsonl (their `text` field), writes the kept
records, uncompressed, to OUT_DIR/00000.jsonl (datatrove's logs go to OUT_DIR/logs), and
prints the documents read, the seconds the pipeline took and documents per second, as
one line on standard output. Needs the bench venv (bench/run makes it: bench/out/venv).

The filter's settings make it as close to line cleaning as C4 allows, so that it does the
kind of work sluice does on each record, not a document verdict:
- line filters kept: lines of fewer than 3 words (drops ad labels such as "Advertisement",
  "Sponsored" and blank lines), lines mentioning "javascript", lines with cookie and
  terms-of-use phrases (`filter_policy`), lines with a word over 1000 characters, and
  Wikipedia citation marks cut out of lines (`remove_citations`);
- switched off: `filter_no_terminal_punct` (it would drop every headline, list item and
  caption, which a line cleaner must keep), and the three document verdicts
  (`filter_lorem_ipsum`, `filter_curly_bracket`, `min_num_sentences=-1`) that drop whole
  records instead of cleaning them. `min_num_sentences=-1` also means no sentence
  splitting, so no NLTK data and no network are needed at run time.
`split_paragraph=True` (the default) takes each line of the text as a unit, as sluice does.
"""
import os
import sys
import time

from datatrove.executor import LocalPipelineExecutor
from datatrove.pipeline.filters import C4QualityFilter
from datatrove.pipeline.readers import JsonlReader
from datatrove.pipeline.writers import JsonlWriter


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__.split("\n\n")[1])
    source, out_dir = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    pipeline = [
        JsonlReader(os.path.dirname(source), glob_pattern=os.path.basename(source), recursive=False,
                    compression=None, text_key="text", id_key="id"),
        C4QualityFilter(
            split_paragraph=True,
            remove_citations=True,
            filter_no_terminal_punct=False,
            min_num_sentences=-1,
            min_words_per_line=3,
            max_word_length=1000,
            filter_lorem_ipsum=False,
            filter_javascript=True,
            filter_curly_bracket=False,
            filter_policy=True,
        ),
        JsonlWriter(out_dir, output_filename="${rank}.jsonl", compression=None),
    ]
    executor = LocalPipelineExecutor(pipeline=pipeline, tasks=1, workers=1,
                                     logging_dir=os.path.join(out_dir, "logs"), skip_completed=False)
    start = time.perf_counter()
    executor.run()
    seconds = time.perf_counter() - start
    with open(source, "rb") as f:
        documents = sum(1 for _ in f)
    print(f"datatrove C4QualityFilter: {documents} documents in {seconds:.3f} s, "
          f"{documents / seconds:.0f} documents/s (pipeline only, after imports)")


if __name__ == "__main__":
    main()
