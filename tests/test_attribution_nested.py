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


def _antecedent(text: str, cue_word: str) -> str | None:
    from presslens.analyzers.attribution.refine import relative_antecedent

    i = text.index(cue_word)
    src = relative_antecedent(text, (i, i + len(cue_word)), sentences(text, paragraphs(text)))
    return None if src is None else text[src[0]:src[1]]


def test_speaker_of_a_relative_clause_is_its_antecedent() -> None:
    assert _antecedent("The minister backed the general, who maintains his innocence.", "maintains") == "the general"
    assert _antecedent("The plan angered environmental campaigners who argue the dam will flood the valley.",
                       "argue") == "campaigners"
    assert _antecedent("The meeting included a Russian lawyer who promised to hand over the files.",
                       "promised") == "a Russian lawyer"
    assert _antecedent("The board then heard Maria Lopez, who says the vote was rigged.", "says") == "Maria Lopez"


def test_no_antecedent_for_a_clause_a_phrase_noun_or_a_plural_with_a_singular_verb() -> None:
    assert _antecedent("The vote was delayed, which says a lot about the party.", "says") is None
    assert _antecedent("The agency sent a health alert to its staff in Beijing, which states the risk is low.",
                       "states") is None
    assert _antecedent("She won among older voters, which describes most of the rural counties.", "describes") is None
    assert _antecedent("The key part is the following which suggests the plan was old.", "suggests") is None


def test_relative_clause_attribution_gets_its_antecedent_as_source() -> None:
    text = "The committee heard Maria Lopez, who says the ballots were counted twice in the county."
    cue = (text.index("says"), text.index("says") + 4)
    content = (text.index("the ballots"), len(text) - 1)
    refined = refine(text, [Attribution(cue, None, content, 0.9, False)], sentences(text, paragraphs(text)))
    assert len(refined) == 1 and refined[0].source is not None
    assert text[refined[0].source[0]:refined[0].source[1]] == "Maria Lopez"
