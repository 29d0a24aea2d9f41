"""sluice.Cleaner: rules, clean, clean_many, explain, statistics and errors."""
import os
import subprocess

import pytest

import sluice
from conftest import make_texts, run_binary

RULES = "drop /^Advertisement$/ as ad-label\nreplace /\\h+$//\nsqueeze blank-lines\n"


def test_the_installed_package_carries_the_binary():
    path = sluice.binary_path()
    assert path.endswith(os.path.join("sluice", "bin", "sluice"))
    assert "site-packages" in path, "the tests must run the wheel's binary, not a checkout's"


def test_the_packed_binary_needs_no_swift_libraries():
    ldd = subprocess.run(["ldd", sluice.binary_path()], capture_output=True, text=True, check=True).stdout
    assert "libswift" not in ldd and "libFoundation" not in ldd, ldd


def test_it_runs_without_swift_on_the_library_path():
    env = {"PATH": "/usr/bin:/bin", "LD_LIBRARY_PATH": ""}
    result = subprocess.run([sluice.binary_path(), "--version"], env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_clean_with_rule_text():
    with sluice.Cleaner(rules=RULES) as cleaner:
        assert cleaner.clean("Advertisement\nThe council met.   \n\n\n\nIt voted.\n") == \
            "The council met.\n\nIt voted.\n"


def test_default_rules_drop_an_ad_label_and_keep_a_sentence_with_the_word():
    with sluice.Cleaner() as cleaner:
        assert cleaner.clean("Advertisement\nAdvertisement revenue rose 4% in May.\n") == \
            "Advertisement revenue rose 4% in May.\n"


def test_rules_from_a_path_and_from_a_list_of_paths_apply_in_order(tmp_path):
    first, second = tmp_path / "a.rules", tmp_path / "b.rules"
    first.write_text("replace /cat/dog/\n")
    second.write_text("replace /dog/bird/\n")
    with sluice.Cleaner(rules=str(first)) as cleaner:
        assert cleaner.clean("cat\n") == "dog\n"
    with sluice.Cleaner(rules=[first, second]) as cleaner:
        assert cleaner.clean("cat\n") == "bird\n"


def test_a_missing_rule_file_is_reported(tmp_path):
    with pytest.raises(FileNotFoundError):
        sluice.Cleaner(rules=[tmp_path / "nope.rules"])


def test_bad_rule_text_raises_rule_error_with_its_location():
    with pytest.raises(sluice.RuleError) as caught:
        sluice.Cleaner(rules="drop /^ok$/\ndrop /(/\nbogus /x/\n")
    error = caught.value
    assert (error.file, error.line, error.column) == ("<rules>", 2, 8)
    assert error.message == "missing closing parenthesis"
    assert [d[:3] for d in error.diagnostics] == [("<rules>", 2, 8), ("<rules>", 3, 1)]
    assert "unknown action 'bogus'" in error.diagnostics[1][3]


def test_a_bad_rule_file_is_named_in_the_error(tmp_path):
    path = tmp_path / "site.rules"
    path.write_text("# comment\n\nreplace /x\n")
    with pytest.raises(sluice.RuleError) as caught:
        sluice.Cleaner(rules=str(path))
    assert caught.value.file == str(path) and caught.value.line == 3


def test_bad_arguments_are_rejected():
    with pytest.raises(ValueError):
        sluice.Cleaner(paragraphs="sentences")
    with pytest.raises(ValueError):
        sluice.Cleaner(jobs=0)
    with pytest.raises(TypeError):
        sluice.Cleaner(rules=42)


def test_clean_many_keeps_order_and_count(texts):
    with sluice.Cleaner(rules=RULES) as cleaner:
        cleaned = list(cleaner.clean_many(texts))
        one_by_one = [cleaner.clean(text) for text in texts[:20]]
    assert len(cleaned) == len(texts)
    assert cleaned[:20] == one_by_one


@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize("paragraphs", ["auto", "blank-line", "line"])
def test_clean_many_equals_the_binary_on_the_same_records(seed, paragraphs):
    texts = make_texts(200, seed)
    with sluice.Cleaner(paragraphs=paragraphs, jobs=2) as cleaner:
        assert list(cleaner.clean_many(texts)) == run_binary(texts, f"--paragraphs={paragraphs}", "--jobs=1")


def test_clean_many_streams_a_generator_bigger_than_the_pipes():
    # 20,000 texts of 2 KiB (40 MB) through one process: the writer thread and the
    # reading caller must not deadlock, and results come while input is still being made.
    made = [0]

    def generate():
        for i in range(20000):
            made[0] += 1
            yield f"Advertisement\nLine {i} " + "x" * 2000 + "\n"

    with sluice.Cleaner(rules=RULES) as cleaner:
        stream = cleaner.clean_many(generate())
        assert next(stream).startswith("Line 0 ")
        assert made[0] < 20000, "the first result came only after the whole input was made"
        count = 1
        for i, text in enumerate(stream, start=1):
            assert text.startswith(f"Line {i} ")
            count += 1
    assert count == 20000


def test_stopping_early_ends_the_process():
    with sluice.Cleaner() as cleaner:
        stream = cleaner.clean_many(f"text {i}\n" for i in range(100000))
        assert next(stream) == "text 0\n"
        stream.close()


def test_empty_input_gives_nothing_and_statistics():
    with sluice.Cleaner() as cleaner:
        assert list(cleaner.clean_many([])) == []
        assert cleaner.last_stats["documents"] == 0


def test_statistics_of_a_run():
    with sluice.Cleaner(rules=RULES) as cleaner:
        stats = cleaner.stats(["Advertisement\nA\n", "Advertisement\nB   \n"])
    assert stats["documents"] == 2
    ad = next(step for step in stats["steps"] if step["name"] == "ad-label")
    assert ad["linesRemoved"] == 2 and ad["location"] == "<rules>:1:1"
    trim = next(step for step in stats["steps"] if step["keyword"] == "replace")
    assert trim["linesChanged"] == 1


def test_explain_names_the_rules():
    with sluice.Cleaner(rules=RULES) as cleaner:
        changes = cleaner.explain("Advertisement\nThe council met.   \n")
    assert changes == [
        sluice.Change("removed", "ad-label", "Advertisement", None),
        sluice.Change("changed", "<rules>:2 replace", "The council met.   ", "The council met."),
    ]


def test_explain_of_clean_text_is_empty():
    with sluice.Cleaner(rules=RULES) as cleaner:
        assert cleaner.explain("Nothing to do here.\n") == []


def test_unicode_and_json_specials_round_trip():
    text = 'Quote " backslash \\ tab \t NUL \x00 line\u2028sep é 日本 😀\n'
    with sluice.Cleaner(rules=RULES) as cleaner:
        assert cleaner.clean(text) == text


def test_a_lone_surrogate_raises_input_error_naming_the_text():
    bad = b"caf\xe9\n".decode("utf-8", "surrogateescape")
    with sluice.Cleaner() as cleaner:
        with pytest.raises(sluice.InputError) as caught:
            list(cleaner.clean_many(["fine\n", bad, "never reached\n"]))
        assert caught.value.index == 1 and "character 3" in str(caught.value)
        with pytest.raises(sluice.InputError):
            cleaner.explain(bad)


def test_a_text_that_is_not_a_str_raises_input_error():
    with sluice.Cleaner() as cleaner:
        with pytest.raises(sluice.InputError) as caught:
            list(cleaner.clean_many(["ok", b"bytes"]))
        assert caught.value.index == 1


def _fake_binary(tmp_path, script):
    path = tmp_path / "fake-sluice"
    path.write_text("#!/bin/sh\n" + script)
    path.chmod(0o755)
    return str(path)


def test_a_killed_process_raises_process_error(tmp_path):
    binary = _fake_binary(tmp_path, "head -n 2\nkill -9 $$\n")
    with sluice.Cleaner(binary=binary) as cleaner:
        with pytest.raises(sluice.ProcessError) as caught:
            list(cleaner.clean_many(f"text {i}" for i in range(100000)))
    assert caught.value.returncode == -9 and "signal 9" in str(caught.value)


def test_the_real_binary_killed_mid_stream_raises_process_error():
    with sluice.Cleaner() as cleaner:
        def texts():
            for i in range(1000000):
                if i == 50000:
                    _kill_child_sluice()
                yield f"text {i}\n"

        with pytest.raises(sluice.ProcessError) as caught:
            for _ in cleaner.clean_many(texts()):
                pass
    assert caught.value.returncode == -9


def _kill_child_sluice():
    me = str(os.getpid())
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                command = f.read().split(b"\0")
        except OSError:
            continue
        if fields[1] == me and b"--jsonl" in command:
            os.kill(int(pid), 9)
            return
    raise AssertionError("no sluice child process found")


def test_a_process_returning_fewer_records_raises_process_error(tmp_path):
    binary = _fake_binary(tmp_path, "head -n 1\n")
    with sluice.Cleaner(binary=binary) as cleaner:
        with pytest.raises(sluice.ProcessError) as caught:
            list(cleaner.clean_many(["a", "b", "c"]))
    assert "returned 1 texts for 3" in str(caught.value)


def test_a_failing_process_raises_process_error_with_its_message(tmp_path):
    binary = _fake_binary(tmp_path, "cat >/dev/null\necho 'sluice: error: disk full' >&2\nexit 1\n")
    with sluice.Cleaner(binary=binary) as cleaner:
        with pytest.raises(sluice.ProcessError) as caught:
            list(cleaner.clean_many(["a"]))
    assert caught.value.returncode == 1 and "disk full" in caught.value.stderr


def test_without_orjson_the_standard_json_module_gives_the_same(monkeypatch):
    from sluice import _cleaner
    monkeypatch.setattr(_cleaner, "_encode", _cleaner._encode_json)
    monkeypatch.setattr(_cleaner, "_decode", _cleaner._decode_json)
    texts = make_texts(200, seed=3) + ['Quote " \\ \x00 \u2028 😀\n']
    bad = b"caf\xe9\n".decode("utf-8", "surrogateescape")
    with sluice.Cleaner() as cleaner:
        assert list(cleaner.clean_many(texts)) == run_binary(texts)
        with pytest.raises(sluice.InputError):
            list(cleaner.clean_many([bad]))
