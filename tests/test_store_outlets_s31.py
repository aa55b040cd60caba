"""User trial s31: ``presslens outlets`` "most cited" listed one source twice when only the letter case of a
sentence-initial "The" or a trailing age differed ("The UN refugee agency (1); the UN refugee agency (1)",
"The governor (1); The governor, 54 (1)").

The store is filled with synthetic reports (no model runs) and the model-free hashed embedders."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

from presslens.article import Finding, Report
from presslens.cli import main
from presslens.compare.figure_groups import hashed_embedder
from presslens.store import open_store
from presslens.store.outlets import cited_name, merge_cited
from presslens.store.tracking import CorpusTracker
from tests.test_corpus_compare import make_article
from tests.test_store import _hashed_outcomes, _hashed_parts

ARTICLES = [
    ("The UN refugee agency said 6,000 people had fled. Only 3 trucks arrived, the governor said.",
     dt.date(2025, 4, 2), ["The UN refugee agency", "the governor"]),
    ("More than 11,000 people have fled, the UN refugee agency said. The governor, 54, said 12 trucks arrived.",
     dt.date(2025, 4, 10), ["the UN refugee agency", "The governor, 54"]),
    ("Police said 40 homes were hit. Aid officials said 9 trucks came.", dt.date(2025, 4, 12),
     ["Police", "Aid officials"]),
]


def _attribution(rep: Report, source: str) -> Finding:
    text = rep.article.text
    s = text.index(source)
    return Finding.at(rep.article, s, s + len(source), kind="attribution", label="organisation", score=0.9,
                      analyzer="attribution",
                      attributes={"source": {"start": s, "end": s + len(source), "text": source}})


@pytest.fixture
def db(tmp_path: Any) -> str:
    url = str(tmp_path / "s31.db")
    with open_store(url, write=True, create=True) as store:
        tracker = CorpusTracker(store, figure_embed=hashed_embedder(), claim_encode=hashed_embedder(384),
                                claim_fingerprint="hashed-test", outcome_embed=_hashed_outcomes([]),
                                part_embed=_hashed_parts)
        for text, date, sources in ARTICLES:
            rep = make_article(text, "Wire Nine", date)
            rep.findings.extend(_attribution(rep, s) for s in sources)
            assert store.add(rep, tracker)
    return url


def test_most_cited_counts_one_source_once(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["outlets", "-f", "json", "--db", db]) == 0
    (wire,) = json.loads(capsys.readouterr().out)
    top = {c["source"]: c["count"] for c in wire["top_cited_sources"]}
    agency = [s for s in top if s.casefold() == "the un refugee agency"]
    assert len(agency) == 1 and top[agency[0]] == 2, top
    governor = [s for s in top if s.casefold().startswith("the governor")]
    assert len(governor) == 1 and top[governor[0]] == 2 and "54" not in governor[0]
    assert top["Police"] == 1 and top["Aid officials"] == 1
    assert main(["outlets", "--db", db]) == 0
    line = next(ln for ln in capsys.readouterr().out.splitlines() if "most cited" in ln)
    assert line.count("governor") == 1 and line.lower().count("un refugee agency") == 1


def test_cited_names_merge_case_and_age_only() -> None:
    assert cited_name("The governor, 54") == ("the governor", "The governor")
    assert cited_name("Mayor Teodor Vass, 58")[1] == "Mayor Teodor Vass"
    assert cited_name("the 42") == ("the 42", "the 42")  # no comma: not an age apposition
    merged = merge_cited([("the army", 2, 0), ("The army", 1, 1), ("The agency", 1, 0), ("Police", 3, 0)])
    assert merged == [{"source": "Police", "count": 3, "candidates": 0},
                      {"source": "the army", "count": 3, "candidates": 1},
                      {"source": "The agency", "count": 1, "candidates": 0}]
