"""Violence and call-to-action precision on real-news patterns (issue 13): page furniture, questions,
quotations, idioms and fear of death are never asserted; labels count asserted findings only; the PTC
hard negatives are stand-off and leave the real-news articles out.

All sentences below were written for these tests.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

import presslens
from presslens.analyzers.violence.cues import sentence_cues
from presslens.analyzers.violence.vetoes import (
    VETOED_SCORE,
    call_to_action_veto,
    inside_quotation,
    quoted_ranges,
    violence_veto,
)
from presslens.training.violence import (
    EXCLUDED_REALNEWS_SPLITS,
    HARD_NEGATIVES,
    REALNEWS_SPLIT,
    load_hard_negatives,
    select_hard_negatives,
)

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Email *", "page_furniture"),
        ("Name *", "page_furniture"),
        ("take our poll - story continues below", "page_furniture"),
        ("Sign up for our free newsletter and get the morning briefing.", "page_furniture"),
        ("Click here to read the full interview with the mayor.", "page_furniture"),
        ("Should we all sign the petition before the vote?", "question"),
        ("Why don't you call your senator?", "question"),
        ("Vote Them Out In November", "headline"),
        ("The council urged residents to donate blood at the clinic.", "another_voice"),
        ("“Write to your deputy today,” the organisers told the crowd.", "another_voice"),
        ("Keep in mind that the bridge was closed for a week.", "discourse_imperative"),
        ("Let's talk about the harbour contract for a moment.", "discourse_imperative"),
        ("We have to ask.", "discourse_imperative"),
        ("The mayor visited the flooded school on Monday.", "no_call_cue"),
    ],
)
def test_calls_to_action_are_vetoed_for_furniture_questions_and_other_voices(text, reason):
    assert call_to_action_veto(text) == reason


@pytest.mark.parametrize(
    "text",
    [
        "Sign the petition at the library before Friday.",
        "Please, call your representative and tell her to vote no on the water bill.",
        "Consider the facts and then, please, support the campaign for a public inquiry.",
        "We must resist this plan at the ballot box.",
    ],
)
def test_real_calls_to_action_pass_the_vetoes(text):
    assert call_to_action_veto(text) is None


def test_furniture_and_questions_never_become_calls_to_action():
    text = (
        "Harbour workers vote on the new contract\n\n"
        "Dock workers in the port will vote on the new contract on Thursday, the union said.\n\n"
        "take our poll - story continues below\n\n"
        "Should the port be sold to a private operator?\n\n"
        "Email *\n\n"
        "Sign up for our newsletter to get every update.\n\n"
        "Sign the petition at the union office before Thursday."
    )
    r = presslens.analyze(text, only=["violence"])
    calls = [f.text for f in r.by_kind("call_to_action")]
    assert not any("poll" in t or "Email" in t or "newsletter" in t or "?" in t for t in calls), calls


@pytest.mark.parametrize(
    "text",
    [
        "This alone should have been enough to fire her.",
        "The board fired the coach after the third defeat.",
        "If you ask me, the strike will only hurt herself and her party.",
        "Give me a break!",
    ],
)
def test_dismissal_harm_to_oneself_and_breaks_are_not_violent_acts(text):
    assert not sentence_cues(text).has_violent_act


@pytest.mark.parametrize("text", ["Open fire on the convoy.", "Soldiers fired on the crowd.", "Break his legs."])
def test_literal_violent_acts_still_fire(text):
    assert sentence_cues(text).has_violent_act


def test_negated_approval_is_not_approval():
    assert not any(c.startswith("approval:") for c in sentence_cues(
        "The knife amnesty doesn't seem to have worked.").fired)
    assert any(c.startswith("approval:") for c in sentence_cues("The raid worked.").fired)


QUOTED_LIST = """A preacher's sermon

The visiting preacher told the congregation what should happen to thieves: “There are three punishments.
First, cut off their hands.
Second, burn their houses.
Third, drive them out of the town.”
Local councillors condemned the sermon and asked the police to investigate."""


def test_a_violent_list_inside_a_quotation_is_a_candidate_only():
    r = presslens.analyze(QUOTED_LIST, only=["violence"])
    assert r.labels["violence"]["label"] is False
    for f in r.by_kind("violence"):
        assert f.score < 0.5
        assert "veto:quotation" in f.attributes["cues"]


def test_quoted_ranges_span_sentences_and_lines():
    text = "He said: “First, go home.\nSecond, stay there.” Then he left."
    ranges = quoted_ranges(text)
    second = text.index("Second")
    assert inside_quotation(ranges, second, text.index("”") + 1)
    assert not inside_quotation(ranges, text.index("Then"), len(text))


def test_violence_veto_keeps_why_not_questions_and_drops_other_questions():
    assert violence_veto("How many soldiers would it take to storm a city of that size?") == "question"
    assert violence_veto("Why not burn the depot tonight?") is None
    assert violence_veto("“Burn the depot,” the leaflet said.") == "quotation"
    assert VETOED_SCORE < 0.5


@pytest.mark.parametrize(
    "text",
    [
        "I don't want to die for nothing, my cousin said the night before he crossed the border.",
        "You're just sitting in your own kitchen when the windows start to shake.",
        "The grenade amnesty collected four hundred weapons in a month, police said.",
    ],
)
def test_fear_of_death_and_everyday_speech_are_not_violence(text):
    r = presslens.analyze(text, only=["violence"])
    assert r.labels["violence"]["label"] is False
    assert all(f.score < 0.5 for f in r.by_kind("violence"))


def test_label_counts_asserted_findings_only():
    r = presslens.analyze(QUOTED_LIST, only=["violence"])
    asserted = [f for f in r.by_kind("violence") if f.score >= 0.5]
    assert r.labels["violence"]["label"] is bool(asserted)
    assert r.labels["violence"]["score"] == pytest.approx(max((f.score for f in r.by_kind("violence")),
                                                               default=0.0), abs=1e-4)


def test_hard_negatives_file_is_stand_off_and_leaves_realnews_dev_and_test_out():
    path = ROOT / HARD_NEGATIVES
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    split = json.loads((ROOT / REALNEWS_SPLIT).read_text(encoding="utf-8"))
    excluded = {aid for aid, info in split.items() if info["split"] in EXCLUDED_REALNEWS_SPLITS}
    assert len(excluded) == 63
    assert 0 < len(rows) <= 500
    for row in rows:
        assert set(row) == {"article", "start", "end", "label", "sha256"}  # no text in the repository
        assert row["article"] not in excluded
        assert row["label"] == "report" and row["start"] < row["end"]


def _fake_ptc(tmp_path: Path) -> Path:
    folder = tmp_path / "ptc" / "train-articles"
    folder.mkdir(parents=True)
    (folder / "article1.txt").write_text(
        "Harbour news\n\nThe crowd burned two cars outside the depot on Friday night, police said. "
        "The mayor opened a new library.\n", encoding="utf-8")
    (folder / "article2.txt").write_text(
        "Held out\n\nGunmen attacked the convoy near the border crossing yesterday.\n", encoding="utf-8")
    return tmp_path / "ptc"


def test_selection_rule_keeps_violent_cue_sentences_of_non_excluded_articles(tmp_path):
    ptc = _fake_ptc(tmp_path)
    rows = select_hard_negatives(ptc, exclude={"2"})
    assert [r["article"] for r in rows] == ["1"]
    loaded = load_hard_negatives_from(rows, ptc, tmp_path)
    assert loaded[0]["text"].startswith("The crowd burned two cars")
    assert loaded[0]["label"] == "report"
    assert hashlib.sha256(loaded[0]["text"].encode()).hexdigest() == rows[0]["sha256"]


def test_changed_text_is_refused_naming_the_article(tmp_path):
    ptc = _fake_ptc(tmp_path)
    rows = select_hard_negatives(ptc, exclude=set())
    (ptc / "train-articles" / "article1.txt").write_text(
        "Harbour news\n\nThe crowd torched two cars outside the depot on Friday night, police said.\n",
        encoding="utf-8")
    with pytest.raises(ValueError, match="article 1"):
        load_hard_negatives_from(rows, ptc, tmp_path)


def load_hard_negatives_from(rows: list[dict], ptc: Path, tmp_path: Path) -> list[dict]:
    path = tmp_path / "negatives.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return load_hard_negatives(path, ptc)


POSTS = (
    "The council met on Monday.\n"
    "Enough talk!!!\nIt's time to shut the ministry down and march on the square!!!\n"
    "Harbour Voice (@harbourvoice) March 3, 2025\n"
    "The mayor did not reply.\n"
    "Burn the records before they come. — Tom Reyes (@tomreyes) March 4, 2025\n"
    "Officials said the square was quiet.\n"
)


def test_embedded_posts_cover_the_lines_above_the_byline_up_to_tweet_length() -> None:
    from presslens.analyzers.violence.vetoes import embedded_post_ranges

    pieces = [POSTS[s:e] for s, e in embedded_post_ranges(POSTS)]
    assert pieces == [  # with no blank line above a post, a short line of the writer's is taken in too
        "The council met on Monday.\nEnough talk!!!\nIt's time to shut the ministry down and march on the "
        "square!!!\nHarbour Voice (@harbourvoice) March 3, 2025",
        "The mayor did not reply.\nBurn the records before they come. — Tom Reyes (@tomreyes) March 4, 2025",
    ]


def test_embedded_post_text_stops_at_a_blank_line_and_at_tweet_length() -> None:
    from presslens.analyzers.violence.vetoes import POST_MAX_CHARS, embedded_post_ranges

    long_line = "word " * (POST_MAX_CHARS // 5 + 5)
    text = f"Lead paragraph.\n\n{long_line.strip()}\nShort post text.\nA B (@ab) May 1, 2024\n"
    [(start, end)] = embedded_post_ranges(text)
    assert text[start:end] == "Short post text.\nA B (@ab) May 1, 2024"
    assert embedded_post_ranges("Email us at desk@example.org (@desk) any day.") == []


def test_calls_inside_an_embedded_post_are_not_the_writers() -> None:
    r = presslens.analyze(POSTS, only=["violence"])
    for f in r.findings:
        assert not (f.kind == "call_to_action" and "ministry" in f.text)
        assert not (f.kind == "violence" and f.score >= 0.5 and "Burn the records" in f.text)


@pytest.mark.parametrize("text", [
    "We need to worry about what the new tariffs will do to farmers!",
    "We must all wonder how long the ceasefire can hold!",
])
def test_worry_and_wonder_are_not_calls_to_action(text: str) -> None:
    assert call_to_action_veto(text) is not None


# Calls to action on real news, second round (issue 13: dev3 and PTC dev): thoughts and wishes, permission
# verbs, nouns after a colon, the site's appeal for money, poll answers and multi-line quotations.


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Let’s hope the new ferry timetable lasts longer than the old one.", "discourse_imperative"),
        ("Let's unpack this pile of promises from the transport ministry.", "discourse_imperative"),
        ("We must not think that every farmer in the valley agrees with the union.", "discourse_imperative"),
        ("So the council got a parking scheme that the residents were content to let us pay for.", "no_call_cue"),
        ("Among the worrying items in the mayor's record: support for the casino developers.", "no_call_cue"),
        ("Please help support us with small monthly donations.", "page_furniture"),
        ("Please support our independent reporting from the harbour.", "page_furniture"),
        ("Please keep up your excellent work.", "discourse_imperative"),
        ("Just go and look at the donations to the mayor's campaign.", "discourse_imperative"),
    ],
)
def test_wishes_permission_nouns_and_the_sites_own_appeals_are_not_calls(text, reason):
    assert call_to_action_veto(text) == reason


@pytest.mark.parametrize(
    "text",
    [
        "Let’s sign the petition before the council meets on Friday.",
        "So let us write to the harbour board this week.",
        "Support the campaign for a public inquiry into the ferry contract.",
        "Please donate to the flood relief fund at the town hall.",
    ],
)
def test_calls_that_look_like_the_vetoed_patterns_still_pass(text):
    assert call_to_action_veto(text) is None


def test_a_poll_answer_next_to_form_lines_is_furniture():
    answer = "No, leave the harbour to the fishermen."
    assert call_to_action_veto(answer) is None
    assert call_to_action_veto(answer, neighbours=["* Yes, sell the harbour.", "Email *"]) == "page_furniture"
    assert call_to_action_veto(answer, neighbours=["take our poll - story continues below"]) == "page_furniture"
    assert call_to_action_veto(answer, neighbours=["The vote is on Friday.", "It is open to all."]) is None
    assert violence_veto("Yes, burn the harbour office.", neighbours=["Email *"]) == "page_furniture"


POLL_PAGE = """Harbour sale divides the town

The council will decide on Friday whether to sell the harbour to a private operator.
take our poll - story continues below
Should the council sell the harbour?
* Yes, sell it to the highest bidder.
No, keep the harbour in public hands.
Email *
Residents can speak at the meeting on Friday."""


def test_poll_answers_in_an_article_are_not_calls_to_action():
    r = presslens.analyze(POLL_PAGE, only=["violence"])
    assert not [f.text for f in r.by_kind("call_to_action") if "harbour in public hands" in f.text]


MULTILINE_QUOTE = """The senator spoke after the vote.
"How could anyone accept this?
We should make a stand on this.
She should never run the agency."
The vote passed by 54 to 45."""


def test_a_straight_quotation_over_several_lines_is_one_range():
    from presslens.analyzers.violence.vetoes import multiline_quote_ranges

    ranges = multiline_quote_ranges(MULTILINE_QUOTE)
    stand = MULTILINE_QUOTE.index("We should")
    assert inside_quotation(ranges, stand, MULTILINE_QUOTE.index("\n", stand))
    last = MULTILINE_QUOTE.index("The vote passed")
    assert not inside_quotation(ranges, last, len(MULTILINE_QUOTE))
    assert not inside_quotation(ranges, 0, MULTILINE_QUOTE.index("\n"))


def test_a_stray_quote_mark_without_a_close_opens_no_range():
    from presslens.analyzers.violence.vetoes import MULTILINE_QUOTE_MAX_LINES, multiline_quote_ranges

    assert multiline_quote_ranges('The lock is 5" wide.\nSign the petition today.\nThe vote is Friday.') == []
    far = '"Opening words\n' + "Plain line.\n" * (MULTILINE_QUOTE_MAX_LINES + 1) + 'closing words."'
    assert multiline_quote_ranges(far) == []


def test_a_call_inside_a_multiline_quotation_is_not_the_writers():
    r = presslens.analyze(MULTILINE_QUOTE, only=["violence"])
    assert not [f.text for f in r.by_kind("call_to_action") if f.text.startswith("We should make a stand")]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Welcome to the new season of council meetings.", "discourse_imperative"),
        ("Never forget that the harbour board answers to nobody.", "discourse_imperative"),
        ("We need to differentiate the facts from the rumours.", "discourse_imperative"),
        ("OK, let’s be reasonable about the ferry fares.", "discourse_imperative"),
        ("Moderator: Oh, go on then!", "another_voice"),
        ("Jane Miller: We have to pay the contractors before the winter.", "another_voice"),
        ("Remain voters might well punish the MPs in those seats.", "no_call_cue"),
        ("Leave had the money and it had the posters.", "no_call_cue"),
        ("Turnout fell in the north, and support for the mayor rose.", "no_call_cue"),
        ("Write to Sam Fisher at sam.fisher@example.com.", "page_furniture"),
        ("Contact us at desk@example.org.", "page_furniture"),
        ("Also on example.com Sign the harbour petition before Friday", "page_furniture"),
    ],
)
def test_greetings_transcripts_subjects_and_contact_lines_are_not_calls(text, reason):
    assert call_to_action_veto(text) == reason


@pytest.mark.parametrize(
    "text",
    [
        "Update: call your representative before the vote on Friday.",
        "Tell them they are wrong and sign the petition at the library.",
        "Call your senator, who will listen if enough of us do.",
    ],
)
def test_calls_near_the_new_vetoes_still_pass(text):
    assert call_to_action_veto(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "If he keeps up his political attacks on the minister, he should be sent home.",
        "(The rest of her answer was drowned out by cheering from the studio audience.)",
    ],
)
def test_verbal_attacks_and_drowned_out_are_not_violent_acts(text):
    assert not sentence_cues(text).has_violent_act


def test_an_invitation_next_to_furniture_is_furniture_and_alone_it_stays():
    invitation = "Join us on Monday at noon for the harbour debate."
    assert call_to_action_veto(invitation) is None
    furniture = ["Ask us anything about the harbour sale in our live chat.", "Submit your questions here."]
    assert call_to_action_veto(invitation, neighbours=furniture) == "page_furniture"
    assert call_to_action_veto(invitation, neighbours=["The council meets at noon.", "Entry is free."]) is None
