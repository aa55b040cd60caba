"""The probability that a figure is right: a small logistic regression over general features of its form.

The rules of :mod:`.quantity` give each figure a fixed score per pattern (0.95 for digits, 0.9 for number
words, 0.45 for a number word in a headline ...). Those scores were set on the articles the rules were read
off, and on new text the wrong figures sat at the same scores as the right ones. :func:`calibrated_score`
replaces them with a logistic regression over :data:`FEATURE_NAMES` (the rule's own score is one feature), fitted
on the real-news gold of the open splits (``presslens train figures``, :mod:`presslens.training.figures`;
weights in ``models/figures/quantity_scorer.json``, no pickle), or a per-class map (the share of right figures
of each rule score, shrunk towards it), whichever has the lower held-out log loss. Dates and ordinals keep their
rule scores (the real-news gold does not mark them, so there is nothing to fit them on). Used only with the
analyzer option ``figures.scores=calibrated`` (:data:`SCORES_CHOICES`).
"""

from __future__ import annotations

import json
import math
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from presslens.analyzers.figures.quantity import Quantity

SCORER_FILE = Path(__file__).resolve().parents[2] / "models" / "figures" / "quantity_scorer.json"
#: the values of the analyzer option ``figures.scores``: "rules" (default): the rules' fixed scores; "calibrated": the
#: fitted scorer. The calibration leaves the asserted figures of the open splits as they are (held-out precision does
#: not rise), so by issue 13's ship rule it is an option, not the default (see models/figures/HISTORY.md for the table)
SCORES_CHOICES = ("rules", "calibrated")
NOT_SCORED = frozenset({"date", "ordinal"})

FEATURE_NAMES = (
    "rule_logit",  # the rule's fixed score, as a log-odds
    "digits",  # the number is written with digits
    "vague",  # a vague amount ("dozens", "decades")
    "label_count",
    "label_percent",
    "label_money",
    "label_range",
    "label_duration",
    "label_measure",
    "label_age",
    "has_unit",  # a unit, currency or counted noun is attached
    "bounded",  # a bound word is attached ("more than", "about")
    "value_one",  # the value is 1 ("one", "a mile")
    "small_word",  # a number word of value 2-10 without a unit
    "capital_before",  # a capitalised word right before the span, not at a sentence start ("Interstate 35")
    "capital_after",  # a capitalised word right after the span ("Fox 35 News")
    "hyphen_modifier",  # the number is glued to a word by a hyphen ("three-day", "3-D")
    "year_like",  # a four-digit whole number 1000-2100 without separators
    "headline_line",  # on a short line without a full stop (a headline, a title, a caption)
    "quoted",  # inside quotation marks on its line
)

_WORD_BEFORE = re.compile(r"(?P<w>[A-Za-z][A-Za-z’'.-]*)[ ]+$")
_SENTENCE_END_BEFORE = re.compile(r"(?:[.!?:;“\"(]|^)[ ]*$")
_CAPITAL_AFTER = re.compile(r"[ ]+[A-Z][a-z]")
_NUMBER_WORDS = frozenset("two three four five six seven eight nine ten".split())


def _logit(p: float) -> float:
    p = min(max(p, 1e-4), 1 - 1e-4)
    return math.log(p / (1 - p))


def _line(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n", max(0, pos - 400), pos) + 1
    if start == 0:
        start = max(0, pos - 400)
    end = text.find("\n", pos, pos + 400)
    return start, end if end >= 0 else min(len(text), pos + 400)


def quantity_features(text: str, q: Quantity) -> list[float]:
    """The values of :data:`FEATURE_NAMES` for one figure of ``text``."""
    number = text[q.number[0] : q.number[1]]
    digits = any(ch.isdigit() for ch in number)
    before = text[max(0, q.start - 40) : q.start]
    word = _WORD_BEFORE.search(before)
    capital_before = (word is not None and word.group("w")[0].isupper()
                      and not _SENTENCE_END_BEFORE.search(before[: word.start()]))
    line_start, line_end = _line(text, q.start)
    line = text[line_start:line_end].rstrip()
    headline = len(line) < 120 and not line.endswith((".", "”", '"', "’", "?", "!", ":"))
    head = text[line_start : q.start]
    quoted = head.count("“") > head.count("”") or head.count('"') % 2 == 1
    raw = re.sub(r"[^\d]", "", number)
    year_like = (digits and re.fullmatch(r"\d{4}", number.strip()) is not None
                 and 1000 <= int(raw) <= 2100)
    word_value = number.strip().lower()
    return [
        _logit(q.score),
        float(digits),
        float(q.vague),
        *(float(q.label == lab) for lab in ("count", "percent", "money", "range", "duration", "measure", "age")),
        float(q.unit is not None or q.currency is not None),
        float(q.bound is not None),
        float(q.value == 1),
        float(word_value in _NUMBER_WORDS and q.unit is None),
        float(capital_before),
        float(_CAPITAL_AFTER.match(text, q.end) is not None),
        float(text[q.number[1] : q.number[1] + 1] == "-" and text[q.number[1] + 1 : q.number[1] + 2].isalpha()),
        float(year_like),
        float(headline),
        float(quoted),
    ]


@lru_cache(maxsize=1)
def load_scorer(path: Path = SCORER_FILE) -> dict[str, Any] | None:
    """The fitted weights, or None when the file is missing (the rule scores are kept)."""
    if not path.exists():
        return None
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    if tuple(data["features"]) != FEATURE_NAMES:
        raise ValueError(f"{path}: features {data['features']} differ from the analyzer's {FEATURE_NAMES}; "
                         "run `presslens train figures`")
    return data


def probability(weights: list[float], bias: float, features: list[float]) -> float:
    z = bias + sum(w * x for w, x in zip(weights, features, strict=True))
    return 1 / (1 + math.exp(-z)) if z > -30 else 0.0


def class_key(rule_score: float) -> str:
    """The pattern class of a figure: the rules give one fixed score per pattern (0.95 digits, 0.9 number words,
    0.85 dates and specials, 0.8 units of one and halves, 0.7 persons' ages and headline counts, 0.45 headline
    number words, 0.3 "a couple of")."""
    return f"{rule_score:.2f}"


def class_probability(rule_score: float, classes: dict[str, list[int]], strength: float) -> float:
    """The share of right figures of the pattern class, shrunk towards the rule score with ``strength`` pseudo
    figures: (right + strength * rule) / (seen + strength); the rule score where the class was never seen."""
    right, seen = classes.get(class_key(rule_score), (0, 0))
    return (right + strength * rule_score) / (seen + strength)


def calibrated_score(text: str, q: Quantity, scorer: dict[str, Any] | None = None, scores: str = "rules") -> float:
    """The probability that ``q`` is a figure the real-news guideline marks with this value and bound: with
    ``scores="calibrated"`` (the ``figures.scores`` option) or a given ``scorer``; else the rule's score."""
    if scores not in SCORES_CHOICES:
        raise ValueError(f"figure scores {scores!r}: expected one of {', '.join(SCORES_CHOICES)}")
    if scorer is None and scores != "calibrated":
        return q.score
    scorer = scorer if scorer is not None else load_scorer()
    if scorer is None or q.label in NOT_SCORED:
        return q.score
    if scorer["method"] == "classes":
        return round(class_probability(q.score, scorer["classes"], scorer["strength"]), 4)
    return round(probability(scorer["weights"], scorer["bias"], quantity_features(text, q)), 4)
