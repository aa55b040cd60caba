"""Rule-based hedging and prediction cues for English sentences (a helper module, not an analyzer).

Public API (stable; the ``claims`` analyzer imports it):

- :func:`hedge_cues` -- character spans of hedging cues: ``[(start, end, cue_type), ...]``.
- :func:`is_hedged` -- ``(hedged, [cue text, ...])``.
- :func:`prediction_cues` -- character spans of future/prediction cues: ``[(start, end, cue_type), ...]``.
- :func:`horizon_span` -- ``(start, end)`` of the time horizon ("within days", "by the end of the year") or None.
- :func:`prediction_info` -- ``(is_prediction, horizon text or None, [cue text, ...])``.

The labelling guideline these rules implement is ``data/hedging/GUIDELINE.md``. In short: a sentence is
*hedged* when its content is presented as uncertain, unverified or second-hand (modal "may/might/could",
"reportedly", "is believed to", "it is unclear whether", "unconfirmed reports"); attribution to a named
source alone ("the ministry said") is not hedging. A sentence is a *prediction* when it states,
expects, plans or threatens something that lies after the time of the statement ("will", "is expected
to", "is set to", "plans to", "may be forced to ... within days").

Everything here is a pure function of the text (regular expressions plus a few context checks); no
model and no tokenizer are needed. Offsets are Python string indices into the text passed in.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, KeysView
from collections.abc import Set as AbstractSet

from presslens.analyzers.wordstarts import WordStarts, finditer_from, words_of

Cue = tuple[int, int, str]

_FLAGS = re.IGNORECASE

# ---------------------------------------------------------------------------------------------------
# Hedging cues
# ---------------------------------------------------------------------------------------------------

_HEDGE_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        "adverb",
        re.compile(
            r"\b(?:reportedly|allegedly|purportedly|supposedly|apparently|possibly|probably|presumably|"
            r"seemingly|ostensibly|perhaps|maybe|conceivably|potentially|likely|unlikely|"
            r"most likely|in all likelihood|arguably)\b",
            _FLAGS,
        ),
    ),
    (
        "evidential",
        re.compile(
            r"\b(?:(?:is|are|was|were|has been|have been|had been|being)\s+"
            r"(?:widely\s+|also\s+|now\s+|still\s+)?"
            r"(?:believed|thought|said|reported|rumou?red|alleged|understood|suspected|feared|"
            r"estimated|assumed|presumed|claimed|expected to have)\s+(?:to|of|that)\b)",
            _FLAGS,
        ),
    ),
    (
        "evidential",
        re.compile(
            r"\b(?:appears?|appeared|seems?|seemed)\s+(?:to|that|as if|likely|unlikely)\b|"
            r"\bit\s+(?:appears|appeared|seems|seemed)\b",
            _FLAGS,
        ),
    ),
    (
        "evidential",
        re.compile(
            r"\b(?:reports?|accounts?|evidence|indications?|signs|footage|images|data|estimates?)\s+"
            r"(?:\w+\s+)?(?:suggests?|suggested|indicates?|indicated|point(?:s|ed)? to)\b|"
            r"\b(?:suggests?|suggested|suggesting)\s+that\b|"
            r"\bthere\s+(?:are|were|is|was)\s+(?!no\b|not\b)(?:\w+\s+)?(?:reports|indications|suggestions|rumou?rs|"
            r"signs)\b",
            _FLAGS,
        ),
    ),
    (
        "second_hand",
        re.compile(
            r"\b(?:according to|citing)\s+(?:(?:unconfirmed|unverified|unnamed|anonymous|local|media|"
            r"some|several|other|various|several media|news)\s+)+"
            r"(?:reports?|sources?|accounts?|officials?|outlets?|media|witnesses|residents|bloggers)\b|"
            r"\b(?:unnamed|anonymous)\s+(?:sources?|officials?|people)\b|"
            r"\b(?:citing|according to)\s+(?:a|an|one|two|several)\s+(?:\w+\s+)?sources?\b|"
            r"\ba\s+source\s+(?:close to|in|at|within|familiar with|inside)\b|"
            r"\bsources\s+(?:close to|familiar with|say|said|told|claim)\b|"
            r"\b(?:media|news|press)\s+reports\b|"
            r"\breports\s+(?:say|said|claim|claimed)\b|"
            r"\bit\s+(?:is|was|has been)\s+(?:reported|rumou?red|alleged|claimed)\b|"
            r"\brumou?rs?\b",
            _FLAGS,
        ),
    ),
    (
        "unverified",
        re.compile(
            r"\b(?:unconfirmed|unverified|uncorroborated|unsubstantiated)\b|"
            r"\b(?:could|can|cannot|can't|could not|couldn't|has not been|have not been|had not been|"
            r"was not|were not|is not|are not)\s+(?:be\s+)?(?:independently\s+)?"
            r"(?:verified|confirmed|corroborated)\b|"
            r"\bif\s+(?:confirmed|true|verified)\b|"
            r"\bnot\s+(?:yet\s+)?(?:been\s+)?(?:independently\s+)?(?:verified|confirmed)\b",
            _FLAGS,
        ),
    ),
    (
        "uncertainty",
        re.compile(
            r"\bit\s+(?:is|was|remains|remained)\s+(?:still\s+)?(?:unclear|not clear|uncertain|unknown|"
            r"not known|possible|impossible to say|too early to say|hard to say|difficult to say)\b|"
            r"\b(?:unclear|uncertain|not clear|not known|unknown)\s+(?:whether|if|how|what|who|why|when|"
            r"where|exactly)\b|"
            r"\b(?:remains?|remained)\s+(?:unclear|uncertain|unknown)\b|"
            r"\bnobody knows\b|\bno one knows\b|"
            r"\b(?:it is|it's)\s+(?:doubtful|questionable)\b|\bdoubts?\s+(?:remain|persist|over|about)\b|"
            r"\b(?:a|the)\s+(?:possible|potential|suspected|alleged|apparent|presumed|likely|probable)\b",
            _FLAGS,
        ),
    ),
    (
        "epistemic_verb",
        re.compile(
            r"\b(?:believes?|believed|thinks?|suspects?|suspected|fears?|feared|assesses|assessed|"
            r"estimates?|speculated?|speculates|guess(?:es|ed)?)\s+(?:that|it|they|he|she|the)\b|"
            r"\b(?:claims?|claimed|claiming)\s+(?:to have|to be|that)\b|"
            r"\bin theory\b|\bmay well\b|\bmight well\b",
            _FLAGS,
        ),
    ),
]

# Speed only: for an ASCII sentence, a pattern can match only if one of its trigger words occurs in the
# sentence as a whole word (every alternative of the pattern holds one of them between word boundaries),
# so patterns without any of their trigger words are skipped. Results are identical with or without these
# sets (non-ASCII sentences always run every pattern).
_HEDGE_TRIGGERS: dict[int, frozenset[str]] = {
    0: words_of(
        "reportedly allegedly purportedly supposedly apparently possibly probably presumably seemingly",
        "ostensibly perhaps maybe conceivably potentially likely unlikely likelihood arguably",
    ),
    1: words_of(
        "believed thought said reported rumored rumoured alleged understood suspected feared estimated",
        "assumed presumed claimed expected",
    ),
    2: words_of("appear appears appeared seem seems seemed"),
    3: words_of("suggest suggests suggested suggesting indicate indicates indicated point points pointed there"),
    4: words_of(
        "according citing unnamed anonymous source sources reports reported rumored rumoured alleged claimed",
        "rumor rumour rumors rumours",
    ),
    5: words_of("unconfirmed unverified uncorroborated unsubstantiated verified confirmed corroborated true"),
    6: words_of(
        "unclear clear uncertain unknown known possible impossible say knows doubtful questionable doubt",
        "doubts potential suspected alleged apparent presumed likely probable",
    ),
    7: words_of(
        "believe believes believed think thinks suspect suspects suspected fear fears feared assesses",
        "assessed estimate estimates speculate speculated speculates guess guesses guessed claim claims",
        "claimed claiming theory well",
    ),
}
# modal runs, including the contracted "couldn't" (word run "couldn")
_MODAL_TRIGGERS = words_of("may might could would must mayn mightn couldn wouldn mustn")


def _index_words(text: str, index: WordStarts) -> KeysView[str] | None:
    """The lower-cased whole words of an ASCII ``text`` (read off its index); None (no skipping) for any
    other text."""
    return index.words if text.isascii() else None


def _may_match(words: AbstractSet[str] | None, triggers: frozenset[str] | None) -> bool:
    """False only when ``words`` holds none of ``triggers``."""
    return words is None or triggers is None or not words.isdisjoint(triggers)


# "may", "might", "could", "would", "must have": modals that hedge, with exclusions checked in code.
_MODAL = re.compile(r"\b(?:may|might|could|would|must)(?:n't|\s+not)?\b", _FLAGS)

# Speed only: the words a match of each hedge pattern can begin with (see wordstarts.finditer_from; tests
# check these lists against matches generated from the patterns).
_HEDGE_FIRST: list[frozenset[str]] = [
    words_of(
        "reportedly allegedly purportedly supposedly apparently possibly probably presumably seemingly",
        "ostensibly perhaps maybe conceivably potentially likely unlikely most in arguably",
    ),
    words_of("is are was were has have had being"),
    words_of("appear appears appeared seem seems seemed it"),
    words_of(
        "report reports account accounts evidence indication indications signs footage images data estimate",
        "estimates suggest suggests suggested suggesting there",
    ),
    words_of("according citing unnamed anonymous a sources media news press reports it rumor rumors rumour rumours"),
    words_of(
        "unconfirmed unverified uncorroborated unsubstantiated could can cannot couldn has have had was were is",
        "are if not",
    ),
    words_of("it unclear uncertain not unknown remain remains remained nobody no doubt doubts a the"),
    words_of(
        "believe believes believed think thinks suspect suspects suspected fear fears feared assesses assessed",
        "estimate estimates speculate speculated speculates guess guesses guessed claim claims claimed claiming",
        "in may might",
    ),
]
_MODAL_FIRST = _MODAL_TRIGGERS

_MONTH_CONTEXT_BEFORE = re.compile(
    r"(?:\b(?:in|since|until|till|of|early|late|mid|last|next|this|on|by|from|to|through|during|"
    r"before|after|between|and|or|until|end|start|beginning|\d{1,2})[\s-]*|-)$",
    _FLAGS,
)
_MONTH_CONTEXT_AFTER = re.compile(r"^\s*(?:\d|and\s+[A-Z]|or\s+[A-Z]|last\b|this\b|,\s*\d)")
_NOUN_MIGHT_BEFORE = re.compile(
    r"\b(?:military|economic|naval|air|nuclear|full|its|his|her|their|our|the|russian|american|"
    r"chinese|western|industrial|financial|sheer|all (?:its|their|his|her|our))\s*$|['’]s?\s*$",
    _FLAGS,
)
_COULD_ABILITY_AFTER = re.compile(
    r"^\s*(?:not|n't)?\s*(?:only|barely|hardly|scarcely|no longer|not even|even)?\s*"
    r"(?:see|hear|feel|smell|leave|move|walk|sleep|eat|afford|find|get|go|escape|speak|read|reach|"
    r"believe|understand|remember|tell|do|stop|wait|return|cross|enter|work|help)\b",
    _FLAGS,
)
_NEGATED_MODAL = re.compile(r"(?:n't|\s+not)$", _FLAGS)
_SPEECH_BEFORE = re.compile(
    r"\b(?:said|says|announced|warned|promised|pledged|vowed|insisted|predicted|declared|added|told|"
    r"stated|claimed|confirmed|signalled|signaled|suggested|indicated|hinted|threatened|expected|"
    r"believed|thought|hoped|feared|knew|decided|agreed|assured)\b[^.;]*$",
    _FLAGS,
)
_CONDITIONAL = re.compile(r"\b(?:if|unless|otherwise|without|in case|were it not|had it not)\b", _FLAGS)


def _is_month_or_name_may(text: str, start: int, end: int) -> bool:
    word = text[start:end]
    if not word.startswith("May"):
        return False
    before = text[:start]
    after = text[end:]
    if _MONTH_CONTEXT_AFTER.match(after) or _MONTH_CONTEXT_BEFORE.search(before):
        return True
    # Capitalised mid-sentence "May" is a month or a surname ("Theresa May"), not a modal.
    stripped = before.rstrip()
    at_sentence_start = not stripped or stripped[-1] in ".!?:;\"'“‘(\n"
    return not at_sentence_start


def _is_noun_might(text: str, start: int, end: int) -> bool:
    if text[start:end].lower() != "might":
        return False
    if _NOUN_MIGHT_BEFORE.search(text[:start]):
        return True
    return bool(re.match(r"\s*(?:of|and|to\s+(?:bear|the))\b", text[end:], _FLAGS))


def _modal_kind(text: str, start: int, end: int) -> str | None:
    """Return "modal" when the modal at ``text[start:end]`` hedges, else None."""
    word = text[start:end].lower().split()[0].replace("n't", "")
    after = text[end:]
    if word == "may" and _is_month_or_name_may(text, start, end):
        return None
    if word == "might" and _is_noun_might(text, start, end):
        return None
    if word == "must":
        # Only epistemic "must have been"/"must be" + adjective of inference hedges; obligation does not.
        return "modal" if re.match(r"\s+have\b", after, _FLAGS) and not _NEGATED_MODAL.search(
            text[start:end]
        ) else None
    if word == "could":
        if _NEGATED_MODAL.search(text[start:end]) or re.match(r"\s*n't", after):
            # "could not leave": past inability, unless "could not be ruled out/excluded".
            if re.match(r"\s+(?:be\s+)?(?:ruled out|rule out|excluded|exclude)\b", after, _FLAGS):
                return "modal"
            return None
        if re.match(r"\s+(?:clearly\s+|still\s+|just\s+)?(?:see|hear|feel|smell|make out|sense)\b", after, _FLAGS):
            return None  # perception: "could see the convoy", "could hear the shelling"
        if _COULD_ABILITY_AFTER.match(after) and re.search(
            r"\b(?:when|as|while|so that|where|before|after|until|because|that night|only)\s+[^,.;]*$",
            text[:start],
            _FLAGS,
        ):
            return None
        return "modal"
    if word == "would":
        if _NEGATED_MODAL.search(text[start:end]):
            return "modal" if _CONDITIONAL.search(text) else None
        # "said it would": reported future (a prediction cue), not a hedge; conditional "would" hedges.
        if _SPEECH_BEFORE.search(text[:start]) and not _CONDITIONAL.search(text):
            return None
        if re.match(r"\s+(?:like|rather|prefer)\b", after, _FLAGS):
            return None
        return "modal"
    return "modal"  # may / might


def _dedupe(cues: Iterable[Cue]) -> list[Cue]:
    """Sort cues and drop those fully contained in an earlier, longer cue."""
    out: list[Cue] = []
    for s, e, t in sorted(cues, key=lambda c: (c[0], -c[1])):
        if out and s >= out[-1][0] and e <= out[-1][1]:
            continue
        out.append((s, e, t))
    return out


def hedge_cues(text: str, index: WordStarts | None = None) -> list[Cue]:
    """Character spans of hedging cues in ``text``: ``[(start, end, cue_type), ...]`` sorted by start.

    ``cue_type`` is one of "modal", "adverb", "evidential", "second_hand", "unverified", "uncertainty",
    "epistemic_verb". ``index``: the :class:`WordStarts` of ``text``, if already built.
    """
    cues: list[Cue] = []
    index = index if index is not None else WordStarts(text)
    words = _index_words(text, index)
    for k, (cue_type, pattern) in enumerate(_HEDGE_PATTERNS):
        if not _may_match(words, _HEDGE_TRIGGERS.get(k)):
            continue
        for m in finditer_from(pattern, index, _HEDGE_FIRST[k]):
            cues.append((m.start(), m.end(), cue_type))
    for m in finditer_from(_MODAL, index, _MODAL_FIRST) if _may_match(words, _MODAL_TRIGGERS) else ():
        kind = _modal_kind(text, m.start(), m.end())
        if kind:
            cues.append((m.start(), m.end(), kind))
    return _dedupe(cues)


def is_hedged(text: str, index: WordStarts | None = None) -> tuple[bool, list[str]]:
    """Whether ``text`` presents its content as uncertain or second-hand, and the cue texts found."""
    cues = hedge_cues(text, index)
    return bool(cues), [text[s:e] for s, e, _ in cues]


# ---------------------------------------------------------------------------------------------------
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
    _FLAGS,
)

_PREDICTION_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("future", re.compile(r"\b(?:will|shall|won't|shan't)\b|\w(?:'ll|’ll)\b", _FLAGS)),
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
            _FLAGS,
        ),
    ),
    (
        "intention",
        re.compile(
            r"\b(?:plans?|planning|intends?|intending|aims?|aiming|hopes?|hoping|vows?|vowing|pledges?|"
            r"pledging|promises?|promising|threatens?|threatening|wants?|seeks?|seeking|prepares?|"
            r"vowed|pledged|promised|threatened|intended|planned|prepared)\s+to\s+(?!be\s+\w+ed\s+by\b)"
            r"(?!the\b|a\b|an\b)",
            _FLAGS,
        ),
    ),
    (
        "imminence",
        re.compile(
            r"\b(?:on the verge of|on the brink of|in the coming|in the near future|is to be|are to be|"
            r"upcoming|forthcoming|looming|impending|next round of)\b",
            _FLAGS,
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
            _FLAGS,
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
_LL = re.compile(r"['\u2019]ll", _FLAGS)

_NOUN_WILL_BEFORE = re.compile(
    r"\b(?:the|a|his|her|their|its|our|my|your|political|free|good|ill|popular|public|national|"
    r"collective|people's|against|own|last|strong|iron|sheer|broad|living|general|no|of)\s*$",
    _FLAGS,
)
_NOUN_WILL_AFTER = re.compile(r"^\s*(?:of\b|to\s+(?:fight|resist|win|live|survive|continue|negotiate)\b)", _FLAGS)
_MODAL_FUTURE_AFTER = re.compile(
    r"^\s+(?:not\s+|soon\s+|well\s+|even\s+|still\s+|also\s+|yet\s+|eventually\s+|quickly\s+|"
    r"further\s+)*(?P<verb>[A-Za-z'’-]+)(?:\s+(?P<next>[A-Za-z'’-]+))?",
    _FLAGS,
)
_STATE_VERBS = {
    "be", "have", "seem", "appear", "know", "mean", "contain", "exist", "include", "belong", "remain",
    "indicate", "suggest", "explain", "reflect", "involve", "represent", "depend", "lack", "need",
}
_PAST_MARKERS = re.compile(
    r"\b(?:had\s+(?:planned|intended|hoped|promised|vowed|threatened|wanted)|"
    r"never\s+(?:materiali[sz]ed|happened|came)|but\s+(?:never|did not|didn't|failed))\b",
    _FLAGS,
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
    _FLAGS,
)
_NEGATIVE_SUBJECT = re.compile(r"\b(?:nobody|no\s+one|none\s+of|neither)\b[^.;:!?]*$", _FLAGS)


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
    if _modal_kind(text, start, end) is None:
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
    if re.match(r"\s+(?:have|like|rather|prefer)\b", text[end:], _FLAGS):
        return False
    return bool(_SPEECH_BEFORE.search(text[:start])) and not _CONDITIONAL.search(text)


def prediction_cues(text: str, index: WordStarts | None = None) -> list[Cue]:
    """Character spans of cues that point to the future: ``[(start, end, cue_type), ...]``.

    ``cue_type`` is one of "future", "going_to", "expected", "intention", "imminence", "is_to",
    "modal_future", "reported_future", "horizon". ``index``: the :class:`WordStarts` of ``text``, if built.
    """
    index = index if index is not None else WordStarts(text)
    return _prediction_cues(text, horizon_span(text, index), index)


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
    words = _index_words(text, index)
    for cue_type, pattern in _PREDICTION_PATTERNS:
        if not _may_match(words, _PREDICTION_TRIGGERS.get(cue_type)):
            continue
        for m in _pattern_matches(cue_type, pattern, text, index):
            if cue_type == "future" and (
                _will_is_noun(text, m.start(), m.end()) or _will_is_refusal(text, m.start(), m.end())
            ):
                continue
            cues.append((m.start(), m.end(), cue_type))
    for m in finditer_from(_MODAL, index, _MODAL_FIRST) if _may_match(words, _MODAL_TRIGGERS) else ():
        if _modal_is_future(text, m.start(), m.end()):
            cues.append((m.start(), m.end(), "modal_future"))
        elif _is_reported_future(text, m.start(), m.end()):
            cues.append((m.start(), m.end(), "reported_future"))
    if span is not None:
        cues.append((span[0], span[1], "horizon"))
    return _dedupe(cues)


def horizon_span(text: str, index: WordStarts | None = None) -> tuple[int, int] | None:
    """The first future time horizon in ``text`` ("within days", "by the end of the year"), or None."""
    index = index if index is not None else WordStarts(text)
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
        return bool(re.match(r"\s*(?:after|before|afterwards|thereafter)\b", text[end:], _FLAGS))
    return False


def prediction_info(text: str, index: WordStarts | None = None) -> tuple[bool, str | None, list[str]]:
    """Whether ``text`` is about the future, the time horizon text if any, and the cue texts found.

    A horizon alone ("next week") makes a sentence a prediction only together with a verb that is not
    plainly past ("The talks resume next week" yes; "He left last week" has no horizon at all).
    """
    index = index if index is not None else WordStarts(text)
    span = horizon_span(text, index)
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
    _FLAGS,
)


def _looks_past(text: str) -> bool:
    return bool(_PAST_VERB.search(text))


# (pattern, first words) of the patterns tried at first words only, for the tests (the prediction patterns
# go through _pattern_matches)
ANCHORED_PATTERNS: list[tuple[re.Pattern[str], frozenset[str]]] = [
    *((pattern, _HEDGE_FIRST[k]) for k, (_t, pattern) in enumerate(_HEDGE_PATTERNS)),
    (_MODAL, _MODAL_FIRST),
    (_HORIZON, _HORIZON_FIRST),
]

__all__ = ["Cue", "hedge_cues", "horizon_span", "is_hedged", "prediction_cues", "prediction_info"]
