"""Claim sentences that are page furniture or carry no claim of their own (issue 13, guideline section 4):
photo credits, lead-in lines, bare attribution tails, fragments and demands. Sentences written for these tests."""

from __future__ import annotations

import pytest

import presslens
from presslens.analyzers.claims.furniture import furniture_reason


@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        ("(AP photo: Maria Lopez)", "photo credit"),
        ("Image credit: Harbour Press", "photo credit"),
        ("Photos taken by residents of the flooded underpass on Sunday.", "photo credit"),
        ("The following are the names of the officers charged in the case:", "lead-in"),
        ("According to the statement released by the regional council:", "lead-in"),
        ("Local radio reports:", "lead-in"),
        ("In the leaked memo we read that:", "lead-in"),
        ("The mayor added.", "attribution tail"),
        ("She continued.", "attribution tail"),
        ("Governor Ruiz said on Facebook.", "attribution tail"),
        ("This article was originally published by Jane Roe at The Valley Ledger", "reprint notice"),
        ("Originally appeared in The Harbour Times.", "reprint notice"),
        # a citation line, also with a hat tip after the date
        ("“Ferry service resumes on the northern route,” by Ana Ruiz, Harbour Times, May 4, 2018", "citation line"),
        ("“Ferry service resumes on the northern route,” by Ana Ruiz, Harbour Times, May 4, 2018 (thanks to Tom):",
         "citation line"),
        ("3.", "fragment"),
        ("§12 B", "fragment"),
        # demands (calls to action are not claims): "should/must/ought to" in the main clause
        ("The ministry should release the prisoners before the winter.", "demand"),
        ("This blockade must end now.", "demand"),
        ("The envoy ought to resign over the leak.", "demand"),
        # wire-copy credit lines (analyzer 1.8)
        ("Okafor reported from Lagos.", "byline"),
        ("Mendes Lima and Tran reported from Porto Alegre.", "byline"),
        ("Agency writers Ada Moss in Leeds and Ben Ito in York contributed to this report.", "byline"),
        ("Rita Kowal, a researcher at the Harbour Institute, contributed reporting.", "byline"),
        ("The commander should have ordered the retreat on day one.", "demand"),
        ("Nolan Reyes contributed.", "byline"),  # analyzer 1.9
        ("Ana Ruiz and Tom Lee contributed reporting.", "byline"),
        # social-media lines with no statement of their own (analyzer 1.9; the first is the user trial's line)
        ("#MnAg ——> RT @jpkolb: UPDATE:", "social media"),
        ("RT @harbourdesk: BREAKING →", "social media"),
        ("#floods #relief @ReliefDesk via https://t.co/abc123", "hashtags"),
        ("@ReliefDesk —> #update", "social media"),
    ],
)
def test_no_claim_lines_are_named(sentence: str, reason: str) -> None:
    assert furniture_reason(sentence) == reason


@pytest.mark.parametrize(
    "sentence",
    [
        "The mayor added that the bridge would stay closed for a week.",
        "Rescue teams, the local paper reports, pulled 14 people from the river:",  # a claim before the colon
        "The twelfth-century chronicler described how the city was taken:",
        "Video shows soldiers firing at the crowd outside the station.",
        "The council said the photo was taken in 2015.",
        "Officials said 12 people died.",
        "The drought contributed to the deaths of 300 cattle.",
        "Gulf donors contributed.",
        # a tweet or retweet that says something keeps its claim (analyzer 1.9)
        "RT @harbourdesk: Police say three people were hurt in the crash on the coast road.",
        "@CoastGuard and @PortAuthority closed the northern channel on Monday.",
        "#Floods have cut the rail line between the two towns.",
        "The report, originally published in March, named 40 officers.",
        # not demands: an inference, a condition, a "should" inside a reported or relative clause
        "The shell must have been fired from the ridge.",
        "Should the dam fail, 20,000 people would lose their homes.",
        "The villages would be the first targets should the army attack.",
        "The council said that the ministry should pay for the repairs.",
        "Residents who must travel to the clinic wait for hours at the checkpoint.",
        # "reported from" of the events themselves is a claim
        "Nine cases were reported from a clinic near the border, the health ministry said.",
        "Three cases were reported from Kinshasa.",
    ],
)
def test_claims_with_content_are_not_furniture(sentence: str) -> None:
    assert furniture_reason(sentence) is None


@pytest.mark.parametrize(
    ("sentence", "option_reason"),
    [
        # an intro line by its reporting verb, any subject, a short tail (GUIDELINE 8a, decided with dev11; the
        # claims option furniture=s28)
        ("Harbour Wire adds:", "lead-in"),
        ("Channel 9 reports:", "lead-in"),
        ("Ana Ruiz recently reported for the Valley Ledger:", "lead-in"),
        ("Tuesday's front page of the Harbour Times blared:", "lead-in"),
        ("As the local radio reported Friday evening:", "lead-in"),
        # a reporting verb after "and" (the line says something first), a long tail, a line over 12 words
        ("The ferry will stop running on Friday and the mayor added:", None),
        ("The regional council reported in its yearly bulletin on coastal erosion and flooding:", None),
        ("Three villages lost power for two days after the storm, the agency that runs the grid said:", None),
        ("Rescue teams, the local paper reports, pulled 14 people from the river:", None),
    ],
)
def test_report_lead_ins_only_with_the_s28_rules(sentence: str, option_reason: str | None) -> None:
    assert furniture_reason(sentence) is None  # the trainer's furniture (the scorers are fitted without them)
    assert furniture_reason(sentence, report_lead_ins=True) == option_reason


def test_s28_furniture_default_drops_an_intro_line_from_the_asserted_claims() -> None:
    text = ("Ferry service cut on the northern route\n\nThe regional council cut the northern ferry service to two "
            "crossings a day on Monday, officials said.\n\nHarbour Wire adds:\n\nThe council will review the "
            "timetable in March.")
    start = text.index("Harbour Wire adds:")

    def intro(options: dict[str, str] | None) -> dict[str, object]:
        report = presslens.analyze(text, only=["claims"], analyzer_options=options).to_dict()
        return next(f for f in report["findings"] if f["kind"] == "claim" and f["start"] == start)

    before, default = intro({"claims.furniture": "text"}), intro(None)  # s28 is the default since stop 28
    assert "furniture" not in before["attributes"]
    assert default["attributes"]["furniture"] == "lead-in"
    assert default["score"] == pytest.approx(before["score"] * 0.1, abs=1e-4)
    assert intro({"claims.furniture": "s28"})["score"] == default["score"]


def test_retweet_header_is_left_out_of_the_claim_span() -> None:
    """The user trial of stop 21 found "#MnAg ——> RT @jpkolb: UPDATE:" inside a claim finding: the header is not
    part of the claim (analyzer 1.9); a header with nothing after it is furniture."""
    from presslens.analyzers.claims.furniture import social_header_end

    line = "#Floods ——> RT @harbourdesk: UPDATE: The coast road was closed at 6 pm on Monday."
    assert line[social_header_end(line):] == "The coast road was closed at 6 pm on Monday."
    for kept in ("#EbolaDRC: This news gives me pause.", "@Mayor, do not close the library.",
                 "The RT report said the road was closed.", "#Floods ——> RT @harbourdesk: UPDATE:"):
        assert social_header_end(kept) == 0
    text = ("Coast road closed after the storm\n\nThe regional council closed the coast road on Monday after the "
            "storm flooded 40 houses, officials said.\n\n" + line + "\n\nThe council said 12 families were moved to "
            "the school in Larn.")
    report = presslens.analyze(text, only=["claims"]).to_dict()
    claims = [f for f in report["findings"] if f["kind"] == "claim"]
    assert claims and all(text[f["start"]:f["end"]] == f["text"] for f in claims)
    assert not any("RT @" in f["text"] or "——>" in f["text"] for f in claims)
    assert any(f["text"].startswith("The coast road was closed at 6 pm") for f in claims)


@pytest.mark.parametrize(
    "sentence",
    [
        "| Ada Moss/AP Photo Harbour council passes a budget for the new ferry",
        "KOFI MENSAH/AFP/Getty Images",
        "Flooded streets in Larn on Monday. (AP Photo/Ben Ito)",
    ],
)
def test_agency_photo_credits_are_furniture(sentence: str) -> None:
    """A wire-agency credit left in the text (user trial of stop 22; dev3 "| ... /AP Photo ..."): analyzer 1.10."""
    assert furniture_reason(sentence) == "photo credit"


def test_agency_names_in_a_claim_are_not_photo_credits() -> None:
    for sentence in ("The AP reported that 40 houses were flooded in Larn.",
                     "Reuters photographers were detained for two days at the border.",
                     "Getty Images said it had sold the archive for $12 million."):
        assert furniture_reason(sentence) is None


def test_dateline_is_left_out_of_the_claim_span() -> None:
    """A "(CNN)" dateline sat inside a claim finding in the user trial of stop 22: analyzer 1.10 starts the claim
    after a wire dateline, and leaves other brackets alone."""
    from presslens.analyzers.claims.furniture import dateline_end

    for line, own in (("(CNN) A couple in Larn told police they saw the boy in May.",
                       "A couple in Larn told police they saw the boy in May."),
                      ("LAGOS (Reuters) - The central bank raised its rate to 14 percent on Tuesday.",
                       "The central bank raised its rate to 14 percent on Tuesday."),
                      ("PORT LARN, Md. (AP) — Two ferries collided on Monday, the coast guard said.",
                       "Two ferries collided on Monday, the coast guard said.")):
        assert line[dateline_end(line):] == own
    for kept in ("(CNN)", "The (AP) story ran on Monday.", "(Reuters)", "Officials (AP) said 12 died."):
        assert dateline_end(kept) == 0
    text = ("Ferries collide off Larn\n\n(CNN) Two ferries collided off Larn on Monday, injuring 14 passengers, "
            "the coast guard said.\n\nThe coast guard said 12 families were moved to the school in Larn.")
    layout = presslens.analyze(text, only=["claims"], analyzer_options={"claims.furniture": "layout"}).to_dict()
    claims = [f for f in layout["findings"] if f["kind"] == "claim"]
    assert claims and all(text[f["start"]:f["end"]] == f["text"] for f in claims)
    assert not any("(CNN)" in f["text"] for f in claims)
    assert any(f["text"].startswith("Two ferries collided off Larn") for f in claims)
    shipped = presslens.analyze(text, only=["claims"]).to_dict()  # the default keeps the 1.9 span
    assert any(f["text"].startswith("(CNN) Two ferries") for f in shipped["findings"] if f["kind"] == "claim")


def test_subhead_is_furniture_but_headline_and_short_sentences_are_not() -> None:
    """A short title-like line between paragraphs, without final punctuation, is a section subhead (user trial of
    stop 22, 0.55): analyzer 1.10 keeps it as a furniture candidate. The first line (the headline), a line that
    ends a sentence and a line inside a paragraph stay ordinary sentences."""
    from presslens.analyzers.claims.furniture import is_subhead

    text = ("Coast guard rescues 14 after ferry collision\n"
            "Two ferries collided off Larn on Monday, injuring 14 passengers, the coast guard said.\n"
            "Residents warned of the channel for years\n"
            "The council received 30 complaints about the channel in 2017.\n"
            "Police arrested two men.\n"
            "the rescue took four hours\n")

    def span(line: str) -> tuple[int, int]:
        start = text.index(line)
        return start, start + len(line)

    assert is_subhead(text, *span("Residents warned of the channel for years"))
    for line in ("Coast guard rescues 14 after ferry collision", "Police arrested two men.",
                 "the rescue took four hours"):
        assert not is_subhead(text, *span(line))
    inline = "Two ferries collided. Residents warned of the channel for years\nMore text follows here."
    assert not is_subhead(inline, inline.index("Residents"), inline.index("\n"))
    from presslens.analyzers.claims.furniture import layout_furniture_reason

    line = span("Residents warned of the channel for years")
    assert layout_furniture_reason(text, *line) == "subhead"
    assert furniture_reason(text[line[0]:line[1]]) is None  # the shipped rules read the sentence only
    assert layout_furniture_reason(text, *span("Police arrested two men.")) is None


def test_print_notice_is_furniture_and_mojibake_is_no_copyright_sign() -> None:
    """Audit A of issue 13 (stop 22), option furniture=layout: a print-edition notice is furniture; "Ã©" is a
    mis-read "é", not "©"."""
    from presslens.analyzers.claims.furniture import layout_furniture_reason

    def reason(sentence: str) -> str | None:
        text = "Ferry service resumes\n" + sentence + "\n"
        return layout_furniture_reason(text, len("Ferry service resumes\n"), len(text) - 1)

    assert reason("As published in the Harbour Times.") == "reprint notice"
    assert reason("A version of this article appears in print on May 4, 2018, in the Harbour Times.") \
        == "reprint notice"
    assert reason("© 2018 Harbour Times") == "copyright"
    assert reason("The Harbour Times © 2018, all rights reserved.") == "copyright"
    mojibake = "It's a gun advocate clichÃ© that an armed society is a polite society."
    assert reason(mojibake) is None and furniture_reason(mojibake) == "copyright"  # 1.9 behaviour kept by default
    decomposed = "The word clicheA\u0303\u00a9 came up twice in the debate on Monday."
    assert reason(decomposed) is None


@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        ("Get full access to our weekend reporting for just 50 cents a week.", "subscription offer"),
        ("Stay in the loop by subscribing today.", "subscription offer"),
        ("Sign up for our free morning newsletter and we will keep you posted.", "subscription offer"),
        # a report about subscriptions is a claim
        ("The paper said 40,000 readers subscribe to its digital edition.", None),
        ("Readers can subscribe to the harbour bulletin at the town hall.", None),
    ],
)
def test_subscription_offers_are_furniture(sentence: str, reason: str | None) -> None:
    assert furniture_reason(sentence) == reason


@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        ("READ MORE: Harbour Council Bashed for Delaying Ferry Money — Reports", "link title"),
        ("SEE ALSO: Valley Mayor Ready To Subpoena Port Audit, Ruiz Says", "link title"),
        ("Read more: Ferry Operator Plans Night Crossings", "link title"),
        ("Harbour TV's Ana Ruiz reports.", "byline"),
        ("The lanterns lit up the quay (Ana Ruiz/PA)", "photo credit"),
    ],
)
def test_link_titles_video_bylines_and_credited_captions_are_furniture_only_with_s30(sentence: str, reason: str) -> None:
    """GUIDELINE 8a, decided with dev13 (the claims option furniture=s30, s30 claims18)."""
    assert furniture_reason(sentence, report_lead_ins=True, link_titles=True) == reason
    assert furniture_reason(sentence, report_lead_ins=True) is None  # the default furniture=s28 keeps them


@pytest.mark.parametrize(
    "sentence",
    [
        "Video of the convoy was captured in several reports.",  # a claim about reports, not a byline
        "Harbour TV reports that the ferry will stop on Friday.",  # a report with content
        "The port authority reports.",  # lower-case words: no byline of a name
        "Related news from the port was scarce on Monday: the ferry stopped.",  # "Related" opening a sentence
        "The minister (pictured) spoke to the Press Association on Monday.",
        "The ferry stopped at noon (local time).",
    ],
)
def test_s30_furniture_keeps_reports_and_ordinary_sentences(sentence: str) -> None:
    assert furniture_reason(sentence, report_lead_ins=True, link_titles=True) is None
