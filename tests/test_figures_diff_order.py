"""figures_diff lists the figures two readings disagree on; keys holding None (no value, bound or unit) must sort."""

from __future__ import annotations

from presslens.training.figures_diff import ordered


def test_keys_with_and_without_a_value_at_one_span_sort_by_position() -> None:
    keys = {(10, 15, "count", None, None, None, None, None), (10, 15, "count", 5.0, 5.0, 5.0, "exact", "people"),
            (2, 4, "count", 3.0, 3.0, 3.0, None, None)}
    out = ordered(keys)
    assert [k[0] for k in out] == [2, 10, 10]
    assert out[1][3] is None and out[2][3] == 5.0  # a missing value sorts before a number
    try:
        sorted(keys)
    except TypeError:
        pass  # plain tuple sorting fails on None against a float: the reason for ordered()
    else:
        raise AssertionError("expected the plain sort to fail on these keys")
