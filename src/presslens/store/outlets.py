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
import json
from collections import Counter
from typing import Any

from sqlalchemy import text

from presslens.store.store import Store

TOP_CITED = 5


def _group_expr(store: Store, by_month: bool, alias: str) -> str:
    if not by_month:
        return f"{alias}.source"
    if store.backend == "sqlite":
        return f"substr({alias}.date, 1, 7)"
    return f"to_char({alias}.date, 'YYYY-MM')"


def profiles(store: Store, source: str | None = None) -> list[dict[str, Any]]:
    """One profile per source, or (``source`` given) one per month of that source's articles.

    Counts come from the per-article aggregates (:func:`presslens.store.rows.article_aggregates`); only the
    most cited sources are read from the findings (an index-only scan of the attribution rows)."""
    by_month = source is not None
    g = _group_expr(store, by_month, "a")
    where = "a.source = :source" if by_month else "1=1"
    params: dict[str, Any] = {"source": source} if by_month else {}
    groups: dict[Any, dict[str, Any]] = {}
    with store.reading() as conn:
        for r in conn.execute(text(
            f"SELECT {g} AS g, count(*) AS articles, min(a.date) AS first, max(a.date) AS last, "
            "sum(a.words) AS words, sum(a.sentences) AS sentences, sum(a.propaganda_sentences) AS propaganda, "
            "sum(a.claims) AS claims, sum(a.attributed_claims) AS attributed, sum(a.hedged_claims) AS hedged, "
            "sum(CASE WHEN a.violence THEN 1 ELSE 0 END) AS violence "
            f"FROM articles a WHERE {where} GROUP BY {g} ORDER BY {g}"), params):
            groups[r.g] = {
                "source" if not by_month else "month": r.g,
                **({"source": source} if by_month else {}),
                "articles": r.articles,
                "first_date": _iso(r.first),
                "last_date": _iso(r.last),
                "words": int(r.words or 0),
                "propaganda_sentence_share": _share(r.propaganda, r.sentences),
                "technique_rate": {},
                "violence_articles": int(r.violence or 0),
                "claims": int(r.claims or 0),
                "attributed_claim_share": _share(r.attributed, r.claims),
                "hedged_claim_share": _share(r.hedged, r.claims),
                "top_cited_sources": [],
            }
        counts: dict[Any, Counter[str]] = {k: Counter() for k in groups}
        for gk, tc in conn.execute(text(f"SELECT {g} AS g, a.technique_counts FROM articles a WHERE {where}"),
                                   params):
            counts[gk].update(json.loads(tc))
        # findings carry their article's source and date: no join needed
        fg = _group_expr(store, by_month, "f")
        fwhere = "f.source = :source" if by_month else "1=1"
        for r in conn.execute(text(
            f"SELECT {fg} AS g, f.cited_source AS cited, count(*) AS n FROM findings f WHERE {fwhere} "
            f"AND f.kind = 'attribution' AND f.cited_source IS NOT NULL GROUP BY {fg}, f.cited_source "
            f"ORDER BY {fg}, n DESC, cited"), params):
            top = groups[r.g]["top_cited_sources"]
            if len(top) < TOP_CITED:
                top.append({"source": r.cited, "count": r.n})
    for key, p in groups.items():
        words = p["words"]
        p["technique_rate"] = {label: round(1000 * n / words, 3) if words else None
                               for label, n in sorted(counts[key].items(), key=lambda kv: (-kv[1], kv[0]))}
    return list(groups.values())


def _share(part: Any, whole: Any) -> float | None:
    return round(float(part or 0) / float(whole), 4) if whole else None


def _iso(d: Any) -> str | None:
    if isinstance(d, dt.date):
        return d.isoformat()
    return None if d is None else str(d)
