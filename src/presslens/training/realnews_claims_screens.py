"""The s25 screens of the claims analyzer's hedge cues, leave-one-split-out over the open real-news splits.

    python -m presslens.training.realnews_claims_screens CACHE [SCREEN ...]

``CACHE`` is the rows file of ``presslens train realnews-claims --cache`` (written on its first run). Each screen but
``shipped`` is the plain setting (:data:`presslens.training.realnews_claims.SHIPPED`) with one change, the cue scorer's C fixed
at 0.01 (every fold of the shipped setting chose it over the eight open splits, so the first screen reproduces the
trainer's shipped row), fitted on all open splits but one and scored on the one left out, for each split:

- ``shipped``: the shipped file's setting, the cue scorer with the ``genre`` columns (claims 1.15; the baseline
  since s29, helper claims17: :func:`presslens.training.realnews_claims.written_setting`);
- ``plain``: no change (the cue scorer without context columns: the ``shipped`` screen of s25 to s28);
- ``participle``: "suggesting" / "indicating" as cue candidates wherever they occur (no speech-verb filter);
- ``uncertainty``: "it also / now / still looks like", "unclear / unknown whether ...", "yet to be determined";
- ``removed``: the candidates of :func:`presslens.text.hedging.vetoed_claim_cue` dropped before the fit;
- ``bagged``: the cue scorer of :func:`presslens.training.realnews_claims.bagged_cue_scorer`;
- ``veto``: the claims option ``cue_veto`` (the trainer's row "+ cue veto (s25)");
- ``s26``: the claims option ``cue_candidates=s26`` (decision-time additions and vetoes; the fits are the shipped
  screen's, so the two differ only where an s26 rule fires);
- ``s26-trained``: the same rules as training candidates (additions added, vetoed candidates dropped), both scorers
  refitted; ``s26-trained-cue``: the same, but the claim scorer's class-table feature reads the shipped candidates,
  so claims cannot move (written after the option's outcome and audit B were read: not pre-registered);
- ``s27``: the claims option ``cue_candidates=s27`` (decision-time additions and vetoes of stop 27, helper hedge14;
  the fits are the shipped screen's, so the two differ only where an s27 rule fires).
- ``identity``, ``class-calibrated``, ``conditional`` (s27, helper hedge15; learned changes of the cue scorer only,
  the candidates and the claim scorer are the shipped screen's, so claims cannot move): the cue's class and lemma
  columns penalised as at C 0.1 while the rest stays at 0.01 (``Options.cue_identity_weight`` sqrt(10)); a logit
  offset per cue class fitted on the out-of-fold logits of the training splits, L2 1.0
  (``Options.cue_class_offsets``); the cue scorer fitted only on the candidates of gold-claim units
  (``Options.cue_claims_only``).
- ``opinion``, ``claim-score``, ``genre`` (s28, helper hedge16; learned, the cue scorer only, so claims cannot move):
  extra cue columns that tell an opinion sentence from a reported or factual one (``Options.cue_context``,
  :data:`presslens.analyzers.claims.scorers.CUE_CONTEXT_FEATURES`): the unit's opinion markers (evaluative words,
  intensifiers, an obligation modal, first/second person); the logit of the unit's claim score (out-of-fold inside
  the training splits for the training rows); the article profile of the unit's article.
- ``readings``, ``reading-permission``, ``reading-concessive``, ``reading-conditional``, ``reading-belief``,
  ``reading-likelihood``, ``reading-name`` (s29, helper hedge17): the claims option ``cue_readings=s29`` (the five
  readings GUIDELINE.md fixes a priori and ``name``, :data:`presslens.text.hedging.READINGS_S29`) and each alone, at decision time
  on the fits of the ``genre`` screen (the shipped setting since claims 1.15), so they differ from it only where a
  reading fires and claims cannot move.

``--report-lead-ins`` (s28, helper claims16): the claims option ``furniture=s28`` judged at decision time
(:func:`report_lead_ins`; claims only, minutes).

Prints claim P / R / ECE and hedged P / R per held-out split and their sums (model card, s25). Slow: about five
minutes a screen on one free core.
"""

from __future__ import annotations

import argparse
import math
import re
from dataclasses import replace
from pathlib import Path

from presslens.text.hedging import (
    IGNORE_CASE,
    READINGS_S29,
    Cue,
    claim_cue_additions,
    claim_cue_candidates,
    dedupe_cues,
    vetoed_claim_cue,
    vetoed_claim_cue_s26,
)
from presslens.training import realnews_claims as rc

_PARTICIPLE = re.compile(r"\b(?:suggesting|indicating)\b", IGNORE_CASE)
_UNCERTAINTY = re.compile(
    r"\b(?:it|this|that)\s+(?:also|now|still|really|certainly)\s+looks\s+like\b|"
    r"\b(?:unclear|unknown)\s+(?=(?:whether|if|how|what|who|why|when|where|at)\b)|"
    r"\byet\s+to\s+be\s+(?:determined|confirmed|established)\b",
    IGNORE_CASE,
)


def _adding(pattern: re.Pattern[str]) -> rc.CandidateRule:
    def candidates(text: str, wider: bool = False) -> list[Cue]:
        cues = claim_cue_candidates(text, wider)
        for m in pattern.finditer(text):
            if not any(a < m.end() and m.start() < b for a, b, _ in cues):
                cues.append((m.start(), m.end(), "evidential"))
        return dedupe_cues(cues)

    return candidates


def _s26_trained(text: str, wider: bool = False) -> list[Cue]:
    """The option ``cue_candidates=s26``'s rules as training candidates instead (the way that failed at s23-s25):
    its vetoed candidates dropped, its additions added (cue type "uncertainty" for the open questions, "evidential"
    otherwise), both scorers refitted."""
    kept = [(a, b, k) for a, b, k in claim_cue_candidates(text, wider) if not vetoed_claim_cue_s26(text, a, b)]
    added = [(a, b, "uncertainty" if name == "uncertainty" else "evidential")
             for a, b, name in claim_cue_additions(text, claim_cue_candidates(text, wider))]
    return dedupe_cues(kept + added)


def _removing(text: str, wider: bool = False) -> list[Cue]:
    return [(a, b, k) for a, b, k in claim_cue_candidates(text, wider) if not vetoed_claim_cue(text, a, b)]


SCREENS: dict[str, tuple[rc.CandidateRule | None, rc.Options]] = {
    "shipped": (None, rc.written_setting(rc.WRITTEN_CUE_CONTEXT)),
    "plain": (None, replace(rc.SHIPPED, cue_c=0.01)),
    "participle": (_adding(_PARTICIPLE), replace(rc.SHIPPED, cue_c=0.01)),
    "uncertainty": (_adding(_UNCERTAINTY), replace(rc.SHIPPED, cue_c=0.01)),
    "removed": (_removing, replace(rc.SHIPPED, cue_c=0.01)),
    "bagged": (None, replace(rc.SHIPPED, cue_c=0.01, cue_bagged=True)),
    "veto": (None, replace(rc.SHIPPED, cue_c=0.01, cue_veto=True)),
    "s26": (None, replace(rc.SHIPPED, cue_c=0.01, cue_s26=True)),
    "s26-trained": (_s26_trained, replace(rc.SHIPPED, cue_c=0.01)),
    "s26-trained-cue": (_s26_trained, replace(rc.SHIPPED, cue_c=0.01)),
    "s27": (None, replace(rc.SHIPPED, cue_c=0.01, cue_s27=True)),
    "identity": (None, replace(rc.SHIPPED, cue_c=0.01, cue_identity_weight=math.sqrt(10.0))),
    "class-calibrated": (None, replace(rc.SHIPPED, cue_c=0.01, cue_class_offsets=1.0)),
    "conditional": (None, replace(rc.SHIPPED, cue_c=0.01, cue_claims_only=True)),
    "opinion": (None, replace(rc.SHIPPED, cue_c=0.01, cue_context="opinion")),
    "claim-score": (None, replace(rc.SHIPPED, cue_c=0.01, cue_context="claim-score")),
    "genre": (None, replace(rc.SHIPPED, cue_c=0.01, cue_context="genre")),
    "readings": (None, replace(rc.SHIPPED, cue_c=0.01, cue_context="genre", cue_readings=READINGS_S29)),
    **{f"reading-{name}": (None, replace(rc.SHIPPED, cue_c=0.01, cue_context="genre", cue_readings=(name,)))
       for name in READINGS_S29},
}


TABLE_SHIPPED = frozenset({"s26-trained-cue"})
"""screens whose claim scorer's class-table feature reads the shipped candidates (only the cue scorer sees theirs)"""
_LOADED: list[tuple[tuple[object, ...], rc.Dataset]] = []
"""the dataset of the last screen, by (cache, candidate rule, table_shipped)"""
_LAST_CANDIDATES: list[rc.CandidateRule] = []
"""the candidate rule of the last screen when it was not the shipped one (its fits are not reused)"""


def screen(cache: Path, name: str) -> str:
    """One screen's held-out lines (markdown rows) and its sums."""
    candidates, options = SCREENS[name]
    key = (cache, candidates, name in TABLE_SHIPPED)
    if not _LOADED or _LOADED[0][0] != key:  # screens with the shipped candidates share one load
        _LOADED[:] = [(key, rc.load_dataset(cache, False, candidates, table_shipped=name in TABLE_SHIPPED))]
    data = _LOADED[0][1]
    if candidates is not None or _LAST_CANDIDATES:
        rc._FITS.clear()  # the fits are keyed by the training splits, not by the candidates
    _LAST_CANDIDATES[:] = [candidates] if candidates is not None else []
    sums = [0.0] * len(rc.METRICS)
    lines = []
    for held in rc.SPLITS:
        test = data.only_split(held)
        fitted = rc.fit_both(data.without_split(held), options)
        vals = rc.score_split(test, held, rc.DEFAULT_ANNOTATIONS, *fitted.decide(test))
        sums = [a + b for a, b in zip(sums, vals, strict=True)]
        lines.append(f"| {name} | {held} | " + " | ".join(f"{v:.3f}" for v in vals) + " |")
    lines.append(f"| {name} | sum of {len(rc.SPLITS)} held out | " + " | ".join(f"{v:.3f}" for v in sums) + " |")
    return "\n".join(lines) + "\n"


def report_lead_ins(data: rc.Dataset, annotations: Path = rc.DEFAULT_ANNOTATIONS) -> str:
    """The claims option ``furniture=s28`` at decision time (s28, helper claims16): per held-out split that has a
    unit the option moves, the claim P / R / ECE at 0.5 of the shipped claim scorer (fitted on the other splits,
    its C chosen inside them as the trainer does) without and with the option, which multiplies the moved units'
    score by the furniture factor. Hedges cannot move where no moved unit has a cue candidate (checked). Claim units
    with their held-out score: printed, so the reader sees which units decide."""
    from presslens.analyzers.claims.analyzer import FURNITURE_FACTOR
    from presslens.analyzers.claims.furniture import furniture_reason

    feats = (rc.SHIPPED.extended, rc.SHIPPED.article)
    lines = []
    for held in rc.SPLITS:
        test = data.only_split(held)
        moved = [r.furniture is None and furniture_reason(r.text, report_lead_ins=True) is not None
                 for r in test.rows]
        if not any(moved):
            continue
        if any(m and r.candidates for m, r in zip(moved, test.rows, strict=True)):
            raise ValueError(f"{held}: a moved unit has a cue candidate; hedges could move, run the full screen")
        train = data.without_split(held)
        c = rc.choose_claim_c(rc.claim_c_table(train, feats), rc.SHIPPED.choose_by)
        base = rc.claim_scores_with(rc.fit_claim(train, feats, c), test)
        option = [v * FURNITURE_FACTOR if m else v for v, m in zip(base, moved, strict=True)]
        gold_c, _ = rc.gold_totals(annotations, held)
        cells = []
        for claim in (base, option):
            k = rc.pr_counts(test.rows, claim, claim)[f"{held} claim"]
            cells.append(f"{k.correct}/{k.predicted} {k.found}/{gold_c} ECE "
                         f"{rc.expected_calibration_error(claim, test.rows):.4f}")
        units = ", ".join(f"{'gold' if r.gold_claims else 'not gold'} {v:.3f}"
                          for v, m, r in zip(base, moved, test.rows, strict=True) if m)
        lines.append(f"| {held} | {c:g} | {cells[0]} | {cells[1]} | {units} |")
    head = "| held-out split | C claim | shipped: right/asserted found/gold | furniture=s28 | moved units |\n|---|---|---|---|---|\n"
    return head + "\n".join(lines) + "\n"


def uncovered(data: rc.Dataset) -> dict[str, tuple[int, int]]:
    """Per split: (gold cue spans that overlap no cue candidate of their claim unit, gold cue spans)."""
    out: dict[str, tuple[int, int]] = {}
    for r in data.rows:
        for a, b in r.gold_cues:
            missing = not any(c.start < b and a < c.end for c in r.candidates)
            n, total = out.get(r.split, (0, 0))
            out[r.split] = (n + missing, total + 1)
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("cache", type=Path, help="the rows file of `presslens train realnews-claims --cache`")
    p.add_argument("screens", nargs="*", help=f"of {', '.join(SCREENS)} (default: all)")
    p.add_argument("--uncovered", action="store_true",
                   help="only count the gold cues without a cue candidate, per split")
    p.add_argument("--report-lead-ins", action="store_true",
                   help="only the claims option furniture=s28 at decision time, per split it moves (s28)")
    args = p.parse_args(argv)
    if args.report_lead_ins:
        print(report_lead_ins(rc.load_dataset(args.cache)), end="")
        return 0
    if args.uncovered:
        counts = uncovered(rc.load_dataset(args.cache))
        print(", ".join(f"{s} {n}/{t}" for s, (n, t) in counts.items()),
              f"; all {sum(n for n, _ in counts.values())}/{sum(t for _, t in counts.values())}")
        return 0
    unknown = [s for s in args.screens if s not in SCREENS]
    if unknown:
        p.error(f"unknown screen(s) {', '.join(unknown)}: choose from {', '.join(SCREENS)}")
    print("| screen | held-out split | " + " | ".join(rc.METRICS) + " |")
    print("|" + "---|" * (2 + len(rc.METRICS)))
    for name in args.screens or SCREENS:
        print(screen(args.cache, name), end="", flush=True)
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
