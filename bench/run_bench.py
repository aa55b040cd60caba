"""Benchmark the full default pipeline over a corpus directory.

    python bench/run_bench.py ../shared/data/ptc-semeval2020-task11/dev-articles [--only A,B] [--json out.json]
    python bench/run_bench.py CORPUS --without claims,figures,attribution   # what those analyzers add

Reports articles/s, sentences/s, peak RSS, cold-start time (a fresh process that imports presslens,
loads every model and analyses one article), time per analyzer, and the raw encoder's sentences/s on
the same sentences. The batch runs like ``presslens analyze`` does: ``Pipeline.run_stream`` encodes the
next articles in the background while the analyzers work (``--prefetch 0``: one article after the other).
``--without`` also times the same batch with those analyzers left out (runs alternate, best of
``--repeat`` each) and reports the time they add. Prints Markdown for docs/PERFORMANCE.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def cold_start(first: Path, only: str | None) -> float:
    code = (
        "import sys, presslens; "
        f"presslens.analyze(sys.argv[1], only={only.split(',') if only else None!r})"
    )
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, str(first)], check=True)
    return time.perf_counter() - t0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", help="directory of article files (e.g. PTC dev-articles)")
    ap.add_argument("--only", help="comma-separated analyzers (default: the full default pipeline)")
    ap.add_argument("--skip", help="comma-separated analyzers to leave out")
    ap.add_argument("--limit", type=int, help="use only the first N articles")
    ap.add_argument("--json", help="also write the numbers here as JSON")
    ap.add_argument("--no-cold-start", action="store_true")
    ap.add_argument("--prefetch", type=int, default=2, help="articles encoded ahead (0: no overlap)")
    ap.add_argument("--without", help="comma-separated analyzers: also time the batch without them")
    ap.add_argument("--repeat", type=int, default=1, help="timed passes per pipeline (best is kept)")
    args = ap.parse_args()

    from presslens.ingest import InputError, read_inputs
    from presslens.pipeline import Pipeline

    files = sorted(p for p in Path(args.corpus).rglob("*") if p.is_file() and p.suffix in {".txt", ".html", ".jsonl"})
    if args.limit:
        files = files[: args.limit]
    cold = None if args.no_cold_start else cold_start(files[0], args.only)

    t0 = time.perf_counter()
    articles = [a for a in read_inputs([str(f) for f in files]) if not isinstance(a, InputError)]
    t_read = time.perf_counter() - t0
    n_sent = sum(len(a.sentences) for a in articles)

    only = args.only.split(",") if args.only else None
    skip = args.skip.split(",") if args.skip else []
    pipe = Pipeline(only=only, skip=skip)
    pipes = {"full": pipe}
    if args.without:
        pipes["without"] = Pipeline(only=only, skip=skip + args.without.split(","), encoder=pipe.encoder)
    best: dict[str, float] = {}
    rounds: list[dict[str, float]] = []  # seconds per pipeline in each round (the pipelines alternate)
    stage: dict[str, dict[str, float]] = {}
    cores: dict[str, float] = {}  # process CPU seconds / wall seconds of each pipeline's best pass
    n_findings = 0
    for p in pipes.values():
        p.run(articles[0])  # warm-up: model loading is measured by the cold start
    for _ in range(max(1, args.repeat)):
        rounds.append({})
        for name, p in pipes.items():
            busy0 = p.encoder.seconds
            run_timings: dict[str, float] = {}  # summed over this pass's reports (each carries its own run's)
            cpu0 = os.times()
            t0 = time.perf_counter()
            found = 0
            for r in p.run_many(articles, prefetch=args.prefetch):
                found += len(r.findings)
                for k, v in r.timings.items():
                    run_timings[k] = run_timings.get(k, 0.0) + v
            spent = time.perf_counter() - t0
            cpu1 = os.times()
            rounds[-1][name] = spent
            if name == "full":
                n_findings = found
            if spent < best.get(name, float("inf")):
                best[name] = spent
                stage[name] = {**run_timings, "encoder_busy": p.encoder.seconds - busy0}
                cores[name] = (cpu1.user + cpu1.system - cpu0.user - cpu0.system) / spent
    t_pipe = best["full"]
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    timings = stage["full"]

    enc = pipe.encoder
    t0 = time.perf_counter()
    for a in articles:
        enc.run(a.sentence_texts())
    t_enc = time.perf_counter() - t0

    res = {
        "machine": {
            "cpu": _cpu_model(),
            "cores": os.cpu_count(),
            "python": platform.python_version(),
        },
        "corpus": str(args.corpus),
        "analyzers": pipe.names,
        "articles": len(articles),
        "sentences": n_sent,
        "findings": n_findings,
        "read_seconds": round(t_read, 3),
        "pipeline_seconds": round(t_pipe, 3),
        "articles_per_s": round(len(articles) / t_pipe, 2),
        "sentences_per_s": round(n_sent / t_pipe, 1),
        "raw_encoder_sentences_per_s": round(n_sent / t_enc, 1),
        "peak_rss_mb": round(rss_mb, 1),
        "cold_start_seconds": round(cold, 2) if cold is not None else None,
        "prefetch": args.prefetch,
        "cores_busy": {k: round(v, 2) for k, v in cores.items()},
        "seconds_by_stage": {k: round(v, 3) for k, v in sorted(timings.items())},
    }
    if "without" in best:
        t_wo = best["without"]
        res["without"] = args.without
        res["without_seconds"] = round(t_wo, 3)
        res["added_percent"] = round(100 * (t_pipe - t_wo) / t_wo, 1)
        res["share_percent"] = round(100 * (t_pipe - t_wo) / t_pipe, 1)
        # the same ratio within each round (both pipelines timed back to back): its spread shows the host's noise
        per_round = sorted(100 * (r["full"] - r["without"]) / r["without"] for r in rounds)
        res["added_percent_per_round"] = [round(x, 1) for x in per_round]
        res["added_percent_median_round"] = round(statistics.median(per_round), 1)
    print(
        f"| articles | sentences | articles/s | sentences/s | raw encoder sentences/s | peak RSS MB | cold start s |\n"
        f"|---|---|---|---|---|---|---|\n"
        f"| {res['articles']} | {n_sent} | {res['articles_per_s']} | {res['sentences_per_s']} | "
        f"{res['raw_encoder_sentences_per_s']} | {res['peak_rss_mb']} | {res['cold_start_seconds']} |\n"
    )
    print(f"prefetch {args.prefetch}; main-thread seconds by stage (encoder: waiting for it; encoder_busy: its own")
    print("wall time, partly hidden behind the analyzers)\n\n| stage | seconds | share of pipeline |\n|---|---|---|")
    for k, v in sorted(timings.items(), key=lambda kv: -kv[1]):
        print(f"| {k} | {v:.2f} | {100 * v / t_pipe:.1f}% |")
    if "without" in best:
        print(
            f"\nwithout {args.without}: {res['without_seconds']} s vs {round(t_pipe, 3)} s with them: "
            f"they add {res['added_percent']}% ({res['share_percent']}% of the full pipeline's time)"
        )
        print(
            f"round by round: they add {', '.join(f'{x}%' for x in res['added_percent_per_round'])} "
            f"(median {res['added_percent_median_round']}%)"
        )
    print(f"\ncores busy (process CPU time / wall time, best pass): {res['cores_busy']}")
    print(f"\nmachine: {res['machine']}")
    if args.json:
        Path(args.json).write_text(json.dumps(res, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
