"""Source repairs of an attribution: the source span trimmed to the noun phrase that speaks."""

from __future__ import annotations

import re

from presslens.analyzers.attribution import sanity
from presslens.analyzers.attribution.spans import Span

CUE_WORD = sanity.WORD
_SOURCE_LEAD = frozenset(
    "and but or so yet while whereas although though because as if when since then also however meanwhile "
    "nor do does did even".split()
)
_SOURCE_TAIL = frozenset(
    "will would can could may might shall should must has have had did does do is are was were be been "
    "also not n't never repeatedly previously later then reportedly already still just even once again "
    "often further meanwhile who which".split()
)
_QUANTIFIER_BEFORE = re.compile(
    r"\b(?:about|around|nearly|almost|roughly|some|over|under|only|just|(?:more|fewer|less)\s+than|"
    r"up\s+to|at\s+least|at\s+most)\s+$",
    re.I,
)


def word_spans(text: str, span: Span) -> list[Span]:
    return [(m.start(), m.end()) for m in CUE_WORD.finditer(text, span[0], span[1])]


#: finite reporting verbs that cannot be nouns: a source holding one holds an outer frame ("The BBC adds the WHO")
_OUTER_CUES = sanity.FINITE_SPEECH | frozenset(
    "adds added reported claimed announced warned explained insisted argued noted confirmed denied admitted "
    "declared tweeted".split()
)
#: participles that follow a source's head noun ("a statement released on Monday", "a report published by")
_POSTNOMINAL_PARTICIPLES = frozenset(
    "released issued published posted obtained seen sent distributed prepared signed filed leaked".split()
)
_RELATIVE = frozenset("which whom that where".split())
# a clause boundary inside a tagged source: the subject of the cue follows it (``the port after CBP``)
_SUBORDINATORS = frozenset("because while unless if when whereas although though why how whether".split())
#: "as", "after", "before", "since", "than" before a subject pronoun or a vague "some": a clause boundary
#: ("not during the massacre as they (said)", "just before he (announced)", "after some (said)")
_CLAUSE_LINK = frozenset("as after before since than".split())
_SUBJECT_AFTER_LINK = frozenset("he she they we i it some others many".split())
# "after", "before", "since": a clause boundary before a name ("the port after CBP announced"), a preposition
# before a noun phrase ("a statement released after a cabinet meeting")
_PREPOSITION_OR_CONJUNCTION = frozenset("after before since".split())
_TIME_LEAD = frozenset("on last this early late earlier in at by".split())


def _is_time_word(word: str) -> bool:
    return word.lower() in sanity.TIME_WORDS


#: "late", "early" before a day or time word belong to the time phrase ("Westerville police late Saturday
#: (confirmed)": the source is "Westerville police"; analyzer 2.9)
_TIME_MODIFIERS = frozenset("late early".split())


def _time_word_after(text: str, end: int) -> bool:
    m = sanity.WORD.match(text, end + (len(text[end:]) - len(text[end:].lstrip(" "))))
    return m is not None and _is_time_word(m.group())


def clean_source(text: str, src: Span | None) -> Span | None:
    """A noun phrase: no leading conjunction (``and nobody ...``), time phrase (``Tuesday morning the Times``)
    or object relative (``which Carlson`` -> ``Carlson``), no trailing auxiliary, adverb, time phrase or
    function word (``a judge on Wednesday``, ``officials recently``, ``the woman who``)."""
    if src is None:
        return None
    words = word_spans(text, src)
    for i in range(len(words) - 1, 0, -1):
        # "Congressman Lee said video footage (shows)": the speaker of the nested cue follows the outer cue
        if text[words[i - 1][0] : words[i - 1][1]].lower() in _OUTER_CUES:
            words = words[i:]
            break
    for i in range(1, len(words)):
        # "a statement released (after the meeting)": the participle after the head noun ends the phrase;
        # "Senators Flake and Graham, who have all (said)": so does a subject relative clause
        if text[words[i][0] : words[i][1]].lower() in _POSTNOMINAL_PARTICIPLES or text[words[i][0] : words[i][1]] == "who":
            words = words[:i]
            break
    for i in range(len(words) - 1, 0, -1):
        w = text[words[i - 1][0] : words[i - 1][1]].lower()
        nxt = text[words[i][0] : words[i][1]]
        if (
            w in _RELATIVE
            or w in _SUBORDINATORS
            or (w in _PREPOSITION_OR_CONJUNCTION and nxt[:1].isupper())
            or (w in _CLAUSE_LINK and nxt.lower() in _SUBJECT_AFTER_LINK)
        ):
            words = words[i:]
            break
    changed = True
    while words and changed:
        changed = False
        first = text[words[0][0] : words[0][1]]
        second = text[words[1][0] : words[1][1]] if len(words) > 1 else ""
        if first.lower() in _SOURCE_LEAD or _is_time_word(first) or not first.strip("'\u2019"):
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
        if len(last) > 1 and last.isupper():
            break  # an acronym ("WHO", the World Health Organization), not a relative pronoun
        if sanity.is_name_may(last):
            break  # "Theresa May (said)": a name, not the modal (``attribution.name_may=on``)
        if (
            low in _SOURCE_TAIL
            or low in sanity.FUNCTION_WORDS
            or _is_time_word(last)
            or (last.islower() and low.endswith("ly") and len(low) > 4)
            or (low in _TIME_MODIFIERS and _time_word_after(text, words[-1][1]))
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
    ws = list(CUE_WORD.finditer(piece))
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
    ws = list(CUE_WORD.finditer(piece))
    if len(ws) > 2 and ws[0].group().lower() in _LEADING_ADVERBIAL:
        name = _NAME.search(piece)
        if name and name.start() > ws[0].end():
            return s + name.start(), e
    return s, e


#: a capitalised word right before a source, with nothing but spaces between ("White" before "House")
_CAPITALISED_BEFORE = re.compile(r"([A-Z][\w'\u2019.&-]*)[ \t]+$")
_DETERMINER_BEFORE = re.compile(r"(?:^|(?<=\s))([Tt]he)[ \t]+$")
#: capitalised words that open a clause or a time phrase, not a name ("When Trump", "Monday Trump", "And CNN")
_NOT_NAME_WORDS = (
    _SOURCE_LEAD | _SUBORDINATORS | _CLAUSE_LINK | _RELATIVE | _TIME_LEAD | sanity.FUNCTION_WORDS
    | sanity.TIME_WORDS | _OUTER_CUES | frozenset("here there now then according".split())
)
#: sentence-initial words that are not part of a name: adverbs and salutations ("Previously Harding", "Dear ...")
_SENTENCE_ADVERBS = frozenset("somehow dear still instead indeed perhaps maybe again even only just also".split())
_PRONOUN_SOURCES = frozenset("i he she it we they you one".split())


def name_start(text: str, src: Span | None, cue: Span, sentence_ranges: list[Span]) -> Span | None:
    """A source that starts inside a name starts where the name does: ``House`` -> ``The White House``,
    ``General Jeff Sessions`` -> ``Attorney General Jeff Sessions``, ``Office of Inspector General`` -> ``the House
    Office of Inspector General``. Only capitalised words joined by spaces in the same sentence are taken (and a
    "the" before them); never a clause word, a time word or a reporting verb, never across the cue."""
    if src is None or not text[src[0]].isupper():
        return src
    first = CUE_WORD.search(text, src[0], src[1])
    if first is not None and first.group().lower() in _PRONOUN_SOURCES:
        return src  # "Somehow I", "Then he": a pronoun is never the end of a name
    floor = cue[1] if cue[1] <= src[0] else 0
    for s, e in sentence_ranges:
        if s <= src[0] < e:
            floor = max(floor, s)
            break
    start = src[0]
    while True:
        m = _CAPITALISED_BEFORE.search(text, max(floor, start - 40), start)
        if m is None or m.start() < floor or m.group(1).lower().strip(".") in _NOT_NAME_WORDS:
            break
        if m.start() > floor and not text[m.start() - 1].isspace():
            break  # "(Reuters) House": the word is glued to a bracket or a quote mark
        word = m.group(1).lower()
        if m.start() == floor and (word.endswith("ly") or word in _SENTENCE_ADVERBS):
            break  # "Previously Harding and the Guardian": a sentence adverb, not a first name
        start = m.start()
    if start == src[0]:
        return src
    d = _DETERMINER_BEFORE.search(text, max(floor, start - 5), start)
    if d is not None and d.start() >= floor:
        start = d.start()
    return start, src[1]


#: a name before an apposition's comma: capitalised words (initials and "St." allowed)
_NAME_BEFORE_COMMA = re.compile(r"(?:[A-Z][\w'\u2019.-]*[ \t]+)*[A-Z][\w'\u2019.-]*$")


def apposition_head(text: str, source: Span | None, cue: Span) -> Span | None:
    """ "Peter Daou, a Democratic strategist and former advisor to Hillary Clinton and John Kerry, who wrote":
    the layers took the prepositional object before "who" ("John Kerry"); the relative goes back to the head of
    the apposition, the name before its comma ("Peter Daou"). None unless that name is there."""
    if source is None:
        return None
    comma = sanity.apposition_start(text, source, cue)
    if comma is None:
        return None
    m = _NAME_BEFORE_COMMA.search(text, max(0, comma - 60), comma)
    if m is None:
        return None
    names = [w for w in CUE_WORD.finditer(text, m.start(), m.end()) if not sanity.is_function_word(w.group())]
    return (names[0].start(), m.end()) if names else None  # without "The", "But" opening the sentence


#: prepositions that open a sentence-initial adverbial or a parenthetical ("Speaking from Madagascar, ...",
#: "Despite the warnings, ...", "X, in his letter to Y, said")
_ADVERBIAL_PREPOSITIONS = frozenset(
    "in at on from despite after before during amid with for under following through via".split()
)
#: what opens the speaker after the adverbial's comma: a capitalised word or a determiner
_SPEAKER_AFTER_COMMA = re.compile(r",[ \t]+(?=[A-Z]|(?:the|a|an)\b)")


def _word_before(text: str, pos: int, floor: int) -> str:
    ws = CUE_WORD.findall(text, max(floor, pos - 30), pos)
    return ws[-1].lower() if ws else ""


def adverbial_speaker(text: str, source: Span | None, cue: Span, sentence_ranges: list[Span]) -> Span | None:
    """ "Speaking from Madagascar, Christine South, head of ..., said": the layers took the adverbial's object with
    the speaker ("Madagascar, Christine South, ..."); the speaker starts after the adverbial's comma. A source
    that opens with the preposition ("Despite the warnings, officials") is cut the same way. None unless the
    source stands before its cue, holds a comma and follows (or opens with) such a preposition."""
    if source is None or source[1] > cue[0]:
        return None
    floor = next((s for s, e in sentence_ranges if s <= source[0] < e), 0)
    first = CUE_WORD.search(text, source[0], source[1])
    if first is None:
        return None
    opens = first.group().lower() in _ADVERBIAL_PREPOSITIONS and first.group()[:1].isupper()
    if not opens and _word_before(text, source[0], floor) not in _ADVERBIAL_PREPOSITIONS:
        return None
    m = _SPEAKER_AFTER_COMMA.search(text, source[0], source[1])
    if m is None:
        return None
    return clean_source(text, (m.end(), source[1]))


#: ", in his letter to the governor, said": a parenthetical between the subject and its cue
_PARENTHETICAL_BEFORE_CUE = re.compile(r"[ \t]*,[ \t]*$")


def parenthetical_subject(text: str, source: Span | None, cue: Span, sentence_ranges: list[Span]) -> Span | None:
    """ "The mayor, in his letter to the governor, said ...": the layers took the object inside the
    parenthetical ("his letter to the governor"); the speaker is the noun phrase before the parenthetical's
    first comma ("The mayor"). None unless the source is the object of a preposition right after a comma and
    ends at a comma right before its cue."""
    if source is None or source[1] > cue[0] or not _PARENTHETICAL_BEFORE_CUE.match(text[source[1] : cue[0]]):
        return None
    floor = next((s for s, e in sentence_ranges if s <= source[0] < e), 0)
    lead = text[max(floor, source[0] - 20) : source[0]]
    m = re.search(r",[ \t]*(\w+)[ \t]+$", lead)
    if m is None or m.group(1).lower() not in _ADVERBIAL_PREPOSITIONS:
        return None
    comma = max(floor, source[0] - 20) + m.start()
    start = max(text.rfind(ch, floor, comma) for ch in ",;:\n\"\u201c\u201d") + 1
    start = max(start, floor)
    subject = clean_source(text, (start, comma))
    if subject is None or not sanity.words(text, subject) or sanity.source_problems(text, subject):
        return None
    return subject


#: a speech noun whose maker follows it: "a surprising claim made by Congressman X", "new remarks from a senior
#: official", "a quote from an Obama spokeswoman"; the guideline's source is the smallest noun phrase naming who
#: spoke (analyzer 2.9; dev9 of stop 26)
_SPEECH_NOUN_MAKER = re.compile(
    r"(?:(?:a|an|the|this|that|these|those|new|recent|latest|earlier|surprising|public|[a-z]+ly)\s+)*"
    r"(?:claims?|remarks|comments?|quotes?|words|statements?|tweets?|posts?|testimony|interview|allegations?)"
    r"\s+(?:(?:made|issued|released|posted|given|shared|published)\s+)?(?:by|from)\s+(?=\S)",
    re.I,
)


def speech_noun_speaker(text: str, source: Span | None) -> Span | None:
    """The maker of a speech noun as the source: "(according to) new remarks from a senior Iranian official" ->
    "a senior Iranian official". None unless the whole source opens with such a noun and its "by" / "from"."""
    if source is None:
        return None
    m = _SPEECH_NOUN_MAKER.match(text, source[0], source[1])
    if m is None or m.end() >= source[1]:
        return None
    return clean_source(text, (m.end(), source[1]))


# --- analyzer 2.10 (stop 26, attr16): sources of a wrong span (dev7 .. dev9, audit A) -------------------------

#: "X VERBED ... and (actually) said": a source that ends right before "and" and the cue
_AND_BEFORE_CUE = re.compile(r"[ \t]+and[ \t]+(?:(?:[a-z]+ly|then|also|later|now|even)[ \t]+)*$")
#: finite verbs that end the subject of a coordinated verb phrase ("Davis was dismissive and said")
_FINITE_AFTER_SUBJECT = frozenset("was were is are had has have did does".split())


def coordinated_subject(text: str, source: Span | None, cue: Span) -> Span | None:
    """ "Davis was dismissive and said", "he misidentified Hasan as X and said", "the agency waved their hand and
    said": the cue is the second verb of a coordinated predicate; the layers took the first verb phrase into the
    source. The speaker is the subject before that verb. None unless the source ends right before "and" + cue
    and holds a finite verb (an auxiliary, a lower-case "-ed" past or an irregular past) after a noun or a
    subject pronoun, not after a determiner or a possessive ("the retired officer", "Kyiv's embattled mayor")."""
    if source is None or source[1] > cue[0] or not _AND_BEFORE_CUE.fullmatch(text, source[1], cue[0]):
        return None
    before = CUE_WORD.findall(text, max(0, source[0] - 30), source[0])[-1:]
    if before and (before[0].lower() in sanity.FINITE_SPEECH or before[0].lower() == "that"):
        return None  # "Khweis said he regretted it and said ...": the whole phrase is reported, a nested report
    ws = list(CUE_WORD.finditer(text, source[0], source[1]))
    for i in range(1, len(ws)):
        w = ws[i].group()
        prev = ws[i - 1].group()
        finite = w in _FINITE_AFTER_SUBJECT or (w.islower() and len(w) > 4 and w.endswith("ed")) or (
            w in sanity._CLAUSE_PAST
        )
        if not finite:
            continue
        subject_end = prev.lower() in _PRONOUN_SOURCES or (
            not sanity.is_function_word(prev) and not prev.endswith(("'s", "\u2019s"))
        )
        if not subject_end:
            return None  # "the retired officer": an adjective after a determiner, not a verb
        subject = clean_source(text, (source[0], ws[i - 1].end()))
        if subject is None or sanity.source_problems(text, subject, None, cue):
            return None
        return subject
    return None


#: ", who, a month before being elected, lamented" / ", who pushed for 35 years in prison, accused": a relative
#: clause set off by commas right before the cue; the speaker is the noun phrase before ", who"
_WHO_PARENTHETICAL = re.compile(
    r",[ \t]+(?:who|which),?[ \t]+[^,;:\n\"\u201c\u201d()]{2,90},[ \t]+(?:(?:[a-z]+ly|also|then|later)[ \t]+)*$"
)
#: the ``attribution.unfound_speakers`` option (2.11, not shipped): an auxiliary may follow the clause ("The
#: congressman, who serves as ..., has denied"), and an age set off by commas ("Kovacs, 53, vehemently denied")
#: stands between a speaker the layers did not find and the cue
_WHO_PARENTHETICAL_AUX = re.compile(
    r",[ \t]+(?:who|which),?[ \t]+[^,;:\n\"\u201c\u201d()]{2,90},[ \t]+"
    r"(?:(?:[a-z]+ly|also|then|later|has|have|had)[ \t]+)*$"
)
_AGE_PARENTHETICAL = re.compile(r",[ \t]+\d{1,3},[ \t]+(?:(?:[a-z]+ly|also|then|later|has|have|had)[ \t]+)*$")


def _antecedent_before(text: str, comma: int, floor: int) -> Span | None:
    """The noun phrase that ends at ``comma``: the run of capitalised words before it (a name), else the words
    since the last clause break (at most six)."""
    piece_start = max(floor, comma - 120)
    piece = text[piece_start:comma]
    cut = max(piece.rfind(ch) for ch in ",;:(\n\"\u201c\u201d") + 1
    ws = list(CUE_WORD.finditer(text, piece_start + cut, comma))
    if not ws:
        return None
    k = len(ws) - 1
    if ws[k].group()[:1].isupper():
        while k > 0 and ws[k - 1].group()[:1].isupper() and not sanity.is_function_word(ws[k - 1].group()):
            k -= 1
    else:
        k = max(0, len(ws) - 6)
        while k < len(ws) - 1 and ws[k].group().lower() in _SOURCE_LEAD:
            k += 1
    return clean_source(text, (ws[k].start(), ws[-1].end()))


def who_parenthetical_speaker(
    text: str, source: Span | None, cue: Span, sentence_ranges: list[Span], *, unfound: bool = False
) -> Span | None:
    """ "his predecessor Benedict XVI, who, a month before being elected pope, lamented ...", "Prosecutors, who
    pushed for 35 years in prison, accused ...": a relative clause set off by commas ends right before the cue;
    whether the cue is the clause's last verb or the main verb after it, the speaker is the noun phrase the
    clause belongs to (the layers took the sentence's subject or the clause's object). None unless that clause
    is there and its antecedent is a clean noun phrase. ``unfound`` (the ``attribution.unfound_speakers`` option,
    HISTORY.md 2.11): an auxiliary may follow the clause, and with no source an age may stand for the clause."""
    if source is not None and source[0] >= cue[1]:
        return None
    floor = next((s for s, e in sentence_ranges if s <= cue[0] < e), max(0, cue[0] - 200))
    m = (_WHO_PARENTHETICAL_AUX if unfound else _WHO_PARENTHETICAL).search(text, max(floor, cue[0] - 200), cue[0])
    if (m is None or m.end() != cue[0]) and source is None and unfound:
        m = _AGE_PARENTHETICAL.search(text, max(floor, cue[0] - 200), cue[0])  # no source found: "X, 53, denied"
    if m is None or m.end() != cue[0]:
        return None
    ante = _antecedent_before(text, m.start(), floor)
    if ante is None or sanity.source_problems(text, ante, None, cue):
        return None
    if source is not None and ante[0] <= source[0] and source[1] <= ante[1]:
        return None  # the source is (inside) the antecedent already
    return ante


#: a name right before an apposition's comma: "Mohammad Larijani, an assistant in the judiciary, disclosed"
_NAME_THEN_COMMA = re.compile(r"([A-Z][\w'\u2019.-]*(?:[ \t]+[A-Z][\w'\u2019.-]*){0,4}),[ \t]+$")
#: what may follow an apposition's head before the cue: a prepositional phrase and the comma
_APPOSITION_TAIL = re.compile(
    r"(?:[ \t]+(?:in|of|at|for|to|from|with|on)[ \t]+[^,;:\n\"\u201c\u201d()]{1,60})?[ \t]*,[ \t]+"
    r"(?:(?:[a-z]+ly|also|then|later)[ \t]+)*"
)


def name_before_apposition(
    text: str, source: Span | None, cue: Span, sentence_ranges: list[Span]
) -> Span | None:
    """ "Mohammad Larijani, an international affairs assistant in the judiciary, disclosed ...", "Yonathan Halimi,
    Sarah Lucy's son, describes ...": the layers took the apposition; the speaker is the name it describes (the
    guideline's smallest noun phrase naming who spoke). None unless the source is set off by commas between a
    name (two words or more, or one opening the sentence) and the cue, and holds a lower-case noun (it is a
    description, not a second name of a list)."""
    if source is None or source[1] > cue[0] or not _APPOSITION_TAIL.fullmatch(text, source[1], cue[0]):
        return None
    ws = CUE_WORD.findall(text, source[0], source[1])
    if not any(w.islower() and not sanity.is_function_word(w) for w in ws):
        return None
    floor = next((s for s, e in sentence_ranges if s <= source[0] < e), max(0, source[0] - 120))
    m = _NAME_THEN_COMMA.search(text, max(floor, source[0] - 80), source[0])
    if m is None:
        return None
    names = list(CUE_WORD.finditer(text, m.start(1), m.end(1)))
    while names and sanity.is_function_word(names[0].group()):
        names.pop(0)
    if not names or any(sanity.TIME_WORDS & {w.group().lower()} for w in names):
        return None
    opens_sentence = not text[floor : names[0].start()].strip(" \t\n\"\u201c")
    if len(names) < 2 and not opens_sentence:
        return None
    if names[0].start() > m.start(1) and len(names) < 2:
        return None  # "In Kyiv, the governor": a place after a preposition
    before = text[max(floor, names[0].start() - 2) : names[0].start()]
    if before.rstrip(" \t").endswith(","):
        return None  # "Kyiv, Ukraine, the mayor": a place list, not a name
    name = clean_source(text, (names[0].start(), names[-1].end()))
    if name is None or sanity.source_problems(text, name, None, cue):
        return None
    return name


#: "KINSHASA, Congo -- ", "GAZA CITY (Reuters) - ": a newswire dateline (an upper-case place, then an optional
#: region, date or outlet, then a dash) opening a source
_SOURCE_DATELINE = re.compile(
    r"[A-Z][A-Z.'\u2019-]{2,}(?:[ \t]+[A-Z][A-Z.'\u2019-]+)*(?:,[ \t]+[A-Z][\w.'\u2019-]*(?:[ \t]+[A-Z][\w.'\u2019-]*)*)?"
    r"[ \t]*(?:\([^)\n]{1,40}\))?[ \t]*(?:--|[\u2013\u2014-])[ \t]+"
)


def without_source_dateline(text: str, source: Span | None) -> Span | None:
    """ "KINSHASA, Congo -- Congo's government" -> "Congo's government": the dateline is the outlet's furniture.
    None unless the source opens with an upper-case place (three letters or more), a region after a comma or an
    outlet in brackets, and a dash."""
    if source is None:
        return None
    m = _SOURCE_DATELINE.match(text, source[0], source[1])
    if m is None or m.end() >= source[1] or not any(ch in ",(" for ch in m.group()):
        return None  # "NATO - the alliance": an upper-case name without a region or an outlet is no dateline
    return clean_source(text, (m.end(), source[1]))


#: nouns for what someone has said over time: "Farrakhan's history (of comments) includes blaming ..."
_RECORD_NOUNS = frozenset("history record habit pattern practice career".split())
_POSSESSOR = re.compile(r"(?P<owner>(?:[A-Z][\w.'\u2019-]*[ \t]+){0,3}[A-Z][\w.-]*)['\u2019]s?[ \t]+(?P<noun>\w+)")


def possessor_of_record(text: str, source: Span | None, cue: Span) -> Span | None:
    """ "Farrakhan's history of extreme comments includes blaming ..., saying ...": the speaker of a gerund cue
    whose source is someone's history or record is its owner. None unless the source opens with a capitalised
    owner and "'s" before such a noun and the cue is an "-ing" form."""
    if source is None or source[1] > cue[0]:
        return None
    cue_words = CUE_WORD.findall(text, cue[0], cue[1])
    if not cue_words or not cue_words[-1].lower().endswith("ing"):
        return None
    m = _POSSESSOR.match(text, source[0], source[1])
    if m is None or m.group("noun").lower() not in _RECORD_NOUNS:
        return None
    owner = clean_source(text, (m.start("owner"), m.end("owner")))
    if owner is None or sanity.source_problems(text, owner, None, cue):
        return None
    return owner
