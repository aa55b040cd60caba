"""Problems a user trial found in the report layer (stop 22): a claim's source that only a low-confidence
attribution candidate gives was asserted in the claims table, years read as counts ("2,018"), and "1 days"."""

from __future__ import annotations

from typing import Any

from presslens.article import Article, Finding, Report
from presslens.report import to_html, to_markdown
from presslens.report.common import claim_source, describe_quantity
from tests.report_fixtures import at, make_article, ref

TEXT = (
    "Vote count\n\n"
    "Kemp has declared victory and said it is impossible for her campaign to force a runoff. "
    "The governor said the count was over. "
    "A total of 21,190 ballots were cast, 12,151 were cast in 2014, the day after February 12, 2018. "
    "Kemp issued a statement a day earlier."
)


def _attribution(a: Article, source: str, cue: str, content: str, score: float) -> Finding:
    return at(a, f"{source}", kind="attribution", label="person", score=score, attributes={
        "source": ref(a, source, type="person"), "cue": ref(a, cue), "content": ref(a, content)})


def _claim(a: Article, sentence: str, source: str, cue: str) -> Finding:
    link = {"source": ref(a, source), "source_type": "person", "cue": ref(a, cue), "content": None}
    return at(a, sentence, kind="claim", label="check_worthy", score=0.94, attributes={"attribution": link})


def _report() -> Report:
    a = make_article(TEXT, title="Vote count")
    return Report(article=a, findings=[
        _claim(a, "Kemp has declared victory and said it is impossible for her campaign to force a runoff.",
               "victory", "said"),
        _attribution(a, "victory", "said", "it is impossible for her campaign to force a runoff", 0.45),
        _claim(a, "The governor said the count was over.", "The governor", "said"),
        _attribution(a, "The governor", "said", "the count was over", 0.91),
    ])


def test_a_claim_source_only_a_candidate_gives_is_not_asserted() -> None:
    report = _report()
    victory_claim, _, governor_claim, _ = report.findings
    assert claim_source(victory_claim) == "victory (person)"  # without the report: the claim's own link
    assert claim_source(victory_claim, report.findings) is None
    assert claim_source(governor_claim, report.findings) == "The governor (person)"


def test_markdown_and_html_claims_tables_do_not_show_a_candidate_source() -> None:
    report = _report()
    md = to_markdown(report)
    claims_table = md.split("## Claims", 1)[1].split("\n## ", 1)[0]
    assert "victory (person)" not in claims_table and "The governor (person)" in claims_table
    html = to_html(report)
    assert "source: <b>victory" not in html and "source: <b>The governor (person)</b>" in html


def _quantity(a: Article, needle: str, label: str, **attrs: Any) -> Finding:
    return at(a, needle, kind="quantity", label=label, score=0.9, attributes={"bound": None, **attrs})


def test_years_and_dates_are_shown_as_dates_not_counts() -> None:
    a = make_article(TEXT)
    year = _quantity(a, "2014", "date", value=2014, unit=None, date="2014")
    full = _quantity(a, "February 12, 2018", "date", value=2018, unit=None, date="2018-02-12")
    count = _quantity(a, "21,190 ballots", "count", value=21190, unit="ballots")
    assert describe_quantity(year) == "2014"
    assert describe_quantity(full) == "2018-02-12"
    assert describe_quantity(count) == "21,190 ballots"


def test_one_unit_of_time_is_singular() -> None:
    a = make_article(TEXT)
    one_day = _quantity(a, "a day", "duration", value=1, unit="days")
    assert describe_quantity(one_day) == "1 day"
    md = to_markdown(Report(article=a, findings=[one_day]))
    assert "| 1 day |" in md and "1 days" not in md


def test_min_score_drops_a_claim_source_below_it_and_keeps_one_above() -> None:
    from presslens.report.common import keep_min_score

    report = keep_min_score(_report(), 0.9)
    claims = report.by_kind("claim")
    assert [f.text for f in report.by_kind("attribution")] == ["The governor"]
    assert claim_source(claims[0], report.findings) is None
    assert claims[0].attributes["attribution"] is None
    assert claim_source(claims[1], report.findings) == "The governor (person)"
    assert "victory (person)" not in to_markdown(report)


def test_money_names_its_currency_once() -> None:
    a = make_article("He left the White House $16 million in debt and paid 48 billion euros.")
    dollars = _quantity(a, "$16 million", "money", value=16_000_000, unit="dollars", currency="USD")
    euros = _quantity(a, "48 billion euros", "money", value=48_000_000_000, unit="euros", currency="EUR")
    assert describe_quantity(dollars) == "USD 16,000,000"
    assert describe_quantity(euros) == "EUR 48,000,000,000"


def test_html_does_not_quote_a_claim_that_is_already_a_quote() -> None:
    a = make_article('Border news\n\n"There is no exodus," a spokesman said. The border stayed open on Monday.')
    report = Report(article=a, findings=[
        at(a, '"There is no exodus," a spokesman said.', kind="claim", label="check_worthy", score=0.9),
        at(a, "The border stayed open on Monday.", kind="claim", label="check_worthy", score=0.8),
    ])
    html = to_html(report)
    assert '<q class="pl-noquote">&quot;There is no exodus,&quot; a spokesman said.</q>' in html
    assert "<q>The border stayed open on Monday.</q>" in html
    assert "q.pl-noquote { quotes: none; }" in html


def test_a_date_without_a_year_says_so() -> None:
    a = make_article("Men have left since 21 September, the border service said.")
    day = _quantity(a, "21 September", "date", value=None, unit=None, date="--09-21")
    assert describe_quantity(day) == "09-21, no year given"
