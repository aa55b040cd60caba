"""Span-sanity rules for an attribution: what a careful reader rejects at a glance (issue 13).

A source must be a noun phrase with a noun or pronoun head, no time phrase inside and no function word at its end,
and not the writer's own voice; the cue must be a speech, reporting or writing predicate; the content must start
and end on word boundaries and hold at least one content word. The analyzer keeps an attribution that fails a rule
only as a candidate (score below 0.5); ``bench/attribution_sanity.py`` counts the failures on a folder of articles.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from contextvars import ContextVar

from presslens.analyzers.attribution.spans import Span

#: the values of the ``attribution.name_may`` option (stop 32): "off" (2.16: a capitalised "May" is the modal, so
#: "Theresa May said" loses "May" from its source and "May warned" is hypothetical) or "on" ("May" spelled with a
#: capital inside a sentence, or right before a lower-case cue, is a name; the learned scorer's "source has verb"
#: trait reads it the same way; failed the ship rule held out at stop 32, pre-registered for dev16, passed there at
#: stop 33: the default since 2.18)
NAME_MAY_CHOICES = ("off", "on")
#: the default of ``attribution.name_may``
NAME_MAY_DEFAULT = "on"
#: whether the rules read a capitalised "May" as a name (set by :func:`name_may` for one extraction)
_NAME_MAY: ContextVar[bool] = ContextVar("attribution_name_may", default=False)


@contextlib.contextmanager
def name_may(on: bool) -> Iterator[None]:
    """Within the block, a capitalised "May" is a name, not the modal (the ``attribution.name_may`` option)."""
    token = _NAME_MAY.set(on)
    try:
        yield
    finally:
        _NAME_MAY.reset(token)


def is_name_may(word: str) -> bool:
    """ "May" with a capital and ``attribution.name_may=on``: a name ("Theresa May", "May said"); the modal and the
    month are spelled "may" inside a sentence, and a month follows a time preposition (:func:`time_word_in_source`
    keeps that reading)."""
    return word == "May" and _NAME_MAY.get()

#: a word, as the attribution rules count them (hyphens and apostrophes inside)
WORD = re.compile(r"[\w'\u2019-]+")

#: words that cannot end (or be the whole of) a source noun phrase
FUNCTION_WORDS = frozenset(
    "a an the and or but nor so yet of to in on at by for from with about as into onto over under than that "
    "this these those which who whom whose what where when why how if whether because while although though "
    "is are was were be been being am has have had do does did will would can could may might must shall "
    "should not n't no its their his her our my your also just even only still then there here very "
    "after before during since until against among between through without within upon".split()
)
#: days, months and time words: a source never holds them ("Tuesday morning the Moscow Times")
TIME_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april june july "
    "august september october november december yesterday today tonight tomorrow morning afternoon evening "
    "night weekend week month year earlier later ago".split()
)
#: day and month names: time words even when capitalised ("Tuesday"); other capitalised time words may be names
#: ("CBS Evening News", "TODAY")
_CALENDAR = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february april june july august "
    "september october november december".split()
)
#: months that are also names or words ("May", "March") count as time words only after a time preposition
_AMBIGUOUS_TIME = frozenset("may march".split())
#: a source noun phrase never starts with one of these ("to a 911 hang-up responded")
#: ("despite", "amid", "during": a sentence-initial adverbial read as the speaker, analyzer 2.8)
_LEADING_PREPOSITIONS = frozenset("to of for by with from into onto upon including despite amid during".split())
#: words that are not a source's head on their own
_NOT_HEADS = frozenset("including such like via per".split())
#: the writer's and reader's voice: "we do not want", "you don't believe"
WRITER_PRONOUNS = frozenset("i we you us".split())
#: finite reporting verbs that end a source noun phrase ("Gaetz said video footage" is no source)
FINITE_SPEECH = frozenset("said says say told tells wrote writes stated".split())


def is_function_word(word: str) -> bool:
    """A function word; an acronym in capitals is a name ("WHO", the World Health Organization), not one."""
    return word.lower() in FUNCTION_WORDS and not (len(word) > 1 and word.isupper()) and not is_name_may(word)


def words(text: str, span: Span) -> list[str]:
    return WORD.findall(text, span[0], span[1])  # WORD has no group: the whole matches


def inside_word(text: str, pos: int) -> bool:
    """True when ``pos`` falls between two characters of one word or number ("x|yz", "260,|000")."""
    if pos <= 0 or pos >= len(text):
        return False
    left, right = text[pos - 1], text[pos]
    if left.isalnum() and right.isalnum():
        return True
    # a digit group separator inside a number: "260,|000", "3.|5"
    if right.isdigit() and left in ",." and pos >= 2 and text[pos - 2].isdigit():
        return True
    return left.isdigit() and right in ",." and pos + 1 < len(text) and text[pos + 1].isdigit()


def cuts_word(text: str, span: Span) -> bool:
    return inside_word(text, span[0]) or inside_word(text, span[1])


def in_quotes(text: str, pos: int, sentence: Span | None) -> bool:
    """An odd number of quote marks between the sentence start and ``pos`` (inside a quotation)."""
    start = sentence[0] if sentence is not None else max(0, pos - 400)
    piece = text[start:pos]
    opened = sum(piece.count(q) for q in "\u201c\u00ab\u201e")
    closed = sum(piece.count(q) for q in "\u201d\u00bb")
    return opened > closed or piece.count('"') % 2 == 1


def time_word_in_source(text: str, source: Span) -> bool:
    raw = words(text, source)
    ws = [w.lower() for w in raw]
    for i, w in enumerate(ws):
        if w in TIME_WORDS and (raw[i].islower() or w in _CALENDAR or (i == 0 and len(ws) > 1)):
            return True
        if w in _AMBIGUOUS_TIME and i > 0 and ws[i - 1] in ("in", "on", "last", "this", "since", "of"):
            return True
    return False


_IRREGULAR_PAST = frozenset("said told wrote spoke swore thought felt knew heard saw found".split())


def past_tense(text: str, cue: Span) -> bool:
    """The cue's verb is in the past ("I said", "we asked"): the writer reports past speech, as a witness."""
    ws = [w.lower() for w in words(text, cue)]
    return any(w.endswith("ed") or w in _IRREGULAR_PAST for w in ws)


#: verbs with which a writer points to their own earlier text ("I wrote", "we noted", "as I explained")
_OWN_WRITING_VERBS = frozenset("wrote written write detailed explained noted pointed".split())
#: a writer's parenthetical reference to their own words: "As I have reported", "since we first noted"
_OWN_WRITING_LEADS = frozenset("as since".split())


def own_writing(text: str, source: Span, cue: Span) -> bool:
    """The writer (a first-person source) points to their own earlier writing: "I wrote", "As we pointed out",
    "since we first noted". That is the writer's voice, not a witness's report of past speech ("I told her")."""
    lead = [w.lower() for w in WORD.findall(text, max(0, source[0] - 12), source[0])][-1:]
    ws = [w.lower() for w in words(text, cue)]
    return bool(lead and lead[0] in _OWN_WRITING_LEADS) or any(w in _OWN_WRITING_VERBS for w in ws)


#: one-word lowercase sources that stand without a determiner: pronouns and collective or mass nouns
_BARE_SOURCES = frozenset(
    "he she it they i we you who whoever one someone somebody anyone anybody everyone everybody nobody none all "
    "both each either neither some many most few others police staff management security intelligence media press "
    "military personnel people congress parliament government leadership two three four five six seven eight nine ten "
    "dozen".split()
)


def bare_singular(ws: list[str]) -> bool:
    """A source of one lowercase word that is neither a pronoun nor a plural or collective noun ("election",
    "sheriff", "first"): an English singular noun phrase needs a determiner, so the source was cut from a longer
    phrase ("the sheriff", "the man who won the election")."""
    if len(ws) != 1:
        return False
    w = ws[0]
    return w.isalpha() and w.islower() and not w.endswith("s") and w not in _BARE_SOURCES


def source_problems(text: str, source: Span, sentence: Span | None = None, cue: Span | None = None) -> list[str]:
    ws = words(text, source)
    if not ws:
        return ["source without words"]
    out = []
    if time_word_in_source(text, source):
        out.append("time phrase in source")
    if is_function_word(ws[-1]):
        out.append("source ends in a function word")
    if (
        len(ws) == 1
        and ws[0].lower() in WRITER_PRONOUNS
        and not in_quotes(text, source[0], sentence)
        and not (cue is not None and past_tense(text, cue) and not own_writing(text, source, cue))
    ):
        out.append("writer's voice as source")
    if ws[0].lower() in _LEADING_PREPOSITIONS:
        out.append("source starts with a preposition")
    if all(is_function_word(w) or w.lower() in _NOT_HEADS or w.isdigit() for w in ws):
        out.append("source without a noun or pronoun head")
    lead = [w.lower() for w in WORD.findall(text, max(0, source[0] - 30), source[0])][-1:]
    if lead and lead[0] in ("if", "unless", "whether"):
        out.append("conditional source")
    if bare_singular(ws):
        out.append("source is a bare singular word")  # "... election told", "sheriff says": the phrase was cut
    if any(w.lower() in FINITE_SPEECH for w in ws):
        out.append("source holds a reporting verb")
    if cue is not None and object_in_apposition(text, source, cue):
        out.append("source is the object of a preposition in an apposition")  # "advisor to X, who wrote"
    if (
        any(w.lower() in _AUXILIARY_VERBS or w in _SOURCE_MODALS for w in ws[1:])
        or (len(ws) == 1 and ws[0].islower() and ws[0].endswith("ing"))
    ):
        out.append("source is a verb phrase")  # "health workers have recorded", "experiencing", "One can imagine"
    elif (
        _holds_past_verb(ws)
        or _pronoun_clause(ws)
        or _PAST_VERB_OBJECT.match(text, source[0], source[1])
        or _ends_in_subject_pronoun(ws)
    ):
        out.append("source holds a clause")  # "the mention of email she laughed", "they speak out on ..."
    if cue is not None and _partitive_apposition(text, source, cue, ws):
        out.append("source is an apposition of an object")  # "caught 232 people, many of them X, but said"
    if cue is not None and source[0] >= cue[1] and words(text, cue)[-1:] and words(text, cue)[-1].lower() in _TELL_FORMS:
        out.append("source is the listener")  # "told passengers over the intercom: ..."
    elif cue is not None and source[0] >= cue[1] and _TO_BETWEEN.match(text[cue[1] : source[0]]):
        out.append("source is the listener")  # "Says to Iranians: ...", "said to reporters" (analyzer 2.9)
    return out


#: "many of them", "some of whom": a partitive that describes a noun phrase before its comma
_PARTITIVES = frozenset("many some most all several few none one two three both each half".split())
#: the cue coordinated with the sentence's own verb after the apposition ("..., many of them criminals, in the
#: sweep but said")
_COORDINATED_CUE = re.compile(r"[^.;:\n]*\b(?:but|and)[ \t]+(?:[a-z]+ly[ \t]+)?$")


def _partitive_apposition(text: str, source: Span, cue: Span, ws: list[str]) -> bool:
    """``ICE officials caught 232 people, many of them criminals, in the sweep but said ...``: a partitive
    apposition after a comma describes the object; the coordinated cue belongs to the sentence's subject
    (analyzer 2.10; the 2.9 card's "not fixed")."""
    if source[1] > cue[0] or len(ws) < 3 or ws[0].lower() not in _PARTITIVES or ws[1].lower() != "of":
        return False
    if ws[2].lower() not in ("them", "whom", "which"):
        return False
    if not text[max(0, source[0] - 3) : source[0]].rstrip(" \t").endswith(","):
        return False
    return _COORDINATED_CUE.fullmatch(text, source[1], cue[0]) is not None


#: forms of "tell": the noun phrase right after them is the listener ("told reporters"), never the speaker
_TELL_FORMS = frozenset("tell tells told telling".split())
#: subject pronouns: a source that opens with one and goes on with a lower-case word is a clause ("they speak out
#: on sexual misconduct (claims)"); not "they themselves", "we all", nor a coordinated subject ("he and other
#: challengers (complained)", analyzer 2.9)
_SUBJECT_PRONOUNS = frozenset("i he she it we they".split())
_PRONOUN_PARTNERS = frozenset(
    "all both each alone too themselves himself herself itself ourselves myself yourself yourselves and or nor".split()
)


#: lower-case modals inside a source make it a verb phrase ("One can imagine (that said terrorists)"; analyzer 2.9);
#: case-sensitive, so "Theresa May" stays a name
_SOURCE_MODALS = frozenset("can could should might must may shall".split())
#: "said to reporters": the noun phrase after the cue's "to" is the listener
_TO_BETWEEN = re.compile(r"\s+to\s+$", re.I)
def _ends_in_subject_pronoun(ws: list[str]) -> bool:
    """ "a list of countries he (said had sent ...)": a longer source that ends in a subject pronoun holds a
    relative clause's subject; who spoke is that pronoun, and the phrase before it is no speaker (analyzer 2.9;
    audit A of stop 26). "X and I" is a coordinated subject."""
    return len(ws) > 1 and ws[-1].lower() in _SUBJECTS_ONLY and ws[-2].lower() not in ("and", "or", "nor", "but")


#: personal subject pronouns (not "it", which ends noun phrases such as "those who wrote it")
_SUBJECTS_ONLY = frozenset("i he she we they".split())


def _pronoun_clause(ws: list[str]) -> bool:
    return (
        len(ws) > 1 and ws[0].lower() in _SUBJECT_PRONOUNS and ws[1].islower() and ws[1] not in _PRONOUN_PARTNERS
    )


#: a past verb with its object inside a source, no relative word before it ("the Homeland Security waved their
#: hand (and said)", "his office contacted the outlet (and said)"); "people who attended the rally" is a noun phrase
_PAST_VERB_OBJECT = re.compile(
    r"(?:(?!\b(?:who|that|which|whom)\b)[^\n])*?\b[a-z]{3,}ed\s+"
    r"(?:their|his|her|its|the|a|an|our|my|your|this|these|those)\b"
)


#: a relative "who" right after a source set off by a comma ("..., who wrote"), adverbs allowed before the cue
_COMMA_WHO = re.compile(r"\s*,\s*who\s+(?:\w+ly\s+)?$")
#: prepositions that attach a noun phrase to the head of an apposition ("advisor to", "chairman of")
_APPOSITION_PREPOSITIONS = frozenset("of to for with at from".split())
#: words that may stand between such a preposition and the source: names, "and", articles
_NAME_JOINERS = frozenset("and the a an".split())


def object_in_apposition(text: str, source: Span, cue: Span) -> bool:
    """ "Peter Daou, former advisor to Hillary Clinton and John Kerry, who wrote ...", "Tom Perez, chairman of
    the DNC, who urged ...": the source is the object of a preposition inside an apposition (names, "and" and an
    article between them), and the relative "who" after it goes back to the apposition's head, not to the
    source. Who spoke is another noun phrase, so this source is wrong."""
    return apposition_start(text, source, cue) is not None


def apposition_start(text: str, source: Span, cue: Span) -> int | None:
    """Where the apposition that holds ``source`` as a prepositional object starts (the comma before it), when
    the relative "who" after the source goes back to the apposition's head (:func:`object_in_apposition`)."""
    if source[1] > cue[0] or _COMMA_WHO.match(text[source[1] : cue[0]]) is None:
        return None
    start = max(0, source[0] - 120)
    piece = text[start : source[0]]
    cut = max(piece.rfind(ch) for ch in ".,;:!?\n\u201c\u201d\"")
    ws = WORD.findall(piece[cut + 1 :])
    i = len(ws) - 1
    while i >= 0 and (ws[i][:1].isupper() or ws[i].lower() in _NAME_JOINERS):
        i -= 1
    if i < 0 or ws[i].lower() not in _APPOSITION_PREPOSITIONS:
        return None
    return start + cut if cut >= 0 and piece[cut] == "," else None


#: subjects after which a past form is a finite verb, not an adjective ("she laughed", "who answered")
_SUBJECTS = frozenset("i he she it we they who which".split())
#: irregular past forms that end a subject's clause ("He went (on to) say")
_CLAUSE_PAST = frozenset("went got made took gave came saw knew thought felt left ran began".split())


#: nouns that end in "-ly" ("whose family moved", "the assembly voted"): not adverbs
_LY_NOUNS = frozenset("family assembly ally rally supply reply monopoly anomaly bully belly jelly lily homily".split())


def _adverb(ws: list[str], i: int) -> bool:
    """``ws[i]`` is an "-ly" adverb ("repeatedly"), not a noun ending in "-ly" or a word after a determiner."""
    w = ws[i]
    if not (w.islower() and w.endswith("ly") and len(w) > 4) or w in _LY_NOUNS:
        return False
    return i == 0 or ws[i - 1].lower() not in _DETERMINERS | {"whose"}


def _holds_past_verb(ws: list[str]) -> bool:
    """A source with a finite past verb inside: a lower-case past form after a subject pronoun, after an -ly adverb
    ("Clinton repeatedly invoked President Obama"), or between names ("Loomer hounded Ellison"). An adjective
    after a determiner ("the retired neurosurgeon") or a relative's last word ("documents CNN obtained") is not."""
    for i in range(1, len(ws)):
        w = ws[i]
        past = (w.islower() and len(w) > 4 and w.endswith("ed")) or w in _CLAUSE_PAST
        if not past:
            continue
        prev = ws[i - 1]
        if prev.lower() in _SUBJECTS or _adverb(ws, i - 1):
            return True
        if (
            prev[:1].isupper()
            and prev.lower() not in _DETERMINERS
            and not prev.endswith(("'s", "\u2019s"))
            and i + 1 < len(ws)
            and ws[i + 1][:1].isupper()
        ):
            return True
    return False


#: finite auxiliaries: inside a source they make it a clause, not a noun phrase
_AUXILIARY_VERBS = frozenset("has have had is are was were will would".split())
_MODAL = frozenset("would could should may might can cannot must shall be".split())
#: "was reported", "is said": the subject of a passive cue is not who spoke
_BE = frozenset("is are was were be been being".split())
#: adverbs between a passive's "be" and its participle ("was later announced", "is also said")
_PASSIVE_ADVERBS = frozenset("also later then now not never already widely first".split())
_PARTICIPLES = frozenset("said told written known seen shown heard thought found".split())
_NEGATION = frozenset(
    "not never n't cannot refuse refuses refused refusing decline declines declined declining".split()
)
_DETERMINERS = frozenset("the a an his her their its our my your these those this wild new latest many".split())
_POSSESSIVE = re.compile(r"\w['\u2019]s?\s+$")
#: "asking him if he would respond", "asked the minister whether": a listener, then the question
_LISTENER_QUESTION = re.compile(
    r"\s+(?:him|her|them|us|me|you|[A-Z][\w'\u2019-]*)\s+(?:if|whether|why|how|what|when|where|who)\b"
)
_QUESTION_AFTER = re.compile(r"\s*(?:whether|if|how|what|why|when|where|who)\b", re.I)


#: prepositions before a plural "-s" cue make it a noun ("hours after reports she had won", "amid claims"); so do
#: quantifiers and the first word of a compound ("in other states", "winning more states", "nation states")
_NOUN_PREPOSITIONS = frozenset(
    "after before of in on with despite amid from following about over for other more most several all both few "
    "nation member swing battleground".split()
)


def _object_of_participle(text: str, cue: Span, before: str) -> bool:
    """ "the law, which first required states to test all students": an "-s" cue right after a lower-case
    past participle is that verb's object, a noun."""
    raw = WORD.findall(text, max(0, cue[0] - 25), cue[0])[-1:]
    return bool(raw) and raw[0].islower() and before.endswith("ed") and len(before) > 4


#: a word right after an "-s" cue that makes the cue a noun: "of" ("claims of abuse") or a participle that
#: modifies a noun ("reports showing that ...", "claims suggesting ..."); after a verb these do not follow
_NOUN_FOLLOWER = re.compile(
    r"\s+(?:of|showing|suggesting|indicating|detailing|describing|linking|citing|alleging|claiming)\b"
)
#: participles that are adjectives after a determiner or quantifier ("the alleged shooter", "a reported 40 deaths",
#: "the purported letter"): a description, not a report of speech
_ADJECTIVE_CUES = frozenset("alleged reported purported".split())
#: quantifiers (beside ``_DETERMINERS``) before such an adjective ("some alleged abuse", "two reported cases")
_QUANTIFIERS = frozenset("some any each every no two several numerous other".split())
#: prepositions before such an adjective ("some for alleged domestic violence", "arrested over reported threats")
_ADJECTIVE_PREPOSITIONS = frozenset("for of over after about on with amid despite against from into".split())
#: what follows the participle when it is a verb after a pronoun quantifier ("some alleged that ...")
_CLAUSE_AFTER = re.compile(r"\s*(?:that|to|how|whether|[,.;:!?]|$)", re.I)
#: particles after a passive participle inside a cue ("were called to", "was pointed out")
_PARTICLES = frozenset("to for on upon out off in up over".split())


#: adjectives that describe reports and claims ("similar reports", "previous claims"); a verb's subject is no such word
_REPORT_ADJECTIVES = frozenset(
    "similar previous recent earlier false unfounded baseless unsubstantiated conflicting numerous multiple initial "
    "unconfirmed".split()
)


def adjective_noun_cue(text: str, cue: Span) -> bool:
    """A one-word "-s" cue right after a lower-case adjective ("similar", "-able", "-ible", "-ous", "-ful") is the
    noun it modifies ("both unbelievable claims", "contemporaneous notes"). Not a sanity rule of the default: the
    ``attribution.adjective_nouns`` option (HISTORY.md 2.6; read off dev3 and dev5, it moves no other split)."""
    ws = words(text, cue)
    if len(ws) != 1 or not ws[0].endswith("s"):
        return False
    raw = WORD.findall(text, max(0, cue[0] - 25), cue[0])[-1:]
    if not raw or not raw[0].islower() or not text[cue[0] - 1 : cue[0]].isspace():
        return False
    w = raw[0]
    return w in _REPORT_ADJECTIVES or (len(w) > 5 and w.endswith(("able", "ible", "ous", "ful")))


#: adverbs that hedge a claim without naming who made it: as a cue on their own they report no speech
_HEDGE_ADVERBS = frozenset("reportedly allegedly supposedly purportedly".split())


def _infinitive(text: str, cue: Span, ws: list[str]) -> bool:
    """The cue is an infinitive after "to" outside the cue span ("goes to show", "wanted to show", "failed to
    respond"): a purpose, wish or failure, not speech; "according to" and "went on to say" are speech."""
    if not ws or ws[0] in ("according", "to"):
        return False
    lead = [w.lower() for w in WORD.findall(text, max(0, cue[0] - 25), cue[0])][-2:]
    return bool(lead) and lead[-1] == "to" and text[cue[0] - 1 : cue[0]].isspace() and lead[:1] != ["on"]


#: verbs before "to" inside a cue that make the speech an obligation, a wish or a plan, not something said
#: ("needs to explain", "has to tell", "wants to say", "is going to announce")
_OBLIGATION = frozenset("need needs needed have has had ought got want wants wanted going".split())


def _obligation(ws: list[str]) -> bool:
    """ "Ms. Haspel needs to explain ...": the writer's demand (or a plan), not a report of what was said."""
    return any(w == "to" and i > 0 and ws[i - 1] in _OBLIGATION for i, w in enumerate(ws[:-1]))


def cue_problems(text: str, cue: Span, sentence: Span | None = None) -> list[str]:
    """A cue that reports nothing: hypothetical (``could admit``, ``to explain``), negated (``refuses to say``),
    or a question without an answer (``asked whether``). A headline's cue (``Trump Threatens To ...``) is a cue
    like any other: the annotation guideline marks headline attributions."""
    ws = [w.lower() for w in words(text, cue)]
    before = [w.lower() for w in WORD.findall(text, max(0, cue[0] - 25), cue[0])
              if not (is_name_may(w) and text[cue[0]].islower())][-1:]  # "Theresa May said": a name, not a modal
    out = []
    if (
        any(w in _MODAL for w in ws + before)
        or (ws[:1] == ["to"] and len(ws) > 1)
        or _infinitive(text, cue, ws)
        or _obligation(ws)
    ):
        out.append("hypothetical cue")
    if ws and all(w in _HEDGE_ADVERBS or w in _AUXILIARY_VERBS or w in _BE for w in ws):
        out.append("cue is a hedge adverb")  # "he has allegedly ...", "Mueller reportedly is ...": no one speaks
    lead = [w.lower() for w in WORD.findall(text, max(0, cue[0] - 40), cue[0])]
    while lead and (lead[-1] in _PASSIVE_ADVERBS or lead[-1].endswith("ly")):
        lead.pop()  # "it was later announced", "were reportedly told"
    passive_be = any(w in _BE for w in ws[:-1]) or (bool(lead) and lead[-1] in _BE)
    verb = ws[:-1] if len(ws) > 1 and ws[-1] in _PARTICLES else ws  # "were called to", "was pointed out"
    if passive_be and verb and (verb[-1] in _PARTICIPLES or verb[-1].endswith("ed")):
        out.append("passive cue")
    if any(w in _NEGATION or w.endswith(("n't", "n\u2019t")) for w in ws):
        out.append("negated cue")
    if ws and ws[-1].startswith("ask") and (
        _QUESTION_AFTER.match(text, cue[1]) or _LISTENER_QUESTION.match(text, cue[1])
    ):
        out.append("question without an answer")
    if ws and ws[0] in _LEADING_PREPOSITIONS | {"of", "in", "on", "at"} and ws[0] != "according":
        out.append("cue starts with a preposition")
    if len(ws) == 1 and ws[0].endswith("s") and before and (before[0] in _DETERMINERS or _POSSESSIVE.search(
        text, max(0, cue[0] - 4), cue[0]
    ) or before[0] in _NOUN_PREPOSITIONS or _object_of_participle(text, cue, before[0])):
        out.append("cue is a noun")  # "the wild claims", "Trump's tweets", "hours after reports", "required states"
    elif len(ws) == 1 and _POSSESSIVE.search(text, max(0, cue[0] - 4), cue[0]):
        out.append("cue is a noun")  # "Cardinal Burke's reply to my question", "A Democratic mayor's warning"
    elif len(ws) == 1 and ws[0].endswith("s") and _NOUN_FOLLOWER.match(text, cue[1]):
        out.append("cue is a noun")  # "incident reports showing ...", "claims of victimhood"
    adjective_lead = _DETERMINERS | _QUANTIFIERS | _ADJECTIVE_PREPOSITIONS
    if len(ws) == 1 and ws[0] in _ADJECTIVE_CUES and before and before[0] in adjective_lead and not (
        _CLAUSE_AFTER.match(text, cue[1])
    ):
        out.append("cue is an adjective")  # "the alleged shooter", "some for alleged domestic violence"
    if hyphenated(text, cue):
        out.append("cue inside a hyphenated word")  # "DFL-endorsed candidate", "the oft-repeated notion"
    if ws and ws[-1] in _ADD_FORMS and _QUANTITY_OBJECT.match(text, cue[1]):
        out.append("cue adds a quantity")  # "we added 1 million private sector jobs": an increase, not speech
    if ws and ws[-1] in _AGREE_FORMS and _TO_AFTER.match(text, cue[1]):
        out.append("cue agrees to act")  # "Patel agreed to bring it by": a commitment, not what was said
    if ws and ws[-1] in _PLEAD_FORMS and _PLEA.match(text, cue[1]):
        out.append("cue is a plea")  # "pleaded guilty to two counts": a plea in court, no words reported
    if ws and ws[-1] in _TELL_FORMS and (_TELL_TRUTH.match(text, cue[1]) or _TOLD_OBJECT_BEFORE.search(
        text, max(0, cue[0] - 40), cue[0]
    )):
        out.append("cue tells the truth or a lie")  # "he told the truth about ...", "the lies he tells": no words
    if ws and ws[-1].startswith("explain") and before and before[0] in _HELP_FORMS:
        out.append("cue explains a cause")  # "This helps explain why ...": a cause, nobody speaks (analyzer 2.9)
    if ws and ws[-1] in _CALL_FORMS and _NAMING_LEAD.search(text, max(0, cue[0] - 40), cue[0]):
        out.append("cue names something")  # "what it calls 'psychographic' profiles": a label (analyzer 2.9)
    if lead and lead[-1].endswith(_BE_CLITICS) and verb and verb[-1] in _PARTICIPLES:
        out.append("passive cue")  # "We're told Paddock shot himself": the subject is the listener
    if ws and ws[-1] == "states" and _STATES_NOUN_FOLLOWER.match(text, cue[1]):
        out.append("cue is a noun")  # "increasingly diverse states have been ...", "key states like Iowa"
    if ws and ws[-1] == "say" and (ws[-2:-1] or before[:1] or [""])[0] in _SAY_NOUN_LEAD:
        out.append("cue is a noun")  # "Lynch still has the final say", "a say in the matter"
    if any(w.startswith("ask") for w in ws) and ("about" in ws or _ABOUT_AFTER.match(text, cue[1])):
        out.append("question without an answer")  # "Asked about her own vote, ...": the topic of a question
    return out


#: what follows "states" as a plural noun, never the verb ("key states like Iowa", "diverse states have been",
#: "non-Muslim states without any letup"); the verb takes a clause, a quotation or "that"
_STATES_NOUN_FOLLOWER = re.compile(
    r"\s*(?:[\u2014\u2013]|--)|\s*,?\s+(?:like|such|including)\b|\s+(?:that\s+)?(?:have|has|had|are|were|would|will|"
    r"could|can|should|may|might|must|do|does|did|is|was)\b|\s+(?:without|across|where|which|who|whose|of|and|or)\b"
)
#: words before "say" that make it a noun ("the final say", "a say", "no say")
_SAY_NOUN_LEAD = frozenset("the a final no any some more little equal their his her its our my".split())
_ABOUT_AFTER = re.compile(r"\s+about\b", re.I)


_AGREE_FORMS = frozenset("agree agrees agreed agreeing".split())
_TO_AFTER = re.compile(r"\s+to\b", re.I)
_PLEAD_FORMS = frozenset("plead pleads pleaded pled pleading".split())
_PLEA = re.compile(r"\s+(?:not\s+)?(?:guilty|no\s+contest)\b", re.I)
_TELL_TRUTH = re.compile(
    r"\s+(?:(?:the|a|an|his|her|their|its|our|my|your|no|any)\s+)?(?:truth|lies?|fibs?|stories|jokes|tales)\b", re.I
)
#: the object before a relative "tell" ("the lies he tells", "the stories they told"): a description (analyzer 2.9)
_TOLD_OBJECT_BEFORE = re.compile(
    r"\b(?:truth|lies?|fibs?|stories|story|jokes?|tales?)\s+(?:that\s+)?(?:he|she|they|we|i|you)\s+(?:\w+ly\s+)?$",
    re.I,
)
_HELP_FORMS = frozenset("help helps helped helping".split())
_CALL_FORMS = frozenset("call calls called calling".split())
#: "what X calls Y": naming, not a report of speech
_NAMING_LEAD = re.compile(r"\bwhat\s+(?:[\w'\u2019.-]+\s+){1,3}$", re.I)
#: "we're", "I'm": the subject and a form of "be" written as one word
_BE_CLITICS = ("'re", "\u2019re", "'m", "\u2019m")


_ADD_FORMS = frozenset("add adds added adding".split())
#: a quantity right after "added" ("added 1 million jobs", "added about $40 billion"): the verb means "increased"
_QUANTITY_OBJECT = re.compile(
    r"\s+(?:(?:about|nearly|almost|roughly|some|another|over|more\s+than|an\s+additional|at\s+least)\s+)?"
    r"(?:[$\u00a3\u20ac]?\d|(?:a|one|two|three|four|five|six|seven|eight|nine|ten|hundreds|thousands|millions)\s+"
    r"(?:hundred|thousand|million|billion|more|new)\b)"
    r"|\s+more\s+(?!than\b)[a-z]"  # "the confusion added more minutes to ...", "it added more questions" (2.9)
    r"|\s+up\s+(?:the|each|all|every|those|these|their|his|her|its|our|\d)",  # "added up each column" (2.10)
    re.I,
)


def hyphenated(text: str, cue: Span) -> bool:
    """The cue starts right after a hyphen that joins it to the word before ("DFL-endorsed", "oft-repeated"):
    a compound adjective, and the source before it would be cut inside that word."""
    return cue[0] >= 2 and text[cue[0] - 1] == "-" and text[cue[0] - 2].isalnum()


def content_problems(text: str, content: Span | None) -> list[str]:
    if content is None:
        return ["no content"]
    out = []
    if cuts_word(text, content):
        out.append("content cut inside a word or number")
    ws = words(text, content)
    if not any(w.lower() not in FUNCTION_WORDS for w in ws):
        out.append("content without a content word")
    elif len(ws) < 2 and not (content[0] > 0 and text[content[0] - 1] in "\"\u201c\u00ab'\u2018"):
        out.append("content of one word")
    if len(ws) > 1 and ws[-1].lower() in CLAUSE_OPENERS and not _closed_by_quote(text, content):
        out.append("content ends where a clause opens")  # "..., every year, but", "... the inquiry, which"
    return out


#: conjunctions and relative words that open a clause: a content ending in one was cut before that clause
CLAUSE_OPENERS = frozenset(
    "and but or nor which who whom whose when while although though because if".split()
)


def _closed_by_quote(text: str, content: Span) -> bool:
    """The content is the inside of a quotation (a speaker may break off: '"... and,"')."""
    return text[content[1] : content[1] + 2].lstrip(",.!?;:")[:1] in ("\u201d", '"')


def problems(
    text: str,
    source: Span | None,
    cue: Span,
    content: Span | None,
    sentence: Span | None = None,
    *,
    speech_cue: bool = True,
) -> list[str]:
    """Every sanity rule the attribution breaks (empty: it passes)."""
    out = source_problems(text, source, sentence, cue) if source is not None else []
    if not speech_cue:
        out.append("cue not a speech, reporting or writing predicate")
    out += cue_problems(text, cue, sentence)
    if content is not None and described_words(text, cue, content):
        out.append("content describes what was said")
    return out + content_problems(text, content)


#: forms of "say": after them a free relative ("said what many of us thought") describes the words, it does not
#: give them
_SAY_FORMS = frozenset("say says said saying".split())
_FREE_RELATIVE = re.compile(r"\s*what\b", re.I)


def described_words(text: str, cue: Span, content: Span) -> bool:
    """ "X said what ...": the writer describes the words ("Lemon said what is clearly racist"), so neither that
    description nor any other span is what was said."""
    ws = [w.lower() for w in words(text, cue)]
    return bool(ws) and ws[-1] in _SAY_FORMS and _FREE_RELATIVE.match(text, cue[1]) is not None
