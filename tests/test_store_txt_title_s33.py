"""User trial s33: docs/CORPUS.md said a .txt file gives the store no title, while a plain-text file's title line
(its first line followed by a blank line, README "Input") is stored as the title and printed after the file name
(``hp-01: Drones strike ...``). A .txt file without a title line has none: its name alone."""

from __future__ import annotations

from pathlib import Path

from presslens.compare.figure_groups import hashed_embedder
from presslens.store import cli as store_cli
from presslens.store import open_store
from presslens.store.article_names import article_names
from presslens.store.claims import load_claims
from presslens.store.tracking import CorpusTracker
from tests.test_store import _hashed_outcomes, _hashed_parts
from tests.test_store_article_names import analysed, read_all

BODY = "At least 14 civilians were killed when shells hit the Dravnik market, the governor said."
OTHER = "About 6,000 people fled the river district of Dravnik on Tuesday, the city council said."


def test_a_txt_title_line_is_the_stored_title(tmp_path: Path, store_url: str) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "titled.txt").write_text(f"Shells hit Dravnik market\n\n{BODY}\n", encoding="utf-8")
    (folder / "untitled.txt").write_text(f"{OTHER}\n", encoding="utf-8")
    articles = read_all([str(folder)])
    assert {a.id: a.title for a in articles} == {"titled": "Shells hit Dravnik market", "untitled": None}
    with open_store(store_url, write=True, create=True) as store:
        tracker = CorpusTracker(store, figure_embed=hashed_embedder(), claim_encode=hashed_embedder(384),
                                claim_fingerprint="hashed-test", outcome_embed=_hashed_outcomes([]),
                                part_embed=_hashed_parts)
        for a in articles:
            a.source = "river-post" if a.id == "titled" else "east-courier"
            assert store.add(analysed(a), tracker)
    with open_store(store_url) as store:
        claims, _matrix = load_claims(store, hashed_embedder(384), "hashed-test")
        with store.reading() as conn:
            names = article_names(conn, {c["article_id"] for c in claims})
    stored = {n.given_id: n.title for n in names.values()}
    assert stored == {"titled": "Shells hit Dravnik market", "untitled": None}
    shown = {store_cli._claim_article(c) for c in claims}
    assert "titled: Shells hit Dravnik market" in shown
    assert "untitled" in shown


def test_corpus_doc_says_what_a_txt_file_gives_as_title() -> None:
    doc = Path(__file__).resolve().parents[1] / "docs" / "CORPUS.md"
    text = " ".join(doc.read_text(encoding="utf-8").split())
    assert ".txt files have none" not in text
    assert "a .txt file's title line" in text
