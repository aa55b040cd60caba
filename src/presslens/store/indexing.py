"""Indexing: read inputs like ``analyze``, skip what is stored, analyse the rest, store each article with its
findings in its own transaction.

Resumable by construction: an article is looked up by its corpus key before it is analysed, so re-running a
killed ``index`` analyses only what was not committed. A driver error (disk full, lock timeout) stops the
run: every article committed before it stays whole.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from presslens.article import Article
from presslens.ingest import InputError
from presslens.outputs import say_error
from presslens.store.rows import article_from_stored, article_key
from presslens.store.store import Store
from presslens.store.tracking import CorpusTracker

if TYPE_CHECKING:
    from presslens.pipeline import Pipeline


@dataclass
class IndexSummary:
    new: int = 0
    skipped: int = 0
    reanalysed: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)
    #: the first :data:`NAMED_SKIPS` skipped inputs, by name (file or article id), for the summary line
    skipped_names: list[str] = field(default_factory=list)

    def line(self) -> str:
        return (f"indexed: {self.new} new, {self.skipped} already indexed (skipped), "
                f"{self.reanalysed} re-analysed, {self.failed} failed{self._named_skips()}")

    def _named_skips(self) -> str:
        """"; already indexed: a.txt, b.txt" for a few skipped inputs, "...: a.txt, b.txt, c.txt and 40 more" for
        many: a user who re-indexes a folder sees which files were already stored."""
        if not self.skipped_names:
            return ""
        more = self.skipped - len(self.skipped_names)
        return "; already indexed: " + ", ".join(self.skipped_names) + (f" and {more} more" if more > 0 else "")


#: how many skipped inputs the summary line names
NAMED_SKIPS = 3


def pipeline_versions(pipeline: Pipeline) -> dict[str, str]:
    return {a.name: a.version for a in pipeline.analyzers}


def is_stale(stored: dict[str, str], installed: dict[str, str]) -> bool:
    """Whether an article analysed with ``stored`` versions needs re-running with ``installed`` analyzers."""
    return any(stored.get(name) != version for name, version in installed.items())


def index_items(
    store: Store,
    items: Iterable[Article | InputError],
    pipeline: Pipeline,
    *,
    reanalyze: bool = False,
    force: bool = False,
    debug: bool = False,
    on_item: Callable[[], None] | None = None,
    tracker: CorpusTracker | None = None,
) -> IndexSummary:
    """Index ``items`` (from :func:`presslens.ingest.read_inputs`) into ``store`` with ``pipeline``.

    Stored articles are skipped; with ``reanalyze`` those analysed by other analyzer versions (all of them
    with ``force``) are analysed again and their report and findings replaced. With a ``tracker``, each new
    article's copy detection, figure mentions and claim vectors are stored in its transaction, and a
    re-analysed article's figure mentions are regrouped in the transaction that replaces its report (its
    claim vectors are kept)."""
    summary = IndexSummary()
    installed = pipeline_versions(pipeline)
    replacing: set[int] = set()  # id() of articles that are stored and stale

    def todo() -> Iterator[Article | InputError]:
        for item in items:
            if isinstance(item, Article):
                stored = store.lookup(article_key(item))
                if stored is not None:
                    if not (reanalyze and (force or is_stale(stored, installed))):
                        summary.skipped += 1
                        if len(summary.skipped_names) < NAMED_SKIPS:
                            summary.skipped_names.append(item.origin or item.id or item.content_id)
                        if on_item:
                            on_item()
                        continue
                    replacing.add(id(item))
            yield item

    for item, result in pipeline.run_stream(todo()):
        if on_item:
            on_item()
        if isinstance(item, InputError):
            summary.failed += 1
            summary.errors.append(str(item))
            say_error(str(item))
            continue
        if isinstance(result, Exception) or result is None:
            if debug and isinstance(result, Exception):
                traceback.print_exception(result)
            msg = f"{item.origin or item.id}: analysis failed: {type(result).__name__}: {result}"
            summary.failed += 1
            summary.errors.append(msg)
            say_error(msg)
            continue
        if id(item) in replacing:
            replacing.discard(id(item))
            if store.replace(result, tracker):
                summary.reanalysed += 1
                continue
        if store.add(result, tracker):
            summary.new += 1
        else:  # another indexer stored it meanwhile
            summary.skipped += 1
    return summary


def stored_items(store: Store, installed: dict[str, str], everything: bool = False) -> Iterator[Article]:
    """Stored articles whose analyzer versions differ from ``installed`` (all with ``everything``)."""
    import json

    for _key, versions, report, text in store.stored_articles():
        if everything or is_stale(json.loads(versions), installed):
            yield article_from_stored(report, text)
