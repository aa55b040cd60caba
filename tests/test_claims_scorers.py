"""The claims analyzer's learned real-news scorers (issue 13): hedge cue candidates and claim sentences.

Weights are JSON, checked against the code's feature names; the scorer is a logistic regression, so its output is
a probability that moves with its features the way the weights say. Sentences written for these tests."""

from __future__ import annotations

import dataclasses
import json
import math
from pathlib import Path

import numpy as np
import pytest

import presslens
from presslens.analyzers.claims.scorers import (
    ARTICLE_FEATURES,
    CUE_CONTEXT_FEATURES,
    MODEL_FILE,
    LinearScorer,
    RealNewsScorers,
    article_profile,
    cue_feature_names,
    cue_features,
    load_scorers,
    score_sentences,
    sentence_feature_names,
    sentence_feature_set,
    sentence_features,
)
from presslens.evaluation.counts import PrecisionRecallCounts
from presslens.text.hedging import claim_cue_candidates, cue_class
from presslens.training.realnews_claims import (
    SHIPPED,
    Candidate,
    Dataset,
    SentenceRow,
    fit_scorer,
    load_dataset,
    pr_counts,
    refresh,
    save_dataset,
    scorers_about,
)


def _cue_row(sentence: str, cue: str, p: float = 0.8) -> list[float]:
    s = sentence.index(cue)
    e, kind = next((b, k) for a, b, k in claim_cue_candidates(sentence) if a == s)
    return cue_features(sentence, s, e, cue_class(sentence, s, e, kind), p, False, 1)


def test_feature_rows_match_their_names() -> None:
    row = _cue_row("The convoy reportedly turned back at the border.", "reportedly")
    assert len(row) == len(cue_feature_names())
    named = dict(zip(cue_feature_names(), row, strict=True))
    assert named["class=evidential adverb"] == 1.0 and named["lemma=reportedly"] == 1.0
    assert named["claim logit"] == pytest.approx(math.log(0.8 / 0.2))
    assert sum(v for k, v in named.items() if k.startswith("class=")) == 1.0
    assert sum(v for k, v in named.items() if k.startswith("lemma=")) == 1.0
    srow = sentence_features("Officials said 12 people died.", 0.9, 0.0, False, 0, 5)
    sent = dict(zip(sentence_feature_names(), srow, strict=True))
    assert sent["figure"] == 1.0 and sent["attribution"] == 1.0 and sent["headline"] == 1.0


@pytest.mark.parametrize(
    ("sentence", "cue", "feature"),
    [
        ('She said: "The dam could fail within days."', "could", "in quote"),
        ("The minister said the dam could fail within days.", "could", "speech verb before"),
        ("The virus may not spread to the coast.", "may", "negated"),
        ("I may have been wrong about the vote.", "may", "first person"),
        ("If the talks fail, the ceasefire could collapse.", "could", "conditional before"),
        ("The rebels may have taken the town.", "may", "modal + have"),
    ],
)
def test_cue_context_features(sentence: str, cue: str, feature: str) -> None:
    named = dict(zip(cue_feature_names(), _cue_row(sentence, cue), strict=True))
    assert named[feature] == 1.0


def test_linear_scorer_is_a_logistic_regression_and_round_trips() -> None:
    scorer = LinearScorer(("a", "b"), np.array([1.0, 0.0, 0.5]), np.array([2.0, 1.0, 1.0]),
                          np.array([1.0, -2.0, 4.0]), 0.25, embedding_dims=1)
    rows = np.array([[3.0, 1.0], [1.0, 0.0]])
    emb = np.array([[0.5], [1.0]])
    z = [0.25 + 1.0 * (3 - 1) / 2 - 2.0 * 1 + 4.0 * 0, 0.25 + 0 + 0 + 4.0 * 0.5]
    assert scorer.probabilities(rows, emb).tolist() == pytest.approx([1 / (1 + math.exp(-v)) for v in z])
    with pytest.raises(ValueError):
        scorer.probabilities(rows)  # the embedding is part of the model
    back = LinearScorer.from_json(json.loads(json.dumps(scorer.to_json())), ["a", "b"])
    assert back.probabilities(rows, emb).tolist() == pytest.approx(scorer.probabilities(rows, emb).tolist())
    with pytest.raises(ValueError):
        LinearScorer.from_json(scorer.to_json(), ["a", "c"])  # weights of other features are refused


def test_shipped_scorers_load_from_json_and_match_the_code() -> None:
    obj = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    # the features of the shipped setting: `presslens train realnews-claims` (cue context genre-modal-governor since
    # s30, claims 1.16; genre alone s28-s29)
    assert obj["hedge_cue"]["names"] == (cue_feature_names(SHIPPED.cue_extended)
                                         + list(CUE_CONTEXT_FEATURES["genre-modal-governor"]))
    assert "cue context genre-modal-governor" in obj["about"]
    assert obj["claim"]["names"] == sentence_feature_names(SHIPPED.extended, SHIPPED.article)
    scorers = load_scorers()
    assert scorers.hedge_cue.embedding_dims == 384  # the claim scorer leaves it out (CheckThat! F1, model card)
    assert scorers.claim.embedding_dims == 0
    # the CheckThat! probability raises both probabilities (all else equal)
    assert scorers.claim.coef[sentence_feature_names(SHIPPED.extended, SHIPPED.article).index("claim logit")] > 0
    assert scorers.hedge_cue.coef[cue_feature_names().index("claim logit")] > 0


def test_shipped_scorers_are_fitted_on_every_open_split_and_no_other() -> None:
    from presslens.evaluation.realnews_selection import OPEN_SPLITS, VALIDATION_SPLITS

    rows = json.loads(MODEL_FILE.read_text(encoding="utf-8"))["rows"]
    assert set(rows) == set(OPEN_SPLITS)  # every open split refitted on (issue 13 s33: the sixteen, dev16 included)
    assert len(rows) == 16
    assert all(rows[s] > 0 for s in OPEN_SPLITS)
    assert not set(rows) & {*VALIDATION_SPLITS, "test"}


def _zero_embedding_scorers() -> RealNewsScorers:
    """The shipped scorers with the embedding weights zeroed (tests that should not depend on the encoder)."""
    shipped = load_scorers()

    def strip(s: LinearScorer) -> LinearScorer:
        coef = s.coef.copy()
        coef[len(s.names):] = 0.0
        return LinearScorer(s.names, s.mean, s.scale, coef, s.intercept, s.embedding_dims)

    return RealNewsScorers(strip(shipped.hedge_cue), strip(shipped.claim))


def test_score_sentences_scores_every_candidate() -> None:
    texts = ["The convoy reportedly turned back at the border.", "The office counted 14 cases on Monday.",
             "I could not sleep that night."]
    out = score_sentences(texts, [0.9, 0.9, 0.2], np.zeros((3, 384)), [False, False, False],
                          scorers=_zero_embedding_scorers())
    assert len(out.claim) == len(out.hedge) == len(out.cues) == 3
    assert [texts[0][s:e] for s, e, _, _ in out.cues[0]] == ["reportedly"]
    assert out.hedge[0] == max(q for *_, q in out.cues[0]) > 0.5
    assert out.cues[1] == [] and out.hedge[1] == 0.0
    assert all(0.0 < p < 1.0 for p in out.claim)
    assert out.claim[2] < out.claim[1]  # a low CheckThat! probability stays low
    low = score_sentences(texts[:1], [0.05], np.zeros((1, 384)), [False], scorers=_zero_embedding_scorers())
    assert low.hedge[0] < out.hedge[0]  # the cue scorer reads the claim probability
    assert score_sentences([], [], np.zeros((0, 384)), []).claim == []


def test_analyzer_hedged_claim_is_an_asserted_claim_with_an_asserted_cue() -> None:
    text = ("Fighting near the port\n\nThe convoy of 40 trucks reportedly turned back at the border crossing on "
            "Tuesday, two officials said.\n\nThe regional health office counted 14 cases of cholera in the camp.")
    report = presslens.analyze(text, only=["claims"]).to_dict()
    claims = [f for f in report["findings"] if f["kind"] == "claim"]
    assert claims
    for f in claims:
        a = f["attributes"]
        assert a["hedge_score"] <= f["score"] + 1e-9
        assert a["hedged"] == (a["hedge_score"] >= 0.5) == bool(a["hedge_cues"])
    convoy = next(f for f in claims if "convoy" in f["text"])["attributes"]
    assert convoy["hedged"] and [c["text"] for c in convoy["hedge_cues"]] == ["reportedly"]


def _row(split: str, article: str, gold_claims: list[int], gold_hedges: list[int]) -> SentenceRow:
    return SentenceRow(split, article, 0, 1, "The army may have left.", 0.7, None, False, gold_claims, gold_hedges,
                       [[9, 12]] if gold_hedges else [], [Candidate(9, 12, "modal", "modal", bool(gold_hedges))])


def test_pr_counts_follow_the_evaluation_rule() -> None:
    rows = [_row("dev", "1", [0], [0]), _row("dev", "1", [], []), _row("dev", "2", [0], [0])]
    counts = pr_counts(rows, claim=[0.9, 0.6, 0.4], hedge=[0.7, 0.9, 0.9])
    expected = PrecisionRecallCounts(predicted=2, correct=1, gold=2, found=1)
    assert counts["dev claim"] == expected  # asserted: score >= 0.5; the third is a candidate
    assert counts["dev hedged"] == expected  # a hedged claim needs an asserted claim


def test_fit_is_deterministic_and_dataset_round_trips(tmp_path: Path) -> None:
    rng = np.random.default_rng(0)
    x = rng.normal(size=(60, 2))
    y = (x[:, 0] + 0.3 * rng.normal(size=60) > 0).astype(int)
    a = fit_scorer(x, None, y, 1.0, ["u", "v"])
    b = fit_scorer(x, None, y, 1.0, ["u", "v"])
    assert a.to_json() == b.to_json()
    assert a.coef[0] > abs(a.coef[1])  # the informative feature carries the weight
    data = Dataset([_row("dev", "1", [0], [0]), _row("dev2", "2", [], [])], np.arange(6.0).reshape(2, 3))
    refresh(data)  # the text inputs (candidates, features) are recomputed, not saved
    assert [c.gold_cue for r in data.rows for c in r.candidates] == [True, False]
    path = tmp_path / "rows.json"
    save_dataset(data, path)
    assert "cue_rows" not in path.read_text(encoding="utf-8")
    back = load_dataset(path)
    assert back.rows == data.rows and np.array_equal(back.embeddings, data.embeddings)
    assert [r.split for r in back.subset(lambda r: r.split == "dev2").rows] == ["dev2"]


def test_train_command_names_a_missing_annotation_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from presslens.cli import main

    rc = main(["train", "realnews-claims", "--data", str(tmp_path), "--annotations", str(tmp_path),
               "--out", str(tmp_path / "out.json")])
    assert rc == 2 and not (tmp_path / "out.json").exists()
    assert "no annotations at" in capsys.readouterr().err


def test_train_command_names_a_bad_claim_scorer_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from presslens.cli import main

    bad = tmp_path / "scorers.json"
    bad.write_text('{"claim": {"names": ["not a feature"]}}', encoding="utf-8")
    rc = main(["train", "realnews-claims", "--data", str(tmp_path), "--annotations", str(tmp_path),
               "--claim-scorer-from", str(bad), "--out", str(tmp_path / "out.json")])
    assert rc == 2 and not (tmp_path / "out.json").exists()
    err = capsys.readouterr().err
    assert "--claim-scorer-from" in err and "scorers.json" in err


def test_scorers_about_names_a_kept_claim_scorer_by_content_not_path(tmp_path: Path) -> None:
    """`--claim-scorer-from` from two places gives the same ``about`` (the rebuild is byte-identical wherever the
    file lies); another claim scorer gives another one."""
    obj = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    abouts = []
    for where in ("a", "b/c"):
        path = tmp_path / where / "scorers_kept.json"
        path.parent.mkdir(parents=True)
        path.write_text(json.dumps(obj), encoding="utf-8")
        abouts.append(scorers_about(json.loads(path.read_text(encoding="utf-8"))["claim"]))
    assert abouts[0] == abouts[1]
    assert "scorers_kept" not in abouts[0] and str(tmp_path) not in abouts[0]
    other = {**obj["claim"], "intercept": obj["claim"]["intercept"] + 1.0}
    assert scorers_about(other) != abouts[0]
    assert "sha256" not in scorers_about(None)


def test_article_profile_reads_the_genre_of_the_whole_article() -> None:
    """Analyzer 1.9: the claim scorer reads what kind of text a sentence stands in (a report that attributes,
    counts and narrates, or a column that argues); a sentence without an article gets the training mean."""
    report = ["Police said 14 people were hurt on Monday.", "The mayor told reporters the bridge was closed.",
              "Officials counted 300 homes without power."]
    column = ["This is what happens when leaders stop listening.", "Nobody in this city deserves such contempt.",
              "It is time to ask who benefits."]
    a = dict(zip(ARTICLE_FEATURES, article_profile(report, [0.9, 0.8, 0.9]), strict=True))
    b = dict(zip(ARTICLE_FEATURES, article_profile(column, [0.2, 0.3, 0.2]), strict=True))
    assert a["article attribution share"] == pytest.approx(2 / 3) and b["article attribution share"] == 0.0
    assert a["article figure share"] == pytest.approx(2 / 3) and b["article figure share"] == 0.0
    assert a["article past verbs"] > b["article past verbs"] == 0.0
    assert a["article claim logit"] > 0 > b["article claim logit"]
    assert article_profile([], []) == [0.0, 0.0, 0.0, 0.0]
    assert sentence_feature_set(sentence_feature_names(False, True)) == (False, True)
    with pytest.raises(ValueError):
        sentence_feature_set(["claim logit"])
    scorers = _zero_embedding_scorers()
    if not sentence_feature_set(scorers.claim.names)[1]:
        return  # the shipped claim scorer does not read the profile
    line = "The regional council approved the budget on Tuesday."
    emb = np.zeros((4, 384))
    in_report = score_sentences([line, *report], [0.6, 0.9, 0.8, 0.9], emb, [False] * 4, scorers=scorers).claim[0]
    in_column = score_sentences([line, *column], [0.6, 0.2, 0.3, 0.2], emb, [False] * 4, scorers=scorers).claim[0]
    assert in_report > in_column  # the same sentence is more likely a claim in a report
    alone = score_sentences([line], [0.6], emb[:1], [False], in_article=False, scorers=scorers).claim[0]
    with_others = score_sentences([line, *column], [0.6, 0.2, 0.3, 0.2], emb, [False] * 4, in_article=False,
                                  scorers=scorers).claim[0]
    assert alone == pytest.approx(with_others)  # without an article, no profile: the training mean


def test_cue_feature_sets_are_subsets_of_the_cue_features_and_include_the_shipped_one() -> None:
    from presslens.training.realnews_claims import cue_feature_sets

    full = cue_feature_names(True)
    sets = cue_feature_sets()
    for names, _ in sets.values():
        assert names and set(names) <= set(full) and len(set(names)) == len(names)
    shipped = (cue_feature_names(SHIPPED.cue_extended), SHIPPED.cue_embedding)
    assert shipped in sets.values()  # the report compares the shipped set with the others
    assert any(not embedding for _, embedding in sets.values())


def test_hedged_counts_move_with_the_cue_threshold(tmp_path: Path) -> None:
    from presslens.training.realnews_claims import _hedged_pr

    (tmp_path / "dev.jsonl").write_text(json.dumps({"claims": [{}], "hedges": [{}, {}]}) + "\n", encoding="utf-8")
    data = Dataset([_row("dev", "1", [0], [0]), _row("dev", "2", [0], [])], np.zeros((2, 3)))
    claim, cue = [0.9, 0.9], [0.55, 0.45]
    assert _hedged_pr(data, "dev", tmp_path, claim, cue, 0.5) == (1.0, 0.5)  # the 0.45 cue is a candidate
    assert _hedged_pr(data, "dev", tmp_path, claim, cue, 0.4) == (0.5, 0.5)  # lowered: the wrong one counts
    assert _hedged_pr(data, "dev", tmp_path, claim, cue, 0.6) == (0.0, 0.0)


def test_split_weights_give_every_split_the_same_total_weight() -> None:
    from presslens.training.realnews_claims import split_weights

    w = split_weights(["dev", "dev", "dev", "dev2"])
    assert w.sum() == pytest.approx(4.0)
    assert w[:3].sum() == pytest.approx(w[3])


def _toy_cues(n: int = 120) -> tuple[np.ndarray, np.ndarray]:
    from presslens.analyzers.claims.scorers import CUE_CLASSES

    rng = np.random.default_rng(3)
    names = cue_feature_names(False)
    x = np.zeros((n, len(names)))
    x[np.arange(n), rng.integers(0, len(CUE_CLASSES), n)] = 1.0
    x[:, len(CUE_CLASSES):] = rng.normal(size=(n, len(names) - len(CUE_CLASSES)))
    y = (x[:, len(CUE_CLASSES)] + rng.normal(size=n) > 0).astype(int)
    return x, y


def test_weighted_fit_without_prior_matches_the_plain_fit_at_equal_weights() -> None:
    from presslens.training.realnews_claims import fit_cue_scorer

    x, y = _toy_cues()
    names = cue_feature_names(False)
    plain = fit_scorer(x, None, y, 0.3, names)
    weighted = fit_cue_scorer(x, None, y, 0.3, names, np.ones(len(y)))
    assert np.allclose(plain.probabilities(x), weighted.probabilities(x), atol=1e-3)  # sklearn stops at tol 1e-4


def test_lexicon_prior_is_folded_into_the_scorer_and_pulls_towards_the_class_table() -> None:
    from presslens.training.realnews_claims import fit_cue_scorer, lexicon_prior

    x, y = _toy_cues()
    names = cue_feature_names(False)
    # with a very strong penalty the learned part vanishes: the written scorer is the lexicon's class score
    strong = fit_cue_scorer(x, None, y, 1e-7, names, prior=True)
    table = 1.0 / (1.0 + np.exp(-lexicon_prior(x)))
    assert np.allclose(strong.probabilities(x), table, atol=1e-3)
    plain = fit_scorer(x, None, y, 1e-7, names)
    assert not np.allclose(plain.probabilities(x), table, atol=1e-2)
    # the folded scorer has the plain form: it round-trips through JSON like any other
    again = LinearScorer.from_json(json.loads(json.dumps(strong.to_json())), names)
    assert np.allclose(again.probabilities(x), strong.probabilities(x), atol=1e-5)


def test_wider_cue_candidates_are_an_option_of_score_sentences() -> None:
    texts = ["It is hard to know if the convoy ever reached the depot.",
             "The mayor expressed doubts about the new bridge in 1990."]
    default = score_sentences(texts, [0.9, 0.9], np.zeros((2, 384)), [False, False], scorers=_zero_embedding_scorers())
    wider = score_sentences(texts, [0.9, 0.9], np.zeros((2, 384)), [False, False], scorers=_zero_embedding_scorers(),
                            wider_cues=True)
    assert default.cues[0] == [] and [texts[0][s:e] for s, e, _, _ in wider.cues[0]] == ["hard to know"]
    assert [texts[1][s:e] for s, e, _, _ in default.cues[1]] == ["doubts about"] and wider.cues[1] == []


@pytest.mark.parametrize(
    ("sentence", "vetoed"),
    [
        ("The class copied the creed, ostensibly to practise calligraphy.", ["ostensibly"]),
        ("Reports indicated that the smugglers paid $40,000 each.", ["Reports indicated"]),
        ("Other reports indicating that two men fired were never confirmed.", ["indicating"]),
        ("New research suggests that the cycle repeats every 11 years.", []),  # evidence: a cue
        ("Footage from the pier may show a second boat.", []),
    ],
)
def test_vetoed_claim_cues(sentence: str, vetoed: list[str]) -> None:
    from presslens.text.hedging import vetoed_claim_cue

    cands = claim_cue_candidates(sentence)
    assert cands  # every sentence has a candidate; the veto decides which stay
    assert [sentence[s:e] for s, e, _ in cands if vetoed_claim_cue(sentence, s, e)] == vetoed


def test_cue_veto_is_an_option_of_score_sentences() -> None:
    texts = ["Reports suggested that the depot was empty.", "The depot may have been empty."]
    args = ([0.9, 0.9], np.zeros((2, 384)), [False, False])
    default = score_sentences(texts, *args, scorers=_zero_embedding_scorers())
    veto = score_sentences(texts, *args, scorers=_zero_embedding_scorers(), cue_veto=True)
    assert [texts[0][s:e] for s, e, _, _ in veto.cues[0]] == ["Reports suggested"]  # still listed, at 0
    assert default.cues[0][0][3] > 0.0 and veto.cues[0][0][3] == 0.0 and veto.hedge[0] == 0.0
    assert veto.cues[1] == default.cues[1] and veto.claim == default.claim  # nothing else moves


def test_analyzer_option_cue_veto_unhedges_a_vague_reports_claim() -> None:
    from presslens import read_article
    from presslens.pipeline import Pipeline, PipelineConfig

    text = ("Smugglers at the border\n\nReports indicated that smugglers were paying as much as $50,000 each to "
            "cross the border into Texas last year.")

    def claims(options: dict[str, str]) -> list[tuple[float, bool]]:
        report = Pipeline(PipelineConfig(only=("claims",), options=options)).run(read_article(text))
        return [(f.score, bool(f.attributes["hedged"])) for f in report.findings if f.kind == "claim"]

    default, veto = claims({}), claims({"claims.cue_veto": "on"})
    assert any(h for _, h in default)  # the default asserts the vague source's "indicated" as a hedge
    assert not any(h for _, h in veto)
    assert [s for s, _ in default] == [s for s, _ in veto]  # the claim scores do not move


def test_trainer_veto_scores_vetoed_candidates_zero() -> None:
    from presslens.training.realnews_claims import hedge_scores_with

    row = _row("dev", "1", [0], [0])
    data = Dataset([row], np.zeros((1, 384)))
    refresh(data)
    scorer = _zero_embedding_scorers().hedge_cue
    assert hedge_scores_with(scorer, data, veto=True) == hedge_scores_with(scorer, data)  # "may": no veto
    row.candidates[0].vetoed = True
    assert hedge_scores_with(scorer, data, veto=True) == [0.0] and hedge_scores_with(scorer, data)[0] > 0.0


def test_s25_screens_change_only_what_they_name() -> None:
    from presslens.training.realnews_claims_screens import SCREENS

    sentence = "Two plates were left on the table, suggesting that a second guest had eaten there."
    text = "Reports indicated that the depot was empty."
    default = [sentence[s:e] for s, e, _ in claim_cue_candidates(sentence)]
    participle, _ = SCREENS["participle"]
    removed, _ = SCREENS["removed"]
    assert participle is not None and removed is not None
    assert "suggesting" not in default and "suggesting" in [sentence[s:e] for s, e, _ in participle(sentence, False)]
    assert claim_cue_candidates(text) and removed(text, False) == []
    for name, (_, options) in SCREENS.items():  # the shipped setting, the cue C fixed, plus the screen's change
        assert options.extended == SHIPPED.extended and options.cue_extended == SHIPPED.cue_extended
        assert options.cue_c == 0.01 and options.cue_bagged == (name == "bagged")
        assert options.cue_veto == (name == "veto")


def test_uncovered_counts_gold_cues_without_a_candidate() -> None:
    from presslens.training.realnews_claims_screens import uncovered

    covered, missed = _row("dev", "1", [0], [0]), _row("dev", "2", [0], [0])
    missed.candidates = []
    assert uncovered(Dataset([covered, missed, _row("dev2", "3", [], [])], np.zeros((3, 3)))) == {"dev": (1, 2)}


def test_claim_gate_kept_lowers_only_units_without_an_asserted_cue_or_an_attribution() -> None:
    """The option claim_gate=kept (s29, claims17): the profiled score, but attributed units and units with an
    asserted cue keep at least the shipped score. A profiled scorer that puts every unit near 0 shows which."""
    from presslens.analyzers.claims.scorers import kept_claims, sentence_feature_names

    names = tuple(sentence_feature_names(False, True))
    low = LinearScorer(names, np.zeros(len(names)), np.ones(len(names)), np.zeros(len(names)), -5.0, 0)
    texts = ["Officials said 12 people died in the flood on Monday.", "This is a disgrace and everyone knows it.",
             "The convoy reportedly turned back at the border on Monday."]
    probs, emb, forecasts = [0.9, 0.6, 0.9], np.zeros((3, 384)), [False, False, False]
    shipped = score_sentences(texts, probs, emb, forecasts)
    kept = score_sentences(texts, probs, emb, forecasts, kept_gate=low)
    assert kept.hedge == shipped.hedge and kept.cues == shipped.cues  # the gate moves claim scores only
    assert kept.claim[0] == shipped.claim[0]  # attributed: the shipped score
    assert kept.claim[1] < 0.01 < shipped.claim[1]  # no cue, no attribution: the profiled score
    expected = shipped.claim[2] if shipped.hedge[2] >= 0.5 else kept.claim[2]
    assert kept.claim[2] == pytest.approx(expected)
    assert kept_claims([0.2, 0.2], [0.9, 0.9], [0.9, 0.0], [False, False]) == [0.9, 0.9]  # never lower than profiled


def test_claim_gate_lowered_never_raises_a_unit_and_leaves_sentences_without_an_article_alone() -> None:
    """The option claim_gate=lowered (s30, claims18): min(shipped, profiled) for units without an asserted cue or an
    attribution, the shipped score otherwise; a profiled scorer near 1 must raise nothing, one near 0 lowers the
    opinion line; sentences scored without an article (CT24) keep the shipped score."""
    names = tuple(sentence_feature_names(False, True))
    low = LinearScorer(names, np.zeros(len(names)), np.ones(len(names)), np.zeros(len(names)), -5.0, 0)
    high = LinearScorer(names, np.zeros(len(names)), np.ones(len(names)), np.zeros(len(names)), 5.0, 0)
    texts = ["Officials said 12 people died in the flood on Monday.", "This is a disgrace and everyone knows it."]
    probs, emb, forecasts = [0.9, 0.6], np.zeros((2, 384)), [False, False]
    shipped = score_sentences(texts, probs, emb, forecasts)
    lowered = score_sentences(texts, probs, emb, forecasts, kept_gate=low, lowered=True)
    assert lowered.claim[0] == shipped.claim[0]  # attributed: the shipped score
    assert lowered.claim[1] < 0.01 < shipped.claim[1]  # opinion, no cue, no attribution: lowered
    assert score_sentences(texts, probs, emb, forecasts, kept_gate=high, lowered=True).claim == shipped.claim
    assert score_sentences(texts, probs, emb, forecasts, kept_gate=high).claim[1] > shipped.claim[1]  # kept raises
    alone = score_sentences(texts, probs, emb, forecasts, in_article=False)
    assert score_sentences(texts, probs, emb, forecasts, in_article=False, kept_gate=low, lowered=True).claim == \
        alone.claim


def test_the_kept_option_file_loads_and_is_fitted_on_every_open_split() -> None:
    from presslens.analyzers.claims.scorers import KEPT_FILE, load_kept_scorer, sentence_feature_names
    from presslens.evaluation.realnews_selection import OPEN_SPLITS, VALIDATION_SPLITS

    scorer = load_kept_scorer()
    assert list(scorer.names) == sentence_feature_names(False, True)  # the 13 features and the article profile
    assert scorer.embedding_dims == 0
    rows = json.loads(KEPT_FILE.read_text(encoding="utf-8"))["rows"]
    assert set(rows) == set(OPEN_SPLITS) and all(rows[s] > 0 for s in OPEN_SPLITS)
    assert not set(rows) & {*VALIDATION_SPLITS, "test"}


def test_claim_gate_neighbours_scores_with_the_units_around_each_unit(tmp_path: Path) -> None:
    """The option claim_gate=neighbours (s31, claims19): a claim scorer over the shipped 13 features and the four
    neighbourhood columns scores every unit; a weight on "neighbours opinion marker share" lowers the unit whose
    neighbours argue and leaves the one whose neighbours report; without an article the columns are the training
    mean, so they cannot move a debate line."""
    from presslens.analyzers.claims.scorers import (
        NEIGHBOUR_FEATURES,
        load_neighbour_scorer,
        neighbour_scorer_names,
    )

    names = tuple(neighbour_scorer_names())
    assert list(names[-4:]) == list(NEIGHBOUR_FEATURES)
    coef = np.zeros(len(names))
    coef[names.index("neighbours opinion marker share")] = -8.0
    scorer = LinearScorer(names, np.zeros(len(names)), np.ones(len(names)), coef, 2.0, 0)
    texts = ["This is a disgrace!", "We must act now.", "The bridge closed on Monday.",
             "Officials said the road reopened.", "Police counted 40 cars.", "Traffic resumed at noon."]
    probs, emb, forecasts = [0.3, 0.3, 0.8, 0.9, 0.9, 0.8], np.zeros((6, 384)), [False] * 6
    out = score_sentences(texts, probs, emb, forecasts, neighbour_gate=scorer)
    assert out.claim[2] < 0.2  # "The bridge closed": two of its four neighbours argue ("disgrace", "must")
    assert out.claim[5] > 0.8  # "Traffic resumed": its neighbours report
    shipped = score_sentences(texts, probs, emb, forecasts)
    assert out.hedge == shipped.hedge and out.cues == shipped.cues  # the cue scorer does not move
    # without an article: the mean columns (0 here), so the intercept alone
    alone = score_sentences(texts, probs, emb, forecasts, in_article=False, neighbour_gate=scorer)
    assert alone.claim == pytest.approx([1.0 / (1.0 + np.exp(-2.0))] * 6)
    path = tmp_path / "n.json"
    path.write_text(json.dumps({"claim_neighbours": scorer.to_json()}), encoding="utf-8")
    assert load_neighbour_scorer(path).names == names
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"claim_neighbours": {**scorer.to_json(), "names": list(names[:-1])}}),
                   encoding="utf-8")
    with pytest.raises(ValueError):
        load_neighbour_scorer(bad)


def test_claim_gate_neighbours_capped_reads_three_columns_and_never_moves_a_hedged_unit(tmp_path: Path) -> None:
    """The option claim_gate=neighbours_capped (s32, claims20): the neighbourhood scorer without the attribution
    share; a unit whose best cue is asserted keeps the shipped claim score, so its hedged decision cannot move."""
    from presslens.analyzers.claims.scorers import (
        capped_neighbour_scorer_names,
        load_capped_neighbour_scorer,
    )

    names = tuple(capped_neighbour_scorer_names())
    assert "neighbours attribution share" not in names and len(names) == len(neighbour_names_base()) + 3
    coef = np.zeros(len(names))
    coef[names.index("neighbours opinion marker share")] = -16.0
    scorer = LinearScorer(names, np.zeros(len(names)), np.ones(len(names)), coef, 2.0, 0)
    texts = ["This is a disgrace!", "We must act now.", "The bridge may have closed on Monday.",
             "The bridge closed on Monday.", "Officials said the road reopened.", "Police counted 40 cars.",
             "Traffic resumed at noon."]
    probs, emb, forecasts = [0.3, 0.3, 0.8, 0.8, 0.9, 0.9, 0.8], np.zeros((7, 384)), [False] * 7
    models = load_scorers()
    # a cue scorer that asserts every candidate (its intercept raised), so "may have closed" is a hedged claim
    models = dataclasses.replace(models, hedge_cue=dataclasses.replace(models.hedge_cue, intercept=12.0))
    shipped = score_sentences(texts, probs, emb, forecasts, scorers=models)
    out = score_sentences(texts, probs, emb, forecasts, scorers=models, neighbour_gate=scorer, capped=True)
    free = score_sentences(texts, probs, emb, forecasts, scorers=models, neighbour_gate=scorer)
    for i, h in enumerate(shipped.hedge):
        if h >= 0.5:  # an asserted cue: the shipped score
            assert out.claim[i] == pytest.approx(shipped.claim[i])
        else:
            assert out.claim[i] == pytest.approx(free.claim[i])
    assert out.claim[3] < 0.2  # "The bridge closed": one of its four neighbours argues ("disgrace")
    assert out.claim[6] > 0.8  # "Traffic resumed": its neighbours report
    assert shipped.hedge[2] >= 0.5 and free.claim[2] < 0.5 <= shipped.claim[2]  # the gate alone would drop it
    hedged = [min(c, h) >= 0.5 for c, h in zip(out.claim, out.hedge, strict=True)]
    assert hedged == [min(c, h) >= 0.5 for c, h in zip(shipped.claim, shipped.hedge, strict=True)]
    path = tmp_path / "c.json"
    path.write_text(json.dumps({"claim_neighbours_capped": scorer.to_json()}), encoding="utf-8")
    assert load_capped_neighbour_scorer(path).names == names
    other = tmp_path / "other.json"  # the four-column option's file is not this option's
    other.write_text(json.dumps({"claim_neighbours_capped": {**scorer.to_json(), "names": [*names[:-3],
                                 "neighbours claim logit", "neighbours attribution share",
                                 "neighbours opinion marker share"]}}), encoding="utf-8")
    with pytest.raises(ValueError):
        load_capped_neighbour_scorer(other)


def neighbour_names_base() -> list[str]:
    from presslens.analyzers.claims.scorers import sentence_feature_names

    return sentence_feature_names(False, False)


@pytest.mark.parametrize("capped", [False, True], ids=["neighbours", "neighbours_capped"])
def test_the_neighbours_option_files_load_and_are_fitted_on_every_open_split(capped: bool) -> None:
    from presslens.analyzers.claims import scorers
    from presslens.evaluation.realnews_selection import OPEN_SPLITS, VALIDATION_SPLITS

    path, names, load = ((scorers.CAPPED_NEIGHBOURS_FILE, scorers.capped_neighbour_scorer_names,
                          scorers.load_capped_neighbour_scorer) if capped else
                         (scorers.NEIGHBOURS_FILE, scorers.neighbour_scorer_names, scorers.load_neighbour_scorer))
    scorer = load()
    assert list(scorer.names) == names() and scorer.embedding_dims == 0
    assert scorer.coef[list(scorer.names).index("claim logit")] > 0
    rows = json.loads(path.read_text(encoding="utf-8"))["rows"]
    assert set(rows) == set(OPEN_SPLITS) and all(rows[s] > 0 for s in OPEN_SPLITS)
    assert not set(rows) & {*VALIDATION_SPLITS, "test"}
