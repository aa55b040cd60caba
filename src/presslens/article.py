"""The one article model and the one finding model every analyzer and report shares.

``Article.text`` is the normalised text that every offset indexes. A :class:`Finding` is anchored by
``start``/``end`` into that text and always satisfies ``article.text[start:end] == finding.text``.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Any

SCHEMA_VERSION = "1.0"

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


@dataclass
class AnalyzerRun:
    """What one analyzer did on one article (reported so results are traceable to a model version)."""

    name: str
    version: str
    status: str  # "ok" | "unsupported_language" | "error"
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

    def check(self) -> None:
        """Raise :class:`OffsetError` if any finding breaks the offset invariant."""
        for f in self.findings:
            f.check(self.article)

    def by_kind(self, kind: str) -> list[Finding]:
        return [f for f in self.findings if f.kind == kind]

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": SCHEMA_VERSION,
            "article": self.article.to_dict(),
            "analyzers": [a.to_dict() for a in self.analyzers],
            "labels": self.labels,
            "findings": [f.to_dict() for f in sorted(self.findings, key=_finding_order)],
            "errors": self.errors,
        }


def _finding_order(f: Finding) -> tuple[int, int, str, str]:
    return (f.start, -f.end, f.kind, f.label)
