"""A report as database rows: one article row, one typed row per finding.

Pure functions (no database), so what is stored is testable on its own. Identities come from
:mod:`presslens.identity`, so a stored article's ``id`` is ``corpus_key(content_id(text), source, url)`` and
a finding's ``id`` is ``finding_id(content_id, analyzer, kind, label, start, end)``: the same ids a report
and an export carry.
"""

from __future__ import annotations

import datetime as dt
import json
import zlib
from collections import Counter
from typing import Any

from presslens.article import Article, Report
from presslens.identity import content_id, corpus_key, finding_id


def article_key(article: Article) -> str:
    """The corpus identity of an article (before analysis: text, source and url are known)."""
    return corpus_key(content_id(article.text), article.source, article.url)


def analyzer_versions(report: Report) -> dict[str, str]:
    return {a.name: a.version for a in report.analyzers}


def _float(v: Any) -> float | None:
    if isinstance(v, bool) or not isinstance(v, int | float):
        return None
    return float(v)


def _bool(v: Any) -> bool | None:
    return bool(v) if isinstance(v, bool) else None


def _str(v: Any, limit: int) -> str | None:
    return v[:limit] if isinstance(v, str) else None


PROFILE_THRESHOLD = 0.5
"""A sentence counts as propagandistic, and a technique fragment is counted, from this score on."""


def article_aggregates(frows: list[dict[str, Any]]) -> dict[str, Any]:
    """Per-article counts that outlet profiles add up (kept on the article row, so a profile reads one row
    per article instead of all its findings)."""
    sentences = propaganda = claims = attributed = hedged = 0
    violence = False
    techniques: Counter[str] = Counter()
    for f in frows:
        kind = f["kind"]
        if kind == "sentence":
            sentences += 1
            propaganda += f["score"] >= PROFILE_THRESHOLD
        elif kind == "technique":
            if f["score"] >= PROFILE_THRESHOLD:
                techniques[f["label"]] += 1
        elif kind == "claim":
            claims += 1
            attributed += bool(f.get("attributed"))
            hedged += bool(f.get("hedged"))
        elif kind == "violence":
            violence = True
    return {
        "sentences": sentences,
        "propaganda_sentences": propaganda,
        "claims": claims,
        "attributed_claims": attributed,
        "hedged_claims": hedged,
        "violence": violence,
        "technique_counts": json.dumps(dict(sorted(techniques.items()))),
    }


PRONOUNS = frozenset("i you he she it we they me him her us them this that who one".split())
"""Attribution sources that name nobody: not kept as ``cited_source`` (the finding itself is stored)."""


def finding_columns(kind: str, attributes: dict[str, Any]) -> dict[str, Any]:
    """The typed columns read out of a finding's attributes (None where they do not apply)."""
    cols: dict[str, Any] = dict.fromkeys(
        ("value", "low", "high", "bound", "unit", "vague", "malformed", "hedged", "attributed", "cited_source")
    )
    if kind == "quantity":
        cols.update(
            value=_float(attributes.get("value")),
            low=_float(attributes.get("low")),
            high=_float(attributes.get("high")),
            bound=_str(attributes.get("bound"), 16),
            unit=_str(attributes.get("unit"), 80),
            vague=_bool(attributes.get("vague")),
            malformed=_bool(attributes.get("malformed")),
        )
    elif kind == "claim":
        cols.update(hedged=_bool(attributes.get("hedged")), attributed=attributes.get("attribution") is not None)
    elif kind == "attribution":
        source = attributes.get("source")
        cited = source.get("text") if isinstance(source, dict) else None
        if isinstance(cited, str) and cited.strip().lower() not in PRONOUNS:
            cols["cited_source"] = cited.strip()
    return cols


def report_rows(report: Report, now: dt.datetime | None = None) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """(article row, finding rows without ``article_pk``) for ``report``."""
    article = report.article
    cid = content_id(article.text)
    doc = report.to_dict()
    doc["article"]["content_id"] = cid
    for f in doc["findings"]:
        f.setdefault("id", finding_id(cid, f["analyzer"], f["kind"], f["label"], f["start"], f["end"]))
    source = article.source[:200] if article.source else None
    findings = [
        {
            "id": f["id"],
            "date": article.date,
            "source": source,
            "kind": f["kind"][:40],
            "label": f["label"][:80],
            "start": f["start"],
            "end": f["end"],
            "text": f["text"],
            "score": float(f["score"]),
            "analyzer": f["analyzer"][:40],
            "attributes": json.dumps(f["attributes"], ensure_ascii=False, sort_keys=True),
            **finding_columns(f["kind"], f["attributes"]),
        }
        for f in doc["findings"]
    ]
    doc["article"]["text"] = None  # stored once, in articles.text
    stamp = now or dt.datetime.now(dt.UTC).replace(tzinfo=None)
    row = {
        "id": corpus_key(cid, article.source, article.url),
        "content_id": cid,
        "title": article.title,
        "date": article.date,
        "source": source,
        "url": article.url,
        "author": article.author,
        "language": (article.language or "")[:16] or None,
        "origin": article.origin,
        "given_id": article.id or None,
        "words": len(article.text.split()),
        "text": article.text,
        "analyzer_versions": json.dumps(analyzer_versions(report), sort_keys=True),
        "report": pack_report(doc),
        "indexed_at": stamp,
        "analysed_at": stamp,
        **article_aggregates(findings),
    }
    return row, findings


def pack_report(doc: dict[str, Any]) -> bytes:
    """The stored form of a report: zlib-compressed JSON (about a sixth of the plain JSON)."""
    return zlib.compress(json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), 6)


def stored_report(packed: bytes, text: str) -> dict[str, Any]:
    """The full report dict of a stored article (its text put back)."""
    doc: dict[str, Any] = json.loads(zlib.decompress(packed).decode("utf-8"))
    doc["article"]["text"] = text
    return doc


def article_from_stored(packed: bytes, text: str) -> Article:
    """The article a stored report was made from (for re-analysis without the original input)."""
    return article_from_report(stored_report(packed, text), text)


def article_from_report(doc: dict[str, Any], text: str) -> Article:
    """The article of a report dict that :func:`stored_report` returned (its text is ``text``)."""
    a = doc["article"]
    date = dt.date.fromisoformat(a["date"]) if a.get("date") else None
    return Article(
        text=text,
        id=a.get("id") or "",
        title=a.get("title"),
        date=date,
        source=a.get("source"),
        url=a.get("url"),
        author=a.get("author"),
        language=a.get("language"),
        language_score=a.get("language_score"),
        paragraphs=[(s, e) for s, e in a.get("paragraphs") or []],
        sentences=[(s, e) for s, e in a.get("sentences") or []],
        origin=a.get("origin"),
    )
