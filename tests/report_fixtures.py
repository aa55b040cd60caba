"""Hand-made reports for the report tests (our own text; no analyzer is run)."""

from __future__ import annotations

from typing import Any

from presslens.article import AnalyzerRun, Article, Finding, Report, span_ref
from presslens.ingest.normalize import article_from_text

ARTICLE_TEXT = """Officials say 200,000 troops massed near the border

Officials said on Monday that at least 200,000 troops had massed near the border, a figure that could not be independently verified. The defence ministry claimed the buildup was purely defensive.

"These traitors and puppets will pay for every village they burned," a commander told state television. "Wipe them out, every last one of them."

Analysts expect the offensive to begin within weeks. Prices of bread rose by 40% in March, according to the statistics office.

Residents urged neighbours to sign the petition and join Saturday's march; organisers expect 1,5000 people.
"""


def find(article: Article, needle: str, occurrence: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence + 1):
        start = article.text.index(needle, start + 1)
    return start, start + len(needle)


def at(article: Article, needle: str, *, occurrence: int = 0, **kw: Any) -> Finding:
    s, e = find(article, needle, occurrence)
    kw.setdefault("analyzer", "test")
    return Finding.at(article, s, e, **kw)


def ref(article: Article, needle: str, occurrence: int = 0, **extra: Any) -> dict[str, Any]:
    s, e = find(article, needle, occurrence)
    return {**span_ref(article, s, e), **extra}


def make_article(text: str = ARTICLE_TEXT, **meta: Any) -> Article:
    article = article_from_text(text, id="demo", origin="tests/demo.txt", detect_language=False, **meta)
    article.language, article.language_score = "en", 0.98
    return article


def _quantity(a: Article, needle: str, label: str, value: float | None, unit: str | None, bound: str | None,
              number: str, *, malformed: bool = False, likely: list[float] | None = None) -> Finding:
    attrs: dict[str, Any] = {"value": value, "unit": unit, "bound": bound, "vague": False, "malformed": malformed,
                             "number": ref(a, number)}
    if likely:
        attrs["likely_values"] = likely
    return at(a, needle, kind="quantity", label=label, score=0.9, analyzer="figures", attributes=attrs)


def _claim(a: Article, needle: str, score: float, *, figures: list[dict[str, Any]], source: str | None,
           source_type: str | None, cue: str, hedged: list[str], horizon: str | None = None,
           prediction: bool = False) -> Finding:
    s, _ = find(a, needle)
    attribution = None
    if source is not None:
        attribution = {"source": ref(a, source), "source_type": source_type, "cue": ref(a, cue), "content": None}
    return at(a, needle, kind="claim", label="check_worthy", score=score, analyzer="claims",
              attributes={"figures": figures, "attribution": attribution, "hedged": bool(hedged),
                          "hedge_cues": hedged, "prediction": prediction, "horizon": horizon,
                          "sentence_index": a.sentence_index_at(s) or 0})


def _technique(span_p: float, technique_p: float, rank: int, source: str) -> dict[str, Any]:
    return {"span_probability": span_p, "technique_probability": technique_p, "rank": rank, "source": source,
            "alternatives": [{"label": "Loaded_Language", "probability": technique_p}]}


def sample_report(article: Article | None = None) -> Report:
    """A report on :data:`ARTICLE_TEXT` with every kind of finding, shaped like the analyzers' output."""
    a = article or make_article(source="Example Wire")
    findings = [
        _quantity(a, "at least 200,000 troops", "count", 200000, "troops", "lower", "200,000"),
        _quantity(a, "40%", "percent", 40, "%", None, "40"),
        _quantity(a, "1,5000 people", "count", None, "people", None, "1,5000", malformed=True,
                  likely=[1500, 15000]),
        _claim(a, "Officials said on Monday that at least 200,000 troops had massed near the border, a figure "
                  "that could not be independently verified.", 0.88,
               figures=[{**ref(a, "at least 200,000 troops"), "value": 200000, "label": "count"}],
               source="Officials", source_type="vague", cue="said", hedged=["could not be independently verified"]),
        _claim(a, "Analysts expect the offensive to begin within weeks.", 0.74, figures=[], source="Analysts",
               source_type="vague", cue="expect", hedged=[], horizon="within weeks", prediction=True),
        _claim(a, "Prices of bread rose by 40% in March, according to the statistics office.", 0.81,
               figures=[{**ref(a, "40%"), "value": 40, "label": "percent"}], source="the statistics office",
               source_type="organisation", cue="according to", hedged=[]),
        at(a, "Officials said on Monday that", kind="attribution", label="vague", score=0.9, analyzer="attribution",
           attributes={"source": ref(a, "Officials", 1, type="vague"), "cue": ref(a, "said"),
                       "content": ref(a, "at least 200,000 troops had massed near the border"), "method": "rules"}),
        at(a, "These traitors and puppets", kind="technique", label="Name_Calling,Labeling", score=0.83,
           analyzer="techniques", attributes=_technique(0.9, 0.92, 1, "tagger")),
        at(a, "traitors and puppets will pay for every village they burned", kind="technique",
           label="Loaded_Language", score=0.66, analyzer="techniques", attributes=_technique(0.7, 0.94, 1, "lexicon")),
        at(a, "Wipe them out, every last one of them.", kind="violence", label="call_to_violence", score=0.93,
           analyzer="violence", attributes={"target": ref(a, "them", 1), "cues": ["wipe out"],
                                            "probabilities": {"call": 0.93, "endorsement": 0.03, "report": 0.03,
                                                              "nonviolent_call": 0.01}}),
        at(a, "sign the petition and join Saturday's march", kind="call_to_action", label="nonviolent",
           score=0.7, analyzer="violence", attributes={"cues": ["sign the petition"]}),
    ]
    probs = [0.05, 0.2, 0.1, 0.9, 0.95, 0.3, 0.15, 0.4]
    for i, (s, e) in enumerate(a.sentences):
        findings.append(Finding.at(a, s, e, kind="sentence", label="propaganda", score=probs[i % len(probs)],
                                   analyzer="techniques", attributes={"index": i, "flagged": probs[i % len(probs)] >= 0.5}))
    runs = [AnalyzerRun(n, "1.0", "ok") for n in ("figures", "claims", "attribution", "techniques")]
    runs.append(AnalyzerRun("violence", "0.3", "unsupported_language", "supports en; article is xx"))
    return Report(article=a, findings=findings, labels={"violence": {"label": True, "score": 0.96}},
                  analyzers=runs, errors=[])
