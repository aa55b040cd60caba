"""Edges of an attribution's content that belong to the frame, not to what was said.

Two readings of English, found on unseen articles (analyzer 2.0, the audit of issue 13):

- the **listener** of a telling verb: in "Cruz told Arroyo he was hurt" or "a source told TheDCNF that the
  server vanished", "Arroyo" and "TheDCNF" are who was told, not what was said (annotation guideline, section 2:
  the cue is "told", not "told reporters"; the content is the reported clause without "that");
- **another report's frame at the end** of a content: in "X told Kiko she had invited them, the sources said"
  the content of "told" stops before ", the sources said"; in "Y said she intervened, according to two House
  employees" it stops before ", according to ...". The trailing frame is an attribution of its own whose content
  is the words before it.
"""

from __future__ import annotations

import re

from presslens.analyzers.attribution import sanity
from presslens.analyzers.attribution.clause_edges import (
    as_reported_by,
    message_object,
    relative_clause_end,
    relative_report_end,
)
from presslens.analyzers.attribution.features import quote_spans
from presslens.analyzers.attribution.link import Attribution
from presslens.analyzers.attribution.spans import Span, strip_span

#: verbs whose first object is the listener ("told him", "assured the locals", "informed the committee")
_LISTENER_VERBS = frozenset(
    "tell tells told telling assure assures assured assuring inform informs informed informing notify notifies "
    "notified notifying remind reminds reminded reminding".split()
)
_OBJECT_PRONOUNS = frozenset("him her them us me you".split())
#: words that can open the reported clause right after the listener ("told Arroyo he was", "told a judge the")
_CLAUSE_OPENERS = frozenset(
    "he she it they we i you there this these those the a an his her its their our my some many no all "
    "that".split()
)
_DETERMINERS = frozenset("the a an".split())
_AUXILIARIES = frozenset("was were is are would will had has have could might may should".split())
#: an object relative pronoun a few words before the cue ("which he told the Examiner was ...")
_OBJECT_RELATIVE_BEFORE = re.compile(r"\b(?:which|that|whom)\s+(?:[^\s.!?;:]+\s+){1,12}$", re.I)
#: words that open a noun phrase after "to" ("to a commission member", "to his lawyers")
_NOUN_PHRASE_LEAD = frozenset("the a an his her its their our my this that these those him them us me".split())
_WORD = sanity.WORD
#: what may stand between a content and a frame after it: a comma, a closing quotation mark, spaces
_FRAME_GAP = re.compile(r"[ \t,\u201d\"]*")
_EDGE = " \t\n,;:\u201c\u201d\"'\u2018\u2019"


def _is_capitalised(word: str) -> bool:
    return word[:1].isupper()


def _listener_words(ws: list[str]) -> int | None:
    """How many of the first words ``ws`` name a listener: a pronoun ("him"), a name with or without "the"
    ("Arroyo", "the Washington Examiner", "House investigators"), "a"/"the" and a noun ("a judge"), or a plural
    noun ("reporters", "people"); None when they do not start with one."""
    first = ws[0].lower()
    if first in _OBJECT_PRONOUNS:
        return 1
    n = 1 if first in _DETERMINERS else 0
    if _is_capitalised(ws[n]) and ws[n].lower() not in _CLAUSE_OPENERS:
        run = n
        while run < len(ws) and run < n + 4 and _is_capitalised(ws[run]):
            run += 1
        if run < len(ws) and _is_plural_noun(ws[run]):
            run += 1  # "House investigators", "Senate staffers"
        return run
    if n == 1 and ws[1][:1].islower():
        return 2  # "a judge", "the court"
    if n == 0 and _is_plural_noun(ws[0]):
        return 1
    return None


def _is_plural_noun(word: str) -> bool:
    w = word.lower()
    return word[:1].islower() and (w == "people" or (w.endswith("s") and not w.endswith("ss") and len(w) > 3)) and (
        w not in _CLAUSE_OPENERS
    )


def _addressee_that(text: str, ws: list[re.Match[str]]) -> int | None:
    """After "to" and at most four words of one phrase, "that" opens the reported clause ("confirmed to a
    commission member that he had ..."): where the clause starts, else None."""
    if len(ws) < 3 or ws[0].group().lower() != "to":
        return None
    lead = ws[1].group()
    if lead.lower() not in _NOUN_PHRASE_LEAD and not _is_capitalised(lead):
        return None  # "said to ignore that and ...": an infinitive, not a listener
    for i in range(2, min(len(ws), 6)):
        if text[ws[i - 1].end() : ws[i].start()].strip():
            return None
        if ws[i].group().lower() == "that":
            return ws[i].end() if i + 1 < len(ws) else None
    return None


#: the start of a listener left between a cue and a content that holds the rest of it: " to the responding ",
#: " responding " after "told"
_LISTENER_GAP = re.compile(r"[ \t]+(?:to[ \t]+)?(?:[\w'\u2019-]+[ \t]+){0,3}")


def _split_listener_that(text: str, cue: Span, content: Span) -> int | None:
    """A listener cut in two by the layers ("The officer reported to the responding officers that she ...",
    content "officers that she ..."): after a telling verb or "to", the words up to "that" are the listener."""
    if content[0] - cue[1] <= 1 or _LISTENER_GAP.fullmatch(text, cue[1], content[0]) is None:
        return None
    gap = _WORD.findall(text, cue[1], content[0])
    cue_words = [w.lower() for w in _WORD.findall(text, cue[0], cue[1])]
    if not gap or not cue_words or (gap[0].lower() != "to" and cue_words[-1] not in _LISTENER_VERBS):
        return None
    ws = list(_WORD.finditer(text, content[0], content[1]))[:5]
    for i, w in enumerate(ws[:4]):
        if text[content[0] if i == 0 else ws[i - 1].end() : w.start()].strip():
            return None  # punctuation inside the listener
        if w.group().lower() == "that":
            return w.end() if i > 0 and i + 1 < len(ws) else None
    return None


def listener_end(text: str, cue: Span, content: Span) -> int | None:
    """Where the reported clause starts when ``content`` opens with the listener of a telling ``cue``; None
    when it does not (a quotation, no listener, or a clause that does not follow one)."""
    split = _split_listener_that(text, cue, content)
    if split is not None:
        return split  # "reported to the responding | officers that she entered ..."
    if not 0 <= content[0] - cue[1] <= 2 or text[cue[1] : content[0]].strip():
        return None  # the content does not follow the verb directly ("told reporters: ...", a quotation)
    ws = [m for m in _WORD.finditer(text, content[0], content[1])][:8]
    addressed = _addressee_that(text, ws)
    if addressed is not None:
        return addressed  # "confirmed to a commission member that ..."
    cue_words = [w.lower() for w in _WORD.findall(text, cue[0], cue[1])]
    if not cue_words or cue_words[-1] not in _LISTENER_VERBS:
        return None
    if len(ws) < 3 or any(ch in text[content[0] : ws[1].end()] for ch in "\u201c\u201d\"\n,;:"):
        return None
    n = _listener_words([w.group() for w in ws])
    if n is None:
        return None
    if n >= len(ws) - 1:
        return None
    if any(text[ws[i].end() : ws[i + 1].start()].strip() for i in range(n - 1)):
        return None  # punctuation inside the would-be listener: not one noun phrase
    nxt = ws[n].group()
    if text[ws[n - 1].end() : ws[n].start()].strip():
        return None
    if nxt.lower() == "that":
        return ws[n].end()
    if nxt.lower() in _CLAUSE_OPENERS or _is_capitalised(nxt) or nxt[:1].isdigit():
        return ws[n].start()
    if nxt.lower() in _AUXILIARIES and _OBJECT_RELATIVE_BEFORE.search(text, max(0, cue[0] - 120), cue[0]):
        return ws[n].start()  # "which a spokeswoman told TheDCNF was supposed to be secret": the relative's clause
    return None


def without_listener(text: str, a: Attribution) -> Span | None:
    """``a``'s content without the listener it opens with (the same content when there is none)."""
    if a.content is None:
        return None
    start = listener_end(text, a.cue, a.content)
    if start is None:
        return a.content
    trimmed = strip_span(text, start, a.content[1], _EDGE)
    return trimmed if len(_WORD.findall(text, trimmed[0], trimmed[1])) >= 2 else a.content


def _frame(a: Attribution) -> Span:
    parts = [p for p in (a.source, a.cue) if p is not None]
    return min(p[0] for p in parts), max(p[1] for p in parts)


_Frame = tuple[Attribution, int, int, int]


def report_frames(atts: list[Attribution]) -> list[_Frame]:
    """``(attribution, frame start, frame end, content end)`` of every attribution whose content ends before its
    frame (the reports that can close another content), in text order of their frames."""
    out: list[_Frame] = []
    for b in atts:
        if b.content is None or b.source is None:
            continue
        f0, f1 = _frame(b)
        if b.content[1] <= f0:
            out.append((b, f0, f1, b.content[1]))
    return sorted(out, key=lambda f: f[1])


def trailing_frame_start(
    text: str, a: Attribution, others: list[Attribution], frames: list[_Frame] | None = None
) -> int | None:
    """Where another attribution's frame closes ``a``'s content ("..., the sources said", "..., according to
    two House employees"): that attribution reports the words before its frame, and ``a``'s content stops there;
    None when no frame closes it. ``frames``: :func:`report_frames` of ``others``, when already computed."""
    if a.content is None:
        return None
    c0, c1 = a.content
    best: int | None = None
    for b, f0, f1, b_end in report_frames(others) if frames is None else frames:
        if f0 >= c1:
            break
        if b is a or b.cue == a.cue or not c0 < f0 or not c0 < b_end:
            continue
        if a.cue[0] >= b_end or not _FRAME_GAP.fullmatch(text, b_end, f0):
            continue
        if not text[c0:f0].rstrip(" \t\u201d\"").endswith(","):
            continue  # the frame is not set off by a comma
        if len(_WORD.findall(text, f1, c1)) > 3:
            continue  # more words after the frame than a listener or a time ("told TheDCNF", "said Monday")
        if best is None or b_end < best:
            best = b_end
    return best


def without_trailing_frame(
    text: str, a: Attribution, others: list[Attribution], frames: list[_Frame] | None = None
) -> Span | None:
    """``a``'s content without another report's frame at its end (the same content when there is none)."""
    end = trailing_frame_start(text, a, others, frames)
    if a.content is None or end is None:
        return a.content
    trimmed = strip_span(text, a.content[0], end, _EDGE)
    return trimmed if len(_WORD.findall(text, trimmed[0], trimmed[1])) >= 2 else a.content


#: a colon closing the line of a frame, and the line break(s) after it
_LINE_COLON = re.compile(r"[ \t]*:[ \t]*\n+")
_OPENING_QUOTES = "\u201c\""


def block_after_colon(text: str, a: Attribution, quotes: list[Span]) -> Span | None:
    """``Bolton told an audience of the Grand Gathering:`` or ``The six-page letter says:`` closing its line:
    what was said is the block after the colon (the quotation that opens the next line, else that line), not
    the words between the verb and the colon nor a content elsewhere; None when no such colon closes the frame,
    or when the words before the colon are the cue's that-clause (``Smith explains that ...:``: that clause is
    what was said, the block after the colon the writer's evidence for it)."""
    after = a.cue[1]
    if a.content is not None and a.content[0] >= a.cue[1]:
        if any(ch in text[a.cue[1] : a.content[1]] for ch in ".!?\n\u201c\u201d\""):
            return None  # the content is a sentence or a quotation of its own, not the words before a colon
        if _THAT_AFTER_CUE.match(text, a.cue[1]) or text.startswith("that ", a.content[0]):
            return None  # "Smith explains that the promises cannot be kept:" reports the that-clause; the block
            # after the colon is the evidence (a transcript, a quotation) the writer shows for it
        after = a.content[1]
    m = _LINE_COLON.match(text, after)
    if m is None or (a.source is not None and a.source[0] > a.cue[1]):
        return None
    start = m.end()
    if start < len(text) and text[start] in _OPENING_QUOTES:
        quote = next((q for q in quotes if q[0] == start), None)
        if quote is None:
            return None
        block = strip_span(text, quote[0] + 1, quote[1] - 1, " \t\n")
    else:
        end = text.find("\n", start)
        block = strip_span(text, start, len(text) if end < 0 else end, " \t\u2022*")
    return block if len(_WORD.findall(text, block[0], block[1])) >= 3 else None


#: words that open a subordinate clause: a content that starts with one is the frame's circumstance, not what
#: was said ("And while he has condemned abuse, some have argued his actions ...")
_SUBORDINATORS = frozenset("while whilst although though because since if unless when whereas".split())
_CONJUNCTIONS = frozenset("and but yet so".split())
#: after a cue: at most six words of a phrase (no punctuation but a comma at its end), then "that"
_THAT_AFTER_CUE = re.compile(
    r"(?:[ \t]+(?:at|in|on|during|before|after|last|this|earlier|later|to)(?:[ \t]+[\w'\u2019.-]+){0,5}?)?"
    r"[ \t]*,?[ \t]+that[ \t]+",
    re.I,
)


def _ends_in_listener_verb(text: str, cue: Span) -> bool:
    words = _WORD.findall(text, cue[0], cue[1])
    return bool(words) and words[-1].lower() in _LISTENER_VERBS


def clause_after_cue(text: str, a: Attribution, sentence_ranges: list[Span]) -> Span | None:
    """A content before its cue that is not what was said: the cue is followed by "that" and a clause ("It was
    also true, as McConnell warned, that normal disclosure ...", "..., he announced at the press conference that
    his office ...") or the content is a subordinate clause ("And while he has condemned abuse, some have argued
    his actions ..."). The clause after the cue, to the end of its sentence; None when neither holds."""
    if a.content is None or a.content[1] > a.cue[0] or a.source is None or a.source[0] < a.content[1]:
        return None
    sent = next((r for r in sentence_ranges if r[0] <= a.cue[0] < r[1]), None)
    if sent is None or "\n" in text[a.cue[1] : sent[1]] or any(
        ch in text[max(0, a.content[0] - 1) : sent[1]] for ch in "\u201c\u201d\""
    ):
        return None  # a quotation before the frame is what was said; one after it has rules of its own
    m = _THAT_AFTER_CUE.match(text, a.cue[1], sent[1])
    if m is not None:
        start = m.end()
    else:
        lead = [w.lower() for w in _WORD.findall(text, a.content[0], a.content[1])[:2]]
        if lead and lead[0] in _CONJUNCTIONS:
            lead = lead[1:]
        if not lead or lead[0] not in _SUBORDINATORS or "," in text[a.content[0] : a.content[1]]:
            return None  # a content with a comma may hold the main clause after its subordinate one
        if text[a.content[1] : min(a.source[0], a.cue[0])].strip(" \t,") or _ends_in_listener_verb(text, a.cue):
            return None  # the frame does not follow the subordinate clause, or its object is a listener
        # "While the details are unclear, according to police, the officer admitted ...": after the source
        start = max(a.cue[1], a.source[1])
    clause = strip_span(text, start, sent[1], _EDGE + ".!?")
    return clause if len(_WORD.findall(text, clause[0], clause[1])) >= 3 else None


#: a newswire dateline opening a paragraph: "WASHINGTON, D.C., February 12, 2018 (LifeSiteNews) – "
_DATELINE = re.compile(
    r"[A-Z][A-Z.'\u2019-]+(?:[ ,]+[A-Z][A-Z.'\u2019-]*)*,?(?:[ \t]+[A-Z][a-z]+\.?[ \t]+\d{1,2},[ \t]+\d{4})?"
    r"[ \t]*(?:\([^)\n]{1,40}\))?[ \t]*[\u2013\u2014-]{1,2}[ \t]+"
)


def without_dateline(text: str, content: Span) -> Span:
    """``content`` without a dateline that opens it (the outlet's furniture, not what was said)."""
    m = _DATELINE.match(text, content[0], content[1])
    if m is None or not any(ch.isdigit() or ch == "(" for ch in m.group()):
        return content  # an upper-case lead without a date or an outlet is not a dateline ("NATO – ...")
    return strip_span(text, m.end(), content[1], _EDGE)


def from_its_own_line(text: str, a: Attribution, quotes: list[Span]) -> Span | None:
    """A content before its cue that runs over a line break and is no quotation: the report is the cue's own
    line ("Don't say you were not warned.\nApparently, the US is now prepared ..., according to leaked
    documents"); None when the content does not cross a line before the cue."""
    if a.content is None or a.content[1] > a.cue[0] or not _WORD.search(text, a.cue[0], a.cue[1]):
        return None  # an embedded post's signature ("— Name (@handle)") frames all the lines above it
    if "\n" in text[a.content[1] : a.cue[0]]:
        return None
    brk = text.rfind("\n", a.content[0], a.content[1])
    if brk < 0 or any(q[0] <= a.content[0] < q[1] for q in quotes):
        return None
    line = strip_span(text, brk + 1, a.content[1], _EDGE)
    return line if len(_WORD.findall(text, line[0], line[1])) >= 3 else None


#: "said this about X:", "wrote the following:": a colon inside a content, with a quotation right after it
_COLON_QUOTE = re.compile(r"[ \t]*:[ \t]*[\u201c\"]")


def quotation_after_inner_colon(text: str, a: Attribution, quotes: list[Span]) -> Span | None:
    """``Greenfield said this about Powell: “The media dubbed her ...”``: the words between the verb and a
    colon that opens a quotation are a topic; what was said is the quotation. None when no such colon follows
    within six words of the cue."""
    if a.content is None or a.content[0] < a.cue[1]:
        return None
    for k, m in enumerate(_WORD.finditer(text, a.cue[1], a.content[1])):
        if k >= 6:
            return None
        colon = _COLON_QUOTE.match(text, m.end())
        if colon is None:
            continue
        quote = next((q for q in quotes if q[0] == colon.end() - 1), None)
        if quote is None:
            return None
        inner = strip_span(text, quote[0] + 1, quote[1] - 1, " \t\n")
        return inner if len(_WORD.findall(text, inner[0], inner[1])) >= 3 else None
    return None


def trim_frame_edges(
    text: str, atts: list[Attribution], sentence_ranges: list[Span], *, cut_relative_reports: bool = False
) -> list[Attribution]:
    """Cut a trailing frame and a leading listener off every content, and give a frame whose line ends in a
    colon the block after it (in place); returns the attributions whose content changed. Frames are looked up
    among the contents as they were before any cut. ``cut_relative_reports`` (the ``attribution.relative_reports``
    option, not shipped) also cuts a relative clause's content before the main clause's reporting verb
    (:func:`~.clause_edges.relative_report_end`)."""
    from presslens.analyzers.attribution.refine import MESSAGE_OBJECT_PREDICATES

    frames = report_frames(atts)
    new = {id(a): without_trailing_frame(text, a, atts, frames) for a in atts}
    quotes = quote_spans(text)
    changed: list[Attribution] = []
    for a in atts:
        before = a.content
        a.content = new[id(a)]
        a.content = block_after_colon(text, a, quotes) or without_listener(text, a)
        a.content = clause_after_cue(text, a, sentence_ranges) or a.content
        a.content = quotation_after_inner_colon(text, a, quotes) or from_its_own_line(text, a, quotes) or a.content
        passive = as_reported_by(text, a, sentence_ranges)
        if passive is not None:
            a.source, a.content = passive
        a.content = message_object(text, a, sentence_ranges, MESSAGE_OBJECT_PREDICATES) or a.content
        a.content = relative_clause_end(text, a) or a.content
        if cut_relative_reports:
            a.content = relative_report_end(text, a) or a.content
        if a.content is not None:
            a.content = without_dateline(text, a.content)
        if a.content != before or passive is not None:
            changed.append(a)
    return changed
