"""Turn raw decoded text into an :class:`~presslens.article.Article` whose offsets stay faithful.

``article.text`` is the input with only these changes: a leading BOM removed, CRLF turned into LF,
the ``date YYYY-MM-DD`` marker removed, and odd whitespace (NBSP, tabs, lone CR, other Unicode
spaces) replaced one character for one. For a plain UTF-8 file with LF line ends and no date
marker, offsets into ``article.text`` are offsets into the file.
"""

from __future__ import annotations

import datetime as _dt
import re

from presslens.article import Article
from presslens.segment import segment

# One-for-one replacements keep every later offset unchanged.
_ODD_SPACES = {
    "\t": " ",
    "\u00a0": " ",
    "\u1680": " ",
    "\u202f": " ",
    "\u205f": " ",
    "\u3000": " ",
    "\u200b": " ",
    "\ufeff": " ",
    "\x0b": " ",
    "\x0c": "\n",
    "\r": "\n",
    "\u2028": "\n",
    "\u2029": "\n",
    "\u0085": "\n",
    **{chr(c): " " for c in range(0x2000, 0x200B)},
}
_ODD_TABLE = str.maketrans(_ODD_SPACES)

_DATE_MARKER = re.compile(
    r"(?P<lead>^|(?<=\n))[ ]*date:?[ ]+(?P<date>\d{4}-\d{2}-\d{2})\b(?P<trail>[ ]*\n?[ ]*)",
    re.IGNORECASE,
)
MAX_TITLE_CHARS = 250


def normalise_text(raw: str) -> str:
    """BOM off, CRLF -> LF, odd whitespace replaced one for one."""
    if raw.startswith("\ufeff"):
        raw = raw[1:]
    return raw.replace("\r\n", "\n").translate(_ODD_TABLE)


def split_date_marker(text: str) -> tuple[str, _dt.date | None]:
    """Remove a ``date YYYY-MM-DD`` marker that opens the text or its first body paragraph.

    The marker may stand on its own line or inline before the first sentence
    (``" date 2022-09-27 Vladimir ..."``). It is looked for at the very start and right after a
    title line; a date elsewhere in the body is article content and stays.
    """
    candidates = [0]
    first_nl = text.find("\n")
    if first_nl >= 0:
        after = first_nl + 1
        while after < len(text) and text[after] == "\n":
            after += 1
        candidates.append(after)
    for pos in candidates:
        m = _DATE_MARKER.match(text, pos)
        if not m:
            continue
        try:
            when = _dt.date.fromisoformat(m.group("date"))
        except ValueError:
            continue
        trail = m.group("trail")
        # Keep the line break when the marker stood alone on its line before more text on the
        # next line; drop it (and spaces) when the marker was inline.
        end = m.end()
        start = m.start()
        if "\n" in trail and pos > 0:
            end = m.end("date") + trail.index("\n") + 1
        return text[:start] + text[end:], when
    return text, None


def detect_title(text: str) -> str | None:
    """The first line is a title when a blank line follows it and more text comes after."""
    stripped = text.lstrip()
    lead = len(text) - len(stripped)
    nl = text.find("\n", lead)
    if nl < 0:
        return None
    first = text[lead:nl].strip()
    rest = text[nl + 1 :]
    if not first or len(first) > MAX_TITLE_CHARS:
        return None
    line_end = rest.find("\n")
    next_line = rest if line_end < 0 else rest[:line_end]
    if next_line.strip():
        return None
    if not rest.strip():
        return None
    return first


def article_from_text(
    raw: str,
    *,
    id: str = "",
    origin: str | None = None,
    title: str | None = None,
    date: _dt.date | None = None,
    url: str | None = None,
    source: str | None = None,
    author: str | None = None,
    detect_language: bool = True,
) -> Article:
    """Build a segmented article from plain text (title line and date marker understood)."""
    text = normalise_text(raw)
    text, marker_date = split_date_marker(text)
    found_title = detect_title(text)
    article = Article(
        text=text,
        id=id,
        title=title if title is not None else found_title,
        date=date or marker_date,
        url=url,
        source=source,
        author=author,
        origin=origin,
    )
    segment(article)
    if detect_language:
        from presslens.language import detect_language as _detect

        article.language, article.language_score = _detect(text)
    return article
