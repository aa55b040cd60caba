"""Count how often the language check silences text: articles judged another language, paragraphs skipped.

Runs :func:`presslens.language.language_parts` exactly as ingest does (on the article presslens builds from
the file: :func:`presslens.ingest.read_file`) over sets of English text we hold and prints, per set, the
articles whose language is not an analysed one (no analyzer runs on them) and the paragraphs listed as
other-language (no sentences, no findings), with the detector's scores::

    python -m presslens.evaluation.language_check --polnear ../shared/data/polnear/train/text \\
        --ptc ../shared/data/ptc-semeval2020-task11 [--open-splits] [--json OUT]

``--open-splits`` reads the real-news open splits' articles (``OPEN_SPLITS`` only; never the validation or test
splits). ``--texts DIR`` adds any other folder of ``.txt`` files (e.g. invented non-English texts, to measure
the other direction).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from presslens.language import ANALYSED_LANGUAGES, detect_language


@dataclass
class FileVerdict:
    """One file's language verdict: the article's language and score, and each skipped paragraph."""

    name: str
    language: str | None
    score: float | None
    skipped: list[tuple[int, int, str | None, float | None]] = field(default_factory=list)

    @property
    def silenced(self) -> bool:
        """No analyzer runs: the article's language is known and not an analysed one."""
        return self.language is not None and self.language not in ANALYSED_LANGUAGES


def check_file(path: Path) -> FileVerdict:
    """The verdict presslens reaches on ``path`` (as ``presslens analyze`` reads it)."""
    from presslens.ingest import ReadOptions, read_file

    article = read_file(path, ReadOptions())
    skipped: list[tuple[int, int, str | None, float | None]] = []
    for s, e in article.unsupported_ranges:
        lang, score = detect_language(article.text[s:e])
        skipped.append((s, e, lang, score))
    return FileVerdict(path.name, article.language, article.language_score, skipped)


@dataclass
class SetSummary:
    """Counts over one set of files."""

    name: str
    files: int = 0
    silenced: list[FileVerdict] = field(default_factory=list)
    with_skips: list[FileVerdict] = field(default_factory=list)

    @property
    def paragraphs_skipped(self) -> int:
        return sum(len(v.skipped) for v in self.with_skips)


def check_set(name: str, paths: Iterable[Path]) -> SetSummary:
    summary = SetSummary(name)
    for path in paths:
        v = check_file(path)
        summary.files += 1
        if v.silenced:
            summary.silenced.append(v)
        if v.skipped:
            summary.with_skips.append(v)
    return summary


def open_split_paths(ptc_dir: Path) -> list[Path]:
    """The article files of the real-news open splits (``OPEN_SPLITS``), sorted by id."""
    from presslens.evaluation.realnews import article_path
    from presslens.evaluation.realnews_selection import OPEN_SPLITS

    split_file = Path(__file__).resolve().parents[3] / "data" / "realnews" / "split.json"
    splits = json.loads(split_file.read_text(encoding="utf-8"))
    ids = sorted(i for i, rec in splits.items() if rec["split"] in OPEN_SPLITS)
    return [article_path(ptc_dir, i) for i in ids]


def format_summary(summary: SetSummary) -> list[str]:
    lines = [f"{summary.name}: {summary.files} files, {len(summary.silenced)} judged non-English (no analyzer runs), "
             f"{summary.paragraphs_skipped} paragraph(s) skipped in {len(summary.with_skips)} file(s)"]
    for v in summary.silenced:
        lines.append(f"  non-English  {v.name}  {v.language} {v.score}")
    for v in summary.with_skips:
        for s, e, lang, score in v.skipped:
            lines.append(f"  skipped      {v.name}  {s}-{e}  {lang} {score}")
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m presslens.evaluation.language_check", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--polnear", type=Path, help="a folder of PolNeAR .txt files (e.g. polnear/train/text)")
    parser.add_argument("--ptc", type=Path, help="the ptc-semeval2020-task11 folder (its train-articles)")
    parser.add_argument("--open-splits", action="store_true",
                        help="also the real-news open splits' articles (needs --ptc)")
    parser.add_argument("--texts", type=Path, action="append", default=[], help="another folder of .txt files")
    parser.add_argument("--json", type=Path, help="write every set's verdicts here")
    args = parser.parse_args(argv)
    sets: list[tuple[str, list[Path]]] = []
    if args.polnear:
        sets.append(("polnear", sorted(args.polnear.glob("*.txt"))))
    if args.ptc:
        sets.append(("ptc-train", sorted((args.ptc / "train-articles").glob("*.txt"))))
        if args.open_splits:
            sets.append(("realnews-open", open_split_paths(args.ptc)))
    for folder in args.texts:
        sets.append((folder.name, sorted(folder.glob("*.txt"))))
    if not sets:
        parser.error("give at least one of --polnear, --ptc, --texts")
    out: dict[str, object] = {}
    for name, paths in sets:
        summary = check_set(name, paths)
        print("\n".join(format_summary(summary)))
        out[name] = {"files": summary.files, "silenced": [asdict(v) for v in summary.silenced],
                     "with_skips": [asdict(v) for v in summary.with_skips]}
    if args.json:
        args.json.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
