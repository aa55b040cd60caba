"""Run a batch: inputs in, each item's report or error out to a sink; no item can stop the batch.

The CLI, a web server and a Ray actor all call :func:`run_batch` with a loaded
:class:`~presslens.pipeline.Pipeline` and a :class:`~presslens.sinks.ReportSink`. Every per-item failure
becomes that item's error row (an :class:`~presslens.ingest.InputError` with its file and line), and the batch
goes on:

- reading: :func:`guarded_inputs` reads each input on its own, so a reader that crashes loses at most the rest
  of that input, reported as an error row;
- analysis: the pipeline returns the exception instead of the report (``Pipeline.run_stream``);
- serialisation and writing: a report the sink cannot write (``ReportSerialisationError``, or any other
  exception from ``sink.write``) becomes an error row.

Only a failure to write an error row itself (the output is gone) stops the batch; the sink is then aborted so
nothing half-written is left.
"""

from __future__ import annotations

import re
import traceback
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from presslens.article import Article, Report
from presslens.ingest import InputError, ReadOptions, read_inputs
from presslens.pipeline import Pipeline
from presslens.report.common import keep_min_score
from presslens.sinks import ReportSink

_WITH_LINE = re.compile(r"^(?P<origin>.+):(?P<line>[1-9][0-9]*)$")


@dataclass
class BatchSummary:
    """What a batch did: reports written and error rows written."""

    reports: int = 0
    errors: int = 0

    @property
    def ok(self) -> bool:
        return self.errors == 0


def item_error(article: Article, message: str) -> InputError:
    """An error row for an article: its file and, for a corpus record (``path:line``), its line."""
    origin = article.origin or article.id or "<unknown>"
    m = _WITH_LINE.match(origin)
    if m:
        return InputError(m["origin"], message, int(m["line"]))
    return InputError(origin, message)


def guarded_inputs(
    inputs: Iterable[str], options: ReadOptions | None = None
) -> Iterator[Article | InputError]:
    """``read_inputs`` one input at a time; a reader that raises becomes an error row for that input."""
    for item in inputs:
        try:
            yield from read_inputs([item], options)
        except Exception as exc:  # a reader bug or hostile input must not end the batch
            yield InputError(item, f"could not be read: {type(exc).__name__}: {exc}")


def run_batch(
    items: Iterable[Article | InputError],
    pipeline: Pipeline,
    sink: ReportSink,
    *,
    on_error: Callable[[InputError], None] | None = None,
    on_item: Callable[[], None] | None = None,
    debug: bool = False,
    close: bool = True,
    min_score: float | None = None,
) -> BatchSummary:
    """Analyse ``items`` with ``pipeline`` and write each report or error to ``sink`` in input order.

    ``on_error`` sees every error row (the CLI prints it); ``on_item`` is called once per item (progress).
    With ``close`` (the default) the sink is closed when the batch ends and aborted if it stops early (an
    exception, ``KeyboardInterrupt``, ``SystemExit`` from a SIGTERM handler). With ``min_score`` (``presslens
    analyze --min-score``) every report keeps only the findings whose score is at least that, whatever the
    output format.
    """
    summary = BatchSummary()

    def error_row(err: InputError) -> None:
        summary.errors += 1
        if on_error is not None:
            on_error(err)
        sink.write_error(err)

    try:
        for item, result in pipeline.run_stream(items):
            if on_item is not None:
                on_item()
            if isinstance(item, InputError):
                error_row(item)
                continue
            if not isinstance(item, Article):
                error_row(InputError("<unknown>", f"not an article: {type(item).__name__}"))
                continue
            if isinstance(result, Exception) or result is None:
                if debug and isinstance(result, Exception):
                    traceback.print_exception(result)
                error_row(item_error(item, f"analysis failed: {_describe(result)}"))
                continue
            if min_score is not None:
                keep_min_score(result, min_score)
            if _write_report(sink, item, result, error_row, debug):
                summary.reports += 1
        if close:
            sink.close()
    except BaseException:
        if close:
            sink.abort()  # after a failed close too: nothing half-written is left
        raise
    return summary


def _write_report(
    sink: ReportSink, item: Article, report: Report, error_row: Callable[[InputError], None], debug: bool
) -> bool:
    try:
        sink.write(report)
    except Exception as exc:  # serialisation or writing of this one report
        if debug:
            traceback.print_exception(exc)
        error_row(item_error(item, f"report could not be written: {_describe(exc)}"))
        return False
    return True


def _describe(exc: BaseException | None) -> str:
    if exc is None:
        return "no report"
    from presslens.sinks import ReportSerialisationError

    if isinstance(exc, ReportSerialisationError):
        return str(exc)
    return f"{type(exc).__name__}: {exc}"
