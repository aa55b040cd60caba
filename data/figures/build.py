"""Build articles.jsonl and labels.jsonl from articles.src.md (the one file a person edits).

    python data/figures/build.py

Markup and label format: see GUIDELINE.md. Both outputs are written to a temporary file and renamed.
"""

from __future__ import annotations

import itertools
import json
import os
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
HEADER = re.compile(r"^=== (?P<id>\S+) \| (?P<source>[^|]+?) \| (?P<date>\d{4}-\d{2}-\d{2}) \| (?P<split>dev|test|test_v21|test_v20|test_v19|test_v18|test_v17|test_v16|test_v15|test_v14|test_v13|test_v12|test_v11|test_v10|test_v1|test_v2|test_v3|test_v4|test_v5|test_v6|test_v7|test_v8|test_v9|train_w|train_x|train_y|train_z|train_b|train_c)"
                    r"(?: \| (?P<dup>\S+))?$")
MARK = re.compile(r"\[\[(?P<text>[^|\]]+)\|(?P<tag>[^\]]+)\]\]")


def parse(source: str) -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    source = re.sub(r"<!--.*?-->", "", source, flags=re.S)
    articles: list[dict[str, object]] = []
    labels: list[dict[str, object]] = []
    conflict_keys: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for block in re.split(r"\n(?====)", source.strip()):
        lines = block.strip().splitlines()
        head = HEADER.match(lines[0])
        if head is None:
            raise ValueError(f"bad header: {lines[0]!r}")
        title, body = lines[1].strip(), " ".join(line.strip() for line in lines[2:] if line.strip())
        text_parts: list[str] = []
        pos, plain_len, n = 0, 0, 0
        aid, split = head["id"], head["split"]
        for m in MARK.finditer(body):
            before = body[pos : m.start()]
            text_parts.append(before)
            plain_len += len(before)
            start = plain_len
            text_parts.append(m["text"])
            plain_len += len(m["text"])
            n += 1
            mid = f"{aid}-m{n}"
            group, *keys = m["tag"].split("!")
            labels.append({"type": "mention", "id": mid, "article": aid, "split": split, "start": start,
                           "end": plain_len, "text": m["text"],
                           "group": "distractor" if group == "x" else group})
            for key in keys:
                conflict_keys.setdefault((split, key), []).append((aid, mid))
            pos = m.end()
        text_parts.append(body[pos:])
        text = "".join(text_parts)
        articles.append({"id": aid, "source": head["source"], "date": head["date"], "split": split,
                         "title": title, "text": text})
        if head["dup"]:
            labels.append({"type": "duplicate", "article": aid, "duplicate_of": head["dup"], "split": split})
    for (split, _key), members in sorted(conflict_keys.items()):
        for (a_art, a), (b_art, b) in itertools.combinations(members, 2):
            if a_art != b_art:
                labels.append({"type": "conflict", "a": a, "b": b, "split": split})
    return articles, labels


def write_jsonl(path: Path, rows: list[dict[str, object]]) -> None:
    tmp = path.with_suffix(path.suffix + ".tmp")
    with tmp.open("w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    os.replace(tmp, path)


def main() -> int:
    articles, labels = parse((HERE / "articles.src.md").read_text(encoding="utf-8"))
    for lab in labels:
        if lab["type"] == "mention":
            art = next(a for a in articles if a["id"] == lab["article"])
            assert str(art["text"])[int(str(lab["start"])) : int(str(lab["end"]))] == lab["text"]
    write_jsonl(HERE / "articles.jsonl", articles)
    write_jsonl(HERE / "labels.jsonl", labels)
    print(f"{len(articles)} articles, {sum(lab['type'] == 'mention' for lab in labels)} mentions, "
          f"{sum(lab['type'] == 'conflict' for lab in labels)} conflicts, "
          f"{sum(lab['type'] == 'duplicate' for lab in labels)} duplicates", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
