"""Rule attributions: direct quotes with a reporting verb, ``according to X``, ``X said that ...``, ``..., X
told Y``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from presslens.analyzers.attribution.features import quote_spans
from presslens.analyzers.attribution.lexicon import SPEECH_VERBS
from presslens.analyzers.attribution.sanity import TIME_WORDS
from presslens.analyzers.attribution.spans import Span, overlaps, sentence_at, strip_span

# Rules
# ---------------------------------------------------------------------------------------------

_SPEECH = r"(?:" + "|".join(sorted(SPEECH_VERBS - {"continued", "continues"}, key=len, reverse=True)) + r")"
_TAIL_SPEECH = r"(?:" + "|".join(sorted(SPEECH_VERBS, key=len, reverse=True)) + r")"
_CLAUSE_CUE = (
    r"(?:said|says|reported|reports|claimed|claims|stated|states|announced|announces|warned|warns|"
    r"suggest|suggests|suggested|insisted|insists|argued|argues|added|adds|alleged|alleges|believe|believes|"
    r"believed|estimate|estimates|estimated|indicated|indicates|confirmed|confirms|denied|denies|wrote|"
    r"writes|show|shows|showed|acknowledged|admitted|noted|notes|explained|declared|tweeted)"
)
_ACCORDING = re.compile(
    r"\b(?P<cue>[Aa]ccording to)\s+(?P<src>[^,.;:!?\"\u201c\u201d]{2,100}?)(?=\s*[,.;:!?]|\s*$)"
)
_THAT_CLAUSE = re.compile(
    r"\b(?P<cue>" + _CLAUSE_CUE + r"\b|told\s+(?:\w+\s+){0,4}?(?=that\b))"
    r"(?P<mid>(?:\s+(?:on|last|this|late|early)\s+\w+)?\s*,?\s*)(?P<that>that\s+|:\s*)?"
    r"(?P<content>[^\"\u201c\u201d]*?)(?=[.!?](?:\s|$)|$)"
)
_TOLD = re.compile(
    r",\s*(?P<src>(?:[\w'\u2019.-]+\s+){0,7}?)(?P<cue>" + _SPEECH + r")\b(?P<tail>[^,;]*)[.!?]?\s*$"
)
_BOUNDARY = ',;:"\u201c\u201d()\u2014'
_WORD_RE = re.compile(r"[\w'\u2019.-]+")
_NOISE_WORDS = frozenset(
    "and but so yet then meanwhile however now also in on at has have had also later previously "
    "repeatedly earlier once again would will may might could has".split()
)


_OBJECT_RELATIVE = re.compile(r"\b(?:which|that|whom)\s+$", re.I)


@dataclass
class RuleAttribution:
    cue: Span
    source: Span | None
    content: Span | None


def source_before(text: str, floor: int, pos: int, max_words: int = 7) -> Span | None:
    """The noun phrase that ends just before ``pos``: back to a clause boundary, at most ``max_words``."""
    s = pos
    while s > floor and text[s - 1] not in _BOUNDARY and text[s - 1] not in ".!?\n":
        s -= 1
    words = [(m.start() + s, m.end() + s) for m in _WORD_RE.finditer(text[s:pos])]
    while words and text[words[-1][0] : words[-1][1]].lower() in _NOISE_WORDS:
        words.pop()
    words = words[-max_words:]
    while words and text[words[0][0] : words[0][1]].lower() in _NOISE_WORDS:
        words.pop(0)
    if not words:
        return None
    if (
        len(words) == max_words
        and not text[words[0][0]].isupper()
        and text[words[0][0] : words[0][1]].lower() not in ("the", "a", "an", "some", "many", "one")
    ):
        return None  # no clear start of a noun phrase: likely not a source
    return words[0][0], words[-1][1]


def source_after(text: str, pos: int, limit: int, max_words: int = 7) -> Span | None:
    """The noun phrase right after ``pos`` (``said the commander``), up to a comma or full stop."""
    e = pos
    while e < limit and text[e] not in _BOUNDARY and text[e] not in ".!?\n":
        e += 1
    words = [(m.start() + pos, m.end() + pos) for m in _WORD_RE.finditer(text[pos:e])]
    words = words[:max_words]
    # a time expression ends the source ("said the governor on Monday")
    for k, (ws, we) in enumerate(words):
        if text[ws:we].lower() in (
            "on",
            "in",
            "at",
            "last",
            "this",
            "late",
            "early",
            "after",
            "before",
            "during",
        ):
            words = words[:k]
            break
    if not words:
        return None
    end = words[-1][1] - 1 if text[words[-1][1] - 1] == "." else words[-1][1]
    return words[0][0], end


def rule_attributions(text: str, sentence_ranges: list[Span]) -> list[RuleAttribution]:
    """Attributions found by quote pairing and cue patterns (no model)."""
    out: list[RuleAttribution] = []
    used_cues: list[Span] = []
    quotes = [q for q in quote_spans(text) if q[1] - q[0] >= 12]  # scare quotes are not content

    def add(att: RuleAttribution) -> None:
        if not any(overlaps(att.cue, c) for c in used_cues):
            used_cues.append(att.cue)
            out.append(att)

    for qs, qe in quotes:
        found = _quote_attribution(text, qs, qe, sentence_ranges)
        if found is not None:
            add(found)
    contents = [a.content for a in out if a.content is not None]
    for s, e in sentence_ranges:
        sent = text[s:e]
        for m in _ACCORDING.finditer(sent) if "ccording to" in sent else ():
            cue = (s + m.start("cue"), s + m.end("cue"))
            src = strip_span(text, s + m.start("src"), s + m.end("src"))
            add(RuleAttribution(cue, src, _according_content(text, s, e, cue, src)))
        tm = _TOLD.search(sent) if "," in sent else None
        if tm is not None and tm.group("src").strip():
            cue = (s + tm.start("cue"), s + tm.end("cue"))
            src = strip_span(text, s + tm.start("src"), s + tm.end("src"))
            content = strip_span(text, s, s + tm.start())
            if (
                content[1] - content[0] >= 10
                and not _inside_any(cue, quotes)
                and not _noun_use(text, cue)
                and not tm.group("src").lower().startswith("according")
            ):
                add(RuleAttribution(cue, src, content))
        pos = 0
        while (cm := _THAT_CLAUSE.search(sent, pos)) is not None:
            pos = cm.start("cue") + 1
            cue = strip_span(text, s + cm.start("cue"), s + cm.end("cue"))
            if _inside_any(cue, quotes) or _inside_any(cue, contents):
                continue
            content = strip_span(text, s + cm.start("content"), s + cm.end("content"))
            if len(text[content[0] : content[1]].split()) < 3 or text[
                content[0] : content[1]
            ].lower().startswith(("on ", "in ", "at ", "by ", "to ", "of ")):
                continue
            if _noun_use(text, cue) or _inside_any(cue, [a.source for a in out if a.source is not None]):
                continue
            clause_src = source_before(text, s, cue[0])
            if clause_src is None or _OBJECT_RELATIVE.search(text, max(s, clause_src[0] - 12), clause_src[0]):
                continue  # "the allegation, which the nominee has denied, has upended ...": no clause was said
            if cm.group("cue").startswith("told"):
                cue = (cue[0], cue[0] + 4)
            add(RuleAttribution(cue, clause_src, content))
    for s, e in sentence_ranges:
        for m in _NOUN_PARTICIPLE.finditer(text, s, e):
            cue = (m.start("cue"), m.end("cue"))
            if _inside_any(cue, quotes) or _inside_any(cue, contents):
                continue
            found = _reduced_relative(text, s, e, cue)
            if found is not None:
                add(found)
    return out


#: the -ing forms of speech verbs that open a reduced relative after a noun ("a letter from ICE saying he would
#: have a chance", "two sources telling reporters that", "emails asking for donations")
_SPEECH_PARTICIPLES = (
    "saying telling asking claiming urging stating alleging announcing arguing insisting demanding accusing "
    "declaring confirming suggesting promising"
)
_NOUN_PARTICIPLE = re.compile(r"(?<=[\w'\u2019)]) (?P<cue>" + "|".join(_SPEECH_PARTICIPLES.split()) + r")\b")
#: words that open the noun phrase of a reduced relative (kept in the source)
_NP_OPENERS = frozenset(
    "a an the two three four five several some many multiple numerous his her their its our this that these "
    "those".split()
)
#: words a noun phrase never runs back over: verbs, prepositions outside the phrase, conjunctions, pronouns
_NP_STOPS = frozenset(
    "is are was were be been being has have had do does did said says say told tells and or but that which who "
    "whom despite by to with for after before in on at about against into during while when because as than "
    "he she they it we i you him them us me kept started began heard saw got via out up off".split()
)
#: what may not stand right before the participle: it would be a verb's object or a pronoun, not a noun
_NOT_NOUN_BEFORE = frozenset(
    "him her them us me it you is are was were be been being kept keep keeps started start starts began begin "
    "begins stop stops stopped without by of for after before while when just also still then not even now "
    "already again away back down".split()
)


_BE_FORMS = frozenset("is are was were be been being am".split())


def _reduced_relative(text: str, s: int, e: int, cue: Span) -> RuleAttribution | None:
    """ "a 2015 letter from ICE saying he would ...": the noun phrase before a speech verb's -ing form (no comma
    between them) is who or what says it; the content is the rest of the clause (without "that")."""
    words = [(m.start(), m.end()) for m in _WORD_RE.finditer(text, max(s, cue[0] - 80), cue[0])]
    if not words or text[cue[0] - 1] != " " or any(ch in text[words[-1][1] : cue[0]] for ch in _BOUNDARY):
        return None
    if any(text[ws:we].lower() in _BE_FORMS for ws, we in words[-3:]):
        return None  # "officials are now warning", "was even saying": a progressive, the layers' cue
    last = text[words[-1][0] : words[-1][1]]
    if last.lower() in _NOT_NOUN_BEFORE or last.lower() in _NP_STOPS or (last.islower() and last.endswith(("ed", "ly"))):
        return None
    if last.lower() in TIME_WORDS:
        return None  # "came forward last month alleging": a time adverbial, the participle's subject is the clause's
    start = words[-1][0]
    lead = words[-6:]
    for k in range(len(lead) - 1, -1, -1):
        ws, we = lead[k]
        w = text[ws:we]
        before = text[lead[k - 1][0] : lead[k - 1][1]].lower() if k > 0 else ""
        verb_form = w.islower() and (w.endswith("ing") or (w.endswith("ed") and before not in _NP_OPENERS))
        if w.lower() in _NP_STOPS or verb_form or any(ch in text[we:start] for ch in _BOUNDARY + ".!?\n"):
            break  # "sending out emails", "arrested despite", but "two unidentified sources" runs on
        start = ws
        if w.lower() in _NP_OPENERS and before not in ("from", "of"):
            break  # "a letter from the agency" runs on over "from the"
    while True:  # "a letter to him from ICE saying": the phrase starts after "from"
        first = _WORD_RE.match(text, start)
        if first is None or first.group().lower() not in ("from", "of") or first.end() >= words[-1][1]:
            break
        start = first.end() + 1
    source = strip_span(text, start, words[-1][1])
    clause = re.compile(r"[;\u2014]|\s[\u2013-]\s").search(text, cue[1], e)
    content = strip_span(text, cue[1], clause.start() if clause else e, " \t\n,;:.!?")
    if content[1] - content[0] >= 2 and text[content[0] : content[0] + 5].lower() == "that ":
        content = strip_span(text, content[0] + 5, content[1])
    if len(_WORD_RE.findall(text[content[0] : content[1]])) < 3:
        return None
    return RuleAttribution(cue, source, content)


_DETERMINERS = frozenset(
    "the a an some many several these those such news press media local unconfirmed earlier recent "
    "new his her their its our official police various".split()
)


def _noun_use(text: str, cue: Span) -> bool:
    """``reports``/``claims``/``estimates`` used as a noun (``some reports suggest``, ``the various states``), a
    participle used as an adjective (``the elderly alleged victims``) or a passive (``getting confirmed``), not
    a verb with a speaker."""
    word = text[cue[0] : cue[1]].lower()
    prev = re.findall(r"[\w'\u2019-]+", text[max(0, cue[0] - 30) : cue[0]])
    if word.endswith("ed"):
        if prev and prev[-1].lower() in _PASSIVE_AUXILIARIES:
            return True  # "eventually getting confirmed", "it was reported": nobody is the speaker
        nxt = re.match(r"\s+([a-z][\w'\u2019-]*)", text[cue[1] : cue[1] + 30])
        return nxt is not None and _is_plural_noun(nxt.group(1))  # "alleged victims", "reported deaths"
    if not word.endswith("s") or word in ("says", "was"):
        return False
    return bool(prev) and prev[-1].lower() in _DETERMINERS


_PASSIVE_AUXILIARIES = frozenset("get gets got getting gotten be been being is are was were".split())
#: words ending in -s that are not plural nouns after a participle ("alleged this", "claimed its")
_NOT_PLURAL_NOUNS = frozenset("this its his hers ours yours theirs was has is does thus plus less unless always".split())


def _is_plural_noun(word: str) -> bool:
    return len(word) > 3 and word.endswith("s") and not word.endswith("ss") and word not in _NOT_PLURAL_NOUNS


def _inside_any(span: Span, spans: list[Span]) -> bool:
    return any(a <= span[0] and span[1] <= b for a, b in spans)


def _according_content(text: str, s: int, e: int, cue: Span, src: Span) -> Span | None:
    """The clause an ``according to`` phrase attributes: the rest of the sentence around it."""
    after = strip_span(text, src[1], e, " \t\n,;:.")
    before = strip_span(text, s, cue[0], " \t\n,;:")
    cands = [sp for sp in (after, before) if sp[1] - sp[0] >= 8]
    if not cands:
        return None
    return max(cands, key=lambda sp: sp[1] - sp[0])


_AFTER_QUOTE = re.compile(
    r"\s*,?\s*(?P<pre>(?:[\w'\u2019.-]+\s+){0,7}?)(?P<cue>" + _TAIL_SPEECH + r"|according to)\b"
)


def _opens_its_sentence(text: str, qs: int, ranges: list[Span]) -> bool:
    """A quotation that opens its sentence ('"...," she said'), not a scare quote inside a clause
    ('To tackle any "security risk," the agency announced lane closures')."""
    sent = sentence_at(ranges, qs)
    return sent is None or not text[sent[0] : qs].strip()


def _quote_attribution(text: str, qs: int, qe: int, ranges: list[Span]) -> RuleAttribution | None:
    """Pair a quotation with a cue just after it (`"...," he said`) or just before it (`He said: "..."`)."""
    line_end = text.find("\n", qe)
    limit = min(len(text), qe + 140, line_end if line_end >= 0 else len(text))
    m = _AFTER_QUOTE.match(text, qe, limit)
    if m is not None and not re.search(r"[.!?;]", m.group("pre")) and _opens_its_sentence(text, qs, ranges):
        cue = (m.start("cue"), m.end("cue"))
        if m.group("pre").strip():
            src: Span | None = strip_span(text, m.start("pre"), m.end("pre"))
        else:
            src = source_after(text, cue[1], limit)
        if cue[1] - cue[0] == len("according to") and text[cue[0] : cue[1]].lower() == "according to":
            src = source_after(text, cue[1], limit)
        return RuleAttribution(cue, src, (qs, qe))
    sent = sentence_at(ranges, qs)
    lead_start = sent[0] if sent is not None and sent[0] < qs else max(0, qs - 200)
    if sent is not None and sent[0] == qs:
        # the quote opens its sentence: the cue may close the previous sentence with a colon
        prev = sentence_at(ranges, max(0, qs - 2))
        lead_start = prev[0] if prev is not None and text[:qs].rstrip().endswith(":") else qs
    lead = text[lead_start:qs]
    best: RuleAttribution | None = None
    for cm in re.finditer(r"\b(?P<cue>" + _SPEECH + r"|according to)\b", lead):
        cue = (lead_start + cm.start("cue"), lead_start + cm.end("cue"))
        between = text[cue[1] : qs]
        if len(between) > 60 or re.search(r"[.!?]\s", between):
            continue
        if cm.group("cue").lower() == "according to":
            sm = re.match(r"\s*(?P<src>[^,:\"\u201c]{2,80}?)\s*[,:]", between)
            src2 = (cue[1] + sm.start("src"), cue[1] + sm.end("src")) if sm else None
        else:
            src2 = source_before(text, lead_start, cue[0])
            if src2 is None:
                src2 = source_after(text, cue[1], qs)
        best = RuleAttribution(cue, src2, (qs, qe))
    return best


# ---------------------------------------------------------------------------------------------
