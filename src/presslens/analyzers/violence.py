"""Calls to violence and endorsements of violence, told apart from reports of violence.

Each sentence is classified into one of four stances (see ``data/violence/GUIDELINE.md``):

- ``call``: the writer urges or instructs violent acts (attacks, killing, arson, sabotage, ...);
- ``endorsement``: the writer approves, glorifies or justifies violence;
- ``report``: anything else without a call to act (reports, condemnations, quoted calls, metaphors);
- ``nonviolent_call``: the writer urges peaceful action (sign, vote, march peacefully, donate, boycott).

The model has a fifth class, ``other`` (neutral sentences without violence or a call), which counts as
``report``.

Features are the shared sentence embedding (``features.sentence_embeddings``; no second encoder pass)
plus a small vector of lexical cues (imperative at a clause start, "let's / we must", approving words
next to violent acts, violent-act lexicon with figurative idioms such as "stabbed in the back" or "cut
taxes" masked out, attribution, reported opinion ("critics call it", "supporters say", "according to",
not adopted by the writer), past tense, condemnation, peaceful-action words, headline). A multinomial
logistic regression (weights in ``models/violence/``) gives class probabilities.

Decision: a sentence is violent when P(call) + P(endorsement) reaches the tuned threshold and it is in a
violent context: a violent-act or harm cue fired in it, or it has a pronoun ("it", "this", "such") and
the sentence before it (up to two pronoun hops) named a violent act. Outside a violent context a much
higher threshold applies (``threshold_no_cue``; the shipped model uses 1.01, i.e. never): praise of duty,
service, soldiers or patriotism, and political rhetoric ("fight for", "battle over the budget"), are not
endorsements of violence. A violent sentence is a call or an endorsement by the larger of the two.
Otherwise it is a nonviolent call when P(nonviolent_call) >= 0.5 and exceeds P(report) + P(other).

Findings: kind ``violence`` (label ``call_to_violence`` or ``endorsement``) and kind
``call_to_action`` (label ``nonviolent``), each spanning the sentence. Article label
``labels["violence"] = {"label": bool, "score": max sentence P(violence)}``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from presslens.analyzers.base import Analyzer, AnalyzerOutput, Features, register
from presslens.analyzers.numeric import softmax
from presslens.article import Article, Finding, span_ref
from presslens.registry import ModelRegistry, model_dir, model_loader

MODEL_DIR = model_dir("violence")
CLASSES: tuple[str, ...] = ("call", "endorsement", "report", "nonviolent_call", "other")
"""Model classes. ``other`` (neutral sentences: no violence, no call) is kept apart from ``report`` only
inside the model; for the four-class stance it counts as ``report`` (see :func:`stance_labels`)."""
STANCES: tuple[str, ...] = ("call", "endorsement", "report", "nonviolent_call")
FINDING_LABEL = {"call": "call_to_violence", "endorsement": "endorsement"}

_F = re.IGNORECASE

# ---------------------------------------------------------------------------------------------------
# Lexicons
# ---------------------------------------------------------------------------------------------------

# Base forms of violent verbs; inflections are added by _verb_forms.
_VIOLENT_VERBS = (
    "burn torch firebomb bomb shell shoot kill murder execute hang lynch stab beat punch kick smash wreck "
    "destroy loot sabotage attack assault storm raid ambush slaughter massacre level flatten raze poison "
    "strangle behead torture injure hurt maim cripple bleed slit slash derail sink rape assassinate "
    "drown starve exterminate annihilate crush kneecap kidnap hit stone ram throw blow break cut "
    "eliminate wipe fire bombard butcher gun burn"
).split()
_IRREGULAR = {
    "shoot": ["shot"], "hang": ["hanged", "hung"], "beat": ["beaten"], "hit": ["hitting"],
    "throw": ["threw", "thrown"], "blow": ["blew", "blown"], "break": ["broke", "broken"],
    "cut": ["cutting"], "slit": ["slitting"], "sink": ["sank", "sunk"], "burn": ["burnt"],
    "stab": ["stabbed", "stabbing"], "rob": ["robbed"], "ram": ["rammed", "ramming"],
    "kidnap": ["kidnapped", "kidnapping"], "gun": ["gunned", "gunning"], "drown": ["drowned"],
    "kneecap": ["kneecapped", "kneecapping"], "stone": ["stoned", "stoning"],
}


def _verb_forms(base: str) -> list[str]:
    forms = {base, base + "s", base + "es"}
    if base.endswith("e"):
        forms |= {base + "d", base[:-1] + "ing"}
    else:
        forms |= {base + "ed", base + "ing"}
    forms |= set(_IRREGULAR.get(base, []))
    return sorted(forms, key=len, reverse=True)


_VERB_ALT = "|".join(sorted({f for b in _VIOLENT_VERBS for f in _verb_forms(b)}, key=len, reverse=True))

# Phrasal or nominal violent acts and weapons.
_VIOLENT_PHRASES = (
    r"set\s+(?:\w+\s+){0,4}?(?:on\s+fire|alight|ablaze)|set\s+fire\s+to|go(?:es)?\s+up\s+in\s+flames|"
    r"put\s+(?:\w+\s+){0,3}?to\s+the\s+(?:torch|sword)|take\s+up\s+arms|blow\s+(?:\w+\s+){0,3}?up|"
    r"run\s+(?:\w+\s+){0,2}?over|gun\s+down|wipe\s+(?:\w+\s+){0,3}?out|to\s+the\s+ground|"
    r"petrol[- ]bombs?|molotov|arson\w*|riot\w*|uprising|insurrection|bloodshed|violence|violent|"
    r"bullets?|grenades?|explosives?|rifles?|guns?|knife|knives|acid|rope|guillotine|iron\s+bars|"
    r"baseball\s+bats?|bats|bricks?|stones|rocks|flares|petrol|diesel|matches|lighters?|"
    r"firing\s+squads?|massacres?|pogroms?|lynching|airstrikes?|air\s+strikes?|missiles?|drones?|"
    r"bombs?|bombing|flames?|fires?|blaze|ablaze|alight|hostages?|throats?|bones?|legs?|fingers?|"
    r"bleed|blood|bloody|dead|die|death|no\s+prisoners|no\s+mercy|against\s+the\s+wall|"
    r"make\s+(?:him|her|them)\s+disappear|never\s+walks?\s+again|rubble|bonfires?|won'?t\s+survive|"
    r"alive|weapons|arms|artillery|finish\s+(?:him|her|them|off)|knock\s+(?:him|her|them)\s+down|"
    r"strike\s+(?:the|their|his|her)|throwing|brick|punch|make\s+(?:him|her|them)\s+(?:feel|pay|suffer)|"
    # nominal acts of harm and harm idioms ("the execution of ...", "they had it coming")
    r"destruction|executions?|assassinations?|barrages?|shelling|fists?|sack\s+of|tear\s+down|"
    r"had\s+it\s+coming|what\s+(?:[\w'’]+\s+){1,4}?did\s+to|drive\s+(?:\w+\s+){0,2}?into"
)
_VIOLENT_RE = re.compile(rf"\b(?:{_VERB_ALT})\b|\b(?:{_VIOLENT_PHRASES})\b", _F)
_IDIOM_RE = re.compile(
    # Figurative uses of violent words in political and economic news; a violent word inside one of
    # these is not a violent-act cue.
    r"\bstab\w*\s+(?:[\w'’]+\s+){0,4}?in\s+the\s+back\b|\bback-?stabb\w*|"
    r"\b(?:cut|cuts|cutting)\s+(?:\w+\s+){0,2}?(?:taxe?s?|costs?|rates?|spending|prices?|jobs|funding|"
    r"budgets?|ties|emissions|wages|deficit|red\s+tape|losses)\b|"
    r"\b(?:break|breaks|broke|broken|breaking)\s+(?:a|the|his|her|their|its|our)?\s*(?:record|news|silence|"
    r"deadlock|stalemate|promises?|rules?|law|ice|ranks|story)\b|"
    r"\b(?:hit|hits|hitting)\s+(?:a|the|an)?\s*(?:record|headlines|target|ground\s+running|road|"
    r"jackpot|low|high|wall|snag)\b|\b(?:hit|hard[- ]hit)\s+by\s+(?:inflation|sanctions|the\s+crisis|"
    r"prices|the\s+drought|the\s+strike|job\s+losses)\b|"
    r"\b(?:shot|shoot|shoots|shooting)\s+down\s+(?:the|a|an|his|her|their)\s+(?:proposal|bill|idea|plan|"
    r"amendment|motion)\b|\bfired\s+(?:up|the\s+(?:coach|manager|chief|director|minister|staff))\b|"
    r"\b(?:kill|kills|killed|killing)\s+(?:the|a|this|that)\s+(?:bill|deal|reform|proposal|motion|"
    r"project|plan)\b|\bblow\w*\s+the\s+whistle\b|\bwhistle-?blow\w*",
    _F,
)
_PROPERTY_RE = re.compile(
    r"\b(?:burn\w*|torch\w*|firebomb\w*|arson\w*|set\s+fire|on\s+fire|alight|ablaze|flames?|sabotag\w*|"
    r"smash\w*|wreck\w*|loot\w*|petrol|diesel|blow\w*\s+up|blown\s+up|to\s+the\s+ground)\b",
    _F,
)

_IMPERATIVE_VIOLENT = set(_VIOLENT_VERBS) | {"set", "take", "bring", "grab", "go", "wait", "find", "hunt",
                                             "make", "teach", "pour", "rip", "track", "drag", "mine",
                                             "injure", "throw", "knock", "give", "get", "put", "send",
                                             "start", "cut", "occupy", "block", "riot", "finish", "repeat",
                                             "do", "drive", "plant", "tear", "aim", "meet", "let", "cover"}
_IMPERATIVE_PEACEFUL = {
    "sign", "vote", "march", "write", "join", "boycott", "donate", "call", "share", "come", "wear", "refuse",
    "stop", "volunteer", "flood", "sit", "register", "email", "knock", "run", "demand", "turn", "tell",
    "ask", "lobby", "help", "support", "visit", "read", "teach", "light", "pray", "hand", "picket",
    "boo", "buy", "stay", "leave", "talk", "form", "gather", "wave", "lay", "open", "welcome",
    "collect", "please", "keep", "hold", "report", "testify", "lock", "install", "pressure", "push",
    "remember", "honour", "honor", "learn", "contact", "attend", "bring", "put", "give", "let",
    "make", "send", "do", "don't", "never", "go", "take", "fight", "shoot", "attack", "kill", "destroy",
    "smash", "crush", "blow", "drown", "beat", "sing", "cycle", "pull", "organise", "organize", "listen",
}
_LEADING_SKIP = re.compile(
    r"^(?:(?:and|so|now|then|just|simply|please|tonight|tomorrow|today|honestly|frankly|yes|no|ok|okay|"
    r"look|listen|well|therefore|instead|finally|together)\b[,\s]*)+",
    _F,
)
_VOCATIVE = re.compile(r"^[^,;:]{1,30}?,\s+", _F)

_EXHORT_RE = re.compile(
    r"\b(?:let'?s|let\s+us|let\s+this\s+be|let\s+the|we\s+(?:must|should|need\s+to|have\s+to|ought\s+to|"
    r"will|are\s+going\s+to|can)|(?:everyone|everybody|anyone|whoever|someone|somebody|each\s+of\s+you|"
    r"you|people|citizens|(?:every|all)\s+\w+)\b[^.;,]{0,40}?\b(?:should|must|need\s+to|ought\s+to|has\s+to|"
    r"have\s+to)|it\s+is\s+(?:time|our\s+duty)\s+to|it'?s\s+time\s+to|time\s+to|the\s+only\s+thing\s+left|"
    r"(?:should|must|needs?\s+to|ought\s+to)\s+(?:be\s+)?(?:\w+\s+){0,3}?(?:burn\w*|shot|hanged|killed|"
    r"executed|destroyed|torched|bombed|attacked|beaten|levelled|leveled|flattened|razed|die)|"
    r"deserves?\s+a\s+(?:bullet|brick|bomb|beating|petrol\s+bomb|rope)|why\s+(?:wait|is|hasn'?t|haven'?t|"
    r"has\s+no\s*one|not))\b",
    _F,
)
_APPROVAL_RE = re.compile(
    r"\b(?:right\s+answer|the\s+right\s+(?:thing|message|decision)|(?:long\s+)?overdue|deserved?|"
    r"deserves|had\s+it\s+coming|asking\s+for\s+it|got\s+what|got\s+off\s+lightly|justified|justice|"
    r"justly|just|legitimate|righteous|rightly|were\s+right|was\s+right|right\s+to|heroes|hero|heroic|"
    r"brave|bravery|courage\w*|admir\w+|proud|pride|glorious|glory|magnificent|beautiful|brilliant|"
    r"masterpiece|fine(?:st)?|fitting|fair|well\s+earned|earned|necessary|necessity|good\s+riddance|"
    r"bravo|salute|cheer\w*|celebrat\w*|delighted|glad|happiest|loved|warms|thank\w*|medals?|honou?r\w*|"
    r"patriot\w*|martyrs?|legends?|favour|favor|service|worth\s+it|worth\s+paying|price\s+worth|worked|"
    r"the\s+only\s+language|only\s+(?:tool|way|honest)|no\s+(?:sympathy|regret|tear)|don'?t\s+regret|"
    r"won'?t\s+condemn|nothing\s+(?:shameful|wrong)|poetic|gift|self-defen[cs]e|restored\s+order|"
    r"triumphs?|victory|smart|correct|sensible|defend|stand\s+with|full\s+(?:support|admiration)|"
    r"support|duty|lesson|exactly\s+what|pride|did\s+more\s+for|cleaned\s+up|democracy\s+spoke|"
    r"best\s+(?:thing|news)|good\s+(?:thing|news)|understandable|excus\w+|harsh\s+but)\b",
    _F,
)
_ATTRIBUTION_RE = re.compile(
    r"\b(?:said|says|say|told|tells|according\s+to|reported|reports|reportedly|claimed|claims|stated|"
    r"alleged\w*|announced|confirmed|denied|accused|described|warned|warn|estimate\w*|testimon\w+|"
    r"witnesses|investigators|prosecutors|officials|spokes\w+|statement|agency|"
    r"researchers|survey|footage|recording|transcript|documents|local\s+media|"
    r"suggests?|found)\b",
    _F,
)
_REPORTING_VERBS = (
    r"call|calls|called|calling|describe|describes|described|hail|hails|hailed|praise|praises|praised|"
    r"say|says|said|argue|argues|argued|insist|insists|insisted|believe|believes|believed|claim|claims|"
    r"claimed|consider|considers|considered|view|views|viewed|dub|dubs|dubbed|brand|brands|branded|"
    r"label|labels|labelled|labeled|portray|portrays|portrayed|celebrate|celebrates|celebrated"
)
_REPORTED_OPINION_RE = re.compile(
    rf"\b(?P<subject>[\w'’]+)\s+(?:(?:have|has|had|also|often|openly|loudly|publicly|still)\s+)*"
    rf"(?:{_REPORTING_VERBS})\s+(?:it|this|that|them|him|her|the|their|his|its|what|as)\b|"
    r"\baccording\s+to\b|\bin\s+the\s+(?:eyes|view|words)\s+of\b|\b(?:supporters|critics|loyalists|"
    r"opponents|officials|commentators|ministers?|president|government|state\s+(?:media|television|tv)|"
    r"propagandists|bloggers|nationalists)\b[^.;]{0,60}?\b(?:call|calls|called|say|says|said|describe\w*|"
    r"hail\w*|prais\w*|insist\w*|argu\w*|believe\w*|claim\w*|see|sees|view\w*)\b",
    _F,
)
_NOT_A_REPORTER = {
    # the writer, the reader, or no subject at all (modal, infinitive, relative clause, negation)
    "i", "we", "i'd", "we'd", "let", "let's", "you", "would", "should", "must", "can", "could", "will",
    "to", "who", "that", "which", "do", "don't", "not", "never", "cannot", "can't", "and", "or", "simply",
}
_ADOPTION_RE = re.compile(
    r"\b(?:rightly|correctly|as\s+it\s+should|(?:I|we)\s+agree|(?:they|he|she)\s+(?:are|is|were|was)\s+right)\b",
    _F,
)


def reported_opinion(text: str) -> bool:
    """True when the sentence reports someone else's opinion or words ("critics call it ...",
    "supporters say ...", "according to ...") and the writer does not adopt it ("rightly", "I agree")."""
    if _ADOPTION_RE.search(text):
        return False
    for m in _REPORTED_OPINION_RE.finditer(text):
        subject = m.group("subject")
        if subject is None or subject.lower().replace("’", "'") not in _NOT_A_REPORTER:
            return True
    return False


_PAST_RE = re.compile(
    r"\b(?:was|were|had|did|has\s+been|have\s+been|yesterday|overnight|last\s+(?:night|week|month|year|"
    r"summer)|ago|in\s+1[0-9]{3}|in\s+20[0-9]{2}|on\s+(?:monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday))\b",
    _F,
)
_ED_RE = re.compile(r"\b\w{3,}ed\b", _F)
_CONDEMN_RE = re.compile(
    r"\b(?:condemn\w*|denounc\w*|deplor\w*|cowardly|cowardice|senseless|disgrace\w*|appalling|horrific|"
    r"horrifying|tragic|tragedy|atrocit\w+|war\s+crimes?|crimes?|nothing\s+justifies|never\s+justified|"
    r"no\s+place|victims?|mourn\w*|grie\w+|shock\w*|outrage\w*|unacceptable|assault\s+on\s+democracy|"
    r"violation|investigat\w+|tribunal|inquiry|charged|sentenced|arrested|convicted|prison|jail|"
    r"injured|wounded|killed|died|dead|fled|damage|apologi\w+|distanced)\b",
    _F,
)
_PEACEFUL_RE = re.compile(
    r"\b(?:sign\w*|petitions?|vot\w+|ballot\w*|polls?|donat\w+|boycott\w*|write\s+to|email|letters?|"
    r"postcards?|call\s+(?:your|the)|march\w*|peaceful\w*|non-?violent\w*|calm|strike\s+fund|general\s+"
    r"strike|walk\s*out|volunteer\w*|register|vigil|candles?|testify|hotline|courts?|trial|prosecut\w+|"
    r"elect\w*|campaign\w*|negotiat\w+|ceasefire|truce|peace|humanitarian|refugees?\s+family|"
    r"human\s+chain|placards?|banners?|lobby|audit\w*|observers?|remember|remembrance|memorial|"
    r"museum|mentor|sponsor|pray|rehoused|medicine|blood\s+at|food|aid|without|instead|not\s+with|"
    r"not\s+stones|hands\s+open|fair\s+trial|decide)\b",
    _F,
)
_RESTRAINT_RE = re.compile(
    r"\b(?:nobody|no\s+one|don'?t|do\s+not|never|not\s+a\s+single|without\s+a\s+single|instead\s+of|"
    r"rather\s+than|leave\s+(?:anything|the\s+\w+)\s+at\s+home|keep\s+(?:it|this\s+\w+)\s+peaceful|"
    r"lay\s+down|(?<=,)\s*not\s+\w+)\b",
    _F,
)
_METAPHOR_RE = re.compile(
    r"\b(?:scoreboard|goals?|scor\w+|stage|relay|marathon|personal\s+best|ball|box|flank|midfield|"
    r"space|cup|set|round|half|final|deficit|bill|arguments?|debate|shortage|corruption|problem|"
    r"numbers|passing|handovers|roof|noise|audit|ballot\s+box|hat-trick|keeper|defence|defense|"
    r"opponents?|challenger|title|season)\b",
    _F,
)
_HYPOTHETICAL_RE = re.compile(
    r"\b(?:could|may|might|would|warn\w*|risk\w*|fear\w*|threat\w*|debate\w*|whether|if\s+the\s+\w+\s+is|"
    r"unclear|not\s+(?:yet\s+)?(?:clear|known)|unknown|remains\s+to\s+be\s+seen|nobody\s+knows)\b",
    _F,
)
_FIRST_SINGULAR_RE = re.compile(r"\b(?:I|I'm|I'd|I've|me|my)\b")
_QUOTE_RE = re.compile(r"[\"“”]")
_NUMBER_RE = re.compile(r"\d")
_HEADLINE_END = re.compile(r"[.!?…\"”’')\]]\s*$")
"""A sentence without final punctuation is a headline or subtitle (the ``headline`` cue)."""
_CLAUSE_SPLIT = re.compile(r"[;:]\s+|\s+[—–-]\s+|,\s+(?:and|then|but)\s+", _F)
_WORD_RE = re.compile(r"[A-Za-z']+")

CUE_NAMES: tuple[str, ...] = (
    "violent_act",
    "violent_act_count",
    "property_violence",
    "imperative",
    "imperative_violent",
    "imperative_peaceful",
    "exhortation",
    "approval",
    "approval_near_violence",
    "attribution",
    "reported_opinion",
    "past_tense",
    "condemnation",
    "peaceful_action",
    "restraint",
    "metaphor_context",
    "hypothetical",
    "first_person_singular",
    "quote",
    "number",
    "question",
    "exclamation",
    "headline",
)


@dataclass
class SentenceCues:
    """Lexical cues of one sentence: which fired (for ``attributes.cues``) and the numeric vector."""

    fired: list[str]
    vector: np.ndarray
    violent_spans: list[tuple[int, int]]

    @property
    def has_violent_act(self) -> bool:
        return bool(self.violent_spans)


def _clause_starts(text: str) -> list[int]:
    starts = [0]
    starts.extend(m.end() for m in _CLAUSE_SPLIT.finditer(text))
    return starts


def _first_word_after(text: str, start: int) -> str:
    rest = text[start:].lstrip(" \"'“‘(")
    rest = _LEADING_SKIP.sub("", rest)
    voc = _VOCATIVE.match(rest)
    if voc and len(_WORD_RE.findall(voc.group(0))) <= 3:
        rest = _LEADING_SKIP.sub("", rest[voc.end():])
    m = _WORD_RE.match(rest)
    return m.group(0).lower() if m else ""


def imperative_verbs(text: str) -> list[str]:
    """Lower-cased first words of clauses that look imperative (a known verb at the clause start)."""
    found: list[str] = []
    for start in _clause_starts(text):
        word = _first_word_after(text, start)
        if word in _IMPERATIVE_VIOLENT or word in _IMPERATIVE_PEACEFUL:
            found.append(word)
    return found


def _near(spans_a: list[tuple[int, int]], spans_b: list[tuple[int, int]], window: int = 60) -> bool:
    return any(abs(a0 - b0) <= window or abs(a1 - b1) <= window for a0, a1 in spans_a for b0, b1 in spans_b)


def sentence_cues(text: str) -> SentenceCues:
    """Evaluate every lexical cue on ``text`` (one sentence)."""
    idioms = [m.span() for m in _IDIOM_RE.finditer(text)]
    violent = [
        m.span() for m in _VIOLENT_RE.finditer(text)
        if not any(s <= m.start() and m.end() <= e for s, e in idioms)
    ]
    approval = [m.span() for m in _APPROVAL_RE.finditer(text)]
    imperatives = imperative_verbs(text)
    words = max(1, len(_WORD_RE.findall(text)))
    values: dict[str, float] = {
        "violent_act": float(bool(violent)),
        "violent_act_count": min(len(violent), 4) / 4.0,
        "property_violence": float(bool(_PROPERTY_RE.search(text))),
        "imperative": float(bool(imperatives)),
        "imperative_violent": float(any(w in _IMPERATIVE_VIOLENT for w in imperatives)),
        "imperative_peaceful": float(any(w in _IMPERATIVE_PEACEFUL for w in imperatives)),
        "exhortation": float(bool(_EXHORT_RE.search(text))),
        "approval": float(bool(approval)),
        "approval_near_violence": float(_near(approval, violent)),
        "attribution": float(bool(_ATTRIBUTION_RE.search(text))),
        "reported_opinion": float(reported_opinion(text)),
        "past_tense": min(1.0, (len(_PAST_RE.findall(text)) + len(_ED_RE.findall(text))) * 4.0 / words),
        "condemnation": float(bool(_CONDEMN_RE.search(text))),
        "peaceful_action": float(bool(_PEACEFUL_RE.search(text))),
        "restraint": float(bool(_RESTRAINT_RE.search(text))),
        "metaphor_context": float(bool(_METAPHOR_RE.search(text))),
        "hypothetical": float(bool(_HYPOTHETICAL_RE.search(text))),
        "first_person_singular": float(bool(_FIRST_SINGULAR_RE.search(text))),
        "quote": float(bool(_QUOTE_RE.search(text))),
        "number": float(bool(_NUMBER_RE.search(text))),
        "question": float("?" in text),
        "exclamation": float("!" in text),
        "headline": float(_HEADLINE_END.search(text) is None),
    }
    fired = _fired_cues(text, violent, approval, imperatives, values)
    vector = np.asarray([values[n] for n in CUE_NAMES], dtype=np.float32)
    return SentenceCues(fired=fired, vector=vector, violent_spans=violent)


def _fired_cues(
    text: str,
    violent: list[tuple[int, int]],
    approval: list[tuple[int, int]],
    imperatives: list[str],
    values: dict[str, float],
) -> list[str]:
    fired: list[str] = []
    seen: set[str] = set()

    def add(cue: str) -> None:
        if cue not in seen:
            seen.add(cue)
            fired.append(cue)

    for s, e in violent:
        add(f"violent_act:{text[s:e].lower()}")
    for w in imperatives:
        add(f"imperative:{w}")
    for m in _EXHORT_RE.finditer(text):
        add(f"exhortation:{' '.join(m.group(0).lower().split())}")
    for s, e in approval:
        add(f"approval:{text[s:e].lower()}")
    for name in ("attribution", "reported_opinion", "condemnation", "peaceful_action", "restraint"):
        if values[name]:
            add(name)
    return fired


_ANAPHOR_RE = re.compile(r"\b(?:it|this|these|those|such)\b|^\W*that\b", _F)
ANAPHOR_HOPS = 2
"""How many sentences back a pronoun may carry the violent act it refers to ("They torched the office.
Newspapers call it a tragedy. I call it justice.")."""


def violent_context(texts: list[str], cues: list[SentenceCues]) -> np.ndarray:
    """Per sentence: a violent-act cue fired in it, or it has a pronoun ("it", "this", "such", a leading
    "that") and one of the previous :data:`ANAPHOR_HOPS` sentences, linked by such pronouns, had one.

    Sentences outside a violent context need a much higher probability to be flagged (see :func:`decide`):
    praise of duty, service or patriotism is not an endorsement of violence unless a violent act is named.
    """
    out = np.zeros(len(texts), dtype=bool)
    chain = 0  # > 0: the previous sentence is within `chain` pronoun hops of a violent act
    for i, (text, cue) in enumerate(zip(texts, cues, strict=True)):
        if cue.has_violent_act:
            out[i] = True
            chain = ANAPHOR_HOPS
        elif chain > 0 and _ANAPHOR_RE.search(text):
            out[i] = True
            chain -= 1
        else:
            chain = 0
    return out


def cue_matrix(texts: list[str]) -> np.ndarray:
    """(n, len(CUE_NAMES)) cue vectors for a list of sentences."""
    if not texts:
        return np.zeros((0, len(CUE_NAMES)), np.float32)
    return np.stack([sentence_cues(t).vector for t in texts])


# ---------------------------------------------------------------------------------------------------
# Model
# ---------------------------------------------------------------------------------------------------


@dataclass
class ViolenceModel:
    """Multinomial logistic regression over ``[embedding, cue_scale * cues]`` plus the decision rule."""

    weights: np.ndarray
    """(n_classes, 384 + n_cues)."""
    bias: np.ndarray
    cue_scale: float
    threshold: float
    threshold_no_cue: float
    """Threshold for sentences outside a violent context (above 1 blocks them entirely)."""
    classes: tuple[str, ...] = CLASSES

    @classmethod
    def load(cls, model_dir: Path = MODEL_DIR) -> ViolenceModel:
        config = json.loads((model_dir / "model.json").read_text(encoding="utf-8"))
        with np.load(model_dir / "weights.npz", allow_pickle=False) as z:
            weights = np.asarray(z["weights"], dtype=np.float32)
            bias = np.asarray(z["bias"], dtype=np.float32)
        if tuple(config["classes"]) != CLASSES or tuple(config["cue_names"]) != CUE_NAMES:
            raise ValueError("violence model was trained with different classes or cues; retrain it")
        return cls(
            weights=weights,
            bias=bias,
            cue_scale=float(config["cue_scale"]),
            threshold=float(config["threshold"]),
            threshold_no_cue=float(config["threshold_no_cue"]),
        )

    def features(self, embeddings: np.ndarray, cues: np.ndarray) -> np.ndarray:
        return np.hstack([embeddings.astype(np.float32), self.cue_scale * cues.astype(np.float32)])

    def predict_proba(self, embeddings: np.ndarray, cues: np.ndarray) -> np.ndarray:
        logits = self.features(embeddings, cues) @ self.weights.T + self.bias
        return softmax(logits)

    def decide(self, proba: np.ndarray, has_violent_act: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Class index per row and the violence score used for it (0 where the gate blocks)."""
        return decide(proba, has_violent_act, self.threshold, self.threshold_no_cue)


def decide(
    proba: np.ndarray, has_violent_act: np.ndarray, threshold: float, threshold_no_cue: float
) -> tuple[np.ndarray, np.ndarray]:
    """Apply the two-stage rule to class probabilities (columns in :data:`CLASSES` order).

    A sentence is violent when P(call) + P(endorsement) reaches ``threshold`` (``threshold_no_cue``
    when ``has_violent_act`` is false: no violent-act cue fired in the sentence, nor, in an article, in
    the sentence a pronoun of it refers back to; see :func:`violent_context`). Returns ``(labels, violence_score)``: class indices and
    P(call) + P(endorsement) per sentence.
    """
    call, endorse, report, nonviolent, other = (CLASSES.index(c) for c in CLASSES)
    score = proba[:, call] + proba[:, endorse]
    violent = score >= np.where(has_violent_act, threshold, threshold_no_cue)
    calm = np.where(proba[:, report] >= proba[:, other], report, other)
    calm_p = proba[:, report] + proba[:, other]
    labels = np.where(
        violent,
        np.where(proba[:, call] >= proba[:, endorse], call, endorse),
        np.where((proba[:, nonviolent] > calm_p) & (proba[:, nonviolent] >= 0.5), nonviolent, calm),
    )
    return labels.astype(np.int64), score


def stance_labels(labels: np.ndarray) -> np.ndarray:
    """Map model class indices to :data:`STANCES` indices (``other`` becomes ``report``)."""
    mapping = np.asarray([STANCES.index(c if c != "other" else "report") for c in CLASSES], dtype=np.int64)
    return mapping[labels]


@model_loader("violence")
def load_violence_model(folder: Path) -> ViolenceModel:
    return ViolenceModel.load(folder)


def shipped_model() -> ViolenceModel:
    """The shipped model, from the process-wide registry."""
    model: ViolenceModel = ModelRegistry.default().get("violence")
    return model


# ---------------------------------------------------------------------------------------------------
# Targets
# ---------------------------------------------------------------------------------------------------

_DET = (
    r"(?:the|their|his|her|its|our|your|that|those|these|this|every|each|all|any|a|an|some|"
    r"[A-Z][a-z]+'s|\w+'s)"
)
_STOP_WORDS = {
    "and", "or", "but", "before", "after", "until", "so", "if", "when", "while", "with", "to", "in", "on",
    "at", "for", "from", "by", "into", "onto", "of", "tonight", "tomorrow", "now", "today", "again",
    "down", "up", "out", "off", "was", "were", "is", "are", "be", "been", "who", "which", "that",
    "because", "then", "than", "as", "like", "over", "under", "there", "here", "first", "too", "also",
    "has", "have", "had", "will", "would", "should", "must", "can", "could", "did", "do", "does",
    "not", "no", "it", "alight", "ablaze", "overnight", "last", "this", "every", "night", "where",
    "all", "whatever", "what", "just", "only", "half", "they", "we", "i", "he", "she", "you",
}
_PRONOUN_TARGETS = {"them", "him", "her", "us", "you", "everyone", "anyone", "it"}
_NOMINAL_ACTS = (
    r"(?:attack|attacks|assault|violence|bomb|bombs|raid|strike|strikes|fire|shots|rocks|stones|"
    r"grenade|brick|bricks)\s+(?:on|against|at|into|through|under)\s+"
)
_OF_ACTS = (
    r"(?:burning|torching|bombing|firebombing|storming|sack|destruction|killing|killings|execution|"
    r"assassination|shelling|sabotage|looting|beating|lynching|stabbing|slaughter|massacre|siege|"
    r"sinking|derailing|hanging|murder|kidnapping)\s+of\s+"
)
_SET_FIRE = r"set\s+fire\s+to\s+|set\s+(?=(?:[\w'’-]+\s+){1,5}?(?:on\s+fire|alight|ablaze))"
_PHRASAL = (
    r"(?:blow|blows|blew|blowing)\s+up\s+|(?:burn|burns|burned|burnt|burning)\s+down\s+|"
    r"(?:put|puts|putting)\s+a\s+bullet\s+(?:in|into|through)\s+|(?:gun|gunned|gunning)\s+down\s+|"
    r"(?:drag|dragged)\s+|(?:run|ran|running)\s+(?=\w+\s+over\b)|(?:take|took)\s+(?:up\s+)?arms\s+against\s+"
)


def _target_pattern() -> re.Pattern[str]:
    verb_then_np = rf"\b(?:{_VERB_ALT})\s+(?!(?:{'|'.join(sorted(_STOP_WORDS))})\b)"
    return re.compile(rf"\b(?:{_NOMINAL_ACTS}|{_OF_ACTS}|{_SET_FIRE}|{_PHRASAL})|{verb_then_np}", _F)


_TARGET_TRIGGER = _target_pattern()


def find_target(text: str) -> tuple[int, int] | None:
    """Character span in ``text`` of the noun phrase a violent act is aimed at, or None."""
    for m in _TARGET_TRIGGER.finditer(text):
        span = _noun_phrase_at(text, m.end())
        if span is not None:
            return span
    return None


def _noun_phrase_at(text: str, pos: int) -> tuple[int, int] | None:
    words = list(re.finditer(r"[\w'’-]+", text[pos:]))
    if not words or words[0].start() > 1:
        return None
    first = words[0].group(0).lower()
    if first in _PRONOUN_TARGETS:
        if first == "it":
            return None
        return pos + words[0].start(), pos + words[0].end()
    end = None
    start = pos + words[0].start()
    taken = 0
    prev_end = words[0].start()
    for w in words:
        gap = text[pos + prev_end : pos + w.start()]
        if taken and gap.strip():
            break  # punctuation between words ends the phrase
        token = w.group(0).lower()
        if taken and token in _STOP_WORDS:
            break
        if not taken and re.fullmatch(_DET, w.group(0), _F) is None and token in _STOP_WORDS:
            return None
        end = pos + w.end()
        prev_end = w.end()
        taken += 1
        if taken >= 6:
            break
    if end is None:
        return None
    if re.fullmatch(_DET, text[start:end], _F):
        return None
    return start, end


# ---------------------------------------------------------------------------------------------------
# Analyzer
# ---------------------------------------------------------------------------------------------------

_TARGET_SCHEMA: dict[str, Any] = {
    "anyOf": [
        {
            "type": "object",
            "properties": {
                "start": {"type": "integer"},
                "end": {"type": "integer"},
                "text": {"type": "string"},
            },
            "required": ["start", "end", "text"],
        },
        {"type": "null"},
    ]
}


@register("violence")
class ViolenceAnalyzer(Analyzer):
    version = "1.2"
    uses_encoder = True
    models = ("violence",)
    description = "calls to violence and endorsements of violence (not reports of it); peaceful calls to action"
    attribute_schemas = {
        "violence": {
            "type": "object",
            "properties": {
                "target": _TARGET_SCHEMA,
                "cues": {"type": "array", "items": {"type": "string"}},
                "probabilities": {
                    "type": "object",
                    "properties": {c: {"type": "number"} for c in CLASSES},
                },
            },
            "required": ["target", "cues"],
        },
        "call_to_action": {
            "type": "object",
            "properties": {
                "cues": {"type": "array", "items": {"type": "string"}},
                "probabilities": {
                    "type": "object",
                    "properties": {c: {"type": "number"} for c in CLASSES},
                },
            },
            "required": ["cues"],
        },
    }
    label_schemas = {
        "violence": {
            "type": "object",
            "description": "true when any sentence calls for or endorses violence; score = max sentence "
            "P(call) + P(endorsement)",
            "properties": {"label": {"type": "boolean"}, "score": {"type": "number"}},
            "required": ["label", "score"],
        }
    }

    def analyze(self, features: Features) -> AnalyzerOutput:
        self.ensure_loaded()
        article = features.article
        texts = article.sentence_texts()
        if not texts:
            return AnalyzerOutput(labels={"violence": {"label": False, "score": 0.0}})
        model: ViolenceModel = self.model("violence")
        cues = [sentence_cues(t) for t in texts]
        matrix = np.stack([c.vector for c in cues])
        proba = model.predict_proba(features.sentence_embeddings, matrix)
        labels, score = model.decide(proba, violent_context(texts, cues))
        findings = [
            f
            for i, (start, end) in enumerate(article.sentences)
            if (f := self._finding(article, start, end, CLASSES[labels[i]], proba[i], cues[i])) is not None
        ]
        violent = any(CLASSES[i] in FINDING_LABEL for i in labels)
        return AnalyzerOutput(
            findings=findings,
            labels={"violence": {"label": violent, "score": round(float(score.max()), 4)}},
        )

    def _finding(
        self, article: Article, start: int, end: int, label: str, proba: np.ndarray, cues: SentenceCues
    ) -> Finding | None:
        probabilities = {c: round(float(p), 4) for c, p in zip(CLASSES, proba, strict=True)}
        if label in FINDING_LABEL:
            target = find_target(article.text[start:end])
            return Finding.at(
                article, start, end,
                kind="violence",
                label=FINDING_LABEL[label],
                score=float(proba[CLASSES.index("call")] + proba[CLASSES.index("endorsement")]),
                analyzer=self.name,
                attributes={
                    "target": span_ref(article, start + target[0], start + target[1]) if target else None,
                    "cues": cues.fired,
                    "probabilities": probabilities,
                },
            )
        if label == "nonviolent_call":
            return Finding.at(
                article, start, end,
                kind="call_to_action",
                label="nonviolent",
                score=float(proba[CLASSES.index("nonviolent_call")]),
                analyzer=self.name,
                attributes={"cues": cues.fired, "probabilities": probabilities},
            )
        return None
