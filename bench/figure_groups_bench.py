"""Group 100,000 synthetic articles' worth of figure mentions; report time and peak memory.

    python bench/figure_groups_bench.py [--articles 100000] [--per-article 5] [--topics 2000] [--dim 384]
                                        [--grouping NAME] [--noise 0.35] [--digest]

Each synthetic article carries ``--per-article`` count mentions: most report one of ``--topics`` tracked
things (a counted noun, a predicate and a few words of scope drawn per topic, values around the topic's
size with bounds), the rest are one-off distractor figures with their own nouns (they open new groups,
the expensive case). Clause vectors are stand-ins for the encoder's (the topic's direction plus noise,
unit length, ``--dim`` wide): the encoder pass belongs to indexing, which the pipeline benchmark times,
so this measures the grouping alone. The grouping's CPU time is printed in all (as before) and split into
making the synthetic articles, the stand-in outcome embedder and the grouping alone. Articles arrive in date order, in batches of one article, through
``FigureGrouper.add_mentions`` (the incremental path). The default grouping is the shipped one
(``DEFAULT_GROUPING``, what ``GroupingConfig()`` is; ``--grouping`` names another); for it, and any grouping that reads outcome or part vectors, those are stand-ins too
(hashed clause words), and the conflicts of every group (the conflict model's between groups included) are timed
at the end. Goal: under 5 minutes and 2 GB on 2 cores.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import hashlib
import resource
import time

import numpy as np

from presslens.compare.figure_groups import (
    DEFAULT_GROUPING,
    GROUPING_NAMES,
    OUTCOME_METHODS,
    FigureGrouper,
    GroupingConfig,
    grouping_config,
    hashed_embedder,
)
from presslens.compare.figures import FigureMention, head_noun

NOUNS = ["men", "refugees", "protesters", "reservists", "trucks", "households", "schools", "civilians",
         "soldiers", "tanks", "drones", "shells", "homes", "volunteers", "prisoners", "missiles"]
VERBS = ["left", "fled", "detained", "called up", "crossed", "killed", "lost", "damaged", "delivered",
         "evacuated", "registered", "destroyed"]
PLACES = [f"region{i}" for i in range(300)]


def synthetic_mentions(n_articles: int, per_article: int, topics: int, dim: int, seed: int = 7,
                       noise: float = 0.35):
    rng = np.random.default_rng(seed)
    centres = rng.normal(size=(topics, dim)).astype(np.float32)
    centres /= np.linalg.norm(centres, axis=1, keepdims=True)
    topic_noun = rng.integers(len(NOUNS), size=topics)
    topic_verb = rng.integers(len(VERBS), size=topics)
    topic_place = rng.integers(len(PLACES), size=topics)
    topic_size = 10 ** rng.uniform(1, 6, size=topics)
    start = _dt.date(2024, 1, 1)
    for a in range(n_articles):
        aid = f"a{a}"
        day = start + _dt.timedelta(days=a * 730 // n_articles)
        mentions: list[FigureMention] = []
        vectors = np.empty((per_article, dim), dtype=np.float32)
        for k in range(per_article):
            if rng.random() < 0.8:
                t = int(rng.integers(topics))
                noun, verb, place = NOUNS[topic_noun[t]], VERBS[topic_verb[t]], PLACES[topic_place[t]]
                value = float(round(topic_size[t] * rng.uniform(0.7, 1.4)))
                vec = centres[t] + noise * rng.normal(size=dim).astype(np.float32)
            else:
                letters = rng.choice(list("abcdefghijklmnopqrstuvwxyz"), size=8)
                noun, verb, place = "".join(letters) + "s", "counted", "somewhere"
                value = float(rng.integers(1, 10**6))
                vec = rng.normal(size=dim).astype(np.float32)
            vectors[k] = vec / np.linalg.norm(vec)
            bound = [None, None, "approx", "lower", "upper"][int(rng.integers(5))]
            clause = f"many {noun} were {verb} in {place} since the start"
            mentions.append(FigureMention(
                article_id=aid, start=10 * k, end=10 * k + 8, text=f"{value:.0f} {noun}", label="count",
                measure="count", value=value, bound=bound, unit=noun, date=day, source=f"outlet{a % 50}",
                clause=clause, masked_clause=clause, head=head_noun(noun)))
        yield mentions, vectors


def results_digest(grouper: FigureGrouper, conflicts: list) -> str:
    """SHA-256 over mention id -> group id (assignment order), each group's mention ids in order and each
    conflict's two mention ids and days apart."""
    h = hashlib.sha256()
    for mid, gid in grouper.group_of.items():
        h.update(f"{mid}\t{gid}\n".encode())
    for gid, group in grouper.groups.items():
        h.update(f"{gid}:{','.join(group.mention_ids)}\n".encode())
    for c in conflicts:
        h.update(f"{c.first.id}|{c.second.id}|{c.days_apart}\n".encode())
    return h.hexdigest()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--per-article", type=int, default=5)
    ap.add_argument("--topics", type=int, default=2000)
    ap.add_argument("--dim", type=int, default=384)
    ap.add_argument("--grouping", "--candidate", choices=GROUPING_NAMES, default=DEFAULT_GROUPING,
                    help="a named grouping with its shipped weights (default: the shipped one)")
    ap.add_argument("--method", default=None,
                    help="instead of --grouping: GroupingConfig.method at the rules' setting, no conflict model")
    ap.add_argument("--noise", type=float, default=0.35,
                    help="scale of the per-dimension noise added to a topic's direction (0.35: nearly orthogonal "
                         "stand-ins, every mention its own group; 0.02: most reports of a topic join, and conflicts "
                         "are found)")
    ap.add_argument("--digest", action="store_true",
                    help="also print a SHA-256 over every mention's group, every group's mentions and the conflicts "
                         "(compare two versions of the code: same digest, same results)")
    args = ap.parse_args()
    config = (grouping_config(args.grouping) if args.method is None
              else GroupingConfig(method=args.method, conflict_model=None))
    outcome_embed = part_embed = None
    timed_conflicts = config.conflict_model is not None
    stand_in_cpu = [0.0]  # CPU seconds in the stand-in embedders (the encoder's work: indexing, not grouping)
    if timed_conflicts or config.method in OUTCOME_METHODS:
        hashed = hashed_embedder(args.dim)
        stand_in = hashed_embedder(args.dim)

        def outcome_embed(texts: list[str]) -> np.ndarray:
            c0 = time.process_time()
            out = hashed(texts)
            stand_in_cpu[0] += time.process_time() - c0
            return out

        def part_embed(texts: list[str]) -> np.ndarray:
            c0 = time.process_time()
            out = np.hstack([stand_in([t.split(" were ")[0] for t in texts]),
                             stand_in([t.split(" were ")[-1] for t in texts])])
            stand_in_cpu[0] += time.process_time() - c0
            return out

    grouper = FigureGrouper(None, config, outcome_embed=outcome_embed, part_embed=part_embed)
    t0, cpu0 = time.perf_counter(), time.process_time()
    n = 0
    data_cpu = 0.0  # CPU seconds making the synthetic articles (not the grouping's)
    articles = synthetic_mentions(args.articles, args.per_article, args.topics, args.dim, noise=args.noise)
    while True:
        c0 = time.process_time()
        made = next(articles, None)
        data_cpu += time.process_time() - c0
        if made is None:
            break
        mentions, vectors = made
        grouper.add_mentions(mentions, vectors)
        n += len(mentions)
        if n % (50_000 * args.per_article // 5) == 0:
            print(f"  {n:,} mentions, {len(grouper.groups):,} groups, {time.perf_counter() - t0:.0f} s", flush=True)
    seconds, cpu_seconds = time.perf_counter() - t0, time.process_time() - cpu0
    grouping_stand_in_cpu = stand_in_cpu[0]
    t1 = time.perf_counter()
    summaries = [grouper.summary(g) for g in grouper.tracked_groups(min_articles=2)[:1000]]
    summary_seconds = time.perf_counter() - t1
    print(f"grouping: {args.grouping if args.method is None else args.method}")
    if timed_conflicts:
        print(f"peak RSS after grouping: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MB")
        t2, cpu2, embed2 = time.perf_counter(), time.process_time(), stand_in_cpu[0]
        found = grouper.conflicts()
        print(f"conflicts of every group and between near groups: {len(found):,} in "
              f"{time.perf_counter() - t2:.1f} s wall, {time.process_time() - cpu2:.1f} s CPU "
              f"(of which stand-in part embedder {stand_in_cpu[0] - embed2:.1f} s)")
        if args.digest:
            print(f"digest: {results_digest(grouper, found)}")
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{args.articles:,} articles, {n:,} mentions -> {len(grouper.groups):,} groups "
          f"({len(grouper.tracked_groups()):,} with 2+ articles)")
    print(f"grouping: {seconds:.1f} s wall, {cpu_seconds:.1f} s CPU ({n / seconds:,.0f} mentions/s); summaries and conflicts of the "
          f"{len(summaries)} largest groups: {summary_seconds:.1f} s; peak RSS {peak_mb:,.0f} MB")
    print(f"grouping CPU {cpu_seconds:.1f} s = making the synthetic articles {data_cpu:.1f} s + stand-in outcome "
          f"embedder {grouping_stand_in_cpu:.1f} s + the grouping alone "
          f"{cpu_seconds - data_cpu - grouping_stand_in_cpu:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
