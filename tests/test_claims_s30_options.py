"""The claims options of stop 30 (helper claims18) through the pipeline: ``claim_gate=lowered`` never raises a claim
above the default and ``furniture=s30`` keeps a link title as a candidate only. Texts written for these tests."""

from __future__ import annotations

from presslens import read_article
from presslens.pipeline import Pipeline, PipelineConfig

COLUMN = ("Curfew talk\n\nThe curfew has emptied the old town every night since March. Shop owners say trade has "
          "halved. What a shameful and pathetic council we have, and everyone in this town knows it.\n\n"
          "The council meets again on Monday, a spokesman said.")
LINKS = ("Ferry row\n\nThe ferry operator cut two crossings on Monday, the port authority said.\n\n"
         "READ MORE: Harbour Council Bashed for Delaying Ferry Money — Reports\n\n"
         "The council meets again on Friday.")


def _claims(text: str, options: dict[str, str] | None = None) -> dict[tuple[int, int], float]:
    report = Pipeline(PipelineConfig(only=("claims",), options=options or {})).run(read_article(text))
    return {(f.start, f.end): f.score for f in report.findings if f.kind == "claim"}


def test_lowered_gate_never_raises_a_claim_and_emits_no_new_one() -> None:
    default = _claims(COLUMN)
    lowered = _claims(COLUMN, {"claims.claim_gate": "lowered"})
    kept = _claims(COLUMN, {"claims.claim_gate": "kept"})
    assert set(lowered) <= set(default)
    assert all(lowered[k] <= default[k] + 1e-12 for k in lowered)
    assert lowered != kept  # the two gates differ on this column


def test_s30_furniture_keeps_the_link_title_only_as_a_candidate() -> None:
    start = LINKS.index("READ MORE")
    default = _claims(LINKS)
    s30 = _claims(LINKS, {"claims.furniture": "s30"})
    key = next(k for k in default if k[0] == start)
    assert s30.get(key, 0.0) < 0.5 and s30.get(key, 0.0) < default[key]
    assert {k: v for k, v in s30.items() if k != key} == {k: v for k, v in default.items() if k != key}
