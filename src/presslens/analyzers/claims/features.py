"""Sentence features of the claim classifier: lexical counts, word and character n-grams."""

from __future__ import annotations

import re

import numpy as np

_TOKEN = re.compile(r"(?u)\b\w+\b")
_NUMBER = re.compile(r"\d[\d,.]*")
_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred "
    "hundreds thousand thousands million millions billion billions trillion percent half dozen dozens "
    "double triple".split()
)
_FIRST_PERSON = frozenset("i me my we us our".split())


def lexical_features(text: str, tokens: tuple[list[str], list[str]] | None = None) -> np.ndarray:
    """Ten dense features: numbers, number words, capitalised tokens, length, first person, question.

    ``tokens``: :func:`sentence_tokens` of ``text`` if already computed.
    """
    return np.asarray(lexical_row(text, tokens), dtype=np.float32)


def lexical_row(text: str, tokens: tuple[list[str], list[str]] | None = None) -> list[float]:
    """:func:`lexical_features` as a list of floats (the analyzer stacks many rows into one array)."""
    toks, lower = tokens if tokens is not None else sentence_tokens(text)
    n = max(1, len(toks))
    nums = _NUMBER.findall(text)
    first_person = sum(map(_FIRST_PERSON.__contains__, lower))
    # capitalised tokens after the first, first-person words ("I", "We") not counted; tokens are never empty
    capitalised = [t for t in toks[1:] if t[0].isupper()]
    caps = len(capitalised)
    if first_person and caps:
        caps -= sum(1 for t in capitalised if t.lower() in _FIRST_PERSON)
    return [
        float(bool(nums)),
        min(len(nums), 5) / 5.0,
        float(not _NUMBER_WORDS.isdisjoint(lower)),
        float("%" in text or "percent" in lower or "per cent" in text.lower()),
        float("$" in text or "dollars" in lower or "billion" in lower or "million" in lower),
        min(caps, 6) / 6.0,
        min(len(toks), 60) / 60.0,
        first_person / n,
        float(text.rstrip().endswith("?")),
        float(len(toks) <= 4),
    ]


def sentence_tokens(text: str) -> tuple[list[str], list[str]]:
    """The word tokens of ``text`` and their lower-case forms (shared by the LR's feature groups)."""
    toks = _TOKEN.findall(text)
    return toks, [t.lower() for t in toks]


def word_ngrams(text: str, lower: list[str] | None = None) -> list[str]:
    """Lower-case word unigrams and bigrams (``lower``: the lower-case tokens, if already computed)."""
    toks = lower if lower is not None else sentence_tokens(text)[1]
    return toks + [f"{a} {b}" for a, b in zip(toks, toks[1:], strict=False)]


def char_ngrams(text: str, lo: int = 2, hi: int = 5) -> list[str]:
    """Character n-grams inside word boundaries (each word padded with spaces)."""
    out: list[str] = []
    for w in re.sub(r"\s+", " ", text.lower()).split(" "):
        if not w:
            continue
        padded = f" {w} "
        for n in range(lo, hi + 1):
            out.extend(padded[i : i + n] for i in range(len(padded) - n + 1))
    return out
