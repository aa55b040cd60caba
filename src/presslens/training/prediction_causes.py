"""Count why predictions are missed or wrongly asserted, split by split, without the encoder (issue 13, stop 30).

    python -m presslens.training.prediction_causes --data ../shared/data/ptc-semeval2020-task11 \\
        [--rules stop26+30] [--splits SPLITS] [--list]

Every sentence of every article of the open splits is read the way :mod:`presslens.training.prediction_rules_text`
reads it (the analyzer's sentences, forecasts, buckets; a sentence is asserted when its bucket's hand score is 0.5 or
more, which does not depend on the claim decision). Each wrong asserted sentence and each gold prediction that no
asserted sentence matches gets one cause, the first that applies in the order below (the rows of
:data:`WRONG_CAUSES` / :data:`MISSED_CAUSES`), decided from the text alone by these tests (no hand label):

- wrong asserted: a headline (the article's first sentence); a first-person forecast ("we will", "I won't", also
  quoted); quoted speech of someone else; a reported "would" or a reported statement of a third party
  ("said ... will"); the writer's own forecast.
- missed: the gold lies in a headline or a title-case line; in an asserted sentence whose span does not match it
  by the evaluation's rule; in a sentence with no forecast cue at all, sorted into a
  bare "may/might/could" or "would" with a time phrase the horizon patterns lack ("as soon as this weekend", "by the
  end of the weekend"), a scheduled or planned act without a cue ("MPs return ... next week", "pencilled in for",
  "on their way to", "anticipates telling", "did not foresee", "not recommending", "no ... planned/expected"; since
  stop 31 also "scheduled / set / slated for", "heads for", "is to be" + a participle, "on the way", "coming out",
  "is setting up", "going to take place"), or
  other; a forecast that :func:`~presslens.text.prediction.forecast_exclusion` or the conditional test rules out; a
  forecast in a bucket scored below 0.5 ("reported would", "quoted stance", "reported commitment").

The table gives the counts per split and pooled over two groups, the PTC train-article splits (dev .. dev11) and
the PTC test-article splits (dev12 on, rules 14 and 15 of :mod:`presslens.evaluation.realnews_selection`), with the gold predictions and articles of
each group, so the rates per article can be compared. Only open splits are read; the validation and test splits
never.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from presslens.analyzers.claims.predictions import cues_quoted, prediction_basis
from presslens.article import Article
from presslens.evaluation.realnews_selection import OPEN_SPLITS, ptc_test_splits
from presslens.text.prediction import (
    DEFAULT_PREDICTION_RULES,
    PREDICTION_RULES,
    prediction_forecast,
    prediction_rules,
)
from presslens.training.prediction_rules_text import matched_sentences, read_splits

#: causes of a wrong asserted prediction, in the order they are tried
WRONG_CAUSES = ("headline", "first person", "quoted speech", "reported speech", "writer")
#: causes of a missed gold prediction, in the table's order (:func:`missed_cause` tries "headline", then "asserted,
#: span not matched", then the others in this order)
MISSED_CAUSES = ("headline", "no cue: bare modal with a time phrase", "no cue: scheduled or planned act",
                 "no cue: other", "ruled out", "bucket below 0.5", "asserted, span not matched")

# "as soon as this weekend", "as early as Saturday", "by the end of the weekend": a time phrase that the horizon
# patterns of presslens.text.prediction do not read, next to a bare modal or a reported "would"
_UNREAD_TIME = re.compile(
    r"\b(?:as\s+(?:soon|early)\s+as\s+(?:this|the|next|[A-Z]\w+|\d)|by\s+the\s+end\s+of\s+the\s+(?:weekend|day)|"
    r"later\s+(?:this|next)\s+\w+|at\s+a\s+later\s+date|(?:this|next)\s+weekend)\b"
)
_BARE_MODAL = re.compile(r"\b(?:may|might|could|would)\b", re.IGNORECASE)
# a scheduled or planned act told without a forecast cue: the present of a timetable ("return ... next week"),
# "pencilled in", "on their way to", "anticipate(s/d) telling", "did not foresee", a negated present plan
_SCHEDULED = re.compile(
    r"\b(?:pencill?ed\s+in|on\s+(?:their|his|her|its|our|my)\s+way\s+to|anticipat\w*\s+\w+ing|foresee\w*|"
    r"not\s+recommending|[Nn]o\s+(?:new\s+|further\s+|more\s+)?\w+\s+(?:are\s+|is\s+)?(?:planned|expected)|"
    r"(?:is|are)\s+(?:plotting|prepared)\s+to|[Pp]repared\s+[Tt]o|intended\s+to|the\s+idea\s+is\s+to|"
    r"\b(?:return|returns|meet|meets|vote|votes|begin|begins|start|starts)\b[^.]{0,60}\b(?:next|this)\s+"
    r"(?:week|month|weekend|year)|months?\s+until|inevitable|"
    # stop 31 (dev14, GUIDELINE 8a): "is scheduled / set / slated for", "heads for", "is to be cancelled", "no further
    # indictments on the way / coming out", "is setting up a new party", "finally going to take place"
    r"(?:scheduled|set|slated|due|pencill?ed\s+in)\s+for|head(?:s|ing)?\s+for|(?:is|are)\s+to\s+be\s+\w+(?:ed|en)|"
    r"on\s+the\s+way|coming\s+out|(?:is|are)\s+setting\s+up|going\s+to\s+take\s+place)\b"
)
_FIRST_PERSON = re.compile(r"(?:^|[\s“\"‘'])(?:I|we|We|I['’]ll|we['’]ll|We['’]ll|I['’]m|we['’]re)\b")
_QUOTE = re.compile(r"[“”\"]")
_REPORTED = re.compile(r"\b(?:said|says|say|told|tells|wrote|added|announced|warned|insisted|stated|reported|"
                       r"reports|according\s+to|believes?|thinks?|expects?|hopes?)\b")


def _title_case(line: str) -> bool:
    words = [w for w in re.findall(r"[A-Za-z][\w’'-]*", line) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _line_of(text: str, start: int) -> str:
    a = text.rfind("\n", 0, start) + 1
    b = text.find("\n", start)
    return text[a:b if b >= 0 else len(text)]


@dataclass(frozen=True)
class Case:
    """One wrong asserted sentence or one missed gold prediction, with its cause."""

    split: str
    article: str
    start: int
    end: int
    kind: str
    """"wrong" or "missed\""""
    cause: str


def wrong_cause(text: str, start: int, end: int, index: int, basis: str) -> str:
    """The cause (:data:`WRONG_CAUSES`) of the wrong asserted sentence ``text[start:end]``, the article's sentence
    number ``index``, in bucket ``basis``."""
    sentence = text[start:end]
    if index == 0 or _title_case(_line_of(text, start)):
        return "headline"
    if _FIRST_PERSON.search(sentence):
        return "first person"
    if basis in {"quoted forecast", "quoted stance"} or _QUOTE.search(sentence):
        return "quoted speech"
    if basis in {"reported would", "timed reported would"} or _REPORTED.search(sentence):
        return "reported speech"
    return "writer"


def missed_cause(text: str, sentences: list[tuple[int, int]], gold: tuple[int, int],
                 asserted: list[tuple[int, int, str]]) -> str:
    """The cause (:data:`MISSED_CAUSES`) of the missed gold prediction ``gold`` of an article (``text``, its
    ``sentences`` and its ``asserted`` sentences, as
    :func:`~presslens.training.prediction_rules_text.asserted_sentences` gives them)."""
    covering = [(i, s, e) for i, (s, e) in enumerate(sentences) if s < gold[1] and e > gold[0]]
    if any(i == 0 for i, _, _ in covering) or _title_case(_line_of(text, gold[0])):
        return "headline"
    if any(s < gold[1] and e > gold[0] for s, e, _ in asserted):
        return "asserted, span not matched"
    found = [(s, e, prediction_forecast(text[s:e])) for _, s, e in covering]
    if all(f is None for _, _, f in found):
        piece = text[gold[0]:gold[1]]
        if _BARE_MODAL.search(piece) and _UNREAD_TIME.search(piece):
            return "no cue: bare modal with a time phrase"
        if _SCHEDULED.search(piece):
            return "no cue: scheduled or planned act"
        return "no cue: other"
    buckets = [prediction_basis(text[s:e], f, True, cues_quoted(text, s, f[1])) for s, e, f in found if f is not None]
    if all(b is None for b in buckets):
        return "ruled out"
    return "bucket below 0.5"


def causes(articles: list[tuple[str, dict[str, Any], Article]], rules: str) -> list[Case]:
    """The wrong asserted sentences and missed gold predictions of ``articles`` under ``rules``, each with its cause."""
    out: list[Case] = []
    with prediction_rules(rules):
        for split, record, article in articles:
            text, sentences = article.text, list(article.sentences)
            golds: list[tuple[int, int]] = [(g["span"][0], g["span"][1]) for g in record["predictions"]]
            judged = matched_sentences(text, sentences, golds, rules)
            asserted = [(s, e, basis) for s, e, basis, _ in judged]
            found: set[int] = set()
            for s, e, basis, matched in judged:
                found.update(matched)
                if not matched:
                    index = next(i for i, (a, _) in enumerate(sentences) if a == s)
                    out.append(Case(split, record["id"], s, e, "wrong", wrong_cause(text, s, e, index, basis)))
            for i, g in enumerate(golds):
                if i not in found:
                    out.append(Case(split, record["id"], g[0], g[1], "missed",
                                    missed_cause(text, sentences, g, asserted)))
    return out


def test_article_splits() -> set[str]:
    """The open splits whose articles come from PTC's test articles
    (:func:`presslens.evaluation.realnews_selection.ptc_test_splits`, rules 14 and 15: dev12 on)."""
    return set(ptc_test_splits() & set(OPEN_SPLITS))


def markdown(cases: list[Case], articles: list[tuple[str, dict[str, Any], Article]], test_splits: set[str]) -> str:
    """The table of cause counts per split and per group of splits (the PTC train-article splits and
    ``test_splits``), with the gold predictions and articles of each."""
    splits = list(dict.fromkeys(split for split, _, _ in articles))
    groups = {"train-article splits": [s for s in splits if s not in test_splits],
              "test-article splits": [s for s in splits if s in test_splits]}
    n_articles = Counter(split for split, _, _ in articles)
    n_gold: Counter[str] = Counter()
    for split, record, _ in articles:
        n_gold[split] += len(record["predictions"])
    count = Counter((c.split, c.kind, c.cause) for c in cases)
    head = "| kind | cause | " + " | ".join(splits) + " | " + " | ".join(f"{g} (per article)" for g in groups) + " |"
    lines = [head, "|---|---|" + "---|" * (len(splits) + len(groups))]

    def group_cell(kind: str, cause: str | None, group: list[str]) -> str:
        if cause is None:
            total = sum(n_gold[s] if kind == "gold" else n_articles[s] for s in group)
        else:
            total = sum(count[(s, kind, cause)] for s in group)
        arts = sum(n_articles[s] for s in group)
        return f"{total} ({total / arts:.2f})" if arts else "0"

    lines.append("| gold | predictions | " + " | ".join(str(n_gold[s]) for s in splits) + " | "
                 + " | ".join(group_cell("gold", None, g) for g in groups.values()) + " |")
    for kind, names in (("wrong", WRONG_CAUSES), ("missed", MISSED_CAUSES)):
        for cause in names:
            lines.append(f"| {kind} | {cause} | " + " | ".join(str(count[(s, kind, cause)]) for s in splits) + " | "
                         + " | ".join(group_cell(kind, cause, g) for g in groups.values()) + " |")
    lines.append("| articles | | " + " | ".join(str(n_articles[s]) for s in splits) + " | "
                 + " | ".join(str(sum(n_articles[s] for s in g)) for g in groups.values()) + " |")
    return "\n".join(lines) + "\n"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", type=Path, required=True, help="the ptc-semeval2020-task11 folder")
    parser.add_argument("--annotations", type=Path, default=Path("data/realnews"))
    parser.add_argument("--rules", choices=PREDICTION_RULES, default=DEFAULT_PREDICTION_RULES)
    parser.add_argument("--splits", default=",".join(OPEN_SPLITS), help="comma-separated open splits")
    parser.add_argument("--list", action="store_true", help="list every case (split, article, offsets, cause)")


def main(args: argparse.Namespace) -> int:
    articles = read_splits(args.data, args.annotations, [s for s in args.splits.split(",") if s])
    cases = causes(articles, args.rules)
    print(markdown(cases, articles, test_article_splits()), end="")
    if args.list:
        texts = {record["id"]: article.text for _, record, article in articles}
        for c in cases:
            print(f"{c.split} {c.article} {c.start} {c.end} {c.kind} [{c.cause}] "
                  f"{texts[c.article][c.start:c.end][:140]!r}")
    return 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_arguments(parser)
    raise SystemExit(main(parser.parse_args()))
