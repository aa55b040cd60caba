"""Republished copies: near-duplicate articles found with MinHash LSH (the ``datasketch`` library).

An article's text is cut into word 3-grams (lower-cased, punctuation dropped); its MinHash signature
(:data:`NUM_PERM` permutations) goes into an LSH index tuned for Jaccard similarity
:data:`THRESHOLD` (0.4). A new article whose estimated Jaccard similarity with an indexed one is at least
the threshold is a copy of it (``duplicate_of``): the earliest indexed match with the highest similarity.
A copy of a copy points at the family's original, and **the original is the earliest dated article of the
family** (ties and undated articles: indexing order; an undated article comes after every dated one): a new
article dated before its family's original becomes the original, and the old original and its copies are
re-pointed to it (:attr:`DuplicateIndex.repointed`; user trial s31, problem 4: a wire story indexed after its
republished copy was taken for the copy). So the same articles indexed in any order give the same families
and originals.
Measured with the 128-permutation estimates this module computes: on the 16 seen stories of ``data/figures``
the 32 republished copies score 0.43 .. 1.0 with their originals and every other pair of articles of a story
at most 0.11; the short, formulaic reports of ``tests/test_corpus_compare.py`` (one template sentence, other
figures) score up to 0.37. The threshold was 0.5 until a copy with a rewritten paragraph (exact Jaccard 0.515)
was missed: its estimate is 0.43 (the estimate's standard error at 128 permutations is about 0.044). 0.4 sits
between 0.37 and 0.43: a thin margin on both sides; more permutations would widen it, but the corpus store
keeps the 128-value signatures, so that is the store's change to make.

The index is incremental (``add`` one article at a time) and keeps only signatures, not texts.
"""

from __future__ import annotations

import datetime as _dt
import re

from datasketch import MinHash, MinHashLSH

NUM_PERM = 128
THRESHOLD = 0.4
LSH_THRESHOLD = 0.25
"""The Jaccard similarity the LSH bands are tuned for: lower than :data:`THRESHOLD`, so that a copy near the
threshold is still proposed as a candidate (banding misses pairs near its own threshold); every candidate is
then checked against :data:`THRESHOLD` with the estimate of the two signatures."""
"""Estimated Jaccard similarity of word 3-grams at or above which an article is a copy (see the module text)."""
SHINGLE_WORDS = 3

_WORD = re.compile(r"\w+")


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[str]:
    """The word ``size``-grams of ``text`` (lower-cased words; punctuation and spacing ignored)."""
    words = _WORD.findall(text.lower())
    if len(words) < size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def signature(text: str, num_perm: int = NUM_PERM) -> MinHash:
    m = MinHash(num_perm=num_perm, seed=1)
    m.update_batch([s.encode("utf-8") for s in shingles(text)])
    return m


class DuplicateIndex:
    """Incremental near-duplicate detection over article texts."""

    def __init__(self, threshold: float = THRESHOLD, num_perm: int = NUM_PERM) -> None:
        self.threshold = threshold
        self.num_perm = num_perm
        self._lsh = MinHashLSH(threshold=min(threshold, LSH_THRESHOLD), num_perm=num_perm)
        self._signatures: dict[str, MinHash] = {}
        self._order: dict[str, int] = {}
        self._dates: dict[str, _dt.date | None] = {}
        self.duplicate_of: dict[str, str] = {}
        """Article id -> the id of the indexed article it copies."""
        self.members: dict[str, list[str]] = {}
        """Original id -> its copies, in indexing order."""
        self.repointed: list[str] = []
        """The articles the last :meth:`add_signature` re-pointed to the new article (an earlier-dated original
        of their family): the old original and its copies, by date (ties and undated: indexing order), the
        order in which they come back as copies (so the earliest dated copy keeps a figure two copies share)."""

    def __contains__(self, article_id: str) -> bool:
        return article_id in self._signatures

    def __len__(self) -> int:
        return len(self._signatures)

    def add(self, article_id: str, text: str, date: _dt.date | None = None) -> str | None:
        """Index an article; return the id of the original of its family (the earliest dated), or None when it
        is the original (then :attr:`repointed` lists the articles that became its copies).

        Re-adding a known id returns its recorded answer without indexing it twice.
        """
        if article_id in self._signatures:
            self.repointed = []
            return self.duplicate_of.get(article_id)
        return self.add_signature(article_id, signature(text, self.num_perm), date)

    def _key(self, article_id: str) -> tuple[bool, _dt.date, int]:
        """Which article of a family is its original: the smallest key (earliest date, then indexing order)."""
        date = self._dates.get(article_id)
        return (date is None, date or _dt.date.min, self._order[article_id])

    def restore(self, article_id: str, sig: MinHash, date: _dt.date | None, duplicate_of: str | None) -> None:
        """Put back a stored article with its stored ``duplicate_of`` (a store's state, not recomputed)."""
        if article_id in self._signatures:
            return
        self._lsh.insert(article_id, sig)
        self._signatures[article_id] = sig
        self._order[article_id] = len(self._order)
        self._dates[article_id] = date
        if duplicate_of is not None:
            self.duplicate_of[article_id] = duplicate_of
            self.members.setdefault(duplicate_of, []).append(article_id)

    def add_signature(self, article_id: str, sig: MinHash, date: _dt.date | None = None) -> str | None:
        """:meth:`add` for a signature made earlier (:func:`signature`, e.g. one a corpus store kept)."""
        self.repointed = []
        if article_id in self._signatures:
            return self.duplicate_of.get(article_id)
        best: tuple[float, int, str] | None = None
        for other in self._lsh.query(sig):
            sim = sig.jaccard(self._signatures[other])
            if sim >= self.threshold:
                key = (-sim, self._order[other], other)
                if best is None or key < best:
                    best = key
        self._lsh.insert(article_id, sig)
        self._signatures[article_id] = sig
        self._order[article_id] = len(self._order)
        self._dates[article_id] = date
        if best is None:
            return None
        original = self.duplicate_of.get(best[2], best[2])  # a copy of a copy points at the original
        if self._key(article_id) < self._key(original):  # dated before the family's original: it is the original
            self.repointed = sorted([original, *self.members.pop(original, [])], key=self._key)
            for other in self.repointed:
                self.duplicate_of[other] = article_id
            self.members[article_id] = list(self.repointed)
            return None
        self.duplicate_of[article_id] = original
        self.members.setdefault(original, []).append(article_id)
        return original

    def similarity(self, a: str, b: str) -> float:
        """Estimated Jaccard similarity of two indexed articles."""
        return float(self._signatures[a].jaccard(self._signatures[b]))


__all__ = ["LSH_THRESHOLD", "NUM_PERM", "SHINGLE_WORDS", "THRESHOLD", "DuplicateIndex", "shingles", "signature"]
