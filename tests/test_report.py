"""Markdown and HTML renderers: content, escaping, self-containment, overlapping highlights."""

from __future__ import annotations

import html
import json
import random
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from presslens.article import AnalyzerRun, Article, Finding, Report
from presslens.report import to_html, to_html_batch, to_markdown
from presslens.report.common import technique_definition, technique_name
from presslens.report.html_view import json_for_script
from tests.report_fixtures import at, make_article, ref, sample_report

XSS_SCRIPT = "<script>alert(1)</script>"
XSS_IMG = '"><img src=x onerror=alert(1)>'


class _Tags(HTMLParser):
    """Collects tags, attributes, script bodies and the text inside <article>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self._script: dict[str, str | None] | None = None
        self._article_depth = 0
        self.article_paragraphs: list[str] = []
        self.spans: list[tuple[dict[str, str | None], str]] = []
        self.pieces: list[tuple[dict[str, str | None] | None, str]] = []
        self._span_stack: list[dict[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        d = dict(attrs)
        self.tags.append((tag, d))
        if tag == "script":
            self._script = d
            self.scripts.append((d, ""))
        if tag == "article":
            self._article_depth += 1
        if tag == "p" and self._article_depth:
            self.article_paragraphs.append("")
        if tag == "span":
            self._span_stack.append(d)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._script = None
        if tag == "article":
            self._article_depth -= 1
        if tag == "span" and self._span_stack:
            self._span_stack.pop()

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            attrs, body = self.scripts[-1]
            self.scripts[-1] = (attrs, body + data)
            return
        if self._article_depth and self.article_paragraphs:
            self.article_paragraphs[-1] += data
            self.pieces.append((self._span_stack[-1] if self._span_stack else None, data))
            if self._span_stack:
                self.spans.append((self._span_stack[-1], data))


def parse(doc: str) -> _Tags:
    p = _Tags()
    p.feed(doc)
    p.close()
    return p


def hostile_report() -> Report:
    text = (
        f"Headline {XSS_SCRIPT} here\n\n"
        f"The minister said {XSS_IMG} was a lie & the army must act. Another sentence < follows > here."
    )
    a = make_article(text, url="javascript:alert(1)", source=XSS_IMG, author=XSS_SCRIPT)
    a.title = f"Title {XSS_SCRIPT}{XSS_IMG}"
    s = a.text.index(XSS_IMG)
    findings = [
        at(a, XSS_SCRIPT, kind="technique", label=XSS_IMG, score=0.9, attributes={"note": XSS_SCRIPT}),
        Finding.at(a, s, s + len(XSS_IMG), kind="claim", label="claim", score=0.8, analyzer=XSS_SCRIPT,
                   attributes={"figures": [XSS_IMG], "attribution": {"source": ref(a, "The minister", type=XSS_IMG)},
                               "hedged": XSS_SCRIPT, "prediction": False}),
        at(a, "the army must act", kind="violence", label=XSS_IMG, score=0.7,
           attributes={"target": ref(a, XSS_IMG), "cues": [XSS_SCRIPT]}),
        at(a, "lie", kind=f"weird{XSS_IMG}", label=XSS_SCRIPT, score=0.5, attributes={XSS_IMG: XSS_SCRIPT}),
        at(a, "< follows >", kind="quantity", label="count", score=0.5,
           attributes={"value": None, "unit": XSS_SCRIPT, "malformed": XSS_IMG}),
    ]
    return Report(article=a, findings=findings, labels={XSS_IMG: {"label": XSS_SCRIPT}},
                  analyzers=[AnalyzerRun(XSS_IMG, XSS_SCRIPT, "error", XSS_IMG)], errors=[{"message": XSS_SCRIPT}])


# --------------------------------------------------------------------------------------------
# Markdown
# --------------------------------------------------------------------------------------------


def test_markdown_has_claims_table_with_figures_sources_and_badges() -> None:
    md = to_markdown(sample_report())
    assert "| # | Claim | Figures | Source | Flags | Score |" in md
    rows = [line for line in md.splitlines() if line.startswith("| 1 |") or line.startswith("| 2 |")]
    assert any("200,000" in r and "Officials" in r and "`hedged: could not be independently verified`" in r
               for r in rows)
    assert any("`prediction (within weeks)`" in r and "Analysts" in r for r in rows)
    assert "malformed" in md and "1,500" in md  # the malformed figure's likely values
    assert "Name calling / labelling" in md and "`Name_Calling,Labeling`" in md
    assert "| `violence` | 0.3 | unsupported\\_language |" in md


def test_markdown_puts_violence_first() -> None:
    md = to_markdown(sample_report())
    assert md.index("Calls to violence") < md.index("## Claims")
    assert "target: them" in md and "**Wipe them out, every last one of them.**" in md


def test_markdown_escapes_article_text() -> None:
    md = to_markdown(hostile_report())
    assert XSS_SCRIPT not in md
    unquoted = re.sub(r"(?m)^>", "", md)  # block quote markers are ours
    assert re.search(r"(?<!\\)[<>]", unquoted) is None  # every angle bracket from the text is escaped
    assert "\\<script\\>" in md
    # Pipes in text cannot break table rows: every claims row has the header's cell count.
    a = make_article("T\n\nThe toll | as reported | rose to 12 | or 13.")
    r = Report(article=a, findings=[at(a, "The toll | as reported | rose to 12 | or 13.", kind="claim",
                                       label="claim", score=0.5, attributes={"figures": [], "hedged": False})])
    row = next(line for line in to_markdown(r).splitlines() if line.startswith("| 1 |"))
    assert len(re.findall(r"(?<!\\)\|", row)) == 7


def test_markdown_of_empty_report() -> None:
    a = Article(text="", id="empty")
    md = to_markdown(Report(article=a))
    assert md.startswith("# Untitled article")


# --------------------------------------------------------------------------------------------
# HTML
# --------------------------------------------------------------------------------------------


def _assert_self_contained(doc: str) -> None:
    assert doc.count("<!DOCTYPE html>") == 1
    assert re.search(r"""(?:src|href|action|srcset)\s*=\s*["']?\s*(?:https?:)?//""", doc, re.I) is None
    assert re.search(r"https?://", doc) is None
    assert "<link" not in doc and "@import" not in doc and "url(" not in doc
    assert "default-src 'none'" in doc and "Content-Security-Policy" in doc
    tags = parse(doc)
    assert not [d for t, d in tags.tags if t == "script" and "src" in d]
    assert not [t for t, _ in tags.tags if t in {"img", "iframe", "object", "embed", "link", "base"}]


def test_html_is_one_self_contained_file() -> None:
    doc = to_html(sample_report())
    _assert_self_contained(doc)
    assert "<style>" in doc and ".pl-report" in doc  # CSS inlined
    assert "addEventListener" in doc  # JS inlined


def test_html_escapes_everything_from_the_article_and_attributes() -> None:
    doc = to_html(hostile_report())
    _assert_self_contained(doc)
    assert XSS_SCRIPT not in doc
    assert "<img" not in doc
    tags = parse(doc)
    # Only our own scripts: one data block per report plus the page script; no event-handler attributes.
    assert len(tags.scripts) == 2
    assert all(not k.startswith("on") for _, d in tags.tags for k in d)
    data_scripts = [body for d, body in tags.scripts if d.get("type") == "application/json"]
    assert len(data_scripts) == 1 and "<" not in data_scripts[0] and ">" not in data_scripts[0]
    data = json.loads(data_scripts[0])
    assert XSS_SCRIPT in json.dumps(data, ensure_ascii=False)  # the data survives, safely encoded
    assert html.escape(XSS_SCRIPT, quote=True) in doc  # shown as text


def test_json_for_script_cannot_close_the_script_element() -> None:
    payload = {"x": "</script><script>alert(1)</script>", "y": "a & b", "z": "\u2028"}
    encoded = json_for_script(payload)
    assert "</" not in encoded and "<" not in encoded and "&" not in encoded
    assert json.loads(encoded) == payload


def test_html_article_text_round_trips_and_overlaps_are_segmented() -> None:
    report = sample_report()
    tags = parse(to_html(report))
    a = report.article
    body_paragraphs = [a.text[s:e] for s, e in a.paragraphs[1:]]  # paragraph 0 is the title heading
    assert tags.article_paragraphs == body_paragraphs
    # "traitors and puppets" is covered by two techniques: its segment carries both findings.
    both = [d for d, text in tags.spans if text == "traitors and puppets"]
    assert both and len((both[0].get("data-f") or "").split()) == 2
    assert "k-technique" in (both[0].get("class") or "")
    # "These " is covered only by Name_Calling; " will pay ... burned" only by Loaded_Language.
    only_first = [d for d, text in tags.spans if text == "These "]
    assert only_first and len((only_first[0].get("data-f") or "").split()) == 1


def test_random_overlapping_findings_render_exact_segments() -> None:
    rng = random.Random(7)
    words = " ".join(rng.choice(["alpha", "beta", "gamma", "delta"]) for _ in range(60))
    a = make_article(words)
    findings = []
    for _ in range(25):
        s = rng.randrange(0, len(a.text) - 1)
        e = rng.randrange(s + 1, min(len(a.text), s + 60) + 1)
        kind = rng.choice(["claim", "technique", "quantity", "attribution", "violence", "misc"])
        findings.append(Finding.at(a, s, e, kind=kind, label="Loaded_Language", score=rng.random(), analyzer="t"))
    report = Report(article=a, findings=findings)
    tags = parse(to_html(report))
    assert "".join(tags.article_paragraphs) == a.text
    ordered = sorted(findings, key=lambda f: (f.start, -f.end, f.kind, f.label))
    pos = 0
    for d, text in tags.pieces:
        ids = {int(i) for i in ((d or {}).get("data-f") or "").split()}
        expected = {i for i, f in enumerate(ordered) if f.start <= pos and f.end >= pos + len(text)}
        assert ids == expected, (pos, text)
        pos += len(text)
    assert pos == len(a.text)


def test_html_shows_violence_banner_and_side_panel() -> None:
    doc = to_html(sample_report())
    assert 'class="pl-banner"' in doc
    assert doc.index('class="pl-banner"') < doc.index('class="pl-article"')
    assert "target: them" in doc
    for text in ("PREDICTION", "prediction (within weeks)", "hedged", "malformed", "Sources and attributions"):
        assert text.lower() in doc.lower()
    # Sentence-level scores do not add highlight spans of their own (filter starts unchecked).
    assert 'data-kind="sentence" id="r0-f-sentence">' in doc
    assert "on-sentence" not in doc.split("<body>")[1].split('class="pl-report', 1)[1].split(">", 1)[0]


def test_unknown_kind_is_rendered_generically() -> None:
    a = make_article("Title\n\nThe committee will meet on Friday to decide.")
    f = at(a, "meet on Friday", kind="event", label="meeting", score=0.6, attributes={"when": "Friday"})
    doc = to_html(Report(article=a, findings=[f]))
    assert "k-event" in doc and ".on-event .k-event" in doc and "Event" in doc
    assert "Event (1)" in to_markdown(Report(article=a, findings=[f]))


def test_html_batch_has_index_errors_and_unique_sections() -> None:
    r1 = sample_report()
    r2 = Report(article=make_article("Second story\n\nNothing happened today.", source="Other"))
    doc = to_html_batch([r1, r2], [{"origin": "in.jsonl", "line": 4, "message": f"bad {XSS_SCRIPT}"}])
    _assert_self_contained(doc)
    assert XSS_SCRIPT not in doc
    assert 'id="r0"' in doc and 'id="r1"' in doc and 'href="#r1"' in doc
    assert "in.jsonl:4" in doc and "Second story" in doc
    assert len([b for d, b in parse(doc).scripts if d.get("type") == "application/json"]) == 2


@pytest.mark.parametrize("label", ["Loaded_Language", "Name_Calling,Labeling", "Doubt"])
def test_technique_glossary_has_names_and_definitions(label: str) -> None:
    assert technique_definition(label)
    assert technique_name(label) and technique_name(label) != ""


def test_empty_article_renders() -> None:
    doc = to_html(Report(article=Article(text="", id="empty")))
    assert "(empty article)" in doc
    _assert_self_contained(doc)


def test_claim_badge_reads_hedge_cue_span_references_and_old_strings() -> None:
    from presslens.article import Finding
    from presslens.report.common import claim_badges

    def claim(cues: list[object]) -> Finding:
        return Finding(kind="claim", label="check_worthy", start=0, end=5, text="x", score=0.9, analyzer="claims",
                       attributes={"hedged": True, "hedge_cues": cues})

    assert claim_badges(claim([{"start": 10, "end": 13, "text": "may"}])) == ["hedged: may"]
    assert claim_badges(claim(["reportedly"])) == ["hedged: reportedly"]
    assert claim_badges(claim([])) == ["hedged"]


def test_html_report_is_the_same_under_any_hash_seed(tmp_path: Path) -> None:
    """Set iteration order depends on PYTHONHASHSEED; the HTML must not (reports are compared byte for byte)."""
    import os
    import subprocess
    import sys

    example = sorted((Path(__file__).resolve().parent.parent / "examples").glob("*.txt"))[0]
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / f"r{seed}.html"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-m", "presslens", "analyze", str(example), "-f", "html", "-o", str(out),
                        "--no-progress"], check=True, env=env, capture_output=True)
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
