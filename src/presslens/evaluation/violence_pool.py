"""Compare two ``presslens analyze --only violence -f jsonl`` runs over the same unlabelled pool (before and after a
change to the violence analyzer): articles flagged violent per source, and every article whose violence label or
asserted violence / call-to-action findings change, with the changed findings (stand-off: article, offsets, kind,
label, score; no text).

    python -m presslens.evaluation.violence_pool BEFORE.jsonl AFTER.jsonl [--json]

The source of an article is the name of the folder its file was read from (``article.origin``), e.g. ``ptc`` and
``polnear`` for a pool laid out as ``pool/ptc/*.txt`` and ``pool/polnear/*.txt``.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ASSERTED = 0.5
KINDS = ("violence", "call_to_action")


@dataclass(frozen=True)
class Asserted:
    """An asserted finding, stand-off."""

    kind: str
    label: str
    start: int
    end: int


@dataclass
class Change:
    """One article whose violence label or asserted findings differ between the runs."""

    article: str
    source: str
    flagged_before: bool
    flagged_after: bool
    removed: list[Asserted] = field(default_factory=list)
    added: list[Asserted] = field(default_factory=list)


@dataclass
class PoolComparison:
    """What :func:`compare` finds: per source, the articles, the articles flagged violent and the asserted violence /
    call-to-action findings before and after; the changed articles; how many are identical."""

    articles: Counter[str]
    flagged_before: Counter[str]
    flagged_after: Counter[str]
    asserted_before: Counter[str]
    asserted_after: Counter[str]
    changes: list[Change]
    identical: int
    """Articles whose violence findings (every finding, every score) are byte-for-byte the same."""

    @property
    def only_removals(self) -> bool:
        """No article gains a flag or an asserted finding."""
        return all(not c.added and not (c.flagged_after and not c.flagged_before) for c in self.changes)

    def as_dict(self) -> dict[str, Any]:
        return {
            "articles": dict(self.articles), "flagged_before": dict(self.flagged_before),
            "flagged_after": dict(self.flagged_after), "asserted_before": dict(self.asserted_before),
            "asserted_after": dict(self.asserted_after), "identical": self.identical,
            "only_removals": self.only_removals, "changes": [asdict(c) for c in self.changes],
        }


def _source(record: dict[str, Any]) -> str:
    origin = record["article"].get("origin") or ""
    return Path(origin).parent.name or "?"


def _asserted(record: dict[str, Any]) -> set[Asserted]:
    return {Asserted(f["kind"], f["label"], int(f["start"]), int(f["end"])) for f in record.get("findings", [])
            if f["kind"] in KINDS and float(f["score"]) >= ASSERTED}


def _flagged(record: dict[str, Any]) -> bool:
    return bool(record.get("labels", {}).get("violence", {}).get("label"))


def _key_findings(record: dict[str, Any]) -> list[tuple[str, str, int, int, float]]:
    return sorted((f["kind"], f["label"], int(f["start"]), int(f["end"]), round(float(f["score"]), 4))
                  for f in record.get("findings", []) if f["kind"] in KINDS)


def read_run(path: Path) -> dict[str, dict[str, Any]]:
    """Records of a JSONL run by ``source/article id``."""
    out: dict[str, dict[str, Any]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            out[f"{_source(record)}/{record['article']['id']}"] = record
    return out


def compare(before: dict[str, dict[str, Any]], after: dict[str, dict[str, Any]]) -> PoolComparison:
    """Compare two runs over the same articles (a key missing from either run is an error)."""
    if set(before) != set(after):
        missing = sorted(set(before) ^ set(after))[:5]
        raise ValueError(f"the runs hold different articles, e.g. {missing}")
    result = PoolComparison(Counter(), Counter(), Counter(), Counter(), Counter(), [], 0)
    for key in sorted(before):
        b, a = before[key], after[key]
        source = key.split("/", 1)[0]
        result.articles[source] += 1
        result.flagged_before[source] += _flagged(b)
        result.flagged_after[source] += _flagged(a)
        ab, aa = _asserted(b), _asserted(a)
        result.asserted_before[source] += len(ab)
        result.asserted_after[source] += len(aa)
        if _key_findings(b) == _key_findings(a) and _flagged(b) == _flagged(a):
            result.identical += 1
        if ab != aa or _flagged(b) != _flagged(a):
            result.changes.append(Change(
                b["article"]["id"], source, _flagged(b), _flagged(a),
                sorted(ab - aa, key=lambda f: f.start), sorted(aa - ab, key=lambda f: f.start)))
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    result = compare(read_run(args.before), read_run(args.after))
    if args.json:
        print(json.dumps(result.as_dict(), indent=1))
        return 0
    for source in sorted(result.articles):
        print(f"{source}: {result.articles[source]} articles; flagged violent {result.flagged_before[source]} -> "
              f"{result.flagged_after[source]}; asserted violence/call findings {result.asserted_before[source]} -> "
              f"{result.asserted_after[source]}")
    print(f"identical violence output: {result.identical} of {sum(result.articles.values())} articles")
    print(f"changed articles: {len(result.changes)}; only removals (no new flag, no new asserted finding): "
          f"{result.only_removals}")
    for c in result.changes:
        print(f"  {c.source}/{c.article}: flagged {c.flagged_before} -> {c.flagged_after}")
        for f in c.removed:
            print(f"    removed {f.kind}/{f.label} {f.start}-{f.end}")
        for f in c.added:
            print(f"    added {f.kind}/{f.label} {f.start}-{f.end}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
