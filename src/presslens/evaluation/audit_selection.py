"""Which real texts no one labelled an audit reads (issue 13): the audit lists ``data/audits/<stop>.json``.

Rule: the pool is the ``.txt`` files of ``--pool`` (PolNeAR train text in every audit so far) less the excluded
names, ordered by ``sha256(seed + file name)`` (the name with ``.txt``); the first ``--count`` files are audit A,
the next ``--count`` audit B. Excluded are the names listed in ``--exclude FILE`` (one a line, ``.txt`` optional)
and, with ``--exclude-mentioned``, every name that :data:`MENTION_PATTERN` matches anywhere in the repository at
``--at`` (``git grep``; ``--not-in PATH`` leaves a path out, and the output file is always left out), since a
file the repository mentions was read by someone. The list is written as the lead wrote ``s25.json``
(``json.dump(..., indent=1)``, no final line break); ``--save-excluded`` keeps the excluded names, so that the
selection can be repeated from the file when the repository has moved on. ``data/audits/s25.json``::

    python -m presslens.evaluation.audit_selection --seed presslens-audit-s25: \\
        --pool ../shared/data/polnear/train/text --count 15 --exclude data/audits/s25-mentioned.txt -o OUT.json
    python -m presslens.evaluation.audit_selection --seed presslens-audit-s25: \\
        --pool ../shared/data/polnear/train/text --count 15 --exclude-mentioned --at 4e85a94 \\
        --not-in data/audits/s25.json -o OUT.json

both give the committed file byte for byte.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

#: a PolNeAR file name (without ``.txt``) as the lead's ``git grep -E`` found it
MENTION_PATTERN = r"[a-z]+(-[a-z]+)*_20[0-9]{2}-[0-9]{2}-[0-9]{2}_[a-z0-9-]+"
"""A PolNeAR file name: outlet (hyphenated ones too: ``huff-post``, ``wash-post``, ``usa-today``; before stop 28
the pattern cut them to ``post_...``, so those files were never excluded), date, slug."""
DEFAULT_LABEL = "PolNeAR train text"


def order_key(seed: str, name: str) -> str:
    return hashlib.sha256((seed + name).encode("utf-8")).hexdigest()


def mentioned_names(repo: Path, rev: str = "HEAD", not_in: tuple[str, ...] = ()) -> list[str]:
    """Sorted names (``.txt`` stripped) that :data:`MENTION_PATTERN` matches in the tree of ``rev``, leaving
    out the paths ``not_in`` (relative to the repository root)."""
    command = ["git", "-C", str(repo), "grep", "-h", "-o", "-E", MENTION_PATTERN, rev, "--", ":/"]
    command += [f":(top,exclude){path}" for path in not_in]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode not in (0, 1):  # 1: no match
        raise RuntimeError(f"git grep failed: {done.stderr.strip()}")
    return sorted({line.strip().removesuffix(".txt") for line in done.stdout.splitlines() if line.strip()})


def read_names(path: Path) -> list[str]:
    """Names listed one a line (``.txt`` optional, blank lines and ``#`` comments skipped)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return sorted({ln.strip().removesuffix(".txt") for ln in lines if ln.strip() and not ln.startswith("#")})


def select(seed: str, pool: list[str], count: int, excluded: set[str],
           label: str = DEFAULT_LABEL) -> dict[str, Any]:
    """The audit list: ``pool`` (file names with ``.txt``) less ``excluded``, first ``count`` = A, next = B."""
    keep = [name for name in pool if name.removesuffix(".txt") not in excluded]
    ordered = sorted(keep, key=lambda name: order_key(seed, name))
    if len(ordered) < 2 * count:
        raise ValueError(f"the pool has {len(ordered)} files after exclusion, fewer than 2 x {count}")
    less = " less the 'mentioned' files" if excluded else ""
    return {"seed": seed, "pool": f"{label} ({len(pool)} files){less}",
            "A": ordered[:count], "B": ordered[count:2 * count]}


def dumps(selection: dict[str, Any]) -> str:
    """The file layout of ``data/audits/s25.json``: ``json.dump(..., indent=1)``, no final line break."""
    return json.dumps(selection, indent=1)


def _repo_root() -> Path:
    done = subprocess.run(["git", "rev-parse", "--show-toplevel"], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError("--exclude-mentioned needs a git checkout: " + done.stderr.strip())
    return Path(done.stdout.strip())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seed", required=True, help='e.g. "presslens-audit-s25:"')
    parser.add_argument("--pool", type=Path, required=True, help="folder of the candidate .txt files")
    parser.add_argument("--count", type=int, default=15, help="files per audit (A, then B)")
    parser.add_argument("--pool-label", default=DEFAULT_LABEL, help="how the output names the pool")
    parser.add_argument("--exclude", type=Path, action="append", default=[],
                        help="a file of names to leave out, one a line (repeatable)")
    parser.add_argument("--exclude-mentioned", action="store_true",
                        help="leave out every file name the repository mentions (git grep)")
    parser.add_argument("--at", default="HEAD", help="with --exclude-mentioned: the commit to grep")
    parser.add_argument("--not-in", action="append", default=[], metavar="PATH",
                        help="with --exclude-mentioned: a path (from the repository root) not grepped")
    parser.add_argument("--save-excluded", type=Path, help="write the excluded names here, one a line")
    parser.add_argument("-o", "--output", type=Path, help="the list (default: standard output)")
    args = parser.parse_args(argv)
    excluded: set[str] = set()
    for path in args.exclude:
        excluded |= set(read_names(path))
    if args.exclude_mentioned:
        root = _repo_root()
        not_in = list(args.not_in)
        if args.output is not None and args.output.resolve().is_relative_to(root):
            not_in.append(str(args.output.resolve().relative_to(root)))
        excluded |= set(mentioned_names(root, args.at, tuple(not_in)))
    pool = sorted(p.name for p in args.pool.glob("*.txt"))
    try:
        selection = select(args.seed, pool, args.count, excluded, args.pool_label)
    except ValueError as exc:
        print(f"audit_selection: {exc}", file=sys.stderr)
        return 2
    if args.save_excluded is not None:
        args.save_excluded.write_text("".join(f"{name}\n" for name in sorted(excluded)), encoding="utf-8")
    if args.output is None:
        print(dumps(selection))
    else:
        args.output.write_text(dumps(selection), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
