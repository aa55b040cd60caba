#!/bin/bash
# What re-pointing a family to an earlier-dated original costs `presslens index` (user trial s31, problem 4):
# tests/test_store_cli.py's 200 templated near-duplicates (one template, other numbers, dates cycling over a
# year), written latest id first so that earlier-dated articles keep arriving after their family's original;
# indexed with `--only figures --threads 1` under two source trees, alternating, ROUNDS times each.
#   bash bench/repoint_index_bench.sh BASE/src src [ROUNDS]
set -e
A=$1; B=$2; ROUNDS=${3:-2}
D=$(mktemp -d)
python - "$D/rev.jsonl" <<'PY'
import json, sys
with open(sys.argv[1], "w") as fh:
    for i in reversed(range(200)):
        body = (f"Officials said {1000 + 7 * i} people left the city on day {i}. About {i + 3} soldiers "
                f"were seen near the border, and {2 * i + 1} vehicles crossed it, the border service said. ") * 4
        fh.write(json.dumps({"id": f"s{i}", "title": f"Report {i}", "source": f"Outlet {i % 3}",
                             "date": f"2022-{1 + i % 12:02d}-{1 + i % 27:02d}", "text": body}) + "\n")
PY
for _ in $(seq "$ROUNDS"); do for v in "$A" "$B"; do
  rm -f "$D/c.db"; s=$(date +%s.%N)
  PYTHONPATH=$v python -m presslens index "$D/rev.jsonl" --db "$D/c.db" --only figures --no-progress --threads 1 >/dev/null
  e=$(date +%s.%N); echo "$v: $(echo "$e - $s" | bc) s"
done; done
rm -rf "$D"
