"""Readers per format. Every reader yields :class:`Article` or :class:`InputError`, never raises
for bad input, so one bad file never stops a batch.

Formats: plain text (``.txt``, ``.text``, ``.md`` and anything unknown), HTML (``.html``, ``.htm``),
JSONL (``.jsonl``, ``.ndjson``), CSV (``.csv``), directories (recursive, by extension), ``-`` for
standard input, and ``http(s)://`` URLs only when fetching is switched on.

Every source is bounded by ``max_bytes`` (files, devices, standard input, downloads; so is every corpus
record, being part of its file) and every article by :class:`ArticleLimits`; inputs that are not regular
files are refused, except ``-``. See docs/HOSTILE_INPUT.md.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from presslens.article import Article
from presslens.ingest.corpus import CorpusOptions, FieldMap, read_csv, read_jsonl
from presslens.ingest.errors import InputError, NoteSink, print_note
from presslens.ingest.html import article_from_html, fetch_url
from presslens.ingest.normalize import ArticleLimits, article_from_text
from presslens.ingest.text import DEFAULT_MAX_BYTES, decode, read_bytes, read_limited

__all__ = [
    "Article",
    "ArticleLimits",
    "FieldMap",
    "InputError",
    "NoteSink",
    "ReadOptions",
    "article_from_text",
    "read_file",
    "read_inputs",
    "with_source",
]

TEXT_EXT = {".txt", ".text", ".md"}
HTML_EXT = {".html", ".htm", ".xhtml"}
JSONL_EXT = {".jsonl", ".ndjson"}
CSV_EXT = {".csv"}
DIR_EXT = TEXT_EXT | HTML_EXT | JSONL_EXT | CSV_EXT


@dataclass
class ReadOptions:
    max_bytes: int = DEFAULT_MAX_BYTES
    replace_errors: bool = False
    """Decode invalid UTF-8 with U+FFFD instead of failing."""
    fetch: bool = False
    """Allow ``http(s)://`` inputs (downloads the page; analysis itself never uses the network)."""
    fields: FieldMap = field(default_factory=FieldMap)
    stdin_format: str = "text"
    """``text``, ``html``, ``jsonl`` or ``csv``."""
    limits: ArticleLimits = field(default_factory=ArticleLimits)
    """Per-article bounds on characters and sentences."""
    notify: NoteSink | None = print_note
    """Where notes about inputs read with changes go (replaced surrogates, skipped other-language parts);
    by default one line on standard error. ``None`` drops them."""
    fetch_timeout: float = 30.0
    """Seconds to wait on the network per read when fetching a URL."""

    def corpus_options(self) -> CorpusOptions:
        return CorpusOptions(fields=self.fields, limits=self.limits, notify=self.notify, max_bytes=self.max_bytes)


def _format_of(path: Path) -> str:
    ext = path.suffix.lower()
    if ext in HTML_EXT:
        return "html"
    if ext in JSONL_EXT:
        return "jsonl"
    if ext in CSV_EXT:
        return "csv"
    return "text"


def _from_text(text: str, fmt: str, origin: str, stem: str, opts: ReadOptions) -> Iterator[Article | InputError]:
    if fmt == "jsonl":
        yield from read_jsonl(text, origin, opts.corpus_options(), stem)
    elif fmt == "csv":
        yield from read_csv(text, origin, opts.corpus_options(), stem)
    elif fmt == "html":
        yield article_from_html(text, origin, id=stem, limits=opts.limits, notify=opts.notify)
    else:
        yield article_from_text(text, id=stem, origin=origin, limits=opts.limits, notify=opts.notify)


def _guarded(items: Iterator[Article | InputError], origin: str) -> Iterator[Article | InputError]:
    """``items`` with any failure turned into an error naming ``origin``: one input never ends a batch."""
    try:
        yield from items
    except InputError as err:
        yield err
    except RecursionError:
        yield InputError(origin, "input nested too deeply to read")
    except Exception as exc:
        yield InputError(origin, f"could not be read: {type(exc).__name__}: {exc}")


def _read_path(path: Path, opts: ReadOptions) -> Iterator[Article | InputError]:
    origin = str(path)
    data = read_bytes(path, opts.max_bytes)
    text = decode(data, origin, replace_errors=opts.replace_errors)
    yield from _from_text(text, _format_of(path), origin, path.stem, opts)


def read_path(path: Path, opts: ReadOptions) -> Iterator[Article | InputError]:
    """Articles (or errors) from one file; never raises for bad input."""
    return _guarded(_read_path(path, opts), str(path))


def read_file(path: Path, opts: ReadOptions | None = None) -> Article:
    """Read exactly one article from a text or HTML file; raise :class:`InputError` otherwise."""
    items = list(read_path(path, opts or ReadOptions()))
    for it in items:
        if isinstance(it, InputError):
            raise it
    if len(items) != 1:
        raise InputError(str(path), f"holds {len(items)} articles; use read_inputs for corpora")
    art = items[0]
    assert isinstance(art, Article)
    return art


def _read_stdin(opts: ReadOptions) -> Iterator[Article | InputError]:
    data = read_limited(sys.stdin.buffer, "<stdin>", opts.max_bytes)
    text = decode(data, "<stdin>", replace_errors=opts.replace_errors)
    yield from _from_text(text, opts.stdin_format, "<stdin>", "stdin", opts)


def _read_url(url: str, opts: ReadOptions) -> Iterator[Article | InputError]:
    if not opts.fetch:
        raise InputError(url, "URL inputs are downloaded only with --fetch")
    yield fetch_url(url, max_bytes=opts.max_bytes, timeout=opts.fetch_timeout, limits=opts.limits, notify=opts.notify)


def read_inputs(inputs: Iterable[str], opts: ReadOptions | None = None) -> Iterator[Article | InputError]:
    """Articles (or errors) from paths, directories, ``-`` and, with ``fetch``, URLs, in order."""
    opts = opts or ReadOptions()
    for item in inputs:
        if item == "-":
            yield from _guarded(_read_stdin(opts), "<stdin>")
        elif item.startswith(("http://", "https://")):
            yield from _guarded(_read_url(item, opts), item)
        else:
            path = Path(item)
            if path.is_dir():
                # every entry named like an article but a directory: a FIFO, a dangling link or a link loop inside
                # the folder is refused with its own line by read_path, not passed over (user trial s29)
                files = sorted(p for p in path.rglob("*") if p.suffix.lower() in DIR_EXT and not p.is_dir())
                if not files:
                    yield InputError(item, "directory holds no .txt, .html, .jsonl or .csv files")
                for p in files:
                    yield from read_path(p, opts)
            else:
                yield from read_path(path, opts)


def with_source(items: Iterable[Article | InputError], source: str) -> Iterator[Article | InputError]:
    """``items`` with ``source`` as the outlet of every article that names none (``index --source``: a plain-text
    file carries no outlet name); an outlet an article names itself (HTML metadata, a corpus field) is kept."""
    for item in items:
        if isinstance(item, Article) and not item.source:
            item.source = source
        yield item
