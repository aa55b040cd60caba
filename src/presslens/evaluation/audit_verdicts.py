"""Audit verdicts, stand-off: ``data/audits/<stop>/<task>/{A,B}.jsonl``, checked against the audited files.

One JSON object a line, no article text::

    {"file": "nyt_2016-06-15_x.txt", "start": 120, "end": 164, "kind": "attribution", "label": "speech",
     "verdict": "wrong", "note": "the source is the reporter", "run": "after"}

- ``file``: the audited file's name (with ``.txt``), one of the files the audit list
  ``data/audits/<stop>.json`` gives for this set (A or B, the stem of the verdict file);
- ``start``, ``end``: character offsets of the finding (or of the missed span) in the text presslens reads from
  the file (``Article.text``; for PolNeAR's files the same length as the file, odd whitespace replaced one for one);
- ``kind``, ``label``: the finding's kind and label (``label`` may be null);
- ``verdict``: ``right`` or ``wrong`` for an asserted finding, ``missed`` for a span presslens should have
  asserted and did not (counted apart, never in precision);
- ``note`` (optional): why, in the judge's own words; it must not quote the article (six words in a row of the
  article text are refused);
- ``run`` (optional): which version was judged (``before``, ``after``, a commit, an option), so that one file can
  hold both sides of a change.

The verdicts are the judging engineer's own, not gold. ``python -m presslens.evaluation.audit_verdicts summary
FILE ... [--pool DIR]`` checks every line (exit status 1 on any problem, each one named) and counts right, wrong
and missed per set, run and kind.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from presslens.ingest import InputError, ReadOptions, read_file

VERDICTS = ("right", "wrong", "missed")
REQUIRED = {"file", "start", "end", "kind", "label", "verdict"}
OPTIONAL = {"note", "run"}
#: a note with this many words in a row of the article quotes it
QUOTED_WORDS = 6
DEFAULT_POOL = Path("../shared/data/polnear/train/text")

_WORD = re.compile(r"\w+")


class AuditFileError(ValueError):
    """A verdict file that does not check (the message lists every problem, one a line)."""


@dataclass(frozen=True)
class Verdict:
    file: str
    start: int
    end: int
    kind: str
    label: str | None
    verdict: str
    note: str = ""
    run: str = ""


def audit_list(verdict_path: Path) -> list[str] | None:
    """The files of this set in ``data/audits/<stop>.json`` for ``data/audits/<stop>/<task>/<set>.jsonl``;
    ``None`` when there is no such list (any file of the pool is then accepted)."""
    list_file = verdict_path.parent.parent.parent / f"{verdict_path.parent.parent.name}.json"
    if not list_file.is_file():
        return None
    listed = json.loads(list_file.read_text(encoding="utf-8")).get(verdict_path.stem)
    return [str(name) for name in listed] if isinstance(listed, list) else None


def quotes_text(note: str, words: set[tuple[str, ...]]) -> bool:
    """Whether ``note`` has :data:`QUOTED_WORDS` words in a row that stand in that order in the article."""
    tokens = [t.lower() for t in _WORD.findall(note)]
    return any(tuple(tokens[i:i + QUOTED_WORDS]) in words for i in range(len(tokens) - QUOTED_WORDS + 1))


def _word_runs(text: str) -> set[tuple[str, ...]]:
    tokens = [t.lower() for t in _WORD.findall(text)]
    return {tuple(tokens[i:i + QUOTED_WORDS]) for i in range(len(tokens) - QUOTED_WORDS + 1)}


def _check_line(raw: Any, where: str, text_of: Callable[[str], str | None],
                listed: list[str] | None) -> tuple[Verdict | None, list[str]]:
    if not isinstance(raw, dict):
        return None, [f"{where}: not a JSON object"]
    problems: list[str] = []
    missing, unknown = REQUIRED - set(raw), set(raw) - REQUIRED - OPTIONAL
    if missing:
        problems.append(f"{where}: missing {', '.join(sorted(missing))}")
    if unknown:
        problems.append(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    if missing:
        return None, problems
    name, start, end = raw["file"], raw["start"], raw["end"]
    if raw["verdict"] not in VERDICTS:
        problems.append(f"{where}: verdict must be one of {'|'.join(VERDICTS)}, got {raw['verdict']!r}")
    if not isinstance(raw["kind"], str) or not raw["kind"]:
        problems.append(f"{where}: kind must be a non-empty string")
    if raw["label"] is not None and not isinstance(raw["label"], str):
        problems.append(f"{where}: label must be a string or null")
    for key in OPTIONAL:
        if key in raw and not isinstance(raw[key], str):
            problems.append(f"{where}: {key} must be a string")
    if not all(type(v) is int for v in (start, end)) or not 0 <= start < end:
        problems.append(f"{where}: start and end must be integers with 0 <= start < end, got {start!r}, {end!r}")
        return None, problems
    if not isinstance(name, str) or not name or "/" in name or name.startswith("."):
        problems.append(f"{where}: file must be a file name in the pool, got {name!r}")
        return None, problems
    if listed is not None and name not in listed:
        problems.append(f"{where}: file {name!r} is not in this audit's list")
        return None, problems
    text = text_of(name)
    if text is None:
        problems.append(f"{where}: no readable file {name} in the pool")
    elif end > len(text):
        problems.append(f"{where}: end {end} is past the end of {name} ({len(text)} characters)")
    elif isinstance(raw.get("note"), str) and quotes_text(raw["note"], _word_runs(text)):
        problems.append(f"{where}: the note quotes the article ({QUOTED_WORDS} words in a row); say it in your words")
    if problems:
        return None, problems
    return Verdict(name, start, end, raw["kind"], raw["label"], raw["verdict"], raw.get("note", ""),
                   raw.get("run", "")), []


def load_verdicts(path: Path, pool: Path) -> list[Verdict]:
    """Every verdict of ``path``, each checked against its file in ``pool``; :class:`AuditFileError` naming
    every problem (line numbers 1-based) when any line fails, or when a finding is judged twice in one run."""
    listed = audit_list(path)
    texts: dict[str, str | None] = {}

    def text_of(name: str) -> str | None:
        if name not in texts:
            file = pool / name
            try:
                texts[name] = read_file(file, ReadOptions(notify=None)).text
            except InputError:
                texts[name] = None
        return texts[name]

    verdicts: list[Verdict] = []
    problems: list[str] = []
    seen: dict[tuple[Any, ...], int] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            raw = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(f"{where}: not JSON ({exc.msg})")
            continue
        verdict, found = _check_line(raw, where, text_of, listed)
        problems += found
        if verdict is None:
            continue
        key = (verdict.run, verdict.file, verdict.start, verdict.end, verdict.kind, verdict.label)
        if key in seen:
            problems.append(f"{where}: the same finding as line {seen[key]} (run {verdict.run or '-'})")
            continue
        seen[key] = number
        verdicts.append(verdict)
    if problems:
        raise AuditFileError("\n".join(problems))
    return verdicts


def summary(verdicts: list[Verdict]) -> dict[tuple[str, str], Counter[str]]:
    """Counts of each verdict per (run, kind)."""
    counts: dict[tuple[str, str], Counter[str]] = {}
    for v in verdicts:
        counts.setdefault((v.run, v.kind), Counter())[v.verdict] += 1
    return counts


def summary_rows(path: Path, verdicts: list[Verdict]) -> list[str]:
    rows = []
    for (run, kind), c in sorted(summary(verdicts).items()):
        asserted = c["right"] + c["wrong"]
        precision = f"{c['right'] / asserted:.3f}" if asserted else "-"
        rows.append(f"| {path} | {run or '-'} | {kind} | {asserted} | {c['right']} | {c['wrong']} | {precision} | "
                    f"{c['missed']} |")
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Check stand-off audit verdicts and count them.")
    sub = parser.add_subparsers(dest="command", required=True)
    counting = sub.add_parser("summary", help="check verdict files and count right/wrong/missed per kind")
    counting.add_argument("files", nargs="+", type=Path, metavar="FILE", help="data/audits/<stop>/<task>/A.jsonl ...")
    counting.add_argument("--pool", type=Path, default=DEFAULT_POOL, help="folder of the audited .txt files")
    args = parser.parse_args(argv)
    status = 0
    rows = ["| file | run | kind | asserted | right | wrong | precision | missed |", "|---|---|---|---|---|---|---|---|"]
    for path in args.files:
        try:
            rows += summary_rows(path, load_verdicts(path, args.pool))
        except (OSError, AuditFileError) as exc:
            print(str(exc), file=sys.stderr)
            status = 1
    print("\n".join(rows))
    return status


if __name__ == "__main__":
    sys.exit(main())
