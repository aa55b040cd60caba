"""Learned real-news scorers of the claims analyzer (issue 13): hedge cue candidates and claim sentences.

Both are logistic regressions over general, hand-named features of the text (no lexicon read off an error list),
fitted by :mod:`presslens.training.realnews_claims` on the gold of the real-news splits (PTC train articles), with
the L2 strength chosen by leave-one-split-out: analyzer 1.11 fits both on the six open splits (dev .. dev6).
Weights are JSON
(``models/claims/realnews_scorers.json``); applying them is a dot product in numpy.

- :func:`cue_features`: a hedge cue candidate (:func:`presslens.text.hedging.claim_cue_candidates`) in its claim
  sentence: cue class and lemma, modal kind, inside a quote, reported by a speech verb, question, negation,
  first person, conditional or concessive clause, position in the sentence and relative to the first verb-like
  word, the CheckThat! probability of the sentence and its sentence embedding (the shared encoder's). The
  scorer's probability is P(the cue hedges a sentence that a careful reader marks as a hedged claim).
- :func:`sentence_features`: a claim sentence: the CheckThat! probability, the best class score of its cue
  candidates (:data:`presslens.text.hedging.HEDGE_CLASS_SCORES`), its forecast flag, question, first-person and
  opinion markers, a figure, an attribution (speech verb or "according to"), length and position in the article;
  optionally (``extended``; not shipped, model card) also general markers of opinion and rhetoric versus a
  checkable report (evaluative words, intensifiers, an obligation modal, "!", title case, no final stop, a closing
  colon, a quote fragment, capitalised words, a date word, past-tense verbs); and (``article``, analyzer 1.9; an
  option: model card 1.11) the
  article profile (:func:`article_profile`: mean CheckThat! logit, shares of units with an attribution and with a
  figure, mean past-verb rate of the whole article). The scorer's probability is P(a careful reader marks the
  sentence as a claim).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from presslens.encoder import DIM
from presslens.text.wordstarts import FoldedPattern

MODEL_FILE = Path(__file__).resolve().parents[2] / "models" / "claims" / "realnews_scorers.json"
KEPT_FILE = Path(__file__).resolve().parents[2] / "models" / "claims" / "realnews_claim_profile.json"
"""the claim scorer with the article profile of the claims option ``claim_gate=kept`` (s29, helper claims17;
``python -m presslens.training.realnews_claims_profile CACHE --write``)"""
NEIGHBOURS_FILE = Path(__file__).resolve().parents[2] / "models" / "claims" / "realnews_claim_neighbours.json"
"""the claim scorer with the neighbourhood columns of the claims option ``claim_gate=neighbours`` (s31, helper
claims19; ``python -m presslens.training.realnews_claims_profile CACHE --write-neighbours``)"""
CAPPED_NEIGHBOURS_FILE = (Path(__file__).resolve().parents[2] / "models" / "claims"
                          / "realnews_claim_neighbours_capped.json")
"""the claim scorer with three neighbourhood columns of the claims option ``claim_gate=neighbours_capped`` (s32,
helper claims20; ``python -m presslens.training.realnews_claims_profile CACHE --write-capped-neighbours``)"""

_EPS = 1e-4
IGNORE_CASE = re.IGNORECASE

#: the cue classes of :func:`presslens.text.hedging.cue_class`, in feature order
CUE_CLASSES = (
    "evidential adverb", "hearsay", "seem/appear", "uncertainty", "modal", "evidence verb", "possibility",
    "adjective", "evidence noun", "speculative adverb", "modal, root reading", "modal, concession",
    "modal, could have",
)
#: cue lemmas with a feature of their own (others share "other")
CUE_LEMMAS = (
    "may", "might", "could", "must", "reportedly", "allegedly", "likely", "probably", "possibly", "perhaps",
    "maybe", "apparently", "appear", "seem", "suggest", "indicate", "unclear", "believe", "say",
)
_LEMMA_OF = {
    "appears": "appear", "appeared": "appear", "seems": "seem", "seemed": "seem", "suggests": "suggest",
    "suggested": "suggest", "suggesting": "suggest", "indicates": "indicate", "indicated": "indicate",
    "indication": "indicate", "indications": "indicate", "believed": "believe", "said": "say", "unlikely": "likely",
}
_WORD = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?")
_SPEECH = re.compile(
    r"\b(?:said|says|say|told|tells|announced|warned|stated|claimed|claims|added|wrote|writes|reported|reports|"
    r"insisted|explained|noted|argued|according\s+to|tweeted|testified|alleged|insists)\b",
    IGNORE_CASE,
)
_PREPOSITIONS = frozenset("for of with by over about against from in on to at after before without".split())
_RULE_AFTER = re.compile(
    r"\s+(?:not\s+)?(?:be\s+(?:subject|required|eligible|allowed|permitted|entitled|used|asked|granted)|apply|"
    r"qualify|request|choose|opt|enter|vote|use|contact|submit|receive)\b",
    IGNORE_CASE,
)
_NEGATION = re.compile(r"\b(?:not|never|no)\b|n['’]t\b", IGNORE_CASE)
_CONDITIONAL = re.compile(r"\b(?:if|unless|whether)\b", IGNORE_CASE)
_CONCESSIVE = re.compile(r"\b(?:while|whilst|although|though)\b", IGNORE_CASE)
_FIRST_PERSON = frozenset("i we me us my our".split())
_SECOND_PERSON = frozenset("you your".split())
_AUXILIARIES = frozenset(
    "is are was were be been being has have had do does did will would can shall should may might could must".split()
)
_QUOTES_OPEN = "“‘«"
_QUOTES_CLOSE = "”’»"
_DIGIT = re.compile(r"\d")
_NUMBER_WORD = re.compile(
    r"\b(?:hundreds?|thousands?|millions?|billions?|dozens?|percent|two|three|four|five|six|seven|eight|nine|ten)\b",
    IGNORE_CASE,
)
_OPINION = re.compile(
    r"\b(?:I|we)\s+(?:think|believe|feel|hope|want|need|know)\b|\b(?:should|ought\s+to|must)\b|!|"
    r"\b(?:disgrace\w*|shameful|outrageous|ridiculous|absurd|pathetic|evil|stupid|wonderful|terrible)\b",
    IGNORE_CASE,
)


def logit(p: float) -> float:
    p = min(max(p, _EPS), 1.0 - _EPS)
    return math.log(p / (1.0 - p))


def _lemma(cue: str) -> str:
    words = cue.lower().replace("’", "'").split()
    for word in words:
        word = word.replace("n't", "")
        word = _LEMMA_OF.get(word, word)
        if word in CUE_LEMMAS:
            return word
    return "other"


def _inside_quote(sentence: str, start: int) -> bool:
    """A cue after an unclosed quotation mark of its sentence (curly, or an odd number of straight ones)."""
    before = sentence[:start]
    curly = sum(before.count(c) for c in _QUOTES_OPEN) - sum(before.count(c) for c in "”»")
    return curly > 0 or before.count('"') % 2 == 1


def _first_verb_index(words: list[str]) -> int:
    """Index of the first auxiliary or -ed/-s verb-like word after the first word (a rough main verb), else -1."""
    for i, word in enumerate(words):
        low = word.lower()
        if low in _AUXILIARIES or (i > 0 and low.endswith("ed") and len(low) > 4):
            return i
    return -1


def cue_feature_names(extended: bool = True) -> list[str]:
    """The cue scorer's features; ``extended``: with the context markers of analyzer 1.8 (last seven)."""
    names = [f"class={c}" for c in CUE_CLASSES] + [f"lemma={w}" for w in (*CUE_LEMMAS, "other")]
    names += [
        "modal + have", "modal + be", "negated", "in quote", "speech verb before", "speech verb after",
        "question", "conditional before", "concessive before", "first person", "second person", "relative position",
        "before first verb", "in first clause", "headline", "candidates in sentence", "claim logit",
    ]
    if not extended:
        return names
    return names + [
        "comparative before", "after preposition", "gerund after", "rule word after", "after relative pronoun",
        "soon after", "negation after",
    ]


def cue_features(sentence: str, start: int, end: int, cue_class: str, claim_p: float, headline: bool,
                 candidates: int) -> list[float]:
    """The features (:func:`cue_feature_names` order) of the cue ``sentence[start:end]`` of class ``cue_class``;
    ``claim_p`` is the sentence's CheckThat! probability, ``candidates`` the number of cue candidates in it."""
    cue = sentence[start:end]
    lemma = _lemma(cue)
    before, after = sentence[:start], sentence[end:]
    words_before = _WORD.findall(before)
    after_words = _WORD.findall(after[:40].lower())
    nxt = after_words[0] if after_words else ""
    nxt2 = after_words[1] if len(after_words) > 1 else ""
    modal = lemma in {"may", "might", "could", "must"}
    negated = bool(_NEGATION.search(cue)) or nxt == "not" or bool(
        words_before and words_before[-1].lower() in {"not", "never", "no"})
    window = before[-60:]
    subject_words = [w.lower() for w in words_before[-3:]]
    first_verb = _first_verb_index(_WORD.findall(sentence))
    comma = sentence.find(",")
    row = [float(cue_class == c) for c in CUE_CLASSES]
    row += [float(lemma == w) for w in (*CUE_LEMMAS, "other")]
    row += [
        float(modal and (nxt == "have" or nxt2 == "have")),
        float(modal and (nxt == "be" or nxt2 == "be")),
        float(negated),
        float(_inside_quote(sentence, start)),
        float(_SPEECH_F.has(before)),
        float(_SPEECH_F.has(after)),
        float(sentence.rstrip().rstrip("\"'”’)").endswith("?")),
        float(bool(_CONDITIONAL.search(window))),
        float(bool(_CONCESSIVE.search(before[-120:]))),
        float(not _FIRST_PERSON.isdisjoint(subject_words)),
        float(not _SECOND_PERSON.isdisjoint(subject_words)),
        start / max(1, len(sentence)),
        float(first_verb < 0 or len(words_before) <= first_verb),
        float(comma < 0 or start < comma),
        float(headline),
        float(min(candidates, 4)) / 4.0,
        logit(claim_p),
        # "more likely to": a statistical comparison, not uncertainty
        float(bool(words_before) and words_before[-1].lower() in {"more", "less", "as"}),
        # a label adverb of an accusation: "for purportedly discriminating", "of allegedly taking"
        float(bool(words_before) and words_before[-1].lower() in _PREPOSITIONS),
        float(nxt.endswith("ing") and len(nxt) > 4),
        # permission or rule: "may be subject to", "may apply", "may not enter"
        float(modal and bool(_RULE_AFTER.match(after))),
        # "documents that could shed light": a capacity of the thing named
        float(bool(words_before) and words_before[-1].lower() in {"that", "which", "who"}),
        float(bool(re.match(r"\W*(?:\w+\W+)?soon\b", after, IGNORE_CASE))),
        float(bool(re.match(r"\W*(?:not|never)\b", after, IGNORE_CASE))),
    ]
    return row


# General markers of opinion and rhetoric versus a checkable report (issue 13 s21: opinion, value judgements and
# rhetoric were 20 of 45 wrong dev4 claims). Lexicons are general English, not read off an error list.
_EVALUATIVE = re.compile(
    r"\b(?:disgrace\w*|shameful|outrageous|ridiculous|absurd|pathetic|evil|stupid|wonderful|terrible|horrible|"
    r"awful|amazing|incredible|insane|crazy|disgusting|despicable|shocking|appalling|sickening|hypocri\w+|"
    r"idiot\w*|moron\w*|fool\w*|lunatic\w*|radical|extremist|corrupt|wicked|vile|brilliant|magnificent|"
    r"tragic|sad|sadly|unfortunately|fortunately|shame|scandal\w*|hoax|sham|farce|lies|liars?|lying|"
    r"dishonest|nonsense|garbage|propaganda|tyrann\w*|traitor\w*|treason\w*|betray\w*|cowardly|coward)\b",
    IGNORE_CASE,
)
_INTENSIFIER = re.compile(
    r"\b(?:very|so|truly|clearly|obviously|simply|absolutely|utterly|totally|completely|really|indeed|"
    r"certainly|surely|of course|undoubtedly|never|ever|always|everyone|nobody|nothing|everything)\b",
    IGNORE_CASE,
)
_OBLIGATION = re.compile(r"\b(?:should|must|ought\s+to|need\s+to|needs\s+to|have\s+to|has\s+to)\b", IGNORE_CASE)
_DATE_WORD = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|last\s+(?:week|month|year)|"
    r"january|february|march|april|june|july|august|september|october|november|december|(?:19|20)\d\d)\b",
    IGNORE_CASE,
)
_PAST_VERB = re.compile(r"\b(?:was|were|had|did|[a-z]{3,}ed)\b")
# the same patterns, answered faster on ASCII sentences (presslens.text.wordstarts.FoldedPattern)
_SPEECH_F = FoldedPattern(_SPEECH)
_NUMBER_WORD_F = FoldedPattern(_NUMBER_WORD)
_EVALUATIVE_F = FoldedPattern(_EVALUATIVE)
_INTENSIFIER_F = FoldedPattern(_INTENSIFIER)
_OBLIGATION_F = FoldedPattern(_OBLIGATION)
_DATE_WORD_F = FoldedPattern(_DATE_WORD)


#: the article profile of analyzer 1.9: what kind of text the sentence stands in (a report that attributes,
#: counts and narrates past events, or a column that argues), the same for every sentence of an article
ARTICLE_FEATURES = ("article claim logit", "article attribution share", "article figure share", "article past verbs")


def sentence_feature_names(extended: bool = True, article: bool = False) -> list[str]:
    """The claim scorer's features; ``extended``: with the opinion/rhetoric markers of analyzer 1.8; ``article``:
    with the article profile (:data:`ARTICLE_FEATURES`, :func:`article_profile`) of analyzer 1.9, last."""
    base = [
        "claim logit", "hedge score", "forecast", "question", "first person", "second person", "opinion marker",
        "figure", "attribution", "log words", "headline", "relative position", "quote marks",
    ]
    if extended:
        base += [
            "evaluative words", "intensifiers", "obligation modal", "exclamation", "title case", "no final stop",
            "ends in colon", "quote continuation", "starts quoted", "capitalised words", "date word", "past verb",
        ]
    return base + list(ARTICLE_FEATURES) if article else base


def sentence_feature_set(names: Sequence[str]) -> tuple[bool, bool]:
    """(extended, article) of the claim scorer whose features are ``names``; ValueError for any other list."""
    for extended in (False, True):
        for article in (False, True):
            if list(names) == sentence_feature_names(extended, article):
                return extended, article
    raise ValueError(f"claim scorer features {list(names)} match no feature set of this code")


def _past_verb_rate(sentence: str) -> float:
    return min(1.0, 5.0 * len(_PAST_VERB.findall(sentence)) / max(1, len(_WORD.findall(sentence))))


@lru_cache(maxsize=512)
def _sentence_marks(sentence: str) -> tuple[bool, bool, float]:
    """(a speech verb or "according to", a figure, :func:`_past_verb_rate`) of ``sentence``: read by both the
    article profile and the sentence's own features, so computed once per sentence."""
    return (_SPEECH_F.has(sentence), bool(_DIGIT.search(sentence)) or _NUMBER_WORD_F.has(sentence),
            _past_verb_rate(sentence))


def article_profile(texts: Sequence[str], probs: Sequence[float]) -> list[float]:
    """The article profile (:data:`ARTICLE_FEATURES` order) of an article's claim units ``texts`` with their
    CheckThat! probabilities: the mean claim logit / 4, the share of units with a speech verb or "according to",
    the share with a figure, and the mean past-verb rate. General markers of genre, not read off errors: news
    reports attribute, count and narrate, columns argue."""
    n = max(1, len(texts))
    marks = [_sentence_marks(t) for t in texts]
    return [
        sum(logit(float(p)) for p in probs) / n / 4.0,
        sum(m[0] for m in marks) / n,
        sum(m[1] for m in marks) / n,
        sum(m[2] for m in marks) / n,
    ]


def sentence_features(sentence: str, claim_p: float, hedge_score: float, forecast: bool, index: int | None,
                      count: int | None, extended: bool = True, profile: Sequence[float] | None = None) -> list[float]:
    """The features (:func:`sentence_feature_names` order) of a claim sentence; ``index`` / ``count`` its
    position among the article's sentences (None for a sentence without an article: middle, no headline);
    ``profile``: the article profile (:func:`article_profile`), appended when given."""
    row = _sentence_features(sentence, claim_p, hedge_score, forecast, index, count, extended)
    return row + [float(v) for v in profile] if profile is not None else row


def _sentence_features(sentence: str, claim_p: float, hedge_score: float, forecast: bool, index: int | None,
                       count: int | None, extended: bool) -> list[float]:
    raw = _WORD.findall(sentence)
    words = [w.lower() for w in raw]
    n = max(1, len(words))
    speech, figure, past_rate = _sentence_marks(sentence)
    first = sum(w in _FIRST_PERSON for w in words)
    second = sum(w in _SECOND_PERSON for w in words)
    position = 0.5 if index is None or not count else index / max(1, count - 1)
    row = [
        logit(claim_p),
        hedge_score,
        float(forecast),
        float(sentence.rstrip().rstrip("\"'”’)").endswith("?")),
        min(1.0, 5.0 * first / n),
        min(1.0, 5.0 * second / n),
        float(bool(_OPINION.search(sentence))),
        float(figure),
        float(speech),
        math.log1p(len(words)) / 4.0,
        float(index == 0),
        position,
        float(any(c in sentence for c in '"“”')),
    ]
    if not extended:
        return row
    stripped = sentence.strip()
    tail = stripped.rstrip("\"'”’)] ")
    closes = sum(sentence.count(c) for c in "”»")
    inner = raw[1:]
    return row + [
        min(1.0, float(_EVALUATIVE_F.count(sentence)) / 2.0),
        min(1.0, 5.0 * _INTENSIFIER_F.count(sentence) / n),
        float(_OBLIGATION_F.has(sentence)),
        float("!" in sentence),
        float(len(raw) >= 3 and sum(w[:1].isupper() for w in raw) >= 0.7 * len(raw)),
        float(not tail.endswith((".", "!", "?", ":", ";"))),
        float(tail.endswith(":")),
        float(closes > 0 and not any(c in sentence for c in "“«") and stripped[:1] not in "\"“"),
        float(stripped[:1] in "\"“‘'"),
        min(1.0, 3.0 * sum(w[:1].isupper() for w in inner) / max(1, len(inner))),
        float(_DATE_WORD_F.has(sentence)),
        past_rate,
    ]


MODAL_CONTEXT_FEATURES = ("modal well after", "modal progressive", "modal passive", "modal stative verb",
                          "modal event verb", "modal expletive subject", "modal personal subject",
                          "modal wh- or purpose before")
"""the cue-level columns of :func:`modal_context` (``genre-modal``, ``genre-modal-governor``)"""
REPORTED_PERSONAL_FEATURE = "modal personal subject in reported speech"
"""the column :func:`reported_personal_modal` adds (``genre-modal-governor-reported``, s31, helper hedge21)"""
GOVERNOR_CONTEXT_FEATURES = ("governor belief or report", "governor directive", "modal in relative clause on a noun")
"""the cue-level columns of :func:`governor_context` (``genre-governor``, ``genre-modal-governor``)"""
#: the extra cue-scorer columns of the cue contexts (s28 on, helpers hedge16 to hedge20; trainer settings): an
#: opinion sentence versus a reported or factual one, read in the cue's unit (``opinion``), from the unit's claim
#: score (``claim-score``) or from the article (``genre``), the ``genre-...`` contexts adding cue-level columns; the
#: shipped cue scorer carries ``genre-modal-governor`` (claims 1.16)
CUE_CONTEXT_FEATURES: dict[str, tuple[str, ...]] = {
    "opinion": ("unit evaluative words", "unit intensifiers", "unit obligation modal", "unit first/second person"),
    "claim-score": ("unit claim score logit",),
    "genre": tuple(f"cue {n}" for n in ARTICLE_FEATURES),
    "genre-position": (*(f"cue {n}" for n in ARTICLE_FEATURES), "cue speech verb just before",
                       "cue speech verb just after", "cue after complementiser", "cue sentence-initial"),
    "genre-modal": (*(f"cue {n}" for n in ARTICLE_FEATURES), *MODAL_CONTEXT_FEATURES),
    "genre-token": (*(f"cue {n}" for n in ARTICLE_FEATURES), *(f"cue token projection {i}" for i in range(16))),
    "genre-governor": (*(f"cue {n}" for n in ARTICLE_FEATURES), *GOVERNOR_CONTEXT_FEATURES),
    "genre-modal-governor": (*(f"cue {n}" for n in ARTICLE_FEATURES), *MODAL_CONTEXT_FEATURES,
                             *GOVERNOR_CONTEXT_FEATURES),
    "genre-modal-governor-reported": (*(f"cue {n}" for n in ARTICLE_FEATURES), *MODAL_CONTEXT_FEATURES,
                                      *GOVERNOR_CONTEXT_FEATURES, REPORTED_PERSONAL_FEATURE),
}
TOKEN_PROJECTION_SEED = 30
"""the seed of the fixed random projection of the cue's token state (``genre-token``, s30, helper hedge19)"""


def token_projection(dims: int = DIM, width: int = 16) -> np.ndarray:
    """The fixed random projection (``dims`` x ``width``, Gaussian / sqrt(width), seed
    :data:`TOKEN_PROJECTION_SEED`) that reduces a cue's contextual token state to the ``genre-token`` columns: fixed,
    not fitted, so no fold's data enters it."""
    return np.random.default_rng(TOKEN_PROJECTION_SEED).standard_normal((dims, width)) / np.sqrt(width)


POSITION_WINDOW = 6
"""words either side of a cue in which a speech verb counts as the cue's own reporting frame (``genre-position``)"""
_COMPLEMENTISER = frozenset("that whether if".split())


def cue_position_context(sentence: str, start: int, end: int) -> list[float]:
    """The cue-level columns of the ``genre-position`` context (s29, helper hedge18, written before any outcome of
    them, from general syntax, not read off an error list): where the cue stands relative to a reporting verb and to
    its clause, beyond the cue features' whole-sentence "speech verb before / after": a speech verb among the
    :data:`POSITION_WINDOW` words before the cue ("officials said it may"), among those after it ("may, he said"),
    a complementiser ("that" / "whether" / "if") among the three words before it (an embedded clause: "warned that
    X could"), and the cue among the first two words of its unit (a sentence-initial "Perhaps" / "Reportedly")."""
    before = _WORD.findall(sentence[:start])
    after = _WORD.findall(sentence[end:])
    near_before = " ".join(before[-POSITION_WINDOW:])
    near_after = " ".join(after[:POSITION_WINDOW])
    return [
        float(bool(_SPEECH.search(near_before))),
        float(bool(_SPEECH.search(near_after))),
        float(any(w.lower() in _COMPLEMENTISER for w in before[-3:])),
        float(len(before) <= 1),
    ]


_MODAL_LEMMAS = frozenset({"may", "might", "could"})


def is_modal_cue(sentence: str, start: int, end: int) -> bool:
    """Whether the cue ``sentence[start:end]`` begins with "may", "might" or "could" (also with "n't"): the only
    cues :func:`modal_context` and :func:`governor_context` give columns other than 0."""
    words = sentence[start:end].lower().replace("’", "'").split()
    return bool(words) and words[0].replace("n't", "") in _MODAL_LEMMAS


_MODAL_VERB_AFTER = re.compile(
    r"\W*(?:(?:not|then|still|also|easily|even|just|already|never|well|soon|eventually|yet)\W+)*(?P<verb>[a-z]+)"
    r"(?:\W+(?P<next>[a-z]+))?",
    IGNORE_CASE,
)
_PARTICIPLE = re.compile(r"[a-z]{2,}(?:ed|en|wn)|made|held|done|said|told|found|kept|left|built|sent|put|set|hit|"
                         r"lost|paid|sold|brought|bought|caught|taught|thought|fought|hurt|shot|led|fed|met|struck")
_STATIVE_VERBS = frozenset(
    "know mean seem appear remain exist need want depend involve include contain belong own lack matter reflect "
    "represent signal indicate suggest prove explain account hold resemble concern deserve".split()
)
_EXPLETIVE_SUBJECTS = frozenset("it this that there these those which".split())
_PERSONAL_SUBJECTS = frozenset("i you he she we they".split())
_WH_OR_PURPOSE_BEFORE = re.compile(
    r"\b(?:how|what|whatever|wherever|nothing|anything|everything|so|so\s+that|in\s+order\s+that)\b"
    r"(?:\W+[A-Za-z]+){0,3}\W*$",
    IGNORE_CASE,
)


def modal_context(sentence: str, start: int, end: int) -> list[float]:
    """The cue-level columns of the ``genre-modal`` context (s30, helper hedge19, written before any outcome of
    them, from general English syntax of epistemic versus root modals, not read off an error list): all 0 unless the
    cue's first word is "may", "might" or "could". Then: "well" right after it ("may well": epistemic); the verb
    phrase after it (past "not" and a few adverbs) progressive ("could be growing") or passive ("may be used");
    its verb stative ("might mean", "may need": epistemic lean; "be" and "have" are the cue features' own) or a verb
    of occurrence or change (:data:`presslens.text.prediction.EVENT_VERBS`: "could rise"); the word before it an
    expletive or demonstrative subject ("it / there / this may": epistemic lean) or a personal pronoun ("they
    could": agentive, root lean); a wh- word or a purpose "so (that)" among the four words before it ("how they
    could", "so he could": ability or purpose)."""
    from presslens.text.prediction import EVENT_VERBS

    if not is_modal_cue(sentence, start, end):
        return [0.0] * len(MODAL_CONTEXT_FEATURES)
    m = _MODAL_VERB_AFTER.match(sentence, end)
    verb = m.group("verb").lower() if m else ""
    nxt = (m.group("next") or "").lower() if m else ""
    well = bool(re.match(r"\W*well\b", sentence[end:], IGNORE_CASE))
    before = _WORD.findall(sentence[:start])
    subject = before[-1].lower() if before else ""
    return [
        float(well),
        float(verb == "be" and nxt.endswith("ing") and len(nxt) > 4),
        float(verb == "be" and bool(_PARTICIPLE.fullmatch(nxt))),
        float(verb in _STATIVE_VERBS),
        float(verb in EVENT_VERBS),
        float(subject in _EXPLETIVE_SUBJECTS),
        float(subject in _PERSONAL_SUBJECTS),
        float(bool(_WH_OR_PURPOSE_BEFORE.search(sentence, max(0, start - 80), start))),
    ]


GOVERNOR_WINDOW = 12
"""words before a modal cue searched for the verb that governs its clause (``genre-governor``), within its stretch of
the sentence (not across ";", ":", "!", "?")"""
#: the governor classes of ``genre-governor`` (s30, helper hedge20), a small word list written from GUIDELINE.md 5
#: and 8a, not from open-split errors: a modal in a reported belief, fear, claim, report or expectation is epistemic
#: ("residents fear the dam could fail", "officials said it could"); one under a directive or a permission, or in a
#: purpose clause, is root ("told them they could leave", "allowed so they could vote": GUIDELINE 5's permission
#: "may" is no hedge)
GOVERNOR_BELIEF = frozenset(
    "believe believes believed believing belief think thinks thought fear fears feared fearing worry worries worried "
    "worrying warn warns warned warning warnings say says said saying claim claims claimed claiming expect expects "
    "expected expecting expectation expectations concerned concern concerns suggest suggests suggested suggesting "
    "suggestion suggestions report reports reported speculate speculates speculated speculation suspect "
    "suspected argue argues argued predict predicts predicted hope hopes hoped anticipate anticipates anticipated "
    "acknowledge acknowledged admit admits admitted insist insists insisted assume assumed allege alleges alleged "
    "allegations added noted stated".split()
)
GOVERNOR_DIRECTIVE = frozenset(
    "tell tells told telling allow allows allowed allowing permit permits permitted permitting ask asks asked asking "
    "instruct instructs instructed order orders ordered let lets enable enables enabled authorise authorised "
    "authorize authorized urge urged advise advised invite invited".split()
)
_PURPOSE_SO = 4
"""a purpose "so (that)" counts as a directive governor only among the four words before the modal and followed by
"that" or a personal pronoun ("so he could", "so that they could"), where "so" is hardly a "therefore" """
_PURPOSE_SUBJECTS = frozenset("that i you he she we they".split())
_RELATIVE_WORDS = frozenset({"that", "which", "who"})
_GOVERNOR_NOUNS = frozenset(
    "belief fear fears warning warnings expectation expectations concern concerns suggestion suggestions report reports "
    "speculation claim claims "
    "allegations".split()
)
"""the words of the governor lists that may also be the noun a relative clause describes ("claims that could")"""
_NOT_NOUN = frozenset(
    "so such now is was are were be been being and but or than not all this that these those it its they he she we "
    "i you know knew known sure clear fact possible likely also only just even still because if whether".split()
)


def governor_context(sentence: str, start: int, end: int) -> list[float]:
    """The cue-level columns of the ``genre-governor`` context (s30, helper hedge20, written before any outcome of
    them from GUIDELINE.md 5 and 8a, not read off an error list): all 0 unless the cue's first word is "may", "might"
    or "could". Then the nearest word before it, among the :data:`GOVERNOR_WINDOW` words of its stretch of the
    sentence, that is a governor of :data:`GOVERNOR_BELIEF` (a verb or noun of belief, fear, claim, report or
    expectation: "warned that the talks could fail") or of :data:`GOVERNOR_DIRECTIVE` (a directive or permission:
    "told them they could stay"; also a purpose "so (that)" just before: "so he could vote"), one column each; and
    the modal right after "that" / "which" / "who" that follows a noun (any word outside the governor lists but their
    nouns and a few function words, a comma allowed: "documents that could shed light", "suspects, who may"): a
    relative clause that describes a thing (GUIDELINE 8a: a label, not a hedge), where no verb governs the modal's
    clause, so the two governor columns stay 0."""
    if not is_modal_cue(sentence, start, end):
        return [0.0] * len(GOVERNOR_CONTEXT_FEATURES)
    stretch = re.split(r"[;:!?]", sentence[:start])[-1]
    before = [w.lower().replace("’", "'") for w in _WORD.findall(stretch)][-GOVERNOR_WINDOW:]
    # a relative clause on a noun: "that / which / who" is the modal's own subject, so no verb governs its clause
    noun = before[-2] if len(before) >= 2 else ""
    relative = (len(before) >= 2 and before[-1] in _RELATIVE_WORDS and noun not in _NOT_NOUN
                and (noun in _GOVERNOR_NOUNS or (noun not in GOVERNOR_BELIEF and noun not in GOVERNOR_DIRECTIVE))
                and bool(re.search(r"[A-Za-z]\s*,?\s+(?:that|which|who)\s*$", stretch)))
    belief = directive = False
    for k, w in enumerate(reversed(before)):
        if relative:
            break
        if w in GOVERNOR_BELIEF:
            belief = True
            break
        if w in GOVERNOR_DIRECTIVE or (w == "so" and k < _PURPOSE_SO and before[len(before) - k] in _PURPOSE_SUBJECTS):
            directive = True
            break
    return [float(belief), float(directive), float(relative)]


def cue_level_context(context: str, sentence: str, start: int, end: int) -> list[float]:
    """The cue-level columns of a cue context (after the article profile of the ``genre`` contexts): ``genre-position``
    :func:`cue_position_context`, ``genre-modal`` :func:`modal_context`, ``genre-governor`` :func:`governor_context`,
    ``genre-modal-governor`` the last two in turn; none for the other contexts."""
    if context == "genre-position":
        return cue_position_context(sentence, start, end)
    if context == "genre-modal":
        return modal_context(sentence, start, end)
    if context == "genre-governor":
        return governor_context(sentence, start, end)
    if context == "genre-modal-governor":
        return modal_context(sentence, start, end) + governor_context(sentence, start, end)
    if context == "genre-modal-governor-reported":
        modal, governor = modal_context(sentence, start, end), governor_context(sentence, start, end)
        return modal + governor + [reported_personal_modal(sentence, start, end, modal, governor)]
    return []


def reported_personal_modal(sentence: str, start: int, end: int, modal: Sequence[float] | None = None,
                            governor: Sequence[float] | None = None) -> float:
    """1 when a "may / might / could" has a personal-pronoun subject ("she could lose", "he might not be able") and
    stands in reported or quoted speech: its clause governed by a verb of belief, fear, claim or report
    (:func:`governor_context`) or the modal inside a quotation (GUIDELINE.md 5: a cue counts inside quoted or
    reported speech); else 0 (s31, helper hedge21, cue context ``genre-modal-governor-reported``). On its own a
    personal subject marks ability or intent ("they could do"), which the ``modal personal subject`` column carries."""
    modal = modal_context(sentence, start, end) if modal is None else modal
    governor = governor_context(sentence, start, end) if governor is None else governor
    personal = modal[MODAL_CONTEXT_FEATURES.index("modal personal subject")] > 0
    reported = governor[0] > 0 or _inside_quote(sentence, start)
    return float(personal and reported)


def opinion_context(sentence: str) -> list[float]:
    """The ``opinion`` columns (:data:`CUE_CONTEXT_FEATURES`) of a cue's claim unit: general markers of the writer's
    or a speaker's opinion anywhere in the unit (evaluative words, intensifiers, an obligation modal, the rate of
    first- and second-person words), the lexicons of the claim scorer's extended markers (not read off an error
    list); the cue's own features only look at the three words before it."""
    raw = _WORD.findall(sentence)
    words = [w.lower() for w in raw]
    n = max(1, len(words))
    speech, figure, past_rate = _sentence_marks(sentence)
    persons = sum(w in _FIRST_PERSON or w in _SECOND_PERSON for w in words)
    return [
        min(1.0, float(len(_EVALUATIVE.findall(sentence))) / 2.0),
        min(1.0, 5.0 * len(_INTENSIFIER.findall(sentence)) / n),
        float(bool(_OBLIGATION.search(sentence))),
        min(1.0, 5.0 * persons / n),
    ]


NEIGHBOUR_WINDOW = 2
"""claim units either side of a unit whose markers make its neighbourhood (:func:`neighbour_context`)"""
NEIGHBOUR_FEATURES = ("neighbours claim logit", "neighbours attribution share", "neighbours first/second person share",
                      "neighbours opinion marker share")
"""the claim scorer's neighbourhood columns (s31, helper claims19, the profile tool's screen ``neighbours``)"""


CAPPED_NEIGHBOUR_COLUMNS = (0, 2, 3)
"""the :data:`NEIGHBOUR_FEATURES` the option ``claim_gate=neighbours_capped`` reads (s32, helper claims20): all but the
attribution share, which at s31 raised a speaker's opinions between attributed lines (audit B s31)"""


def neighbour_context(texts: Sequence[str], probs: Sequence[float],
                      window: int = NEIGHBOUR_WINDOW) -> list[list[float]]:
    """Per claim unit of an article (``texts`` in order, their CheckThat! probabilities): the
    :data:`NEIGHBOUR_FEATURES` of the units within ``window`` places before and after it (itself excluded): the mean
    CheckThat! logit / 4, the shares with a speech verb or "according to", with a first- or second-person word, and
    with an opinion marker (the claim scorer's own lexicons, not read off an error list). Where the article profile
    says what kind of text the whole article is, this says what the passage around a unit does: a run of argument
    in the writer's voice, of reported speech, of narrated events. A unit with no neighbour gets its own values."""
    marks = []
    for text, p in zip(texts, probs, strict=True):
        words = {w.lower() for w in _WORD.findall(text)}
        marks.append([logit(float(p)) / 4.0, float(bool(_SPEECH.search(text))),
                      float(not (_FIRST_PERSON.isdisjoint(words) and _SECOND_PERSON.isdisjoint(words))),
                      float(bool(_OPINION.search(text)))])
    out = []
    for i in range(len(marks)):
        near = [marks[j] for j in range(max(0, i - window), min(len(marks), i + window + 1)) if j != i] or [marks[i]]
        out.append([sum(m[k] for m in near) / len(near) for k in range(len(NEIGHBOUR_FEATURES))])
    return out


# The writer's stance (s33, helper opinion; the option ``claim_gate=stance``): general English markers that a
# sentence argues or judges in the writer's own voice rather than reports a checkable fact. The lexicons are general
# (evaluative adjectives of praise and blame, discourse markers of argument, emphatic constructions), written from
# English usage, not read off an error list.
_STANCE_EVALUATIVE = re.compile(
    r"\b(?:absurd\w*|abysmal|appalling|arrogan(?:t|ce)|atrocious|awful|bizarre|brilliant|callous|catastroph\w+|"
    r"contemptible|cowardly|craven|crazy|cynical\w*|dangerous|deceitful|deluded|delusional|deplorable|desperate\w*|"
    r"despicable|dire|disastrous\w*|disgrace\w*|disgusting|dishonest|disingenuous|dismal|egregious|evil|"
    r"extraordinar\w+|farcical|feckless|foolish\w*|grotesque|hapless|heinous|hideous|horrendous|horrible|horrific|"
    r"hypocrit\w+|hysteri\w+|idiotic|ignoran(?:t|ce)|illogical|immoral|incompeten(?:t|ce)|incoherent|inept|"
    r"insane|irrational|irresponsible|laughable|ludicrous|magnificent|mindless|miserabl[ey]|misguided|monstrous|"
    r"naive|nasty|nefarious|nonsens\w+|obscen\w+|odious|outrageous\w*|pathetic|petty|pitiful|pointless|"
    r"preposterous|pretentious|reckless\w*|remarkabl[ey]|repugnant|repulsive|ridiculous\w*|ruthless|sad|"
    r"scandalous|senseless|shameful|shameless\w*|shocking|sickening|silly|sinister|sloppy|spineless|stupid\w*|"
    r"superb|terrible|terrific|thuggish|tragic\w*|unacceptable|unconscionable|unforgivable|unhinged|untenable|"
    r"useless|vile|wicked|woeful\w*|wonderful|worthless|wretched)\b",
    IGNORE_CASE,
)
_STANCE_OPENER = re.compile(
    r"^\W*(?:because|and|but|so(?!\s+far\b)|yet|still|indeed|of\s+course|after\s+all|furthermore|moreover|besides|thus|hence|"
    r"therefore|clearly|surely|obviously|evidently|naturally|worse|better\s+still|in\s+short|in\s+other\s+words|"
    r"in\s+fact|in\s+truth|in\s+reality|needless\s+to\s+say|no\s+wonder|make\s+no\s+mistake|let['’]?s|let\s+us|"
    r"imagine|consider|remember|the\s+(?:truth|problem|point|fact|irony|reality|question|trouble|lesson)\s+is)\b",
    IGNORE_CASE,
)
_STANCE_EMPHASIS = re.compile(
    r"^\W*(?:it\s+(?:is|was)\s+(?:not\s+)?(?:only\s+)?[\w’'-]+(?:\s+[\w’'-]+){0,5}\s+(?:that|who)\b|what\s+\w+(?:\s+\w+){0,4}"
    r"\s+(?:is|was)\b)|\bnot\s+only\b|\bnothing\s+(?:but|more\s+than|less\s+than|short\s+of)\b|"
    r"\b(?:little|no)\s+more\s+than\b|\b(?:is|was|are|were)\s+but\s+a\b|\bof\s+all\s+(?:people|things|places)\b",
    IGNORE_CASE,
)
STANCE_FEATURES = ("stance evaluative", "stance intensifier", "stance opener", "stance emphasis",
                   "stance hypothetical")
"""the claim scorer's columns of the option ``claim_gate=stance`` (s33, helper opinion): :func:`stance_markers`"""
STRICT_STANCE_COLUMNS = (0, 3, 4)
"""the :data:`STANCE_FEATURES` of the profile-tool screen ``stance_strict`` (s33, registered after ``stance`` failed
CT24 and held out): evaluative words, an emphatic construction, a hypothetical frame, without the argumentative
opener and the intensifiers, the two markers frequent in spoken claims ("And", "But", "so", "really", "never")"""
_STANCE_CONDITION = re.compile(
    r"(?i:\b(?:if|unless)\b)|(?:^|[.,;:!?]\s+|[\"“‘(]\s*)(?:Had|Should|Were)\s+(?!to\b)[A-Za-z]", re.MULTILINE
)
_STANCE_MODAL = re.compile(r"\b(?:would|could|might)\b|\b(?:wouldn|couldn)['’]t\b|['’]d\b", IGNORE_CASE)


def stance_markers(sentence: str) -> list[float]:
    """The :data:`STANCE_FEATURES` of a claim unit: markers that the unit argues or judges in the writer's voice
    (the share of evaluative words of praise or blame, the rate of intensifiers and certainty adverbs of the claim
    scorer's extended markers, an argumentative opener such as "Because", "And yet", "Of course", "The truth is",
    "Let us", an emphatic construction (a cleft "It is X that", "What X is", "not only", "nothing but", "little more
    than"), a hypothetical frame (an if-clause or an inverted "Had / Should / Were" with would / could / might). All
    zero for a unit with a speech verb or "according to": a reported statement is a claim whatever its content
    (GUIDELINE section 4), so only the writer's own voice is marked."""
    if _SPEECH.search(sentence):
        return [0.0] * len(STANCE_FEATURES)
    words = _WORD.findall(sentence)
    n = max(1, len(words))
    return [
        min(1.0, float(len(_STANCE_EVALUATIVE.findall(sentence)) + len(_EVALUATIVE.findall(sentence))) / 2.0),
        min(1.0, 5.0 * len(_INTENSIFIER.findall(sentence)) / n),
        float(bool(_STANCE_OPENER.search(sentence))),
        float(bool(_STANCE_EMPHASIS.search(sentence))),
        float(bool(_STANCE_CONDITION.search(sentence) and _STANCE_MODAL.search(sentence))),
    ]


def stance_claims(shipped: Sequence[float], stanced: Sequence[float], hedge: Sequence[float],
                  marks: Sequence[Sequence[float]], spared: Sequence[bool] | None = None) -> list[float]:
    """The option ``claim_gate=stance`` (s33, helper opinion; the screen ``stance`` of
    :mod:`presslens.training.realnews_claims_profile`): a unit with a stance marker (any :func:`stance_markers`
    column above 0: unattributed, by construction) and no asserted hedge cue (``hedge`` below
    :data:`~presslens.text.hedging.HEDGE_ASSERTED`) gets the lower of the shipped and the stance scorer's claim
    score; every other unit keeps the shipped score. The gate can only lower a claim, never raise one, and no hedged
    finding moves (hedge = min(claim, cue)). ``spared`` (the profile-tool screen ``stance_unanchored``, s33; failed
    held out): units marked True keep the shipped score too (:func:`anchored_unit`: a figure, a named entity or a
    past-tense verb, the checkable content a judgement may carry)."""
    from presslens.text.hedging import HEDGE_ASSERTED

    keep = spared if spared is not None else [False] * len(shipped)
    return [min(float(s), float(t)) if h < HEDGE_ASSERTED and any(v > 0.0 for v in m) and not k else float(s)
            for s, t, h, m, k in zip(shipped, stanced, hedge, marks, keep, strict=True)]


@dataclass(frozen=True)
class LinearScorer:
    """``sigmoid(intercept + sum(coef * (x - mean) / scale))`` over named features, followed (when
    ``embedding_dims`` > 0) by the sentence embedding of the shared encoder, standardised the same way."""

    names: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float
    embedding_dims: int = 0

    def probabilities(self, rows: np.ndarray, embeddings: np.ndarray | None = None) -> np.ndarray:
        """P for each row of ``rows`` (features in :attr:`names` order); ``embeddings``: one sentence
        embedding per row, required when the scorer uses them."""
        x = np.asarray(rows, dtype=np.float64).reshape(-1, len(self.names))
        if self.embedding_dims:
            if embeddings is None:
                raise ValueError("this scorer needs the sentence embeddings")
            x = np.hstack([x, np.asarray(embeddings, dtype=np.float64).reshape(len(x), self.embedding_dims)])
        z = ((x - self.mean) / self.scale) @ self.coef + self.intercept
        return np.asarray(1.0 / (1.0 + np.exp(-np.clip(z, -30.0, 30.0))))

    def to_json(self) -> dict[str, Any]:
        return {"names": list(self.names), "embedding_dims": self.embedding_dims,
                "mean": [round(float(v), 7) for v in self.mean], "scale": [round(float(v), 7) for v in self.scale],
                "coef": [round(float(v), 7) for v in self.coef], "intercept": round(self.intercept, 7)}

    @classmethod
    def from_json(cls, obj: dict[str, Any], expected: list[str]) -> LinearScorer:
        names = tuple(str(n) for n in obj["names"])
        if list(names) != expected:
            raise ValueError(f"scorer features {list(names)} differ from the code's {expected}")
        dims = int(obj.get("embedding_dims", 0))
        arrays = [np.asarray(obj[k], dtype=np.float64) for k in ("mean", "scale", "coef")]
        if any(a.shape != (len(names) + dims,) for a in arrays) or not (arrays[1] > 0).all():
            raise ValueError("scorer arrays do not match its feature count")
        return cls(names, arrays[0], arrays[1], arrays[2], float(obj["intercept"]), dims)


@dataclass(frozen=True)
class RealNewsScorers:
    hedge_cue: LinearScorer
    claim: LinearScorer
    cue_candidates: str = ""
    """the cue candidates the cue scorer was fitted on: "" the lexicon's (:func:`presslens.text.hedging.claim_cue_candidates`),
    "s31" with the stop-31 training candidates (:func:`presslens.text.hedging.claim_cue_candidates_s31`; trainer
    ``--cue-candidates s31``, helper hedge21), "s32" / "s32-hearsay" with those of stop 32
    (:data:`presslens.text.hedging.CUE_ADDITION_SETS`, helper hedge22); the claim scorer's class-table feature reads
    the lexicon's either way"""


CUE_CANDIDATE_SETS = ("", "s31", "s32", "s32-hearsay")
"""the values of a scorers file's ``cue_candidates`` (:attr:`RealNewsScorers.cue_candidates`)"""
RUNTIME_CUE_CONTEXTS = ("opinion", "genre", "genre-position", "genre-modal", "genre-governor", "genre-modal-governor",
                        "genre-modal-governor-reported")
"""the cue contexts (:data:`CUE_CONTEXT_FEATURES`) a scorers file may carry; the other two are trainer screens only:
``claim-score`` (it failed held out at s28, and its training column is out-of-fold) and ``genre-token`` (it failed
held out at s30, and the analyzer does not compute the cue's token state)"""
GENRE_CUE_CONTEXTS = tuple(c for c in RUNTIME_CUE_CONTEXTS
                           if CUE_CONTEXT_FEATURES[c][:len(ARTICLE_FEATURES)] == CUE_CONTEXT_FEATURES["genre"])
"""the runtime cue contexts whose columns open with the article profile (``genre`` and the ``genre-...`` ones): the
analyzer computes the profile for them (:func:`score_sentences`)"""


def cue_scorer_names(extended: bool, context: str = "") -> list[str]:
    """The feature names of a cue scorer: :func:`cue_feature_names` (``extended``), then the columns of the cue
    context ``context`` (:data:`CUE_CONTEXT_FEATURES`; none for "")."""
    return cue_feature_names(extended) + list(CUE_CONTEXT_FEATURES.get(context, ()))


def cue_feature_set(names: Sequence[str]) -> tuple[bool, str]:
    """(extended, context) of the cue scorer whose features are ``names``: :func:`cue_feature_names` with or without
    the context markers of 1.8, then the columns of one context of :data:`RUNTIME_CUE_CONTEXTS` or none ("");
    ValueError for any other list."""
    for extended in (False, True):
        for context in ("", *RUNTIME_CUE_CONTEXTS):
            if list(names) == cue_scorer_names(extended, context):
                return extended, context
    raise ValueError(f"cue scorer features {list(names)} match no feature set of this code")


@lru_cache(maxsize=4)
def load_scorers(path: Path = MODEL_FILE) -> RealNewsScorers:
    """The shipped scorers (JSON; checked against the feature names of this code)."""
    obj = json.loads(path.read_text(encoding="utf-8"))
    extended, context = cue_feature_set(obj["hedge_cue"]["names"])
    candidates = obj.get("cue_candidates", "")
    if candidates not in CUE_CANDIDATE_SETS:
        raise ValueError(f"{path}: cue_candidates {candidates!r} is none of {CUE_CANDIDATE_SETS}")
    return RealNewsScorers(
        LinearScorer.from_json(obj["hedge_cue"], cue_scorer_names(extended, context)),
        LinearScorer.from_json(obj["claim"], sentence_feature_names(*sentence_feature_set(obj["claim"]["names"]))),
        candidates,
    )


ScoredCue = tuple[int, int, str, float]
"""(start, end, cue class, probability) of a claim sentence's hedge cue candidate."""


@lru_cache(maxsize=2)
def load_kept_scorer(path: Path = KEPT_FILE) -> LinearScorer:
    """The claim scorer with the article profile of the option ``claim_gate=kept`` (JSON, names checked)."""
    obj = json.loads(path.read_text(encoding="utf-8"))
    return LinearScorer.from_json(obj["claim_profile"], sentence_feature_names(False, True))


def neighbour_scorer_names() -> list[str]:
    """The features of the option ``claim_gate=neighbours``'s claim scorer: the shipped 13, then
    :data:`NEIGHBOUR_FEATURES`."""
    return sentence_feature_names(False, False) + list(NEIGHBOUR_FEATURES)


def load_neighbour_scorer(path: Path = NEIGHBOURS_FILE) -> LinearScorer:
    """The claim scorer with the neighbourhood columns of the option ``claim_gate=neighbours`` (JSON, names
    checked)."""
    return _load_neighbour_scorer(str(path))


@lru_cache(maxsize=2)
def _load_neighbour_scorer(path: str) -> LinearScorer:
    obj = json.loads(Path(path).read_text(encoding="utf-8"))
    return LinearScorer.from_json(obj["claim_neighbours"], neighbour_scorer_names())


def capped_neighbour_scorer_names() -> list[str]:
    """The features of the option ``claim_gate=neighbours_capped``'s claim scorer: the shipped 13, then the
    :data:`CAPPED_NEIGHBOUR_COLUMNS` of :data:`NEIGHBOUR_FEATURES`."""
    return sentence_feature_names(False, False) + [NEIGHBOUR_FEATURES[j] for j in CAPPED_NEIGHBOUR_COLUMNS]


def load_capped_neighbour_scorer(path: Path = CAPPED_NEIGHBOURS_FILE) -> LinearScorer:
    """The claim scorer of the option ``claim_gate=neighbours_capped`` (JSON, names checked)."""
    return _load_capped_neighbour_scorer(str(path))


@lru_cache(maxsize=2)
def _load_capped_neighbour_scorer(path: str) -> LinearScorer:
    obj = json.loads(Path(path).read_text(encoding="utf-8"))
    return LinearScorer.from_json(obj["claim_neighbours_capped"], capped_neighbour_scorer_names())


STANCE_FILE = Path(__file__).resolve().parents[2] / "models" / "claims" / "realnews_claim_stance.json"
"""the claim scorer with the stance columns of the claims option ``claim_gate=stance`` (s33, helper opinion;
``python -m presslens.training.realnews_claims_profile CACHE --write-stance``)"""


def stance_scorer_names() -> list[str]:
    """The features of the option ``claim_gate=stance``'s claim scorer: the shipped 13, then :data:`STANCE_FEATURES`."""
    return sentence_feature_names(False, False) + list(STANCE_FEATURES)


def load_stance_scorer(path: Path = STANCE_FILE) -> LinearScorer:
    """The claim scorer of the option ``claim_gate=stance`` (JSON, names checked)."""
    return _load_stance_scorer(str(path))


@lru_cache(maxsize=2)
def _load_stance_scorer(path: str) -> LinearScorer:
    obj = json.loads(Path(path).read_text(encoding="utf-8"))
    return LinearScorer.from_json(obj["claim_stance"], stance_scorer_names())


def capped_claims(shipped: Sequence[float], neighboured: Sequence[float], hedge: Sequence[float]) -> list[float]:
    """The option ``claim_gate=neighbours_capped`` (s32, helper claims20; the screen ``neighbours_capped`` of
    :mod:`presslens.training.realnews_claims_profile`): the neighbourhood scorer's claim score, but the shipped one
    where the unit's best cue is asserted (``hedge`` >= :data:`~presslens.text.hedging.HEDGE_ASSERTED`), so a hedged
    claim is neither dropped nor added by the gate (hedge = min(claim, cue) keeps its decision)."""
    from presslens.text.hedging import HEDGE_ASSERTED

    return [float(s) if h >= HEDGE_ASSERTED else float(n)
            for s, n, h in zip(shipped, neighboured, hedge, strict=True)]


def neighbour_claims(scorer: LinearScorer, texts: Sequence[str], probs: Sequence[float],
                     base_rows: Sequence[Sequence[float]], in_article: bool) -> list[float]:
    """The option ``claim_gate=neighbours`` (s31, helper claims19; the screen ``neighbours`` of
    :mod:`presslens.training.realnews_claims_profile`): the claim probability of each unit from the shipped 13
    features (``base_rows``) and the :func:`neighbour_context` of its article; sentences without an article get the
    training mean of the four columns (no information), as the article profile does."""
    n = len(scorer.names) - len(sentence_feature_names(False, False))
    columns = range(len(NEIGHBOUR_FEATURES)) if n == len(NEIGHBOUR_FEATURES) else CAPPED_NEIGHBOUR_COLUMNS
    context = ([[c[j] for j in columns] for c in neighbour_context(texts, probs)] if in_article
               else [scorer.mean[len(scorer.names) - n:len(scorer.names)].tolist()] * len(texts))
    rows = [list(b) + list(c) for b, c in zip(base_rows, context, strict=True)]
    return scorer.probabilities(np.asarray(rows, dtype=float).reshape(len(rows), len(scorer.names))).tolist()


def kept_claims(shipped: Sequence[float], profiled: Sequence[float], hedge: Sequence[float],
                attributed: Sequence[bool]) -> list[float]:
    """The option ``claim_gate=kept`` (s29, helper claims17; the screen ``profile_kept`` of
    :mod:`presslens.training.realnews_claims_profile`): the profiled claim score, but the higher of it and the
    shipped one where the unit's best cue is asserted (``hedge`` >= :data:`~presslens.text.hedging.HEDGE_ASSERTED`)
    or the unit attributes."""
    from presslens.text.hedging import HEDGE_ASSERTED

    return [max(a, b) if h >= HEDGE_ASSERTED or att else b
            for a, b, h, att in zip(shipped, profiled, hedge, attributed, strict=True)]


def lowered_claims(shipped: Sequence[float], profiled: Sequence[float], hedge: Sequence[float],
                   attributed: Sequence[bool]) -> list[float]:
    """The option ``claim_gate=lowered`` (s30, helper claims18; the screen ``profile_lowered`` of
    :mod:`presslens.training.realnews_claims_profile`): the lower of the shipped and the profiled claim score, but
    the shipped one where the unit's best cue is asserted (``hedge`` >= :data:`~presslens.text.hedging.HEDGE_ASSERTED`)
    or the unit attributes: the article profile may only lower an unhedged, unattributed unit, never raise one."""
    from presslens.text.hedging import HEDGE_ASSERTED

    return [a if h >= HEDGE_ASSERTED or att else min(a, b)
            for a, b, h, att in zip(shipped, profiled, hedge, attributed, strict=True)]


_NAMED = re.compile(r"(?<=[\w,;:)] )(?!I\b)[A-Z][\w.’'-]*[a-z]")


def anchored_unit(sentence: str, spare: str) -> bool:
    """Whether a unit is spared by the lowered gate's variants (s30, helper claims18; the screens
    ``profile_lowered_figure`` and ``profile_lowered_anchored`` of
    :mod:`presslens.training.realnews_claims_profile`): ``figure``, it holds a figure (digits or a number word, the
    claim scorer's "figure" feature); ``anchored``, a figure, a capitalised word inside the unit (a named entity,
    roughly: not its first word, not "I") or a past-tense verb (a reported event, roughly)."""
    figure = bool(_DIGIT.search(sentence) or _NUMBER_WORD.search(sentence))
    if spare == "figure":
        return figure
    if spare == "anchored":
        return figure or bool(_NAMED.search(sentence)) or bool(_PAST_VERB.search(sentence))
    raise ValueError(f"unknown sparing {spare!r}")


@dataclass(frozen=True)
class SentenceScores:
    """Per sentence: the claim probability (before any furniture veto), the best cue probability (0 without a
    candidate) and every cue candidate with its probability (of the learned cue scorer)."""

    claim: list[float]
    hedge: list[float]
    cues: list[list[ScoredCue]]
    added: list[list[ScoredCue]] = field(default_factory=list)
    """per sentence, the cues the option ``cue_candidates=s26`` (or ``s27``) adds (with their fixed class score; not candidates of
    :func:`presslens.text.hedging.claim_cue_candidates`, so the 1.6 calibration of the predictions never sees them)"""


def score_sentences(texts: Sequence[str], probs: Sequence[float], embeddings: np.ndarray,
                    forecasts: Sequence[bool], in_article: bool = True,
                    scorers: RealNewsScorers | None = None, wider_cues: bool = False,
                    cue_veto: bool = False, s26_rules: bool = False, s27_rules: bool = False,
                    readings: Sequence[str] = (),
                    kept_gate: LinearScorer | None = None, lowered: bool = False,
                    neighbour_gate: LinearScorer | None = None, capped: bool = False,
                    stance_gate: LinearScorer | None = None) -> SentenceScores:
    """Real-news claim and hedge probabilities of the sentences ``texts`` (an article's, in order, when
    ``in_article``; else independent sentences: no position, no headline) from their CheckThat! probabilities,
    sentence embeddings (one row each) and forecast flags (:func:`presslens.text.prediction.forecast_cues`);
    ``wider_cues``: the cue candidates of ``claim_cue_candidates(text, wider=True)`` (an option); ``cue_veto``:
    candidates of :func:`presslens.text.hedging.vetoed_claim_cue` get probability 0 (the option ``cue_veto``);
    ``s26_rules`` (the option ``cue_candidates=s26``): the cues of :func:`presslens.text.hedging.claim_cue_additions`
    are added with their class's fixed score and the candidates of
    :func:`presslens.text.hedging.vetoed_claim_cue_s26` get probability 0, after both scorers (their inputs do not
    change); ``s27_rules`` (the option ``cue_candidates=s27``): the same with
    :func:`presslens.text.hedging.claim_cue_additions_s27` and :func:`presslens.text.hedging.vetoed_claim_cue_s27`;
    ``readings`` (the option ``cue_readings``, s29): the same with the named readings of
    :func:`presslens.text.hedging.vetoed_claim_cue_s29` and :func:`presslens.text.hedging.claim_cue_additions_s29`.
    ``kept_gate`` (the option ``claim_gate=kept``): this claim scorer with the article profile scores every unit,
    :func:`kept_claims`; with ``lowered`` (the option ``claim_gate=lowered``) the profile may only lower a unit,
    :func:`lowered_claims`, and sentences without an article (``in_article`` false: a debate line) keep the shipped
    score, since the profile then knows nothing of them. ``neighbour_gate`` (the option ``claim_gate=neighbours``,
    s31): this claim scorer with the neighbourhood columns gives every unit's claim score (:func:`neighbour_claims`);
    with ``capped`` (the option ``claim_gate=neighbours_capped``, s32) a unit with an asserted cue keeps the shipped
    score (:func:`capped_claims`). ``stance_gate`` (the option ``claim_gate=stance``, s33): this claim scorer with the
    :data:`STANCE_FEATURES` may lower a unit with a stance marker and no asserted cue (:func:`stance_claims`); a
    sentence without an article is scored the same way (the markers are the sentence's own).
    """
    from presslens.text.hedging import (
        CUE_ADDITION_SETS,
        HEDGE_CLASS_SCORES,
        claim_cue_additions,
        claim_cue_additions_s27,
        claim_cue_additions_s29,
        claim_cue_candidates,
        cue_class,
        dedupe_cues,
        vetoed_claim_cue,
        vetoed_claim_cue_s26,
        vetoed_claim_cue_s27,
        vetoed_claim_cue_s29,
    )

    models = scorers if scorers is not None else load_scorers()
    emb = np.asarray(embeddings, dtype=np.float64).reshape(len(texts), -1) if len(texts) else np.zeros((0, 0))
    extended_cue, context = cue_feature_set(models.hedge_cue.names)
    base = len(cue_feature_names(extended_cue))
    genre: list[float] = []
    if context in GENRE_CUE_CONTEXTS:
        # as the claim profile: sentences without an article get the training mean of the columns
        genre = (article_profile(texts, probs) if in_article
                 else models.hedge_cue.mean[base:base + len(ARTICLE_FEATURES)].tolist())
    spans: list[list[tuple[int, int, str]]] = []
    rows: list[list[float]] = []
    owner: list[int] = []
    table: list[float] = []
    for i, (text, p) in enumerate(zip(texts, probs, strict=True)):
        lexicon = claim_cue_candidates(text, wider_cues)
        # the claim scorer's hedge feature: the best class score of the lexicon's candidates (a fixed table, so the
        # claim score does not move with the cue scorer), whatever candidates the cue scorer was fitted on
        table.append(max((HEDGE_CLASS_SCORES[cue_class(text, s, e, kind)] for s, e, kind in lexicon), default=0.0))
        if models.cue_candidates:
            lexicon = dedupe_cues(lexicon + CUE_ADDITION_SETS[models.cue_candidates](text, lexicon))
        found = [(s, e, cue_class(text, s, e, kind)) for s, e, kind in lexicon]
        spans.append(found)
        extra = opinion_context(text) if context == "opinion" and found else genre
        for s, e, name in found:
            position = cue_level_context(context, text, s, e)
            rows.append(cue_features(text, s, e, name, float(p), in_article and i == 0, len(found))[:base] + extra
                        + position)
            owner.append(i)
    cue_probs = models.hedge_cue.probabilities(np.asarray(rows).reshape(len(rows), len(models.hedge_cue.names)),
                                               emb[owner] if owner else emb[:0]).tolist() if rows else []
    cues: list[list[ScoredCue]] = [[] for _ in texts]
    hedge = [0.0] * len(texts)
    it = iter(cue_probs)
    for i, found in enumerate(spans):
        for s, e, name in found:
            q = next(it)
            if ((cue_veto and vetoed_claim_cue(texts[i], s, e)) or (s26_rules and vetoed_claim_cue_s26(texts[i], s, e))
                    or (s27_rules and vetoed_claim_cue_s27(texts[i], s, e))
                    or (readings and vetoed_claim_cue_s29(texts[i], s, e, readings) is not None)):
                q = 0.0
            cues[i].append((s, e, name, q))
            hedge[i] = max(hedge[i], q)
    added: list[list[ScoredCue]] = [[] for _ in texts]
    if s26_rules or s27_rules:
        additions = claim_cue_additions_s27 if s27_rules else claim_cue_additions
        for i, found in enumerate(spans):
            for s, e, name in additions(texts[i], found):
                added[i].append((s, e, name, HEDGE_CLASS_SCORES[name]))
                hedge[i] = max(hedge[i], HEDGE_CLASS_SCORES[name])
    if readings:
        for i, found in enumerate(spans):
            for s, e, name in claim_cue_additions_s29(texts[i], [*found, *((a, b, n) for a, b, n, _ in added[i])],
                                                      readings):
                added[i].append((s, e, name, HEDGE_CLASS_SCORES[name]))
                hedge[i] = max(hedge[i], HEDGE_CLASS_SCORES[name])
    count = len(texts)
    extended, article = sentence_feature_set(models.claim.names)
    profile: list[float] | None = None
    if article:
        # sentences without an article (a debate line, a test sentence) get the training mean: no information
        profile = (article_profile(texts, probs) if in_article
                   else models.claim.mean[len(models.claim.names) - len(ARTICLE_FEATURES):len(models.claim.names)]
                   .tolist())
    sentence_rows = [
        sentence_features(text, float(p), h, bool(f), i if in_article else None, count if in_article else None,
                          extended, profile)
        for i, (text, p, h, f) in enumerate(zip(texts, probs, table, forecasts, strict=True))
    ]
    claim = models.claim.probabilities(
        np.asarray(sentence_rows).reshape(len(texts), len(models.claim.names)), emb
    ).tolist() if texts else []
    if kept_gate is not None and texts and (in_article or not lowered):
        k_ext, k_art = sentence_feature_set(kept_gate.names)
        n = len(kept_gate.names)
        k_profile = (article_profile(texts, probs) if in_article
                     else kept_gate.mean[n - len(ARTICLE_FEATURES):n].tolist())
        k_rows = [sentence_features(text, float(p), h, bool(f), i if in_article else None,
                                    count if in_article else None, k_ext, k_profile if k_art else None)
                  for i, (text, p, h, f) in enumerate(zip(texts, probs, table, forecasts, strict=True))]
        profiled = kept_gate.probabilities(np.asarray(k_rows).reshape(len(texts), n), emb).tolist()
        at = sentence_feature_names(False, False).index("attribution")
        attributed = [bool(r[at] > 0.0) for r in k_rows]
        claim = (lowered_claims if lowered else kept_claims)(claim, profiled, hedge, attributed)
    if neighbour_gate is not None and texts:
        base_rows = [sentence_features(text, float(p), h, bool(f), i if in_article else None,
                                       count if in_article else None, False)
                     for i, (text, p, h, f) in enumerate(zip(texts, probs, table, forecasts, strict=True))]
        neighboured = neighbour_claims(neighbour_gate, texts, probs, base_rows, in_article)
        claim = capped_claims(claim, neighboured, hedge) if capped else neighboured
    if stance_gate is not None and texts:
        marks = [stance_markers(text) for text in texts]
        stance_rows = [sentence_features(text, float(p), h, bool(f), i if in_article else None,
                                         count if in_article else None, False) + m
                       for i, (text, p, h, f, m) in enumerate(zip(texts, probs, table, forecasts, marks, strict=True))]
        stanced = stance_gate.probabilities(
            np.asarray(stance_rows, dtype=float).reshape(len(texts), len(stance_gate.names))).tolist()
        claim = stance_claims(claim, stanced, hedge, marks)
    return SentenceScores(claim, hedge, cues, added)
