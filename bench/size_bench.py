"""Peak memory and time of ``presslens analyze`` against article size, one fresh subprocess per size.

    python bench/size_bench.py                       # 10KB 100KB 300KB 1MB of prose, all default analyzers
    python bench/size_bench.py --sizes 10KB,1MB --kind short --only figures,claims
    python bench/size_bench.py --cores 0,1           # pin each run to two cores (taskset)

``--kind prose`` repeats the bundled example articles (ordinary news sentences, about 25 words each);
``--kind short`` writes two-word sentences ("Troops left.", 13 characters), the worst case per character
for the sentence-based analyzers; ``--kind medium`` four-word ones ("Troops left the city.", 20 characters:
at the default limits, 200,000 characters hold 10,000 of them). Each size runs ``presslens analyze FILE -o OUT.json`` with the per-article
limits raised far enough to accept it, and reports the child's peak RSS (``wait4``), wall time, the
article's sentences and findings. One process per size, so no size inherits another's memory.

``--profile`` instead analyses each size in this process while a thread samples the resident set size
every 20 ms and charges each rise of the peak to the presslens functions running at that moment: where
the memory goes (onnxruntime and BLAS allocate outside Python, where tracemalloc cannot see them).

    python bench/size_bench.py --profile --kind short --sizes 267KB     # 20,000 two-word sentences
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SHORT_SUBJECTS = ["Troops", "Men", "Shells", "Drones", "Tanks", "Guards", "Crowds", "Units"]
SHORT_VERBS = ["left", "fled", "fell", "moved", "came", "waited", "fired", "stopped"]


def parse_size(value: str) -> int:
    v = value.strip().upper()
    for suffix, mult in (("KB", 1000), ("MB", 1000**2), ("K", 1000), ("M", 1000**2)):
        if v.endswith(suffix):
            return int(float(v[: -len(suffix)]) * mult)
    return int(v)


def prose(size: int) -> str:
    """Paragraphs of the example articles (titles and date lines left out), repeated up to ``size`` characters."""
    paras: list[str] = []
    for path in sorted(EXAMPLES.glob("*.txt")):
        blocks = [b.strip() for b in path.read_text(encoding="utf-8").split("\n\n") if b.strip()]
        paras.extend(b for b in blocks[1:] if not b.lower().startswith("date"))
    out: list[str] = []
    total = 0
    i = 0
    while total < size:
        block = paras[i % len(paras)]
        out.append(block)
        total += len(block) + 2
        i += 1
    return "\n\n".join(out)[:size].rstrip() + "\n"


def short_sentences(size: int, tail: str = "") -> str:
    out: list[str] = []
    total = 0
    i = 0
    while total < size:
        part = f"{SHORT_SUBJECTS[i % 8]} {SHORT_VERBS[(i // 8) % 8]}{tail}." + ("\n\n" if i % 10 == 9 else " ")
        out.append(part)
        total += len(part)
        i += 1
    return "".join(out)


def run_one(path: Path, out: Path, only: str | None, cores: str | None) -> dict[str, object]:
    cmd = [sys.executable, "-m", "presslens", "analyze", str(path), "-o", str(out),
           "--max-bytes", "200MB", "--max-article-chars", "100000000", "--max-article-sentences", "100000000"]
    if only:
        cmd += ["--only", only]
    if cores and shutil.which("taskset"):
        cmd = ["taskset", "-c", cores, *cmd]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert proc.stderr is not None
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - t0
    row: dict[str, object] = {"rc": proc.returncode, "seconds": round(seconds, 1),
                              "peak_rss_mb": round(usage.ru_maxrss / 1024)}
    if proc.returncode == 0:
        report = json.loads(out.read_text(encoding="utf-8"))
        row["sentences"] = len(report["article"]["sentences"])
        row["findings"] = len(report["findings"])
    else:
        row["stderr"] = err.decode(errors="replace").strip().splitlines()[-1:]
    return row


def profile_rss(text: str, only: str | None, top: int = 12) -> None:
    """Analyse ``text`` here, charging every rise of peak RSS to the presslens frames then running."""
    import collections
    import threading
    import traceback

    from presslens.ingest import ArticleLimits
    from presslens.ingest.normalize import article_from_text
    from presslens.pipeline import Pipeline

    page = os.sysconf("SC_PAGE_SIZE")

    def rss() -> int:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[1]) * page

    article = article_from_text(text, limits=ArticleLimits(10**9, 10**9))
    pipeline = Pipeline(only=only.split(",") if only else None)
    pipeline.encoder  # noqa: B018 - load the models before measuring
    rises: collections.Counter[str] = collections.Counter()
    done = threading.Event()
    peak = start = rss()

    def running() -> str:
        me = threading.get_ident()
        stacks = []
        for tid, frame in sys._current_frames().items():
            if tid == me:
                continue
            frames = [f for f in traceback.extract_stack(frame) if "presslens" in f.filename]
            if frames:
                stacks.append(" <- ".join(f"{Path(f.filename).name}:{f.lineno} {f.name}" for f in reversed(frames[-3:])))
        return " || ".join(stacks) or "(outside presslens)"

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            now = rss()
            if now > peak:
                rises[running()] += now - peak
                peak = now
            time.sleep(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    t0 = time.perf_counter()
    report = pipeline.run(article)
    done.set()
    sampler.join()
    print(f"# {len(article.sentences)} sentences, {len(report.findings)} findings, {time.perf_counter() - t0:.1f} s; "
          f"RSS {start / 2**20:.0f} MB after loading, peak {peak / 2**20:.0f} MB")
    print("# seconds per analyzer:", {k: round(v, 1) for k, v in report.timings.items()})
    for where, grew in rises.most_common(top):
        print(f"{grew / 2**20:8.0f} MB  {where}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="10KB,100KB,300KB,1MB", help="comma-separated article sizes (characters)")
    ap.add_argument("--kind", choices=("prose", "short", "medium"), default="prose")
    ap.add_argument("--only", help="analyzers to run (default: the default set)")
    ap.add_argument("--cores", help="taskset CPU list for each run, e.g. 0,1")
    ap.add_argument("--profile", action="store_true", help="where peak RSS grows, in this process (see above)")
    ap.add_argument("--stop-after", type=float, default=600.0,
                    help="skip the larger sizes once a run took longer than this many seconds")
    args = ap.parse_args(argv)
    makers = {"prose": prose, "short": short_sentences, "medium": lambda n: short_sentences(n, " the city")}
    make = makers[args.kind]
    if args.profile:
        for label in args.sizes.split(","):
            print(f"## {label} of {args.kind}")
            profile_rss(make(parse_size(label)), args.only)
        return 0
    print(f"# kind={args.kind} only={args.only or 'default'} cores={args.cores or 'all'} cpus={os.cpu_count()}")
    print(f"{'size':>10} {'chars':>10} {'sentences':>9} {'findings':>8} {'seconds':>8} {'peak RSS MB':>11}  rc")
    with tempfile.TemporaryDirectory(prefix="presslens-size-") as tmp:
        for label in args.sizes.split(","):
            size = parse_size(label)
            path = Path(tmp) / f"article-{size}.txt"
            path.write_text(make(size), encoding="utf-8")
            row = run_one(path, Path(tmp) / "out.json", args.only, args.cores)
            print(f"{label:>10} {size:>10} {row.get('sentences', '-'):>9} {row.get('findings', '-'):>8} "
                  f"{row['seconds']:>8} {row['peak_rss_mb']:>11}  {row['rc']} {row.get('stderr', '')}", flush=True)
            if float(str(row["seconds"])) > args.stop_after:
                print(f"# stopping: {label} took over {args.stop_after:.0f} s")
                break
    return 0


if __name__ == "__main__":
    sys.exit(main())
