"""What a user calls a stored article, for outputs that list rows of many articles (figures, claims).

A stored article's key (``articles.id``) is a 32-hex corpus key the user never gave. Next to it the store keeps
the user's own id or file name (``given_id``, schema version 6), the title and where the article was read from
(``origin``: the file path, or ``path:line`` of a JSONL/CSV record). :func:`article_names` reads those for a set
of keys; :func:`shown_name` is the one short name a table prints (``ID: TITLE``, either one, else the key).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from presslens.store.schema import ARTICLES

LOOKUP_BATCH = 500
"""Keys per ``IN (...)`` query (well under SQLite's bound-parameter limit)."""


@dataclass(frozen=True)
class ArticleName:
    """The user's names for one stored article."""

    given_id: str | None
    """The id the user gave (a corpus record's id field), else the file name without extension."""
    title: str | None
    origin: str | None
    """The file path (``path:line`` for a corpus record) or URL it was read from."""

    def fields(self) -> dict[str, str | None]:
        """The names as output fields: ``article_given_id``, ``article_title``, ``article_origin``."""
        return {"article_given_id": self.given_id, "article_title": self.title, "article_origin": self.origin}


NO_NAME = ArticleName(None, None, None)


def article_names(conn: Any, keys: Iterable[str]) -> dict[str, ArticleName]:
    """The names of the stored articles with these corpus keys (keys not stored are left out)."""
    wanted = sorted(set(keys))
    out: dict[str, ArticleName] = {}
    for s in range(0, len(wanted), LOOKUP_BATCH):
        part = wanted[s : s + LOOKUP_BATCH]
        query = select(ARTICLES.c.id, ARTICLES.c.given_id, ARTICLES.c.title, ARTICLES.c.origin).where(
            ARTICLES.c.id.in_(part))
        for key, given, title, origin in conn.execute(query):
            out[key] = ArticleName(given or None, title or None, origin or None)
    return out


def shown_name(key: str, name: ArticleName | None) -> str:
    """The short name a table prints for an article: the user's id and the title (``ID: TITLE``; the id first,
    so a cut name keeps it), else whichever of the two there is, else the corpus key."""
    if name is None:
        return key
    title = " ".join(name.title.split()) if name.title else None
    if name.given_id and title:
        return f"{name.given_id}: {title}"
    return name.given_id or title or key


__all__ = ["NO_NAME", "ArticleName", "article_names", "shown_name"]


@dataclass(frozen=True)
class Original:
    """The article a stored article republishes (``articles.duplicate_of``): its key, outlet and date."""

    key: str
    source: str | None
    date: datetime.date | None


def originals(conn: Any, keys: Iterable[str]) -> dict[str, Original]:
    """For the stored articles with these keys that republish another, the article they copy (user trial s27:
    ``search`` listed a copy as a hit of its own with nothing saying so)."""
    wanted = sorted(set(keys))
    copies: dict[str, str] = {}
    for s in range(0, len(wanted), LOOKUP_BATCH):
        part = wanted[s : s + LOOKUP_BATCH]
        query = select(ARTICLES.c.id, ARTICLES.c.duplicate_of).where(
            ARTICLES.c.id.in_(part), ARTICLES.c.duplicate_of.is_not(None))
        copies.update({key: orig for key, orig in conn.execute(query)})
    found: dict[str, Original] = {}
    targets = sorted(set(copies.values()))
    for s in range(0, len(targets), LOOKUP_BATCH):
        part = targets[s : s + LOOKUP_BATCH]
        query = select(ARTICLES.c.id, ARTICLES.c.source, ARTICLES.c.date).where(ARTICLES.c.id.in_(part))
        found.update({key: Original(key, source or None, date) for key, source, date in conn.execute(query)})
    return {key: found.get(orig, Original(orig, None, None)) for key, orig in copies.items()}
