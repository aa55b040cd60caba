"""Does the order of the analyzers change the speed of a batch? Interleaved A/B over the same articles.

Times, in every round, three pipelines over the whole corpus with ``Pipeline.run_many``: the default order, the
default analyzers in the order given by ``--order``, and the default pipeline without ``--without`` (the
reference of ``bench/run_bench.py``). The order of the three alternates from round to round, so drift of a shared
host falls on all of them alike. Prints, per round, how much the reordered pipeline takes relative to the default
one and what each adds relative to the reference.

    python bench/analyzer_order.py ../shared/data/ptc-semeval2020-task11/dev-articles \
        --order attribution,figures,claims,techniques,violence --rounds 8
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", help="folder of articles (.txt, .html, .jsonl)")
    parser.add_argument(
        "--order", required=True, help="comma-separated analyzer names, every default one once"
    )
    parser.add_argument(
        "--without", default="claims,figures,attribution", help="analyzers the reference skips"
    )
    parser.add_argument("--rounds", type=int, default=8)
    args = parser.parse_args()

    from presslens.ingest import InputError, read_inputs
    from presslens.pipeline import Pipeline

    files = sorted(
        p for p in Path(args.corpus).rglob("*") if p.is_file() and p.suffix in {".txt", ".html", ".jsonl"}
    )
    articles = [a for a in read_inputs([str(f) for f in files]) if not isinstance(a, InputError)]
    default = Pipeline()
    wanted = args.order.split(",")
    if sorted(wanted) != sorted(default.names):
        parser.error(f"--order must name each of {', '.join(default.names)} once")
    reordered = Pipeline(encoder=default.encoder)
    reordered.analyzers.sort(key=lambda a: wanted.index(a.name))
    reordered.names = [a.name for a in reordered.analyzers]
    for a in reordered.analyzers:  # an analyzer must still come after the ones it requires
        for dep in a.requires:
            if reordered.names.index(dep) > reordered.names.index(a.name):
                parser.error(f"{a.name} requires {dep}, which --order puts after it")
    reference = Pipeline(skip=args.without.split(","), encoder=default.encoder)
    pipes = {"default": default, "reordered": reordered, "reference": reference}
    for p in pipes.values():
        p.run(articles[0])  # warm-up
    times: dict[str, list[float]] = {k: [] for k in pipes}
    for r in range(args.rounds):
        names = list(pipes) if r % 2 == 0 else list(reversed(pipes))
        for name in names:
            t0 = time.perf_counter()
            for _ in pipes[name].run_many(articles):
                pass
            times[name].append(time.perf_counter() - t0)

    def per_round(a: str, b: str) -> list[float]:
        return sorted(100 * (x - y) / y for x, y in zip(times[a], times[b], strict=True))

    print(f"default order:   {', '.join(default.names)}")
    print(f"reordered:       {', '.join(reordered.names)}")
    print(f"reference skips: {args.without}; {len(articles)} articles, {args.rounds} rounds\n")
    print("| comparison | per round, sorted | median round |\n|---|---|---|")
    for label, a, b in (
        ("reordered vs default", "reordered", "default"),
        ("default adds to reference", "default", "reference"),
        ("reordered adds to reference", "reordered", "reference"),
    ):
        rounds = per_round(a, b)
        shown = ", ".join(f"{x:.1f}" for x in rounds)
        print(f"| {label} | {shown} % | {statistics.median(rounds):.1f} % |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
