"""Full-text search and finding queries over a corpus store.

Query language (the same on both backends): words are ANDed; ``"a phrase"`` matches the words in order;
``OR`` between two terms matches either; ``-word`` excludes. Anything else (``*``, ``AND``, SQL text,
unbalanced quotes) is read as literal words: a query is parsed here into terms and handed to the database as
bound parameters (SQLite: an FTS5 expression of quoted strings; PostgreSQL: ``websearch_to_tsquery``), so
it can neither break the FTS syntax nor the SQL. A query with no word at all is a usage error.

Ranking: SQLite FTS5 ``bm25`` (title weighted 2x), PostgreSQL ``ts_rank`` (title weight A, text B), except
for a query made only of *common* terms (each positive word or phrase found in at least half of the articles,
:data:`COMMON_SHARE`): FTS5's bm25 gives such a term its floor IDF (1e-6), so the scores of such a query are all
about 0 and rank nothing a reader could see, yet computing them means scoring every article. Its hits are listed
newest first, like a search without a query, with score 0 (on both backends).

Queries of more than :data:`MAX_QUERY_WORDS` words are refused (one line), so the database never has to match a
pasted book.
"""

from __future__ import annotations

import datetime as dt
import json
import math
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

    def positive_terms(self) -> list[Term]:
        """The terms that are not negated, each once."""
        seen: dict[tuple[str, ...], Term] = {}
        for group in self.groups:
            for t in group:
                if not t.negated:
                    seen.setdefault(tuple(t.words), t)
        return list(seen.values())

    def websearch(self) -> str:
        out = []
        for group in self.groups:
            terms = [("-" if t.negated else "") + ('"' + " ".join(t.words) + '"' if len(t.words) > 1
                                                  else t.words[0]) for t in group]
            out.append(" or ".join(terms))
        return " ".join(out)


MAX_QUERY_WORDS = 256
"""Most words (over all terms and phrases) a query may have; a longer one is refused with one line."""


def _term_query(term: Term, backend: str) -> str:
    """One term alone, as the backend's full-text expression (a quoted phrase)."""
    phrase = " ".join(term.words)
    if backend == "sqlite":
        return f'"{phrase}"'
    return f'"{phrase}"' if len(term.words) > 1 else phrase


def parse_query(query: str) -> ParsedQuery:
    """Parse a user query (see the module docstring); :class:`QueryError` when no word is left or when it has
    more than :data:`MAX_QUERY_WORDS` words."""
    if len(_WORD.findall(query)) > MAX_QUERY_WORDS:
        raise QueryError(f"query of {len(_WORD.findall(query)):,} words: at most {MAX_QUERY_WORDS} "
                         "(search for a shorter phrase)")
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


COMMON_SHARE = 0.5
"""A term found in at least this share of the articles is *common*. FTS5's bm25 gives such a term its floor IDF
(log((N - n + 0.5) / (n + 0.5)) <= 0 exactly when n >= N/2, and is then replaced by 1e-6), so a query of common
terms only has scores of about 0: its hits are listed newest first instead of being scored one by one."""


def only_common_terms(conn: Connection, backend: str, parsed: ParsedQuery) -> bool:
    """True when every positive term of ``parsed`` is found in at least :data:`COMMON_SHARE` of the articles.

    Counts each term's articles up to that share only (``LIMIT``) and stops at the first term that is not
    common, so the check costs at most half a scan of each term's posting list."""
    total = int(conn.execute(text("SELECT count(*) FROM articles")).scalar() or 0)
    need = max(1, math.ceil(total * COMMON_SHARE))
    if backend == "sqlite":
        sql = ("SELECT count(*) FROM (SELECT 1 FROM articles_fts WHERE articles_fts MATCH :t LIMIT :need) AS m")
    else:
        sql = ("SELECT count(*) FROM (SELECT 1 FROM articles a WHERE a.tsv @@ websearch_to_tsquery('simple', :t) "
               "LIMIT :need) AS m")
    if backend == "postgresql":
        prefer_full_text_index(conn)
    for term in parsed.positive_terms():
        found = int(conn.execute(text(sql), {"t": _term_query(term, backend), "need": need}).scalar() or 0)
        if found < need:
            return False
    return True


def prefer_full_text_index(conn: Connection) -> None:
    """PostgreSQL, for the rest of ``conn``'s transaction: no sequential scans. The planner prices testing a
    row's tsvector as if it were in the row, but it is TOASTed (read and decompressed per row), so it scans the
    whole table for a phrase or a LIMITed count instead of collecting the rows from the GIN index: at 17,500
    articles a phrase search took 1,173 ms that way and 48 ms from the index, the common-term count 540 vs
    9-24 ms (EXPLAIN ANALYZE)."""
    conn.execute(text("SET LOCAL enable_seqscan = off"))


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


PARAGRAPH_MARK = " ¶ "
"""What a paragraph break (a blank line, as after the title line) becomes in a one-line snippet."""

_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n\s*")


def one_line_snippet(snippet: str) -> str:
    """``snippet`` on one line: whitespace runs become one space, a paragraph break :data:`PARAGRAPH_MARK` (user
    trial s29: "[Hospital strike]: toll disputed The defence ministry said" ran the title into the first sentence)."""
    parts = (" ".join(p.split()) for p in _PARAGRAPH_BREAK.split(snippet))
    return PARAGRAPH_MARK.join(p for p in parts if p)


def _in_list(prefix: str, values: list[Any], params: dict[str, Any]) -> str:
    for i, v in enumerate(values):
        params[f"{prefix}{i}"] = v
    return ", ".join(f":{prefix}{i}" for i in range(len(values)))


def _sqlite_newest(conn: Connection, params: dict[str, Any], article_where: list[str]) -> list[int]:
    """pks of one page of full-text matches newest first (:data:`NEWEST_FIRST`), for a query of common terms.

    Walks the articles by the date index, newest first, and checks each against the full-text query (one FTS5
    seek) until the page is full: every term is in at least half of the articles, so this usually stops after
    a few dozen articles. The walk is bounded (:data:`NEWEST_WALK`); past it, or for a deep page, the matches
    are collected once and the date index is walked against that set."""
    if int(params["limit"]) <= 0:
        return []
    want = int(params["offset"]) + int(params["limit"])
    filters = f"WHERE {' AND '.join(article_where)}" if article_where else ""
    window = NEWEST_WALK + NEWEST_WALK_PER_HIT * want
    if window <= NEWEST_WALK_MAX:
        walk = conn.execute(text(
            "SELECT a.pk, EXISTS (SELECT 1 FROM articles_fts WHERE articles_fts MATCH :q "
            f"AND articles_fts.rowid = a.pk) AS hit FROM articles a INDEXED BY ix_articles_date {filters} "
            f"ORDER BY {NEWEST_FIRST} LIMIT :window"), {**params, "window": window})
        found: list[int] = []
        seen = 0
        for pk, hit in walk:
            seen += 1
            if hit:
                found.append(pk)
                if len(found) == want:
                    break
        walk.close()
        if len(found) == want or seen < window:
            return found[int(params["offset"]):]
    cond = ["a.pk IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH :q)", *article_where]
    return [pk for (pk,) in conn.execute(text(
        f"SELECT a.pk FROM articles a INDEXED BY ix_articles_date WHERE {' AND '.join(cond)} "
        f"ORDER BY {NEWEST_FIRST} LIMIT :limit OFFSET :offset"), params).all()]


NEWEST_WALK = 500
NEWEST_WALK_PER_HIT = 4
NEWEST_WALK_MAX = 2000
""":func:`_sqlite_newest` checks at most ``NEWEST_WALK + NEWEST_WALK_PER_HIT * (offset + limit)`` articles one
by one (about 25 µs each at 100,000 articles) before it collects every match instead (about 0.6 µs per match);
a page that would need a walk longer than ``NEWEST_WALK_MAX`` collects at once."""

NEWEST_FIRST = "a.date DESC, a.pk DESC"
"""Order of hits that are not ranked (no query, or only common terms): newest article first (undated last),
then the last stored first."""


def search_articles(store: Store, query: str | None, filters: Filters, *, limit: int = 20,
                    offset: int = 0) -> list[dict[str, Any]]:
    """Articles matching ``query`` and ``filters``, best first: id, date, source, title, snippet, counts.

    Without a query, or with only common terms (:data:`COMMON_SHARE`), newest first with score None
    (no query) or 0 (common terms)."""
    params: dict[str, Any] = {"limit": limit, "offset": offset}
    parsed = parse_query(query) if query is not None and query.strip() else None
    article_cond = filters.article_conditions("a", params)
    fcond = filters.finding_conditions("f", params)
    if fcond:
        article_cond.append(
            f"EXISTS (SELECT 1 FROM findings f WHERE f.article_pk = a.pk AND {' AND '.join(fcond)})")
    sqlite = store.backend == "sqlite"
    if parsed is not None:
        params["q"] = parsed.fts5() if sqlite else parsed.websearch()
    with store.reading() as conn:
        if parsed is not None and not sqlite:
            prefer_full_text_index(conn)
        common = parsed is not None and only_common_terms(conn, store.backend, parsed)
        if parsed is not None and sqlite:
            if common:
                rank_of = dict.fromkeys(_sqlite_newest(conn, params, article_cond), 0.0)
            else:
                rank_of = {r["pk"]: r["rank"] for r in _sqlite_ranked(conn, params, article_cond)}
            if not rank_of:
                return []
            pparams: dict[str, Any] = {}
            in_pks = _in_list("p", list(rank_of), pparams)
            by_pk = {r.pk: dict(r._mapping) for r in conn.execute(text(
                f"SELECT a.pk, a.id, a.date, a.source, a.title FROM articles a WHERE a.pk IN ({in_pks})"),
                pparams).all()}
            hits = [{**by_pk[pk], "rank": rank_of[pk]} for pk in rank_of]
        else:
            source, cond = "articles a", list(article_cond)
            rank, order = "NULL", NEWEST_FIRST
            if parsed is not None:  # PostgreSQL
                source = "articles a CROSS JOIN websearch_to_tsquery('simple', :q) AS tq"
                cond.insert(0, "a.tsv @@ tq")
                rank, order = ("0.0", NEWEST_FIRST) if common else ("ts_rank(a.tsv, tq)", "rank DESC, a.pk ASC")
            where = " AND ".join(cond) or "1=1"
            sql = (f"SELECT a.pk, a.id, a.date, a.source, a.title, {rank} AS rank FROM {source} "
                   f"WHERE {where} ORDER BY {order} LIMIT :limit OFFSET :offset")
            hits = [dict(r._mapping) for r in conn.execute(text(sql), params).all()]
        if not hits:
            return []
        pks = [h["pk"] for h in hits]
        snippets: dict[int, str] = {}
        if parsed is not None and sqlite:
            sparams: dict[str, Any] = {"q": params["q"]}
            snippets = dict(conn.execute(text(
                "SELECT rowid, snippet(articles_fts, 1, '[', ']', '…', 16) FROM articles_fts "
                f"WHERE articles_fts MATCH :q AND rowid IN ({_in_list('p', pks, sparams)})"), sparams).all())
        elif parsed is not None:
            snippets = {int(k): v for k, v in conn.execute(text(
                "SELECT a.pk, ts_headline('simple', a.text, websearch_to_tsquery('simple', :q), "
                "'StartSel=[, StopSel=], MaxWords=24, MinWords=10, MaxFragments=1, FragmentDelimiter=…') "
                "FROM articles a WHERE a.pk = ANY(:pks)"), {"q": params["q"], "pks": pks}).all()}
        else:
            lparams: dict[str, Any] = {}
            snippets = dict(conn.execute(text(
                f"SELECT pk, substr(text, 1, 160) FROM articles WHERE pk IN ({_in_list('p', pks, lparams)})"),
                lparams).all())
        counts: dict[int, dict[str, int]] = {}
        cparams: dict[str, Any] = {"s": COUNT_MIN_SCORE}
        for pk, kind, n in conn.execute(text(
            f"SELECT article_pk, kind, count(*) FROM findings WHERE article_pk IN ({_in_list('p', pks, cparams)}) "
            "AND score >= :s GROUP BY article_pk, kind"), cparams):
            counts.setdefault(pk, {})[kind] = n
    out = []
    for h in hits:
        snippet_text = one_line_snippet(str(snippets.get(h["pk"]) or ""))
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
                  "candidate", "attributes")
"""``candidate``: the finding scores below 0.5 (shown only with ``--min-score`` under 0.5), or is a figure of
the page's furniture (a share counter), as the reports mark it (:func:`presslens.report.common.is_candidate`)."""

NO_LIMIT = 2**31 - 1
"""The ``LIMIT`` of a listing of every row (``presslens search --limit 0``): the same SQL on both backends."""


def _findings_where(store: Store, query: str | None, filters: Filters, params: dict[str, Any]) -> str:
    cond = filters.article_conditions("f", params, lang_alias="a") + filters.finding_conditions("f", params)
    if query is not None and query.strip():
        parsed = parse_query(query)
        if store.backend == "sqlite":
            params["q"] = parsed.fts5()
            cond.append("a.pk IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH :q)")
        else:
            params["q"] = parsed.websearch()
            cond.append("a.tsv @@ websearch_to_tsquery('simple', :q)")
    return " AND ".join(cond) or "1=1"


def search_findings(store: Store, query: str | None, filters: Filters, *, limit: int = 100,
                    offset: int = 0) -> list[dict[str, Any]]:
    """Finding rows (of articles matching ``query``) that pass ``filters``, newest article first (ties: the
    last stored first); with a value range (``min_value``/``max_value``), by value. Each row says whether
    the finding is a ``candidate`` (:data:`FINDING_FIELDS`)."""
    params: dict[str, Any] = {"limit": limit, "offset": offset}
    where = _findings_where(store, query, filters, params)
    by_value = filters.min_value is not None or filters.max_value is not None
    order = "f.value ASC, f.pk ASC" if by_value else "f.date DESC, f.pk DESC"
    sql = ("SELECT a.id AS article_id, f.date, f.source, f.id AS finding_id, f.kind, f.label, f.start, f.\"end\", "
           "f.text, f.score, f.attributes FROM findings f JOIN articles a ON a.pk = f.article_pk "
           f"WHERE {where} ORDER BY {order} LIMIT :limit OFFSET :offset")
    with store.reading() as conn:
        if "q" in params and store.backend == "postgresql":
            prefer_full_text_index(conn)
        rows = conn.execute(text(sql), params).all()
    from presslens.report.common import ASSERT_THRESHOLD

    out = []
    for r in rows:
        d = dict(r._mapping)
        d["date"] = _iso(d["date"])
        d["score"] = round(float(d["score"]), 4)
        d["attributes"] = json.loads(d["attributes"])
        d["candidate"] = float(r.score) < ASSERT_THRESHOLD or (
            d["kind"] == "quantity" and d["attributes"].get("furniture") is True)
        out.append(d)
    return out


def count_findings(store: Store, query: str | None, filters: Filters) -> int:
    """How many finding rows :func:`search_findings` lists without a limit (what ``search --findings`` tells
    the user it left out)."""
    params: dict[str, Any] = {}
    where = _findings_where(store, query, filters, params)
    sql = f"SELECT count(*) FROM findings f JOIN articles a ON a.pk = f.article_pk WHERE {where}"
    with store.reading() as conn:
        if "q" in params and store.backend == "postgresql":
            prefer_full_text_index(conn)
        return int(conn.execute(text(sql), params).scalar() or 0)


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
