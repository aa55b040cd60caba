"""Violence and call-to-action precision on unseen real news from new sources (issue 13, analyzer 1.6): the
general causes found by reading US political news and local shooting reports (a title line ending in a full stop,
a reporting verb such as "counter", the site's contact and feedback lines, an imperative naming no act, grief
("the family is hurting") and weapons as a policy subject or a thing to have ("access to a gun")).

All sentences and articles below were written for these tests.
"""

from __future__ import annotations

import pytest

import presslens
from presslens.analyzers.violence.cues import sentence_cues
from presslens.analyzers.violence.vetoes import (
    VETOED_SCORE,
    call_to_action_veto,
    handle_signed_ranges,
    has_imperative,
    is_title_line,
    names_an_act,
    quoted_ranges,
    speaker_paragraph_ranges,
)


def _asserted(text: str, kind: str) -> list[str]:
    report = presslens.analyze(text, only=["violence"])
    return [f.text for f in report.findings if f.kind == kind and f.score >= 0.5]


def test_a_title_line_with_a_full_stop_is_a_headline_not_a_call():
    assert call_to_action_veto("Drive inside the council to block the harbour sale.", title=True) == "headline"
    assert call_to_action_veto("Drive inside the council to block the harbour sale.", title=False) is None


def test_a_title_that_ends_with_an_exclamation_mark_can_still_be_a_call():
    assert call_to_action_veto("Stop The Harbour Sale!", title=True) is None


def test_the_title_line_is_the_first_line_followed_by_a_line_break():
    text = "Drive inside the council to block the sale.\n\nThe council met on Monday."
    assert is_title_line(text, text.index("\n"))
    one_line = "Call your councillor today. The vote is on Monday."
    assert not is_title_line(one_line, one_line.index(" The"))


def test_a_title_line_call_is_not_asserted_in_an_article():
    text = ("Drive inside the council to block the harbour sale.\n\n"
            "Three councillors met on Monday to discuss the sale of the old harbour to a developer. "
            "The vote is expected next month.")
    assert not any(t.startswith("Drive inside") for t in _asserted(text, "call_to_action"))


@pytest.mark.parametrize(
    "text",
    [
        "Other voices counter it's time to embrace the developer.",
        "Her allies contend that it is time to sign the harbour deal.",
        "The mayor's office responded that residents should call the hotline.",
    ],
)
def test_reported_calls_with_a_reporting_verb_are_not_the_writers(text):
    assert call_to_action_veto(text) == "another_voice"


def test_a_counter_protest_call_is_not_a_reported_one():
    assert call_to_action_veto("Join the counter-protest at the harbour gates on Saturday.") is None


@pytest.mark.parametrize(
    "text",
    [
        "Send an email to desk@harbourpost.example and it will be forwarded to the editor.",
        "Follow @harbourdesk on Twitter.",
        "Please check back for updates as details become available.",
        "Be sure to give us a like on Facebook.",
    ],
)
def test_feedback_and_contact_lines_of_the_site_are_furniture(text):
    assert call_to_action_veto(text) == "page_furniture"


def test_a_contact_line_next_to_furniture_is_furniture_and_alone_it_is_not():
    line = "Contact the Harbour Desk."
    assert call_to_action_veto(line, neighbours=["Follow @harbourdesk on Twitter."]) == "page_furniture"
    assert call_to_action_veto(line, neighbours=["The council meets on Monday."]) is None


def test_an_imperative_naming_no_act_is_a_candidate_and_a_concrete_one_is_not():
    assert not names_an_act("Do the right thing, not the wrong thing.")
    assert call_to_action_veto("Do the right thing, not the wrong thing.") == "exhortation_without_act"
    assert names_an_act("Sign the petition to save the harbour library.")
    assert names_an_act("Do the right thing and sign the petition to save the harbour library.")


def test_a_vague_imperative_is_kept_below_the_asserted_score():
    text = ("Harbour notes\n\nThe council will vote on the sale of the old library on Monday. "
            "Do the right thing, not the easy thing.")
    report = presslens.analyze(text, only=["violence"])
    calls = [f for f in report.findings if f.kind == "call_to_action" and "right thing" in f.text]
    assert all(f.score <= VETOED_SCORE for f in calls)


@pytest.mark.parametrize(
    "text",
    [
        "I know the whole family is hurting, and we are going to love and support them.",
        "The neighbours are still hurting, a year later.",
        "The killer did not need her address, just easy access to a gun.",
        "We need to get the guns off the street and build a good life for our children.",
        "The senator wants tougher gun laws after the election.",
        "Gun violence rose in the city last year.",
    ],
)
def test_grief_and_weapons_as_a_policy_subject_are_no_violent_act(text):
    assert not sentence_cues(text).has_violent_act


@pytest.mark.parametrize(
    "text",
    [
        "They are hurting the villagers every night.",
        "Grab your guns and shoot them.",
        "Take the guns and storm the depot.",
    ],
)
def test_harm_and_weapons_in_a_violent_act_still_count(text):
    assert sentence_cues(text).has_violent_act


def test_a_grieving_quote_in_a_shooting_report_is_no_violence_candidate():
    text = ("Student shot near campus\n\nA student was shot near the campus on Friday night, police said. "
            "The coach said the team is hurting. "
            "I know the whole family is hurting, and we are going to love and support them through this.")
    report = presslens.analyze(text, only=["violence"])
    assert not report.labels["violence"]["label"]
    assert not [f for f in report.findings if f.kind == "violence" and "hurting" in f.text]


# --- Causes added after the held-out read of AUDIT B (so B is in-sample for these) ---


@pytest.mark.parametrize(
    "text",
    [
        "Stay with Harbour 9 News and harbour9.example for updates.",
        "Keep checking The Harbour Desk for the latest.",
        "Share it in the comments.",
    ],
)
def test_station_plugs_and_the_comment_box_are_furniture(text):
    assert call_to_action_veto(text) == "page_furniture"


def test_a_passed_on_police_appeal_is_not_the_writers_call():
    assert call_to_action_veto("Anyone with information should call the harbour police tip line.") == "another_voice"


def test_a_rhetorical_tell_me_why_is_no_call():
    assert call_to_action_veto("So tell me again why you blame the harbour board.") == "discourse_imperative"


@pytest.mark.parametrize(
    "text",
    [
        "The board's support for the sale — a surprise to many — put the council in a corner.",
        "The slogan - 'open harbour' - became a rallying cry.",
    ],
)
def test_a_verb_after_a_dash_apposition_is_no_imperative(text):
    assert not has_imperative(text)


@pytest.mark.parametrize(
    "text",
    ["We know the answer - sign the petition.", "Sign the petition — today — and call your councillor."],
)
def test_an_imperative_after_a_single_dash_still_counts(text):
    assert has_imperative(text)


def test_a_paragraph_opening_with_a_speaker_label_is_the_speakers():
    text = "The debate\n\nThe host asked about the harbour.\nDUNMORE: Honestly, I think so. You should vote for it.\n"
    (start, end), = speaker_paragraph_ranges(text)
    assert text[start:end].startswith("DUNMORE:") and text[start:end].endswith("vote for it.")
    assert speaker_paragraph_ranges("UPDATE: the vote moved to Friday.\n") == []
    assert not _asserted(text, "call_to_action")


def test_a_verb_in_a_headline_before_a_comma_is_no_vocative():
    assert "imperative:injure" not in sentence_cues("Harbour police shoot, injure armed suspect.").fired
    assert "imperative:burn" in sentence_cues("Comrades, burn the depot.").fired


def test_cut_down_on_is_no_violent_act():
    assert not sentence_cues("You need to cut down on your drinking.").has_violent_act


# --- Causes added after reading AUDIT C (the 60 / 80 after B; C is in-sample for these) ---


@pytest.mark.parametrize(
    "text",
    [
        "Throw more public money at the harbour's problems.",
        "She has been honest since the first day she hit the campaign trail, and I support her.",
    ],
)
def test_spending_and_campaigning_idioms_are_no_violent_act(text):
    assert not sentence_cues(text).has_violent_act


def test_a_participle_with_its_agent_after_a_comma_is_no_imperative():
    assert not any(c.startswith("imperative:") for c in sentence_cues(
        "The harbour board, run by the city, is unlikely to act.").fired)


def test_two_apostrophes_quote_a_passage():
    text = "Intro.\n\n''I ask them,'' Mr. Dunmore said. ''Vote for the harbour. Vote for the town.''\n"
    quoted = [text[a:b] for a, b in quoted_ranges(text)]
    assert "''Vote for the harbour. Vote for the town.''" in quoted
    assert not _asserted(text, "call_to_action")


def test_a_post_signed_with_a_handle_line_is_the_posters():
    text = ("Readers react\n\nWe asked readers about the harbour vote.\n\nThe board won easily. "
            "Let the celebration begin.\n\n@HarbourFan.\n\nThe board meets again in May.")
    (start, end), = handle_signed_ranges(text)
    assert text[start:end].startswith("The board won easily.") and text[start:end].endswith("@HarbourFan.")
    assert not _asserted(text, "call_to_action")


# --- Causes added after reading AUDIT D (the 60 / 80 after C; D is in-sample for these) ---


def test_a_temporal_just_is_no_approval_and_a_judging_just_still_is():
    assert not any(c == "approval:just" for c in sentence_cues(
        "The guard was killed just before he was due to go home.").fired)
    assert "approval:just" in sentence_cues("The bombing of the depot was just.").fired


def test_breaking_up_companies_is_no_violent_act():
    assert not sentence_cues("What Both Parties Want: Break Up Big Banks.").has_violent_act
    assert sentence_cues("Break their legs.").has_violent_act


@pytest.mark.parametrize(
    "text",
    [
        "Read the rest of the story at The Harbour Post.",
        "Send tips and photos to Ann Bell ann.bell@harbourpost.example.",
        "For more details, contact Ann at: ann.bell@mail.example.",
    ],
)
def test_read_more_links_and_addresses_for_tips_are_furniture(text):
    assert call_to_action_veto(text) == "page_furniture"


# --- Causes added after reading AUDIT E (the 60 / 80 after D; E is in-sample for these) ---


@pytest.mark.parametrize(
    "text",
    ["Lynch calls the harbour town her home.", "The bill was signed by Attorney General Ann Lynch on Monday."],
)
def test_a_capitalised_violent_word_used_as_a_name_is_no_violent_act(text):
    assert not sentence_cues(text).has_violent_act


@pytest.mark.parametrize("text", ["Lynch them all.", "They will lynch him.", "Burn the depot tonight."])
def test_the_same_words_as_acts_still_count(text):
    assert sentence_cues(text).has_violent_act


@pytest.mark.parametrize(
    "text",
    ["Take the harbour board.", "Take Tuesday's schedule.", "Call it the politics of pique.",
     "And don't get me started on the harbour fees."],
)
def test_examples_namings_and_complaints_are_discourse(text):
    assert call_to_action_veto(text) == "discourse_imperative"


@pytest.mark.parametrize("text", ["Take action now.", "Take to the streets on Saturday."])
def test_take_action_stays_a_call(text):
    assert call_to_action_veto(text) is None
