"""Report JSON Schema, validation (schema + offsets), JSON/JSONL output and batch error lines."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from jsonschema import Draft202012Validator

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


@pytest.fixture(scope="module")
def report_dict() -> dict[str, Any]:
    return sample_report().to_dict()


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    return report_schema()  # attributes and labels checked against the typed model


def test_default_schemas_are_valid_draft_2020_12() -> None:
    for s in (report_schema(), batch_item_schema(), report_schema(attribute_schemas={}, label_schemas={})):
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


def test_schema_is_generated_from_the_typed_model() -> None:
    from presslens.report.model import KIND_ATTRIBUTES, LABEL_MODELS

    s = report_schema()
    Draft202012Validator.check_schema(s)
    defs = s["$defs"]
    rules = {r["if"]["properties"]["kind"]["const"]: r["then"]["properties"]["attributes"]
             for r in defs["FindingDoc"]["allOf"]}
    assert rules == {kind: {"$ref": f"#/$defs/{cls.__name__}"} for kind, cls in KIND_ATTRIBUTES.items()}
    for name, cls in LABEL_MODELS.items():
        assert s["$defs"]["ReportDoc"]["properties"]["labels"]["properties"][name] == {"$ref": f"#/$defs/{cls.__name__}"}
    # one span-reference type: every sub-span in every attributes model points at SpanRef
    text = json.dumps({k: v for k, v in defs.items() if k.endswith("Attributes")})
    assert '"$ref": "#/$defs/SpanRef"' in text
    assert set(defs["SpanRef"]["required"]) == {"start", "end", "text"}
    for name, d in defs.items():
        if name not in ("SpanRef", "SourceSpan", "ClaimFigure", "FindingDoc"):
            assert {"start", "end", "text"} - set(d.get("properties", {})), f"{name} repeats the span-ref fields"
    # unknown attributes of a known kind are refused (an analyzer adding one must add it to the model)
    d = sample_report().to_dict()
    q = next(f for f in d["findings"] if f["kind"] == "quantity")
    q["attributes"]["surprise"] = 1
    with pytest.raises(ReportValidationError, match="surprise"):
        validate_report(d)


def test_json_round_trip(report_dict: dict[str, Any], schema: dict[str, Any]) -> None:
    report = sample_report()
    text = to_json(report)
    back = json.loads(text)
    assert back == report_dict
    assert report_from_dict(back).to_dict() == report_dict
    validate_report(back, schema)


def test_report_reads_back_into_equal_objects() -> None:
    from presslens.article import _finding_order

    report = sample_report()
    report.findings.sort(key=_finding_order)  # the order reports are written in
    back = report_from_dict(json.loads(to_json(report)))
    assert back == report
    assert back.article.content_id == report.article.content_id and back.article.content_id
    assert [f.id for f in back.findings] == [f.id for f in report.findings] and all(f.id for f in back.findings)
    assert report_from_dict(json.loads(to_jsonl_line(back))) == back


def test_schema_version_is_honoured_when_reading_back(report_dict: dict[str, Any]) -> None:
    from presslens.report import ReportVersionError, upgrade_report_dict

    newer = dict(report_dict, schema_version="3.0")
    with pytest.raises(ReportVersionError, match="'3.0'.*newer presslens"):
        report_from_dict(newer)
    with pytest.raises(ReportVersionError, match="no schema_version"):
        report_from_dict({k: v for k, v in report_dict.items() if k != "schema_version"})
    # a 1.0 report (no ids, no provenance) is upgraded: same findings, ids computed by the same rule
    old = copy.deepcopy(report_dict)
    old["schema_version"] = "1.0"
    del old["provenance"], old["article"]["content_id"]
    for f in old["findings"]:
        del f["id"]
    up = upgrade_report_dict(old)
    validate_report(up)
    back = report_from_dict(old)
    assert [f.id for f in back.findings] == [f["id"] for f in report_dict["findings"]]
    assert back.article.content_id == report_dict["article"]["content_id"]
    assert "upgraded" in back.provenance["presslens"]
    # a report that does not fit the typed model is refused with the field named
    bad = copy.deepcopy(report_dict)
    next(f for f in bad["findings"] if f["kind"] == "attribution")["attributes"]["method"] = "guess"
    with pytest.raises(ReportValidationError, match="method"):
        report_from_dict(bad)


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
    batch = batch_item_schema()
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


def test_finding_ids_are_stable_and_unique_when_six_fields_coincide() -> None:
    from presslens.article import Finding, finding_ids
    from presslens.identity import finding_id

    report = sample_report()
    a = report.article
    att = next(f for f in report.findings if f.kind == "attribution")
    twin = Finding.at(a, att.start, att.end, kind="attribution", label=att.label, score=0.5, analyzer=att.analyzer,
                      attributes=dict(att.attributes))
    report.findings.append(twin)
    d = report.to_dict()
    ids = [f["id"] for f in d["findings"]]
    assert len(set(ids)) == len(ids)
    same = [f["id"] for f in d["findings"] if (f["start"], f["end"], f["kind"]) == (att.start, att.end, att.kind)]
    base = finding_id(a.content_id, att.analyzer, att.kind, att.label, att.start, att.end)
    second = finding_id(a.content_id, att.analyzer, att.kind, att.label + "#2", att.start, att.end)
    assert same == [base, second]
    assert finding_ids(a.content_id, d["findings"]) == ids  # dicts and objects give the same ids
    assert [f["id"] for f in sample_report().to_dict()["findings"]] == [i for i in ids if i != second]


def test_provenance_accepts_fields_a_model_spec_adds(report_dict: dict[str, Any]) -> None:
    d = copy.deepcopy(report_dict)
    d["provenance"]["analyzers"]["claims"] = {
        "version": "1.1",
        "models": {"claims": {"version": "2", "files": {"claims.npz": "ab" * 32}, "encoder_fingerprint": "cd" * 8,
                              "trained_on": "CT24 train"}},
    }
    validate_report(d)
    assert report_from_dict(d).provenance == d["provenance"]
    d["provenance"]["analyzers"]["claims"]["models"]["claims"]["files"] = ["claims.npz"]
    with pytest.raises(ReportValidationError, match="files"):
        validate_report(d)
