"""presslens: read articles about armed conflict the way a careful analyst does.

>>> import presslens
>>> report = presslens.analyze("Title\n\nOfficials said 200,000 men have left.")  # doctest: +SKIP
>>> [f.kind for f in report.findings]  # doctest: +SKIP
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import presslens.offline  # noqa: F401  (first: no telemetry from libraries imported later)
from presslens.article import SCHEMA_VERSION, AnalyzerRun, Article, Finding, Report
from presslens.version import __version__

__all__ = [
    "SCHEMA_VERSION",
    "AnalyzerRun",
    "Article",
    "Finding",
    "Report",
    "__version__",
    "analyze",
    "read_article",
]


def read_article(text_or_path: str | Path, **options: Any) -> Article:
    """Read one article from a path (text or HTML file) or from a string of plain text.

    A ``str`` that names an existing file is read as that file; any other string is article text.
    Options are those of :class:`presslens.ingest.ReadOptions` plus the metadata fields
    ``title``, ``date``, ``url``, ``source``.
    """
    from presslens.ingest import ReadOptions, read_file
    from presslens.ingest.normalize import article_from_text

    read_keys = set(ReadOptions.__dataclass_fields__)
    read_opts = ReadOptions(**{k: v for k, v in options.items() if k in read_keys})
    meta = {k: v for k, v in options.items() if k not in read_keys}
    if isinstance(text_or_path, Path) or (
        isinstance(text_or_path, str) and "\n" not in text_or_path and len(text_or_path) < 4096
        and Path(text_or_path).is_file()
    ):
        return read_file(Path(text_or_path), read_opts)
    return article_from_text(str(text_or_path), id=meta.pop("id", "text"), origin="<text>",
                             limits=read_opts.limits, notify=read_opts.notify, **meta)


def analyze(
    text_or_path: str | Path | Article,
    *,
    only: list[str] | None = None,
    skip: list[str] | None = None,
    analyzer_options: Mapping[str, str] | None = None,
    **options: Any,
) -> Report:
    """Analyse one article (plain text, a file path, or an :class:`Article`) and return its report.

    ``analyzer_options``: the pipeline's analyzer options, e.g. ``{"attribution.scorer": "learned"}``."""
    article = text_or_path if isinstance(text_or_path, Article) else read_article(text_or_path, **options)
    return _pipeline(tuple(only or ()), tuple(skip or ()), tuple(sorted((analyzer_options or {}).items()))).run(article)


_PIPELINES: dict[tuple[tuple[str, ...], tuple[str, ...], tuple[tuple[str, str], ...]], Any] = {}
_PIPELINES_LOCK = threading.Lock()


def _pipeline(only: tuple[str, ...], skip: tuple[str, ...], options: tuple[tuple[str, str], ...] = ()) -> Any:
    """One loaded pipeline per analyzer selection and options, shared by every caller in the process."""
    from presslens.pipeline import Pipeline, PipelineConfig

    key = (only, skip, options)
    with _PIPELINES_LOCK:
        if key not in _PIPELINES:
            _PIPELINES[key] = Pipeline(PipelineConfig(only=only or None, skip=skip, options=dict(options)))
        pipeline = _PIPELINES[key]
    return pipeline.load()
