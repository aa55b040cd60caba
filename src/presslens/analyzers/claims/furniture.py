"""Page furniture and questions among claim sentences.

A sentence the check-worthiness model scores high may still be no claim a reader could check: a poll's
sign-up line, share counts, a shop price, a copyright or reprint notice, a tweet embed, a citation line
("Title, Outlet, October 25, 2017") or a question (``data/realnews/GUIDELINE.md`` section 4: page furniture
and rhetorical questions are not claims). :func:`furniture_reason` names why a sentence is such a line.
"""

from __future__ import annotations

import re

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
)

_FURNITURE: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("poll", re.compile(r"\b(?:completing this poll|take our poll|opt out at any ?time)\b", re.IGNORECASE)),
    ("share buttons", re.compile(r"\bshares?\b[\s\W]*(?:facebook|twitter)\b", re.IGNORECASE)),
    ("price", re.compile(r"\b(?:best price|buy new|buy used|list price)\b\s*:?", re.IGNORECASE)),
    ("copyright", re.compile(r"©|\(c\)\s*\d{4}|\ball rights reserved\b|\bdistributed by\b", re.IGNORECASE)),
    ("reprint notice", re.compile(
        r"\b(?:reprinted|republished|posted|published|used|shared)\s+(?:here\s+)?with\s+(?:the\s+)?"
        r"(?:express\s+)?permission\b|^\W*(?:this\s+(?:report|article|story|post|piece|essay)\s+)?"
        r"(?:was\s+|is\s+)?originally\s+(?:published|appeared|posted|ran)\b", re.IGNORECASE)),
    ("tweet embed", re.compile(r"pic\.twitter\.com/|\(@\w+\)\s*" + _MONTH, re.IGNORECASE)),
    ("sponsored", re.compile(r"^\W*(?:sponsored|advertisement|related|read more|subscribe|sign up)\b\W*$",
                             re.IGNORECASE)),
    ("editor's note", re.compile(r"^\W*editor['’]s note\b", re.IGNORECASE)),
    ("book promotion", re.compile(r"\b(?:pre-?order|order your copy|available on amazon)\b", re.IGNORECASE)),
    ("citation line", re.compile(r",\s*" + _MONTH + r"\s+\d{1,2},\s*\d{4}\W*$")),
    ("hashtags", re.compile(r"(?:#\w+\W+){2,}")),
)

# Lines that carry no claim of their own; each is checked only where it can apply (speed): photo credits and
# attribution tails are short, a lead-in ends in a colon. Matched from the line start.
_PHOTO_CREDIT = re.compile(
    r"\W*(?:[A-Z][\w.&-]*[ ]+)?(?:photo|image|picture|video|graphic)s?(?:[ ]+(?:credit|by|courtesy))?[ ]*:"
    r"[^.!?]{0,60}\)?\W*$|\W*(?:photos?|images?|pictures?)[ ]+(?:posted|taken|shared|courtesy|via|by|from|of)\b",
    re.IGNORECASE,
)
# a line that only introduces what follows: "The following are ...:", "RT reports:", "we learned that:"
_LEAD_IN = re.compile(
    r"\W*(?:the\s+following\b[^\n]*|according\s+to\s+[^,:\n]{1,120}|[^,:\n]{0,80}\bthat|"
    r"(?:[A-Z][\w.’'-]*[ ]+){0,4}[A-Z][\w.’'-]*[ ]+(?:reports|reported|says|said|writes|wrote|tweeted|added|"
    r"explains|explained|notes|noted))\s*:\s*$",
    re.IGNORECASE,
)
# the tail of a split quotation, with no content of its own: "Trump added.", "She continued."
_ATTRIBUTION_TAIL = re.compile(
    r"\W*(?:[\w.’'-]+[ ]+){0,3}?[\w.’'-]+[ ]+(?:said|added|continued|wrote|tweeted|explained|noted|concluded|"
    r"replied|insisted|stated)(?:[ ]+(?:on|in)[ ]+[A-Z]?\w+)?[.!]?\W*$",
    re.IGNORECASE,
)
_SHORT_LINE = 120
# fewer than two words of two or more letters: "2.", "§197 IL"
_WORDS = re.compile(r"[A-Za-z]{2,}")
_QUESTION_END = re.compile(r"\?[\"'”’)\]]*\s*$")


def furniture_reason(sentence: str) -> str | None:
    """Why ``sentence`` is page furniture or a question rather than a claim ("poll", "price", "question",
    ...), or None for an ordinary sentence."""
    for reason, pattern in _FURNITURE:
        if pattern.search(sentence):
            return reason
    if _QUESTION_END.search(sentence):
        return "question"
    if len(sentence) <= _SHORT_LINE:
        if _PHOTO_CREDIT.match(sentence):
            return "photo credit"
        if _ATTRIBUTION_TAIL.match(sentence):
            return "attribution tail"
        if len(_WORDS.findall(sentence)) < 2:
            return "fragment"
    if sentence.rstrip().endswith(":") and _LEAD_IN.match(sentence):
        return "lead-in"
    return None
