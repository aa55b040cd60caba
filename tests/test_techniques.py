"""Behaviour of the ``techniques`` analyzer on short articles written for these tests."""

from __future__ import annotations

import pytest

from presslens.analyzers import techniques as T
from presslens.analyzers.techniques.glossary import TECHNIQUES as GLOSSARY
from presslens.evaluation import ptc
from presslens.ingest.normalize import article_from_text

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
        assert_whole_words(text, f.start, f.end)
        assert 0.0 <= f.score <= 1.0


def is_word_char(text: str, i: int) -> bool:
    """Test-side definition: letters/digits, plus apostrophes and hyphens between two letters/digits."""
    if not 0 <= i < len(text):
        return False
    if text[i].isalnum():
        return True
    return text[i] in "'’-" and 0 < i < len(text) - 1 and text[i - 1].isalnum() and text[i + 1].isalnum()


def assert_whole_words(text: str, start: int, end: int) -> None:
    assert not is_word_char(text, start - 1), f"span starts inside a word: {text[max(0, start - 8):end]!r}"
    assert not is_word_char(text, end), f"span ends inside a word: {text[start:end + 8]!r}"


WORDY_SENTENCES = [
    "The Kremlin's lies are repeated every night on state television.",
    "They don't care, and they won't stop until the so-called referendum is over.",
    "Putin’s war has cost the country's youth dearly, officials' leaks suggest.",
    "A pro-government blogger called the U.S. and U.K. envoys 'warmongers'.",
    "The ex-minister's well-known claims weren't checked by anyone at the state-run agency.",
    "Rock-'n'-roll aside, the twenty-year-old soldiers' letters were heart-breaking.",
    "It's the mother-in-law's view: we've lost, y'all, and that's that.",
]


@pytest.mark.parametrize("sentence", WORDY_SENTENCES)
def test_snapping_never_cuts_words_with_apostrophes_or_hyphens(sentence):
    # every possible raw span inside the sentence, snapped, starts and ends on a word boundary
    for start in range(len(sentence)):
        for end in range(start + 1, len(sentence) + 1):
            s, e = T.snap_to_words(sentence, start, end)
            if e > s:
                assert s <= start or sentence[start:s].strip(T.TRIM_CHARS) == ""
                assert_whole_words(sentence, s, e)


def test_analyzer_spans_on_wordy_sentences_are_whole_words():
    from presslens.pipeline import Pipeline

    text = "Possessives and hyphens\n\n" + " ".join(WORDY_SENTENCES) + "\n"
    report = Pipeline(only=["techniques"]).run(article_from_text(text))
    for f in report.by_kind("technique"):
        assert_whole_words(report.article.text, f.start, f.end)


def test_kremlin_possessive_is_not_cut():
    text = "The Kremlin's mobilisation is running out of men"
    s, e = T.snap_to_words(text, text.index("s mobil"), len(text))
    assert text[s:e] == "Kremlin's mobilisation is running out of men"
    curly = "Putin’s war"
    assert T.snap_to_words(curly, 6, len(curly)) == (0, len(curly))
    assert T.snap_to_words("the so-called truce", 9, 13) == (4, 13)
    assert T.snap_to_words("the U.S. army", 6, 13) == (4, 13)


def test_spans_do_not_end_on_function_words():
    text = "It was a desperate gamble by a thug who cannot admit it."
    s, e = T.trim_trailing_function_words(text, text.index("a desperate"), text.index("who") + 3)
    assert text[s:e] == "a desperate gamble by a thug"
    assert T.trim_trailing_function_words("the", 0, 3) == (0, 3)


def _techniques_of(text: str) -> list[tuple[str, str]]:
    from presslens.pipeline import Pipeline

    report = Pipeline(only=["techniques"]).run(article_from_text(text))
    return [(f.text, f.label) for f in report.by_kind("technique")]


def test_full_stop_is_a_thought_terminating_cliche():
    found = _techniques_of("He lost the vote on Sunday. He lost. Full stop.")
    assert ("Full stop", "Thought-terminating_Cliches") in found


def test_period_only_counts_as_a_closing_clause():
    assert ("period", "Thought-terminating_Cliches") not in _techniques_of(
        "The talks covered a period of three weeks in the spring."
    )
    assert ("period", "Thought-terminating_Cliches") in _techniques_of("We will not negotiate, period.")


def test_name_calling_nouns_are_labelled():
    found = _techniques_of("It was a desperate gamble by a thug who cannot admit he lost.")
    assert ("thug", "Name_Calling,Labeling") in found
    assert not any(text.endswith(" who") for text, _ in found)
    found = _techniques_of("The traitors and puppets in the capital sold out the country.")
    assert ("traitors", "Name_Calling,Labeling") in found
    assert ("puppets", "Name_Calling,Labeling") in found


def test_lexicon_file_is_valid_and_matches_whole_words():
    from presslens.analyzers.techniques import lexicon as L

    lexicon = T.default_model().lexicon
    mined = [e for e in lexicon.entries.values() if e.source == "train"]
    assert len(mined) > 100
    assert all(e.label is None or e.label in T.TECHNIQUES for e in lexicon.entries.values())
    assert all(0.0 <= e.precision <= 1.0 for e in mined)
    hand = L.hand_lexicon()
    hits = [(s, e) for s, e, _ in hand.matches("Thuggish behaviour, not thugs: the puppeteer's show.")]
    text = "Thuggish behaviour, not thugs: the puppeteer's show."
    assert [text[s:e] for s, e in hits] == ["thugs"]


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
