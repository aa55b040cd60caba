"""Corpus store at scale: synthetic articles' worth of rows in SQLite and/or PostgreSQL, then query latency.

    python bench/store_bench.py --articles 100000 [--backend sqlite|postgresql|both] [--pg-url URL]

Rows are generated, not analysed: articles of ~750 words (the PTC dev mean) drawn from a Zipf-like
vocabulary, 40 outlets over two years, and per article the PTC dev finding rate measured on our own index of
the 75 dev articles (43 sentence, 20 attribution, 19 technique, 19 claim, 8 quantity, 3 call_to_action,
1 violence: 113 findings). Each article is inserted in its own transaction through ``Store.add_rows`` (the
path ``presslens index`` uses); ``--batch N`` puts N articles in one transaction (``Store.add_many``) for a
faster load of the synthetic rows. Reports: insert rate, database size per article, and p50/p95 over 20 runs
(different parameters each run) of ten representative queries through the store's own functions.

Keep the SQLite file with ``--sqlite-path FILE``; ``--queries-only --sqlite-path FILE`` then runs the ten queries
again on it (after ``presslens db upgrade``'s steps and ``Store.optimize``), e.g. after a change to the queries
(``--backend postgresql --pg-url URL --queries-only``: the same on a PostgreSQL database an earlier run loaded).
On such a database, ``--compare-common`` times the queries of common words only ranked exactly (bm25 / ts_rank,
as before the common-term rule) against the current code, in alternating rounds; ``--fts-profile`` (SQLite)
times the pieces of a ranked one-word search.

PostgreSQL: give a throw-away database (its public schema is dropped first).

Store overhead (issue 14: at most 10 % of analysis time):

    python bench/store_bench.py --overhead ../shared/data/ptc-semeval2020-task11/dev-articles

reads and analyses the articles once with ``Pipeline.run_stream`` (the analysis time), then stores every
report into a fresh SQLite file the way ``presslens index`` does (look-up by corpus key, one transaction per
article, the closing ANALYZE): the store time. Overhead = store time / analysis time.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import text

from presslens.identity import content_id, corpus_key, finding_id
from presslens.store import Filters, open_store, profiles, search_articles, search_findings
from presslens.store.rows import article_aggregates, finding_columns, pack_report
from presslens.store.store import Store

RATES = {"sentence": 43, "attribution": 20, "technique": 19, "claim": 19, "quantity": 8, "call_to_action": 3,
         "violence": 1}
TECHNIQUES = ["Loaded_Language", "Name_Calling,Labeling", "Doubt", "Exaggeration,Minimisation",
              "Appeal_to_fear-prejudice", "Flag-Waving", "Repetition", "Causal_Oversimplification", "Slogans"]
SOURCE_TYPES = ["official", "named_person", "media", "vague", "organisation"]
CITED = ["the ministry", "the border service", "Reuters", "officials", "a spokesman", "witnesses", "the army",
         "local media", "the governor", "analysts"]
N_OUTLETS = 40
WORDS_PER_ARTICLE = 750


def vocabulary(rng: random.Random, size: int = 20000) -> tuple[list[str], list[float]]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    words = sorted({"".join(rng.choice(letters) for _ in range(rng.randint(3, 10))) for _ in range(size)})
    theme = ["mobilisation", "border", "service", "drones", "refinery", "ceasefire", "sanctions", "missile",
             "reservists", "casualties", "shelling", "evacuation", "grain", "pipeline", "referendum"]
    words = theme + words
    weights = [1.0 / (i + 8) for i in range(len(words))]
    return words, weights


def make_rows(i: int, rng: random.Random, vocab: tuple[list[str], list[float]], start: dt.date
              ) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    words = rng.choices(vocab[0], weights=vocab[1], k=WORDS_PER_ARTICLE)
    if i % 50 == 0:
        words[10:12] = ["partial", "mobilisation"]
    body = " ".join(words)
    title = " ".join(words[:8]).capitalize()
    text = f"{title}\n\n{body}"
    source = f"Outlet {i % N_OUTLETS:02d}"
    url = f"https://outlet{i % N_OUTLETS:02d}.example/{i}"
    cid = content_id(text)
    findings = []
    n = len(text)
    for kind, rate in RATES.items():
        for _ in range(rate):
            s = rng.randrange(0, n - 200)
            e = s + rng.randint(10, 180)
            label = {"sentence": "propaganda", "technique": rng.choice(TECHNIQUES), "claim": "check_worthy",
                     "attribution": rng.choice(SOURCE_TYPES), "quantity": "count",
                     "call_to_action": "nonviolent", "violence": "call_to_violence"}[kind]
            attrs: dict[str, Any] = {}
            if kind == "quantity":
                v = float(rng.choice([12, 150, 1000, 2500, 40000, 100000, 260000, 300000, 700000]) *
                          rng.uniform(0.8, 1.2))
                attrs = {"value": round(v), "low": round(v), "high": round(v), "unit": "people",
                         "bound": rng.choice(["exact", "min", "max", "approx"]), "vague": False, "malformed": False}
            elif kind == "claim":
                attrs = {"hedged": rng.random() < 0.2, "attribution": {"start": s, "end": e} if rng.random() < 0.5
                         else None}
            elif kind == "attribution":
                attrs = {"source": {"start": s, "end": s + 5, "text": rng.choice(CITED), "type": label}}
            score = round(rng.random(), 4)
            findings.append({"id": finding_id(cid, kind, kind, label, s, e), "kind": kind, "label": label,
                             "date": start + dt.timedelta(days=i % 730), "source": f"Outlet {i % N_OUTLETS:02d}",
                             "start": s, "end": e, "text": text[s:e], "score": score, "analyzer": kind,
                             "attributes": json.dumps(attrs, sort_keys=True), **finding_columns(kind, attrs)})
    date = start + dt.timedelta(days=i % 730)
    doc = {"schema_version": "1.0", "article": {"id": str(i), "title": title, "date": date.isoformat(),
                                                "source": source, "url": url, "text": None},
           "findings": [{k: v for k, v in f.items() if k in ("id", "kind", "label", "start", "end", "text", "score",
                                                                "analyzer")} | {"attributes": json.loads(f["attributes"])}
                        for f in findings]}
    now = dt.datetime(2026, 1, 1)
    row = {"id": corpus_key(cid, source, url), "content_id": cid, "title": title, "date": date, "source": source,
           "url": url, "author": None, "language": "en", "origin": f"synthetic:{i}", "words": len(text.split()),
           "text": text, "analyzer_versions": json.dumps({k: "1.0" for k in RATES}), "report": pack_report(doc),
           "indexed_at": now, "analysed_at": now, **article_aggregates(findings)}
    return row, findings


def db_size(store: Store) -> int:
    return int(store.info()["size_bytes"])


def queries(rng: random.Random) -> dict[str, Callable[[Store, int], Any]]:
    common = ["mobilisation", "border", "drones", "sanctions", "missile"]
    mid = ["refinery", "ceasefire", "reservists", "pipeline", "referendum"]

    def src(k: int) -> str:
        return f"Outlet {k % N_OUTLETS:02d}"

    def since(k: int) -> dt.date:
        return dt.date(2023, 1, 1) + dt.timedelta(days=30 * (k % 10))

    return {
        "fts word": lambda s, k: search_articles(s, common[k % 5], Filters()),
        "fts two words": lambda s, k: search_articles(s, f"{common[k % 5]} {mid[k % 5]}", Filters()),
        "fts phrase": lambda s, k: search_articles(s, '"partial mobilisation"', Filters(), offset=k % 3),
        "fts + source + dates": lambda s, k: search_articles(
            s, mid[k % 5], Filters(sources=[src(k)], since=since(k), until=since(k) + dt.timedelta(days=90))),
        "articles with kind filter": lambda s, k: search_articles(
            s, None, Filters(kind="violence", sources=[src(k)])),
        "findings kind+label": lambda s, k: search_findings(
            s, None, Filters(kind="technique", label=TECHNIQUES[k % len(TECHNIQUES)], min_score=0.5)),
        "findings kind+source+dates": lambda s, k: search_findings(
            s, None, Filters(kind="attribution", sources=[src(k)], since=since(k))),
        "findings of fts hits": lambda s, k: search_findings(s, f'"{mid[k % 5]}"', Filters(kind="claim")),
        "quantity range": lambda s, k: search_findings(
            s, None, Filters(kind="quantity", min_value=100000 + 1000 * k, max_value=300000)),
        "outlet profile by month": lambda s, k: profiles(s, src(k)),
    }


def run_queries(store: Store, seed: int) -> dict[str, Any]:
    """p50/p95 (ms) over 20 runs of each query, after one warm-up run."""
    out = {}
    qrng = random.Random(seed + 1)
    for name, q in queries(qrng).items():
        q(store, 0)  # warm
        times = []
        for k in range(20):
            q0 = time.perf_counter()
            q(store, k + 1)
            times.append(1000 * (time.perf_counter() - q0))
        times.sort()
        out[name] = {"p50": round(statistics.median(times), 1), "p95": round(times[int(0.95 * (len(times) - 1))], 1)}
    return out


def rerun_queries(url: str, seed: int) -> dict[str, Any]:
    """The queries again on a database an earlier run left (``--sqlite-path`` or ``--pg-url``), after upgrading
    its schema and ``Store.optimize`` (PostgreSQL: ``ANALYZE``)."""
    store = open_store(url, write=True, check=False)
    u0 = time.perf_counter()
    upgraded = store.upgrade()
    upgrade_s = time.perf_counter() - u0
    segments = None
    if store.backend == "sqlite":
        with store.reading() as conn:
            segments = conn.exec_driver_sql("SELECT count(DISTINCT segid) FROM articles_fts_idx").scalar()
    o0 = time.perf_counter()
    _optimize(store)
    optimize_s = time.perf_counter() - o0
    info = store.info()
    results = {"backend": store.backend, "articles": info["articles"], "findings": info["findings"],
               "bytes_per_article": round(int(info["size_bytes"]) / max(1, int(info["articles"]))),
               "schema_upgrade": upgraded, "upgrade_seconds": round(upgrade_s, 1),
               "fts_segments_before_optimize": segments, "optimize_seconds": round(optimize_s, 1),
               "queries_ms": run_queries(store, seed)}
    store.close()
    return results


def _optimize(store: Store) -> None:
    store.optimize()
    if store.backend == "postgresql":
        with store.engine.connect() as conn:
            conn.exec_driver_sql("COMMIT")
            conn.exec_driver_sql("ANALYZE")


COMMON_QUERIES = ("fts word", "fts two words", "fts + source + dates")
"""The bench queries whose words are all common (in at least half of the articles)."""


def compare_common(url: str, seed: int, rounds: int = 3, runs: int = 20) -> dict[str, Any]:
    """Old vs new side by side for the queries of common words only: "exact" ranks them with bm25 / ts_rank
    as before (``only_common_terms`` forced False), "rule" is the current code (newest first, score 0).
    Alternating rounds of ``runs`` runs each, so both see the same host load; p50/p95 over all rounds and the
    median per-round ratio of the p50s."""
    from presslens.store import search

    store = open_store(url)
    real = search.only_common_terms
    out: dict[str, Any] = {}
    try:
        for name, q in queries(random.Random(seed + 1)).items():
            if name not in COMMON_QUERIES:
                continue
            times: dict[str, list[float]] = {"exact": [], "rule": []}
            ratios = []
            for _ in range(rounds):
                p50 = {}
                for mode in ("exact", "rule"):
                    search.only_common_terms = real if mode == "rule" else (lambda *_a: False)  # type: ignore[assignment]
                    q(store, 0)
                    run = []
                    for k in range(runs):
                        q0 = time.perf_counter()
                        q(store, k + 1)
                        run.append(1000 * (time.perf_counter() - q0))
                    times[mode] += run
                    p50[mode] = statistics.median(run)
                ratios.append(p50["rule"] / p50["exact"])
            out[name] = {mode: _p50_p95(t) for mode, t in times.items()}
            out[name]["rule/exact p50, median round"] = round(statistics.median(ratios), 3)
    finally:
        search.only_common_terms = real
        store.close()
    return out


def _p50_p95(times: list[float]) -> dict[str, float]:
    times = sorted(times)
    return {"p50": round(statistics.median(times), 1), "p95": round(times[int(0.95 * (len(times) - 1))], 1)}


def long_queries(url: str) -> dict[str, float]:
    """Seconds for the longest queries the store accepts (``MAX_QUERY_WORDS`` words) made of common words:
    every one must stay bounded (issue 14: a query is never minutes of work)."""
    from presslens.store.search import MAX_QUERY_WORDS

    store = open_store(url)
    common = ["mobilisation", "border", "service", "drones", "refinery", "ceasefire", "sanctions", "missile"]
    words = (common * MAX_QUERY_WORDS)[:MAX_QUERY_WORDS]
    cases = {
        f"{MAX_QUERY_WORDS} common words ANDed": " ".join(words),
        f"{MAX_QUERY_WORDS // 2} common words ORed": " OR ".join(words[:MAX_QUERY_WORDS // 2]),
        f"{MAX_QUERY_WORDS} distinct unknown words": " ".join(f"zz{i}" for i in range(MAX_QUERY_WORDS)),
        f"one phrase of {MAX_QUERY_WORDS} common words": '"' + " ".join(words) + '"',
    }
    out = {}
    for name, q in cases.items():
        t0 = time.perf_counter()
        search_articles(store, q, Filters())
        out[name + " (s)"] = round(time.perf_counter() - t0, 2)
    store.close()
    return out


def fts_profile(url: str, word: str = "border", repeat: int = 10) -> dict[str, float]:
    """Where a ranked search of one common word spends its time (SQLite): the pieces of the query one by one,
    median ms over ``repeat`` runs."""
    store = open_store(url)
    q = f'"{word}"'
    first20 = "SELECT rowid FROM articles_fts WHERE articles_fts MATCH :q LIMIT 20"
    pieces = {
        "count matches (the posting list)": "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH :q",
        "first 20 matches": first20,
        "bm25 of every match, no sort": "WITH m AS MATERIALIZED (SELECT bm25(articles_fts, 2.0, 1.0) AS r "
                                        "FROM articles_fts WHERE articles_fts MATCH :q) SELECT min(r) FROM m",
        "bm25, top 20 (the ranked search)": "SELECT rowid, bm25(articles_fts, 2.0, 1.0) AS r FROM articles_fts "
                                            "WHERE articles_fts MATCH :q ORDER BY r, rowid LIMIT 20",
        "FTS5 rank column, top 20": "SELECT rowid FROM articles_fts WHERE articles_fts MATCH :q "
                                    "AND rank MATCH 'bm25(2.0, 1.0)' ORDER BY rank LIMIT 20",
        "docsize row of every article": "SELECT sum(length(sz)) FROM articles_fts_docsize",
        "articles rows of 20 matches": f"SELECT pk, id, date, source, title FROM articles WHERE pk IN ({first20})",
        "snippets of 20 matches": "SELECT snippet(articles_fts, 1, '[', ']', '…', 16) FROM articles_fts "
                                  f"WHERE articles_fts MATCH :q AND rowid IN ({first20})",
        "per-kind counts of 20 matches": "SELECT article_pk, kind, count(*) FROM findings WHERE article_pk IN "
                                         f"({first20}) AND score >= 0.5 GROUP BY article_pk, kind",
        "rule: newest 20 by date, one FTS5 seek per article": (
            "SELECT a.pk FROM articles a INDEXED BY ix_articles_date WHERE EXISTS (SELECT 1 FROM articles_fts "
            "WHERE articles_fts MATCH :q AND articles_fts.rowid = a.pk) ORDER BY a.date DESC, a.pk DESC LIMIT 20"),
        "rule: newest 20 by date against all matches collected": (
            "SELECT a.pk FROM articles a INDEXED BY ix_articles_date WHERE a.pk IN (SELECT rowid FROM articles_fts "
            "WHERE articles_fts MATCH :q) ORDER BY a.date DESC, a.pk DESC LIMIT 20"),
        "rule: is the word in half of the articles": (
            "SELECT count(*) FROM (SELECT 1 FROM articles_fts WHERE articles_fts MATCH :q LIMIT 50000)"),
    }
    out = {}
    with store.reading() as conn:
        out["articles"] = float(conn.exec_driver_sql("SELECT count(*) FROM articles").scalar() or 0)
        out["matches"] = float(conn.execute(text(pieces["count matches (the posting list)"]), {"q": q}).scalar()
                               or 0)
        for name, sql in pieces.items():
            times = []
            for _ in range(repeat):
                t0 = time.perf_counter()
                conn.execute(text(sql), {"q": q}).all()
                times.append(1000 * (time.perf_counter() - t0))
            out[name + " (ms)"] = round(statistics.median(times), 1)
    store.close()
    return out


def run_backend(url: str, n: int, seed: int, batch: int = 1) -> dict[str, Any]:
    rng = random.Random(seed)
    vocab = vocabulary(rng)
    start = dt.date(2022, 1, 1)
    store = open_store(url, write=True, create=True)
    base = db_size(store)
    t0 = time.perf_counter()
    gen = 0.0
    for first in range(0, n, batch):
        g0 = time.perf_counter()
        rows = [make_rows(i, rng, vocab, start) for i in range(first, min(n, first + batch))]
        gen += time.perf_counter() - g0
        if batch == 1:
            store.add_rows(*rows[0])
        else:
            store.add_many(rows)
        if (first + len(rows)) % 5000 < batch:
            print(f"  {first + len(rows)} articles, {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    total = time.perf_counter() - t0
    _optimize(store)
    size = db_size(store) - base
    info = store.info()
    results: dict[str, Any] = {
        "backend": store.backend, "articles": info["articles"], "findings": info["findings"],
        "articles_per_transaction": batch, "insert_seconds": round(total - gen, 1), "generate_seconds": round(gen, 1),
        "articles_per_s": round(n / (total - gen), 1), "finding_rows_per_s": round(info["findings"] / (total - gen)),
        "bytes_per_article": round(size / n),
    }
    results["queries_ms"] = run_queries(store, seed)
    store.close()
    return results


def overhead(inputs: list[str], url: str | None) -> dict[str, Any]:
    from presslens.ingest import Article, ReadOptions, read_inputs
    from presslens.pipeline import Pipeline
    from presslens.store.rows import article_key

    articles = [a for a in read_inputs(inputs, ReadOptions()) if isinstance(a, Article)]
    if not articles:
        raise SystemExit(f"no article read from {' '.join(inputs)}")
    pipeline = Pipeline()
    t0 = time.perf_counter()
    reports = [r for _a, r in pipeline.run_stream(articles) if r is not None and not isinstance(r, Exception)]
    analysis = time.perf_counter() - t0
    with tempfile.TemporaryDirectory() as tmp:
        t1 = time.perf_counter()
        store = open_store(url or str(Path(tmp) / "overhead.db"), write=True, create=True)
        for r in reports:
            if store.lookup(article_key(r.article)) is None:
                store.add(r)
        store.optimize()
        store.close()
        storing = time.perf_counter() - t1
    return {"articles": len(reports), "analysis_seconds": round(analysis, 2), "store_seconds": round(storing, 2),
            "store_overhead_percent": round(100 * storing / analysis, 1)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=100000)
    ap.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="sqlite")
    ap.add_argument("--pg-url", default=os.environ.get("PRESSLENS_TEST_PG_URL"))
    ap.add_argument("--sqlite-path", help="default: a temp file, removed afterwards")
    ap.add_argument("--seed", type=int, default=14)
    ap.add_argument("--batch", type=int, default=1,
                    help="articles per transaction (default 1, as `presslens index`; 500 loads much faster)")
    ap.add_argument("--overhead", nargs="+", metavar="INPUT", help="measure the store overhead on these inputs")
    ap.add_argument("--queries-only", action="store_true",
                    help="only the queries, on the database an earlier run left (--sqlite-path, or --pg-url with "
                         "--backend postgresql; upgraded first)")
    ap.add_argument("--compare-common", action="store_true",
                    help="on that database: the common-word queries ranked exactly (as before) vs the current rule")
    ap.add_argument("--compare-rounds", type=int, default=3, help="--compare-common: alternating rounds")
    ap.add_argument("--compare-runs", type=int, default=20, help="--compare-common: runs per query and round")
    ap.add_argument("--fts-profile", action="store_true",
                    help="on the --sqlite-path database: where a ranked one-word search spends its time")
    ap.add_argument("--long-queries", action="store_true",
                    help="on that database: seconds for the longest accepted queries of common words")
    args = ap.parse_args()
    if args.queries_only or args.compare_common or args.fts_profile or args.long_queries:
        url = args.pg_url if args.backend == "postgresql" else args.sqlite_path
        if not url:
            ap.error("--queries-only/--compare-common/--fts-profile need --sqlite-path (or --pg-url with --backend "
                     "postgresql)")
        if args.fts_profile:
            print(json.dumps(fts_profile(url), indent=1))
        if args.long_queries:
            print(json.dumps(long_queries(url), indent=1))
        if args.queries_only:
            print(json.dumps(rerun_queries(url, args.seed), indent=1))
        if args.compare_common:
            print(json.dumps(compare_common(url, args.seed, args.compare_rounds, args.compare_runs), indent=1))
        return 0
    if args.overhead:
        print(json.dumps(overhead(args.overhead, None), indent=1))
        return 0
    out = []
    if args.backend in ("sqlite", "both"):
        with tempfile.TemporaryDirectory() as tmp:
            path = args.sqlite_path or str(Path(tmp) / "bench.db")
            out.append(run_backend(path, args.articles, args.seed, args.batch))
            print(json.dumps(out[-1], indent=1))
    if args.backend in ("postgresql", "both"):
        if not args.pg_url:
            ap.error("--pg-url (or PRESSLENS_TEST_PG_URL) is needed for PostgreSQL")
        import psycopg

        with psycopg.connect(args.pg_url, autocommit=True) as conn:
            conn.execute("DROP SCHEMA IF EXISTS public CASCADE")
            conn.execute("CREATE SCHEMA public")
        out.append(run_backend(args.pg_url, args.articles, args.seed, args.batch))
        print(json.dumps(out[-1], indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
