from __future__ import annotations

import pytest

from presslens.ingest.normalize import article_from_text, detect_title, normalise_text, split_date_marker
from presslens.segment import paragraphs, sentences


def sents(text: str) -> list[str]:
    return [text[s:e] for s, e in sentences(text)]


def test_missing_space_after_full_stop_splits_sentences() -> None:
    assert sents("Men fled the wars.Next week the border closed.") == [
        "Men fled the wars.",
        "Next week the border closed.",
    ]


def test_abbreviations_initials_and_quotes_do_not_split() -> None:
    text = 'Mr. Smith and J. R. Jones met U.S. officials. "It will end soon," he said. Then they left.'
    assert sents(text) == [
        "Mr. Smith and J. R. Jones met U.S. officials.",
        '"It will end soon," he said.',
        "Then they left.",
    ]


def test_title_line_is_its_own_sentence_and_paragraph() -> None:
    text = "Border queues grow\n\nThousands waited overnight. Guards checked papers."
    assert sents(text)[0] == "Border queues grow"
    assert [text[s:e] for s, e in paragraphs(text)][0] == "Border queues grow"


def test_one_sentence_per_line_corpora_split_at_line_breaks() -> None:
    text = "Title\n\nFirst line without a stop\nSecond line also without one\n"
    assert sents(text) == ["Title", "First line without a stop", "Second line also without one"]


def test_soft_wrapped_lines_stay_in_one_sentence() -> None:
    text = "The ministry said that the number of men\nwho left was small. Nobody believed it."
    assert sents(text) == [
        "The ministry said that the number of men\nwho left was small.",
        "Nobody believed it.",
    ]


def test_ranges_are_trimmed_and_cover_every_character() -> None:
    text = "  Title  \n\n  One. Two!  Three?\n\n\n Last para  \n"
    rs = sentences(text)
    for s, e in rs:
        assert text[s:e] == text[s:e].strip() and text[s:e]
    covered = set()
    for s, e in rs:
        covered.update(range(s, e))
    assert all(i in covered for i, ch in enumerate(text) if not ch.isspace())


def test_normalise_keeps_length_except_crlf_and_bom() -> None:
    raw = "\ufeffA\u00a0b\tc\r\nd"
    out = normalise_text(raw)
    assert out == "A b c\nd"


def test_inline_date_marker_is_removed_and_parsed() -> None:
    text, date = split_date_marker("Title\n\n date 2022-09-27 Vladimir Putin spoke.")
    assert date is not None and date.isoformat() == "2022-09-27"
    assert text == "Title\n\nVladimir Putin spoke."


def test_date_marker_on_first_line() -> None:
    text, date = split_date_marker("date 2023-03-14\nShelling hits town\n\nBody text here.")
    assert str(date) == "2023-03-14"
    assert text == "Shelling hits town\n\nBody text here."


def test_date_later_in_body_is_content() -> None:
    raw = "Title\n\nFirst sentence.\n\ndate 2022-01-01 is in the body."
    text, date = split_date_marker(raw)
    assert date is None and text == raw


def test_invalid_date_marker_refuses_the_item() -> None:
    """An impossible date in a marker is an error naming the marker (stop 25: before, it stayed in the text and was
    read as a figure); text without a marker still passes through."""
    from presslens.ingest.normalize import BadDateMarker

    with pytest.raises(BadDateMarker, match="2022-13-45"):
        split_date_marker("date 2022-13-45 Something happened.")
    text, date = split_date_marker("No marker here. Something happened.")
    assert date is None and text.startswith("No marker")


def test_title_detection_rules() -> None:
    assert detect_title("Headline\n\nBody.") == "Headline"
    assert detect_title("Just one paragraph without a title.") is None
    assert detect_title("Line one\nline two\n\nBody") is None
    assert detect_title("Only a title\n\n") is None


def test_offsets_equal_file_offsets_without_marker() -> None:
    raw = "Headline here\n\nThe army said 300,00 men left.It was false.\n"
    art = article_from_text(raw)
    assert art.text == raw
    assert art.title == "Headline here"
    for s, e in art.sentences:
        assert raw[s:e] == art.text[s:e]
