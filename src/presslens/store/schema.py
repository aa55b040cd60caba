"""The corpus store's tables and its versioned schema.

The schema version lives in the ``store_meta`` table (key ``schema_version``). A fresh database runs every
upgrade step from 0; an older database runs the missing steps (``presslens db upgrade``); a database written
by a newer presslens is refused. Each step runs in one transaction (PostgreSQL and SQLite both have
transactional DDL), so a failed upgrade leaves the old version intact.

Version 1: articles, findings (typed columns + JSON attributes), full-text index (backend-specific).
Version 2: ``articles.duplicate_of`` (the corpus key of the article this one republishes; filled by the
near-duplicate detector) and an index on it.
Version 3: ``articles.minhash`` (the near-duplicate detector's signature, so an ``index`` run need not
re-read every stored text), ``figure_mentions`` (one row per quantity finding of a stored article: the mention as JSON, its
clause vector and its figure group id) and ``claim_vectors`` (one row per check-worthy claim: its text and
its embedding, keyed by the claim encoder's fingerprint, filled on first use). Both are written in the article's
transaction.
Version 4: index ``ix_findings_kind_date`` on ``findings (kind, date)``: finding queries by kind without a label,
newest first (e.g. the claims of the articles matching a common word), read the findings in date order and stop
at the page instead of sorting every finding of the kind; index ``ix_articles_source_profile`` over the columns an
outlet profile reads (:data:`PROFILE_COLUMNS`), so a profile reads the index, not the articles' rows.
Version 5: ``figure_mentions.outcome`` (the mention's float16 outcome vector, computed at index time by the
groupings that read them), so ``presslens figures`` reads the vectors the grouping used instead of running the
encoder over every stored mention again. Rows stored before version 5 keep NULL there; ``presslens figures``
computes the vector of such a row as before (``presslens db rebuild-groups`` stores them all).
Version 6: ``articles.given_id``: the id the user gave the article (a corpus record's ``id`` field, or
``--field id=COLUMN``), else the file name without extension (``stem:line`` for a corpus record without an id),
i.e. ``Article.id``. The corpus key in ``articles.id`` stays the key; ``given_id``, ``title`` and ``origin`` (the
file path, ``path:line``) are what outputs show so a user can tell which of their articles a row came from. The
upgrade fills ``given_id`` of stored articles from their stored reports.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Callable

from sqlalchemy import (
    Boolean,
    Column,
    Connection,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    bindparam,
    select,
    text,
)

SCHEMA_VERSION = 6
"""The schema this presslens writes and reads."""

PROFILE_COLUMNS = ("source", "date", "words", "sentences", "propaganda_sentences", "claims", "attributed_claims",
                   "hedged_claims", "violence", "technique_counts")
"""What an outlet profile reads per article: covered by one index (v4), so a profile does not read the articles'
rows (whose texts and reports come before these columns)."""


def build_tables(metadata: MetaData, version: int = SCHEMA_VERSION) -> tuple[Table, Table, Table]:
    """The tables as they are at ``version`` (``meta``, ``articles``, ``findings``)."""
    meta = Table(
        "store_meta",
        metadata,
        Column("key", String(64), primary_key=True),
        Column("value", Text, nullable=False),
    )
    article_cols: list[Column] = [  # type: ignore[type-arg]
        Column("pk", Integer, primary_key=True, autoincrement=True),
        Column("id", String(32), nullable=False, unique=True, comment="corpus_key(content_id, source, url)"),
        Column("content_id", String(32), nullable=False, index=True),
        Column("title", Text),
        Column("date", Date, index=True),
        Column("source", String(200), index=True),
        Column("url", Text),
        Column("author", Text),
        Column("language", String(16)),
        Column("origin", Text),
        Column("words", Integer, nullable=False),
        Column("text", Text, nullable=False),
        Column("analyzer_versions", Text, nullable=False, comment="JSON {analyzer: version}"),
        Column("report", LargeBinary, nullable=False, comment="zlib-compressed report JSON without article.text"),
        Column("indexed_at", DateTime, nullable=False),
        Column("analysed_at", DateTime, nullable=False),
        # counts for outlet profiles (rows.article_aggregates)
        Column("sentences", Integer, nullable=False),
        Column("propaganda_sentences", Integer, nullable=False),
        Column("claims", Integer, nullable=False),
        Column("attributed_claims", Integer, nullable=False),
        Column("hedged_claims", Integer, nullable=False),
        Column("violence", Boolean, nullable=False),
        Column("technique_counts", Text, nullable=False, comment="JSON {technique: fragments with score >= 0.5}"),
    ]
    if version >= 2:
        article_cols.append(Column("duplicate_of", String(32), index=True))
    if version >= 3:
        article_cols.append(Column("minhash", LargeBinary, comment="MinHash signature (uint64 hash values)"))
    if version >= 6:
        article_cols.append(Column("given_id", Text, comment="the user's id or file name (Article.id)"))
    profile_index = [Index("ix_articles_source_profile", *PROFILE_COLUMNS)] if version >= 4 else []
    articles = Table("articles", metadata, *article_cols, *profile_index)
    findings = Table(
        "findings",
        metadata,
        Column("pk", Integer, primary_key=True, autoincrement=True),
        Column("article_pk", Integer, ForeignKey("articles.pk", ondelete="CASCADE"), nullable=False),
        # the article's date and source, copied so finding queries filter and sort without a join
        Column("date", Date),
        Column("source", String(200)),
        Column("id", String(24), nullable=False, comment="finding_id(content_id, analyzer, kind, label, start, end)"),
        Column("kind", String(40), nullable=False),
        Column("label", String(80), nullable=False),
        Column("start", Integer, nullable=False),
        Column("end", Integer, nullable=False),
        Column("text", Text, nullable=False),
        Column("score", Float, nullable=False),
        Column("analyzer", String(40), nullable=False),
        Column("attributes", Text, nullable=False, comment="JSON"),
        # quantity findings
        Column("value", Float),
        Column("low", Float),
        Column("high", Float),
        Column("bound", String(16)),
        Column("unit", String(80)),
        Column("vague", Boolean),
        Column("malformed", Boolean),
        # claims and attributions
        Column("hedged", Boolean),
        Column("attributed", Boolean),
        Column("cited_source", Text),
        Index("ix_findings_article", "article_pk", "kind", "label", "score"),
        Index("ix_findings_kind_label_date", "kind", "label", "date"),
        Index("ix_findings_kind_source_date", "kind", "source", "date", "cited_source"),
        Index("ix_findings_kind_value", "kind", "value"),
        *([Index("ix_findings_kind_date", "kind", "date")] if version >= 4 else []),
    )
    return meta, articles, findings


def build_tracking_tables(metadata: MetaData, version: int = SCHEMA_VERSION) -> tuple[Table, Table]:
    """The tables added in version 3 (``figure_mentions``, ``claim_vectors``) as they are at ``version``."""
    outcome = ([Column("outcome", LargeBinary, comment="float16 outcome vector (NULL: not stored; computed on read)")]
               if version >= 5 else [])
    mentions = Table(
        "figure_mentions",
        metadata,
        Column("pk", Integer, primary_key=True, autoincrement=True, comment="indexing order"),
        Column("article_pk", Integer, ForeignKey("articles.pk", ondelete="CASCADE"), nullable=False, index=True),
        Column("id", String(64), nullable=False, unique=True, comment="ARTICLE_ID:START-END"),
        Column("article_id", String(32), nullable=False),
        Column("date", Date, index=True),
        Column("source", String(200)),
        Column("group_id", String(24), index=True, comment="figure group (NULL: never grouped)"),
        Column("measure", String(40)),
        Column("value", Float),
        Column("data", Text, nullable=False, comment="JSON FigureMention.to_dict()"),
        Column("vector", LargeBinary, comment="float16 clause embedding (number masked)"),
        *outcome,
    )
    claims = Table(
        "claim_vectors",
        metadata,
        Column("pk", Integer, primary_key=True, autoincrement=True),
        Column("article_pk", Integer, ForeignKey("articles.pk", ondelete="CASCADE"), nullable=False, index=True),
        Column("id", String(24), nullable=False, comment="the claim finding's id"),
        Column("article_id", String(32), nullable=False),
        Column("date", Date),
        Column("source", String(200)),
        Column("start", Integer, nullable=False),
        Column("end", Integer, nullable=False),
        Column("text", Text, nullable=False),
        Column("encoder", String(32), comment="model_fingerprint of the claim encoder (NULL: not embedded yet)"),
        Column("vector", LargeBinary, comment="float32 L2-normalised embedding (NULL: not embedded yet)"),
        Index("ux_claim_vectors_id_encoder", "id", "encoder", unique=True),
    )
    return mentions, claims


METADATA = MetaData()
META, ARTICLES, FINDINGS = build_tables(METADATA)
FIGURE_MENTIONS, CLAIM_VECTORS = build_tracking_tables(METADATA)


def read_version(conn: Connection) -> int:
    """The schema version of the database ``conn`` points at; 0 for an empty database."""
    if not conn.dialect.has_table(conn, "store_meta"):
        if conn.dialect.has_table(conn, "articles"):
            return -1  # an articles table we did not create
        return 0
    row = conn.execute(select(META.c.value).where(META.c.key == "schema_version")).first()
    return int(row[0]) if row else 0


def _set_version(conn: Connection, version: int) -> None:
    conn.execute(META.delete().where(META.c.key == "schema_version"))
    conn.execute(META.insert().values(key="schema_version", value=str(version)))


def _step_1(conn: Connection) -> None:
    md = MetaData()
    build_tables(md, version=1)
    md.create_all(conn)
    if conn.dialect.name == "sqlite":
        # external-content FTS5 index over articles(title, text); rows are added by the store in the
        # article's own transaction (articles are never edited in place, only added)
        conn.exec_driver_sql(
            "CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', "
            "content_rowid='pk', tokenize='unicode61 remove_diacritics 2')"
        )
    else:
        conn.exec_driver_sql(
            "ALTER TABLE articles ADD COLUMN tsv tsvector GENERATED ALWAYS AS "
            "(setweight(to_tsvector('simple', coalesce(title, '')), 'A') || "
            "setweight(to_tsvector('simple', text), 'B')) STORED"
        )
        conn.exec_driver_sql("CREATE INDEX ix_articles_tsv ON articles USING GIN (tsv)")


def _step_2(conn: Connection) -> None:
    conn.execute(text("ALTER TABLE articles ADD COLUMN duplicate_of VARCHAR(32)"))
    conn.execute(text("CREATE INDEX ix_articles_duplicate_of ON articles (duplicate_of)"))


def _step_3(conn: Connection) -> None:
    md = MetaData()
    build_tables(md, version=1)  # the foreign keys need ``articles`` in the same metadata
    mentions, claims = build_tracking_tables(md, version=3)
    mentions.create(conn)
    claims.create(conn)
    blob = "BYTEA" if conn.dialect.name == "postgresql" else "BLOB"
    conn.execute(text(f"ALTER TABLE articles ADD COLUMN minhash {blob}"))


def _step_4(conn: Connection) -> None:
    conn.execute(text("CREATE INDEX ix_findings_kind_date ON findings (kind, date)"))
    conn.execute(text(f"CREATE INDEX ix_articles_source_profile ON articles ({', '.join(PROFILE_COLUMNS)})"))


def _step_5(conn: Connection) -> None:
    blob = "BYTEA" if conn.dialect.name == "postgresql" else "BLOB"
    conn.execute(text(f"ALTER TABLE figure_mentions ADD COLUMN outcome {blob}"))


def _step_6(conn: Connection) -> None:
    conn.execute(text("ALTER TABLE articles ADD COLUMN given_id TEXT"))
    md = MetaData()
    _meta, articles, _findings = build_tables(md, version=6)
    last = 0
    while True:  # the user's id was kept in each stored report (``article.id``): copy it out, a batch at a time
        batch = conn.execute(select(articles.c.pk, articles.c.report).where(articles.c.pk > last)
                             .order_by(articles.c.pk).limit(UPGRADE_BATCH)).all()
        if not batch:
            return
        updates = [{"row": pk, "given": gid} for pk, packed in batch if (gid := _reported_id(bytes(packed)))]
        if updates:
            conn.execute(articles.update().where(articles.c.pk == bindparam("row")).values(given_id=bindparam("given")),
                         updates)
        last = batch[-1][0]


UPGRADE_BATCH = 500
"""Articles read per query by the version 6 upgrade (their reports are decompressed one by one)."""


def _reported_id(packed: bytes) -> str | None:
    """``article.id`` of a stored report (None when it has none or cannot be read)."""
    try:
        doc = json.loads(zlib.decompress(packed).decode("utf-8"))
    except (zlib.error, UnicodeDecodeError, ValueError):
        return None
    article = doc.get("article") if isinstance(doc, dict) else None
    gid = article.get("id") if isinstance(article, dict) else None
    return gid if isinstance(gid, str) and gid else None


UPGRADE_STEPS: dict[int, Callable[[Connection], None]] = {1: _step_1, 2: _step_2, 3: _step_3, 4: _step_4,
                                                          5: _step_5, 6: _step_6}
"""``UPGRADE_STEPS[n]`` takes a database from version n-1 to n."""


def upgrade(conn: Connection, current: int, target: int = SCHEMA_VERSION) -> list[int]:
    """Run the steps from ``current`` to ``target`` on ``conn`` (the caller commits); the steps run."""
    done = []
    for v in range(current + 1, target + 1):
        UPGRADE_STEPS[v](conn)
        _set_version(conn, v)
        done.append(v)
    return done
