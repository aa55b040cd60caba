"""Reports as JSON documents and JSONL lines, batch error lines, and reports read back from JSON."""

from __future__ import annotations

import datetime as _dt
import json
from collections.abc import Mapping
from typing import Any

from presslens.article import SCHEMA_VERSION, AnalyzerRun, Article, Finding, Report

ReportLike = Report | Mapping[str, Any]


def report_dict(report: ReportLike) -> dict[str, Any]:
    """``report.to_dict()`` for a :class:`Report`; a plain copy of a dict that already is one."""
    return report.to_dict() if isinstance(report, Report) else dict(report)


def to_json(report: ReportLike, indent: int | None = 2) -> str:
    """One report as a JSON document (UTF-8 text, not ASCII-escaped)."""
    return json.dumps(report_dict(report), ensure_ascii=False, indent=indent)


def to_jsonl_line(report: ReportLike) -> str:
    """One report as a single JSONL line (no trailing newline; newlines in text stay escaped)."""
    return json.dumps(report_dict(report), ensure_ascii=False, separators=(",", ":"))


def batch_error(origin: str, message: str, line: int | None = None) -> dict[str, Any]:
    """The JSONL batch item for an input that could not be read or analysed."""
    return {"schema_version": SCHEMA_VERSION, "error": {"origin": origin, "line": line, "message": message}}


def batch_error_from(error: Any) -> dict[str, Any]:
    """A batch error item from an ``InputError``-like object, an exception, or a dict.

    Accepts a full batch item (``{"schema_version", "error"}``), a bare ``{"origin", "line",
    "message"}`` dict, an object with ``origin``/``message``/``line`` attributes, or any exception
    (origin ``"<unknown>"``).
    """
    if isinstance(error, Mapping):
        inner = error.get("error", error)
        if isinstance(inner, Mapping):
            return batch_error(str(inner.get("origin", "<unknown>")), str(inner.get("message", "")),
                               _line_or_none(inner.get("line")))
        return batch_error("<unknown>", str(inner))
    origin = getattr(error, "origin", None)
    message = getattr(error, "message", None)
    if origin is not None and message is not None:
        return batch_error(str(origin), str(message), _line_or_none(getattr(error, "line", None)))
    return batch_error("<unknown>", str(error) or type(error).__name__)


def _line_or_none(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def error_jsonl_line(origin: str, message: str, line: int | None = None) -> str:
    """One JSONL line for an input that could not be read or analysed."""
    return json.dumps(batch_error(origin, message, line), ensure_ascii=False, separators=(",", ":"))


def report_from_dict(d: Mapping[str, Any]) -> Report:
    """Rebuild a :class:`Report` from ``Report.to_dict()`` output (e.g. a JSON file read back)."""
    a = d["article"]
    article = Article(
        text=a["text"],
        id=a.get("id", ""),
        title=a.get("title"),
        date=_dt.date.fromisoformat(a["date"]) if a.get("date") else None,
        source=a.get("source"),
        url=a.get("url"),
        author=a.get("author"),
        language=a.get("language"),
        language_score=a.get("language_score"),
        paragraphs=[(int(s), int(e)) for s, e in a.get("paragraphs", [])],
        sentences=[(int(s), int(e)) for s, e in a.get("sentences", [])],
        origin=a.get("origin"),
        unsupported_ranges=[(int(s), int(e)) for s, e in a.get("unsupported_ranges", [])],
    )
    findings = [
        Finding(
            kind=f["kind"],
            label=f["label"],
            start=int(f["start"]),
            end=int(f["end"]),
            text=f["text"],
            score=float(f["score"]),
            analyzer=f["analyzer"],
            attributes=dict(f.get("attributes") or {}),
        )
        for f in d.get("findings", [])
    ]
    runs = [
        AnalyzerRun(r["name"], r.get("version", ""), r.get("status", "ok"), r.get("message"))
        for r in d.get("analyzers", [])
    ]
    return Report(
        article=article,
        findings=findings,
        labels=dict(d.get("labels") or {}),
        analyzers=runs,
        errors=list(d.get("errors") or []),
    )
