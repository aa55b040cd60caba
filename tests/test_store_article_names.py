"""Issue 15 acceptance (user trial): a figure mention or a claim says which of the user's own articles it came
from. A folder of .txt files and a JSONL with an ``id`` field (also read with ``--field id=COLUMN``) are indexed;
the store keys them by corpus key and keeps the user's id or file name, title and path beside it."""

from __future__ import annotations

import json
from pathlib import Path

from presslens.article import Article, Report
from presslens.compare.figure_groups import hashed_embedder
from presslens.ingest import FieldMap, ReadOptions, read_inputs
from presslens.store import cli as store_cli
from presslens.store import open_store
from presslens.store.article_names import article_names
from presslens.store.claims import load_claims
from presslens.store.tracking import CorpusTracker, figure_summaries
from tests.test_corpus_compare import ARTICLES_IN_DATE_ORDER, make_article
from tests.test_store import _hashed_outcomes, _hashed_parts


def read_all(inputs: list[str], fields: list[str] | None = None) -> list[Article]:
    items = list(read_inputs(inputs, ReadOptions(fields=FieldMap.parse(fields), notify=None)))
    assert all(isinstance(a, Article) for a in items), items
    return [a for a in items if isinstance(a, Article)]


def analysed(article: Article) -> Report:
    """The ingested article with the synthetic findings of ``make_article`` (no model runs)."""
    rep = make_article(article.text, article.source or "", article.date or ARTICLES_IN_DATE_ORDER[0][2])
    rep.article.id, rep.article.title, rep.article.origin = article.id, article.title, article.origin
    rep.article.source, rep.article.date = article.source, article.date
    return rep


def write_inputs(tmp_path: Path, id_column: str) -> tuple[Path, Path]:
    folder = tmp_path / "news"
    folder.mkdir()
    for n, (text, _source, _date) in enumerate(ARTICLES_IN_DATE_ORDER[:2]):
        (folder / f"story-{n}.txt").write_text(text + "\n", encoding="utf-8")
    corpus = tmp_path / "feed.jsonl"
    records = [{id_column: f"REF-{n}", "title": f"Dispatch {n}", "text": text, "source": source,
                "date": date.isoformat()} for n, (text, source, date) in enumerate(ARTICLES_IN_DATE_ORDER[2:])]
    records.append({"title": "No id here", "text": ARTICLES_IN_DATE_ORDER[0][0] + " Later edition.",
                    "source": "Late Post", "date": "2022-09-25"})
    corpus.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return folder, corpus


def test_ingest_keeps_the_users_id_file_name_and_title(tmp_path: Path) -> None:
    folder, corpus = write_inputs(tmp_path, "id")
    plain = read_all([str(folder), str(corpus)])
    assert [a.id for a in plain] == ["story-0", "story-1", "REF-0", "REF-1", "REF-2", "feed:4"]
    assert plain[0].origin == str(folder / "story-0.txt")
    assert [a.title for a in plain[2:]] == ["Dispatch 0", "Dispatch 1", "Dispatch 2", "No id here"]
    # --field id=id names the default column: the same articles
    assert [a.id for a in read_all([str(corpus)], ["id=id"])] == [a.id for a in plain[2:]]
    # --field id=ref reads the user's id from another column; without it, that column is not an id
    other = tmp_path / "other"
    other.mkdir()
    _folder, ref_corpus = write_inputs(other, "ref")
    assert [a.id for a in read_all([str(ref_corpus)], ["id=ref"])] == ["REF-0", "REF-1", "REF-2", "feed:4"]
    assert [a.id for a in read_all([str(ref_corpus)])] == ["feed:1", "feed:2", "feed:3", "feed:4"]


def test_figures_and_claims_name_the_users_articles(tmp_path: Path, store_url: str) -> None:
    folder, corpus = write_inputs(tmp_path, "id")
    articles = read_all([str(folder), str(corpus)])
    with open_store(store_url, write=True, create=True) as store:
        tracker = CorpusTracker(store, figure_embed=hashed_embedder(), claim_encode=hashed_embedder(384),
                                claim_fingerprint="hashed-test", outcome_embed=_hashed_outcomes([]),
                                part_embed=_hashed_parts)
        for a in articles:
            assert store.add(analysed(a), tracker)
    with open_store(store_url) as store:
        groups = figure_summaries(store, min_articles=2, outcome_embed=_hashed_outcomes([]), part_embed=_hashed_parts)
        keys = {m.article_id for g in groups for m in g.mentions}
        with store.reading() as conn:
            names = article_names(conn, keys)
        claims, _matrix = load_claims(store, hashed_embedder(384), "hashed-test")
    assert groups and keys <= set(names)
    given = {names[k].given_id for k in keys}
    assert given & {"story-0", "story-1"} and given & {"REF-0", "REF-1", "REF-2"}  # both inputs, by the user's ids
    assert all(len(k) == 32 and k not in given for k in keys)  # the key is still the corpus key
    for g in groups:
        d = store_cli._figure_group_dict(g, names)
        for m in d["mentions"]:
            name = names[m["article_id"]]
            assert (m["article_given_id"], m["article_title"], m["article_origin"]) == (
                name.given_id, name.title, name.origin)
            if name.given_id and name.given_id.startswith("story-"):
                assert m["article_origin"] == str(folder / f"{name.given_id}.txt")
            else:
                assert m["article_origin"].startswith(f"{corpus}:")
    by_given = {c["article_given_id"]: c for c in claims}
    # story-0 (a .txt without a date) and feed:4 (dated) are one family: the earliest dated article is the
    # original (user trial s31, problem 4; an undated one comes after every dated one), so story-0 is the copy
    assert {"feed:4", "story-1", "REF-0"} <= set(by_given) and "story-0" not in by_given
    assert by_given["REF-0"]["title"] == "Dispatch 0"
    assert store_cli._claim_article(by_given["REF-0"]) == "REF-0: Dispatch 0"
    assert store_cli._claim_article(by_given["story-1"]) == "story-1"  # a .txt file has no title: its name


def test_claims_tables_and_csv_name_the_users_articles(monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    import argparse
    import contextlib
    import csv
    import io

    def claim(key: str, given: str | None, title: str | None, day: str, source: str) -> dict[str, object]:
        return {"claim": f"{key}:0-15", "article_id": key, "date": day, "source": source, "title": title,
                "article_given_id": given, "article_origin": f"/u/{given}.txt", "start": 0, "end": 15,
                "text": "N men have left", "score": 0.9, "dense": 0.9, "lexical": 0.5}

    first, latest = claim("k" * 32, "story-0", None, "2022-09-24", "Ledger"), claim("j" * 32, "REF-1", "Dispatch 1",
                                                                                      "2022-09-27", "Wire")
    repeated = {"claim": "N men have left", "sources": ["Ledger", "Wire"], "first": first, "latest": latest,
                "spread_days": 3, "mentions": [first, latest]}
    monkeypatch.setattr("presslens.store.store.open_store", lambda db, write=False: contextlib.nullcontext())
    monkeypatch.setattr("presslens.store.claims.repeated_claims", lambda store: [repeated])
    monkeypatch.setattr("presslens.store.claims.search_claims", lambda store, text, limit: [latest, first])

    def run(like: str | None, fmt: str) -> str:
        args = argparse.Namespace(db=None, like=like, repeated=like is None, limit=10, format=fmt)
        assert store_cli.cmd_claims(args) == 0
        return str(capsys.readouterr().out)

    table = run(None, "table")
    assert "first 2022-09-24 Ledger in 'story-0'" in table and "Wire in 'REF-1: Dispatch 1'" in table
    row = next(csv.DictReader(io.StringIO(run(None, "csv"))))
    assert (row["first_article"], row["latest_article"]) == ("story-0", "REF-1: Dispatch 1")
    assert run("men left", "table").splitlines()[1].strip() == "in 'REF-1: Dispatch 1'"
    like_rows = list(csv.DictReader(io.StringIO(run("men left", "csv"))))
    assert [(r["article_given_id"], r["article_origin"]) for r in like_rows] == [
        ("REF-1", "/u/REF-1.txt"), ("story-0", "/u/story-0.txt")]


def test_the_users_id_is_a_name_not_the_key(store_url: str, tmp_path: Path) -> None:
    """Two records the user gave one id, with different texts, are two stored articles, each keeping that id;
    ``export --what articles`` carries the id and the path."""
    from presslens.store import Filters, export

    with open_store(store_url, write=True, create=True) as store:
        for text, source, date in ARTICLES_IN_DATE_ORDER[:2]:
            rep = make_article(text, source, date)
            rep.article.id, rep.article.origin = "same-id", f"/u/{source}.jsonl:1"
            assert store.add(rep)
        out = tmp_path / "articles.jsonl"
        export(store, "articles", "jsonl", out, Filters())
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len({r["id"] for r in rows}) == 2
    assert sorted((r["given_id"], r["origin"]) for r in rows) == [("same-id", "/u/Courier.jsonl:1"),
                                                                  ("same-id", "/u/Ledger.jsonl:1")]
