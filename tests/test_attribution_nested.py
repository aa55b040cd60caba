"""Analyzer 2.3: a report nested in a later clause of a long content; the miss classifier of the open splits."""

from __future__ import annotations

from presslens.analyzers.attribution.link import Attribution
from presslens.analyzers.attribution.nested import LEAD_WORDS, nested_reports
from presslens.analyzers.attribution.refine import refine
from presslens.article import Article, Finding
from presslens.segment import paragraphs, sentences
from presslens.training.attribution_misses import classify


def _outer(text: str, source: str, cue: str, content_start: str) -> list[Attribution]:
    c0 = text.index(content_start)
    content = (c0, len(text.rstrip(".")))
    att = Attribution((text.index(cue), text.index(cue) + len(cue)), (text.index(source), text.index(source) + len(source)),
                      content, 0.9, False)
    return refine(text, [att], sentences(text, paragraphs(text)))


def test_report_in_a_later_clause_of_a_long_content_is_found() -> None:
    lead = "a long line of lorries stood at the northern crossing for most of the morning while drivers waited"
    text = f"The agency reported that {lead}, and the border police announced it would close two more lanes."
    outer = _outer(text, "The agency", "reported", "a long line")
    assert len(text[outer[0].content[0]:text.index("announced")].split()) > 12  # type: ignore[index]
    inner = nested_reports(text, outer, sentences(text, paragraphs(text)))
    assert len(inner) == 1
    a = inner[0]
    assert text[a.cue[0]:a.cue[1]] == "announced"
    assert a.source is not None and text[a.source[0]:a.source[1]].endswith("police")
    assert a.content is not None and text[a.content[0]:a.content[1]] == "it would close two more lanes"


def test_no_nested_report_beyond_the_lead_words() -> None:
    filler = " ".join(["the lorries waited"] * (LEAD_WORDS // 3 + 2))
    text = f"The agency reported that {filler}, and the border police announced it would close two more lanes."
    outer = _outer(text, "The agency", "reported", "the lorries")
    assert nested_reports(text, outer, sentences(text, paragraphs(text))) == []


def _finding(article: Article, source: tuple[int, int], cue: tuple[int, int], content: tuple[int, int],
             score: float) -> Finding:
    def ref(span: tuple[int, int]) -> dict[str, object]:
        return {"start": span[0], "end": span[1], "text": article.text[span[0]:span[1]]}

    return Finding.at(article, min(source[0], cue[0], content[0]), max(source[1], cue[1], content[1]),
                      kind="attribution", label="person", score=score, analyzer="attribution",
                      attributes={"source": ref(source), "cue": ref(cue), "content": ref(content)})


def test_miss_classes() -> None:
    text = "The minister said the bridge would reopen on Monday after repairs."
    article = Article(text=text)
    src, cue = (4, 12), (13, 17)
    content = (18, len(text) - 1)
    gold = {"source": list(src), "cue": list(cue), "content": list(content), "kind": "speech"}
    assert classify(text, [_finding(article, src, cue, content, 0.9)], gold) is None
    assert classify(text, [_finding(article, src, cue, content, 0.3)], gold) == "c"
    assert classify(text, [_finding(article, (0, 3), cue, content, 0.9)], gold) == "b-source"
    assert classify(text, [_finding(article, src, cue, (18, 28), 0.9)], gold) == "b-content-end"
    assert classify(text, [], gold) == "a"


def test_maintained_without_that_is_no_nested_report() -> None:
    for verb, expected in (("maintained a large presence on the platform", 0),
                           ("maintained that it had a large presence on the platform", 1)):
        text = f"The agency reported that over the past year, the group {verb} in its home region."
        outer = _outer(text, "The agency", "reported", "over the past")
        found = nested_reports(text, outer, sentences(text, paragraphs(text)))
        assert len(found) == expected, verb
