"""The runtime cue contexts with the article profile are named once (review32: ``score_sentences`` listed them by
hand, so a new ``genre-...`` context had to be added in two places)."""

from __future__ import annotations

from presslens.analyzers.claims.scorers import (
    ARTICLE_FEATURES,
    CUE_CONTEXT_FEATURES,
    GENRE_CUE_CONTEXTS,
    RUNTIME_CUE_CONTEXTS,
)


def test_the_genre_contexts_are_the_runtime_ones_that_open_with_the_profile() -> None:
    # the tuple score_sentences listed by hand before review32
    assert GENRE_CUE_CONTEXTS == ("genre", "genre-position", "genre-modal", "genre-governor", "genre-modal-governor",
                                  "genre-modal-governor-reported")
    profile = tuple(f"cue {n}" for n in ARTICLE_FEATURES)
    for context in RUNTIME_CUE_CONTEXTS:
        opens = CUE_CONTEXT_FEATURES[context][:len(profile)] == profile
        assert opens == (context in GENRE_CUE_CONTEXTS), context
    assert "opinion" not in GENRE_CUE_CONTEXTS and "genre-token" not in GENRE_CUE_CONTEXTS


def test_the_trainer_adds_cue_level_columns_for_the_genre_contexts_but_genre() -> None:
    # realnews_claims.cue_context_columns: the contexts it listed by hand before review32
    assert tuple(c for c in GENRE_CUE_CONTEXTS if c != "genre") == (
        "genre-position", "genre-modal", "genre-governor", "genre-modal-governor", "genre-modal-governor-reported")
