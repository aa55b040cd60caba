"""The typed, versioned report model: the one description of a report's JSON shape.

Every JSON report presslens writes has the shape of :class:`ReportDoc`; a finding's ``attributes`` have the
shape of the model its ``kind`` names in :data:`KIND_ATTRIBUTES`, and article-level labels the shape of
:data:`LABEL_MODELS`. Sub-spans inside attributes are all one type, :class:`SpanRef` (``start``, ``end``,
``text``, with ``text == article.text[start:end]``). :func:`presslens.report.schema.report_schema` generates
the JSON Schema from these classes; :func:`presslens.report.jsonout.report_from_dict` decodes through them.

msgspec, not pydantic: on the PTC dev reports, validating a report dict into the typed model and encoding it
to JSON costs several times less with msgspec (``bench/serialise_cost.py``; numbers in docs/PERFORMANCE.md).

Fields that an analyzer always writes are required; fields it writes only sometimes default to ``UNSET``
(absent from the JSON, not ``null``). Unknown fields are refused, so an attribute an analyzer adds must be
added here first (``tests/test_schema.py`` runs the analyzers and validates what they write).
"""

from __future__ import annotations

import datetime as _dt
from typing import Annotated, Any, Literal

import msgspec
from msgspec import UNSET, Meta, UnsetType

Offset = Annotated[int, Meta(ge=0)]
Probability = Annotated[float, Meta(ge=0, le=1)]
Number = int | float
"""Numbers keep their JSON type: ``200000`` stays an int, ``2.5`` a float."""


class _Model(msgspec.Struct, kw_only=True, forbid_unknown_fields=True, omit_defaults=True):
    """Base of every report model: keyword-only, unknown fields refused, ``UNSET`` fields left out."""


# ---------------------------------------------------------------- the one span reference


class SpanRef(_Model):
    """A sub-span of ``article.text``; ``text == article.text[start:end]`` (checked in code)."""

    start: Offset
    end: Offset
    text: str


class SourceSpan(SpanRef):
    """The source of an attribution and its type."""

    type: Literal["person", "organisation", "outlet", "anonymous", "vague", "document"] | None


class ClaimFigure(SpanRef):
    """A figure inside a claim sentence: the quantity finding's span, value and label."""

    value: Any = None
    label: str | UnsetType = UNSET


# ---------------------------------------------------------------- per-kind attributes


class QuantityAttributes(_Model):
    """``kind == "quantity"`` (analyzer ``figures``): a number with its unit, bounds and parsed value."""

    value: Number | None
    unit: str | None
    bound: Literal["lower", "upper", "approx"] | None
    vague: bool
    malformed: bool
    number: SpanRef
    low: Number | None | UnsetType = UNSET
    high: Number | None | UnsetType = UNSET
    currency: Annotated[str | None, Meta(description="ISO 4217 code for money")] | UnsetType = UNSET
    likely_values: list[Number] | UnsetType = UNSET
    unit_span: SpanRef | None | UnsetType = UNSET
    bound_span: SpanRef | None | UnsetType = UNSET
    date: Annotated[str | None, Meta(description="ISO 8601 (partial) date for label date")] | UnsetType = (
        UNSET
    )
    person: SpanRef | None | UnsetType = UNSET
    fraction: Annotated[str, Meta(description="n/d for fractions and ratios ('two thirds')")] | UnsetType = (
        UNSET
    )
    furniture: Annotated[
        bool, Meta(description="a figure of the page, not of the story: a share counter ('557 SHARES'); reports "
                               "list it with the low-confidence candidates")
    ] | UnsetType = UNSET


class AttributionAttributes(_Model):
    """``kind == "attribution"``: who said it (source), the reporting cue, and what was said (content)."""

    source: SourceSpan | None
    cue: SpanRef
    content: SpanRef | None
    method: Literal["rules", "tagger"]


class ClaimAttribution(_Model):
    """The attribution linked to a claim sentence."""

    source: SpanRef | None
    source_type: str | None
    cue: SpanRef
    content: SpanRef | None


class ClaimAttributes(_Model):
    """``kind == "claim"``: a check-worthy sentence, its figures, attribution and hedging cues."""

    sentence_index: Offset
    figures: list[ClaimFigure]
    attribution: ClaimAttribution | None
    hedged: Annotated[bool, Meta(description="a hedging cue in the claim's own text")]
    hedge_cues: Annotated[
        list[SpanRef | str], Meta(description="cue spans in the claim (plain strings: reports before claims 1.2)")
    ]
    hedge_score: Annotated[
        Probability, Meta(description="P(hedged): the claim's score x its best cue class score (claims 1.4)")
    ] | UnsetType = UNSET
    furniture: Annotated[
        str, Meta(description="why the sentence is page furniture or a question (score lowered below 0.5)")
    ] | UnsetType = UNSET
    prediction: Annotated[bool, Meta(description="reports before claims 1.2; now a prediction finding")] | (
        UnsetType
    ) = UNSET
    horizon: Annotated[str | None, Meta(description="reports before claims 1.2")] | UnsetType = UNSET


class PredictionAttributes(_Model):
    """``kind == "prediction"``: a sentence that states something about the future (analyzer ``claims``)."""

    sentence_index: Offset
    cues: list[SpanRef]
    horizon: Annotated[SpanRef | None, Meta(description="the time horizon ('next year', 'by 2020')")]


class TechniqueAlternative(_Model):
    label: str
    probability: float


class TechniqueAttributes(_Model):
    """``kind == "technique"``: a persuasion-technique fragment (PTC labels)."""

    span_probability: Annotated[float, Meta(description="calibrated P(the fragment is a technique)")]
    technique_probability: Annotated[float, Meta(description="P(this technique | the fragment is one)")]
    rank: Annotated[int, Meta(ge=1, description="1 = the fragment's most likely technique")]
    source: Literal["tagger", "lexicon"] | UnsetType = UNSET
    alternatives: list[TechniqueAlternative] | UnsetType = UNSET


class SentenceAttributes(_Model):
    """``kind == "sentence"``: one per sentence; the score is P(the sentence contains a technique)."""

    index: Annotated[int, Meta(ge=0, description="sentence index in article.sentences")] | UnsetType = UNSET
    flagged: Annotated[bool, Meta(description="score >= 0.5")] | UnsetType = UNSET


class ClassProbabilities(_Model):
    """The violence classifier's class probabilities for a sentence."""

    call: float | UnsetType = UNSET
    endorsement: float | UnsetType = UNSET
    report: float | UnsetType = UNSET
    nonviolent_call: float | UnsetType = UNSET
    other: float | UnsetType = UNSET


class ViolenceAttributes(_Model):
    """``kind == "violence"``: a sentence that calls for or endorses violence."""

    target: SpanRef | None
    cues: list[str]
    probabilities: ClassProbabilities | UnsetType = UNSET


class CallToActionAttributes(_Model):
    """``kind == "call_to_action"``: a call to non-violent action."""

    cues: list[str]
    probabilities: ClassProbabilities | UnsetType = UNSET


KIND_ATTRIBUTES: dict[str, type[_Model]] = {
    "quantity": QuantityAttributes,
    "attribution": AttributionAttributes,
    "claim": ClaimAttributes,
    "prediction": PredictionAttributes,
    "technique": TechniqueAttributes,
    "sentence": SentenceAttributes,
    "violence": ViolenceAttributes,
    "call_to_action": CallToActionAttributes,
}
"""The attributes model of each finding kind. A kind not listed here has free-form attributes."""


# ---------------------------------------------------------------- article-level labels


class PropagandaLabel(_Model):
    """``labels["propaganda"]``: the share of sentences whose technique probability is >= 0.5."""

    label: Annotated[bool, Meta(description="share >= threshold")]
    score: Annotated[float, Meta(description="share of flagged sentences")]
    sentences: Annotated[int, Meta(ge=0, description="number of flagged sentences")]
    share: float
    total_sentences: int | UnsetType = UNSET
    threshold: float | UnsetType = UNSET


class ViolenceLabel(_Model):
    """``labels["violence"]``: true when a sentence calls for or endorses violence."""

    label: bool
    score: Annotated[float, Meta(description="max sentence P(call) + P(endorsement)")]


LABEL_MODELS: dict[str, type[_Model]] = {"propaganda": PropagandaLabel, "violence": ViolenceLabel}


# ---------------------------------------------------------------- the report


class ArticleDoc(_Model):
    id: str
    content_id: Annotated[str, Meta(description="hash of the normalised text (docs/ARCHITECTURE.md)")]
    title: str | None
    date: _dt.date | None
    url: str | None
    source: str | None
    author: str | None
    language: str | None
    language_score: Annotated[float, Meta(ge=0, le=1)] | None
    origin: str | None
    text: str
    paragraphs: list[tuple[Offset, Offset]]
    sentences: list[tuple[Offset, Offset]]
    unsupported_ranges: Annotated[
        list[tuple[Offset, Offset]],
        Meta(description="paragraphs in a language no analyzer supports: no sentences, no findings"),
    ] = []


class FindingDoc(_Model):
    """One finding; ``attributes`` has the shape :data:`KIND_ATTRIBUTES` gives for its ``kind``."""

    id: Annotated[str, Meta(description="hash of content_id, analyzer, kind, label, start, end")]
    kind: Annotated[str, Meta(min_length=1)]
    label: str
    start: Offset
    end: Offset
    text: str
    score: Probability
    analyzer: str
    attributes: dict[str, Any]


class AnalyzerRunDoc(_Model):
    name: Annotated[str, Meta(min_length=1)]
    version: str
    status: Literal["ok", "degraded", "unsupported_language", "error"]
    message: str | None = None


class ReportErrorDoc(msgspec.Struct, kw_only=True, omit_defaults=True):
    """A problem met while analysing this article (e.g. an input error merged into a one-article report)."""

    message: str
    analyzer: str | None | UnsetType = UNSET
    origin: str | None | UnsetType = UNSET
    line: int | None | UnsetType = UNSET


class _Open(msgspec.Struct, kw_only=True, omit_defaults=True):
    """Base of the provenance models: informational, so fields added by a model spec are allowed."""


class ModelProvenance(_Open):
    version: str | None = None
    files: dict[str, str] = {}
    """File name -> sha256 (hex) of each file of the model."""
    encoder_fingerprint: str | None = None


class AnalyzerProvenance(_Open):
    version: str
    models: dict[str, ModelProvenance] = {}


class Provenance(_Open):
    """What produced the report."""

    presslens: str
    encoder_fingerprint: str | None
    analyzers: dict[str, AnalyzerProvenance]
    options: dict[str, str] = {}
    """The analyzer options set to a value other than their default (``"attribution.scorer": "learned"``);
    absent when every option has its default."""


class ReportDoc(_Model):
    """One report (``Report.to_dict()``)."""

    schema_version: str
    article: ArticleDoc
    analyzers: list[AnalyzerRunDoc]
    labels: dict[str, dict[str, Any]]
    findings: list[FindingDoc]
    errors: list[ReportErrorDoc]
    provenance: Provenance


class BatchErrorBody(_Model):
    origin: str
    line: Annotated[int, Meta(ge=1)] | None
    message: str


class BatchErrorDoc(_Model):
    """One JSONL batch line for an input that could not be read, analysed or written."""

    schema_version: str
    error: BatchErrorBody


def decode_report(d: Any) -> ReportDoc:
    """``d`` as a :class:`ReportDoc`, with every known attribute and label model checked.

    Raises ``msgspec.ValidationError`` naming the first field that does not fit.
    """
    doc = msgspec.convert(d, ReportDoc)
    for i, f in enumerate(doc.findings):
        model = KIND_ATTRIBUTES.get(f.kind)
        if model is not None:
            try:
                msgspec.convert(f.attributes, model)
            except msgspec.ValidationError as exc:
                raise msgspec.ValidationError(f"{exc} - at `$.findings[{i}].attributes`") from None
    for name, value in doc.labels.items():
        label_model = LABEL_MODELS.get(name)
        if label_model is not None:
            try:
                msgspec.convert(value, label_model)
            except msgspec.ValidationError as exc:
                raise msgspec.ValidationError(f"{exc} - at `$.labels.{name}`") from None
    return doc
