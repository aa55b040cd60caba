"""Figure tracking, republished copies and claim vectors, kept up to date as articles are indexed.

:class:`CorpusTracker` holds the corpus-wide state that indexing one article needs (a
:class:`~presslens.compare.duplicates.DuplicateIndex` and a :class:`~presslens.compare.figure_groups.FigureGrouper`),
loaded from the store on the first new article. For each new article, :meth:`CorpusTracker.rows_for` returns

- ``duplicate_of``: the corpus key of the original of its family (MinHash LSH; the earliest dated article), or
  None, and ``repointed``: the stored articles that became copies of it (it is dated before their original),
  with their new figure mention rows (:meth:`presslens.store.store.Store.add_rows` rewrites them), and ``minhash``,
  the article's signature (stored, so the next run restores the LSH index without re-reading the texts);
- one ``figure_mentions`` row per quantity finding: the mention (JSON), its clause vector and its group id,
  assigned incrementally (a republished copy is counted once, as "also published by": it adds only the
  figures its original and earlier copies do not state, its updated or added ones, marked ``updated_copy_of``);
- one ``claim_vectors`` row per check-worthy claim (score >= :data:`CLAIM_MIN_SCORE`): its text and span; the
  embedding (keyed by the claim encoder's fingerprint) is computed here only with ``embed_claims=True``,
  otherwise on the first ``presslens claims`` query, which stores it (:func:`presslens.store.claims.load_claims`):
  the claim encoder is a second, six-layer model, and embedding every claim at index time nearly doubled
  the indexing time of the PTC dev articles (docs/CORPUS.md);

which :meth:`presslens.store.store.Store.add_rows` writes in the article's own transaction, so a killed run
leaves only whole articles with their mentions and vectors. For a re-analysed article,
:meth:`CorpusTracker.replacement_rows` takes its old mentions out of their groups and assigns the new ones
(incremental, like a new article); :meth:`presslens.store.store.Store.replace` swaps the article's
``figure_mentions`` rows in the transaction that replaces its report and findings.

Group ids come from the mention that founds a group
(:func:`presslens.compare.figure_groups.founding_group_id`), so two ``index`` runs writing to one database at
the same time never give two different groups one id. Each run still only sees the groups stored when it
loaded the state: two runs can each open a group for the same thing (``presslens db rebuild-groups`` merges
them).

:func:`rebuild_groups` regroups every stored mention from scratch (``presslens figures --rebuild``, after a
model or configuration change): mentions are rebuilt from the stored reports, re-embedded and grouped by
replaying indexing (articles in indexing order, one article at a time) and written back in one transaction,
so sequential ``index`` runs in any order equal their rebuild.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import json
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import numpy as np
from datasketch import MinHash
from sqlalchemy import and_, select

from presslens.article import Article, Finding, Report
from presslens.compare.duplicates import DuplicateIndex, signature
from presslens.compare.figure_groups import (
    OUTCOME_METHODS,
    Embedder,
    FigureGrouper,
    GroupingConfig,
    GroupSummary,
)
from presslens.compare.figures import FigureMention, mentions_from_findings
from presslens.identity import content_id, finding_id
from presslens.report.common import ASSERT_THRESHOLD
from presslens.store.article_names import LOOKUP_BATCH
from presslens.store.rows import article_from_report, article_from_stored, stored_report
from presslens.store.schema import ARTICLES, CLAIM_VECTORS, FIGURE_MENTIONS
from presslens.store.store import Store

CLAIM_MIN_SCORE = 0.5
"""Claims scored at least this (check-worthy) get a stored vector."""

ClaimEncode = Callable[[list[str]], np.ndarray]


def default_figure_embedder() -> Embedder:
    """The shared article encoder's sentence embeddings (what the grouping thresholds were chosen with)."""
    from presslens.encoder import SentenceEncoder

    return SentenceEncoder.default().encode


def figure_grouper(config: GroupingConfig | None = None, embed: Embedder | None = None, *,
                   outcome_embed: Embedder | None = None, part_embed: Embedder | None = None) -> FigureGrouper:
    """The store's grouper for ``config`` (default: :class:`GroupingConfig`'s shipped method): the clause
    embedder (default: :func:`default_figure_embedder`) and, only where the config reads them, the outcome
    vectors (the :data:`OUTCOME_METHODS`, near conflicts, the conflict model) and the noun / predicate token
    states (the conflict model) of the shared encoder, unless stand-ins are given."""
    config = config or GroupingConfig()
    wants_outcome = (config.method in OUTCOME_METHODS or config.near_conflict_threshold is not None
                     or config.conflict_model is not None)
    wants_parts = config.conflict_model is not None
    if (wants_outcome and outcome_embed is None) or (wants_parts and part_embed is None):
        from presslens.compare.figure_outcome import outcome_embedder
        from presslens.compare.figure_parts import parts_embedder
        from presslens.encoder import SentenceEncoder

        encoder = SentenceEncoder.default()
        outcome_embed = outcome_embed or outcome_embedder(encoder)
        part_embed = part_embed or parts_embedder(encoder)
    return FigureGrouper(embed or default_figure_embedder(), config,
                         outcome_embed=outcome_embed if wants_outcome else None,
                         part_embed=part_embed if wants_parts else None)


def default_claim_encoding() -> tuple[ClaimEncode, str]:
    """The claim-matching encoder and its fingerprint (stored with every claim vector)."""
    from presslens.compare.claim_match import default_claim_encoder, default_model_location
    from presslens.encoder import model_fingerprint

    return default_claim_encoder().encode, model_fingerprint(*default_model_location())


def findings_from_dicts(items: Iterable[dict[str, Any]]) -> list[Finding]:
    return [Finding(kind=f["kind"], label=f["label"], start=f["start"], end=f["end"], text=f["text"],
                    score=float(f["score"]), analyzer=f["analyzer"], attributes=f.get("attributes") or {},
                    id=f.get("id") or "") for f in items]


def _vector_bytes(vec: np.ndarray | None, dtype: Any) -> bytes | None:
    return None if vec is None else np.asarray(vec, dtype=dtype).tobytes()


def mention_row(m: FigureMention, group_id: str | None, vector: np.ndarray | None,
                outcome: np.ndarray | None = None) -> dict[str, Any]:
    """The ``figure_mentions`` row of a mention: its clause vector and (schema version 5) its outcome vector,
    both float16 as the grouper keeps them."""
    return {"id": m.id, "article_id": m.article_id, "date": m.date, "source": m.source, "group_id": group_id,
            "measure": m.measure, "value": m.value, "data": json.dumps(m.to_dict(), ensure_ascii=False),
            "vector": _vector_bytes(vector, np.float16), "outcome": _vector_bytes(outcome, np.float16)}


def grouper_mention_row(grouper: FigureGrouper, m: FigureMention) -> dict[str, Any]:
    """:func:`mention_row` with the mention's group and the vectors the grouper holds for it."""
    return mention_row(m, grouper.group_of.get(m.id), grouper.vectors.get(m.id), grouper.outcomes.get(m.id))


def stored_signature(hashes: np.ndarray) -> MinHash:
    """A MinHash from stored hash values (made by :func:`presslens.compare.duplicates.signature`, seed 1).
    datasketch >= 2 wants the hashing scheme named; it is the one a fresh MinHash of this version uses."""
    scheme = getattr(MinHash(1, seed=1), "scheme", None)
    if scheme is None:
        return MinHash(len(hashes), seed=1, hashvalues=hashes)
    return MinHash(len(hashes), seed=1, hashvalues=hashes, scheme=scheme)


class CorpusTracker:
    """Index-time duplicate detection, figure grouping and claim vectors for one store (see module doc)."""

    def __init__(self, store: Store, *, figure_embed: Embedder | None = None,
                 claim_encode: ClaimEncode | None = None, claim_fingerprint: str | None = None,
                 embed_claims: bool = False, grouping: GroupingConfig | None = None,
                 outcome_embed: Embedder | None = None, part_embed: Embedder | None = None) -> None:
        self.store = store
        self.grouping = grouping
        """The grouping method and setting (None: :class:`GroupingConfig`'s defaults); see :func:`figure_grouper`."""
        self._token_embeds = (outcome_embed, part_embed)
        self.embed_claims = embed_claims
        self._figure_embed = figure_embed
        self._claim_encode = claim_encode
        self._claim_fingerprint = claim_fingerprint
        self.duplicates = DuplicateIndex()
        self.grouper: FigureGrouper | None = None
        self._copy_of: dict[str, str] = {}
        """Corpus key of a stored republished copy -> the key of its original."""
        self._stored_before: set[str] = set()
        """Keys :meth:`rows_for` found already grouped (stored by another indexer): :meth:`forget` keeps them."""

    def _claims(self) -> tuple[ClaimEncode, str]:
        if self._claim_encode is None or self._claim_fingerprint is None:
            self._claim_encode, self._claim_fingerprint = default_claim_encoding()
        return self._claim_encode, self._claim_fingerprint

    def _load(self) -> FigureGrouper:
        """The stored state: every article's text into the duplicate index, the grouping restored."""
        if self.grouper is not None:
            return self.grouper
        grouper = figure_grouper(self.grouping, self._figure_embed, outcome_embed=self._token_embeds[0],
                                 part_embed=self._token_embeds[1])
        grouper.copies.clear()
        with self.store.reading() as conn:
            for key, minhash, dup, source, date in conn.execute(
                select(ARTICLES.c.id, ARTICLES.c.minhash, ARTICLES.c.duplicate_of, ARTICLES.c.source,
                       ARTICLES.c.date).order_by(ARTICLES.c.pk)
            ):
                if minhash is not None:
                    sig = stored_signature(np.frombuffer(bytes(minhash), dtype=np.uint64))
                else:  # stored before schema version 3
                    text = conn.execute(select(ARTICLES.c.text).where(ARTICLES.c.id == key)).scalar()
                    sig = signature(text or "", self.duplicates.num_perm)
                self.duplicates.restore(key, sig, date, dup)  # the stored families, as they are
                if dup is not None:
                    self._copy_of[key] = dup
                    grouper.copies.setdefault(dup, []).append(
                        {"article_id": key, "source": source, "date": date.isoformat() if date else None})
            restore_grouping(grouper, conn)
        self.grouper = grouper
        return grouper

    def rows_for(self, report: Report, key: str) -> dict[str, Any]:
        """``duplicate_of``, figure mention rows and claim vector rows for a new article stored as ``key``."""
        grouper = self._load()
        article = dataclasses.replace(report.article, id=key)
        sig = signature(article.text, self.duplicates.num_perm)
        if grouper.has_article(key):
            # its mentions were restored with the stored grouping: another indexer stored it after this run
            # checked, so the store will refuse it; grouping it again would put its mentions in two groups
            self._stored_before.add(key)
            return {"duplicate_of": self._copy_of.get(key), "minhash": np.asarray(sig.hashvalues,
                                                                                  dtype=np.uint64).tobytes(),
                    "mentions": [], "claims": []}
        dup = self.duplicates.add_signature(key, sig, article.date)
        if dup is not None:
            self._copy_of[key] = dup
        mentions = grouper.add_article(article, report.findings, duplicate_of=dup)
        mrows = self._mention_rows(grouper, mentions)
        repointed: list[dict[str, Any]] = []
        if self.duplicates.repointed:  # dated before its family's original: the family's articles become its copies
            with self.store.reading() as conn:
                stored = stored_articles(conn, self.duplicates.repointed)
            for other, changed in repoint(grouper, key, [stored[k] for k in self.duplicates.repointed if k in stored]):
                self._copy_of[other] = key
                o_article, o_findings = stored[other]
                repointed.append({"id": other, "duplicate_of": key, "mentions": self._mention_rows(grouper, changed),
                                  "claims": self._claim_rows(o_article, o_findings, other, changed)})
        crows = self._claim_rows(article, report.findings, key, None if dup is None else mentions)
        return {"duplicate_of": dup, "minhash": np.asarray(sig.hashvalues, dtype=np.uint64).tobytes(),
                "mentions": mrows, "claims": crows, "repointed": repointed}


    def _claim_rows(self, article: Article, findings: Sequence[Finding], key: str,
                    own: list[FigureMention] | None) -> list[dict[str, Any]]:
        """The claim vector rows of an article: every claim of an original (``own`` None); of a republished
        copy only the claims that state one of its own figures (``own``: what its family does not state, an
        update or an added figure), since its other claims repeat the original's (user trial s32: ``claims
        --like`` never found the sentence an updated copy changed)."""
        if own is not None:
            findings = claims_stating(findings, own)
        encoder: str | None = None
        encode: ClaimEncode | None = None
        if self.embed_claims and any(f.kind == "claim" and f.score >= CLAIM_MIN_SCORE for f in findings):
            encode, encoder = self._claims()
        return claim_rows(article, findings, key, encode, encoder)

    @staticmethod
    def _mention_rows(grouper: FigureGrouper, mentions: list[FigureMention]) -> list[dict[str, Any]]:
        return [grouper_mention_row(grouper, m) for m in mentions]

    def replacement_rows(self, report: Report, key: str) -> list[dict[str, Any]]:
        """The ``figure_mentions`` rows of a re-analysed article stored as ``key``: its old mentions leave
        their groups, the new ones are assigned to the groups as they are now (a republished copy adds
        only its figures the original and earlier copies do not state). :meth:`presslens.store.store.Store.replace` writes them in place of the old rows."""
        grouper = self._load()
        article = dataclasses.replace(report.article, id=key)
        mentions = grouper.replace_article(article, report.findings, duplicate_of=self._copy_of.get(key))
        return self._mention_rows(grouper, mentions)

    def invalidate(self) -> None:
        """Drop the in-memory state (after a failed write it may hold what the store does not): the next
        article loads it again from the store."""
        self.grouper = None
        self.duplicates = DuplicateIndex()
        self._copy_of = {}
        self._stored_before = set()

    def forget(self, key: str) -> None:
        """Undo the grouping of an article that was not stored after all (another indexer stored it first,
        or its transaction failed): its mentions leave the in-memory groups."""
        if key in self._stored_before:
            self._stored_before.discard(key)  # its stored mentions stay in the groups, as in the store
            return
        if self.grouper is not None:
            self.grouper.remove_article(key)


def claim_rows(article: Article, findings: Sequence[Finding], key: str, encode: ClaimEncode | None = None,
               encoder: str | None = None) -> list[dict[str, Any]]:
    """The ``claim_vectors`` rows of ``findings`` (of a copy, the claims stating its own figures: see
    :meth:`CorpusTracker.rows_for`): one per check-worthy claim, embedded only when ``encode`` is given (else on
    the first ``presslens claims`` query)."""
    claims = [f for f in findings if f.kind == "claim" and f.score >= CLAIM_MIN_SCORE]
    if not claims:
        return []
    vecs = encode([f.text for f in claims]) if encode is not None else None
    cid = content_id(article.text)
    return [{"id": f.id or finding_id(cid, f.analyzer, f.kind, f.label, f.start, f.end), "article_id": key,
             "date": article.date, "source": article.source, "start": f.start, "end": f.end, "text": f.text,
             "encoder": encoder, "vector": None if vecs is None else _vector_bytes(vecs[i], np.float32)}
            for i, f in enumerate(claims)]


def claims_stating(findings: Sequence[Finding], own: Sequence[FigureMention]) -> list[Finding]:
    """The claims of a republished copy that hold one of ``own``, the figures its family does not state (an
    update or an added figure): the only claims a copy lists, its others repeating its original's (user trial
    s32)."""
    spans = [(m.start, m.end) for m in own]
    return [f for f in findings if f.kind == "claim" and any(f.start <= s and e <= f.end for s, e in spans)]


def stored_articles(conn: Any, keys: Sequence[str]) -> dict[str, tuple[Article, list[Finding]]]:
    """The stored articles (id = corpus key) and findings of ``keys``."""
    out: dict[str, tuple[Article, list[Finding]]] = {}
    for s in range(0, len(keys), LOOKUP_BATCH):
        for key, packed, text in conn.execute(select(ARTICLES.c.id, ARTICLES.c.report, ARTICLES.c.text)
                                              .where(ARTICLES.c.id.in_(list(keys[s : s + LOOKUP_BATCH])))):
            article = dataclasses.replace(article_from_stored(bytes(packed), text), id=key)
            out[key] = (article, findings_from_dicts(stored_report(bytes(packed), text).get("findings") or []))
    return out


def repoint(grouper: FigureGrouper, original: str, family: Sequence[tuple[Article, list[Finding]]],
            ) -> list[tuple[str, list[FigureMention]]]:
    """A family whose original turned out to be ``original`` (dated before it, just added): its old original
    and copies (``family``, by date: :attr:`DuplicateIndex.repointed`) leave their groups and come back as
    copies of ``original``, one after the other, as new copies arrive (each keeps only the figures
    ``original`` and the earlier of them do not state); (article key, its mentions now) each."""
    old = {article.id for article, _ in family if article.id in grouper.copies}
    out = []
    for article, findings in family:
        out.append((article.id, grouper.replace_article(article, findings, duplicate_of=original)))
    for key in old:
        if not grouper.copies.get(key):
            grouper.copies.pop(key, None)
            grouper.updated_families.discard(key)
    return out


def load_mentions(conn: Any, where: Any = None, *,
                  outcomes: dict[str, np.ndarray] | None = None,
                  ) -> tuple[list[FigureMention], dict[str, str], dict[str, np.ndarray]]:
    """Stored mentions in indexing order, their group ids and clause vectors; with ``outcomes`` given, the
    stored outcome vectors are put there (rows stored before schema version 5, or by a grouping that reads
    none, have none)."""
    stmt = select(FIGURE_MENTIONS.c.data, FIGURE_MENTIONS.c.group_id, FIGURE_MENTIONS.c.vector,
                  FIGURE_MENTIONS.c.outcome).order_by(FIGURE_MENTIONS.c.pk)
    if where is not None:
        stmt = stmt.where(where)
    mentions: list[FigureMention] = []
    group_of: dict[str, str] = {}
    vectors: dict[str, np.ndarray] = {}
    for data, gid, vec, outcome in conn.execute(stmt):
        m = FigureMention.from_dict(json.loads(data))
        mentions.append(m)
        if gid is not None:
            group_of[m.id] = gid
        if vec is not None:
            vectors[m.id] = np.frombuffer(bytes(vec), dtype=np.float16)
        if outcome is not None and outcomes is not None:
            outcomes[m.id] = np.frombuffer(bytes(outcome), dtype=np.float16)
    return mentions, group_of, vectors


def restore_grouping(grouper: FigureGrouper, conn: Any, where: Any = None) -> None:
    """Load the stored grouping into ``grouper``: mentions, group ids, clause vectors and, where the grouper
    reads them, the stored outcome vectors (only the rows without one are embedded again)."""
    outcomes: dict[str, np.ndarray] | None = {} if grouper.outcome_embed is not None else None
    mentions, group_of, vectors = load_mentions(conn, where, outcomes=outcomes)
    grouper.restore(mentions, group_of, vectors, outcomes=outcomes)


def load_copies(conn: Any) -> dict[str, list[dict[str, Any]]]:
    """Original article key -> its stored republished copies, by date (undated ones last, then in indexing
    order): "also published by" reads as a timeline (user trial s30: copies were listed in indexing order,
    "2025-05-20, 2025-05-26, 2025-03-06")."""
    copies: dict[str, list[dict[str, Any]]] = {}
    for key, dup, source, date in conn.execute(
        select(ARTICLES.c.id, ARTICLES.c.duplicate_of, ARTICLES.c.source, ARTICLES.c.date)
        .where(ARTICLES.c.duplicate_of.is_not(None)).order_by(ARTICLES.c.pk)
    ):
        copies.setdefault(dup, []).append({"article_id": key, "source": source,
                                           "date": date.isoformat() if date else None})
    for listed in copies.values():
        listed.sort(key=lambda c: (c["date"] is None, c["date"] or ""))  # stable: indexing order within a date
    return copies


def load_copy_figures(conn: Any, grouper: FigureGrouper, originals: Iterable[str]) -> None:
    """For the families of ``originals`` that have an updated copy (a copy with stored mentions of its own,
    read whatever dates a view keeps), what each of their copies states, read from the copies' stored reports
    (:meth:`FigureGrouper.note_copy_figures`): "also published by" lists a copy under the figures it states,
    so a copy of an updated copy under the update it repeats (user trial s31, problem 2). Families without an
    updated copy read nothing."""
    wanted = set(originals)
    updated = {dup for (dup,) in conn.execute(
        select(ARTICLES.c.duplicate_of).distinct()
        .where(ARTICLES.c.pk.in_(select(FIGURE_MENTIONS.c.article_pk)), ARTICLES.c.duplicate_of.is_not(None)))
        if dup in wanted}
    grouper.updated_families.update(updated)
    keys = sorted(c["article_id"] for key in updated for c in grouper.copies.get(key, ()))
    for s in range(0, len(keys), LOOKUP_BATCH):
        part = keys[s : s + LOOKUP_BATCH]
        for key, packed, text in conn.execute(
                select(ARTICLES.c.id, ARTICLES.c.report, ARTICLES.c.text).where(ARTICLES.c.id.in_(part))):
            doc = stored_report(bytes(packed), text)
            article = dataclasses.replace(article_from_report(doc, text), id=key)
            grouper.note_copy_figures(article, findings_from_dicts(doc.get("findings") or []))


def rebuild_groups(store: Store, embed: Embedder | None = None, *, grouping: GroupingConfig | None = None,
                   outcome_embed: Embedder | None = None, part_embed: Embedder | None = None) -> tuple[int, int]:
    """Rebuild every figure mention from the stored reports and regroup them by replaying indexing: the
    articles in indexing order (``articles.pk``), each one's mentions made, embedded (one encoder call per
    article, as :meth:`CorpusTracker.rows_for` makes them: the encoder's output depends on the batch a text
    is in) and assigned as an ``index`` run assigns them; then replace the ``figure_mentions`` rows in one
    transaction; (mentions, groups). The families are found again from the stored signatures as indexing
    finds them (the earliest dated original, :func:`repoint`), and an article whose ``duplicate_of`` changes
    (a store indexed before stop 31) gets it, and its claim vectors (a copy's: those holding its own figures), in
    that transaction. So a store filled by
    any number of sequential ``index`` runs, in any order, equals its rebuild (partition, group ids, vectors); after a model or grouping change the rebuild
    is what indexing the same articles in the same order gives. ``grouping`` and the token-state embedders
    as for :func:`figure_grouper`."""
    grouper = figure_grouper(grouping, embed, outcome_embed=outcome_embed, part_embed=part_embed)
    per_article: list[tuple[int, Article, list[Finding], str | None, MinHash]] = []
    with store.reading() as conn:
        for pk, key, packed, text, dup, minhash in conn.execute(
            select(ARTICLES.c.pk, ARTICLES.c.id, ARTICLES.c.report, ARTICLES.c.text, ARTICLES.c.duplicate_of,
                   ARTICLES.c.minhash).order_by(ARTICLES.c.pk)
        ):
            doc = stored_report(bytes(packed), text)
            article = dataclasses.replace(article_from_stored(bytes(packed), text), id=key)
            sig = (stored_signature(np.frombuffer(bytes(minhash), dtype=np.uint64)) if minhash is not None
                   else signature(text or ""))
            per_article.append((pk, article, findings_from_dicts(doc.get("findings") or []), dup, sig))
    # the families are found again as indexing found them (the original: the earliest dated, user trial s31
    # problem 4), so a store indexed before that rule gets its originals right here
    duplicates = DuplicateIndex()
    by_key = {a.id: (pk, a, f) for pk, a, f, _, _ in per_article}
    rows: dict[str, list[FigureMention]] = {}  # article -> its mentions, in the order index runs write them
    for _pk, article, findings, _, sig in per_article:  # as CorpusTracker.rows_for assigns a new article
        dup = duplicates.add_signature(article.id, sig, article.date)
        # a republished copy adds only the figures its family does not state yet (compare/copies.py)
        rows[article.id] = grouper.add_article(article, findings, duplicate_of=dup)
        family = [by_key[k][1:] for k in duplicates.repointed]
        for other, mentions in repoint(grouper, article.id, family):
            rows.pop(other, None)
            rows[other] = mentions  # rewritten in the new original's transaction: after its rows
    stored_dup = {a.id: dup for _, a, _, dup, _ in per_article}
    with store.transaction() as conn:
        conn.execute(FIGURE_MENTIONS.delete())
        out = [{**grouper_mention_row(grouper, m), "article_pk": by_key[key][0]}
               for key, mentions in rows.items() for m in mentions]
        if out:
            conn.execute(FIGURE_MENTIONS.insert(), out)
        for key, (pk, article, findings) in by_key.items():
            dup = duplicates.duplicate_of.get(key)
            if dup == stored_dup[key]:
                continue
            conn.execute(ARTICLES.update().where(ARTICLES.c.pk == pk).values(duplicate_of=dup))
            conn.execute(CLAIM_VECTORS.delete().where(CLAIM_VECTORS.c.article_pk == pk))
            # an original lists its claims, a copy those holding a figure of its own (as rows_for writes them)
            crows = claim_rows(article, findings if dup is None else claims_stating(findings, rows.get(key, [])), key)
            if crows:
                conn.execute(CLAIM_VECTORS.insert(), [{**c, "article_pk": pk} for c in crows])
    return sum(len(v) for v in rows.values()), len(grouper.groups)


def _stored_vectors_only(texts: list[str]) -> np.ndarray:
    """The clause embedder of a grouper that only reads stored groups (:func:`figure_summaries`): never asked."""
    raise RuntimeError("figure summaries read the stored clause vectors; nothing should be embedded")


class SharedEncoderEmbedders:
    """The outcome and part embedders of the shared encoder (:func:`figure_grouper`'s defaults), the encoder
    loaded on the first text to embed: ``presslens figures`` reads the stored outcome vectors and embeds only
    the rows stored without one and the figures whose values clash (their part vectors), often none."""

    def __init__(self) -> None:
        self._embedders: tuple[Embedder, Embedder] | None = None

    def _loaded(self) -> tuple[Embedder, Embedder]:
        if self._embedders is None:
            from presslens.compare.figure_outcome import outcome_embedder
            from presslens.compare.figure_parts import parts_embedder
            from presslens.encoder import SentenceEncoder

            encoder = SentenceEncoder.default()
            self._embedders = (outcome_embedder(encoder), parts_embedder(encoder))
        return self._embedders

    def outcomes(self, texts: list[str]) -> np.ndarray:
        return self._loaded()[0](texts)

    def parts(self, texts: list[str]) -> np.ndarray:
        return self._loaded()[1](texts)


@dataclasses.dataclass(frozen=True)
class MentionScore:
    """How sure presslens is of a figure as a view shows it (:func:`mentions_at_min_score`)."""

    score: float
    """The score of the quantity finding (of the lower one where two findings make one figure)."""
    source_candidate: bool = False
    """``attributed_to`` comes only from an attribution below 0.5 (shown only with ``--min-score`` under 0.5)."""

    @property
    def candidate(self) -> bool:
        """The figure itself is a low-confidence candidate (score below 0.5)."""
        return self.score < ASSERT_THRESHOLD


def mentions_at_min_score(conn: Any, mentions: list[FigureMention], min_score: float,
                          ) -> tuple[list[FigureMention], dict[str, MentionScore]]:
    """The stored mentions as a view with ``--min-score P`` shows them (the score contract of ``analyze``):
    only figures whose quantity finding scores at least P, each with ``attributed_to``, ``attribution_vague``
    and ``hedged`` read again from the article's findings that score at least P, so no source or hedge comes
    from a finding the view does not show (user trial s25: a timeline named "Facebook" from a 0.14
    attribution). Index-time grouping reads every finding and is left as it is; this only decides what is
    shown. Reads the stored reports of the mentions' articles (:data:`LOOKUP_BATCH` at a time)."""
    by_article: dict[str, list[FigureMention]] = {}
    for m in mentions:
        by_article.setdefault(m.article_id, []).append(m)
    keys = sorted(by_article)
    read: dict[str, MentionScore] = {}
    for s in range(0, len(keys), LOOKUP_BATCH):
        part = keys[s : s + LOOKUP_BATCH]
        rows = conn.execute(select(ARTICLES.c.id, ARTICLES.c.report, ARTICLES.c.text).where(ARTICLES.c.id.in_(part)))
        for key, packed, text in rows:
            doc = stored_report(bytes(packed), text)
            article = dataclasses.replace(article_from_report(doc, text), id=key)
            findings = findings_from_dicts(doc.get("findings") or [])
            shown = {m.id: m for m in mentions_from_findings(article, [f for f in findings if f.score >= min_score])}
            asserted = shown if min_score >= ASSERT_THRESHOLD else {
                m.id: m for m in mentions_from_findings(article, [f for f in findings if f.score >= ASSERT_THRESHOLD])}
            quantities = [f for f in findings if f.kind == "quantity"]
            for m in by_article[key]:
                fresh = shown.get(m.id)
                if fresh is None:  # its quantity finding scores below min_score
                    continue
                m.attributed_to, m.attribution_vague, m.hedged = fresh.attributed_to, fresh.attribution_vague, fresh.hedged
                kept = asserted.get(m.id)
                score = min((f.score for f in quantities if m.start <= f.start and f.end <= m.end), default=0.0)
                read[m.id] = MentionScore(score, source_candidate=bool(m.attributed_to) and (
                    kept is None or kept.attributed_to != m.attributed_to))
    return [m for m in mentions if m.id in read], read


def figure_summaries(
    store: Store,
    query: str | None = None,
    *,
    sources: Iterable[str] = (),
    since: _dt.date | None = None,
    until: _dt.date | None = None,
    min_articles: int = 2,
    grouping: GroupingConfig | None = None,
    outcome_embed: Embedder | None = None,
    part_embed: Embedder | None = None,
    min_score: float = ASSERT_THRESHOLD,
    scores: dict[str, MentionScore] | None = None,
) -> list[GroupSummary]:
    """The stored figure groups as summaries (largest first).

    With a grouping that has the conflict model (the default, ``grouping``: as for :func:`figure_grouper`) each
    summary also lists the conflicts the model finds between one of its mentions and a mention of another
    group (``GroupSummary.conflicts_between``, with both groups' ids). The stored partition, clause vectors and
    outcome vectors (schema version 5) are read as they are; the shared encoder (loaded only if needed) embeds
    the outcome vectors of rows stored without one and the noun / predicate token states of the figures whose
    values clash, unless stand-ins are given.

    ``since``/``until`` keep the mentions dated in that range (undated ones are left out when either is
    given); groups are then those with mentions from at least ``min_articles`` articles; ``sources`` keeps
    groups that at least one of those sources reports; ``query`` keeps groups whose label or a mention's
    clause contains every word of it (case-insensitive).

    ``min_score`` (``presslens figures --min-score``, default 0.5): only the figures, sources and hedges of
    findings scored at least that are read (:func:`mentions_at_min_score`), before ``min_articles`` counts
    articles; ``scores``, when given, receives each listed mention's :class:`MentionScore` (what a view marks
    as a candidate below 0.5)."""
    where = None
    if since is not None:
        where = FIGURE_MENTIONS.c.date >= since
    if until is not None:
        cond = FIGURE_MENTIONS.c.date <= until
        where = cond if where is None else and_(where, cond)
    config = grouping or GroupingConfig()
    if config.conflict_model is not None:  # stored clause vectors are read; nothing is re-embedded for them
        lazy = SharedEncoderEmbedders()
        grouper = figure_grouper(config, _stored_vectors_only, outcome_embed=outcome_embed or lazy.outcomes,
                                 part_embed=part_embed or lazy.parts)
    else:
        grouper = FigureGrouper(None, config)
    with store.reading() as conn:
        outcomes: dict[str, np.ndarray] | None = {} if grouper.outcome_embed is not None else None
        mentions, group_of, vectors = load_mentions(conn, where, outcomes=outcomes)
        mentions, read = mentions_at_min_score(conn, mentions, min_score)
        grouper.restore(mentions, group_of, vectors, outcomes=outcomes)
        grouper.copies.update(load_copies(conn))
        load_copy_figures(conn, grouper, {m.updated_copy_of or m.article_id for m in mentions})
    if scores is not None:
        scores.update(read)
    between = grouper.between_group_conflicts()
    wanted_sources = {s.casefold() for s in sources}
    words = [w.casefold() for w in (query or "").split()]
    out = []
    for gid in grouper.tracked_groups(min_articles):
        summary = grouper.summary(gid, between)
        if wanted_sources and not any((m.source or "").casefold() in wanted_sources for m in summary.mentions):
            continue
        if words:
            hay = " ".join([summary.label, *(m.clause for m in summary.mentions)]).casefold()
            if not all(w in hay for w in words):
                continue
        out.append(summary)
    return out


__all__ = ["CLAIM_MIN_SCORE", "CorpusTracker", "MentionScore", "mentions_at_min_score", "SharedEncoderEmbedders", "figure_grouper", "grouper_mention_row", "figure_summaries", "load_copies", "load_copy_figures", "load_mentions", "rebuild_groups",
           "restore_grouping"]
