"""Database URLs, engines and the few SQL pieces that differ between SQLite and PostgreSQL.

``--db`` takes a path (SQLite file), ``sqlite:///PATH`` or ``postgresql://user[:password]@host[:port]/db``
(driven by psycopg 3). Every driver error that a user can cause (bad URL, unreachable server, a file that is
not a database, a read-only file, a locked or full database) becomes a :class:`StoreError` with one line.
"""

from __future__ import annotations

import os
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, SQLAlchemyError

DEFAULT_DB = "presslens.db"
ENV_DB = "PRESSLENS_DB"
ENV_BUSY_TIMEOUT = "PRESSLENS_DB_TIMEOUT"
"""Seconds a SQLite writer waits for another writer's transaction (default 60)."""
DEFAULT_BUSY_TIMEOUT = 60.0

SQLITE_PRAGMAS: list[str] = ["PRAGMA foreign_keys = ON", "PRAGMA synchronous = NORMAL"]
"""Run on every new SQLite connection (after WAL and the busy timeout); tests add limits here."""


class StoreError(Exception):
    """A problem with the database a user can act on; its message is one line."""


@dataclass(frozen=True)
class DatabaseURL:
    backend: str  # "sqlite" | "postgresql"
    url: str  # the SQLAlchemy URL
    path: Path | None  # SQLite file
    shown: str  # for messages: the password hidden


def resolve_url(value: str | None) -> DatabaseURL:
    """``--db`` value (or ``$PRESSLENS_DB``, or ``./presslens.db``) as a :class:`DatabaseURL`."""
    raw = value or os.environ.get(ENV_DB) or DEFAULT_DB
    if "://" not in raw:
        path = Path(raw).expanduser()
        return DatabaseURL("sqlite", f"sqlite+pysqlite:///{path}", path, str(path))
    try:
        url = make_url(raw)
    except ArgumentError:
        raise StoreError(f"malformed database URL {_hide_password(raw)!r} (use a file path, "
                         "sqlite:///PATH or postgresql://user@host/db)") from None
    shown = url.render_as_string(hide_password=True)
    if url.get_backend_name() == "sqlite":
        if not url.database or url.database == ":memory:":
            raise StoreError(f"{shown}: a SQLite store needs a file path (sqlite:///PATH)")
        path = Path(url.database).expanduser()
        return DatabaseURL("sqlite", f"sqlite+pysqlite:///{path}", path, str(path))
    if url.get_backend_name() in ("postgresql", "postgres"):
        if not url.database:
            raise StoreError(f"{shown}: name the database (postgresql://user@host/DBNAME)")
        url = url.set(drivername="postgresql+psycopg")
        return DatabaseURL("postgresql", url.render_as_string(hide_password=False), None, shown)
    raise StoreError(f"unsupported database URL {shown!r}: use a file path, sqlite:///PATH or postgresql://...")


def _hide_password(raw: str) -> str:
    return re.sub(r"(://[^:/@]*:)[^@]*@", r"\1***@", raw)


def busy_timeout() -> float:
    try:
        return float(os.environ.get(ENV_BUSY_TIMEOUT, DEFAULT_BUSY_TIMEOUT))
    except ValueError:
        return DEFAULT_BUSY_TIMEOUT


def make_engine(db: DatabaseURL, *, write: bool) -> Engine:
    """An engine for ``db``. SQLite writers take the write lock when their transaction begins
    (``BEGIN IMMEDIATE``), so two indexers queue instead of failing mid-transaction."""
    if db.backend == "sqlite":
        timeout = busy_timeout()
        engine = create_engine(db.url, pool_size=1, connect_args={"timeout": timeout})

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_conn: Any, _record: Any) -> None:
            dbapi_conn.isolation_level = None  # we issue BEGIN ourselves (pysqlite's own is too late)
            cur = dbapi_conn.cursor()
            cur.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
            if write:
                cur.execute("PRAGMA journal_mode = WAL")
            for pragma in SQLITE_PRAGMAS:
                cur.execute(pragma)
            cur.close()

        @event.listens_for(engine, "begin")
        def _on_begin(conn: Any) -> None:
            conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

        return engine
    return create_engine(db.url, pool_size=2, pool_pre_ping=False, connect_args={"connect_timeout": 10})


def explain(exc: BaseException, db: DatabaseURL) -> StoreError:
    """One line for a driver error on ``db``."""
    orig = exc.orig if isinstance(exc, DBAPIError) else exc
    first = (str(orig).strip().splitlines() or [type(orig).__name__])[0]
    if db.backend == "sqlite":
        low = first.lower()
        if "not a database" in low or "file is encrypted" in low:
            return StoreError(f"{db.shown} is not a presslens database (not a SQLite file)")
        if "readonly" in low or "read-only" in low:
            return StoreError(f"{db.shown} is read-only: cannot write to it")
        if "locked" in low or "busy" in low:
            return StoreError(f"{db.shown} is locked by another process (waited {busy_timeout():g} s; "
                              f"set {ENV_BUSY_TIMEOUT} to wait longer)")
        if "disk is full" in low or "disk i/o" in low:
            return StoreError(f"{db.shown}: {first}; articles committed before this are kept")
        if "unable to open" in low:
            return StoreError(f"cannot open {db.shown}: {first}")
        return StoreError(f"{db.shown}: {first}")
    if "connection" in first.lower() or "could not" in first.lower() or "timeout" in first.lower():
        return StoreError(f"cannot connect to {db.shown}: {first}")
    return StoreError(f"{db.shown}: {first}")


DRIVER_ERRORS: tuple[type[BaseException], ...] = (SQLAlchemyError, sqlite3.Error)
