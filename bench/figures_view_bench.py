"""What the score contract costs ``presslens figures``: the view reads the stored reports of the listed figures'
articles to keep only figures, sources and hedges scored >= --min-score (``mentions_at_min_score``).

Fills a temporary SQLite store with N synthetic articles (two figures, one attribution and two claims each; no
model: the hashed embedders of the tests), then times, side by side in one run and alternating:

- ``view``: ``figure_summaries(store, min_articles=1)`` as ``presslens figures`` calls it (default 0.5);
- ``reports``: the part of it that is new in stop 25, ``mentions_at_min_score`` on every stored mention.

    python bench/figures_view_bench.py --articles 500 --rounds 3
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import tempfile
import time
from pathlib import Path

from presslens.article import AnalyzerRun, Article, Finding, Report
from presslens.compare.figure_groups import hashed_embedder
from presslens.store import open_store
from presslens.store.tracking import CorpusTracker, figure_summaries, load_mentions, mentions_at_min_score

WORDS = ("convoy border queue ministry statement reservists village shelling bridge grain port corridor talks "
         "ceasefire drone river factory winter power station refugees volunteers checkpoint").split()
SOURCES = ["Ledger", "Courier", "Wire", "Harbour Post", "Meridian"]


def _outcomes(texts: list[str]):  # type: ignore[no-untyped-def]
    return hashed_embedder(64)(texts)


def _parts(texts: list[str]):  # type: ignore[no-untyped-def]
    import numpy as np

    half = hashed_embedder(32)
    return np.hstack([half([t.split(" ")[0] for t in texts]), half(texts)])


def report(i: int) -> Report:
    n1, n2 = 1000 + 37 * i, 200 + (i % 50)
    first = f"About {n1:,} men have left the country since the call-up, the border service said."
    second = f" Police detained {n2} people at protests in the capital city {i}."
    rng = random.Random(i)  # distinct filler, so no article is taken for a republished copy of another
    filler = " " + " ".join(rng.choice(WORDS) for _ in range(40)) + "."
    text = first + second + filler
    article = Article(text=text, id=f"a{i}", date=dt.date(2022, 9, 1) + dt.timedelta(days=i % 60),
                      source=SOURCES[i % len(SOURCES)], sentences=[(0, len(first)), (len(first) + 1, len(first + second)),
                                 (len(first + second) + 1, len(text))])
    findings = []
    for value, word in ((n1, "men"), (n2, "people")):
        s = text.index(f"{value:,}" if value >= 1000 else str(value))
        e = text.index(word, s) + len(word)
        findings.append(Finding.at(article, s, e, kind="quantity", label="count", score=0.99 if word == "men" else 0.3,
                                   analyzer="figures", attributes={"value": float(value), "low": float(value),
                                                                   "high": float(value), "bound": "exact",
                                                                   "unit": word}))
    src = text.index("the border service")
    findings.append(Finding.at(article, src, src + 23, kind="attribution", label="official", score=0.2 + (i % 2) * 0.6,
                               analyzer="attribution",
                               attributes={"source": {"start": src, "end": src + 18, "text": "the border service"},
                                           "content": {"start": 0, "end": src - 2}}))
    for s, e in article.sentences:
        findings.append(Finding.at(article, s, e, kind="claim", label="check_worthy", score=0.9, analyzer="claims",
                                   attributes={"hedged": False}))
    return Report(article=article, findings=findings, analyzers=[AnalyzerRun("figures", "1", "ok")])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=500)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = str(Path(tmp) / "bench.db")
        with open_store(url, write=True, create=True) as store:
            tracker = CorpusTracker(store, figure_embed=hashed_embedder(), claim_encode=hashed_embedder(384),
                                    claim_fingerprint="hashed", outcome_embed=_outcomes, part_embed=_parts)
            t0 = time.perf_counter()
            for i in range(args.articles):
                store.add(report(i), tracker)
            print(f"indexed {args.articles} articles in {time.perf_counter() - t0:.1f} s")
        times: dict[str, list[float]] = {"view": [], "reports": []}
        with open_store(url) as store:
            for _ in range(args.rounds):
                t0 = time.perf_counter()
                groups = figure_summaries(store, min_articles=1, outcome_embed=_outcomes, part_embed=_parts)
                times["view"].append(time.perf_counter() - t0)
                with store.reading() as conn:
                    t0 = time.perf_counter()
                    mentions, _, _ = load_mentions(conn)
                    kept, _ = mentions_at_min_score(conn, mentions, 0.5)
                    times["reports"].append(time.perf_counter() - t0)
        print(f"{len(groups)} groups listed; {len(kept)} of {len(mentions)} stored mentions scored >= 0.5")
        view, part = statistics.median(times["view"]), statistics.median(times["reports"])
        print(f"figures view (median of {args.rounds}): {view * 1000:.0f} ms; of it reading reports at --min-score "
              f"0.5: {part * 1000:.0f} ms ({100 * part / view:.0f} %, {1000 * part / args.articles:.2f} ms per article)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
