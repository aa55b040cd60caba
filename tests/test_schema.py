"""Report JSON Schema, validation (schema + offsets), JSON/JSONL output and batch error lines."""

from __future__ import annotations

import copy
import json
from typing import Any, ClassVar

import pytest
from jsonschema import Draft202012Validator

from presslens.analyzers.base import _REGISTRY, DEFAULT_ORDER, Analyzer, AnalyzerOutput, Features, register
from presslens.article import SCHEMA_VERSION
from presslens.report import (
    ReportValidationError,
    batch_error,
    batch_error_from,
    batch_item_schema,
    error_jsonl_line,
    report_from_dict,
    report_schema,
    to_json,
    to_jsonl_line,
    validate_batch_item,
    validate_report,
)
from tests.report_fixtures import sample_report

# Tests pin the analyzer schemas so that analyzers landing later cannot change what they check.
NO_ANALYZERS: dict[str, Any] = {"attribute_schemas": {}, "label_schemas": {}}


@pytest.fixture(scope="module")
def report_dict() -> dict[str, Any]:
    return sample_report().to_dict()


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    return report_schema(**NO_ANALYZERS)


def test_default_schemas_are_valid_draft_2020_12() -> None:
    for s in (report_schema(), batch_item_schema(), report_schema(**NO_ANALYZERS)):
        Draft202012Validator.check_schema(s)
        assert s["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        json.dumps(s)  # serialisable as-is (``presslens schema`` prints it)


def test_hand_made_report_is_valid(report_dict: dict[str, Any], schema: dict[str, Any]) -> None:
    validate_report(report_dict, schema)


def test_broken_offset_is_rejected(report_dict: dict[str, Any], schema: dict[str, Any]) -> None:
    bad = copy.deepcopy(report_dict)
    bad["findings"][0]["start"] += 1
    with pytest.raises(ReportValidationError) as err:
        validate_report(bad, schema)
    assert "$.findings[0]" in str(err.value)


def test_offset_past_end_of_text_is_rejected(report_dict: dict[str, Any], schema: dict[str, Any]) -> None:
    bad = copy.deepcopy(report_dict)
    bad["findings"][-1]["end"] = len(bad["article"]["text"]) + 5
    with pytest.raises(ReportValidationError, match="outside text"):
        validate_report(bad, schema)


def test_score_above_one_is_rejected(report_dict: dict[str, Any], schema: dict[str, Any]) -> None:
    bad = copy.deepcopy(report_dict)
    bad["findings"][2]["score"] = 1.2
    with pytest.raises(ReportValidationError, match="score"):
        validate_report(bad, schema)


def test_nested_span_ref_is_checked(report_dict: dict[str, Any], schema: dict[str, Any]) -> None:
    bad = copy.deepcopy(report_dict)
    claim = next(f for f in bad["findings"] if f["kind"] == "claim" and f["attributes"]["figures"])
    claim["attributes"]["figures"][0]["text"] = "300,000 troops"
    with pytest.raises(ReportValidationError, match=r"attributes\.figures\[0\]"):
        validate_report(bad, schema)
    bad2 = copy.deepcopy(report_dict)
    attribution = next(f for f in bad2["findings"] if f["kind"] == "attribution")
    attribution["attributes"]["source"]["start"] += 2  # a span ref with an extra "type" key
    with pytest.raises(ReportValidationError, match=r"attributes\.source"):
        validate_report(bad2, schema)


def test_sentence_range_outside_text_is_rejected(report_dict: dict[str, Any], schema: dict[str, Any]) -> None:
    bad = copy.deepcopy(report_dict)
    bad["article"]["sentences"].append([5, 10**6])
    with pytest.raises(ReportValidationError, match="sentences"):
        validate_report(bad, schema)


@pytest.mark.parametrize(
    "mutate",
    [
        lambda d: d["article"].pop("text"),
        lambda d: d.__setitem__("schema_version", "0.0"),
        lambda d: d["article"].__setitem__("date", "2024-13-45"),
        lambda d: d["article"].__setitem__("sentences", [[1, 2, 3]]),
        lambda d: d["findings"][0].__setitem__("extra", 1),
        lambda d: d["analyzers"][0].__setitem__("status", "fine"),
        lambda d: d["findings"][0].__setitem__("start", -1),
    ],
    ids=["no-text", "version", "bad-date", "range-3", "extra-key", "status", "negative"],
)
def test_structural_errors_are_rejected(report_dict: dict[str, Any], schema: dict[str, Any], mutate: Any) -> None:
    bad = copy.deepcopy(report_dict)
    mutate(bad)
    with pytest.raises(ReportValidationError):
        validate_report(bad, schema)


def test_attribute_schema_is_chosen_by_kind(report_dict: dict[str, Any]) -> None:
    quantity_attrs = {
        "type": "object",
        "properties": {"value": {"type": ["number", "null"]}, "unit": {"type": ["string", "null"]}},
        "required": ["value", "unit"],
    }
    strict = report_schema(attribute_schemas={"quantity": [quantity_attrs]}, label_schemas={})
    validate_report(report_dict, strict)
    bad = copy.deepcopy(report_dict)
    q = next(f for f in bad["findings"] if f["kind"] == "quantity")
    del q["attributes"]["unit"]
    with pytest.raises(ReportValidationError, match="unit"):
        validate_report(bad, strict)
    # The same attributes under another kind are not checked against the quantity schema.
    q["kind"] = "figure_like"
    validate_report(bad, strict)


def test_label_schema_is_applied(report_dict: dict[str, Any]) -> None:
    flag = {"type": "object", "properties": {"label": {"type": "boolean"}}, "required": ["label"]}
    strict = report_schema(attribute_schemas={}, label_schemas={"violence": [flag]})
    validate_report(report_dict, strict)
    bad = copy.deepcopy(report_dict)
    bad["labels"]["violence"]["label"] = "yes"
    with pytest.raises(ReportValidationError, match="violence"):
        validate_report(bad, strict)


def test_registered_analyzer_schemas_are_collected() -> None:
    name = "_schema_probe_for_tests"

    class Probe(Analyzer):
        attribute_schemas: ClassVar[dict[str, dict[str, Any]]] = {
            "probe_kind": {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object",
                           "required": ["hits"]},
        }
        label_schemas: ClassVar[dict[str, dict[str, Any]]] = {"probe_label": {"type": "object"}}

        def analyze(self, features: Features) -> AnalyzerOutput:
            return AnalyzerOutput()

    register(name, default=False)(Probe)
    try:
        s = report_schema()
        Draft202012Validator.check_schema(s)
        rules = s["$defs"]["finding"]["allOf"]
        probe = [r for r in rules if r["if"]["properties"]["kind"] == {"const": "probe_kind"}]
        assert probe and probe[0]["then"]["properties"]["attributes"]["required"] == ["hits"]
        assert "$schema" not in probe[0]["then"]["properties"]["attributes"]
        assert "probe_label" in s["properties"]["labels"]["properties"]
    finally:
        _REGISTRY.pop(name, None)
        if name in DEFAULT_ORDER:
            DEFAULT_ORDER.remove(name)


def test_json_round_trip(report_dict: dict[str, Any], schema: dict[str, Any]) -> None:
    report = sample_report()
    text = to_json(report)
    back = json.loads(text)
    assert back == report_dict
    assert report_from_dict(back).to_dict() == report_dict
    validate_report(back, schema)


def test_jsonl_line_is_one_line_even_with_newlines_in_text() -> None:
    line = to_jsonl_line(sample_report())
    assert "\n" not in line and "\r" not in line
    assert json.loads(line)["article"]["text"].count("\n") >= 4


def test_batch_error_line_shape_and_schema(report_dict: dict[str, Any]) -> None:
    line = error_jsonl_line("corpus.jsonl", "line is not JSON", 7)
    assert "\n" not in line
    item = json.loads(line)
    assert item == {"schema_version": SCHEMA_VERSION,
                    "error": {"origin": "corpus.jsonl", "line": 7, "message": "line is not JSON"}}
    batch = batch_item_schema(**NO_ANALYZERS)
    validate_batch_item(item, batch)
    validate_batch_item(report_dict, batch)
    validate_batch_item(batch_error("a.html", "empty file"), batch)
    with pytest.raises(ReportValidationError):
        validate_batch_item({"schema_version": SCHEMA_VERSION, "error": {"message": "x"}}, batch)
    broken = copy.deepcopy(report_dict)
    broken["findings"][0]["end"] -= 1
    with pytest.raises(ReportValidationError):
        validate_batch_item(broken, batch)


def test_batch_error_from_various_inputs() -> None:
    from presslens.ingest.errors import InputError

    assert batch_error_from(InputError("a.txt", "cannot decode", 3))["error"] == {
        "origin": "a.txt", "line": 3, "message": "cannot decode"}
    assert batch_error_from({"origin": "b", "line": None, "message": "m"})["error"]["origin"] == "b"
    assert batch_error_from(batch_error("c", "m2", 2)) == batch_error("c", "m2", 2)
    assert batch_error_from(ValueError("boom"))["error"]["message"] == "boom"
