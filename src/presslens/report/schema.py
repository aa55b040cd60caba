"""JSON Schema (draft 2020-12) of a presslens report, generated from the typed model, and a validator.

The schema is generated from :mod:`presslens.report.model` (msgspec): the report envelope from
:class:`~presslens.report.model.ReportDoc`, each finding's ``attributes`` chosen by the finding's ``kind``
from :data:`~presslens.report.model.KIND_ATTRIBUTES`, and article-level labels from
:data:`~presslens.report.model.LABEL_MODELS`. Every sub-span is ``{"$ref": "#/$defs/SpanRef"}``.

What JSON Schema cannot say is checked by :func:`validate_report` in code: every finding's
``text`` equals ``article.text[start:end]``, and so does every nested span reference
(any object with integer ``start``/``end`` and string ``text``) inside its attributes.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator, Mapping
from functools import lru_cache
from typing import Any

import msgspec

from presslens.article import SCHEMA_VERSION
from presslens.report import model

JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
REPORT_SCHEMA_ID = f"urn:presslens:report:{SCHEMA_VERSION}"
BATCH_ITEM_SCHEMA_ID = f"urn:presslens:batch-item:{SCHEMA_VERSION}"
_REF = "#/$defs/{name}"

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
# Generation from the typed model
# --------------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _components() -> dict[str, Schema]:
    roots: list[Any] = [model.ReportDoc, model.BatchErrorDoc, *model.KIND_ATTRIBUTES.values(),
                        *model.LABEL_MODELS.values()]
    _, components = msgspec.json.schema_components(roots, ref_template=_REF)
    return components


def _ref(cls: type) -> Schema:
    return {"$ref": _REF.format(name=cls.__name__)}


def kind_attribute_schemas() -> dict[str, list[Schema]]:
    """``{kind: [attributes schema]}`` from the typed model (each a ``$ref`` into the report's ``$defs``)."""
    return {kind: [_ref(cls)] for kind, cls in sorted(model.KIND_ATTRIBUTES.items())}


def label_model_schemas() -> dict[str, list[Schema]]:
    """``{label name: [schema]}`` from the typed model."""
    return {name: [_ref(cls)] for name, cls in sorted(model.LABEL_MODELS.items())}


def _clean_subschema(schema: Mapping[str, Any]) -> Schema:
    """A copy without ``$schema``/``$id`` (only a document root may declare them here)."""
    sub = copy.deepcopy(dict(schema))
    sub.pop("$schema", None)
    sub.pop("$id", None)
    return sub


def _one_of_alternatives(schemas: list[Schema]) -> Schema:
    cleaned = [_clean_subschema(s) for s in schemas]
    return cleaned[0] if len(cleaned) == 1 else {"anyOf": cleaned}


def _defs(attribute_schemas: KindSchemas, label_schemas: KindSchemas) -> dict[str, Schema]:
    defs = copy.deepcopy(_components())
    version = {"const": SCHEMA_VERSION}
    defs["ReportDoc"]["properties"]["schema_version"] = version
    defs["BatchErrorDoc"]["properties"]["schema_version"] = version
    defs["ArticleDoc"]["properties"]["date"]["anyOf"][0]["pattern"] = r"^\d{4}-\d{2}-\d{2}$"
    rules = [
        {
            "if": {"properties": {"kind": {"const": kind}}, "required": ["kind"]},
            "then": {"properties": {"attributes": _one_of_alternatives(list(schemas))}},
        }
        for kind, schemas in sorted(attribute_schemas.items())
        if schemas
    ]
    if rules:
        defs["FindingDoc"]["allOf"] = rules
    defs["ReportDoc"]["properties"]["labels"] = {
        "description": "Article-level labels by name (e.g. a genre or an overall score).",
        "type": "object",
        "properties": {
            name: _one_of_alternatives(list(schemas))
            for name, schemas in sorted(label_schemas.items())
            if schemas
        },
        "additionalProperties": {"type": "object"},
    }
    return defs


def _pick(attribute_schemas: KindSchemas | None, label_schemas: KindSchemas | None) -> dict[str, Schema]:
    attrs = kind_attribute_schemas() if attribute_schemas is None else attribute_schemas
    labels = label_model_schemas() if label_schemas is None else label_schemas
    return _defs(attrs, labels)


# --------------------------------------------------------------------------------------------
# Public schemas
# --------------------------------------------------------------------------------------------


def report_schema(
    attribute_schemas: KindSchemas | None = None,
    label_schemas: KindSchemas | None = None,
) -> Schema:
    """The JSON Schema of one report (``Report.to_dict()``), generated from the typed model.

    By default a finding's attributes and the labels are checked against the typed model
    (:mod:`presslens.report.model`); pass ``{kind: [schema, ...]}`` mappings to use others (tests).
    """
    return {
        "$schema": JSON_SCHEMA_DIALECT,
        "$id": REPORT_SCHEMA_ID,
        "title": "presslens report",
        "description": "Everything presslens says about one article. Offsets index article.text.",
        "$ref": _REF.format(name="ReportDoc"),
        "$defs": _pick(attribute_schemas, label_schemas),
    }


def batch_item_schema(
    attribute_schemas: KindSchemas | None = None,
    label_schemas: KindSchemas | None = None,
) -> Schema:
    """The JSON Schema of one JSONL batch line: a report, or ``{"schema_version", "error"}``."""
    return {
        "$schema": JSON_SCHEMA_DIALECT,
        "$id": BATCH_ITEM_SCHEMA_ID,
        "title": "presslens batch line",
        "description": "One line of a JSONL batch: an article's report, or the error for an unreadable input.",
        "oneOf": [{"$ref": _REF.format(name="ReportDoc")}, {"$ref": _REF.format(name="BatchErrorDoc")}],
        "$defs": _pick(attribute_schemas, label_schemas),
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
