"""sluice.datatrove.SluiceFilter in a datatrove pipeline: JsonlReader -> SluiceFilter -> JsonlWriter."""
import json

import pytest

pytest.importorskip("datatrove")

from datatrove.data import Document  # noqa: E402
from datatrove.executor import LocalPipelineExecutor  # noqa: E402
from datatrove.pipeline.readers import JsonlReader  # noqa: E402
from datatrove.pipeline.writers import JsonlWriter  # noqa: E402

import sluice  # noqa: E402
from conftest import make_texts, run_binary  # noqa: E402
from sluice.datatrove import SluiceFilter  # noqa: E402


def _write_corpus(directory, texts, files):
    directory.mkdir()
    for f in range(files):
        with open(directory / f"part-{f}.jsonl", "w", encoding="utf-8") as out:
            for i, text in enumerate(texts):
                if i % files == f:
                    out.write(json.dumps({"id": f"doc-{i}", "text": text, "source": "gen"},
                                         ensure_ascii=False) + "\n")


def _read_output(directory):
    records = {}
    for path in sorted(directory.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            records[record["id"]] = record
    return records


@pytest.mark.parametrize("drop_empty", [True, False])
def test_a_pipeline_on_several_tasks_gives_the_texts_of_sluice_jsonl(tmp_path, drop_empty):
    # datatrove's reader skips records with empty text, so every generated text has some.
    texts = [text or "Advertisement\n" for text in make_texts(600, seed=7)]
    _write_corpus(tmp_path / "in", texts, files=3)
    pipeline = [
        JsonlReader(str(tmp_path / "in"), glob_pattern="*.jsonl", compression=None),
        SluiceFilter(batch_size=64, drop_empty=drop_empty),
        JsonlWriter(str(tmp_path / "out"), output_filename="${rank}.jsonl", compression=None),
    ]
    LocalPipelineExecutor(pipeline=pipeline, tasks=3, workers=2, logging_dir=str(tmp_path / "logs"),
                          skip_completed=False).run()

    expected = run_binary(texts)
    output = _read_output(tmp_path / "out")
    wanted = {f"doc-{i}": text for i, text in enumerate(expected) if not drop_empty or text.strip()}
    # datatrove's writer leaves out empty fields: a record without "text" has text "".
    assert {key: record.get("text", "") for key, record in output.items()} == wanted
    assert all(record["metadata"]["source"] == "gen" for record in output.values())

    stats = json.loads((tmp_path / "logs" / "stats.json").read_text())
    step = next(s for s in stats if s["name"].endswith("Sluice"))["stats"]
    assert step["total"] == len(texts)
    assert step["forwarded"] == len(wanted)
    assert step["changed"] == sum(1 for a, b in zip(texts, expected) if a != b)
    if drop_empty:
        assert step["dropped_empty"] == len(texts) - len(wanted)


def test_bad_rules_fail_when_the_step_is_made():
    with pytest.raises(sluice.RuleError):
        SluiceFilter(rules="drop /(/")


def test_the_step_keeps_metadata_and_ids_of_documents():
    step = SluiceFilter(rules="drop /^Advertisement$/\n", batch_size=2)
    docs = [Document(text=f"Advertisement\nText {i}\n", id=str(i), metadata={"url": f"u{i}"}) for i in range(5)]
    out = list(step.run(iter(docs)))
    assert [(d.id, d.text, d.metadata) for d in out] == [(str(i), f"Text {i}\n", {"url": f"u{i}"}) for i in range(5)]
