"""The corpus commands: ``index``, ``reanalyze``, ``search``, ``outlets``, ``export``, ``db``, ``figures`` and
``claims``.

``presslens.cli`` adds them with :func:`add_store_commands` and hands them to :func:`run_store_command`.
Exit status: 0 ok; 1 when an input failed or the database refused (one line on stderr, no traceback without
``--debug``); 2 for a usage error (bad option, empty query); 130 when interrupted.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import datetime as dt
import io
import json
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from presslens.outputs import VisibleControls, say_error, say_note
from presslens.store.article_names import NO_NAME, ArticleName, Original, article_names, originals, shown_name
from presslens.store.backend import ENV_DB, StoreError

if TYPE_CHECKING:  # imported lazily at run time: the CLI starts without the analysis stack
    from presslens.outputs import Progress
    from presslens.store.indexing import IndexSummary
    from presslens.store.store import Store

STORE_COMMANDS = ("index", "reanalyze", "search", "outlets", "export", "db", "figures", "claims")
_DB_HELP = f"database: a file path, sqlite:///PATH or postgresql://user@host/db (default ${ENV_DB} or ./presslens.db)"


class StoreUsageError(Exception):
    pass


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date: {value!r} (use YYYY-MM-DD)") from None


def _probability(value: str) -> float:
    from presslens.cli import _probability as probability

    return probability(value)


def _min_score(p: argparse.ArgumentParser, what: str) -> None:
    p.add_argument("--min-score", type=_probability, default=ASSERTED, metavar="P",
                   help=f"{what} of findings scored at least P (default 0.5: asserted findings only, as analyze "
                        "shows them; lower shows candidates too, marked as such)")


ASSERTED = 0.5
"""The default ``--min-score`` of the corpus views: asserted findings only (the score contract of ``analyze``)."""


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", help=_DB_HELP)
    p.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS)


def _filters(p: argparse.ArgumentParser) -> None:
    p.add_argument("--source", action="append", default=[], help="only this source (repeatable)")
    p.add_argument("--since", type=_date, help="article date on or after (YYYY-MM-DD)")
    p.add_argument("--until", type=_date, help="article date on or before (YYYY-MM-DD)")
    p.add_argument("--language", action="append", default=[], help="only this language code (repeatable)")
    p.add_argument("--kind", help="finding kind, e.g. technique, violence, attribution, claim, quantity")
    p.add_argument("--label", help="finding label, e.g. Loaded_Language")
    p.add_argument("--min-score", type=_probability, metavar="P",
                   help="findings scored at least P (search: default 0.5, the asserted findings; lower lists "
                        "candidates too, marked as such; export: default every finding, with its score)")
    p.add_argument("--min-value", type=float, help="quantity value at least this (use with --kind quantity)")
    p.add_argument("--max-value", type=float, help="quantity value at most this")


def _reading(p: argparse.ArgumentParser) -> None:
    from presslens.cli import _size, add_option_arguments
    from presslens.ingest import ArticleLimits, ReadOptions

    p.add_argument("--only", help="comma-separated analyzers to run (their dependencies run too)")
    p.add_argument("--skip", help="comma-separated analyzers to leave out")
    add_option_arguments(p)
    p.add_argument("--progress", dest="progress", action="store_true", default=None,
                   help="force the progress bar (default: only on a terminal)")
    p.add_argument("--no-progress", dest="progress", action="store_false")
    p.add_argument("--threads", type=int, help="encoder threads (default: all cores)")
    p.add_argument("--field", action="append", metavar="NAME=COLUMN",
                   help="corpus field mapping for JSONL/CSV, e.g. --field text=body")
    p.add_argument("--max-bytes", type=_size, default=ReadOptions().max_bytes, help="largest input file to read")
    p.add_argument("--encoding-errors", choices=("strict", "replace"), default="strict")
    p.add_argument("--fetch", action="store_true", help="allow http(s) URL inputs (downloads the page)")
    p.add_argument("--stdin-format", choices=("text", "html", "jsonl", "csv"), default="text")
    p.add_argument("--max-article-chars", type=int, default=ArticleLimits().max_chars, help="longest article analysed")
    p.add_argument("--max-article-sentences", type=int, default=ArticleLimits().max_sentences)


def add_store_commands(sub: Any) -> None:
    """Add the corpus commands to the ``presslens`` sub-parsers."""
    i = sub.add_parser("index", help="analyse articles and store them in a corpus database")
    i.add_argument("inputs", nargs="+", help="files, directories, '-' for stdin (as for analyze)")
    _common(i)
    _reading(i)
    i.add_argument("--reanalyze", action="store_true",
                   help="re-run stored articles whose analyzer versions differ from the installed ones")
    i.add_argument("--source", metavar="NAME",
                   help="the outlet of every article read here that names none (plain-text files, JSONL/CSV "
                        "records without a source field): index a folder per outlet, one --source each")

    r = sub.add_parser("reanalyze", help="re-run stored articles analysed by other analyzer versions")
    _common(r)
    r.add_argument("--only", help="comma-separated analyzers to run")
    r.add_argument("--skip", help="comma-separated analyzers to leave out")
    from presslens.cli import add_option_arguments

    add_option_arguments(r)
    r.add_argument("--all", action="store_true", help="re-run every stored article")
    r.add_argument("--progress", dest="progress", action="store_true", default=None)
    r.add_argument("--no-progress", dest="progress", action="store_false")

    s = sub.add_parser("search", help="full-text search over stored articles, or list their findings")
    s.add_argument("query", nargs="?", help='words (ANDed), "a phrase", a OR b, -word')
    _common(s)
    _filters(s)
    s.add_argument("--findings", action="store_true", help="return finding rows instead of articles")
    s.add_argument("--format", "-f", choices=("table", "jsonl", "csv"), default="table")
    s.add_argument("--limit", type=int, default=None,
                   help="rows (default 20 articles / 100 findings; 0: no limit); stderr says when rows were left out")
    s.add_argument("--offset", type=int, default=0)

    o = sub.add_parser("outlets", help="profile every source, or one source by month")
    o.add_argument("source", nargs="?", help="one outlet: its profile month by month")
    _common(o)
    o.add_argument("--format", "-f", choices=("table", "json", "csv"), default="table")
    _min_score(o, "claims, techniques, violence flags and cited sources")

    e = sub.add_parser("export", help="export articles, findings or quantities (parquet, csv, jsonl)")
    _common(e)
    _filters(e)
    e.add_argument("--what", choices=("articles", "findings", "quantities"), default="findings")
    e.add_argument("--format", "-f", choices=("parquet", "csv", "jsonl"),
                   help="default: from the -o extension")
    e.add_argument("--output", "-o", required=True, help="file to write (atomically)")

    fg = sub.add_parser("figures", help="tracked figures: the same measured thing across sources and over time")
    fg.add_argument("query", nargs="?", help="words the group's label or a mention's clause must contain")
    _common(fg)
    fg.add_argument("--source", action="append", default=[], help="groups this source reports (repeatable)")
    fg.add_argument("--since", type=_date, help="mentions dated on or after (YYYY-MM-DD)")
    fg.add_argument("--until", type=_date, help="mentions dated on or before (YYYY-MM-DD)")
    fg.add_argument("--min-articles", type=int, default=2,
                    help="groups reported by at least this many articles (default 2; 1 lists single figures too)")
    fg.add_argument("--format", "-f", choices=("table", "json", "csv"), default="table")
    _min_score(fg, "figures, their sources and hedges")
    fg.add_argument("--rebuild", action="store_true",
                    help="regroup every stored figure from the stored reports in indexing order (after a model change)")

    cl = sub.add_parser("claims", help="find where a claim was made before, or claims several sources make")
    _common(cl)
    how = cl.add_mutually_exclusive_group(required=True)
    how.add_argument("--like", metavar="TEXT", help="rank stored claims that make the same claim as TEXT (score: cosine similarity plus 0.1 x word overlap, up to 1.1)")
    how.add_argument("--repeated", action="store_true", help="claims made by several sources")
    cl.add_argument("--limit", type=int, default=10, help="rows (default 10)")
    cl.add_argument("--format", "-f", choices=("table", "json", "csv"), default="table")

    d = sub.add_parser("db", help="corpus database: info, upgrade, rebuild-groups")
    d.add_argument("action", choices=("info", "upgrade", "rebuild-groups"))
    _common(d)
    d.add_argument("--format", "-f", choices=("table", "json"), default="table")


READABLE_FORMATS = frozenset({"table"})
"""The output formats a person reads on a terminal: article text in them has its control characters shown as
escapes (:func:`presslens.outputs.visible_controls`; user trial s28). Commands without ``--format`` count as table."""


def run_store_command(args: argparse.Namespace) -> int:
    """Run a corpus command; one line and a non-zero status for every user-caused error."""
    from presslens.store.search import QueryError

    debug = bool(getattr(args, "debug", False))
    try:
        handler = {"index": cmd_index, "reanalyze": cmd_reanalyze, "search": cmd_search, "outlets": cmd_outlets,
                   "export": cmd_export, "db": cmd_db, "figures": cmd_figures, "claims": cmd_claims}[args.command]
        if getattr(args, "format", "table") not in READABLE_FORMATS:
            return handler(args)  # data (JSON, JSONL, CSV, Parquet) keeps the stored text as it is
        with contextlib.redirect_stdout(VisibleControls(sys.stdout)):  # type: ignore[type-var]
            return handler(args)
    except (QueryError, StoreUsageError) as exc:
        say_error(str(exc))
        return 2
    except StoreError as exc:
        if debug:
            raise
        say_error(str(exc))
        return 1
    except KeyboardInterrupt:
        say_error("interrupted (articles committed so far are kept; run the same command again to resume)")
        return 130
    except BrokenPipeError:
        return 0


# ---------------------------------------------------------------- index


def _pipeline(args: argparse.Namespace) -> Any:
    from presslens.analyzers.base import AnalyzerOptionError
    from presslens.cli import UsageError, _csv_list, analyzer_options
    from presslens.pipeline import Pipeline, PipelineConfig

    # The same config ``presslens analyze`` builds; ``reanalyze`` has no --threads (the encoder uses all cores).
    try:
        options = analyzer_options(getattr(args, "analyzer_options", None))
    except UsageError as exc:
        raise StoreUsageError(str(exc)) from None
    config = PipelineConfig(only=tuple(_csv_list(args.only)) or None, skip=tuple(_csv_list(args.skip)),
                            threads=getattr(args, "threads", None), options=options)
    try:
        return Pipeline(config)
    except KeyError as exc:
        raise StoreUsageError(str(exc.args[0])) from None
    except AnalyzerOptionError as exc:
        raise StoreUsageError(str(exc)) from None


def cmd_index(args: argparse.Namespace) -> int:
    from presslens.cli import count_articles
    from presslens.ingest import ArticleLimits, FieldMap, ReadOptions, read_inputs, with_source
    from presslens.outputs import Progress
    from presslens.store.store import open_store

    try:
        fields = FieldMap.parse(args.field)
    except ValueError as exc:
        raise StoreUsageError(str(exc)) from None
    outlet = getattr(args, "source", None)
    if outlet is not None:
        outlet = " ".join(outlet.split())
        if not outlet:
            raise StoreUsageError("--source needs an outlet name")
    opts = ReadOptions(max_bytes=args.max_bytes, replace_errors=args.encoding_errors == "replace",
                       fetch=args.fetch, fields=fields, stdin_format=args.stdin_format,
                       limits=ArticleLimits(args.max_article_chars, args.max_article_sentences))
    fresh = _new_sqlite_file(args.db)
    store = open_store(args.db, write=True, create=True)
    try:
        pipeline = _pipeline(args)
        progress = Progress(None, enabled=args.progress)
        if progress.enabled:
            progress.total = count_articles(args.inputs)
        items = read_inputs(args.inputs, opts)
        if outlet:
            items = with_source(items, outlet)
        summary = _index_into(store, items, pipeline, args, progress, reanalyze=args.reanalyze)
    finally:
        empty = fresh is not None and _holds_no_article(store)  # counted: Ctrl-C keeps what was committed
        store.close()
        if fresh is not None and empty:
            _remove_new_store(fresh)  # nothing stored: leave no empty corpus behind (user trial s28)
    print(summary.line())
    if fresh is not None and not summary.new:
        say_note(f"nothing was stored, so {fresh} was not created")
    return 1 if summary.failed else 0


def _new_sqlite_file(db: str | None) -> Path | None:
    """The SQLite file ``index`` is about to create, or None (it exists already, or the store is PostgreSQL)."""
    from presslens.store.backend import resolve_url

    url = resolve_url(db)
    return url.path if url.backend == "sqlite" and url.path is not None and not url.path.exists() else None


def _holds_no_article(store: Store) -> bool:
    """Whether the store holds no article (False when it cannot tell: then nothing is removed)."""
    from sqlalchemy import func, select

    from presslens.store.schema import ARTICLES

    try:
        with store.reading() as conn:
            return not conn.execute(select(func.count()).select_from(ARTICLES)).scalar()
    except Exception:  # noqa: BLE001 - a store that cannot answer is kept as it is
        return False


def _remove_new_store(path: Path) -> None:
    """Remove the SQLite file (and its journal files) that this ``index`` created but stored nothing in: an
    ``index`` of only bad input, a typo in the path, a pipeline that fails to load, Ctrl-C before the first
    article (user trial s28: it left an empty presslens.db that ``db info`` then showed as a corpus)."""
    for p in (path, *(path.with_name(path.name + s) for s in ("-journal", "-wal", "-shm"))):
        with contextlib.suppress(FileNotFoundError):
            p.unlink()


def cmd_reanalyze(args: argparse.Namespace) -> int:
    from presslens.outputs import Progress
    from presslens.store.indexing import pipeline_versions, stored_items
    from presslens.store.store import open_store

    store = open_store(args.db, write=True)
    try:
        pipeline = _pipeline(args)
        items = stored_items(store, pipeline_versions(pipeline), everything=args.all)
        summary = _index_into(store, items, pipeline, args, Progress(None, enabled=args.progress),
                              reanalyze=True, force=args.all)
    finally:
        store.close()
    print(summary.line())
    return 1 if summary.failed else 0


def _index_into(store: Store, items: Iterable[Any], pipeline: Any, args: argparse.Namespace, progress: Progress, *,
                reanalyze: bool, force: bool = False) -> IndexSummary:
    """What ``index`` and ``reanalyze`` share: analyse and store ``items`` one transaction per article (figure
    groups kept up to date), then refresh the planner's statistics when anything was written."""
    from presslens.store.indexing import index_items
    from presslens.store.tracking import CorpusTracker

    summary = index_items(store, items, pipeline, reanalyze=reanalyze, force=force,
                          debug=bool(getattr(args, "debug", False)), on_item=progress.advance,
                          tracker=CorpusTracker(store))
    progress.close()
    if summary.new or summary.reanalysed:
        store.optimize()
    return summary


# ---------------------------------------------------------------- search


def _filters_of(args: argparse.Namespace) -> Any:
    from presslens.store.search import Filters

    if args.since and args.until and args.since > args.until:
        raise StoreUsageError(f"--since {args.since} is after --until {args.until}")
    return Filters(sources=args.source, since=args.since, until=args.until, languages=args.language,
                   kind=args.kind, label=args.label, min_score=args.min_score,
                   min_value=args.min_value, max_value=args.max_value)


def cmd_search(args: argparse.Namespace) -> int:
    from presslens.store.search import (
        FINDING_FIELDS,
        NO_LIMIT,
        count_findings,
        search_articles,
        search_findings,
    )
    from presslens.store.store import open_store

    if args.limit is not None and args.limit < 0 or args.offset < 0:
        raise StoreUsageError("--limit and --offset must not be negative")
    if args.min_score is None and (args.findings or args.kind or args.label):
        args.min_score = ASSERTED  # the score contract: finding rows, or articles with a finding of a kind
    filters = _filters_of(args)
    limit = args.limit if args.limit is not None else 100 if args.findings else 20
    unlimited = limit == 0
    with open_store(args.db) as store:
        if args.findings:
            rows = search_findings(store, args.query, filters, limit=NO_LIMIT if unlimited else limit,
                                   offset=args.offset)
            left_out = (count_findings(store, args.query, filters) - args.offset - len(rows)
                        if not unlimited and len(rows) == limit else 0)
        else:
            rows = search_articles(store, args.query, filters, limit=NO_LIMIT if unlimited else limit + 1,
                                   offset=args.offset)
            left_out = -1 if not unlimited and len(rows) > limit else 0  # -1: more, not counted
            rows = rows[:limit] if not unlimited else rows
        names: dict[str, ArticleName] = {}
        copied: dict[str, Original] = {}
        own_figures: dict[str, int] = {}
        repeated: dict[str, Original] = {}
        if args.format == "table" and rows:  # the user's own name for each article (user trial s26)
            with store.reading() as conn:
                keys = {str(r["article_id"] if args.findings else r["id"]) for r in rows}
                if not args.findings:  # and the article each republished copy copies (user trial s27)
                    copied = originals(conn, keys)
                    own_figures = _copy_figure_counts(conn, copied)
                    repeated = _repeated_updates(conn, {k: o.key for k, o in copied.items()
                                                        if not own_figures.get(k)})
                names = article_names(conn, keys | {o.key for o in copied.values()}
                                      | {o.key for o in repeated.values()})
    if left_out:
        shown = _counted(len(rows), "finding row" if args.findings else "article")
        more = f"{left_out:,} more match" if left_out > 0 else "more match"
        say_note(f"{shown} shown (--limit {limit}), {more}: --limit 0 lists all, "
                 f"--offset {args.offset + len(rows)} the next ones")
    out = sys.stdout
    if args.format == "jsonl":
        for r in rows:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
    elif args.format == "csv":
        fields = list(FINDING_FIELDS) if args.findings else ["id", "date", "source", "title", "score", "snippet",
                                                              "counts"]
        w = csv.writer(out)
        w.writerow(fields)
        for r in rows:
            w.writerow([_cell(r.get(k)) for k in fields])
    elif args.findings:
        for r in rows:
            text = " ".join(r["text"].split())
            mark = " candidate" if r.get("candidate") else ""
            name = shown_name(r["article_id"], names.get(r["article_id"]))
            print(f"{r['article_id']}  {r['date'] or '-':10}  {_cut(r['source'] or '-', 20):20}  "
                  f"{r['kind']}/{r['label']}  {r['start']}:{r['end']}  {r['score']:.2f}{mark}  {_cut(text, 80)}  "
                  f"in {_cut(name, 60)!r}")
    else:
        for r in rows:
            counts = ", ".join(f"{k} {n}" for k, n in r["counts"].items()) or "no findings >= 0.5"
            name = shown_name(r["id"], names.get(r["id"])) if r["id"] in names else r["title"] or "(no title)"
            print(f"{r['id']}  {r['date'] or '-':10}  {_cut(r['source'] or '-', 20):20}  {name}")
            if r["id"] in copied:
                orig = copied[r["id"]]
                own = own_figures.get(r["id"], 0)
                updated = (f", updated: {_counted(own, 'figure')} of its own (presslens figures lists them)"
                           if own else "")
                if r["id"] in repeated:  # a copy of an updated copy: the original does not say what it says
                    upd = repeated[r["id"]]
                    updated = (f", repeating the update in {_cut(shown_name(upd.key, names.get(upd.key)), 60)!r} "
                               f"({upd.source or 'no outlet recorded'}, {upd.date or 'undated'})")
                print(f"    republished copy of {_cut(shown_name(orig.key, names.get(orig.key)), 60)!r} "
                      f"({orig.source or 'no outlet recorded'}, {orig.date or 'undated'}){updated}")
            if r["snippet"]:
                print(f"    {_cut(r['snippet'], 150)}")
            print(f"    {counts}")
    if args.format == "table" and not rows:
        print("no match", file=sys.stderr)
    return 0


def _copy_figure_counts(conn: Any, copies: Iterable[str]) -> dict[str, int]:
    """Republished copy key -> how many figures scored >= 0.5 it states that its family does not (its own figure
    mentions: what ``figures`` lists "from an updated copy" by default); copies that only repeat are left out
    (user trial s32: ``search`` called an updated copy a "republished copy" like any other)."""
    from presslens.store.schema import FIGURE_MENTIONS
    from presslens.store.tracking import load_mentions, mentions_at_min_score

    keys = sorted(set(copies))
    out: dict[str, int] = {}
    for s in range(0, len(keys), 500):
        mentions, _, _ = load_mentions(conn, FIGURE_MENTIONS.c.article_id.in_(keys[s : s + 500]))
        shown, _ = mentions_at_min_score(conn, mentions, ASSERTED)
        out.update(Counter(m.article_id for m in shown))
    return out


def _repeated_updates(conn: Any, families: dict[str, str]) -> dict[str, Original]:
    """Republished copy key (one that states no figure of its own) -> the updated copy of its family whose own
    figures (scored >= 0.5) it repeats, the one it repeats most (then the earliest dated); copies that repeat
    no update are left out. User trial s33: a copy of an updated copy ("More than 5,400 people") read as a
    plain "republished copy of" the original, which says 5,000; ``figures`` lists it under the update."""
    from sqlalchemy import select

    from presslens.compare.copies import same_figure
    from presslens.compare.figures import mentions_from_findings
    from presslens.store.rows import article_from_report, stored_report
    from presslens.store.schema import ARTICLES, FIGURE_MENTIONS
    from presslens.store.tracking import findings_from_dicts, load_mentions, mentions_at_min_score

    if not families:
        return {}
    updates: dict[str, list[Original]] = {}  # family original -> its updated copies
    wanted = sorted(set(families.values()))
    for s in range(0, len(wanted), 500):
        for key, dup, source, date in conn.execute(
                select(ARTICLES.c.id, ARTICLES.c.duplicate_of, ARTICLES.c.source, ARTICLES.c.date)
                .where(ARTICLES.c.duplicate_of.in_(wanted[s : s + 500]),
                       ARTICLES.c.pk.in_(select(FIGURE_MENTIONS.c.article_pk)))):
            updates.setdefault(dup, []).append(Original(key, source or None, date))
    if not updates:
        return {}
    keys = sorted(o.key for listed in updates.values() for o in listed)
    own, _ = mentions_at_min_score(conn, load_mentions(conn, FIGURE_MENTIONS.c.article_id.in_(keys))[0], ASSERTED)
    own_of: dict[str, list[Any]] = {}
    for m in own:
        own_of.setdefault(m.article_id, []).append(m)
    copies = sorted(k for k, family in families.items() if family in updates)
    out: dict[str, Original] = {}
    for key, packed, text in conn.execute(
            select(ARTICLES.c.id, ARTICLES.c.report, ARTICLES.c.text).where(ARTICLES.c.id.in_(copies))):
        doc = stored_report(bytes(packed), text)
        article = article_from_report(doc, text)
        stated = mentions_from_findings(article, [f for f in findings_from_dicts(doc.get("findings") or [])
                                                  if f.score >= ASSERTED])
        best: tuple[int, str] | None = None
        for upd in updates[families[key]]:
            hits = sum(1 for m in own_of.get(upd.key, ()) if any(same_figure(m, x) for x in stated))
            rank = (-hits, str(upd.date or "9999"))
            if upd.key != key and hits and (best is None or rank < best):
                best, out[key] = rank, upd
    return out


def _cut(s: str, n: int) -> str:
    return s if len(s) <= n else s[: n - 1] + "…"


def _cell(v: Any) -> Any:
    if isinstance(v, dict | list):
        return json.dumps(v, ensure_ascii=False)
    return "" if v is None else v


# ---------------------------------------------------------------- outlets, export, db


def cmd_outlets(args: argparse.Namespace) -> int:
    from presslens.store.outlets import profiles
    from presslens.store.store import open_store

    with open_store(args.db) as store:
        rows = profiles(store, args.source, min_score=args.min_score)
    if args.source and not rows:
        raise StoreError(f"no stored article from source {args.source!r}")
    if args.format == "json":
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    if args.format == "csv":
        buf = io.StringIO()
        w = csv.writer(buf)
        fields = list(rows[0]) if rows else ["source"]
        w.writerow(fields)
        for r in rows:
            w.writerow([_cell(r[k]) for k in fields])
        sys.stdout.write(buf.getvalue())
        return 0
    for r in rows:
        head = r["month"] if args.source else (r["source"] or "(no source)")
        print(f"{head}: {_counted(r['articles'], 'article')}, {r['first_date'] or '?'} .. {r['last_date'] or '?'}, "
              f"{_counted(r['words'], 'word')}")
        cand = f", {r['candidate_claims']} of them candidates" if r.get("candidate_claims") else ""
        print(f"    propaganda sentences {_pct(r['propaganda_sentence_share'])}, violence flag in "
              f"{_counted(r['violence_articles'], 'article')}, claims {r['claims']}{cand} "
              f"(attributed {_pct(r['attributed_claim_share'])}, hedged {_pct(r['hedged_claim_share'])})")
        rates = ", ".join(f"{k} {v:.2f}" for k, v in list(r["technique_rate"].items())[:5] if v is not None)
        if rates:
            print(f"    techniques per 1,000 words: {rates}")
        if r["top_cited_sources"]:
            print("    most cited: " + "; ".join(
                f"{c['source']} ({c['count']}" + (f", {_counted(c['candidates'], 'candidate')})" if c.get("candidates") else ")")
                for c in r["top_cited_sources"]))
        if args.min_score < ASSERTED:
            print(f"    (--min-score {args.min_score:g}: counts include candidates scored below 0.5)")
    return 0


def _pct(v: float | None) -> str:
    return "-" if v is None else f"{100 * v:.1f}%"


def cmd_export(args: argparse.Namespace) -> int:
    from pathlib import Path

    from presslens.store.export import export
    from presslens.store.store import open_store

    fmt = args.format
    if fmt is None:
        ext = Path(args.output).suffix.lower().lstrip(".")
        fmt = {"parquet": "parquet", "pq": "parquet", "csv": "csv", "jsonl": "jsonl", "ndjson": "jsonl"}.get(ext)
        if fmt is None:
            raise StoreUsageError(f"cannot tell the format of {args.output!r}: give --format parquet|csv|jsonl")
    out_dir = Path(args.output).parent
    if str(out_dir) and not out_dir.is_dir():
        raise StoreUsageError(f"folder {out_dir} does not exist")
    filters = _filters_of(args)
    with open_store(args.db) as store:
        n = export(store, args.what, fmt, args.output, filters)
    print(f"exported {n} {args.what} to {args.output} ({fmt})")
    return 0


def cmd_db(args: argparse.Namespace) -> int:
    from presslens.store.schema import SCHEMA_VERSION
    from presslens.store.store import open_store

    if args.action == "rebuild-groups":
        return _rebuild_groups(args.db)
    if args.action == "upgrade":
        with open_store(args.db, write=True, check=False) as store:
            before, after = store.upgrade()
        print(f"{store.db.shown}: schema version {before} -> {after}" if before != after
              else f"{store.db.shown}: schema version {after} is current")
        return 0
    with open_store(args.db, check=False) as store:
        version = store.version()
        if version > SCHEMA_VERSION or version < 0:
            store.check_schema(create=False)
        info = store.info() if version == SCHEMA_VERSION else {
            "backend": store.backend, "database": store.db.shown, "schema_version": version,
            "note": "run 'presslens db upgrade' to use this database"}
    if args.format == "json":
        print(json.dumps(info, indent=2))
        return 0
    for k, v in info.items():
        if isinstance(v, dict):
            v = ", ".join(f"{a} {b}" for a, b in v.items()) or "-"
        print(f"{k}: {v}")
    return 0


# ---------------------------------------------------------------- figures, claims


def _rebuild_groups(db: str | None, stream: TextIO | None = None) -> int:
    """Regroup every stored figure and say so on ``stream`` (default stdout: ``db rebuild-groups`` has nothing
    else to print; ``figures --rebuild`` passes stderr, so its JSON/CSV/table on stdout stays only that, user
    trial s27: ``figures --rebuild -f json > f.json`` wrote the line before the JSON)."""
    from presslens.store.store import open_store
    from presslens.store.tracking import rebuild_groups

    with open_store(db, write=True) as store:
        mentions, groups = rebuild_groups(store)
    print(f"regrouped {mentions} figure mentions into {groups} groups", file=stream or sys.stdout)
    return 0


def _num(v: float | None) -> str:
    if v is None:
        return "-"
    return f"{v:,.0f}" if float(v).is_integer() else f"{v:,.2f}"


def _counted(n: int, noun: str) -> str:
    """``"1 mention"``, ``"3 mentions"``."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _conflict_side(m: Any, names: dict[str, Any]) -> str:
    """One side of a conflict line: outlet, figure, date and the user's id for the article (``in 'd03'``), so
    the two articles can be told apart when no outlet is recorded or one outlet wrote both."""
    name = names.get(m.article_id)
    article = name.given_id if name is not None and name.given_id else m.article_id
    outlet = f"{m.source} " if m.source else ""
    return f"{outlet}{m.text!r} on {m.date or 'undated'} in {_cut(article, 40)!r}"


def _days_apart(days: int | None) -> str:
    """``"1 day apart"``, ``"4 days apart"``; a conflict of an undated mention has no distance."""
    return "dates unknown" if days is None else f"{_counted(days, 'day')} apart"


NO_OUTLET = ("no outlet recorded: index JSONL or CSV with a source field, or each outlet's folder with "
             "--source NAME")
"""Why a corpus of plain-text files has no sources to compare (a text file carries no outlet name)."""


def _records_no_outlet(store: Any) -> bool:
    """True when no stored article names its outlet (``claims --repeated`` then has nothing to compare)."""
    from sqlalchemy import func, select

    from presslens.store.schema import ARTICLES

    with store.reading() as conn:
        return not conn.execute(select(func.count(ARTICLES.c.source.distinct()))).scalar()


def _sources_phrase(count: int) -> str:
    if count == 0:  # plain-text files carry no outlet name: say so instead of "0 sources"
        return f"unknown sources ({NO_OUTLET})"
    return "1 source" if count == 1 else f"{count} sources"


def _stated_value(m: Any) -> float | None:
    """The value a mention states, as a reader reads it: the number itself, or the middle of a stated range."""
    if m.value is not None:
        return float(m.value)
    if m.low is not None and m.high is not None:
        return (float(m.low) + float(m.high)) / 2
    return None


def _is_range(m: Any) -> bool:
    """Whether a mention states a range of numbers ("between 30,000 and 35,000"): no single value, two
    different ends, not a vague or malformed amount read as a range."""
    return (m.value is None and m.low is not None and m.high is not None and m.low != m.high
            and not (m.vague or m.malformed))


def _bound_of(m: Any) -> str:
    """The bound a figures table shows for a mention: its own, "range" for a stated range (user trial s28:
    "Between 30,000 and 35,000 people" was shown as ``exact``), else "exact"."""
    return m.bound or ("range" if _is_range(m) else "exact")


def _stated_phrase(m: Any) -> str:
    """The value a summary line gives for a mention: the number it states, but for a vague amount
    ("thousands") or a malformed one ("300,00") its reading as a range, never the middle as if someone had
    stated it (user trial s26: "Thousands" was shown as "every mention states 5,999.50"), and for a stated
    range its two ends (user trial s28: "between 30,000 and 35,000" was "every mention states 32,500")."""
    if m.vague or m.malformed:
        return f"{'vague' if m.vague else 'malformed'} {_num(m.low)}..{_num(m.high)}"
    if _is_range(m):
        return f"{_num(m.low)}..{_num(m.high)}"
    return _num(_stated_value(m))


def _one_reading(mentions: Sequence[Any]) -> bool:
    """Whether the mentions that state the same middle also state the same thing: either no range at all,
    or one and the same range in each (a range 30,000..35,000 and a stated 32,500 do not agree)."""
    ranges = {(m.low, m.high) if _is_range(m) else None for m in mentions}
    return len(ranges) == 1


BOUND_WORDS = {"lower": "at least", "upper": "at most", "approx": "about", "range": "the range"}
"""How the "every mention states" line says a bound the mentions share (the mention's own words are not shown
there: "More than 2,400 people" read "every mention states 2,400" before user trial s27)."""


def _shared_value_phrase(mentions: Sequence[Any], first: Any) -> str:
    """The "every mention states" phrase for mentions that all state one value: the value with the bound they
    share ("at least 2,400"), or, when their bounds differ, the value and how many state it which way
    ("300,000 (exactly in 1, at most in 1)")."""
    value = _stated_phrase(first)
    bounds = Counter(b if (b := _bound_of(m)) in BOUND_WORDS else "exact" for m in mentions)
    if set(bounds) == {"exact"}:
        return value
    if len(bounds) == 1:
        [bound] = bounds
        return f"{BOUND_WORDS[bound]} {value}"
    ways = ", ".join(f"{'exactly' if b == 'exact' else BOUND_WORDS[b]} in {n}" for b, n in sorted(bounds.items()))
    return f"{value} ({ways})"


def _stated_extremes(mentions: Sequence[Any]) -> tuple[Any, Any] | None:
    """The mentions with the lowest and the highest stated value ("nearly 700,000" states 700,000, not the
    open lower end of its interval), or None when no mention states a value.

    A vague or malformed amount ("dozens", read 24..99) states no number: it is the lowest only when its whole
    reading lies below every stated number, the highest only when it lies above (user trial s27: "not dozens",
    middle 61.5, was shown as the highest over "as many as 60 drones"); with no stated number at all, the vague
    amounts are compared by their middles."""
    valued = [(v, m) for m in mentions if (v := _stated_value(m)) is not None]
    if not valued:
        return None
    stated = [(v, m) for v, m in valued if not (m.vague or m.malformed)]
    if not stated:
        return min(valued, key=lambda p: p[0])[1], max(valued, key=lambda p: p[0])[1]
    # on a tie, the lowest is a stated number and the highest a stated range, so that a range and a number at
    # its middle ("30,000 to 35,000" and "32,500") show as two mentions, not one (user trial s28)
    low_v, low = min(stated, key=lambda p: (p[0], _is_range(p[1])))
    high_v, high = max(stated, key=lambda p: (p[0], _is_range(p[1])))
    read = [(v, m) for v, m in valued if (m.vague or m.malformed) and m.low is not None and m.high is not None]
    below = [(v, m) for v, m in read if float(m.high) < low_v]
    above = [(v, m) for v, m in read if float(m.low) > high_v]
    if below:
        low = min(below, key=lambda p: p[0])[1]
    if above:
        high = max(above, key=lambda p: p[0])[1]
    return low, high


def _mention_line(m: Any, name: str, read: Any = None) -> str:
    """One mention of a figure group; ``read`` (its :class:`~presslens.store.tracking.MentionScore`, shown
    only with ``--min-score`` under 0.5) marks a candidate figure or a source only a candidate gives."""
    if m.vague:
        shape = f"vague {_num(m.low)}..{_num(m.high)}"
    elif m.malformed:
        shape = f"malformed {_num(m.low)}..{_num(m.high)}"
    elif m.low is not None and m.high is not None and m.low != m.high:
        shape = f"{_num(m.low)}..{_num(m.high)}"
    else:
        shape = _num(m.value)
    bound = _bound_of(m)
    who = m.attributed_to or ("(vague source)" if m.attribution_vague else "(unattributed)")
    if read is not None and read.source_candidate:
        who = f"{_cut(who, 18)} (candidate)"
    hedged = {True: "hedged", False: "not hedged", None: "hedging unknown"}[m.hedged]
    cand = f"  CANDIDATE {read.score:.2f}" if read is not None and read.candidate else ""
    return (f"{m.date.isoformat() if m.date else '(undated)':10}  {_cut(m.source or '-', 18):18}  "
            f"{_cut(repr(m.text), 28):28} {bound:6} {shape:>20}  {_cut(who, 30)}; {hedged}  "
            f"in {_cut(name, 60)!r}  [{m.id}]{cand}")


def _copies_of(g: Any, m: Any) -> list[dict[str, Any]]:
    """The copies that also published ``m`` (:meth:`GroupSummary.copies_of`: not those that changed it)."""
    if hasattr(g, "copies_of"):
        return list(g.copies_of(m))
    return list(g.also_published_by.get(m.article_id) or [])


def _copy_text(copy: dict[str, Any], names: dict[str, Any]) -> str:
    """One republished copy for "also published by": its outlet, or its title / the user's id for it when no
    outlet is recorded (a folder of plain-text files), so the reader can find the copy ("-" told them nothing)."""
    key = str(copy.get("article_id") or "?")
    who = copy.get("source") or f"{shown_name(key, names.get(key))!r} (no outlet recorded)"
    return f"{who} ({copy.get('date') or 'undated'})"


def _figure_group_dict(g: Any, names: dict[str, Any], scores: dict[str, Any] | None = None) -> dict[str, Any]:
    """``figures --format json``: the group's dict with ``lowest``/``highest`` the mentions with the lowest and
    highest *stated* value (as the table shows them) and their values; the mentions whose allowed interval
    reaches lowest / highest under ``lowest_by_range``/``highest_by_range``; every mention (and copy) with its
    article's ``article_given_id``, ``article_title`` and ``article_origin``, and (``scores``: the
    :class:`~presslens.store.tracking.MentionScore` of each) its ``score``, ``candidate`` (the figure scores
    below 0.5) and ``attributed_to_candidate`` (only an attribution below 0.5 names that source)."""
    d: dict[str, Any] = g.to_dict()
    extremes = _stated_extremes(g.mentions)
    by_range = {"lowest_by_range": d.pop("lowest"), "highest_by_range": d.pop("highest")}
    out: dict[str, Any] = {}
    for key, value in d.items():
        out[key] = value
        if key == "latest":
            out["lowest"] = extremes[0].id if extremes else None
            out["lowest_stated_value"] = _stated_value(extremes[0]) if extremes else None
            out["highest"] = extremes[1].id if extremes else None
            out["highest_stated_value"] = _stated_value(extremes[1]) if extremes else None
            out.update(by_range)
    stated = {m.id: _stated_value(m) for m in g.mentions}
    for m in out["mentions"]:
        m.update(names.get(m["article_id"], NO_NAME).fields(), stated_value=stated.get(m["id"]))
        m.update(_score_fields((scores or {}).get(m["id"])))
        for c in m.get("also_published_by") or []:
            c.update(names.get(c.get("article_id"), NO_NAME).fields())
    return out


def _score_fields(read: Any) -> dict[str, Any]:
    """``score``, ``candidate`` and ``attributed_to_candidate`` of a mention (unknown: score None, not a
    candidate)."""
    return {"score": None if read is None else round(float(read.score), 4),
            "candidate": bool(read is not None and read.candidate),
            "attributed_to_candidate": bool(read is not None and read.source_candidate)}


FIGURES_CSV_FIELDS = ["group_id", "label", "unit", "date", "source", "article_id", "text", "value", "low", "high",
                      "bound", "attributed_to", "hedged", "start", "end", "also_published_by", "conflicts_with",
                      "conflicts_with_other_groups", "stated_value", "reported_low", "reported_high",
                      *NO_NAME.fields(), "score", "candidate", "attributed_to_candidate", "vague", "malformed",
                      "updated_copy_of", "updates"]
"""The one header of ``figures --format csv``, whatever matches (user trial s25: with no group it had 13 of the 24
columns, so appending runs broke). ``vague``/``malformed`` (user trial s26): the row's ``low``/``high`` and
``stated_value`` are a reading of "thousands" or "300,00", not a number someone stated. ``updated_copy_of``
(stop 30): for a figure only a republished copy states, the article id of the original it copies; ``updates``
(user trial s31): the id of the original's mention it stands in place of (empty for an added figure), as in JSON."""


def _figure_group_rows(g: Any, names: dict[str, Any], scores: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    """``figures --format csv``: one row per mention with its stated value, the values a reader takes it to
    report (``reported_low``/``reported_high``, the JSON timeline's ``low``/``high``: "about 100,000" reports
    80,000..120,000; an open end is empty) and its article's names; ``also_published_by`` names each copy as the table does (its outlet,
    or its article when no outlet is recorded), never "None"; ``bound`` is the table's word, ``exact`` or ``range``
    where the mention has no bound of its own (user trial s29: the CSV left it empty where the table said so)."""
    stated = {(m.article_id, m.start, m.end): _stated_value(m) for m in g.mentions}
    flags = {(m.article_id, m.start, m.end): (bool(m.vague), bool(m.malformed)) for m in g.mentions}
    bounds = {(m.article_id, m.start, m.end): _bound_of(m) for m in g.mentions}
    read = {str(t.get("mention")): t for t in getattr(g, "timeline", None) or []}
    g_mentions = {(m.article_id, m.start, m.end): m for m in g.mentions}
    rows = g.rows()
    for r in rows:
        key = (r["article_id"], r["start"], r["end"])
        r["stated_value"] = stated.get(key)
        r["vague"], r["malformed"] = flags.get(key, (False, False))
        r["bound"] = bounds.get(key, r.get("bound"))
        reading = read.get(f"{r['article_id']}:{r['start']}-{r['end']}", {})
        r["reported_low"], r["reported_high"] = reading.get("low"), reading.get("high")
        copies = _copies_of(g, g_mentions[key]) if key in g_mentions else []
        r["also_published_by"] = "; ".join(_copy_text(c, names) for c in copies)
        r["updates"] = (getattr(g_mentions[key], "updates", None) or "") if key in g_mentions else ""
        r.update(names.get(r["article_id"], NO_NAME).fields())
        r.update(_score_fields((scores or {}).get(f"{r['article_id']}:{r['start']}-{r['end']}")))
    return rows


def _why_unlisted(args: argparse.Namespace) -> str:
    """Why the other group of a between-group conflict is not in the listing, and how to list it: with no query,
    source or dates given only ``--min-articles`` hides a group (user trial 24: "(not in this listing)" left
    the reader with an id and no way to see the group)."""
    filtered = bool(args.query or args.source or args.since or args.until)
    if args.min_articles <= 1:
        return "not in this listing: outside the query or filters"
    if not filtered:
        return f"not in this listing: reported by fewer than {args.min_articles} articles; --min-articles 1 lists it"
    return f"not in this listing: outside the query or filters, or reported by fewer than {args.min_articles} articles"


def _no_figure_line(args: argparse.Namespace, min_score: float) -> str:
    """What ``figures`` says when no group is listed, with the option that would list more (user trial s25:
    "no tracked figure matches" gave no hint that single figures need ``--min-articles 1``)."""
    hints = []
    if args.min_articles > 1:
        hints.append(f"groups reported by fewer than {args.min_articles} articles are left out: "
                     "--min-articles 1 lists single figures too")
    if min_score >= ASSERTED:
        hints.append(f"figures scored below {min_score:g} are left out (--min-score)")
    return "no tracked figure matches" + ("; " + "; ".join(hints) if hints else "")


def cmd_figures(args: argparse.Namespace) -> int:
    from presslens.store.store import open_store
    from presslens.store.tracking import figure_summaries

    if args.since and args.until and args.since > args.until:
        raise StoreUsageError(f"--since {args.since} is after --until {args.until}")
    if args.min_articles < 1:
        raise StoreUsageError("--min-articles must be at least 1")
    if args.rebuild:
        _rebuild_groups(args.db, sys.stderr)
    min_score = getattr(args, "min_score", ASSERTED)
    scores: dict[str, Any] = {}
    with open_store(args.db) as store:
        groups = figure_summaries(store, args.query, sources=args.source, since=args.since, until=args.until,
                                  min_articles=args.min_articles, min_score=min_score, scores=scores)
        keys = {m.article_id for g in groups for m in g.mentions}
        keys |= {m.article_id for g in groups for gc in g.conflicts_between
                 for m in (gc.conflict.first, gc.conflict.second)}
        keys |= {str(c.get("article_id")) for g in groups for cs in g.also_published_by.values() for c in cs}
        keys |= {str(m.updated_copy_of) for g in groups for m in g.mentions if getattr(m, "updated_copy_of", None)}
        with store.reading() as conn:
            names = article_names(conn, keys)
            replaced = _replaced_mentions(conn, groups)
    out = sys.stdout
    if args.format == "json":
        out.write(json.dumps([_figure_group_dict(g, names, scores) for g in groups], ensure_ascii=False, indent=2)
                  + "\n")
        return 0
    if args.format == "csv":
        rows = [r for g in groups for r in _figure_group_rows(g, names, scores)]
        w = csv.writer(out)
        w.writerow(FIGURES_CSV_FIELDS)
        for r in rows:
            w.writerow([_cell(r.get(k)) for k in FIGURES_CSV_FIELDS])
        return 0
    if not groups:
        print(_no_figure_line(args, min_score), file=sys.stderr)
    labels = {g.group_id: g.label for g in groups}
    for g in groups:
        arts = {m.article_id for m in g.mentions}
        kind = g.measure if g.unit == g.measure else f"{g.measure}, {g.unit or 'no counted noun'}"
        print(f"{g.group_id}  \"{g.label}\"  [{kind}]  "
              f"{_counted(len(g.mentions), 'mention')} in {_counted(len(arts), 'article')} "
              f"from {_sources_phrase(len(g.sources))}")
        if g.first and g.latest:
            print(f"    first {g.first.date or 'undated'} ({g.first.source or 'no source'}), "
                  f"latest {g.latest.date or 'undated'} ({g.latest.source or 'no source'})")
        extremes = _stated_extremes(g.mentions)
        if extremes:
            low, high = extremes
            if (_stated_value(low) == _stated_value(high) and not any(m.vague or m.malformed for m in g.mentions)
                    and _one_reading(g.mentions)):
                print(f"    every mention states {_shared_value_phrase(g.mentions, low)}")
            elif low is high:  # one amount read as a range (vague or malformed): say what was written
                print(f"    every mention states {low.text!r} ({_stated_phrase(low)})")
            else:
                print(f"    lowest {low.text!r} ({low.source or 'no source'}, {_stated_phrase(low)}), "
                      f"highest {high.text!r} ({high.source or 'no source'}, {_stated_phrase(high)})")
        for m in g.mentions:
            read = scores.get(m.id) if min_score < ASSERTED else None
            print("    " + _mention_line(m, shown_name(m.article_id, names.get(m.article_id)), read))
            original = getattr(m, "updated_copy_of", None)
            if original:  # a figure only a republished copy states (its original states none such)
                print(f"        from an updated copy of {_cut(shown_name(original, names.get(original)), 60)!r}")
                line = _replaced_line(m, replaced)
                if line:
                    print(f"        {line}")
            copies = _copies_of(g, m)
            if copies:
                print("        also published by: " + ", ".join(_copy_text(c, names) for c in copies))
        for first, second, days in _conflicts_in_timeline_order(g):
            print(f"    CONFLICT ({_days_apart(days)}): {_conflict_side(first, names)} vs "
                  f"{_conflict_side(second, names)}")
        for gc in g.conflicts_between:  # the conflict model's: one side in another group
            c = gc.conflict
            other = gc.other_group(g.group_id)
            named = f' "{_cut(labels[other], 60)}"' if other in labels else f" ({_why_unlisted(args)})"
            print(f"    CONFLICT WITH GROUP {other}{named} ({_days_apart(c.days_apart)}): "
                  f"{_conflict_side(c.first, names)} [group {gc.first_group}] vs "
                  f"{_conflict_side(c.second, names)} [group {gc.second_group}]")
        print()
    return 0


def _replaced_mentions(conn: Any, groups: Sequence[Any]) -> dict[str, Any]:
    """Mention id -> mention, for every figure an updated copy's mention in ``groups`` stands in place of
    (``updates``): from the listed groups, else from the store (user trial s32: a replaced figure printed in
    another group, or left out by ``--since``/``--until``/``--min-score``, was named by its bare id)."""
    from presslens.store.schema import FIGURE_MENTIONS
    from presslens.store.tracking import load_mentions

    wanted = {str(m.updates) for g in groups for m in g.mentions if getattr(m, "updates", None)}
    found = {m.id: m for g in groups for m in g.mentions if m.id in wanted}
    missing = sorted(wanted - set(found))
    if missing:
        stored, _, _ = load_mentions(conn, FIGURE_MENTIONS.c.id.in_(missing))
        found.update((m.id, m) for m in stored)
    return found


def _replaced_line(m: Any, by_id: dict[str, Any]) -> str | None:
    """For a figure of an updated copy that stands in place of one of its original's (``updates``), what it
    replaced: "in place of 'More than 11,000 people' (wire-nine, 2025-04-10)" (user trial s31: the table said a
    figure came from an updated copy but not which figure it changed; the JSON had it, the CSV did not)."""
    updates = getattr(m, "updates", None)
    if not updates:
        return None
    old = by_id.get(updates)
    if old is None:  # the replaced figure is no longer stored: name it by its id
        return f"in place of [{updates}]"
    return f"in place of {old.text!r} ({old.source or 'no source'}, {old.date.isoformat() if old.date else 'undated'})"


def _conflicts_in_timeline_order(g: Any) -> list[tuple[Any, Any, Any]]:
    """The group's conflicts as (earlier side, later side, days apart), each pair and the list in the order of the
    timeline printed above them (user trial s30: a same-day pair read "coast-radio ... vs north-ledger" under a
    timeline listing north-ledger first). A side not in the timeline keeps its place."""
    at = {m.id: i for i, m in enumerate(g.mentions)}
    out = []
    for c in g.conflicts:
        first, second = c.first, c.second
        if at.get(second.id, len(at)) < at.get(first.id, len(at)):
            first, second = second, first
        out.append((first, second, c.days_apart))
    out.sort(key=lambda t: (at.get(t[0].id, len(at)), at.get(t[1].id, len(at))))
    return out


REPEATED_CLAIMS_CSV_FIELDS = ["claim", "sources", "spread_days", "first_date", "first_source", "first_claim",
                              "first_article", "latest_date", "latest_source", "latest_claim", "latest_article"]
"""``*_article``: the user's id or file name and title of the claim's article (:func:`shown_name`)."""


def _claim_article(row: dict[str, Any]) -> str:
    """The name a table shows for a claim row's article (:func:`shown_name`)."""
    return shown_name(str(row.get("article_id") or ""),
                      ArticleName(row.get("article_given_id"), row.get("title"), row.get("article_origin")))


def _repeated_claims_csv(rows: list[dict[str, Any]], out: Any) -> None:
    """``claims --repeated -f csv``: one plain cell per column (sources joined by "; ", the first and latest
    appearance as date, source and claim id), not JSON objects inside cells."""
    w = csv.writer(out)
    w.writerow(REPEATED_CLAIMS_CSV_FIELDS)
    for r in rows:
        ends = []
        for key in ("first", "latest"):
            m = r.get(key) or {}
            ends += [m.get("date") or "", m.get("source") or "", m.get("claim") or "", _claim_article(m) if m else ""]
        w.writerow([r.get("claim", ""), "; ".join(str(s) for s in r.get("sources") or []),
                    r.get("spread_days", ""), *ends])


def cmd_claims(args: argparse.Namespace) -> int:
    from presslens.store.claims import repeated_claims, search_claims
    from presslens.store.store import open_store

    if args.limit < 1:
        raise StoreUsageError("--limit must be at least 1")
    if args.like is not None and not args.like.strip():
        raise StoreUsageError("--like needs a claim text")
    try:  # writable: the claim vectors made for this query are kept for the next one
        store = open_store(args.db, write=True)
    except StoreError as exc:
        if "read-only" not in str(exc):
            raise
        store = open_store(args.db)
    with store:
        rows = (search_claims(store, args.like, limit=args.limit) if args.like is not None
                else repeated_claims(store)[: args.limit])
        no_outlet = args.like is None and not rows and _records_no_outlet(store)
    out = sys.stdout
    if args.format == "json":
        out.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return 0
    if args.format == "csv":
        if args.like is None:
            _repeated_claims_csv(rows, out)
            return 0
        fields = ["score", "dense", "lexical", "date", "source", "article_id", "article_given_id", "article_origin",
                  "start", "end", "title", "text"]
        w = csv.writer(out)
        w.writerow(fields)
        for r in rows:
            w.writerow([_cell(r.get(k)) for k in fields])
        return 0
    if not rows:
        if args.like is not None:
            print("no stored claim", file=sys.stderr)
        else:  # a folder of plain-text files records no outlet, so no claim can have several
            print("no claim made by several sources" + (f": {NO_OUTLET}" if no_outlet else ""), file=sys.stderr)
    for r in rows:
        if args.like is not None:
            print(f"{r['score']:.3f}  {r['date'] or '-':10}  {_cut(r['source'] or '-', 20):20}  "
                  f"[{r['article_id']}:{r['start']}-{r['end']}]  {_cut(' '.join(r['text'].split()), 100)}")
            print(f"       in {_cut(_claim_article(r), 80)!r}")
        else:
            f = r["first"]
            spread = "undated" if r["spread_days"] is None else f"over {_counted(int(r['spread_days']), 'day')}"
            print(f"{_counted(len(r['sources']), 'source')} {spread}: "
                  f"{_cut(' '.join(r['claim'].split()), 100)}")
            print(f"    first {f['date'] or '-'} {f['source'] or '-'} in {_cut(_claim_article(f), 60)!r} "
                  f"[{f['article_id']}:{f['start']}-{f['end']}]")
            for m in r["mentions"][1:]:
                print(f"    then  {m['date'] or '-'} {m['source'] or '-'} in {_cut(_claim_article(m), 60)!r}: "
                      f"{_cut(' '.join(m['text'].split()), 80)}")
    return 0
