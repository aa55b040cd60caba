"""Attributions without a reporting verb of their own: embedded social-media posts (``text — Name (@handle)
November 2, 2018``) and a quotation paragraph that continues the speaker of the paragraph before it
(``"...," Gil told Reuters.`` then ``"It was already out there before."`` on the next line)."""

from __future__ import annotations

import re

from presslens.analyzers.attribution.features import quote_spans
from presslens.analyzers.attribution.link import Attribution
from presslens.analyzers.attribution.refine import assess
from presslens.analyzers.attribution.spans import Span, overlaps, strip_span

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
#: the signature line of an embedded post: "— Name (@handle) Month D, YYYY"
_POST_SIGNATURE = re.compile(
    r"(?P<dash>[\u2014\u2013]|-{1,2})\s*(?P<name>[^\s()@\u2014\u2013][^()\n\u2014\u2013]{0,60}?)\s*"
    r"\(@\w{1,30}\)\s*" + _MONTH + r"\s+\d{1,2},\s+\d{4}"
)
#: the same signature with the author's title cut from the name by a line break after its period ("— Sec.\n
#: Kirstjen Nielsen (@handle) ...": texts split one sentence per line break after an abbreviation); the
#: ``attribution.post_lines=link`` option (HISTORY.md 2.12)
_POST_SIGNATURE_TITLED = re.compile(
    r"(?P<dash>[\u2014\u2013]|-{1,2})\s*(?P<title>[A-Z][a-z]{1,4}\.)\n(?P<name>[^\s()@\u2014\u2013]"
    r"[^()\n\u2014\u2013]{0,60}?)\s*\(@\w{1,30}\)\s*" + _MONTH + r"\s+\d{1,2},\s+\d{4}"
)
#: links, hashtags and handles that close a post's text; not part of what was said when nothing else is
_POST_TAIL = re.compile(r"(?:\s*(?:pic\.twitter\.com/\S+|https?://\S+|[#@]\w+))+\s*$")
_WORD = re.compile(r"\w+")
#: the fewest words a block, quotation or post found here must hold to be content
MIN_CONTENT_WORDS = 3
#: score of an embedded post: the signature names its author unambiguously
POST_SCORE = 0.85


def _enough_words(text: str, span: Span) -> bool:
    """``text[span]`` holds at least :data:`MIN_CONTENT_WORDS` words."""
    return len(_WORD.findall(text, span[0], span[1])) >= MIN_CONTENT_WORDS


def _line_at(text: str, pos: int) -> Span:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end < 0 else end


#: page furniture that sits between a post and its signature in scraped pages
_FURNITURE = re.compile(
    r"Privacy Policy|Terms of Use|[Ss]ign up|[Ss]ubscribe|newsletter|validation purposes|take our poll|"
    r"story continues below|This field is|(?:Email|Name|Comments) \*"
)
#: article prose that reports someone's words ("Trump, however, said that ...", "In his Twitter post, Trump
#: also blasted ..."): the writer's line above an embedded post, not the post's text
_INTRODUCING_FRAME = re.compile(
    r"\b(?:said|says|told|tweeted|wrote|writes|posted|suggested|revealed|reported|reports|blasted|"
    r"according to)"
    r"\b(?:\s+(?:on|in)\s+(?:Twitter|Facebook|Instagram|Telegram))?\s+(?:that\b|the\b|[a-z])"
)
#: most lines a post's text is taken from
POST_LINES = 3
#: the values of the ``attribution.post_lines`` option (HISTORY.md 2.12): "signature" (2.10's posts) or "link"
#: (the line above a link-only signature line is the post's text whatever it holds; a title cut off by a
#: line break before the author's name)
POST_LINES_CHOICES = ("signature", "link")
#: the default of ``attribution.post_lines``: "link" since 2.12 (it passed the ship rule, HISTORY.md 2.12)
POST_LINES_DEFAULT = "link"


def _post_lines(text: str, line_start: int, body: Span, link_line: bool = False) -> Span:
    """The post's text: what precedes the signature on its line and up to :data:`POST_LINES` lines in all
    before it, stopping at a blank line, another signature, an introducing line (``... tweeted:``), prose
    with quotation marks or page furniture (form labels, sign-up lines). With ``link_line`` (the
    ``attribution.post_lines=link`` option), when the signature's line holds only the post's links, the line
    right above it is the post's last line even if it quotes or reports someone (an embed's text ends right
    above its picture link; annotation guideline 8a: an embedded post is one attribution over its text)."""
    start = body[0] if body[1] > body[0] else line_start
    end = body[1] if body[1] > body[0] else None
    taken = 1 if body[1] > body[0] else 0
    pos = line_start
    while taken < POST_LINES and pos > 0:
        prev = _line_at(text, pos - 1)
        piece = text[prev[0] : prev[1]].strip()
        if not piece or _POST_SIGNATURE.search(piece) or piece.endswith(":") or _FURNITURE.search(piece):
            break
        last_line = link_line and taken == 0
        if not last_line and (any(q in piece for q in "\u201c\u201d\"") or _INTRODUCING_FRAME.search(piece)):
            break
        pos = prev[0]
        start = prev[0]
        if end is None:
            end = prev[1]
        taken += 1
    if end is None:
        return body
    return strip_span(text, start, end, " \t\n")


def embedded_posts(text: str, link_line: bool = False) -> list[Attribution]:
    """One attribution per post signature: source the author's name, cue the dash, content the post's text on
    the signature's line, or the line before it when the signature's line holds only links and hashtags.
    ``link_line`` (the ``attribution.post_lines=link`` option): also a signature whose author's title is cut
    from the name by a line break ("Sec.\nName"), and the line right above a signature line of links only is
    the post's text even when it quotes or reports (:func:`_post_lines`)."""
    out: list[Attribution] = []
    signatures = list(_POST_SIGNATURE.finditer(text))
    if link_line:
        signatures = sorted(signatures + list(_POST_SIGNATURE_TITLED.finditer(text)), key=lambda m: m.start())
    for m in signatures:
        line = _line_at(text, m.start())
        body = strip_span(text, line[0], m.start("dash"), " \t")
        tail = _POST_TAIL.search(text, body[0], body[1])
        if tail is not None:
            body = strip_span(text, body[0], tail.start(), " \t")
        if _FURNITURE.search(text, body[0], body[1]):
            body = (body[0], body[0])
        body = _post_lines(text, line[0], body, link_line)
        if not _enough_words(text, body):
            continue
        source = strip_span(text, m.start("name"), m.end("name"), " \t")
        out.append(Attribution((m.start("dash"), m.end("dash")), source, body, POST_SCORE, True))
    return out


def continued_quotes(text: str, atts: list[Attribution], sentence_ranges: list[Span] | None = None) -> None:
    """A quotation that is a paragraph of its own, with no cue, right after a paragraph whose asserted
    attribution has a quotation as content: the same speaker goes on, so that attribution's content runs on to
    the end of the new quotation (one attribution per quoted statement, as the annotation guideline has it;
    a separate attribution for the continuation would repeat the source and cue). Changes ``atts`` in place."""
    taken = [a.content for a in atts if a.content is not None]
    by_line: dict[int, Attribution] = {}
    for a in atts:
        if a.source is not None and a.content is not None and a.sane and _quoted(text, a.content):
            by_line.setdefault(_line_at(text, a.content[1])[0], a)
    quotes = quote_spans(text)
    for a in atts:
        # '"First part," he said. "Second part."': the quotation right after a trailing frame, in the same
        # paragraph, goes on with the same statement
        if a.source is None or a.content is None or not a.sane or not _quoted(text, a.content):
            continue
        frame_end = max(a.source[1], a.cue[1])
        if a.content[1] > frame_end:
            continue
        nxt = next((q for q in quotes if q[0] >= frame_end), None)
        if nxt is None or not _FRAME_TO_QUOTE.fullmatch(text, frame_end, nxt[0]):
            continue
        inner = strip_span(text, nxt[0] + 1, nxt[1] - 1, " \t\n,;:")
        if any(overlaps(inner, t) for t in taken) or not _enough_words(text, inner):
            continue
        a.content = (a.content[0], inner[1])
        taken.append(inner)
    for q in quotes:
        line = _line_at(text, q[0])
        if text[line[0] : q[0]].strip() or line[0] == 0 or not _ends_statement(text, q, line):
            continue
        inner = strip_span(text, q[0] + 1, q[1] - 1, " \t\n,;:")
        prev = by_line.get(_line_at(text, line[0] - 1)[0])
        if prev is not None and prev.content is not None:
            for b in _release_backward_claims(text, atts, inner, line, taken):
                if sentence_ranges is not None:
                    assess(text, b, sentence_ranges)
        if any(overlaps(inner, t) for t in taken) or not _enough_words(text, inner):
            continue
        if prev is None or prev.content is None:
            continue
        prev.content = (prev.content[0], inner[1])
        taken.append(inner)
        by_line[line[0]] = prev
    for a in atts:
        # '"First part," he said.' then a paragraph '"Second part' left open (the next paragraph goes on) or closed
        # by a mark the quotation pairing does not match: the same statement goes on (analyzer 2.10)
        if a.source is None or a.content is None or not a.sane or not _opened_by_quote(text, a.content):
            continue
        line = _line_at(text, a.content[1])
        frame_end = max(a.content[1], a.source[1], a.cue[1])
        if frame_end > line[1] or text[frame_end : line[1]].strip(_LINE_END_MARKS):
            continue
        if min(a.source[0], a.cue[0]) < line[0]:
            continue  # the frame is on an earlier line: the content was carried on already
        end = _open_quote_paragraphs(text, line[1])
        if end is None:
            continue
        more = (line[1] + 1, end)
        if any(overlaps(more, t) for t in taken if t != a.content):
            continue
        if a.content in taken:
            taken.remove(a.content)
        a.content = (a.content[0], end)
        taken.append(a.content)


def _release_backward_claims(
    text: str, atts: list[Attribution], inner: Span, line: Span, taken: list[Span]
) -> list[Attribution]:
    """A quotation paragraph with no frame of its own, claimed as content by a cue on a later line (``"The
    Democrats want open borders."`` then ``Trump then called on Congress to ...``): a reader takes the
    quotation as the previous speaker going on, so the later cue keeps only the clause after it. The later
    attribution is dropped when that clause is shorter than three words. Changes ``atts`` and ``taken`` in
    place and returns the attributions whose content changed."""
    changed: list[Attribution] = []
    for b in list(atts):
        if b.content is None or not overlaps(b.content, inner) or b.cue[0] < line[1]:
            continue
        if b.source is not None and b.source[0] < line[1]:
            continue  # the source stands with the quotation: it is framed, not continued
        taken.remove(b.content)
        after = _clause_after_cue(text, b)
        if after is None:
            atts.remove(b)
        else:
            b.content = after
            taken.append(after)
            changed.append(b)
    return changed


def _clause_after_cue(text: str, a: Attribution) -> Span | None:
    """The rest of the cue's line after it, to the end of its sentence; None when shorter than three words."""
    line = _line_at(text, a.cue[1])
    start = max(a.cue[1], a.source[1] if a.source is not None and a.source[0] >= a.cue[1] else a.cue[1])
    stop = re.search(r"[.!?](?:\s|$)", text[start : line[1]])
    end = start + stop.start() if stop else line[1]
    span = strip_span(text, start, end, " \t\n,;:")
    return span if _enough_words(text, span) else None


#: what may stand between a trailing frame and the quotation that goes on: the full stop and spaces, after a
#: short tail of the frame with no sentence end inside ('"Please help," she repeats twice in a call at 12:14 p.m.
#: "He shot them."'; analyzer 2.10)
_FRAME_TO_QUOTE = re.compile(r"(?:[^\n\"\u201c\u201d.!?]|[.](?=\w)){0,80}[.!?][ \t]*")

_QUOTE_MARKS = "\"\u201c\u201d"
#: what may close a line after a quotation's content and its frame
_LINE_END_MARKS = " \t.,!?\u2026\"\u201d\u2019"
#: most paragraphs a left-open quotation is followed over
OPEN_QUOTE_PARAGRAPHS = 4


def _opened_by_quote(text: str, content: Span) -> bool:
    """A content that starts right after an opening quotation mark."""
    return text[max(0, content[0] - 2) : content[0]].rstrip(" \t")[-1:] in ("\u201c", '"')


def _open_quote_paragraphs(text: str, line_end: int) -> int | None:
    """Where a quotation that goes on in the paragraphs after ``line_end`` ends: the next paragraph opens with a
    quotation mark and holds no other one (left open: the paragraph after it may go on the same way) or one
    closing mark at its end; a paragraph without an opening mark may close it (one closing mark at its end).
    None when the next paragraph does not open such a quotation."""
    end: int | None = None
    pos = line_end + 1
    for _ in range(OPEN_QUOTE_PARAGRAPHS):
        if pos >= len(text):
            break
        line = _line_at(text, pos)
        body = text[line[0] : line[1]].strip()
        if not body:
            break
        opens = body[0] in ("\u201c", '"')
        rest = body[1:] if opens else body
        marks = [i for i, ch in enumerate(rest) if ch in _QUOTE_MARKS]
        closed = len(marks) == 1 and not rest[marks[0] + 1 :].strip(" .,!?\u2026")
        if (not opens and (end is None or not closed)) or (marks and not closed):
            break
        stop = strip_span(text, line[0], line[1], _LINE_END_MARKS)
        if not _enough_words(text, stop):
            break
        end = stop[1]
        if closed or not opens:
            break
        pos = line[1] + 1
    return end


#: sentence-final punctuation
_FINAL = ".!?\u2026"
#: a new sentence after the quotation on its line: a capitalised word or a quotation (not a frame: ", he said")
_NEW_SENTENCE = re.compile(r"[ \t]+[A-Z\u201c\"]")


def _ends_statement(text: str, quote: Span, line: Span) -> bool:
    """The quotation ends its paragraph, or ends a sentence that the writer's next sentence follows on the same
    line ('"...the thing I'm concerned about here." U.S. Judge Wrestles With ...': the paragraph break before
    the writer's prose was lost in the scraped page). Either way nothing on the line frames the quotation."""
    if not text[quote[1] : line[1]].strip(" \t.,"):
        return True
    after = quote[1] + 1 if text[quote[1] : quote[1] + 1] in tuple(_FINAL) else quote[1]
    final = after > quote[1] or text[quote[1] - 2 : quote[1] - 1] in tuple(_FINAL)
    return final and _NEW_SENTENCE.match(text, after) is not None


def _quoted(text: str, content: Span) -> bool:
    """A content that is the inside of a quotation (a closing quotation mark right after it)."""
    return text[content[1] : content[1] + 2].lstrip(",.!?")[:1] in ("\u201d", '"')


#: "Sen. Ann Lee to committee members: \u201c...\u201d", "Jihad Al-Ayesh: \u201c...\u201d": a short capitalised name
#: opening its line, a colon, and a quotation
_COLON_FRAME = re.compile(
    r"(?m)^(?P<src>[A-Z][\w'\u2019.-]*(?:[ \t]+[\w'\u2019.()-]+){1,7}?)(?:[ \t]+to[ \t]+[^:\n]{1,40})?(?P<colon>:)[ \t]*"
    r"(?=[\u201c\"])"
)
_NOT_NAMES = frozenset(
    "watch update read note editor related source photo video listen transcript on in at for about from".split()
)
_NAME_PARTICLES = frozenset("of al el de da van von bin der la le".split())


def _is_name(words: str) -> bool:
    """A name or title + name: every word capitalised (particles aside), no heading in capitals, no label."""
    ws = words.split()
    if ws[0].lower().strip(".") in _NOT_NAMES:
        return False
    for w in ws:
        if w.lower() in _NAME_PARTICLES:
            continue
        if not w[:1].isupper() or (len(w) > 3 and w.isupper()):
            return False
    return True


def colon_quotes(text: str) -> list[Attribution]:
    """``Name: "quotation"`` at the start of a line: source the name, cue the colon, content the quotation."""
    quotes = {q[0]: q for q in quote_spans(text)}
    out: list[Attribution] = []
    for m in _COLON_FRAME.finditer(text):
        q = quotes.get(m.end())
        if q is None or not _is_name(m.group("src")):
            continue
        inner = strip_span(text, q[0] + 1, q[1] - 1, " \t\n,;:")
        if not _enough_words(text, inner):
            continue
        source = strip_span(text, m.start("src"), m.end("src"), " \t")
        out.append(Attribution((m.start("colon"), m.end("colon")), source, inner, POST_SCORE, True))
    return out


#: a heading that introduces a list of quotations by one speaker: "Some Farrakhan quotes:", "Quotes from
#: Sen. Ann Lee:", "What the minister said:", "In his own words, Ivan Petrenko:"
_QUOTE_LIST_HEADING = re.compile(
    r"(?m)^(?P<head>[^\n:\u201c\u201d\"]{3,80}?)[ \t]*(?P<colon>:)[ \t]*$"
)
_LIST_WORDS = re.compile(
    r"\b(?:quotes|quotations|statements|remarks|sayings|words|tweets|said|says|wrote|writes|tweeted|"
    r"posted)\b",
    re.I,
)
_HEADING_FILLER = frozenset(
    "some a few more other here are is what the of in from by his her their own quotes quotations statements "
    "remarks sayings words tweets said says wrote writes tweeted posted selected notable best famous".split()
)
#: "On Hezbollah: \u201c...\u201d": a topic lead before a listed quotation
_TOPIC_LEAD = re.compile(r"On\s[^:\n\u201c\u201d\"]{1,40}:[ \t]*(?=[\u201c\"])")
#: longest unquoted line taken as an item between two quoted items (words)
LIST_LINE_WORDS = 25


def _heading_speaker(text: str, head: Span) -> Span | None:
    """The name in a quotation-list heading: its capitalised words, fillers ("Some", "quotes") aside."""
    words = re.finditer(r"[\w'\u2019.-]+", text[head[0] : head[1]])
    names = [m for m in words if m.group()[:1].isupper() and m.group().lower() not in _HEADING_FILLER]
    if not names:
        return None
    s, e = head[0] + names[0].start(), head[0] + names[-1].end()
    if text[e - 2 : e] in ("'s", "\u2019s"):
        e -= 2
    return s, e


def heading_quote_lists(text: str) -> list[Attribution]:
    """Quotations listed under a heading that names their speaker ("Some Farrakhan quotes:" then one quotation
    per line): one attribution per listed quotation, source the name in the heading, cue the heading's colon.
    The list runs over the lines right after the heading that open with a quotation (after an optional topic
    lead, "On Hezbollah:"); a short unquoted line between two quoted ones belongs to it too."""
    quotes = {q[0]: q for q in quote_spans(text)}
    out: list[Attribution] = []
    for m in _QUOTE_LIST_HEADING.finditer(text):
        head = (m.start("head"), m.end("head"))
        if not _LIST_WORDS.search(text, head[0], head[1]) or len(text[head[0] : head[1]].split()) > 8:
            continue
        source = _heading_speaker(text, head)
        if source is None:
            continue
        items: list[Span] = []
        pending: Span | None = None
        pos = m.end() + 1
        while pos < len(text):
            line = _line_at(text, pos)
            if line[1] <= line[0]:
                break
            lead = _TOPIC_LEAD.match(text, line[0])
            start = lead.end() if lead is not None else line[0]
            q = quotes.get(start)
            if q is not None:
                if pending is not None:
                    items.append(pending)
                    pending = None
                items.append(strip_span(text, q[0] + 1, q[1] - 1, " \t\n,;:"))
                pos = _line_at(text, q[1] - 1)[1] + 1
                continue
            if pending is not None or not items:
                break
            body = strip_span(text, line[0], line[1], " \t")
            if len(_WORD.findall(text, body[0], body[1])) > LIST_LINE_WORDS or any(
                ch in text[body[0] : body[1]] for ch in "\u201c\u201d\""
            ):
                break
            pending = body
            pos = line[1] + 1
        for item in items:
            if _enough_words(text, item):
                out.append(Attribution((m.start("colon"), m.end("colon")), source, item, POST_SCORE, True))
    return out


def merge_quote_lists(text: str, atts: list[Attribution], lists: list[Attribution]) -> list[Attribution]:
    """``atts`` with the listed quotations of :func:`heading_quote_lists`: a layer's attribution cued in the
    heading line itself ("Some Farrakhan | quotes") gives way to the list; a listed quotation another
    attribution already holds is left out."""
    kept = [
        a
        for a in atts
        if not any(
            _line_at(text, a.cue[0]) == _line_at(text, item.cue[0])
            and a.content is not None
            and item.content is not None
            and overlaps(a.content, item.content)
            for item in lists
        )
    ]
    taken = [a.content for a in kept if a.content is not None]
    free = [i for i in lists if i.content is not None and not any(overlaps(i.content, t) for t in taken)]
    return kept + free


#: a citation heading over an excerpt, a line of its own ending in a colon: '"Headline," by Author, Outlet,
#: Month D, YYYY:' or '"Headline," Outlet, Month D, YYYY (note):'
_CITATION_HEADING = re.compile(
    r"(?m)^[ \t]*[\"\u201c][^\n]{5,250}?,[\"\u201d][ \t]+(?:by[ \t]+(?P<author>[^,\n]{2,60}?),[ \t]+)?"
    r"(?P<outlet>[^,\n]{2,60}?),[ \t]+" + _MONTH + r"[ \t]+\d{1,2},[ \t]+\d{4}[^\n:]{0,80}?(?P<colon>:)[ \t]*$"
)
#: where a quoted excerpt ends: the repost notice under it, or page furniture
_EXCERPT_END = re.compile(r"(?m)^[ \t]*(?:Article posted with permission|Posted with permission|Read more|Source:)")
#: the raw score of a citation excerpt: the heading names the author or outlet and the quoted text unambiguously
EXCERPT_SCORE = POST_SCORE


def citation_excerpts(text: str) -> list[Attribution]:
    """Excerpts under a citation heading (annotation guideline, 8a: a quoted block is one attribution with no
    reporting verb): source the author named after "by" (else the outlet), cue the heading's colon, content the
    excerpt from the next line to the line before the repost notice, page furniture, the next citation heading
    or the end of the text."""
    out: list[Attribution] = []
    heads = list(_CITATION_HEADING.finditer(text))
    for k, m in enumerate(heads):
        start = m.end()
        stop = heads[k + 1].start() if k + 1 < len(heads) else len(text)
        end_mark = _EXCERPT_END.search(text, start, stop)
        if end_mark is not None:
            stop = end_mark.start()
        furniture = _FURNITURE.search(text, start, stop)
        if furniture is not None:
            stop = text.rfind("\n", start, furniture.start()) + 1 or start
        body = strip_span(text, start, stop, " \t\n")
        if not _enough_words(text, body):
            continue
        group = "author" if m.group("author") else "outlet"
        source = strip_span(text, m.start(group), m.end(group), " \t")
        out.append(Attribution((m.start("colon"), m.end("colon")), source, body, EXCERPT_SCORE, True))
    return out


#: the values of the ``attribution.headline_colons`` option (stop 28): "off" (2.12) or "on" (the title line's
#: "Name: what they said" and "what was said: Source" are candidates, :func:`title_colon_candidates`)
HEADLINE_COLONS_CHOICES = ("off", "on")
#: the default of ``attribution.headline_colons``: "off" (it failed the ship rule at stop 28: summed held-out precision
#: fell, HISTORY.md 2.13)
HEADLINE_COLONS_DEFAULT = "off"
#: a title line split by one colon into a head and a body
_TITLE_COLON = re.compile(r"(?P<head>[^:\n]{1,80}?)[ \t]*(?P<colon>:)[ \t]+(?P<body>[^:\n]{3,300}?)[ \t]*$")
#: title labels that are no speaker ("WATCH:", "Exclusive:", "Live updates:", "Fact Check:")
_TITLE_LABELS = frozenset(
    "breaking exclusive opinion analysis editorial commentary op-ed review interview live fact factcheck "
    "explainer updated latest just developing photos gallery must full special timeline quiz podcast".split()
) | _NOT_NAMES
#: a document or count that a title line's tail names as its source ("...: McGill report", "...: Study")
_TITLE_DOCUMENTS = frozenset("report study poll survey audit probe inquiry investigation".split())
#: a place or time after the speaker in a title ("Former AG Mukasey at RNC:", "Farrakhan In Iran:")
_TITLE_SPEAKER_TAIL = re.compile(r"[ \t]+(?:at|in|on|to)[ \t]+[^:\n]{1,40}$", re.I)
#: most words of a title's speaker and of a title's source after the colon
TITLE_SPEAKER_WORDS = 5
TITLE_SOURCE_WORDS = 3


def _title_line(text: str) -> Span | None:
    """The article's title: its first non-blank line."""
    m = re.match(r"\s*", text)
    start = m.end() if m else 0
    if start >= len(text):
        return None
    return _line_at(text, start)


def _title_speaker(words: str) -> bool:
    """A speaker a title names before its colon: a name or a title + name, a bare title ("Congressman",
    "Witness"), a possessive outlet before the name ("CNN's Don Lemon"); no label ("WATCH", "Fact Check"), no
    topic opening with an article ("The Rise of Trump")."""
    ws = words.split()
    if not ws or len(ws) > TITLE_SPEAKER_WORDS or any(w.lower().strip(".") in _TITLE_LABELS for w in ws):
        return False
    if ws[0].lower() in ("a", "an", "the"):
        return False  # a topic ("The Rise of Trump: A Primer"), not a speaker
    return _is_name(words)


def _title_source(words: str) -> bool:
    """A source a title names after its colon: a name ("Sanders") or a document with its owner ("McGill report",
    "Study"); not a subtitle opening with an article ("A Primer", "The Real Cost")."""
    ws = words.rstrip(".").split()
    if not ws or len(ws) > TITLE_SOURCE_WORDS or ws[0].lower() in ("a", "an", "the"):
        return False
    if ws[-1].lower() in _TITLE_DOCUMENTS:
        return True
    return not any(w.lower().strip(".") in _TITLE_LABELS for w in ws) and _is_name(" ".join(ws))


def title_colon_candidates(text: str) -> list[Attribution]:
    """The title line's colon attribution (annotation guideline 8a, "Decided with dev9": headlines "Name In Iran:
    'quote'" are attributions; a bare title as source): "Name: what they said" (source the name, cue the colon,
    content the rest of the line without its quotation marks) or "what was said: Source" (a name or a document,
    "...: McGill report"). Not a question ("Ted Cruz: conservative or career politician?"), not a label
    ("WATCH: ...") and not a subtitle ("...: A Primer", "Harbour Plan Explained: A Guide"). Only candidates: the score decides."""
    line = _title_line(text)
    if line is None:
        return []
    m = _TITLE_COLON.fullmatch(text, line[0], line[1])
    if m is None or text[m.start("body") : m.end("body")].rstrip().endswith("?"):
        return []
    head = strip_span(text, m.start("head"), m.end("head"), " \t")
    body = strip_span(text, m.start("body"), m.end("body"), " \t.;,")
    colon = (m.start("colon"), m.end("colon"))
    speaker = head
    tail = _TITLE_SPEAKER_TAIL.search(text, head[0], head[1])
    if tail is not None and tail.start() > head[0]:
        speaker = (head[0], tail.start())
    quotes = "\u201c\u201d\"\u2018\u2019'"
    if _title_speaker(text[speaker[0] : speaker[1]]):
        content = strip_span(text, body[0], body[1], " \t" + quotes)
        subtitle = re.match(r"(?:A|An)\s", text[content[0] : content[1]]) is not None  # "...: A Guide for ..."
        if _enough_words(text, content) and not subtitle:
            return [Attribution(colon, speaker, content, POST_SCORE, True)]
    if _title_source(text[body[0] : body[1]]):
        content = strip_span(text, head[0], head[1], " \t" + quotes)
        if _enough_words(text, content):
            return [Attribution(colon, body, content, POST_SCORE, True)]
    return []


#: the values of the ``attribution.dash_blocks`` option (stop 28): "off" (2.12) or "on" (a block closed by a line
#: "–Daily Mail" or a quotation closed by "\u201d –Name" is a candidate, :func:`dash_closed_blocks`)
DASH_BLOCKS_CHOICES = ("off", "on")
#: the default of ``attribution.dash_blocks``: "on" since 2.13 (it passed the ship rule at stop 28, HISTORY.md 2.13)
DASH_BLOCKS_DEFAULT = "on"
#: a line that is only a dash and a short name ("–Daily Mail", "-Fox News"), or a quotation's closing mark
#: followed by one ('...about that?\u201d –Don Lemon'): the writer names whose text the block above is
_DASH_LINE = re.compile(r"(?m)^[ \t]*(?P<dash>[\u2013\u2014]|-{1,2})[ \t]*(?P<name>[A-Z][^\n\u2013\u2014@]{1,40}?)[ \t]*$")
_DASH_AFTER_QUOTE = re.compile(
    r"(?P<close>[\u201d\"])[ \t]*(?P<dash>[\u2013\u2014]|-{1,2})[ \t]*(?P<name>[A-Z][^\n\u2013\u2014@]{1,40}?)[ \t]*$",
    re.M,
)
#: most lines a dash-closed block is taken from
DASH_BLOCK_LINES = 12
#: most words of the name after the dash
DASH_NAME_WORDS = 4


def _dash_name(name: str) -> bool:
    """A source after a closing dash: a short name or outlet, every word capitalised, no date or number."""
    ws = name.split()
    return 0 < len(ws) <= DASH_NAME_WORDS and not any(ch.isdigit() for ch in name) and _is_name(name)


def _block_above(text: str, line_start: int) -> Span | None:
    """The lines right above a closing dash line, up to :data:`DASH_BLOCK_LINES`: stops at a blank line, the title
    (the text's first line), a post signature, another closing dash line, a line ending in a colon (the writer's
    introduction) and a line that is one quotation of its own (another speaker's words)."""
    start = end = None
    pos = line_start
    taken = 0
    while taken < DASH_BLOCK_LINES and pos > 0:
        prev = _line_at(text, pos - 1)
        piece = text[prev[0] : prev[1]].strip()
        if (
            not piece
            or prev[0] == _title_start(text)
            or _POST_SIGNATURE.search(piece)
            or _DASH_LINE.fullmatch(piece)
            or piece.endswith(":")
            or (piece[:1] in "\u201c\"" and piece.rstrip(".")[-1:] in "\u201d\"" and taken > 0)
        ):
            break
        start = prev[0]
        if end is None:
            end = prev[1]
        pos = prev[0]
        taken += 1
    if start is None or end is None:
        return None
    return strip_span(text, start, end, " \t\n")


def _title_start(text: str) -> int:
    """Where the article's title line (:func:`_title_line`) starts; -1 for a blank text."""
    line = _title_line(text)
    return -1 if line is None else line[0]


#: most words of a credit line under a byline ("CQ-Roll Call", "Los Angeles Times", "dpa")
CREDIT_LINE_WORDS = 5


def _credit_follows(text: str, pos: int) -> bool:
    """A byline, not a source: the next non-blank line is a short credit with no closing punctuation ("— Ann
    Reporter" then "Harbour Times"): the writer of the article, whose text is the whole article."""
    rest = text[pos:].lstrip()
    if not rest:
        return True  # the article's last line: a signature of the writer
    nxt = rest.split("\n", 1)[0].strip()
    return len(nxt.split()) <= CREDIT_LINE_WORDS and nxt[-1:] not in tuple(".!?\"\u201d\u2019:")


def dash_closed_blocks(text: str) -> list[Attribution]:
    """Blocks the writer closes with a dash and a name (annotation guideline 8a: a quoted block is one attribution
    with no reporting verb): a line "–Daily Mail" under the block (content the lines above it, up to a blank line,
    the title, a post's signature, another such line, an introducing colon or another quotation) or
    '...\u201d –Don Lemon' closing a quotation (content the quotation). Source the name, cue the dash. Only
    candidates: the score decides."""
    out: list[Attribution] = []
    quotes = quote_spans(text)
    for m in _DASH_LINE.finditer(text):
        if not _dash_name(m.group("name")) or m.start() == _title_start(text) or _credit_follows(text, m.end()):
            continue
        line = _line_at(text, m.start("dash"))
        body = _block_above(text, line[0])
        if body is None or not _enough_words(text, body):
            continue
        source = strip_span(text, m.start("name"), m.end("name"), " \t.")
        out.append(Attribution((m.start("dash"), m.end("dash")), source, body, POST_SCORE, True))
    for m in _DASH_AFTER_QUOTE.finditer(text):
        if not _dash_name(m.group("name")):
            continue
        q = next((q for q in quotes if q[1] == m.start("close") + 1), None)
        if q is None:
            continue
        inner = strip_span(text, q[0] + 1, q[1] - 1, " \t\n,;:")
        if not _enough_words(text, inner):
            continue
        source = strip_span(text, m.start("name"), m.end("name"), " \t.")
        out.append(Attribution((m.start("dash"), m.end("dash")), source, inner, POST_SCORE, True))
    return out
