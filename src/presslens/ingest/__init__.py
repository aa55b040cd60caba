"""Readers per format. Every reader yields :class:`Article` or :class:`InputError`, never raises
for bad input, so one bad file never stops a batch.

Formats: plain text (``.txt``, ``.text``, ``.md`` and anything unknown), HTML (``.html``, ``.htm``),
JSONL (``.jsonl``, ``.ndjson``), CSV (``.csv``), directories (recursive, by extension), ``-`` for
standard input, and ``http(s)://`` URLs only when fetching is switched on.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from presslens.article import Article
from presslens.ingest.corpus import FieldMap, read_csv, read_jsonl
from presslens.ingest.errors import InputError
from presslens.ingest.html import article_from_html, fetch_url
from presslens.ingest.normalize import article_from_text
from presslens.ingest.text import DEFAULT_MAX_BYTES, decode, read_bytes

__all__ = [
    "Article",
    "FieldMap",
    "InputError",
    "ReadOptions",
    "article_from_text",
    "read_file",
    "read_inputs",
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
        yield from read_jsonl(text, origin, opts.fields, stem)
    elif fmt == "csv":
        yield from read_csv(text, origin, opts.fields, stem)
    elif fmt == "html":
        try:
            yield article_from_html(text, origin, id=stem)
        except InputError as err:
            yield err
    else:
        yield article_from_text(text, id=stem, origin=origin)


def read_path(path: Path, opts: ReadOptions) -> Iterator[Article | InputError]:
    origin = str(path)
    try:
        data = read_bytes(path, opts.max_bytes)
        text = decode(data, origin, replace_errors=opts.replace_errors)
    except InputError as err:
        yield err
        return
    yield from _from_text(text, _format_of(path), origin, path.stem, opts)


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


def read_inputs(inputs: Iterable[str], opts: ReadOptions | None = None) -> Iterator[Article | InputError]:
    """Articles (or errors) from paths, directories, ``-`` and, with ``fetch``, URLs, in order."""
    opts = opts or ReadOptions()
    for item in inputs:
        if item == "-":
            data = sys.stdin.buffer.read()
            if len(data) > opts.max_bytes:
                yield InputError("<stdin>", f"input is over the {opts.max_bytes} byte limit (--max-bytes)")
                continue
            try:
                text = decode(data, "<stdin>", replace_errors=opts.replace_errors)
            except InputError as err:
                yield err
                continue
            yield from _from_text(text, opts.stdin_format, "<stdin>", "stdin", opts)
        elif item.startswith(("http://", "https://")):
            if not opts.fetch:
                yield InputError(item, "URL inputs are downloaded only with --fetch")
                continue
            try:
                yield fetch_url(item)
            except InputError as err:
                yield err
        else:
            path = Path(item)
            if path.is_dir():
                files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in DIR_EXT)
                if not files:
                    yield InputError(item, "directory holds no .txt, .html, .jsonl or .csv files")
                for p in files:
                    yield from read_path(p, opts)
            else:
                yield from read_path(path, opts)
