"""compare/copies.py: which figures of a republished copy repeat its family's and which are its own (issue 15)."""

from __future__ import annotations

from presslens.compare.copies import copy_mentions, same_figure
from presslens.compare.figure_groups import mention_tokens
from presslens.compare.figures import FigureMention


def _m(article: str, start: int, value: float, clause: str, head: str | None, bound: str | None = None) -> FigureMention:
    return FigureMention(article_id=article, start=start, end=start + 5, text=str(value), label="count",
                         measure="count", value=value, low=value, high=value, bound=bound, head=head, clause=clause,
                         masked_clause=clause)


def test_same_value_other_counted_noun_is_not_a_repeat() -> None:
    known = [_m("o", 0, 100.0, "many men were detained at the rally", "men")]
    repeated, own = copy_mentions([_m("c", 0, 100.0, "many drones struck the port", "drone")], known, mention_tokens)
    assert repeated == {} and [m.value for m in own] == [100.0] and own[0].updates is None


def test_each_known_figure_is_repeated_once_and_by_the_nearest_clause() -> None:
    known = [_m("o", 0, 50.0, "many trucks entered the town", None),
             _m("o", 40, 50.0, "many buses left the depot", None)]
    copy = [_m("c", 0, 50.0, "many buses left the depot at dawn", None),
            _m("c", 40, 50.0, "many trucks entered the town", None),
            _m("c", 80, 50.0, "many trucks entered the town again", None)]
    repeated, own = copy_mentions(copy, known, mention_tokens)
    assert repeated == {"c:0-5": "o:40-45", "c:40-45": "o:0-5"}
    assert [m.id for m in own] == ["c:80-85"]  # a third 50: the copy states it once more than the original


def test_an_updated_value_points_at_the_figure_it_replaces() -> None:
    known = [_m("o", 0, 9000.0, "more than many civilians have left through the corridor", "civilian", "lower"),
             _m("o", 60, 50.0, "up to many trucks a day", "truck", "upper")]
    copy = [_m("c", 0, 10500.0, "more than many civilians have now left through the corridor", "civilian", "lower"),
            _m("c", 60, 50.0, "up to many trucks a day", "truck", "upper")]
    repeated, own = copy_mentions(copy, known, mention_tokens)
    assert repeated == {"c:60-65": "o:60-65"}
    assert [(m.value, m.updates) for m in own] == [(10500.0, "o:0-5")]
    assert not same_figure(copy[0], known[0]) and same_figure(copy[1], known[1])


def test_a_vague_headline_figure_is_added_not_an_update_of_a_precise_one() -> None:
    """User trial s33: a copy's new headline "Thousands leave the harbour" stood "in place of" the original's "More
    than 5,000 people"; a vague figure states no value to replace one with, so it is the copy's own, added figure,
    while the real update (5,400) still points at the figure it replaces."""
    known = [_m("o", 0, 5000.0, "more than many people have left the harbour town", "people", "lower")]
    vague = FigureMention(article_id="c", start=0, end=9, text="Thousands", label="count", measure="count",
                          value=None, low=1000.0, high=None, bound=None, head="people", vague=True,
                          clause="many leave the harbour town", masked_clause="many leave the harbour town")
    update = _m("c", 40, 5400.0, "more than many people have now left the harbour town", "people", "lower")
    repeated, own = copy_mentions([vague, update], known, mention_tokens)
    assert repeated == {}
    assert [(m.id, m.updates) for m in own] == [("c:0-9", None), ("c:40-45", "o:0-5")]
    near = FigureMention(article_id="c", start=0, end=9, text="thousands", label="count", measure="count",
                         value=None, low=1000.0, high=None, bound=None, head="people", vague=True,
                         clause="more than many people have left the harbour town",
                         masked_clause="more than many people have left the harbour town")
    vague_known = FigureMention(article_id="o", start=60, end=69, text="hundreds", label="count", measure="count",
                                value=None, low=100.0, high=None, bound=None, head="people", vague=True,
                                clause="more than many people have left the harbour town",
                                masked_clause="more than many people have left the harbour town")
    _, own2 = copy_mentions([near], [vague_known], mention_tokens)
    assert own2[0].updates == "o:60-69"  # vague for vague may still update (hundreds -> thousands)
