"""The causes of missed and wrong predictions (issue 13, stop 30): decided from the text alone, one per case."""

from __future__ import annotations

from pathlib import Path

from presslens.text.prediction import prediction_forecast, prediction_rules
from presslens.training import prediction_causes as pc

ANNOTATIONS = Path(__file__).resolve().parents[1] / "data" / "realnews"


def _sentences(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for line in text.split("\n"):
        out.append((start, start + len(line)))
        start += len(line) + 1
    return out


def test_wrong_assertions_get_the_first_cause_that_applies() -> None:
    text = "Officials Plan To Reopen The Port Next Week\n\"We will find the truth,\" he told reporters.\n" \
           "The ministry said the port will reopen on Monday.\nThe port will reopen on Monday."
    s = _sentences(text)
    assert pc.wrong_cause(text, *s[0], 0, "forecast in a claim") == "headline"
    assert pc.wrong_cause(text, *s[1], 1, "forecast in a claim") == "first person"
    assert pc.wrong_cause(text, *s[2], 2, "forecast in a claim") == "reported speech"
    assert pc.wrong_cause(text, *s[3], 3, "forecast in a claim") == "writer"


def test_missed_gold_without_a_cue_is_sorted_by_what_the_text_has() -> None:
    text = "A short headline line\nBarr said he could reveal its contents as soon as this weekend.\n" \
           "MPs return to the House of Commons to debate the agreement next week.\nThe sky was grey."
    s = _sentences(text)
    with prediction_rules("stop26"):
        # the time phrase is not one the horizon patterns read, so the sentence has no forecast at all
        assert prediction_forecast(text[s[1][0]:s[1][1]]) is None
        assert pc.missed_cause(text, s, s[1], []) == "no cue: bare modal with a time phrase"
        assert pc.missed_cause(text, s, s[2], []) == "no cue: scheduled or planned act"
        assert pc.missed_cause(text, s, s[3], []) == "no cue: other"
        assert pc.missed_cause(text, s, s[0], []) == "headline"
        # a gold prediction inside an asserted sentence that does not match it
        assert pc.missed_cause(text, s, s[2], [(s[2][0], s[2][1], "forecast")]) == "asserted, span not matched"


def test_a_ruled_out_forecast_and_a_low_bucket_are_told_apart() -> None:
    text = "Headline Words Here Today\nIf the deal fails, prices will rise next year.\n" \
           "The minister announced that the government would provide more money."
    s = _sentences(text)
    with prediction_rules("stop26"):
        assert pc.missed_cause(text, s, s[1], []) == "ruled out"
        assert pc.missed_cause(text, s, s[2], []) == "bucket below 0.5"


def test_the_test_article_splits_are_the_open_splits_split_json_draws_from_test_articles() -> None:
    import json

    from presslens.evaluation.realnews_selection import OPEN_SPLITS

    found = pc.test_article_splits()
    assert {"dev12", "dev13", "dev14", "dev15", "dev16"} <= found
    assert "dev" not in found and "dev17" not in found and "dev18" not in found and "test" not in found
    # the selection rules (realnews_selection.ptc_test_splits) agree with split.json's "pool"
    payload = json.loads((ANNOTATIONS / "split.json").read_text(encoding="utf-8"))
    assert found == {r["split"] for r in payload.values() if r.get("pool") == "test-articles"
                     and r["split"] in OPEN_SPLITS}


def test_scheduled_acts_of_dev14s_kind_are_counted_as_scheduled() -> None:
    text = "A short headline line\nThe handover is scheduled for the end of June.\n" \
           "The island heads for an April cliff.\nThe summer recess is to be cancelled.\nThe sky was grey."
    s = _sentences(text)
    with prediction_rules("stop26+30"):
        for i in (1, 2, 3):
            assert prediction_forecast(text[s[i][0]:s[i][1]]) is None
            assert pc.missed_cause(text, s, s[i], []) == "no cue: scheduled or planned act"
        assert pc.missed_cause(text, s, s[4], []) == "no cue: other"


def test_matched_sentences_is_the_one_judge_loop_of_both_tools() -> None:
    """review32: prediction_causes and prediction_rules_text judge asserted sentences by one function."""
    from presslens.training import prediction_causes as pc
    from presslens.training.prediction_rules_text import matched_sentences

    text = "The council will vote on the budget next week. The mayor will resign in May, aides say."
    sentences = [(0, 46), (47, len(text))]
    judged = matched_sentences(text, sentences, [(4, 46), (200, 210)], "stop26+30")
    assert [(s, e, m) for s, e, _, m in judged] == [(0, 46, (0,)), (47, len(text), ())]
    assert pc.matched_sentences is matched_sentences
