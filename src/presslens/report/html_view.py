"""Per-report context of the HTML report (findings in display order, asserted vs. candidate) and the escaping,
palette and slug helpers every part of the page uses."""

from __future__ import annotations

import html
import json
import re
import zlib
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from presslens.article import Finding, Report
from presslens.report.common import (
    findings_sorted,
    is_candidate,
    sentence_scores,
    technique_glossary,
)

TECHNIQUE_COLOURS = (
    "#ffd6e7", "#d9f2d0", "#d6e4ff", "#ffe0c2", "#e9d8fd", "#c8f0ee", "#f5e1c8",
    "#f0f5c2", "#fbd3f5", "#cfe8ff", "#ece0d1", "#dcd6ff", "#e2e8f0", "#ffe8a3",
)
OTHER_KIND_COLOURS = ("#0891b2", "#7c3aed", "#be185d", "#4d7c0f", "#b45309", "#334155")
SENTENCE_BUCKETS = 10
MAX_LIST_TEXT = 260


def esc(value: Any) -> str:
    """HTML-escape any value (quotes included)."""
    return html.escape(str(value), quote=True)


def json_for_script(data: Any) -> str:
    """JSON safe to embed inside ``<script type="application/json">``."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return (
        text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
        .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    )


def kind_slug(kind: str) -> str:
    """A CSS-class-safe form of a finding kind."""
    slug = re.sub(r"[^a-z0-9_-]+", "-", kind.lower()).strip("-")
    return slug or "other"


def clip_text(text: str, limit: int = MAX_LIST_TEXT) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# --------------------------------------------------------------------------------------------
# Per-report context
# --------------------------------------------------------------------------------------------


@dataclass
class ReportView:
    report: Report
    number: int
    findings: list[Finding] = field(default_factory=list)
    index: dict[int, int] = field(default_factory=dict)
    sentences: dict[int, float] = field(default_factory=dict)

    @classmethod
    def of(cls, report: Report, number: int) -> ReportView:
        found = findings_sorted(report.findings)
        return cls(report, number, found, {id(f): i for i, f in enumerate(found)}, sentence_scores(report))

    def idx(self, f: Finding) -> int:
        return self.index[id(f)]

    def asserted(self, kind: str | None = None) -> list[Finding]:
        """Findings shown by default (score >= 0.5 and no page-furniture figure; all sentence scores), optionally of
        one kind."""
        return [f for f in self.findings if not is_candidate(f) and (kind is None or f.kind == kind)]

    def candidates(self) -> list[Finding]:
        """Low-confidence findings (score < 0.5) and page-furniture figures, hidden until the reader asks for them."""
        return [f for f in self.findings if is_candidate(f)]

    def visible(self) -> list[tuple[int, Finding]]:
        """Findings drawn in the text (sentence-level scores are drawn as a wash instead)."""
        return [(i, f) for i, f in enumerate(self.findings) if f.kind != "sentence" and f.end > f.start]


@lru_cache(maxsize=256)
def technique_colour_index(label: str) -> int:
    """Stable palette index of a technique label (glossary order, else a hash of the label)."""
    known = sorted(technique_glossary())
    if label in known:
        return known.index(label) % len(TECHNIQUE_COLOURS)
    return zlib.crc32(label.encode("utf-8")) % len(TECHNIQUE_COLOURS)
