"""The s26 screens of the claim scorer's article features (presslens.training.realnews_claims_profile): the
feature matrices each variant fits on. Sentences written for these tests."""

from __future__ import annotations

import json

import numpy as np
import pytest

from presslens.analyzers.claims.furniture import furniture_reason
from presslens.analyzers.claims.scorers import article_profile, sentence_feature_names
from presslens.training.realnews_claims import Dataset, SentenceRow, refresh
from presslens.training.realnews_claims_profile import (
    VARIANTS,
    _neighbours,
    _profiles,
    hypothetical,
    kept_claim_scores,
    lowered_claim_scores,
    variant_matrix,
)

_REPORT = ["Officials said 12 people died in the flood on Monday.", "The river rose two metres overnight."]
_COLUMN = ["This is a disgrace and everyone knows it.", "We deserve better leaders than these."]


def _data() -> Dataset:
    rows = []
    for article, texts in (("report", _REPORT), ("column", _COLUMN)):
        for i, text in enumerate(texts):
            rows.append(SentenceRow("dev", article, i, len(texts), text, 0.8 if article == "report" else 0.4, None,
                                    False, [], []))
    data = Dataset(rows, np.zeros((len(rows), 4)))
    refresh(data)
    return data


def test_variants_append_article_features_to_the_shipped_thirteen() -> None:
    data = _data()
    profiles = _profiles(data)
    base = len(sentence_feature_names(False, False))
    assert profiles[0] == article_profile(_REPORT, [0.8, 0.8]) == profiles[1]
    assert variant_matrix(data, "shipped", profiles).shape == (4, base)
    profile = variant_matrix(data, "profile", profiles)
    assert profile.shape == (4, base + 4)
    assert profile[0, base:].tolist() == pytest.approx(profiles[0])
    assert profile[2, base:].tolist() != pytest.approx(profile[0, base:].tolist())  # a column is not a report
    # the claim-gate variant fits the same features; only its hedge cap differs (the shipped claim score)
    assert variant_matrix(data, "profile_claim_gate", profiles).tolist() == profile.tolist()


def test_interaction_moves_only_unattributed_units_and_one_sided_only_lowers() -> None:
    data = _data()
    profiles = _profiles(data)
    base = len(sentence_feature_names(False, False))
    crossed = variant_matrix(data, "profile_x_unattributed", profiles)
    assert crossed[0, base:].tolist() == [0.0] * 4  # "Officials said": attributed, untouched
    assert crossed[1, base:].tolist() == pytest.approx(profiles[1])  # no attribution: the profile itself
    reference = [float(np.mean([profiles[0][k], profiles[2][k]])) for k in range(4)]
    one_sided = variant_matrix(data, "one_sided", profiles, reference)[:, base:]
    assert (one_sided <= 0.0).all()
    assert one_sided[2].sum() < one_sided[0].sum()  # the column's mean claim logit is below the reference
    with pytest.raises(ValueError):
        variant_matrix(data, "one_sided", profiles)
    with pytest.raises(ValueError):
        variant_matrix(data, "unknown", profiles)
    assert set(VARIANTS) == {"shipped", "profile", "profile_x_unattributed", "one_sided", "hypothetical",
                             "profile_claim_gate", "profile_spared", "profile_kept", "profile_lowered",
                             "profile_lowered_figure", "profile_lowered_anchored", "profile_lowered_mean",
                             "neighbours", "neighbours_capped", "stance", "stance_strict",
                             "stance_unanchored"}


def test_spared_profile_leaves_hedged_and_attributed_units_alone() -> None:
    """s28 (claims16): the profile moves only units with no attribution and no hedge cue candidate."""
    texts = ["Officials said 12 people died in the flood on Monday.", "The dam may have failed before the storm.",
             "This is a disgrace and everyone knows it."]
    rows = [SentenceRow("dev", "column", i, len(texts), t, 0.5, None, False, [], []) for i, t in enumerate(texts)]
    data = Dataset(rows, np.zeros((len(rows), 4)))
    refresh(data)
    profiles = _profiles(data)
    base = len(sentence_feature_names(False, False))
    assert data.rows[1].candidates and not data.rows[2].candidates
    spared = variant_matrix(data, "profile_spared", profiles)
    assert spared.shape == (3, base + 4)
    assert spared[0, base:].tolist() == [0.0] * 4  # attributed
    assert spared[1, base:].tolist() == [0.0] * 4  # "may": a hedge cue candidate
    assert spared[2, base:].tolist() == pytest.approx(profiles[2])  # plain opinion: the profile itself
    assert spared[:, :base].tolist() == variant_matrix(data, "shipped", profiles).tolist()


def test_kept_profile_lets_only_hedged_or_attributed_units_keep_the_shipped_score() -> None:
    """s29 (claims17): the profiled score, but a unit with an asserted cue or an attribution keeps the higher one."""
    texts = ["Officials said 12 people died in the flood on Monday.", "The dam may have failed before the storm.",
             "This is a disgrace and everyone knows it.", "The dam may have failed before the storm."]
    rows = [SentenceRow("dev", "column", i, len(texts), t, 0.5, None, False, [], []) for i, t in enumerate(texts)]
    data = Dataset(rows, np.zeros((len(rows), 4)))
    refresh(data)
    profiled, shipped = [0.3, 0.4, 0.2, 0.45], [0.7, 0.6, 0.8, 0.6]
    cue = [0.0, 0.9, 0.0, 0.2]  # the last unit's cue is not asserted
    kept = kept_claim_scores(profiled, shipped, cue, data.rows)
    assert kept == [0.7, 0.6, 0.2, 0.45]  # attributed, hedged: the shipped score; opinion, unasserted cue: profiled
    assert kept_claim_scores([0.9, 0.9, 0.1, 0.1], shipped, cue, data.rows) == [0.9, 0.9, 0.1, 0.1]  # never lower
    assert "profile_kept" in VARIANTS
    assert variant_matrix(data, "profile_kept", _profiles(data)).tolist() == \
        variant_matrix(data, "profile", _profiles(data)).tolist()


def test_lowered_profile_only_lowers_units_without_an_asserted_cue_or_an_attribution() -> None:
    """s30 (claims18): the lower of the profiled and the shipped score; hedged or attributed units keep the shipped
    score, so no unit rises above the shipped scorer (what sank ``profile_kept`` on audit B)."""
    texts = ["Officials said 12 people died in the flood on Monday.", "The dam may have failed before the storm.",
             "This is a disgrace and everyone knows it.", "The dam may have failed before the storm.",
             "The river rose two metres overnight."]
    rows = [SentenceRow("dev", "column", i, len(texts), t, 0.5, None, False, [], []) for i, t in enumerate(texts)]
    data = Dataset(rows, np.zeros((len(rows), 4)))
    refresh(data)
    profiled, shipped = [0.3, 0.4, 0.2, 0.45, 0.9], [0.7, 0.6, 0.8, 0.6, 0.55]
    cue = [0.0, 0.9, 0.0, 0.2, 0.0]
    lowered = lowered_claim_scores(profiled, shipped, cue, data.rows)
    # attributed, hedged: shipped; opinion and an unasserted cue: lowered to the profile; a report: never raised
    assert lowered == [0.7, 0.6, 0.2, 0.45, 0.55]
    assert all(a <= b for a, b in zip(lowered, shipped, strict=True))
    assert kept_claim_scores(profiled, shipped, cue, data.rows)[4] == 0.9  # where kept raised the unit
    assert "profile_lowered" in VARIANTS
    assert variant_matrix(data, "profile_lowered", _profiles(data)).tolist() == \
        variant_matrix(data, "profile", _profiles(data)).tolist()


def test_lowered_variants_also_spare_units_with_a_figure_or_an_anchor() -> None:
    """s30 (claims18): ``profile_lowered_figure`` spares a unit with a figure, ``profile_lowered_anchored`` also one
    with a capitalised word inside it or a past verb; plain opinion is lowered by both."""
    from presslens.analyzers.claims.scorers import anchored_unit

    texts = ["The council met 12 times last year.", "The war in Afghanistan is the longest.",
             "We deserve better leaders than these.", "What a shameful council we have."]
    rows = [SentenceRow("dev", "column", i, len(texts), t, 0.5, None, False, [], []) for i, t in enumerate(texts)]
    data = Dataset(rows, np.zeros((len(rows), 4)))
    refresh(data)
    profiled, shipped, cue = [0.1] * 4, [0.8] * 4, [0.0] * 4
    assert lowered_claim_scores(profiled, shipped, cue, data.rows) == [0.1] * 4
    assert lowered_claim_scores(profiled, shipped, cue, data.rows, "figure") == [0.8, 0.1, 0.1, 0.1]
    assert lowered_claim_scores(profiled, shipped, cue, data.rows, "anchored") == [0.8, 0.8, 0.1, 0.1]
    assert anchored_unit("I think it was wrong.", "anchored")  # "was": a past verb
    assert not anchored_unit("I think this is wrong.", "anchored")  # "I" is no named entity
    with pytest.raises(ValueError):
        anchored_unit("The council met.", "other")


def test_hypothetical_marks_conditional_and_counterfactual_frames_only() -> None:
    assert hypothetical("Had the guards fired these rounds at night, they would have been visible.")
    assert hypothetical("If the bridge were open, there would be no queue at the border.")
    assert hypothetical("Should that happen, the ministry could lose its licence.")
    assert hypothetical("The mayor said the city would pay if the court ruled against it.")
    assert not hypothetical("The mayor said the city would pay the fine.")  # a report, no condition
    assert not hypothetical("The guards had fired twice before the crowd left.")  # "had" not opening a clause
    assert not hypothetical("If the rain stops, the march goes ahead on Sunday.")  # a condition without a modal
    data = _data()
    base = len(sentence_feature_names(False, False))
    matrix = variant_matrix(data, "hypothetical", _profiles(data))
    assert matrix.shape == (4, base + 1)
    assert matrix[:, base].tolist() == [0.0] * 4


def test_report_lead_ins_counts_the_moved_units_at_decision_time(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """s28 (claims16): ``realnews_claims_screens --report-lead-ins`` scores only the splits whose units the option
    ``furniture=s28`` moves, with the shipped claim scorer fitted on the other splits; the intro line's score drops
    by the furniture factor, so it is no longer asserted."""
    from presslens.training import realnews_claims as rc
    from presslens.training.realnews_claims_screens import report_lead_ins

    claims = ["The council closed the coast road on Monday after 40 houses flooded.",
              "Officials said 12 families were moved to the school in Larn.",
              "The ferry carried 300 passengers a day before the storm.", "Twelve boats sank.", "Larn flooded."]
    opinion = ["This is a disgrace and everyone knows it.", "We deserve better leaders than these."]
    rows = []
    for split in ("dev", "dev2", "dev3"):
        texts = [*claims, *opinion] + (["Harbour Wire adds:"] if split == "dev" else [])
        for i, text in enumerate(texts):
            gold = [i] if text in claims else []
            p = 0.9 if text in claims or text.endswith(":") else 0.1
            rows.append(rc.SentenceRow(split, f"{split}-a", i, len(texts), text, p, None, False, gold, []))
        (tmp_path / f"{split}.jsonl").write_text(
            json.dumps({"claims": [{}] * len(claims), "hedges": []}) + "\n", encoding="utf-8")
    data = rc.Dataset(rows, np.zeros((len(rows), 4)))
    rc.refresh(data)
    assert furniture_reason("Harbour Wire adds:") is None  # the trainer's furniture: fitted without the rule
    table = report_lead_ins(data, tmp_path)
    lines = [line for line in table.splitlines() if line.startswith("| dev")]
    assert len(lines) == 1 and lines[0].startswith("| dev |")  # dev2 and dev3 have no moved unit
    cells = [c.strip() for c in lines[0].split("|")]
    before, after = cells[3].split()[0], cells[4].split()[0]
    assert before == "5/6" and after == "5/5"  # the intro line was asserted (wrongly) and no longer is
    assert cells[5].startswith("not gold")


def test_neighbours_read_the_units_around_a_unit_in_article_order_not_the_unit_itself() -> None:
    from presslens.analyzers.claims.scorers import NEIGHBOUR_FEATURES, logit, neighbour_context

    texts = ["Officials said 12 people died.", "I think this is a disgrace!", "The river rose overnight.",
             "Police told reporters the road was closed.", "We must do better."]
    cols = neighbour_context(texts, [0.9, 0.2, 0.8, 0.9, 0.1])
    assert len(cols) == 5 and all(len(c) == len(NEIGHBOUR_FEATURES) for c in cols)
    # the first unit's neighbours are the second and the third: one first-person opinion line, no speech verb
    assert cols[0] == pytest.approx([(logit(0.2) + logit(0.8)) / 8.0, 0.0, 0.5, 0.5])
    # the middle unit sees two units either side, not itself
    assert cols[2][1] == pytest.approx(2 / 4) and cols[2][2] == pytest.approx(2 / 4)
    assert neighbour_context(["One line alone."], [0.7])[0][0] == pytest.approx(logit(0.7) / 4.0)  # its own values
    data = _data()
    data.rows.reverse()  # rows out of order: the columns follow each article's unit order
    neighbours = _neighbours(data)
    matrix = variant_matrix(data, "neighbours", _profiles(data), None, neighbours)
    base = len(sentence_feature_names(False, False))
    assert matrix.shape == (4, base + 4)
    by_text = {r.text: neighbours[i] for i, r in enumerate(data.rows)}
    assert by_text[_COLUMN[0]] == pytest.approx(neighbour_context(_COLUMN, [0.4, 0.4])[0])
    assert by_text[_REPORT[1]][1] == 1.0  # its neighbour "Officials said ..." attributes
    with pytest.raises(ValueError):
        variant_matrix(data, "neighbours", _profiles(data))


def test_capped_neighbours_drop_the_attribution_share_and_keep_the_shipped_score_of_a_hedged_unit() -> None:
    """s32 (claims20): ``neighbours_capped`` reads three of the four neighbourhood columns (no attribution share), and
    a unit whose best cue is asserted keeps the shipped claim score, so no hedged finding moves."""
    from presslens.analyzers.claims.scorers import CAPPED_NEIGHBOUR_COLUMNS, NEIGHBOUR_FEATURES, capped_claims

    assert [NEIGHBOUR_FEATURES[j] for j in CAPPED_NEIGHBOUR_COLUMNS] == [
        "neighbours claim logit", "neighbours first/second person share", "neighbours opinion marker share"]
    data = _data()
    neighbours = _neighbours(data)
    base = len(sentence_feature_names(False, False))
    matrix = variant_matrix(data, "neighbours_capped", _profiles(data), None, neighbours)
    assert matrix.shape == (4, base + 3)
    full = variant_matrix(data, "neighbours", _profiles(data), None, neighbours)
    assert matrix[:, base:].tolist() == full[:, [base + j for j in CAPPED_NEIGHBOUR_COLUMNS]].tolist()
    with pytest.raises(ValueError):
        variant_matrix(data, "neighbours_capped", _profiles(data))
    shipped, neighboured, cue = [0.7, 0.7, 0.4, 0.9], [0.2, 0.2, 0.8, 0.95], [0.6, 0.3, 0.9, 0.0]
    out = capped_claims(shipped, neighboured, cue)
    assert out == [0.7, 0.2, 0.4, 0.95]  # the first and third units have an asserted cue: they keep the shipped score
    # the hedged decision min(claim, cue) >= 0.5 is the shipped one for every unit
    assert [min(a, b) >= 0.5 for a, b in zip(out, cue, strict=True)] == [min(a, b) >= 0.5 for a, b in zip(shipped, cue, strict=True)]


def test_marker_sorts_a_unit_by_the_first_surface_form_it_shows() -> None:
    from presslens.training.realnews_claims_profile import MARKERS, marker, marker_table

    texts = ["Floods Hit the North", "Watergate: 155 days", "He called it \u201ca disgrace\u201d.",
             "I think this is wrong.", "Officials said the road reopened.", "The river rose overnight."]
    rows = [SentenceRow("dev", "a", i, len(texts), t, 0.8, None, False, [], []) for i, t in enumerate(texts)]
    data = Dataset(rows, np.zeros((len(rows), 4)))
    refresh(data)
    assert [marker(r) for r in data.rows] == [MARKERS[0], MARKERS[0], MARKERS[1], MARKERS[2], MARKERS[3],
                                              MARKERS[4]]
    table = marker_table([("shipped", data.rows[1], 0.7), ("shipped", data.rows[5], 0.6)])
    assert "| shipped | all | 2 |" in table and "| shipped | none of these | 1 |" in table
