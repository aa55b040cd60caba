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
