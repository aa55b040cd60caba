"""Export articles, findings or quantities to Parquet (pyarrow), CSV or JSONL, atomically (temp + rename).

Typed columns: dates as dates, scores and numbers as floats, flags as booleans, attributes and analyzer
versions as JSON text. Rows are streamed from the database in batches, so an export of a large corpus does
not hold it in memory.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import text

from presslens.store.search import Filters
from presslens.store.store import Store

WHAT = ("articles", "findings", "quantities")
FORMATS = ("parquet", "csv", "jsonl")
BATCH = 5000

# column name -> (SQL expression, type); type one of str, date, datetime, int, float, bool, json
_ARTICLE_COLS: dict[str, tuple[str, str]] = {
    "id": ("a.id", "str"),
    "content_id": ("a.content_id", "str"),
    "given_id": ("a.given_id", "str"),
    "origin": ("a.origin", "str"),
    "title": ("a.title", "str"),
    "date": ("a.date", "date"),
    "source": ("a.source", "str"),
    "url": ("a.url", "str"),
    "author": ("a.author", "str"),
    "language": ("a.language", "str"),
    "words": ("a.words", "int"),
    "duplicate_of": ("a.duplicate_of", "str"),
    "analyzer_versions": ("a.analyzer_versions", "json"),
    "indexed_at": ("a.indexed_at", "datetime"),
    "analysed_at": ("a.analysed_at", "datetime"),
    "text": ("a.text", "str"),
}
_FINDING_COLS: dict[str, tuple[str, str]] = {
    "article_id": ("a.id", "str"),
    "date": ("f.date", "date"),
    "source": ("f.source", "str"),
    "finding_id": ("f.id", "str"),
    "kind": ("f.kind", "str"),
    "label": ("f.label", "str"),
    "start": ("f.start", "int"),
    "end": ('f."end"', "int"),
    "text": ("f.text", "str"),
    "score": ("f.score", "float"),
    "analyzer": ("f.analyzer", "str"),
    "attributes": ("f.attributes", "json"),
    # the finding's article is a republished copy of this article (user trial s31: a spreadsheet of the
    # export counted a wire story and its copies as separate reports, with nothing to tell them apart)
    "duplicate_of": ("a.duplicate_of", "str"),
}
_QUANTITY_COLS: dict[str, tuple[str, str]] = {
    **{k: v for k, v in _FINDING_COLS.items() if k not in ("attributes", "duplicate_of")},
    "value": ("f.value", "float"),
    "low": ("f.low", "float"),
    "high": ("f.high", "float"),
    # the word ``figures`` shows (user trial s30, as s29 did for ``figures -f csv``): a stated range without a
    # bound word is ``range``, a number without one ``exact``; the analyzer's own null stays in ``attributes``
    "bound": ("COALESCE(f.bound, CASE WHEN f.low IS NOT NULL AND f.high IS NOT NULL AND f.low < f.high "
              "THEN 'range' WHEN f.value IS NOT NULL THEN 'exact' END)", "str"),
    "unit": ("f.unit", "str"),
    "vague": ("f.vague", "bool"),
    "malformed": ("f.malformed", "bool"),
    "attributes": ("f.attributes", "json"),
    "duplicate_of": ("a.duplicate_of", "str"),
    # of a copy's rows, the figures its original does not state (the copy's own mentions, which ``figures``
    # marks "from an updated copy"): the original's key, as ``figures -f csv``; empty for a repeated figure
    # (user trial s32: a spreadsheet dropping ``duplicate_of`` rows to count reports dropped the update too)
    "updated_copy_of": ("CASE WHEN a.duplicate_of IS NOT NULL AND EXISTS (SELECT 1 FROM figure_mentions m "
                        "WHERE m.article_pk = f.article_pk AND m.id = a.id || ':' || CAST(f.start AS VARCHAR(12)) "
                        "|| '-' || CAST(f.\"end\" AS VARCHAR(12))) THEN a.duplicate_of END", "str"),
}
COLUMNS = {"articles": _ARTICLE_COLS, "findings": _FINDING_COLS, "quantities": _QUANTITY_COLS}


def _query(store: Store, what: str, filters: Filters) -> tuple[str, dict[str, Any]]:
    cols = COLUMNS[what]
    params: dict[str, Any] = {}
    select_list = ", ".join(f"{expr} AS {_quote(name)}" for name, (expr, _t) in cols.items())
    if what == "articles":
        cond = filters.article_conditions("a", params)
        fcond = filters.finding_conditions("f", params)
        if fcond:
            cond.append(f"EXISTS (SELECT 1 FROM findings f WHERE f.article_pk = a.pk AND {' AND '.join(fcond)})")
        order = "a.pk"
        source = "articles a"
    else:
        if what == "quantities":
            filters = Filters(**{**filters.__dict__, "kind": "quantity"})
        cond = filters.article_conditions("f", params, lang_alias="a") + filters.finding_conditions("f", params)
        order = "f.pk"
        source = "findings f JOIN articles a ON a.pk = f.article_pk"
    where = " AND ".join(cond) or "1=1"
    sql = (f"SELECT {order} AS _k, {select_list} FROM {source} WHERE {where} AND {order} > :after "
           f"ORDER BY {order} LIMIT {BATCH}")
    return sql, params


def _quote(name: str) -> str:
    return f'"{name}"'


def _convert(value: Any, kind: str) -> Any:
    if value is None:
        return None
    if kind == "date" and isinstance(value, str):
        return dt.date.fromisoformat(value[:10])
    if kind == "datetime" and isinstance(value, str):
        return dt.datetime.fromisoformat(value)
    if kind == "bool":
        return bool(value)
    if kind == "float":
        return float(value)
    return value


def iter_rows(store: Store, what: str, filters: Filters) -> Iterator[list[dict[str, Any]]]:
    """Batches of typed row dicts (JSON columns stay JSON text)."""
    cols = COLUMNS[what]
    key_sql, params = _query(store, what, filters)
    after = 0
    while True:
        with store.reading() as conn:
            rows = conn.execute(text(key_sql), {**params, "after": after}).all()
        if not rows:
            return
        after = rows[-1][0]
        yield [{name: _convert(r[i + 1], kind) for i, (name, (_e, kind)) in enumerate(cols.items())} for r in rows]


def _arrow_schema(what: str) -> Any:
    import pyarrow as pa

    types = {"str": pa.string(), "json": pa.string(), "date": pa.date32(), "datetime": pa.timestamp("us"),
             "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_()}
    return pa.schema([(name, types[kind]) for name, (_e, kind) in COLUMNS[what].items()])


def export(store: Store, what: str, fmt: str, path: str | Path, filters: Filters | None = None) -> int:
    """Write ``what`` rows matching ``filters`` to ``path`` in ``fmt``; the number of rows written."""
    filters = filters or Filters()
    target = Path(path)
    directory = target.parent if str(target.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    os.close(fd)
    n = 0
    try:
        if fmt == "parquet":
            import pyarrow as pa
            import pyarrow.parquet as pq

            schema = _arrow_schema(what)
            with pq.ParquetWriter(tmp, schema, compression="zstd") as writer:
                for batch in iter_rows(store, what, filters):
                    writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                    n += len(batch)
                if n == 0:
                    writer.write_table(schema.empty_table())
        else:
            with open(tmp, "w", encoding="utf-8", newline="") as fh:
                names = list(COLUMNS[what])
                writer_csv = csv.writer(fh) if fmt == "csv" else None
                if writer_csv:
                    writer_csv.writerow(names)
                for batch in iter_rows(store, what, filters):
                    for row in batch:
                        if writer_csv:
                            writer_csv.writerow(["" if row[k] is None else _plain(row[k]) for k in names])
                        else:
                            doc = {k: (json.loads(row[k]) if COLUMNS[what][k][1] == "json" and row[k] is not None
                                       else _plain(row[k])) for k in names}
                            fh.write(json.dumps(doc, ensure_ascii=False) + "\n")
                    n += len(batch)
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    return n


def _plain(v: Any) -> Any:
    if isinstance(v, dt.date | dt.datetime):
        return v.isoformat()
    return v
