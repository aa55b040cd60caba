"""The real-news evaluation set: quote resolution, the converter, loading, and the matching rules."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from presslens.article import Article, Finding, span_ref
from presslens.evaluation.realnews import AnnotationFileError, load_annotations, score_article
from presslens.evaluation.realnews_annotations import convert, resolve_annotation, text_digest
from presslens.evaluation.realnews_calibration import calibration
from presslens.evaluation.realnews_matching import match_attribution, match_claim, match_quantity, source_head

TEXT = (
    "Border crossings\n\n"
    "According to the border service, more than 260,000 men have left the country since May.\n"
    "The spokesman for the ministry said the army may call up about 5,000 more reservists.\n"
    "\"We will hold the line,\" the commander told reporters. Analysts said the army will recover next year.\n"
    "The ministry said nothing else. The ministry denied it.\n"
)


def _empty(article_id: str = "1") -> dict[str, Any]:
    return {"id": article_id, "annotator": "T", "attributions": [], "quantities": [], "claims": [], "hedges": [],
            "predictions": [], "violence": [], "calls_to_action": [], "article_violence": False, "notes": ""}


def _at(quote: str, n: int = 1) -> tuple[int, int]:
    start = -1
    for _ in range(n):
        start = TEXT.index(quote, start + 1)
    return start, start + len(quote)


# ------------------------------------------------------------------------------------------ quotes


def test_quote_forms_resolve_to_offsets() -> None:
    raw = _empty()
    raw["claims"] = [{"span": {"from": "According to", "to": "since May."}},
                     {"span": {"q": "The ministry said nothing else.", "n": 1}}]
    raw["quantities"] = [{"span": "more than 260,000 men", "value": 260000, "low": 260000, "high": None,
                          "bound": "lower", "unit": "men", "vague": False}]
    record, problems = resolve_annotation(raw, TEXT, "1")
    assert problems.errors == [] and problems.warnings == []
    assert record["claims"][0]["span"] == list(_at("According to the border service, more than 260,000 men have "
                                                   "left the country since May."))
    assert record["quantities"][0]["span"] == list(_at("more than 260,000 men"))


def test_ambiguous_and_missing_quotes_are_reported() -> None:
    raw = _empty()
    raw["claims"] = [{"span": "The ministry"}, {"span": "not in the text"}, {"span": {"q": "The ministry", "n": 3}}]
    record, problems = resolve_annotation(raw, TEXT, "1")
    assert any("ambiguous" in w for w in problems.warnings)
    assert len(problems.errors) == 2
    assert len(record["claims"]) == 1  # only the resolvable one is kept


def test_attribution_source_and_cue_resolve_next_to_the_content() -> None:
    raw = _empty()
    raw["attributions"] = [{"source": "The ministry", "cue": "denied", "content": "it", "source_type": "named",
                            "kind": "speech"}]
    raw["attributions"][0]["content"] = {"q": "it.", "n": 1}
    record, problems = resolve_annotation(raw, TEXT, "1")
    got = record["attributions"][0]
    # the second "The ministry", the one right before "denied it."
    assert tuple(got["source"]) == _at("The ministry", 2)
    assert tuple(got["cue"]) == _at("denied")


def test_word_cut_and_schema_problems_are_reported() -> None:
    raw = _empty()
    raw["quantities"] = [{"span": "60,000 men", "value": 60000, "low": None, "high": None, "bound": "nearly",
                          "unit": "men", "vague": False}]
    raw["hedges"] = [{"claim": {"from": "The spokesman", "to": "reservists."}, "cues": ["reportedly"]}]
    raw["extra"] = 1
    _, problems = resolve_annotation(raw, TEXT, "1")
    assert any("cuts a word" in w for w in problems.warnings)
    assert any("bound must be one of" in e for e in problems.errors)
    assert any("unknown key" in e for e in problems.errors)
    assert any("reportedly" in e for e in problems.errors)


# ------------------------------------------------------------------------------------------ converter


def _ptc(tmp_path: Path) -> Path:
    data = tmp_path / "ptc"
    (data / "train-articles").mkdir(parents=True)
    (data / "train-articles" / "article1.txt").write_text(TEXT, encoding="utf-8")
    (data / "train-articles" / "article2.txt").write_text(TEXT, encoding="utf-8")
    return data


def test_converter_writes_offsets_only_and_skips_bad_files(tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    data = _ptc(tmp_path)
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    good = _empty("1")
    good["claims"] = [{"span": {"from": "The spokesman", "to": "reservists."}}]
    (scratch / "1.json").write_text(json.dumps(good))
    bad = _empty("2")
    bad["claims"] = [{"span": "no such sentence"}]
    (scratch / "2.json").write_text(json.dumps(bad))
    split = tmp_path / "split.json"
    split.write_text(json.dumps({"1": {"split": "dev", "stratum": "mixed"}, "2": {"split": "dev", "stratum": "mixed"},
                                 "3": {"split": "test", "stratum": "reporting"}}))
    out = tmp_path / "out"
    assert convert(scratch, data, split, out) == 1
    captured = capsys.readouterr()
    assert "2 claims[0].span" in captured.err and "missing 1: 2" in captured.out
    assert "test: no scratch files" in captured.out and not (out / "test.jsonl").exists()
    lines = (out / "dev.jsonl").read_text().splitlines()
    assert len(lines) == 1
    record = json.loads(lines[0])
    assert record["id"] == "1" and record["split"] == "dev" and "notes" not in record
    assert "spokesman" not in lines[0]  # no article text in the stand-off file
    loaded = load_annotations(out / "dev.jsonl", {"1": TEXT})
    start, end = loaded[0]["claims"][0]["span"]
    assert TEXT[start:end].startswith("The spokesman") and TEXT[start:end].endswith("reservists.")


def test_converter_never_empties_or_shrinks_another_batchs_file(tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    """Converting one batch's scratch folder into the repository's folder leaves the other splits' files as they
    are, and a split file that holds articles the folder lacks is only overwritten with ``replace``."""
    data = _ptc(tmp_path)
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    (scratch / "1.json").write_text(json.dumps(_empty("1")))
    split = tmp_path / "split.json"
    split.write_text(json.dumps({"1": {"split": "dev", "stratum": "mixed"}, "2": {"split": "dev", "stratum": "mixed"},
                                 "3": {"split": "test", "stratum": "reporting"}}))
    out = tmp_path / "out"
    out.mkdir()
    gold_test = '{"id":"3","split":"test"}\n'
    (out / "test.jsonl").write_text(gold_test)
    (out / "dev.jsonl").write_text('{"id":"1","split":"dev"}\n{"id":"2","split":"dev"}\n')
    assert convert(scratch, data, split, out) == 1
    captured = capsys.readouterr()
    assert (out / "test.jsonl").read_text() == gold_test  # no scratch file of test: untouched
    assert len((out / "dev.jsonl").read_text().splitlines()) == 2  # would lose article 2: refused
    assert "dev: not written" in captured.err and "--replace" in captured.err
    assert convert(scratch, data, split, out, replace=True) == 0
    assert [json.loads(x)["id"] for x in (out / "dev.jsonl").read_text().splitlines()] == ["1"]
    assert (out / "test.jsonl").read_text() == gold_test


def test_loader_rejects_out_of_range_offsets_and_other_texts(tmp_path: Path) -> None:
    record = {**_empty("9"), "text_length": len(TEXT), "text_sha256": text_digest(TEXT),
              "claims": [{"span": [10, len(TEXT) + 5]}]}
    path = tmp_path / "dev.jsonl"
    path.write_text(json.dumps(record) + "\n")
    with pytest.raises(AnnotationFileError, match="article 9"):
        load_annotations(path)
    record["claims"] = [{"span": [10, 20]}]
    path.write_text(json.dumps(record) + "\n")
    assert load_annotations(path)[0]["id"] == "9"
    with pytest.raises(AnnotationFileError, match="differs"):
        load_annotations(path, {"9": TEXT + "x"})
    # with a problems list a bad line is reported and the good ones are still read
    bad = {**record, "id": "8", "claims": [{"span": [5, 2]}]}
    path.write_text(json.dumps(bad) + "\n" + json.dumps(record) + "\n")
    problems: list[str] = []
    assert [r["id"] for r in load_annotations(path, problems=problems)] == ["9"]
    assert len(problems) == 1 and "article 8" in problems[0]


# ------------------------------------------------------------------------------------------ matching


ARTICLE = Article(text=TEXT)


def _attribution(source: str | None, content: str, score: float = 0.9, n: int = 1) -> Finding:
    content_span = _at(content, n)
    attrs: dict[str, Any] = {"content": span_ref(ARTICLE, *content_span), "cue": None}
    attrs["source"] = {**span_ref(ARTICLE, *_at(source)), "type": "named"} if source else None
    start = min(content_span[0], _at(source)[0]) if source else content_span[0]
    end = max(content_span[1], _at(source)[1]) if source else content_span[1]
    return Finding.at(ARTICLE, start, end, kind="attribution", label="named", score=score, analyzer="t",
                      attributes=attrs)


GOLD_SPOKESMAN = {"source": list(_at("The spokesman for the ministry")), "content":
                  list(_at("the army may call up about 5,000 more reservists")), "kind": "speech"}


def test_source_head_is_the_last_word_before_a_preposition() -> None:
    head = source_head(TEXT, _at("The spokesman for the ministry"))
    assert head is not None and TEXT[head[0]:head[1]] == "spokesman"


def test_attribution_needs_head_inside_gold_source_and_half_the_content() -> None:
    assert match_attribution(TEXT, _attribution("The spokesman for the ministry",
                                                "the army may call up about 5,000 more reservists"), GOLD_SPOKESMAN)
    # head "spokesman" inside the gold source even when the predicted source is shorter
    assert match_attribution(TEXT, _attribution("spokesman", "the army may call up about 5,000"), GOLD_SPOKESMAN)
    # a source whose head is outside ("ministry" of a different phrase) is wrong
    assert not match_attribution(TEXT, _attribution("The ministry", "the army may call up about 5,000 more "
                                                                    "reservists"), GOLD_SPOKESMAN)
    # content covering less than half of the gold content is wrong
    assert not match_attribution(TEXT, _attribution("The spokesman for the ministry", "the army"), GOLD_SPOKESMAN)
    # no source at all is wrong
    assert not match_attribution(TEXT, _attribution(None, "the army may call up about 5,000 more reservists"),
                                 GOLD_SPOKESMAN)


def test_attribution_content_cut_inside_a_number_is_wrong() -> None:
    gold = {"source": list(_at("the border service")), "content": list(_at("more than 260,000 men have left the "
                                                                           "country since May")), "kind": "speech"}
    whole = _attribution("the border service", "more than 260,000 men have left the country since May")
    cut = _attribution("the border service", "000 men have left the country since May")
    assert match_attribution(TEXT, whole, gold)
    assert not match_attribution(TEXT, cut, gold)


def _quantity(quote: str, value: float | None, bound: str | None = None, label: str = "count",
              low: float | None = None, high: float | None = None, vague: bool = False) -> Finding:
    return Finding.at(ARTICLE, *_at(quote), kind="quantity", label=label, score=0.9, analyzer="t",
                      attributes={"value": value, "low": low, "high": high, "bound": bound, "vague": vague})


def test_quantity_needs_overlap_value_and_bound() -> None:
    gold = {"span": list(_at("more than 260,000 men")), "value": 260000, "low": 260000, "high": None,
            "bound": "lower", "vague": False}
    assert match_quantity(_quantity("more than 260,000 men", 260000, "lower"), gold)
    assert match_quantity(_quantity("260,000", 260000.0, "lower"), gold)
    assert not match_quantity(_quantity("260,000 men", 260000, None), gold)  # bound lost
    assert not match_quantity(_quantity("260,000 men", 260, "lower"), gold)  # wrong value
    assert not match_quantity(_quantity("5,000", 260000, "lower"), gold)  # elsewhere
    approx = {"span": list(_at("about 5,000 more reservists")), "value": 5000, "low": None, "high": None,
              "bound": "approximate", "vague": False}
    assert match_quantity(_quantity("about 5,000", 5000, "approx"), approx)


def _claim(quote: str, score: float = 0.9, **attrs: Any) -> Finding:
    base: dict[str, Any] = {"hedged": False, "hedge_cues": [], "prediction": False, "horizon": None}
    return Finding.at(ARTICLE, *_at(quote), kind="claim", label="check_worthy", score=score, analyzer="t",
                      attributes={**base, **attrs})


def test_claim_needs_half_of_the_longer_span() -> None:
    sentence = "The spokesman for the ministry said the army may call up about 5,000 more reservists."
    gold = _at(sentence)
    assert match_claim(_claim(sentence), gold)
    assert match_claim(_claim("The spokesman for the ministry said the army may call up about 5,000"), gold)
    assert not match_claim(_claim("The spokesman for the ministry said"), gold)


def test_score_article_counts_asserted_findings_and_hedge_cues_in_the_text() -> None:
    sentence = "The spokesman for the ministry said the army may call up about 5,000 more reservists."
    future = "Analysts said the army will recover next year."
    gold = {**_empty(), "claims": [{"span": list(_at(sentence))}, {"span": list(_at(future))}],
            "hedges": [{"claim": list(_at(sentence)), "cues": [list(_at("may"))]}],
            "predictions": [{"span": list(_at("the army will recover next year")),
                             "horizon": list(_at("next year"))}]}
    findings = [
        _claim(sentence, hedged=True, hedge_cues=["may", "officials said"]),
        _claim(future, prediction=True, horizon="next year"),
        _claim("The ministry said nothing else.", score=0.3),  # a candidate: not asserted
    ]
    score = score_article(TEXT, gold, findings)
    claim = score.kinds["claim"]
    assert (claim.predicted, claim.correct, claim.gold, claim.found) == (2, 2, 2, 2)
    assert score.kinds["hedged"].correct == 1
    cues = score.attributes["hedged (cues)"]
    assert (cues.predicted, cues.correct) == (2, 1)  # "officials said" is not in the claim's text
    assert score.kinds["prediction"].found == 1 and score.attributes["prediction (horizon)"].found == 1
    # the candidate is in the calibration data, labelled wrong
    assert (0.3, False) in score.scored["claim"]


def test_article_violence_flag_and_unmatched_violence() -> None:
    violent = Finding.at(ARTICLE, *_at("We will hold the line"), kind="violence", label="call_to_violence",
                         score=0.8, analyzer="t", attributes={})
    score = score_article(TEXT, _empty(), [violent], {"violence": {"label": True, "score": 0.8}})
    assert score.kinds["violence"].predicted == 1 and score.kinds["violence"].correct == 0
    assert score.flagged_label and score.flagged_asserted and not score.gold_violent


def test_calibration_bins_and_expected_error() -> None:
    scored = [(0.95, True), (0.95, True), (0.95, False), (0.95, False), (0.15, False)]
    cal = calibration(scored)
    assert [(b[2], round(b[4], 2)) for b in cal.bins] == [(1, 0.0), (4, 0.5)]
    assert cal.ece == pytest.approx((1 * 0.15 + 4 * 0.45) / 5)


def test_nested_and_source_quotes_prefer_whole_words() -> None:
    raw = _empty()
    # "he" occurs inside "the" right at the content; the whole word "he" is further away
    text = "As he sees it, the army will win.\n"
    raw["attributions"] = [{"source": "he", "cue": "sees", "content": "the army will win", "source_type": "named",
                            "kind": "belief"}]
    record, problems = resolve_annotation(raw, text, "1")
    assert problems.warnings == [] and record["attributions"][0]["source"] == [3, 5]


def test_offsets_map_onto_a_normalised_text() -> None:
    from presslens.evaluation.realnews import map_offsets, offset_map

    raw = "Title\r\n\r\nThe army said 5,000 men left.\r\n"
    text = raw.replace("\r\n", "\n")
    start = raw.index("5,000 men")
    record = {**_empty(), "quantities": [{"span": [start, start + len("5,000 men")], "bound": "exact"}]}
    mapped = map_offsets(record, offset_map(raw, text))
    s, e = mapped["quantities"][0]["span"]
    assert text[s:e] == "5,000 men"
    same = "a\ufeffb"
    assert offset_map(same, "a b")(2) == 2  # one-for-one replacement keeps offsets


def test_quantity_values_allow_rounding_percent_fractions_and_vague_amounts() -> None:
    gold = {"span": list(_at("about 5,000")), "value": 66.7, "low": None, "high": None, "bound": "exact",
            "vague": False}
    assert match_quantity(_quantity("about 5,000", 66.67), gold)  # "two-thirds" written as 66.7
    assert match_quantity(_quantity("about 5,000", 0.667), gold)  # the same share as a fraction
    assert not match_quantity(_quantity("about 5,000", 67.5), gold)
    vague = {"span": list(_at("about 5,000")), "value": None, "low": None, "high": None, "bound": "approximate",
             "vague": True}
    assert match_quantity(_quantity("about 5,000", None, vague=True), vague)
    assert not match_quantity(_quantity("about 5,000", 5000), vague)


def test_errors_list_wrong_findings_and_missed_gold() -> None:
    sentence = "The spokesman for the ministry said the army may call up about 5,000 more reservists."
    gold = {**_empty(), "claims": [{"span": list(_at(sentence))}],
            "calls_to_action": [{"span": list(_at("The ministry denied it."))}]}
    findings = [_claim("The ministry said nothing else.")]
    errors = score_article(TEXT, gold, findings).errors
    assert any(e.startswith("claim wrong: 'The ministry said nothing else.'") for e in errors)
    assert any(e.startswith("claim missed: 'The spokesman") for e in errors)
    assert any(e.startswith("call_to_action missed:") for e in errors)


def test_agreement_is_symmetric_and_counts_matches() -> None:
    from presslens.evaluation.realnews_agreement import agreement, f1

    claim_a = {"span": list(_at("The ministry said nothing else."))}
    claim_b = {"span": list(_at("The ministry denied it."))}
    quantity = {"span": list(_at("more than 260,000 men")), "value": 260000, "low": 260000, "high": None,
                "bound": "lower", "vague": False}
    first = [{**_empty("1"), "claims": [claim_a, claim_b], "quantities": [quantity]}]
    second = [{**_empty("1"), "claims": [claim_a], "quantities": [{**quantity, "bound": "exact"}]},
              {**_empty("2"), "claims": [claim_b]}]  # article 2 is not in the first annotation
    counts, shared, same_verdict = agreement(first, second)
    assert shared == 1 and same_verdict == 1
    claims = counts["claim"]
    assert (claims.predicted, claims.correct, claims.gold, claims.found) == (1, 1, 2, 1)
    assert counts["quantity"].correct == 0  # the bound differs
    swapped, _, _ = agreement(second, first)
    assert f1(swapped["claim"]) == pytest.approx(f1(claims) or 0.0)


def test_eval_realnews_command_scores_a_split(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from presslens.cli import main

    data = _ptc(tmp_path)
    # a BOM inside the text: presslens replaces it one for one, offsets still agree
    odd = TEXT.replace("Border crossings\n", "Border\ufeffcrossings\n")
    (data / "train-articles" / "article3.txt").write_text(odd, encoding="utf-8")
    sentence = "The spokesman for the ministry said the army may call up about 5,000 more reservists."
    for aid, text in (("1", TEXT), ("3", odd)):
        gold = {**_empty(aid), "claims": [{"span": list(_at(sentence))}], "text_length": len(text),
                "text_sha256": text_digest(text)}
        with (tmp_path / "dev.jsonl").open("a") as handle:
            handle.write(json.dumps(gold) + "\n")
    with (tmp_path / "dev.jsonl").open("a") as handle:  # out of range: reported, skipped, exit 1
        handle.write(json.dumps({**_empty("2"), "claims": [{"span": [0, 10**6]}], "text_length": len(TEXT),
                                 "text_sha256": text_digest(TEXT)}) + "\n")
    status = main(["eval", "realnews", "--data", str(data), "--split", "dev", "--annotations", str(tmp_path),
                   "--json"])
    captured = capsys.readouterr()
    assert status == 1 and "article 2" in captured.err
    result = json.loads(captured.out)
    assert result["articles"] == 2 and result["kinds"]["claim"]["gold"] == 2
    assert set(result["kinds"]) == {"attribution", "quantity", "claim", "hedged", "prediction", "violence",
                                    "call_to_action"}


def test_source_and_cue_are_placed_next_to_each_other() -> None:
    text = ("When we asked for people to sign the petition for the ranchers, we got few signatures. "
            "According to the report, the count was low. Another line mentions the report.\n")
    raw = _empty()
    raw["attributions"] = [
        {"source": "we", "cue": "asked", "content": "for people to sign the petition for the ranchers",
         "source_type": "self_reference", "kind": "speech"},
        {"source": "the report", "cue": "According to", "content": "the count was low", "source_type": "document",
         "kind": "speech"}]
    record, problems = resolve_annotation(raw, text, "1")
    assert problems.errors == []
    first, second = record["attributions"]
    assert first["source"] == [5, 7]  # the "we" before "asked", not the one after the content
    assert text[slice(*second["source"])] == "the report" and second["source"][0] < text.index("the count")


@pytest.mark.parametrize("quote", [{"q": "people", "n": True}, {"from": "people", "to": "border", "n": True},
                                   {"q": "people", "n": 0}, {"from": "people", "to": "border", "n": "1"}])
def test_a_quote_with_a_bad_n_is_an_error_in_both_forms(quote: dict[str, object]) -> None:
    from presslens.evaluation.realnews_annotations import Problems, resolve_span

    problems = Problems("1")
    assert resolve_span("Some 4,000 people crossed the border.", quote, problems, "claims[0]") is None
    assert problems.errors and "bad" in problems.errors[0]


def test_split_help_names_every_split_from_the_split_lists(monkeypatch: pytest.MonkeyPatch,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    from presslens.cli import main
    from presslens.evaluation import realnews
    from presslens.evaluation.realnews_selection import OPEN_SPLITS, SPLITS, VALIDATION_SPLITS

    with pytest.raises(SystemExit):
        main(["eval", "realnews", "--help"])
    shown = " ".join(capsys.readouterr().out.split())
    opened, scored = shown[shown.index("split to score"):].split("(errors may be read)")
    assert all(name in opened.replace(",", " ").split() for name in OPEN_SPLITS)
    assert all(name in scored.replace(",", " ").split() for name in (*VALIDATION_SPLITS, "test"))
    assert set(SPLITS) == {*OPEN_SPLITS, *VALIDATION_SPLITS, "test"}
    monkeypatch.setattr(realnews, "OPEN_SPLITS", (*OPEN_SPLITS, *VALIDATION_SPLITS))
    assert realnews.split_help().endswith("(errors may be read); test are scored only")
