"""Stored claims: find where a claim was made before (``presslens claims --like``) and which claims several
sources make (``presslens claims --repeated``).

Claims are stored at index time (:mod:`presslens.store.tracking`); their vectors are made by the claim
encoder on the first query that needs them and stored with the encoder's fingerprint (when the store is
writable), so later queries only encode the query. Vectors made by another encoder are never mixed in: those
claims are encoded again (and stored again).
Ranking is :class:`presslens.compare.claim_match.ClaimIndex` (cosine + BM25, see its module).

Repeated claims: two claims from different sources are the same claim when the cosine of their vectors is
at least :data:`REPEAT_SIMILARITY`; claims linked that way (transitively) form one repeated claim, except that
claims whose figures conflict are never put together (:func:`repeated_from`). The threshold was set by reading
the walk-through corpus, not tuned on labelled data.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from typing import Any

import numpy as np
from sqlalchemy import bindparam, select

from presslens.compare.claim_match import ClaimIndex, claim_figures, claims_disagree, claims_same_figures
from presslens.store.schema import ARTICLES, CLAIM_VECTORS
from presslens.store.store import Store

DISAGREE_OVERFETCH = 3
"""``claims --like``: how many times ``--limit`` candidates are read when the query states a figure, so that
claims whose figures disagree can be ranked last without leaving the list short of agreeing ones."""
REPEAT_SIMILARITY = 0.8
"""Cosine at or above which two claims from different sources count as the same claim."""

ClaimEncode = Callable[[list[str]], np.ndarray]


class _Encoder:
    def __init__(self, encode: ClaimEncode) -> None:
        self._encode = encode

    def encode(self, texts: list[str]) -> np.ndarray:
        return self._encode(texts)


def _encoding(encode: ClaimEncode | None, fingerprint: str | None) -> tuple[ClaimEncode, str]:
    if encode is None or fingerprint is None:
        from presslens.store.tracking import default_claim_encoding

        return default_claim_encoding()
    return encode, fingerprint


ENCODE_BATCH = 64


def load_claims(store: Store, encode: ClaimEncode, fingerprint: str) -> tuple[list[dict[str, Any]], np.ndarray]:
    """Every stored claim once (its row without the vector) and its embedding by the current encoder; the
    embeddings that were missing are stored when ``store`` is writable."""
    rows: dict[str, dict[str, Any]] = {}
    vectors: dict[str, np.ndarray] = {}
    pks: dict[str, int] = {}
    with store.reading() as conn:
        for r in conn.execute(
            select(CLAIM_VECTORS.c.pk, CLAIM_VECTORS.c.article_id, CLAIM_VECTORS.c.date, CLAIM_VECTORS.c.source, CLAIM_VECTORS.c.start,
                   CLAIM_VECTORS.c.end, CLAIM_VECTORS.c.text, CLAIM_VECTORS.c.encoder, CLAIM_VECTORS.c.vector,
                   ARTICLES.c.title, ARTICLES.c.given_id, ARTICLES.c.origin)
            .join(ARTICLES, ARTICLES.c.pk == CLAIM_VECTORS.c.article_pk)
            .order_by(CLAIM_VECTORS.c.pk)
        ):
            key = f"{r.article_id}:{r.start}-{r.end}"
            pks[key] = r.pk
            rows[key] = {"claim": key, "article_id": r.article_id,
                         "date": r.date.isoformat() if isinstance(r.date, _dt.date) else r.date,
                         "source": r.source, "title": r.title, "article_given_id": r.given_id,
                         "article_origin": r.origin, "start": r.start, "end": r.end, "text": r.text}
            if r.encoder == fingerprint and r.vector is not None:
                vectors[key] = np.frombuffer(bytes(r.vector), dtype=np.float32)
    missing = [k for k in rows if k not in vectors]
    for s in range(0, len(missing), ENCODE_BATCH):
        part = missing[s : s + ENCODE_BATCH]
        fresh = encode([rows[k]["text"] for k in part])
        vectors.update({k: np.asarray(fresh[i], np.float32) for i, k in enumerate(part)})
    if missing and store.write:
        stmt = (CLAIM_VECTORS.update().where(CLAIM_VECTORS.c.pk == bindparam("row"))
                .values(encoder=bindparam("enc"), vector=bindparam("vec")))
        with store.transaction() as conn:
            conn.execute(stmt, [{"row": pks[k], "enc": fingerprint, "vec": vectors[k].tobytes()} for k in missing])
    keys = list(rows)
    matrix = np.stack([vectors[k] for k in keys]) if keys else np.zeros((0, 0), np.float32)
    return [rows[k] for k in keys], matrix


def search_claims(store: Store, text: str, *, limit: int = 10, encode: ClaimEncode | None = None,
                  fingerprint: str | None = None) -> list[dict[str, Any]]:
    """Stored claims ranked by how closely they make the claim ``text`` (best first, with scores)."""
    encode, fingerprint = _encoding(encode, fingerprint)
    rows, matrix = load_claims(store, encode, fingerprint)
    if not rows:
        return []
    index = ClaimIndex(_Encoder(encode), dim=matrix.shape[1])
    index.add([r["claim"] for r in rows], [r["text"] for r in rows], embeddings=matrix)
    by_key = {r["claim"]: r for r in rows}
    # the figures decide before the words: a claim whose figure conflicts with the query's ("about 100,000"
    # for "About 700,000 men") is not the same claim, however alike the sentence; such claims are ranked after
    # every other one (flagged "figures_disagree"), so more candidates are read than are shown
    wanted = claim_figures(text)
    found = index.search(text, limit * DISAGREE_OVERFETCH if wanted else limit)
    return figures_last(text, [{**by_key[m.claim_id], "score": round(m.score, 4), "dense": round(m.dense, 4),
                                "lexical": round(m.lexical, 4)} for m in found])[:limit]


def figures_last(query: str, ranked: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``ranked`` (claim rows with ``text``, best first) with ``figures_disagree`` set on each: whether the claim
    states a figure that conflicts with one of ``query``'s (:func:`~presslens.compare.claim_match.claims_disagree`:
    "about 100,000 men" for "About 700,000 men"); those are moved after all the others, each side keeping its
    order."""
    wanted = claim_figures(query)
    out = [dict(r, figures_disagree=bool(wanted) and claims_disagree(wanted, claim_figures(str(r["text"]))))
           for r in ranked]
    out.sort(key=lambda r: r["figures_disagree"])  # stable
    return out


def repeated_claims(store: Store, *, threshold: float = REPEAT_SIMILARITY, min_sources: int = 2,
                    encode: ClaimEncode | None = None, fingerprint: str | None = None) -> list[dict[str, Any]]:
    """Claims made by at least ``min_sources`` named sources (an article without an outlet counts for none):
    first appearance, latest, spread in days, mentions, and how many of the mentions have no source."""
    encode, fingerprint = _encoding(encode, fingerprint)
    rows, matrix = load_claims(store, encode, fingerprint)
    return repeated_from(rows, matrix, threshold=threshold, min_sources=min_sources)


def repeated_from(rows: list[dict[str, Any]], matrix: np.ndarray, *, threshold: float = REPEAT_SIMILARITY,
                  min_sources: int = 2) -> list[dict[str, Any]]:
    """:func:`repeated_claims` over given claims (rows with ``text``, ``source``, ``date``, ``article_id``,
    ``start``) and their vectors (one row each, unit length). Two claims from different sources are linked when
    their cosine reaches ``threshold``, most similar pairs first; two linked groups are merged only when every
    claim of one states the same figures as every claim of the other
    (:func:`~presslens.compare.claim_match.claims_same_figures`: within rounding, at most 5 % apart). "About
    100,000 men have left" and "260,000 men have left" are not one claim, however alike the words; nor are
    "2.1 million tonnes" and "2.3 million tonnes", which do not disagree under the conflict rule but are an
    update, not a repeat."""
    n = len(rows)
    parent = list(range(n))
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    figures = [claim_figures(str(r["text"])) for r in rows]

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    links: list[tuple[float, int, int]] = []
    block = 1024
    for s in range(0, n, block):
        sims = matrix[s : s + block] @ matrix.T
        for i, j in zip(*np.nonzero(sims >= threshold), strict=True):
            a, b = s + int(i), int(j)
            if a < b and rows[a]["source"] != rows[b]["source"]:
                links.append((-float(sims[i, j]), a, b))
    for _neg, a, b in sorted(links):
        ra, rb = find(a), find(b)
        if ra == rb or not all(claims_same_figures(figures[x], figures[y]) for x in members[ra] for y in members[rb]):
            continue
        parent[ra] = rb
        members[rb].extend(members.pop(ra))
    clusters: dict[int, list[dict[str, Any]]] = {}
    for i in range(n):
        clusters.setdefault(find(i), []).append(rows[i])
    out = []
    for group in clusters.values():
        # a claim whose outlet is unknown is no source of its own: "(no source)" never counts towards
        # ``min_sources`` (two unsourced copies and one named outlet are one source, not two)
        sources = sorted({str(m["source"]) for m in group if m["source"]})
        if len(sources) < min_sources:
            continue
        group.sort(key=lambda m: (m["date"] or "9999", m["article_id"], m["start"]))
        dated = [m["date"] for m in group if m["date"]]
        spread = (_dt.date.fromisoformat(dated[-1]) - _dt.date.fromisoformat(dated[0])).days if dated else None
        out.append({"claim": group[0]["text"], "sources": sources, "first": group[0], "latest": group[-1],
                    "spread_days": spread, "mentions": group,
                    "unsourced_mentions": sum(1 for m in group if not m["source"])})
    out.sort(key=lambda c: (-len(c["sources"]), c["first"]["date"] or "9999"))
    return out


__all__ = ["figures_last", "DISAGREE_OVERFETCH", "REPEAT_SIMILARITY", "load_claims", "repeated_claims", "repeated_from", "search_claims"]
