"""Compare two sets of presslens reports, ignoring the fields that only name or trace a result.

    python bench/compare_reports.py A B [--show 20]

A and B are report files (``.json``: one report or a batch document ``{"reports": [...]}``; ``.jsonl``: one
report or error per line) or folders of such files (read recursively, in name order). Reports are matched by
``article.origin`` (then ``article.id``). Ignored: ``schema_version``, ``provenance``, ``article.content_id``
and each finding's ``id`` (the fields schema 2.0 added); everything else must be equal, findings compared in
the order they are written (sorted by offsets). Prints a summary (articles compared, findings equal, errors
equal, differences with details) and exits 1 on any difference, 2 when a side cannot be read.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

IGNORED_TOP = ("schema_version", "provenance")


def _items_of_file(path: Path) -> Iterator[dict[str, Any]]:
    text = path.read_text(encoding="utf-8")
    if path.suffix in (".jsonl", ".ndjson"):
        for line in text.split("\n"):
            if line.strip():
                yield json.loads(line)
        return
    doc = json.loads(text)
    if "reports" in doc:
        yield from doc["reports"]
        for err in doc.get("errors", []):
            yield {"error": err}
    else:
        yield doc


def read_items(path: Path) -> list[dict[str, Any]]:
    """Every report and error item under ``path`` (a file or a folder)."""
    if not path.is_dir():
        return list(_items_of_file(path))
    files = sorted(p for p in path.rglob("*") if p.suffix in (".json", ".jsonl", ".ndjson"))
    return [item for f in files for item in _items_of_file(f)]


def comparable(report: dict[str, Any]) -> dict[str, Any]:
    """A report without the fields that are ignored."""
    out = {k: v for k, v in report.items() if k not in IGNORED_TOP}
    out["article"] = {k: v for k, v in report["article"].items() if k != "content_id"}
    # a field added in 2.0 that stays empty for a one-language article is no difference
    if not out["article"].get("unsupported_ranges"):
        out["article"].pop("unsupported_ranges", None)
    out["findings"] = [{k: v for k, v in f.items() if k != "id"} for f in report.get("findings", [])]
    return out


def _key(report: dict[str, Any]) -> str:
    a = report["article"]
    return str(a.get("origin") or a.get("id"))


def _error_key(item: dict[str, Any]) -> tuple[str, Any, str]:
    e = item["error"]
    return (str(e.get("origin")), e.get("line"), str(e.get("message")))


def _finding_line(f: dict[str, Any]) -> str:
    return f"{f['analyzer']}/{f['kind']}/{f['label']} {f['start']}:{f['end']} {f['text'][:50]!r}"


def diff_report(a: dict[str, Any], b: dict[str, Any]) -> list[str]:
    """Human-readable differences between two comparable reports (empty when equal)."""
    out: list[str] = []
    for key in sorted(set(a) | set(b)):
        if key == "findings" or a.get(key) == b.get(key):
            continue
        if isinstance(a.get(key), dict) and isinstance(b.get(key), dict):
            for sub in sorted(set(a[key]) | set(b[key])):
                if a[key].get(sub) != b[key].get(sub):
                    out.append(f"{key}.{sub}: {str(a[key].get(sub))[:80]} != {str(b[key].get(sub))[:80]}")
        else:
            out.append(f"{key}: {str(a.get(key))[:80]} != {str(b.get(key))[:80]}")
    fa, fb = a.get("findings", []), b.get("findings", [])
    sa = {json.dumps(f, sort_keys=True) for f in fa}
    sb = {json.dumps(f, sort_keys=True) for f in fb}
    for f in fa:
        if json.dumps(f, sort_keys=True) not in sb:
            out.append(f"only in A: {_finding_line(f)}")
    for f in fb:
        if json.dumps(f, sort_keys=True) not in sa:
            out.append(f"only in B: {_finding_line(f)}")
    if not out and fa != fb:
        out.append("same findings in another order")
    return out


def compare(items_a: list[dict[str, Any]], items_b: list[dict[str, Any]]) -> tuple[dict[str, int], list[str]]:
    """Counts (``articles``, ``findings``, ``findings_equal``, ``errors``, ...) and the differences."""
    reports_a = {_key(r): comparable(r) for r in items_a if "article" in r}
    reports_b = {_key(r): comparable(r) for r in items_b if "article" in r}
    errors_a = sorted(_error_key(i) for i in items_a if "error" in i)
    errors_b = sorted(_error_key(i) for i in items_b if "error" in i)
    diffs: list[str] = []
    for key in sorted(set(reports_a) - set(reports_b)):
        diffs.append(f"{key}: only in A")
    for key in sorted(set(reports_b) - set(reports_a)):
        diffs.append(f"{key}: only in B")
    common = sorted(set(reports_a) & set(reports_b))
    findings = equal = 0
    differing = 0
    for key in common:
        a, b = reports_a[key], reports_b[key]
        fb = {json.dumps(f, sort_keys=True) for f in b["findings"]}
        findings += len(a["findings"])
        equal += sum(json.dumps(f, sort_keys=True) in fb for f in a["findings"])
        lines = diff_report(a, b)
        if lines:
            differing += 1
            diffs.extend(f"{key}: {line}" for line in lines)
    if errors_a != errors_b:
        diffs.append(f"error items differ: A {errors_a} != B {errors_b}")
    counts = {
        "articles_a": len(reports_a), "articles_b": len(reports_b), "articles_compared": len(common),
        "articles_differing": differing, "findings_a": findings, "findings_equal": equal,
        "findings_b": sum(len(reports_b[k]["findings"]) for k in common),
        "errors_a": len(errors_a), "errors_b": len(errors_b),
    }
    return counts, diffs


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("a", type=Path)
    ap.add_argument("b", type=Path)
    ap.add_argument("--show", type=int, default=20, help="differences to print (default 20)")
    args = ap.parse_args(argv)
    try:
        items_a, items_b = read_items(args.a), read_items(args.b)
    except (OSError, ValueError, KeyError) as exc:
        print(f"compare_reports: cannot read: {exc}", file=sys.stderr)
        return 2
    counts, diffs = compare(items_a, items_b)
    c = counts
    print(f"articles compared: {c['articles_compared']} (A {c['articles_a']}, B {c['articles_b']}); "
          f"differing: {c['articles_differing']}")
    print(f"findings equal: {c['findings_equal']} of {c['findings_a']} in A ({c['findings_b']} in B)")
    print(f"error items: A {counts['errors_a']}, B {counts['errors_b']}")
    print("ignored fields: schema_version, provenance, article.content_id, findings[].id, "
          "empty article.unsupported_ranges")
    if diffs:
        print(f"DIFFERENT: {len(diffs)} difference(s)")
        for line in diffs[: args.show]:
            print(f"  {line}")
        if len(diffs) > args.show:
            print(f"  ... and {len(diffs) - args.show} more")
        return 1
    print("EQUAL")
    return 0


if __name__ == "__main__":
    sys.exit(main())
