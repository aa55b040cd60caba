"""Issue 13 §3: asserted findings (score >= 0.5) are shown by default, low-confidence candidates only on
request; ``--min-score`` filters every output format."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

from presslens.article import Article, Finding, Report
from presslens.batch import run_batch
from presslens.cli import build_parser
from presslens.ingest import InputError
from presslens.report import to_html, to_html_batch, to_markdown
from presslens.report.common import is_candidate, keep_min_score, split_candidates
from presslens.sinks import file_sink
from tests.report_fixtures import at, make_article

TEXT = (
    "Harbour news\n\n"
    "The minister said the bridge had been repaired within nine days. "
    "Critics called the council a gang of cowards hiding behind paperwork. "
    "Ferries will run again from Monday."
)


def _report() -> Report:
    a = make_article(TEXT, title="Harbour news")
    return Report(article=a, findings=[
        at(a, "a gang of cowards", kind="technique", label="Name_Calling,Labeling", score=0.81),
        at(a, "hiding behind paperwork", kind="technique", label="Loaded_Language", score=0.22),
        at(a, "the bridge had been repaired within nine days", kind="claim", label="claim", score=0.9),
        at(a, "Ferries will run again from Monday", kind="claim", label="claim", score=0.3),
        at(a, "nine days", kind="quantity", label="duration", score=0.95, attributes={"value": 9, "unit": "day"}),
    ])


def test_candidates_are_below_one_half_and_sentence_scores_never_are() -> None:
    a = make_article(TEXT)
    low_sentence = Finding.at(a, 0, 12, kind="sentence", label="propaganda", score=0.1, analyzer="t")
    shown, cands = split_candidates([*_report().findings, low_sentence])
    assert {f.text for f in cands} == {"hiding behind paperwork", "Ferries will run again from Monday"}
    assert low_sentence in shown and not is_candidate(low_sentence)


def test_html_hides_candidates_behind_a_switch() -> None:
    doc = to_html(_report())
    assert 'data-candidates="1"' in doc and "show 2 low-confidence findings (score &lt; 0.50)" in doc
    # the asserted technique is highlighted; the candidate only carries the candidate class
    assert 'class="hl k-technique tc-' in doc
    assert 'class="hl kc-technique cand' in doc
    cand_items = [line for line in doc.split("<li") if "pl-cand" in line.split(">", 1)[0]]
    assert len(cand_items) == 2 and any("hiding behind paperwork" in x for x in cand_items)
    assert ".pl-report:not(.show-cand) .pl-cand { display: none; }" in doc
    assert ".show-cand.on-technique .kc-technique" in doc
    assert 'section.classList.toggle("show-cand", box.checked)' in doc  # the switch works without a server
    data = json.loads(doc.split('class="pl-data">', 1)[1].split("</script>", 1)[0])
    assert sorted(f["text"] for f in data["findings"] if f["candidate"]) == [
        "Ferries will run again from Monday", "hiding behind paperwork"]


def test_html_section_counts_are_asserted_findings() -> None:
    doc = to_html(_report())
    claims = doc.split("<h3>Claims", 1)[1]
    assert claims.startswith("<span>1</span>") and "+1</span>" in claims.split("</h3>", 1)[0]


def test_html_batch_index_counts_asserted_findings() -> None:
    doc = to_html_batch([_report()])
    row = doc.split('<a href="#r0">', 1)[1].split("</tr>", 1)[0]
    assert row.endswith("<td>1</td><td>1</td><td>0</td><td>1</td>")


def test_html_without_candidates_has_no_switch() -> None:
    r = _report()
    keep_min_score(r, 0.5)
    assert 'id="r0-candidates"' not in to_html(r)


def test_markdown_lists_asserted_findings_and_folds_candidates() -> None:
    md = to_markdown(_report())
    body, _, folded = md.partition("## Low-confidence candidates (2)")
    assert "gang of cowards" in body and "Loaded" not in body and "Ferries" not in body
    assert "2 low-confidence findings (score < 0.50)" in body  # the count line in the header
    assert "<details>" in folded and "hiding behind paperwork" in folded and "0.22" in folded
    short = to_markdown(_report(), list_candidates=False)
    assert "## Low-confidence candidates (2)" in short and "Loaded" not in short


class _StubPipeline:
    def __init__(self, make: Any) -> None:
        self.make = make

    def run_stream(self, items: Iterable[Article | InputError]) -> Iterator[tuple[Any, Any]]:
        for item in items:
            yield item, self.make() if isinstance(item, Article) else None


@pytest.mark.parametrize("fmt", ["json", "jsonl", "md", "html"])
def test_min_score_filters_every_format(tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"out.{fmt}"
    summary = run_batch([make_article(TEXT)], _StubPipeline(_report), file_sink(fmt, str(out)),  # type: ignore[arg-type]
                        min_score=0.85)
    assert summary.reports == 1
    text = out.read_text(encoding="utf-8")
    assert "duration" in text  # the 0.95 figure's label
    assert "Name_Calling" not in text and "Loaded_Language" not in text


def test_min_score_option_is_a_probability() -> None:
    parser = build_parser()
    assert parser.parse_args(["analyze", "x.txt", "--min-score", "0.5"]).min_score == 0.5
    assert parser.parse_args(["analyze", "x.txt"]).min_score is None
    with pytest.raises(SystemExit):
        parser.parse_args(["analyze", "x.txt", "--min-score", "1.5"])


def test_a_low_confidence_violence_finding_does_not_raise_the_banner() -> None:
    a = make_article(TEXT, title="Harbour news")
    low = at(a, "Critics called the council a gang of cowards", kind="violence", label="call_to_violence", score=0.3)
    doc = to_html(Report(article=a, findings=[low]))
    assert '<div class="pl-banner pl-cand">' in doc and 'role="alert"' not in doc
    high = at(a, "Critics called the council a gang of cowards", kind="violence", label="call_to_violence", score=0.7)
    assert 'class="pl-banner" role="alert"' in to_html(Report(article=a, findings=[high]))
