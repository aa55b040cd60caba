"""Precision filters and repairs applied to tagged and rule attributions alike.

The filters (reporting cues, non-reporting frames, negation, sanity score) live here; the span repairs they
call are in :mod:`.refine_source` (the speaker) and :mod:`.refine_content` (what was said).
"""

from __future__ import annotations

import re

from presslens.analyzers.attribution import sanity
from presslens.analyzers.attribution.clause_edges import object_after_cue
from presslens.analyzers.attribution.features import quote_spans
from presslens.analyzers.attribution.lexicon import QUOTE_CHARS, SPEECH_PREDICATES, verb_forms
from presslens.analyzers.attribution.link import Attribution
from presslens.analyzers.attribution.refine_content import (
    clause_after,
    clause_of_its_own,
    clean_content,
    complete_content,
    fallback_content,
    is_frame_phrase,
    outside_sentence,
    paragraph_after_colon,
    quote_content,
    quoted_statements,
    reported_clause,
)
from presslens.analyzers.attribution.refine_source import (
    CUE_WORD,
    adverbial_speaker,
    apposition_head,
    clean_source,
    coordinated_subject,
    name_before_apposition,
    name_start,
    parenthetical_subject,
    possessor_of_record,
    speech_noun_speaker,
    who_parenthetical_speaker,
    without_source_dateline,
    word_spans,
)
from presslens.analyzers.attribution.rules import source_after, source_before
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


REPORTING_WORDS = frozenset(
    {f for b in _REPORTING_BASES.split() for f in verb_forms(b)} | set(_REPORTING_EXTRA.split())
)
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
_PARTICIPLE_CUES = frozenset(
    "asked polled surveyed interviewed questioned quoted contacted consulted".split()
)


_AUXILIARIES = frozenset(
    "has have had was were is are be been did does do will would can could may might must should shall "
    "not never also then just long repeatedly n't".split()
)


def trim_cue(text: str, cue: Span) -> Span:
    """``said on`` -> ``said``: a cue loses trailing prepositions and time words; a cue of auxiliaries only
    (``has`` of ``has repeatedly said``) extends to the reporting word within the next three words."""
    words = word_spans(text, cue)
    while len(words) > 1 and text[words[-1][0] : words[-1][1]].lower() in _CUE_TAIL:
        words.pop()
    if not words:
        return cue
    if all(text[s:e].lower() in _AUXILIARIES for s, e in words):
        nxt = list(CUE_WORD.finditer(text, words[-1][1], min(len(text), words[-1][1] + 40)))[:3]
        for m in nxt:
            if m.group().lower() in REPORTING_WORDS:
                return words[0][0], m.end()
            if m.group().lower() not in _AUXILIARIES and not m.group().lower().endswith("ly"):
                break
    return words[0][0], words[-1][1]


def is_reporting_cue(text: str, cue: Span) -> bool:
    """A cue holds a speech / cognition / report word (``said``, ``according``, ``statement``...), or is
    ``continued`` framing a quotation (``"...," Lee continued.``, ``Graham continued, "..."``)."""
    piece = text[cue[0] : cue[1]]
    if any(ch in piece for ch in QUOTE_CHARS) or piece.strip() == ":":
        return True
    if any(w.lower() in REPORTING_WORDS for w in CUE_WORD.findall(piece)):
        return True
    return piece.lower() in ("continued", "continues") and continues_a_quote(text, cue)


#: a quotation closed just before the speaker and the cue (``...," Lee continued``; <= 4 words between)
_QUOTE_BEFORE_FRAME = re.compile(r"[,.!?]?[\"\u201d]\s*(?:[\w'\u2019.-]+\s+){0,4}$")
#: a quotation opened right after the cue (``Graham continued, "...``, ``he continued: \u201c...``)
_QUOTE_AFTER_FRAME = re.compile(r"[ \t]*[,:][ \t]*[\"\u201c]")


def continues_a_quote(text: str, cue: Span) -> bool:
    """``continued`` as a speech verb: it frames a quotation right before or right after it, in its line."""
    line_start = text.rfind("\n", 0, cue[0]) + 1
    lead = text[max(line_start, cue[0] - 80) : cue[0]]
    return bool(_QUOTE_BEFORE_FRAME.search(lead)) or bool(_QUOTE_AFTER_FRAME.match(text, cue[1]))


def _next_words(text: str, pos: int, n: int = 2) -> list[str]:
    return [w.lower() for w in CUE_WORD.findall(text, pos, min(len(text), pos + 40))[:n]]


def _prev_words(text: str, pos: int, n: int = 2) -> list[str]:
    return [w.lower() for w in CUE_WORD.findall(text, max(0, pos - 40), pos)[-n:]]


#: the values of the analyzer option ``attribution.unlisted_cues`` (HISTORY.md 2.14): "off" drops a tagged cue with
#: no word of the reporting lexicon (2.13); "candidate" keeps it, with a source, as a candidate the score judges;
#: "scored" (stop 30) also lets the unlisted-cue model (:mod:`.unlisted`) score it instead of the sanity cap
UNLISTED_CUES_CHOICES = ("off", "candidate", "scored")
UNLISTED_CUES_DEFAULT = "off"
#: at most this many words in an unlisted cue ("made clear", "brought up", "have roundly praised")
_UNLISTED_MAX_WORDS = 3
_UNLISTED_WORD = re.compile(r"[a-z]+(?:-[a-z]+)?")


def unlisted_cue(text: str, cue: Span) -> bool:
    """A cue the tagger proposed whose words are all outside the reporting lexicon but look like a verb group:
    one to three lower-case words of letters (no name, number, quote mark or punctuation), the last not an
    auxiliary (``decreed``, ``made clear``, ``brought up``). The score judges such a candidate; nothing here
    says it reports."""
    piece = text[cue[0] : cue[1]].strip()
    words = piece.split()
    if not 1 <= len(words) <= _UNLISTED_MAX_WORDS or not all(_UNLISTED_WORD.fullmatch(w) for w in words):
        return False
    if words[-1] in _AUXILIARIES or words[-1] in _BE_FORMS:
        return False
    return not is_reporting_cue(text, cue)


def is_non_reporting_frame(text: str, cue: Span) -> bool:
    """Frames that look like attribution but report nobody's words.

    ``the queues tell their own story`` (idiom), ``governors are expected to ...`` (a prediction about
    the subject, not a statement by it), and the participle inside a noun phrase (``those asked in a poll``).
    """
    words = [w.lower() for w in CUE_WORD.findall(text, cue[0], cue[1])]
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


def is_negated(text: str, a: Attribution) -> bool:
    """A frame that reports nothing: a negative source (``nobody in the ministry will say how many ...``)
    or a negated cue (``officials would not say whether ...``, ``the other side has not commented``)."""
    if a.source is not None and _NEGATIVE_SOURCE.match(text, a.source[0]):
        return True
    lead = text[max(0, a.cue[0] - 30) : a.cue[0]]
    if not (_NEGATION_IN_CUE.search(text, a.cue[0], a.cue[1]) or _NEGATED_BEFORE.search(lead)):
        return False
    last = (CUE_WORD.findall(text, a.cue[0], a.cue[1]) or [""])[-1].lower()
    return bool(_WH_AFTER.match(text, a.cue[1])) or last in _NO_CONTENT_CUES


# verbs that, negated, report that nothing was said ("has not commented", "did not respond")
_NO_CONTENT_CUES = frozenset(
    "comment commented commenting respond responded responding reply replied answer answered "
    "elaborate elaborated say said tell tells told telling".split()
)


_CUE_LEAD = re.compile(
    r"(?:\s+(?:has|have|had|also|reportedly|previously|repeatedly|later|then|once|again|all|both|just|recently|"
    r"would|will|did|does|do|is|are|was|were))*\s*$",
    re.I,
)
_AFTER_QUOTE_FRAME = re.compile(r"[,!?]?[\"\u201d\u2019']\s*$")


def subject_source(text: str, cue: Span, sentence_ranges: list[Span]) -> Span | None:
    """The speaker of a cue the layers gave no source: the noun phrase right before it (``British aid workers
    said``, ``Turkish media reports have said``), or right after it when the cue follows a quotation
    (``"...," said the commander``). None when neither is a clean noun phrase."""
    if not is_speech_cue(text, cue) or not CUE_WORD.search(text, cue[0], cue[1]):
        return None
    sent = sentence_at(sentence_ranges, cue[0])
    floor = sent[0] if sent is not None else max(0, cue[0] - 200)
    limit = sent[1] if sent is not None else min(len(text), cue[1] + 100)
    lead = _CUE_LEAD.search(text, floor, cue[0])
    end = lead.start() if lead is not None else cue[0]
    if _AFTER_QUOTE_FRAME.search(text, max(floor, end - 3), end) or end <= floor:
        src = source_after(text, cue[1], limit, max_words=6)
    else:
        src = source_before(text, floor, end, max_words=6)
        if src is not None and src[1] != end:
            return None
    src = clean_source(text, src)
    if src is None or sanity.source_problems(text, src, sent, cue):
        return None
    return src


#: a relative pronoun right before a cue, with at most three adverbs or auxiliaries between ("Kavanaugh, who
#: maintains", "campaigners who argue", "a health alert ..., which states", "a site that openly calls for")
_RELATIVE_BEFORE_CUE = re.compile(
    r"(?P<comma>,?)[ \t]+(?P<rel>who|which|that)(?:[ \t]+(?:[a-z]+ly|also|then|now|has|have|had|would|will|did|does|do|"
    r"is|are|was|were|once|later|first|still|just|even))*[ \t]+$"
)
_NAME_WORD = re.compile(r"[A-Z][\w.'\u2019-]*|\([A-Z]+\)|of|al|bin|de|van|von")
_ANTECEDENT_DETERMINERS = frozenset(
    "a an the some many several most these those this his her their its our two three four five".split()
)
_PREPOSITIONS = frozenset("in at of on to from by for with about into over under near across inside".split())
#: with ``agent`` (the ``attribution.unfound_speakers`` option, 2.11, not shipped), a preposition whose noun may be
#: the antecedent of a speaking relative clause ("protests by ACRA, which said", "talks by a preacher who accused")
_AGENT_PREPOSITIONS = frozenset({"by"})
#: lower-case words that end no antecedent noun phrase (a clause, a number or a pronoun before the "which")
_NOT_ANTECEDENT_HEADS = frozenset(
    "it this that them him her us me you all one ones thing things way time year years day days week weeks".split()
)


def _disagrees(head: str, cue_word: str) -> bool:
    """A plural common noun before a singular verb ("primary voters, which describes large swaths of ..."): the
    relative pronoun stands for the whole clause, not for the noun."""
    plural = head.islower() and head.endswith("s") and not head.endswith("ss")
    singular_verb = cue_word.islower() and cue_word.endswith("s") and not cue_word.endswith("ss")
    return plural and singular_verb


def relative_antecedent(
    text: str, cue: Span, sentence_ranges: list[Span], *, agent: bool = False
) -> Span | None:
    """The speaker of a cue in a relative clause: the noun phrase the relative pronoun stands for (``Christine
    Blasey Ford, 51, who claims ...`` takes ``Ford``'s name, ``environmental campaigners who argue`` the
    campaigners). A name is its run of capitalised words; a common noun goes back to its determiner within three
    words (``a Russian attorney who promised``), else stands alone. None when the word before the pronoun heads no noun phrase."""
    if not is_speech_cue(text, cue) or not CUE_WORD.search(text, cue[0], cue[1]):
        return None
    sent = sentence_at(sentence_ranges, cue[0])
    floor = sent[0] if sent is not None else max(0, cue[0] - 200)
    m = _RELATIVE_BEFORE_CUE.search(text, floor, cue[0])
    if m is None or (m.group("rel") == "that" and m.group("comma")):
        return None
    words = list(re.finditer(r"[\w.'\u2019-]+|\([A-Z]+\)", text[floor : m.start()]))
    if not words:
        return None
    spans = [(floor + w.start(), floor + w.end()) for w in words]
    head = text[spans[-1][0] : spans[-1][1]].rstrip(".")
    if (
        not head
        or head.isdigit()
        or head.lower() in _NOT_ANTECEDENT_HEADS
        or (head.islower() and head.endswith("ing"))  # "the following which suggests": no noun head
        or text[spans[-1][1] : m.start()].strip()
        or _disagrees(head, text[cue[0] : cue[1]])
    ):
        return None
    k = len(spans) - 1
    if head[0].isupper():
        while k > 0 and _NAME_WORD.fullmatch(text[spans[k - 1][0] : spans[k - 1][1]]) and (
            text[spans[k - 1][0]].isupper() or text[spans[k - 2][0]].isupper()
        ):
            k -= 1
        while k < len(spans) - 1 and text[spans[k][0]].islower():
            k += 1  # a name does not open with "of"
    else:
        for j in range(len(spans) - 2, max(-1, len(spans) - 5), -1):
            w = text[spans[j][0] : spans[j][1]]
            if w.lower() in _ANTECEDENT_DETERMINERS:
                k = j
                break
            if not (w.islower() or w[0].isupper()) or w.lower() in ("and", "or", "but", "to", "of", "for", "with"):
                break
    before = text[spans[k - 1][0] : spans[k - 1][1]].lower() if k > 0 else ""
    if before in _PREPOSITIONS and not (agent and before in _AGENT_PREPOSITIONS):
        return None  # "a health alert to its staff in China, which states": the noun of a phrase after a noun
    src = clean_source(text, (spans[k][0], spans[-1][1]))
    if src is None or sanity.source_problems(text, src, sent, cue):
        return None
    return src


#: a sentence that opens with a name and a relative clause about it: "Trump, who ran in 2016 promising ..."
_NAME_WHO = re.compile(
    r"[ \t\n]*(?P<name>[A-Z][\w.'\u2019-]*(?:[ \t]+[A-Z][\w.'\u2019-]*){0,4}),[ \t]+(?:who|which)\b"
)


def relative_clause_subject(text: str, a: Attribution, sentence_ranges: list[Span]) -> Span | None:
    """``Trump, who ran in 2016 promising to ..., has called for ...``: a source without a noun or pronoun
    head ("2016") after the relative clause's "who" stands for the name the sentence opens with; else None."""
    if a.source is None or not _headless(text, a.source):
        return None
    sent = sentence_at(sentence_ranges, a.cue[0])
    if sent is None:
        return None
    m = _NAME_WHO.match(text, sent[0], sent[1])
    if m is None or a.source[0] < m.end() or a.cue[0] < m.end():
        return None
    return m.start("name"), m.end("name")


def _headless(text: str, source: Span) -> bool:
    """A source of numbers and function words only ("2016", "there are 911")."""
    ws = CUE_WORD.findall(text, source[0], source[1])
    return bool(ws) and all(w.isdigit() or sanity.is_function_word(w) for w in ws)


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
    return len(CUE_WORD.findall(text, a.content[0], a.content[1])) < 3


#: a source cut at an abbreviation's full stop ("U" of "U.S. President Donald Trump threatened"): the rest of
#: the abbreviation and the capitalised words after it, up to the cue
_ABBREVIATION_REST = re.compile(r"(?:\.[A-Z])*\.(?:[ \t]+[A-Z][\w'\u2019.-]*){0,5}[ \t]+")


def extend_cut_abbreviation(text: str, src: Span | None, cue: Span) -> Span | None:
    """``U`` -> ``U.S. President Donald Trump`` when the source is one capital letter cut at its full stop and
    only capitalised words stand between it and the cue."""
    if src is None or src[1] - src[0] != 1 or not text[src[0]].isupper():
        return src
    m = _ABBREVIATION_REST.match(text, src[1], cue[0])
    if m is None or m.end() != cue[0]:
        return src
    return src[0], len(text[: m.end()].rstrip())


def repair(text: str, a: Attribution) -> Attribution | None:
    """Span repairs that need no context: cue trimmed, source a clean noun phrase, content clipped."""
    a.cue = trim_cue(text, a.cue)
    a.source = clean_source(text, extend_cut_abbreviation(text, a.source, a.cue))
    if a.source is not None and overlaps(a.source, a.cue):
        a.source = None
    a.content = clean_content(text, a)
    return a


def refine(
    text: str, atts: list[Attribution], sentence_ranges: list[Span], *, unfound_speakers: bool = False,
    unlisted_cues: bool = False,
) -> list[Attribution]:
    """Precision filters over the merged attributions.

    Kept: a cue from the reporting lexicon (or a quote frame) outside the non-reporting frames, not negated,
    with a non-empty content (filled from the cue's clause when the layers found none) that overlaps
    neither its cue nor its source. With ``unlisted_cues`` (the option ``attribution.unlisted_cues=candidate``)
    also a tagged cue outside the lexicon (:func:`unlisted_cue`) that the layers linked to a source.
    """
    atts = [a for a in (repair(text, a) for a in atts) if a is not None]
    atts = [
        a for a in atts
        if (is_reporting_cue(text, a.cue) or (unlisted_cues and a.source is not None and unlisted_cue(text, a.cue)))
        and not is_non_reporting_frame(text, a.cue)
    ]
    atts = _participle_merge(text, atts, sentence_ranges)
    quotes = quote_spans(text)
    statements = quoted_statements(text, quotes)
    out: list[Attribution] = []
    for a in atts:
        a.source = clean_source(text, a.source)
        if a.source is None or text[a.source[0] : a.source[1]].lower() in ("who", "which", "that"):
            a.source = relative_antecedent(text, a.cue, sentence_ranges, agent=unfound_speakers) or a.source
        if a.source is None:
            a.source = subject_source(text, a.cue, sentence_ranges)
        a.source = relative_clause_subject(text, a, sentence_ranges) or a.source
        a.source = name_start(text, a.source, a.cue, sentence_ranges)
        a.source = apposition_head(text, a.source, a.cue) or a.source
        a.source = adverbial_speaker(text, a.source, a.cue, sentence_ranges) or a.source
        a.source = parenthetical_subject(text, a.source, a.cue, sentence_ranges) or a.source
        a.source = speech_noun_speaker(text, a.source) or a.source
        a.source = coordinated_subject(text, a.source, a.cue) or a.source
        a.source = (
            who_parenthetical_speaker(text, a.source, a.cue, sentence_ranges, unfound=unfound_speakers) or a.source
        )
        a.source = name_before_apposition(text, a.source, a.cue, sentence_ranges) or a.source
        a.source = without_source_dateline(text, a.source) or a.source
        a.source = possessor_of_record(text, a.source, a.cue) or a.source
        if is_negated(text, a):
            continue
        a.content = clean_content(text, a)
        if a.content is not None and _stray_fragment(text, a, sentence_ranges):
            a.content = None
        if a.content is not None and outside_sentence(text, a, sentence_ranges, quotes):
            a.content = fallback_content(text, a, sentence_ranges) or a.content
        if a.content is not None:
            a.content = complete_content(text, a, sentence_ranges)
        if a.content is not None:
            a.content = reported_clause(text, a, sentence_ranges, statements)
        quoted = quote_content(text, a, quotes) or paragraph_after_colon(text, a)
        before_cue = a.content is not None and a.content[1] <= a.cue[0]
        own = participle_clause(text, a, sentence_ranges) if quoted is not None or before_cue else None
        if own is not None:
            a.content = own
        elif quoted is not None and not clause_of_its_own(text, a, quoted):
            a.content = quoted
        elif a.content is not None and is_frame_phrase(text, a):
            a.content = clause_after(text, a, sentence_ranges)
        # a split quotation ('"The plan," she said, "is dead."') keeps the quotation rule's content
        around = None if _spans_frame(a, quoted) else parenthetical_frame_content(text, a, sentence_ranges)
        if around is not None:
            a.content = around
        if a.content is not None and sanity.content_problems(text, a.content):
            a.content = fallback_content(text, a, sentence_ranges) or a.content
        if a.content is None:
            a.content = fallback_content(text, a, sentence_ranges)
        if a.content is None:
            continue
        if (
            a.source is not None
            and overlaps(a.source, a.content)
            and around is None
            and not split_quote_frame(text, a, quotes)
        ):
            a.source = clean_source(text, strip_span(text, a.source[0], min(a.source[1], a.content[0])))
        assess(text, a, sentence_ranges)
        out.append(a)
    return out


#: what may open the words after a parenthetical frame: a lower-case word, or a quotation mark before one
_CONTINUES_CLAUSE = re.compile(r"[ \t]*[\"\u201c]?[a-z]")
#: words after a frame's comma that start a clause of the frame's own ("..., he said, adding that ...", "..., she
#: said, and ...", "..., he said, which ..."), not the rest of the reported sentence
_FRAME_OWN_CLAUSE = frozenset(
    "and but or nor so yet as while when before after because since although though which who whom whose where "
    "that if whether in on at during according without with for by from despite amid to".split()
)
#: a lead that is an adverbial, not the start of the reported clause ("Besides, diGenova explained, ...", "As the
#: fields cross, NASA stated, ...", "At the same time, according to ..."): what was said follows the frame
_ADVERBIAL_LEAD = frozenset(
    "besides but and rather however still yet so also meanwhile moreover instead indeed further furthermore as at "
    "in on when while if since after before because although though once until by for with during".split()
)


def parenthetical_frame_content(text: str, a: Attribution, sentence_ranges: list[Span]) -> Span | None:
    """``The U.S. troop commitment to Syria, he said, is now open-ended.``: a frame set off by commas inside the
    sentence it reports; what was said is the whole sentence around the frame (annotation guideline, 8a: the
    source lies inside the content). None unless the frame stands between commas, with words before it and a
    lower-case continuation after it (not a participle or a conjunction that opens the frame's own clause)."""
    if a.source is None:
        return None
    sent = sentence_at(sentence_ranges, a.cue[0])
    if sent is None:
        return None
    first = min(a.source[0], a.cue[0])
    last = max(a.source[1], a.cue[1])
    lead = text[sent[0] : first].rstrip(" \t")
    if not lead.endswith((",", ",\u201d", ',"')) or text[last : last + 1] != ",":
        return None
    lead_words = CUE_WORD.findall(lead)
    if "\n" in text[sent[0] : sent[1]] or not lead_words or lead_words[0].lower() in _ADVERBIAL_LEAD:
        return None
    if "by" in [w.lower() for w in CUE_WORD.findall(text, first, last)]:
        return None  # "The motion, proposed by Councillor X, passed ...": a passive participle, not a frame
    if not _CONTINUES_CLAUSE.match(text, last + 1):
        return None
    nxt = CUE_WORD.search(text, last + 1, sent[1])
    if nxt is None or nxt.group() in _FRAME_OWN_CLAUSE or nxt.group().endswith("ing"):
        return None
    content = strip_span(text, sent[0], sent[1], " \t\n.!?\"\u201c\u201d")
    return content if content[0] < first and last < content[1] else None


def _spans_frame(a: Attribution, content: Span | None) -> bool:
    """``content`` runs from before the source and cue to after them."""
    parts = [p for p in (a.source, a.cue) if p is not None]
    return content is not None and content[0] < min(p[0] for p in parts) and max(p[1] for p in parts) < content[1]


def split_quote_frame(text: str, a: Attribution, quotes: list[Span]) -> bool:
    """``"First part," Pompeo said, "second part."``: the source and cue stand between two quotations that make
    one content; the source inside that content is the speaker, not a clash (annotation guideline, 8a)."""
    if a.source is None or a.content is None:
        return False
    first = min(a.source[0], a.cue[0])
    last = max(a.source[1], a.cue[1])
    if not a.content[0] < first or not last < a.content[1]:
        return False
    before = any(q[1] <= first and a.content[0] < q[1] for q in quotes)
    after = any(q[0] >= last and q[0] < a.content[1] for q in quotes)
    return before and after


#: a participle cue after a comma that closes another frame ('..." Giuliani said, adding that ...')
_AFTER_COMMA = re.compile(r",[ \t]*(?:(?:also|then|again|later)[ \t]+)?$")
_THAT_LEAD = re.compile(r"[ \t]*(?:that[ \t]+)?", re.I)


def participle_clause(text: str, a: Attribution, sentence_ranges: list[Span]) -> Span | None:
    """``"It's not a call to action," Giuliani said, adding that it was a sentiment ...``: a participle cue
    after the comma that closes a quotation's frame reports its own clause, not the quotation; None when
    the cue is not such a participle or the clause after it is a quotation or shorter than three words."""
    words = CUE_WORD.findall(text, a.cue[0], a.cue[1])
    if len(words) != 1 or not words[0].lower().endswith("ing") or words[0].lower() not in SPEECH_PREDICATES:
        return None
    if not _AFTER_COMMA.search(text, max(0, a.cue[0] - 12), a.cue[0]):
        return None
    sent = sentence_at(sentence_ranges, a.cue[0])
    if sent is None:
        return None
    lead = _THAT_LEAD.match(text, a.cue[1], sent[1])
    start = lead.end() if lead is not None else a.cue[1]
    if start >= sent[1]:
        return None
    edge = " \t\n,;:.!?"
    if text[start] in QUOTE_CHARS:
        if lead is None or "that" not in text[lead.start() : lead.end()].lower():
            return None  # ', adding: "...": the quotation rules frame it
        edge += QUOTE_CHARS  # 'insisting that "the issue is serious."': the quoted clause
    clause = strip_span(text, start, sent[1], edge)
    if any(ch in text[clause[0] : clause[1]] for ch in QUOTE_CHARS) or len(
        CUE_WORD.findall(text, clause[0], clause[1])
    ) < 3:
        return None
    return clause


def is_speech_cue(text: str, cue: Span) -> bool:
    """A speech, reporting or writing predicate (or a quote frame), not a belief, wish or action."""
    piece = text[cue[0] : cue[1]]
    if any(ch in piece for ch in QUOTE_CHARS) or piece.strip() in (":", "\u2014", "\u2013", "-", "--"):
        return True  # a quote frame, a colon, or the dash of an embedded post's signature
    return any(w.lower() in SPEECH_PREDICATES for w in CUE_WORD.findall(piece))


def sanity_problems(text: str, a: Attribution, sentence_ranges: list[Span]) -> list[str]:
    """The span-sanity rules ``a`` breaks, plus a missing source (nobody to attribute the words to)."""
    sent = sentence_at(sentence_ranges, a.cue[0])
    out = sanity.problems(text, a.source, a.cue, a.content, sent, speech_cue=is_speech_cue(text, a.cue))
    if a.source is None:
        out.append("no source")
    if _object_not_content(text, a):
        out.append("content is the verb's object, not what was said")
    if object_after_cue(text, a):
        out.append("content before a cue that has an object of its own")
    return out


_SHOW = frozenset("show shows showed shown showing".split())
#: sources that are pictures or recordings: what they "show" is a scene, not a statement
_PICTURE_WORDS = frozenset(
    "photo photos photograph photographs picture pictures image images video videos footage clip clips "
    "camera cameras screenshot screenshots recording recordings".split()
)


def pictures_not_speech(text: str, a: Attribution) -> bool:
    """ "The next photo shows where ...", "A Ruptly video shows hundreds of people ...": a picture or a video
    showing a scene reports nobody's words (guideline section 2 marks speech, writing and reporting)."""
    cue_words = [w.lower() for w in CUE_WORD.findall(text, a.cue[0], a.cue[1])]
    if not cue_words or cue_words[-1] not in _SHOW or a.source is None:
        return False
    return any(w.lower() in _PICTURE_WORDS for w in CUE_WORD.findall(text, a.source[0], a.source[1]))


# predicates whose complement is what was said (a clause, a quote, a characterisation)
_CLAUSAL_BASES = (
    "say tell claim report state announce add note warn explain insist argue suggest allege confirm deny "
    "acknowledge admit write tweet post declare assert maintain believe think predict estimate indicate show "
    "reveal mention promise reply respond recall concede observe stress emphasise emphasize contend testify "
    "comment remark conclude find agree disagree hint imply confess reiterate repeat clarify assure reassure "
    "notify alert swear affirm point continue ask describe characterise characterize compare list threaten "
    "demand inform forecast reject urge vow pledge caution advise boast joke quip proclaim concern question"
)
CLAUSAL_PREDICATES = frozenset(
    {f for b in _CLAUSAL_BASES.split() for f in verb_forms(b)} | {"said", "told", "wrote", "according", "found"}
)


# speech acts whose noun-phrase object is the message itself ("denied the allegations", "branded them traitors",
# "urged a ceasefire"): an attribution with that object as content (annotation guideline, section 8a). Verbs
# whose object is usually a thing or a person, not a message ("admitted him into the country", "posted the video",
# "called his bluff", "showed the car"), are not among them.
_MESSAGE_OBJECT_BASES = (
    "deny brand label dub term describe characterise characterize promise pledge vow threaten urge demand propose "
    "recommend praise condemn denounce accuse question cite detail announce declare reveal publish confirm "
    "report tweet allege blame criticise criticize decry deplore reject dismiss endorse hail laud slam blast "
    "voice"
)
MESSAGE_OBJECT_PREDICATES = frozenset(f for b in _MESSAGE_OBJECT_BASES.split() for f in verb_forms(b)) & (
    SPEECH_PREDICATES
)


def _object_not_content(text: str, a: Attribution) -> bool:
    """``expressed a dim view``, ``requested the money``, ``denounced his jokes``: a content right after a cue
    whose verb takes a thing, not a clause, as object is not what was said."""
    if a.content is not None and _TOPIC_GAP.fullmatch(text, a.cue[1], a.content[0]):
        return True  # "Article posted with permission from ...": the preposition's object, a topic
    if a.content is not None and a.content[0] >= a.cue[1] and _let_in(text, a.cue, a.content[1]):
        return True  # "also admitted two jihad preachers who ...": the object may hold the tagged source
    if a.content is None or not 0 <= a.content[0] - a.cue[1] <= 2 or ":\n" in text[a.cue[1] : a.content[0]]:
        return False  # a colon closing the line frames the block after it ("The letter says:"), not an object
    cue_words = [w.lower() for w in CUE_WORD.findall(text, a.cue[0], a.cue[1])]
    if not cue_words:
        return False  # a colon or a dash frames the words after it: no verb whose object they could be
    if any(ch in text[a.cue[1] : a.content[0] + 1] for ch in QUOTE_CHARS):
        return False
    first = CUE_WORD.search(text, a.content[0], a.content[1])
    if cue_words and cue_words[-1] in _TELL and len(CUE_WORD.findall(text, a.content[0], a.content[1])) <= 3:
        return True  # "told the wire service": the listener, not what was said
    if cue_words and cue_words[-1] in _TELL and _listener_and_setting(text, a.content):
        return True  # "told The Daily Caller News Foundation on Sunday": the listener and when, no message
    if cue_words and cue_words[-1] in _TOPIC_PREPOSITIONS:
        return True  # "tweeted about the shooting": a topic
    if first is not None and first.group().lower() in _TOPIC_PREPOSITIONS and not _QUANTITY_AFTER.match(
        text, first.end()
    ):
        return True  # "warned about the raids", "posted with permission from": a topic, not what was said
    if cue_words and _asked_about(text, cue_words[-1], a.content):
        return True
    return not any(w in CLAUSAL_PREDICATES or w in MESSAGE_OBJECT_PREDICATES for w in cue_words)


#: verbs whose noun-phrase object is a person or a thing let in or put up, not a message: "admitted two
#: preachers into the country", "posted the allegations on Twitter" ("admitted that ...", "posted: ..." report)
_ADMIT = frozenset("admit admits admitted admitting post posts posted posting".split())
#: what opens a clause or a confession after "admit" ("admitted to killing", "admits that", "admitted he lied")
_CONFESSION_START = re.compile(
    r"(?:to|that|on|he|she|they|it|we|i|you|there|this|his|her|their|its|our|my|having|being|guilt|wrongdoing|"
    r"responsibility|defeat|fault|mistakes?|errors?|failures?)\b|[\"\u201c\u2018']",
    re.I,
)
#: "the UK admitted two preachers into the country": an object up to a clause boundary holds no finite verb
_FINITE_WORDS = frozenset(
    "is are was were am has have had will would can could should may might must do does did".split()
)


#: where the object of "admitted" / "posted" ends: a comma, a relative or a subordinate clause
_OBJECT_END = re.compile(r",|\b(?:who|which|that|despite|because|as|when|while|after|before|since)\b")


def _let_in(text: str, cue: Span, end: int) -> bool:
    """ "admit" in the sense of let in ("The Home Office also admitted Shaykh X into the country", "It admits
    jihad terrorists as well"): the object is people, no clause and no confession follows the verb."""
    cue_words = [w.lower() for w in CUE_WORD.findall(text, cue[0], cue[1])]
    gap = text[cue[1] : end]
    if not cue_words or cue_words[-1] not in _ADMIT or not gap[:1].isspace():
        return False  # "admits, they did not ...": a comma opens the admitted clause
    start = cue[1] + len(gap) - len(gap.lstrip())
    if start >= end or _CONFESSION_START.match(text, start):
        return False
    head = CUE_WORD.findall(_OBJECT_END.split(text[start:end])[0])
    return bool(head) and not any(w.lower() in _FINITE_WORDS for w in head)


_ASK_OR_QUESTION = frozenset("ask asks asked asking question questions questioned questioning".split())
#: a listener (a few words, or a phrase closed by a comma) and then "about": "questioned Ellison about a 2005 police
#: report", "asked Carlson, affected by the tragedy, about the investigation"
_LISTENER_ABOUT = re.compile(r"(?:[^\s,\"\u201c]+\s+){0,2}?[^\s,\"\u201c]+\s+about\b|[^\"\u201c]{1,80},\s*about\b")


def _asked_about(text: str, cue_word: str, content: Span) -> bool:
    """ "asked / questioned X about Y": the listener and a topic, not what was asked (guideline section 2: a
    question to a source without its words is not an attribution)."""
    return cue_word in _ASK_OR_QUESTION and _LISTENER_ABOUT.match(text, content[0], content[1]) is not None


_TELL = frozenset("tell tells told telling".split())
#: a listener of up to five words and then only when or where it was told: "The Daily Caller News Foundation on
#: Sunday", "authorities months ago", "two men now", "NBC in an interview"
_LISTENER_SETTING = re.compile(
    r"(?:[^\s,\"\u201c\u2018]+\s+){0,4}?[^\s,\"\u201c\u2018]+"
    r"(?:\s+(?:on\s+[\w-]+|in\s+(?:an?|the|his|her|their)\s+[\w-]+(?:\s+[\w-]+)?|now|[\w-]+\s+ago|last\s+[\w-]+"
    r"|earlier(?:\s+this\s+[\w-]+)?|yesterday|today|this\s+[\w-]+|at\s+the\s+time))+[.,;]?",
    re.I,
)


#: a word of a listener's phrase: no punctuation, no quote mark
_LISTENER_WORD = r"[^\s,;:\"\u201c\u201d\u2018\u2019]+"
_LISTENER_NAME = r"[A-Z][^\s,;:\"\u201c\u201d\u2018\u2019]*"
#: a listener and where it sat, no message: "an audience of party faithful at the foot of the Royal Castle in
#: Budapest", "the Las Vegas Review-Journal on Thursday, when asked why ...": a determiner and up to three words, or
#: a name, then one or more prepositional phrases, and at most a "when asked" clause (the question, not the answer)
_LISTENER_PLACES = re.compile(
    rf"(?:(?:the|an?|his|her|their|its)\s+(?:{_LISTENER_WORD}\s+){{0,2}}{_LISTENER_WORD}"
    rf"|{_LISTENER_WORD}(?:\s+{_LISTENER_NAME}){{0,3}})"
    rf"(?:\s+(?:of|at|in|from|on|near|outside|during)\s+(?:(?:the|an?)\s+)?(?:{_LISTENER_WORD}\s+){{0,3}}"
    rf"{_LISTENER_WORD})+"
    r"(?:,\s+when\s+asked\b[^.;\n]*)?[.,;]?",
)
_SUBJECT_PRONOUNS = frozenset("i he she it we they you there".split())


def _listener_and_setting(text: str, content: Span) -> bool:
    """ "told X on Monday": the content is a short listener followed only by a time or a setting, no clause (a
    word like "is" or "had" among them means a clause was told: "told reporters the plan is dead now"); or a
    listener with prepositional phrases only (``_LISTENER_PLACES``: no finite word, no subject pronoun, no
    lower-case past form before a "when asked" clause)."""
    words = [w.lower() for w in CUE_WORD.findall(text, content[0], content[1])]
    if _LISTENER_SETTING.fullmatch(text, content[0], content[1]) is not None:
        return not any(w in _FINITE_WORDS for w in words)
    m = _LISTENER_PLACES.fullmatch(text, content[0], content[1])
    if m is None:
        return False
    asked = text.find(", when asked", content[0], content[1])
    listener = [w for w in CUE_WORD.findall(text, content[0], asked if asked >= 0 else content[1])]
    return not any(
        w.lower() in _FINITE_WORDS or w.lower() in _SUBJECT_PRONOUNS or (w.islower() and w.endswith("ed"))
        for w in listener
    )
#: "with" or "about" alone between a cue and its content ("posted with permission from", "tweeted about the")
_TOPIC_GAP = re.compile(r"[ \t]+(?:with|about)[ \t]+", re.I)
_TOPIC_PREPOSITIONS = frozenset("with about in at from over into against after before during".split())
# "say about half of the houses ...": a quantity, not a topic
_QUANTITY_AFTER = re.compile(r"\s+(?:\d|half\b|a\s+(?:third|quarter|dozen|hundred|thousand)\b|one\b|two\b|three\b)")


def assess(text: str, a: Attribution, sentence_ranges: list[Span]) -> None:
    """Mark whether ``a`` passes the span-sanity rules (the calibrator keeps one that fails as a candidate)."""
    a.sane = not sanity_problems(text, a, sentence_ranges)


# ---------------------------------------------------------------------------------------------
