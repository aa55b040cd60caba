"""The learned, calibrated call-to-action score: a small logistic regression over general features of a candidate
sentence (its mood, addressee, obligation modal, plea, request, place in the article, layout, furniture words, the
stance model's probability), fitted on real-news gold and audit verdicts (``presslens train violence-calls``), weights
in ``models/violence/calls.json``.

A candidate is a sentence the stance model reads as a non-violent call, or one that carries a demand cue (a named
party's obligation, "it is time for X to ...", "it is crucial that you ..."; option ``violence.call_demands``, on by
default since 1.8) or a plea cue (:func:`plea_cue`: a writer's plea verb, a request put as a question, a party's
obligation in a main clause; option ``violence.call_pleas``, on by default), that no hard veto drops (page
furniture, a question that is no request, a headline, someone else's words, a discourse imperative; see
:mod:`.vetoes`). Its score is the scorer's probability that the call is right; a finding at 0.5 or more is asserted.
"""

from __future__ import annotations

import contextvars
import json
import math
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from presslens.analyzers.violence.cues import IGNORE_CASE
from presslens.analyzers.violence.vetoes import has_imperative, writer_exhortations
from presslens.text.switches import switched

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
    "plea_verb",
    "request_question",
    "party_modal",
    "obligation_opens_sentence",
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
    r"who|one|each|any|some|such|everything|nothing|nobody|no|none|neither|all|both)\b)(?-i:[A-Z][\w'’.-]*)(?:\s+(?-i:[A-Z][\w'’.-]*)){0,3}|"
    rf"the\s+(?:[\w'’-]+\s+){{0,2}}?(?:{_PARTIES}))\s+"
    r"(?:should|must|needs\s+to|ought\s+to|has\s+to)\s+(?:not\s+|now\s+|immediately\s+|also\s+)?(?!be\b|have\b)\w+|"
    # "time that" needs a subject after it: in "It's time that occurred." "that" is the subject (a pronoun)
    r"\b(?:it\s+is|it['’]s)\s+(?:high\s+|now\s+|long\s+past\s+)?time\s+(?:for\s+(?:[\w'’-]+\s+){1,4}?to|that\s+"
    r"(?!it\b|this\b|that\b|these\b|those\b|(?-i:[a-z][\w'’-]*ed)\b))\s*\w+|"
    # the same without "it is", opening the sentence: "Time for Congress to end this ...", "Time to vote them out."
    r"^\W*(?:(?:so|now|and)\s+)?(?:high\s+)?time\s+(?:for\s+(?:[\w'’-]+\s+){1,4}?)?to\s+(?!be\b)\w+|"
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
_CLAUSE_OPENER = (
    # what may stand before a main clause's subject: a sentence start, a clause boundary or a discourse adverb
    r"(?:^|[.;:!,—–]\s+|\b(?:and|but|so)\s+)\W*"
    r"(?:(?:in\s+fact|indeed|instead|frankly|therefore|so|now|today|meanwhile|finally|again|first|above\s+all|"
    r"in\s+the\s+meantime|until\s+then|for\s+now|please)\W+)*"
)
_PLEA_VERBS = (r"urge|encourage|beg|implore|beseech|plead\s+with|call\s+(?:on|upon)|appeal\s+to|invite|ask|exhort|"
               r"entreat")
_PLEA_VERB_RE = re.compile(
    # The writer's own plea in the present ("I encourage all parents ... to", "we beg you to act now", "I urge
    # readers to call", "We call on the board to"): first person, present tense, an addressee after it.
    _CLAUSE_OPENER + r"(?:I|we)\s+(?:(?:would|therefore|also|again|strongly|respectfully|humbly|sincerely|"
    r"earnestly|hereby|now|all|too)\s+){0,2}(?:" + _PLEA_VERBS + r"|challenge)\s+"
    r"(?!(?:that|whether|why|how|what|if|myself|ourselves)\b)\w+",
    IGNORE_CASE,
)
_PROGRESSIVE: contextvars.ContextVar[bool] = contextvars.ContextVar("presslens_call_progressive_pleas", default=False)


@contextmanager
def progressive_pleas(on: bool = True) -> Iterator[None]:
    """Inside the block a plea verb may be in the present progressive (option ``violence.call_progressive_pleas``,
    stop 26; off by default: read off dev9, it moves no other open split held out and audit B did not change;
    MODEL_CARD.md, and HISTORY.md beside it for the stop-26 tables)."""
    with switched(_PROGRESSIVE, on):
        yield


_PLEA_PROGRESSIVE_VERBS = (r"urging|encouraging|begging|imploring|beseeching|pleading\s+with|calling\s+(?:on|upon)|"
                           r"appealing\s+to|inviting|asking|exhorting|entreating")
_PLEA_PROGRESSIVE_RE = re.compile(
    # The same plea in the present progressive ("So I am asking you to support my campaign", "And I am calling on
    # Congress to immediately release ...", "We're urging readers to ..."): first person, an addressee after it; not
    # "All I'm asking is that ..." (no clause opener before "I"), not "I was asking" (past)
    _CLAUSE_OPENER + r"(?:I\s+am|I['’]m|we\s+are|we['’]re)\s+(?:(?:therefore|also|again|strongly|respectfully|"
    r"humbly|sincerely|earnestly|now|all|simply|just)\s+){0,2}(?:" + _PLEA_PROGRESSIVE_VERBS + r")\s+"
    r"(?!(?:that|whether|why|how|what|if|myself|ourselves|is|was)\b)\w+",
    IGNORE_CASE,
)
_HOPE: contextvars.ContextVar[bool] = contextvars.ContextVar("presslens_call_hope_pleas", default=False)


@contextmanager
def hope_pleas(on: bool = True) -> Iterator[None]:
    """Inside the block the writer's hope that the reader will do an act is a plea (option
    ``violence.call_hope_pleas``, stop 27; read off dev10's missed calls: MODEL_CARD.md)."""
    with switched(_HOPE, on):
        yield


_PLEA_HOPE_RE = re.compile(
    # The writer's hope that the reader will act ("If you agree, I hope that you will support my campaign", "We trust
    # all of you will sign the petition"): first person, present, the reader or everyone as the subject of a "will"
    # and an act of :data:`_ACT_RE`; not "I hope you never get it" (no act), not "I hoped" (past)
    _CLAUSE_OPENER + r"(?:I|we)\s+(?:(?:sincerely|truly|really|do|also|therefore|now)\s+){0,2}(?:hope|trust|pray)\s+"
    r"(?:that\s+)?(?:you|all\s+of\s+you|readers|everyone|every\w*|all)\s*(?:will|['’]ll|would)\s+"
    r"(?:(?:please|also|all|now|seriously|consider|join\s+me\s+and|join\s+us\s+and)\s+)*"
    r"(?:" + _ACT_RE.pattern[2:-2] + r")\b",
    IGNORE_CASE,
)
_PLEA_VERB_CHALLENGE_TO_RE = re.compile(
    # With ``violence.call_voice_checks=on``: "challenge" pleads only with "to <verb>" after its addressee ("I
    # challenge readers to call"; not "We challenge their paradigm of control", "we challenge the notion that")
    _CLAUSE_OPENER + r"(?:I|we)\s+(?:(?:would|therefore|also|again|strongly|respectfully|humbly|sincerely|"
    r"earnestly|hereby|now|all|too)\s+){0,2}(?:(?:" + _PLEA_VERBS + r")\s+"
    r"(?!(?:that|whether|why|how|what|if|myself|ourselves)\b)\w+|"
    r"challenge\s+(?!(?:that|whether|why|how|what|if|myself|ourselves)\b)(?:[\w'’-]+\s+){1,6}?to\s+"
    r"(?!(?:the|a|an|this|that|these|those|their|our|your|his|her|its|my)\b)\w+)",
    IGNORE_CASE,
)
_PLEASE_REQUEST_RE = re.compile(
    # The writer's request with "please" opening a clause after a comma or a conjunction ("In lieu of flowers, please
    # send contributions to ...", "..., so please call your senator"); the imperative model reads only sentence starts
    r"(?:[,;:—–]\s*|\b(?:and|so|then)\s+)\W*please\s*,?\s+(?!(?:note|see|read|click|visit|follow|share|subscribe|"
    r"like|let\s+me|forgive|excuse|bear\s+with)\b)(?-i:[a-z])[\w'’-]+",
    IGNORE_CASE,
)
_FAVOUR = r"(?:please\b|do\s+(?:us|me|them|everyone)\s+(?:all\s+)?a\s+(?:big\s+|huge\s+)?favou?r\b)"
_REQUEST_QUESTION_RE = re.compile(
    # A request put as a question: a modal opens it, then someone is asked to act politely ("Could the good people
    # of X do us all a favor and elect ...?", "Will you please sign ...?") or the reader is asked to do an act
    # ("Can you call your senator ...?"); "Will the council vote?" asks what will happen
    r"^\W*(?:(?:so|now|and|then|please)\W+)?(?:could|can|will|would|won['’]t)\s+(?:you\s+(?:(?:please|kindly|just|"
    r"all)\s+)*(?:" + _FAVOUR + r"|(?:" + _ACT_RE.pattern[2:-2] + r")\b)|(?:the|our|all|every)\s+"
    r"(?:[\w'’-]+\s+){0,6}?[\w'’-]+\s+(?:(?:kindly|just|all)\s+)*" + _FAVOUR + r")",
    IGNORE_CASE,
)
_PARTY_MODAL_RE = re.compile(
    # A party that can act, named by a common noun or a name, obliged in a main clause ("In fact, investigators
    # should interview ...", "Parents interested in ... should consider ...", "We need the board to ...", "We
    # need to be told who ..."): a subject without a pronoun head or a finite verb, then the modal and a verb
    _CLAUSE_OPENER + r"(?:(?!(?:it|this|that|these|those|he|she|they|i|you|there|what|which|who|one|each|any|"
    r"some|such|everything|nothing|all|both|if|when|whether|because|as|while|though|although|unless|until|"
    # a negated subject is no party ("But no amount of media hype ... should distract us", "Nobody should ...")
    r"no|none|nobody|neither)\b)"
    r"(?:(?!(?:is|are|was|were|has|have|had|will|would|should|must|need|needs|ought|said|says|do|does|did|can|"
    r"could|may|might|whether|if|that|when|because|since|as|while|unless|he|she|it|they|i|you|saying|suggesting|"
    r"arguing|telling|insisting|noting|over|about|no|none|nobody|neither)\b)[\w'’.,-]+\s+){0,14}?(?!(?:is|are|was|were|has|have|had|will|would|said|says|do|does|"
    r"did|can|could|may|might|should|must|it|this|that|these|those|he|she|they|i|you|there|what|which|who|one)\b)"
    r"[\w'’-]+|we)\s+"
    r"(?:should|must|need\s+to|needs\s+to|ought\s+to|has\s+to|have\s+to)\s+(?:(?:not|now|immediately|also|"
    r"really|first|at\s+least|seriously|urgently)\s+)?(?:be\s+(?:told|given|allowed|removed|held|fired|"
    r"investigated|prosecuted|charged|expelled|banned|stopped|condemned|repudiated|exposed|shown|informed)|"
    r"(?!be\b|have\b|get\s+used\b|know\b|remember\b|realize\b|understand\b|note\b|wonder\b|come\b|seem\b|"
    r"appear\b|apply\b|matter\b|exist\b|tell\s+you\b|ask\s+(?:ourselves|yourself|themselves)\b)\w+)|"
    r"\bwe\s+need\s+(?:the|our|every|all|(?-i:[A-Z]))[\w'’ -]{0,60}?\s+to\s+(?!be\b)\w+",
    IGNORE_CASE,
)
_FINITE_IN_SUBJECT_RE = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|said|says?|did|does|think|thinks|thought|believes?|argue[sd]?|"
    r"wrote|writes?|insist(?:s|ed)?|claim(?:s|ed)?|suggest(?:s|ed)?|warn(?:s|ed)?|know|knows|knew|hopes?|expects?|"
    r"feels?|felt|agree[sd]?|reckons?|contends?|notes?|noted|told|tells?|added|adds)\b",
    IGNORE_CASE)
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


def _outside_subordinate(text: str, start: int) -> bool:
    return not _SUBORDINATE_BEFORE_RE.search(text[:start] + " ")


def _inside_open_quote(text: str, start: int) -> bool:
    """A quotation mark opened before ``start`` and not closed by it: the words are someone else's ("Lemon ...:
    \"We Have to Stop ...")."""
    head = text[:start]
    return head.rfind("“") > head.rfind("”") or head.count('"') % 2 == 1


def plea_verb(text: str, challenge_to: bool = False) -> bool:
    """The writer pleads in the present, first person: "I encourage all parents ... to", "we beg you to act now",
    "I urge readers to ...", "We call on the board to ..." (not "I asked him", a past report); inside
    :func:`progressive_pleas` also in the progressive ("I am asking you to support ...", "I am calling on Congress
    to ..."); inside :func:`hope_pleas` also the writer's hope that the reader will act ("I hope that you will
    support my campaign"). ``challenge_to`` (``violence.call_voice_checks=on``): "challenge" pleads only with "to <verb>" ("I challenge readers to call")."""
    pattern = _PLEA_VERB_CHALLENGE_TO_RE if challenge_to else _PLEA_VERB_RE
    patterns = ((pattern, _PLEA_PROGRESSIVE_RE) if _PROGRESSIVE.get() else (pattern,)) + (
        (_PLEA_HOPE_RE,) if _HOPE.get() else ())
    return any(_outside_subordinate(text, m.start()) and not _inside_open_quote(text, m.end())
               for p in patterns for m in p.finditer(text))


def request_question(text: str) -> bool:
    """A request put as a question: a modal opens it and someone is asked to act ("Could the good people of X do us
    all a favor and elect someone else?", "Will you please sign ...?"); other questions are no requests."""
    return text.rstrip().rstrip("\"”’')").endswith("?") and bool(_REQUEST_QUESTION_RE.search(text))


def please_request(text: str) -> bool:
    """The writer asks with "please" at the start of a later clause ("In lieu of flowers, please send contributions to
    the fund"), outside an open quotation and a subordinate clause; "please note / see / read ..." is no request."""
    return any(_outside_subordinate(text, m.start()) and not _inside_open_quote(text, m.end())
               for m in _PLEASE_REQUEST_RE.finditer(text))


def party_modal(text: str) -> bool:
    """A party that can act is obliged in a main clause: "investigators should interview everyone", "Parents ...
    should consider ...", "We need to be told who ...", "we need the board to ..." (not in a subordinate or "if"
    clause, not "it should be noted", not a pronoun's obligation "he must")."""
    return _party_modal_start(text) is not None


def _party_modal_start(text: str) -> int | None:
    """Where the first party obligation of :func:`party_modal` starts (its subject), or None."""
    for m in _PARTY_MODAL_RE.finditer(text):
        head = text[: m.start()]
        if not _outside_subordinate(text, m.start()) or re.search(r"\b(?:if|unless|whether)\b", head, IGNORE_CASE):
            continue
        subject = m.group(0)
        modal = re.search(r"\s(?:should|must|need|needs|ought|has|have)\s", subject, IGNORE_CASE)
        if _inside_open_quote(text, m.start() + (modal.start() if modal is not None else 0)):
            continue
        if modal is not None and _FINITE_IN_SUBJECT_RE.search(subject[: modal.start()]):
            continue
        return m.start()
    return None


def obligation_opens_sentence(text: str) -> bool:
    """The party's obligation is the sentence's main clause from its start ("Congress must investigate and act.",
    "In fact, investigators should ..."), not a clause after a comma or a conjunction."""
    start = _party_modal_start(text)
    return start is not None and not text[:start].strip(" \t\n\"“‘'(")


def plea_cue(text: str, challenge_to: bool = False) -> bool:
    """A plea, request or demand in the writer's voice that no imperative or "let's" carries (see :func:`plea_verb`,
    :func:`request_question`, :func:`party_modal`, :func:`please_request`): the cue of a plea candidate
    (``violence.call_pleas``)."""
    return plea_verb(text, challenge_to) or request_question(text) or party_modal(text) or please_request(text)


def _title_case(words: list[str]) -> float:
    long_words = [w for w in words if len(w) > 3]
    return sum(w[:1].isupper() for w in long_words) / len(long_words) if long_words else 0.0


def call_features(
    text: str, line: str, chars_after: int, p_nonviolent_call: float, challenge_to: bool = False
) -> np.ndarray:
    """The :data:`CALL_FEATURE_NAMES` vector of a candidate sentence ``text``: ``line`` is the whole line (paragraph)
    that holds it, ``chars_after`` the characters of the article after it, ``p_nonviolent_call`` the stance model's
    probability of a non-violent call; ``challenge_to`` as in :func:`plea_verb`."""
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
        "plea_verb": float(plea_verb(text, challenge_to)),
        "request_question": float(request_question(text)),
        "party_modal": float(party_modal(text)),
        "obligation_opens_sentence": float(obligation_opens_sentence(text)),
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
