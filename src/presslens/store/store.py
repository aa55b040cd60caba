"""The corpus store: open (and create or check the schema), add or replace one analysed article per
transaction, look articles up, report counts."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
from collections.abc import Iterable, Iterator
from typing import Any

from sqlalchemy import Connection, Engine, func, select, text
from sqlalchemy.dialects import postgresql, sqlite

from presslens.article import Report
from presslens.store import schema
from presslens.store.backend import DRIVER_ERRORS, DatabaseURL, StoreError, explain, make_engine, resolve_url
from presslens.store.rows import article_aggregates, report_rows
from presslens.store.schema import ARTICLES, CLAIM_VECTORS, FIGURE_MENTIONS, FINDINGS, SCHEMA_VERSION

AGGREGATES = tuple(article_aggregates([]))
_PG_LOCK = 7_114_014  # advisory lock id held while a PostgreSQL store creates or upgrades its schema


class Store:
    """One corpus database. Use :func:`open_store` to get one."""

    def __init__(self, db: DatabaseURL, engine: Engine, *, write: bool) -> None:
        self.db = db
        self.engine = engine
        self.write = write
        self._findings_sql: str | None = None

    @property
    def backend(self) -> str:
        return self.db.backend

    # ------------------------------------------------------------ errors and transactions

    @contextlib.contextmanager
    def guard(self) -> Iterator[None]:
        """Turn driver errors into one-line :class:`StoreError` s."""
        try:
            yield
        except StoreError:
            raise
        except DRIVER_ERRORS as exc:
            raise explain(exc, self.db) from exc

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Connection]:
        with self.guard(), self.engine.begin() as conn:
            yield conn

    @contextlib.contextmanager
    def reading(self) -> Iterator[Connection]:
        with self.guard(), self.engine.connect() as conn:
            yield conn

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # ------------------------------------------------------------ schema

    def _lock_schema(self, conn: Connection) -> None:
        if self.backend == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_LOCK})

    def version(self) -> int:
        with self.reading() as conn:
            return schema.read_version(conn)

    def check_schema(self, *, create: bool) -> None:
        """Create the schema on an empty database (``create``), refuse a newer or a foreign one, and name the
        command that upgrades an older one."""
        if not create:
            current = self.version()
            self._judge(current, create=False)
            return
        with self.transaction() as conn:
            self._lock_schema(conn)
            current = schema.read_version(conn)
            self._judge(current, create=True)
            if current == 0:
                schema.upgrade(conn, 0)

    def _judge(self, current: int, *, create: bool) -> None:
        if current < 0:
            raise StoreError(f"{self.db.shown} holds other tables (an 'articles' table without presslens's "
                             "store_meta): not a presslens corpus")
        if current > SCHEMA_VERSION:
            raise StoreError(f"{self.db.shown} has store schema version {current}, newer than this presslens "
                             f"understands ({SCHEMA_VERSION}): upgrade presslens to use it")
        if current == 0 and not create:
            raise StoreError(f"{self.db.shown} is an empty database: run 'presslens index INPUT --db ...' first")
        if 0 < current < SCHEMA_VERSION:
            raise StoreError(f"{self.db.shown} has store schema version {current} (this presslens uses "
                             f"{SCHEMA_VERSION}): run 'presslens db upgrade --db {self.db.shown}'")

    def upgrade(self) -> tuple[int, int]:
        """Bring the schema to :data:`SCHEMA_VERSION`; (version before, version after)."""
        with self.transaction() as conn:
            self._lock_schema(conn)
            current = schema.read_version(conn)
            if current < 0 or current > SCHEMA_VERSION:
                self._judge(current, create=True)
            schema.upgrade(conn, current)
            return current, SCHEMA_VERSION

    # ------------------------------------------------------------ articles

    def lookup(self, key: str) -> dict[str, str] | None:
        """Stored analyzer versions of the article with corpus key ``key`` (None: not stored)."""
        with self.reading() as conn:
            row = conn.execute(select(ARTICLES.c.analyzer_versions).where(ARTICLES.c.id == key)).first()
        return None if row is None else dict(json.loads(row[0]))

    def _insert_findings(self, conn: Connection, pk: int, frows: list[dict[str, Any]]) -> None:
        """Bulk insert through the driver's executemany (SQLAlchemy's per-row parameter processing was half
        of the store's time per article); values are already plain Python types."""
        if not frows:
            return
        if self._findings_sql is None:
            cols = [c.name for c in FINDINGS.columns if c.name != "pk"]
            names = ", ".join(f'"{c}"' for c in cols)
            marks = ", ".join(f":{c}" if self.backend == "sqlite" else f"%({c})s" for c in cols)
            self._findings_sql = f"INSERT INTO findings ({names}) VALUES ({marks})"
        sqlite = self.backend == "sqlite"
        params = []
        for f in frows:
            row = {**f, "article_pk": pk}
            if sqlite and row.get("date") is not None:
                row["date"] = row["date"].isoformat()  # the form SQLAlchemy's SQLite Date type stores
            params.append(row)
        conn.exec_driver_sql(self._findings_sql, params)

    def _insert(self) -> Any:
        return (sqlite.insert if self.backend == "sqlite" else postgresql.insert)(ARTICLES)

    def add(self, report: Report, tracker: Any = None) -> bool:
        """Store an analysed article with all its findings in one transaction; False if it was already there.

        With a :class:`presslens.store.tracking.CorpusTracker`, its ``duplicate_of``, figure mentions and claim
        vectors are written in the same transaction."""
        row, frows = report_rows(report)
        tracking = tracker.rows_for(report, row["id"]) if tracker is not None else None
        try:
            added = self.add_rows(row, frows, tracking)
        except BaseException:
            if tracker is not None:
                tracker.invalidate()
            raise
        if not added and tracker is not None:
            if tracking and tracking.get("repointed"):
                tracker.invalidate()  # it re-pointed a family in memory that the store keeps as it was
            else:
                tracker.forget(row["id"])  # another indexer stored it first: its groups are that run's
        return added

    def add_rows(self, row: dict[str, Any], frows: list[dict[str, Any]],
                 tracking: dict[str, Any] | None = None) -> bool:
        """:meth:`add` for rows made by :func:`presslens.store.rows.report_rows` (or a bench); ``tracking``:
        what :meth:`presslens.store.tracking.CorpusTracker.rows_for` returned."""
        with self.transaction() as conn:
            return self._add_rows(conn, row, frows, tracking)

    def add_many(self, items: Iterable[tuple[dict[str, Any], list[dict[str, Any]]]]) -> int:
        """:meth:`add_rows` for many articles in one transaction (bulk loads of generated rows, e.g. the
        scale bench; ``index`` keeps one transaction per article); the number of articles added."""
        with self.transaction() as conn:
            return sum(self._add_rows(conn, row, frows, None) for row, frows in items)

    def _add_rows(self, conn: Connection, row: dict[str, Any], frows: list[dict[str, Any]],
                  tracking: dict[str, Any] | None) -> bool:
        if tracking is not None:
            row = {**row, "duplicate_of": tracking["duplicate_of"], "minhash": tracking.get("minhash")}
        stmt = self._insert().values(**row).on_conflict_do_nothing(index_elements=["id"])
        pk = conn.execute(stmt.returning(ARTICLES.c.pk)).scalar()
        if pk is None:
            return False
        if self.backend == "sqlite":
            conn.exec_driver_sql(
                "INSERT INTO articles_fts(rowid, title, text) VALUES (?, ?, ?)", (pk, row["title"], row["text"])
            )
        self._insert_findings(conn, pk, frows)
        if tracking is not None:
            if tracking["mentions"]:
                conn.execute(FIGURE_MENTIONS.insert(), [{**m, "article_pk": pk} for m in tracking["mentions"]])
            if tracking["claims"]:
                conn.execute(CLAIM_VECTORS.insert(), [{**c, "article_pk": pk} for c in tracking["claims"]])
            for other in tracking.get("repointed") or ():
                self._repoint(conn, other)
        return True

    @staticmethod
    def _repoint(conn: Connection, other: dict[str, Any]) -> None:
        """A stored article that became a copy of an earlier-dated article (issue 15, user trial s31 problem 4),
        in the new article's transaction: its ``duplicate_of``, its figure mentions (now only those its new
        original does not state) and the claim vectors of the claims that state those (user trial s32)."""
        opk = conn.execute(select(ARTICLES.c.pk).where(ARTICLES.c.id == other["id"])).scalar()
        if opk is None:
            return
        conn.execute(ARTICLES.update().where(ARTICLES.c.pk == opk).values(duplicate_of=other["duplicate_of"]))
        conn.execute(FIGURE_MENTIONS.delete().where(FIGURE_MENTIONS.c.article_pk == opk))
        conn.execute(CLAIM_VECTORS.delete().where(CLAIM_VECTORS.c.article_pk == opk))
        if other["mentions"]:
            conn.execute(FIGURE_MENTIONS.insert(), [{**m, "article_pk": opk} for m in other["mentions"]])
        if other.get("claims"):
            conn.execute(CLAIM_VECTORS.insert(), [{**c, "article_pk": opk} for c in other["claims"]])

    def replace(self, report: Report, tracker: Any = None) -> bool:
        """Replace a stored article's report and findings (re-analysis) in one transaction; False if absent.

        With a :class:`presslens.store.tracking.CorpusTracker`, the article's figure mentions are regrouped
        (:meth:`~presslens.store.tracking.CorpusTracker.replacement_rows`) and swapped in the same
        transaction."""
        row, frows = report_rows(report)
        if tracker is not None and self.lookup(row["id"]) is None:
            return False
        mentions = tracker.replacement_rows(report, row["id"]) if tracker is not None else None
        try:
            return self._replace(row, frows, mentions)
        except BaseException:
            if tracker is not None:
                tracker.invalidate()
            raise

    def _replace(self, row: dict[str, Any], frows: list[dict[str, Any]],
                 mentions: list[dict[str, Any]] | None) -> bool:
        with self.transaction() as conn:
            pk = conn.execute(select(ARTICLES.c.pk).where(ARTICLES.c.id == row["id"])).scalar()
            if pk is None:
                return False
            conn.execute(
                ARTICLES.update()
                .where(ARTICLES.c.pk == pk)
                .values(**{k: row[k] for k in ("analyzer_versions", "report", "analysed_at", *AGGREGATES)})
            )
            conn.execute(FINDINGS.delete().where(FINDINGS.c.article_pk == pk))
            self._insert_findings(conn, pk, frows)
            if mentions is not None:
                conn.execute(FIGURE_MENTIONS.delete().where(FIGURE_MENTIONS.c.article_pk == pk))
                if mentions:
                    conn.execute(FIGURE_MENTIONS.insert(), [{**m, "article_pk": pk} for m in mentions])
        return True

    def stored_articles(self, batch: int = 200) -> Iterator[tuple[str, str, bytes, str]]:
        """(key, analyzer_versions JSON, packed report, text) of every stored article, in insertion order."""
        last = 0
        while True:
            with self.reading() as conn:
                rows = conn.execute(
                    select(ARTICLES.c.pk, ARTICLES.c.id, ARTICLES.c.analyzer_versions, ARTICLES.c.report,
                           ARTICLES.c.text)
                    .where(ARTICLES.c.pk > last).order_by(ARTICLES.c.pk).limit(batch)
                ).all()
            if not rows:
                return
            for r in rows:
                yield r.id, r.analyzer_versions, bytes(r.report), r.text
            last = rows[-1].pk

    def optimize(self) -> None:
        """Refresh the query planner's statistics (SQLite ``ANALYZE``, sampled; without them SQLite starts
        a per-source query from the findings instead of the source's articles; PostgreSQL's autovacuum does
        this by itself). SQLite: a full-text index of more than :data:`FTS_MAX_SEGMENTS` b-trees (segments;
        every write transaction adds one, FTS5 merges them only in part) is merged into one first: ranking a
        common word and rowid look-ups read every segment."""
        if self.backend == "sqlite":
            with self.guard(), self.engine.connect() as conn:
                segments = conn.exec_driver_sql("SELECT count(DISTINCT segid) FROM articles_fts_idx").scalar()
                if (segments or 0) > FTS_MAX_SEGMENTS:
                    conn.exec_driver_sql("INSERT INTO articles_fts(articles_fts) VALUES ('optimize')")
                conn.exec_driver_sql("PRAGMA analysis_limit = 400")  # sampled: fast on a large file
                conn.exec_driver_sql("ANALYZE")
                conn.commit()

    # ------------------------------------------------------------ info

    def info(self) -> dict[str, Any]:
        with self.reading() as conn:
            version = schema.read_version(conn)
            n_articles = conn.execute(select(func.count()).select_from(ARTICLES)).scalar() or 0
            n_findings = conn.execute(select(func.count()).select_from(FINDINGS)).scalar() or 0
            by_kind = {
                k: n for k, n in conn.execute(
                    select(FINDINGS.c.kind, func.count()).group_by(FINDINGS.c.kind).order_by(FINDINGS.c.kind)
                )
            }
            n_mentions = conn.execute(select(func.count()).select_from(FIGURE_MENTIONS)).scalar() or 0
            n_groups = conn.execute(select(func.count(FIGURE_MENTIONS.c.group_id.distinct()))).scalar() or 0
            n_claims = conn.execute(select(func.count()).select_from(CLAIM_VECTORS)).scalar() or 0
            n_copies = conn.execute(select(func.count()).select_from(ARTICLES)
                                    .where(ARTICLES.c.duplicate_of.is_not(None))).scalar() or 0
            n_sources = conn.execute(select(func.count(ARTICLES.c.source.distinct()))).scalar() or 0
            first, last = conn.execute(select(func.min(ARTICLES.c.date), func.max(ARTICLES.c.date))).one()
            if self.backend == "postgresql":
                size = conn.execute(text("SELECT pg_database_size(current_database())")).scalar()
            else:
                assert self.db.path is not None
                size = sum(os.path.getsize(p) for p in (str(self.db.path), f"{self.db.path}-wal")
                           if os.path.exists(p))
        return {
            "backend": self.backend,
            "database": self.db.shown,
            "schema_version": version,
            "articles": n_articles,
            "findings": n_findings,
            "findings_by_kind": by_kind,
            "republished_copies": n_copies,
            "figure_mentions": n_mentions,
            "figure_groups": n_groups,
            "claim_vectors": n_claims,
            "sources": n_sources,
            "first_date": _iso(first),
            "last_date": _iso(last),
            "size_bytes": int(size or 0),
        }


def _iso(d: Any) -> str | None:
    if isinstance(d, dt.date):
        return d.isoformat()
    return str(d) if d is not None else None


FTS_MAX_SEGMENTS = 8
"""SQLite: :meth:`Store.optimize` merges the FTS5 index into one segment when it has more than this many."""


def open_store(url: str | None = None, *, write: bool = False, create: bool = False, check: bool = True) -> Store:
    """Open the corpus at ``url`` (a path, ``sqlite:///PATH``, ``postgresql://...``; default
    ``$PRESSLENS_DB`` or ``./presslens.db``). ``create`` makes the schema on an empty database; ``check=False``
    skips the schema version check (``db upgrade``, ``db info``)."""
    db = resolve_url(url)
    if db.backend == "sqlite":
        assert db.path is not None
        if not db.path.exists():
            if not create:
                raise StoreError(f"no corpus at {db.shown}: run 'presslens index INPUT --db {db.shown}' first")
            if not db.path.parent.exists():
                raise StoreError(f"cannot create {db.shown}: folder {db.path.parent} does not exist")
        elif db.path.is_dir():
            raise StoreError(f"{db.shown} is a folder, not a database file")
        elif write and (not os.access(db.path, os.W_OK) or not db.path.stat().st_mode & 0o222):
            # the mode bits count even for root, who could write anyway: a file marked read-only stays so
            raise StoreError(f"{db.shown} is read-only: cannot write to it")
        elif write and not os.access(db.path.parent, os.W_OK):
            raise StoreError(f"{db.shown}: its folder is read-only (SQLite needs to write its journal there)")
    store = Store(db, make_engine(db, write=write), write=write)
    try:
        if check:
            store.check_schema(create=create)
        else:
            store.version()  # connects: a bad file or server fails here
    except BaseException:
        store.close()
        raise
    return store


def load_report(store: Store, key: str) -> dict[str, Any] | None:
    """The full stored report (JSON dict) of the article with corpus key ``key``."""
    from presslens.store.rows import stored_report

    with store.reading() as conn:
        row = conn.execute(select(ARTICLES.c.report, ARTICLES.c.text).where(ARTICLES.c.id == key)).first()
    return None if row is None else stored_report(bytes(row[0]), row[1])
