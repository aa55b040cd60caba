"""Violence analyzer, stop 28 (issue 13): a capitalised violent word that the article uses elsewhere as a person's
name is a name in every sentence of that article, title-case headlines included (audit B of stop 28 had a headline
"<Surname> Closes The Door on ..." read as a call to violence). Invented articles; near misses that must still flag."""

from __future__ import annotations

import pytest

import presslens
from presslens.analyzers.violence.cues import article_names, imperative_clauses, sentence_cues


def _violence(text: str) -> presslens.Report:
    return presslens.analyze(text, only=["violence"])


def _asserted(result: presslens.Report) -> list[str]:
    return [f.text for f in result.findings if f.kind == "violence" and f.score >= 0.5]


NAMED_HEADLINE = (
    "Lynch Closes The Door on Harbour Probe;\n\n"
    "Attorney General Marta Lynch said on Tuesday that her office would not reopen the inquiry into the harbour "
    "contracts.\n\n"
    "Lynch's decision drew criticism from two council members, who had asked for the files in March.\n\n"
    "The harbour board said it welcomed the decision and would publish its accounts next month.\n"
)

NO_PERSON_HEADLINE = (
    "Lynch Them All\n\n"
    "The traitors on the harbour board have sold this town for the last time.\n\n"
    "Drag them out of the town hall tonight and lynch every one of them from the harbour cranes.\n\n"
    "Nobody in this town will mourn them.\n"
)


@pytest.mark.parametrize(
    ("texts", "names"),
    [
        (["Attorney General Marta Lynch spoke on Tuesday."], {"lynch"}),  # a title and a first name
        (["The mayor met Gen. Hang on the quay at noon."], {"hang"}),  # a title
        (["Staff at Burns's office were sent home early."], {"burns"}),  # a possessive
        (["By Ann Burns", "The council met."], {"burns"}),  # a byline
        (["Stone told reporters the harbour deal was legal."], {"stone"}),  # a sentence-start subject of speech
        (["Protesters chanted 'Kill the bill' outside the town hall."], set()),  # a quoted slogan
        (["Lynch Closes The Door on Harbour Probe"], set()),  # a title-case line gives no evidence
        (["Police Chief Shot Dead In Harbour Town"], set()),
        (["The Desert Storm veterans marched through the town."], set()),  # a named thing after an article
        (["Bombing was the only answer, they wrote."], set()),  # a gerund with "was" is no name
        (["They will lynch him before the vote."], set()),  # lower case: an act
        (["The Blaze's reporter asked the mayor twice."], set()),  # a possessive after a determiner: a named thing
        (["Victims of the Las Vegas Massacre met the mayor.", "Footage of the Las Vegas Massacre was shown."], set()),
        (["The clinic helps Domestic Violence victims in the harbour town."], set()),  # not a verb form
        (["The mayor met Loretta Lynch on Monday."], set()),  # a first name once: too weak alone
        (["The mayor met Loretta Lynch on Monday.", "Later, Loretta Lynch left by car."], {"lynch"}),  # twice
    ],
)
def test_article_names_need_evidence_of_a_person(texts: list[str], names: set[str]) -> None:
    assert article_names(texts) == frozenset(names)


def test_a_name_in_the_article_is_a_name_in_a_title_case_headline() -> None:
    headline = "Lynch Closes The Door on Harbour Probe;"
    assert sentence_cues(headline).has_violent_act  # alone, the headline cannot tell
    assert [w for _, w in imperative_clauses(headline)] == ["lynch"]
    names = frozenset({"lynch"})
    assert not sentence_cues(headline, names).has_violent_act
    assert imperative_clauses(headline, names) == []
    # the same word in lower case stays an act in that article
    assert sentence_cues("They will lynch him before the vote.", names).has_violent_act
    # so does a capitalised form that is not the name
    assert sentence_cues("Hang them from the cranes!", names).has_violent_act


def test_the_named_headline_is_not_flagged() -> None:
    result = _violence(NAMED_HEADLINE)
    assert _asserted(result) == []
    assert result.labels["violence"]["label"] is False


def test_a_headline_urging_a_lynching_with_no_person_of_that_name_still_flags() -> None:
    assert article_names(presslens.read_article(NO_PERSON_HEADLINE).sentence_texts()) == frozenset()
    result = _violence(NO_PERSON_HEADLINE)
    assert result.labels["violence"]["label"] is True
    assert any("lynch every one of them" in t for t in _asserted(result))


def test_an_act_in_the_body_still_flags_when_the_article_names_a_person_with_the_word() -> None:
    text = (
        "Hang The Traitors\n\n"
        "Councillor Ann Hang said on Monday that the harbour board had misled the town.\n\n"
        "Take the board members to the square tonight and hang them from the cranes.\n"
    )
    assert article_names(presslens.read_article(text).sentence_texts()) == frozenset({"hang"})
    result = _violence(text)
    assert result.labels["violence"]["label"] is True
    assert any("hang them from the cranes" in t for t in _asserted(result))


def _record(source: str, article: str, findings: list[tuple[str, int, int, float]]) -> dict[str, object]:
    top = max((s for k, _, _, s in findings if k == "violence"), default=0.0)
    return {"article": {"id": article, "origin": f"/pool/{source}/{article}.txt"},
            "labels": {"violence": {"label": top >= 0.5, "score": top}},
            "findings": [{"kind": k, "label": "call_to_violence" if k == "violence" else "nonviolent", "start": s,
                          "end": e, "score": p} for k, s, e, p in findings]}


def test_pool_comparison_counts_flags_by_source_and_lists_changes() -> None:
    from presslens.evaluation.violence_pool import compare

    before = {"ptc/a": _record("ptc", "a", [("violence", 0, 30, 0.78)]),
              "polnear/b": _record("polnear", "b", [("call_to_action", 5, 20, 0.6)]),
              "polnear/c": _record("polnear", "c", [])}
    after = {"ptc/a": _record("ptc", "a", [("violence", 0, 30, 0.2)]),
             "polnear/b": _record("polnear", "b", [("call_to_action", 5, 20, 0.6)]),
             "polnear/c": _record("polnear", "c", [])}
    result = compare(before, after)
    assert (result.flagged_before["ptc"], result.flagged_after["ptc"]) == (1, 0)
    assert result.identical == 2 and result.only_removals
    assert [(c.article, [f.start for f in c.removed], c.added) for c in result.changes] == [("a", [0], [])]
    # a new asserted finding is no removal
    after["polnear/c"] = _record("polnear", "c", [("violence", 0, 9, 0.9)])
    assert not compare(before, after).only_removals
    with pytest.raises(ValueError):
        compare(before, {k: v for k, v in after.items() if k != "polnear/c"})
