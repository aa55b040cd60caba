"""Other-language parts (``Article.unsupported_ranges``) in the Markdown and HTML reports."""

from __future__ import annotations

from presslens.article import Article, Report
from presslens.report import to_html, to_html_batch, to_markdown
from presslens.report.html import NOT_ANALYSED_CSS
from presslens.report.html_text import NOT_ANALYSED_TITLE
from presslens.report.not_analysed import MAX_LISTED_RANGES, not_analysed_line
from tests.report_fixtures import at, make_article
from tests.test_report import XSS_IMG, XSS_SCRIPT, parse

FOREIGN = f"Жители рассказали о взрывах {XSS_SCRIPT} & {XSS_IMG} ночью."
TEXT = (
    "Shelling hits river town\n\n"
    "Officials said at least 14 people were killed overnight.\n\n"
    f"{FOREIGN}\n\n"
    "Negotiators will meet again next week."
)


def _mixed_article() -> Article:
    a = make_article(TEXT, title="Shelling hits river town")
    s = a.text.index(FOREIGN)
    a.unsupported_ranges = [(s, s + len(FOREIGN))]
    a.sentences = [(ss, se) for ss, se in a.sentences if se <= s or ss >= s + len(FOREIGN)]
    return a


def _mixed_report() -> Report:
    a = _mixed_article()
    return Report(article=a, findings=[at(a, "at least 14 people", kind="quantity", label="count", score=0.9)])


def test_not_analysed_line_counts_paragraphs_and_lists_offsets() -> None:
    a = _mixed_article()
    s, e = a.unsupported_ranges[0]
    assert not_analysed_line(a) == f"1 paragraph in another language (characters {s}–{e})"
    a.unsupported_ranges = [(i * 10, i * 10 + 5) for i in range(MAX_LISTED_RANGES + 2)]
    line = not_analysed_line(a)
    assert line is not None and line.startswith(f"{MAX_LISTED_RANGES + 2} paragraphs in another language")
    assert line.endswith(", … 2 more)") and f"{(MAX_LISTED_RANGES - 1) * 10}–" in line
    assert f"{MAX_LISTED_RANGES * 10}–" not in line
    a.unsupported_ranges = []
    assert not_analysed_line(a) is None


def test_markdown_header_says_what_was_not_analysed() -> None:
    report = _mixed_report()
    md = to_markdown(report)
    s, e = report.article.unsupported_ranges[0]
    header = md.split("\n\n## ")[0]
    assert f"- **Not analysed:** 1 paragraph in another language (characters {s}–{e})" in header
    assert XSS_SCRIPT not in md and "<img" not in md


def test_html_marks_the_other_language_paragraph_and_escapes_it() -> None:
    report = _mixed_report()
    doc = to_html(report)
    tags = parse(doc)
    a = report.article
    assert tags.article_paragraphs == [a.text[s:e] for s, e in a.paragraphs[1:]]  # text round-trips
    marked = [d for tag, d in tags.tags if tag == "p" and "pl-unsup" in (d.get("class") or "")]
    assert len(marked) == 1 and marked[0].get("title") == NOT_ANALYSED_TITLE
    assert f'<p class="pl-unsup" title="{NOT_ANALYSED_TITLE}">' + "Жители" in doc
    assert XSS_SCRIPT not in doc and XSS_IMG not in doc
    s, e = a.unsupported_ranges[0]
    assert f"<b>Not analysed</b> 1 paragraph in another language (characters {s}–{e})" in doc
    assert NOT_ANALYSED_CSS in doc


def test_html_marks_a_part_of_a_paragraph_as_a_span() -> None:
    report = _mixed_report()
    a = report.article
    s, e = a.unsupported_ranges[0]
    a.unsupported_ranges = [(s + 7, e)]  # the paragraph's first word stays analysed
    tags = parse(to_html(report))
    assert tags.article_paragraphs == [a.text[ps:pe] for ps, pe in a.paragraphs[1:]]
    marked = [text for d, text in tags.pieces if d is not None and "pl-unsup" in (d.get("class") or "")]
    assert "".join(marked) == a.text[s + 7:e]
    assert not any(tag == "p" and "pl-unsup" in (d.get("class") or "") for tag, d in tags.tags)


def test_reports_without_other_language_parts_are_unchanged() -> None:
    report = _mixed_report()
    report.article.unsupported_ranges = []
    md, doc = to_markdown(report), to_html(report)
    assert "Not analysed" not in md
    assert "pl-unsup" not in doc and "Not analysed" not in doc and NOT_ANALYSED_CSS not in doc


def test_batch_styles_other_language_parts_once_when_any_report_has_them() -> None:
    plain = _mixed_report()
    plain.article.unsupported_ranges = []
    doc = to_html_batch([plain, _mixed_report()])
    assert doc.count(NOT_ANALYSED_CSS) == 1
    assert doc.count('class="pl-unsup"') == 1
    assert NOT_ANALYSED_CSS not in to_html_batch([plain])
