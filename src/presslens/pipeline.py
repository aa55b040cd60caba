"""Run the registered analyzers over articles, sharing one encoder pass per article.

:meth:`Pipeline.run` analyses one article. :meth:`Pipeline.run_stream` analyses a batch and overlaps
work: while the analyzers (mostly single-threaded Python and numpy) run on one article, a background
thread already encodes the next ones, batch by batch; when the analyzers need an article whose encoding is
not finished, their thread runs the remaining batches itself (:class:`presslens.encoder.EncodingJob`).
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from presslens.analyzers.base import (
    DEFAULT_ORDER,
    Analyzer,
    Features,
    create,
    registered_names,
    resolve_order,
)
from presslens.article import AnalyzerRun, Article, Report
from presslens.encoder import EncodingJob, SentenceEncoder
from presslens.language import drop_unsupported_findings

Item = TypeVar("Item")

_blas_lock = threading.Lock()
_blas_controller: Any = None


def single_threaded_blas() -> contextlib.AbstractContextManager[Any]:
    """Keep numpy's BLAS on one thread while analyzers run.

    The encoder's threads already use both cores; OpenBLAS worker threads would spin-wait after each
    matrix product and take CPU from them (bench: encoder + techniques 11.4 -> 15.2 articles/s). The
    limit holds only inside the ``with`` block: the caller's own numpy code keeps its settings.
    """
    global _blas_controller
    with _blas_lock:
        if _blas_controller is None:
            try:
                from threadpoolctl import ThreadpoolController

                _blas_controller = ThreadpoolController()
            except Exception:  # threadpoolctl missing or unable to inspect the libraries
                _blas_controller = False
    if _blas_controller is False:
        return contextlib.nullcontext()
    return _blas_controller.limit(limits=1, user_api="blas")  # type: ignore[no-any-return]


class Pipeline:
    """An ordered list of analyzers plus the shared encoder.

    ``only``/``skip`` select analyzers by name; analyzers they require are added automatically
    (their findings are still reported).
    """

    def __init__(
        self,
        only: Sequence[str] | None = None,
        skip: Sequence[str] | None = None,
        encoder: SentenceEncoder | None = None,
    ) -> None:
        registered_names()
        chosen = list(only) if only else list(DEFAULT_ORDER)
        skipped = set(skip or ())
        chosen = [n for n in chosen if n not in skipped]
        self.names = resolve_order(chosen)
        self.analyzers: list[Analyzer] = [create(n) for n in self.names]
        self._encoder = encoder
        self.timings: dict[str, float] = {}
        """Seconds per analyzer (encoder time excluded) and ``encoder``: the time analyzers spent running
        or waiting for the encoder pass (in a batch, only the part not hidden behind other work)."""

    @property
    def encoder(self) -> SentenceEncoder:
        if self._encoder is None:
            self._encoder = SentenceEncoder.default()
        return self._encoder

    def needs_encoding(self, article: Article) -> bool:
        """Whether an analyzer that will run on ``article`` reads the encoder pass."""
        return any(a.uses_encoder and a.supports(article.language) for a in self.analyzers)

    def run(self, article: Article) -> Report:
        """Analyse one article."""
        return self._analyze(Features(article, self.encoder))

    def run_many(self, articles: Iterable[Article], *, prefetch: int = 2) -> Iterator[Report]:
        """Reports for ``articles`` in order; the first analysis error is raised."""
        for _article, result in self.run_stream(articles, prefetch=prefetch):
            if isinstance(result, Exception):
                raise result
            assert result is not None
            yield result

    def run_stream(
        self, items: Iterable[Item], *, prefetch: int = 2
    ) -> Iterator[tuple[Item, Report | Exception | None]]:
        """Analyse a batch, encoding up to ``prefetch`` articles ahead in a background thread.

        Yields ``(item, result)`` in input order. ``result`` is the :class:`Report` of an
        :class:`Article`, the exception its analysis raised (the batch goes on), or None for items
        that are not articles (e.g. read errors), which are passed through untouched. ``items`` is
        consumed lazily, at most ``prefetch + 1`` items ahead of what has been yielded.
        """
        if prefetch <= 0:
            for item in items:
                yield item, self._guarded(Features(item, self.encoder)) if isinstance(item, Article) else None
            return
        source = iter(items)
        queue: deque[tuple[Item, EncodingJob | None]] = deque()
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="presslens-prefetch") as pool:
            try:
                exhausted = False
                while True:
                    while not exhausted and len(queue) <= prefetch:
                        try:
                            item = next(source)
                        except StopIteration:
                            exhausted = True
                            break
                        job = None
                        if isinstance(item, Article) and self.needs_encoding(item):
                            # one background thread runs the batches; the analyzers' thread helps only
                            # when it would otherwise wait for this article (EncodingJob)
                            job = self.encoder.job(item.sentence_texts())
                            pool.submit(job.work)
                        queue.append((item, job))
                    if not queue:
                        return
                    item, job = queue.popleft()
                    if not isinstance(item, Article):
                        yield item, None
                        continue
                    yield item, self._guarded(Features(item, self.encoder, pending_encoding=job))
            finally:
                for _item, job in queue:
                    if job is not None:
                        job.cancel()

    def _guarded(self, feats: Features) -> Report | Exception:
        try:
            return self._analyze(feats)
        except Exception as exc:  # one article's failure must not end the batch
            return exc

    def _analyze(self, feats: Features) -> Report:
        with single_threaded_blas():
            return self._analyze_unlimited(feats)

    def _analyze_unlimited(self, feats: Features) -> Report:
        article = feats.article
        report = Report(article=article)
        for analyzer in self.analyzers:
            if not analyzer.supports(article.language):
                report.analyzers.append(
                    AnalyzerRun(
                        analyzer.name,
                        analyzer.version,
                        "unsupported_language",
                        f"supports {', '.join(sorted(analyzer.languages))}; article is {article.language}",
                    )
                )
                feats.findings[analyzer.name] = []
                continue
            enc_before = feats.encoder_seconds
            t0 = time.perf_counter()
            out = analyzer.analyze(feats)
            spent = time.perf_counter() - t0
            enc_spent = feats.encoder_seconds - enc_before
            self.timings[analyzer.name] = self.timings.get(analyzer.name, 0.0) + spent - enc_spent
            self.timings["encoder"] = self.timings.get("encoder", 0.0) + enc_spent
            out.findings = drop_unsupported_findings(article, out.findings)  # none from other-language parts
            for f in out.findings:
                f.check(article)
            feats.findings[analyzer.name] = out.findings
            feats.labels.update(out.labels)
            report.findings.extend(out.findings)
            report.labels.update(out.labels)
            report.analyzers.append(AnalyzerRun(analyzer.name, analyzer.version, "ok"))
        return report
