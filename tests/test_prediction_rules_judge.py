"""The stop-27 tool that judges prediction rules split by split from the cached candidates of ``presslens train
predictions --candidates`` (presslens.training.prediction_rules_judge): counts, the in-sample split, the stale-cache
check and the command line."""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from pathlib import Path

import pytest

from presslens.text.prediction import prediction_forecast
from presslens.training import prediction_rules_judge as judge_tool
from presslens.training.predictions import Candidate, Gold
from tests.text_fixtures import basis_of

HOPE = "Harbour unions will hope the new contract marks a turning point in their dispute."
PLAIN = "The ministry will open three new schools next year."


def _cand(split: str, text: str, right: bool, article: str = "a") -> Candidate:
    assert prediction_forecast(text) is not None
    basis = basis_of(text, is_claim=True)
    assert basis is not None
    return Candidate(split, article, 0, len(text), text, False, True, 0.9, 3, basis, right, [0] if right else [])


def test_a_dropped_wrong_forecast_raises_precision_on_a_held_out_split_only() -> None:
    candidates = [_cand("dev", HOPE, False), _cand("dev", PLAIN, True), _cand("dev2", HOPE, False, "b"),
                  _cand("dev2", PLAIN, True, "b")]
    golds = [Gold("dev", "a", 1), Gold("dev2", "b", 1)]
    table = judge_tool.judge(candidates, golds, "stop27", {"dev2"})
    assert table["dev"]["before"].predicted == 2 and table["dev"]["after"].predicted == 1
    assert table["dev"]["held"].precision == 1.0 and table["dev"]["held"].recall == 1.0
    assert table["dev2"]["after"].precision == 1.0 and table["dev2"]["held"].precision == 0.5
    text = judge_tool.markdown(table, "stop27", {"dev2"})
    assert "precision +0.500" in text and "holds" in text


def test_a_stale_cache_is_refused() -> None:
    stale = _cand("dev", PLAIN, True)
    stale.basis = "plan"
    with pytest.raises(ValueError, match="rebuild the cache"):
        judge_tool.judge([stale], [Gold("dev", "a", 1)], "stop27", set())


def test_the_command_prints_the_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cache = tmp_path / "cands.json"
    cache.write_text(json.dumps({"candidates": [asdict(_cand("dev", HOPE, False)), asdict(_cand("dev", PLAIN, True))],
                                 "golds": [asdict(Gold("dev", "a", 1))]}), encoding="utf-8")
    parser = argparse.ArgumentParser()
    judge_tool.add_arguments(parser)
    assert judge_tool.main(parser.parse_args(["--candidates", str(cache), "--rules", "stop26+27",
                                              "--base", "stop26"])) == 0
    out = capsys.readouterr().out
    assert "| dev | 0.500 (1/2)" in out and "1.000 (1/1)" in out
