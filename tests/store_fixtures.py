"""Synthetic analysed articles for the store tests (built directly, no model runs)."""

from __future__ import annotations

import datetime as dt

from presslens.article import AnalyzerRun, Article, Finding, Report


def make_report(
    text: str,
    *,
    source: str | None = "Daily Wire Service",
    date: dt.date | None = dt.date(2022, 10, 4),
    title: str | None = None,
    url: str | None = None,
    version: str = "1.0",
    language: str = "en",
) -> Report:
    """A report with one finding of each kind the store types: sentence, technique, claim, attribution,
    quantity (on the first number), violence (when the text says 'burn')."""
    article = Article(text=text, id="a", title=title, date=date, source=source, url=url, language=language,
                      sentences=[(0, len(text))])
    findings = [
        Finding.at(article, 0, len(text), kind="sentence", label="propaganda", score=0.8, analyzer="techniques"),
        Finding.at(article, 0, min(len(text), 12), kind="technique", label="Loaded_Language", score=0.7,
                   analyzer="techniques"),
        Finding.at(article, 0, len(text), kind="claim", label="check_worthy", score=0.9, analyzer="claims",
                   attributes={"attribution": {"start": 0, "end": 3} if "said" in text else None,
                               "hedged": "may" in text.split()}),
    ]
    if "said" in text:
        i = text.index("said")
        findings.append(Finding.at(article, 0, i + 4, kind="attribution", label="official", score=0.95,
                                   analyzer="attribution",
                                   attributes={"source": {"start": 0, "end": i - 1, "text": text[: i - 1],
                                                          "type": "official"}}))
    digits = [k for k, ch in enumerate(text) if ch.isdigit()]
    if digits:
        s = digits[0]
        e = s
        while e < len(text) and (text[e].isdigit() or text[e] == ","):
            e += 1
        value = float(text[s:e].replace(",", ""))
        findings.append(Finding.at(article, s, e, kind="quantity", label="count", score=0.99, analyzer="figures",
                                   attributes={"value": value, "low": value, "high": value, "bound": "exact",
                                               "unit": "people", "vague": False, "malformed": False}))
    if "burn" in text.lower():
        i = text.lower().index("burn")
        findings.append(Finding.at(article, i, i + 4, kind="violence", label="call_to_violence", score=0.9,
                                   analyzer="violence"))
    analyzers = [AnalyzerRun(n, version, "ok") for n in ("techniques", "claims", "attribution", "figures",
                                                          "violence")]
    return Report(article=article, findings=findings, analyzers=analyzers)
