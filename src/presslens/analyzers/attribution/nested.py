"""Nested reports: an attribution's content that itself reports someone's words (``The BBC reports [health
officials confirmed a case in Mbandaka]``, ``According to the Daily Mail, [experts warn the outbreak ...]``).

The annotation guideline marks both frames; the layers usually find only the outer one (the tagger was trained on
PolNeAR, where nested cues are rarer). Inside a content outside quotation marks, a finite reporting verb with its
subject noun phrase right before it and a clause of at least three words after it is a second attribution.
"""

from __future__ import annotations

import re

from presslens.analyzers.attribution.features import quote_spans
from presslens.analyzers.attribution.link import Attribution
from presslens.analyzers.attribution.refine import refine
from presslens.analyzers.attribution.rules import source_before
from presslens.analyzers.attribution.spans import Span, overlaps, strip_span

#: finite reporting verbs (not nouns as well: "reports", "claims" and "calls" are left out)
NESTED_CUES = frozenset(
    "said says told tells claimed stated reported warned warn warns announced announces confirmed confirms "
    "declared declares revealed reveals suggested suggests alleged alleges insisted insists argued argues "
    "maintained maintains denied denies admitted admits acknowledged tweeted wrote writes explained explains "
    "noted added adds described describes".split()
)
#: cues with a common non-speech sense ("ISIS has maintained a notable presence", "was admitted to hospital"):
#: a nested report only with an explicit "that" after them (analyzer 2.3, from audit A)
THAT_ONLY_CUES = frozenset("maintained maintains admitted admits".split())
#: a rule's raw score, as for the other rules (the calibrator turns it into a probability)
RULE_SCORE = 0.9
_WORD = re.compile(r"[\w'\u2019-]+")
_LEADING_THAT = re.compile(r"\s*(?:that\s+|:\s*)?", re.I)
#: how far into the outer content the nested frame may start (words; 12 up to analyzer 2.2, when a report in a
#: later clause of a long content, "[a snaking line of traffic is visible ... after] CBP announced it would close",
#: was missed)
LEAD_WORDS = 40


def nested_reports(
    text: str, atts: list[Attribution], sentence_ranges: list[Span], *, unfound_speakers: bool = False
) -> list[Attribution]:
    """The attributions nested in the contents of ``atts`` (refined, not yet calibrated; ``unfound_speakers`` as
    in :func:`~.refine.refine`)."""
    quotes = quote_spans(text)
    cues = [a.cue for a in atts]
    found: list[Attribution] = []
    for a in atts:
        c = a.content
        if c is None or any(q[0] <= c[0] and c[1] <= q[1] for q in quotes):
            continue
        for k, m in enumerate(_WORD.finditer(text, c[0], c[1])):
            if k >= LEAD_WORDS:
                break
            if k == 0 or m.group().lower() not in NESTED_CUES:
                continue
            cue = (m.start(), m.end())
            if any(overlaps(cue, other) for other in cues) or any(q[0] <= cue[0] < q[1] for q in quotes):
                continue
            src = source_before(text, c[0], cue[0], max_words=6)
            if src is None or text[src[1] : cue[0]].strip():
                continue
            that = _LEADING_THAT.match(text, cue[1])
            if m.group().lower() in THAT_ONLY_CUES and (that is None or "that" not in that.group().lower()):
                continue
            body = strip_span(text, that.end() if that else cue[1], c[1])
            if len(_WORD.findall(text, body[0], body[1])) < 3:
                continue
            found.append(Attribution(cue, src, body, RULE_SCORE, True))
            cues.append(cue)
            break
    return refine(text, found, sentence_ranges, unfound_speakers=unfound_speakers) if found else []
