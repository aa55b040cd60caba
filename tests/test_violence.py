"""The violence analyzer: calls and endorsements are flagged, reports of violence and peaceful calls are not.

All articles and sentences below were written for these tests.
"""

from __future__ import annotations

import json
from pathlib import Path

import msgspec
import numpy as np
import pytest

import presslens
from presslens.analyzers.violence.cues import CUE_NAMES, reported_opinion, sentence_cues, violent_context
from presslens.analyzers.violence.model import CLASSES, STANCES, decide, stance_labels
from presslens.analyzers.violence.targets import find_target
from presslens.report.model import KIND_ATTRIBUTES, LABEL_MODELS

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data" / "violence"

CALL_PIECE = """Enough talk about dialogue

For three years the governor has laughed at our petitions. He has closed the clinics, sold the river to \
his friends and sent masked men to our meetings.

The time for polite letters is over. Tonight, go to his compound on the hill and burn it to the ground. \
Bring petrol, bring bottles, and do not let his guards stop you.

If his police try to block the road, hit them with stones until they run."""

ENDORSEMENT_PIECE = """The fire they deserved

Last week a crowd set the customs headquarters ablaze after the border was closed to our traders. \
Newspapers call it a tragedy.

I call it justice. Burning that building was the right answer to ten years of bribes and humiliation, \
and the young men who lit it are heroes.

The riots were long overdue. Every broken window in that district was earned by the officials who sat \
behind it."""

REPORT_PIECE = """Deadly clashes in the northern province

At least eleven people were killed and dozens wounded on Saturday when police and protesters clashed \
outside the provincial assembly, hospital officials said.

Witnesses said demonstrators threw stones and set two police vehicles on fire after officers fired tear \
gas into the crowd. A government building was also torched overnight.

A leaflet circulated before the march urged supporters to attack the assembly, according to investigators.

The interior minister condemned the violence and announced an inquiry. Opposition leaders called for calm."""

PEACEFUL_PIECE = """This law is a disgrace, and we will stop it

The water privatisation bill is the most shameful piece of legislation this parliament has produced in a \
generation. It hands our rivers to three companies and leaves families paying for what was always theirs.

We are furious, and we have every right to be. But anger is not a plan.

Sign the petition at the town hall before Friday. Write to your deputy and ask her, in plain words, how \
she will vote.

On 14 May, vote against every candidate who supports this bill. March with us on Saturday, peacefully, \
with your children and your neighbours."""


@pytest.fixture(scope="module")
def reports() -> dict[str, presslens.Report]:
    pieces = {"call": CALL_PIECE, "endorsement": ENDORSEMENT_PIECE, "report": REPORT_PIECE,
              "peaceful": PEACEFUL_PIECE}
    return {k: presslens.analyze(v, only=["violence"]) for k, v in pieces.items()}


def test_call_piece_is_flagged_with_a_call(reports):
    r = reports["call"]
    assert r.labels["violence"]["label"] is True
    calls = [f for f in r.by_kind("violence") if f.label == "call_to_violence"]
    assert any("burn it to the ground" in f.text for f in calls)
    assert r.labels["violence"]["score"] >= max(f.score for f in calls) - 1e-4


def test_endorsement_piece_is_flagged_as_endorsement(reports):
    r = reports["endorsement"]
    assert r.labels["violence"]["label"] is True
    endorsed = [f.text for f in r.by_kind("violence") if f.label == "endorsement"]
    assert any("right answer" in t for t in endorsed)
    assert any("long overdue" in t for t in endorsed)


def test_neutral_report_of_deadly_clashes_is_not_flagged(reports):
    r = reports["report"]
    assert r.labels["violence"]["label"] is False
    assert r.by_kind("violence") == []
    assert r.labels["violence"]["score"] < 0.5


def test_peaceful_opinion_has_nonviolent_calls_only(reports):
    r = reports["peaceful"]
    assert r.labels["violence"]["label"] is False
    assert r.by_kind("violence") == []
    calls = r.by_kind("call_to_action")
    assert {f.label for f in calls} == {"nonviolent"}
    texts = " ".join(f.text for f in calls)
    assert "Sign the petition" in texts and "vote against every candidate" in texts
    # plain statements of anger are not calls
    assert not any(f.text.startswith("It hands our rivers") for f in calls)


def test_findings_keep_offsets_and_schema(reports):
    for r in reports.values():
        r.check()
        for f in r.findings:
            assert f.analyzer == "violence"
            assert 0.0 <= f.score <= 1.0
            assert isinstance(f.attributes["cues"], list)
            if f.kind == "violence":
                target = f.attributes["target"]
                if target is not None:
                    assert r.article.text[target["start"] : target["end"]] == target["text"]
                    assert f.start <= target["start"] < target["end"] <= f.end


def test_target_of_a_call_points_into_the_sentence():
    r = presslens.analyze("Burn the regional tax office before Monday.", only=["violence"])
    (f,) = r.by_kind("violence")
    assert f.label == "call_to_violence"
    assert f.attributes["target"]["text"] == "the regional tax office"


def test_findings_and_label_fit_the_typed_model():
    r = presslens.analyze("Burn the regional tax office before Monday. Sign the petition today.", only=["violence"])
    kinds = {f.kind for f in r.findings}
    assert "violence" in kinds
    for f in r.findings:
        msgspec.convert(f.attributes, KIND_ATTRIBUTES[f.kind])
    msgspec.convert(r.labels["violence"], LABEL_MODELS["violence"])
    with pytest.raises(msgspec.ValidationError):
        msgspec.convert({"label": True}, LABEL_MODELS["violence"])  # score is required


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Comrades, the time for talk is over; blow up the pumping station.", "the pumping station"),
        ("Set the rival club's training ground on fire this weekend.", "the rival club's training ground"),
        ("The attack on the minister's car was deserved.", "the minister's car"),
        ("Someone should put a bullet in that judge.", "that judge"),
        ("Sign the petition before Friday.", None),
    ],
)
def test_find_target(text, target):
    span = find_target(text)
    assert (text[span[0] : span[1]] if span else None) == target


def test_cues_separate_imperative_exhortation_and_approval():
    call = sentence_cues("Let's torch their depots tonight.")
    assert "exhortation:let's" in call.fired and call.has_violent_act
    order = sentence_cues("Smash the windows of the bank.")
    assert "imperative:smash" in order.fired
    praise = sentence_cues("The arson was long overdue and the arsonists are heroes.")
    assert any(c.startswith("approval:") for c in praise.fired)
    assert praise.vector[CUE_NAMES.index("approval_near_violence")] == 1.0
    report = sentence_cues("Rioters torched two police cars overnight, officials said.")
    assert "attribution" in report.fired
    assert report.vector[CUE_NAMES.index("imperative")] == 0.0
    assert sentence_cues("The committee meets on Thursday.").has_violent_act is False


def test_decide_thresholds_and_stance_mapping():
    # columns: call, endorsement, report, nonviolent_call, other
    proba = np.array(
        [
            [0.50, 0.20, 0.10, 0.10, 0.10],  # violent (0.7) with a violent cue -> call
            [0.50, 0.20, 0.10, 0.10, 0.10],  # same probabilities without a cue, no-cue threshold 0.8 -> calm
            [0.05, 0.05, 0.10, 0.70, 0.10],  # nonviolent call
            [0.05, 0.05, 0.20, 0.30, 0.40],  # P(nv) below 0.5 -> other
        ]
    )
    labels, score = decide(proba, np.array([True, False, True, True]), 0.6, 0.8)
    assert [CLASSES[i] for i in labels] == ["call", "report", "nonviolent_call", "other"]
    assert np.allclose(score, [0.7, 0.7, 0.1, 0.1])
    assert [STANCES[i] for i in stance_labels(labels)] == ["call", "report", "nonviolent_call", "report"]


def test_dataset_is_balanced_and_splits_are_disjoint():
    train = [json.loads(x) for x in (DATA / "train.jsonl").read_text(encoding="utf-8").splitlines()]
    test = [json.loads(x) for x in (DATA / "test.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(train) + len(test) >= 600 and len(test) >= 150
    assert not {r["text"] for r in train} & {r["text"] for r in test}
    for rows in (train, test):
        counts = {s: sum(r["label"] == s for r in rows) for s in STANCES}
        assert min(counts.values()) >= 0.9 * max(counts.values())
        assert {r["label"] for r in rows} <= set(CLASSES)
        assert {r["domain"] for r in rows} == {"war", "protest", "crime", "sport", "history", "politics"}


# --- Regression: reported opinions and patriotic rhetoric about mobilisation are not endorsements ---

MOBILISATION_OPINIONS = """Another 150,000 reservists summoned

The defence ministry announced on Wednesday that another 150,000 reservists will be called up before the \
new year. Recruitment offices in the capital opened at dawn, and queues formed outside several of them.

Government supporters call it a patriotic duty. The speaker of parliament described the decree as the \
proudest day of his career, and state television hailed the new recruits as heroes. Critics say it is a \
desperate gamble by a government that has run out of volunteers.

"Serving the motherland is an honour," a retired colonel told the crowd outside the Kazan office. \
According to the veterans' union, most of the men who reported on Monday were in their forties."""

PATRIOTIC_COLUMN = """Our duty, and theirs

I have never believed that patriotism is measured in uniforms. But the men and women who answered this \
summons deserve our respect, and their families deserve our help.

Serving in the reserve is a duty that my grandfather accepted and my father accepted. Defending the \
country is honourable work. The government must now fight for every one of these soldiers: pay them on \
time, equip them properly and bring them home.

The opposition will fight the budget line by line, and the battle over military pensions has only begun."""

REACTIONS_TO_A_STRIKE = """Drones over the port

Drones struck the grain terminal overnight, the port authority said. Officials in the capital call it a \
legitimate response. The other side calls it a war crime, and the harbour master says the damage will take \
months to repair."""


@pytest.mark.parametrize("text", [MOBILISATION_OPINIONS, PATRIOTIC_COLUMN, REACTIONS_TO_A_STRIKE])
def test_reported_opinions_and_patriotic_rhetoric_are_not_violence(text):
    r = presslens.analyze(text, only=["violence"])
    assert r.labels["violence"]["label"] is False
    assert r.by_kind("violence") == []


@pytest.mark.parametrize("name", ["mobilisation.txt", "date-header.txt"])
def test_bundled_examples_are_not_flagged(name):
    r = presslens.analyze((ROOT / "examples" / name).read_text(encoding="utf-8"), only=["violence"])
    assert r.labels["violence"]["label"] is False, [f.text for f in r.by_kind("violence")]


def test_writer_adopting_praise_of_a_violent_act_is_still_an_endorsement():
    r = presslens.analyze(
        "The men who torched the draft office last night are true patriots, and I salute them.",
        only=["violence"],
    )
    assert [f.label for f in r.by_kind("violence")] == ["endorsement"]


@pytest.mark.parametrize(
    ("text", "reported"),
    [
        ("The president's allies call it a sacred obligation.", True),
        ("Critics say the decree is unlawful.", True),
        ("According to the ministry, 40,000 men have reported for duty.", True),
        ("State television hailed the strike as a triumph.", True),
        ("I call it justice.", False),
        ("We must call it what it is.", False),
        ("As the colonel rightly said, the depot had to be burned.", False),
    ],
)
def test_reported_opinion_cue(text, reported):
    assert reported_opinion(text) is reported


def test_figurative_violence_is_not_a_violent_act():
    assert not sentence_cues("The cabinet stabbed its own farmers in the back.").has_violent_act
    assert not sentence_cues("The finance minister wants to cut taxes for small firms.").has_violent_act
    assert sentence_cues("They cut the guard's throat.").has_violent_act


def test_violent_context_follows_pronouns_back_to_a_violent_act():
    texts = [
        "A crowd set the customs office ablaze on Friday.",  # violent act
        "Newspapers call it a tragedy.",  # pronoun -> inherits
        "I call it justice.",  # second hop
        "The minister will visit the region next week.",  # no pronoun: chain ends
        "Supporters call it a patriotic duty.",  # pronoun, but nothing violent before it
    ]
    ctx = violent_context(texts, [sentence_cues(t) for t in texts])
    assert ctx.tolist() == [True, True, True, False, False]
