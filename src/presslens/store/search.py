"""Full-text search and finding queries over a corpus store.

Query language (the same on both backends): words are ANDed; ``"a phrase"`` matches the words in order;
``OR`` between two terms matches either; ``-word`` excludes. Anything else (``*``, ``AND``, SQL text,
unbalanced quotes) is read as literal words: a query is parsed here into terms and handed to the database as
bound parameters (SQLite: an FTS5 expression of quoted strings; PostgreSQL: ``websearch_to_tsquery``), so
it can neither break the FTS syntax nor the SQL. A query with no word at all is a usage error.

Ranking: SQLite FTS5 ``bm25`` (title weighted 2x), PostgreSQL ``ts_rank`` (title weight A, text B).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, text

from presslens.store.store import Store

_WORD = re.compile(r"\w+", re.UNICODE)
_TOKEN = re.compile(r'"([^"]*)"?|(\S+)')


class QueryError(ValueError):
    """A search query that has nothing to search for."""


@dataclass
class Term:
    words: list[str]  # one word, or a phrase
    negated: bool = False


@dataclass
class ParsedQuery:
    groups: list[list[Term]] = field(default_factory=list)
    """AND of groups; each group is an OR of terms."""

    def fts5(self) -> str:
        def one(t: Term) -> str:
            return '"' + " ".join(t.words) + '"'

        parts = []
        for group in self.groups:
            pos = [one(t) for t in group if not t.negated]
            neg = [one(t) for t in group if t.negated]
            if pos:
                parts.append(pos[0] if len(pos) == 1 else "(" + " OR ".join(pos) + ")")
            parts.extend(f"NOT {n}" for n in neg)
        # FTS5 needs a positive term before NOT: put positives first
        positives = [p for p in parts if not p.startswith("NOT ")]
        negatives = [p for p in parts if p.startswith("NOT ")]
        return " AND ".join(positives) + ("" if not negatives else " " + " ".join(negatives))

    def websearch(self) -> str:
        out = []
        for group in self.groups:
            terms = [("-" if t.negated else "") + ('"' + " ".join(t.words) + '"' if len(t.words) > 1
                                                  else t.words[0]) for t in group]
            out.append(" or ".join(terms))
        return " ".join(out)


def parse_query(query: str) -> ParsedQuery:
    """Parse a user query (see the module docstring); :class:`QueryError` when no word is left."""
    parsed = ParsedQuery()
    pending_or = False
    for m in _TOKEN.finditer(query):
        phrase, bare = m.group(1), m.group(2)
        if bare is not None and bare == "OR":
            pending_or = bool(parsed.groups)
            continue
        negated = False
        raw = phrase if phrase is not None else bare
        if bare is not None and bare.startswith("-") and len(bare) > 1:
            negated, raw = True, bare[1:]
        words = [w.lower() for w in _WORD.findall(raw or "")]
        if not words:
            continue
        term = Term(words, negated)
        if pending_or and not negated:
            parsed.groups[-1].append(term)
        else:
            parsed.groups.append([term])
        pending_or = False
    if not any(not t.negated for g in parsed.groups for t in g):
        raise QueryError(f"nothing to search for in {query!r}: give at least one word (not only '-word')")
    return parsed


@dataclass
class Filters:
    sources: list[str] = field(default_factory=list)
    since: dt.date | None = None
    until: dt.date | None = None
    languages: list[str] = field(default_factory=list)
    kind: str | None = None
    label: str | None = None
    min_score: float | None = None
    min_value: float | None = None
    max_value: float | None = None
    """Quantity value range (``findings.value``; only quantity findings have one)."""

    def finding_conditions(self, alias: str, params: dict[str, Any]) -> list[str]:
        cond = []
        if self.kind:
            cond.append(f"{alias}.kind = :kind")
            params["kind"] = self.kind
        if self.label:
            cond.append(f"{alias}.label = :label")
            params["label"] = self.label
        if self.min_score is not None:
            cond.append(f"{alias}.score >= :min_score")
            params["min_score"] = self.min_score
        if self.min_value is not None:
            cond.append(f"{alias}.value >= :min_value")
            params["min_value"] = self.min_value
        if self.max_value is not None:
            cond.append(f"{alias}.value <= :max_value")
            params["max_value"] = self.max_value
        return cond

    def article_conditions(self, alias: str, params: dict[str, Any], lang_alias: str | None = None) -> list[str]:
        """Conditions on source, date (on ``alias``) and language (on ``lang_alias``, default ``alias``)."""
        cond = []
        if self.sources:
            cond.append(f"{alias}.source IN ({_bind_list('source', self.sources, params)})")
        if self.languages:
            cond.append(f"{lang_alias or alias}.language IN ({_bind_list('lang', self.languages, params)})")
        if self.since:
            cond.append(f"{alias}.date >= :since")
            params["since"] = self.since
        if self.until:
            cond.append(f"{alias}.date <= :until")
            params["until"] = self.until
        return cond


COUNT_MIN_SCORE = 0.5
"""Per-kind finding counts in search hits count findings with at least this score."""


def _match(store: Store, query: str | None, params: dict[str, Any]) -> tuple[str, list[str], str, str]:
    """(FROM clause, conditions, rank expression, order) for the full-text part."""
    if query is None or not query.strip():
        return "articles a", [], "NULL", "a.date DESC, a.pk DESC"
    parsed = parse_query(query)
    if store.backend == "sqlite":
        params["q"] = parsed.fts5()
        return ("articles_fts JOIN articles a ON a.pk = articles_fts.rowid", ["articles_fts MATCH :q"],
                "bm25(articles_fts, 2.0, 1.0)", "rank ASC, a.pk ASC")
    params["q"] = parsed.websearch()
    return ("articles a CROSS JOIN websearch_to_tsquery('simple', :q) AS tq", ["a.tsv @@ tq"],
            "ts_rank(a.tsv, tq)", "rank DESC, a.pk ASC")


def _sqlite_ranked(conn: Connection, params: dict[str, Any], article_where: list[str]) -> list[dict[str, Any]]:
    """(pk, rank) of one page of full-text matches, best first (ties: lower pk first).

    Ranked inside the FTS5 index alone (``bm25`` with the title weighted 2x, ``LIMIT``/``OFFSET``): the
    articles table and the snippets are read for the page's rows only. Source, date, language and finding
    filters become a set of article pks that each match is checked against before it is scored (``+rowid``
    keeps SQLite from turning the set into one full-text seek per article, which is slower than the scan)."""
    cond = ["articles_fts MATCH :q"]
    if article_where:
        cond.append(f"+rowid IN (SELECT a.pk FROM articles a WHERE {' AND '.join(article_where)})")
    sql = (f"SELECT rowid AS pk, bm25(articles_fts, 2.0, 1.0) AS rank FROM articles_fts WHERE {' AND '.join(cond)} "
           "ORDER BY rank ASC, rowid ASC LIMIT :limit OFFSET :offset")
    return [dict(r._mapping) for r in conn.execute(text(sql), params).all()]


def _in_list(prefix: str, values: list[Any], params: dict[str, Any]) -> str:
    for i, v in enumerate(values):
        params[f"{prefix}{i}"] = v
    return ", ".join(f":{prefix}{i}" for i in range(len(values)))


def search_articles(store: Store, query: str | None, filters: Filters, *, limit: int = 20,
                    offset: int = 0) -> list[dict[str, Any]]:
    """Articles matching ``query`` and ``filters``, best first: id, date, source, title, snippet, counts."""
    params: dict[str, Any] = {"limit": limit, "offset": offset}
    source, cond, rank, order = _match(store, query, params)
    article_cond = filters.article_conditions("a", params)
    fcond = filters.finding_conditions("f", params)
    if fcond:
        article_cond.append(
            f"EXISTS (SELECT 1 FROM findings f WHERE f.article_pk = a.pk AND {' AND '.join(fcond)})")
    has_query = query is not None and bool(query.strip())
    with store.reading() as conn:
        if has_query and store.backend == "sqlite":
            ranked = _sqlite_ranked(conn, params, article_cond)
            if not ranked:
                return []
            rank_of = {r["pk"]: r["rank"] for r in ranked}
            pparams: dict[str, Any] = {"q": params["q"]}
            in_pks = _in_list("p", list(rank_of), pparams)
            by_pk = {r.pk: dict(r._mapping) for r in conn.execute(text(
                f"SELECT a.pk, a.id, a.date, a.source, a.title FROM articles a WHERE a.pk IN ({in_pks})"),
                pparams).all()}
            snippets: dict[int, str] = dict(conn.execute(text(
                "SELECT rowid, snippet(articles_fts, 1, '[', ']', '…', 16) FROM articles_fts "
                f"WHERE articles_fts MATCH :q AND rowid IN ({in_pks})"), pparams).all())
            hits = [{**by_pk[pk], "rank": rank_of[pk], "snippet": snippets.get(pk)} for pk in rank_of]
        else:
            where = " AND ".join(cond + article_cond) or "1=1"
            sql = (f"SELECT a.pk, a.id, a.date, a.source, a.title, {rank} AS rank, NULL AS snippet "
                   f"FROM {source} WHERE {where} ORDER BY {order} LIMIT :limit OFFSET :offset")
            hits = [dict(r._mapping) for r in conn.execute(text(sql), params).all()]
        if not hits:
            return []
        pks = [h["pk"] for h in hits]
        if has_query and store.backend == "postgresql":
            snip = conn.execute(text(
                "SELECT a.pk, ts_headline('simple', a.text, websearch_to_tsquery('simple', :q), "
                "'StartSel=[, StopSel=], MaxWords=24, MinWords=10, MaxFragments=1, FragmentDelimiter=…') "
                "FROM articles a WHERE a.pk = ANY(:pks)"), {"q": params["q"], "pks": pks}).all()
            pg_snips: dict[int, str] = {int(k): v for k, v in snip}
            for h in hits:
                h["snippet"] = pg_snips.get(h["pk"])
        if not has_query:
            lead: dict[int, str] = dict(conn.execute(text(
                "SELECT pk, substr(text, 1, 160) FROM articles WHERE pk IN (" +
                ", ".join(f":p{i}" for i in range(len(pks))) + ")"), {f"p{i}": p for i, p in enumerate(pks)}).all())
            for h in hits:
                h["snippet"] = lead.get(h["pk"])
        counts: dict[int, dict[str, int]] = {}
        in_list = ", ".join(f":p{i}" for i in range(len(pks)))
        for pk, kind, n in conn.execute(text(
            f"SELECT article_pk, kind, count(*) FROM findings WHERE article_pk IN ({in_list}) "
            f"AND score >= :s GROUP BY article_pk, kind"), {"s": COUNT_MIN_SCORE, **{f"p{i}": p for i, p in
                                                                                   enumerate(pks)}}):
            counts.setdefault(pk, {})[kind] = n
    out = []
    for h in hits:
        snippet_text = " ".join(str(h["snippet"] or "").split())
        out.append({
            "id": h["id"],
            "date": _iso(h["date"]),
            "source": h["source"],
            "title": h["title"],
            "score": None if h["rank"] is None else round(abs(float(h["rank"])), 4),
            "snippet": snippet_text,
            "counts": dict(sorted(counts.get(h["pk"], {}).items())),
        })
    return out


FINDING_FIELDS = ("article_id", "date", "source", "finding_id", "kind", "label", "start", "end", "text", "score",
                  "attributes")


def search_findings(store: Store, query: str | None, filters: Filters, *, limit: int = 100,
                    offset: int = 0) -> list[dict[str, Any]]:
    """Finding rows (of articles matching ``query``) that pass ``filters``, newest article first (ties: the
    last stored first); with a value range (``min_value``/``max_value``), by value."""
    params: dict[str, Any] = {"limit": limit, "offset": offset}
    cond = filters.article_conditions("f", params, lang_alias="a") + filters.finding_conditions("f", params)
    if query is not None and query.strip():
        parsed = parse_query(query)
        if store.backend == "sqlite":
            params["q"] = parsed.fts5()
            cond.append("a.pk IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH :q)")
        else:
            params["q"] = parsed.websearch()
            cond.append("a.tsv @@ websearch_to_tsquery('simple', :q)")
    where = " AND ".join(cond) or "1=1"
    by_value = filters.min_value is not None or filters.max_value is not None
    order = "f.value ASC, f.pk ASC" if by_value else "f.date DESC, f.pk DESC"
    sql = ("SELECT a.id AS article_id, f.date, f.source, f.id AS finding_id, f.kind, f.label, f.start, f.\"end\", "
           "f.text, f.score, f.attributes FROM findings f JOIN articles a ON a.pk = f.article_pk "
           f"WHERE {where} ORDER BY {order} LIMIT :limit OFFSET :offset")
    with store.reading() as conn:
        rows = conn.execute(text(sql), params).all()
    out = []
    for r in rows:
        d = dict(r._mapping)
        d["date"] = _iso(d["date"])
        d["score"] = round(float(d["score"]), 4)
        d["attributes"] = json.loads(d["attributes"])
        out.append(d)
    return out


def _iso(d: Any) -> str | None:
    if isinstance(d, dt.date):
        return d.isoformat()
    return None if d is None else str(d)


def _bind_list(prefix: str, values: Any, params: dict[str, Any]) -> str:
    """Bind each value as ``:{prefix}{i}`` in ``params`` and return the placeholders for an ``IN (...)`` list."""
    names = []
    for i, value in enumerate(values):
        params[f"{prefix}{i}"] = value
        names.append(f":{prefix}{i}")
    return ", ".join(names)
