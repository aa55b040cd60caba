"""The corpus commands end to end: killed and resumed indexing (real subprocesses, SIGKILL and SIGINT),
concurrent indexers, re-analysis, and every bad-input path (one line, non-zero exit, nothing lost)."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from presslens.cli import main
from presslens.store import open_store

N_ARTICLES = 200
"""Enough for a kill to land halfway (the kill comes at 40 stored): since stop 30 the corpus's near-duplicates
(one template, other numbers) keep their own figures, so each article costs as much as an original (600 took
minutes per run on PostgreSQL)."""
FAST = ["--only", "figures", "--no-progress"]  # the rule-based analyzer: real analysis, quick


def _write_corpus(path: Path, n: int, tag: str = "") -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            body = (f"Officials said {1000 + 7 * i} people left the city on day {i}{tag}. About {i + 3} soldiers "
                    f"were seen near the border, and {2 * i + 1} vehicles crossed it, the border service said. ") * 4
            rec = {"id": f"s{i}", "title": f"Report {i}", "source": f"Outlet {i % 3}",
                   "date": f"2022-{1 + i % 12:02d}-{1 + i % 27:02d}", "text": body}
            fh.write(json.dumps(rec) + "\n")
    return path


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _write_corpus(tmp_path_factory.mktemp("corpus") / "corpus.jsonl", N_ARTICLES)


def _content(url: str) -> dict[str, int]:
    """article id -> number of findings stored for it."""
    with open_store(url) as store, store.reading() as conn:
        rows = conn.execute(text("SELECT a.id, count(f.pk) FROM articles a LEFT JOIN findings f "
                                 "ON f.article_pk = a.pk GROUP BY a.id")).all()
    return {k: n for k, n in rows}


def _count(url: str) -> int:
    try:
        with open_store(url) as store, store.reading() as conn:
            return int(conn.execute(text("SELECT count(*) FROM articles")).scalar() or 0)
    except Exception:
        return 0


def _index_cmd(inputs: list[str], url: str, *extra: str) -> list[str]:
    return [sys.executable, "-m", "presslens", "index", *inputs, "--db", url, *FAST, *extra]


@pytest.fixture(scope="module")
def reference(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, int]:
    """One uninterrupted run."""
    url = str(tmp_path_factory.mktemp("ref") / "ref.db")
    done = subprocess.run(_index_cmd([str(corpus)], url), capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert f"{N_ARTICLES} new" in done.stdout
    return _content(url)


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT], ids=["SIGKILL", "SIGINT"])
def test_killed_index_resumes_to_the_uninterrupted_result(
    store_url: str, corpus: Path, reference: dict[str, int], sig: signal.Signals
) -> None:
    proc = subprocess.Popen(_index_cmd([str(corpus)], store_url), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    deadline = time.monotonic() + 300
    while _count(store_url) < 40 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    proc.send_signal(sig)
    _out, err = proc.communicate(timeout=120)
    partial = _content(store_url)
    assert 0 < len(partial) < N_ARTICLES, "the run should have been stopped halfway"
    if sig == signal.SIGINT:
        assert proc.returncode == 130 and "interrupted" in err and "Traceback" not in err
    else:
        assert proc.returncode == -signal.SIGKILL
    # only whole articles: each stored one has exactly its findings
    assert all(reference[k] == n for k, n in partial.items())
    again = subprocess.run(_index_cmd([str(corpus)], store_url), capture_output=True, text=True, timeout=600)
    assert again.returncode == 0, again.stderr
    assert f"{N_ARTICLES - len(partial)} new, {len(partial)} already indexed" in again.stdout
    assert _content(store_url) == reference
    third = subprocess.run(_index_cmd([str(corpus)], store_url), capture_output=True, text=True, timeout=600)
    assert f"0 new, {N_ARTICLES} already indexed" in third.stdout


def test_two_indexers_on_one_sqlite_file_both_finish(tmp_path: Path) -> None:
    corpus = _write_corpus(tmp_path / "c.jsonl", 300)
    url = str(tmp_path / "shared.db")
    procs = [subprocess.Popen(_index_cmd([str(corpus)], url), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True) for _ in range(2)]
    outs = [p.communicate(timeout=600) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [e for _o, e in outs]
    news = [int(o.split("indexed: ")[1].split(" new")[0]) for o, _e in outs]
    assert sum(news) == 300
    assert len(_content(url)) == 300
    assert sqlite3.connect(url).execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_reanalyze_reruns_only_stale_articles(store_url: str, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    corpus = _write_corpus(tmp_path / "c.jsonl", 6)
    assert main(["index", str(corpus), "--db", store_url, *FAST]) == 0
    before = _content(store_url)
    with open_store(store_url, write=True) as store, store.transaction() as conn:
        key = sorted(before)[0]
        conn.execute(text("UPDATE articles SET analyzer_versions = :v WHERE id = :k"),
                     {"v": json.dumps({"figures": "0.0-old"}), "k": key})
        conn.execute(text("DELETE FROM findings WHERE article_pk = (SELECT pk FROM articles WHERE id = :k)"),
                     {"k": key})
    capsys.readouterr()
    assert main(["index", str(corpus), "--db", store_url, *FAST]) == 0
    assert "0 new, 6 already indexed (skipped), 0 re-analysed" in capsys.readouterr().out
    assert main(["index", str(corpus), "--db", store_url, *FAST, "--reanalyze"]) == 0
    assert "0 new, 5 already indexed (skipped), 1 re-analysed" in capsys.readouterr().out
    assert _content(store_url) == before
    assert main(["reanalyze", "--db", store_url, "--only", "figures", "--no-progress"]) == 0
    assert "0 re-analysed" in capsys.readouterr().out
    assert main(["reanalyze", "--all", "--db", store_url, "--only", "figures", "--no-progress"]) == 0
    assert "6 re-analysed" in capsys.readouterr().out
    assert _content(store_url) == before


def _one_line_error(rc: int, err: str, expected: str) -> None:
    assert rc != 0
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert expected in lines[0] and "Traceback" not in err


@pytest.mark.parametrize(("url", "expected"), [
    ("postgresql://", "name the database"),
    ("mysql://u@localhost/x", "unsupported database URL"),
    ("postgresql://u:secret@127.0.0.1:1/db", "cannot connect"),
    ("sqlite://", "needs a file path"),
])
def test_bad_database_urls(url: str, expected: str, capsys: pytest.CaptureFixture[str]) -> None:
    rc = main(["search", "x", "--db", url])
    err = capsys.readouterr().err
    _one_line_error(rc, err, expected)
    assert "secret" not in err


def test_not_a_database_and_missing_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite at all\n" * 200)
    for argv in (["search", "x"], ["index", str(tmp_path), *FAST], ["db", "info"], ["outlets"]):
        rc = main([*argv, "--db", str(junk)])
        _one_line_error(rc, capsys.readouterr().err, "not a presslens database")
    rc = main(["search", "x", "--db", str(tmp_path / "nothing.db")])
    _one_line_error(rc, capsys.readouterr().err, "no corpus at")
    assert not (tmp_path / "nothing.db").exists()


def test_read_only_database_refuses_writes_but_reads(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = _write_corpus(tmp_path / "c.jsonl", 3)
    db = tmp_path / "ro.db"
    assert main(["index", str(corpus), "--db", str(db), *FAST]) == 0
    before = _content(str(db))
    os.chmod(db, 0o444)
    capsys.readouterr()
    more = _write_corpus(tmp_path / "more.jsonl", 3, tag=" later")
    rc = main(["index", str(more), "--db", str(db), *FAST])
    _one_line_error(rc, capsys.readouterr().err, "read-only")
    assert main(["search", "officials", "--db", str(db)]) == 0
    assert _content(str(db)) == before


def test_newer_schema_via_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = _write_corpus(tmp_path / "c.jsonl", 2)
    db = str(tmp_path / "n.db")
    assert main(["index", str(corpus), "--db", db, *FAST]) == 0
    con = sqlite3.connect(db)
    con.execute("UPDATE store_meta SET value = '7' WHERE key = 'schema_version'")
    con.commit()
    con.close()
    capsys.readouterr()
    for argv in (["search", "x"], ["index", str(corpus), *FAST], ["db", "info"], ["db", "upgrade"]):
        rc = main([*argv, "--db", db])
        _one_line_error(rc, capsys.readouterr().err, "newer than this presslens")


def test_disk_full_during_indexing_keeps_committed_articles(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
    reference: dict[str, int], corpus: Path,
) -> None:
    from presslens.store import backend

    small = tmp_path / "small.jsonl"
    small.write_text("".join(corpus.read_text().splitlines(keepends=True)[:2]))
    db = str(tmp_path / "full.db")
    assert main(["index", str(small), "--db", db, *FAST]) == 0
    pages = sqlite3.connect(db).execute("PRAGMA page_count").fetchone()[0]
    # SQLite's own "database or disk is full" once the file would grow by 40 pages
    monkeypatch.setattr(backend, "SQLITE_PRAGMAS", [*backend.SQLITE_PRAGMAS, f"PRAGMA max_page_count = {pages + 40}"])
    capsys.readouterr()
    rc = main(["index", str(corpus), "--db", db, *FAST])
    _one_line_error(rc, capsys.readouterr().err, "full")
    monkeypatch.undo()
    stored = _content(db)
    assert 2 < len(stored) < N_ARTICLES
    assert all(reference[k] == n for k, n in stored.items())


def test_locked_database_during_indexing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from presslens.store.store import Store

    corpus = _write_corpus(tmp_path / "c.jsonl", 10)
    db = str(tmp_path / "locked.db")
    monkeypatch.setenv("PRESSLENS_DB_TIMEOUT", "0.3")
    original = Store.add
    holder: list[sqlite3.Connection] = []

    def add_then_lock(self: Store, report: object, tracker: object = None) -> bool:
        done = original(self, report, tracker)  # type: ignore[arg-type]
        if not holder and _count(db) >= 3:
            con = sqlite3.connect(db, isolation_level=None)
            con.execute("BEGIN EXCLUSIVE")  # another process's long write
            holder.append(con)
        return done

    monkeypatch.setattr(Store, "add", add_then_lock)
    rc = main(["index", str(corpus), "--db", db, *FAST])
    _one_line_error(rc, capsys.readouterr().err, "is locked by another process")
    holder[0].rollback()
    holder[0].close()
    assert len(_content(db)) == 3


@pytest.mark.parametrize("query", ['"unclosed', "AND OR", "'; DROP TABLE articles; --", "*"])
def test_hostile_queries_via_cli(tmp_path: Path, query: str, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = _write_corpus(tmp_path / "c.jsonl", 3)
    db = str(tmp_path / "q.db")
    assert main(["index", str(corpus), "--db", db, *FAST]) == 0
    capsys.readouterr()
    rc = main(["search", query, "--db", db])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    if query == "*":
        _one_line_error(rc, captured.err, "nothing to search for")
        assert rc == 2
    else:
        assert rc == 0
    assert len(_content(db)) == 3


@pytest.mark.parametrize("query,message", [("border " * 10_000, "at most 256"), ("OR OR OR", "nothing to search for"),
                                           ("AND NOT NEAR", None)])
def test_long_and_operator_only_queries_via_cli(tmp_path: Path, query: str, message: str | None,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    """A pasted book is refused with one line; FTS operators alone are either nothing to search for or
    plain words."""
    corpus = _write_corpus(tmp_path / "c.jsonl", 3)
    db = str(tmp_path / "q.db")
    assert main(["index", str(corpus), "--db", db, *FAST]) == 0
    capsys.readouterr()
    rc = main(["search", query, "--db", db])
    captured = capsys.readouterr()
    if message is None:
        assert rc == 0 and "no match" in captured.err and "Traceback" not in captured.err
    else:
        _one_line_error(rc, captured.err, message)
        assert rc == 2


def test_search_formats_and_export(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import pyarrow.parquet as pq

    corpus = _write_corpus(tmp_path / "c.jsonl", 9)
    db = str(tmp_path / "s.db")
    assert main(["index", str(corpus), "--db", db, *FAST]) == 0
    capsys.readouterr()
    assert main(["search", "--findings", "--kind", "quantity", "--format", "csv", "--source", "Outlet 1",
                 "--db", db]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split(",")[:5] == ["article_id", "date", "source", "finding_id", "kind"]
    assert len(lines) > 1 and all(",Outlet 1," in line for line in lines[1:])
    assert main(["search", '"border service"', "--format", "jsonl", "--limit", "4", "--db", db]) == 0
    hits = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(hits) == 4 and all("[border] [service]" in h["snippet"].lower() or "[border service]"
                                  in h["snippet"].lower() for h in hits)
    assert main(["outlets", "--format", "json", "--db", db]) == 0
    assert [p["articles"] for p in json.loads(capsys.readouterr().out)] == [3, 3, 3]
    assert main(["outlets", "Outlet 2", "--db", db]) == 0
    assert capsys.readouterr().out.startswith("2022-")
    out = tmp_path / "q.parquet"
    assert main(["export", "--what", "quantities", "-o", str(out), "--db", db]) == 0
    assert capsys.readouterr().out.startswith("exported ")
    table = pq.read_table(out)
    assert table.num_rows > 0 and str(table.schema.field("value").type) == "double"
    assert main(["db", "info", "--format", "json", "--db", db]) == 0
    assert json.loads(capsys.readouterr().out)["articles"] == 9


def test_python_corpus_api_and_stdin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    import io

    from presslens import corpus as api

    path = _write_corpus(tmp_path / "c.jsonl", 4)
    db = str(tmp_path / "api.db")
    summary = api.index([str(path)], db, only=["figures"])
    assert (summary.new, summary.skipped) == (4, 0)
    assert api.index([str(path)], db, only=["figures"]).skipped == 4
    from presslens.store.store import open_store

    with open_store(db) as store:  # the API does the command's index-time work too (figures tracked)
        assert store.info()["figure_mentions"] > 0
    assert len(api.search("officials", db, sources=["Outlet 0"])) == 2
    assert {r["kind"] for r in api.findings(db=db, kind="quantity")} == {"quantity"}
    assert sorted(p["source"] for p in api.outlets(db=db)) == ["Outlet 0", "Outlet 1", "Outlet 2"]
    # standard input, as for analyze
    more = _write_corpus(tmp_path / "more.jsonl", 2, tag=" via stdin")
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(more.read_bytes()), encoding="utf-8"))
    capsys.readouterr()
    assert main(["index", "-", "--stdin-format", "jsonl", "--db", db, *FAST]) == 0
    assert "2 new, 0 already indexed" in capsys.readouterr().out


def test_index_applies_the_per_article_limits_as_analyze_does(tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    path = _write_corpus(tmp_path / "c.jsonl", 2)
    db = str(tmp_path / "limits.db")
    assert main(["index", str(path), "--db", db, "--max-article-chars", "20", *FAST]) == 1
    captured = capsys.readouterr()
    assert "over the per-article limit of 20" in captured.err
    assert "0 new, 0 already indexed (skipped), 0 re-analysed, 2 failed" in captured.out


def test_reindexing_names_the_inputs_it_skips(store_url: str, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    """User trial s33: re-indexing a folder said "1 already indexed" without saying which file; the summary line now
    names the first three skipped inputs and counts the rest."""
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "harbour.txt").write_text("Harbour fees\n\nThe council said 40 boats paid the new fee.\n", encoding="utf-8")
    assert main(["index", str(folder), "--db", store_url, *FAST]) == 0
    (folder / "ferry.txt").write_text("Ferry line\n\nThe ferry carried 300 people on Sunday.\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["index", str(folder), "--db", store_url, *FAST]) == 0
    line = capsys.readouterr().out
    assert "1 new, 1 already indexed (skipped)" in line
    assert line.rstrip().endswith("harbour.txt") and "ferry.txt" not in line
    corpus = _write_corpus(tmp_path / "c.jsonl", 5)
    assert main(["index", str(corpus), "--db", store_url, *FAST]) == 0
    capsys.readouterr()
    assert main(["index", str(corpus), "--db", store_url, *FAST]) == 0
    assert "already indexed: " in (out := capsys.readouterr().out) and out.rstrip().endswith("and 2 more")
