"""Outlet profiles: one row per source (or per month of one source), computed in SQL over the store.

Every count reads the findings scored at least ``min_score`` (``presslens outlets --min-score P``, default 0.5:
the asserted findings, the score contract of ``presslens analyze``; user trial s25 found the profile counting
every claim and listing candidate sources). Definitions (each over the articles of the group):

- ``propaganda_sentence_share``: sentences whose propaganda probability (``sentence`` findings of the
  techniques analyzer) is >= ``min_score``, over all scored sentences.
- ``technique_rate``: per technique, fragments with score >= ``min_score`` per 1,000 words of article text.
- ``violence_articles``: articles with at least one ``violence`` finding (call or endorsement) scored
  >= ``min_score``.
- ``claims``: ``claim`` findings scored >= ``min_score``; ``candidate_claims``: those of them below 0.5 (0 at
  the default). ``attributed_claim_share`` / ``hedged_claim_share``: those claims linked to a source / marked
  hedged, over them; a claim whose linked source only attributions below ``min_score`` give counts as not
  attributed (as ``analyze --min-score`` drops that link).
- ``top_cited_sources``: the most frequent sources of attributions scored >= ``min_score``, with counts
  (``candidates``: how many of them score below 0.5); spellings that differ only in letter case or a trailing
  age ("The governor, 54") count as one source, shown as its most frequent spelling (:func:`merge_cited`).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from collections.abc import Mapping
from typing import Any

from sqlalchemy import text

from presslens.store.store import Store

TOP_CITED = 5
ASSERTED = 0.5
"""Findings scored at least this are asserted (:data:`presslens.report.common.ASSERT_THRESHOLD`)."""


def _group_expr(store: Store, by_month: bool, alias: str) -> str:
    if not by_month:
        return f"{alias}.source"
    if store.backend == "sqlite":
        return f"substr({alias}.date, 1, 7)"
    return f"to_char({alias}.date, 'YYYY-MM')"


def _span(value: Any) -> tuple[int, int] | None:
    if isinstance(value, Mapping) and isinstance(value.get("start"), int) and isinstance(value.get("end"), int):
        return int(value["start"]), int(value["end"])
    return None


def profiles(store: Store, source: str | None = None, *, min_score: float = ASSERTED) -> list[dict[str, Any]]:
    """One profile per source, or (``source`` given) one per month of that source's articles, counting the
    findings scored at least ``min_score`` (see the module docstring)."""
    by_month = source is not None
    g = _group_expr(store, by_month, "a")
    where = "a.source = :source" if by_month else "1=1"
    params: dict[str, Any] = {"source": source} if by_month else {}
    groups: dict[Any, dict[str, Any]] = {}
    fg = _group_expr(store, by_month, "f")
    fwhere = ("f.source = :source" if by_month else "1=1") + " AND f.score >= :p"
    fparams = {**params, "p": min_score, "asserted": ASSERTED}
    with store.reading() as conn:
        for r in conn.execute(text(
            f"SELECT {g} AS g, count(*) AS articles, min(a.date) AS first, max(a.date) AS last, "
            "sum(a.words) AS words, sum(a.sentences) AS sentences "
            f"FROM articles a WHERE {where} GROUP BY {g} ORDER BY {g}"), params):
            groups[r.g] = {
                "source" if not by_month else "month": r.g,
                **({"source": source} if by_month else {}),
                "articles": r.articles,
                "first_date": _iso(r.first),
                "last_date": _iso(r.last),
                "words": int(r.words or 0),
                "propaganda_sentence_share": None if not r.sentences else 0.0,
                "technique_rate": {},
                "violence_articles": 0,
                "claims": 0,
                "candidate_claims": 0,
                "attributed_claim_share": None,
                "hedged_claim_share": None,
                "top_cited_sources": [],
                "min_score": min_score,
                "_sentences": int(r.sentences or 0),
            }
        # findings carry their article's source and date: no join needed
        counts: dict[Any, Counter[str]] = {k: Counter() for k in groups}
        for r in conn.execute(text(
            f"SELECT {fg} AS g, f.kind AS kind, f.label AS label, count(*) AS n, "
            "count(DISTINCT f.article_pk) AS arts, sum(CASE WHEN f.score < :asserted THEN 1 ELSE 0 END) AS cand, "
            "sum(CASE WHEN f.hedged THEN 1 ELSE 0 END) AS hedged "
            f"FROM findings f WHERE {fwhere} AND f.kind IN ('sentence', 'technique', 'violence', 'claim') "
            f"GROUP BY {fg}, f.kind, f.label"), fparams):
            p = groups.get(r.g)
            if p is None:
                continue
            if r.kind == "sentence":
                counts[r.g]["\0sentences"] += int(r.n)
            elif r.kind == "technique":
                counts[r.g][r.label] += int(r.n)
            elif r.kind == "claim":
                p["claims"] += int(r.n)
                p["candidate_claims"] += int(r.cand or 0)
                counts[r.g]["\0hedged"] += int(r.hedged or 0)
        for r in conn.execute(text(
            f"SELECT {fg} AS g, count(DISTINCT f.article_pk) AS arts FROM findings f WHERE {fwhere} "
            f"AND f.kind = 'violence' GROUP BY {fg}"), fparams):
            if r.g in groups:
                groups[r.g]["violence_articles"] = int(r.arts)
        attributed = _attributed_claims(conn, fg, fwhere, fparams)
        cited: dict[Any, list[tuple[str, int, int]]] = {}
        for r in conn.execute(text(
            f"SELECT {fg} AS g, f.cited_source AS cited, count(*) AS n, "
            "sum(CASE WHEN f.score < :asserted THEN 1 ELSE 0 END) AS cand FROM findings f WHERE "
            f"{fwhere} AND f.kind = 'attribution' AND f.cited_source IS NOT NULL GROUP BY {fg}, f.cited_source "
            f"ORDER BY {fg}, n DESC, cited"), fparams):
            if r.g in groups:
                cited.setdefault(r.g, []).append((str(r.cited), int(r.n), int(r.cand or 0)))
        for g, rows in cited.items():
            groups[g]["top_cited_sources"] = merge_cited(rows)[:TOP_CITED]
    for key, p in groups.items():
        words = p["words"]
        c = counts[key]
        sentences = p.pop("_sentences")
        p["propaganda_sentence_share"] = _share(c.pop("\0sentences", 0), sentences)
        p["hedged_claim_share"] = _share(c.pop("\0hedged", 0), p["claims"])
        p["attributed_claim_share"] = _share(attributed.get(key, 0), p["claims"])
        p["technique_rate"] = {label: round(1000 * n / words, 3) if words else None
                               for label, n in sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))}
    return list(groups.values())


_AGE_APPOSITION = re.compile(r",\s*(?:aged\s+)?\d{1,3}$")
"""A trailing age the attribution span kept ("The governor, 54", "Mayor Teodor Vass, 58")."""


def cited_name(source: str) -> tuple[str, str]:
    """(key, name) of a cited source for "most cited": the name without a trailing age apposition and outer
    spaces; the key also ignores letter case, so "The UN refugee agency" and "the UN refugee agency" (a
    sentence-initial "The") and "The governor, 54" and "The governor" are counted as one source (user trial s31:
    each was listed twice)."""
    name = _AGE_APPOSITION.sub("", " ".join(source.split())).strip() or source.strip()
    return name.casefold(), name


def merge_cited(rows: list[tuple[str, int, int]]) -> list[dict[str, Any]]:
    """``(source as written, count, candidates)`` rows merged by :func:`cited_name`'s key, most cited first
    (ties: by name); each shown under its most frequent spelling (ties: the one that sorts first)."""
    merged: dict[str, dict[str, Any]] = {}
    spellings: dict[str, Counter[str]] = {}
    for raw, n, cand in rows:
        key, name = cited_name(raw)
        entry = merged.setdefault(key, {"source": name, "count": 0, "candidates": 0})
        entry["count"] += n
        entry["candidates"] += cand
        spellings.setdefault(key, Counter())[name] += n
    for key, entry in merged.items():
        entry["source"] = min(spellings[key].items(), key=lambda kv: (-kv[1], kv[0]))[0]
    return sorted(merged.values(), key=lambda e: (-e["count"], e["source"]))


def _attributed_claims(conn: Any, fg: str, fwhere: str, fparams: dict[str, Any]) -> Counter[Any]:
    """Per group, the claims scored >= ``:p`` that are linked to a source which an attribution scored >= ``:p``
    gives, or whose link names no attribution of the article (as :func:`presslens.report.common.keep_min_score`
    keeps the link)."""
    claims = conn.execute(text(
        f"SELECT {fg} AS g, f.article_pk AS art, f.attributes AS attrs FROM findings f WHERE {fwhere} "
        "AND f.kind = 'claim' AND f.attributed"), fparams).all()
    out: Counter[Any] = Counter()
    if not claims:
        return out
    sources: dict[tuple[int, tuple[int, int]], float] = {}
    arts = sorted({int(r.art) for r in claims})
    for s in range(0, len(arts), 500):
        part = arts[s : s + 500]
        binds = {f"a{i}": v for i, v in enumerate(part)}
        for art, score, attrs in conn.execute(text(
            "SELECT f.article_pk, f.score, f.attributes FROM findings f WHERE f.kind = 'attribution' AND "
            f"f.article_pk IN ({', '.join(':' + k for k in binds)})"), binds):
            span = _span(json.loads(attrs).get("source"))
            if span is not None:
                key = (int(art), span)
                sources[key] = max(sources.get(key, 0.0), float(score))
    for r in claims:
        link = json.loads(r.attrs).get("attribution")
        span = _span(link.get("source")) if isinstance(link, Mapping) else None
        best = sources.get((int(r.art), span)) if span is not None else None
        if best is None or best >= fparams["p"]:
            out[r.g] += 1
    return out


def _share(part: Any, whole: Any) -> float | None:
    return round(float(part or 0) / float(whole), 4) if whole else None


def _iso(d: Any) -> str | None:
    if isinstance(d, dt.date):
        return d.isoformat()
    return None if d is None else str(d)
