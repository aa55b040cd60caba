"""Round 2 stop 29: what the retired test_v17 story showed -- clashes inside the right group that the default leaves
to the conflict model because the two figures share only one of the two words the agree rule reads (the counted
noun or the predicate); ``GroupingConfig.agree_one_word`` (an option, off by default) reports them."""

from __future__ import annotations

import datetime as _dt
from dataclasses import replace

import pytest

from presslens.analyzers.base import Features
from presslens.analyzers.figures import FiguresAnalyzer
from presslens.article import Article
from presslens.compare.figure_groups import (
    GROUPING_NAMES,
    ONE_WORD_OPTION,
    FigureGrouper,
    GroupingConfig,
    grouping_config,
    hashed_embedder,
    mention_features,
    words_agree,
)
from presslens.compare.figures import FigureMention, mentions_from_findings
from presslens.evaluation import figure_groups as evaluation
from presslens.segment import segment


def _first(text: str) -> FigureMention:
    art = Article(text=text, id="a1", date=_dt.date(2030, 3, 2), source="a1", language="en")
    segment(art)
    return mentions_from_findings(art, FiguresAnalyzer().analyze(Features(art)).findings)[0]


def _agree(a: str, b: str, one_word: bool) -> bool:
    ma, mb = _first(a), _first(b)
    return words_agree(mention_features(ma), mention_features(mb), ma, mb, one_word=one_word)


@pytest.mark.parametrize(("a", "b"), [
    # the same specific noun, no known predicate on either side
    ("The consulate has issued about 6,500 emergency permits since the city fell, the consul said.",
     "The consulate has issued more than 11,500 emergency permits since the city fell, its office said."),
    # the same known predicate, and nouns for people that may name one set ("victims" / "people")
    ("The directorate said 112 victims were killed in the blast at the ferry pier.",
     "About 170 people were killed in the blast at the ferry pier, a survivor wrote."),
    # the same known predicate and the same generic noun on both sides
    ("Officials said 14 civilians were killed in the shelling of the harbour district.",
     "No more than two civilians were killed in the shelling of the harbour district, the army said."),
])
def test_one_shared_word_and_no_contradiction_agree_only_with_the_option(a: str, b: str) -> None:
    assert not _agree(a, b, one_word=False)
    assert _agree(a, b, one_word=True)


@pytest.mark.parametrize(("a", "b"), [
    # two known predicates that differ: killed against wounded (the noun is shared)
    ("Officials said 14 civilians were killed in the shelling of the harbour district.",
     "Officials said 40 civilians were wounded in the shelling of the harbour district."),
    # the same predicate, nouns that cannot name one thing (soldiers are no civilians)
    ("Officials said 14 civilians were killed in the shelling of the harbour district.",
     "Officials said 40 soldiers were killed in the shelling of the harbour district."),
    # nothing shared: a generic noun and no predicate on either side
    ("About 9,000 people are in the square, the police said.",
     "Fewer than 300 people are in the square, the governor said."),
])
def test_a_contradicting_word_or_nothing_shared_never_agrees(a: str, b: str) -> None:
    assert not _agree(a, b, one_word=False)
    assert not _agree(a, b, one_word=True)


def test_the_full_agreement_of_the_default_still_holds_with_the_option() -> None:
    a = "Nine merchant ships have been struck by missiles in the corridor, the monitor said."
    b = "Thirteen merchant ships have been struck by missiles in the corridor, the monitor said."
    assert _agree(a, b, one_word=False) and _agree(a, b, one_word=True)


def test_the_option_reports_a_clash_inside_a_group_the_model_rejects() -> None:
    config = grouping_config("general-f1+values-agree-f05")
    assert config.conflict_model is not None
    never = replace(config.conflict_model, threshold=1.01)  # no pair reaches it: only the words decide
    texts = (("c1", "About 140 ferries are in the strait now, the shipping association said.", 7),
             ("c2", "Fewer than 40 ferries are in the strait now, state television said.", 10))
    reported = {}
    for one_word in (False, True):
        grouper = FigureGrouper(hashed_embedder(), replace(grouping_config("rules"), conflict_model=never,
                                                           conflicts_inside="agree", agree_one_word=one_word))
        for aid, text, day in texts:
            art = Article(text=text, id=aid, date=_dt.date(2030, 3, day), source=aid, language="en")
            segment(art)
            grouper.add_article(art, FiguresAnalyzer().analyze(Features(art)).findings)
        assert len(set(grouper.group_of.values())) == 1  # one group: the clash is inside it
        reported[one_word] = len(grouper.conflicts())
    assert reported == {False: 0, True: 1}


def test_the_option_is_off_by_default_and_named_for_the_eval_and_the_loso_run() -> None:
    assert GroupingConfig().agree_one_word is False
    assert grouping_config().agree_one_word is False
    assert ONE_WORD_OPTION in GROUPING_NAMES
    option, default = grouping_config(ONE_WORD_OPTION), grouping_config()
    assert option.agree_one_word and replace(option, agree_one_word=False) == default
    assert ONE_WORD_OPTION in evaluation.CANDIDATE_METHODS and ONE_WORD_OPTION in evaluation.AGREEING_INSIDE
    # the same fits per fold as the default: the same pair-model criterion and conflict variant
    assert evaluation.CANDIDATE_METHODS[ONE_WORD_OPTION] == evaluation.CANDIDATE_METHODS[
        "general-f1+values-agree-f05"]
    assert evaluation.CANDIDATE_CONFLICT_READINGS[ONE_WORD_OPTION] == evaluation.CANDIDATE_CONFLICT_READINGS[
        "general-f1+values-agree-f05"]
