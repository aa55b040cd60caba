"""Sentence breaks around honorifics, titles, abbreviations and initials (table-driven).

Each row is a text and the sentences it must split into. Rows marked "break" are real sentence ends that must stay.
"""

from __future__ import annotations

import pytest

from presslens.abbreviations import breaks_after_abbreviations, continues_after_abbreviation
from presslens.segment import sentences

ONE_SENTENCE = [
    # honorifics
    "Mr. Smith met the envoy on Monday.",
    "Mrs. Clinton spoke to reporters.",
    "Ms. Rice declined to comment.",
    "He met Dr. Anthony Fauci in Geneva.",
    "The panel was chaired by Prof. Smith of Yale.",
    "The Rev. Al Sharpton led the march.",
    "Juan Carlos Sr. was not at the ceremony.",
    "Martin Luther King Jr. gave the speech in 1963.",
    "Obama's spiritual advisor Rev. Jeremiah Wright gave him an award.",
    "In his letter, Fr. Weinandy made his point.",
    # political titles
    "Rep. Adam Schiff accused the chairman of lying.",
    "The bill was backed by Rep. Nancy Pelosi and Sen. Chuck Schumer.",
    "Gov. Jerry Brown signed the order.",
    "Pres. Trump and Amb. Haley arrived late.",
    "Sec. Pompeo said the talks would go on.",
    "Lt. Gov. Ralph Northam refused to resign.",
    "U.S. Rep. Ilhan Omar tweeted about the vote.",
    "The pressure fell on GOP Sens. Susan Collins and Lisa Murkowski.",
    # military ranks
    "Gen. Mark Milley briefed the committee.",
    "Lt. Gen. H.R. McMaster was replaced in April.",
    "Col. Jones and Maj. Smith led the convoy.",
    "Capt. Brown and Sgt. Lee were wounded.",
    "Adm. Rogers and Cpl. Green testified.",
    "Witnesses said Lt. Col. Vindman listened to the call.",
    "The court convicted Pvt. Manning of leaking files.",
    # saints and places
    "They prayed at St. Patrick's Cathedral.",
    "Climbers died on Mt. Everest last spring.",
    "Troops left Ft. Bragg at dawn.",
    # months
    "On Jan. 5 the vote was held.",
    "Talks resumed on Feb. 3 and ended on Aug. 4 without a deal.",
    "The attacks of Sept. 11 changed the war.",
    "Between Oct. 7 and Nov. 9 the front did not move.",
    "The truce began on Dec. 25 at midnight.",
    # Latin and other inner abbreviations
    "Smith et al. found the same effect in 2010.",
    "Some weapons, e.g. rifles, were seized at the border.",
    "The weapons, i.e. the rifles, were seized at the border.",
    "It was Trump vs. Clinton in 2016.",
    "The U.S. and the U.K. asked the U.N. to act.",
    "He was ranked No. 5 in the world.",
    "It was 5 p.m. on Tuesday when the shelling began.",
    # initials
    "Former President George W. Bush spoke at the funeral.",
    "National Security Adviser H.R. McMaster said the deal was dead.",
    "The author J.K. Rowling gave money to the fund.",
    "John F. Kennedy was shot in Dallas.",
    # company suffixes
    "Apple Inc. said profits rose.",
    "Acme Corp. and Smith Co. merged last year.",
    "Rep. Devin Nunes (R-Calif.) said the memo was accurate.",
]

SPLITS = [
    # real breaks that must stay
    ("He lost. Full stop.", ["He lost.", "Full stop."]),
    ("Troops stayed in the U.S. The next day they left.", ["Troops stayed in the U.S.", "The next day they left."]),
    ("Men fled the wars.Next week the border closed.", ["Men fled the wars.", "Next week the border closed."]),
    ("He worked for Apple Inc. The company fired him.", ["He worked for Apple Inc.", "The company fired him."]),
    ("1. First item. 2. Second item.", ["1. First item.", "2. Second item."]),
    ('He said, "We will win." Then he left.', ['He said, "We will win."', "Then he left."]),
    ("It happened at 5 p.m. The police came.", ["It happened at 5 p.m.", "The police came."]),
    ("Gen. Kelly spoke. Lt. Col. Vindman testified.", ["Gen. Kelly spoke.", "Lt. Col. Vindman testified."]),
    ("Rep. Adam Schiff said it. Sen. Ted Cruz disagreed.", ["Rep. Adam Schiff said it.", "Sen. Ted Cruz disagreed."]),
    # an abbreviation at the true end of a sentence, followed by a clear opener
    ("She was born in Washington, D.C. Her father was a senator.",
     ["She was born in Washington, D.C.", "Her father was a senator."]),
    ("Ten men fled to the U.K. They asked for asylum.", ["Ten men fled to the U.K.", "They asked for asylum."]),
    ("He was the son of Martin Luther King Jr. He never ran for office.",
     ["He was the son of Martin Luther King Jr.", "He never ran for office."]),
    ("The shop sold maps, books, etc. We bought none.", ["The shop sold maps, books, etc.", "We bought none."]),
    ("He lives on Main St. He never leaves.", ["He lives on Main St.", "He never leaves."]),
    ("The talks ended at 4 a.m. Both sides claimed victory.",
     ["The talks ended at 4 a.m.", "Both sides claimed victory."]),
    ("They flew from the U.K. She stayed in Washington, D.C. They met at 9 a.m. He left.",
     ["They flew from the U.K.", "She stayed in Washington, D.C.", "They met at 9 a.m.", "He left."]),
    # hard line breaks (one sentence per line corpora): a title or initials before the name do not end the line's
    # sentence, a real end of line does
    ("“It helps,” said the Rev.\nDavid W. Dockery, a pastor.", ["“It helps,” said the Rev.\nDavid W. Dockery, a pastor."]),
    ("Ohio Gov.\nJohn Kasich ordered flags at half-staff.", ["Ohio Gov.\nJohn Kasich ordered flags at half-staff."]),
    ("The deal was signed by H.R.\nMcMaster and others.", ["The deal was signed by H.R.\nMcMaster and others."]),
    ("Will the F.B.I.\nand the police explain it?", ["Will the F.B.I.\nand the police explain it?"]),
    ("Some hosts (e.g.\nbats) carry it.", ["Some hosts (e.g.\nbats) carry it."]),
    ("They moved to the U.S.\nThe war went on.", ["They moved to the U.S.", "The war went on."]),
    ("He was there during World War I.\nWould he go back?", ["He was there during World War I.", "Would he go back?"]),
    ("Trump answered questions at the Q&A.\nAcosta disputed it.", ["Trump answered questions at the Q&A.", "Acosta disputed it."]),
]


def sentence_texts(text: str) -> list[str]:
    return [text[s:e] for s, e in sentences(text)]


@pytest.mark.parametrize("text", ONE_SENTENCE)
def test_no_break_after_title_abbreviation_or_initial(text: str) -> None:
    assert sentence_texts(text) == [text]


@pytest.mark.parametrize(("text", "expected"), SPLITS)
def test_real_sentence_breaks_stay(text: str, expected: list[str]) -> None:
    assert sentence_texts(text) == expected


def test_table_has_at_least_forty_cases() -> None:
    assert len(ONE_SENTENCE) + len(SPLITS) >= 40


@pytest.mark.parametrize("text", ONE_SENTENCE[:10] + [t for t, _ in SPLITS])
def test_ranges_are_exact_offsets_into_the_article(text: str) -> None:
    prefix = "Headline\n\n  "
    article = prefix + text + "  \n"
    headline, *got = sentences(article)
    assert article[slice(*headline)] == "Headline"
    assert [article[s:e] for s, e in got] == sentence_texts(text)
    assert [(s - len(prefix), e - len(prefix)) for s, e in got] == sentences(text)
    for s, e in got:
        assert article[s:e] == article[s:e].strip()


@pytest.mark.parametrize(
    ("before", "after", "joined"),
    [
        ("accused Rep.", "Keith Ellison of abuse.", True),
        ("Lt.", "Gen. Flynn resigned.", True),
        ("on Main St.", "He left.", False),  # a clear opener after a title-like word
        ("said sen.", "Warren spoke.", False),  # case-sensitive: "sen." is no title
        ("the Rep.", "5 votes were cast", False),  # no word follows
        ("the F.B.I.", "and the police", True),  # a word in lower case continues the sentence
        ("the end.", "and then", False),  # no abbreviation
        ("George H.W.", "Bush spoke.", True),
        ("the U.S.", "The next day", False),
    ],
)
def test_continues_after_abbreviation(before: str, after: str, joined: bool) -> None:
    assert continues_after_abbreviation(before, after) is joined


def test_breaks_after_abbreviations_points_at_the_full_stop() -> None:
    text = "They flew to Washington, D.C. She stayed. The U.S. Army came."
    cuts = breaks_after_abbreviations(text)
    assert cuts == [text.index("D.C.") + len("D.C.")]
