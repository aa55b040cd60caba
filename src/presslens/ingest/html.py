"""HTML pages and (opt-in) URLs via trafilatura: main text, title, date, author, site name."""

from __future__ import annotations

import datetime as _dt
from typing import Any

from presslens.article import Article
from presslens.ingest.errors import InputError, NoteSink
from presslens.ingest.normalize import ArticleLimits, article_from_text
from presslens.ingest.text import DEFAULT_MAX_BYTES, read_limited

MIN_MAIN_TEXT_LETTERS = 20
"""Below this, what trafilatura found is navigation or boilerplate, not an article."""
MAX_DATE_CHARS = 100
"""A longer "date" is not a date (and would only slow the date parser down)."""
LIBXML_DEFAULT_DEPTH = 256
MAX_HTML_DEPTH = 2000
"""Deepest element nesting read (lxml stops at 2,048 levels even without its default limit; trafilatura
extracted a 2,000-deep page in 0.6 s)."""
FETCH_TIMEOUT_SECONDS = 30.0


DATE_PARSERS = ["timestamp", "custom-formats", "absolute-time"]
"""The ``dateparser`` parsers used: its default list without ``relative-time``, so "yesterday", "3 hours ago" or
"in 2 days" are not read (user trial s30: they were resolved against the clock, so the stored date changed with
the day the command ran)."""


def parse_date(value: Any) -> _dt.date | None:
    """ISO dates directly; anything else through ``dateparser.parse`` (never ``search_dates``); a relative date
    ("yesterday", "2 days ago") is not a date here (None)."""
    if value in (None, ""):
        return None
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    s = str(value).strip()
    if len(s) > MAX_DATE_CHARS:
        return None
    try:
        return _dt.date.fromisoformat(s[:10])
    except ValueError:
        pass
    import dateparser

    parsed = dateparser.parse(s, settings={"STRICT_PARSING": True, "PREFER_DATES_FROM": "past",
                                           "PARSERS": DATE_PARSERS})
    return parsed.date() if parsed else None


REPORT_MARKERS = ('<meta name="generator" content="presslens report">', "/* presslens HTML report.")
"""What marks a page written by ``presslens analyze -f html``: its generator tag, or (reports written before stop
27) the first line of its inlined style sheet."""
REPORT_HEAD_CHARS = 4096
"""Where the markers are looked for: both stand in a report's first 1,000 characters."""


def is_presslens_report(html: str) -> bool:
    """Whether ``html`` is a presslens HTML report, not an article (user trial s27: a report written into the
    folder being indexed was stored as an article titled "presslens")."""
    head = html[:REPORT_HEAD_CHARS]
    return any(marker in head for marker in REPORT_MARKERS)


def _max_depth(tree: Any) -> int:
    from lxml import etree

    depth = deepest = 0
    for event, _el in etree.iterwalk(tree, events=("start", "end")):
        depth += 1 if event == "start" else -1
        deepest = max(deepest, depth)
    return deepest


def _extract(content: Any, url: str | None) -> dict[str, Any] | None:
    import trafilatura

    doc = trafilatura.bare_extraction(
        content, url=url, with_metadata=True, include_comments=False, include_tables=False
    )
    if doc is None:
        return None
    data: dict[str, Any] = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    return data


def _has_main_text(data: dict[str, Any] | None) -> bool:
    body = ((data or {}).get("text") or "").strip()
    return sum(ch.isalpha() for ch in body) >= MIN_MAIN_TEXT_LETTERS


def _extract_deep(html: str, origin: str, url: str | None) -> dict[str, Any] | None:
    """Second try for pages nested deeper than libxml2's default limit (256 levels), which parses them as
    empty: parse without that limit, refuse pages deeper than :data:`MAX_HTML_DEPTH`, then extract."""
    import lxml.html
    from lxml import etree

    try:
        tree = lxml.html.document_fromstring(html, parser=lxml.html.HTMLParser(huge_tree=True))
    except (etree.ParserError, ValueError):
        return None
    depth = _max_depth(tree)
    if depth <= LIBXML_DEFAULT_DEPTH:
        return None
    if depth > MAX_HTML_DEPTH:
        raise InputError(origin, f"HTML is nested more than {MAX_HTML_DEPTH:,} elements deep, deeper than presslens reads")
    return _extract(tree, url)


def article_from_html(
    html: str,
    origin: str,
    *,
    id: str = "",
    url: str | None = None,
    limits: ArticleLimits | None = None,
    notify: NoteSink | None = None,
) -> Article:
    if is_presslens_report(html):
        raise InputError(origin, "a presslens report (written by 'presslens analyze -f html'), not an article: "
                                 "leave it out of the input")
    try:
        data = _extract(html, url)
        if not _has_main_text(data):
            data = _extract_deep(html, origin, url) or data
    except RecursionError:
        raise InputError(origin, "HTML nested too deeply to read") from None
    if data is None or not _has_main_text(data):
        raise InputError(origin, "HTML has no main text that could be extracted")
    body = (data.get("text") or "").strip()
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
        limits=limits,
        notify=notify,
    )


def fetch_url(
    url: str,
    *,
    id: str = "",
    max_bytes: int = DEFAULT_MAX_BYTES,
    timeout: float = FETCH_TIMEOUT_SECONDS,
    limits: ArticleLimits | None = None,
    notify: NoteSink | None = None,
) -> Article:
    """Download and read one page, at most ``max_bytes`` bytes and ``timeout`` seconds per network wait.

    Only used when the user opts in (``--fetch``); never by analysis.
    """
    import urllib.error
    import urllib.request

    request = urllib.request.Request(url, headers={"User-Agent": "presslens (+--fetch)"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            data = read_limited(response, url, max_bytes)
            charset = response.headers.get_content_charset() or "utf-8"
    except InputError:
        raise
    except (urllib.error.URLError, OSError, ValueError) as exc:
        raise InputError(url, f"could not download the page ({exc})") from None
    try:
        html = data.decode(charset, errors="replace")
    except LookupError:
        html = data.decode("utf-8", errors="replace")
    return article_from_html(html, url, id=id or url, url=url, limits=limits, notify=notify)
