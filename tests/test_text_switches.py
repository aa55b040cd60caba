"""The rule switch that analyzer options use: on inside the block, the previous value after it, errors included."""

from __future__ import annotations

import contextvars

import pytest

from presslens.text.switches import switched


def test_switch_is_on_inside_and_restored_after_the_block_and_after_an_error() -> None:
    var: contextvars.ContextVar[bool] = contextvars.ContextVar("presslens_test_switch", default=False)
    with switched(var, True):
        assert var.get() is True
        with switched(var, False):
            assert var.get() is False
        assert var.get() is True
    assert var.get() is False
    with pytest.raises(RuntimeError), switched(var, True):
        raise RuntimeError("inside")
    assert var.get() is False
