"""The one-line summary both the Markdown and the HTML report give of an article's other-language parts
(``Article.unsupported_ranges``: paragraphs no analyzer supports, which get no sentences and no findings)."""

from __future__ import annotations

from presslens.article import Article

MAX_LISTED_RANGES = 6


def not_analysed_line(article: Article) -> str | None:
    """``"1 paragraph in another language (characters 120–245)"``, or None when every part was analysed.

    Character offsets are into ``article.text``, end exclusive, as in the JSON report.
    """
    ranges = article.unsupported_ranges
    if not ranges:
        return None
    n = len(ranges)
    spans = ", ".join(f"{s}–{e}" for s, e in ranges[:MAX_LISTED_RANGES])
    if n > MAX_LISTED_RANGES:
        spans += f", … {n - MAX_LISTED_RANGES} more"
    return f"{n} paragraph{'s' if n != 1 else ''} in another language (characters {spans})"
