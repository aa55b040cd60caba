"""PTC train articles with their cached encoder states, the held-out split, sentence examples."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from presslens.analyzers import techniques as T
from presslens.evaluation import ptc
from presslens.training.encoded_cache import default_cache_dir

DEFAULT_CACHE = default_cache_dir() / "techniques"


# ------------------------------------------------------------------------------------------- data


@dataclass
class ArticleData:
    id: str
    text: str
    sentences: list[tuple[int, int]]
    states: list[np.ndarray]
    offsets: list[np.ndarray]
    sent_emb: np.ndarray
    gold_si: list[tuple[int, int]]
    gold_tc: list[ptc.TechniqueSpan]


def load_train(data: Path, cache: Path) -> list[ArticleData]:
    corpus = ptc.encode_split(ptc.read_articles(data / "train-articles"), cache / "train.npz")
    si = ptc.read_si_labels(data / ptc.TRAIN_SI)
    tc: dict[str, list[ptc.TechniqueSpan]] = {}
    for span in ptc.read_tc_labels(data / ptc.TRAIN_TC):
        tc.setdefault(span.article_id, []).append(span)
    return corpus_articles(corpus, si, tc)


def corpus_articles(
    corpus: ptc.EncodedCorpus,
    si: dict[str, list[tuple[int, int]]],
    tc: dict[str, list[ptc.TechniqueSpan]],
) -> list[ArticleData]:
    out = []
    for k, aid in enumerate(corpus.ids):
        enc = corpus.encoded[k]
        out.append(
            ArticleData(
                id=aid,
                text=corpus.texts[k],
                sentences=[(int(s), int(e)) for s, e in corpus.sentence_ranges[k]],
                states=enc.token_states,
                offsets=enc.token_offsets,
                sent_emb=enc.sentence_embeddings,
                gold_si=si.get(aid, []),
                gold_tc=tc.get(aid, []),
            )
        )
    return out


def split_articles(ids: list[str], share: float, seed: int) -> tuple[set[str], set[str]]:
    rng = np.random.default_rng(seed)
    order = sorted(ids)
    rng.shuffle(order)
    n_hold = max(1, round(share * len(order)))
    return set(order[n_hold:]), set(order[:n_hold])


@dataclass
class SentenceExample:
    x: np.ndarray
    """(tokens, 384 + 384 + N_ORTH)"""
    y: np.ndarray
    """(tokens,) 1 inside a gold span"""
    label: float
    """1 if any gold span overlaps the sentence"""


def sentence_examples(art: ArticleData) -> list[SentenceExample]:
    gold = ptc.merge_spans(art.gold_si)
    orth = T.orth_features(art.text, art.sentences, art.offsets)
    out = []
    for i, (s0, s1) in enumerate(art.sentences):
        offs = art.offsets[i]
        if len(offs) == 0:
            continue
        x = np.concatenate([art.states[i], np.broadcast_to(art.sent_emb[i], (len(offs), 384)), orth[i]], axis=1)
        y = np.zeros(len(offs), dtype=np.float32)
        for gs, ge in gold:
            if ge <= s0 or gs >= s1:
                continue
            y[(offs[:, 0] + s0 < ge) & (offs[:, 1] + s0 > gs)] = 1.0
        label = float(any(ge > s0 and gs < s1 for gs, ge in gold))
        out.append(SentenceExample(x.astype(np.float32), y, label))
    return out
