"""Rule-based prediction cues and time horizons for English sentences.

- :func:`prediction_cues` -- character spans of future/prediction cues: ``[(start, end, cue_type), ...]``.
- :func:`horizon_span` -- ``(start, end)`` of the time horizon ("within days", "by the end of the year") or None.
- :func:`prediction_info` -- ``(is_prediction, horizon text or None, [cue text, ...])``.

A sentence is a *prediction* when it states, expects, plans or threatens something that lies after the
time of the statement ("will", "is expected to", "is set to", "plans to", "may be forced to ... within
days"); see ``data/hedging/GUIDELINE.md``. Pure functions of the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from presslens.text.hedging import (
    CONDITIONAL,
    IGNORE_CASE,
    MODAL,
    MODAL_FIRST,
    MODAL_TRIGGERS,
    SPEECH_BEFORE,
    Cue,
    dedupe_cues,
    modal_kind,
)
from presslens.text.wordstarts import WordStarts, finditer_from, index_words, may_match, words_of

# Prediction cues and time horizons
# ---------------------------------------------------------------------------------------------------

_NUM_WORD = (
    r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|"
    r"forty|fifty|sixty|ninety|a few|few|several|a couple of|couple of|a number of)"
)
_UNIT = r"(?:hours?|days?|weeks?|months?|years?|decades?|minutes?)"
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)"
)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_SEASON = r"(?:spring|summer|autumn|fall|winter)"

_HORIZON = re.compile(
    r"\b(?:"
    rf"within\s+(?:the\s+)?(?:next\s+|coming\s+)?(?:{_NUM_WORD}\s+)?{_UNIT}|"
    rf"in\s+the\s+(?:next|coming)\s+(?:{_NUM_WORD}\s+)?{_UNIT}|"
    rf"(?:over|during)\s+the\s+(?:next|coming)\s+(?:{_NUM_WORD}\s+)?{_UNIT}|"
    rf"in\s+(?:{_NUM_WORD}\s+){_UNIT}(?:'|’)?\s+time|"
    rf"in\s+(?!a\s|an\s)(?:{_NUM_WORD}\s+){_UNIT}(?=\s*[,.;]|\s+(?:if|unless|or|and)\b|$)|"
    rf"(?:by|before|until|till)\s+the\s+(?:end|start|beginning|middle)\s+of\s+(?:the\s+|this\s+|next\s+)?"
    rf"(?:year|month|week|decade|summer|winter|spring|autumn|{_MONTH}|\d{{4}})|"
    rf"(?:by|before|until|till)\s+(?:the\s+)?(?:end|start)\s+of\s+{_MONTH}|"
    rf"(?:by|before|until|till)\s+(?:the\s+)?(?:early\s+|late\s+|mid-?)?(?:{_MONTH}(?:\s+\d{{1,2}})?(?:,?\s+\d{{4}})?|"
    rf"\d{{4}}|{_WEEKDAY}|{_SEASON}|next\s+(?:week|month|year|{_SEASON}|{_WEEKDAY}))|"
    rf"(?:next|this\s+coming)\s+(?:week|month|year|weekend|{_SEASON}|{_WEEKDAY})|"
    rf"(?:later|early|earlier)\s+(?:this|next)\s+(?:week|month|year|{_SEASON})|"
    rf"later\s+today|tomorrow|tonight|"
    rf"in\s+the\s+(?:coming|next)\s+(?:days|weeks|months|years)|"
    rf"in\s+the\s+(?:near|foreseeable|coming)\s+future|"
    rf"in\s+the\s+(?:coming|next)\s+(?:round|phase|stage)|"
    rf"(?:as\s+(?:soon|early)\s+as|from)\s+(?:next\s+(?:week|month|year|{_WEEKDAY})|tomorrow)|"
    rf"soon|shortly|imminently|any\s+(?:day|moment|time)\s+now"
    r")\b",
    IGNORE_CASE,
)

_PREDICTION_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("future", re.compile(r"\b(?:will|shall|won't|shan't)\b|\w(?:'ll|’ll)\b", IGNORE_CASE)),
    (
        "going_to",
        re.compile(
            r"\b(?:is|are|am|'s|'re|’s|’re|was|were)\s+(?:not\s+)?going\s+to\s+"
            r"(?!the\b|a\b|an\b|his\b|her\b|their\b|its\b|my\b|our\b|work\b|school\b|war\b|church\b|"
            r"bed\b|court\b|hospital\b|prison\b|jail\b|[A-Z])",
        ),
    ),
    (
        "expected",
        re.compile(
            r"\b(?:is|are|was|were|be|been|being|'s|'re)\s+(?:widely\s+|also\s+|now\s+|still\s+|not\s+)?"
            r"(?:expected|set|due|scheduled|slated|poised|likely|unlikely|certain|sure|bound|planned|"
            r"projected|forecast|predicted|tipped|about|ready|preparing|on course|on track|yet)\s+to\b|"
            r"\b(?:expects?|expecting|anticipates?|anticipating|predicts?|predicting|forecasts?|forecasting|"
            r"projects?)\s+(?:that|to|a|an|the|further|more|\w+\s+to)\b",
            IGNORE_CASE,
        ),
    ),
    (
        "intention",
        re.compile(
            r"\b(?:plans?|planning|intends?|intending|aims?|aiming|hopes?|hoping|vows?|vowing|pledges?|"
            r"pledging|promises?|promising|threatens?|threatening|wants?|seeks?|seeking|prepares?|"
            r"vowed|pledged|promised|threatened|intended|planned|prepared)\s+to\s+(?!be\s+\w+ed\s+by\b)"
            r"(?!the\b|a\b|an\b)",
            IGNORE_CASE,
        ),
    ),
    (
        "imminence",
        re.compile(
            r"\b(?:on the verge of|on the brink of|in the coming|in the near future|is to be|are to be|"
            r"upcoming|forthcoming|looming|impending|next round of)\b",
            IGNORE_CASE,
        ),
    ),
    (
        "is_to",
        re.compile(
            r"\b(?=(?:is|are)\s)"  # checked first: the look-behinds below then run only before "is"/"are"
            r"(?<!\baim )(?<!\bgoal )(?<!\bplan )(?<!\btask )(?<!\bidea )(?<!\bpurpose )(?<!\bobjective )"
            r"(?<!\bjob )(?<!\bway )(?<!\bwish )(?<!\bhope )(?<!\bpriority )"
            r"\b(?:is|are)\s+to\s+(?:visit|meet|hold|sign|travel|announce|decide|vote|begin|start|"
            r"receive|open|close|host|attend|address|deliver|present|face|stand|resume|return|launch|"
            r"introduce|publish|release|send|deploy|be)\b",
            IGNORE_CASE,
        ),
    ),
]

# trigger words of the prediction patterns (see _HEDGE_TRIGGERS); "is_to" has its own fast look-ahead
_PREDICTION_TRIGGERS: dict[str, frozenset[str]] = {
    "future": words_of("will shall won shan ll"),
    "going_to": words_of("going"),
    "expected": words_of(
        "expected set due scheduled slated poised likely unlikely certain sure bound planned projected",
        "forecast predicted tipped about ready preparing course track yet expect expects expecting",
        "anticipate anticipates anticipating predict predicts predicting forecasts forecasting project projects",
    ),
    "intention": words_of(
        "plan plans planning intend intends intending aim aims aiming hope hopes hoping vow vows vowing",
        "pledge pledges pledging promise promises promising threaten threatens threatening want wants seek",
        "seeks seeking prepare prepares vowed pledged promised threatened intended planned prepared",
    ),
    "imminence": words_of("verge brink coming future be upcoming forthcoming looming impending round"),
}

# Speed only: (first words, other characters a match can begin at) of each prediction pattern (see
# _HEDGE_FIRST). "future" also matches "we'll" from inside a word: texts with "'ll" are scanned in full.
_PREDICTION_FIRST: dict[str, tuple[frozenset[str], str]] = {
    "future": (words_of("will shall won shan"), ""),
    "going_to": (words_of("is are am was were"), "'\u2019"),
    "expected": (
        words_of(
            "is are was were be been being expect expects expecting anticipate anticipates anticipating predict",
            "predicts predicting forecast forecasts forecasting project projects",
        ),
        "'",
    ),
    "intention": (_PREDICTION_TRIGGERS["intention"], ""),
    "imminence": (words_of("on in is are upcoming forthcoming looming impending next"), ""),
    "is_to": (words_of("is are"), ""),
}
_HORIZON_FIRST = words_of(
    "within in over during by before until till next this later early earlier tomorrow tonight as from soon",
    "shortly imminently any",
)
_LL = re.compile(r"['\u2019]ll", IGNORE_CASE)

_NOUN_WILL_BEFORE = re.compile(
    r"\b(?:the|a|his|her|their|its|our|my|your|political|free|good|ill|popular|public|national|"
    r"collective|people's|against|own|last|strong|iron|sheer|broad|living|general|no|of)\s*$",
    IGNORE_CASE,
)
_NOUN_WILL_AFTER = re.compile(r"^\s*(?:of\b|to\s+(?:fight|resist|win|live|survive|continue|negotiate)\b)", IGNORE_CASE)
_MODAL_FUTURE_AFTER = re.compile(
    r"^\s+(?:not\s+|soon\s+|well\s+|even\s+|still\s+|also\s+|yet\s+|eventually\s+|quickly\s+|"
    r"further\s+)*(?P<verb>[A-Za-z'’-]+)(?:\s+(?P<next>[A-Za-z'’-]+))?",
    IGNORE_CASE,
)
_STATE_VERBS = {
    "be", "have", "seem", "appear", "know", "mean", "contain", "exist", "include", "belong", "remain",
    "indicate", "suggest", "explain", "reflect", "involve", "represent", "depend", "lack", "need",
}
_PAST_MARKERS = re.compile(
    r"\b(?:had\s+(?:planned|intended|hoped|promised|vowed|threatened|wanted)|"
    r"never\s+(?:materiali[sz]ed|happened|came)|but\s+(?:never|did not|didn't|failed))\b",
    IGNORE_CASE,
)


def _will_is_noun(text: str, start: int, end: int) -> bool:
    word = text[start:end]
    if word.lower() != "will":
        return False
    if word == "Will" and text[:start].rstrip() and text[:start].rstrip()[-1] not in ".!?\"'“‘(\n":
        return True  # a name ("Will Vernon") mid-sentence
    before = text[:start]
    after = text[end:]
    if _NOUN_WILL_BEFORE.search(before):
        return True
    if _NOUN_WILL_AFTER.match(after):
        return True
    return bool(re.match(r"^\s*[,.;:)]", after))


_DISCLOSURE_AFTER = re.compile(
    r"^\s+(?P<neg>not\s+)?(?:say|comment|confirm|deny|disclose|reveal|tell|answer|discuss|explain|specify|name|"
    r"give\s+(?:details|figures|numbers))\b",
    IGNORE_CASE,
)
_NEGATIVE_SUBJECT = re.compile(r"\b(?:nobody|no\s+one|none\s+of|neither)\b[^.;:!?]*$", IGNORE_CASE)


def _will_is_refusal(text: str, start: int, end: int) -> bool:
    """"nobody will say how many", "the ministry won't comment": a present refusal to disclose, not a
    statement about the future."""
    m = _DISCLOSURE_AFTER.match(text[end:])
    if not m:
        return False
    word = text[start:end].lower().replace("’", "'")
    negated = bool(m.group("neg")) or word in {"won't", "shan't"}
    return negated or bool(_NEGATIVE_SUBJECT.search(text[:start]))


def _modal_is_future(text: str, start: int, end: int) -> bool:
    """"may/might/could + action verb" (or + passive participle) points ahead; "+ have" points back."""
    word = text[start:end].lower().split()[0].replace("n't", "")
    if word not in {"may", "might", "could"}:
        return False
    if modal_kind(text, start, end) is None:
        return False  # month, noun "might", past ability "could not leave", perception "could see"
    m = _MODAL_FUTURE_AFTER.match(text[end:])
    if not m:
        return False
    verb = m.group("verb").lower()
    nxt = (m.group("next") or "").lower()
    if verb == "have" or verb in {"not"}:
        return False
    if verb == "be":
        # "may be forced/expanded/sent" (passive, future); "may be higher/running" (present state).
        return bool(
            re.fullmatch(r"[a-z]+(?:ed|en|wn|ung|ught|old|one|ade|ent|ut|et|it)", nxt)
            and nxt not in {"then", "when", "even", "often", "seven", "eleven", "given", "open", "between",
                            "hidden", "present", "different", "sufficient", "evident", "independent",
                            "confident", "urgent", "recent", "silent", "violent", "absent", "frequent"}
        ) or nxt in {"forced", "sent", "made", "held", "built", "cut", "shut", "put", "set", "hit"}
    return verb not in _STATE_VERBS


def _is_reported_future(text: str, start: int, end: int) -> bool:
    """"said the troops would stay": a future stated in reported speech."""
    if text[start:end].lower() != "would":
        return False
    if re.match(r"\s+(?:have|like|rather|prefer)\b", text[end:], IGNORE_CASE):
        return False
    return bool(SPEECH_BEFORE.search(text[:start])) and not CONDITIONAL.search(text)


def prediction_cues(text: str) -> list[Cue]:
    """Character spans of cues that point to the future: ``[(start, end, cue_type), ...]``.

    ``cue_type`` is one of "future", "going_to", "expected", "intention", "imminence", "is_to",
    "modal_future", "reported_future", "horizon".
    """
    index = WordStarts(text)
    return _prediction_cues(text, _horizon_span(text, index), index)


def _pattern_matches(
    cue_type: str, pattern: re.Pattern[str], text: str, index: WordStarts
) -> Iterable[re.Match[str]]:
    if cue_type == "future" and _LL.search(text):
        return pattern.finditer(text)
    first, also_at = _PREDICTION_FIRST[cue_type]
    return finditer_from(pattern, index, first, also_at=also_at)


def _prediction_cues(text: str, span: tuple[int, int] | None, index: WordStarts) -> list[Cue]:
    """:func:`prediction_cues` with the horizon already found (``span``)."""
    cues: list[Cue] = []
    words = index_words(text, index)
    for cue_type, pattern in _PREDICTION_PATTERNS:
        if not may_match(words, _PREDICTION_TRIGGERS.get(cue_type)):
            continue
        for m in _pattern_matches(cue_type, pattern, text, index):
            if cue_type == "future" and (
                _will_is_noun(text, m.start(), m.end()) or _will_is_refusal(text, m.start(), m.end())
            ):
                continue
            cues.append((m.start(), m.end(), cue_type))
    for m in finditer_from(MODAL, index, MODAL_FIRST) if may_match(words, MODAL_TRIGGERS) else ():
        if _modal_is_future(text, m.start(), m.end()):
            cues.append((m.start(), m.end(), "modal_future"))
        elif _is_reported_future(text, m.start(), m.end()):
            cues.append((m.start(), m.end(), "reported_future"))
    if span is not None:
        cues.append((span[0], span[1], "horizon"))
    return dedupe_cues(cues)


def horizon_span(text: str) -> tuple[int, int] | None:
    """The first future time horizon in ``text`` ("within days", "by the end of the year"), or None."""
    return _horizon_span(text, WordStarts(text))


def _horizon_span(text: str, index: WordStarts) -> tuple[int, int] | None:
    for m in finditer_from(_HORIZON, index, _HORIZON_FIRST):
        if _horizon_is_past(text, m.start(), m.end()):
            continue
        return m.start(), m.end()
    return None


def _horizon_is_past(text: str, start: int, end: int) -> bool:
    """"by the end of 2021 they had ..." or a year already referred to in the past tense."""
    phrase = text[start:end].lower()
    if phrase in {"soon", "shortly"}:
        # "soon after the attack", "shortly before midnight": a past sequence, not a horizon
        return bool(re.match(r"\s*(?:after|before|afterwards|thereafter)\b", text[end:], IGNORE_CASE))
    return False


def prediction_info(text: str) -> tuple[bool, str | None, list[str]]:
    """Whether ``text`` is about the future, the time horizon text if any, and the cue texts found.

    A horizon alone ("next week") makes a sentence a prediction only together with a verb that is not
    plainly past ("The talks resume next week" yes; "He left last week" has no horizon at all).
    """
    index = WordStarts(text)
    span = _horizon_span(text, index)
    cues = _prediction_cues(text, span, index)
    strong = [c for c in cues if c[2] != "horizon"]
    if _PAST_MARKERS.search(text) and not any(c[2] in {"future", "expected", "going_to"} for c in strong):
        strong = []
    is_prediction = bool(strong)
    if not is_prediction and span is not None and not _looks_past(text):
        is_prediction = True
    horizon = text[span[0] : span[1]] if (is_prediction and span is not None) else None
    return is_prediction, horizon, [text[s:e] for s, e, _ in cues]


_PAST_VERB = re.compile(
    r"\b(?:was|were|had|did|said|announced|reported|left|fled|killed|died|began|started|ended|took|"
    r"came|went|fell|struck|hit|launched|claimed|told|added|\w+ed)\b",
    IGNORE_CASE,
)


def _looks_past(text: str) -> bool:
    return bool(_PAST_VERB.search(text))


# (pattern, first words) of the patterns tried at first words only, for the tests (the prediction patterns
# go through _pattern_matches)
ANCHORED_PATTERNS: list[tuple[re.Pattern[str], frozenset[str]]] = [(_HORIZON, _HORIZON_FIRST)]


# ---------------------------------------------------------------------------------------------------
# Predictions a reader may want to track (data/realnews/GUIDELINE.md section 6)
# ---------------------------------------------------------------------------------------------------

# cue types that state the future outright ("will", "is going to", "is expected to", "is to visit")
FORECAST_CUES = frozenset({"future", "going_to", "expected", "is_to"})
# "may/could + action verb": a possible future, often a mere possibility or a rule ("members may vote")
POSSIBLE_CUES = frozenset({"modal_future"})

# time phrases that give a forecast its horizon in news text, beyond those of _HORIZON (which implements
# data/hedging/GUIDELINE.md and stays as it is): "eventually", "at any time", "another six months",
# "in September", "on Friday", "over the course of the next few years"
_FORECAST_HORIZON = re.compile(
    r"\b(?:"
    rf"(?:for\s+)?another\s+(?:{_NUM_WORD}\s+)?{_UNIT}|"
    rf"over\s+the\s+course\s+of\s+the\s+(?:next|coming)\s+(?:{_NUM_WORD}\s+)?{_UNIT}|"
    rf"in\s+the\s+next\s+(?:\w+\s+)?(?:cycle|election|term|session|season|round)|"
    rf"a\s+week\s+from\s+{_WEEKDAY}|"
    rf"(?:on|by|until|till|in|this|next|from)\s+(?:{_WEEKDAY}|{_MONTH}(?:\s+\d{{1,2}})?(?:,?\s+\d{{4}})?)|"
    r"(?:at\s+)?any\s*time|eventually|ultimately|sooner\s+or\s+later|one\s+day|at\s+one\s+point|"
    r"in\s+the\s+long\s+run"
    r")\b",
    IGNORE_CASE,
)
_QUESTION_END = re.compile(r"\?[\"'”’)\]]*\s*$")
_LIST_ITEM = re.compile(r"^\s*[*•·-]\s")
_SHALL = re.compile(r"^(?:shall|shan't|shan’t)$", IGNORE_CASE)


Forecast = tuple[str, list[Cue], tuple[int, int] | None]
"""(strength, cue spans, horizon span) of a sentence's prediction (:func:`forecast_cues`)."""


def forecast_cues(text: str) -> Forecast | None:
    """The prediction a sentence makes, for a ``prediction`` finding: ``(strength, cues, horizon span)``,
    or None.

    ``strength`` is "forecast" when a cue states the future outright ("will", "is expected to", "is set to")
    and "possible" when only "may/could/might + action verb" points ahead. Stricter than
    :func:`prediction_info`: questions ("Will he be confirmed?"), list items of polls, legal "shall", plans,
    hopes and threats ("plans to", "vowed to"), reported "would" and a horizon alone make no prediction
    finding, as they rarely were one in real news.
    """
    if _QUESTION_END.search(text) or _LIST_ITEM.match(text):
        return None
    index = WordStarts(text)
    span = _horizon_span(text, index)
    cues = [c for c in _prediction_cues(text, span, index) if not _SHALL.match(text[c[0]:c[1]])]
    kinds = {c[2] for c in cues}
    if kinds & FORECAST_CUES:
        strength = "forecast"
    elif kinds & POSSIBLE_CUES:
        strength = "possible"
    else:
        return None
    if _PAST_MARKERS.search(text) and not kinds & {"future", "expected", "going_to"}:
        return None
    kept = FORECAST_CUES | POSSIBLE_CUES
    if span is None:
        extra = _FORECAST_HORIZON.search(text)
        span = (extra.start(), extra.end()) if extra else None
    return strength, [c for c in cues if c[2] in kept], span
