"""Outlet profiles: one row per source (or per month of one source), computed in SQL over the store.

Definitions (each over the articles of the group):

- ``propaganda_sentence_share``: sentences whose propaganda probability (``sentence`` findings of the
  techniques analyzer) is >= 0.5, over all scored sentences.
- ``technique_rate``: per technique, fragments with score >= 0.5 per 1,000 words of article text.
- ``violence_articles``: articles with at least one ``violence`` finding (call or endorsement).
- ``attributed_claim_share`` / ``hedged_claim_share``: claims (``claim`` findings) linked to an attribution /
  marked hedged, over all claims.
- ``top_cited_sources``: the most frequent attribution sources (their text, as written), with counts.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import text

from presslens.store.store import Store

THRESHOLD = 0.5
TOP_CITED = 5


def _group_expr(store: Store, by_month: bool, alias: str) -> str:
    if not by_month:
        return f"{alias}.source"
    if store.backend == "sqlite":
        return f"substr({alias}.date, 1, 7)"
    return f"to_char({alias}.date, 'YYYY-MM')"


def profiles(store: Store, source: str | None = None) -> list[dict[str, Any]]:
    """One profile per source, or (``source`` given) one per month of that source's articles."""
    by_month = source is not None
    g = _group_expr(store, by_month, "a")
    where = "a.source = :source" if by_month else "1=1"
    params: dict[str, Any] = {"t": THRESHOLD}
    if by_month:
        params["source"] = source
    with store.reading() as conn:
        base = conn.execute(text(
            f"SELECT {g} AS g, count(*) AS articles, min(a.date) AS first, max(a.date) AS last, "
            f"sum(a.words) AS words FROM articles a WHERE {where} GROUP BY {g} ORDER BY {g}"), params).all()
        groups: dict[Any, dict[str, Any]] = {}
        for r in base:
            groups[r.g] = {
                "source" if not by_month else "month": r.g,
                **({"source": source} if by_month else {}),
                "articles": r.articles,
                "first_date": _iso(r.first),
                "last_date": _iso(r.last),
                "words": int(r.words or 0),
                "propaganda_sentence_share": None,
                "technique_rate": {},
                "violence_articles": 0,
                "claims": 0,
                "attributed_claim_share": None,
                "hedged_claim_share": None,
                "top_cited_sources": [],
            }
        # findings carry their article's source and date: no join needed
        g = _group_expr(store, by_month, "f")
        fsql = f"FROM findings f WHERE {where.replace('a.', 'f.')}"
        for r in conn.execute(text(
            f"SELECT {g} AS g, count(*) AS n, sum(CASE WHEN f.score >= :t THEN 1 ELSE 0 END) AS hi "
            f"{fsql} AND f.kind = 'sentence' AND f.label = 'propaganda' GROUP BY {g}"), params):
            groups[r.g]["propaganda_sentence_share"] = _share(r.hi, r.n)
        for r in conn.execute(text(
            f"SELECT {g} AS g, f.label AS label, count(*) AS n {fsql} AND f.kind = 'technique' "
            f"AND f.score >= :t GROUP BY {g}, f.label"), params):
            words = groups[r.g]["words"]
            groups[r.g]["technique_rate"][r.label] = round(1000 * r.n / words, 3) if words else None
        for r in conn.execute(text(
            f"SELECT {g} AS g, count(DISTINCT f.article_pk) AS n {fsql} AND f.kind = 'violence' GROUP BY {g}"),
                params):
            groups[r.g]["violence_articles"] = r.n
        for r in conn.execute(text(
            f"SELECT {g} AS g, count(*) AS n, sum(CASE WHEN f.attributed THEN 1 ELSE 0 END) AS att, "
            f"sum(CASE WHEN f.hedged THEN 1 ELSE 0 END) AS hed {fsql} AND f.kind = 'claim' GROUP BY {g}"), params):
            groups[r.g].update(claims=r.n, attributed_claim_share=_share(r.att, r.n),
                               hedged_claim_share=_share(r.hed, r.n))
        for r in conn.execute(text(
            f"SELECT {g} AS g, f.cited_source AS cited, count(*) AS n {fsql} AND f.kind = 'attribution' "
            f"AND f.cited_source IS NOT NULL GROUP BY {g}, f.cited_source ORDER BY {g}, n DESC, cited"), params):
            top = groups[r.g]["top_cited_sources"]
            if len(top) < TOP_CITED:
                top.append({"source": r.cited, "count": r.n})
    for p in groups.values():
        p["technique_rate"] = dict(sorted(p["technique_rate"].items(), key=lambda kv: -(kv[1] or 0)))
    return list(groups.values())


def _share(part: Any, whole: Any) -> float | None:
    return round(float(part or 0) / float(whole), 4) if whole else None


def _iso(d: Any) -> str | None:
    if isinstance(d, dt.date):
        return d.isoformat()
    return None if d is None else str(d)
