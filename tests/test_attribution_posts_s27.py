"""Embedded posts with no candidate (stop 27, issue 13; the ``attribution.post_lines`` option, HISTORY.md 2.12).

Read off the no-candidate misses of dev3, dev7, dev8 and dev9 (the largest group: embedded posts whose signature
line holds only the picture link, with a post text that quotes or reports someone, or whose author's title is cut
from the name by a line break). Our own invented sentences, each with a near miss that must stay as it was.
"""

from __future__ import annotations

from presslens.analyzers.attribution.continuation import (
    POST_LINES_CHOICES,
    POST_LINES_DEFAULT,
    embedded_posts,
)
from presslens.analyzers.attribution.spans import Span


def _piece(text: str, span: Span | None) -> str | None:
    return None if span is None else text[span[0] : span[1]]


LINK_ONLY = (
    "Police said the march went on past midnight.\n"
    "WATCH: A driver honks at the marchers and says they are \u201cblocking an ambulance\u201d on Main Street.\n"
    "pic.twitter.com/Qz81abc \u2014 Lena Fors (@lenafors) March 3, 2019\n"
    "Nobody was hurt.\n"
)


def test_the_line_above_a_link_only_signature_is_the_post_even_when_it_quotes() -> None:
    posts = embedded_posts(LINK_ONLY, link_line=True)
    assert len(posts) == 1
    assert _piece(LINK_ONLY, posts[0].source) == "Lena Fors"
    content = _piece(LINK_ONLY, posts[0].content)
    assert content is not None and content.startswith("WATCH: A driver honks") and content.endswith("Main Street.")
    assert "Police" not in content  # above that line, the climb still stops at the writer's reporting line


def test_without_the_option_a_quoting_line_ends_the_post_as_before() -> None:
    assert embedded_posts(LINK_ONLY) == []


def test_near_miss_a_blank_line_above_the_link_line_gives_no_post() -> None:
    text = (
        "A driver honks at the marchers and says they are \u201cblocking an ambulance\u201d on Main Street.\n"
        "\n"
        "pic.twitter.com/Qz81abc \u2014 Lena Fors (@lenafors) March 3, 2019\n"
    )
    assert embedded_posts(text, link_line=True) == []


def test_near_miss_a_signature_line_with_text_keeps_the_old_climb() -> None:
    text = (
        "The mayor said \u201cwe will rebuild\u201d on Friday.\n"
        "Rain again tonight in the valley, roads are closed. pic.twitter.com/Qz81abc \u2014 Lena Fors (@lenafors) "
        "March 3, 2019\n"
    )
    old = embedded_posts(text)
    new = embedded_posts(text, link_line=True)
    assert [(p.source, p.content) for p in new] == [(p.source, p.content) for p in old]
    assert _piece(text, new[0].content) == "Rain again tonight in the valley, roads are closed."


def test_a_title_cut_from_the_authors_name_by_a_line_break_is_a_signature() -> None:
    text = (
        "The port reopened on Tuesday.\n"
        "Trucks are moving again through the northern gate.\n"
        "pic.twitter.com/Qz81abc \u2014 Gov.\n"
        "Maria Lopez (@govlopez) March 3, 2019\n"
    )
    assert embedded_posts(text) == []
    posts = embedded_posts(text, link_line=True)
    assert len(posts) == 1
    assert _piece(text, posts[0].source) == "Maria Lopez"
    assert _piece(text, posts[0].content) == "The port reopened on Tuesday.\nTrucks are moving again through the northern gate."


def test_near_miss_a_name_broken_without_a_title_is_no_signature() -> None:
    text = (
        "Trucks are moving again through the northern gate.\n"
        "pic.twitter.com/Qz81abc \u2014 Maria\n"
        "Lopez (@govlopez) March 3, 2019\n"
    )
    assert embedded_posts(text, link_line=True) == []


def test_the_option_is_offered_with_its_default() -> None:
    from presslens.analyzers.attribution.analyzer import AttributionAnalyzer

    option = next(o for o in AttributionAnalyzer.options if o.name == "post_lines")
    assert tuple(option.choices) == POST_LINES_CHOICES and option.default == POST_LINES_DEFAULT
