"""Which sentence boundaries a segmenter change moves on a folder of articles (not a speed benchmark).

Compares the installed ``presslens.segment`` with an older copy of ``segment.py`` (for example
``git show 7c2c8df:src/presslens/segment.py > /tmp/segment_before.py``) on every ``*.txt`` article of each folder,
prints the counts per folder and a seeded random sample of changed boundaries with their context for hand-checking:

    python bench/segmentation_changes.py --before /tmp/segment_before.py \
        ../shared/data/ptc-semeval2020-task11/dev-articles ../shared/data/ptc-semeval2020-task11/train-articles
"""

from __future__ import annotations

import argparse
import importlib.util
import random
from collections.abc import Callable
from pathlib import Path

from presslens.segment import sentences

Segmenter = Callable[[str], list[tuple[int, int]]]


def load_segmenter(path: Path) -> Segmenter:
    spec = importlib.util.spec_from_file_location("segment_before", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"{path}: not a Python module")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    fn: Segmenter = module.sentences
    return fn


def boundaries(ranges: list[tuple[int, int]]) -> set[int]:
    """A boundary is the start of every sentence but the first."""
    return {s for s, _ in ranges[1:]}


def context(text: str, at: int, width: int = 60) -> str:
    return (text[max(0, at - width) : at] + " ‖ " + text[at : at + width // 2]).replace("\n", "⏎")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--before", type=Path, required=True, help="path of the older segment.py")
    parser.add_argument("--sample", type=int, default=30)
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    before = load_segmenter(args.before)
    changes: list[str] = []
    for folder in args.folders:
        n_before = n_after = removed = added = articles = 0
        for path in sorted(folder.glob("*.txt")):
            text = path.read_text(encoding="utf-8")
            old, new = before(text), sentences(text)
            n_before += len(old)
            n_after += len(new)
            gone, came = boundaries(old) - boundaries(new), boundaries(new) - boundaries(old)
            removed += len(gone)
            added += len(came)
            articles += bool(gone or came)
            changes += [f"{path.name} removed: {context(text, b)}" for b in sorted(gone)]
            changes += [f"{path.name} added:   {context(text, b)}" for b in sorted(came)]
        print(f"{folder.name}: sentences {n_before} -> {n_after}; boundaries removed {removed}, added {added}; "
              f"articles changed {articles}")
    sample = random.Random(args.seed).sample(changes, min(args.sample, len(changes)))
    print(f"\nsample of {len(sample)} of {len(changes)} changed boundaries (seed {args.seed}):")
    for i, line in enumerate(sample, 1):
        print(f"{i:3d} {line}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
