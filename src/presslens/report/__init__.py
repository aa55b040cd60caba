"""Report output: JSON Schema and validation, JSON/JSONL, Markdown and self-contained HTML.

>>> from presslens.report import to_json, to_markdown, to_html, validate_report  # doctest: +SKIP
>>> validate_report(report.to_dict())  # raises ReportValidationError when invalid  # doctest: +SKIP
"""

from __future__ import annotations

from presslens.report.html import to_html, to_html_batch
from presslens.report.jsonout import (
    KNOWN_SCHEMA_VERSIONS,
    ReportVersionError,
    batch_error,
    batch_error_from,
    error_jsonl_line,
    report_dict,
    report_from_dict,
    to_json,
    to_jsonl_line,
    upgrade_report_dict,
)
from presslens.report.markdown import to_markdown
from presslens.report.model import ReportDoc, decode_report
from presslens.report.schema import (
    ReportValidationError,
    batch_item_schema,
    report_schema,
    validate_batch_item,
    validate_report,
)

__all__ = [
    "KNOWN_SCHEMA_VERSIONS",
    "ReportDoc",
    "ReportValidationError",
    "ReportVersionError",
    "decode_report",
    "upgrade_report_dict",
    "batch_error",
    "batch_error_from",
    "batch_item_schema",
    "error_jsonl_line",
    "report_dict",
    "report_from_dict",
    "report_schema",
    "to_html",
    "to_html_batch",
    "to_json",
    "to_jsonl_line",
    "to_markdown",
    "validate_batch_item",
    "validate_report",
]
