"""The annotators' checker: ``python -m presslens.evaluation.realnews_annotations check`` on an invented article."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from presslens.evaluation.realnews_annotations import LONG_SPAN, NEAR, main

FILLER = "The harbour was quiet for most of the week and the ferries ran on time. " * 22
TEXT = (
    "Harbour closed\n\n"
    "The port authority said 1,200 containers were held at the quay on Monday.\n"
    + FILLER + "\n"
    "Officials said the quay may reopen within days. The port authority denied it.\n"
)


def _empty(article_id: str) -> dict[str, Any]:
    return {"id": article_id, "annotator": "T", "attributions": [], "quantities": [], "claims": [], "hedges": [],
            "predictions": [], "violence": [], "calls_to_action": [], "article_violence": False, "notes": ""}


def _setup(tmp_path: Path, raw: dict[str, Any], text: str = TEXT) -> tuple[Path, Path]:
    data = tmp_path / "ptc"
    (data / "train-articles").mkdir(parents=True)
    (data / "train-articles" / f"article{raw['id']}.txt").write_text(text, encoding="utf-8")
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    (scratch / f"{raw['id']}.json").write_text(json.dumps(raw), encoding="utf-8")
    return scratch, data


def _run(scratch: Path, data: Path, *extra: str) -> int:
    return main(["check", "--scratch", str(scratch), "--data", str(data), *extra])


def test_a_clean_file_passes_and_verbose_shows_each_span_after_its_context(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    raw = _empty("7")
    raw["claims"] = [{"span": {"from": "The port authority said", "to": "on Monday."}}]
    raw["quantities"] = [{"span": "1,200 containers", "value": 1200, "low": 1200, "high": 1200, "bound": "exact",
                          "unit": "containers", "vague": False}]
    raw["hedges"] = [{"claim": {"from": "Officials said", "to": "within days."}, "cues": ["may"]}]
    scratch, data = _setup(tmp_path, raw)
    assert _run(scratch, data, "7") == 0
    assert capsys.readouterr().out.strip() == "7: ok"
    assert _run(scratch, data, "-v", "7") == 0
    out = capsys.readouterr().out
    assert "claims[0].span" in out and "hedges[0].cues[0]" in out
    # the text before the span, then the span in brackets; a line break shows as a pilcrow
    assert "Harbour closed¶¶[[The port authority said" in out
    cue = TEXT.index("may reopen")
    assert f"hedges[0].cues[0] {cue}-{cue + 3}: ...{TEXT[cue - 40:cue].replace(chr(10), '¶')}[[may]]" in out


def test_every_problem_of_the_guideline_is_reported_and_exits_1(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    raw = _empty("8")
    raw["claims"] = [
        {"span": "The harbour was quiet"},                       # ambiguous without n
        {"span": "no such sentence"},                            # not found
        {"span": "200 containers"},                              # cuts "1,200"
        {"span": "said 1,200 containers "},                      # whitespace at an edge
        {"span": {"from": "The port authority said", "to": "denied it."}},   # too long
    ]
    raw["attributions"] = [{"source": "The port authority", "cue": None,
                            "content": {"q": "the quay may reopen within days."},
                            "source_type": "named", "kind": "speech"}]
    raw["quantities"] = [{"span": "1,200 containers", "value": "many", "low": None, "high": None,
                          "bound": "about", "unit": "containers", "vague": False}]
    scratch, data = _setup(tmp_path, raw)
    assert _run(scratch, data, "8") == 1
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert all(line.startswith(("error: 8 ", "warning: 8 ")) for line in lines)
    errors = [line for line in lines if line.startswith("error")]
    warnings = [line for line in lines if line.startswith("warning")]
    assert any("claims[1].span: quote not found" in e for e in errors)
    assert any("bound must be one of" in e for e in errors) and any("value must be a number" in e for e in errors)
    assert any("claims[0].span: ambiguous" in w for w in warnings)
    assert any("claims[2].span: span cuts a word" in w for w in warnings)
    assert any("claims[3].span: span starts or ends with whitespace" in w for w in warnings)
    assert any(f"claims[4].span: span is {TEXT.index('denied it.') + 10 - TEXT.index('The port authority said')} "
               "characters long" in w for w in warnings)
    # the source is the first "The port authority" or the second: the nearer one (after the content) is chosen,
    # and it is close, so the attribution is not reported
    assert not any("attributions[0]" in line for line in lines)
    assert TEXT.index("denied it.") - TEXT.index("The port authority said") > LONG_SPAN


def test_a_source_far_from_its_content_and_a_schema_problem(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    raw = _empty("9")
    raw["attributions"] = [{"source": "The port authority", "cue": "said",
                            "content": {"q": "1,200 containers were held at the quay on Monday."},
                            "source_type": "named", "kind": "speech"},
                           {"source": {"q": "The port authority", "n": 2}, "cue": None,
                            "content": {"q": "1,200 containers were held at the quay on Monday."},
                            "source_type": "named", "kind": "speech"}]
    raw["extra"] = True
    scratch, data = _setup(tmp_path, raw)
    assert _run(scratch, data, "9") == 1
    out = capsys.readouterr().out
    assert "error: 9 file: unknown key(s) extra" in out
    assert "attributions[0]" not in out  # the source next to its content is fine
    far = TEXT.index("The port authority denied") - TEXT.index(" on Monday.") - len(" on Monday.")
    assert far > NEAR
    assert f"warning: 9 attributions[1].source: source is {far} characters from the content" in out


def test_an_id_without_its_article_or_scratch_file_is_an_error(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    scratch, data = _setup(tmp_path, _empty("7"))
    assert _run(scratch, data, "7", "404") == 1
    out = capsys.readouterr().out
    assert "7: ok" in out and "error: 404 file: cannot read" in out


def test_the_module_runs_by_path_without_presslens(tmp_path: Path) -> None:
    """No site-packages (-S) and no PYTHONPATH: only the standard library is importable."""
    raw = _empty("7")
    raw["claims"] = [{"span": "no such sentence"}]
    scratch, data = _setup(tmp_path, raw)
    module = Path(__file__).parents[1] / "src" / "presslens" / "evaluation" / "realnews_annotations.py"
    done = subprocess.run([sys.executable, "-S", str(module), "check", "--scratch", str(scratch),
                           "--data", str(data), "7.json"], capture_output=True, text=True, cwd=tmp_path,
                          env={k: v for k, v in os.environ.items() if k != "PYTHONPATH"}, check=False)
    assert done.returncode == 1 and "quote not found" in done.stdout
