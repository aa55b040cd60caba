"""Violence and call-to-action precision on unseen real news (issue 13, stop 20): the general causes found by
reading the long PTC train articles (transcripts, lead-ins and scripture, exhortations that name no act,
coordinated verbs that share a subject, one-word fragments, titles and set phrases that sound violent).

All sentences and articles below were written for these tests.
"""

from __future__ import annotations

import pytest

import presslens
from presslens.analyzers.violence.cues import imperative_clauses, sentence_cues
from presslens.analyzers.violence.vetoes import (
    CANDIDATE_CALL_REASONS,
    VETOED_SCORE,
    call_to_action_veto,
    has_imperative,
    names_an_act,
    quoted_by_lead_in,
    transcript_ranges,
    violence_veto,
)

TRANSCRIPT = """Harbour sale: the minister on the night show

The minister spoke to the host on Tuesday.
HOST: Minister, thank you for coming.
DUNMORE: Thank you for having me.
HOST: Will the harbour be sold?
DUNMORE: Not this year.
We need to find out what the buyers want.
Go into the figures and you will see it.
HOST: All right.

Readers can write to the harbour board before Friday."""


def test_a_transcript_runs_from_the_first_speaker_label_to_the_end_of_the_last_turn():
    (start, end), = transcript_ranges(TRANSCRIPT)
    assert TRANSCRIPT[start:].startswith("HOST: Minister")
    assert "Go into the figures" in TRANSCRIPT[start:end]
    assert "Readers can write" not in TRANSCRIPT[start:end]
    assert "spoke to the host" not in TRANSCRIPT[start:end]


def test_one_label_or_one_speaker_is_no_transcript():
    assert transcript_ranges("Regime change: the plan was old.\nThe rest is history.\nBottom line: vote.") == []
    monologue = "HOST: Good evening.\nHOST: Tonight the harbour.\nHOST: Stay with us."
    assert transcript_ranges(monologue) == []


def test_initials_join_a_speakers_full_name_label():
    text = ("Ann Bell: Welcome to the show.\nJim Carr: Thanks.\nAB: Is the harbour sold?\nJC: No.\n"
            "AB: Why not?\nJC: The buyers left.\n\nThe writer's own words.")
    (start, end), = transcript_ranges(text)
    assert text[start:].startswith("Ann Bell:")
    assert "writer's own" not in text[start:end]


def test_calls_inside_a_transcript_are_not_the_writers():
    report = presslens.analyze(TRANSCRIPT, only=["violence"])
    calls = [f for f in report.findings if f.kind == "call_to_action" and f.score >= 0.5]
    assert all("Go into" not in f.text and "find out" not in f.text for f in calls)


@pytest.mark.parametrize(
    ("text", "previous", "following"),
    [
        ("Let every sailor obey the harbour master.", "The old charter says:", ""),
        ("Judge the statement yourselves.", "The minister answered the reporters:", ""),
        ("Give freely to the poor of the harbour.", "The preacher read a passage.", "(Proverbs 3:27)"),
        ("Give freely to the poor of the harbour (Luke 6:38).", "", ""),
    ],
)
def test_lead_ins_and_verse_references_mark_someone_elses_words(text, previous, following):
    assert quoted_by_lead_in(text, previous, following)
    assert call_to_action_veto(text, previous=previous, following=following) == "quotation"


@pytest.mark.parametrize(
    ("text", "previous"),
    [
        ("Sign the harbour petition before Friday.", "Here is what you can do:"),
        ("Sign the harbour petition before Friday.", "We have one request:"),
        ("Sign the harbour petition before Friday.", "The vote is on Friday."),
        ("Friends, please write to the harbour board this week.", "This video may help those still undecided:"),
    ],
)
def test_the_writers_own_lead_in_keeps_the_call(text, previous):
    assert not quoted_by_lead_in(text, previous)
    assert call_to_action_veto(text, previous=previous) is None


@pytest.mark.parametrize(
    "text",
    [
        "We must be done with these excuses.",
        "We must take care, because the harbour board is changing.",
        "In the first place, we must continue to build on the good work of the port.",
        "The problem is the crisis we must still endure in the harbour.",
    ],
)
def test_an_exhortation_naming_no_act_is_a_candidate_only(text):
    assert not names_an_act(text)
    reason = call_to_action_veto(text)
    assert reason in CANDIDATE_CALL_REASONS


@pytest.mark.parametrize(
    "text",
    [
        "We must resist this plan at the ballot box.",
        "We must continue to fight for the harbour workers.",
        "We must pray for the families of the fishermen.",
        "It is time to vote the harbour board out.",
        "It is time to take the harbour back from the board.",
        "Let's sign the petition before the council meets on Friday.",
    ],
)
def test_an_exhortation_naming_an_act_stays_a_call(text):
    assert names_an_act(text)
    assert call_to_action_veto(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "Keep these figures in mind as we go through the budget.",
        "Also, keep in mind that the board meets twice a year.",
        "And these, remember, are men with no other trade.",
        "Do not be afraid!",
        "Even now, let us not lose hope!",
        "Angry is what you should be feeling today.",
        "And do not pretend that the harbour deal was clean.",
        "It is time to be honest that the port is failing.",
    ],
)
def test_attention_feelings_and_thoughts_are_not_calls(text):
    assert call_to_action_veto(text) == "discourse_imperative"


@pytest.mark.parametrize(
    "text",
    [
        "A new, open letter to the minister has gathered 900 signatures.",
        "They take the files out of the office at night, and put them in a van.",
        "The board can review the plan, and come to a decision by May.",
        "They read the rules, but keep them not!",
        "And support for the mayor cannot be told from support for his plan.",
    ],
)
def test_verbs_that_share_a_subject_and_adjectives_are_no_imperatives(text):
    assert not has_imperative(text)


@pytest.mark.parametrize(
    "text",
    [
        "Sign the petition, and tell your neighbours to sign it too.",
        "Open the archive to the public.",
        "Tonight, come to the town hall and vote.",
        "The vote is on Friday; call your deputy before then.",
    ],
)
def test_real_imperatives_still_count(text):
    assert has_imperative(text)
    assert imperative_clauses(text)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Visit her site at harbourwatch.example, follow her on Twitter and write to her.", "page_furniture"),
        ("Read the full council report here.", "page_furniture"),
        ("Give.", "fragment"),
        ("Here, take a look!", "discourse_imperative"),
        ("Get the harbour news you need in this morning email.", "page_furniture"),
    ],
)
def test_bio_lines_links_and_fragments_are_not_calls(text, reason):
    assert call_to_action_veto(text) == reason


def test_a_one_word_sentence_is_a_violence_candidate_only():
    assert violence_veto("Burn.") == "fragment"
    assert violence_veto("Burn the harbour office down tonight.") is None


@pytest.mark.parametrize(
    "text",
    [
        "The sergeant-at-arms worked with the clerk on the inventory.",
        "Kill the Messenger",
        "Let the hope that burns inside every worker rise again.",
        "We should stand by the reporters who come under attack for their work.",
        "The harbour unions were up in arms about the sale.",
    ],
)
def test_titles_and_set_phrases_are_not_violent_acts(text):
    assert not sentence_cues(text).has_violent_act


def test_worked_with_is_no_approval_and_worked_alone_still_is():
    assert not any(c.startswith("approval:worked") for c in sentence_cues("The guard worked with the clerk.").fired)
    assert "approval:worked" in sentence_cues("Bombing the depot worked.").fired


def test_an_exhortation_without_an_act_is_kept_below_the_asserted_score():
    text = ("Harbour notes\n\nThe board met on Monday to discuss the sale of the old port. "
            "We must be brave about what comes next for the port and its people.")
    report = presslens.analyze(text, only=["violence"])
    calls = [f for f in report.findings if f.kind == "call_to_action"]
    assert all(f.score <= VETOED_SCORE for f in calls if "brave" in f.text)
