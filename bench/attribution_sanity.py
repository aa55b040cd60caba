"""Count attributions that fail the span-sanity rules on a folder of articles (not a speed benchmark).

The rules (``presslens.analyzers.attribution.sanity``): a source with a time phrase, ending in a function word,
without a noun or pronoun head, or the writer's own "we"/"you"; a cue that is no speech, reporting or writing
predicate; a content cut inside a word or number, of one word, or without a content word. Prints the counts over
all attribution findings and over the asserted ones (score >= 0.5), per rule, and with ``--show N`` the first N
asserted failures for hand-checking:

    python bench/attribution_sanity.py ../shared/data/ptc-semeval2020-task11/dev-articles [--show 20]
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from presslens.analyzers.attribution.refine import is_speech_cue
from presslens.analyzers.attribution.sanity import problems
from presslens.article import Article, Finding
from presslens.ingest import ReadOptions, read_file
from presslens.pipeline import Pipeline


def _span(value: object) -> tuple[int, int] | None:
    if isinstance(value, dict):
        return int(value["start"]), int(value["end"])
    return None


def sanity_failures(article: Article, finding: Finding) -> list[str]:
    """The sanity rules an attribution finding breaks."""
    text = article.text
    attrs = finding.attributes
    cue = _span(attrs["cue"])
    assert cue is not None
    speech = is_speech_cue(text, cue)
    i = article.sentence_index_at(cue[0])
    sentence = article.sentences[i] if i is not None else None
    return problems(text, _span(attrs["source"]), cue, _span(attrs["content"]), sentence, speech_cue=speech)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="a folder of article*.txt files")
    parser.add_argument("--show", type=int, default=0, help="print the first N asserted failures")
    args = parser.parse_args()
    pipeline = Pipeline(only=["attribution"])
    total = failing = asserted = asserted_failing = shown = 0
    rules: Counter[str] = Counter()
    for path in sorted(args.folder.glob("*.txt")):
        article = read_file(path, ReadOptions())
        for f in pipeline.run(article).findings:
            if f.kind != "attribution":
                continue
            fails = sanity_failures(article, f)
            total += 1
            failing += bool(fails)
            rules.update(fails)
            if f.score >= 0.5:
                asserted += 1
                asserted_failing += bool(fails)
                if fails and shown < args.show:
                    shown += 1
                    parts = [(f.attributes[k] or {}).get("text", "-") for k in ("source", "cue", "content")]
                    print(f"{path.stem}: {'; '.join(fails)}: " + " | ".join(p[:70] for p in parts))
    print(f"attributions: {total}, failing a sanity rule: {failing} ({failing / max(total, 1):.1%})")
    print(f"asserted (score >= 0.5): {asserted}, failing: {asserted_failing} "
          f"({asserted_failing / max(asserted, 1):.1%})")
    for rule, n in rules.most_common():
        print(f"  {rule}: {n}")


if __name__ == "__main__":
    main()
