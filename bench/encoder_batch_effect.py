"""How much a sentence's embedding depends on the sentences batched with it (int8 activations are quantised per batch).

Encodes each article's sentences as the pipeline does (one pass per article, length-sorted batches), then every
sentence alone, and prints the cosine between the two embeddings of each sentence (worst, mean).

    python bench/encoder_batch_effect.py ../shared/data/ptc-semeval2020-task11/dev-articles --limit 10
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", help="folder of .txt articles")
    parser.add_argument("--limit", type=int, default=10, help="first N articles (sorted by file name)")
    args = parser.parse_args()

    from presslens.encoder import SentenceEncoder
    from presslens.ingest import InputError, read_inputs

    files = sorted(str(p) for p in Path(args.corpus).glob("*.txt"))[: args.limit]
    articles = [a for a in read_inputs(files) if not isinstance(a, InputError)]
    enc = SentenceEncoder.default()
    cosines = []
    for article in articles:
        texts = article.sentence_texts()
        together = enc.run(texts).sentence_embeddings
        for text, emb in zip(texts, together, strict=True):
            cosines.append(float(enc.run([text]).sentence_embeddings[0] @ emb))
    values = np.asarray(cosines)
    print(f"{len(values)} sentences of {len(articles)} articles: cosine alone vs in the article's batches")
    print(f"worst {values.min():.3f}, mean {values.mean():.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
