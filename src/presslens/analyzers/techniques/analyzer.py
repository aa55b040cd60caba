"""The techniques analyzer: spans with their technique, a propaganda probability per sentence, the article
label.
"""

from __future__ import annotations

import bisect
from typing import Any

import numpy as np

from presslens.analyzers.base import Analyzer, AnalyzerOption, AnalyzerOutput, Features, register
from presslens.analyzers.techniques import lexicon as L
from presslens.analyzers.techniques.classifier import blend_lexicon_labels, classify_spans, span_probability
from presslens.analyzers.techniques.model import (
    SECOND_LABEL_MIN,
    SHARE_THRESHOLD,
    TECHNIQUES,
    TechniqueModel,
    TokenTable,
    decode_spans,
    tag_article,
)
from presslens.analyzers.techniques.text import trim_edge_marks
from presslens.article import Article, Finding

NESTED_CHOICES = ("score", "contained", "outer", "all")
SENTENCE_CHOICES = ("model", "news")
NEWS_SHIFT = 1.25
"""``techniques.sentences=news`` (stop 26): the sentence probability's logit minus this, a prior shift from PTC's
propaganda-heavy sources to plain news (a sentence is asserted where the model's probability reaches about 0.78);
the smallest shift of 0.25, 0.5, ... 2.0 whose asserted sentences on audit A of stop 26 were right at least 80 % of
the time (the engineer's verdicts, ``data/audits/s26/quant12/A.jsonl``; see the model card and its HISTORY.md, stop 26)."""
_P_CLIP = 1e-4
EDGE_CHOICES = ("snap", "raw")
LEXICON_CHOICES = ("held", "context")

# --------------------------------------------------------------------------------------- analyzer


def analyze_article(
    model: TechniqueModel,
    article: Article,
    states: list[np.ndarray],
    offsets: list[np.ndarray],
    sent_emb: np.ndarray,
    *,
    threshold: float | None = None,
    snap_edges: bool = True,
    held_lexicon: bool = True,
) -> tuple[TokenTable, list[tuple[int, int, float]], np.ndarray]:
    """Tagger, decoder, lexicon and classifier for one article: (token table, spans, technique
    probabilities). Spans are the tagger's runs, then lexical hits not already identical to one of them
    (their third value is the hit's context probability, negated to tell them apart); sentences with an
    asserted lexical hit get :data:`~presslens.analyzers.techniques.lexicon.SENTENCE_BUMP` added. With
    ``snap_edges`` the tagger's spans lose stray quote marks and punctuation at their edges
    (:func:`~presslens.analyzers.techniques.text.trim_edge_marks`) before they are classified; with
    ``held_lexicon`` a lexical hit's probability is at most its entry's out-of-fold precision."""
    sentences = [(int(s), int(e)) for s, e in article.sentences]
    table = tag_article(model, article.text, sentences, states, offsets, sent_emb)
    thr = model.config["span_threshold"] if threshold is None else threshold
    spans = decode_spans(
        article.text, table, thr, gap=int(model.config["span_gap"]), min_mean=float(model.config["span_min_mean"])
    )
    if snap_edges:
        spans = snapped_spans(article.text, spans)
    spans += lexical_spans(model.lexicon, article.text, spans, table, sentences, held=held_lexicon)
    pairs = [(s, e) for s, e, _ in spans]
    probs = classify_spans(model, article.text, sentences, table, sent_emb, pairs)
    return table, spans, blend_lexicon_labels(model.lexicon, article.text, pairs, probs)


def news_probabilities(probs: np.ndarray, shift: float = NEWS_SHIFT) -> np.ndarray:
    """Sentence probabilities with their logit lowered by ``shift`` (``techniques.sentences=news``)."""
    p = np.clip(np.asarray(probs, dtype=np.float64), _P_CLIP, 1 - _P_CLIP)
    return np.asarray(1.0 / (1.0 + np.exp(shift - np.log(p / (1 - p)))), dtype=np.float64)


def context_features(probs: np.ndarray) -> np.ndarray:
    """Per sentence: the logit of its propaganda probability and the logit of the mean probability of the
    article's other sentences (its own where it is the only one)."""
    p = np.clip(np.asarray(probs, dtype=np.float64), _P_CLIP, 1 - _P_CLIP)
    n = len(p)
    if n == 0:
        return np.zeros((0, 2))
    others = (p.sum() - p) / (n - 1) if n > 1 else p.copy()
    others = np.clip(others, _P_CLIP, 1 - _P_CLIP)
    return np.stack([np.log(p / (1 - p)), np.log(others / (1 - others))], axis=1)


def context_probabilities(weights: tuple[float, float, float], features: np.ndarray) -> np.ndarray:
    """The recalibrated sentence probabilities of :func:`context_features` rows."""
    z = weights[0] + features @ np.asarray(weights[1:], dtype=np.float64)
    return np.asarray(1.0 / (1.0 + np.exp(-z)), dtype=np.float64)


def snapped_spans(text: str, spans: list[tuple[int, int, float]]) -> list[tuple[int, int, float]]:
    """``spans`` with their edges trimmed of stray quote marks and punctuation; two spans that become the same
    stretch keep the higher mean probability."""
    best: dict[tuple[int, int], float] = {}
    for s, e, p in spans:
        key = trim_edge_marks(text, s, e)
        best[key] = max(p, best.get(key, p))
    return [(s, e, p) for (s, e), p in sorted(best.items())]


def one_per_stretch(findings: list[Finding], keep: str) -> list[Finding]:
    """One technique finding per technique per stretch of text: of findings with the same label whose spans
    overlap (nested or not), keep the best-scored one (``keep="score"``) or the longest one (``"outer"``,
    ties by score); ``"contained"`` is ``"score"`` for spans of which one contains the other only (partial
    overlaps are all kept); ``"all"`` keeps every finding (analyzer 1.3). Order of the input is kept."""
    if keep == "all":
        return findings
    if keep in ("score", "contained"):
        order = sorted(range(len(findings)), key=lambda i: (-findings[i].score, findings[i].start))
    else:
        order = sorted(
            range(len(findings)),
            key=lambda i: (-(findings[i].end - findings[i].start), -findings[i].score, findings[i].start),
        )
    kept: dict[str, list[tuple[int, int]]] = {}
    chosen: set[int] = set()
    for i in order:
        f = findings[i]
        taken = kept.setdefault(f.label, [])
        if keep == "contained":
            clash = any((s <= f.start and f.end <= e) or (f.start <= s and e <= f.end) for s, e in taken)
        else:
            clash = any(f.start < e and s < f.end for s, e in taken)
        if clash:
            continue
        taken.append((f.start, f.end))
        chosen.add(i)
    return [f for i, f in enumerate(findings) if i in chosen]


def lexical_spans(
    lexicon: L.Lexicon, text: str, spans: list[tuple[int, int, float]], table: TokenTable,
    sentences: list[tuple[int, int]], *, held: bool = True,
) -> list[tuple[int, int, float]]:
    """Lexical hits as extra spans (``(start, end, -probability)``, the probability from the entry's train
    precision and the hit's context, :func:`~presslens.analyzers.techniques.lexicon.context_probability`,
    capped with ``held`` at the entry's out-of-fold precision,
    :func:`~presslens.analyzers.techniques.lexicon.hit_probability`);
    bumps the sentence probabilities of ``table`` in place for sentences that contain a hit whose
    probability is at least 0.5 (a hit out of its train context stays a candidate and bumps nothing)."""
    have = {(s, e) for s, e, _ in spans}
    sentence_ends = [s1 for _, s1 in sentences]
    out: list[tuple[int, int, float]] = []
    bumped: set[int] = set()
    for s, e, entry in lexicon.matches(text):
        features = L.context_features(entry.precision, *L.hit_context(table, sentences, s, e))
        p = L.hit_probability(entry, L.CONTEXT_WEIGHTS, features, held=held)
        if (s, e) not in have:
            have.add((s, e))
            out.append((s, e, -p))
        if p < 0.5:
            continue
        i = bisect.bisect_right(sentence_ends, s)
        while i < len(sentences) and sentences[i][0] < e:
            bumped.add(i)
            i += 1
    for i in bumped:
        table.sentence_probs[i] = min(1.0, float(table.sentence_probs[i]) + L.SENTENCE_BUMP)
    return out


@register("techniques")
class TechniquesAnalyzer(Analyzer):
    """Propaganda technique spans (14 SemEval-2020 Task 11 techniques) and sentence propaganda scores."""

    version = "1.4"
    uses_encoder = True
    models = ("techniques",)
    languages = frozenset({"en"})
    description = (
        "Persuasion technique spans (the 14 techniques of SemEval-2020 Task 11) and a propaganda "
        "probability for every sentence, from a light head over the shared encoder's token states."
    )
    options = (
        AnalyzerOption(
            "nested", NESTED_CHOICES, "score",
            "overlapping findings of one technique: keep the best-scored one ('score', shipped), the same "
            "for nested ones only ('contained'), the longest one ('outer') or all ('all', analyzer 1.3)"),
        AnalyzerOption(
            "edges", EDGE_CHOICES, "snap",
            "span edges: trim stray quote marks and punctuation ('snap', shipped) or keep the decoder's "
            "edges ('raw', analyzer 1.3)"),
        AnalyzerOption(
            "sentences", SENTENCE_CHOICES, "model",
            "sentence propaganda scores: the model's probability as calibrated on PTC ('model', shipped) or shifted "
            "to plain news ('news': logit minus NEWS_SHIFT, set on audit A of stop 26; not shipped, see the card)"),
        AnalyzerOption(
            "lexicon", LEXICON_CHOICES, "held",
            "lexical hits: probability at most the entry's out-of-fold train precision ('held', shipped) "
            "or the context probability alone ('context', analyzer 1.3)"),
    )

    def analyze(self, features: Features) -> AnalyzerOutput:
        self.ensure_loaded()
        article = features.article
        if not article.sentences:
            return AnalyzerOutput(labels={"propaganda": _share_label(0, 0)})
        model: TechniqueModel = self.model("techniques")
        enc = features.encoded
        table, spans, probs = analyze_article(
            model, article, enc.token_states, enc.token_offsets, features.sentence_embeddings,
            snap_edges=self.option("edges") == "snap", held_lexicon=self.option("lexicon") == "held",
        )
        findings = self._technique_findings(model, article, spans, probs)
        findings = one_per_stretch(findings, self.option("nested"))
        flagged = 0
        sentence_probs = np.asarray(table.sentence_probs, dtype=np.float64)
        if self.option("sentences") == "news":
            sentence_probs = news_probabilities(sentence_probs)
        for i, (s, e) in enumerate(article.sentences):
            p = float(sentence_probs[i])
            flagged += p >= 0.5
            findings.append(
                Finding.at(
                    article, s, e, kind="sentence", label="propaganda", score=p, analyzer=self.name,
                    attributes={"index": i, "flagged": p >= 0.5},
                )
            )
        return AnalyzerOutput(findings=findings, labels={"propaganda": _share_label(flagged, len(article.sentences))})

    def _technique_findings(
        self, model: TechniqueModel, article: Article, spans: list[tuple[int, int, float]], probs: np.ndarray
    ) -> list[Finding]:
        out: list[Finding] = []
        for (s, e, mean_p), row in zip(spans, probs, strict=True):
            p_span = -mean_p if mean_p < 0 else span_probability(model, mean_p, s, e)
            order = np.argsort(-row)
            alternatives = [{"label": TECHNIQUES[j], "probability": round(float(row[j]), 4)} for j in order[:3]]
            for rank, j in enumerate(order, start=1):
                if rank > 1 and row[j] < SECOND_LABEL_MIN:
                    break
                out.append(
                    Finding.at(
                        article, s, e, kind="technique", label=TECHNIQUES[j], score=p_span * float(row[j]),
                        analyzer=self.name,
                        attributes={
                            "span_probability": round(p_span, 4),
                            "technique_probability": round(float(row[j]), 4),
                            "rank": rank,
                            "source": "lexicon" if mean_p < 0 else "tagger",
                            "alternatives": alternatives,
                        },
                    )
                )
        return out


def _share_label(flagged: int, total: int) -> dict[str, Any]:
    share = flagged / total if total else 0.0
    return {
        "label": share >= SHARE_THRESHOLD,
        "score": share,
        "sentences": flagged,
        "share": share,
        "total_sentences": total,
        "threshold": SHARE_THRESHOLD,
    }
