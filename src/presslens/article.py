"""The one article model and the one finding model every analyzer and report shares.

``Article.text`` is the normalised text that every offset indexes. A :class:`Finding` is anchored by
``start``/``end`` into that text and always satisfies ``article.text[start:end] == finding.text``.

Identities (docs/ARCHITECTURE.md, "Identities"): ``Article.id`` is the id the user gave (or the file stem);
``Article.content_id`` is a hash of the normalised text (:func:`presslens.identity.content_id`), filled in
when the article is made; ``Finding.id`` is a hash of the content id, analyzer, kind, label and offsets
(:func:`presslens.identity.finding_id`), filled in by the pipeline or, at the latest, when the report is
written.

The JSON shape of these objects (``to_dict``) is described by the typed model in
:mod:`presslens.report.model`, from which the JSON Schema is generated.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Any

from presslens.identity import content_id as _content_id
from presslens.identity import finding_id as _finding_id
from presslens.version import __version__

SCHEMA_VERSION = "2.0"
"""Version of the report's JSON shape. 2.0 added ``article.content_id``, ``finding.id`` and ``provenance``
(and the analyzer status ``degraded``); :func:`presslens.report.report_from_dict` upgrades 1.0 reports."""

Range = tuple[int, int]


@dataclass
class Article:
    """A normalised article: ``text`` is exactly what every offset indexes."""

    text: str
    id: str = ""
    title: str | None = None
    date: _dt.date | None = None
    source: str | None = None
    url: str | None = None
    author: str | None = None
    language: str | None = None
    language_score: float | None = None
    paragraphs: list[Range] = field(default_factory=list)
    sentences: list[Range] = field(default_factory=list)
    origin: str | None = None
    """Where the article came from (file path, ``path:line`` of a corpus, URL); not part of the text."""
    unsupported_ranges: list[Range] = field(default_factory=list)
    """Paragraphs in a language no analyzer supports (in a mixed-language article): no sentences, no findings."""
    content_id: str = ""
    """Hash of the normalised text (:func:`presslens.identity.content_id`); computed when left empty."""

    def __post_init__(self) -> None:
        if not self.content_id:
            self.content_id = _content_id(self.text)

    def sentence_texts(self) -> list[str]:
        return [self.text[s:e] for s, e in self.sentences]

    def sentence_index_at(self, offset: int) -> int | None:
        """Index of the sentence containing ``offset`` (binary search), or None."""
        lo, hi = 0, len(self.sentences) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            s, e = self.sentences[mid]
            if offset < s:
                hi = mid - 1
            elif offset >= e:
                lo = mid + 1
            else:
                return mid
        return None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "content_id": self.content_id,
            "title": self.title,
            "date": self.date.isoformat() if self.date else None,
            "url": self.url,
            "source": self.source,
            "author": self.author,
            "language": self.language,
            "language_score": self.language_score,
            "origin": self.origin,
            "text": self.text,
            "paragraphs": [[s, e] for s, e in self.paragraphs],
            "sentences": [[s, e] for s, e in self.sentences],
            "unsupported_ranges": [[s, e] for s, e in self.unsupported_ranges],
        }


class OffsetError(ValueError):
    """A finding whose text does not match the article text at its offsets."""


@dataclass
class Finding:
    """One result anchored to ``article.text[start:end]``."""

    kind: str
    label: str
    start: int
    end: int
    text: str
    score: float
    analyzer: str
    attributes: dict[str, Any] = field(default_factory=dict)
    id: str = ""
    """Stable id, unique within its report (:func:`finding_ids`); filled in by :meth:`Report.assign_ids`."""

    @classmethod
    def at(
        cls,
        article: Article,
        start: int,
        end: int,
        *,
        kind: str,
        label: str,
        score: float,
        analyzer: str,
        attributes: dict[str, Any] | None = None,
    ) -> Finding:
        """Build a finding whose ``text`` is read from the article, so the offset invariant holds."""
        if not 0 <= start <= end <= len(article.text):
            raise OffsetError(f"span {start}:{end} outside article of length {len(article.text)}")
        return cls(
            kind=kind,
            label=label,
            start=start,
            end=end,
            text=article.text[start:end],
            score=min(1.0, max(0.0, float(score))),
            analyzer=analyzer,
            attributes=dict(attributes or {}),
        )

    def check(self, article: Article) -> None:
        if article.text[self.start : self.end] != self.text:
            raise OffsetError(
                f"{self.analyzer}/{self.kind} finding {self.start}:{self.end} text {self.text!r} "
                f"!= article text {article.text[self.start:self.end]!r}"
            )
        if not 0.0 <= self.score <= 1.0:
            raise OffsetError(f"{self.analyzer}/{self.kind} score {self.score} outside [0, 1]")

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "label": self.label,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "score": round(self.score, 4),
            "analyzer": self.analyzer,
            "attributes": self.attributes,
        }


def span_ref(article: Article, start: int, end: int) -> dict[str, Any]:
    """A sub-span reference inside a finding's attributes: ``{"start", "end", "text"}``."""
    return {"start": start, "end": end, "text": article.text[start:end]}


ANALYZER_STATUSES = ("ok", "degraded", "unsupported_language", "error")
"""``ok``: ran with all its models; ``degraded``: ran without some model (the message says which);
``unsupported_language``: not run on this article's language; ``error``: could not load or failed."""


@dataclass
class AnalyzerRun:
    """What one analyzer did on one article (reported so results are traceable to a model version)."""

    name: str
    version: str
    status: str  # one of ANALYZER_STATUSES
    message: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "version": self.version, "status": self.status, "message": self.message}


@dataclass
class Report:
    """Everything presslens says about one article."""

    article: Article
    findings: list[Finding] = field(default_factory=list)
    labels: dict[str, dict[str, Any]] = field(default_factory=dict)
    analyzers: list[AnalyzerRun] = field(default_factory=list)
    errors: list[dict[str, Any]] = field(default_factory=list)
    provenance: dict[str, Any] = field(default_factory=lambda: empty_provenance())
    """What produced the report: presslens version, analyzer and model versions, model file sha256s, encoder
    fingerprint (see :func:`empty_provenance` for the shape; the pipeline fills it in)."""
    timings: dict[str, float] = field(default_factory=dict, compare=False, repr=False)
    """Seconds this run spent per analyzer (encoder time excluded) and in ``encoder``; not serialised."""

    def check(self) -> None:
        """Raise :class:`OffsetError` if any finding breaks the offset invariant."""
        for f in self.findings:
            f.check(self.article)

    def by_kind(self, kind: str) -> list[Finding]:
        return [f for f in self.findings if f.kind == kind]

    def assign_ids(self) -> None:
        """Put the findings in the order reports are written in and give every finding without an id its
        stable id (unique in the report; see :func:`finding_ids`)."""
        self.findings.sort(key=_finding_order)
        if any(not f.id for f in self.findings):
            for f, fid in zip(self.findings, finding_ids(self.article.content_id, self.findings), strict=True):
                f.id = f.id or fid  # an id already set (read back from a report) is kept

    def to_dict(self) -> dict[str, Any]:
        self.assign_ids()
        return {
            "schema_version": SCHEMA_VERSION,
            "article": self.article.to_dict(),
            "analyzers": [a.to_dict() for a in self.analyzers],
            "labels": self.labels,
            "findings": [f.to_dict() for f in self.findings],  # ordered by assign_ids above
            "errors": self.errors,
            "provenance": self.provenance,
        }


def finding_ids(article_content_id: str, findings: list[Finding] | list[dict[str, Any]]) -> list[str]:
    """The ids of an article's findings, given in written order (sorted by offsets, as ``to_dict`` writes).

    A finding's id is :func:`presslens.identity.finding_id` of its six identifying fields. Two findings can
    share all six (attributions with the same outer span and different cues: 14 pairs on PTC dev); the second
    and later of such a group, in written order, hash their label suffixed ``#2``, ``#3``, ... so ids stay
    unique within a report and stable from run to run.
    """
    seen: dict[str, int] = {}
    out: list[str] = []
    for f in findings:
        if isinstance(f, dict):
            analyzer, kind, label, start, end = f["analyzer"], f["kind"], f["label"], f["start"], f["end"]
        else:
            analyzer, kind, label, start, end = f.analyzer, f.kind, f.label, f.start, f.end
        fid = _finding_id(article_content_id, analyzer, kind, label, start, end)
        n = seen[fid] = seen.get(fid, 0) + 1
        if n > 1:
            fid = _finding_id(article_content_id, analyzer, kind, f"{label}#{n}", start, end)
        out.append(fid)
    return out


def empty_provenance() -> dict[str, Any]:
    """Provenance of a report no pipeline made: ``{"presslens", "encoder_fingerprint", "analyzers"}``.

    ``analyzers`` maps an analyzer name to ``{"version", "models"}``; ``models`` maps a model name to
    ``{"version", "files": {file name: sha256}, "encoder_fingerprint"}``.
    """
    return {"presslens": __version__, "encoder_fingerprint": None, "analyzers": {}}


def _finding_order(f: Finding) -> tuple[int, int, str, str]:
    return (f.start, -f.end, f.kind, f.label)
