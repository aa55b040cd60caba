"""Check the source-type rules against the gold source types of the open real-news splits (stop 28, issue 13).

    python -m presslens.training.attribution_source_types --data ../shared/data/ptc-semeval2020-task11 [--splits ...]

Source types are rules (:func:`~presslens.analyzers.attribution.source_types.source_type`), not a model. The
annotation guideline (``data/realnews/GUIDELINE.md`` section 2) gives every gold attribution a ``source_type``:
``named``, ``anonymous``, ``vague``, ``document`` or ``self_reference``. This tool types each **gold** source span
of a speech attribution with the rules (its sentence as context, as the analyzer does), so span errors do not enter,
and compares: ``named`` agrees with person, organisation or outlet (the guideline does not split named sources),
``anonymous``, ``vague`` and ``document`` with the type of the same name; ``self_reference`` is left out (the
rules have no such type). It prints, per split and summed, how many gold sources the rules type in agreement, and
for ``document`` (the type the stop-27 user trial found wrong most often) the rules' precision and recall against
the gold documents. Reads no text into its output; only :data:`OPEN_SPLITS` are allowed.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

#: the gold type each rule type agrees with (``named`` covers three rule types)
AGREES = {"person": "named", "organisation": "named", "outlet": "named", "anonymous": "anonymous",
          "vague": "vague", "document": "document"}


def agreement(rule_type: str | None, gold_type: str) -> bool:
    """Whether the rules' type of a gold source agrees with its gold type."""
    return rule_type is not None and AGREES.get(rule_type) == gold_type


def count_split(split: str, data: Path) -> Counter[str]:
    """Counts for one open split: ``sources``, ``agree``, ``rule_document``, ``gold_document``, ``both_document``
    and ``gold:<type>`` / ``rule:<type>`` for each gold type and the rules' type of the gold source."""
    from presslens.analyzers.attribution.source_types import source_type
    from presslens.evaluation.realnews import DEFAULT_ANNOTATIONS, annotated_articles
    from presslens.evaluation.realnews_selection import OPEN_SPLITS

    if split not in OPEN_SPLITS:
        raise ValueError(f"{split} is not an open split: its annotations are never read here")
    c: Counter[str] = Counter()
    for record, article in annotated_articles(DEFAULT_ANNOTATIONS / f"{split}.jsonl", data):
        for g in record["attributions"]:
            gold = g.get("source_type")
            if g.get("kind", "speech") != "speech" or not g.get("source") or gold in (None, "self_reference"):
                continue
            span = (int(g["source"][0]), int(g["source"][1]))
            i = article.sentence_index_at(span[0])
            context = article.text[span[0] : span[1]] if i is None else article.text[slice(*article.sentences[i])]
            rule = source_type(article.text, span, context)
            c["sources"] += 1
            c["agree"] += agreement(rule, gold)
            c[f"gold:{gold}"] += 1
            c[f"rule:{rule}"] += 1
            c["gold_document"] += gold == "document"
            c["rule_document"] += rule == "document"
            c["both_document"] += gold == "document" and rule == "document"
    return c


def main(argv: list[str] | None = None) -> int:
    from presslens.evaluation.realnews_selection import OPEN_SPLITS

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--data", type=Path, required=True, help="the ptc-semeval2020-task11 folder")
    parser.add_argument("--splits", default=",".join(OPEN_SPLITS), help="comma-separated open splits")
    args = parser.parse_args(argv)
    total: Counter[str] = Counter()
    print("| split | gold sources | types agree | document: rules | gold | both |")
    print("|---|---|---|---|---|---|")
    for split in [s.strip() for s in args.splits.split(",") if s.strip()]:
        c = count_split(split, args.data)
        total.update(c)
        print(f"| {split} | {c['sources']} | {c['agree']} | {c['rule_document']} | {c['gold_document']} | "
              f"{c['both_document']} |")
    print(f"| sum | {total['sources']} | {total['agree']} | {total['rule_document']} | {total['gold_document']} | "
          f"{total['both_document']} |")
    p = total["both_document"] / total["rule_document"] if total["rule_document"] else 0.0
    r = total["both_document"] / total["gold_document"] if total["gold_document"] else 0.0
    share = total["agree"] / total["sources"] if total["sources"] else 0.0
    print(f"agreement {share:.3f}; document precision {p:.3f}, recall {r:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
