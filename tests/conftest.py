from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"


@pytest.fixture
def examples_dir() -> Path:
    return EXAMPLES


def check_report_dict(d: dict) -> None:
    """Every produced report must validate against the published schema and the offset invariant."""
    from presslens.report import validate_report

    validate_report(d)
