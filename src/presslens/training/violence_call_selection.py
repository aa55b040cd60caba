"""Choose real text for labelling call-to-action candidates (stop 22, issue 13) and list its candidates:
``python -m presslens.training.violence_call_selection --ptc <ptc> --polnear <polnear train text> --audit-root DIR
[--polnear-count N]``.

Rule (fixed before any candidate was read): every PTC SemEval-2020 task 11 train article that is in no real-news
split (not in ``data/realnews/split.json``; the long ones included), and the first ``--polnear-count`` PolNeAR train
files that no audit read (not in ``DIR/read_before.txt`` nor in the audit folders ``DIR/A`` and ``DIR/B``), each
set ordered by ``sha256(SEED + name)`` (name = the PTC article id or the PolNeAR file name with ``.txt``). Prints
one JSON line per candidate of the ``with_both`` setting (demand and plea candidates on): source, article, start,
end and, for the labeller's screen only, the sentence; the repository keeps the stand-off part and the verdict
(``data/violence/call_audit_verdicts.jsonl``), never the text.

At stop 22 ``DIR`` was ``/work/annot/s22``, scratch outside the repository that was lost before stop 25: its read
list ``read_before.txt`` is gone, so the PolNeAR part of that selection can no longer be repeated. Its outcome is
kept: the labelled candidates are the ``s22_cta8`` lines of ``data/violence/call_audit_verdicts.jsonl`` (article and
offsets), which is what :mod:`presslens.training.violence_calls` trains on.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

from presslens.analyzers.violence.analyzer import call_candidates
from presslens.analyzers.violence.model import MODEL_DIR, ViolenceModel
from presslens.ingest import ReadOptions, read_file

SEED = "presslens-calls-s22:"


def ordered(names: list[str]) -> list[str]:
    return sorted(names, key=lambda n: hashlib.sha256((SEED + n).encode("utf-8")).hexdigest())


def selected_files(ptc: Path, polnear: Path, polnear_count: int, audit_root: Path,
                   split_file: Path = Path("data/realnews/split.json")) -> list[tuple[str, str, Path]]:
    """(source, article id, path) of the selected articles, in the order of the rule; ``audit_root`` holds
    ``read_before.txt`` (file names read by earlier audits, one a line) and the audit folders ``A`` and ``B``."""
    in_splits = set(json.loads(split_file.read_text(encoding="utf-8")))
    ptc_ids = [p.stem.removeprefix("article") for p in (ptc / "train-articles").glob("article*.txt")]
    chosen = [("ptc", i, ptc / "train-articles" / f"article{i}.txt") for i in ordered(
        [i for i in ptc_ids if i not in in_splits])]
    read = set((audit_root / "read_before.txt").read_text(encoding="utf-8").split())
    read |= {p.name for folder in ("A", "B") for p in (audit_root / folder).glob("*.txt")}
    names = ordered([p.name for p in polnear.glob("*.txt") if p.name not in read])[:polnear_count]
    chosen += [("polnear", n.removesuffix(".txt"), polnear / n) for n in names]
    return chosen


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--ptc", required=True, type=Path)
    parser.add_argument("--polnear", required=True, type=Path)
    parser.add_argument("--polnear-count", type=int, default=150)
    parser.add_argument("--audit-root", required=True, type=Path,
                        help="folder with read_before.txt and the audit folders A and B (stop 22: /work/annot/s22, "
                             "lost before stop 25)")
    args = parser.parse_args(argv)
    if not (args.audit_root / "read_before.txt").is_file():
        print(f"violence_call_selection: no read list {args.audit_root / 'read_before.txt'}; the stop-22 one was "
              "lost, its outcome is data/violence/call_audit_verdicts.jsonl", file=sys.stderr)
        return 2
    model = ViolenceModel.load(MODEL_DIR, with_calls=False)
    for source, aid, path in selected_files(args.ptc, args.polnear, args.polnear_count, args.audit_root):
        article = read_file(path, ReadOptions())
        for c in call_candidates(model, article):
            print(json.dumps({"source": source, "article": aid, "start": c.start, "end": c.end,
                              "cues": c.fired[-3:], "cap": c.cap, "stance": round(c.stance_score, 3),
                              "text": article.text[c.start:c.end]}, ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
