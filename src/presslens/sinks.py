"""Where reports go: the :class:`ReportSink` protocol and the file sinks for json, jsonl, md and html.

A sink receives each article's report (:meth:`ReportSink.write`) or each failed item's error
(:meth:`ReportSink.write_error`) in batch order, then :meth:`ReportSink.close` (the batch finished: commit) or
:meth:`ReportSink.abort` (the batch stopped: leave nothing behind). :func:`presslens.batch.run_batch` drives
any sink, so a corpus store or a Parquet writer plugs in by implementing these four methods; the pipeline
never sees a sink.

Rules every sink keeps:

- ``write`` either takes the whole report or raises :class:`ReportSerialisationError` having written nothing
  of it (the batch then writes that item's error row and goes on).
- Nothing half-written: file sinks write to a temp file beside the target and rename it into place on
  ``close``; ``abort`` (and any error, or SIGTERM turned into ``SystemExit`` by the CLI) removes it.

Output paths (:func:`check_output_path`): ``-o`` naming an existing directory is refused before the batch
starts; a missing parent directory is created (documented in the README, "Output").
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import IO, Any, Protocol, runtime_checkable

from presslens.article import SCHEMA_VERSION, Report
from presslens.ingest import InputError
from presslens.outputs import current_umask

FORMATS = ("json", "jsonl", "md", "html")


class ReportSerialisationError(ValueError):
    """A report that cannot be written in the sink's format (e.g. text no UTF-8 can encode)."""


class OutputPathError(ValueError):
    """An output path that cannot be written (checked before a batch starts)."""


@runtime_checkable
class ReportSink(Protocol):
    """Receives a batch's reports and errors in order; see the module docstring for the rules."""

    def write(self, report: Report) -> None: ...

    def write_error(self, error: InputError) -> None: ...

    def close(self) -> None: ...

    def abort(self) -> None: ...


def check_output_path(path: str | Path | None) -> Path | None:
    """The output path, or None for standard output; refuses an existing directory.

    A missing parent directory is not an error: :class:`TextTarget` creates it.
    """
    if path is None or str(path) == "-":
        return None
    p = Path(path)
    if p.is_dir():
        raise OutputPathError(f"{p}: is a directory; -o names the report file to write")
    if p.parent.exists() and not p.parent.is_dir():
        raise OutputPathError(f"{p.parent}: is not a directory")
    return p


def encodable(text: str, what: str) -> str:
    """``text`` when UTF-8 can encode it; otherwise :class:`ReportSerialisationError` naming the position."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ReportSerialisationError(
            f"cannot write {what}: {exc.reason} at character {exc.start} ({exc.object[exc.start:exc.end]!r})"
        ) from None
    return text


class TextTarget:
    """A UTF-8 text file written through a temp file beside it, or standard output.

    ``commit`` renames the temp file into place; ``discard`` removes it. Each is safe to call twice.
    """

    def __init__(self, path: str | Path | None, stdout: IO[str] | None = None) -> None:
        self.path = check_output_path(path)
        self._stdout = stdout
        self._tmp: str | None = None
        self._fh: IO[str] | None = None
        if self.path is not None:
            directory = self.path.parent if str(self.path.parent) else Path(".")
            directory.mkdir(parents=True, exist_ok=True)  # documented: a missing parent directory is created
            fd, self._tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=directory)
            os.chmod(self._tmp, 0o666 & ~current_umask())  # mkstemp makes 0600; a report is an ordinary file
            self._fh = os.fdopen(fd, "w", encoding="utf-8", newline="\n")

    @property
    def temp_path(self) -> str | None:
        return self._tmp

    def write(self, text: str) -> None:
        if self.path is None:
            import sys

            out = self._stdout or sys.stdout
            out.write(text)
            out.flush()
            return
        assert self._fh is not None
        self._fh.write(text)

    def commit(self) -> None:
        if self._fh is not None:
            fh, self._fh = self._fh, None
            fh.close()
            assert self._tmp is not None and self.path is not None
            os.replace(self._tmp, self.path)
            self._tmp = None

    def discard(self) -> None:
        if self._fh is not None:
            fh, self._fh = self._fh, None
            try:
                fh.close()
            except OSError:
                pass
        if self._tmp is not None:
            tmp, self._tmp = self._tmp, None
            try:
                os.unlink(tmp)
            except OSError:
                pass


class JsonlSink:
    """One JSON line per report or error, written as each arrives (the batch format)."""

    def __init__(self, path: str | Path | None, stdout: IO[str] | None = None) -> None:
        self._target = TextTarget(path, stdout)

    def write(self, report: Report) -> None:
        from presslens.report import to_jsonl_line

        try:
            line = to_jsonl_line(report)
        except (TypeError, ValueError, RecursionError) as exc:
            message = f"cannot write report as JSON: {type(exc).__name__}: {exc}"
            raise ReportSerialisationError(message) from None
        self._target.write(encodable(line, "report") + "\n")

    def write_error(self, error: InputError) -> None:
        from presslens.report import error_jsonl_line

        line = error_jsonl_line(error.origin, error.message, error.line)
        self._target.write(_encodable_error(line) + "\n")

    def close(self) -> None:
        self._target.commit()

    def abort(self) -> None:
        self._target.discard()


def _encodable_error(text: str) -> str:
    # an error message quoting a lone surrogate must still be writable
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


class _CollectingSink:
    """Base of the formats written as one document at the end (json, md, html).

    Each report is checked (and, where the format allows, rendered) as it arrives, so a report that cannot be
    written fails alone; the document is written on ``close``.
    """

    def __init__(self, path: str | Path | None, stdout: IO[str] | None = None) -> None:
        self._target = TextTarget(path, stdout)
        self.reports: list[Report] = []
        self.errors: list[dict[str, Any]] = []

    def _check(self, report: Report) -> None:
        from presslens.report import to_jsonl_line

        try:
            encodable(to_jsonl_line(report), "report")
        except (TypeError, ValueError, RecursionError) as exc:
            if isinstance(exc, ReportSerialisationError):
                raise
            raise ReportSerialisationError(f"cannot write report: {type(exc).__name__}: {exc}") from None

    def write(self, report: Report) -> None:
        self._check(report)
        self.reports.append(report)

    def write_error(self, error: InputError) -> None:
        d = error.to_dict()
        d["message"] = _encodable_error(d["message"])
        d["origin"] = _encodable_error(d["origin"])
        self.errors.append(d)

    def render(self) -> str:  # pragma: no cover - interface
        raise NotImplementedError

    def close(self) -> None:
        self._target.write(self.render())
        self._target.commit()

    def abort(self) -> None:
        self._target.discard()


class JsonSink(_CollectingSink):
    """One report as a JSON document (input errors in its ``errors``); several as ``{"reports", "errors"}``.
    """

    def render(self) -> str:
        from presslens.report import to_json

        if len(self.reports) == 1:
            self.reports[0].errors.extend(self.errors)
            return to_json(self.reports[0]) + "\n"
        doc = {
            "schema_version": SCHEMA_VERSION,
            "reports": [r.to_dict() for r in self.reports],
            "errors": self.errors,
        }
        return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


class MarkdownSink(_CollectingSink):
    """Markdown reports separated by rules, then a list of the inputs that could not be read."""

    def __init__(self, path: str | Path | None, stdout: IO[str] | None = None) -> None:
        super().__init__(path, stdout)
        self._parts: list[str] = []

    def write(self, report: Report) -> None:
        from presslens.report import to_markdown

        self._check(report)
        self._parts.append(encodable(to_markdown(report), "report as Markdown"))
        self.reports.append(report)

    def render(self) -> str:
        from presslens.report.markdown import md_code, md_text

        parts = list(self._parts)
        if self.errors:
            lines = [f"- {md_code(InputError(**e).where)}: {md_text(e['message'])}" for e in self.errors]
            parts.append("## Inputs that could not be read\n\n" + "\n".join(lines) + "\n")
        return "\n\n---\n\n".join(parts)


class HtmlSink(_CollectingSink):
    """One self-contained HTML page: the report, or an index of reports and errors for a batch."""

    def render(self) -> str:
        from presslens.report import to_html, to_html_batch

        if len(self.reports) == 1 and not self.errors:
            return to_html(self.reports[0])
        return to_html_batch(self.reports, self.errors)


_SINKS: dict[str, type[JsonlSink] | type[_CollectingSink]] = {
    "jsonl": JsonlSink,
    "json": JsonSink,
    "md": MarkdownSink,
    "html": HtmlSink,
}


def file_sink(fmt: str, path: str | Path | None, stdout: IO[str] | None = None) -> ReportSink:
    """The file sink for ``fmt`` (one of :data:`FORMATS`) writing to ``path`` (None or ``-``: stdout)."""
    try:
        cls = _SINKS[fmt]
    except KeyError:
        raise ValueError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}") from None
    return cls(path, stdout)
