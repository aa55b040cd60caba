"""Corpora: JSONL (one object per line) and CSV with configurable field names."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass, field

from presslens.article import Article
from presslens.ingest.errors import InputError
from presslens.ingest.html import parse_date
from presslens.ingest.normalize import article_from_text

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


def _record_to_article(rec: dict[str, object], fm: FieldMap, origin: str, line: int, stem: str) -> Article:
    col = fm.names
    text = rec.get(col["text"])
    if not isinstance(text, str) or not text.strip():
        raise InputError(origin, f"record has no text in field {col['text']!r}", line=line)
    title = rec.get(col["title"])
    title_s = str(title).strip() if title not in (None, "") else None
    raw = f"{title_s}\n\n{text}" if title_s and not text.lstrip().startswith(title_s) else text
    rid = rec.get(col["id"])
    date_raw = rec.get(col["date"])
    date = parse_date(date_raw)
    if date_raw not in (None, "") and date is None:
        raise InputError(origin, f"cannot read date {date_raw!r} in field {col['date']!r}", line=line)
    url = rec.get(col["url"])
    source = rec.get(col["source"])
    return article_from_text(
        raw,
        id=str(rid) if rid not in (None, "") else f"{stem}:{line}",
        origin=f"{origin}:{line}",
        title=title_s,
        date=date,
        url=str(url) if url else None,
        source=str(source) if source else None,
    )


def read_jsonl(text: str, origin: str, fm: FieldMap, stem: str) -> Iterator[Article | InputError]:
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(origin, f"malformed JSON ({exc.msg} at column {exc.colno})", line=n)
            continue
        if not isinstance(rec, dict):
            yield InputError(origin, "JSON line is not an object", line=n)
            continue
        try:
            yield _record_to_article(rec, fm, origin, n, stem)
        except InputError as err:
            yield err


def read_csv(text: str, origin: str, fm: FieldMap, stem: str) -> Iterator[Article | InputError]:
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except (StopIteration, csv.Error) as exc:
        yield InputError(origin, f"CSV has no header row ({exc})", line=1)
        return
    if fm.names["text"] not in header:
        yield InputError(origin, f"CSV header has no {fm.names['text']!r} column", line=1)
        return
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield InputError(origin, f"malformed CSV ({exc})", line=reader.line_num)
            continue
        line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            yield InputError(origin, f"malformed CSV row: {len(row)} fields, header has {len(header)}", line=line)
            continue
        try:
            yield _record_to_article(dict(zip(header, row, strict=True)), fm, origin, line, stem)
        except InputError as err:
            yield err
