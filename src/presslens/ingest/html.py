"""HTML pages and (opt-in) URLs via trafilatura: main text, title, date, author, site name."""

from __future__ import annotations

import datetime as _dt
from typing import Any

from presslens.article import Article
from presslens.ingest.errors import InputError
from presslens.ingest.normalize import article_from_text

MIN_MAIN_TEXT_LETTERS = 20
"""Below this, what trafilatura found is navigation or boilerplate, not an article."""


def parse_date(value: Any) -> _dt.date | None:
    """ISO dates directly; anything else through ``dateparser.parse`` (never ``search_dates``)."""
    if value in (None, ""):
        return None
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    s = str(value).strip()
    try:
        return _dt.date.fromisoformat(s[:10])
    except ValueError:
        pass
    import dateparser

    parsed = dateparser.parse(s, settings={"STRICT_PARSING": True, "PREFER_DATES_FROM": "past"})
    return parsed.date() if parsed else None


def article_from_html(html: str, origin: str, *, id: str = "", url: str | None = None) -> Article:
    import trafilatura

    doc = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False
    )
    if doc is None:
        raise InputError(origin, "HTML has no main text that could be extracted")
    data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    body = (data.get("text") or "").strip()
    if sum(ch.isalpha() for ch in body) < MIN_MAIN_TEXT_LETTERS:
        raise InputError(origin, "HTML has no main text that could be extracted")
    title = (data.get("title") or "").strip() or None
    raw = f"{title}\n\n{body}\n" if title else body + "\n"
    return article_from_text(
        raw,
        id=id,
        origin=origin,
        title=title,
        date=parse_date(data.get("date")),
        url=url or data.get("url"),
        source=data.get("sitename") or data.get("hostname"),
        author=data.get("author"),
    )


def fetch_url(url: str, *, id: str = "") -> Article:
    """Download and read one page. Only used when the user opts in (``--fetch``); never by analysis."""
    import trafilatura

    html = trafilatura.fetch_url(url)
    if not html:
        raise InputError(url, "could not download the page")
    return article_from_html(html, url, id=id or url, url=url)
