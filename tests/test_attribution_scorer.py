"""The learned attribution scorer (analyzer 2.1): its traits, its weights file and its leave-one-split-out fit."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from presslens.analyzers.attribution import scorer
from presslens.analyzers.attribution.analyzer import extract
from presslens.analyzers.attribution.calibration import CANDIDATE_CAP
from presslens.analyzers.attribution.link import Attribution
from presslens.analyzers.base import Features
from presslens.article import Article
from presslens.segment import paragraphs, sentences
from tests.text_fixtures import span_of


def _traits(text: str, source: str | None, cue: str, content: str | None) -> dict[str, float]:
    a = Attribution(span_of(text, cue), span_of(text, source) if source else None,
                    span_of(text, content) if content else None, 0.9, False)
    values = scorer.scorer_features(text, a, sentences(text, paragraphs(text)))
    return dict(zip(scorer.FEATURE_NAMES, values, strict=True))


@pytest.mark.parametrize(
    ("text", "cue", "lemma", "klass"),
    [
        ("The minister said the talks failed.", "said", "say", "core"),
        ("The minister told reporters the talks failed.", "told", "tell", "core"),
        ("According to the ministry, the talks failed.", "According to", "according", "according"),
        ("The senator posted a video of the rally.", "posted", "post", "writing"),
        ("The senator believes the talks failed.", "believes", "believe", "cognition"),
        ("The senator condemned the attack.", "condemned", "condemn", "speech"),
        ("The senator bought a house.", "bought", "bought", "action"),
        ("A video shows crowds at the border.", "shows", "show", "evidence"),
        ("Smith: the talks failed.", ":", "", "frame"),
        ("He cited the reports of fraud.", "reports", "report", "noun"),
    ],
)
def test_the_cue_is_typed_by_its_lemma_and_class(text: str, cue: str, lemma: str, klass: str) -> None:
    span = span_of(text, cue)
    assert scorer.cue_lemma(text, span) == lemma
    assert scorer.cue_class(text, span) == klass


def test_the_content_is_typed_quote_that_clause_noun_phrase_question() -> None:
    text = "Smith said that the talks failed. Jones said “we will win.” Lee condemned the attack. Kim asked why."
    that = _traits(text, "Smith", "said", "that the talks failed")
    assert that["content that-clause"] == 1.0 and that["content quote"] == 0.0
    quote = _traits(text, "Jones", "said “", "we will win.")
    assert quote["content quote"] == 1.0
    noun = _traits(text, "Lee", "condemned", "the attack")
    assert noun["content noun phrase"] == 1.0 and noun["content clause"] == 0.0
    question = _traits(text, "Kim", "asked", "why")
    assert question["content question"] == 1.0


def test_the_source_is_typed_pronoun_first_person_name_vague_or_missing() -> None:
    text = "He said the talks failed. I said the talks failed. Critics said the talks failed. Obama said so."
    assert _traits(text, "He", "said", "the talks failed")["source pronoun"] == 1.0
    assert _traits(text, "I", "said the talks failed. Critics", "Critics")["source first person"] == 1.0
    assert _traits(text, "Critics", "said the talks failed. Obama", "Obama")["source vague"] == 1.0
    assert _traits(text, "Obama", "said so", "so")["source name"] == 1.0
    assert _traits(text, None, "said", "the talks failed")["source none"] == 1.0


def test_content_before_the_cue_and_in_another_sentence_are_marked() -> None:
    text = "The talks failed. The minister said so in a statement."
    t = _traits(text, "The minister", "said", "The talks failed")
    assert t["content before cue"] == 1.0 and t["content other sentence"] == 1.0


def test_passive_heading_quotation_and_question_contexts_are_marked() -> None:
    text = "Trump Blasted By Rivals Over Wall\n\nThe plan was denounced by critics. “Smith said no,” he added. Why did Lee say yes?"
    assert _traits(text, "critics", "denounced by", "The plan")["passive cue"] == 1.0
    assert _traits(text, "Rivals", "Blasted", "Trump")["heading line"] == 1.0
    assert _traits(text, "Smith", "said", "no")["cue inside quotation"] == 1.0
    assert _traits(text, "Lee", "say", "yes")["question sentence"] == 1.0
    plain = _traits(text, "critics", "denounced by", "The plan")
    assert plain["heading line"] == 0.0 and plain["cue inside quotation"] == 0.0


def test_a_transcript_turn_inside_the_content_is_marked() -> None:
    text = "Smith explains:\nSMITH: So, let us go back.\nREPORTER: Why?"
    assert _traits(text, "Smith", "explains", "SMITH: So, let us go back.")["content transcript turn"] == 1.0


def test_the_shipped_weights_name_this_codes_features_and_give_probabilities() -> None:
    weights, bias = scorer.load_scorer()
    assert len(weights) == len(scorer.FEATURE_NAMES)
    text = "The minister said that the talks failed."
    a = Attribution(span_of(text, "said"), span_of(text, "The minister"), span_of(text, "that the talks failed"), 0.95,
                    False)
    p = scorer.learned_score(text, a, [(0, len(text))])
    assert 0.5 < p < 1.0  # a plain named "said that" is asserted
    a.sane = False
    assert scorer.learned_score(text, a, [(0, len(text))]) <= CANDIDATE_CAP


def test_a_scorer_file_with_other_features_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "scorer.json"
    path.write_text(json.dumps({"features": ["logit raw score"], "weights": [1.0], "bias": 0.0}))
    with pytest.raises(ValueError, match="retrain"):
        scorer.load_scorer(path)


def test_the_learned_scorer_is_the_default_and_the_calibration_an_option() -> None:
    from presslens.analyzers.attribution.calibration import calibrated, calibration_inputs

    assert scorer.DEFAULT_SCORER == "learned"  # since 2.12 (HISTORY.md 2.12: passed the ship rule over ten splits)
    text = "The minister said that the talks had failed, and the army said that the fighting would go on."
    article = Article(text=text, sentences=sentences(text, paragraphs(text)))
    default = extract(Features(article), use_model=False)
    calibrated_run = extract(Features(article), use_model=False, scorer="calibrated")
    raw = extract(Features(article), use_model=False, raw_scores=True)
    assert [a.cue for a in default] == [a.cue for a in calibrated_run] == [a.cue for a in raw]
    sents = list(article.sentences)
    assert [a.score for a in default] == pytest.approx([scorer.learned_score(text, a, sents) for a in raw])
    assert [a.score for a in calibrated_run] == pytest.approx([calibrated(*calibration_inputs(text, a)) for a in raw])
    assert [a.score for a in default] != [a.score for a in calibrated_run]


# Training
# ---------------------------------------------------------------------------------------------


def _synthetic_table() -> object:
    from presslens.training.attribution_scorer import ScorerTable

    rng = np.random.default_rng(0)
    table = ScorerTable(gold={})
    for split in ("a", "b", "c"):
        table.gold[split] = 20
        for k in range(40):
            good = k % 2 == 0
            table.x.append([(2.0 if good else -2.0) + rng.normal(0, 0.5), rng.normal()])
            table.y.append(float(good))
            table.splits.append(split)
            table.current.append(0.6)  # the old score asserts everything
            table.sane.append(True)
            table.matched.append([f"{split}{k}"] if good else [])
    return table


def test_the_fit_finds_the_informative_feature_and_ignores_noise() -> None:
    from presslens.training.attribution_scorer import fit_standardised

    table = _synthetic_table()
    x, y = np.array(table.x), np.array(table.y)  # type: ignore[attr-defined]
    weights, _bias = fit_standardised(x, y, 1.0)
    assert weights[0] > 1.0 and abs(weights[1]) < 0.5 * weights[0]


def test_leave_one_split_out_scores_each_split_with_a_model_of_the_others() -> None:
    from presslens.training.attribution_scorer import L2_GRID, leave_one_split_out, passes_ship_rule

    results = leave_one_split_out(_synthetic_table())  # type: ignore[arg-type]
    assert [r.split for r in results] == ["a", "b", "c"]
    for r in results:
        assert r.l2 in L2_GRID
        assert r.learned.predicted == r.learned.correct == r.learned.found == 20  # the twenty right ones only
        assert (r.current.predicted, r.current.correct, r.current.found) == (40, 20, 20)
    assert passes_ship_rule(results)  # precision 0.5 -> 1.0 at the same recall


def test_the_ship_rule_refuses_a_precision_gain_paid_with_more_than_half_of_it_in_recall() -> None:
    from presslens.evaluation.counts import PrecisionRecallCounts as Counts
    from presslens.training.attribution_scorer import HeldOut, passes_ship_rule

    shipped = Counts(predicted=100, correct=80, gold=100, found=75)
    # P +0.10, R -0.15
    gained = HeldOut("a", 1.0, Counts(predicted=80, correct=72, gold=100, found=60), 0.0, shipped, 0.0)
    assert not passes_ship_rule([gained])
    # P +0.10, R -0.03
    fair = HeldOut("a", 1.0, Counts(predicted=90, correct=81, gold=100, found=72), 0.0, shipped, 0.0)
    assert passes_ship_rule([fair])


def test_the_scorer_file_is_written_whole_and_loads(tmp_path: Path) -> None:
    from presslens.training.attribution_scorer import ScorerTable, write_scorer

    n = len(scorer.FEATURE_NAMES)
    table = ScorerTable(x=[[0.0] * n], y=[1.0], splits=["dev"])
    path = tmp_path / "scorer.json"
    write_scorer(path, np.arange(n, dtype=float), -1.5, 3.0, table)
    assert [p.name for p in tmp_path.iterdir()] == ["scorer.json"]
    weights, bias = scorer.load_scorer(path)
    assert weights[:3] == (0.0, 1.0, 2.0) and bias == -1.5


def test_a_validation_or_test_split_is_never_fitted_on(tmp_path: Path) -> None:
    from presslens.evaluation.realnews_selection import VALIDATION_SPLITS
    from presslens.training.attribution_scorer import scorer_table

    for split in (*VALIDATION_SPLITS, "test"):
        with pytest.raises(ValueError, match="never fitted"):
            scorer_table(tmp_path, (split,))


def test_the_shipped_scorer_is_fitted_on_every_open_split() -> None:
    from presslens.evaluation.realnews_selection import OPEN_SPLITS, VALIDATION_SPLITS

    shipped = json.loads(scorer.SCORER_FILE.read_text(encoding="utf-8"))
    assert shipped["splits"] == list(OPEN_SPLITS)
    assert not set(shipped["splits"]) & {"test", *VALIDATION_SPLITS}
