"""The corpus store's Python API, the same tests on SQLite and on a real PostgreSQL server (``store_url``)."""

from __future__ import annotations

import datetime as dt
import json

import numpy as np
import pytest
from sqlalchemy import text
from sqlalchemy.engine import Connection

from presslens.identity import content_id, corpus_key, finding_id
from presslens.store import Filters, QueryError, StoreError, export, open_store, parse_query, profiles
from presslens.store import schema as store_schema
from presslens.store.rows import article_from_stored, report_rows
from presslens.store.search import search_articles, search_findings
from tests.store_fixtures import make_report

TEXTS = [
    ("The border service said 700,000 men left the country.", "Outlet A", dt.date(2022, 10, 1)),
    ("Officials said 300,000 reservists were called up in the partial mobilisation.", "Outlet A",
     dt.date(2022, 9, 21)),
    ("Some reports may suggest 100,000 people crossed into Georgia.", "Outlet B", dt.date(2022, 9, 28)),
    ("Burn their depots, the channel wrote; 12 drones were launched.", "Outlet C", dt.date(2022, 11, 5)),
]


@pytest.fixture
def filled(store_url: str):  # type: ignore[no-untyped-def]
    with open_store(store_url, write=True, create=True) as store:
        for t, src, d in TEXTS:
            assert store.add(make_report(t, source=src, date=d, title=t.split(",")[0][:30]))
        yield store


def test_rows_carry_the_identity_module_ids() -> None:
    rep = make_report(TEXTS[0][0], source="Outlet A", url="https://a.example/1")
    row, frows = report_rows(rep)
    cid = content_id(rep.article.text)
    assert row["id"] == corpus_key(cid, "Outlet A", "https://a.example/1")
    for f, fin in zip(frows, sorted(rep.findings, key=lambda f: (f.start, -f.end, f.kind, f.label)), strict=True):
        assert f["id"] == finding_id(cid, fin.analyzer, fin.kind, fin.label, fin.start, fin.end)
    q = next(f for f in frows if f["kind"] == "quantity")
    assert (q["value"], q["low"], q["high"], q["unit"], q["vague"], q["malformed"]) == (
        700000.0, 700000.0, 700000.0, "people", False, False)
    assert next(f for f in frows if f["kind"] == "attribution")["cited_source"] == "The border service"
    from presslens.store.rows import finding_columns

    assert finding_columns("attribution", {"source": {"text": "He", "type": "person"}})["cited_source"] is None
    back = article_from_stored(row["report"], row["text"])
    assert back.text == rep.article.text and back.date == rep.article.date and back.sentences == [(0, len(back.text))]


def test_adding_twice_adds_nothing_and_keeps_findings(store_url: str) -> None:
    from presslens.store import load_report
    from presslens.store.rows import article_key

    rep = make_report(TEXTS[0][0])
    with open_store(store_url, write=True, create=True) as store:
        assert store.add(rep) is True
        assert store.add(rep) is False
        doc = load_report(store, article_key(rep.article))
        assert doc is not None and doc["article"]["text"] == rep.article.text
        assert [f["text"] for f in doc["findings"]] == [f["text"] for f in rep.to_dict()["findings"]]
        info = store.info()
        assert info["articles"] == 1 and info["findings"] == len(rep.findings)
        assert info["schema_version"] == store_schema.SCHEMA_VERSION


def test_replace_swaps_findings_and_versions(store_url: str) -> None:
    with open_store(store_url, write=True, create=True) as store:
        store.add(make_report(TEXTS[3][0], version="1.0"))
        newer = make_report(TEXTS[3][0], version="2.0")
        newer.findings = [f for f in newer.findings if f.kind != "violence"]
        assert store.replace(newer)
        from presslens.store.rows import article_key

        assert set(store.lookup(article_key(newer.article)).values()) == {"2.0"}  # type: ignore[union-attr]
        assert store.info()["findings_by_kind"].get("violence") is None
        assert store.info()["findings"] == len(newer.findings)


def test_search_ranks_and_filters(filled) -> None:  # type: ignore[no-untyped-def]
    hits = search_articles(filled, "said", Filters())
    assert len(hits) == 2 and all("said" in h["snippet"].lower() for h in hits)
    assert {h["source"] for h in hits} == {"Outlet A"}
    assert search_articles(filled, '"partial mobilisation"', Filters())[0]["date"] == "2022-09-21"
    assert search_articles(filled, '"mobilisation partial"', Filters()) == []
    assert len(search_articles(filled, "said OR georgia", Filters())) == 3
    assert len(search_articles(filled, "said -reservists", Filters())) == 1
    assert [h["source"] for h in search_articles(filled, None, Filters(kind="violence"))] == ["Outlet C"]
    assert len(search_articles(filled, None, Filters(since=dt.date(2022, 9, 25), until=dt.date(2022, 10, 31)))) == 2
    assert search_articles(filled, "said", Filters(sources=["Outlet B"])) == []
    assert search_articles(filled, None, Filters(languages=["de"])) == []
    page = search_articles(filled, None, Filters(), limit=2, offset=2)
    assert [h["date"] for h in page] == ["2022-09-28", "2022-09-21"]
    counts = search_articles(filled, "drones", Filters())[0]["counts"]
    assert counts["violence"] == 1 and counts["quantity"] == 1


def test_findings_rows_and_quantity_range(filled) -> None:  # type: ignore[no-untyped-def]
    rows = search_findings(filled, None, Filters(kind="attribution"))
    assert sorted(r["attributes"]["source"]["text"] for r in rows) == ["Officials", "The border service"]
    with filled.reading() as conn:
        n = conn.execute(text("SELECT count(*) FROM findings WHERE kind = 'quantity' AND value BETWEEN 100000 AND "
                              "300000")).scalar()
    assert n == 2
    rows = search_findings(filled, None, Filters(kind="quantity", min_value=100000, max_value=300000))
    assert sorted(r["attributes"]["value"] for r in rows) == [100000, 300000]
    assert all(r["kind"] == "quantity" for r in search_findings(filled, "georgia", Filters(kind="quantity")))


@pytest.mark.parametrize("query", ['"unclosed', "AND OR", "'; DROP TABLE articles; --", "NEAR(a b)", 'a"b"c',
                                   "col:value", "^start"])
def test_hostile_queries_are_literal(filled, query: str) -> None:  # type: ignore[no-untyped-def]
    search_articles(filled, query, Filters())
    search_findings(filled, query, Filters())
    assert filled.info()["articles"] == len(TEXTS)


@pytest.mark.parametrize("query", ["*", "-said", "   ", '""'])
def test_queries_without_words_are_refused(filled, query: str) -> None:  # type: ignore[no-untyped-def]
    if not query.strip():
        assert len(search_articles(filled, query, Filters())) == len(TEXTS)  # no query: everything
        return
    with pytest.raises(QueryError):
        search_articles(filled, query, Filters())


def test_parse_query_grammar() -> None:
    assert parse_query('"Border Service" said').fts5() == '"border service" AND "said"'
    assert parse_query("a OR b -c").websearch() == "a or b -c"


def test_outlet_profiles(filled) -> None:  # type: ignore[no-untyped-def]
    by = {p["source"]: p for p in profiles(filled)}
    a = by["Outlet A"]
    assert a["articles"] == 2 and a["first_date"] == "2022-09-21" and a["last_date"] == "2022-10-01"
    assert a["propaganda_sentence_share"] == 1.0
    assert a["attributed_claim_share"] == 1.0 and by["Outlet B"]["attributed_claim_share"] == 0.0
    assert by["Outlet B"]["hedged_claim_share"] == 1.0
    assert a["technique_rate"]["Loaded_Language"] == pytest.approx(1000 * 2 / a["words"], abs=1e-3)
    assert by["Outlet C"]["violence_articles"] == 1 and a["violence_articles"] == 0
    assert {c["source"] for c in a["top_cited_sources"]} == {"The border service", "Officials"}
    months = profiles(filled, "Outlet A")
    assert [m["month"] for m in months] == ["2022-09", "2022-10"]


def test_export_parquet_typed(filled, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import pyarrow as pa
    import pyarrow.parquet as pq

    out = tmp_path / "q.parquet"
    assert export(filled, "quantities", "parquet", out) == 4
    t = pq.read_table(out)
    assert t.schema.field("date").type == pa.date32() and t.schema.field("value").type == pa.float64()
    assert t.schema.field("vague").type == pa.bool_()
    assert sorted(t.column("value").to_pylist()) == [12.0, 100000.0, 300000.0, 700000.0]
    assert export(filled, "articles", "parquet", tmp_path / "a.parquet", Filters(sources=["Outlet A"])) == 2
    assert pq.read_table(tmp_path / "a.parquet").column("date").to_pylist()[0] == dt.date(2022, 10, 1)
    n = export(filled, "findings", "jsonl", tmp_path / "f.jsonl", Filters(kind="claim"))
    lines = (tmp_path / "f.jsonl").read_text().splitlines()
    assert n == len(lines) == 4 and isinstance(json.loads(lines[0])["attributes"], dict)
    export(filled, "findings", "csv", tmp_path / "f.csv")
    assert (tmp_path / "f.csv").read_text().splitlines()[0].startswith("article_id,date,source,finding_id")


def test_newer_schema_is_refused_older_is_upgraded(store_url: str) -> None:
    from sqlalchemy import update

    with open_store(store_url, write=True, create=True) as store:
        store.add(make_report(TEXTS[0][0]))
        with store.transaction() as conn:
            conn.execute(update(store_schema.META).where(store_schema.META.c.key == "schema_version")
                         .values(value="99"))
    with pytest.raises(StoreError, match="newer"):
        open_store(store_url)
    with pytest.raises(StoreError, match="newer"):
        open_store(store_url, write=True, create=True)


def test_upgrade_from_version_1_keeps_articles(store_url: str) -> None:
    from presslens.store.backend import make_engine, resolve_url

    db = resolve_url(store_url)
    engine = make_engine(db, write=True)
    with engine.begin() as conn:
        store_schema.upgrade(conn, 0, target=1)
        assert store_schema.read_version(conn) == 1
    engine.dispose()
    with pytest.raises(StoreError, match="db upgrade"):
        open_store(store_url)
    with open_store(store_url, write=True, check=False) as store:
        assert store.upgrade() == (1, store_schema.SCHEMA_VERSION)
        assert store.upgrade() == (store_schema.SCHEMA_VERSION, store_schema.SCHEMA_VERSION)
    with open_store(store_url, write=True) as store:
        store.add(make_report(TEXTS[1][0]))
        with store.reading() as conn:
            assert conn.execute(text("SELECT duplicate_of FROM articles")).all() == [(None,)]


@pytest.mark.parametrize("query,sources,since,until", [
    ("said", ["Outlet A"], None, None),
    ("said OR georgia OR drones", [], dt.date(2022, 9, 25), None),
    ("the", ["Outlet A", "Outlet C"], None, dt.date(2022, 12, 31)),
    ("said OR drones OR georgia", ["Outlet B", "Outlet C"], dt.date(2022, 9, 1), dt.date(2022, 10, 31)),
])
def test_filtered_search_is_the_ranked_search_filtered(filled, query: str, sources: list[str],  # type: ignore[no-untyped-def]
                                                       since: dt.date | None, until: dt.date | None) -> None:
    """Filters narrow the ranked hits without changing their order, scores, snippets or counts, page by page."""
    everything = search_articles(filled, query, Filters(), limit=100)
    expected = [h for h in everything if (not sources or h["source"] in sources)
                and (since is None or h["date"] >= since.isoformat())
                and (until is None or h["date"] <= until.isoformat())]
    assert expected
    filters = Filters(sources=sources, since=since, until=until)
    for k in range(len(expected) + 1):
        assert search_articles(filled, query, filters, limit=2, offset=k) == expected[k:k + 2]
    assert all(h["snippet"] and "[" in h["snippet"] for h in expected)
    with_kind = search_articles(filled, query, Filters(sources=sources, since=since, until=until, kind="quantity"))
    assert [h["id"] for h in with_kind] == [h["id"] for h in expected if h["counts"].get("quantity")]


def test_add_many_is_one_transaction_and_skips_stored(store_url: str) -> None:
    rows = [report_rows(make_report(t, source=src, date=d)) for t, src, d in TEXTS]
    with open_store(store_url, write=True, create=True) as store:
        assert store.add_many(rows[:2]) == 2
        assert store.add_many(rows) == 2
        assert store.info()["articles"] == 4
        assert len(search_articles(store, "said OR georgia", Filters())) == 3
        fresh = report_rows(make_report("A fifth article about the ceasefire.", source="Outlet D"))
        with pytest.raises(StoreError):
            store.add_many([fresh, ({**rows[1][0], "id": "x" * 32, "text": None}, [])])
        assert store.info()["articles"] == 4  # the whole batch rolled back, the fresh article too


def test_upgrade_from_version_3_adds_the_version_4_indexes(store_url: str) -> None:
    from sqlalchemy import inspect

    from presslens.store.backend import make_engine, resolve_url

    db = resolve_url(store_url)
    engine = make_engine(db, write=True)
    with engine.begin() as conn:
        store_schema.upgrade(conn, 0, target=3)
        assert "ix_findings_kind_date" not in {i["name"] for i in inspect(conn).get_indexes("findings")}
    engine.dispose()
    with open_store(store_url, write=True, check=False) as store:
        assert store.upgrade() == (3, store_schema.SCHEMA_VERSION)
        with store.reading() as conn:
            names = {i["name"] for i in inspect(conn).get_indexes("findings")}
        assert "ix_findings_kind_date" in names
        with store.reading() as conn:
            assert "ix_articles_source_profile" in {i["name"] for i in inspect(conn).get_indexes("articles")}
        store.add(make_report(TEXTS[0][0], source="Outlet A", date=dt.date(2022, 10, 1)))
        assert [f["kind"] for f in search_findings(store, "border", Filters(kind="quantity"))] == ["quantity"]


def test_optimize_merges_a_fragmented_full_text_index(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from presslens.store import store as store_module

    with open_store(str(tmp_path / "frag.db"), write=True, create=True) as store:
        for i in range(store_module.FTS_MAX_SEGMENTS + 4):
            t, src, d = TEXTS[i % len(TEXTS)]
            assert store.add(make_report(f"{t} Report number {i}.", source=src, date=d))

        def segments() -> int:
            with store.reading() as conn:
                return int(conn.exec_driver_sql("SELECT count(DISTINCT segid) FROM articles_fts_idx").scalar() or 0)

        assert segments() > store_module.FTS_MAX_SEGMENTS
        before = [search_articles(store, q, Filters(), limit=50) for q in ("said", "number", '"report number 3"')]
        store.optimize()
        assert segments() == 1
        assert [search_articles(store, q, Filters(), limit=50) for q in ("said", "number", '"report number 3"')] == before
        assert len(before[1]) == store_module.FTS_MAX_SEGMENTS + 4


# ---------------------------------------------------------------- queries of common terms (issue 14)

COMMON_TEXTS = [  # "war" in all 7; "report" in 4 of 7 (more than half); "ceasefire" in 3 of 7 (less)
    ("War report: the front moved.", "Outlet A", dt.date(2022, 3, 1)),
    ("The war went on; a ceasefire was not in sight.", "Outlet B", dt.date(2022, 5, 1)),
    ("A report on the war and a ceasefire offer.", "Outlet A", dt.date(2022, 5, 1)),
    ("War, war and war again, said the report.", "Outlet C", dt.date(2022, 1, 15)),
    ("The war in the east: ceasefire talks.", "Outlet B", dt.date(2022, 7, 9)),
    ("Night of the war: no report yet.", "Outlet C", dt.date(2022, 2, 2)),
    ("War diary, day ten.", "Outlet A", dt.date(2022, 6, 30)),
]


@pytest.fixture
def common_corpus(store_url: str):  # type: ignore[no-untyped-def]
    with open_store(store_url, write=True, create=True) as store:
        for t, src, d in COMMON_TEXTS:
            assert store.add(make_report(t, source=src, date=d, title=t.split(":")[0][:20]))
        yield store


def _newest_first(words: list[str], without: str | None = None) -> list[tuple[str, str]]:
    """(date, first words of the title) of the articles holding every word, newest first, last stored first."""
    rows = [(d.isoformat(), i, t.split(":")[0][:20]) for i, (t, _s, d) in enumerate(COMMON_TEXTS)
            if all(w in t.lower() for w in words) and not (without and without in t.lower())]
    return [(d, title) for d, _i, title in sorted(rows, key=lambda r: (r[0], r[1]), reverse=True)]


@pytest.mark.parametrize("query,words,without", [
    ("war", ["war"], None),
    ("WAR report", ["war", "report"], None),
    ("war -ceasefire", ["war"], "ceasefire"),
    ('"the war"', ["the war"], None),
])
def test_common_terms_are_listed_newest_first(common_corpus, query: str, words: list[str],  # type: ignore[no-untyped-def]
                                               without: str | None) -> None:
    """Every positive term in at least half of the articles: no bm25 / ts_rank, newest first, score 0, the
    same page by page and under filters as the unfiltered list with the other articles left out."""
    from presslens.store import search

    with common_corpus.reading() as conn:
        assert search.only_common_terms(conn, common_corpus.backend, parse_query(query))
    hits = search_articles(common_corpus, query, Filters(), limit=50)
    assert [(h["date"], h["title"]) for h in hits] == _newest_first(words, without)
    assert all(h["score"] == 0.0 and "[" in h["snippet"] for h in hits)
    for k in range(len(hits) + 1):
        assert search_articles(common_corpus, query, Filters(), limit=3, offset=k) == hits[k:k + 3]
    only_a = search_articles(common_corpus, query, Filters(sources=["Outlet A"], since=dt.date(2022, 2, 1)))
    assert only_a == [h for h in hits if h["source"] == "Outlet A" and h["date"] >= "2022-02-01"]


@pytest.mark.parametrize("query", ["ceasefire", "war ceasefire", "report OR ceasefire", "front"])
def test_a_term_in_less_than_half_keeps_the_ranking(common_corpus, query: str,  # type: ignore[no-untyped-def]
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from presslens.store import search

    with common_corpus.reading() as conn:
        assert not search.only_common_terms(conn, common_corpus.backend, parse_query(query))
    hits = search_articles(common_corpus, query, Filters(), limit=50)
    monkeypatch.setattr(search, "only_common_terms", lambda *_a: False)  # the ranking as before the rule
    assert search_articles(common_corpus, query, Filters(), limit=50) == hits
    assert hits and any(h["score"] > 0 for h in hits)  # the ones holding the rarer term


def test_common_means_at_least_half_of_the_articles(store_url: str) -> None:
    from presslens.store import search

    with open_store(store_url, write=True, create=True) as store:
        for i in range(5):  # "odd" in articles 0, 2, 4 (3 of 5); "even" in 1, 3 (2 of 5)
            store.add(make_report(f"Article {i} is {'odd' if i % 2 == 0 else 'even'}.", date=dt.date(2022, 1, 1 + i)))
        with store.reading() as conn:
            assert search.only_common_terms(conn, store.backend, parse_query("odd article"))
            assert not search.only_common_terms(conn, store.backend, parse_query("even"))
            assert not search.only_common_terms(conn, store.backend, parse_query("odd OR even"))
        store.add(make_report("Article 5 is even.", date=dt.date(2022, 1, 6)))
        with store.reading() as conn:  # 3 of 6: exactly half is common (bm25's IDF floor starts there)
            assert search.only_common_terms(conn, store.backend, parse_query("even"))
        assert [h["date"] for h in search_articles(store, "even", Filters())] == ["2022-01-06", "2022-01-04",
                                                                                   "2022-01-02"]


def test_newest_first_walk_and_collected_matches_agree(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """SQLite walks the date index checking each article, and collects every match when the walk is too
    long: both give the same pages."""
    from presslens.store import search

    with open_store(str(tmp_path / "walk.db"), write=True, create=True) as store:
        for i in range(40):  # "common" in 30 of 40, never in the 10 newest
            words = "common word" if i < 30 else "other word"
            store.add(make_report(f"Article {i}: a {words}.", source=f"Outlet {i % 3}",
                                  date=dt.date(2022, 1, 1) + dt.timedelta(days=i)))
        expected = [f"2022-{d.month:02d}-{d.day:02d}" for d in
                    (dt.date(2022, 1, 1) + dt.timedelta(days=i) for i in range(29, -1, -1))]
        assert [h["date"] for h in search_articles(store, "common", Filters(), limit=100)] == expected
        # the walk alone; a walk too short for the page (the newest 10 do not match), then the collected
        # matches; the collected matches at once (page too deep for a walk)
        for walk, per_hit, most in ((1000, 4, 10_000), (0, 1, 10_000), (500, 4, 10)):
            monkeypatch.setattr(search, "NEWEST_WALK", walk)
            monkeypatch.setattr(search, "NEWEST_WALK_PER_HIT", per_hit)
            monkeypatch.setattr(search, "NEWEST_WALK_MAX", most)
            for limit, offset in ((5, 0), (5, 7), (20, 25), (3, 40)):
                got = [h["date"] for h in search_articles(store, "common", Filters(), limit=limit, offset=offset)]
                assert got == expected[offset:offset + limit], (walk, limit, offset)
            assert search_articles(store, "common", Filters(), limit=0) == []
            by_source = search_articles(store, "common word", Filters(sources=["Outlet 1"]), limit=4, offset=2)
            assert [h["date"] for h in by_source] == [d for i, d in zip(range(29, -1, -1), expected, strict=True)
                                                      if i % 3 == 1][2:6]


def test_long_and_operator_only_queries_are_bounded(filled) -> None:  # type: ignore[no-untyped-def]
    from presslens.store.search import MAX_QUERY_WORDS

    with pytest.raises(QueryError, match=f"at most {MAX_QUERY_WORDS}"):
        search_articles(filled, "border " * 10_000, Filters())
    with pytest.raises(QueryError, match="at most"):
        search_findings(filled, '"' + "the border " * 5_000 + '"', Filters())
    assert len(search_articles(filled, "said " * MAX_QUERY_WORDS, Filters())) == 2  # at the limit: searched
    for query in ("OR", "OR OR OR", "- - -", '"" OR ""'):
        with pytest.raises(QueryError, match="nothing to search for"):
            search_articles(filled, query, Filters())
    for query in ("AND OR NOT", "NEAR AND NOT", "NOT OR AND NEAR"):  # FTS5 operators: plain words here
        assert search_articles(filled, query, Filters()) == []
        assert search_findings(filled, query, Filters()) == []


# the columns each schema version added (store.schema's migration steps), to rewind a store to what an older
# version wrote
_COLUMNS_ADDED_BY = {5: (("figure_mentions", "outcome"),), 6: (("articles", "given_id"),)}


def _rewind_to(conn: Connection, version: int) -> None:
    """Make the store look as schema ``version`` wrote it: no column of a later version, the old version number."""
    for later in sorted((v for v in _COLUMNS_ADDED_BY if v > version), reverse=True):
        for table, column in _COLUMNS_ADDED_BY[later]:
            conn.execute(text(f"ALTER TABLE {table} DROP COLUMN {column}"))
    conn.execute(text(f"UPDATE store_meta SET value = '{version}' WHERE key = 'schema_version'"))


def _hashed_outcomes(calls: list[str]):  # type: ignore[no-untyped-def]
    """A stand-in outcome embedder (no model) that records the clauses it was asked to embed."""
    from presslens.compare.figure_groups import hashed_embedder

    embed = hashed_embedder(64)

    def outcomes(texts: list[str]):  # type: ignore[no-untyped-def]
        calls.extend(texts)
        return embed(texts)

    return outcomes


def _hashed_parts(texts: list[str]):  # type: ignore[no-untyped-def]
    import numpy as np

    from presslens.compare.figure_groups import hashed_embedder

    half = hashed_embedder(32)
    return np.hstack([half([t.split(" ")[0] for t in texts]), half(texts)])


def test_upgrade_to_version_5_keeps_figure_mentions_and_figures_read_the_stored_outcome_vectors(
        store_url: str) -> None:
    """Version 5 stores each mention's outcome vector: ``presslens figures`` (figure_summaries) embeds none of
    them again. A store written before version 5 (its rows without the column) is upgraded in place, keeps its
    mentions and groups, and gives the same summaries: the vectors of its rows are computed on read."""
    from sqlalchemy import inspect, select

    from presslens.compare.figure_groups import hashed_embedder
    from presslens.store import tracking
    from presslens.store.schema import FIGURE_MENTIONS
    from tests.test_corpus_compare import ARTICLES_IN_DATE_ORDER, make_article

    indexed: list[str] = []
    with open_store(store_url, write=True, create=True) as store:
        tracker = tracking.CorpusTracker(store, figure_embed=hashed_embedder(), claim_encode=hashed_embedder(384),
                                         claim_fingerprint="hashed-test", outcome_embed=_hashed_outcomes(indexed),
                                         part_embed=_hashed_parts)
        for t, source, date in ARTICLES_IN_DATE_ORDER:
            assert store.add(make_article(t, source, date, url=f"https://{source}.example/{date}"), tracker)
        assert tracker.grouper is not None
        expected_outcomes = {mid: tracker.grouper.outcomes[mid] for mid in tracker.grouper.outcomes}
        with store.reading() as conn:
            rows = conn.execute(select(FIGURE_MENTIONS.c.id, FIGURE_MENTIONS.c.group_id,
                                       FIGURE_MENTIONS.c.outcome)).all()
    grouped = {mid: gid for mid, gid, _o in rows if gid is not None}
    assert len(grouped) >= 8 and len(set(grouped.values())) < len(grouped)  # some groups hold several mentions
    stored = {mid: np.frombuffer(bytes(o), dtype=np.float16) for mid, _g, o in rows if o is not None}
    assert stored.keys() == expected_outcomes.keys() == grouped.keys()
    assert all(np.array_equal(stored[mid], expected_outcomes[mid]) for mid in stored)

    def summaries(calls: list[str]) -> list[dict[str, object]]:
        with open_store(store_url) as store:
            return [s.to_dict() for s in tracking.figure_summaries(
                store, min_articles=1, outcome_embed=_hashed_outcomes(calls), part_embed=_hashed_parts)]

    read_calls: list[str] = []
    fresh = summaries(read_calls)
    assert fresh and read_calls == []  # every outcome vector read from the store, none embedded again

    # the same store as version 4 wrote it: no outcome column
    with open_store(store_url, write=True) as store, store.transaction() as conn:
        _rewind_to(conn, 4)
    with pytest.raises(StoreError, match="db upgrade"):
        open_store(store_url)
    with open_store(store_url, write=True, check=False) as store:
        assert store.upgrade() == (4, store_schema.SCHEMA_VERSION)
        with store.reading() as conn:
            assert "outcome" in {c["name"] for c in inspect(conn).get_columns("figure_mentions")}
            after = conn.execute(select(FIGURE_MENTIONS.c.id, FIGURE_MENTIONS.c.group_id,
                                        FIGURE_MENTIONS.c.outcome)).all()
    assert {mid: gid for mid, gid, _o in after if gid is not None} == grouped
    assert all(o is None for _m, _g, o in after)
    upgraded_calls: list[str] = []
    assert summaries(upgraded_calls) == fresh  # the old rows' vectors computed on read: the same summaries
    assert len(upgraded_calls) == len(grouped)


def test_the_users_id_is_stored_and_the_version_6_upgrade_fills_it_from_the_reports(store_url: str) -> None:
    """Version 6 keeps the id the user gave (``Article.id``: a corpus record's id, else the file name) next to the
    corpus key; a store written before it gets the column filled from each stored report by ``db upgrade``."""
    from sqlalchemy import inspect, select

    from presslens.store.article_names import article_names
    from presslens.store.schema import ARTICLES

    given = {"mine-001": TEXTS[0], "dispatch_0928": TEXTS[2]}
    keys = {}
    with open_store(store_url, write=True, create=True) as store:
        for gid, (t, src, d) in given.items():
            rep = make_report(t, source=src, date=d, title=f"Title of {gid}")
            rep.article.id = gid
            rep.article.origin = f"/home/user/articles/{gid}.txt"
            keys[gid] = report_rows(rep)[0]["id"]
            assert store.add(rep)
        with store.reading() as conn:
            names = article_names(conn, [*keys.values(), "0" * 32])
    assert set(names) == set(keys.values())  # a key not stored is left out
    for gid, key in keys.items():
        assert key != gid and len(key) == 32  # the corpus key stays the key
        assert names[key].given_id == gid
        assert names[key].title == f"Title of {gid}"
        assert names[key].origin == f"/home/user/articles/{gid}.txt"

    # the same store as version 5 wrote it: no given_id column
    with open_store(store_url, write=True) as store, store.transaction() as conn:
        _rewind_to(conn, 5)
    with pytest.raises(StoreError, match="db upgrade"):
        open_store(store_url)
    with open_store(store_url, write=True, check=False) as store:
        assert store.upgrade() == (5, store_schema.SCHEMA_VERSION)
        with store.reading() as conn:
            assert "given_id" in {c["name"] for c in inspect(conn).get_columns("articles")}
            stored = dict(conn.execute(select(ARTICLES.c.id, ARTICLES.c.given_id)).all())
    assert stored == {key: gid for gid, key in keys.items()}


def test_the_version_6_upgrade_reads_reports_in_batches(store_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_schema, "UPGRADE_BATCH", 2)
    with open_store(store_url, write=True, create=True) as store:
        for n, (t, src, d) in enumerate(TEXTS):
            rep = make_report(t, source=src, date=d)
            rep.article.id = f"user-{n}"
            assert store.add(rep)
        with store.transaction() as conn:
            _rewind_to(conn, 5)
    with open_store(store_url, write=True, check=False) as store:
        assert store.upgrade() == (5, store_schema.SCHEMA_VERSION)
        with store.reading() as conn:
            got = sorted(r[0] for r in conn.execute(text("SELECT given_id FROM articles")))
    assert got == [f"user-{n}" for n in range(len(TEXTS))]
