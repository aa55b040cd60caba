"""The learned, calibrated call-to-action score: a small logistic regression over general features of a candidate
sentence (its mood, addressee, obligation modal, place in the article, layout, furniture words, the stance model's
probability), fitted on real-news gold and audit verdicts (``presslens train violence-calls``), weights in
``models/violence/calls.json``.

A candidate is a sentence the stance model reads as a non-violent call, or (only with ``violence.call_demands=on``,
an option) one that carries a demand cue (a named party's obligation, "it is time for X to ...", "it is crucial that
you ..."), that no hard veto drops (page
furniture, a question, a headline, someone else's words, a discourse imperative; see :mod:`.vetoes`). Its score is
the scorer's probability that the call is right; a finding at 0.5 or more is asserted.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from presslens.analyzers.violence.cues import IGNORE_CASE
from presslens.analyzers.violence.vetoes import has_imperative, writer_exhortations

CALL_FEATURE_NAMES: tuple[str, ...] = (
    "stance_logit",
    "imperative",
    "exhortation",
    "lets",
    "demand",
    "reader_addressed",
    "first_person_plural",
    "conditional_imperative",
    "furniture_words",
    "standalone_line",
    "near_end",
    "sign_off",
    "log_words",
    "title_case",
    "exclamation",
    "quote_marks",
    "act_named",
)
"""The scorer's inputs, in order (see :func:`call_features`)."""

_SUBORDINATE_BEFORE_RE = re.compile(
    r"\b(?:when|whenever|if|unless|until|once|before|after|because|since|whether|as|while|that|who|which)\W*$",
    IGNORE_CASE)
"""A demand inside a subordinate clause ("when it is time for them to ...", "if Congress should ...") is no demand."""
_PARTIES = (
    # institutions and office holders named by a common noun ("the city council", "the administration")
    r"council|administration|government|board|congress|senate|house|parliament|assembly|legislature|court|"
    r"committee|commission|party|president|governor|mayor|minister|ministry|department|agency|police|union|"
    r"university|school|church|company|companies|banks?|league|federation|authorities|officials|leaders|"
    r"lawmakers|legislators|regulators|state|city|county|republicans|democrats|members"
)
_DEMAND_RE = re.compile(
    # A named party's obligation ("The administration should stop ...", "Congress must act"), the time for it ("It is
    # time for X to be exposed", "It is time that Congress ..."), or its urgency for the reader ("it is crucial that
    # you ... get to the polls")
    r"(?:^|[,;:]\s+|\band\s+)(?:(?:the\s+)?(?!(?:that|this|these|those|it|he|she|they|we|you|i|there|what|which|"
    r"who|one|each|any|some|such|everything|nothing|all|both)\b)(?-i:[A-Z][\w'’.-]*)(?:\s+(?-i:[A-Z][\w'’.-]*)){0,3}|"
    rf"the\s+(?:[\w'’-]+\s+){{0,2}}?(?:{_PARTIES}))\s+"
    r"(?:should|must|needs\s+to|ought\s+to|has\s+to)\s+(?:not\s+|now\s+|immediately\s+|also\s+)?(?!be\b|have\b)\w+|"
    r"\b(?:it\s+is|it['’]s)\s+(?:high\s+|now\s+|long\s+past\s+)?time\s+(?:for\s+(?:[\w'’-]+\s+){1,4}?to|that\s+(?!it\b|this\b|that\b|these\b|those\b))\s*\w+|"
    r"\b(?:it\s+is|it['’]s)\s+(?:crucial|vital|essential|imperative|urgent|critical)\s+that\s+(?:you|we|every\w*|all)\b",
    IGNORE_CASE,
)
_READER_RE = re.compile(r"\b(?:you|your|yours|yourself|yourselves)\b", IGNORE_CASE)
_WE_RE = re.compile(r"\b(?:we|us|our|ours|ourselves)\b", IGNORE_CASE)
_LETS_RE = re.compile(r"\blet['’]?s\b|\blet\s+us\b", IGNORE_CASE)
_CONDITIONAL_IMPERATIVE_RE = re.compile(
    # an imperative that states a condition, then its consequence: "Give them an inch and they'll take a mile"
    r",?\s+(?:and|or)\s+(?:they|he|she|it|you|we|I|people|everyone|the\s+\w+)\s*(?:['’]ll|will|would|won['’]t|can)\b",
    IGNORE_CASE,
)
_FURNITURE_WORD_RE = re.compile(
    # words of a site's chrome rather than an argument
    r"\b(?:e-?mail|link|embed|copy|paste|html|code|webpage|website|click|tap|subscribe\w*|newsletter|follow|share|"
    r"facebook|twitter|instagram|youtube|podcast|episode|download|app|updates?|tuned|comments?|rowdy|"
    r"order|preorder|shop|store|buy|price|free|today['’]s|visit|sign\s+up|log\s+in)\b",
    IGNORE_CASE,
)
_ACT_RE = re.compile(
    r"\b(?:sign|vote|voting|polls?|call|write|donate|boycott|join|support|contact|demand|resist|protest|march|pray|"
    r"stop|end|refuse|fight|oppose|reject|expose\w*|repeal|defund|impeach|investigate|prosecute|release|publish|"
    r"remove|ban|act|speak|tell|urge|share|petition|rally|elect|condemn\w*|repudiat\w*|fire|cut\s+ties)\b",
    IGNORE_CASE,
)
_WORD_RE = re.compile(r"[\w'’-]+")
NEAR_END_CHARS = 400
"""A sentence whose end lies within this many characters of the article's end is in its closing lines."""
STANDALONE_MAX_WORDS = 8
"""A line of at most this many words that holds the sentence alone is a standalone short line (a sign-off, a
link, a slogan)."""


def demand_cue(text: str) -> bool:
    """The sentence demands that a named party act ("The administration should stop ...", "Congress must act"), says
    it is time for someone to act ("It is time for X to be exposed") or urges the reader with a cue of urgency ("it is
    crucial that you ..."): a call by 8a of the guideline, although no imperative or "we must" opens it."""
    return any(not _SUBORDINATE_BEFORE_RE.search(text[: m.start()] + " ") for m in _DEMAND_RE.finditer(text))


def _title_case(words: list[str]) -> float:
    long_words = [w for w in words if len(w) > 3]
    return sum(w[:1].isupper() for w in long_words) / len(long_words) if long_words else 0.0


def call_features(
    text: str, line: str, chars_after: int, p_nonviolent_call: float
) -> np.ndarray:
    """The :data:`CALL_FEATURE_NAMES` vector of a candidate sentence ``text``: ``line`` is the whole line (paragraph)
    that holds it, ``chars_after`` the characters of the article after it, ``p_nonviolent_call`` the stance model's
    probability of a non-violent call."""
    words = _WORD_RE.findall(text)
    p = min(max(p_nonviolent_call, 1e-4), 1 - 1e-4)
    imperative = has_imperative(text)
    exhortation = bool(writer_exhortations(text))
    demand = demand_cue(text)
    standalone = line.strip() == text.strip() and len(words) <= STANDALONE_MAX_WORDS
    values = {
        "stance_logit": math.log(p / (1 - p)) / 4.0,
        "imperative": float(imperative),
        "exhortation": float(exhortation),
        "lets": float(bool(_LETS_RE.search(text))),
        "demand": float(demand),
        "reader_addressed": float(bool(_READER_RE.search(text))),
        "first_person_plural": float(bool(_WE_RE.search(text))),
        "conditional_imperative": float(imperative and bool(_CONDITIONAL_IMPERATIVE_RE.search(text))),
        "furniture_words": min(len(_FURNITURE_WORD_RE.findall(text)), 3) / 3.0,
        "standalone_line": float(standalone),
        "near_end": float(chars_after <= NEAR_END_CHARS),
        "sign_off": float(standalone and chars_after <= NEAR_END_CHARS),
        "log_words": math.log1p(len(words)) / 4.0,
        "title_case": _title_case(words),
        "exclamation": float("!" in text),
        "quote_marks": float(bool(re.search(r"[\"“”]", text))),
        "act_named": float(bool(_ACT_RE.search(text))),
    }
    return np.asarray([values[n] for n in CALL_FEATURE_NAMES], dtype=np.float64)


@dataclass(frozen=True)
class CallScorer:
    """Logistic regression over :func:`call_features`; ``score`` is a calibrated probability."""

    weights: np.ndarray
    bias: float

    @classmethod
    def from_json(cls, path: Path) -> CallScorer:
        data = json.loads(path.read_text(encoding="utf-8"))
        if tuple(data["features"]) != CALL_FEATURE_NAMES:
            raise ValueError(f"{path.name} was trained with other call features; retrain it")
        return cls(weights=np.asarray(data["weights"], dtype=np.float64), bias=float(data["bias"]))

    def score(self, features: np.ndarray) -> float:
        z = float(features @ self.weights + self.bias)
        return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))
