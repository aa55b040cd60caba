"""Precision filters and repairs applied to tagged and rule attributions alike."""

from __future__ import annotations

import re

from presslens.analyzers.attribution import sanity
from presslens.analyzers.attribution.features import quote_spans
from presslens.analyzers.attribution.lexicon import QUOTE_CHARS, SPEECH_PREDICATES, verb_forms
from presslens.analyzers.attribution.link import Attribution
from presslens.analyzers.attribution.spans import Span, overlaps, sentence_at, strip_span

# Precision filters and repairs over both layers
# ---------------------------------------------------------------------------------------------

_REPORTING_BASES = (
    "say tell report claim state announce add note warn explain insist argue suggest allege confirm deny "
    "acknowledge admit write tweet post declare assert maintain accuse describe call quote cite indicate show "
    "reveal mention promise vow urge ask reply respond recall concede observe dismiss reject question complain "
    "criticise criticize praise blame defend threaten pledge propose recommend demand counter stress emphasise "
    "emphasize highlight point charge contend testify speak talk discuss comment remark brief inform advise "
    "caution predict forecast estimate calculate conclude find publish release issue disclose proclaim label "
    "dub term brand characterise characterize portray condemn denounce slam blast attack endorse support "
    "oppose agree disagree welcome hail applaud lament boast joke quip signal hint imply insinuate confess "
    "recognise recognize believe think feel know expect hope want fear worry doubt suspect assume consider "
    "understand learn hear see read realise realize wonder seem appear sound vote seek plan intend refuse "
    "decline reiterate repeat echo summarise summarize clarify specify detail outline document record list "
    "decide tout project assure reassure convince persuade notify alert order instruct plead appeal request "
    "invite interview survey poll chant shout scream yell cry whisper mutter exclaim retort rebut refute "
    "contest dispute challenge protest acknowledge insist guarantee swear threaten prefer believe favour "
    "favor back reckon estimate argue muse concur conclude deem regard view refer focus raise express offer "
    "look put laud chastise mock liken compare reference link implore encourage advocate admire apologise "
    "apologize rail lash scold rebuke berate thank congratulate salute commend credit slam decry deplore "
    "ridicule taunt insult smear tease pitch preach lecture campaign lobby petition sue file testify "
    "affirm reaffirm vouch certify acknowledge introduce unveil sum paint press identify"
)
_REPORTING_EXTRA = (
    "said told wrote written thought felt knew known heard saw seen found spoke spoken sought meant swore "
    "sworn put according statement statements interview interviews speech speeches message messages remarks "
    "comments report reports poll polls survey surveys study studies data view views opinion belief claims "
    "allegation allegations testimony briefing release letter op-ed column editorial announcement "
    "declaration warning warnings criticism words reportedly apparently allegedly quoted tweet tweets "
    "twitter facebook telegram post posts video broadcast address conference hearing debate asserted "
    "endorsement accusation accusations questions concerns concern hopes fears plans belief"
)


_inflections = verb_forms

REPORTING_WORDS = frozenset(
    {f for b in _REPORTING_BASES.split() for f in _inflections(b)} | set(_REPORTING_EXTRA.split())
)
_CUE_WORD = re.compile(r"[\w'\u2019-]+")
_CUE_TAIL = frozenset(
    "on in at last this that yesterday today tonight monday tuesday wednesday thursday friday saturday "
    "sunday earlier later also again then once".split()
)
_TELL_STORY = re.compile(
    r"\s+(?:(?:its|their|his|her|our|my|your|a|an|the)\s+)?(?:(?:own|different|whole|same|real|other)\s+)?"
    r"(?:story|stories|tale|tales)\b",
    re.I,
)
_PREDICTION_CUE = frozenset("expected likely set due poised supposed bound".split())
_BE_FORMS = frozenset("is are was were be been being 's 're am".split())
_NEGATIVE_SOURCE = re.compile(r"(?:nobody|no\s+one|none|neither|nothing|no)\b", re.I)
_NEGATED_BEFORE = re.compile(
    r"(?:\bnot|n't|\bnever|\brefused\s+to|\bdeclined\s+to|\bunable\s+to|\bwould\s+not)\s*$", re.I
)
_WH_AFTER = re.compile(r"\s*(?:how|whether|what|who|whom|when|where|why|which|if)\b", re.I)
_SOURCE_LEAD = frozenset(
    "and but or so yet while whereas although though because as if when since then also however meanwhile "
    "nor".split()
)
_SOURCE_TAIL = frozenset(
    "will would can could may might shall should must has have had did does do is are was were be been "
    "also not n't never repeatedly previously later then reportedly already still just even once again "
    "often who which".split()
)
_QUANTIFIER_BEFORE = re.compile(
    r"\b(?:about|around|nearly|almost|roughly|some|over|under|only|just|(?:more|fewer|less)\s+than|"
    r"up\s+to|at\s+least|at\s+most)\s+$",
    re.I,
)
_PARTICIPLE_CUES = frozenset(
    "asked polled surveyed interviewed questioned quoted contacted consulted".split()
)
_LEADING_THAT = re.compile(
    r"(?:(?:(?:on|last|this|late|early|earlier)\s+\w+|yesterday|today|tonight|monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday)\s*,?\s*)?(?:that\s+|:\s*)",
    re.I,
)


def _words(text: str, span: Span) -> list[Span]:
    return [(m.start(), m.end()) for m in _CUE_WORD.finditer(text, span[0], span[1])]


_AUXILIARIES = frozenset(
    "has have had was were is are be been did does do will would can could may might must should shall "
    "not never also then just long repeatedly n't".split()
)


def trim_cue(text: str, cue: Span) -> Span:
    """``said on`` -> ``said``: a cue loses trailing prepositions and time words; a cue of auxiliaries only
    (``has`` of ``has repeatedly said``) extends to the reporting word within the next three words."""
    words = _words(text, cue)
    while len(words) > 1 and text[words[-1][0] : words[-1][1]].lower() in _CUE_TAIL:
        words.pop()
    if not words:
        return cue
    if all(text[s:e].lower() in _AUXILIARIES for s, e in words):
        nxt = list(_CUE_WORD.finditer(text, words[-1][1], min(len(text), words[-1][1] + 40)))[:3]
        for m in nxt:
            if m.group().lower() in REPORTING_WORDS:
                return words[0][0], m.end()
            if m.group().lower() not in _AUXILIARIES and not m.group().lower().endswith("ly"):
                break
    return words[0][0], words[-1][1]


def is_reporting_cue(text: str, cue: Span) -> bool:
    """A cue holds a speech / cognition / report word (``said``, ``according``, ``statement``...)."""
    piece = text[cue[0] : cue[1]]
    if any(ch in piece for ch in QUOTE_CHARS) or piece.strip() == ":":
        return True
    return any(w.lower() in REPORTING_WORDS for w in _CUE_WORD.findall(piece))


def _next_words(text: str, pos: int, n: int = 2) -> list[str]:
    return [w.lower() for w in _CUE_WORD.findall(text, pos, min(len(text), pos + 40))[:n]]


def _prev_words(text: str, pos: int, n: int = 2) -> list[str]:
    return [w.lower() for w in _CUE_WORD.findall(text, max(0, pos - 40), pos)[-n:]]


def is_non_reporting_frame(text: str, cue: Span) -> bool:
    """Frames that look like attribution but report nobody's words.

    ``the queues tell their own story`` (idiom), ``governors are expected to ...`` (a prediction about
    the subject, not a statement by it), and the participle inside a noun phrase (``those asked in a poll``).
    """
    words = [w.lower() for w in _CUE_WORD.findall(text, cue[0], cue[1])]
    if not words:
        return True
    if words[-1] in ("tell", "tells", "told", "telling") and _TELL_STORY.match(text, cue[1]):
        return True
    if words[-1] in _PREDICTION_CUE and _next_words(text, cue[1], 1) == ["to"]:
        before = _prev_words(text, cue[0], 2)
        if words[0] in _BE_FORMS or any(w in _BE_FORMS for w in before):
            return True
    return False


_NEGATION_IN_CUE = re.compile(r"\b(?:not|never)\b|n't|n\u2019t", re.I)


def _is_negated(text: str, a: Attribution) -> bool:
    """A frame that reports nothing: a negative source (``nobody in the ministry will say how many ...``)
    or a negated cue (``officials would not say whether ...``, ``the other side has not commented``)."""
    if a.source is not None and _NEGATIVE_SOURCE.match(text, a.source[0]):
        return True
    lead = text[max(0, a.cue[0] - 30) : a.cue[0]]
    if not (_NEGATION_IN_CUE.search(text, a.cue[0], a.cue[1]) or _NEGATED_BEFORE.search(lead)):
        return False
    last = (_CUE_WORD.findall(text, a.cue[0], a.cue[1]) or [""])[-1].lower()
    return bool(_WH_AFTER.match(text, a.cue[1])) or last in _NO_CONTENT_CUES


# verbs that, negated, report that nothing was said ("has not commented", "did not respond")
_NO_CONTENT_CUES = frozenset(
    "comment commented commenting respond responded responding reply replied answer answered "
    "elaborate elaborated say said".split()
)


_RELATIVE = frozenset("which whom that where".split())
# a clause boundary inside a tagged source: the subject of the cue follows it (``the port after CBP``)
_SUBORDINATORS = frozenset("because while unless if when whereas although".split())
# "after", "before", "since": a clause boundary before a name ("the port after CBP announced"), a preposition
# before a noun phrase ("a statement released after a cabinet meeting")
_PREPOSITION_OR_CONJUNCTION = frozenset("after before since".split())
_TIME_LEAD = frozenset("on last this early late earlier in at by".split())


def _is_time_word(word: str) -> bool:
    return word.lower() in sanity.TIME_WORDS


def clean_source(text: str, src: Span | None) -> Span | None:
    """A noun phrase: no leading conjunction (``and nobody ...``), time phrase (``Tuesday morning the Times``)
    or object relative (``which Carlson`` -> ``Carlson``), no trailing auxiliary, adverb, time phrase or
    function word (``a judge on Wednesday``, ``officials recently``, ``the woman who``)."""
    if src is None:
        return None
    words = _words(text, src)
    for i in range(len(words) - 1, 0, -1):
        w = text[words[i - 1][0] : words[i - 1][1]].lower()
        nxt = text[words[i][0] : words[i][1]]
        if w in _RELATIVE or w in _SUBORDINATORS or (w in _PREPOSITION_OR_CONJUNCTION and nxt[:1].isupper()):
            words = words[i:]
            break
    changed = True
    while words and changed:
        changed = False
        first = text[words[0][0] : words[0][1]]
        second = text[words[1][0] : words[1][1]] if len(words) > 1 else ""
        if first.lower() in _SOURCE_LEAD or _is_time_word(first):
            words.pop(0)
            changed = True
        elif first.lower() in _TIME_LEAD and _is_time_word(second):
            words = words[2:]
            changed = True
    changed = True
    while words and changed:
        changed = False
        last = text[words[-1][0] : words[-1][1]]
        low = last.lower()
        if (
            low in _SOURCE_TAIL
            or low in sanity.FUNCTION_WORDS
            or _is_time_word(last)
            or (last.islower() and low.endswith("ly") and len(low) > 4)
        ):
            words.pop()
            changed = True
    if not words:
        return None
    s, e = _narrow_source(text, words[0][0], words[-1][1])
    s = _relative_clause_start(text, s)
    if e <= s:
        return None
    if text[s].isdigit():
        m = _QUANTIFIER_BEFORE.search(text, max(0, s - 20), s)
        if m:
            s = m.start()
    return s, e


_WHO_CLAUSE = re.compile(
    r"(?P<np>\b(?:[Tt]he|[Aa]n?)\s+[\w'\u2019-]+(?:\s+[\w'\u2019-]+){0,3}?)\s+who\s+[\w'\u2019-]+\s+"
    r"(?P<tail>[^,;!?\"\u201c\u201d\n]{0,60})$"
)
_SENTENCE_BREAK = re.compile(r"(?<!\bRep)(?<!\bSen)(?<!\bGov)(?<!\bGen)(?<!\bMrs)(?<!\bDr)(?<!\bMr)(?<!\bMs)(?<!\bSt)"
                             r"(?<!\bLt)\.\s")


def _relative_clause_start(text: str, s: int) -> int:
    """``The woman who accused Rep. Keith Ellison of abuse said``: a tagged source inside a ``who`` clause is the
    clause's object; the speaker is the noun phrase the clause belongs to, so the source starts there."""
    m = _WHO_CLAUSE.search(text, max(0, s - 120), s)
    if m is None or _SENTENCE_BREAK.search(text, m.start(), s):
        return s
    return m.start("np")


_PAREN_TAIL = re.compile(r"\s*\([^()]*\)?\s*$")
_PAREN_BEFORE_APPOSITION = re.compile(r"\s*\([^()]{1,20}\),")
_CONTRACTION = re.compile(r"[\'\u2019](?:ve|re|ll|d)$", re.I)
_REFLEXIVE = frozenset("himself herself themselves itself myself ourselves".split())
_LEADING_ADVERBIAL = frozenset(
    "in on at after before during elsewhere later earlier meanwhile since from with under within".split()
)
_NAME = re.compile(r"(?:[A-Z][\w'\u2019.-]*\s+)*[A-Z][\w'\u2019.-]*$")


def _narrow_source(text: str, s: int, e: int) -> Span:
    """The noun phrase's core: no trailing parenthesis (``Grassley (R-Iowa``), reflexive (``Mario herself``)
    or contraction (``they've``); a name after an apposition comma (``The photographer, Askia Muhammad``); the
    trailing name after a leading adverbial (``Elsewhere in the email Mario``)."""
    piece = text[s:e]
    p = _PAREN_BEFORE_APPOSITION.search(piece)
    if p and p.start() > 0:
        e = s + p.start()  # "Sen. Ann Lee (R-Iowa), the committee chair": the name before its party tag
        piece = text[s:e]
    m = _PAREN_TAIL.search(piece)
    if m and m.start() > 0:
        e = s + m.start()
        piece = text[s:e]
    ws = list(_CUE_WORD.finditer(piece))
    if len(ws) > 1 and ws[-1].group().lower() in _REFLEXIVE:
        e = s + ws[-2].end()
        piece = text[s:e]
    c = _CONTRACTION.search(piece)
    if c and c.start() > 0:
        e = s + c.start()
        piece = text[s:e]
    if "," in piece:
        head, _, tail = piece.rpartition(",")
        tail_s = len(head) + 1 + (len(tail) - len(tail.lstrip()))
        if _NAME.fullmatch(tail.strip()) and len(tail.split()) >= 2:
            return s + tail_s, e
    ws = list(_CUE_WORD.finditer(piece))
    if len(ws) > 2 and ws[0].group().lower() in _LEADING_ADVERBIAL:
        name = _NAME.search(piece)
        if name and name.start() > ws[0].end():
            return s + name.start(), e
    return s, e


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
    if not _CUE_WORD.search(text, c[0], c[1]):
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
    words = _words(text, c)
    if words and text[words[-1][0] : words[-1][1]].lower() in _CLAUSE_END:
        sent = sentence_at(sentence_ranges, c[0])
        after_cue = a.cue[1] <= c[0] or a.cue[0] >= (sent[1] if sent else c[1])
        if sent is not None and sent[1] > c[1] and after_cue:
            end = sent[1]
            while end > c[1] and text[end - 1] in " \t\n.!?\"\u201d\u2019'":
                end -= 1
            words = _words(text, (c[0], end))
    while words and text[words[-1][0] : words[-1][1]].lower() in _CLAUSE_END:
        words.pop()
    if not words:
        return None
    return snap_content(text, (c[0], words[-1][1]))


_FRAME_WORDS = frozenset(
    "in on at for after before during while since over from with under within by earlier later last this "
    "hours days weeks months years according".split()
) | sanity.TIME_WORDS


def _is_frame_phrase(text: str, a: Attribution) -> bool:
    """``For months, X argued that ...``, ``In an interview with the Times, X said ...``: a content before the
    frame that is a time or place phrase ended by a comma, not what was said."""
    assert a.content is not None
    first = min(a.cue[0], a.source[0]) if a.source is not None else a.cue[0]
    if a.content[1] > first or text[a.content[1] : first].strip() != ",":
        return False
    words = _CUE_WORD.findall(text, a.content[0], a.content[1])
    return bool(words) and words[0].lower() in _FRAME_WORDS and len(words) <= 12


def _clause_after(text: str, a: Attribution, sentence_ranges: list[Span]) -> Span | None:
    """The clause after the cue, to the end of its sentence, without a leading ``that``."""
    sent = sentence_at(sentence_ranges, a.cue[0])
    if sent is None:
        return None
    end = sent[1]
    while end > a.cue[1] and text[end - 1] in " \t\n.!?":
        end -= 1
    after = strip_span(text, a.cue[1], end, " \t\n,;:")
    m = _LEADING_THAT.match(text, after[0], after[1])
    if m and m.end() < after[1]:
        after = (m.end(), after[1])
    if a.source is not None and overlaps(after, a.source):
        return None
    return after if len(_CUE_WORD.findall(text, after[0], after[1])) >= 3 else None


def fallback_content(text: str, a: Attribution, sentence_ranges: list[Span]) -> Span | None:
    """For an attribution without content: the clause after the cue (``said they knew ...``), or the
    clause before a trailing ``..., X said``; None when neither has three words."""
    sent = sentence_at(sentence_ranges, a.cue[0])
    if sent is None:
        return None
    end = sent[1]
    while end > a.cue[1] and text[end - 1] in " \t\n.!?":
        end -= 1
    after = strip_span(text, a.cue[1], end, " \t\n,;:")
    m = _LEADING_THAT.match(text, after[0], after[1])
    if m and m.end() < after[1]:
        after = (m.end(), after[1])
    cands = []
    if a.source is None or not overlaps(after, a.source):
        cands.append(after)
    first = min(a.cue[0], a.source[0]) if a.source is not None else a.cue[0]
    cands.append(strip_span(text, sent[0], first, " \t\n,;:"))
    for c in cands:
        if len(_CUE_WORD.findall(text, c[0], c[1])) >= 3 and text[c[0] : c[1]][:1] not in ",;":
            return c
    return None


def _participle_merge(text: str, atts: list[Attribution], sentence_ranges: list[Span]) -> list[Attribution]:
    """``40% of those asked in one poll said X``: ``asked`` modifies the noun, ``said`` is the cue.

    The participle's attribution is dropped and the next cue of its sentence takes the whole noun phrase
    (from the first source to its own) as source.
    """
    out = sorted(atts, key=lambda a: a.cue)
    drop: set[int] = set()
    for i, a in enumerate(out):
        word = text[a.cue[0] : a.cue[1]].lower()
        if word not in _PARTICIPLE_CUES or i + 1 >= len(out):
            continue
        b = out[i + 1]
        if b.cue[0] - a.cue[1] > 60 or sentence_at(sentence_ranges, a.cue[0]) != sentence_at(
            sentence_ranges, b.cue[0]
        ):
            continue
        gap = text[a.cue[1] : b.cue[0]]
        prev = _prev_words(text, a.cue[0], 1)
        plural_before = bool(prev) and prev[0].endswith(("s", "those", "people", "men", "women"))
        if not plural_before or any(ch in gap for ch in ',;:"\u201c\u201d'):
            continue
        start = a.source[0] if a.source is not None and a.source[1] <= a.cue[0] else a.cue[0]
        b.source = strip_span(text, start, b.cue[0])
        if b.content is None:
            b.content = a.content
        drop.add(i)
    return [a for i, a in enumerate(out) if i not in drop]


def _stray_fragment(text: str, a: Attribution, sentence_ranges: list[Span]) -> bool:
    """A content of one or two words outside the cue's sentence (a tagging fragment, not what was said)."""
    assert a.content is not None
    sent = sentence_at(sentence_ranges, a.cue[0])
    if sent is None or overlaps(a.content, sent):
        return False
    return len(_CUE_WORD.findall(text, a.content[0], a.content[1])) < 3


def repair(text: str, a: Attribution) -> Attribution | None:
    """Span repairs that need no context: cue trimmed, source a clean noun phrase, content clipped."""
    a.cue = trim_cue(text, a.cue)
    a.source = clean_source(text, a.source)
    if a.source is not None and overlaps(a.source, a.cue):
        a.source = None
    a.content = clean_content(text, a)
    return a


def refine(text: str, atts: list[Attribution], sentence_ranges: list[Span]) -> list[Attribution]:
    """Precision filters over the merged attributions.

    Kept: a cue from the reporting lexicon (or a quote frame) outside the non-reporting frames, not negated,
    with a non-empty content (filled from the cue's clause when the layers found none) that overlaps
    neither its cue nor its source.
    """
    atts = [a for a in (repair(text, a) for a in atts) if a is not None]
    atts = [a for a in atts if is_reporting_cue(text, a.cue) and not is_non_reporting_frame(text, a.cue)]
    atts = _participle_merge(text, atts, sentence_ranges)
    quotes = quote_spans(text)
    out: list[Attribution] = []
    for a in atts:
        a.source = clean_source(text, a.source)
        if _is_negated(text, a):
            continue
        a.content = clean_content(text, a)
        if a.content is not None and _stray_fragment(text, a, sentence_ranges):
            a.content = None
        if a.content is not None:
            a.content = complete_content(text, a, sentence_ranges)
        quoted = quote_content(text, a, quotes)
        if quoted is not None and not _clause_of_its_own(text, a, quoted):
            a.content = quoted
        elif a.content is not None and _is_frame_phrase(text, a):
            a.content = _clause_after(text, a, sentence_ranges)
        if a.content is not None and sanity.content_problems(text, a.content):
            a.content = fallback_content(text, a, sentence_ranges) or a.content
        if a.content is None:
            a.content = fallback_content(text, a, sentence_ranges)
        if a.content is None:
            continue
        if a.source is not None and overlaps(a.source, a.content):
            a.source = clean_source(text, strip_span(text, a.source[0], min(a.source[1], a.content[0])))
        a.score = assessed_score(text, a, sentence_ranges)
        out.append(a)
    return out



_FRAME_GAP = " \t\n,:\u2014-"
#: a short time or place phrase between a split quote's frame and its second part: '..." he said on Saturday, "...'
_SHORT_FRAME = re.compile(r"\s+(?:on|in|at|last|this|late|early)\s[^,.;\n\"\u201c\u201d]{1,30},\s*")


def _clause_of_its_own(text: str, a: Attribution, quoted: Span) -> bool:
    """``"Quote A." Smith said the deal was dead.``: the cue has its own reported clause after it, so the
    quotation before it is someone else's (or a separate attribution), not this one's content."""
    c = a.content
    if c is None or overlaps(c, quoted) or c[0] < a.cue[1]:
        return False
    words = _CUE_WORD.findall(text, c[0], c[1])
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
    if not _CUE_WORD.search(text, c[0], c[1]):
        return None
    return c


#: what an attribution that fails a sanity rule keeps of its score: below 0.5, a candidate, never asserted
SANITY_FACTOR = 0.45


def is_speech_cue(text: str, cue: Span) -> bool:
    """A speech, reporting or writing predicate (or a quote frame), not a belief, wish or action."""
    piece = text[cue[0] : cue[1]]
    if any(ch in piece for ch in QUOTE_CHARS) or piece.strip() in (":", "\u2014", "\u2013", "-", "--"):
        return True  # a quote frame, a colon, or the dash of an embedded post's signature
    return any(w.lower() in SPEECH_PREDICATES for w in _CUE_WORD.findall(piece))


def sanity_problems(text: str, a: Attribution, sentence_ranges: list[Span]) -> list[str]:
    """The span-sanity rules ``a`` breaks, plus a missing source (nobody to attribute the words to)."""
    sent = sentence_at(sentence_ranges, a.cue[0])
    out = sanity.problems(text, a.source, a.cue, a.content, sent, speech_cue=is_speech_cue(text, a.cue))
    if a.source is None:
        out.append("no source")
    if _object_not_content(text, a):
        out.append("content is the verb's object, not what was said")
    return out


# predicates whose complement is what was said (a clause, a quote, a characterisation)
_CLAUSAL_BASES = (
    "say tell claim report state announce add note warn explain insist argue suggest allege confirm deny "
    "acknowledge admit write tweet post declare assert maintain believe think predict estimate indicate show "
    "reveal mention promise reply respond recall concede observe stress emphasise emphasize contend testify "
    "comment remark conclude find agree disagree hint imply confess reiterate repeat clarify assure reassure "
    "notify alert swear affirm point continue ask describe characterise characterize compare list threaten "
    "demand inform forecast reject urge vow pledge caution advise boast joke quip proclaim concern"
)
CLAUSAL_PREDICATES = frozenset(
    {f for b in _CLAUSAL_BASES.split() for f in verb_forms(b)} | {"said", "told", "wrote", "according", "found"}
)


def _object_not_content(text: str, a: Attribution) -> bool:
    """``expressed a dim view``, ``requested the money``, ``denounced his jokes``: a content right after a cue
    whose verb takes a thing, not a clause, as object is not what was said."""
    if a.content is None or not 0 <= a.content[0] - a.cue[1] <= 2:
        return False
    cue_words = [w.lower() for w in _CUE_WORD.findall(text, a.cue[0], a.cue[1])]
    if any(ch in text[a.cue[1] : a.content[0] + 1] for ch in QUOTE_CHARS):
        return False
    first = _CUE_WORD.search(text, a.content[0], a.content[1])
    if cue_words and cue_words[-1] in _TOPIC_PREPOSITIONS:
        return True  # "tweeted about the shooting": a topic
    if first is not None and first.group().lower() in _TOPIC_PREPOSITIONS and not _QUANTITY_AFTER.match(
        text, first.end()
    ):
        return True  # "warned about the raids", "posted with permission from": a topic, not what was said
    return not any(w in CLAUSAL_PREDICATES for w in cue_words)


_TOPIC_PREPOSITIONS = frozenset("with about in at from over into against after before during".split())
# "say about half of the houses ...": a quantity, not a topic
_QUANTITY_AFTER = re.compile(r"\s+(?:\d|half\b|a\s+(?:third|quarter|dozen|hundred|thousand)\b|one\b|two\b|three\b)")


def assessed_score(text: str, a: Attribution, sentence_ranges: list[Span]) -> float:
    """The layers' score, scaled below 0.5 (a candidate) when the attribution fails a sanity rule."""
    if sanity_problems(text, a, sentence_ranges):
        return a.score * SANITY_FACTOR
    return a.score


# ---------------------------------------------------------------------------------------------
