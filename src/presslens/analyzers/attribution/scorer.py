"""The learned finding scorer: P(an attribution is right) from general traits of the candidate (analyzer 2.1).

A logistic regression over the traits a reader checks before trusting an attribution, not over words read off
one split's errors:

* the layers' raw score and the four inputs of the 1.8 calibration (:mod:`.calibration`): passes the sanity
  rules, short content, source next to its cue, bare participle cue; and whether a rule made it;
* the cue: its lemma (the most frequent reporting lemmas, :data:`CUE_LEMMAS`) and its class
  (:data:`CUE_CLASSES`: core speech "say / tell", other speech acts, writing, evidence "show / reveal / find",
  cognition, an action outside the speech lexicon, a noun, a colon frame or the dash of a post's
  signature, "according to");
* the content: a quotation, a that-clause, a clause without "that", a noun phrase with no verb, an infinitive, a
  question; before the cue; ending where its sentence ends; over more than one sentence; its length;
* the source: none, a pronoun, a first-person pronoun (the writer), a capitalised name, a common noun, a vague or
  anonymous group, a relative pronoun; after the cue;
* the context: a passive cue ("was told", "denounced by"), a heading or title line, the cue inside a quotation,
  a transcript turn ("SMITH: ...") in the content, a question sentence.

The weights are data (``models/attribution/scorer.json``: feature names, weights, bias), fitted by ``presslens
train attribution --scorer`` on every attribution the analyzer finds in the open real-news splits, right or wrong
by the evaluation's matching rules; the regularisation is chosen leave one split out. A file whose feature names
differ from :data:`FEATURE_NAMES` is refused. An attribution that breaks a sanity rule stays a candidate
(below 0.5) whatever the weights say.
"""

from __future__ import annotations

import json
import math
import re
from functools import lru_cache
from pathlib import Path

from presslens.analyzers.attribution.calibration import (
    CANDIDATE_CAP,
    logit,
    participle_cue,
    short_content,
    source_near_cue,
)
from presslens.analyzers.attribution.lexicon import QUOTE_CHARS, SPEECH_PREDICATES, verb_forms
from presslens.analyzers.attribution.link import Attribution
from presslens.analyzers.attribution.sanity import is_name_may
from presslens.analyzers.attribution.spans import Span
from presslens.registry import model_dir

SCORER_FILE = model_dir("attribution") / "scorer.json"
#: the values of the analyzer option ``attribution.scorer`` that picks the attribution score: "learned" (this
#: scorer) or "calibrated" (1.8's six-input calibration, :func:`.calibration.calibrated`)
SCORER_CHOICES = ("calibrated", "learned")
#: the default of ``attribution.scorer``: the learned scorer since analyzer 2.12 (stop 27: it passed the ship rule over
#: the ten open splits, each held out; the model card's HISTORY.md, 2.12); "calibrated" before (HISTORY.md 2.1 to 2.11)
DEFAULT_SCORER = "learned"

_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")

# Cue lemmas and classes
# ---------------------------------------------------------------------------------------------

_CORE = "say tell"
_WRITING = "write tweet post publish blog email text"
_EVIDENCE = "show reveal find indicate suggest prove confirm document"
_COGNITION = "believe think feel know hope fear expect want wish doubt assume consider suspect wonder worry"
_IRREGULAR = {
    "said": "say", "told": "tell", "wrote": "write", "written": "write", "thought": "think", "felt": "feel",
    "knew": "know", "known": "know", "found": "find", "shown": "show", "spoke": "speak", "spoken": "speak",
    "swore": "swear", "sworn": "swear", "according": "according",
}
_BASES = (
    f"{_CORE} {_WRITING} {_EVIDENCE} {_COGNITION} report claim state announce add note warn explain insist argue "
    "allege deny acknowledge admit declare assert maintain accuse describe call quote cite mention promise vow "
    "urge ask reply respond recall concede observe criticize criticise praise blame defend threaten demand "
    "condemn denounce agree stress predict estimate conclude label compare question speak swear"
)
_LEMMA_OF: dict[str, str] = {}
for _base in _BASES.split():
    for _form in verb_forms(_base):
        _LEMMA_OF.setdefault(_form, _base)
_LEMMA_OF.update(_IRREGULAR)

#: the reporting lemmas with a weight of their own (the most frequent cues of the real-news splits)
CUE_LEMMAS = (
    "say", "tell", "according", "write", "report", "claim", "add", "explain", "call", "show", "note", "argue",
    "accuse", "describe", "ask", "believe", "think", "warn", "tweet", "announce", "reveal", "suggest", "find",
)
CUE_CLASSES = ("core", "speech", "writing", "evidence", "cognition", "action", "noun", "frame", "according")
_CORE_SET = frozenset(_CORE.split())
_WRITING_SET = frozenset(_WRITING.split())
_EVIDENCE_SET = frozenset(_EVIDENCE.split())
_COGNITION_SET = frozenset(_COGNITION.split())
_DETERMINERS = frozenset("the a an his her its their our my your this that these those such no".split())
_BE = frozenset("is are was were be been being am 's ’s".split())
_FINITE = frozenset(
    "is are was were be been am has have had will would can could should may might must do does did "
    "won't can't don't doesn't didn't isn't aren't wasn't weren't".split()
)
_PRONOUNS = frozenset("he she they it him her them i we you one".split())
_FIRST_PERSON = frozenset("i we me us".split())
_RELATIVE = frozenset("who which that whom whose".split())
_VAGUE = frozenset(
    "some many others critics observers experts analysts people sources officials reports report rumors "
    "rumours media press supporters opponents insiders residents witnesses".split()
)
_QUESTION_WORDS = frozenset("what why how who whom whose which when where whether if".split())
_TRANSCRIPT_TURN = re.compile(r"(?:^|\n)\s*[A-Z][A-Z.'’ -]{1,40}:\s")
_SUBORDINATORS = frozenset("if when as because while although though since unless after before until".split())


def _words(text: str, start: int, end: int) -> list[str]:
    return [w.lower() for w in _WORD.findall(text, start, end)]  # _WORD has no capturing group


def cue_lemma(text: str, cue: Span) -> str:
    """The lemma of the cue's reporting word ("said" -> "say"; "according to" -> "according"), or its last word
    lower-cased when it is not a known reporting verb; "" for a cue with no word (a colon or a dash)."""
    ws = _words(text, *cue)
    if not ws:
        return ""
    for w in ws:
        if w in _LEMMA_OF:
            return _LEMMA_OF[w]
    return ws[-1]


def cue_class(text: str, cue: Span) -> str:
    """One of :data:`CUE_CLASSES`."""
    ws = _words(text, *cue)
    if not ws:
        return "frame"
    lemma = cue_lemma(text, cue)
    if lemma == "according":
        return "according"
    before = _words(text, max(0, cue[0] - 24), cue[0])[-1:]
    if before and before[0] in _DETERMINERS and not ws[0].endswith("ed"):
        return "noun"
    if lemma in _CORE_SET:
        return "core"
    if lemma in _WRITING_SET:
        return "writing"
    if lemma in _EVIDENCE_SET:
        return "evidence"
    if lemma in _COGNITION_SET:
        return "cognition"
    if any(w in SPEECH_PREDICATES for w in ws):
        return "speech"
    return "action"


def _sentence_of(sentences: list[Span], pos: int) -> Span | None:
    lo, hi = 0, len(sentences)
    while lo < hi:
        mid = (lo + hi) // 2
        if sentences[mid][1] <= pos:
            lo = mid + 1
        else:
            hi = mid
    if lo < len(sentences) and sentences[lo][0] <= pos < sentences[lo][1]:
        return sentences[lo]
    return None


def _line_of(text: str, pos: int) -> Span:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end < 0 else end


def heading_line(text: str, pos: int) -> bool:
    """The position lies on a heading or title line: short, no closing sentence punctuation, mostly capitalised
    words ("Illegal Alien ‘Caravan’ Say ‘Hola’", "Election Strategy:")."""
    s, e = _line_of(text, pos)
    line = text[s:e].strip()
    if not line or line[-1] in ".!?\"”’)":
        return False
    words = _WORD.findall(line)
    if not words or len(words) > 16:
        return False
    capital = sum(1 for w in words if w[0].isupper() or w[0].isdigit())
    return capital >= 0.6 * len(words)


def inside_quotation(text: str, pos: int) -> bool:
    """An odd number of quotation marks lies between the paragraph's start and ``pos`` (typographic open / close
    quotes counted as a pair, straight quotes by parity)."""
    s, _ = _line_of(text, pos)
    piece = text[s:pos]
    opened = piece.count("\u201c") - piece.count("\u201d")
    return opened > 0 or piece.count('"') % 2 == 1


def _content_traits(text: str, a: Attribution, sentences: list[Span]) -> dict[str, float]:
    c = a.content
    if c is None:
        return {"content none": 1.0}
    ws = _words(text, *c)
    first = ws[0] if ws else ""
    between = text[min(a.cue[1], c[0]):max(a.cue[1], c[0])] if c[0] >= a.cue[1] else ""
    piece = text[c[0]:c[1]].strip()
    quote = bool(piece) and (piece[0] in QUOTE_CHARS or piece[-1] in QUOTE_CHARS or text[c[0] - 1:c[0]] in
                             QUOTE_CHARS)
    that = first == "that" or bool(re.search(r"\bthat\s*$", between, re.I))
    question = piece.rstrip("”\"’ ").endswith("?") or (first in _QUESTION_WORDS and not that)
    infinitive = first == "to"
    has_verb = any(w in _FINITE or (w.endswith("ed") and len(w) > 4) for w in ws)
    np_object = not quote and not that and not infinitive and not question and not has_verb
    sent = _sentence_of(sentences, c[0])
    sent_end = sent[1] if sent else c[1]
    tail = text[c[1]:sent_end].strip(" \"”’)")
    ends_sentence = c[1] >= sent_end or tail in ("", ".", "!", "?", ".”", "?”")
    multi = sent is not None and c[1] > sent[1] + 1
    return {
        "content quote": float(quote),
        "content that-clause": float(that and not quote),
        "content clause": float(not quote and not that and not question and not infinitive and has_verb),
        "content noun phrase": float(np_object),
        "content infinitive": float(infinitive),
        "content question": float(question),
        "content before cue": float(c[1] <= a.cue[0]),
        "content ends sentence": float(ends_sentence),
        "content several sentences": float(multi),
        "content log words": math.log1p(len(ws)),
        "content transcript turn": float(bool(_TRANSCRIPT_TURN.search(text[c[0]:c[1]]))),
        "content subordinate": float(first in _SUBORDINATORS),
        "content log gap words": math.log1p(len(_words(text, a.cue[1], c[0]))) if c[0] >= a.cue[1] else 0.0,
        "content other sentence": float(sent is None or not (sent[0] <= a.cue[0] < sent[1])),
    }


def _source_traits(text: str, a: Attribution) -> dict[str, float]:
    s = a.source
    if s is None:
        return {"source none": 1.0}
    raw = _WORD.findall(text, *s)
    ws = [w.lower() for w in raw]
    if not ws:
        return {"source none": 1.0}
    head = ws[-1]
    out = {"source after cue": float(s[0] >= a.cue[1]), "source log words": math.log1p(len(ws)),
           # "Theresa May": with ``attribution.name_may=on`` a capitalised "May" is a name, not the modal
           "source has verb": float(any(w in _FINITE and not is_name_may(r) for w, r in zip(ws, raw, strict=True)))}
    if len(ws) == 1 and head in _RELATIVE:
        out["source relative"] = 1.0
    elif len(ws) == 1 and head in _FIRST_PERSON:
        out["source first person"] = 1.0
    elif len(ws) == 1 and head in _PRONOUNS:
        out["source pronoun"] = 1.0
    elif any(w in _VAGUE for w in ws):
        out["source vague"] = 1.0
    elif raw[-1][0].isupper():
        out["source name"] = 1.0
    else:
        out["source common noun"] = 1.0
    return out


def _context_traits(text: str, a: Attribution, sentences: list[Span]) -> dict[str, float]:
    cue = a.cue
    before = _words(text, max(0, cue[0] - 30), cue[0])[-2:]
    after = _words(text, cue[1], min(len(text), cue[1] + 12))[:1]
    cue_words = _words(text, *cue)
    by = after == ["by"] or cue_words[-1:] == ["by"]
    verb = ([w for w in cue_words if w != "by"] or [""])[-1]
    participle = verb.endswith(("ed", "en", "ld", "wn"))
    passive = participle and (by or (bool(before) and before[-1] in _BE))
    sent = _sentence_of(sentences, cue[0])
    question = sent is not None and text[sent[0]:sent[1]].rstrip(" \"”’)\n").endswith("?")
    return {
        "passive cue": float(passive),
        "heading line": float(heading_line(text, cue[0])),
        "cue inside quotation": float(inside_quotation(text, cue[0])),
        "question sentence": float(question),
    }


_BASE_NAMES = ("logit raw score", "sane", "short content", "source near cue", "participle cue", "rule")
_CONTENT_NAMES = (
    "content none", "content quote", "content that-clause", "content clause", "content noun phrase",
    "content infinitive", "content question", "content before cue", "content ends sentence",
    "content several sentences", "content log words", "content transcript turn", "content subordinate",
    "content log gap words", "content other sentence",
)
_SOURCE_NAMES = (
    "source none", "source after cue", "source relative", "source first person", "source pronoun",
    "source vague", "source name", "source common noun", "source log words", "source has verb",
)
_CONTEXT_NAMES = ("passive cue", "heading line", "cue inside quotation", "question sentence")
#: names of :func:`scorer_features`, in order (the scorer file names them too)
FEATURE_NAMES = (
    *_BASE_NAMES,
    *(f"cue class {c}" for c in CUE_CLASSES),
    *(f"cue lemma {lemma}" for lemma in CUE_LEMMAS),
    *_CONTENT_NAMES,
    *_SOURCE_NAMES,
    *_CONTEXT_NAMES,
)


def scorer_features(text: str, a: Attribution, sentences: list[Span]) -> list[float]:
    """The traits of a candidate attribution in :data:`FEATURE_NAMES` order (``a.score`` is the layers' raw
    score)."""
    values: dict[str, float] = {
        "logit raw score": logit(a.score),
        "sane": float(a.sane),
        "short content": float(short_content(text, a)),
        "source near cue": float(source_near_cue(text, a)),
        "participle cue": float(participle_cue(text, a)),
        "rule": float(a.from_rules),
        f"cue class {cue_class(text, a.cue)}": 1.0,
        f"cue lemma {cue_lemma(text, a.cue)}": 1.0,
    }
    values.update(_content_traits(text, a, sentences))
    values.update(_source_traits(text, a))
    values.update(_context_traits(text, a, sentences))
    return [values.get(name, 0.0) for name in FEATURE_NAMES]


@lru_cache(maxsize=4)
def load_scorer(path: Path = SCORER_FILE) -> tuple[tuple[float, ...], float]:
    """(weights, bias) of the scorer file; a file whose features are not :data:`FEATURE_NAMES` is refused."""
    payload = json.loads(path.read_text(encoding="utf-8"))
    if tuple(payload["features"]) != FEATURE_NAMES:
        raise ValueError(f"{path}: its features do not match this code's attribution scorer features; retrain it")
    return tuple(float(w) for w in payload["weights"]), float(payload["bias"])


def learned_probability(features: list[float], weights: tuple[float, ...], bias: float, sane: bool) -> float:
    """The logistic probability; a sanity failure stays a candidate (at most :data:`CANDIDATE_CAP`)."""
    z = bias + math.fsum(w * x for w, x in zip(weights, features, strict=True))
    p = 1.0 / (1.0 + math.exp(-z)) if z > -700 else 0.0
    return p if sane else min(p, CANDIDATE_CAP)


def learned_score(text: str, a: Attribution, sentences: list[Span], path: Path = SCORER_FILE) -> float:
    """P(the attribution is right) by the learned scorer (``a.score`` is the layers' raw score)."""
    weights, bias = load_scorer(path)
    return learned_probability(scorer_features(text, a, sentences), weights, bias, a.sane)


def use_learned_scorer(scorer: str = DEFAULT_SCORER) -> bool:
    """Whether the learned scorer gives the attribution scores (``scorer``: the ``attribution.scorer`` option;
    the default is the shipped choice, see the model card's HISTORY.md, analyzer 2.1)."""
    if scorer not in SCORER_CHOICES:
        raise ValueError(f"attribution scorer {scorer!r}: expected one of {', '.join(SCORER_CHOICES)}")
    return scorer == "learned"
