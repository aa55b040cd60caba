"""Quotations in single quotation marks (the ``attribution.single_quotes`` option, stop 33; off by default).

British papers quote in single marks ('...' or \u2018...\u2019), and a quotation of several sentences or paragraphs
reopens each paragraph with a mark and closes only its last one::

    Mr Lee said: 'The plan is dead.
    'We will vote against it.'

The quotation pairing of :func:`.features.quote_spans` knows double marks only (a single mark is also the
apostrophe), so such a quotation's content stopped where the tagger's content stopped, at the end of its first
sentence, and a quotation split by its frame ('A,' she said. 'B.') kept only its first part. GUIDELINE 2 and 8a
make the content the whole quotation, from its first word to the last word of the part after the frame.

:func:`single_quote_spans` pairs the marks: an opening mark stands at a line start or after a space, bracket,
colon or dash, with a letter or digit right after it; a closing mark follows a letter, digit or punctuation and no
letter or digit follows it (so a plural possessive, "the members' vote", closes the quotation early: the content
then stays short, as without the option, rather than running on to a later mark). A mark that opens a line
inside a quotation reopens it (a new paragraph); a mark that opens in the middle of a line before the quotation
closed starts over from there (the first one was an apostrophe or a closing mark the rules missed). A blank line
or more than :data:`MAX_QUOTE_CHARS` characters end the search without a quotation.

:func:`extend_single_quotes` then (1) widens a content that lies inside such a quotation and touches one of its
edges, when the frame (source and cue) stands outside it, to the whole quotation; (2) runs a content that ends
the quotation before a frame ('A,' she said.) on to the end of the quotation right after the frame on the same
or the next line ('B.'), when no other attribution with its cue outside that quotation holds it. The score then judges the
attributions as they come out (no score is set here).
"""

from __future__ import annotations

import re

from presslens.analyzers.attribution.link import Attribution
from presslens.analyzers.attribution.refine import assess
from presslens.analyzers.attribution.spans import Span, overlaps, strip_span

#: the values of the ``attribution.single_quotes`` option: "off" (2.18) or "on" (stop 33)
SINGLE_QUOTES_CHOICES = ("off", "on")
#: the default: "off" (the option did not pass the ship rule, or has not been judged; MODEL_CARD.md)
SINGLE_QUOTES_DEFAULT = "off"
#: the longest quotation followed (characters, marks included)
MAX_QUOTE_CHARS = 3000
#: the fewest words a quotation after a frame must hold to be taken on
MIN_WORDS = 3

_OPEN_MARKS = "'\u2018"
_CLOSE_MARKS = "'\u2019"
_BEFORE_OPEN = " \t\n([{:\u2014\u2013-\"\u201c"
_CLOSING_PUNCT = ".,!?;:\u2026"
_WORD = re.compile(r"\w+")
#: what may stand between a frame that follows a quotation and the next quotation of the same statement: the
#: rest of the frame's sentence with no sentence end or quotation inside, its final mark, and at most one line
#: break ("'A,' Hannity said on Friday.\n'B.'", "'A,' she said, 'B.'")
_FRAME_TO_QUOTE = re.compile(r"[^\n.!?\"\u201c\u201d'\u2018\u2019]{0,80}[.!?,:;]?[ \t]*\n?[ \t]*")


def _opens(text: str, i: int) -> bool:
    return (
        text[i] in _OPEN_MARKS
        and (i == 0 or text[i - 1] in _BEFORE_OPEN)
        and i + 1 < len(text)
        and (text[i + 1].isalnum() or text[i + 1] == "\u2026")
    )


def _closes(text: str, j: int) -> bool:
    if text[j] not in _CLOSE_MARKS or j == 0 or text[j - 1].isspace():
        return False
    after = text[j + 1] if j + 1 < len(text) else ""
    if after.isalnum():
        return False  # an apostrophe inside a word: "don't", "May's"
    return text[j - 1] in _CLOSING_PUNCT or text[j - 1].isalnum()


def single_quote_spans(text: str) -> list[Span]:
    """(start, end) of each quotation in single marks, marks included (see the module docstring)."""
    out: list[Span] = []
    i = 0
    n = len(text)
    while i < n:
        if not _opens(text, i):
            i += 1
            continue
        start = i
        j = i + 1
        end: int | None = None
        restart: int | None = None
        while j < n and j - start <= MAX_QUOTE_CHARS:
            if text.startswith("\n\n", j):
                break
            if _closes(text, j):
                end = j + 1
                break
            if _opens(text, j) and text[j - 1] != "\n":
                restart = j  # an opening mark in mid-line before this quotation closed
                break
            j += 1
        if end is not None:
            out.append((start, end))
            i = end
        elif restart is not None:
            i = restart
        else:
            i = start + 1
    return out


def _inner(text: str, q: Span) -> Span:
    return strip_span(text, q[0] + 1, q[1] - 1, " \t\n")


def _trimmed_inner(text: str, q: Span) -> Span:
    """The inside of the quotation without the comma that hands it to a trailing frame ("'A,' she said")."""
    return strip_span(text, q[0] + 1, q[1] - 1, " \t\n,;:")


def extend_single_quotes(text: str, atts: list[Attribution], sentence_ranges: list[Span] | None = None) -> None:
    """Widen the contents of ``atts`` over the single-mark quotations they cut (module docstring). Changes
    ``atts`` in place; an attribution whose content changed is assessed again by the sanity rules."""
    quotes = single_quote_spans(text)
    if not quotes:
        return
    changed: list[Attribution] = []
    for a in atts:
        if a.content is None or a.source is None:
            continue
        c = a.content
        q = next((q for q in quotes if q[0] <= c[0] and c[1] <= q[1]), None)
        if q is None:
            continue
        inner = _trimmed_inner(text, q)
        if overlaps(a.cue, q) or overlaps(a.source, q):
            continue  # the frame stands inside the quotation: a report the speaker quotes
        if not (c[0] <= inner[0] + 1 or c[1] >= inner[1] - 1):
            continue  # a part from the middle of the quotation
        widened = (min(c[0], inner[0]), max(c[1], inner[1]))
        if widened != c:
            a.content = widened
            changed.append(a)
    for a in atts:
        if a.content is None or a.source is None:
            continue
        q = next((q for q in quotes if q[0] <= a.content[0] < q[1]), None)
        if q is None or a.content[1] < _trimmed_inner(text, q)[1]:
            continue
        frame = (min(a.source[0], a.cue[0]), max(a.source[1], a.cue[1]))
        if frame[0] < q[1]:
            continue  # the frame stands before or inside the quotation
        gap = text[q[1] : frame[0]]
        if gap.strip(" \t,") or "\n" in gap:
            continue  # something else stands between the quotation and its frame
        nxt = next((n for n in quotes if n[0] >= frame[1]), None)
        if nxt is None or not _FRAME_TO_QUOTE.fullmatch(text, frame[1], nxt[0]):
            continue
        inner = _inner(text, nxt)
        if len(_WORD.findall(text, inner[0], inner[1])) < MIN_WORDS:
            continue
        if any(b is not a and b.content is not None and overlaps(b.content, inner) and not overlaps(b.cue, nxt)
               for b in atts):
            continue  # another attribution frames that quotation from outside (a report inside it does not count)
        a.content = (a.content[0], inner[1])
        if a not in changed:
            changed.append(a)
    if sentence_ranges is not None:
        for a in changed:
            assess(text, a, sentence_ranges)
