"""Which figures two values of ``figures.readings`` read differently (issue 13: the pool check of a readings change).

    python -m presslens.training.figures_diff --a readings31 --b readings32 PATH ... [--exclude AUDIT.json]
    python -m presslens.training.figures_diff --a readings31 --b readings32 --data ../shared/data/ptc-semeval2020-task11 \
        --split dev12 [--split ...]
    python -m presslens.training.figures_diff --a readings28 --b readings28 --a-src BASE/src PATH ...

(``--a`` names the side compared from: the default, ``readings31`` since figures 1.12, when a new reading set is judged.)

``--a-src`` reads the ``--a`` side with the package at another source tree (``git archive <commit> src | tar -x -C
BASE``; run in a subprocess with that tree first on ``PYTHONPATH``): the count of a bug fix that changes every value
of ``readings`` (figures 1.11: "in Moscow, 5,000 people" no age 5).

Every text (plain text files under each PATH, read as ``presslens analyze`` reads them; or the articles of the named
open real-news splits) is run through :func:`~presslens.analyzers.figures.quantity.extract_quantities` with both
readings; each figure (dates and ordinals included) that is not the same in both (span, label, value, bounds, unit)
is printed with its file, offsets and a little context, and the count of changed figures closes the output.
``--exclude`` leaves out the files an audit selection (``data/audits/sNN.json``: its ``A`` and ``B`` lists) names.
Only open splits may be named: the validation and test splits are never read.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

from presslens.analyzers.figures.quantity import READINGS, Quantity, extract_quantities

Key = tuple[int, int, str, float | None, float | None, float | None, str | None, str | None]


def _key(q: Quantity) -> Key:
    return (q.start, q.end, q.label, q.value, q.low, q.high, q.bound, q.unit)


def _order(key: Key) -> tuple[tuple[bool, object], ...]:
    """A sort key for figure keys: by position first; a missing value, bound or unit (None) sorts before any other,
    so two readings of one span that differ only there (None against 5.0) still compare."""
    return tuple((field is not None, field if field is not None else 0) for field in key)


def ordered(keys: set[Key]) -> list[Key]:
    """``keys`` sorted by :func:`_order`."""
    return sorted(keys, key=_order)


def differences(text: str, a: str, b: str) -> tuple[list[Key], list[Key]]:
    """The figures of ``text`` only readings ``a`` gives and those only ``b`` gives (sorted by position)."""
    first = {_key(q) for q in extract_quantities(text, a)}
    second = {_key(q) for q in extract_quantities(text, b)}
    return ordered(first - second), ordered(second - first)


_DUMP = """
import json, sys
from presslens.analyzers.figures.quantity import extract_quantities
job = json.load(sys.stdin)
out = [[[q.start, q.end, q.label, q.value, q.low, q.high, q.bound, q.unit] for q in extract_quantities(t, job["readings"])]
       for t in job["texts"]]
json.dump(out, sys.stdout)
"""


def keys_at(src: Path, texts: list[str], readings: str) -> list[set[Key]]:
    """The figure keys of each of ``texts`` read by the package at source tree ``src`` (a subprocess)."""
    env = {**os.environ, "PYTHONPATH": str(src.resolve())}
    done = subprocess.run([sys.executable, "-c", _DUMP], input=json.dumps({"texts": texts, "readings": readings}),
                          capture_output=True, text=True, env=env, check=True)
    return [{tuple(row) for row in rows} for rows in json.loads(done.stdout)]  # type: ignore[misc]


def _texts(args: argparse.Namespace) -> Iterator[tuple[str, str]]:
    from presslens.evaluation.realnews import DEFAULT_ANNOTATIONS, annotated_articles
    from presslens.evaluation.realnews_selection import OPEN_SPLITS
    from presslens.ingest import ReadOptions, read_file

    excluded: set[str] = set()
    for selection in args.exclude:
        chosen = json.loads(Path(selection).read_text(encoding="utf-8"))
        excluded.update(chosen.get("A", []), chosen.get("B", []))
    for split in args.split:
        if split not in OPEN_SPLITS:
            raise SystemExit(f"figures_diff: {split} is not an open split ({', '.join(OPEN_SPLITS)})")
        for record, article in annotated_articles(DEFAULT_ANNOTATIONS / f"{split}.jsonl", args.data):
            yield f"{split}/{record['id']}", article.text
    for root in args.paths:
        files = sorted(root.rglob("*.txt")) if root.is_dir() else [root]
        for path in files:
            if path.name in excluded:
                continue
            yield str(path), read_file(path, ReadOptions()).text


def _show(text: str, key: Key) -> str:
    start, end = key[0], key[1]
    context = (text[max(0, start - 30) : start] + "[" + text[start:end] + "]" + text[end : end + 20]).replace("\n", " ")
    return f"{start}-{end} {key[2]} value={key[3]} low={key[4]} high={key[5]} bound={key[6]} unit={key[7]}: {context!r}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", type=Path, help="text files or folders of .txt files")
    parser.add_argument("--a", choices=READINGS, required=True, help="the readings compared from")
    parser.add_argument("--b", choices=READINGS, required=True, help="the readings compared to")
    parser.add_argument("--data", type=Path, help="the ptc-semeval2020-task11 folder (with --split)")
    parser.add_argument("--split", action="append", default=[], help="an open real-news split (repeatable)")
    parser.add_argument("--a-src", type=Path, help="read the --a side with the package at this source tree")
    parser.add_argument("--exclude", action="append", default=[], help="an audit selection JSON whose A and B "
                                                                       "files are left out (repeatable)")
    args = parser.parse_args(argv)
    if args.split and args.data is None:
        parser.error("--split needs --data")
    named = list(_texts(args))
    base = keys_at(args.a_src, [text for _, text in named], args.a) if args.a_src is not None else None
    texts = changed = 0
    for i, (name, text) in enumerate(named):
        texts += 1
        if base is None:
            only_a, only_b = differences(text, args.a, args.b)
        else:
            second = {_key(q) for q in extract_quantities(text, args.b)}
            only_a, only_b = ordered(base[i] - second), ordered(second - base[i])
        for key in only_a:
            print(f"{name} -{args.a}: {_show(text, key)}")
        for key in only_b:
            print(f"{name} +{args.b}: {_show(text, key)}")
        changed += len(only_a) + len(only_b)
    print(f"{texts} texts; {changed} figures differ between {args.a} and {args.b} (each side counted)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
