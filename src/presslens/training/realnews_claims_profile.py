"""The s26 screens of the claim scorer's article features, leave-one-split-out over the open real-news splits.

    python -m presslens.training.realnews_claims_profile CACHE [VARIANT ...]
    python -m presslens.training.realnews_claims_profile CACHE --write [OUT]

(``--write`` fits ``profile_kept``'s claim scorer on every open split and writes the claims option
``claim_gate=kept``'s file, by default the package's ``realnews_claim_profile.json``: :func:`write_kept`.)
    python -m presslens.training.realnews_claims_profile CACHE --write-neighbours [OUT]
    python -m presslens.training.realnews_claims_profile CACHE [VARIANT ...] --wrong OUT
    python -m presslens.training.realnews_claims_profile CACHE --write-capped-neighbours [OUT]
    python -m presslens.training.realnews_claims_profile CACHE --write-stance [OUT]

(``--write-neighbours`` fits the ``neighbours`` screen's claim scorer on every open split and writes the claims
option ``claim_gate=neighbours``'s file, by default ``realnews_claim_neighbours.json``: :func:`write_neighbours`;
``--wrong`` also writes each variant's held-out wrong asserted claims, stand-off, and prints their count by surface
marker per split: :func:`marker_table`, s31.)

``CACHE`` is the rows file of ``presslens train realnews-claims --cache``. Each variant is the shipped claim scorer's
13 features (:func:`presslens.analyzers.claims.scorers.sentence_feature_names`) with article features appended:

- ``shipped``: none (reproduces the trainer's first row);
- ``profile``: the article profile (:func:`presslens.analyzers.claims.scorers.article_profile`; reproduces the
  trainer's row "+ article profile (option)");
- ``profile_x_unattributed``: the profile times "the unit has no speech verb or 'according to'" (the profile moves
  only unattributed units);
- ``one_sided``: ``min(0, f - m)`` for each profile feature ``f``, ``m`` its mean over the training articles of the
  fold (the profile can only lower a unit's score relative to the typical article);
- ``hypothetical`` (s27): no profile; one sentence feature, "the unit is a hypothetical or counterfactual"
  (:func:`hypothetical`: a conditional frame with would / could / might);
- ``profile_claim_gate`` (s27): the claim score of ``profile``, but the hedge score capped by the shipped claim
  scorer's score (fitted in the same fold), so the profile moves the claim gate and not the hedges;
- ``profile_spared`` (s28, helper claims16; the card's "next idea" of s27): the profile times "the unit has no
  speech verb or 'according to' and no hedge cue candidate", so units that attribute or carry a hedge cue keep the
  shipped features (the hedged and attributed claims the s27 profiles lost).
- ``profile_kept`` (s29, helper claims17; the card's "next" of s28: hedged claims kept apart from the claim gate):
  the claim scorer with the article profile (``profile``'s features, every unit) gives the claim score, except that
  a unit whose best cue the cue scorer asserts (probability >= 0.5) or that attributes (speech verb or "according
  to") keeps the higher of that and the shipped claim scorer's score (fitted in the same fold, its own C), so the
  profile cannot take a hedged or attributed claim below where the shipped scorer puts it.
- ``profile_lowered`` (s30, helper claims18; the card's "next" of s29: a profile that may only lower a unit, with
  ``profile_kept``'s keeping): the lower of the profiled and the shipped claim score, except that a unit whose best
  cue the cue scorer asserts or that attributes keeps the shipped score, so the profile never raises a unit
  (``profile_kept`` failed audit B at s29 because it raised the writer's evaluations in report-like articles) and
  never touches a hedged or attributed claim.
- ``profile_lowered_figure`` / ``profile_lowered_anchored`` (s30, helper claims18, registered after
  ``profile_lowered`` failed on recall): ``profile_lowered``, but a unit that holds a figure (``figure``), or a figure,
  a named entity or a reported event (``anchored``, :func:`presslens.analyzers.claims.scorers.anchored_unit`), also
  keeps the shipped score.
- ``profile_lowered_mean`` (s30, helper claims18, registered after the three above failed on recall): half of
  ``profile_lowered``'s step, the mean of the shipped score and ``profile_lowered``'s score, so a unit falls below 0.5
  only where the profile disagrees strongly with the shipped scorer.
- ``neighbours`` (s31, helper claims19; no profile): four columns on the passage around the unit, the two units
  before and the two after it in its article (:func:`presslens.analyzers.claims.scorers.neighbour_context`: mean
  CheckThat! logit, shares with a speech verb, a first/second-person word, an opinion marker), learned by the
  claim scorer in each fold as any feature (it may raise or lower a unit).
- ``neighbours_capped`` (s32, helper claims20; the card's "ideas left" of s31): ``neighbours`` without the
  attribution-share column (:data:`presslens.analyzers.claims.scorers.CAPPED_NEIGHBOUR_COLUMNS`: at s31 it raised a
  speaker's opinions between attributed lines in audit B), and with a hedge cap: a unit whose best cue the cue
  scorer asserts (probability >= 0.5) keeps the shipped claim score (fitted in the same fold, its own C), so no hedged
  finding moves (:func:`presslens.analyzers.claims.scorers.capped_claims`).
- ``stance`` (s33, helper opinion; the writer's opinion, the largest cause of wrong asserted claims since s29): the
  claim scorer with the five :data:`presslens.analyzers.claims.scorers.STANCE_FEATURES` columns (evaluative words,
  intensifiers, an argumentative opener, an emphatic construction, a hypothetical frame; all zero in a unit with a
  speech verb), fitted in each fold as any feature; a unit with a stance marker and no asserted hedge cue gets the
  lower of the shipped and this scorer's claim score, every other unit the shipped one
  (:func:`presslens.analyzers.claims.scorers.stance_claims`): it can only lower a claim and moves no hedged finding.
- ``stance_strict`` (s33, registered after ``stance`` failed CT24 and held out): ``stance`` with three of its five
  columns (:data:`presslens.analyzers.claims.scorers.STRICT_STANCE_COLUMNS`: evaluative words, an emphatic
  construction, a hypothetical frame; no argumentative opener and no intensifiers, the markers frequent in spoken
  claims), the gate acting on units with one of those three.
- ``stance_unanchored`` (s33, registered after ``stance`` and ``stance_strict`` failed held out): ``stance``'s scorer
  and gate, but a unit with checkable content (:func:`presslens.analyzers.claims.scorers.anchored_unit` "anchored":
  a figure, a named entity, a past-tense verb) keeps the shipped score: only a judgement with nothing to check is
  lowered.

For each held-out split the claim scorer is fitted on the other splits with its C chosen inside them as the trainer
does (:func:`presslens.training.realnews_claims.choose_claim_c`, by held-out precision) and the cue scorer is the
shipped one (C fixed at 0.01, as every fold of the trainer chose over the ten open splits; since s29 with the
``genre`` columns of the shipped file, :func:`presslens.training.realnews_claims.written_setting`; the s26 to s28
screens used the plain cue scorer); the hedge score is the
lower of the claim and cue scores, as in the analyzer. Prints claim P / R / ECE and hedged P / R per held-out split
and their sums (the model card's HISTORY.md, s26). Slow: a few minutes a variant on one free core.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import numpy as np

from presslens.analyzers.claims.scorers import (
    CAPPED_NEIGHBOUR_COLUMNS,
    CAPPED_NEIGHBOURS_FILE,
    KEPT_FILE,
    NEIGHBOURS_FILE,
    STANCE_FEATURES,
    STANCE_FILE,
    STRICT_STANCE_COLUMNS,
    LinearScorer,
    anchored_unit,
    article_profile,
    capped_claims,
    capped_neighbour_scorer_names,
    kept_claims,
    lowered_claims,
    neighbour_context,
    neighbour_scorer_names,
    sentence_feature_names,
    stance_claims,
    stance_markers,
    stance_scorer_names,
)
from presslens.training import realnews_claims as rc
from presslens.training.logistic import log_loss

#: a conditional or counterfactual frame: "if" / "unless", or an inverted "Had" / "Should" / "Were" opening a
#: clause ("Had he fired these rounds, ...", "Should that happen, ...")
_CONDITION_FRAME = re.compile(
    r"(?i:\b(?:if|unless)\b)|(?:^|[.,;:!?]\s+|[\"“‘(]\s*)(?:Had|Should|Were)\s+(?!to\b)[A-Za-z]", re.MULTILINE
)
_HYPOTHETICAL_MODAL = re.compile(r"\b(?:would|could|might)\b|\b(?:wouldn|couldn)['’]t\b|['’]d\b", re.IGNORECASE)


def hypothetical(sentence: str) -> bool:
    """The unit states what would (could, might) happen under a condition, or would have happened otherwise: a
    conditional or counterfactual frame with "would / could / might" (s27 screen, read off dev10's wrong claims
    "Had X fired ..., they would have been visible", "If they were, there would be ...", "Should that happen, ...";
    GUIDELINE section 4: a hypothetical is no checkable event unless reported, and the scorer also sees the
    attribution feature)."""
    return bool(_CONDITION_FRAME.search(sentence) and _HYPOTHETICAL_MODAL.search(sentence))


VARIANTS = ("shipped", "profile", "profile_x_unattributed", "one_sided", "hypothetical", "profile_claim_gate",
            "profile_spared", "profile_kept", "profile_lowered", "profile_lowered_figure", "profile_lowered_anchored",
            "profile_lowered_mean", "neighbours", "neighbours_capped", "stance",
            "stance_strict", "stance_unanchored")
_BASE = sentence_feature_names(False, False)
_ATTRIBUTION = _BASE.index("attribution")


def _profiles(data: rc.Dataset) -> list[list[float]]:
    """The article profile of each row's article (rows of one article share it)."""
    by_article: dict[tuple[str, str], list[int]] = {}
    for i, r in enumerate(data.rows):
        by_article.setdefault((r.split, r.article), []).append(i)
    out: list[list[float]] = [[] for _ in data.rows]
    for idx in by_article.values():
        profile = article_profile([data.rows[i].text for i in idx], [data.rows[i].p for i in idx])
        for i in idx:
            out[i] = profile
    return out


def _neighbours(data: rc.Dataset) -> list[list[float]]:
    """The neighbourhood columns of each row (:func:`presslens.analyzers.claims.scorers.neighbour_context` over the
    units of its article in order)."""
    by_article: dict[tuple[str, str], list[int]] = {}
    for i, r in enumerate(data.rows):
        by_article.setdefault((r.split, r.article), []).append(i)
    out: list[list[float]] = [[] for _ in data.rows]
    for idx in by_article.values():
        idx = sorted(idx, key=lambda i: data.rows[i].index)
        for i, cols in zip(idx, neighbour_context([data.rows[i].text for i in idx], [data.rows[i].p for i in idx]),
                           strict=True):
            out[i] = cols
    return out


def variant_matrix(data: rc.Dataset, variant: str, profiles: list[list[float]],
                   reference: list[float] | None = None, neighbours: list[list[float]] | None = None) -> np.ndarray:
    """The claim scorer's features of every row of ``data`` under ``variant`` (``reference``: the training
    articles' mean profile, for ``one_sided``; ``neighbours``: :func:`_neighbours`, for ``neighbours``)."""
    rows: list[list[float]] = []
    for k, (r, profile) in enumerate(zip(data.rows, profiles, strict=True)):
        base = list(r.features[(False, False)])
        unattributed = 1.0 - base[_ATTRIBUTION]
        if variant == "shipped":
            extra: list[float] = []
        elif variant in ("profile", "profile_claim_gate", "profile_kept") or variant.startswith("profile_lowered"):
            extra = list(profile)
        elif variant == "profile_x_unattributed":
            extra = [v * unattributed for v in profile]
        elif variant == "profile_spared":
            spared = unattributed * (0.0 if r.candidates else 1.0)
            extra = [v * spared for v in profile]
        elif variant == "one_sided":
            if reference is None:
                raise ValueError("one_sided needs the training articles' mean profile")
            extra = [min(0.0, v - m) for v, m in zip(profile, reference, strict=True)]
        elif variant == "hypothetical":
            extra = [float(hypothetical(r.text))]
        elif variant == "neighbours":
            if neighbours is None:
                raise ValueError("neighbours needs the rows' neighbourhood columns")
            extra = list(neighbours[k])
        elif variant == "neighbours_capped":
            if neighbours is None:
                raise ValueError("neighbours_capped needs the rows' neighbourhood columns")
            extra = [neighbours[k][j] for j in CAPPED_NEIGHBOUR_COLUMNS]
        elif variant in ("stance", "stance_unanchored"):
            extra = stance_markers(r.text)
        elif variant == "stance_strict":
            marks = stance_markers(r.text)
            extra = [marks[j] for j in STRICT_STANCE_COLUMNS]
        else:
            raise ValueError(f"unknown variant {variant!r}: choose from {', '.join(VARIANTS)}")
        rows.append(base + extra)
    width = len(_BASE) + {"shipped": 0, "hypothetical": 1, "neighbours_capped": len(CAPPED_NEIGHBOUR_COLUMNS),
                          "stance": len(STANCE_FEATURES), "stance_unanchored": len(STANCE_FEATURES),
                          "stance_strict": len(STRICT_STANCE_COLUMNS)}.get(variant, 4)
    return np.asarray(rows, dtype=float).reshape(len(rows), width)


def _claim_scores(scorer: LinearScorer, x: np.ndarray, rows: list[rc.SentenceRow]) -> list[float]:
    from presslens.analyzers.claims.analyzer import FURNITURE_FACTOR

    probs = scorer.probabilities(x).tolist() if rows else []
    return [p * FURNITURE_FACTOR if r.furniture is not None else p for p, r in zip(probs, rows, strict=True)]


def _fit(x: np.ndarray, rows: list[rc.SentenceRow], c: float) -> LinearScorer:
    """The claim scorer fitted on the rows that are not furniture (as :func:`rc.fit_claim`)."""
    keep = [i for i, r in enumerate(rows) if r.furniture is None]
    y = np.asarray([int(bool(rows[i].gold_claims)) for i in keep])
    names = [*_BASE, *(f"article {k}" for k in range(x.shape[1] - len(_BASE)))]
    return rc.fit_scorer(x[keep], None, y, c, names)


def _choose_c(x: np.ndarray, rows: list[rc.SentenceRow]) -> float:
    """C by held-out precision inside the training splits (:func:`rc.claim_c_table`, :func:`rc.choose_claim_c`)."""
    splits = sorted({r.split for r in rows})
    table: dict[float, tuple[float, float, float]] = {}
    for c in rc.C_GRID:
        loss = p_sum = r_sum = 0.0
        for held in splits:
            train = [i for i, r in enumerate(rows) if r.split != held]
            test = [i for i, r in enumerate(rows) if r.split == held]
            scorer = _fit(x[train], [rows[i] for i in train], c)
            pool = [i for i in test if rows[i].furniture is None]
            loss += log_loss(np.asarray([int(bool(rows[i].gold_claims)) for i in pool]),
                             scorer.probabilities(x[pool]))
            test_rows = [rows[i] for i in test]
            claim = _claim_scores(scorer, x[test], test_rows)
            counts = rc.pr_counts(test_rows, claim, claim)[f"{held} claim"]
            p_sum += counts.correct / max(1, counts.predicted)
            r_sum += counts.found / max(1, counts.gold)
        table[c] = (loss, p_sum, r_sum)
    return rc.choose_claim_c(table, "precision")


def kept_claim_scores(profiled: list[float], shipped: list[float], cue: list[float],
                      rows: list[rc.SentenceRow]) -> list[float]:
    """``profile_kept``'s claim score: the profiled score, but the higher of it and the shipped score where the unit
    has an asserted hedge cue (``cue`` >= 0.5) or attributes (the claim scorer's attribution feature): the
    analyzer's :func:`presslens.analyzers.claims.scorers.kept_claims` over the trainer's rows."""
    attributed = [r.features[(False, False)][_ATTRIBUTION] > 0.0 for r in rows]
    return kept_claims(shipped, profiled, cue, attributed)


def lowered_claim_scores(profiled: list[float], shipped: list[float], cue: list[float],
                         rows: list[rc.SentenceRow], spare: str | None = None) -> list[float]:
    """``profile_lowered``'s claim score: the lower of the profiled and the shipped score, but the shipped score where
    the unit has an asserted hedge cue (``cue`` >= 0.5) or attributes: the analyzer's
    :func:`presslens.analyzers.claims.scorers.lowered_claims` over the trainer's rows."""
    attributed = [r.features[(False, False)][_ATTRIBUTION] > 0.0 or (spare is not None and anchored_unit(r.text, spare))
                  for r in rows]
    return lowered_claims(shipped, profiled, cue, attributed)


MARKERS = ("headline or line without a closing stop", "quote marks", "first/second person or opinion marker",
           "speech verb", "none of these")
"""the coarse markers :func:`marker` sorts a wrong asserted claim by (s31, helper claims19; the first that holds)"""
_QUOTE_MARKS = re.compile(r"[\"“”]")


def marker(row: rc.SentenceRow) -> str:
    """The first of :data:`MARKERS` a claim unit shows: a headline (the article's first unit) or a line without a
    closing stop (list rows, subheads, link titles, captions), quote marks, a first- or second-person word or an
    opinion marker (:data:`presslens.analyzers.claims.scorers._OPINION`), a speech verb; a count of surface forms,
    not a reading of causes (the card gives the read causes of dev13 and dev14 beside it)."""
    text = row.text.strip()
    if row.index == 0 or not text.rstrip("\"'”’)] ").endswith((".", "!", "?", ";")):
        return MARKERS[0]
    if _QUOTE_MARKS.search(text):
        return MARKERS[1]
    base = row.features[(False, False)]
    names = sentence_feature_names(False, False)
    if any(base[names.index(k)] > 0.0 for k in ("first person", "second person", "opinion marker")):
        return MARKERS[2]
    if base[_ATTRIBUTION] > 0.0:
        return MARKERS[3]
    return MARKERS[4]


def screen(data: rc.Dataset, variant: str, annotations: Path = rc.DEFAULT_ANNOTATIONS,
           wrong: list[tuple[str, rc.SentenceRow, float]] | None = None,
           moved: list[tuple[str, rc.SentenceRow, float, float]] | None = None) -> str:
    """One variant's held-out lines (markdown rows) and its sums; ``wrong``: gets (variant, row, claim score) of
    every held-out wrong asserted claim (score >= 0.5, no gold claim); ``moved`` (the stance screens): gets
    (variant, row, shipped score, variant score) of every held-out unit whose asserted decision the gate changes."""
    profiles = _profiles(data)
    neighbours = _neighbours(data) if variant.startswith("neighbours") else None
    options = rc.written_setting(rc.WRITTEN_CUE_CONTEXT)  # the shipped cue scorer (genre columns; s29)
    sums = [0.0] * len(rc.METRICS)
    lines = []
    for held in rc.SPLITS:
        train_idx = [i for i, r in enumerate(data.rows) if r.split != held]
        test_idx = [i for i, r in enumerate(data.rows) if r.split == held]
        reference: list[float] | None = None
        if variant == "one_sided":
            seen: dict[tuple[str, str], list[float]] = {}
            for i in train_idx:
                seen[(data.rows[i].split, data.rows[i].article)] = profiles[i]
            reference = [float(np.mean([p[k] for p in seen.values()])) for k in range(4)]
        x = variant_matrix(data, variant, profiles, reference, neighbours)
        train_rows = [data.rows[i] for i in train_idx]
        c = _choose_c(x[train_idx], train_rows)
        scorer = _fit(x[train_idx], train_rows, c)
        test = data.only_split(held)
        claim = _claim_scores(scorer, x[test_idx], test.rows)
        fitted = rc.fit_both(data.without_split(held), options)
        cue = rc.hedge_scores_with(fitted.cue, test)
        # ``profile_claim_gate``: the profile moves the claim gate only; the hedge cap is the shipped claim score
        cap = rc.claim_scores_with(fitted.claim, test) if variant == "profile_claim_gate" else claim
        if variant == "profile_kept":
            claim = kept_claim_scores(claim, rc.claim_scores_with(fitted.claim, test), cue, test.rows)
            cap = claim
        elif variant.startswith("profile_lowered"):
            spare = variant.removeprefix("profile_lowered").lstrip("_") or None
            shipped = rc.claim_scores_with(fitted.claim, test)
            if spare == "mean":
                lowered = lowered_claim_scores(claim, shipped, cue, test.rows)
                claim = [(a + b) / 2.0 for a, b in zip(shipped, lowered, strict=True)]
            else:
                claim = lowered_claim_scores(claim, shipped, cue, test.rows, spare)
            cap = claim
        elif variant == "neighbours_capped":
            claim = capped_claims(rc.claim_scores_with(fitted.claim, test), claim, cue)
            cap = claim
        elif variant.startswith("stance"):
            marks = [stance_markers(r.text) for r in test.rows]
            if variant == "stance_strict":
                marks = [[m[j] for j in STRICT_STANCE_COLUMNS] for m in marks]
            shipped = rc.claim_scores_with(fitted.claim, test)
            spared = ([anchored_unit(r.text, "anchored") for r in test.rows] if variant == "stance_unanchored"
                      else None)
            claim = stance_claims(shipped, claim, cue, marks, spared)
            cap = claim
            if moved is not None:
                moved.extend((variant, r, a, b) for r, a, b in zip(test.rows, shipped, claim, strict=True)
                             if (a >= rc.ASSERTED) != (b >= rc.ASSERTED))
        hedge = [min(a, b) for a, b in zip(cap, cue, strict=True)]
        if wrong is not None:
            wrong.extend((variant, r, p) for r, p in zip(test.rows, claim, strict=True)
                         if p >= rc.ASSERTED and not r.gold_claims)
        vals = rc.score_split(test, held, annotations, claim, hedge)
        sums = [a + b for a, b in zip(sums, vals, strict=True)]
        lines.append(f"| {variant} | {held} | {c:g} | " + " | ".join(f"{v:.3f}" for v in vals) + " |")
    lines.append(f"| {variant} | sum of {len(rc.SPLITS)} held out | | " + " | ".join(f"{v:.3f}" for v in sums) + " |")
    return "\n".join(lines) + "\n"


def _write_claim_scorer(data: rc.Dataset, out: Path, x: np.ndarray, names: list[str], key: str, about: str) -> float:
    """Fit a claim scorer on the features ``x`` of every row of ``data`` (C chosen by :func:`_choose_c` over all
    open splits) and write it under ``key`` with ``about`` and the rows per split to ``out`` (JSON); returns its C."""
    import json

    c = _choose_c(x, data.rows)
    fitted = _fit(x, data.rows, c)
    scorer = LinearScorer(tuple(names), fitted.mean, fitted.scale, fitted.coef, fitted.intercept, fitted.embedding_dims)
    obj = {"about": about,
           key: {**scorer.to_json(), "C": c},
           "rows": {sp: sum(r.split == sp for r in data.rows) for sp in rc.SPLITS}}
    rc._write_atomic(out, json.dumps(obj, indent=1) + "\n")
    return c


def write_kept(data: rc.Dataset, out: Path) -> float:
    """Fit the claim scorer with the article profile (``profile_kept``'s, C chosen by :func:`_choose_c` over all open
    splits) on every open split and write it as the option ``claim_gate=kept``'s file (JSON); returns its C."""
    return _write_claim_scorer(
        data, out, variant_matrix(data, "profile", _profiles(data)), sentence_feature_names(False, True),
        "claim_profile",
        "presslens claims option claim_gate=kept: the claim scorer with the article profile, fitted by "
        "`python -m presslens.training.realnews_claims_profile CACHE --write` on data/realnews "
        f"{'+'.join(rc.SPLITS)} (PTC articles, research use); C by held-out precision")


def write_neighbours(data: rc.Dataset, out: Path) -> float:
    """Fit the claim scorer with the neighbourhood columns (``neighbours``'s, C chosen by :func:`_choose_c` over all
    open splits) on every open split and write it as the option ``claim_gate=neighbours``'s file (JSON); returns its
    C."""
    return _write_claim_scorer(
        data, out, variant_matrix(data, "neighbours", _profiles(data), None, _neighbours(data)),
        neighbour_scorer_names(), "claim_neighbours",
        "presslens claims option claim_gate=neighbours: the claim scorer with the neighbourhood columns, fitted by "
        "`python -m presslens.training.realnews_claims_profile CACHE --write-neighbours` on data/realnews "
        f"{'+'.join(rc.SPLITS)} (PTC articles, research use); C by held-out precision")


def write_capped_neighbours(data: rc.Dataset, out: Path) -> float:
    """Fit the claim scorer with the three neighbourhood columns of ``neighbours_capped`` (C chosen by
    :func:`_choose_c` over all open splits) on every open split and write it as the option
    ``claim_gate=neighbours_capped``'s file (JSON); returns its C."""
    return _write_claim_scorer(
        data, out, variant_matrix(data, "neighbours_capped", _profiles(data), None, _neighbours(data)),
        capped_neighbour_scorer_names(), "claim_neighbours_capped",
        "presslens claims option claim_gate=neighbours_capped: the claim scorer with three neighbourhood columns (no "
        "attribution share), fitted by `python -m presslens.training.realnews_claims_profile CACHE "
        f"--write-capped-neighbours` on data/realnews {'+'.join(rc.SPLITS)} (PTC articles, research use); C by "
        "held-out precision; a unit with an asserted hedge cue keeps the shipped claim score at decision time")


def write_stance(data: rc.Dataset, out: Path) -> float:
    """Fit the claim scorer with the stance columns of ``stance`` (C chosen by :func:`_choose_c` over all open
    splits) on every open split and write it as the option ``claim_gate=stance``'s file (JSON); returns its C."""
    return _write_claim_scorer(
        data, out, variant_matrix(data, "stance", _profiles(data)), stance_scorer_names(), "claim_stance",
        "presslens claims option claim_gate=stance: the claim scorer with the writer's stance columns, fitted by "
        "`python -m presslens.training.realnews_claims_profile CACHE --write-stance` on data/realnews "
        f"{'+'.join(rc.SPLITS)} (PTC articles, research use); C by held-out precision; at decision time it may only "
        "lower a unit with a stance marker and no asserted hedge cue")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    p.add_argument("cache", type=Path, help="the rows file of `presslens train realnews-claims --cache`")
    p.add_argument("variants", nargs="*", help=f"of {', '.join(VARIANTS)} (default: all)")
    p.add_argument("--write", nargs="?", const=KEPT_FILE, type=Path, metavar="OUT",
                   help="only fit profile_kept's claim scorer on every open split and write the claims option "
                        "claim_gate=kept's file (default: the package's realnews_claim_profile.json)")
    p.add_argument("--write-neighbours", nargs="?", const=NEIGHBOURS_FILE, type=Path, metavar="OUT",
                   help="only fit the neighbours screen's claim scorer on every open split and write the claims "
                        "option claim_gate=neighbours's file (default: the package's realnews_claim_neighbours.json)")
    p.add_argument("--write-capped-neighbours", nargs="?", const=CAPPED_NEIGHBOURS_FILE, type=Path, metavar="OUT",
                   help="only fit the neighbours_capped screen's claim scorer on every open split and write the claims "
                        "option claim_gate=neighbours_capped's file (default: the package's "
                        "realnews_claim_neighbours_capped.json)")
    p.add_argument("--write-stance", nargs="?", const=STANCE_FILE, type=Path, metavar="OUT",
                   help="only fit the stance screen's claim scorer on every open split and write the claims option "
                        "claim_gate=stance's file (default: the package's realnews_claim_stance.json)")
    p.add_argument("--moved", action="store_true",
                   help="the stance screens: also print the held-out units whose asserted decision the gate changes, "
                        "right and wrong by gold, by stance marker (s33)")
    p.add_argument("--wrong", type=Path, metavar="OUT",
                   help="also write each variant's held-out wrong asserted claims to OUT (stand-off JSON lines: "
                        "variant, split, article, unit index, score, marker) and print their count by marker")
    args = p.parse_args(argv)
    if args.write is not None:
        c = write_kept(rc.load_dataset(args.cache), args.write)
        print(f"wrote {args.write} (claim C {c:g})")
        return 0
    if args.write_neighbours is not None:
        c = write_neighbours(rc.load_dataset(args.cache), args.write_neighbours)
        print(f"wrote {args.write_neighbours} (claim C {c:g})")
        return 0
    if args.write_capped_neighbours is not None:
        c = write_capped_neighbours(rc.load_dataset(args.cache), args.write_capped_neighbours)
        print(f"wrote {args.write_capped_neighbours} (claim C {c:g})")
        return 0
    if args.write_stance is not None:
        c = write_stance(rc.load_dataset(args.cache), args.write_stance)
        print(f"wrote {args.write_stance} (claim C {c:g})")
        return 0
    unknown = [v for v in args.variants if v not in VARIANTS]
    if unknown:
        p.error(f"unknown variant(s) {', '.join(unknown)}: choose from {', '.join(VARIANTS)}")
    data = rc.load_dataset(args.cache)
    print("| variant | held-out split | C claim | " + " | ".join(rc.METRICS) + " |")
    print("|" + "---|" * (3 + len(rc.METRICS)))
    wrong: list[tuple[str, rc.SentenceRow, float]] | None = [] if args.wrong else None
    moved: list[tuple[str, rc.SentenceRow, float, float]] | None = [] if args.moved else None
    for variant in args.variants or VARIANTS:
        print(screen(data, variant, wrong=wrong, moved=moved), end="", flush=True)
    if moved is not None:
        print(moved_table(moved))
    if args.wrong and wrong is not None:
        import json

        lines = [json.dumps({"variant": v, "split": r.split, "article": r.article, "index": r.index,
                             "score": round(p, 4), "marker": marker(r)}) for v, r, p in wrong]
        rc._write_atomic(args.wrong, "".join(f"{line}\n" for line in lines))
        print(marker_table(wrong))
    return 0


def moved_table(moved: list[tuple[str, rc.SentenceRow, float, float]]) -> str:
    """The stance gate's held-out moves (markdown): per variant and :data:`STANCE_FEATURES` column, the units it takes
    below 0.5 that are gold claims (right claims lost) and that are not (wrong claims removed); a unit with two
    markers counts under each, the row "any" once. The gate only lowers, so no unit is raised across 0.5."""
    out = ["| variant | marker | right claims lost | wrong claims removed |", "|---|---|---|---|"]
    for v in dict.fromkeys(m[0] for m in moved):
        units = [(r, stance_markers(r.text)) for w, r, _, _ in moved if w == v]
        for k, name in enumerate(STANCE_FEATURES):
            hit = [r for r, m in units if m[k] > 0.0]
            out.append(f"| {v} | {name} | {sum(bool(r.gold_claims) for r in hit)} | "
                       f"{sum(not r.gold_claims for r in hit)} |")
        out.append(f"| {v} | any | {sum(bool(r.gold_claims) for r, _ in units)} | "
                   f"{sum(not r.gold_claims for r, _ in units)} |")
    return "\n".join(out)


def marker_table(wrong: list[tuple[str, rc.SentenceRow, float]]) -> str:
    """Held-out wrong asserted claims by variant, split and :func:`marker` (markdown)."""
    variants = list(dict.fromkeys(v for v, _, _ in wrong))
    out = ["| variant | marker | " + " | ".join(rc.SPLITS) + " | sum |", "|" + "---|" * (3 + len(rc.SPLITS))]
    for v in variants:
        for m in MARKERS:
            counts = [sum(1 for w, r, _ in wrong if w == v and r.split == sp and marker(r) == m) for sp in rc.SPLITS]
            out.append(f"| {v} | {m} | " + " | ".join(map(str, counts)) + f" | {sum(counts)} |")
        counts = [sum(1 for w, r, _ in wrong if w == v and r.split == sp) for sp in rc.SPLITS]
        out.append(f"| {v} | all | " + " | ".join(map(str, counts)) + f" | {sum(counts)} |")
    return "\n".join(out)


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
