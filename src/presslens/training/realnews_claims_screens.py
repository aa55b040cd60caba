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

- ``position`` (s29, helper hedge18; learned, the cue scorer only, so claims cannot move): the ``genre`` screen's
  columns and four cue-level ones (:func:`presslens.analyzers.claims.scorers.cue_position_context`): a speech verb
  just before / just after the cue, a complementiser just before it, the cue sentence-initial.

- ``modal`` (s30, helper hedge19; learned, the cue scorer only, so claims cannot move): the ``genre`` screen's
  columns and eight cue-level ones that tell an epistemic "may / might / could" from a root one
  (:func:`presslens.analyzers.claims.scorers.modal_context`): "well" after it; a progressive or passive verb
  phrase after it; a stative verb or a verb of occurrence or change after it; an expletive or demonstrative
  subject, or a personal-pronoun subject, just before it; a wh- word or a purpose "so (that)" before it. Failed
  held out over thirteen folds (hedged P down, R up; model card, "Stop 30 changes (helper hedge19)").
- ``token`` (s30, helper hedge19; learned, the cue scorer only): the ``genre`` screen's columns and the shared
  encoder's contextual state of the cue (the mean over its tokens, cached with the rows since s30), reduced to 16
  columns by a fixed random projection (:func:`presslens.analyzers.claims.scorers.token_projection`, not fitted).
  Failed held out over thirteen folds, as ``modal``.

- ``governor``, ``governor-modal`` (s30, helper hedge20; learned, the cue scorer only, so claims cannot move): the
  ``genre`` screen's columns and three cue-level ones on the verb that governs a "may / might / could" clause
  (:func:`presslens.analyzers.claims.scorers.governor_context`): the nearest governor before it a verb or noun of
  belief, fear, claim, report or expectation; a directive or permission (or a purpose "so (that)"); the modal right
  after "that / which / who" on a noun (a relative clause); ``governor-modal`` with ``modal``'s eight columns too.
  Both passed held out over thirteen folds; ``governor-modal`` (the higher precision) passed audit B too, so it
  passes the ship rule (model card, "Stop 30 changes (helper hedge20)"; trainer ``--cue-context
  genre-modal-governor``).

- ``shipped`` since s31 (helper hedge21): the trainer's written setting with the claims option ``cue_readings`` at
  its default (``name`` since stop 31, :func:`shipped_readings`), so the screen decides as the shipped analyzer.
- ``guideline-s31`` (s31, helper hedge21; learned, the cue scorer only): the ``shipped`` screen with the training
  cue candidates of :func:`presslens.text.hedging.claim_cue_additions_s31` (cue forms GUIDELINE.md names that the
  lexicon has no candidate for: evidence "suggests / suggested / indicates / implies" with a noun of evidence in its
  subject, "no one really knows", "anyone's guess", epistemic "must be / must have"), judged by the refitted cue
  scorer; the claim scorer's class-table feature reads the shipped candidates, so claims cannot move. Failed held
  out over fourteen folds (hedged P 10.789 -> 10.784, strict -0.029; model card, "Stop 31 changes (helper
  hedge21)"); trainer ``--cue-candidates s31``, off.

- ``reported`` (s31, helper hedge21; learned, the cue scorer only, so claims cannot move): the ``shipped`` screen's
  columns and one more, a "may / might / could" with a personal-pronoun subject in reported or quoted speech
  (:func:`presslens.analyzers.claims.scorers.reported_personal_modal`; cue context
  ``genre-modal-governor-reported``). Failed held out over fourteen folds counted strictly (hedged P +0.021, R
  -0.058; plain +0.045 / -0.012 with dev12's in-sample gain; model card, "Stop 31 changes (helper hedge21)").

- ``guideline-s32``, ``guideline-s32-hearsay`` (s32, helper hedge22; learned, the cue scorer only, the claim
  scorer's class table reads the shipped candidates, so claims cannot move): the ``shipped`` screen with the
  training cue candidates :func:`presslens.text.hedging.claim_cue_additions_s32` (``guideline-s31``'s without its
  "must be" form, which fired on obligations: "must be binding") and
  :func:`presslens.text.hedging.claim_cue_additions_s32_hearsay` (those and GUIDELINE.md's sourceless "there are
  (also) reports that", "we are (being) told that", "remains to be seen"); trainer ``--cue-candidates s32`` /
  ``s32-hearsay``. Both failed held out over fifteen folds (hedged P 11.605 -> 11.576 and 11.521; strict -0.049 and
  -0.142; model card, "Stop 32 changes (helper hedge22)"); off.
- ``forms32`` (s32, helper hedge23; decision time, no learned change): the ``shipped`` screen with the reading
  ``forms32`` of the claims option ``cue_readings`` (cue forms GUIDELINE.md names without a candidate, each at its
  class's fixed score, :func:`presslens.text.hedging.claim_cue_additions_forms32`); the fits are the shipped
  screen's, so only units the additions reach can move. ``--forms32`` counts, per form and split, the units it adds
  a cue to (:func:`forms32_counts`).
- ``filters33`` (s33, helper hedges; decision time, no learned change): the ``shipped`` screen with the reading
  ``filters33`` of the claims option ``cue_readings`` ("could" and "likely" that three adjudication filters drop
  beyond their rule, :func:`presslens.text.hedging.claim_cue_additions_filters33`, at their class's fixed score); the
  fits are the shipped screen's.

``--losses`` (s29, helper hedge18): where each gold hedged claim is lost at 0.5 under the first screen named
(default ``genre``), held out per split and stratum (:func:`losses`).

``--modal-cues`` (s30, helper hedge19): the "may" / "might" / "could" candidates of the open splits by gold cue and
held-out probability (>= 0.5 or not) under the first screen named (default ``genre``), with how many of each group
have each modal-context column and the modal cue features (:func:`modal_table`); ``--list`` adds one stand-off line
per candidate (split, article, unit index, start, end, gold cue, probability, claim score).

``--report-lead-ins`` (s28, helper claims16): the claims option ``furniture=s28`` judged at decision time
(:func:`report_lead_ins`; claims only, minutes); with ``--link-titles`` (s30, helper claims18) the option
``furniture=s30`` (link titles, content-free video bylines, captions with an agency credit) against ``furniture=s28``.

Prints claim P / R / ECE and hedged P / R per held-out split and their sums (model card, s25). Slow: about five
minutes a screen on one free core.
"""

from __future__ import annotations

import argparse
import math
import re
from dataclasses import replace
from pathlib import Path

from presslens.evaluation.realnews_selection import ptc_test_splits
from presslens.text.hedging import (
    IGNORE_CASE,
    READINGS_S29,
    Cue,
    claim_cue_additions,
    claim_cue_candidates,
    claim_cue_candidates_s31,
    claim_cue_candidates_s32,
    claim_cue_candidates_s32_hearsay,
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


def shipped_readings() -> tuple[str, ...]:
    """The readings of the claims option ``cue_readings`` at its default (``name`` since stop 31), read from the
    analyzer's option, so the ``shipped`` screen decides as the shipped analyzer does (s31, helper hedge21)."""
    from presslens.analyzers.claims.analyzer import ClaimsAnalyzer
    from presslens.text.hedging import cue_readings

    return cue_readings(next(o.default for o in ClaimsAnalyzer.options if o.name == "cue_readings"))


SHIPPED_SCREEN = replace(rc.written_setting(rc.WRITTEN_CUE_CONTEXT), cue_readings=shipped_readings())
"""the shipped decision (s31): the trainer's written setting and the default ``cue_readings`` at decision time"""

SCREENS: dict[str, tuple[rc.CandidateRule | None, rc.Options]] = {
    "shipped": (None, SHIPPED_SCREEN),
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
    "position": (None, replace(rc.SHIPPED, cue_c=0.01, cue_context="genre-position")),
    "modal": (None, replace(rc.SHIPPED, cue_c=0.01, cue_context="genre-modal")),
    "token": (None, replace(rc.SHIPPED, cue_c=0.01, cue_context="genre-token")),
    "governor": (None, replace(rc.SHIPPED, cue_c=0.01, cue_context="genre-governor")),
    "governor-modal": (None, replace(rc.SHIPPED, cue_c=0.01, cue_context="genre-modal-governor")),
    "readings": (None, replace(rc.SHIPPED, cue_c=0.01, cue_context="genre", cue_readings=READINGS_S29)),
    **{f"reading-{name}": (None, replace(rc.SHIPPED, cue_c=0.01, cue_context="genre", cue_readings=(name,)))
       for name in READINGS_S29},
    "guideline-s31": (claim_cue_candidates_s31, SHIPPED_SCREEN),
    "reported": (None, replace(SHIPPED_SCREEN, cue_context="genre-modal-governor-reported")),
    "guideline-s32": (claim_cue_candidates_s32, SHIPPED_SCREEN),
    "guideline-s32-hearsay": (claim_cue_candidates_s32_hearsay, SHIPPED_SCREEN),
    "forms32": (None, replace(SHIPPED_SCREEN, cue_readings=(*SHIPPED_SCREEN.cue_readings, "forms32"))),
    "filters33": (None, replace(SHIPPED_SCREEN, cue_readings=(*SHIPPED_SCREEN.cue_readings, "filters33"))),
}


TABLE_SHIPPED = frozenset({"s26-trained-cue", "guideline-s31", "guideline-s32", "guideline-s32-hearsay"})
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


def report_lead_ins(data: rc.Dataset, annotations: Path = rc.DEFAULT_ANNOTATIONS, link_titles: bool = False) -> str:
    """The claims option ``furniture=s28`` at decision time (s28, helper claims16): per held-out split that has a
    unit the option moves, the claim P / R / ECE at 0.5 of the shipped claim scorer (fitted on the other splits,
    its C chosen inside them as the trainer does) without and with the option, which multiplies the moved units'
    score by the furniture factor. Hedges cannot move where no moved unit has a cue candidate (checked). Claim units
    with their held-out score: printed, so the reader sees which units decide. ``link_titles`` (s30, helper claims18):
    the option ``furniture=s30`` against ``furniture=s28`` instead, both at decision time (the base then has the
    s28 lead-ins already times the furniture factor; the moved units are those s30 adds)."""
    from presslens.analyzers.claims.analyzer import FURNITURE_FACTOR
    from presslens.analyzers.claims.furniture import furniture_reason

    feats = (rc.SHIPPED.extended, rc.SHIPPED.article)
    lines = []
    for held in rc.SPLITS:
        test = data.only_split(held)
        before = [r.furniture is None and link_titles and furniture_reason(r.text, report_lead_ins=True) is not None
                  for r in test.rows]
        moved = [r.furniture is None and not b
                 and furniture_reason(r.text, report_lead_ins=True, link_titles=link_titles) is not None
                 for r, b in zip(test.rows, before, strict=True)]
        if not any(moved):
            continue
        if any(m and r.candidates for m, r in zip(moved, test.rows, strict=True)):
            raise ValueError(f"{held}: a moved unit has a cue candidate; hedges could move, run the full screen")
        train = data.without_split(held)
        c = rc.choose_claim_c(rc.claim_c_table(train, feats), rc.SHIPPED.choose_by)
        base = [v * FURNITURE_FACTOR if b else v
                for v, b in zip(rc.claim_scores_with(rc.fit_claim(train, feats, c), test), before, strict=True)]
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
    names = ("furniture=s28", "furniture=s30") if link_titles else ("shipped", "furniture=s28")
    head = (f"| held-out split | C claim | {names[0]}: right/asserted found/gold | {names[1]} | moved units |\n"
            "|---|---|---|---|---|\n")
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


LOSS_CAUSES = ("found", "a: no candidate", "b: candidate < 0.5", "c: claim gate", "d: no unit")
"""where a gold hedged claim ends at 0.5 (s29, helper hedge18, :func:`losses`)"""


def loss_cause(rows: list[rc.SentenceRow], claim: list[float], cue: list[list[float]]) -> str:
    """Of :data:`LOSS_CAUSES`, where one gold hedged claim ends, given the claim units that match it (``rows``),
    their claim scores and the cue scorer's probability of each of their cue candidates (``cue``, one list per
    row). The most advanced unit decides: found (claim score and best cue >= 0.5); (c) a cue >= 0.5 but the claim
    score < 0.5 (the claim gate); (b) a candidate that overlaps a gold cue span of its unit (any candidate where
    the unit holds no gold cue span) scored < 0.5; (a) no such candidate (the gold cue is not a candidate); (d) no
    claim unit matches the gold claim (matching / span)."""
    if not rows:
        return LOSS_CAUSES[4]
    best = 1
    for r, c, probs in zip(rows, claim, cue, strict=True):
        if max(probs, default=0.0) >= rc.ASSERTED:
            best = max(best, 4 if c >= rc.ASSERTED else 3)
        elif any(not r.gold_cues or cand.gold_cue for cand in r.candidates):
            best = max(best, 2)
    return {4: LOSS_CAUSES[0], 3: LOSS_CAUSES[3], 2: LOSS_CAUSES[2], 1: LOSS_CAUSES[1]}[best]


def candidate_probabilities(fitted: rc.Fitted, data: rc.Dataset, claim: list[float]) -> list[list[float]]:
    """Per row of ``data``, the cue scorer's probability of each of its cue candidates; a candidate a chosen reading
    (``cue_readings``) vetoes scores 0, as at decision time. The setting must have no decision-time veto or addition
    (``cue_veto``, ``cue_s26``, ``cue_s27``, the reading ``likelihood``): the table would not count them."""
    o = fitted.options
    if o.cue_veto or o.cue_s26 or o.cue_s27 or "likelihood" in o.cue_readings:
        raise ValueError(f"{o.name}: decision-time cue additions are not counted by the loss table")
    out: list[list[float]] = [[] for _ in data.rows]
    x, emb, _, where = rc.cue_matrix(data, o.cue_extended)
    if not where:
        return out
    if o.cue_context:
        x = rc.np.hstack([x, rc.cue_context_columns(data, o.cue_context, claim)])
    # a candidate a chosen reading vetoes scores 0, as at decision time (s31: the shipped ``name``)
    vetoed = [any(name in o.cue_readings for name in c.vetoed29) for r in data.rows for c in r.candidates]
    for ri, p, v in zip(where, fitted.cue.probabilities(x, emb).tolist(), vetoed, strict=True):
        out[ri].append(0.0 if v else float(p))
    return out


def strata(annotations: Path = rc.DEFAULT_ANNOTATIONS) -> dict[str, str]:
    """Article id -> stratum (the genre of the selection: data/realnews/README.md)."""
    import json

    return {k: v["stratum"] for k, v in json.loads((annotations / "split.json").read_text(encoding="utf-8")).items()}


def losses(data: rc.Dataset, name: str = "genre", annotations: Path = rc.DEFAULT_ANNOTATIONS,
           words: dict[str, dict[str, int]] | None = None) -> dict[tuple[str, str], dict[str, int]]:
    """Where each gold hedged claim of each open split ends at 0.5 under screen ``name``, its fits made without
    the split (leave-one-split-out, as :func:`screen`): counts by (split, stratum) and cause
    (:data:`LOSS_CAUSES`). A gold hedge that no unit matches is (d). ``words``: filled with, per cause of a lost
    hedge, the lower-cased gold cue spans of its matching units and their counts."""
    import json

    candidates, options = SCREENS[name]
    if candidates is not None:
        raise ValueError(f"screen {name!r} has its own candidates: load them first")
    stratum = strata(annotations)
    out: dict[tuple[str, str], dict[str, int]] = {}
    for held in rc.SPLITS:
        test = data.only_split(held)
        fitted = rc.fit_both(data.without_split(held), options)
        claim = rc.claim_scores_with(fitted.claim, test)
        cue = candidate_probabilities(fitted, test, claim)
        by_hedge: dict[tuple[str, int], list[int]] = {}
        for i, r in enumerate(test.rows):
            for g in r.gold_hedges:
                by_hedge.setdefault((r.article, g), []).append(i)
        for line in (annotations / f"{held}.jsonl").read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            rec = json.loads(line)
            for g in range(len(rec["hedges"])):
                idx = by_hedge.get((str(rec["id"]), g), [])
                cause = loss_cause([test.rows[i] for i in idx], [claim[i] for i in idx], [cue[i] for i in idx])
                cell = out.setdefault((held, stratum[str(rec["id"])]), dict.fromkeys(LOSS_CAUSES, 0))
                cell[cause] += 1
                if words is not None and cause != LOSS_CAUSES[0]:
                    for r in (test.rows[i] for i in idx):
                        for a, b in r.gold_cues:
                            span = " ".join(r.text[a:b].lower().split())
                            words.setdefault(cause, {})[span] = words.get(cause, {}).get(span, 0) + 1
    return out


def hedge_causes(data: rc.Dataset, name: str = "shipped", annotations: Path = rc.DEFAULT_ANNOTATIONS
                 ) -> dict[str, dict[str, int]]:
    """Held out under screen ``name`` (each split with the fits of the others, as :func:`losses`), counts of: the
    cause of each lost gold hedge (``"lost"``: :data:`LOSS_CAUSES`, with (a) split into a listed cue that an
    adjudication filter of :func:`presslens.text.hedging.claim_cue_candidates` drops, "a1", and no lexicon match
    over a gold cue, "a2"); the gold cue words of each (a1) loss (``"a1 cues"``); the class of the best cue of each
    wrong asserted hedged unit (``"wrong"``) and of each right one (``"right"``) (s33, helper hedges)."""
    from presslens.text.hedging import _all_hedge_cues

    candidates, options = SCREENS[name]
    if candidates is not None:
        raise ValueError(f"screen {name!r} has its own candidates")
    out: dict[str, dict[str, int]] = {"lost": {}, "a1 cues": {}, "wrong": {}, "right": {}}

    def bump(key: str, value: str) -> None:
        out[key][value] = out[key].get(value, 0) + 1

    for held in rc.SPLITS:
        test = data.only_split(held)
        fitted = rc.fit_both(data.without_split(held), options)
        claim = rc.claim_scores_with(fitted.claim, test)
        cue = candidate_probabilities(fitted, test, claim)
        _, hedge = fitted.decide(test)
        by_hedge: dict[tuple[str, int], list[int]] = {}
        for i, r in enumerate(test.rows):
            for g in r.gold_hedges:
                by_hedge.setdefault((r.article, g), []).append(i)
            if claim[i] >= rc.ASSERTED and hedge[i] >= rc.ASSERTED:
                best = max(zip(cue[i], r.candidates, strict=True), key=lambda pc: pc[0], default=None)
                cls = best[1].cue_class if best is not None and best[0] >= rc.ASSERTED else "decision-time addition"
                bump("right" if r.gold_hedges else "wrong", cls)
        for idx in by_hedge.values():
            cause = loss_cause([test.rows[i] for i in idx], [claim[i] for i in idx], [cue[i] for i in idx])
            if cause == LOSS_CAUSES[1]:
                listed = [(r.text, a, b) for r in (test.rows[i] for i in idx) for a, b in r.gold_cues
                          if any(x < b and a < y for x, y, _ in _all_hedge_cues(r.text))]
                cause = "a1: listed cue dropped by a filter" if listed else "a2: no lexicon match"
                for text, a, b in listed[:1]:
                    bump("a1 cues", " ".join(text[a:b].lower().split()))
            bump("lost", cause)
        # gold hedges no unit matches are (d), as in losses()
        for line in (annotations / f"{held}.jsonl").read_text(encoding="utf-8").splitlines():
            if line.strip():
                import json

                rec = json.loads(line)
                for g in range(len(rec["hedges"])):
                    if (str(rec["id"]), g) not in by_hedge:
                        bump("lost", LOSS_CAUSES[4])
    return out


def lost_words_line(words: dict[str, dict[str, int]], top: int = 12) -> str:
    """Per cause, its most frequent gold cue spans (count), most frequent first."""
    return "".join(f"{cause}: " + ", ".join(f"{w} {n}" for w, n in sorted(ws.items(), key=lambda kv: (-kv[1], kv[0]))[:top])
                   + "\n" for cause, ws in sorted(words.items()))


def forms32_counts(data: rc.Dataset) -> dict[tuple[str, str], tuple[int, int, int]]:
    """Per (form of :data:`presslens.text.hedging.FORMS32`, split): the claim units where the reading ``forms32``
    adds a cue of that form (none overlaps a cue candidate of the unit), as (units that match a gold hedged claim and
    whose added cue overlaps a gold cue span, other units that match a gold hedged claim, units that match no gold
    hedged claim: the form's wrong hits). No fit: the counts of the rows alone (s32, helper hedge23)."""
    from presslens.text.hedging import forms32_additions

    out: dict[tuple[str, str], tuple[int, int, int]] = {}
    for r in data.rows:
        for a, b, _, form in forms32_additions(r.text, [(c.start, c.end, c.kind) for c in r.candidates]):
            right, other, wrong = out.get((form, r.split), (0, 0, 0))
            if not r.gold_hedges:
                wrong += 1
            elif any(x < b and a < y for x, y in r.gold_cues):
                right += 1
            else:
                other += 1
            out[(form, r.split)] = (right, other, wrong)
    return out


def losses_table(counts: dict[tuple[str, str], dict[str, int]]) -> str:
    """Markdown: a row per split, a row per stratum and the total (gold hedges by :data:`LOSS_CAUSES`)."""
    def row(label: str, cells: list[dict[str, int]]) -> str:
        n = [sum(c[k] for c in cells) for k in LOSS_CAUSES]
        return f"| {label} | {sum(n)} | " + " | ".join(str(v) for v in n) + " |"

    lines = ["| | gold hedged | " + " | ".join(LOSS_CAUSES) + " |", "|" + "---|" * (2 + len(LOSS_CAUSES))]
    for split in rc.SPLITS:
        lines.append(row(split, [v for (s, _), v in counts.items() if s == split]))
    for genre in sorted({g for _, g in counts}):
        lines.append(row(f"stratum {genre}", [v for (_, g), v in counts.items() if g == genre]))
    test_pool = ptc_test_splits()  # the PTC test-article splits (rules 14, 15: dev12 on), the test split's genre
    for label, inside in (("PTC train-article splits", False), ("PTC test-article splits", True)):
        cells = [v for (s, _), v in counts.items() if (s in test_pool) == inside]
        if cells:
            lines.append(row(label, cells))
    lines.append(row(f"all {len(rc.SPLITS)} splits", list(counts.values())))
    return "\n".join(lines) + "\n"


MODAL_GROUPS = ("gold cue, p >= 0.5", "gold cue, p < 0.5", "not gold, p >= 0.5", "not gold, p < 0.5")
"""the four groups of :func:`modal_cues`"""


def modal_cues(data: rc.Dataset, name: str = "genre") -> list[tuple[rc.SentenceRow, rc.Candidate, float, float]]:
    """Every "may" / "might" / "could" cue candidate of the open splits with its held-out probability under screen
    ``name`` (fits made without its split, as :func:`screen`) and its unit's held-out claim score (s30, helper
    hedge19)."""
    from presslens.analyzers.claims.scorers import is_modal_cue

    candidates, options = SCREENS[name]
    if candidates is not None:
        raise ValueError(f"screen {name!r} has its own candidates: load them first")
    out = []
    for held in rc.SPLITS:
        test = data.only_split(held)
        fitted = rc.fit_both(data.without_split(held), options)
        claim = rc.claim_scores_with(fitted.claim, test)
        probs = candidate_probabilities(fitted, test, claim)
        for r, c, ps in zip(test.rows, claim, probs, strict=True):
            for cand, p in zip(r.candidates, ps, strict=True):
                if is_modal_cue(r.text, cand.start, cand.end):
                    out.append((r, cand, p, c))
    return out


def modal_table(cues: list[tuple[rc.SentenceRow, rc.Candidate, float, float]]) -> str:
    """Markdown: for the modal candidates of :func:`modal_cues` in each of :data:`MODAL_GROUPS` (gold cue or not,
    held-out probability >= 0.5 or not), the count and how many have each of the modal-context columns
    (:func:`presslens.analyzers.claims.scorers.modal_context`), the cue features "modal + have", "modal + be",
    "negated", "in quote", "question", "conditional before", and the class "modal, root reading"."""
    from presslens.analyzers.claims.scorers import MODAL_CONTEXT_FEATURES, cue_features, modal_context

    names = [n.removeprefix("modal ") for n in MODAL_CONTEXT_FEATURES]
    own = ("modal + have", "modal + be", "negated", "in quote", "question", "conditional before")
    all_names = rc.cue_feature_names(True)
    groups: dict[str, list[list[float]]] = {g: [] for g in MODAL_GROUPS}
    for r, c, p, _ in cues:
        feats = cue_features(r.text, c.start, c.end, c.cue_class, r.p, r.index == 0, len(r.candidates))
        cols = modal_context(r.text, c.start, c.end) + [feats[all_names.index(n)] for n in own]
        cols.append(float(c.cue_class == "modal, root reading"))
        groups[MODAL_GROUPS[(0 if c.gold_cue else 2) + (p < rc.ASSERTED)]].append(cols)
    head = ["group", "n", *names, *own, "root reading class"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for g, rows in groups.items():
        sums = [int(sum(col)) for col in zip(*rows, strict=True)] if rows else [0] * (len(head) - 2)
        lines.append(f"| {g} | {len(rows)} | " + " | ".join(str(v) for v in sums) + " |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("cache", type=Path, help="the rows file of `presslens train realnews-claims --cache`")
    p.add_argument("screens", nargs="*", help=f"of {', '.join(SCREENS)} (default: all)")
    p.add_argument("--uncovered", action="store_true",
                   help="only count the gold cues without a cue candidate, per split")
    p.add_argument("--report-lead-ins", action="store_true",
                   help="only the claims option furniture=s28 at decision time, per split it moves (s28)")
    p.add_argument("--link-titles", action="store_true",
                   help="with --report-lead-ins: the option furniture=s30 against furniture=s28 (s30)")
    p.add_argument("--losses", action="store_true",
                   help="only where each gold hedged claim is lost at 0.5, held out per split, stratum and PTC "
                        "pool (s29, s31; the first screen named, default shipped since s31, genre before)")
    p.add_argument("--modal-cues", action="store_true",
                   help="only the may / might / could candidates by gold cue and held-out probability, with their "
                        "modal-context columns (s30; the first screen named, default genre); --list: each one, "
                        "stand-off")
    p.add_argument("--list", action="store_true", help="with --modal-cues: one line per candidate, no text")
    p.add_argument("--causes", action="store_true",
                   help="only the causes of lost gold hedges ((a) split into a listed cue a filter drops and no "
                        "lexicon match) and the cue classes of wrong and right asserted hedges, held out (s33; the "
                        "first screen named, default shipped)")
    p.add_argument("--forms32", action="store_true",
                   help="only, per form of the reading forms32 and split, the claim units it adds a cue to: gold "
                        "hedged with a gold cue there / gold hedged otherwise / not gold hedged (s32; no fit)")
    args = p.parse_args(argv)
    if args.forms32:
        from presslens.text.hedging import FORMS32

        table = forms32_counts(rc.load_dataset(args.cache))
        print("| form | " + " | ".join(rc.SPLITS) + " | all |\n|" + "---|" * (len(rc.SPLITS) + 2))
        for form in FORMS32:
            cells = [table.get((form, s), (0, 0, 0)) for s in rc.SPLITS]
            total = tuple(sum(c[i] for c in cells) for i in range(3))
            print(f"| {form} | " + " | ".join("/".join(map(str, c)) for c in [*cells, total]) + " |")
        return 0
    if args.modal_cues:
        cues = modal_cues(rc.load_dataset(args.cache), (args.screens[:1] or ["genre"])[0])
        print(modal_table(cues), end="")
        if args.list:
            for r, c, prob, claim in cues:
                print(f"{r.split}\t{r.article}\t{r.index}\t{c.start}\t{c.end}\t{int(c.gold_cue)}\t{prob:.3f}\t"
                      f"{claim:.3f}")
        return 0
    if args.causes:
        causes = hedge_causes(rc.load_dataset(args.cache), (args.screens[:1] or ["shipped"])[0])
        for key, tally in causes.items():
            print(f"{key} ({sum(tally.values())}): " + ", ".join(
                f"{k} {n}" for k, n in sorted(tally.items(), key=lambda kv: (-kv[1], kv[0]))))
        return 0
    if args.losses:
        words: dict[str, dict[str, int]] = {}
        lost = losses(rc.load_dataset(args.cache), (args.screens[:1] or ["shipped"])[0], words=words)
        print(losses_table(lost) + lost_words_line(words), end="")
        return 0
    if args.report_lead_ins:
        print(report_lead_ins(rc.load_dataset(args.cache), link_titles=args.link_titles), end="")
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
