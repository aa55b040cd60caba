"""The batch layer: one item never sinks a batch, atomic output always (errors, SIGTERM), output path policy."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from presslens.article import Article, Report
from presslens.batch import guarded_inputs, item_error, run_batch
from presslens.cli import main
from presslens.ingest import InputError
from presslens.ingest.normalize import article_from_text
from presslens.pipeline import Pipeline, PipelineConfig
from presslens.report import validate_batch_item
from presslens.sinks import FORMATS, JsonlSink, ReportSink, file_sink

GOOD_1 = {"id": "g1", "text": "Border queues\n\nMore than 260,000 men have left, officials said."}
GOOD_2 = {"id": "g2", "text": "Second\n\nAbout 40,000 people fled the town."}
LONE_SURROGATE = {"id": "bad", "text": "Title\n\nAbout 200 men \ud800 left the city."}


def _corpus(path: Path, *records: dict[str, Any]) -> Path:
    # json.dumps escapes the lone surrogate as \\ud800, as a hostile corpus would carry it
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def _figures() -> Pipeline:
    return Pipeline(PipelineConfig(only=("figures",))).load()


def _no_temp_files(folder: Path) -> bool:
    return not [p for p in folder.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize("fmt", FORMATS)
def test_report_that_cannot_be_serialised_is_an_error_row_and_the_batch_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    # the readers replace lone surrogates (tests/test_hostile_input.py); switched off here, one reaches the writer
    import presslens.ingest.corpus as corpus_reader
    import presslens.ingest.normalize as normalize

    for module in (corpus_reader, normalize):
        monkeypatch.setattr(module, "replace_lone_surrogates", lambda text: (text, 0))
    corpus = _corpus(tmp_path / "c.jsonl", GOOD_1, LONE_SURROGATE, GOOD_2)
    out = tmp_path / f"out.{fmt}"
    rc = main(["analyze", str(corpus), "--only", "figures", "-f", fmt, "-o", str(out), "--no-progress"])
    err = capsys.readouterr().err
    assert rc == 1
    assert err.count("presslens: error:") == 1 and f"{corpus}:2: report could not be written" in err
    text = out.read_text(encoding="utf-8")
    assert "260,000" in text and "40,000" in text  # both good reports are written
    if fmt == "jsonl":
        items = [json.loads(line) for line in text.splitlines()]
        assert [("error" in i) for i in items] == [False, True, False]
        assert items[1]["error"]["origin"] == str(corpus) and items[1]["error"]["line"] == 2
        for item in items:
            validate_batch_item(item)
    assert _no_temp_files(tmp_path)


class _RaisingOn:
    """Wraps an analyzer so that it raises on articles whose text contains a marker."""

    def __init__(self, inner: Any, marker: str) -> None:
        self.inner, self.marker = inner, marker

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    def analyze(self, features: Any) -> Any:
        if self.marker in features.article.text:
            raise RecursionError("maximum recursion depth exceeded")
        return self.inner.analyze(features)


def test_analysis_failure_is_an_error_row_with_file_and_line(tmp_path: Path) -> None:
    pipe = _figures()
    pipe.analyzers = [_RaisingOn(a, "POISON") for a in pipe.analyzers]  # type: ignore[misc]
    arts = [
        article_from_text(GOOD_1["text"], id="g1", origin="c.jsonl:1"),
        article_from_text("Poison\n\nPOISON 12 men.", id="p", origin="c.jsonl:2"),
        article_from_text(GOOD_2["text"], id="g2", origin="c.jsonl:3"),
    ]
    out = tmp_path / "out.jsonl"
    seen: list[InputError] = []
    summary = run_batch(arts, pipe, JsonlSink(out), on_error=seen.append)
    assert (summary.reports, summary.errors) == (2, 1)
    assert (seen[0].origin, seen[0].line) == ("c.jsonl", 2) and "RecursionError" in seen[0].message
    items = [json.loads(line) for line in out.read_text().splitlines()]
    assert [i.get("article", {}).get("id") for i in items] == ["g1", None, "g2"]


def test_a_crashing_reader_loses_only_its_own_input(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import presslens.batch as batch

    real = batch.read_inputs

    def flaky(inputs: list[str], options: Any = None) -> Iterator[Article | InputError]:
        if inputs[0].endswith("deep.jsonl"):
            raise RecursionError("maximum recursion depth exceeded while decoding a JSON array")
        yield from real(inputs, options)

    monkeypatch.setattr(batch, "read_inputs", flaky)
    good = _corpus(tmp_path / "a.jsonl", GOOD_1)
    deep = tmp_path / "deep.jsonl"
    deep.write_text("[" * 1000 + "\n")
    good2 = _corpus(tmp_path / "b.jsonl", GOOD_2)
    items = list(guarded_inputs([str(good), str(deep), str(good2)]))
    assert [type(i).__name__ for i in items] == ["Article", "InputError", "Article"]
    assert isinstance(items[1], InputError) and items[1].origin == str(deep) and "RecursionError" in items[1].message


def test_item_error_splits_corpus_line_from_origin() -> None:
    art = article_from_text("T\n\nx", id="x", origin="/data/c:1.jsonl:12")
    err = item_error(art, "m")
    assert (err.origin, err.line) == ("/data/c:1.jsonl", 12)
    assert item_error(article_from_text("T\n\nx", id="x", origin="a.txt"), "m").line is None


class _ExplodingSource:
    def __iter__(self) -> Iterator[Article]:
        yield article_from_text(GOOD_1["text"], id="g1", origin="a.txt")
        raise RuntimeError("disk went away")


@pytest.mark.parametrize("fmt", FORMATS)
def test_any_error_removes_the_temp_file_and_keeps_the_old_output(tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"r.{fmt}"
    out.write_text("previous")
    sink: ReportSink = file_sink(fmt, out)
    with pytest.raises(RuntimeError, match="disk went away"):
        run_batch(_ExplodingSource(), _figures(), sink)  # type: ignore[arg-type]
    assert out.read_text() == "previous"
    assert _no_temp_files(tmp_path)


def test_output_naming_a_directory_is_refused_before_the_batch(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = _corpus(tmp_path / "c.jsonl", GOOD_1)
    target = tmp_path / "reports"
    target.mkdir()
    rc = main(["analyze", str(corpus), "--only", "figures", "-o", str(target)])
    err = capsys.readouterr().err
    assert rc == 2 and "is a directory" in err and str(target) in err
    assert list(target.iterdir()) == []


def test_missing_parent_directory_is_created(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = _corpus(tmp_path / "c.jsonl", GOOD_1, GOOD_2)
    out = tmp_path / "new" / "deeper" / "r.jsonl"
    assert main(["analyze", str(corpus), "--only", "figures", "-o", str(out), "--no-progress"]) == 0
    assert len(out.read_text().splitlines()) == 2


def _wait_for_temp(folder: Path, proc: subprocess.Popen[bytes], timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if [p for p in folder.iterdir() if p.name.endswith(".tmp")]:
            return
        if proc.poll() is not None:
            raise AssertionError(f"exited early: {proc.returncode} {proc.stderr.read() if proc.stderr else b''!r}")
        time.sleep(0.05)
    proc.kill()
    raise AssertionError("no temp file appeared")


def _presslens(args: list[str], **kw: Any) -> subprocess.Popen[bytes]:
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    return subprocess.Popen([sys.executable, "-m", "presslens", *args], env=env, stderr=subprocess.PIPE, **kw)


def test_sigterm_while_reading_removes_the_temp_file(tmp_path: Path) -> None:
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    out = out_dir / "r.jsonl"
    # stdin stays open: the batch blocks reading it, as with an endless pipe
    proc = _presslens(["analyze", "-", "--stdin-format", "jsonl", "--only", "figures", "-o", str(out)],
                      stdin=subprocess.PIPE)
    try:
        _wait_for_temp(out_dir, proc)
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
        assert proc.stdin is not None
        proc.stdin.close()
    assert proc.returncode == 128 + signal.SIGTERM
    assert list(out_dir.iterdir()) == []  # no temp file, no half-written report


def test_sigterm_while_analysing_removes_the_temp_file_and_keeps_the_old_output(tmp_path: Path) -> None:
    records = [{"id": f"a{i}", "text": f"Report {i}\n\n" + f"About {i + 1},000 people left the city. " * 40}
               for i in range(3000)]
    corpus = _corpus(tmp_path / "big.jsonl", *records)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    out = out_dir / "r.jsonl"
    out.write_text("previous")
    proc = _presslens(["analyze", str(corpus), "--only", "figures", "-o", str(out), "--no-progress"])
    try:
        _wait_for_temp(out_dir, proc)
        time.sleep(0.5)  # well inside the batch (3,000 articles take far longer)
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 128 + signal.SIGTERM, proc.stderr.read() if proc.stderr else b""
    assert [p.name for p in out_dir.iterdir()] == ["r.jsonl"] and out.read_text() == "previous"


def test_sinks_satisfy_the_protocol(tmp_path: Path) -> None:
    for fmt in FORMATS:
        sink = file_sink(fmt, tmp_path / f"x.{fmt}")
        assert isinstance(sink, ReportSink)
        sink.abort()
    assert _no_temp_files(tmp_path)


def test_a_custom_sink_plugs_in_without_touching_the_pipeline() -> None:
    class Collect:
        def __init__(self) -> None:
            self.reports: list[Report] = []
            self.errors: list[InputError] = []
            self.closed = False

        def write(self, report: Report) -> None:
            self.reports.append(report)

        def write_error(self, error: InputError) -> None:
            self.errors.append(error)

        def close(self) -> None:
            self.closed = True

        def abort(self) -> None:
            raise AssertionError("not aborted on success")

    sink = Collect()
    items: list[Article | InputError] = [
        article_from_text(GOOD_1["text"], id="g1"), InputError("x.txt", "empty file"),
        article_from_text(GOOD_2["text"], id="g2"),
    ]
    summary = run_batch(items, _figures(), sink)
    assert [r.article.id for r in sink.reports] == ["g1", "g2"] and sink.errors[0].origin == "x.txt"
    assert sink.closed and (summary.reports, summary.errors) == (2, 1)


def test_a_failure_while_closing_removes_the_temp_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import presslens.report as report_module

    def broken(*args: Any, **kw: Any) -> str:
        raise MemoryError("rendering the batch page")

    monkeypatch.setattr(report_module, "to_html_batch", broken)
    out = tmp_path / "r.html"
    items = [article_from_text(GOOD_1["text"], id="g1"), article_from_text(GOOD_2["text"], id="g2")]
    with pytest.raises(MemoryError):
        run_batch(items, _figures(), file_sink("html", out))
    assert list(tmp_path.iterdir()) == []
