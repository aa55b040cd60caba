"""High-precision lexical cues that complement the ``techniques`` span tagger.

Two sources, both matched on whole words (apostrophes and hyphens inside words count as word
characters, case is ignored):

* **mined phrases** (``models/techniques/lexicon.json``): short fragments (1-4 words) that PTC *train*
  annotators marked as propaganda and that, wherever they occur in train articles, lie mostly inside
  gold spans; mined by ``presslens train techniques`` (:func:`presslens.training.techniques.mine_lexicon`).
  Each carries its train precision and, when train agrees on one, a technique.
* **hand lists** (below, written for presslens): name-calling nouns and thought-terminating phrases
  that war and politics coverage uses, which PTC (US/Islam news of 2017-2019) rarely contains.

A lexical hit becomes a span like the tagger's runs; its technique comes from the technique
classifier blended with the lexicon's own label (weight ``LEXICON_LABEL_WEIGHT``). Its span probability is
not the phrase's train precision alone but :func:`context_probability`: the precision together with what
the span tagger sees around the hit (a phrase such as "American people" is Flag-Waving in partisan prose,
not in a news report), fitted on held-out train articles
(:mod:`presslens.training.techniques.lexicon_context`). A hit whose context probability is below 0.5 stays
a low-confidence candidate and does not raise its sentence's propaganda probability.
"""

from __future__ import annotations

import bisect
import json
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from presslens.analyzers.techniques.model import TokenTable

LEXICON_NAME = "lexicon.json"
LEXICON_LABEL_WEIGHT = 0.5
"""Technique probabilities of a span that is a lexicon phrase: ``(1 - w) * classifier + w * lexicon label``."""
SENTENCE_BUMP = 0.2
"""Added to the propaganda probability (capped at 1) of a sentence that contains a lexical hit."""

WORD_RE = re.compile(r"[^\W_]+(?:['’‘\-‐‑][^\W_]+)*")
"""A word: letters/digits, possibly joined by apostrophes or hyphens ("Kremlin's", "so-called")."""

NAME_CALLING_WORDS: tuple[str, ...] = (
    "thug", "thugs", "traitor", "traitors", "puppet", "puppets", "butcher", "butchers", "warmonger",
    "warmongers", "fascist", "fascists", "nazis", "war criminal", "war criminals", "terrorist regime",
    "criminal regime", "murderous regime", "puppet regime", "puppet government", "junta", "henchmen",
    "stooge", "stooges", "lackey", "lackeys", "tyrant", "tyrants", "barbarians", "savages", "orcs",
    "zombies", "madman", "lunatic", "cowards", "vassal", "vassals",
)
THOUGHT_TERMINATING_PHRASES: tuple[str, ...] = (
    "full stop", "period", "end of story", "end of discussion", "it is what it is", "it's what it is",
    "enough said", "case closed", "nothing more to say", "that's that", "that is that", "no ifs, no buts",
    "no ifs and no buts", "no ifs or buts", "no ifs, ands or buts", "say no more", "don't ask questions",
    "so be it",
)
"""Matched only as a whole sentence or the last clause of one ("He lost. Full stop.", "..., period.")."""
HAND_PRECISION = 0.6

CONTEXT_WEIGHTS: tuple[float, float, float, float] = (-0.5942, 0.1585, 1.239, 0.8758)
"""Intercept and weights of :func:`context_features` in the lexical hit's span probability, printed by
``python -m presslens.training.techniques.lexicon_context --data ../shared/data/ptc-semeval2020-task11``."""


@dataclass(frozen=True)
class LexiconEntry:
    words: tuple[str, ...]
    precision: float
    label: str | None
    source: str
    held_precision: float | None = None
    """Share of the phrase's hits in train articles it was *not* mined from that lay inside gold spans
    (5-fold, at least 3 hits; None when unknown). Since analyzer 1.4 a hit's probability is at most this value: an
    entry that did not hold out of fold (below 0.5) gives candidates only."""


def entry_from_mined(item: Mapping[str, Any], source: str = "train") -> LexiconEntry:
    """A :class:`LexiconEntry` from one item of ``lexicon.json`` (or of
    :func:`presslens.training.techniques.mine_lexicon`)."""
    words = tuple(item["words"])
    hits = int(item.get("held_hits", 0))
    held = int(item["held_right"]) / hits if hits else None
    return LexiconEntry(words, float(item["precision"]), item.get("label"), source, held)


@dataclass
class Lexicon:
    entries: dict[tuple[str, ...], LexiconEntry] = field(default_factory=dict)
    """Phrases matched anywhere (whole words)."""
    clause_final: dict[tuple[str, ...], LexiconEntry] = field(default_factory=dict)
    """Phrases matched only as a whole sentence or the last clause of one."""
    _first: dict[str, list[tuple[str, ...]]] = field(default_factory=dict, repr=False)
    _indexed: int = -1

    @property
    def by_first_word(self) -> dict[str, list[tuple[str, ...]]]:
        if self._indexed != len(self.entries):
            self._first = {}
            for key in self.entries:
                self._first.setdefault(key[0], []).append(key)
            self._indexed = len(self.entries)
        return self._first

    def lookup(self, text: str) -> LexiconEntry | None:
        """The entry whose phrase is exactly the words of ``text``, if any."""
        key = phrase_words(text)
        return self.entries.get(key) or self.clause_final.get(key)

    def matches(self, text: str) -> list[tuple[int, int, LexiconEntry]]:
        """Every lexical hit ``(start, end, entry)`` in ``text``; overlapping hits are all returned."""
        toks = [(m.start(), m.end(), normalise(m.group())) for m in WORD_RE.finditer(text)]
        first = self.by_first_word
        out: list[tuple[int, int, LexiconEntry]] = []
        for i, (s, _, w) in enumerate(toks):
            for key in first.get(w, ()):
                n = len(key)
                if i + n <= len(toks) and tuple(t[2] for t in toks[i : i + n]) == key:
                    out.append((s, toks[i + n - 1][1], self.entries[key]))
        out.extend(self._clause_final_matches(text, toks))
        return sorted(out, key=lambda h: (h[0], h[1]))

    def _clause_final_matches(
        self, text: str, toks: list[tuple[int, int, str]]
    ) -> list[tuple[int, int, LexiconEntry]]:
        out = []
        firsts = {key[0] for key in self.clause_final}
        for i, (s, _, w) in enumerate(toks):
            if w not in firsts:
                continue
            for key, entry in self.clause_final.items():
                n = len(key)
                if key[0] != w or i + n > len(toks) or tuple(t[2] for t in toks[i : i + n]) != key:
                    continue
                end = toks[i + n - 1][1]
                before = text[:s].rstrip()
                after = text[end:].lstrip()
                opens = not before or before[-1] in ".!?:;,—–-\"“”"
                closes = not after or after[0] in ".!?\"”\n"
                if opens and closes:
                    out.append((s, end, entry))
        return out


def normalise(word: str) -> str:
    return word.lower().replace("’", "'").replace("‘", "'")


def phrase_words(text: str) -> tuple[str, ...]:
    return tuple(normalise(m.group()) for m in WORD_RE.finditer(text))


def hand_lexicon() -> Lexicon:
    lex = Lexicon()
    for phrase in NAME_CALLING_WORDS:
        key = phrase_words(phrase)
        lex.entries[key] = LexiconEntry(key, HAND_PRECISION, "Name_Calling,Labeling", "hand")
    for phrase in THOUGHT_TERMINATING_PHRASES:
        key = phrase_words(phrase)
        lex.clause_final[key] = LexiconEntry(key, HAND_PRECISION, "Thought-terminating_Cliches", "hand")
    return lex


def load_lexicon(path: Path, *, with_hand: bool = True) -> Lexicon:
    """The mined lexicon at ``path`` (when it exists) plus, unless ``with_hand`` is false, the hand lists
    (hand entries win where both have a phrase)."""
    lex = Lexicon()
    if path.exists():
        data = json.loads(path.read_text(encoding="utf-8"))
        for item in data["entries"]:
            entry = entry_from_mined(item)
            lex.entries[entry.words] = entry
    if with_hand:
        hand = hand_lexicon()
        lex.entries.update(hand.entries)
        lex.clause_final.update(hand.clause_final)
    return lex


# ------------------------------------------------------------------------------------ hit context


def hit_context(table: TokenTable, sentences: list[tuple[int, int]], start: int, end: int) -> tuple[float, float]:
    """``(mean tagger token probability over the hit, propaganda probability of its sentence)``, read before
    any lexical bump."""
    overlap = (table.starts < end) & (table.ends > start)
    token_mean = float(table.probs[overlap].mean()) if overlap.any() else 0.0
    i = bisect.bisect_right([s1 for _, s1 in sentences], start)
    sentence_prob = float(table.sentence_probs[i]) if i < len(sentences) else 0.0
    return token_mean, sentence_prob


def context_features(precision: float, token_mean: float, sentence_prob: float) -> list[float]:
    """``[logit(train precision), tagger mean over the hit, sentence propaganda probability]``."""
    p = min(max(precision, 1e-3), 1 - 1e-3)
    return [math.log(p / (1 - p)), token_mean, sentence_prob]


def hit_probability(entry: LexiconEntry, weights: tuple[float, ...], features: Sequence[float],
                    *, held: bool = True) -> float:
    """:func:`context_probability`, at most the entry's out-of-fold precision when ``held`` and it is
    known."""
    p = context_probability(weights, features)
    if held and entry.held_precision is not None:
        p = min(p, entry.held_precision)
    return p


def context_probability(weights: tuple[float, ...], features: Sequence[float]) -> float:
    """Probability that a lexical hit is (mostly) inside a propaganda span, given its context features."""
    z = weights[0] + sum(w * float(x) for w, x in zip(weights[1:], features, strict=True))
    return 1.0 / (1.0 + math.exp(-z))
