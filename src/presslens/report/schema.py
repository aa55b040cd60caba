"""JSON Schema (draft 2020-12) of a presslens report, and a validator that also checks offsets.

The schema of each finding's ``attributes`` is chosen by the finding's ``kind`` from the
``attribute_schemas`` of the registered analyzers; article-level labels from their
``label_schemas``. Analyzer schemas may refer to ``{"$ref": "#/$defs/span_ref"}`` for a sub-span.

What JSON Schema cannot say is checked by :func:`validate_report` in code: every finding's
``text`` equals ``article.text[start:end]``, and so does every nested span reference
(any object with integer ``start``/``end`` and string ``text``) inside its attributes.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator, Mapping
from typing import Any

from presslens.article import SCHEMA_VERSION

JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
REPORT_SCHEMA_ID = f"urn:presslens:report:{SCHEMA_VERSION}"
BATCH_ITEM_SCHEMA_ID = f"urn:presslens:batch-item:{SCHEMA_VERSION}"

Schema = dict[str, Any]
KindSchemas = Mapping[str, list[Schema]]


class ReportValidationError(ValueError):
    """A report (or batch line) that breaks the schema or the offset invariant.

    ``problems`` lists every problem found, each as ``"<json path>: <message>"``.
    """

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        shown = "; ".join(problems[:5])
        more = f" (and {len(problems) - 5} more)" if len(problems) > 5 else ""
        super().__init__(f"invalid report: {shown}{more}")


# --------------------------------------------------------------------------------------------
# Collecting analyzer schemas
# --------------------------------------------------------------------------------------------


def registered_attribute_schemas() -> dict[str, list[Schema]]:
    """``{kind: [attributes schema, ...]}`` from every registered analyzer, in name order."""
    return _collect("attribute_schemas")


def registered_label_schemas() -> dict[str, list[Schema]]:
    """``{label name: [schema, ...]}`` from every registered analyzer, in name order."""
    return _collect("label_schemas")


def _collect(attr: str) -> dict[str, list[Schema]]:
    from presslens.analyzers.base import _REGISTRY, registered_names

    out: dict[str, list[Schema]] = {}
    for name in registered_names():
        schemas = getattr(_REGISTRY[name], attr, None) or {}
        for key in sorted(schemas):
            sub = _clean_subschema(schemas[key])
            if sub not in out.setdefault(key, []):
                out[key].append(sub)
    return out


def _clean_subschema(schema: Mapping[str, Any]) -> Schema:
    """A copy without ``$schema``/``$id`` (only a document root may declare them here)."""
    sub = copy.deepcopy(dict(schema))
    sub.pop("$schema", None)
    sub.pop("$id", None)
    return sub


def _one_of_alternatives(schemas: list[Schema]) -> Schema:
    return schemas[0] if len(schemas) == 1 else {"anyOf": schemas}


# --------------------------------------------------------------------------------------------
# Building blocks
# --------------------------------------------------------------------------------------------


def _nullable(type_name: str, **extra: Any) -> Schema:
    return {"anyOf": [{"type": type_name, **extra}, {"type": "null"}]}


def _common_defs() -> dict[str, Schema]:
    offset = {"type": "integer", "minimum": 0}
    return {
        "range": {
            "description": "A [start, end) character range into article.text.",
            "type": "array",
            "prefixItems": [offset, offset],
            "items": False,
            "minItems": 2,
        },
        "span_ref": {
            "description": "A sub-span of article.text; text == article.text[start:end] (checked in code).",
            "type": "object",
            "properties": {"start": offset, "end": offset, "text": {"type": "string"}},
            "required": ["start", "end", "text"],
        },
        "article": {
            "type": "object",
            "properties": {
                "id": {"type": "string"},
                "title": _nullable("string"),
                "date": _nullable("string", format="date", pattern=r"^\d{4}-\d{2}-\d{2}$"),
                "url": _nullable("string"),
                "source": _nullable("string"),
                "author": _nullable("string"),
                "language": _nullable("string"),
                "language_score": _nullable("number", minimum=0, maximum=1),
                "origin": _nullable("string"),
                "text": {"type": "string"},
                "paragraphs": {"type": "array", "items": {"$ref": "#/$defs/range"}},
                "sentences": {"type": "array", "items": {"$ref": "#/$defs/range"}},
                "unsupported_ranges": {"type": "array", "items": {"$ref": "#/$defs/range"}},
            },
            "required": [
                "id", "title", "date", "url", "source", "author", "language", "language_score",
                "origin", "text", "paragraphs", "sentences",
            ],
            "additionalProperties": False,
        },
        "analyzer_run": {
            "type": "object",
            "properties": {
                "name": {"type": "string", "minLength": 1},
                "version": {"type": "string"},
                "status": {"enum": ["ok", "unsupported_language", "error"]},
                "message": _nullable("string"),
            },
            "required": ["name", "version", "status"],
            "additionalProperties": False,
        },
        "report_error": {
            "description": "A problem met while analysing this article (e.g. an analyzer that failed).",
            "type": "object",
            "properties": {
                "analyzer": _nullable("string"),
                "message": {"type": "string"},
                "origin": _nullable("string"),
                "line": _nullable("integer"),
            },
        },
        "batch_error": {
            "description": "One JSONL batch line for an input that could not be read or analysed.",
            "type": "object",
            "properties": {
                "schema_version": {"const": SCHEMA_VERSION},
                "error": {
                    "type": "object",
                    "properties": {
                        "origin": {"type": "string"},
                        "line": _nullable("integer", minimum=1),
                        "message": {"type": "string"},
                    },
                    "required": ["origin", "line", "message"],
                    "additionalProperties": False,
                },
            },
            "required": ["schema_version", "error"],
            "additionalProperties": False,
        },
    }


def _finding_schema(attribute_schemas: KindSchemas) -> Schema:
    finding: Schema = {
        "type": "object",
        "properties": {
            "kind": {"type": "string", "minLength": 1},
            "label": {"type": "string"},
            "start": {"type": "integer", "minimum": 0},
            "end": {"type": "integer", "minimum": 0},
            "text": {"type": "string"},
            "score": {"type": "number", "minimum": 0, "maximum": 1},
            "analyzer": {"type": "string"},
            "attributes": {"type": "object"},
        },
        "required": ["kind", "label", "start", "end", "text", "score", "analyzer", "attributes"],
        "additionalProperties": False,
    }
    rules = [
        {
            "if": {"properties": {"kind": {"const": kind}}, "required": ["kind"]},
            "then": {"properties": {"attributes": _one_of_alternatives(list(schemas))}},
        }
        for kind, schemas in sorted(attribute_schemas.items())
        if schemas
    ]
    if rules:
        finding["allOf"] = rules
    return finding


def _labels_schema(label_schemas: KindSchemas) -> Schema:
    return {
        "description": "Article-level labels by name (e.g. a genre or an overall score).",
        "type": "object",
        "properties": {
            name: _one_of_alternatives(list(schemas)) for name, schemas in sorted(label_schemas.items()) if schemas
        },
        "additionalProperties": {"type": "object"},
    }


def _report_body(attribute_schemas: KindSchemas, label_schemas: KindSchemas) -> Schema:
    return {
        "type": "object",
        "properties": {
            "schema_version": {"const": SCHEMA_VERSION},
            "article": {"$ref": "#/$defs/article"},
            "analyzers": {"type": "array", "items": {"$ref": "#/$defs/analyzer_run"}},
            "labels": _labels_schema(label_schemas),
            "findings": {"type": "array", "items": {"$ref": "#/$defs/finding"}},
            "errors": {"type": "array", "items": {"$ref": "#/$defs/report_error"}},
        },
        "required": ["schema_version", "article", "analyzers", "labels", "findings", "errors"],
        "additionalProperties": False,
    }


# --------------------------------------------------------------------------------------------
# Public schemas
# --------------------------------------------------------------------------------------------


def report_schema(
    attribute_schemas: KindSchemas | None = None,
    label_schemas: KindSchemas | None = None,
) -> Schema:
    """The JSON Schema of one report (``Report.to_dict()``).

    By default the per-kind attribute schemas and label schemas come from the registered
    analyzers; pass ``{kind: [schema, ...]}`` mappings to use others (tests, documentation).
    """
    attrs = registered_attribute_schemas() if attribute_schemas is None else attribute_schemas
    labels = registered_label_schemas() if label_schemas is None else label_schemas
    defs = _common_defs()
    defs["finding"] = _finding_schema(attrs)
    return {
        "$schema": JSON_SCHEMA_DIALECT,
        "$id": REPORT_SCHEMA_ID,
        "title": "presslens report",
        "description": "Everything presslens says about one article. Offsets index article.text.",
        **_report_body(attrs, labels),
        "$defs": defs,
    }


def batch_item_schema(
    attribute_schemas: KindSchemas | None = None,
    label_schemas: KindSchemas | None = None,
) -> Schema:
    """The JSON Schema of one JSONL batch line: a report, or ``{"schema_version", "error"}``."""
    attrs = registered_attribute_schemas() if attribute_schemas is None else attribute_schemas
    labels = registered_label_schemas() if label_schemas is None else label_schemas
    defs = _common_defs()
    defs["finding"] = _finding_schema(attrs)
    defs["report"] = _report_body(attrs, labels)
    return {
        "$schema": JSON_SCHEMA_DIALECT,
        "$id": BATCH_ITEM_SCHEMA_ID,
        "title": "presslens batch line",
        "description": "One line of a JSONL batch: an article's report, or the error for an unreadable input.",
        "oneOf": [{"$ref": "#/$defs/report"}, {"$ref": "#/$defs/batch_error"}],
        "$defs": defs,
    }


# --------------------------------------------------------------------------------------------
# Validation
# --------------------------------------------------------------------------------------------


def validate_report(d: Mapping[str, Any], schema: Schema | None = None) -> None:
    """Raise :class:`ReportValidationError` unless ``d`` is a valid report.

    Checks the JSON Schema (``report_schema()`` unless given), then the offset invariant of every
    finding and of every span reference nested in attributes, and the paragraph/sentence ranges.
    """
    problems = _schema_problems(d, schema if schema is not None else report_schema())
    if not problems:
        problems = list(offset_problems(d))
    if problems:
        raise ReportValidationError(problems)


def validate_batch_item(d: Mapping[str, Any], schema: Schema | None = None) -> None:
    """Raise :class:`ReportValidationError` unless ``d`` is a valid JSONL batch line."""
    problems = _schema_problems(d, schema if schema is not None else batch_item_schema())
    if not problems and "article" in d:
        problems = list(offset_problems(d))
    if problems:
        raise ReportValidationError(problems)


def _schema_problems(d: Mapping[str, Any], schema: Schema) -> list[str]:
    from jsonschema import Draft202012Validator

    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(d), key=lambda e: list(map(str, e.absolute_path)))
    return [f"{e.json_path}: {e.message}" for e in errors]


def offset_problems(d: Mapping[str, Any]) -> Iterator[str]:
    """Offset problems of a schema-valid report dict (findings, nested span refs, ranges)."""
    text = d["article"]["text"]
    for key in ("paragraphs", "sentences"):
        for i, (start, end) in enumerate(d["article"][key]):
            if not 0 <= start <= end <= len(text):
                yield f"$.article.{key}[{i}]: range {start}:{end} outside text of length {len(text)}"
    for i, f in enumerate(d["findings"]):
        path = f"$.findings[{i}]"
        yield from _span_problem(text, f, path, "finding")
        for sub_path, ref in iter_span_refs(f["attributes"], f"{path}.attributes"):
            yield from _span_problem(text, ref, sub_path, "span_ref")


def _span_problem(text: str, span: Mapping[str, Any], path: str, what: str) -> Iterator[str]:
    start, end = span["start"], span["end"]
    if not 0 <= start <= end <= len(text):
        yield f"{path}: {what} {start}:{end} outside text of length {len(text)}"
    elif text[start:end] != span["text"]:
        yield f"{path}: {what} text {span['text']!r} != article text {text[start:end]!r} at {start}:{end}"


def is_span_ref(value: Any) -> bool:
    """An object with integer ``start``/``end`` and string ``text`` (extra keys allowed)."""
    return (
        isinstance(value, Mapping)
        and _is_int(value.get("start"))
        and _is_int(value.get("end"))
        and isinstance(value.get("text"), str)
    )


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def iter_span_refs(value: Any, path: str = "$") -> Iterator[tuple[str, Mapping[str, Any]]]:
    """Every span reference nested anywhere in ``value`` (dicts and lists), with its JSON path."""
    if isinstance(value, Mapping):
        if is_span_ref(value):
            yield path, value
        for key, sub in value.items():
            yield from iter_span_refs(sub, f"{path}.{key}")
    elif isinstance(value, list | tuple):
        for i, sub in enumerate(value):
            yield from iter_span_refs(sub, f"{path}[{i}]")
