"""A report noun with a that-clause as the source (the ``attribution.report_nouns`` option, stop 33; off by default).

GUIDELINE 8a (decided with dev9 and dev15): a noun with a that-clause ("reports that ...", "the unverified claim
that ...", "accusations that ...", "word that ...") is a `vague` attribution with ``cue: null`` whose source is the
noun phrase itself, and whose content is the that-clause::

    the agency heard reports that the cult had stockpiled firearms      source "reports"
    she discussed the reports that there will be no new indictments     source "the reports"

The tagger tags the noun (or the verb that governs it, "discussed", "trumpeted reports") as the cue and the linker
gives it the nearest noun phrase of the clause as the source ("the agency", "she", "During the recess I read"), so
the attribution matched nothing. :func:`retarget_report_nouns` finds an attribution whose content starts right after
"<report noun> that" (or starts with "<report noun> that" itself, the object of a cue that is no speech predicate
taken as the content) and makes the noun phrase (the noun with an article and at most one modifier) its source and
the noun its cue; the content becomes the that-clause. A form that is also a verb (:data:`VERB_FORMS`: "The BBC
reports that", "the coroner claims that", ", finding that") is a noun only after an article, a preposition or a verb
whose object it is. Left as they are: a relative clause on the noun ("accusations that he has denied", its last word
a verb whose object is the noun), a noun after a possessive ("her pledge that", "Trump's claim that": the owner
speaks), a capitalised "News" or "Reports" (an outlet's name, "told Fox News that"), a light verb's object ("made
the claim that", "repeated claims that": its subject speaks) and "there are (also) reports that" (no source; a
hedge, GUIDELINE 8a). The span
rules are applied again; the two problems that only say the noun is a noun ("cue is a noun", and a source that
"holds a reporting verb" when that word is the noun "reports") are not counted for such an attribution, whose cue
stands for GUIDELINE 8a's null cue. Two attributions that end up the same keep the higher raw score. The score then
judges the attributions as they come out (no score is set here).
"""

from __future__ import annotations

import re

from presslens.analyzers.attribution.link import Attribution
from presslens.analyzers.attribution.refine import is_speech_cue, sanity_problems
from presslens.analyzers.attribution.spans import Span

#: the values of the ``attribution.report_nouns`` option: "off" (2.18) or "on" (stop 33)
REPORT_NOUNS_CHOICES = ("off", "on")
#: the default: "off" (not judged to pass the ship rule; MODEL_CARD.md)
REPORT_NOUNS_DEFAULT = "off"

#: nouns of speech and report whose that-clause is what was said (GUIDELINE 8a's examples and their kin)
REPORT_NOUNS = frozenset(
    "report reports news word claim claims accusation accusations allegation allegations rumour rumours rumor "
    "rumors suggestion suggestions assertion assertions prediction predictions finding findings "
    "leak leaks revelation revelations speculation".split()
)
#: report nouns that are also verb forms ("Reuters reports that", "they claim that", ", finding that"): a noun only after an article,
#: an adjective, a preposition or a verb that takes it as its object
VERB_FORMS = frozenset("report reports claim claims leak leaks word finding".split())
#: the words before a bare noun of :data:`VERB_FORMS` that make it a noun: prepositions and verbs whose object it is
_NOUN_LEADS = frozenset(
    "after before of on with despite amid from following about over amidst among denying heard read hear hears "
    "saw seen see sees deny denies dismiss dismisses reject rejects discuss discusses cite cites confirm confirms "
    "follow follows fuel fuels spark sparks took got received".split()
)
#: words between an article and a noun of :data:`VERB_FORMS` that are its modifiers, not a subject
_ADJECTIVES = frozenset(
    "new latest recent unverified false initial first early earlier widespread unconfirmed intelligence media "
    "press news similar further other same".split()
)
#: the last word of a "that" clause that is a relative clause on the noun, not its content: a verb whose object is
#: the noun ("accusations that he has denied", "claims that the ministry rejected")
_RELATIVE_END = frozenset(
    "denied denies deny rejected rejects reject dismissed dismisses dismiss disputed disputes dispute made make "
    "makes repeated repeats repeat heard hear spread published publish cited cite confirmed confirm investigated "
    "investigate raised raise leveled levelled level echoed echo".split()
)
_LAST_WORD = re.compile(r"(\w+)\W*\Z")
_WORD_BEFORE = re.compile(r"([\w'\u2019-]+)\s+\Z")
#: problems the rules give every such attribution because its cue is the noun itself
_NOUN_ONLY_PROBLEMS = frozenset({"cue is a noun", "source holds a reporting verb"})
_ARTICLES = "the|a|an|these|those|this|such"
#: "<article> <word>? <noun> that " ending where the content starts (the article group is optional)
_NOUN_THAT = re.compile(
    rf"(?:\b(?P<article>{_ARTICLES})\s+(?:(?P<mid>[a-z][\w-]*)\s+)?)?\b(?P<noun>[A-Za-z]+)\s+that\s+\Z",
    re.IGNORECASE,
)
_NOUN_THAT_START = re.compile(
    rf"(?:(?P<article>{_ARTICLES})\s+(?:(?P<mid>[a-z][\w-]*)\s+)?)?(?P<noun>[A-Za-z]+)\s+that\s+",
    re.IGNORECASE,
)
#: a light verb before the noun phrase: its subject speaks ("May made the claim that", "repeated claims that")
_LIGHT_VERB_BEFORE = re.compile(
    r"\b(?:make|makes|made|making|repeat|repeats|repeated|repeating|renew|renews|renewed|renewing|issue|issues|"
    r"issued|issuing)\s+\Z", re.IGNORECASE)
_POSSESSIVE_BEFORE = re.compile(r"(?:\b(?:his|her|their|its|our|my|your)|['\u2019]s?)\s*\Z", re.IGNORECASE)
_THERE_BE = re.compile(r"\bthere\s+(?:is|are|was|were|have\s+been|has\s+been)\s+(?:also\s+)?(?:\w+\s+)?\Z",
                       re.IGNORECASE)
#: how far before the content the noun phrase may start (characters)
_WINDOW = 80
#: an article's word that is no adjective of the noun: a verb or a preposition ("the agency heard reports")
_NOT_MODIFIER = frozenset("of in on at to for from by with about after before over heard read said says".split())


def _noun_phrase(text: str, m: re.Match[str], base: int) -> tuple[Span, Span] | None:
    """(noun phrase, noun) of a match of :data:`_NOUN_THAT` or :data:`_NOUN_THAT_START` (offsets from ``base``),
    or None when the word is no report noun, a verb ("The BBC reports that", "the coroner claims that"), or
    follows a possessive, "there are" or a light verb."""
    noun = m.group("noun")
    if noun not in REPORT_NOUNS:
        return None  # lower case only: "told Fox News that" is an outlet's name
    noun_span = (base + m.start("noun"), base + m.end("noun"))
    start = noun_span[0]
    article, mid = m.group("article"), m.group("mid")
    if article is not None:
        if mid is None:
            start = base + m.start("article")  # "the reports that": an article makes it a noun
        elif mid.islower() and (noun not in VERB_FORMS or _adjective(mid)):
            start = base + m.start("article")  # "the unverified claim", "the intelligence leak"
        elif noun in VERB_FORMS:
            return None  # "the coroner claims that", "The BBC reports that": a subject and its verb
    if start == noun_span[0] and noun in VERB_FORMS:
        before = _WORD_BEFORE.search(text, max(0, start - 30), start)
        word = before.group(1) if before else ""
        if not (word.islower() and (word in _NOUN_LEADS or (word.endswith("ed") and len(word) > 4))):
            return None  # "NASA reports that", "officials claim that": a verb
    head = text[max(0, start - 40) : start]
    if _POSSESSIVE_BEFORE.search(head) or _THERE_BE.search(head) or _LIGHT_VERB_BEFORE.search(head):
        return None
    return (start, noun_span[1]), noun_span


def _adjective(word: str) -> bool:
    return word in _ADJECTIVES or word.endswith(("ed", "ous", "al", "ive", "ic", "ent", "ant", "ful", "-"))


def _report_noun_frame(text: str, content: Span, cue: Span) -> tuple[Span, Span, Span] | None:
    """(source, cue, content) for an attribution whose content follows "<report noun> that", or starts with it
    while its cue is no speech predicate ("discussed the reports that ...": "Ragan mentioned a rumour that ..." is
    Ragan's); None when the clause is a relative clause on the noun (:data:`_RELATIVE_END`)."""
    last = _LAST_WORD.search(text, content[0], content[1])
    if last is not None and last.group(1).lower() in _RELATIVE_END:
        return None
    lo = max(0, content[0] - _WINDOW)
    before = _NOUN_THAT.search(text, lo, content[0])
    if before is not None:
        found = _noun_phrase(text, before, 0)
        if found is not None:
            return found[0], found[1], content
    if is_speech_cue(text, cue):
        return None
    inside = _NOUN_THAT_START.match(text, content[0], content[1])
    if inside is not None:
        found = _noun_phrase(text, inside, 0)
        if found is not None and inside.end() < content[1]:
            return found[0], found[1], (inside.end(), content[1])
    return None


def retarget_report_nouns(text: str, atts: list[Attribution], sentence_ranges: list[Span]) -> None:
    """Give each attribution of ``atts`` whose content is a report noun's that-clause that noun phrase as its
    source (module docstring). Changes ``atts`` in place: retargeted attributions are assessed again, and of two
    that end up the same only the one with the higher raw score stays."""
    changed: list[Attribution] = []
    for a in atts:
        if a.content is None:
            continue
        frame = _report_noun_frame(text, a.content, a.cue)
        if frame is None:
            continue
        source, cue, content = frame
        if (a.source, a.cue, a.content) == (source, cue, content):
            continue
        a.source, a.cue, a.content = source, cue, content
        changed.append(a)
    for a in changed:
        a.sane = not [p for p in sanity_problems(text, a, sentence_ranges) if p not in _NOUN_ONLY_PROBLEMS]
    if not changed:
        return
    best: dict[tuple[Span | None, Span, Span | None], Attribution] = {}
    for a in atts:
        key = (a.source, a.cue, a.content)
        if key not in best or a.score > best[key].score:
            best[key] = a
    keep = {id(a) for a in best.values()}
    atts[:] = [a for a in atts if id(a) in keep]
