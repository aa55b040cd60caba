"""Which clause a frame reports, where the layers took a neighbouring one (user trial of stop 21, issue 13).

- **"As reported by CNN, Clinton defended ..."**: a passive "as" frame names its source after "by"; what was
  reported is the main clause after the frame's comma, and the main clause's subject is not the source;
- **a cue with an object of its own** ("despite the fact that Ellison has denied the allegations"): the words
  before the cue are not what was denied; for a speech act whose object is the message (guideline 8a) the
  object is the content;
- **a relative frame** ("the person who admitted to killing their son has yet to be arrested"): a non-finite
  complement of the relative clause's cue ends where the main clause's verb starts.
"""

from __future__ import annotations

import re

from presslens.analyzers.attribution import sanity
from presslens.analyzers.attribution.link import Attribution
from presslens.analyzers.attribution.refine_source import clean_source
from presslens.analyzers.attribution.spans import Span, sentence_at, strip_span

_WORD = sanity.WORD
_EDGE = " \t\n,;:\u201c\u201d\"'\u2018\u2019.!?"
_QUOTES = "\u201c\u201d\""

#: "As reported by CNN, ..." / "as first stated by the ministry, ...": the source after "by", up to the comma
_AS_BY = re.compile(r"[ \t]+by[ \t]+(?P<source>[^,;:\n\u201c\u201d\"]{1,80}?)[ \t]*,[ \t]*")
_AS_BEFORE = re.compile(r"\b[Aa]s(?:[ \t]+(?:first|previously|originally|also|widely|earlier))?[ \t]+$")


def as_reported_by(text: str, a: Attribution, sentence_ranges: list[Span]) -> tuple[Span, Span] | None:
    """(source, content) of a passive "as" frame ("As reported by CNN, Clinton defended his decision"): the
    noun phrase after "by" and the main clause after the frame's comma, to the end of the sentence."""
    if _AS_BEFORE.search(text, max(0, a.cue[0] - 20), a.cue[0]) is None:
        return None
    m = _AS_BY.match(text, a.cue[1])
    sent = sentence_at(sentence_ranges, a.cue[0])
    if m is None or sent is None or m.end() >= sent[1]:
        return None
    source = clean_source(text, strip_span(text, m.start("source"), m.end("source")))
    content = strip_span(text, m.end(), sent[1], _EDGE)
    if source is None or len(_WORD.findall(text, content[0], content[1])) < 3:
        return None
    return source, content


#: what opens a noun-phrase object right after a cue ("denied the allegations", "expressed big concerns")
_OBJECT_AFTER = re.compile(
    r"[ \t]+(?:the|these|those|a|an|his|her|their|its|such|any|all|this|that|my|our|your)[ \t]+"
    r"(?P<word>[\w'\u2019-]+)",
    re.I,
)
#: verbs whose first object after the cue is the listener, not a message ("“...,” he told reporters")
_LISTENER_FIRST = frozenset(
    "tell tells told telling inform informs informed assure assures assured remind reminds reminded warn warns "
    "warned ask asks asked brief briefed notify notified advise advised write writes wrote".split()
)


def object_after_cue(text: str, a: Attribution) -> bool:
    """The content lies before a verb cue that has a noun-phrase object of its own and no quotation is
    involved ("With the report in hand, Loomer asked Ellison ... despite the fact that Ellison has denied the
    allegations"): the words before the cue are not what was said."""
    if a.content is None or a.content[1] > a.cue[0] or (a.source is not None and a.source[0] > a.cue[0]):
        return False
    words = [w.lower() for w in _WORD.findall(text, a.cue[0], a.cue[1])]
    if not words or words[-1] in _LISTENER_FIRST or words[-1] == "to":
        return False  # a colon or dash frame, a listener, "according to"
    if any(ch in text[max(0, a.content[0] - 1) : a.content[1] + 2] for ch in _QUOTES):
        return False
    m = _OBJECT_AFTER.match(text, a.cue[1])
    return m is not None and m.group("word").lower() not in sanity.TIME_WORDS  # "said this week" is no object


def message_object(text: str, a: Attribution, sentence_ranges: list[Span], message_verbs: frozenset[str]) -> Span | None:
    """For a speech act whose object is the message ("has denied the allegations"), that object (to the end of
    its clause) when the layers took the words before the cue (:func:`object_after_cue`)."""
    if not object_after_cue(text, a):
        return None
    words = [w.lower() for w in _WORD.findall(text, a.cue[0], a.cue[1])]
    sent = sentence_at(sentence_ranges, a.cue[0])
    if words[-1] not in message_verbs or sent is None:
        return None
    end = sent[1]
    m = re.compile(r"[,;:(]|\s[\u2013\u2014]\s|\s(?:and|but|while|because|as)\s").search(text, a.cue[1], sent[1])
    if m is not None:
        end = m.start()
    content = strip_span(text, a.cue[1], end, _EDGE)
    return content if len(_WORD.findall(text, content[0], content[1])) >= 2 else None


#: "(the person) who admitted to killing ...": a relative clause's cue right after "who"
_WHO_BEFORE = re.compile(r"\bwho[ \t]+(?:(?:has|have|had|also|later|first|publicly)[ \t]+)*$", re.I)
#: a non-finite complement: "to killing", "to have", "having", a gerund
_NON_FINITE = re.compile(r"(?:to[ \t]+\w+|\w+ing)\b", re.I)
#: the main clause's verb after the relative clause ("... their son has yet to be arrested")
_MAIN_VERB = re.compile(
    r"[ \t]+(?:has|have|had|is|are|was|were|will|would|can|could|should|must|does|did|remains|remained)\b", re.I
)


def relative_clause_end(text: str, a: Attribution) -> Span | None:
    """The content of a relative frame's non-finite complement, cut before the main clause's verb ("the person
    who admitted to killing their innocent son has yet to be arrested" -> "to killing their innocent son")."""
    if a.content is None or a.content[0] < a.cue[1] or _WHO_BEFORE.search(text, max(0, a.cue[0] - 40), a.cue[0]) is None:
        return None
    if not _NON_FINITE.match(text, a.content[0]) or any(ch in text[a.content[0] : a.content[1]] for ch in _QUOTES):
        return None
    m = _MAIN_VERB.search(text, a.content[0], a.content[1])
    if m is None:
        return None
    content = strip_span(text, a.content[0], m.start(), _EDGE)
    return content if len(_WORD.findall(text, content[0], content[1])) >= 2 else None


#: the main clause's reporting verb after a comma, with no subject of its own ("..., says Democrats don't ...")
_MAIN_REPORT = re.compile(
    r",[ \t]+(?:says|said|tells|told|writes|wrote|adds|added|argues|argued|claims|claimed|insists|insisted)\b"
)


def relative_report_end(text: str, a: Attribution) -> Span | None:
    """The content of a relative clause's cue, cut before the main clause's reporting verb ("Karen Monahan, the
    woman who accused Keith Ellison of domestic abuse, says Democrats don't believe her" -> "Keith Ellison of
    domestic abuse"): what the main verb reports belongs to another attribution of the same subject."""
    if a.content is None or a.content[0] < a.cue[1] or _WHO_BEFORE.search(text, max(0, a.cue[0] - 40), a.cue[0]) is None:
        return None
    m = _MAIN_REPORT.search(text, a.content[0], a.content[1])
    if m is None or any(ch in text[a.content[0] : m.start()] for ch in _QUOTES):
        return None
    content = strip_span(text, a.content[0], m.start(), _EDGE)
    return content if len(_WORD.findall(text, content[0], content[1])) >= 2 else None
