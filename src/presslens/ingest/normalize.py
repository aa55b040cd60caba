"""Turn raw decoded text into an :class:`~presslens.article.Article` whose offsets stay faithful.

``article.text`` is the input with only these changes: a leading BOM removed, CRLF turned into LF,
the ``date YYYY-MM-DD`` marker removed, and odd whitespace (NBSP, tabs, lone CR, other Unicode
spaces) replaced one character for one. For a plain UTF-8 file with LF line ends and no date
marker, offsets into ``article.text`` are offsets into the file.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

from presslens.article import Article
from presslens.ingest.errors import InputError, NoteSink
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
_LOOSE_DATE_MARKER = re.compile(
    r"(?:^|(?<=\n))[ ]*date:?[ ]+(?P<date>\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4})(?![\w-])",
    re.IGNORECASE,
)
"""A marker-shaped date not written YYYY-MM-DD (``date 2025-6-4``, ``date 04.06.2025``) where a marker may stand."""
_MONTHS = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_UNITS = r"(?:minute|hour|day|week|fortnight|month|year)s?"
_DAYS = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_WORD_DATE_MARKER = re.compile(
    r"(?:^|(?<=\n))[ ]*date:?[ ]+(?P<date>"
    r"(?P<relative>yesterday|today|tomorrow|(?:an?|\d+|one|two|three|four|five|six|seven) " + _UNITS + r" ago"
    r"|(?:last|this|next) (?:night|morning|evening|" + _UNITS + r"|" + _DAYS + r")|in (?:an?|\d+) " + _UNITS + r")"
    r"|(?P<dmy>\d{1,2}(?:st|nd|rd|th)? " + _MONTHS + r",? \d{4})"
    r"|(?P<mdy>" + _MONTHS + r" \d{1,2}(?:st|nd|rd|th)?,? \d{4}))(?![\w-])",
    re.IGNORECASE,
)
"""A date marker written in words where a marker may stand: relative (``date yesterday``, ``date 3 days ago``:
the day would depend on when the file is read) or with a month name (``date 7 April 2025``). Read as text,
either left the article undated without a word (user trial s31)."""
MAX_TITLE_CHARS = 250

_INVISIBLE = (
    "\\s\x00-\x1f\x7f-\x9f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f"
    "\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufff8\U000e0000-\U000e007f"
)
_VISIBLE_CHAR = re.compile(f"[^{_INVISIBLE}]")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")

DEFAULT_MAX_ARTICLE_CHARS = 500_000
"""Longest article analysed (characters of normalised text). Chosen from bench/size_bench.py: at this size
the default analyzers stay under 1 GB peak RSS and 60 s on 2 cores; see docs/HOSTILE_INPUT.md."""
DEFAULT_MAX_ARTICLE_SENTENCES = 25_000
"""Most sentences analysed in one article (memory grows with tokens plus a fixed cost per sentence, so many
short sentences cost more than their characters suggest; see docs/HOSTILE_INPUT.md)."""


@dataclass(frozen=True)
class ArticleLimits:
    """Per-article bounds: an article over either is refused with one clear error, not analysed."""

    max_chars: int = DEFAULT_MAX_ARTICLE_CHARS
    max_sentences: int = DEFAULT_MAX_ARTICLE_SENTENCES


def is_invisible_only(text: str) -> bool:
    """True when ``text`` holds nothing visible: only whitespace, control, zero-width or format characters."""
    return _VISIBLE_CHAR.search(text) is None


def replace_lone_surrogates(text: str) -> tuple[str, int]:
    """``text`` with every unpaired UTF-16 surrogate (only possible from JSON escapes such as ``"\\ud800"``)
    replaced by U+FFFD one for one, and how many were replaced."""
    return _LONE_SURROGATE.subn("\ufffd", text)


def normalise_text(raw: str) -> str:
    """BOM off, CRLF -> LF, odd whitespace replaced one for one."""
    if raw.startswith("\ufeff"):
        raw = raw[1:]
    return raw.replace("\r\n", "\n").translate(_ODD_TABLE)


class BadDateMarker(ValueError):
    """A ``date YYYY-MM-DD`` marker whose date does not exist (``date 2022-13-45``, ``date 2022-02-30``), or a
    marker-shaped date in another form (``date 2025-6-4``, ``date 04.06.2025``: ``iso=False``)."""

    def __init__(self, date: str, line: int, *, iso: bool = True, relative: bool = False,
                 hint: _dt.date | None = None) -> None:
        super().__init__(date, line)
        self.date = date
        self.line = line
        self.iso = iso
        self.relative = relative
        self.hint = hint

    def __str__(self) -> str:
        if self.relative:
            return (f"date marker 'date {self.date}' is a relative date, not read: write the day as YYYY-MM-DD "
                    "(such as date 2025-06-04) or remove it; the article was not analysed")
        if self.hint is not None:
            return (f"date marker 'date {self.date}' is not written YYYY-MM-DD: write it so "
                    f"(date {self.hint.isoformat()}) or remove it; the article was not analysed")
        if self.iso:
            return (f"date marker 'date {self.date}' is not a real date (YYYY-MM-DD): correct it or remove it; "
                    "the article was not analysed")
        hint = ""
        parts = re.split(r"[-/.]", self.date)
        y, m, d = parts if len(parts) == 3 else ("", "", "")  # a month-name date that does not exist: no hint
        if len(y) == 4:
            try:
                hint = f" (date {_dt.date(int(y), int(m), int(d)).isoformat()})"
            except ValueError:
                hint = ""
        return (f"date marker 'date {self.date}' is not written YYYY-MM-DD: write it so{hint} or remove it; "
                "the article was not analysed")


def _worded_date(value: str) -> _dt.date | None:
    """The day a month-name marker (``7 April 2025``, ``April 7, 2025``) names, for the error's hint; None
    for a relative one or a day that does not exist."""
    words = re.sub(r"(?<=\d)(?:st|nd|rd|th)\b|[,.]", " ", value.lower()).split()
    if len(words) != 3:
        return None
    if words[0].isdigit():
        day, month, year = words
    else:
        month, day, year = words
    number = next((i for i, name in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
                                                  "oct", "nov", "dec"), 1) if month.startswith(name)), None)
    if number is None or not day.isdigit() or not year.isdigit():
        return None
    try:
        return _dt.date(int(year), number, int(day))
    except ValueError:
        return None


def split_date_marker(text: str) -> tuple[str, _dt.date | None]:
    """Remove a ``date YYYY-MM-DD`` marker that opens the text or its first body paragraph.

    The marker may stand on its own line or inline before the first sentence
    (``" date 2022-09-27 Vladimir ..."``). It is looked for at the very start and right after a
    title line; a date elsewhere in the body is article content and stays. A marker whose date does not
    exist (``date 2022-13-45``) raises :class:`BadDateMarker`: read as text it would lose the title and
    be asserted as an impossible date figure, so the article is refused (as a JSONL/CSV date field that
    cannot be read is). So does a marker-shaped date in another form (``date 2025-6-4``, ``date 04.06.2025``),
    which read as text would leave the article undated without a word.
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
            loose = _LOOSE_DATE_MARKER.match(text, pos)
            if loose:
                # Read as text it would leave the article undated without a word (user trial s30).
                raise BadDateMarker(loose.group("date"), text.count("\n", 0, loose.start("date")) + 1, iso=False)
            worded = _WORD_DATE_MARKER.match(text, pos)
            if worded:
                # Read as text it too left the article undated without a word (user trial s31).
                raise BadDateMarker(worded.group("date"), text.count("\n", 0, worded.start("date")) + 1, iso=False,
                                    relative=worded.group("relative") is not None,
                                    hint=_worded_date(worded.group("date")))
            continue
        try:
            when = _dt.date.fromisoformat(m.group("date"))
        except ValueError:
            raise BadDateMarker(m.group("date"), text.count("\n", 0, m.start("date")) + 1) from None
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
    limits: ArticleLimits | None = None,
    notify: NoteSink | None = None,
) -> Article:
    """Build a segmented article from plain text (title line and date marker understood).

    Raises :class:`InputError` for text with nothing visible and for an article over ``limits``
    (default :class:`ArticleLimits`). With ``detect_language``, the language is decided per paragraph
    (:func:`presslens.language.language_parts`): paragraphs in a language no analyzer supports get no
    sentences and are listed in ``unsupported_ranges``, and ``notify`` hears about them.
    """
    where = origin or id or "<text>"
    limits = limits or ArticleLimits()
    text, n_surrogates = replace_lone_surrogates(raw)
    if n_surrogates and notify:
        notify(where, f"replaced {n_surrogates} unpaired surrogate character(s) with U+FFFD")
    text = normalise_text(text)
    if is_invisible_only(text):
        raise InputError(where, "empty article (no visible text)")
    if len(text) > limits.max_chars:
        raise InputError(
            where,
            f"article is {len(text):,} characters, over the per-article limit of {limits.max_chars:,} "
            "(split it into smaller articles, or raise --max-article-chars)",
        )
    try:
        text, marker_date = split_date_marker(text)
    except BadDateMarker as exc:
        raise InputError(where, str(exc), line=exc.line) from None
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
    if len(article.sentences) > limits.max_sentences:
        raise InputError(
            where,
            f"article has {len(article.sentences):,} sentences, over the per-article limit of "
            f"{limits.max_sentences:,} (split it into smaller articles, or raise --max-article-sentences)",
        )
    if detect_language:
        from presslens.language import in_ranges, language_parts

        parts = language_parts(text, article.paragraphs, article.sentences)
        article.language, article.language_score = parts.language, parts.score
        if parts.unsupported_ranges:
            ranges = parts.unsupported_ranges
            article.unsupported_ranges = ranges
            article.sentences = [(s, e) for s, e in article.sentences if not in_ranges(s, ranges)]
            if notify:
                skipped = sum(e - s for s, e in ranges)
                notify(
                    where,
                    f"{len(ranges)} paragraph(s), {skipped:,} characters, in {', '.join(parts.unsupported_languages)} "
                    f"not analysed (only {parts.language} is supported); see article.unsupported_ranges",
                )
    return article
