"""Judge the learned attribution scorer against the calibration by the ship rule of issue 13 (stop 27).

Both scores are fitted leave one split out on the same rows (the fit rows: 2.7's rules, the tree T27 of the model
card) and scored on the held-out split's rows of the tree that ships (its own rules), so every open split is held
out for both::

    PYTHONPATH=T27/src python -m presslens.training.attribution_scorer_judge dump --data PTC FIT.json
    PYTHONPATH=src python -m presslens.training.attribution_scorer_judge dump --data PTC NOW.json
    python -m presslens.training.attribution_scorer_judge judge FIT.json NOW.json
    python -m presslens.training.attribution_scorer_judge rules NOW.json NOW.rules.json

``dump`` writes, for every attribution the tree finds in the open splits (asserted or not, raw scores), its split,
article id, the calibration's six inputs, the learned scorer's features, whether it passes the sanity rules,
whether it is right and the gold speech attributions it matches, its cue's lemma, whether its cue is an unlisted
cue (:func:`~presslens.analyzers.attribution.refine.unlisted_cue`) and the sanity rules it breaks, and the gold count
per split (no text). ``dump --unlisted-cues candidate`` dumps the rows of the option ``attribution.unlisted_cues=
candidate`` (the unlisted-cue model's rows, :mod:`presslens.training.attribution_unlisted`); ``dump
--single-quotes on`` those of the option ``attribution.single_quotes=on`` (stop 33), ``dump --report-nouns on`` those
of ``attribution.report_nouns=on`` (stop 33). The dumped rows
use the analyzer's default ``attribution.name_may`` ("on" since 2.18) unless ``--name-may`` says otherwise, in
``extract`` and in the traits read after it alike (:func:`extract_options`); T27 has no such option.
``judge`` fits, for each open split, the calibration (:func:`~presslens.training.attribution.fit_logistic`, the
shipped method) and the learned scorer (penalty chosen by leave-one-split-out log loss over the other splits,
:func:`~presslens.training.attribution_scorer.choose_l2`, then fitted on them) on the fit rows of the other splits,
scores the held-out split's rows with both and prints precision at 0.5, recall and the expected calibration error
of each, their sums and the ship rule's precision / recall clause (the audit clause is checked by hand).
``rules`` writes a dump in the format of :mod:`presslens.training.attribution_rules_judge` (id, calibration
inputs, label; splits, matched gold, gold counts), so one pass over the splits serves both judges.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from presslens.evaluation.counts import PrecisionRecallCounts


@dataclass
class Rows:
    """The dumped rows of one tree (see the module docstring)."""

    splits: list[str]
    ids: list[str]
    inputs: list[list[float]]
    features: list[list[float]]
    sane: list[bool]
    right: list[bool]
    matched: list[list[str]]
    gold: dict[str, int]
    lemmas: list[str] = field(default_factory=list)
    unlisted: list[bool] = field(default_factory=list)
    problems: list[list[str]] = field(default_factory=list)


def extract_options(unlisted_cues: str = "off", interview_turns: str = "off",
                    name_may: str | None = None, single_quotes: str = "off",
                    report_nouns: str = "off") -> tuple[dict[str, Any], bool]:
    """The options ``dump`` passes to this tree's ``extract`` and whether a capitalised "May" is a name while the
    rows' traits are read. ``name_may`` None: the analyzer's default (``sanity.NAME_MAY_DEFAULT``, "on" since 2.18),
    passed to ``extract`` and used for the traits alike, so the rows are those of the shipped default; a tree
    without the option (T27, 2.7's rules) gets none and its rows read "May" as the modal. Options other than
    ``name_may`` are passed only when asked for: T27's ``extract`` has none of them."""
    from presslens.analyzers.attribution import sanity

    option: dict[str, Any] = {"unlisted_cues": unlisted_cues} if unlisted_cues != "off" else {}
    if interview_turns != "off":
        option["interview_turns"] = interview_turns
    if single_quotes != "off":
        option["single_quotes"] = single_quotes
    if report_nouns != "off":
        option["report_nouns"] = report_nouns
    has_option = hasattr(sanity, "name_may")
    chosen = name_may if name_may is not None else str(getattr(sanity, "NAME_MAY_DEFAULT", "off"))
    if has_option:
        option["name_may"] = chosen
    elif chosen != "off":
        raise ValueError("this tree's attribution rules have no name_may option")
    return option, chosen == "on"


def dump(data: Path, out: Path, unlisted_cues: str = "off", interview_turns: str = "off",
         name_may: str | None = None, single_quotes: str = "off", report_nouns: str = "off") -> None:
    """The rows of this tree's attributions over the open splits, as JSON (``unlisted_cues``: the analyzer option
    ``attribution.unlisted_cues``; "candidate" dumps the unlisted-cue candidates too; ``interview_turns`` and
    ``name_may``: those options, ``name_may`` None the analyzer's default; :func:`extract_options`)."""
    import contextlib

    from presslens.analyzers.attribution import refine
    from presslens.analyzers.attribution.analyzer import AttributionAnalyzer, extract
    from presslens.analyzers.attribution.calibration import calibration_inputs
    from presslens.analyzers.attribution.refine import sanity_problems
    from presslens.analyzers.attribution.scorer import cue_lemma, scorer_features
    from presslens.analyzers.base import Features
    from presslens.evaluation.realnews import DEFAULT_ANNOTATIONS, annotated_articles
    from presslens.evaluation.realnews_matching import match_attribution
    from presslens.evaluation.realnews_selection import OPEN_SPLITS
    from presslens.pipeline import Pipeline

    pipeline = Pipeline()
    pipeline.load()
    analyzer = AttributionAnalyzer()
    rows = Rows([], [], [], [], [], [], [], {}, [], [], [])
    option, may_is_name = extract_options(unlisted_cues, interview_turns, name_may, single_quotes, report_nouns)
    names: Any = contextlib.nullcontext
    if "name_may" in option:
        from presslens.analyzers.attribution.sanity import name_may as may_as_name

        names = may_as_name
    for split in OPEN_SPLITS:
        rows.gold[split] = 0
        for record, article in annotated_articles(DEFAULT_ANNOTATIONS / f"{split}.jsonl", data):
            speech = [(i, g) for i, g in enumerate(record["attributions"]) if g.get("kind", "speech") == "speech"]
            rows.gold[split] += len(speech)
            sentences = list(article.sentences)
            found = extract(Features(article, pipeline.encoder), raw_scores=True, **option)
            with names(may_is_name):  # the rows' traits read the source's words too, as in the analyzer
                for a in found:
                    finding = analyzer._finding(article, a)
                    rows.splits.append(split)
                    rows.ids.append(record["id"])
                    rows.inputs.append([float(v) for v in calibration_inputs(article.text, a)])
                    rows.features.append([float(v) for v in scorer_features(article.text, a, sentences)])
                    rows.sane.append(bool(a.sane))
                    rows.lemmas.append(cue_lemma(article.text, a.cue))
                    # a tree older than stop 29 (T27) has no unlisted cues: its rows are never unlisted-cue candidates
                    unlisted = getattr(refine, "unlisted_cue", None)
                    rows.unlisted.append(bool(unlisted is not None and unlisted(article.text, a.cue)))
                    rows.problems.append(sanity_problems(article.text, a, sentences))
                    rows.right.append(any(match_attribution(article.text, finding, g) for g in record["attributions"]))
                    rows.matched.append(
                        [f"{record['id']}:{i}" for i, g in speech if match_attribution(article.text, finding, g)]
                    )
    out.write_text(json.dumps(rows.__dict__), encoding="utf-8")


def load(path: Path) -> Rows:
    return Rows(**json.loads(path.read_text(encoding="utf-8")))


def rules_dump(rows: Rows, out: Path) -> None:
    """``rows`` in the format of :func:`presslens.training.attribution_rules_judge.dump`."""
    out.write_text(json.dumps({"rows": [[i, f, r] for i, f, r in zip(rows.ids, rows.inputs, rows.right, strict=True)],
                               "splits": rows.splits, "matched": rows.matched, "gold": rows.gold}), encoding="utf-8")


@dataclass
class Fold:
    """One held-out split: counts at 0.5 and ECE of the calibration and of the learned scorer."""

    split: str
    l2: float
    calibrated: PrecisionRecallCounts
    calibrated_ece: float
    learned: PrecisionRecallCounts
    learned_ece: float


def _design(rows: Rows) -> np.ndarray:
    """The calibration's design (1, logit(raw), sane, short, near, participle), as ``training.attribution``."""
    from presslens.analyzers.attribution.calibration import logit

    return np.array([[1.0, logit(f[0]), f[1], f[2], f[3], f[4]] for f in rows.inputs])


def asserted_counts(rows: Rows, index: np.ndarray, p: np.ndarray, gold: int) -> PrecisionRecallCounts:
    """Asserted (p >= 0.5), right among them, and gold found, for the rows ``index`` of one held-out split."""
    y = np.array(rows.right, dtype=float)[index]
    asserted = p >= 0.5
    found = {g for i in index[asserted].tolist() for g in rows.matched[i]}
    return PrecisionRecallCounts(predicted=int(asserted.sum()), correct=int(y[asserted].sum()), gold=gold,
                                 found=len(found))


def judge(fit: Rows, scored: Rows, penalties: dict[str, float] | None = None) -> list[Fold]:
    """For each open split of ``fit``: both scores fitted on ``fit``'s other splits, scored on ``scored``'s rows
    of this split. ``penalties`` (split -> l2): each fold's learned-scorer penalty as the trainer chose it on the
    same fit rows (``presslens train attribution --scorer`` prints them), instead of choosing it again."""
    from presslens.training.attribution import _ece, _probabilities, fit_logistic
    from presslens.training.attribution_scorer import choose_l2, probabilities
    from presslens.training.logistic import fit_standardised

    fx, fy = _design(fit), np.array(fit.right, dtype=float)
    fz, fsane, fsplits = np.array(fit.features), np.array(fit.sane), np.array(fit.splits)
    sx, sy = _design(scored), np.array(scored.right, dtype=float)
    sz, ssane, ssplits = np.array(scored.features), np.array(scored.sane), np.array(scored.splits)
    folds = []
    for held in dict.fromkeys(fit.splits):
        train, test = fsplits != held, ssplits == held
        index = np.flatnonzero(test)
        p_cal = _probabilities(sx[test], fit_logistic(fx[train], fy[train]))
        if penalties is not None and held in penalties:
            l2 = penalties[held]
        else:
            l2 = choose_l2(fz[train], fy[train], fsplits[train], fsane[train])
        w, b = fit_standardised(fz[train], fy[train], l2)
        p_learned = probabilities(sz[test], w, b, ssane[test])
        folds.append(Fold(held, l2, asserted_counts(scored, index, p_cal, scored.gold[held]), _ece(sy[test], p_cal),
                          asserted_counts(scored, index, p_learned, scored.gold[held]), _ece(sy[test], p_learned)))
    return folds


def _pr(c: PrecisionRecallCounts) -> tuple[float, float]:
    return c.precision or 0.0, c.recall or 0.0


def report(folds: list[Fold]) -> tuple[float, float]:
    """Print the table and the ship rule's precision / recall clause; return the summed changes (P, R)."""
    print("| held-out split | l2 | calibrated P | R | ECE | learned P | R | ECE |\n|---|---|---|---|---|---|---|---|")
    sums = np.zeros(4)
    for f in folds:
        (cp, cr), (lp, lr) = _pr(f.calibrated), _pr(f.learned)
        sums += (cp, cr, lp, lr)
        c, learned = f.calibrated, f.learned
        print(f"| {f.split} | {f.l2:g} | {cp:.3f} ({c.correct}/{c.predicted}) | {cr:.3f} ({c.found}/{c.gold}) | "
              f"{f.calibrated_ece:.3f} | {lp:.3f} ({learned.correct}/{learned.predicted}) | {lr:.3f} "
              f"({learned.found}/{learned.gold}) | {f.learned_ece:.3f} |")
    print(f"| sum | | {sums[0]:.3f} | {sums[1]:.3f} | | {sums[2]:.3f} | {sums[3]:.3f} | |")
    dp, dr = round(sums[2] - sums[0], 3), round(sums[3] - sums[1], 3)
    verdict = "passes" if dp > 0 and dr >= -dp / 2 else "fails"
    print(f"precision {dp:+.3f}, recall {dr:+.3f} (allowed fall {dp / 2:.3f}): {verdict} the precision / recall "
          f"clause (audit B is judged by hand)")
    return dp, dr


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    d = sub.add_parser("dump")
    d.add_argument("--data", required=True, type=Path, help="the ptc-semeval2020-task11 folder")
    d.add_argument("--unlisted-cues", default="off", choices=("off", "candidate"),
                   help="the analyzer option attribution.unlisted_cues for the dumped rows")
    d.add_argument("--interview-turns", default="off", choices=("off", "on"),
                   help="the analyzer option attribution.interview_turns for the dumped rows")
    d.add_argument("--name-may", default=None, choices=("off", "on"),
                   help="the analyzer option attribution.name_may for the dumped rows (default: the analyzer's "
                        "default, 'on' since 2.18; a tree without the option, T27, reads 'May' as the modal)")
    d.add_argument("--single-quotes", default="off", choices=("off", "on"),
                   help="the analyzer option attribution.single_quotes for the dumped rows (stop 33)")
    d.add_argument("--report-nouns", default="off", choices=("off", "on"),
                   help="the analyzer option attribution.report_nouns for the dumped rows (stop 33)")
    d.add_argument("out", type=Path)
    j = sub.add_parser("judge")
    j.add_argument("fit", type=Path, help="the dump both scores are fitted on (the shipped calibration's rows)")
    j.add_argument("scored", type=Path, help="the dump of the tree that ships, scored held out")
    j.add_argument("--l2", default=None,
                   help="per-fold penalties as the trainer chose them on the same fit rows, 'dev=10,dev2=3,...' "
                        "(skips choosing them again; every open split must be named)")
    r = sub.add_parser("rules", help="write a dump in the rules judge's format")
    r.add_argument("dump", type=Path)
    r.add_argument("out", type=Path)
    args = parser.parse_args(argv)
    if args.command == "dump":
        dump(args.data, args.out, args.unlisted_cues, args.interview_turns, args.name_may, args.single_quotes,
             args.report_nouns)
    elif args.command == "rules":
        rules_dump(load(args.dump), args.out)
    else:
        fit = load(args.fit)
        penalties = None
        if args.l2:
            penalties = {k.strip(): float(v) for k, v in (item.split("=") for item in args.l2.split(","))}
            missing = set(fit.splits) - set(penalties)
            if missing:
                parser.error(f"--l2 names no penalty for {', '.join(sorted(missing))}")
        report(judge(fit, load(args.scored), penalties))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
