"""Problems the stop-23 user trial found in the report layer: a share counter of the page ("1.2k SHARES",
marked ``attributes["furniture"] = true`` by the figures analyzer) was listed among the story's figures, and a
report holding one could not be read back or validated (the schema refused the attribute)."""

from __future__ import annotations

import json
from typing import Any

from presslens.article import Article, Finding, Report
from presslens.report import report_dict, report_from_dict, to_html, to_markdown
from presslens.report.common import is_candidate, is_page_furniture, keep_min_score, split_candidates
from presslens.report.schema import validate_report
from tests.report_fixtures import at, make_article, ref

TEXT = (
    "Governor race\n\n"
    "1.2k SHARES Facebook Twitter\n"
    "The candidate remained about 18,000 votes short of a runoff, the election board said."
)


def _figure(a: Article, needle: str, number: str, value: float, unit: str, score: float, **extra: Any) -> Finding:
    attrs = {"value": value, "unit": unit, "bound": None, "vague": False, "malformed": False,
             "number": ref(a, number), **extra}
    return at(a, needle, kind="quantity", label="count", score=score, analyzer="figures", attributes=attrs)


def _report() -> Report:
    a = make_article(TEXT, title="Governor race")
    return Report(article=a, findings=[
        _figure(a, "1.2k SHARES", "1.2k", 1200, "shares", 0.85, furniture=True),
        _figure(a, "about 18,000 votes", "18,000", 18000, "votes", 0.97),
    ])


def _section(md: str, title: str) -> str:
    return md.split(f"## {title}", 1)[1].split("\n## ", 1)[0]


def test_a_share_counter_is_hidden_like_a_candidate_whatever_its_score() -> None:
    counter, votes = _report().findings
    assert is_page_furniture(counter) and not is_page_furniture(votes)
    assert is_candidate(counter) and not is_candidate(votes)
    shown, hidden = split_candidates(_report().findings)
    assert shown == [votes] or [f.text for f in shown] == ["about 18,000 votes"]
    assert [f.text for f in hidden] == ["1.2k SHARES"]


def test_markdown_leaves_the_share_counter_out_of_the_story_figures() -> None:
    md = to_markdown(_report())
    figures = _section(md, "Figures")
    assert "about 18,000 votes" in figures and "SHARES" not in figures
    assert figures.startswith(" (1)")
    assert "**Not shown:** 1 low-confidence finding (score < 0.50 or page furniture)" in md
    candidates = _section(md, "Low-confidence candidates")
    assert "1.2k SHARES" in candidates and "count (page furniture)" in candidates


def test_html_hides_the_share_counter_behind_the_switch_and_says_why() -> None:
    doc = to_html(_report())
    assert "show 1 low-confidence finding (score &lt; 0.50 or page furniture)" in doc
    rows = [r for r in doc.split("<tr")[1:] if "1.2k SHARES" in r]
    assert len(rows) == 1 and 'class="pl-cand"' in rows[0].split(">", 1)[0] and "page furniture" in rows[0]
    votes = [r for r in doc.split("<tr")[1:] if "about 18,000 votes" in r]
    assert votes and "pl-cand" not in votes[0].split(">", 1)[0]
    figures_head = doc.split("<h3>Figures", 1)[1].split("</h3>", 1)[0]
    assert figures_head.startswith("<span>1</span>") and "+1</span>" in figures_head
    data = json.loads(doc.split('class="pl-data">', 1)[1].split("</script>", 1)[0])
    assert [f["text"] for f in data["findings"] if f["candidate"]] == ["1.2k SHARES"]


def test_json_keeps_the_share_counter_and_reads_back() -> None:
    report = _report()
    d = json.loads(json.dumps(report_dict(report)))
    validate_report(d)  # the schema knows the attribute
    assert [f["attributes"].get("furniture") for f in d["findings"] if f["kind"] == "quantity"] == [True, None]
    back = report_from_dict(d)
    assert [f.attributes.get("furniture") for f in back.findings] == [True, None]


def test_min_score_does_not_drop_the_share_counter_from_json() -> None:
    report = keep_min_score(_report(), 0.5)
    assert [f.text for f in report.findings] == ["1.2k SHARES", "about 18,000 votes"]
    assert "SHARES" not in _section(to_markdown(report), "Figures")


def test_a_candidate_attribution_in_markdown_says_its_source_and_cue() -> None:
    # user trial 23: the candidates table bolded the whole attribution span and labelled it "person" or
    # "no source", so a reviewer could not tell which words presslens took for the source
    text = "Harbour news\n\nMany who said she is not independent included a columnist, the paper reported."
    a = make_article(text, title="Harbour news")
    weak = at(a, "Many who said she is not independent", kind="attribution", label="vague", score=0.26,
              attributes={"source": ref(a, "Many", type="vague"), "cue": ref(a, "said"),
                          "content": ref(a, "she is not independent"), "method": "tagger"})
    sourceless = at(a, "the paper reported", kind="attribution", label="no_source", score=0.05,
                    attributes={"source": None, "cue": ref(a, "reported"), "content": None, "method": "tagger"})
    md = to_markdown(Report(article=a, findings=[weak, sourceless]))
    rows = _section(md, "Low-confidence candidates").splitlines()
    assert any("| vague: source “Many”, cue “said” | 0.26 |" in r for r in rows)
    assert any("| no source, cue “reported” | 0.05 |" in r for r in rows)


def test_a_prediction_row_shows_its_cues_and_horizon_but_no_internal_index_or_empty_value() -> None:
    # user trial 23: "sentence\\_index: 23, cues: would, horizon: —" in the Markdown predictions table
    text = "Harbour news\n\nRepair crews are expected to restore the supply. Ferries will run again next week."
    a = make_article(text, title="Harbour news")
    without = at(a, "Repair crews are expected to restore the supply.", kind="prediction", label="forecast",
                 score=0.92, analyzer="claims",
                 attributes={"sentence_index": 1, "cues": [ref(a, "are expected to")], "horizon": None})
    with_horizon = at(a, "Ferries will run again next week.", kind="prediction", label="forecast", score=0.82,
                      analyzer="claims",
                      attributes={"sentence_index": 2, "cues": [ref(a, "will")], "horizon": ref(a, "next week")})
    report = Report(article=a, findings=[without, with_horizon])
    rows = [r for r in _section(to_markdown(report), "Predictions").splitlines() if r.startswith("| ")][1:]
    assert rows[0].endswith("| cues: are expected to |")
    assert rows[1].endswith("| cues: will, horizon: next week |")
    doc = to_html(report)
    assert "sentence_index" not in doc.split('class="pl-data">', 1)[0]
    assert "cues: will, horizon: next week" in doc and "horizon: —" not in doc
