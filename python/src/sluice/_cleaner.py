"""Cleaner: compiles rules once and streams texts through the sluice binary."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
import threading
from dataclasses import dataclass
from typing import Any, Dict, Iterable, Iterator, List, Optional, Sequence, Union

try:  # orjson, when installed (the datatrove extra brings it), makes the JSON round trip ~3x cheaper
    import orjson
except ImportError:  # pragma: no cover - depends on the environment
    orjson = None

__all__ = [
    "Cleaner", "Change", "SluiceError", "RuleError", "InputError", "ProcessError", "binary_path",
]

RulesArg = Union[None, str, "os.PathLike[str]", Sequence[Union[str, "os.PathLike[str]"]]]

_DIAGNOSTIC = re.compile(r"^(?P<file>.+?):(?P<line>\d+):(?P<column>\d+): error: (?P<message>.*)$")
_EXPLAIN = re.compile(r"^(?P<kind>[-~]) \[(?P<rule>[^\]]*)\] ?(?P<text>.*)$")
_RULE_TEXT_NAME = "<rules>"


class SluiceError(Exception):
    """Base class of every error this package raises."""


class RuleError(SluiceError):
    """A rule file or rule text that does not parse or compile.

    `file`, `line` and `column` (1-based) locate the first error, `message` is sluice's
    message for it, and `diagnostics` holds every error sluice reported, as
    (file, line, column, message) tuples. Rule text given inline is named `<rules>`.
    """

    def __init__(self, file: str, line: int, column: int, message: str,
                 diagnostics: List[tuple], output: str) -> None:
        super().__init__(f"{file}:{line}:{column}: {message}")
        self.file, self.line, self.column, self.message = file, line, column, message
        self.diagnostics = diagnostics
        self.output = output


class InputError(SluiceError, ValueError):
    """A text that cannot be cleaned: not a str, or not encodable as UTF-8.

    `index` is the position of the text in the input (0 for `clean`).
    """

    def __init__(self, index: int, message: str) -> None:
        super().__init__(f"text {index}: {message}")
        self.index = index


class ProcessError(SluiceError):
    """The sluice process failed, was killed, or returned fewer records than it was given.

    `returncode` is the exit status (negative: killed by that signal), `stderr` what it
    printed.
    """

    def __init__(self, message: str, returncode: Optional[int], stderr: str) -> None:
        super().__init__(message + (f"\n{stderr.strip()}" if stderr.strip() else ""))
        self.returncode = returncode
        self.stderr = stderr


@dataclass(frozen=True)
class Change:
    """One line a rule removed (`kind == "removed"`, `after` is None) or changed."""

    kind: str
    rule: str
    before: str
    after: Optional[str]


def binary_path() -> str:
    """The sluice binary used: $SLUICE_BINARY if set, else the one packed in this package."""
    override = os.environ.get("SLUICE_BINARY")
    if override:
        return override
    packed = os.path.join(os.path.dirname(os.path.abspath(__file__)), "bin", "sluice")
    if not os.path.isfile(packed):
        raise SluiceError(
            f"no sluice binary at {packed}: this package was installed without one "
            "(build the wheel with scripts/build-wheel, or set SLUICE_BINARY)")
    return packed


def _rule_files(rules: RulesArg, workdir: str) -> List[str]:
    """The rule files for `rules`: a path, several paths, or rule text (written to a file)."""
    if rules is None:
        return []
    if isinstance(rules, (list, tuple)):
        paths = [os.fspath(r) for r in rules]
    elif isinstance(rules, os.PathLike):
        paths = [os.fspath(rules)]
    elif isinstance(rules, str):
        if "\n" not in rules and os.path.isfile(rules):
            paths = [rules]
        else:
            path = os.path.join(workdir, "rules.rules")
            with open(path, "w", encoding="utf-8") as f:
                f.write(rules if rules.endswith("\n") else rules + "\n")
            return [path]
    else:
        raise TypeError(f"rules must be None, a path, a list of paths or rule text, not {type(rules).__name__}")
    for path in paths:
        if not os.path.isfile(path):
            raise FileNotFoundError(f"no rule file {path!r}")
    return paths


class Cleaner:
    """Cleans texts with sluice rules, compiled and checked once.

    `rules` is None (sluice's built-in default rules), a rule file path, a list of rule
    file paths (applied in order), or rule text. Bad rules raise `RuleError` here, not at
    the first text. `paragraphs` is "auto", "blank-line" or "line" (`--paragraphs`);
    `jobs` the threads sluice cleans on (`-j`, default: every core).

    Each `clean_many` call runs one `sluice --jsonl` process for all its texts; `clean`
    is `clean_many` of one text. Use as a context manager, or call `close()`, to remove
    the temporary rule file made for rule text.
    """

    def __init__(self, rules: RulesArg = None, paragraphs: str = "auto", jobs: Optional[int] = None,
                 binary: Optional[str] = None) -> None:
        if paragraphs not in ("auto", "blank-line", "line"):
            raise ValueError(f"paragraphs must be 'auto', 'blank-line' or 'line', not {paragraphs!r}")
        if jobs is not None and (not isinstance(jobs, int) or jobs < 1):
            raise ValueError(f"jobs must be a positive int, not {jobs!r}")
        self.binary = binary or binary_path()
        self.paragraphs = paragraphs
        self.jobs = jobs
        self.last_stats: Optional[Dict[str, Any]] = None
        self._workdir = tempfile.mkdtemp(prefix="sluice-")
        try:
            self._rule_files = _rule_files(rules, self._workdir)
            self._check()
        except BaseException:
            self.close()
            raise

    # -- lifecycle ------------------------------------------------------------------------

    def close(self) -> None:
        """Removes the temporary files of this cleaner."""
        if self._workdir:
            shutil.rmtree(self._workdir, ignore_errors=True)
            self._workdir = ""

    def __enter__(self) -> "Cleaner":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- rules ----------------------------------------------------------------------------

    def _display(self, text: str) -> str:
        """`text` with the temporary rule file of rule text named `<rules>`."""
        if self._workdir:
            return text.replace(os.path.join(self._workdir, "rules.rules"), _RULE_TEXT_NAME)
        return text

    def _check(self) -> None:
        """Runs `sluice check` on the rule files; raises RuleError on any error."""
        if not self._rule_files:
            return
        result = subprocess.run([self.binary, "check", *self._rule_files],
                                stdin=subprocess.DEVNULL, capture_output=True)
        if result.returncode == 0:
            return
        output = (result.stdout + result.stderr).decode("utf-8", "replace")
        diagnostics = []
        for line in output.splitlines():
            match = _DIAGNOSTIC.match(line)
            if match:
                diagnostics.append((self._display(match["file"]), int(match["line"]),
                                    int(match["column"]), match["message"]))
        if not diagnostics:
            raise ProcessError(f"sluice check failed with status {result.returncode}",
                               result.returncode, output)
        raise RuleError(*diagnostics[0], diagnostics=diagnostics, output=output)

    def _arguments(self) -> List[str]:
        arguments = [f"--paragraphs={self.paragraphs}"]
        for path in self._rule_files:
            arguments += ["-r", path]
        return arguments

    # -- cleaning -------------------------------------------------------------------------

    def clean(self, text: str) -> str:
        """The cleaned text of one document."""
        return next(iter(self.clean_many([text])))

    def clean_many(self, texts: Iterable[str]) -> Iterator[str]:
        """The cleaned texts, one per input text, in order, streamed.

        One `sluice --jsonl` process cleans them all: a writer thread feeds it while the
        caller reads the results, so memory stays bounded by the pipes and sluice's window,
        whatever the number of texts. A text that is not a str or not valid UTF-8 (a lone
        surrogate) raises `InputError`; a failing or killed process raises `ProcessError`.
        The run's statistics are in `last_stats` once the iterator is exhausted.
        """
        command = [self.binary, "--jsonl", "--on-error=fail", "--stats=json", *self._arguments()]
        if self.jobs is not None:
            command.append(f"--jobs={self.jobs}")
        process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, bufsize=1 << 16)
        stderr_chunks: List[bytes] = []
        written = [0]
        failure: List[BaseException] = []

        def write() -> None:
            stdin = process.stdin
            try:
                batch: List[bytes] = []
                size = 0
                for index, text in enumerate(texts):
                    if not isinstance(text, str):
                        raise InputError(index, f"expected str, got {type(text).__name__}")
                    try:
                        record = _encode(text)
                    except (UnicodeEncodeError, TypeError):
                        raise _not_utf8(index, text) from None
                    batch.append(record)
                    size += len(record)
                    written[0] = index + 1
                    if size >= 1 << 16:
                        stdin.write(b"".join(batch))
                        batch, size = [], 0
                if batch:
                    stdin.write(b"".join(batch))
            except (BrokenPipeError, ValueError, OSError) as error:
                if not isinstance(error, InputError) and process.poll() is not None:
                    return  # the process ended: its status tells why
                failure.append(error)
                process.kill()
            except BaseException as error:
                failure.append(error)
                process.kill()
            finally:
                try:
                    stdin.close()
                except OSError:
                    pass

        def drain_stderr() -> None:
            for chunk in iter(lambda: process.stderr.read(1 << 16), b""):
                stderr_chunks.append(chunk)

        writer = threading.Thread(target=write, name="sluice-writer", daemon=True)
        reader = threading.Thread(target=drain_stderr, name="sluice-stderr", daemon=True)
        writer.start()
        reader.start()
        read = 0
        finished = False
        try:
            for line in process.stdout:
                yield _decode(line)
                read += 1
            finished = True
        finally:
            if not finished:
                process.kill()
            process.stdout.close()
            writer.join()
            returncode = process.wait()
            reader.join()
            process.stderr.close()
        stderr = b"".join(stderr_chunks).decode("utf-8", "replace")
        if failure:
            raise failure[0]
        if returncode != 0:
            if returncode < 0:
                raise ProcessError(f"sluice was killed by signal {-returncode} after {read} of the texts",
                                   returncode, stderr)
            raise ProcessError(f"sluice failed with status {returncode} after {read} of the texts",
                               returncode, stderr)
        if read != written[0]:
            raise ProcessError(f"sluice returned {read} texts for {written[0]}", returncode, stderr)
        self.last_stats = _stats(self._display(stderr))

    def stats(self, texts: Iterable[str]) -> Dict[str, Any]:
        """Cleans `texts`, discarding the results, and returns the run's statistics."""
        for _ in self.clean_many(texts):
            pass
        assert self.last_stats is not None
        return self.last_stats

    def explain(self, text: str) -> List[Change]:
        """The lines of `text` a rule removed or changed, in order, with the rule's name."""
        if not isinstance(text, str):
            raise InputError(0, f"expected str, got {type(text).__name__}")
        try:
            data = text.encode("utf-8")
        except UnicodeEncodeError:
            raise _not_utf8(0, text) from None
        result = subprocess.run([self.binary, "--explain", *self._arguments()], input=data,
                                capture_output=True, env={**os.environ, "NO_COLOR": "1"})
        stderr = result.stderr.decode("utf-8", "replace")
        if result.returncode != 0:
            raise ProcessError(f"sluice --explain failed with status {result.returncode}",
                               result.returncode, stderr)
        changes = []
        for line in result.stdout.decode("utf-8", "replace").split("\n"):
            match = _EXPLAIN.match(line)
            if not match:
                continue
            if match["kind"] == "-":
                changes.append(Change("removed", self._display(match["rule"]), match["text"], None))
            else:
                before, _, after = match["text"].partition(" → ")
                changes.append(Change("changed", self._display(match["rule"]), before, after))
        return changes


def _encode_json(text: str) -> bytes:
    return ('{"text":' + json.dumps(text, ensure_ascii=False) + "}\n").encode("utf-8")


def _decode_json(line: bytes) -> str:
    return json.loads(line)["text"]


if orjson is not None:
    def _encode(text: str) -> bytes:
        """The JSON Lines record for `text` (orjson rejects lone surrogates with a TypeError)."""
        return orjson.dumps({"text": text}) + b"\n"

    def _decode(line: bytes) -> str:
        """The text of a record sluice wrote."""
        return orjson.loads(line)["text"]
else:
    _encode, _decode = _encode_json, _decode_json


def _not_utf8(index: int, text: str) -> InputError:
    """The error for a text holding a lone surrogate (e.g. bytes decoded with surrogateescape)."""
    try:
        text.encode("utf-8")
        position = -1
    except UnicodeEncodeError as error:
        position = error.start
    return InputError(index, f"not valid UTF-8: a lone surrogate at character {position} "
                             "(was it decoded from bytes with errors='surrogateescape'?)")


def _stats(stderr: str) -> Optional[Dict[str, Any]]:
    """The `--stats=json` object sluice printed last on stderr."""
    for line in reversed(stderr.splitlines()):
        if line.startswith('{"steps"'):
            return json.loads(line)
    return None
