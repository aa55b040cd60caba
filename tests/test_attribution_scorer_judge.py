"""The judge of the learned attribution scorer against the calibration (stop 27): both fitted on the fit rows
of the other splits, scored on the held-out split's rows of the tree that ships."""

from __future__ import annotations

from pathlib import Path

from presslens.training.attribution_rules_judge import load as load_rules
from presslens.training.attribution_scorer_judge import Rows, judge, rules_dump


def _rows(n_per_split: int = 40) -> Rows:
    rows = Rows([], [], [], [], [], [], [], {})
    for split in ("dev", "dev2", "dev3"):
        rows.gold[split] = n_per_split // 2
        for k in range(n_per_split):
            right = k % 2 == 0
            rows.splits.append(split)
            rows.ids.append(f"{split}-{k // 4}")
            # the calibration's inputs say nothing (same raw score, all sane): its score is the base rate 0.5
            rows.inputs.append([0.6, 1.0, 0.0, 1.0, 0.0])
            # the learned scorer's first feature tells right from wrong
            rows.features.append([1.0 if right else 0.0, float(k % 3)])
            rows.sane.append(True)
            rows.right.append(right)
            rows.matched.append([f"{split}-{k}"] if right else [])
    return rows


def test_every_split_is_held_out_and_the_informative_scorer_wins() -> None:
    rows = _rows()
    folds = judge(rows, rows)
    assert [f.split for f in folds] == ["dev", "dev2", "dev3"]
    for f in folds:
        assert f.learned.predicted == f.learned.correct == 20  # exactly the right rows are asserted
        assert f.learned.found == f.learned.gold == 20
        assert (f.learned.precision or 0.0) > (f.calibrated.precision or 0.0)


def test_a_split_missing_from_the_scored_rows_counts_nothing() -> None:
    fit = _rows()
    scored = _rows()
    keep = [i for i, s in enumerate(scored.splits) if s != "dev2"]
    for name in ("splits", "ids", "inputs", "features", "sane", "right", "matched"):
        setattr(scored, name, [getattr(scored, name)[i] for i in keep])
    folds = {f.split: f for f in judge(fit, scored)}
    assert folds["dev2"].learned.predicted == 0 and folds["dev"].learned.predicted == 20


def test_the_rules_format_round_trips(tmp_path: Path) -> None:
    rows = _rows(8)
    out = tmp_path / "rules.json"
    rules_dump(rows, out)
    table = load_rules(out)
    assert len(table.rows) == len(rows.right) and table.splits == rows.splits and table.gold == rows.gold
    assert [r for *_, r in table.rows] == rows.right


def test_the_dump_uses_the_analyzers_name_may_default_for_extract_and_traits_alike() -> None:
    from presslens.analyzers.attribution.sanity import NAME_MAY_DEFAULT
    from presslens.training.attribution_scorer_judge import extract_options

    # no flag: the analyzer's default, passed to extract and used while the traits are read (before stop 33 the
    # dump passed nothing, so extract read "May" as a name while the traits read it as the modal)
    option, on = extract_options()
    assert NAME_MAY_DEFAULT == "on"
    assert option == {"name_may": "on"} and on
    # asked for off: extract gets "off" too, not its own default
    option, on = extract_options(name_may="off")
    assert option == {"name_may": "off"} and not on
    option, on = extract_options("candidate", "on", "on")
    assert option == {"unlisted_cues": "candidate", "interview_turns": "on", "name_may": "on"} and on
