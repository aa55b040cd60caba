"""Judge prediction rules split by split straight from the article texts, without the encoder (issue 13, stop 28).

    python -m presslens.training.prediction_rules_text --data ../shared/data/ptc-semeval2020-task11 \\
        --rules stop26+28 [--base stop26+30] [--read-off dev11] [--splits SPLITS] [--changes]

:mod:`presslens.training.prediction_rules_judge` re-buckets the candidates that ``presslens train predictions``
cached, so it sees only rules that drop forecasts. This tool reads every sentence of every open split's article the
way the claims analyzer does (``Article.sentences``, :func:`~presslens.text.prediction.prediction_forecast`,
:func:`~presslens.analyzers.claims.predictions.cues_quoted`, :func:`~presslens.analyzers.claims.predictions.prediction_basis`),
so rules that add forecasts are judged too. The one input of the analyzer's buckets it lacks is the claim decision
(it needs the encoder), and at the default scorer (the hand table, :data:`HAND_SCORES`) it does not matter at 0.5:
a sentence is asserted when its bucket's hand score is 0.5 or more, and every forecast bucket is asserted, or not,
whether the sentence is a claim finding or not (:func:`claim_decision_matters` checks this for each sentence and the
tool refuses to count a sentence where it would matter). Precision and recall at 0.5 follow the evaluation's
prediction rule (:func:`presslens.evaluation.realnews_matching.match_prediction`).

A rule read off a split is in-sample there (``--read-off``): the sums count the base rules' numbers on it for both
sides, as the ship rule of issue 13 does. The validation and test splits are never read here.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from presslens.analyzers.claims.predictions import HAND_SCORES, cues_quoted, prediction_basis
from presslens.article import Article
from presslens.evaluation.counts import PrecisionRecallCounts
from presslens.evaluation.realnews_matching import match_prediction
from presslens.evaluation.realnews_selection import OPEN_SPLITS
from presslens.text.prediction import (
    DEFAULT_PREDICTION_RULES,
    PREDICTION_RULES,
    prediction_forecast,
    prediction_rules,
)

ASSERTED = 0.5


@dataclass(frozen=True)
class Asserted:
    """A sentence asserted as a prediction under some rules, with the gold predictions of its article it matches."""

    split: str
    article: str
    start: int
    end: int
    basis: str
    gold: tuple[int, ...]


def claim_decision_matters(basis_claim: str | None, basis_other: str | None) -> bool:
    """Whether the sentence's assertion at 0.5 depends on the claim decision (its bucket as a claim finding and as
    none are asserted differently)."""
    def asserted(b: str | None) -> bool:
        return b is not None and HAND_SCORES[b] >= ASSERTED
    return asserted(basis_claim) != asserted(basis_other)


def asserted_sentences(text: str, sentences: Iterable[tuple[int, int]], rules: str) -> list[tuple[int, int, str]]:
    """``(start, end, bucket)`` of each sentence of an article asserted at 0.5 under ``rules``; a sentence whose
    assertion would depend on the claim decision raises ValueError."""
    out = []
    with prediction_rules(rules):
        for s, e in sentences:
            sentence = text[s:e]
            found = prediction_forecast(sentence)
            if found is None:
                continue
            quoted = cues_quoted(text, s, found[1])
            as_claim = prediction_basis(sentence, found, True, quoted)
            other = prediction_basis(sentence, found, False, quoted)
            if claim_decision_matters(as_claim, other):
                raise ValueError(f"the claim decision decides {sentence[:80]!r} ({as_claim} / {other})")
            if as_claim is not None and HAND_SCORES[as_claim] >= ASSERTED:
                out.append((s, e, as_claim))
    return out


def matched_sentences(text: str, sentences: Iterable[tuple[int, int]], golds: Sequence[tuple[int, int]],
                      rules: str) -> list[tuple[int, int, str, tuple[int, ...]]]:
    """``(start, end, bucket, matched)`` of each sentence of an article asserted at 0.5 under ``rules``
    (:func:`asserted_sentences`), ``matched`` the indices of the gold prediction spans ``golds`` it matches (the
    evaluation's rule, :func:`~presslens.evaluation.realnews_matching.match_prediction`); the one judge loop of this
    tool and of :mod:`presslens.training.prediction_causes`."""
    return [(s, e, basis, tuple(i for i, g in enumerate(golds) if match_prediction((s, e), g)))
            for s, e, basis in asserted_sentences(text, sentences, rules)]


def read_splits(data: Path, annotations: Path, splits: Iterable[str]) -> list[tuple[str, dict[str, Any], Article]]:
    """(split, record, article) of every annotated article of ``splits`` (open splits only)."""
    from presslens.evaluation.realnews import annotated_articles

    out: list[tuple[str, dict[str, Any], Article]] = []
    for split in splits:
        if split not in OPEN_SPLITS:
            raise ValueError(f"{split} is not an open split")
        out += [(split, record, article) for record, article in annotated_articles(annotations / f"{split}.jsonl", data)]
    return out


def judge(articles: list[tuple[str, dict[str, Any], Article]], rules: str) -> tuple[dict[str, PrecisionRecallCounts], list[Asserted]]:
    """Per split, the prediction counts at 0.5 under ``rules``; and every asserted sentence."""
    table: dict[str, list[int]] = {}
    asserted: list[Asserted] = []
    for split, record, article in articles:
        text = article.text
        golds = [(g["span"][0], g["span"][1]) for g in record["predictions"]]
        row = table.setdefault(split, [0, 0, 0, 0])
        found: set[int] = set()
        for s, e, basis, matched in matched_sentences(text, article.sentences, golds, rules):
            asserted.append(Asserted(split, record["id"], s, e, basis, matched))
            row[0] += 1
            row[1] += bool(matched)
            found.update(matched)
        row[2] += len(golds)
        row[3] += len(found)
    counts = {split: PrecisionRecallCounts(predicted=p, correct=c, gold=g, found=f)
              for split, (p, c, g, f) in table.items()}
    return counts, asserted


def markdown(before: dict[str, PrecisionRecallCounts], after: dict[str, PrecisionRecallCounts], base: str,
             rules: str, read_off: set[str]) -> str:
    """The held-out table of :func:`presslens.training.prediction_rules_judge.markdown` over these counts."""
    from presslens.training.prediction_rules_judge import markdown as judge_markdown

    table = {split: {"before": before[split], "after": after[split],
                     "held": before[split] if split in read_off else after[split]} for split in before}
    return judge_markdown(table, rules, read_off, base)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", type=Path, required=True, help="the ptc-semeval2020-task11 folder")
    parser.add_argument("--annotations", type=Path, default=Path("data/realnews"))
    parser.add_argument("--rules", choices=PREDICTION_RULES, required=True, help="the rules to judge")
    parser.add_argument("--base", choices=PREDICTION_RULES, default=DEFAULT_PREDICTION_RULES,
                        help="the rules compared with (default: the analyzer's default)")
    parser.add_argument("--read-off", default="", help="comma-separated splits the rules were read off (in-sample)")
    parser.add_argument("--splits", default=",".join(OPEN_SPLITS), help="comma-separated open splits")
    parser.add_argument("--changes", action="store_true",
                        help="list the sentences whose assertion the rules change (right or wrong)")


def main(args: argparse.Namespace) -> int:
    read_off = {s for s in args.read_off.split(",") if s}
    try:
        articles = read_splits(args.data, args.annotations, [s for s in args.splits.split(",") if s])
        before, was = judge(articles, args.base)
        after, now = judge(articles, args.rules)
    except ValueError as exc:
        print(f"prediction_rules_text: {exc}", file=sys.stderr)
        return 2
    print(markdown(before, after, args.base, args.rules, read_off), end="")
    if args.changes:
        key = {(a.split, a.article, a.start) for a in was}
        new = {(a.split, a.article, a.start) for a in now}
        texts = {record["id"]: article.text for _, record, article in articles}
        print()
        for a in [x for x in now if (x.split, x.article, x.start) not in key] + \
                 [x for x in was if (x.split, x.article, x.start) not in new]:
            sign = "+" if (a.split, a.article, a.start) in new else "-"
            print(f"{sign} {a.split} {a.article} {a.start} {'right' if a.gold else 'wrong'} [{a.basis}] "
                  f"{texts[a.article][a.start:a.end][:160]!r}")
    return 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_arguments(parser)
    raise SystemExit(main(parser.parse_args()))
