"""Figures 1.11 (quant17): a number with thousands separators after "Name, " is one number, not a person's age
("in Moscow, 5,000 people" was read as the age 5 up to 1.10). The age after a name ("Anton, 34, said") stays an age;
near misses keep their readings. Texts are our own."""

from __future__ import annotations

import pytest

from presslens.analyzers.figures.analyzer import FiguresAnalyzer
from presslens.analyzers.figures.quantity import READINGS, extract_quantities

Row = tuple[str, str, float | None]


def _figures(text: str, readings: str = "readings28") -> list[Row]:
    return [(text[q.start : q.end], q.label, q.value) for q in extract_quantities(text, readings)]


@pytest.mark.parametrize("readings", READINGS)
@pytest.mark.parametrize(("text", "expected"), [
    ("Officials said that in Moscow, 5,000 people rallied.", [("5,000 people", "count", 5000.0)]),
    ("According to the Border Police, 11,800 people crossed on Monday.", [("11,800 people", "count", 11800.0)]),
    ("Witnesses in Kherson, 12,500 of them, signed the letter.", [("12,500", "count", 12500.0)]),
    ("Gerald Lawson III, 30,000 people marched with him.", [("30,000 people", "count", 30000.0)]),
])
def test_grouped_number_after_name_is_one_number(text: str, expected: list[Row], readings: str) -> None:
    assert [row for row in _figures(text, readings) if row[1] != "date"] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the reading the pattern is for: an age after a name, then a comma, dot, bracket or "who"
    ("Anton, 34, was handed his summons at work.", [("34", "age", 34.0)]),
    ("Anton Petrov, 34, said he left.", [("34", "age", 34.0)]),
    ("The poet met Olena Hrytsenko, 27.", [("27", "age", 27.0)]),
    ("Gerald Lawson III, 30, said so.", [("30", "age", 30.0)]),
    # near misses
    ("Room 4, 12 beds were free.", [("12 beds", "count", 12.0)]),
    ("On June 3, 2024, the office reopened.", [("June 3, 2024", "date", 2024)]),
    ("in 2019, 3,400 people fled.", [("2019", "date", 2019.0), ("3,400 people", "count", 3400.0)]),
    ("They took 5, 10 and 15 prisoners.", [("5", "count", 5.0), ("10", "count", 10.0),
                                           ("15 prisoners", "count", 15.0)]),
    ("According to Novaya Gazeta Europe, 260,000 Russian men have left.",
     [("260,000 Russian men", "count", 260000.0)]),
    ("According to the ministry, 1,200 people died.", [("1,200 people", "count", 1200.0)]),
])
def test_name_age_and_near_misses(text: str, expected: list[Row]) -> None:
    assert _figures(text) == expected


def test_psalm_reference_is_no_age_nor_one_number() -> None:
    rows = _figures("The priest read Psalm 23, 5 times over.")
    assert all(label != "age" for _, label, _ in rows)
    assert all(value not in {23.5, 235.0} for _, _, value in rows)


def test_decimal_after_name_is_no_age() -> None:
    rows = _figures("Turnout in Kyiv, 5.5 percent above the average, was high.")
    assert all(label != "age" for _, label, _ in rows)
    assert ("5.5 percent", "percent", 5.5) in rows


def test_analyzer_finding_of_moscow_sentence() -> None:
    import presslens

    report = presslens.analyze("Officials said that in Moscow, 5,000 people rallied.", only=["figures"])
    found = [(f.text, f.label, f.attributes["value"]) for f in report.by_kind("quantity")]
    assert found == [("5,000 people", "count", 5000)]
    assert report.provenance["analyzers"]["figures"]["version"] == FiguresAnalyzer.version == "1.13"


def test_figures_diff_reads_the_a_side_from_another_source_tree(tmp_path: object, capsys: pytest.CaptureFixture[str]) -> None:
    """``figures_diff --a-src``: the count of this fix, 1.10's pattern (copied tree, fix undone) against this tree."""
    import shutil
    from pathlib import Path

    import presslens
    from presslens.training.figures_diff import main

    folder = Path(str(tmp_path))
    base = folder / "base"
    package = Path(presslens.__file__).parent
    shutil.copytree(package, base / "presslens",
                    ignore=shutil.ignore_patterns("__pycache__", "*.onnx", "*.bin", "*.npz", "*.npy"))
    specials = base / "presslens" / "analyzers" / "figures" / "specials.py"
    code = specials.read_text(encoding="utf-8")
    assert '_WHOLE_NUMBER_AFTER = r"(?![.,]\\d)"' in code
    specials.write_text(code.replace('_WHOLE_NUMBER_AFTER = r"(?![.,]\\d)"', '_WHOLE_NUMBER_AFTER = r""'),
                        encoding="utf-8")
    texts = folder / "texts"
    texts.mkdir()
    (texts / "a.txt").write_text("Officials said that in Moscow, 5,000 people rallied.\n", encoding="utf-8")
    (texts / "b.txt").write_text("Anton, 34, was handed his summons at work.\n", encoding="utf-8")
    assert main(["--a", "readings28", "--b", "readings28", "--a-src", str(base), str(texts)]) == 0
    out = capsys.readouterr().out
    assert "a.txt -readings28: 31-32 age value=5.0" in out
    assert "a.txt +readings28: 31-43 count value=5000.0" in out
    assert "b.txt" not in out
    assert out.strip().endswith("2 texts; 2 figures differ between readings28 and readings28 (each side counted)")
