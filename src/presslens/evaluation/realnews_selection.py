"""Which PTC articles (train articles; from rule 14 on test articles too) make up the real-news evaluation set, and
which split each is in.

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
14. From the twelfth batch on, a second pool: PTC's **test** articles (``test-articles/``, 90 articles of the same
    outlets and years; their technique gold is not public, so they are no techniques test set, and no file in the
    repository named any of them when the rule was made). The longer train articles were no option: nearly every
    one had been read for violence training data or an attribution audit. Eligible: test articles of at most
    ``MAX_BYTES`` bytes; strata by the same density, counting the gold spans of ``test-task-TC-template.out``
    (the span gold without technique names), as tertiles over that pool; the same ``sha256(SEED + id)`` order.
    ``dev12`` (chosen at the start of round 2 stop 27, annotated blind during it for the validation of stop 28)
    takes the first ``DEV12_PER_STRATUM`` = 5 of each stratum (15 articles); the rest are left for later batches
    under this rule. The first 294 keep their splits. ``dev13`` (chosen at the start of round 2 stop 28 for the
    validation of stop 29) takes the next ``DEV13_PER_STRATUM`` = 5 of each stratum; the first 309 keep their splits.
    ``dev14`` (chosen at the start of round 2 stop 29 for the validation of stop 30) takes the next
    ``DEV14_PER_STRATUM`` = 5 of each stratum; the first 324 keep their splits. ``dev15`` (chosen at the start of
    round 2 stop 30 for the validation of stop 31) takes the next ``DEV15_PER_STRATUM`` = 5 of each stratum; the
    first 339 keep their splits. ``dev16`` (chosen at the start of round 2 stop 31 for the validation of stop 32)
    takes the next ``DEV16_PER_STRATUM`` = 4 of each stratum: the pool's 74 eligible articles fall into strata of 24,
    25 and 25, so this batch uses up the first stratum (12 articles; 0, 1 and 1 are left). The first 354 keep their
    splits; a later batch needs a new rule.
15. From the seventeenth batch on, a third pool: PTC's test articles of ``MAX_BYTES`` + 1 to ``MAX_BYTES_LONG``
    bytes (16 test articles are longer than ``MAX_BYTES``; 15 of them are at most 12,000 bytes; none was named in
    the repository when the rule was made, and rule 14 has only 2 articles left). They cost about 1.5 times the
    annotation of a rule-14 article: a stated bias toward the longer pieces of the same outlets for these batches.
    Strata by the same density (gold spans of ``test-task-TC-template.out`` per 1,000 characters) as tertiles over
    this pool (5, 5 and 5 articles); the same ``sha256(SEED + id)`` order. ``dev17`` (chosen at the start of round 2
    stop 32 for the validation of stop 33) takes the first ``DEV17_PER_STRATUM`` = 4 of each stratum (12 articles;
    1 of each is left). The first 366 keep their splits.
16. ``dev18`` (chosen at the start of round 2 stop 33 for the validation of stop 34) takes **every PTC test article
    left**: rule 14's 2 (one each of its second and third strata), rule 15's 3 (one per stratum) and the one test
    article longer than ``MAX_BYTES_LONG`` (12,596 bytes; none of the six was named in the repository when the rule
    was made). Rules 14 and 15 give the first five their strata; the longest one takes the stratum of rule 15's pool
    whose density range holds its density (the tertile cut points of that pool, :func:`_long_stratum`). No PTC
    article is left after it: a later batch needs another source. The first 378 keep their splits.
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
DEV12_PER_STRATUM = 5
DEV13_PER_STRATUM = 5
DEV14_PER_STRATUM = 5
DEV15_PER_STRATUM = 5
DEV16_PER_STRATUM = 4
DEV17_PER_STRATUM = 4
DEV18_PER_STRATUM = 1
MAX_BYTES_LONG = 12000
STRATA = ("reporting", "mixed", "propaganda")
OPEN_SPLITS = ("dev", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10",
               "dev11", "dev12", "dev13", "dev14", "dev15", "dev16")
"""Splits whose errors have been read: rules may be read off them and learned weights fitted on them (leave one
split out to choose settings)."""
VALIDATION_SPLITS = ("dev17", "dev18")
"""Annotated blind and never read: scored before and after a stop's changes, errors unread until they are decided."""


def batches() -> tuple[tuple[str, int], ...]:
    """Each split with how many articles of every stratum it takes, in the order the rule takes them."""
    return (("dev", DEV_PER_STRATUM), ("test", PER_STRATUM - DEV_PER_STRATUM), ("dev2", DEV2_PER_STRATUM),
            ("dev3", DEV3_PER_STRATUM), ("dev4", DEV4_PER_STRATUM), ("dev5", DEV5_PER_STRATUM),
            ("dev6", DEV6_PER_STRATUM), ("dev7", DEV7_PER_STRATUM), ("dev8", DEV8_PER_STRATUM),
            ("dev9", DEV9_PER_STRATUM), ("dev10", DEV10_PER_STRATUM), ("dev11", DEV11_PER_STRATUM))


def test_pool_batches() -> tuple[tuple[str, int], ...]:
    """The batches drawn from the second pool, PTC's test articles (rule 14), in the order the rule takes them."""
    return (("dev12", DEV12_PER_STRATUM), ("dev13", DEV13_PER_STRATUM), ("dev14", DEV14_PER_STRATUM),
            ("dev15", DEV15_PER_STRATUM), ("dev16", DEV16_PER_STRATUM), ("dev18", DEV18_PER_STRATUM))


def long_pool_batches() -> tuple[tuple[str, int], ...]:
    """The batches drawn from the third pool, PTC's longer test articles (rule 15), in the order the rule takes them."""
    return (("dev17", DEV17_PER_STRATUM), ("dev18", DEV18_PER_STRATUM))


def ptc_test_splits() -> frozenset[str]:
    """Every split whose articles are PTC test articles (rules 14, 15 and 16)."""
    return frozenset(name for name, _ in (*test_pool_batches(), *long_pool_batches()))


def source_articles(splits: tuple[str, ...] | list[str]) -> str:
    """Which PTC articles the real-news ``splits`` hold, for the ``about`` line of a file fitted on them: "PTC train
    articles" (rules 1-13), "PTC test articles" (rules 14 and 15: dev12 on) or "PTC train and test articles"."""
    test_pool = ptc_test_splits()
    pools = [pool for pool, there in (("train", any(s not in test_pool for s in splits)),
                                      ("test", any(s in test_pool for s in splits))) if there]
    return f"PTC {' and '.join(pools)} articles"


POOLS = (("train-articles", "train-task1-SI.labels"), ("test-articles", "test-task-TC-template.out"))
"""Where each pool's texts are, and the file whose gold spans give the density (rules 1-3, 14)."""


def article_path(data_dir: Path, article_id: str) -> Path:
    """The text of a real-news article: PTC train articles (rules 1-13), else PTC test articles (rules 14, 15)."""
    for folder, _ in POOLS:
        path = data_dir / folder / f"article{article_id}.txt"
        if path.exists():
            return path
    return data_dir / POOLS[0][0] / f"article{article_id}.txt"


SPLITS = tuple(dict.fromkeys(name for name, _ in (*batches(), *test_pool_batches(), *long_pool_batches())))
"""Every split of the set, in the order the rule fills them."""


def _densities(data_dir: Path, folder: str, labels: str, sizes: tuple[float, float]) -> list[tuple[float, str]]:
    """``(gold spans per 1,000 characters, id)`` of one pool's articles of more than ``sizes[0]`` and at most
    ``sizes[1]`` bytes, sorted."""
    spans = Counter(line.split("\t")[0] for line in (data_dir / labels).read_text().splitlines() if line)
    eligible: list[tuple[float, str]] = []
    for path in sorted((data_dir / folder).glob("article*.txt")):
        if not sizes[0] < path.stat().st_size <= sizes[1]:
            continue
        aid = path.stem.removeprefix("article")
        eligible.append((spans[aid] * 1000 / max(len(path.read_text(encoding="utf-8")), 1), aid))
    return sorted(eligible)


def _long_stratum(data_dir: Path, density: float) -> str:
    """Rule 16: the stratum of rule 15's pool whose density range holds ``density`` (below the second tertile's
    lowest density: the first; below the third's: the second; else the third)."""
    folder, labels = POOLS[1]
    pool = _densities(data_dir, folder, labels, (MAX_BYTES, MAX_BYTES_LONG))
    n = len(pool)
    cuts = [pool[k * n // 3][0] for k in (1, 2)]
    return STRATA[sum(density >= cut for cut in cuts)]


def _stratified(data_dir: Path, folder: str, labels: str, order: list[str],
                sizes: tuple[int, int] = (0, MAX_BYTES)) -> dict[str, dict[str, str]]:
    """Rules 1-3 over one pool's articles of more than ``sizes[0]`` and at most ``sizes[1]`` bytes, filling
    ``order``."""
    eligible = _densities(data_dir, folder, labels, sizes)
    n = len(eligible)
    out: dict[str, dict[str, str]] = {}
    for k, stratum in enumerate(STRATA):
        members = [aid for _, aid in eligible[k * n // 3 : (k + 1) * n // 3]]
        members.sort(key=lambda a: hashlib.sha256((SEED + a).encode()).hexdigest())
        for aid, split in zip(members, order, strict=False):  # members beyond the batches stay unchosen
            out[aid] = {"split": split, "stratum": stratum}
    return out


def select(data_dir: Path) -> dict[str, dict[str, str]]:
    """``{article_id: {"split": one of SPLITS, "stratum": ...}}`` by the rules above."""
    (train_folder, train_labels), (test_folder, test_labels) = POOLS
    chosen = _stratified(data_dir, train_folder, train_labels,
                         [name for name, count in batches() for _ in range(count)])
    for aid, entry in _stratified(data_dir, test_folder, test_labels,
                                  [name for name, count in test_pool_batches() for _ in range(count)]).items():
        chosen[aid] = {**entry, "pool": test_folder}
    for aid, entry in _stratified(data_dir, test_folder, test_labels,
                                  [name for name, count in long_pool_batches() for _ in range(count)],
                                  (MAX_BYTES, MAX_BYTES_LONG)).items():
        chosen[aid] = {**entry, "pool": test_folder}
    for density, aid in _densities(data_dir, test_folder, test_labels, (MAX_BYTES_LONG, float("inf"))):  # rule 16
        chosen[aid] = {"split": "dev18", "stratum": _long_stratum(data_dir, density), "pool": test_folder}
    return chosen


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
