"""The corpus store from Python, in the words of the command line.

    from presslens import corpus
    summary = corpus.index(["articles/", "news.jsonl"], db="corpus.db")
    hits = corpus.search('"partial mobilisation"', db="corpus.db", kind="violence")
    rows = corpus.findings(db="corpus.db", kind="attribution")
    outlets = corpus.outlets(db="corpus.db")

Lower-level functions (an open :class:`~presslens.store.Store`, :class:`~presslens.store.Filters`) are in
:mod:`presslens.store`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from presslens.store import (
    Filters,
    IndexSummary,
    index_items,
    open_store,
    profiles,
    search_articles,
    search_findings,
)

ASSERTED = 0.5
"""The default ``min_score`` of the corpus views: the asserted findings (the score contract of ``analyze``)."""


def index(
    inputs: Sequence[str],
    db: str | None = None,
    *,
    only: Sequence[str] | None = None,
    skip: Sequence[str] | None = None,
    reanalyze: bool = False,
    options: Mapping[str, str] | None = None,
) -> IndexSummary:
    """Analyse and store ``inputs`` (paths, directories, JSONL/CSV corpora) like ``presslens index``;
    ``options``: analyzer options as ``--option`` sets them (``{"figures.scores": "calibrated"}``)."""
    from presslens.ingest import ReadOptions, read_inputs
    from presslens.pipeline import Pipeline, PipelineConfig
    from presslens.store.tracking import CorpusTracker

    pipeline = Pipeline(PipelineConfig(only=tuple(only) if only else None, skip=tuple(skip or ()),
                                       options=dict(options or {})))
    with open_store(db, write=True, create=True) as store:
        # the same index-time work as the command: republished copies, figure groups, claim rows
        summary = index_items(store, read_inputs(list(inputs), ReadOptions()), pipeline, reanalyze=reanalyze,
                              tracker=CorpusTracker(store))
        if summary.new or summary.reanalysed:
            store.optimize()
    return summary


def search(query: str | None = None, db: str | None = None, *, limit: int = 20, offset: int = 0,
           **filters: Any) -> list[dict[str, Any]]:
    """Articles matching ``query`` and the filters (keyword arguments of :class:`Filters`); with ``kind`` or
    ``label``, articles with such a finding scored at least ``min_score`` (default 0.5, as ``presslens search``)."""
    if filters.get("kind") or filters.get("label"):
        filters.setdefault("min_score", ASSERTED)
    with open_store(db) as store:
        return search_articles(store, query, Filters(**filters), limit=limit, offset=offset)


def findings(query: str | None = None, db: str | None = None, *, limit: int = 100, offset: int = 0,
             **filters: Any) -> list[dict[str, Any]]:
    """Finding rows of articles matching ``query`` that pass the filters: the asserted findings (``min_score``
    default 0.5, as ``presslens search --findings``; a lower one lists candidates too, each row's ``candidate``
    says which)."""
    filters.setdefault("min_score", ASSERTED)
    with open_store(db) as store:
        return search_findings(store, query, Filters(**filters), limit=limit, offset=offset)


def outlets(source: str | None = None, db: str | None = None, *,
            min_score: float = ASSERTED) -> list[dict[str, Any]]:
    """One profile per source, or per month of ``source``, of the findings scored at least ``min_score``."""
    with open_store(db) as store:
        return profiles(store, source, min_score=min_score)

