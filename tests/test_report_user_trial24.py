"""Problems the stop-24 user trial found in the report layer: with ``--min-score 0.5`` the Markdown report said
"4 of 4 scored sentences have a propaganda probability of at least 0.5" for an article whose labels row says
"4 of 18 sentences": the filter had dropped the low sentence scores, and the count read them as never scored."""

from __future__ import annotations

from presslens.article import Report
from presslens.report import to_markdown
from presslens.report.common import keep_min_score
from tests.report_fixtures import at, make_article

TEXT = (
    "Harbour news\n\n"
    "The minister said the bridge had been repaired within nine days. "
    "Critics called the council a gang of cowards hiding behind paperwork. "
    "Ferries will run again from Monday."
)
SENTENCES = ["The minister said the bridge had been repaired within nine days.",
             "Critics called the council a gang of cowards hiding behind paperwork.",
             "Ferries will run again from Monday."]


def _report() -> Report:
    a = make_article(TEXT, title="Harbour news")
    scores = [0.2, 0.9, 0.1]
    r = Report(article=a, findings=[
        at(a, s, kind="sentence", label="propaganda", score=p) for s, p in zip(SENTENCES, scores, strict=True)])
    r.labels = {"propaganda": {"label": True, "score": 1 / 3, "sentences": 1, "share": 1 / 3,
                               "total_sentences": 3, "threshold": 0.2}}
    return r


def _sentence_section(md: str) -> str:
    return md.split("## Sentence propaganda score", 1)[1].split("\n## ", 1)[0]


def test_the_sentence_count_is_the_articles_whatever_min_score_drops() -> None:
    full = _sentence_section(to_markdown(_report()))
    assert "1 of 3 scored sentences have a propaganda probability of at least 0.5." in full
    filtered = _sentence_section(to_markdown(keep_min_score(_report(), 0.5)))
    assert "1 of 3 scored sentences" in filtered
    assert "1 of 1 scored" not in filtered
    assert "Critics called the council" in filtered


def test_without_labels_the_count_is_the_scored_sentences() -> None:
    r = _report()
    r.labels = {}
    assert "1 of 3 scored sentences" in _sentence_section(to_markdown(r))
