"""Reports as JSON documents and JSONL lines, batch error lines, and reports read back from JSON."""

from __future__ import annotations

import copy
import datetime as _dt
import json
from collections.abc import Mapping
from typing import Any

import msgspec

from presslens.article import (
    SCHEMA_VERSION,
    AnalyzerRun,
    Article,
    Finding,
    Report,
    empty_provenance,
    finding_ids,
)
from presslens.identity import content_id
from presslens.report.model import decode_report
from presslens.version import __version__

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


KNOWN_SCHEMA_VERSIONS = ("1.0", SCHEMA_VERSION)
"""Report versions :func:`report_from_dict` reads: this one, and 1.0 (see :func:`upgrade_report_dict`)."""


class ReportVersionError(ValueError):
    """A report whose ``schema_version`` this presslens cannot read."""


def upgrade_report_dict(d: Mapping[str, Any]) -> dict[str, Any]:
    """A report dict of any known version as a dict of the current version.

    1.0 -> 2.0: ``article.content_id`` and each finding's ``id`` are computed (the same rule the pipeline
    uses), ``provenance`` records only that the report was upgraded; an analyzer status is kept as is.
    Raises :class:`ReportVersionError` for a missing, unknown or newer version.
    """
    version = d.get("schema_version")
    if version == SCHEMA_VERSION:
        return dict(d)
    if version == "1.0":
        out = copy.deepcopy(dict(d))
        article = out["article"]
        cid = article.get("content_id") or content_id(article["text"])
        out["article"] = {"id": article.get("id", ""), "content_id": cid,
                          **{k: v for k, v in article.items() if k not in ("id", "content_id")}}
        old = sorted(out.get("findings", []), key=lambda f: (f["start"], -f["end"], f["kind"], f["label"]))
        out["findings"] = [{"id": fid, **f} for f, fid in zip(old, finding_ids(cid, old), strict=True)]
        prov = empty_provenance()
        prov["presslens"] = "unknown (report upgraded from schema_version 1.0)"
        out["provenance"] = prov
        out["schema_version"] = SCHEMA_VERSION
        return out
    if not isinstance(version, str):
        raise ReportVersionError(f"not a presslens report: no schema_version (this presslens reads "
                                 f"{', '.join(KNOWN_SCHEMA_VERSIONS)})")
    raise ReportVersionError(
        f"report schema_version {version!r} is not one this presslens {__version__} reads "
        f"({', '.join(KNOWN_SCHEMA_VERSIONS)}); a newer presslens wrote it, or it is not a presslens report"
    )


def report_from_dict(d: Mapping[str, Any]) -> Report:
    """Rebuild a :class:`Report` from ``Report.to_dict()`` output (e.g. a JSON file read back).

    The dict is checked against the typed model (:func:`presslens.report.model.decode_report`; a mismatch
    raises ``ReportValidationError``) after its ``schema_version`` is honoured: the current version is read as
    is, 1.0 is upgraded (:func:`upgrade_report_dict`), any other raises :class:`ReportVersionError`. A report
    written by this version reads back into an equal :class:`Report`.
    """
    d = upgrade_report_dict(d)
    try:
        decode_report(d)
    except msgspec.ValidationError as exc:
        from presslens.report.schema import ReportValidationError

        raise ReportValidationError([str(exc)]) from None
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
        content_id=a["content_id"],
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
            attributes=copy.deepcopy(dict(f.get("attributes") or {})),
            id=f["id"],
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
        labels=copy.deepcopy(dict(d.get("labels") or {})),
        analyzers=runs,
        errors=copy.deepcopy(list(d.get("errors") or [])),
        provenance=copy.deepcopy(dict(d["provenance"])),
    )
