"""Content repairs of an attribution: trimmed, clipped off the source, snapped to word and quote edges, completed to
the clause (or quoted passage) it stands for."""

from __future__ import annotations

import re

from presslens.analyzers.attribution import sanity
from presslens.analyzers.attribution.link import Attribution
from presslens.analyzers.attribution.refine_source import CUE_WORD, word_spans
from presslens.analyzers.attribution.spans import Span, overlaps, sentence_at, strip_span

_LEADING_THAT = re.compile(
    r"(?:(?:(?:on|last|this|late|early|earlier)\s+\w+|yesterday|today|tonight|monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday)\s*,?\s*)?(?:that\s+|:\s*)",
    re.I,
)


def _clip_content(text: str, content: Span | None, other: Span | None) -> Span | None:
    """The part of ``content`` that does not overlap ``other`` (the longer side), or None if nothing is left."""
    if content is None or other is None or not overlaps(content, other):
        return content
    before = strip_span(text, content[0], min(content[1], other[0]), " \t\n,;:")
    after = strip_span(text, max(content[0], other[1]), content[1], " \t\n,;:")
    best = max((before, after), key=lambda sp: sp[1] - sp[0])
    return best if best[1] > best[0] else None


def clean_content(text: str, a: Attribution) -> Span | None:
    """Content that overlaps neither the cue nor the source, without a leading ``(on Tuesday) that``."""
    c = _clip_content(text, _clip_content(text, a.content, a.cue), a.source)
    if c is None:
        return None
    m = _LEADING_THAT.match(text, c[0], c[1])
    if m and m.end() < c[1]:
        c = (m.end(), c[1])
    if not CUE_WORD.search(text, c[0], c[1]):
        return None
    return snap_content(text, c)


def snap_content(text: str, c: Span) -> Span:
    """Content on word and number boundaries: a start or end inside a word or number (``, 000 Russian men``
    of ``260,000 Russian men``) widens to the whole word or number."""
    s, e = c
    while s > 0 and sanity.inside_word(text, s):
        s -= 1
    while e < len(text) and sanity.inside_word(text, e):
        e += 1
    s, e = strip_span(text, s, e, " \t\n.,;:!?")
    piece = text[s:e]
    if piece[:1] in _OPENING and not any(ch in piece[1:] for ch in _CLOSING):
        s, e = strip_span(text, s + 1, e, " \t\n")  # a lone opening mark: '"saddest living conditions'
    return s, e


_OPENING = "\u201c\u00ab\u201e\""
_CLOSING = "\u201d\u00bb\""


_CLAUSE_END = frozenset("and but or that because so as while whether if than".split())


def complete_content(text: str, a: Attribution, sentence_ranges: list[Span]) -> Span | None:
    """A content cut after a conjunction (``the deal was temporary and``) runs on to the end of its sentence
    (when the cue is not further on); leading and trailing function words are never the edge of a content."""
    c = a.content
    if c is None:
        return None
    words = word_spans(text, c)
    if words and text[words[-1][0] : words[-1][1]].lower() in _CLAUSE_END:
        sent = sentence_at(sentence_ranges, c[0])
        after_cue = a.cue[1] <= c[0] or a.cue[0] >= (sent[1] if sent else c[1])
        if sent is not None and sent[1] > c[1] and after_cue:
            end = sent[1]
            while end > c[1] and text[end - 1] in " \t\n.!?\"\u201d\u2019'":
                end -= 1
            words = word_spans(text, (c[0], end))
    while words and text[words[-1][0] : words[-1][1]].lower() in _CLAUSE_END:
        words.pop()
    if not words:
        return None
    return snap_content(text, (c[0], words[-1][1]))


_FRAME_WORDS = frozenset(
    "in on at for after before during while since over from with under within by earlier later last this "
    "hours days weeks months years according early late again once now then still although though "
    "however".split()
) | sanity.TIME_WORDS


def is_frame_phrase(text: str, a: Attribution) -> bool:
    """``For months, X argued that ...``, ``In an interview with the Times, X said ...``: a content before the
    frame that is a time or place phrase ended by a comma, not what was said."""
    assert a.content is not None
    first = min(a.cue[0], a.source[0]) if a.source is not None else a.cue[0]
    if a.content[1] > first or text[a.content[1] : first].strip() != ",":
        return False
    words = CUE_WORD.findall(text, a.content[0], a.content[1])
    return bool(words) and words[0].lower() in _FRAME_WORDS and len(words) <= 12


def _after_cue(text: str, cue: Span, sent: Span) -> Span:
    """From the end of the cue to the end of its sentence (closing punctuation and a leading ``that`` left out)."""
    end = sent[1]
    while end > cue[1] and text[end - 1] in " \t\n.!?":
        end -= 1
    after = strip_span(text, cue[1], end, " \t\n,;:")
    m = _LEADING_THAT.match(text, after[0], after[1])
    if m and m.end() < after[1]:
        after = (m.end(), after[1])
    return after


def clause_after(text: str, a: Attribution, sentence_ranges: list[Span]) -> Span | None:
    """The clause after the cue, to the end of its sentence, without a leading ``that``."""
    sent = sentence_at(sentence_ranges, a.cue[0])
    if sent is None:
        return None
    after = _after_cue(text, a.cue, sent)
    if a.source is not None and overlaps(after, a.source):
        return None
    return after if len(CUE_WORD.findall(text, after[0], after[1])) >= 3 else None


def fallback_content(text: str, a: Attribution, sentence_ranges: list[Span]) -> Span | None:
    """For an attribution without content: the clause after the cue (``said they knew ...``), or the
    clause before a trailing ``..., X said``; None when neither has three words."""
    sent = sentence_at(sentence_ranges, a.cue[0])
    if sent is None:
        return None
    after = _after_cue(text, a.cue, sent)
    cands = []
    if a.source is None or not overlaps(after, a.source):
        cands.append(after)
    first = min(a.cue[0], a.source[0]) if a.source is not None else a.cue[0]
    cands.append(strip_span(text, sent[0], first, " \t\n,;:"))
    for c in cands:
        if len(CUE_WORD.findall(text, c[0], c[1])) >= 3 and text[c[0] : c[1]][:1] not in ",;":
            return c
    return None


_FRAME_GAP = " \t\n,:\u2014-"
#: a short time or place phrase between a split quote's frame and its second part: '..." he said on Saturday, "...'
_SHORT_FRAME = re.compile(r"\s+(?:on|in|at|last|this|late|early)\s[^,.;\n\"\u201c\u201d]{1,30},\s*")


#: what may stand between a cue and its own complement: "that", a colon, a short time phrase
_COMPLEMENT_GAP = re.compile(
    r"[\s,:]*(?:(?:on|last|this|late|early|earlier)\s+\w+\s*,?\s*|yesterday\s+|today\s+)?(?:that\s+)?[\s,:]*",
    re.I,
)


_SENTENCE_INSIDE = re.compile(r"[.!?][\"\u201d\u2019]?\s+[\"\u201c]?[A-Z]")


#: "said of X", "wrote of X": X is what the quotation before the frame is about, not what was said (analyzer 2.10)
_SAID_OF = [[verb, "of"] for verb in "said says say wrote writes added adds tweeted".split()]


def clause_of_its_own(text: str, a: Attribution, quoted: Span) -> bool:
    """``"Quote A." Smith said the deal was dead.``: the cue has its own reported clause after it, so the
    quotation before it is someone else's (or a separate attribution), not this one's content."""
    c = a.content
    if c is None or overlaps(c, quoted) or c[0] < a.cue[1]:
        return False
    if not _COMPLEMENT_GAP.fullmatch(text, a.cue[1], c[0]):
        return False  # '"...," the judge said after concluding that ...': not the cue's own complement
    if [w.lower() for w in CUE_WORD.findall(text, a.cue[0], a.cue[1])[-2:]] in _SAID_OF:
        return False  # '"...," a former aide said of the senators': the topic, not what was said (analyzer 2.10)
    if _SENTENCE_INSIDE.search(text, c[0], c[1]):
        return False  # 'told Reuters last week. "It was ...': runs past the cue's sentence, not its complement
    words = CUE_WORD.findall(text, c[0], c[1])
    return len(words) >= 4 and words[0].lower() not in _FRAME_WORDS


def _opens_sentence(text: str, pos: int) -> bool:
    """A quotation that opens its sentence (not a scare quote inside a reported clause)."""
    lead = text[max(0, pos - 200) : pos].rstrip(" \t")
    return not lead or lead.endswith(("\n", ".", "!", "?"))


def _ends_sentence(text: str, q: Span) -> bool:
    """A quotation that closes its sentence (``X said: "..."``), not one that a clause goes on after."""
    return text[q[1] - 2 : q[1] - 1] in (".", "!", "?") or bool(_SENTENCE_END.match(text, q[1]))


_SENTENCE_END = re.compile(r"[ \t]*(?:[.!?]|\n|$)")


def quote_content(text: str, a: Attribution, quotes: list[Span]) -> Span | None:
    """The quotation framed by the source and cue: ``"quote," said X``, ``X said: "quote"`` and the split
    ``"first part," X said, "second part."`` (one content from the first word to the last)."""
    parts = [p for p in (a.source, a.cue) if p is not None]
    first = min(p[0] for p in parts)
    last = max(p[1] for p in parts)
    before = after = None
    for q in quotes:
        if q[1] <= first and not text[q[1] : first].strip(_FRAME_GAP) and _opens_sentence(text, q[0]):
            before = q
        elif q[0] >= last and after is None and _ends_sentence(text, q):
            gap = text[last : q[0]]
            if not gap.strip(_FRAME_GAP) or (before is not None and _SHORT_FRAME.fullmatch(gap)):
                after = q
    if before is None and after is None:
        return None
    if before is not None and after is not None:
        if "\n" in text[before[1] : after[0]] or not text[before[1] - 2 : before[1]].startswith(","):
            after = None
    lo = (before or after)[0] + 1  # type: ignore[index]
    hi = (after or before)[1] - 1  # type: ignore[index]
    c = strip_span(text, lo, hi, " \t\n,;:")
    if not CUE_WORD.search(text, c[0], c[1]):
        return None
    return c


_CLAUSE_EDGE = " \t\n.!?;:,\"\u201c\u201d\u2018\u2019'"
#: a quotation of fewer words is a scare quote inside a clause ("there are \u201cmultiple witnesses\u201d who ..."),
#: not a quoted statement of its own
_SCARE_QUOTE_WORDS = 4


def quoted_statements(text: str, quotes: list[Span]) -> list[Span]:
    """The quotations of at least :data:`_SCARE_QUOTE_WORDS` words (statements, not scare quotes)."""
    return [q for q in quotes if len(CUE_WORD.findall(text, q[0], q[1])) >= _SCARE_QUOTE_WORDS]


def reported_clause(text: str, a: Attribution, sentence_ranges: list[Span], statements: list[Span]) -> Span | None:
    """A reported clause runs to its sentence's edge: a content after the frame (``X said [that] ...``) ends where
    the sentence ends, a content before a trailing frame (``..., a spokeswoman said.``) starts where the sentence
    starts. A content in a quoted statement (``statements``: :func:`quoted_statements`), or outside the cue's
    sentence, is left as it is."""
    c = a.content
    if c is None:
        return None
    sent = sentence_at(sentence_ranges, a.cue[0])
    if sent is None or not (sent[0] <= c[0] and c[1] <= sent[1]):
        return c
    if any(q[0] <= c[0] and c[1] <= q[1] for q in statements):
        return c  # inside a quotation: the quotation's own edges hold
    parts = [p for p in (a.source, a.cue) if p is not None]
    first = min(p[0] for p in parts)
    last = max(p[1] for p in parts)
    s, e = c
    if c[0] >= last and _AS_BEFORE.search(text, max(sent[0], first - 8), first):
        # "Locals protested, as Breitbart News reported, demanding ...": the frame reports the clause before it
        s = _clause_start(text, sent[0], first, statements)
        e = _before_frame(text, s, first)
        if len(CUE_WORD.findall(text, s, e)) < 3:
            return c
    elif c[0] >= last:
        stop = sent[1]
        if _SUBORDINATE_FRAME.search(text, sent[0], first):
            # "Two weeks after the Kremlin announced a mobilisation, the queues ...": the frame is a subordinate
            # clause, and what was announced ends with it
            comma = text.find(",", c[1], sent[1])
            stop = comma if comma >= 0 else stop
        e = _clause_end(text, c[1], stop)
    elif c[1] <= first:
        s = _clause_start(text, sent[0], c[0], statements)
        if not any(c[1] <= q[0] < first for q in statements):
            e = _before_frame(text, s, first)
    else:
        return c
    return snap_content(text, (s, e))


_AS_BEFORE = re.compile(r"\bas\s+$", re.I)
_AS_FRAME = re.compile(r"(?:,?\s+(?:as|while))?[\s,;:\u2014\u201d\u2019\"'-]*$", re.I)


def _before_frame(text: str, start: int, first: int) -> int:
    """The end of a clause that a trailing frame follows (``..., The Herald reported``, ``... as X reported``):
    just before the frame, without the comma and a leading ``as``."""
    m = _AS_FRAME.search(text, start, first)
    return m.start() if m is not None and m.start() > start else first


#: a subordinating conjunction that opens the clause of the frame, with no comma between it and the frame
_SUBORDINATE_FRAME = re.compile(
    r"\b(?:after|before|when|since|because|although|though|while|once|until|unless|if)\b[^,;:]*$", re.I
)


def _clause_end(text: str, pos: int, end: int) -> int:
    """Where a clause that goes on at ``pos`` ends: its sentence's end or a semicolon (a quotation inside it is
    part of it)."""
    semicolon = text.find(";", pos, end)
    end = semicolon if semicolon >= 0 else end
    while end > pos and text[end - 1] in _CLAUSE_EDGE:
        end -= 1
    return end


def _clause_start(text: str, start: int, pos: int, statements: list[Span]) -> int:
    """Where a clause that runs up to ``pos`` starts: its sentence's start, or after a quoted statement."""
    start = max([q[1] for q in statements if start < q[1] <= pos] + [start])
    while start < pos and text[start] in _CLAUSE_EDGE:
        start += 1
    return start


_COLON_BREAK = re.compile(r"[ \t]*:[ \t]*\n+")


def paragraph_after_colon(text: str, a: Attribution) -> Span | None:
    """``RT reports:`` closing its line: what was said is the next paragraph (without its quotation marks)."""
    m = _COLON_BREAK.match(text, a.cue[1])
    if m is None:
        return None
    end = text.find("\n", m.end())
    para = strip_span(text, m.end(), len(text) if end < 0 else end, " \t" + _OPENING + _CLOSING)
    return para if len(CUE_WORD.findall(text, para[0], para[1])) >= 3 else None


def outside_sentence(text: str, a: Attribution, sentence_ranges: list[Span], quotes: list[Span]) -> bool:
    """A content that lies outside the cue's sentence and is not a quotation (a tagging link to the wrong
    sentence: ``Pompeo reminded his hosts that ..., she said.`` linked to a phrase of the next sentence)."""
    c = a.content
    sent = sentence_at(sentence_ranges, a.cue[0])
    if c is None or sent is None or overlaps(c, sent):
        return False
    return not any(q[0] <= c[0] and c[1] <= q[1] for q in quotes)
