"""Classify the missed gold attributions of the open real-news splits (issue 13, analyzer 2.3).

    python -m presslens.training.attribution_misses --data ../shared/data/ptc-semeval2020-task11 [--list]
        [--splits dev3,dev7,dev8,dev9,dev11,dev12]

A gold speech attribution is *missed* when no asserted attribution (score >= 0.5) matches it by the evaluation's
rule (:func:`~presslens.evaluation.realnews_matching.match_attribution`). Each miss gets one class:

- ``c`` (found, scored low): an attribution the analyzer finds matches it, but scores below 0.5;
- ``b`` (wrong span): an attribution shares the gold cue (a bare quote: covers half the gold content), but its source head or
  its content span fails the rule; the sub-class names the failing part (``b-source``, ``b-content-start``,
  ``b-content-end``, ``b-content-both``, ``b-both``);
- ``a`` (no candidate): nothing the analyzer finds is near it.

``--wrong`` classifies the wrong asserted attributions instead (score >= 0.5, matching no gold attribution), by
cause (:func:`wrong_cause`): ``w-source`` / ``w-content`` / ``w-both`` (a gold attribution shares its cue, the
named part fails the rule); ``w-headline`` (no gold attribution there, the cue is in title case: a headline),
``w-not-speech`` (no gold there, the cue's verb is not a speech, reporting or writing predicate of
:data:`~presslens.analyzers.attribution.lexicon.SPEECH_PREDICATES`), ``w-document`` (no gold there, the source is a
document, picture or recording: "the receipt says", "the page shows"), ``w-other`` (no gold there: a speech verb
the annotators did not mark, e.g. hypothetical, topical or the writer's own).

Only :data:`~presslens.evaluation.realnews_selection.OPEN_SPLITS` are read (``--splits`` narrows them, so that the
splits kept unread at the error level stay unread). The counts are printed per split as a
Markdown table; ``--list`` also prints one line per miss (split, article, class, gold spans as text).
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from presslens.evaluation.realnews_matching import (
    attribution_content_ok,
    attribution_source_ok,
    match_attribution,
    overlap,
    ref_span,
)

CLASSES = ("a", "b", "c")
Span = tuple[int, int]


def _near(finding_cue: Span | None, finding_content: Span | None, gold: dict[str, Any]) -> bool:
    """A candidate for the same report: it shares the gold cue; without a gold cue (a bare quote), it covers at
    least half of the gold content. A candidate of another cue around the same content (an outer report) is not
    near: the inner report then has no candidate."""
    gc = tuple(gold["content"])
    if gold.get("cue"):
        gold_cue = tuple(gold["cue"])
        return finding_cue is not None and overlap(finding_cue, gold_cue) > 0  # type: ignore[arg-type]
    return finding_content is not None and overlap(finding_content, gc) >= (gc[1] - gc[0]) / 2  # type: ignore[arg-type]


def wrong_edge(text: str, finding: Any, gold: dict[str, Any]) -> str:
    """Which part of a near candidate fails the matching rule."""
    source_bad = not attribution_source_ok(text, finding, tuple(gold["source"]))  # type: ignore[arg-type]
    content_bad = not attribution_content_ok(text, finding, tuple(gold["content"]))  # type: ignore[arg-type]
    if source_bad and content_bad:
        return "b-both"
    if source_bad:
        return "b-source"
    content = ref_span(finding.attributes.get("content"))
    if content is None:
        return "b-content-none"
    gs, ge = gold["content"]
    start_off = abs(content[0] - gs) > 3
    end_off = abs(content[1] - ge) > 3
    return "b-content-both" if start_off and end_off else ("b-content-start" if start_off else "b-content-end")


def classify(text: str, findings: list[Any], gold: dict[str, Any]) -> str | None:
    """``None`` when an asserted finding matches the gold item, else its miss class (see the module doc)."""
    return classify_with(text, findings, gold)[0]


def classify_with(text: str, findings: list[Any], gold: dict[str, Any]) -> tuple[str | None, Any]:
    """The miss class and the candidate it was judged on (``None`` for class ``a``)."""
    matched = [f for f in findings if match_attribution(text, f, gold)]
    if any(f.score >= 0.5 for f in matched):
        return None, None
    if matched:
        return "c", max(matched, key=lambda f: f.score)
    near = [
        f for f in findings
        if _near(ref_span(f.attributes.get("cue")), ref_span(f.attributes.get("content")), gold)
    ]
    if near:
        best = max(near, key=lambda f: f.score)
        return wrong_edge(text, best, gold), best
    return "a", None


WRONG_CLASSES = ("w-source", "w-content", "w-both", "w-headline", "w-not-speech", "w-document", "w-other")
#: source heads that are documents, pictures or recordings, not people
_DOCUMENT_HEADS = frozenset(
    "receipt page video videos footage photo photos picture pictures image images audio tape tapes recording "
    "document documents record records data chart map screenshot post letter report reports study survey "
    "poll analysis headline date".split()
)


def wrong_cause(text: str, finding: Any, golds: list[dict[str, Any]]) -> str:
    """Why an asserted attribution matches no gold attribution (one of :data:`WRONG_CLASSES`)."""
    from presslens.analyzers.attribution.lexicon import SPEECH_PREDICATES
    from presslens.analyzers.attribution.sanity import WORD

    cue = ref_span(finding.attributes.get("cue"))
    content = ref_span(finding.attributes.get("content"))
    for g in golds:
        if not _near(cue, content, g):
            continue
        source_bad = not attribution_source_ok(text, finding, tuple(g["source"]))  # type: ignore[arg-type]
        content_bad = not attribution_content_ok(text, finding, tuple(g["content"]))  # type: ignore[arg-type]
        if source_bad and content_bad:
            return "w-both"
        return "w-source" if source_bad else "w-content"
    cue_words = WORD.findall(text, cue[0], cue[1]) if cue else []
    if cue_words and all(w[:1].isupper() for w in cue_words) and cue_words[0].lower() != "according":
        return "w-headline"
    if cue_words and not any(w.lower() in SPEECH_PREDICATES for w in cue_words):
        return "w-not-speech"
    source = ref_span(finding.attributes.get("source"))
    source_words = [w.lower() for w in WORD.findall(text, source[0], source[1])] if source else []
    if source_words and source_words[-1] in _DOCUMENT_HEADS:
        return "w-document"
    return "w-other"


def _open_split_attributions(data: Path, splits: tuple[str, ...] | None = None,
                             ) -> Iterator[tuple[str, dict[str, Any], Any, Any, list[Any]]]:
    """Every article of the open splits (or of ``splits``, open ones only) with the attribution analyzer's
    candidates: ``(split, gold record, article, analyzer, candidates)``, split by split in ``OPEN_SPLITS`` order."""
    from presslens.analyzers.attribution.analyzer import AttributionAnalyzer, extract
    from presslens.analyzers.base import Features
    from presslens.evaluation.realnews import DEFAULT_ANNOTATIONS, annotated_articles
    from presslens.evaluation.realnews_selection import OPEN_SPLITS
    from presslens.pipeline import Pipeline

    pipeline = Pipeline()
    pipeline.load()
    analyzer = AttributionAnalyzer()
    for split in OPEN_SPLITS:
        if splits is not None and split not in splits:
            continue
        for record, article in annotated_articles(DEFAULT_ANNOTATIONS / f"{split}.jsonl", data):
            yield split, record, article, analyzer, list(extract(Features(article, pipeline.encoder)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--data", type=Path, required=True, help="the ptc-semeval2020-task11 folder")
    parser.add_argument("--list", action="store_true", help="one line per miss")
    parser.add_argument("--wrong", action="store_true",
                        help="classify the wrong asserted attributions by cause instead of the misses")
    parser.add_argument("--splits", default=None,
                        help="comma-separated open splits to read (default: every open split); keeps the splits "
                             "that judge new rules held out unread")
    args = parser.parse_args(argv)
    splits = _chosen_splits(args.splits)
    if args.wrong:
        return _main_wrong(args.data, args.list, splits)
    counts: dict[str, Counter[str]] = {split: Counter() for split in splits}
    gold_n: Counter[str] = Counter()
    for split, record, article, analyzer, candidates in _open_split_attributions(args.data, splits):
        text = article.text
        findings = [analyzer._finding(article, a) for a in candidates]
        for g in record["attributions"]:
            if g.get("kind", "speech") != "speech":
                continue
            gold_n[split] += 1
            cls, cand = classify_with(text, findings, g)
            if cls is None:
                continue
            counts[split][cls] += 1
            if args.list:
                parts = [text[g[k][0]:g[k][1]][:90] if g.get(k) else "-" for k in ("source", "cue", "content")]
                shown = "-"
                if cand is not None:
                    spans = [ref_span(cand.attributes.get(k)) for k in ("source", "cue", "content")]
                    shown = f"{cand.score:.2f} " + " | ".join(
                        text[sp[0]:sp[1]][:60] if sp else "-" for sp in spans)
                print(f"{split}\t{record.get('id', '?')}\t{cls}\t" + " | ".join(
                    p.replace("\n", " ") for p in parts) + "\t=> " + shown.replace("\n", " "))
    subclasses = sorted({k for c in counts.values() for k in c})
    print("| split | gold | missed | a (no candidate) | b (wrong span) | c (below 0.5) | " + " | ".join(
        s for s in subclasses if s.startswith("b-")) + " |")
    print("|---" * (6 + sum(1 for s in subclasses if s.startswith("b-"))) + "|")
    for split, c in counts.items():
        b = sum(v for k, v in c.items() if k.startswith("b"))
        print(f"| {split} | {gold_n[split]} | {sum(c.values())} | {c['a']} | {b} | {c['c']} | " + " | ".join(
            str(c[s]) for s in subclasses if s.startswith("b-")) + " |")
    return 0


def _chosen_splits(option: str | None) -> tuple[str, ...]:
    """The open splits named by ``--splits`` (in ``OPEN_SPLITS`` order), or every open split; a name that is not
    an open split is an error (sealed and validation splits are never read here)."""
    from presslens.evaluation.realnews_selection import OPEN_SPLITS

    if option is None:
        return tuple(OPEN_SPLITS)
    names = [n.strip() for n in option.split(",") if n.strip()]
    unknown = [n for n in names if n not in OPEN_SPLITS]
    if unknown:
        raise SystemExit(f"attribution_misses: not open splits: {', '.join(unknown)}")
    return tuple(s for s in OPEN_SPLITS if s in names)


def _main_wrong(data: Path, listing: bool, splits: tuple[str, ...]) -> int:
    counts: dict[str, Counter[str]] = {split: Counter() for split in splits}
    asserted: Counter[str] = Counter()
    for split, record, article, analyzer, candidates in _open_split_attributions(data, splits):
        text = article.text
        golds = record["attributions"]
        for a in candidates:
            if a.score < 0.5:
                continue
            asserted[split] += 1
            finding = analyzer._finding(article, a)
            if any(match_attribution(text, finding, g) for g in golds):
                continue
            cause = wrong_cause(text, finding, golds)
            counts[split][cause] += 1
            if listing:
                parts = [text[sp[0]:sp[1]][:70] if sp else "-" for sp in (a.source, a.cue, a.content)]
                print(f"{split}\t{record.get('id', '?')}\t{cause}\t{a.score:.2f} " + " | ".join(
                    p.replace("\n", " ") for p in parts))
    print("| split | asserted | wrong | " + " | ".join(WRONG_CLASSES) + " |")
    print("|---" * (3 + len(WRONG_CLASSES)) + "|")
    for split, c in counts.items():
        print(f"| {split} | {asserted[split]} | {sum(c.values())} | " + " | ".join(str(c[k]) for k in WRONG_CLASSES)
              + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
