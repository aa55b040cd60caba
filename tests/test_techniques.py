"""Behaviour of the ``techniques`` analyzer on short articles written for these tests."""

from __future__ import annotations

import pytest

from presslens.analyzers import techniques as T
from presslens.analyzers.techniques_glossary import TECHNIQUES as GLOSSARY
from presslens.evaluation import ptc
from presslens.ingest.normalize import article_from_text

pytestmark = pytest.mark.skipif(
    not (T.MODEL_DIR / T.WEIGHTS_NAME).exists(), reason="techniques model not trained"
)

LOADED = """Traitors sell out the nation

The corrupt, cowardly traitors in the capital have stabbed our brave soldiers in the back once again!
These bloodthirsty monsters will stop at nothing to destroy our glorious homeland.
Every true patriot knows that only total victory can save our children from this evil horde.
Wake up, people: the lying media will never tell you the truth about this shameful betrayal!
"""

FACTUAL = """Ministry publishes grain export figures

The agriculture ministry said on Tuesday that grain exports rose by 4 percent in March compared with February.
Officials said 212 ships left the three southern ports during the month.
The figures were published on the ministry's website and have not been independently verified.
Shipping companies said insurance costs for the route remained unchanged.
A spokesperson said the next report is due in the second week of May.
"""


@pytest.fixture(scope="module")
def loaded_report():
    from presslens.pipeline import Pipeline

    return Pipeline(only=["techniques"]).run(article_from_text(LOADED))


@pytest.fixture(scope="module")
def factual_report():
    from presslens.pipeline import Pipeline

    return Pipeline(only=["techniques"]).run(article_from_text(FACTUAL))


def test_loaded_sentences_get_technique_spans(loaded_report):
    spans = loaded_report.by_kind("technique")
    assert spans, "no technique spans on an obviously loaded article"
    labels = {f.label for f in spans}
    assert labels <= set(T.TECHNIQUES)
    emotional = {"Loaded_Language", "Name_Calling,Labeling", "Flag-Waving", "Appeal_to_fear-prejudice",
                 "Exaggeration,Minimisation", "Slogans"}
    assert labels & emotional
    covered = " ".join(f.text.lower() for f in spans)
    assert any(w in covered for w in ("traitors", "bloodthirsty", "monsters", "cowardly", "corrupt", "evil"))
    sentence_probs = [f.score for f in loaded_report.by_kind("sentence")]
    assert sum(p >= 0.5 for p in sentence_probs) >= 3
    assert loaded_report.labels["propaganda"]["label"] is True


def test_factual_report_flags_at_most_one_sentence(factual_report):
    sentences = factual_report.by_kind("sentence")
    assert len(sentences) == len(factual_report.article.sentences)
    assert sum(f.score >= 0.5 for f in sentences) <= 1
    assert factual_report.labels["propaganda"]["sentences"] <= 1


@pytest.mark.parametrize("which", ["loaded", "factual"])
def test_spans_keep_offsets_and_whole_words(which, loaded_report, factual_report):
    report = loaded_report if which == "loaded" else factual_report
    text = report.article.text
    report.check()
    for f in report.by_kind("technique"):
        assert text[f.start : f.end] == f.text
        assert f.text and f.text[0] not in T.TRIM_CHARS and f.text[-1] not in T.TRIM_CHARS
        assert not (f.start > 0 and text[f.start - 1].isalnum() and text[f.start].isalnum())
        assert not (f.end < len(text) and text[f.end].isalnum() and text[f.end - 1].isalnum())
        assert 0.0 <= f.score <= 1.0


def test_snap_to_words_never_cuts_and_trims():
    text = "They said: the enemy's barbaric attack, again."
    s, e = T.snap_to_words(text, text.index("nemy"), text.index("attack") + 3)
    assert text[s:e] == "enemy's barbaric attack"
    s, e = T.snap_to_words(text, text.index(":"), text.index("again") + 6)
    assert text[s:e] == "the enemy's barbaric attack, again"


def test_si_scorer_partial_overlap_and_merging():
    gold = {"a": [(0, 10), (20, 30)]}
    assert ptc.si_scores(gold, {"a": [(0, 10), (20, 30)]})["f1"] == pytest.approx(1.0)
    half = ptc.si_scores(gold, {"a": [(0, 5)]})
    assert half["precision"] == pytest.approx(1.0)
    assert half["recall"] == pytest.approx(0.25)
    # overlapping predictions are merged before scoring
    merged = ptc.si_scores(gold, {"a": [(0, 6), (4, 10)]})
    assert merged["predicted"] == 1 and merged["precision"] == pytest.approx(1.0)


def test_glossary_covers_every_technique():
    assert set(GLOSSARY) == set(T.TECHNIQUES)
    for entry in GLOSSARY.values():
        assert entry["name"] and entry["definition"] and entry["example"]
