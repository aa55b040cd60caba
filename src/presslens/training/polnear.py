"""Reader for PolNeAR (Political News Attribution Relations, brat standoff).

Layout: ``<root>/<split>/text/<name>.txt`` and ``<root>/<split>/attributions/<name>_<annotator>.ann``.
Some articles have several annotators; :func:`load_split` keeps exactly one per article, the one
whose annotator id sorts first, so the choice is deterministic. Discontinuous spans
(``start end;start end``) are read as one span from the first start to the last end.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROLES = ("Source", "Cue", "Content")
Span = tuple[int, int]


@dataclass
class GoldAttribution:
    cue: Span | None
    source: Span | None
    content: Span | None


@dataclass
class PolnearArticle:
    name: str
    annotator: str
    text: str
    spans: dict[str, list[Span]] = field(default_factory=dict)
    """Role -> list of (start, end) spans (every Source/Cue/Content annotation)."""
    attributions: list[GoldAttribution] = field(default_factory=list)


def find_root(path: str | Path) -> Path:
    """Accept the PolNeAR folder itself or a parent holding ``polnear/``."""
    p = Path(path)
    if (p / "train" / "text").is_dir():
        return p
    if (p / "polnear" / "train" / "text").is_dir():
        return p / "polnear"
    raise FileNotFoundError(f"no PolNeAR data (train/text) under {p}")


def _parse_span(field_text: str) -> Span:
    parts = [tuple(int(x) for x in piece.split()) for piece in field_text.split(";")]
    return (min(p[0] for p in parts), max(p[1] for p in parts))


def parse_ann(text: str, ann: str) -> tuple[dict[str, list[Span]], list[GoldAttribution]]:
    spans: dict[str, list[Span]] = {r: [] for r in ROLES}
    by_id: dict[str, tuple[str, Span]] = {}
    events: list[dict[str, str]] = []
    for line in ann.splitlines():
        if line.startswith("T"):
            cols = line.split("\t")
            if len(cols) < 2 or " " not in cols[1]:
                continue
            role, rest = cols[1].split(" ", 1)
            span = _parse_span(rest)
            if not 0 <= span[0] < span[1] <= len(text):
                continue
            by_id[cols[0]] = (role, span)
            if role in spans:
                spans[role].append(span)
        elif line.startswith("E"):
            cols = line.split("\t")
            if len(cols) >= 2:
                args = dict(a.split(":", 1) for a in cols[1].split() if ":" in a)
                events.append(args)
    attrs: list[GoldAttribution] = []
    for ev in events:
        parts: dict[str, Span | None] = {}
        for role in ROLES:
            ref = ev.get(role)
            parts[role] = by_id[ref][1] if ref in by_id else None
        attrs.append(GoldAttribution(parts["Cue"], parts["Source"], parts["Content"]))
    return spans, attrs


def load_split(root: str | Path, split: str) -> list[PolnearArticle]:
    base = find_root(root) / split
    anns: dict[str, list[Path]] = defaultdict(list)
    for ann_path in sorted((base / "attributions").glob("*.ann")):
        name, _, annotator = ann_path.stem.rpartition("_")
        anns[name].append(ann_path)
    out: list[PolnearArticle] = []
    for name in sorted(anns):
        text_path = base / "text" / f"{name}.txt"
        if not text_path.exists():
            continue
        chosen = sorted(anns[name], key=lambda p: p.stem.rpartition("_")[2])[0]
        text = text_path.read_text(encoding="utf-8")
        spans, attrs = parse_ann(text, chosen.read_text(encoding="utf-8"))
        out.append(PolnearArticle(name, chosen.stem.rpartition("_")[2], text, spans, attrs))
    return out


def sentence_ranges(article: PolnearArticle) -> list[Span]:
    """Sentences of the article text as presslens segments them at run time."""
    from presslens.segment import paragraphs, sentences

    return sentences(article.text, paragraphs(article.text))


def split_sentences(articles: list[PolnearArticle]) -> tuple[list[str], list[list[Span]]]:
    """All sentence texts of ``articles`` in order (the encoder input) and each article's ranges."""
    texts: list[str] = []
    ranges: list[list[Span]] = []
    for art in articles:
        rs = sentence_ranges(art)
        ranges.append(rs)
        texts.extend(art.text[s:e] for s, e in rs)
    return texts, ranges
