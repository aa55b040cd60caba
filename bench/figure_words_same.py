"""Check that two source trees' clause-word rules (``figure_words.clause_*``) give the same answers.

    python bench/figure_words_same.py --before /tmp/old/src [--after src]
        [--articles ../shared/data/ptc-semeval2020-task11/train-articles] [--files 250] [--synthetic 20000]

The clauses: every piece (split at ";", ":" and ", and/but/while") of the first ``--files`` PTC train articles
that holds a digit, its first number masked as the grouper masks it, and ``--synthetic`` random strings of the
rules' cue words around the mask (seeded). Each tree runs in its own process and prints a digest of every
rule's answer on every clause; exit 0 when the digests are equal.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

CHILD = """
import glob, hashlib, random, re, sys
import presslens.compare.figure_words as fw
from presslens.compare.figures import NUMBER_MASK
files, n_synthetic = int(sys.argv[2]), int(sys.argv[3])
clauses = []
for f in sorted(glob.glob(sys.argv[1] + "/*.txt"))[:files]:
    for line in open(f, encoding="utf-8").read().split("\\n"):
        for piece in re.split(r"[;:]|, (?:and|but|while) ", line):
            if re.search(r"\\d", piece):
                clauses.append(re.sub(r"\\d[\\d,.]*", NUMBER_MASK, piece, count=1).strip())
rng = random.Random(1)
vocab = ("since so far in total all to date altogether whole entire overall daily a day rate of the weekly Daily "
         "Weekly per each cent strike single that night alone when struck including of whom among them with only "
         "has had live home to population capacity could hold expects to fled killed without power").split()
for _ in range(n_synthetic):
    words = [rng.choice(vocab) for _ in range(rng.randint(2, 14))]
    words.insert(rng.randint(0, len(words)), NUMBER_MASK)
    clauses.append(" ".join(words))
rules = sorted(n for n in fw.__all__ if n.startswith("clause_"))
h = hashlib.sha256()
for name in rules:
    rule = getattr(fw, name)
    for c in clauses:
        out = rule(c)
        h.update(repr((name, c, sorted(out) if isinstance(out, frozenset) else out)).encode())  # (set order varies)
print(len(clauses), len(rules), h.hexdigest())
"""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--before", type=Path, required=True, help="the src folder of the older code")
    ap.add_argument("--after", type=Path, default=Path(__file__).resolve().parents[1] / "src")
    ap.add_argument("--articles", default="../shared/data/ptc-semeval2020-task11/train-articles")
    ap.add_argument("--files", type=int, default=250)
    ap.add_argument("--synthetic", type=int, default=20000)
    args = ap.parse_args()
    got = {}
    for side, src in (("before", args.before), ("after", args.after)):
        env = {**os.environ, "PYTHONPATH": str(src.resolve())}
        done = subprocess.run([sys.executable, "-c", CHILD, args.articles, str(args.files), str(args.synthetic)],
                              env=env, capture_output=True, text=True, check=True)
        got[side] = done.stdout.split()
        print(f"{side}: {got[side][0]} clauses, {got[side][1]} rules, digest {got[side][2]}")
    same = got["before"] == got["after"]
    print("same" if same else "DIFFERENT")
    return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())
