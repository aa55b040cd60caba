"""Figure tracking, republished copies and claim matching wired into the corpus store (SQLite and PostgreSQL).

The store-level tests build analysed articles directly (no model runs) and use the model-free hashed
embedder; the walk-through test at the end indexes tests/data/corpus_compare with the real pipeline."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from pathlib import Path

import pytest
from sqlalchemy import func, select

from presslens.article import AnalyzerRun, Article, Finding, Report
from presslens.compare.figure_groups import hashed_embedder
from presslens.store import StoreError, open_store
from presslens.store import schema as store_schema
from presslens.store.claims import repeated_claims, search_claims
from presslens.store.rows import article_key, report_rows
from presslens.store.schema import ARTICLES, CLAIM_VECTORS, FIGURE_MENTIONS, FINDINGS
from presslens.store.tracking import CorpusTracker, figure_summaries, rebuild_groups

CORPUS = Path(__file__).parent / "data" / "corpus_compare" / "articles.jsonl"
_NUMBER = re.compile(r"(?:(?:more than|at least|about|up to) )?\d[\d,]*(?: (?:men|people|reservists|subscribers))?", re.I)
_BOUNDS = {"more than": "lower", "at least": "lower", "about": "approx", "up to": "upper"}


def make_article(text: str, source: str, date: dt.date, url: str | None = None) -> Report:
    """A report with one quantity finding per number (bound and counted noun read from the words) and one
    check-worthy claim per sentence."""
    sentences = [(m.start(), m.end()) for m in re.finditer(r"[^.]+\.", text)]
    article = Article(text=text, id="x", date=date, source=source, url=url, sentences=sentences)
    findings = []
    for m in _NUMBER.finditer(text):
        span = m.group(0)
        digits = re.search(r"\d[\d,]*", span)
        assert digits is not None
        value = float(digits.group(0).replace(",", ""))
        bound = next((b for w, b in _BOUNDS.items() if span.lower().startswith(w)), "exact")
        unit = span.split()[-1] if span.split()[-1].isalpha() else None
        low, high = (0.0, value) if bound == "upper" else (value, value)
        findings.append(Finding.at(article, m.start(), m.end(), kind="quantity", label="count", score=0.99,
                                   analyzer="figures",
                                   attributes={"value": value, "low": low, "high": high, "bound": bound,
                                               "unit": unit, "vague": False, "malformed": False,
                                               "number": {"start": m.start() + digits.start(),
                                                          "end": m.start() + digits.end()}}))
    for s, e in sentences:
        while text[s] == " ":
            s += 1
        findings.append(Finding.at(article, s, e, kind="claim", label="check_worthy", score=0.9,
                                   analyzer="claims", attributes={"hedged": " may " in text[s:e]}))
    return Report(article=article, findings=findings, analyzers=[AnalyzerRun("figures", "1", "ok"),
                                                                 AnalyzerRun("claims", "1", "ok")])


LEFT = "men have left the country since the mobilisation was announced"
ARTICLES_IN_DATE_ORDER = [
    (f"More than 100,000 {LEFT}, the border service said. A channel gained 100,000 subscribers this week.",
     "Ledger", dt.date(2022, 9, 24)),
    (f"About 100,000 {LEFT}, some reports say. Police detained 1,300 people at protests in the capital.",
     "Courier", dt.date(2022, 9, 26)),
    (f"At least 260,000 {LEFT}, a newspaper reported. Police detained 2,000 people at protests in the capital.",
     "Wire", dt.date(2022, 9, 27)),
    (f"At least 260,000 {LEFT}, a newspaper reported on Tuesday. Police detained 2,000 people at protests in "
     "the capital.", "Copy Daily", dt.date(2022, 9, 27)),
    (f"About 700,000 {LEFT}, officials estimated. Up to 1,000,000 reservists may be called up.",
     "Ledger", dt.date(2022, 10, 3)),
]


def _tracker(store) -> CorpusTracker:  # type: ignore[no-untyped-def]
    return CorpusTracker(store, figure_embed=hashed_embedder(), claim_encode=hashed_embedder(384),
                         claim_fingerprint="hashed-test")


def _fill(url: str) -> list[str]:
    keys = []
    with open_store(url, write=True, create=True) as store:
        tracker = _tracker(store)
        for text, source, date in ARTICLES_IN_DATE_ORDER:
            rep = make_article(text, source, date, url=f"https://{source.replace(' ', '')}.example/{date}")
            assert store.add(rep, tracker)
            keys.append(article_key(rep.article))
    return keys


def _partition(url: str) -> set[frozenset[str]]:
    groups: dict[str, set[str]] = {}
    with open_store(url) as store, store.reading() as conn:
        for mid, gid in conn.execute(select(FIGURE_MENTIONS.c.id, FIGURE_MENTIONS.c.group_id)):
            if gid is not None:
                groups.setdefault(gid, set()).add(mid)
    return {frozenset(g) for g in groups.values()}


def test_index_time_tracking_groups_figures_and_counts_copies_once(store_url: str) -> None:
    keys = _fill(store_url)
    with open_store(store_url) as store:
        with store.reading() as conn:
            dup = dict(conn.execute(select(ARTICLES.c.id, ARTICLES.c.duplicate_of)).all())
            per_article = dict(conn.execute(select(FIGURE_MENTIONS.c.article_id, func.count())
                                            .group_by(FIGURE_MENTIONS.c.article_id)).all())
            claim_sources = [r[0] for r in conn.execute(select(CLAIM_VECTORS.c.source))]
        assert dup[keys[3]] == keys[2] and sum(v is not None for v in dup.values()) == 1
        assert keys[3] not in per_article  # the copy adds no mentions ...
        assert "Copy Daily" not in claim_sources  # ... and no claims
        groups = figure_summaries(store)
    left = next(g for g in groups if g.unit == "men")
    assert [m.text for m in left.mentions] == ["More than 100,000 men", "About 100,000 men", "At least 260,000 men",
                                               "About 700,000 men"]
    assert [c["source"] for c in left.also_published_by[keys[2]]] == ["Copy Daily"]
    assert left.first is not None and left.first.source == "Ledger"
    # bounds respected: "more than 100,000" agrees with 260,000, "about 100,000" does not
    pairs = {(c.first.text, c.second.text) for c in left.conflicts}
    assert ("About 100,000 men", "At least 260,000 men") in pairs
    assert ("More than 100,000 men", "At least 260,000 men") not in pairs
    # the copy is not a second source of the 2,000 detentions: no conflict with itself, one mention only
    detained = next(g for g in groups if g.unit == "people")
    assert [m.source for m in detained.mentions] == ["Courier", "Wire"]
    # a distractor with the same value never joins the men's group
    assert all("subscribers" not in m.text for g in groups for m in g.mentions if g is left)
    assert not any(m.unit == "subscribers" for m in left.mentions)


def test_a_later_run_restores_copies_and_groups_from_the_store(store_url: str) -> None:
    first, later = ARTICLES_IN_DATE_ORDER[:3], ARTICLES_IN_DATE_ORDER[3:]
    with open_store(store_url, write=True, create=True) as store:
        tracker = _tracker(store)
        for text, source, date in first:
            assert store.add(make_article(text, source, date), tracker)
        with store.reading() as conn:
            assert all(len(bytes(h)) == 128 * 8 for (h,) in conn.execute(select(ARTICLES.c.minhash)))
            # a fresh tracker must not re-read the texts: hide them
        with store.transaction() as conn:
            conn.execute(ARTICLES.update().values(text=""))
    with open_store(store_url, write=True) as store:
        tracker = _tracker(store)  # a new `index` run
        for text, source, date in later:
            assert store.add(make_article(text, source, date), tracker)
        with store.reading() as conn:
            copies = conn.execute(select(ARTICLES.c.source).where(ARTICLES.c.duplicate_of.is_not(None))).all()
        assert copies == [("Copy Daily",)]
        left = next(g for g in figure_summaries(store) if g.unit == "men")
    assert len(left.mentions) == 4 and [c["source"] for cs in left.also_published_by.values() for c in cs] == [
        "Copy Daily"]


def test_figure_filters(store_url: str) -> None:
    _fill(store_url)
    with open_store(store_url) as store:
        assert {g.unit for g in figure_summaries(store, "detained")} == {"people"}
        assert {g.unit for g in figure_summaries(store, "LEFT the country")} == {"men"}
        assert figure_summaries(store, "no such words here") == []
        assert {g.unit for g in figure_summaries(store, sources=["courier"])} == {"men", "people"}
        late = figure_summaries(store, since=dt.date(2022, 9, 26), until=dt.date(2022, 9, 27))
        assert all(dt.date(2022, 9, 26) <= m.date <= dt.date(2022, 9, 27) for g in late for m in g.mentions
                   if m.date)
        assert len(figure_summaries(store, min_articles=1)) > len(figure_summaries(store))


def test_incremental_assignment_equals_a_rebuild(store_url: str) -> None:
    _fill(store_url)
    before = _partition(store_url)
    rows = _mention_rows(store_url)
    assert len(before) >= 3 and any(len(g) >= 4 for g in before)
    with open_store(store_url, write=True) as store:
        mentions, groups = rebuild_groups(store, embed=hashed_embedder())
    assert mentions == sum(len(g) for g in before) and groups == len(before)
    assert _partition(store_url) == before
    assert _mention_rows(store_url) == rows  # vectors too: each article embedded alone, as at index time


def test_incremental_assignment_with_updated_copies_equals_a_rebuild(store_url: str) -> None:
    # issue 15 / user trial s30: a copy's own (updated or added) figures are mentions too; a rebuild replays them
    keys = _fill_copies(store_url)
    before = _mention_rows(store_url)
    partition = _partition(store_url)
    assert {aid for _, _, aid, _, _ in before} >= {keys["Digest"]}
    with open_store(store_url, write=True) as store:
        mentions, groups = rebuild_groups(store, embed=hashed_embedder())
    assert (mentions, groups) == (len(before), len(partition))
    assert _mention_rows(store_url) == before and _partition(store_url) == partition


FILLER = ("The town council met in an emergency session and asked residents to stay indoors while the "
          "shelling continued along the river road and the eastern districts.")
WIRE = (f"More than 9,000 people have fled the town since the shelling began, the governor said. {FILLER} "
        "Up to 50 drones struck the port overnight, the army said. Police detained {detained} people at a "
        "rally against the evacuation order in the capital.{added}")
ADDED = " At least 40 men were wounded in the strikes, doctors said."
COPIES = [  # (text, outlet, date): the original, a plain copy, an updated copy, a copy of the updated copy
    (WIRE.format(detained="300", added=""), "Wire", dt.date(2022, 10, 5)),
    (WIRE.format(detained="300", added="") + " Relay republished this report.", "Relay", dt.date(2022, 10, 6)),
    (WIRE.format(detained="450", added=ADDED), "Digest", dt.date(2022, 10, 8)),
    (WIRE.format(detained="450", added=ADDED), "Echo", dt.date(2022, 10, 9)),
]


def _fill_copies(url: str) -> dict[str, str]:
    keys = {}
    with open_store(url, write=True, create=True) as store:
        tracker = _tracker(store)
        for text, source, date in COPIES:
            rep = make_article(text, source, date)
            assert store.add(rep, tracker)
            keys[source] = article_key(rep.article)
    return keys


def test_an_updated_copy_keeps_exactly_its_changed_and_added_figures(store_url: str) -> None:
    keys = _fill_copies(store_url)
    with open_store(store_url) as store:
        with store.reading() as conn:
            dup = dict(conn.execute(select(ARTICLES.c.id, ARTICLES.c.duplicate_of)).all())
            rows = [(aid, json.loads(data)) for aid, data in conn.execute(
                select(FIGURE_MENTIONS.c.article_id, FIGURE_MENTIONS.c.data).order_by(FIGURE_MENTIONS.c.pk))]
        groups = figure_summaries(store, min_articles=1)
    # every copy is a copy of the original (a copy of a copy points at the original) ...
    assert {dup[keys[s]] for s in ("Relay", "Digest", "Echo")} == {keys["Wire"]} and dup[keys["Wire"]] is None
    by_article: dict[str, list[str]] = {}
    for aid, data in rows:
        by_article.setdefault(aid, []).append(data["text"])
    # ... the plain copy and the copy of the updated copy add nothing; the updated copy exactly its two figures
    assert keys["Relay"] not in by_article and keys["Echo"] not in by_article
    assert sorted(by_article[keys["Digest"]]) == ["450 people", "At least 40 men"]
    assert by_article[keys["Wire"]] == ["More than 9,000 people", "Up to 50", "300 people"]
    own = {data["text"]: data for aid, data in rows if aid == keys["Digest"]}
    assert {d["updated_copy_of"] for d in own.values()} == {keys["Wire"]}
    assert all(data["updated_copy_of"] is None for aid, data in rows if aid == keys["Wire"])
    wire_300 = next(data["id"] for aid, data in rows if aid == keys["Wire"] and data["text"] == "300 people")
    assert own["450 people"]["updates"] == wire_300 and own["At least 40 men"]["updates"] is None
    # the updated figure carries the copy's own date and outlet, joins the original's group and conflicts with it
    detained = next(g for g in groups if any(m.text == "300 people" for m in g.mentions))
    assert [(m.text, m.source, m.date) for m in detained.mentions] == [
        ("300 people", "Wire", dt.date(2022, 10, 5)), ("450 people", "Digest", dt.date(2022, 10, 8))]
    assert [(c.first.text, c.second.text) for c in detained.conflicts] == [("300 people", "450 people")]
    # "also published by": the copies that state the figure, not the one that changed it
    original, updated = detained.mentions
    assert "Digest" not in [c["source"] for c in detained.copies_of(original)]
    assert [c["source"] for c in detained.copies_of(original)][:1] == ["Relay"]
    fled = next(g for g in groups if any(m.text == "More than 9,000 people" for m in g.mentions))
    assert [c["source"] for m in fled.mentions for c in fled.copies_of(m)] == ["Relay", "Digest", "Echo"]
    (row,) = [r for r in detained.rows() if r["source"] == "Digest"]
    # Echo copies Digest's 450 (user trial s31, problem 2): listed under the update it repeats
    assert row["updated_copy_of"] == keys["Wire"] and row["also_published_by"] == "Echo"
    timeline = {t["text"]: t["updated_copy_of"] for t in detained.to_dict()["timeline"]}
    assert timeline == {"300 people": None, "450 people": keys["Wire"]}


def test_reanalysing_an_updated_copy_keeps_its_own_figures(store_url: str) -> None:
    keys = _fill_copies(store_url)
    before = _mention_rows(store_url)
    with open_store(store_url, write=True) as store:
        tracker = _tracker(store)
        text, source, date = COPIES[2]
        rep = make_article(text, source, date)
        assert store.replace(rep, tracker)
    after = _mention_rows(store_url)
    assert sorted(r[:3] for r in after) == sorted(r[:3] for r in before)
    assert sum(aid == keys["Digest"] for _, _, aid, _, _ in after) == 2


def _mention_rows(url: str) -> list[tuple[object, ...]]:
    """Every stored mention row as written: id, group id, article, clause and outcome vector bytes."""
    with open_store(url) as store, store.reading() as conn:
        return [(mid, gid, aid, bytes(vec) if vec is not None else None, bytes(out) if out is not None else None)
                for mid, gid, aid, vec, out in conn.execute(
                    select(FIGURE_MENTIONS.c.id, FIGURE_MENTIONS.c.group_id, FIGURE_MENTIONS.c.article_id,
                           FIGURE_MENTIONS.c.vector, FIGURE_MENTIONS.c.outcome).order_by(FIGURE_MENTIONS.c.pk))]


def test_several_index_runs_out_of_date_order_equal_a_rebuild(store_url: str) -> None:
    # one `index` run per outlet (user trial s26): Courier's 26 Sept article, then Ledger's 3 Oct and 24 Sept ones
    # (in that order), then Wire's and its copy
    by_source = (ARTICLES_IN_DATE_ORDER[1:2], [ARTICLES_IN_DATE_ORDER[i] for i in (4, 0)], ARTICLES_IN_DATE_ORDER[2:4])
    for run in by_source:
        with open_store(store_url, write=True, create=True) as store:
            tracker = _tracker(store)  # a new run restores the stored grouping
            for text, source, date in run:
                assert store.add(make_article(text, source, date), tracker)
    before = _mention_rows(store_url)
    partition = _partition(store_url)
    with open_store(store_url) as store, store.reading() as conn:
        texts = {mid: json.loads(data)["text"] for mid, data in conn.execute(
            select(FIGURE_MENTIONS.c.id, FIGURE_MENTIONS.c.data))}
    # the 3 Oct "About 700,000" arrived in the second run, before most earlier-dated mentions of the series: the
    # groups' ids and members were made in arrival order, which the rebuild must replay (not date order). That the
    # order matters here is checked, not assumed: indexing the same articles in date order gives another partition
    # of the texts (with the 28-story pair model of stop 33 the early "About 700,000" opens a group of its own,
    # which date order joins to the series; Ledger's two articles first, the order of stops 31 and 32, no longer
    # differs from date order with that model)
    def text_partition(part: set[frozenset[str]], names: dict[str, str]) -> set[frozenset[str]]:
        return {frozenset(names[mid] for mid in g) for g in part}

    dated_url = store_url + "-dated" if "://" not in store_url else None
    if dated_url is not None:  # SQLite: a second file; PostgreSQL tests keep to the one database
        _fill(dated_url)
        with open_store(dated_url) as store, store.reading() as conn:
            dated_texts = {mid: json.loads(data)["text"] for mid, data in conn.execute(
                select(FIGURE_MENTIONS.c.id, FIGURE_MENTIONS.c.data))}
        dated = text_partition(_partition(dated_url), dated_texts)
        exodus = next(g for g in text_partition(partition, texts) if any(t.startswith("About 700,000") for t in g))
        dated_exodus = next(g for g in dated if any(t.startswith("About 700,000") for t in g))
        assert exodus != dated_exodus, "this corpus no longer depends on arrival order: choose another order"
    with open_store(store_url, write=True) as store:
        mentions, groups = rebuild_groups(store, embed=hashed_embedder())
    assert (mentions, groups) == (len(before), len(partition))
    assert _mention_rows(store_url) == before  # same groups, ids, vectors and outcome vectors


def test_a_failed_article_leaves_no_mentions_or_vectors(store_url: str) -> None:
    with open_store(store_url, write=True, create=True) as store:
        tracker = _tracker(store)
        rep = make_article(ARTICLES_IN_DATE_ORDER[0][0], "Ledger", dt.date(2022, 9, 24))
        row, frows = report_rows(rep)
        tracking = tracker.rows_for(rep, row["id"])
        assert tracking["mentions"] and tracking["claims"]
        tracking["claims"][-1]["text"] = None  # NOT NULL: the last insert of the transaction fails
        with pytest.raises(StoreError):
            store.add_rows(row, frows, tracking)
        with store.reading() as conn:
            for table in (ARTICLES, FIGURE_MENTIONS, CLAIM_VECTORS):
                assert conn.execute(select(func.count()).select_from(table)).scalar() == 0


def test_claims_like_and_repeated(store_url: str) -> None:
    _fill(store_url)
    enc = {"encode": hashed_embedder(384), "fingerprint": "hashed-test"}

    def embedded(store, encoder: str) -> int:  # type: ignore[no-untyped-def]
        with store.reading() as conn:
            return conn.execute(select(func.count()).select_from(CLAIM_VECTORS).where(
                CLAIM_VECTORS.c.encoder == encoder, CLAIM_VECTORS.c.vector.is_not(None))).scalar()

    with open_store(store_url, write=True) as store:
        n_claims = store.info()["claim_vectors"]
        assert n_claims > 0 and embedded(store, "hashed-test") == 0  # embedded on first use, not at index time
        hits = search_claims(store, "Police detained 2,000 people at protests in the capital.", limit=3, **enc)
        assert hits[0]["source"] == "Wire" and hits[0]["score"] >= hits[1]["score"] >= hits[2]["score"]
        assert hits[0]["text"] == "Police detained 2,000 people at protests in the capital."
        assert embedded(store, "hashed-test") == n_claims  # ... and then kept
        # vectors of another encoder are not mixed in: those claims are encoded again
        other = search_claims(store, "Police detained 2,000 people at protests in the capital.", limit=1,
                              encode=hashed_embedder(384), fingerprint="another-model")
        assert other[0]["claim"] == hits[0]["claim"]
        assert embedded(store, "another-model") == n_claims and embedded(store, "hashed-test") == 0
        repeated = repeated_claims(store, threshold=0.95, **enc)
        loose = repeated_claims(store, threshold=0.7, **enc)
    # Courier's "Police detained 1,300 people at protests in the capital." and Wire's "... 2,000 people ..." read
    # alike (the hashed words ignore the numbers), but their figures conflict: never one repeated claim
    for claim in [*repeated, *loose]:
        texts = " ".join(m["text"] for m in claim["mentions"])
        assert not ("1,300" in texts and "2,000" in texts)
        assert not ("About 100,000" in texts and "260,000" in texts)
    assert loose, "claims with compatible figures from several sources"
    first = loose[0]
    assert len(first["sources"]) >= 2 and first["first"]["date"] <= first["latest"]["date"]
    assert first["spread_days"] == (dt.date.fromisoformat(first["latest"]["date"])
                                    - dt.date.fromisoformat(first["first"]["date"])).days


def test_claims_can_be_embedded_at_index_time(store_url: str) -> None:
    with open_store(store_url, write=True, create=True) as store:
        tracker = CorpusTracker(store, figure_embed=hashed_embedder(), claim_encode=hashed_embedder(384),
                                claim_fingerprint="hashed-test", embed_claims=True)
        assert store.add(make_article(ARTICLES_IN_DATE_ORDER[0][0], "Ledger", dt.date(2022, 9, 24)), tracker)
        with store.reading() as conn:
            rows = conn.execute(select(CLAIM_VECTORS.c.encoder, CLAIM_VECTORS.c.vector)).all()
    assert len(rows) == 2 and all(e == "hashed-test" and len(v) == 384 * 4 for e, v in rows)


def test_version_2_database_upgrades_to_3(store_url: str) -> None:
    if "://" not in store_url:
        Path(store_url).touch()  # an empty SQLite file: open it without creating the schema
    with open_store(store_url, write=True, check=False) as store, store.transaction() as conn:
        assert store_schema.upgrade(conn, 0, 2) == [1, 2]
        assert not conn.dialect.has_table(conn, "figure_mentions")
    with pytest.raises(StoreError, match="db upgrade"):
        open_store(store_url)
    with open_store(store_url, write=True, check=False) as store:
        assert store.upgrade() == (2, store_schema.SCHEMA_VERSION)
        with store.reading() as conn:
            assert conn.dialect.has_table(conn, "figure_mentions") and conn.dialect.has_table(conn, "claim_vectors")
    with open_store(store_url, write=True) as store:
        assert store.add(make_article(ARTICLES_IN_DATE_ORDER[0][0], "Ledger", dt.date(2022, 9, 24)),
                         _tracker(store))
        assert store.info()["figure_mentions"] == 2


def test_walk_through_with_the_real_pipeline(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from presslens.cli import main

    db = str(tmp_path / "walk.db")
    assert main(["index", str(CORPUS), "--db", db, "--no-progress"]) == 0
    capsys.readouterr()
    assert main(["figures", "--db", db, "--format", "json"]) == 0
    groups = json.loads(capsys.readouterr().out)
    left = next(g for g in groups if "left the country" in g["label"])
    texts = [m["text"] for m in left["mentions"]]
    assert any("100,000" in t for t in texts) and any("700,000" in t for t in texts)
    assert any(m["also_published_by"] and m["also_published_by"][0]["source"] == "Riverside Daily"
               for m in left["mentions"])
    # the copy's body repeats the original's figures (counted once); only its new headline's figure is its own
    own = [(m["text"], m["updated_copy_of"]) for g in groups for m in g["mentions"] if m["source"] == "Riverside Daily"]
    original = next(m["article_id"] for m in left["mentions"] if m["source"] == "Wire Service Eurasia")
    assert own == [("a quarter of a million", original)]
    assert left["conflicts"] and all("subscribers" not in t for t in texts)
    with open_store(db) as store, store.reading() as conn:
        stored = [(gid, json.loads(data)) for gid, data in conn.execute(
            select(FIGURE_MENTIONS.c.group_id, FIGURE_MENTIONS.c.data))]
    assert {d["label"] for gid, d in stored if gid is None} >= {"age"}  # "men under 35": never grouped
    assert all(gid is None for gid, d in stored if d["label"] in ("age", "duration", "date", "ordinal"))
    assert {gid for gid, d in stored if "subscribers" in d["text"]}.isdisjoint({left["group_id"]})
    assert main(["figures", "detained", "--db", db, "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert rows and all("detain" in r["label"] for r in rows)
    assert main(["figures", "--db", db]) == 0
    assert "also published by: Riverside Daily" in capsys.readouterr().out
    assert main(["claims", "--db", db, "--like", "a quarter of a million men fled after the mobilisation order",
                 "--format", "json", "--limit", "3"]) == 0
    hits = json.loads(capsys.readouterr().out)
    # the copy's new headline states a figure of its own, so its claim is listed beside the original's (user
    # trial s32); the copy's body claims repeat the original's and are not
    assert len(hits) == 3 and any("left the country" in h["text"] for h in hits)
    assert {h["source"] for h in hits if "a quarter of a million" in h["text"]} <= {"Riverside Daily"}
    assert not any(h["source"] == "Riverside Daily" and "left the country" in h["text"] for h in hits)
    assert main(["db", "rebuild-groups", "--db", db]) == 0
    assert "regrouped" in capsys.readouterr().out
    assert main(["claims", "--db", db, "--like", " "]) == 2


def test_the_outlet_folders_indexed_one_run_each_equal_figures_rebuild(store_url: str,
                                                                        capsys: pytest.CaptureFixture[str]) -> None:
    """User trial s26, item 4: examples/outlets indexed one outlet folder per `index` run (not in date order),
    with the real pipeline, then `figures --rebuild` on the same store: the same rows and the same view."""
    from presslens.cli import main

    outlets = Path(__file__).parents[1] / "examples" / "outlets"
    for folder in sorted(outlets.iterdir()):
        assert main(["index", str(folder), "--db", store_url, "--source", folder.name, "--threads", "1",
                     "--no-progress"]) == 0
    capsys.readouterr()
    assert main(["figures", "--db", store_url, "--min-articles", "1", "--format", "json"]) == 0
    shown = capsys.readouterr().out
    before = _mention_rows(store_url)
    assert len({row[1] for row in before if row[1] is not None}) >= 5
    assert main(["figures", "--rebuild", "--db", store_url, "--min-articles", "1", "--format", "json"]) == 0
    captured = capsys.readouterr()  # the "regrouped" line on stderr, so stdout stays the JSON (user trial s27)
    assert captured.err.startswith("regrouped ") and captured.out == shown
    assert _mention_rows(store_url) == before


# ------------------------------------------------------------------ re-analysis and concurrent indexers


def _rows_by_article(url: str) -> dict[str, dict[str, str | None]]:
    with open_store(url) as store, store.reading() as conn:
        out: dict[str, dict[str, str | None]] = {}
        for aid, mid, gid in conn.execute(select(FIGURE_MENTIONS.c.article_id, FIGURE_MENTIONS.c.id,
                                                 FIGURE_MENTIONS.c.group_id)):
            out.setdefault(aid, {})[mid] = gid
        return out


def test_reanalysis_regroups_the_article_in_the_same_transaction(store_url: str) -> None:
    keys = _fill(store_url)
    before = _rows_by_article(store_url)
    text, source, date = ARTICLES_IN_DATE_ORDER[1]  # "About 100,000 men ..." and "1,300 people" detained
    old = before[keys[1]]
    men_group = next(gid for mid, gid in before[keys[0]].items() if gid in old.values())
    # a new analyzer version reads the same text: the men figure is gone, the detentions figure stays
    rep = make_article(text, source, dt.date(2022, 9, 26), url=f"https://{source}.example/{date}")
    rep.findings[:] = [f for f in rep.findings if "men" not in f.text.split()]
    with open_store(store_url, write=True) as store:
        assert store.replace(rep, _tracker(store))  # a new `reanalyze` run: state loaded from the store
    after = _rows_by_article(store_url)
    (kept,) = [mid for mid, gid in old.items() if gid != men_group]
    assert list(after[keys[1]]) == [kept]  # the old men mention is gone, not left beside the new rows
    (new_gid,) = after[keys[1]].values()
    assert new_gid is not None and new_gid != men_group
    detained_elsewhere = [gid for k in keys[2:] for gid in after.get(k, {}).values()]
    assert new_gid in detained_elsewhere  # joined the detentions reported by Wire
    for k in keys:  # nobody else moved
        if k != keys[1]:
            assert after.get(k) == before.get(k)
    with open_store(store_url) as store:
        left = next(g for g in figure_summaries(store) if g.group_id == men_group)
    assert "About 100,000 men" not in [m.text for m in left.mentions]


def test_a_failed_reanalysis_keeps_the_old_mentions(store_url: str) -> None:
    keys = _fill(store_url)
    before = _rows_by_article(store_url)
    text, source, date = ARTICLES_IN_DATE_ORDER[1]
    rep = make_article(text, source, dt.date(2022, 9, 26), url=f"https://{source}.example/{date}")
    rep.findings[:] = [f for f in rep.findings if "men" not in f.text.split()]
    with open_store(store_url, write=True) as store:
        tracker = _tracker(store)
        regroup = tracker.replacement_rows

        def broken(*args, **kwargs):  # type: ignore[no-untyped-def]
            rows = regroup(*args, **kwargs)
            rows[-1]["data"] = None  # NOT NULL: the last insert of the transaction fails
            return rows

        tracker.replacement_rows = broken  # type: ignore[method-assign]
        with pytest.raises(StoreError):
            store.replace(rep, tracker)
        assert tracker.grouper is None  # the in-memory state is dropped, reloaded from the store next time
        with store.reading() as conn:
            kept = conn.execute(select(func.count()).select_from(FINDINGS).join(ARTICLES)
                                .where(ARTICLES.c.id == keys[1], FINDINGS.c.text == "About 100,000 men")).scalar()
    assert kept == 1  # the old findings ...
    assert _rows_by_article(store_url) == before  # ... and the old mentions and groups


SIDES = {  # repeated figures whose counted nouns never join the other side's (cars/offices vs homes/schools)
    "a": ("North Wire", ["At least {n} cars were waiting at the Upper Gate crossing, police said.",
                         "Attackers have set fire to {n} enlistment offices since the decree, officials said."]),
    "b": ("South Times", ["About {n} homes were flooded in the villages below the dam, the housing office said.",
                          "Officials said {n} schools had closed across the province."]),
}
ARTICLES_PER_SIDE = 24


def _side_articles(side: str) -> list[dict[str, str]]:
    """Each article repeats one of the side's figures and adds a one-off figure of its own (a new group):
    both runs keep opening groups while the other one is running."""
    source, templates = SIDES[side]
    out = []
    for i in range(ARTICLES_PER_SIDE):
        tag = f"{chr(97 + i % 26)}{chr(97 + i // 26)}"
        one_off = f"{side}lor{tag}ites"  # an invented counted noun per article
        # words of its own, so that no article reads as a republished copy of another
        filler = " ".join(f"{side}{tag}{w}" for w in ("mar", "tel", "quo", "zin", "pra", "vek", "dul", "sor",
                                                      "nim", "hax", "roy", "wen", "fip", "gal"))
        text = (templates[i % 2].format(n=1000 + 37 * i) + f" The depot in Varna stored {200 + i} {one_off}. "
                f"Local notes: {filler}.")
        out.append({"id": f"{side}{i}", "source": source, "date": f"2025-03-{1 + i % 28:02d}", "title": "t",
                    "text": text})
    return out


def test_two_indexers_on_one_sqlite_file_never_give_two_groups_one_id(tmp_path: Path) -> None:
    import subprocess
    import sys

    db = tmp_path / "shared.db"
    with open_store(str(db), write=True, create=True):
        pass  # the schema exists before both start (creating it is covered elsewhere)
    inputs = []
    for side in SIDES:
        path = tmp_path / f"{side}.jsonl"
        path.write_text("".join(json.dumps(a) + "\n" for a in _side_articles(side)), encoding="utf-8")
        inputs.append(path)
    runs = [subprocess.Popen([sys.executable, "-m", "presslens", "index", str(path), "--db", str(db), "--only",
                              "figures", "--no-progress"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True) for path in inputs]
    for run in runs:
        out, err = run.communicate(timeout=600)
        assert run.returncode == 0, err
        assert f"{ARTICLES_PER_SIDE} new" in out
    side_of = {source: side for side, (source, _) in SIDES.items()}
    members: dict[str, set[str]] = {}
    sizes: dict[str, int] = {}
    with open_store(str(db)) as store, store.reading() as conn:
        for gid, source in conn.execute(select(FIGURE_MENTIONS.c.group_id, FIGURE_MENTIONS.c.source)
                                        .where(FIGURE_MENTIONS.c.group_id.is_not(None))):
            members.setdefault(gid, set()).add(side_of[source])
            sizes[gid] = sizes.get(gid, 0) + 1
    assert all(len(sides) == 1 for sides in members.values()), members
    tracked = {next(iter(members[g])) for g, n in sizes.items() if n >= 2}
    assert tracked == {"a", "b"}  # both runs grouped repeated figures (the check above is not vacuous)


def test_reanalyze_command_regroups_a_stale_article(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from sqlalchemy import text as sql

    from presslens.cli import main

    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps(a) + "\n" for a in _side_articles("a")[:6]), encoding="utf-8")
    db = str(tmp_path / "r.db")
    assert main(["index", str(corpus), "--db", db, "--only", "figures", "--no-progress"]) == 0
    before = _rows_by_article(db)
    stale = next(k for k, rows in before.items()  # an article whose figure is tracked with others
                 if any(sum(gid in r.values() for r in before.values()) > 1 for gid in rows.values()))
    with open_store(db, write=True) as store, store.transaction() as conn:
        # stored by an older figures analyzer that found nothing: no mentions, nothing grouped
        conn.execute(sql("UPDATE articles SET analyzer_versions = :v WHERE id = :k"),
                     {"v": json.dumps({"figures": "0.0-old"}), "k": stale})
        conn.execute(FIGURE_MENTIONS.delete().where(FIGURE_MENTIONS.c.article_id == stale))
    capsys.readouterr()
    assert main(["reanalyze", "--db", db, "--only", "figures", "--no-progress"]) == 0
    assert "1 re-analysed" in capsys.readouterr().out
    after = _rows_by_article(db)
    assert set(after[stale]) == set(before[stale]) and all(g is not None for g in after[stale].values())
    assert {k: v for k, v in after.items() if k != stale} == {k: v for k, v in before.items() if k != stale}

    def partition(rows: dict[str, dict[str, str | None]]) -> set[frozenset[str]]:
        groups: dict[str | None, set[str]] = {}
        for per_article in rows.values():
            for mid, gid in per_article.items():
                groups.setdefault(gid, set()).add(mid)
        return {frozenset(g) for g in groups.values()}

    assert partition(after) == partition(before)  # back in the groups it was in


def _families(url: str) -> tuple[dict[str, str | None], set[tuple[object, ...]], set[str]]:
    """(article -> its original, the stored mentions (id, article, updated_copy_of, updates), the articles with
    claim vectors)."""
    with open_store(url) as store, store.reading() as conn:
        dup = dict(conn.execute(select(ARTICLES.c.id, ARTICLES.c.duplicate_of)).all())
        mentions = {(d["id"], d["article_id"], d["updated_copy_of"], d["updates"]) for d in (
            json.loads(data) for (data,) in conn.execute(select(FIGURE_MENTIONS.c.data)))}
        claims = {aid for (aid,) in conn.execute(select(CLAIM_VECTORS.c.article_id))}
    return dup, mentions, claims


def test_indexed_in_two_orders_the_earliest_dated_article_is_the_original(store_url: str,
                                                                         tmp_path: Path) -> None:
    """User trial s31, problem 4: the original was whichever article was indexed first, so a wire story indexed
    after its republished copy was marked the copy. Now the earliest dated article of a family is its original
    (ties: indexing order): COPIES indexed latest first, one `index` run each, give the families, originals,
    kept figures and claim vectors that date order gives; a rebuild of either store equals it."""
    keys = _fill_copies(store_url)
    in_order = _families(store_url)
    other = f"sqlite:///{tmp_path / 'reversed.db'}"
    if store_url.startswith("postgresql"):  # PostgreSQL: the same database, emptied
        with open_store(store_url, write=True) as store, store.transaction() as conn:
            for table in (CLAIM_VECTORS, FIGURE_MENTIONS, FINDINGS, ARTICLES):
                conn.execute(table.delete())
        other = store_url
    for text, source, date in reversed(COPIES):  # Echo (9 Oct) first, the Wire original (5 Oct) last
        with open_store(other, write=True, create=True) as store:
            assert store.add(make_article(text, source, date), _tracker(store))
    reversed_order = _families(other)
    assert reversed_order == in_order
    dup = reversed_order[0]
    assert dup[keys["Wire"]] is None and {dup[keys[s]] for s in ("Relay", "Digest", "Echo")} == {keys["Wire"]}
    # the original's claims are listed, and a copy's only where it states a figure of its own (user trial s32)
    assert keys["Wire"] in reversed_order[2]
    rows = _mention_rows(other)
    with open_store(other, write=True) as store:
        rebuild_groups(store, embed=hashed_embedder())
    assert _mention_rows(other) == rows and _families(other) == in_order


def test_a_rebuild_puts_an_old_store_s_originals_right(store_url: str) -> None:
    """A store whose first-indexed copy was stored as the original (before stop 31) gets the earliest dated
    article as its original from `db rebuild-groups`, with the figures and claims that go with it."""
    keys = _fill_copies(store_url)
    expected = _families(store_url)
    with open_store(store_url, write=True) as store, store.transaction() as conn:  # as the old rule stored it
        conn.execute(ARTICLES.update().where(ARTICLES.c.id == keys["Wire"]).values(duplicate_of=keys["Relay"]))
        conn.execute(ARTICLES.update().where(ARTICLES.c.id != keys["Relay"]).values(duplicate_of=keys["Relay"]))
        conn.execute(ARTICLES.update().where(ARTICLES.c.id == keys["Relay"]).values(duplicate_of=None))
    with open_store(store_url, write=True) as store:
        rebuild_groups(store, embed=hashed_embedder())
    assert _families(store_url) == expected  # the updated copy's own claims too, as indexing wrote them
    assert keys["Wire"] in _families(store_url)[2] and keys["Relay"] not in _families(store_url)[2]
