"""The grouping of templated near-duplicate articles: its cost per mention as the groups grow.

    PYTHONPATH=src python bench/figure_groups_templated.py [--sizes 200,400,800] [--digest] [--cache FILE]
                                                           [--profile]
    PYTHONPATH=src python bench/figure_groups_templated.py --a BASE/src --b src [--sizes 800] [--rounds 3]
                                                           [--cache FILE]

One measured thing reported hundreds of times is what a corpus of one war's news looks like, and what the store
CLI test indexes (tests/test_store_cli.py): N articles of one template ("Officials said 1007 people left the city
on day 1. About 4 soldiers were seen near the border, and 3 vehicles crossed it, the border service said.", four
times over) whose numbers change from article to article, so most of them are republished copies (MinHash) that
keep their changed figures as their own mentions, and each figure of the template joins one ever larger group.

The articles are analysed once with the figures analyzers (``--only figures``, the rule-based analyzer of the
test; ``--cache FILE`` keeps the reports as JSON for the next run), then for each N of ``--sizes`` the first N
articles go through a fresh grouper the way ``presslens index`` sends them
(:meth:`~presslens.compare.figure_groups.FigureGrouper.add_article`, ``duplicate_of`` from a
:class:`~presslens.compare.duplicates.DuplicateIndex`), with the shipped grouping and hashed clause words as
stand-in clause, outcome and part vectors (the encoder's work belongs to indexing). Printed per N: the grouping's
thread CPU seconds (the stand-in embedders' excluded), microseconds per mention over all N articles and over the
last quarter of them (the marginal cost, which grows with the groups when a step loops over a group's members),
the mentions, groups and largest group; with ``--digest`` a SHA-256 over every mention's group and every group's
mentions in order (the same digest: the same grouping); with ``--profile`` the top functions (cProfile) of the
largest N.

With ``--a`` and ``--b`` (two source folders, BASE from ``git archive COMMIT src | tar -x -C BASE``) it runs this
bench with ``--digest`` once per tree per round in a fresh process (``PYTHONPATH`` at the tree), alternating which
goes first (:func:`bench.ab_speed.alternate`), checks that both trees print the same digests and prints the
median of the per-round grouping-CPU ratios B/A at the largest size.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as _dt
import hashlib
import json
import os
import pstats
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

from presslens.article import Article, Finding
from presslens.compare.duplicates import DuplicateIndex, signature
from presslens.compare.figure_groups import FigureGrouper, GroupingConfig, hashed_embedder
from presslens.store.tracking import figure_grouper, findings_from_dicts

DIM = 384


def templated_articles(n: int) -> list[Article]:
    """The store CLI test's corpus (tests/test_store_cli.py ``_write_corpus``): one template, other numbers."""
    out = []
    for i in range(n):
        body = (f"Officials said {1000 + 7 * i} people left the city on day {i}. About {i + 3} soldiers "
                f"were seen near the border, and {2 * i + 1} vehicles crossed it, the border service said. ") * 4
        out.append(Article(text=body, id=f"s{i}", title=f"Report {i}", source=f"Outlet {i % 3}",
                           date=_dt.date(2022, 1 + i % 12, 1 + i % 27)))
    return out


def analysed(articles: list[Article], cache: Path | None) -> list[list[Finding]]:
    """Each article's findings (the figures analyzers); the articles get their sentences and paragraphs as the
    pipeline segmented them. Read from ``cache`` when it holds as many articles."""
    stored: list[dict[str, Any]] = []
    if cache is not None and cache.exists():
        stored = json.loads(cache.read_text(encoding="utf-8"))
    if len(stored) < len(articles):
        from presslens.pipeline import Pipeline, PipelineConfig

        pipe = Pipeline(PipelineConfig(only=("figures",))).load()
        stored = [{"sentences": [list(r) for r in report.article.sentences],
                   "paragraphs": [list(r) for r in report.article.paragraphs],
                   "findings": [{"kind": f.kind, "label": f.label, "start": f.start, "end": f.end, "text": f.text,
                                 "score": f.score, "analyzer": f.analyzer, "attributes": f.attributes, "id": f.id}
                                for f in report.findings]}
                  for report in pipe.run_many(articles)]
        if cache is not None:
            cache.write_text(json.dumps(stored), encoding="utf-8")
    out = []
    for article, doc in zip(articles, stored, strict=False):
        article.sentences = [(a, b) for a, b in doc["sentences"]]
        article.paragraphs = [(a, b) for a, b in doc["paragraphs"]]
        out.append(findings_from_dicts(doc["findings"]))
    return out


def digest(grouper: FigureGrouper) -> str:
    h = hashlib.sha256()
    for mid, gid in grouper.group_of.items():
        h.update(f"{mid}\t{gid}\n".encode())
    for gid, group in grouper.groups.items():
        h.update(f"{gid}:{','.join(group.mention_ids)}\n".encode())
    return h.hexdigest()


def run(articles: list[Article], findings: list[list[Finding]], profile: cProfile.Profile | None = None
        ) -> tuple[FigureGrouper, float, float, int, int]:
    """Group the articles in order; (grouper, CPU seconds in all, CPU seconds of the last quarter, mentions in
    all, mentions of the last quarter)."""
    stand_in_cpu = [0.0]
    hashed = hashed_embedder(DIM)

    def embed(texts: list[str]) -> np.ndarray:
        c0 = time.thread_time()
        out = hashed(texts)
        stand_in_cpu[0] += time.thread_time() - c0
        return out

    def part_embed(texts: list[str]) -> np.ndarray:
        c0 = time.thread_time()
        out = np.hstack([hashed(texts), hashed(texts)])
        stand_in_cpu[0] += time.thread_time() - c0
        return out

    grouper = figure_grouper(GroupingConfig(), embed, outcome_embed=embed, part_embed=part_embed)
    dups = DuplicateIndex()
    last_from = len(articles) - len(articles) // 4
    cpu = last_cpu = 0.0
    mentions = last_mentions = 0
    for i, (article, found) in enumerate(zip(articles, findings, strict=True)):
        dup = dups.add_signature(article.id, signature(article.text, dups.num_perm))
        before = stand_in_cpu[0]
        if profile is not None:
            profile.enable()
        c0 = time.thread_time()
        added = grouper.add_article(article, found, duplicate_of=dup)
        spent = time.thread_time() - c0 - (stand_in_cpu[0] - before)
        if profile is not None:
            profile.disable()
        cpu += spent
        mentions += len(added)
        if i >= last_from:
            last_cpu += spent
            last_mentions += len(added)
    return grouper, cpu, last_cpu, mentions, last_mentions


def side_by_side(a: Path, b: Path, sizes: str, rounds: int, cache: Path | None) -> int:
    """Run the bench once per tree per round, alternating; same digests, median ratio B/A of the grouping CPU."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from ab_speed import alternate

    digests: dict[str, set[str]] = {"A": set(), "B": set()}

    def measure(side: str) -> float:
        extra = ["--cache", str(cache)] if cache is not None else []
        done = subprocess.run([sys.executable, __file__, "--sizes", sizes, "--digest", *extra],
                              env={**os.environ, "PYTHONPATH": str((a if side == "A" else b).resolve())},
                              capture_output=True, text=True, check=True)
        lines = [ln for ln in done.stdout.splitlines() if ln.startswith("articles ")]
        digests[side].add(" ".join(ln.rsplit("digest ", 1)[1] for ln in lines))
        print(f"  {side}: {lines[-1]}", flush=True)
        found = re.search(r"grouping CPU ([0-9.]+) s", lines[-1])
        assert found is not None
        return float(found.group(1))

    print(alternate(measure, rounds))
    same = digests["A"] == digests["B"] and len(digests["A"]) == 1
    print("same digests" if same else f"DIGESTS DIFFER: {digests}")
    return 0 if same else 1


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="200,400,800", help="comma-separated numbers of articles")
    ap.add_argument("--digest", action="store_true")
    ap.add_argument("--cache", type=Path, default=None, help="JSON file keeping the analysed findings")
    ap.add_argument("--profile", action="store_true", help="cProfile the grouping of the largest size")
    ap.add_argument("--a", type=Path, help="source folder of variant A (side by side with --b)")
    ap.add_argument("--b", type=Path, help="source folder of variant B")
    ap.add_argument("--rounds", type=int, default=3, help="rounds of the side-by-side run")
    args = ap.parse_args()
    if args.a is not None and args.b is not None:
        return side_by_side(args.a, args.b, args.sizes, args.rounds, args.cache)
    sizes = [int(s) for s in args.sizes.split(",")]
    articles = templated_articles(max(sizes))
    findings = analysed(articles, args.cache)
    for n in sizes:
        prof = cProfile.Profile() if args.profile and n == max(sizes) else None
        grouper, cpu, last_cpu, mentions, last_mentions = run(articles[:n], findings[:n], prof)
        largest = max((g.size for g in grouper.groups.values()), default=0)
        line = (f"articles {n}: mentions {mentions}, groups {len(grouper.groups)}, largest {largest}; grouping CPU "
                f"{cpu:.2f} s, {1e6 * cpu / max(1, mentions):.0f} us/mention (last quarter "
                f"{1e6 * last_cpu / max(1, last_mentions):.0f} us/mention)")
        if args.digest:
            line += f"; digest {digest(grouper)}"
        print(line, flush=True)
        if prof is not None:
            pstats.Stats(prof).sort_stats("cumulative").print_stats(25)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
