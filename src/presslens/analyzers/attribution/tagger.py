"""The learned attribution tagger: the ONNX BiGRU head run over sentence-aligned token pieces, and BIO
decoding of its logits into spans.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import numpy as np

from presslens.analyzers.attribution.features import ArticleTokens
from presslens.analyzers.attribution.lexicon import ROLES
from presslens.analyzers.attribution.spans import Span, strip_span
from presslens.registry import ModelLoadError, ModelRegistry, model_dir, model_loader, onnx_session

# ---------------------------------------------------------------------------------------------
# Model
# ---------------------------------------------------------------------------------------------

MODEL_DIR = model_dir("attribution")
TAGGER_NAME = "tagger.onnx"


class Tagger:
    """The BiGRU tagging head: one ONNX session, loaded through the model registry and shared."""

    def __init__(self, path: Path) -> None:
        import onnxruntime as ort

        opts = ort.SessionOptions()
        # One thread: alone the GRU's two directions run faster on two, but in a batch the encoder's
        # threads already use both cores, and a second tagger thread only adds contention
        # (bench: claims + figures + attribution add about 25% with one thread, 35-38% with two).
        opts.intra_op_num_threads = 1
        opts.inter_op_num_threads = 1
        opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self.session = onnx_session(path, opts)

    def run(self, batch: np.ndarray) -> np.ndarray:
        """Logits (pieces, width, 9) of a (pieces, width, inputs) batch."""
        return np.asarray(self.session.run(["logits"], {"inputs": batch})[0])


@model_loader("attribution")
def load_tagger(folder: Path) -> Tagger:
    return Tagger(folder / TAGGER_NAME)


def shipped_tagger() -> Tagger | None:
    """The shipped tagger from the process-wide registry, or None when it does not load (rules only)."""
    try:
        tagger: Tagger = ModelRegistry.default().get("attribution")
    except ModelLoadError:
        return None
    return tagger


TAG_CHUNK = 384
"""Tokens per tagger sequence: an article is cut at sentence boundaries into pieces of at most this many
tokens (the piece size the tagger is trained on), and the pieces run as one batch."""


TAG_PIECES_PER_RUN = 16
"""Pieces per tagger call: a long article runs in several calls of this many pieces (bounded memory)."""


def token_chunks(n_tokens: int, sentence_of: np.ndarray, size: int = TAG_CHUNK) -> list[tuple[int, int]]:
    """Cut a token range at sentence boundaries into pieces of at most ``size`` tokens (a longer
    sentence is cut inside)."""
    out: list[tuple[int, int]] = []
    start = 0
    while start < n_tokens:
        end = min(n_tokens, start + size)
        if end < n_tokens:
            bounds = np.nonzero(sentence_of[start + 1 : end] != sentence_of[start : end - 1])[0]
            if len(bounds):
                end = start + 1 + int(bounds[-1])
        out.append((start, end))
        start = end
    return out


def tag_logits(
    tokens: ArticleTokens,
    chunk: int = TAG_CHUNK,
    run: Callable[[np.ndarray], np.ndarray] | None = None,
    pieces_per_run: int = TAG_PIECES_PER_RUN,
) -> np.ndarray | None:
    """(tokens, 3 roles, 3 BIO) logits from the ONNX head, or None if the model is missing.

    The bidirectional GRU runs over :func:`token_chunks` pieces (the training piece size), batched
    ``pieces_per_run`` at a time (all padded to the article's widest piece, so the logits do not depend
    on the grouping) to keep memory bounded on long articles. ``run`` maps a (pieces, width, inputs)
    batch to (pieces, width, 9) logits (default: the shipped ONNX tagger; training passes its torch model).
    """
    n = len(tokens.offsets)
    if run is None:
        tagger = shipped_tagger()
        if tagger is None:
            return None
        run = tagger.run
    if n == 0:
        return None
    pieces = token_chunks(n, tokens.sentence_of, chunk)
    width = max(b - a for a, b in pieces)  # one width for every group: a row's padding changes its logits
    out = np.empty((n, 9), dtype=np.float32)
    for g in range(0, len(pieces), pieces_per_run):
        group = pieces[g : g + pieces_per_run]
        batch = np.zeros((len(group), width, tokens.input_width), dtype=np.float32)
        for r, (a, b) in enumerate(group):
            tokens.write_inputs(a, b, batch[r, : b - a])
        res = run(batch)
        for r, (a, b) in enumerate(group):
            out[a:b] = res[r, : b - a].reshape(b - a, 9)
    return out.reshape(n, 3, 3)


def decode_bio(text: str, offsets: np.ndarray, tags: np.ndarray) -> list[Span]:
    """Spans from one role's tag sequence (0=O, 1=B, 2=I); an I after O starts a span."""
    tags = np.asarray(tags)
    inside = np.flatnonzero(tags != 0)  # O tokens only end the current span
    if not len(inside):
        return []
    # a span starts at the first tagged token, at a B, and at any token after an O
    begins = np.ones(len(inside), dtype=bool)
    begins[1:] = (inside[1:] != inside[:-1] + 1) | (tags[inside[1:]] == 1)
    first = np.flatnonzero(begins)
    last = np.append(first[1:] - 1, len(inside) - 1)
    starts = np.asarray(offsets)[inside[first], 0].tolist()
    ends = np.asarray(offsets)[inside[last], 1].tolist()
    return [_word_align(text, int(s), int(e)) for s, e in zip(starts, ends, strict=True)]


def _word_align(text: str, s: int, e: int) -> Span:
    while s > 0 and text[s - 1].isalnum() and text[s].isalnum():
        s -= 1
    while e < len(text) and text[e].isalnum() and text[e - 1].isalnum():
        e += 1
    return s, e


_EDGE_PUNCT = " \t\n,;:.!?\"'\u201c\u201d\u2018\u2019()"
_STOP_SOURCES = frozenset("to a an the of and or in on at by for that as with from".split())


def tagged_spans(text: str, tokens: ArticleTokens, logits: np.ndarray) -> dict[str, list[Span]]:
    """Spans per role; source and cue spans lose edge punctuation, lone function words are dropped."""
    tags = logits.argmax(axis=2)
    out: dict[str, list[Span]] = {}
    for r, role in enumerate(ROLES):
        spans = decode_bio(text, tokens.offsets, tags[:, r])
        if role != "content":
            spans = [strip_span(text, s, e, _EDGE_PUNCT) for s, e in spans]
            spans = [sp for sp in spans if sp[1] > sp[0] and text[sp[0] : sp[1]].lower() not in _STOP_SOURCES]
        if role == "source":
            spans = [_with_determiner(text, sp) for sp in spans]
        if role == "content":
            spans = [_drop_trailing_determiner(text, sp) for sp in spans]
        out[role] = [sp for sp in spans if sp[1] > sp[0]]
    return out


_DETERMINER_BEFORE = re.compile(r"\b(?:a|an|the|A|An|The)\s+$")


def _with_determiner(text: str, sp: Span) -> Span:
    """``a military spokesman`` rather than ``military spokesman``."""
    m = _DETERMINER_BEFORE.search(text, max(0, sp[0] - 5), sp[0])
    return (m.start(), sp[1]) if m else sp


def _drop_trailing_determiner(text: str, sp: Span) -> Span:
    """``destroyed overnight, a`` -> ``destroyed overnight`` (the article belongs to the next source)."""
    cut = trailing_determiner_start(text, sp[0], sp[1])
    if cut > sp[0] and text[sp[1] - 1] not in "\"\u201d'\u2019":
        return sp[0], cut
    return sp


def _is_separator(c: str) -> bool:
    """What ``[\\s,;]`` matches (``\\s`` of a str pattern is ``str.isspace``)."""
    return c in ",;" or c.isspace()


def trailing_determiner_start(text: str, start: int, end: int) -> int:
    r"""Where the pattern ``(?:[\s,;]+(?:a|an|the))?[\s,;]*$`` (ignoring case) first matches in
    ``text[start:end]``, read from the end instead of tried at every position (tests compare the two):
    before trailing separators (white space, "," and ";") and, if the word before them is "a", "an" or "the"
    after at least one separator, before that word and its separators."""
    q = end
    while q > start and _is_separator(text[q - 1]):
        q -= 1
    r = q
    while r > start and q - r < 3 and not _is_separator(text[r - 1]):
        r -= 1
    if r < q and text[r:q].lower() in ("a", "an", "the") and r > start and _is_separator(text[r - 1]):
        p = r - 1
        while p > start and _is_separator(text[p - 1]):
            p -= 1
        return p
    return q


# ---------------------------------------------------------------------------------------------
