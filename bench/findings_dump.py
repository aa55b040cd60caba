"""Write every finding of the default pipeline with its score and attributes at full precision, for a bitwise
before/after check of a change that must not move any output (a speed change).

    PYTHONPATH=OLD/src python bench/findings_dump.py old.txt INPUT...
    PYTHONPATH=src python bench/findings_dump.py new.txt INPUT...
    cmp old.txt new.txt

One line per article (its origin and the labels' repr), then one line per finding: start, end, kind, label,
analyzer, ``repr(score)`` (every bit of the float, where the JSON report rounds scores to 4 digits) and
``repr(attributes)``. ``bench/compare_reports.py`` compares the written reports instead.
"""

from __future__ import annotations

import sys

from presslens.ingest import InputError, read_inputs
from presslens.pipeline import Pipeline


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__)
        return 2
    items = [a for a in read_inputs(argv[1:]) if not isinstance(a, InputError)]
    n = 0
    with open(argv[0], "w", encoding="utf-8") as out:
        for article, report in zip(items, Pipeline().run_many(items), strict=True):
            out.write(f"ARTICLE {article.origin!r} labels={report.labels!r}\n")
            for f in report.findings:
                n += 1
                out.write(f"{f.start} {f.end} {f.kind!r} {f.label!r} {f.analyzer!r} {f.score!r} {f.attributes!r}\n")
    print(f"{len(items)} articles, {n} findings")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
