"""Which PTC train articles make up the real-news evaluation set, and which split each is in.

The rule (documented in ``data/realnews/README.md``; run ``python -m presslens.evaluation.realnews_selection
--data ../shared/data/ptc-semeval2020-task11`` to reproduce ``data/realnews/split.json``):

1. Eligible: every ``train-articles/article<ID>.txt`` of at most ``MAX_BYTES`` bytes (hand annotation cost;
   longer articles are left out, a stated bias toward shorter pieces).
2. Outlet type is not given by PTC, so articles are stratified by how propagandistic their text is: the number
   of gold PTC span-identification spans per 1,000 characters, cut into tertiles over the eligible articles
   ("reporting", "mixed", "propaganda"). Opinion and propaganda outlets are so as present as mainstream reports.
3. Within each stratum the articles are ordered by ``sha256(SEED + id)`` and the first ``PER_STRATUM`` taken:
   the first ``DEV_PER_STRATUM`` of them go to dev, the rest to test.
4. A second dev batch (``dev2``, added in round 2 to measure how well tuning on dev carries over before tuning
   on it) takes the next ``DEV2_PER_STRATUM`` articles of each stratum in the same order. The first 63 keep
   their splits.
5. A third dev batch (``dev3``, added at round 2 stop 19 for the same purpose: scored with the code as it stood
   before anyone read it) takes the next ``DEV3_PER_STRATUM`` articles of each stratum in the same order. The
   first 87 keep their splits.
6. A fourth dev batch (``dev4``, added at round 2 stop 20 as a validation batch: annotated blind and scored with
   the code of that stop before and after its changes, never read for error analysis during that stop) takes the
   next ``DEV4_PER_STRATUM`` articles of each stratum in the same order. The first 111 keep their splits.
7. A fifth dev batch (``dev5``, annotated blind at the end of round 2 stop 20 for the next stop's validation:
   scored first with the code as it stands then) takes the next ``DEV5_PER_STRATUM`` articles of each stratum in
   the same order. The first 135 keep their splits.
8. A sixth dev batch (``dev6``, annotated blind during round 2 stop 21 for the following stop's validation,
   while ``dev5`` validates stop 21) takes the next ``DEV6_PER_STRATUM`` articles of each stratum in the same
   order. The first 159 keep their splits.
9. A seventh dev batch (``dev7``, annotated blind during round 2 stop 22 for the following stop's validation,
   while ``dev6`` validates stop 22) takes the next ``DEV7_PER_STRATUM`` articles of each stratum in the same
   order. The first 183 keep their splits.
10. An eighth dev batch (``dev8``, annotated blind during round 2 stop 23 for the following stop's validation,
    while ``dev7`` validates stop 23) takes the next ``DEV8_PER_STRATUM`` articles of each stratum in the same
    order. The first 207 keep their splits.
11. A ninth dev batch (``dev9``, annotated blind at the end of round 2 stop 23 for the validation of stop 25, while
    ``dev8`` validates stop 24) takes the next ``DEV9_PER_STRATUM`` articles of each stratum in the same order. The
    first 231 keep their splits.
12. A tenth dev batch (``dev10``, annotated blind during round 2 stop 24 for the validation of stop 26, while
    ``dev8`` and ``dev9`` validate stops 24 and 25) takes the next ``DEV10_PER_STRATUM`` articles of each stratum in
    the same order. The first 255 keep their splits.
13. An eleventh dev batch (``dev11``, annotated blind during round 2 stop 26 for the validation of stop 27, while
    ``dev10`` validates stop 26) takes the next articles of each stratum in the same order: only
    ``DEV11_PER_STRATUM`` = 5 are left in each, so this batch uses up the eligible pool (15 articles). The first
    279 keep their splits; a later batch needs a new rule (e.g. a larger ``MAX_BYTES`` for it alone).
"""

from __future__ import annotations

import argparse
import hashlib
import json
from collections import Counter
from pathlib import Path

SEED = "presslens-realnews-2026:"
MAX_BYTES = 7000
PER_STRATUM = 21
DEV_PER_STRATUM = 14
DEV2_PER_STRATUM = 8
DEV3_PER_STRATUM = 8
DEV4_PER_STRATUM = 8
DEV5_PER_STRATUM = 8
DEV6_PER_STRATUM = 8
DEV7_PER_STRATUM = 8
DEV8_PER_STRATUM = 8
DEV9_PER_STRATUM = 8
DEV10_PER_STRATUM = 8
DEV11_PER_STRATUM = 5
STRATA = ("reporting", "mixed", "propaganda")
OPEN_SPLITS = ("dev", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9")
"""Splits whose errors have been read: rules may be read off them and learned weights fitted on them (leave one
split out to choose settings)."""
VALIDATION_SPLITS = ("dev10", "dev11")
"""Annotated blind and never read: scored before and after a stop's changes, errors unread until they are decided."""


def batches() -> tuple[tuple[str, int], ...]:
    """Each split with how many articles of every stratum it takes, in the order the rule takes them."""
    return (("dev", DEV_PER_STRATUM), ("test", PER_STRATUM - DEV_PER_STRATUM), ("dev2", DEV2_PER_STRATUM),
            ("dev3", DEV3_PER_STRATUM), ("dev4", DEV4_PER_STRATUM), ("dev5", DEV5_PER_STRATUM),
            ("dev6", DEV6_PER_STRATUM), ("dev7", DEV7_PER_STRATUM), ("dev8", DEV8_PER_STRATUM),
            ("dev9", DEV9_PER_STRATUM), ("dev10", DEV10_PER_STRATUM), ("dev11", DEV11_PER_STRATUM))


SPLITS = tuple(name for name, _ in batches())
"""Every split of the set, in the order the rule fills them."""


def select(data_dir: Path) -> dict[str, dict[str, str]]:
    """``{article_id: {"split": one of SPLITS, "stratum": ...}}`` by the rule above."""
    articles = data_dir / "train-articles"
    spans = Counter(line.split("\t")[0] for line in (data_dir / "train-task1-SI.labels").read_text().splitlines() if line)
    eligible: list[tuple[float, str]] = []
    for path in sorted(articles.glob("article*.txt")):
        size = path.stat().st_size
        if size > MAX_BYTES:
            continue
        aid = path.stem.removeprefix("article")
        eligible.append((spans[aid] * 1000 / max(len(path.read_text(encoding="utf-8")), 1), aid))
    eligible.sort()
    n = len(eligible)
    order = [name for name, count in batches() for _ in range(count)]
    out: dict[str, dict[str, str]] = {}
    for k, stratum in enumerate(STRATA):
        members = [aid for _, aid in eligible[k * n // 3 : (k + 1) * n // 3]]
        members.sort(key=lambda a: hashlib.sha256((SEED + a).encode()).hexdigest())
        for aid, split in zip(members, order, strict=False):  # members beyond the batches stay unchosen
            out[aid] = {"split": split, "stratum": stratum}
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--data", required=True, type=Path, help="the ptc-semeval2020-task11 folder")
    p.add_argument("--output", type=Path, help="write the split here (JSON) instead of stdout")
    args = p.parse_args(argv)
    chosen = select(args.data)
    text = json.dumps(dict(sorted(chosen.items())), indent=1) + "\n"
    if args.output:
        args.output.write_text(text)
    else:
        print(text, end="")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
