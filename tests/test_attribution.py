"""Attribution analyzer on short articles we wrote: quotes, 'according to', vague sources, schema."""

from __future__ import annotations

import jsonschema
import pytest

import presslens
from presslens.analyzers.attribution import (
    AttributionAnalyzer,
    quote_spans,
    rule_attributions,
    source_type,
)
from presslens.evaluation.attribution import match_count, score_spans, trim
from presslens.segment import paragraphs, sentences

ARTICLE = (
    "Shelling hits river port\n\n"
    '"We will not leave the city," the mayor said on Tuesday.\n\n'
    "The regional governor said: \u201cThe water supply has been cut for three days.\u201d\n\n"
    "According to the health ministry, 14 civilians were killed in the strike.\n\n"
    "Some reports suggest that the brigade has withdrawn from the eastern bank.\n\n"
    "Two bridges were destroyed overnight, a military spokesman told Reuters on Monday.\n\n"
    "Fighting continued near the old bridge, according to press reports."
)


def _report(text: str) -> dict:  # type: ignore[type-arg]
    return presslens.analyze(text, only=["attribution"]).to_dict()


@pytest.fixture(scope="module")
def findings() -> list[dict]:  # type: ignore[type-arg]
    rep = _report(ARTICLE)
    return [f for f in rep["findings"] if f["kind"] == "attribution"]


def _with_content(findings: list[dict], needle: str) -> dict:  # type: ignore[type-arg]
    for f in findings:
        content = f["attributes"]["content"]
        if content and needle in content["text"]:
            return f
    raise AssertionError(f"no attribution with content containing {needle!r}: {findings}")


def test_quote_before_cue_links_source_and_content(findings: list[dict]) -> None:  # type: ignore[type-arg]
    f = _with_content(findings, "We will not leave the city")
    assert f["attributes"]["source"]["text"] == "the mayor"
    assert f["attributes"]["source"]["type"] == "person"
    assert f["attributes"]["cue"]["text"] == "said"


def test_cue_before_curly_quote(findings: list[dict]) -> None:  # type: ignore[type-arg]
    f = _with_content(findings, "water supply has been cut")
    assert "governor" in f["attributes"]["source"]["text"]
    assert f["attributes"]["content"]["text"].startswith("\u201c")


def test_according_to_links_source(findings: list[dict]) -> None:  # type: ignore[type-arg]
    f = _with_content(findings, "14 civilians were killed")
    assert f["attributes"]["source"]["text"] == "the health ministry"
    assert f["attributes"]["source"]["type"] == "organisation"
    assert f["attributes"]["cue"]["text"].lower() == "according to"


def test_vague_sources_are_typed_vague(findings: list[dict]) -> None:  # type: ignore[type-arg]
    f = _with_content(findings, "brigade has withdrawn")
    assert f["attributes"]["source"]["text"] == "Some reports"
    assert f["attributes"]["source"]["type"] == "vague"
    g = _with_content(findings, "Fighting continued")
    assert g["attributes"]["source"]["text"] == "press reports"
    assert g["attributes"]["source"]["type"] == "vague"


def test_trailing_told_clause(findings: list[dict]) -> None:  # type: ignore[type-arg]
    f = _with_content(findings, "Two bridges were destroyed")
    assert f["attributes"]["source"]["text"] == "a military spokesman"
    assert f["attributes"]["cue"]["text"] == "told"


def test_spans_are_consistent_and_schema_valid(findings: list[dict]) -> None:  # type: ignore[type-arg]
    schema = AttributionAnalyzer.attribute_schemas["attribution"]
    for f in findings:
        jsonschema.validate(f["attributes"], schema)
        parts = [
            p for p in (f["attributes"]["source"], f["attributes"]["cue"], f["attributes"]["content"]) if p
        ]
        assert f["start"] == min(p["start"] for p in parts)
        assert f["end"] == max(p["end"] for p in parts)
        for p in parts:
            assert ARTICLE[p["start"] : p["end"]] == p["text"]


def test_every_quote_is_attributed() -> None:
    text = (
        "\u201cThe shelling started at dawn,\u201d said Anna Petrenko, a nurse at the clinic. "
        'Her colleague added: "We ran out of bandages by noon." '
        '"Nobody came to help us," one resident said.'
    )
    found = rule_attributions(text, sentences(text, paragraphs(text)))
    quotes = [q for q in quote_spans(text) if q[1] - q[0] >= 12]
    assert len(quotes) == 3
    for q in quotes:
        linked = [a for a in found if a.content == q]
        assert linked, f"quote {text[q[0] : q[1]]!r} not attributed"
        assert linked[0].source is not None


def test_scare_quotes_are_not_content() -> None:
    text = 'The so-called "referendum" was held under occupation.'
    assert rule_attributions(text, sentences(text, paragraphs(text))) == []


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("officials", "vague"),
        ("a senior military source", "anonymous"),
        ("The Washington Post", "outlet"),
        ("the Defence Ministry", "organisation"),
        ("she", "person"),
        ("President Maria Lopez", "person"),
    ],
)
def test_source_types(source: str, expected: str) -> None:
    text = f"{source} said the talks had failed."
    assert source_type(text, (0, len(source)), text) == expected


def test_overlap_matching_is_one_to_one() -> None:
    text = "x" * 50
    assert match_count(text, [(0, 10)], [(0, 5), (5, 10)], "overlap") == 1
    assert match_count(text, [(0, 10), (12, 20)], [(5, 15)], "overlap") == 1
    res = score_spans([text], [[(0, 10), (20, 30)]], [[(2, 8)]], "overlap")
    assert res["p"] == 1.0 and res["r"] == 0.5


def test_exact_matching_ignores_surrounding_punctuation() -> None:
    text = 'He said: "We won."'
    assert trim(text, (9, 18)) == (10, 16)
    assert match_count(text, [(9, 18)], [(10, 16)], "exact") == 1
