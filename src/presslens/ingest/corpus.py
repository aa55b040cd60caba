"""Corpora: JSONL (one object per line) and CSV with configurable field names."""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field

from presslens.article import Article
from presslens.ingest.errors import InputError, NoteSink
from presslens.ingest.html import parse_date
from presslens.ingest.normalize import (
    ArticleLimits,
    article_from_text,
    is_invisible_only,
    replace_lone_surrogates,
)
from presslens.ingest.text import DEFAULT_MAX_BYTES

FIELDS = ("id", "title", "text", "date", "url", "source")


@dataclass
class FieldMap:
    """Which corpus column holds each article field (``--field text=body``)."""

    names: dict[str, str] = field(default_factory=lambda: {f: f for f in FIELDS})

    @classmethod
    def parse(cls, pairs: list[str] | None) -> FieldMap:
        fm = cls()
        for pair in pairs or []:
            key, sep, col = pair.partition("=")
            if not sep or key not in FIELDS or not col:
                raise ValueError(f"--field takes NAME=COLUMN with NAME one of {', '.join(FIELDS)}; got {pair!r}")
            fm.names[key] = col
        return fm


@dataclass(frozen=True)
class CorpusOptions:
    """What a corpus reader needs besides the text: field names, per-article limits, where notes go."""

    fields: FieldMap = field(default_factory=FieldMap)
    limits: ArticleLimits = field(default_factory=ArticleLimits)
    notify: NoteSink | None = None
    max_bytes: int = DEFAULT_MAX_BYTES


def _clean_strings(rec: dict[str, object]) -> tuple[dict[str, object], list[str]]:
    """``rec`` with unpaired surrogates in string values replaced by U+FFFD, and the fields that had some."""
    out: dict[str, object] = {}
    touched: list[str] = []
    for key, value in rec.items():
        if isinstance(value, str):
            value, n = replace_lone_surrogates(value)
            if n:
                touched.append(replace_lone_surrogates(str(key))[0])
        out[key] = value
    return out, touched


def _record_to_article(rec: dict[str, object], opts: CorpusOptions, origin: str, line: int, stem: str) -> Article:
    col = opts.fields.names
    rec, touched = _clean_strings(rec)
    text = rec.get(col["text"])
    if not isinstance(text, str) or is_invisible_only(text):
        raise InputError(origin, f"record has no text in field {col['text']!r}", line=line)
    if touched and opts.notify:
        fields_s = ", ".join(repr(k) for k in touched)
        opts.notify(f"{origin}:{line}", f"unpaired surrogate escapes replaced with U+FFFD in {fields_s}")
    title = rec.get(col["title"])
    title_s = str(title).strip() if title not in (None, "") else None
    raw = f"{title_s}\n\n{text}" if title_s and not text.lstrip().startswith(title_s) else text
    rid = rec.get(col["id"])
    date_raw = rec.get(col["date"])
    date = parse_date(date_raw)
    if date_raw not in (None, "") and date is None:
        shown = repr(date_raw) if len(repr(date_raw)) <= 80 else repr(date_raw)[:77] + "..."
        raise InputError(origin, f"cannot read date {shown} in field {col['date']!r} (give an absolute date such "
                                 "as 2025-06-05; relative dates such as 'yesterday' are not read)", line=line)
    url = rec.get(col["url"])
    source = rec.get(col["source"])
    try:
        return article_from_text(
            raw,
            id=str(rid) if rid not in (None, "") else f"{stem}:{line}",
            origin=f"{origin}:{line}",
            title=title_s,
            date=date,
            url=str(url) if url else None,
            source=str(source) if source else None,
            limits=opts.limits,
            notify=opts.notify,
        )
    except InputError as err:
        raise InputError(origin, err.message, line=line) from None


def read_jsonl(text: str, origin: str, opts: CorpusOptions, stem: str) -> Iterator[Article | InputError]:
    """One article per JSON object line. Lines end at ``\\n`` only: U+2028, U+0085 and other Unicode line
    breaks inside a string are text, so line numbers match ``wc -l``/editors. Any failure is that line's error."""
    for n, line in enumerate(text.split("\n"), start=1):
        line = line.lstrip("\ufeff")
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(origin, f"malformed JSON ({exc.msg} at column {exc.colno})", line=n)
            continue
        except RecursionError:
            yield InputError(origin, "JSON nested too deeply to read", line=n)
            continue
        except ValueError as exc:  # e.g. an integer over Python's digit limit
            yield InputError(origin, f"unreadable JSON ({exc})", line=n)
            continue
        if not isinstance(rec, dict):
            yield InputError(origin, "JSON line is not an object", line=n)
            continue
        try:
            yield _record_to_article(rec, opts, origin, n, stem)
        except InputError as err:
            yield err
        except Exception as exc:  # one record never ends the file
            yield InputError(origin, f"record could not be read: {type(exc).__name__}: {exc}", line=n)


def read_csv(text: str, origin: str, opts: CorpusOptions, stem: str) -> Iterator[Article | InputError]:
    """One article per CSV row under a header row. A cell may be as long as the whole input (``max_bytes``);
    a row the csv module cannot parse ends the file with one error (what follows would be fragments)."""
    if csv.field_size_limit() < opts.max_bytes:
        csv.field_size_limit(min(opts.max_bytes, sys.maxsize))
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except (StopIteration, csv.Error) as exc:
        yield InputError(origin, f"CSV has no header row ({exc})", line=1)
        return
    header = [h.lstrip("\ufeff") for h in header]
    if opts.fields.names["text"] not in header:
        yield InputError(origin, f"CSV header has no {opts.fields.names['text']!r} column", line=1)
        return
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield InputError(origin, f"malformed CSV ({exc}); the rest of the file is not read", line=reader.line_num)
            return
        line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            yield InputError(origin, f"malformed CSV row: {len(row)} fields, header has {len(header)}", line=line)
            continue
        try:
            yield _record_to_article(dict(zip(header, row, strict=True)), opts, origin, line, stem)
        except InputError as err:
            yield err
        except Exception as exc:  # one record never ends the file
            yield InputError(origin, f"record could not be read: {type(exc).__name__}: {exc}", line=line)
