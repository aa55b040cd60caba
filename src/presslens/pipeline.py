"""Run the registered analyzers over articles, sharing one encoder pass per article.

:meth:`Pipeline.run` analyses one article. :meth:`Pipeline.run_stream` analyses a batch and overlaps
work: while the analyzers (mostly single-threaded Python and numpy) run on one article, a background
thread already encodes the next ones, batch by batch; when the analyzers need an article whose encoding is
not finished, their thread runs the remaining batches itself (:class:`presslens.encoder.EncodingJob`).

A :class:`Pipeline` is safe to share between threads once :meth:`Pipeline.load` has run (a web server's
concurrent requests, a Ray actor): it keeps no per-run state. Each report carries its own run's timings
(``Report.timings``) and the pipeline's provenance (``Report.provenance``).
"""

from __future__ import annotations

import contextlib
import copy
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, TypeVar

from presslens.analyzers.base import (
    DEFAULT_ORDER,
    Analyzer,
    AnalyzerOptionError,
    Features,
    create,
    registered_names,
    resolve_order,
    split_options,
)
from presslens.article import AnalyzerRun, Article, Report
from presslens.encoder import EncodingJob, SentenceEncoder
from presslens.language import drop_unsupported_findings
from presslens.version import __version__

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


@dataclass(frozen=True)
class PipelineConfig:
    """What a :class:`Pipeline` runs: analyzer selection, encoder threads and batch prefetch."""

    only: tuple[str, ...] | None = None
    """Analyzers to run (their requirements are added); None: the default set."""
    skip: tuple[str, ...] = ()
    """Analyzers to leave out."""
    threads: int | None = None
    """Encoder threads; None: all cores."""
    prefetch: int = 2
    """How many articles a batch encodes ahead (:meth:`Pipeline.run_stream`)."""
    models: Any = field(default=None, compare=False)
    """Passed to each analyzer's ``load(models=...)`` (a model registry); None: the shipped models."""
    options: Mapping[str, str] = field(default_factory=dict)
    """Analyzer options by public name, ``{"attribution.scorer": "learned"}`` (``presslens analyze
    --list-options``); unknown names or values raise :class:`~presslens.analyzers.base.AnalyzerOptionError`.
    Those that differ from the default are recorded in each report's ``provenance["options"]``."""


@dataclass
class _Loaded:
    """What :meth:`Pipeline.load` found: each analyzer's status, and the provenance every report carries."""

    status: dict[str, tuple[str, str | None]]
    provenance: dict[str, Any]


class Pipeline:
    """An ordered list of analyzers plus the shared encoder.

    ``Pipeline(PipelineConfig(...))``, or the keyword arguments ``only``/``skip``/``encoder`` (kept for the
    callers written before the config). ``only``/``skip`` select analyzers by name; analyzers they require are
    added automatically (their findings are still reported). :meth:`load` loads every analyzer's models once
    (it runs on the first analysis if not called); afterwards the object is read-only and safe to share.
    """

    def __init__(
        self,
        config: PipelineConfig | None = None,
        *,
        only: Sequence[str] | None = None,
        skip: Sequence[str] | None = None,
        encoder: SentenceEncoder | None = None,
    ) -> None:
        if config is None:
            config = PipelineConfig(only=tuple(only) if only else None, skip=tuple(skip or ()))
        elif only is not None or skip is not None:
            raise TypeError("pass only/skip in the PipelineConfig, not beside it")
        self.config = config
        registered_names()
        chosen = list(config.only) if config.only else list(DEFAULT_ORDER)
        skipped = set(config.skip)
        chosen = [n for n in chosen if n not in skipped]
        self.names = resolve_order(chosen)
        by_analyzer = split_options(config.options)
        for name in by_analyzer:
            if name not in self.names:
                key = next(k for k in config.options if k.partition(".")[0] == name)
                raise AnalyzerOptionError(f"analyzer option {key!r}: analyzer {name!r} is not in this pipeline")
        self.analyzers: list[Analyzer] = [create(n, by_analyzer.get(n)) for n in self.names]
        if encoder is None and config.threads:
            encoder = SentenceEncoder(threads=config.threads)
        self._encoder = encoder
        self._load_lock = threading.Lock()
        self._loaded: _Loaded | None = None

    def load(self) -> Pipeline:
        """Load every analyzer's models and the encoder once (thread-safe, idempotent); returns ``self``.

        An analyzer whose ``load`` fails, or reports status ``"degraded"``/``"error"``, is reported with that
        status and message in every :class:`~presslens.article.AnalyzerRun`; one with status ``"error"`` is
        not run.
        """
        if self._loaded is not None:
            return self
        with self._load_lock:
            if self._loaded is None:
                self._loaded = self._load_all()
        return self

    @property
    def provenance(self) -> dict[str, Any]:
        """presslens version, analyzer and model versions, model file sha256s and the encoder fingerprint."""
        return copy.deepcopy(self.load()._state().provenance)

    def analyzer_status(self) -> dict[str, tuple[str, str | None]]:
        """``{analyzer: (status, message)}`` after loading."""
        return dict(self.load()._state().status)

    def _state(self) -> _Loaded:
        assert self._loaded is not None
        return self._loaded

    def _load_all(self) -> _Loaded:
        from presslens.registry import ModelRegistry

        status: dict[str, tuple[str, str | None]] = {}
        analyzers: dict[str, Any] = {}
        for analyzer in self.analyzers:
            status[analyzer.name] = _load_analyzer(analyzer, self.config.models)
            models = dict(analyzer.model_provenance().get("models", {}))
            analyzers[analyzer.name] = {"version": analyzer.version, "models": models}
        fingerprint: str | None = None
        if any(a.uses_encoder for a in self.analyzers):
            given = self.config.models
            registry = given if isinstance(given, ModelRegistry) else ModelRegistry.default()
            try:
                fingerprint = registry.encoder_fingerprint()
            except OSError:
                fingerprint = None
        provenance: dict[str, Any] = {"presslens": __version__, "encoder_fingerprint": fingerprint,
                                      "analyzers": analyzers}
        changed = self.changed_options()
        if changed:  # absent when every option has its default: default reports stay as they were
            provenance["options"] = changed
        return _Loaded(status=status, provenance=provenance)

    def changed_options(self) -> dict[str, str]:
        """The analyzer options of this pipeline that differ from their defaults, by public name, sorted."""
        out: dict[str, str] = {}
        for analyzer in self.analyzers:
            for opt in analyzer.options:
                value = analyzer.option(opt.name)
                if value != opt.default:
                    out[f"{analyzer.name}.{opt.name}"] = value
        return dict(sorted(out.items()))

    @property
    def encoder(self) -> SentenceEncoder:
        if self._encoder is None:
            self._encoder = SentenceEncoder.default()
        return self._encoder

    def needs_encoding(self, article: Article) -> bool:
        """Whether an analyzer that will run on ``article`` reads the encoder pass."""
        return any(a.uses_encoder and a.supports(article.language) for a in self.analyzers)

    def run(self, article: Article) -> Report:
        """Analyse one article; the report's ``timings`` are this run's."""
        self.load()
        return self._analyze(Features(article, self.encoder))

    def run_many(self, articles: Iterable[Article], *, prefetch: int | None = None) -> Iterator[Report]:
        """Reports for ``articles`` in order; the first analysis error is raised."""
        for _article, result in self.run_stream(articles, prefetch=prefetch):
            if isinstance(result, Exception):
                raise result
            assert result is not None
            yield result

    def run_stream(
        self, items: Iterable[Item], *, prefetch: int | None = None
    ) -> Iterator[tuple[Item, Report | Exception | None]]:
        """Analyse a batch, encoding up to ``prefetch`` articles ahead in a background thread.

        Yields ``(item, result)`` in input order. ``result`` is the :class:`Report` of an
        :class:`Article`, the exception its analysis raised (the batch goes on), or None for items
        that are not articles (e.g. read errors), which are passed through untouched. ``items`` is
        consumed lazily, at most ``prefetch + 1`` items ahead of what has been yielded.
        """
        self.load()
        if prefetch is None:
            prefetch = self.config.prefetch
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
        state = self._state()
        report = Report(article=article, provenance=copy.deepcopy(state.provenance))
        timings = report.timings
        for analyzer in self.analyzers:
            load_status, load_message = state.status[analyzer.name]
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
            if load_status == "error":
                report.analyzers.append(AnalyzerRun(analyzer.name, analyzer.version, "error", load_message))
                feats.findings[analyzer.name] = []
                continue
            enc_before = feats.encoder_seconds
            t0 = time.perf_counter()
            out = analyzer.analyze(feats)
            spent = time.perf_counter() - t0
            enc_spent = feats.encoder_seconds - enc_before
            timings[analyzer.name] = timings.get(analyzer.name, 0.0) + spent - enc_spent
            timings["encoder"] = timings.get("encoder", 0.0) + enc_spent
            out.findings = drop_unsupported_findings(article, out.findings)  # none from other-language parts
            for f in out.findings:
                f.check(article)
            feats.findings[analyzer.name] = out.findings
            feats.labels.update(out.labels)
            report.findings.extend(out.findings)
            report.labels.update(out.labels)
            report.analyzers.append(AnalyzerRun(analyzer.name, analyzer.version, load_status, load_message))
        report.assign_ids()  # also puts the findings in the order reports are written in
        return report


def _load_analyzer(analyzer: Analyzer, models: Any) -> tuple[str, str | None]:
    """Call the analyzer's ``load`` and read back its status and message."""
    try:
        analyzer.load(models)
    except Exception as exc:  # a missing or broken model file: reported, never "ok"
        return "error", f"could not load: {type(exc).__name__}: {exc}"
    status = str(getattr(analyzer, "status", "ok") or "ok")
    message = getattr(analyzer, "status_message", None)
    if status not in ("ok", "degraded", "error"):
        return "error", f"unknown load status {status!r}" + (f": {message}" if message else "")
    return status, (str(message) if message else None)
