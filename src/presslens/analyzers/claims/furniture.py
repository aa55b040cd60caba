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
        r"(?:express\s+)?permission\b", re.IGNORECASE)),
    ("tweet embed", re.compile(r"pic\.twitter\.com/|\(@\w+\)\s*" + _MONTH, re.IGNORECASE)),
    ("sponsored", re.compile(r"^\W*(?:sponsored|advertisement|related|read more|subscribe|sign up)\b\W*$",
                             re.IGNORECASE)),
    ("editor's note", re.compile(r"^\W*editor['’]s note\b", re.IGNORECASE)),
    ("book promotion", re.compile(r"\b(?:pre-?order|order your copy|available on amazon)\b", re.IGNORECASE)),
    ("citation line", re.compile(r",\s*" + _MONTH + r"\s+\d{1,2},\s*\d{4}\W*$")),
    ("hashtags", re.compile(r"(?:#\w+\W+){2,}")),
)
_QUESTION_END = re.compile(r"\?[\"'”’)\]]*\s*$")


def furniture_reason(sentence: str) -> str | None:
    """Why ``sentence`` is page furniture or a question rather than a claim ("poll", "price", "question",
    ...), or None for an ordinary sentence."""
    for reason, pattern in _FURNITURE:
        if pattern.search(sentence):
            return reason
    if _QUESTION_END.search(sentence):
        return "question"
    return None
