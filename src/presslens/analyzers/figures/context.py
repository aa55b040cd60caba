"""Readings that look at a figure's context once the figures are put together (figures 1.8, issue 13, s24; 1.9, s25).

Each reading has a name (:data:`CONTEXT_READINGS`) so that every one can be switched on or off alone (the
leave-one-split-out check turns off the readings read off the split it scores); 1.8's are on in every value of
``figures.readings``, 1.9's (:data:`CONTEXT_READINGS_1_9`) only in ``readings19``. They drop figures that are part of
a name or an identifier, turn day and decade pairs into dates, and read a few amounts the patterns missed:

- ``name_number``: a bare number right after a capitalised word inside a sentence, with no plural noun after it, is
  part of a name ("the Voyager 1 space probe", "Arrow 2 and soon Arrow 3"; not "sold Paddock 720 rounds");
- ``number_name``: a number before a single capitalised singular word inside a sentence ("an asteroid called 3200
  Phaethon") or before a capitalised unit of time ("20 Minutes reported", "60 Minutes") is a name;
- ``repeated_id``: a number an article uses as an identifier ("Boeing 757", "S&P 500") is one wherever it stands
  bare in that article ("the 757", "his 757"); stock-market indexes ("S&P 500", "Fortune 500") are names;
- ``id_number``: a number after "room number", "table number is", "case number" ... is an identifier;
- ``day_pair``: the second day of "between December 11 and 21", "Nov. 6 to 10" is a date;
- ``decade_pair``: the second decade of "the 1960s and 70s" is a date;
- ``magnitude``: "in the seven figures" is an order of magnitude (1,000,000-9,999,999, vague), like "six-figure";
- ``time_mark``: "the 7 minute mark" is a point in time, not a duration;
- ``idiom``: "the 800-pound gorilla", "a ten-foot pole" are idioms, not figures;
- ``something``: "her twenty something neighbour", "20-somethings" are vague ages (20-29 years);
- ``doubled``: "our numbers have doubled" is a multiplier (2 times), as "more than doubled" is;
- ``glued_digit``: a digit glued to the letter before it belongs to a word ("GÃ1⁄4len", a garbled "Gülen");
- ``code_number``: plan and tax codes ("a 401(k)", "501(c)(3) groups") and error codes ("Ecode: 17") are identifiers;
- ``numbered_lines``: numbers alone on their lines, 1, 2, 3 ... in order (at least three), number a list;
- ``thread_counter``: the counter of a thread of posts, "#vote (1 of 3)", "(2/5)", numbers a post, not a figure;
- ``emphatic``: an emphatic "100 percent" is certainty, not a figure (GUIDELINE.md 8a): before "more than one"
  ("there was 100% more than one shooter": "more than one shooter" is then a count with a lower bound; not "100% more
  than one year ago"), after an object pronoun, "agree" or a name and before a clause end ("supports Donald Trump 100
  percent,", "I agree 100%.") and alone as a sentence ("One-hundred percent."); likewise "zero" before "support",
  "trust", "patience", "appetite", "faith", "sympathy" ("she had zero support"; figures 1.9, issue 13, s25);
- ``counted_decades``: a number right before "decades" or "centuries" counts them ("for fourteen centuries": 14
  centuries, "the last three-plus decades": at least 3 decades), not a bare number beside a vague amount (1.9);
- ``into_point``: a duration "into the video" (a recording, a debate, a hearing) is a point in it ("begins about 21
  minutes into the video"; not "a month into the race"), like "the 7 minute mark" (1.9);
- ``called_name``: a number after "known as", "dubbed", "nicknamed", "(en)titled", or before a capitalised noun and
  "program", "project", "initiative", "campaign" ... is a name ("a pet project known as 10,000 women", "the 10,000
  Women program"; 1.9).

Stop 27 (issue 13; dev10 opened) adds, in ``figures.readings=readings27`` only (:data:`CONTEXT_READINGS_S27`):

- ``lead_decimal``: a number written with a leading point, ".40 caliber", ".380-caliber", "600 rounds of .308" (0.4,
  0.38, 0.308; unit "caliber" where the word follows), with its bound ("below .50 caliber");
- ``unit_range``: "a sentence of 16 months to 3 years" is one range (16-36 months), and "600 to 150 yards" (a bare
  number before a measure, written high to low) one range of yards (150-600; GUIDELINE 8a, dev9), not two figures;
  not after "from" or "between" (a change, or a range the patterns read);
- ``alt_range``: "a crucial two- or three-week period" is one range (2-3 weeks), as "two or three weeks" is;
- ``age_bound``: "as young as 18" is at least 18, "as old as 90" at most 90, "below age 21" / "under age 21" at
  most 21 (the bound before "age");
- ``label27``: "Update 2:", "Part 3:" (an enumerator) and a storm's "category 4" (GUIDELINE 3: storm categories are
  not quantities) are no figures;
- ``times_x``: "a 5x felon", "10x the dose": a multiplier (5 times; GUIDELINE 3: multipliers are quantities);
- ``idiom27``: "worth more than 1,000 words", "worth a thousand words" is the idiom, no figure.

Stop 28 (issue 13; dev11 opened) adds, in ``figures.readings=readings28`` only (:data:`CONTEXT_READINGS_S28`; read off
dev11's errors and audit A of stop 28, ``figures_context.READ_OFF``):

- ``old_year28``: a bare 1000-1799 number after "in", "since", "until" ... before a word that is no counted noun
  ("invade Denmark in 1658 on foot") is a year, as "in 1066," is;
- ``negated_bound``: "never exceeding 300 parts per million", "not over 20": a lower-bound word after "never" or
  "not" makes an upper bound;
- ``about_topic``: "curious about two FBI agents", "questions about three cases": "about" after a word that takes it
  ("curious", "talk", "worried", "questions" ...) is the preposition, not an approximate bound;
- ``tally_and_one``: "two FBI agents and one lawyer": "one" and its noun right after a counted phrase and "and" is
  the next count of the list;
- ``idiom28``: "a two-state solution", "one-state, not two-state", "the lesser of two evils", "two of a kind" and a
  jet's model number ("his 757 jet") are no figures;
- ``verb_one``: "arrested one individual", "killed one officer": "one" and its noun right after a verb of arrest,
  harm or charge is a tally of 1 (GUIDELINE 8a, decided with dev11);
- ``vague_tenths``: "up to several tenths of a degree" is a vague amount below one (0.1-0.9), with its bound.

Stop 29 (issue 13; dev12 opened) adds, in ``figures.readings=readings29`` only (:data:`CONTEXT_READINGS_S29`):
``clock_time``, ``version_number``, ``and_half``, ``tens_garbled``, ``idiom29``, ``quoted_number`` (see
models/figures/MODEL_CARD.md).

Stop 30 (issue 13; dev13 opened) adds, in ``figures.readings=readings30`` only (:data:`CONTEXT_READINGS_S30`, on top of
``readings28``; read off dev13's errors and audit A of stop 30, ``figures_context.READ_OFF``):

- ``jet_model``: a Boeing jet's model number is no figure (GUIDELINE 3: product names): "737 Max 8", "787s", "the 787
  Dreamliner", "Boeing's 737"; a count the digit reader glued to the model by a space ("49 737 Max 8 jets", 49,737)
  is the count before it (49 jets);
- ``clock_past``: "around two minutes past midnight", "100 seconds to midnight": a time of day, no duration;
- ``nine_eleven``: a bare "911" ("created in the wake of 911") and "9-11" after "since", "after", "the" ... or before
  "attacks" name the September 11 attacks (GUIDELINE 3: "9/11", emergency numbers), no count or range;
- ``idiom30``: "chained in a hundred ways", "the two-party system", "a one-party state" (a type adjective) and
  "three's a crowd" are no figures.

Stop 31 (issue 13; dev14 opened) adds, in ``figures.readings=readings31`` only (:data:`CONTEXT_READINGS_S31`, on top of
``readings28``; read off dev14's errors, ``figures_context.READ_OFF``):

- ``foreign_month``: a day before a Russian month name ("31 декабря 2018 г.", the date line of an embedded tweet) is a
  date, no count;
- ``day_month_abbrev``: "17-Dec", "(20-Dec)": a day and a month's abbreviation, a date;
- ``spaced_year``: "between December 17 and 21 2018": a day before a four-digit year is no space-grouped number
  (21,201); a day of a date;
- ``fraction_bound``: "nearly a quarter", "almost three quarters", "about a third" (a bound word before a fraction
  without "of") and "One Third the Size" (a fraction before "the size", "the number" ...) are fractions (0.25, 0.75,
  1/3), not a count of "quarters";
- ``tally_of_them``: "injuring nine people, one of them seriously" counts the "one" (a tally of 1; GUIDELINE 8a,
  decided with dev14); "one of them said" stays out;
- ``one_count``: "pleading guilty to one count of lying": a count of 1 (a legal count or charge);
- ``day_after``: "the day after losing the election" is a duration of 1 day (GUIDELINE 8a, decided with dev14), only
  before a verb in -ing;
- ``approx_words``: "closer to 250,000", "an estimated attendance figure of 250,000" and "a near-two year period" are
  approximate;
- ``around_year``: "Around 1986, President Reagan ..." at a sentence's start: a year, no approximate count.

Stop 32 (issue 13; dev15 opened) adds, in ``figures.readings=readings32`` only (:data:`CONTEXT_READINGS_S32`, on top of
``readings31`` with stop 29's and stop 30's readings; read off dev15's errors and the remaining ones of dev8, dev10,
dev12 and dev13, ``figures_context.READ_OFF``):

- ``glued_scale``: "39million visits", "£5billion": digits glued to "million", "billion" or "trillion" are one
  scaled figure (the digit reader dropped such a token as glued letters; read in :mod:`.atoms`);
- ``or_two``: "a quarter or two", "a day or two", "an hour or two": a range of 1 to 2 of the time unit (GUIDELINE 8a,
  decided with dev15), not "a day" and a bare count "two";
- ``zero_type``: "zero-tariff rates", "zero-emission cars", "zero-hours contracts": a type adjective (GUIDELINE 3), no
  count or duration of zero;
- ``quoted_title``: "a paper entitled ’30 Truths About Leaving on WTO Terms’": a quote mark opening a title in title
  case before two digits is no short year ("’78"); the count is read (read in :mod:`.atoms`);
- ``acronym_plural``: "five of 10 Conservative Party MPs is": a capitalised phrase ending in a plural acronym ("MPs",
  "CEOs") is a counted noun, not a name after a number ("3200 Phaethon is");
- ``barely``: "Barely 30, she ...", "Barely two days have passed": approximate (GUIDELINE 8a as adjudicated on dev8
  and dev13);
- ``trio``: "a trio of orbiter, lander and rover", "a trilogy of defeats", "a quartet of": a count of 3 (4, 5);

and, read off audit A of stop 32 (``spaced_fraction`` also off audit B of stop 30, where "4 1/2 hours" was wrong):

- ``spaced_fraction``: "5 ½ years", "4 1/2 hours", "a 3 1/2-year-old": a whole number and a fraction after a space are
  one figure (5.5 years), not the whole number alone;
- ``height_marks``: "he's like 6’2”", "5'4\"": a height in feet and inches marks, one measure in feet (6.17, 74
  inches), not the two counts 6 and 2;
- ``and_a_half``: "the past decade and a half": a duration of 1.5 decades, not a share "a half";
- ``dollar_question``: "the $64,000 question": an idiom, no money.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from typing import TYPE_CHECKING

from presslens.analyzers.figures.vocabulary import (
    BOUND_BEFORE,
    IGNORE_CASE,
    MONTH_RE,
    MONTHS,
    TIME_UNITS,
    looks_plural,
)

if TYPE_CHECKING:
    from presslens.analyzers.figures.quantity import Quantity

#: the named readings of this module
CONTEXT_READINGS = frozenset({
    "name_number", "number_name", "repeated_id", "id_number", "day_pair", "decade_pair", "magnitude", "time_mark",
    "idiom", "something", "doubled", "glued_digit", "code_number", "numbered_lines", "thread_counter", "emphatic",
    "counted_decades", "into_point", "called_name",
})
#: the readings figures 1.9 added: an option (``figures.readings=readings19``), they failed issue 13's ship rule
CONTEXT_READINGS_1_9 = frozenset({"emphatic", "counted_decades", "into_point", "called_name"})
#: the readings of stop 26 (issue 13): in ``figures.readings=readings26`` (the fixes, 1.8's readings and these)
CONTEXT_READINGS_S26 = frozenset({
    "idiom26", "index_stock", "year_span", "code26", "share_name", "point_words", "half_scale", "half_bound",
    "candidate_adj",
})
#: the readings of stop 27 (issue 13): in ``figures.readings=readings27`` (the fixes, 1.8's readings and these)
CONTEXT_READINGS_S27 = frozenset({"lead_decimal", "unit_range", "alt_range", "age_bound", "label27", "times_x",
                                  "idiom27"})
#: the readings of stop 28 (issue 13): in ``figures.readings=readings28`` (the fixes, 1.8's readings and these)
CONTEXT_READINGS_S28 = frozenset({"old_year28", "negated_bound", "about_topic", "tally_and_one", "idiom28",
                                  "verb_one", "vague_tenths"})
#: the readings of stop 29 (issue 13): in ``figures.readings=readings29`` (``readings28`` and these)
CONTEXT_READINGS_S29 = frozenset({"clock_time", "version_number", "and_half", "tens_garbled", "idiom29",
                                  "quoted_number"})
#: the readings of stop 30 (issue 13): in ``figures.readings=readings30`` (``readings28`` and these)
CONTEXT_READINGS_S30 = frozenset({"jet_model", "clock_past", "nine_eleven", "idiom30"})
#: the readings of stop 31 (issue 13): in ``figures.readings=readings31`` (``readings28`` and these)
CONTEXT_READINGS_S31 = frozenset({"foreign_month", "day_month_abbrev", "spaced_year", "fraction_bound", "tally_of_them",
                                  "one_count", "day_after", "approx_words", "around_year"})
#: the readings of stop 32 (issue 13): in ``figures.readings=readings32`` (``readings31``, stop 29's, stop 30's and these)
CONTEXT_READINGS_S32 = frozenset({"glued_scale", "or_two", "zero_type", "quoted_title", "acronym_plural", "barely",
                                  "trio", "spaced_fraction", "height_marks", "and_a_half", "dollar_question"})
CONTEXT_READINGS = CONTEXT_READINGS | CONTEXT_READINGS_S26 | CONTEXT_READINGS_S27 | CONTEXT_READINGS_S28 \
    | CONTEXT_READINGS_S29 | CONTEXT_READINGS_S30 | CONTEXT_READINGS_S31 | CONTEXT_READINGS_S32
#: figures 1.8's readings: on in every value of ``figures.readings`` (``readings19`` adds 1.9's, ``readings26`` stop 26's,
#: ``readings27`` stop 27's, ``readings28`` stop 28's, ``readings29`` stop 28's and 29's, ``readings30`` stop 28's and
#: 30's, ``readings31`` stop 28's and 31's, ``readings32`` stop 28's to 32's)
CONTEXT_READINGS_1_8 = CONTEXT_READINGS - CONTEXT_READINGS_1_9 - CONTEXT_READINGS_S26 - CONTEXT_READINGS_S27 \
    - CONTEXT_READINGS_S28 - CONTEXT_READINGS_S29 - CONTEXT_READINGS_S30 - CONTEXT_READINGS_S31 - CONTEXT_READINGS_S32

_DIGITS = re.compile(r"\d{1,4}")
# "45-40", "458 to 359", "3-1": a score or a tally after a name
_SCORE_AFTER = re.compile(r"[-–]\d|[ ]+to[ ]+\d")
# what may follow a name with a number ("3200 Phaethon will skim", "Under 30 Summit EMEA, which"): a punctuation mark or
# a verb or relative word, not a noun or "and"/"or" that would continue a counted phrase ("389 Democratic or ...",
# "168 Republican National Committee members")
_NAME_END_AFTER = re.compile(r"[ ]?[(),.;:!?]|[ ]+(?:is|was|will|would|has|had|can|could|may|might|said|says|reported|"
                             r"which|who|that)\b")
# a capitalised word right before the number: the word and what precedes it (a sentence start is no name)
_CAPITAL_BEFORE = re.compile(r"(?P<pre>\S*)[ ]+(?P<w>[A-Z][A-Za-z]+)[ ]$")
_WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
_SENTENCE_END = re.compile(r"[.!?:;“\"—–]$|^$")
_TIME_UNIT_CAPITAL = re.compile(r"(?:Seconds|Minutes|Hours|Days|Weeks|Months|Years)\b")
_INDEX_NAME = re.compile(r"\b(?:S&P|S\.&P\.|Standard[ ]&[ ]Poor['’]s|Fortune|Russell|FTSE|Nikkei|Stoxx|DAX|CAC)"
                         r"[ ](?P<n>\d{2,4})\b(?!-)")
_AIRCRAFT_MAKERS = ("Boeing", "Airbus", "Cessna", "Learjet")
_AIRCRAFT = re.compile(rf"\b(?:{'|'.join(_AIRCRAFT_MAKERS)})[ ](?P<n>\d{{2,3}})\b")
_ID_NOUN_NUMBER_BEFORE = re.compile(
    r"\b(?:room|table|phone|telephone|case|serial|flight|file|account|badge|seat|docket|model|reference|tracking|"
    r"registration|license|licence|ID|lot|item|jersey|ticket|order|patent|policy|unit|bus|route|tail|box|PIN|"
    r"inmate|prisoner|bill)[ ]+number[ ]+(?:(?:is|was)[ ]+)?[“\"(]?$",
    IGNORE_CASE,
)
_DAY_PAIR_BEFORE = re.compile(rf"\b{MONTH_RE}[ ]+\d{{1,2}}(?:st|nd|rd|th)?[ ]+(?:and|to|through|till|until|or)[ ]+$")
_DECADE_PAIR_BEFORE = re.compile(r"\d{3}0s[ ]+(?:and|or|to|through|into|until)[ ]+(?:the[ ]+)?(?:early[ ]+|mid[ ]+|"
                                 r"late[ ]+)?$")
_TIME_MARK_AFTER = re.compile(r"[ ]+mark\b")
_IDIOM_AFTER = re.compile(r"[ ]+(?:gorilla|pole)\b", IGNORE_CASE)
_SOMETHING_AFTER = re.compile(r"[ -]?somethings?\b", IGNORE_CASE)
_DOUBLED = re.compile(r"\b(?:has|have|had|['’]ve)[ ]+(?P<m>doubled|tripled|quadrupled)\b(?![ ]+(?:down|up|over|as)\b)",
                      IGNORE_CASE)
_MULTIPLIERS = {"doubled": 2.0, "tripled": 3.0, "quadrupled": 4.0}
_CODE_AFTER = re.compile(r"\([a-z]\)")  # "401(k)", "501(c)(3)"
_CODE_BEFORE = re.compile(r"(?:[Cc]ode|[Ee]rror)[ ]?:[ ]*$|\d\([a-z]\)\($")
# a line that holds only a number (the text's first line is checked apart: a literal "\n" first scans fast)
_LINE_NUMBER_ALONE = re.compile(r"\n[ \t]*(?P<n>\d{1,2})[ \t]*(?=\n|$)")
# "(1 of 3)", "(2/5)": the counter of a thread of posts
_THREAD_COUNTER = re.compile(r"\((?P<n>\d{1,2})(?:[ ]of[ ]|/)(?P<m>\d{1,2})\)")
# an emphatic "100 percent" (figures 1.9): the figure's own text, what may stand before it and what follows it
_HUNDRED_PERCENT = re.compile(r"(?:100|[Oo]ne[- ]hundred|ONE[- ]HUNDRED)[ ]?(?:%|percent|per[ ]cent)", IGNORE_CASE)
_EMPHATIC_MORE_THAN = re.compile(
    r"[ ]+more[ ]+than[ ]+(?=one\b(?![ ]+(?:year|month|week|day|decade|quarter|time)s?\b))", IGNORE_CASE)
_EMPHATIC_END_AFTER = re.compile(r"[ ]*(?:[,.;!?”\"’)]|$)")
_EMPHATIC_BEFORE = re.compile(r"(?:\b(?:him|her|them|it|me|us|you|this|that|agree|agreed|agrees)|[a-z][ ]+[A-Z][a-z]+)[ ]+$"
                              r"|(?:^|[.!?][ ”\"’]*)[ ]*$")
_EMPHATIC_ZERO_AFTER = re.compile(r"[ ]+(?:support|trust|patience|appetite|faith|sympathy)\b(?![ -](?:of|for)[ ]+\d)",
                                  IGNORE_CASE)
_INTO_POINT_AFTER = re.compile(
    r"[ ]+into[ ]+(?:the|his|her|their|its|a|an|this|that)[ ]+(?:[a-z]+[ ]+)?(?:video|clip|recording|debate|interview|"
    r"speech|show|broadcast|podcast|film|movie|episode|hearing|tape)\b", IGNORE_CASE)
_CALLED_BEFORE = re.compile(r"\b(?:known[ ]+as|dubbed|nicknamed|titled|entitled)[ ]+[“\"‘']?$", IGNORE_CASE)
_NAMED_PROGRAM_AFTER = re.compile(r"[ ]+(?:program|programme|project|initiative|campaign|challenge|foundation|fund|"
                                  r"movement|club|prize|award)\b")
_VAGUE_TIMES = re.compile(r"(?:decades|centuries)", IGNORE_CASE)
#: a numbered list: at least this many lines holding only a number, 1, 2, 3 ... in order
NUMBERED_RUN = 3

# stop 26's readings
_THINK_BEFORE = re.compile(r"\b(?:think|thinks|thinking|thought)[ ]+$", IGNORE_CASE)
_GROUND_BEFORE = re.compile(r"\bground[ ]+$", IGNORE_CASE)
_WHEELER = re.compile(r"\d{1,2}-wheelers?", IGNORE_CASE)
_INDEX_STOCK_BEFORE = re.compile(r"\b(?:S&P|S\.&P\.|Standard[ ]&[ ]Poor['’]s)[ ]$")
_YEAR_SPAN_BEFORE = re.compile(r"\b(?:1[89]|20)\d(?P<d>\d)[-–]$")
_TAX_CODE = re.compile(r"(?:401|403|457|501|527)")
# "501 c3", "501c3", "a 401 k plan" (bracketed codes, "401(k)", are ``code_number``'s)
_TAX_CODE_AFTER = re.compile(r"[ ]?[a-z](?:[ ]?(?:\(\d+\)|\d+))?\b")
_SHARE_NAME = re.compile(r"[A-Z][a-z]+[ ]in[ ][A-Z][a-z]+")
_LOWER_WORD_BEFORE = re.compile(r"\b[a-z][a-z’']*[ ]+$")
_SMALL_NUMBER_WORD = (r"two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
                      r"seventeen|eighteen|nineteen|twenty|thirty|forty|fifty")
_WORD_PERCENTAGE_POINTS = re.compile(rf"\ban?[ ]+(?P<n>{_SMALL_NUMBER_WORD})[ -]+percentage[ -]+points?\b", IGNORE_CASE)
_ONE_POINT = re.compile(r"\b(?:by|a|just|only|mere|of)[ ]+(?P<n>one)(?P<pp>[ -]+percentage)?[ -]+points?\b", IGNORE_CASE)
_HALF_SCALE = re.compile(r"\b(?:(?P<a>an?)[ ]+)?(?P<n>half)[- ](?P<s>million|billion|trillion)\b"
                         r"(?:[ ]+(?P<cur>dollars))?", IGNORE_CASE)
_HALF_SCALES = {"million": 1e6, "billion": 1e9, "trillion": 1e12}
_HALF_BOUND = re.compile(
    r"\b(?P<b>by|more[ ]+than|nearly|almost|about|roughly|less[ ]+than|at[ ]+least|over|under)[ ]+(?P<n>half)\b"
    r"(?=[ ]*(?:[,.;:)—–]|$)|[ ]+(?:have|has|had|are|were|is|was|say|said|says|think|thought|believe|believed|want|"
    r"wanted|support|supported|oppose|opposed|favor|favored|agree|agreed|for|in|since|from|to|last|again|and|or)\b)",
    IGNORE_CASE)
_CANDIDATE_ADJECTIVE = re.compile(rf"\ban?[ ]+(?P<n>{_SMALL_NUMBER_WORD})-candidates?\b", IGNORE_CASE)

# stop 27's readings
_LEAD_DECIMAL = re.compile(r"(?:(?<=[ \t\n(“\"])|^)\.(?P<d>\d{1,3})(?![\d.,]\d)(?=(?P<cal>[ -]?calib(?:er|re)s?\b)|[ -][A-Za-z])",
                           re.MULTILINE)
_AGE_BOUND_BEFORE = re.compile(r"\bas[ ]+(?P<w>young|old)[ ]+as[ ]+$", IGNORE_CASE)
_AGE_WORD_BOUND_BEFORE = re.compile(r"\b(?P<w>below|under|over|above)[ ]+(?:the[ ]+)?$", IGNORE_CASE)
_ENUMERATOR_BEFORE = re.compile(r"\b(?:Update|UPDATE|Part|PART|Chapter|CHAPTER|Episode|Step)[ ]$")
_ENUMERATOR_AFTER = re.compile(r"[ ]?[:.)—–]|[ ]-[ ]")
_CATEGORY_BEFORE = re.compile(r"\b[Cc]ategory[ -]$")
_TIMES_X = re.compile(r"(?<![\w.,$])(?P<n>\d{1,3})(?P<x>[xX])(?=[ ]+[a-z])")
_WORTH_WORDS = re.compile(r"\bworth[ ]+(?:a[ ]+good[ ]+deal[ ]+)?(?:(?:more|less)[ ]+than[ ]+|over[ ]+)?$", IGNORE_CASE)
_THOUSAND_WORDS = re.compile(r"(?:(?:more|less)[ ]+than[ ]+|over[ ]+)?(?:a[ ]+thousand|1,?000)[ ]+words\b", IGNORE_CASE)
_RANGE_TO_GAP = re.compile(r"[ ]+to[ ]+")
_ALTERNATIVE_BEFORE = re.compile(rf"(?<![\w.,])(?P<n>\d{{1,3}}|{_SMALL_NUMBER_WORD})-[ ]+or[ ]+$", IGNORE_CASE)
_FROM_BETWEEN_BEFORE = re.compile(r"\b(?:from|between)[ ]+(?:[a-z]+[ ]+)?$", IGNORE_CASE)
_MONTHS_IN = {"day": 1 / 30, "week": 7 / 30, "month": 1.0, "year": 12.0}
_RANGE_MEASURES = frozenset({"yards", "miles", "feet", "meters", "metres", "kilometers", "kilometres", "km", "inches",
                             "pounds", "kilograms", "kg", "degrees", "acres", "mph"})


def _time_unit(unit: str | None) -> str | None:
    if unit is None:
        return None
    word = unit.lower().rstrip("s")
    return word if word in _MONTHS_IN else None


def _drop_s27(text: str, q: Quantity, enabled: frozenset[str]) -> bool:
    """Whether a reading of stop 27 drops ``q``: "Update 2:", a storm's "category 4" (``label27``), "worth more than
    1,000 words" (``idiom27``)."""
    if "label27" in enabled and q.label == "count" and q.bound is None and q.start == q.number[0] and (
        (_ENUMERATOR_BEFORE.search(text, max(0, q.start - 9), q.start) and q.end == q.number[1]
         and _ENUMERATOR_AFTER.match(text, q.end))
        or _CATEGORY_BEFORE.search(text, max(0, q.start - 10), q.start)
    ):
        return True
    return "idiom27" in enabled and q.label == "count" and (q.unit or "").lower() == "words" \
        and _THOUSAND_WORDS.fullmatch(text, q.start, q.end) is not None \
        and _WORTH_WORDS.search(text, max(0, q.start - 32), q.start) is not None


def _age_bound(text: str, q: Quantity) -> None:
    """"as young as 18": at least 18; "as old as 90": at most 90; "below age 21": at most 21 (``age_bound``)."""
    if q.bound is not None or q.value is None or q.label not in {"count", "age"}:
        return
    m = _AGE_BOUND_BEFORE.search(text, max(0, q.start - 16), q.start)
    if m:
        q.bound, q.bound_span, q.start = ("lower" if m.group("w").lower() == "young" else "upper"), \
            (m.start(), m.end() - 1), m.start()
        return
    if q.label == "age" and text[q.start : q.start + 4].lower() == "age ":
        m = _AGE_WORD_BOUND_BEFORE.search(text, max(0, q.start - 12), q.start)
        if m:
            q.bound = "upper" if m.group("w").lower() in {"below", "under"} else "lower"
            q.bound_span, q.start = m.span("w"), m.start("w")


def _alternative_value(number: str) -> float | None:
    from presslens.analyzers.figures.atoms import parse_number_words

    return float(number) if number.isdigit() else parse_number_words(number.lower())


def _unit_ranges(text: str, out: list[Quantity], enabled: frozenset[str]) -> list[Quantity]:
    """"16 months to 3 years" (one range in the first unit) and "600 to 150 yards" (a range written high to low
    before a measure) as one range each (``unit_range``); "a two- or three-week period" as one (``alt_range``)."""
    from presslens.analyzers.figures.quantity import Quantity

    merged: list[Quantity] = []
    i = 0
    while i < len(out):
        q = out[i]
        r = out[i + 1] if i + 1 < len(out) else None
        if "alt_range" in enabled and q.bound is None and q.unit_span is not None and q.value is not None \
                and q.start == q.number[0]:
            m = _ALTERNATIVE_BEFORE.search(text, max(0, q.start - 20), q.start)
            first = _alternative_value(m.group("n")) if m else None
            if m and first is not None and first < q.value <= first + 10:
                # "a two- or three-week period": an approximate amount given as a range in the second figure's unit
                if merged and merged[-1].start == m.start("n"):
                    merged.pop()  # the first number, read alone
                merged.append(Quantity(m.start("n"), q.end, "range", (m.start("n"), q.number[1]), value=None, low=first,
                                       high=q.value, unit=q.unit, unit_span=q.unit_span, score=0.85))
                i += 1
                continue
        if "unit_range" in enabled and r is not None and q.bound is None and r.bound is None and q.value is not None \
                and r.value is not None and not q.vague and not r.vague and _RANGE_TO_GAP.fullmatch(text, q.end, r.start) \
                and not _FROM_BETWEEN_BEFORE.search(text, max(0, q.start - 20), q.start):
            low: float | None = None
            high: float | None = None
            unit, unit_span = q.unit, q.unit_span
            a_unit, b_unit = _time_unit(q.unit), _time_unit(r.unit)
            if q.label == r.label == "duration" and a_unit and b_unit:
                low, high = q.value, r.value * _MONTHS_IN[b_unit] / _MONTHS_IN[a_unit]  # "16 months to 3 years"
            elif q.unit is None and q.label == "count" and (r.unit or "").lower() in _RANGE_MEASURES \
                    and q.start == q.number[0] and r.value < q.value:
                low, high, unit, unit_span = r.value, q.value, r.unit, r.unit_span  # "600 to 150 yards"
            if low is not None and high is not None and low < high:
                merged.append(Quantity(q.start, r.end, "range", (q.number[0], r.number[1]), value=None, low=low,
                                       high=round(high, 6), unit=unit, unit_span=unit_span, score=0.85))
                i += 2
                continue
        merged.append(q)
        i += 1
    return merged


def _added_s27(text: str, enabled: frozenset[str]) -> list[Quantity]:
    """Figures the patterns missed, read by stop 27's readings: ".40 caliber", ".308" (``lead_decimal``), "a 5x
    felon" (``times_x``)."""
    from presslens.analyzers.figures.quantity import Quantity, _apply_bound

    out: list[Quantity] = []
    if "lead_decimal" in enabled and "." in text:
        for m in _LEAD_DECIMAL.finditer(text):
            value = float("0." + m.group("d"))
            if m.group("cal"):
                end = m.end("cal")
                q = Quantity(m.start(), end, "measure", (m.start(), m.end("d")), value=value, unit="caliber",
                             unit_span=(end - len(m.group("cal").lstrip(" -")), end), score=0.85)
            else:
                q = Quantity(m.start(), m.end("d"), "measure", (m.start(), m.end("d")), value=value, score=0.85)
            _apply_bound(text, q)
            out.append(q)
    if "times_x" in enabled and ("x" in text or "X" in text):
        for m in _TIMES_X.finditer(text):
            out.append(Quantity(m.start(), m.end(), "count", m.span("n"), value=float(m.group("n")), unit="times",
                                unit_span=m.span("x"), score=0.85))
    return out


def _drop_s26(text: str, q: Quantity, enabled: frozenset[str], title: Callable[[str, int], bool]) -> bool:
    """Whether a reading of stop 26 drops ``q``: "think twice", "ground zero", "4-wheelers" (``idiom26``), "Standard &
    Poor's 500-stock index" (``index_stock``), "the 501 c3 organization" (``code26``), a share written as a name
    mid-sentence, "founded One in Four," (``share_name``)."""
    if "idiom26" in enabled and (
        (q.unit == "times" and q.value == 2 and _THINK_BEFORE.search(text, max(0, q.start - 12), q.start))
        or (q.value == 0 and q.label == "count" and _GROUND_BEFORE.search(text, max(0, q.start - 8), q.start))
        or _WHEELER.fullmatch(text, q.start, q.end)
    ):
        return True
    if "index_stock" in enabled and q.label == "count" and q.bound is None and text[q.number[1] : q.number[1] + 6] == "-stock" \
            and _INDEX_STOCK_BEFORE.search(text, max(0, q.start - 24), q.start):
        return True
    if "code26" in enabled and q.label == "count" and q.bound is None and _TAX_CODE.fullmatch(_number_text(text, q)) \
            and q.start == q.number[0] and _TAX_CODE_AFTER.match(text, q.number[1]):
        return True
    return "share_name" in enabled and q.label == "percent" and _SHARE_NAME.fullmatch(text, q.start, q.end) is not None \
        and _LOWER_WORD_BEFORE.search(text, max(0, q.start - 24), q.start) is not None and not title(text, q.start)


def _year_span(text: str, q: Quantity) -> bool:
    """The second year of "the winter of 2004-5", "2008-9" (one digit after a year and a dash; ``year_span``)."""
    if q.label != "count" or q.bound is not None or q.start != q.number[0] or q.number[1] - q.number[0] != 1:
        return False
    m = _YEAR_SPAN_BEFORE.search(text, max(0, q.start - 5), q.start)
    return m is not None and int(text[q.start]) == (int(m.group("d")) + 1) % 10


def _added_s26(text: str, enabled: frozenset[str]) -> list[Quantity]:
    """Figures the patterns missed, read by stop 26's readings: "a nine percentage point edge", "by one point", "a
    mere one-point difference" (``point_words``), "a half-billion dollars" (``half_scale``), "more than half have",
    "by nearly half," (``half_bound``), "a three-candidate matchup" (``candidate_adj``)."""
    from presslens.analyzers.figures.atoms import parse_number_words
    from presslens.analyzers.figures.quantity import Quantity, _apply_bound

    out: list[Quantity] = []
    if "point_words" in enabled and "point" in text:
        for m in _WORD_PERCENTAGE_POINTS.finditer(text):
            value = parse_number_words(m.group("n").lower())
            if value is not None:
                out.append(Quantity(m.start("n"), m.end(), "percent", m.span("n"), value=value,
                                    unit="percentage points", unit_span=(m.end("n") + 1, m.end()), score=0.85))
        for m in _ONE_POINT.finditer(text):
            if m.group("pp"):
                out.append(Quantity(m.start("n"), m.end(), "percent", m.span("n"), value=1.0, unit="percentage points",
                                    unit_span=(m.end("n") + 1, m.end()), score=0.85))
            else:
                out.append(Quantity(m.start("n"), m.end(), "count", m.span("n"), value=1.0, unit="points",
                                    unit_span=(m.end("n") + 1, m.end()), score=0.85))
    if "half_scale" in enabled and "alf" in text:
        for m in _HALF_SCALE.finditer(text):
            value = 0.5 * _HALF_SCALES[m.group("s").lower()]
            start = m.start("a") if m.group("a") else m.start("n")
            if m.group("cur"):
                q = Quantity(start, m.end(), "money", (m.start("n"), m.end("s")), value=value, unit="dollars",
                             unit_span=m.span("cur"), currency="USD", score=0.85)
            else:
                q = Quantity(start, m.end("s"), "count", (m.start("n"), m.end("s")), value=value, score=0.85)
            _apply_bound(text, q)
            out.append(q)
    if "half_bound" in enabled and "alf" in text:
        for m in _HALF_BOUND.finditer(text):
            q = Quantity(m.start("n"), m.end("n"), "percent", m.span("n"), value=50.0, unit="percent", score=0.85)
            q.extra["fraction"] = "half"
            _apply_bound(text, q)
            out.append(q)
    if "candidate_adj" in enabled and "andidate" in text:
        for m in _CANDIDATE_ADJECTIVE.finditer(text):
            value = parse_number_words(m.group("n").lower())
            if value is not None:
                out.append(Quantity(m.start("n"), m.end(), "count", m.span("n"), value=value, unit="candidates",
                                    unit_span=(m.end("n") + 1, m.end()), score=0.85))
    return out


def _letter(char: str) -> bool:
    """A letter or a combining mark ("Ã" may be written "A" + a combining tilde)."""
    return char.isalpha() or unicodedata.category(char).startswith("M")


def numbered_lines(text: str) -> set[int]:
    """Starts of the numbers alone on their lines that number a list (1, 2, 3 ... in order, other lines between)."""
    out: set[int] = set()
    run: list[int] = []
    last = 0
    for m in _LINE_NUMBER_ALONE.finditer("\n" + text):  # offsets shift by the "\n" put first
        n = int(m.group("n"))
        if run and n == last + 1:
            run.append(m.start("n") - 1)
        else:
            if len(run) >= NUMBERED_RUN:
                out.update(run)
            run = [m.start("n") - 1] if n == 1 else []
        last = n
    if len(run) >= NUMBERED_RUN:
        out.update(run)
    return out


def _number_text(text: str, q: Quantity) -> str:
    return text[q.number[0] : q.number[1]]


def _bare_count(text: str, q: Quantity) -> bool:
    """A count written as 1-4 plain digits with no bound, currency or scale ("757", "3200")."""
    return (q.label in {"count", "duration"} and q.bound is None and q.currency is None and not q.vague
            and _DIGITS.fullmatch(_number_text(text, q)) is not None and q.start == q.number[0])


def _in_sentence_capital(text: str, pos: int) -> str | None:
    """The capitalised word right before ``pos`` when it stands inside a sentence (not its first word), else None."""
    m = _CAPITAL_BEFORE.search(text, max(0, pos - 40), pos)
    if m is None:
        return None
    word = m.group("w")
    if _SENTENCE_END.search(m.group("pre")) or "\n" in text[m.start() : pos]:
        return None
    low = word.lower().rstrip(".")
    if low in MONTHS or low in _WEEKDAYS or BOUND_BEFORE.search(text[max(0, pos - 30) : pos]):
        return None
    return word


def _name_number(text: str, q: Quantity, title: Callable[[str, int], bool]) -> bool:
    if not _bare_count(text, q) or q.value in (None, 0):
        return False
    if _in_sentence_capital(text, q.start) is None or _SCORE_AFTER.match(text, q.number[1]):
        return False  # "Clemson 45-40", "Trump 458 to 359": a score or a tally, two counts
    unit = (q.unit or "").split()
    return (not unit or not looks_plural(unit[-1].lower())) and not title(text, q.start)


_ACRONYM_PLURAL = re.compile(r"[A-Z]{2,}s")


def _number_name(text: str, q: Quantity, title: Callable[[str, int], bool], acronyms: bool = False) -> bool:
    capital_bound = q.bound_span is not None and text[q.bound_span[0] : q.bound_span[0] + 1].isupper() \
        and _in_sentence_capital(text, q.bound_span[0] + 1) is None and q.bound_span[0] > 0 \
        and not _SENTENCE_END.search(text[max(0, q.bound_span[0] - 2) : q.bound_span[0]].strip())
    if q.value in (None, 1) or q.unit_span is None:
        return False
    if not (_bare_count(text, q) or (capital_bound and _DIGITS.fullmatch(_number_text(text, q)))):
        return False
    unit = text[q.unit_span[0] : q.unit_span[1]]
    if _TIME_UNIT_CAPITAL.fullmatch(unit):
        return not title(text, q.start)  # "20 Minutes reported", "60 Minutes": a title, mid-sentence
    words = unit.split()
    if text[q.number[1] : q.number[1] + 1] == "-":
        return False  # "A 15-YEAR long ...": a measure adjective
    if acronyms and _ACRONYM_PLURAL.fullmatch(words[-1]):
        return False  # "10 Conservative Party MPs is": a plural acronym ends a counted phrase (``acronym_plural``)
    return (re.fullmatch(r"[A-Z][a-z]{2,}", words[0]) is not None
            and all(re.fullmatch(r"[A-Z][A-Za-z]+", w) for w in words) and not looks_plural(words[-1].lower())
            and _NAME_END_AFTER.match(text, q.unit_span[1]) is not None and not title(text, q.start))


def _emphatic(text: str, q: Quantity) -> int | None:
    """None where ``q`` is no emphatic figure; else where a "more than" after it starts, or -1 (reading
    ``emphatic``)."""
    if q.value == 0 and q.label == "count" and _EMPHATIC_ZERO_AFTER.match(text, q.number[1]):
        return -1  # "zero support"
    if q.value != 100 or q.label != "percent" or q.bound is not None \
            or not _HUNDRED_PERCENT.fullmatch(text, q.start, q.end):
        return None
    more = _EMPHATIC_MORE_THAN.match(text, q.end)
    if more:
        return more.end() - len(more.group().lstrip())  # "100% more than one shooter"
    if _EMPHATIC_END_AFTER.match(text, q.end) and _EMPHATIC_BEFORE.search(text, max(0, q.start - 40), q.start):
        return -1  # "supports Donald Trump 100 percent,", "One-hundred percent."
    return None


def title_line(text: str, pos: int) -> bool:
    """Whether ``pos`` lies in a headline: a line of at least four words whose longer words are nearly all
    capitalised ("ICE Arrests 22 In Chicago Area", "54 Years Ago Today: ...")."""
    window = 300  # headlines are short; a bounded look keeps this linear on texts without line breaks
    start = text.rfind("\n", max(0, pos - window), pos) + 1 or max(0, pos - window)
    end = text.find("\n", pos, pos + window)
    line = text[start : end if end >= 0 else min(len(text), pos + window)]
    words = re.findall(r"[A-Za-z][A-Za-z’'-]*", line)
    long_words = [w for w in words if len(w) > 3]
    return len(words) >= 4 and sum(w[0].isupper() for w in long_words) >= 0.8 * max(1, len(long_words))


# stop 28 ------------------------------------------------------------------------------------------------------------
_OLD_YEAR28_BEFORE = re.compile(r"\b(?:in|since|until|till|circa)[ ]+$", IGNORE_CASE)
_NEGATED_BOUND = re.compile(r"\b(?:never|not)[ ]+(?:exceeding|exceeded|exceeds|exceed|more[ ]+than|over|above)[ ]+$",
                            IGNORE_CASE)
# a word that takes "about" as a preposition: "curious about two agents", "questions about three cases"
_ABOUT_TOPIC_BEFORE = re.compile(
    r"\b(?:curious|worried|concerned|anxious|nervous|excited|upset|angry|unsure|talk(?:s|ed|ing)?|"
    r"learn(?:s|ed|t|ing)?|hear(?:s|d|ing)?|wonder(?:s|ed|ing)?|complain(?:s|ed|ing)?|care(?:s|d)?|caring|"
    r"joke(?:s|d)?|joking|questions|inquir(?:y|ies)|details|information|news|stor(?:y|ies)|"
    r"testif(?:y|ied|ies|ying)|forg(?:et|ot|otten))[ ]+$",
    IGNORE_CASE,
)
_VERB_BEFORE_ONE = re.compile(
    r"\b(?:arrest(?:ed|s)?|kill(?:ed|s)?|injur(?:ed|es)|wound(?:ed|s)?|detain(?:ed|s)?|shot|stabbed|charg(?:ed|es)|"
    r"indict(?:ed|s)?|convict(?:ed|s)?|rescu(?:ed|es)|captur(?:ed|es)|hospitali[sz]ed|fin(?:ed|es)|sentenc(?:ed|es)|"
    r"deport(?:ed|s)?|execut(?:ed|es))$"
)
_ONE_NOUN = re.compile(r"one[ ]+(?P<w>[a-z][a-z-]+)\b")
_VAGUE_TENTHS = re.compile(r"\b(?:several|a[ ]+few|some)[ ]+(?P<u>tenths|hundredths)\b(?:[ ]+of[ ]+(?:a|an|one)[ ]+"
                           r"(?P<unit>[a-z]+(?:[ ]+(?:Celsius|Fahrenheit))?))?", IGNORE_CASE)
_AND_ONE = re.compile(r"[ ]+and[ ]+(?P<n>one)[ ]+(?P<w>[a-z][a-z-]+)\b")
_STATE_SOLUTION = re.compile(r"-state\b(?:[ ]*[\"“”’]?[ ]*(?:solution|settlement)|,[ ]+not[ ]+(?:one|two|three)-state)",
                             IGNORE_CASE)
_STATE_NOT_BEFORE = re.compile(r"\b(?:one|two|three)-state,[ ]+not[ ]+$", IGNORE_CASE)
_LESSER_OF = re.compile(r"\b(?:lesser|greater)[ ]+of[ ]+$", IGNORE_CASE)
_OF_A_KIND = re.compile(r"[ ]+of[ ]+(?:a[ ]+)?kind\b", IGNORE_CASE)
_JET_AFTER = re.compile(r"[ -]+(?:jets?|jetliners?|airliners?|aircraft|planes?|jumbo)\b", IGNORE_CASE)


def _drop_s28(text: str, q: Quantity) -> bool:
    """Whether ``idiom28`` drops ``q``: "a two-state solution", "the lesser of two evils", "two of a kind", "his 757
    jet"."""
    number = _number_text(text, q)
    if q.value is not None and q.value <= 3 and (_STATE_SOLUTION.match(text, q.number[1])
                                                 or _STATE_NOT_BEFORE.search(text, max(0, q.start - 20), q.start)):
        return True
    if q.value == 2 and q.bound is None and (
        (_LESSER_OF.search(text, max(0, q.start - 12), q.start) and (q.unit or "").lower() == "evils")
        or _OF_A_KIND.match(text, q.number[1])
    ):
        return True
    return q.label == "count" and q.bound is None and re.fullmatch(r"7[0-9]7", number) is not None \
        and _JET_AFTER.match(text, q.number[1]) is not None


def _apply_s28(text: str, q: Quantity, enabled: frozenset[str]) -> None:
    """The stop-28 readings that change ``q`` in place: ``old_year28``, ``negated_bound``, ``about_topic``."""
    if "old_year28" in enabled and q.label == "count" and q.unit is None and q.bound is None and q.start == q.number[0] \
            and re.fullmatch(r"1[0-7]\d\d", text[q.start : q.end]) \
            and _OLD_YEAR28_BEFORE.search(text, max(0, q.start - 8), q.start) \
            and not re.match(r"[ ]+[a-z]+s\b", text[q.end : q.end + 20]):
        q.label, q.extra["date"] = "date", text[q.start : q.end]  # "invade Denmark in 1658 on foot"
        return
    if "negated_bound" in enabled and q.bound == "lower" and q.bound_span is not None \
            and _NEGATED_BOUND.search(text, max(0, q.bound_span[0] - 8), q.number[0]):
        q.bound = "upper"  # "never exceeding 300 parts per million"
        return
    if "about_topic" in enabled and q.bound == "approx" and q.bound_span is not None and not q.vague \
            and text[q.bound_span[0] : q.bound_span[1]].lower() == "about" \
            and _ABOUT_TOPIC_BEFORE.search(text, max(0, q.bound_span[0] - 16), q.bound_span[0]):
        q.bound, q.bound_span, q.start = None, None, q.number[0]  # "curious about two FBI agents"


def _added_s28(text: str, out: list[Quantity]) -> list[Quantity]:
    """ "two FBI agents and one lawyer": "one" and its noun after a counted phrase and "and" (``tally_and_one``)."""
    from presslens.analyzers.figures.atoms import _noun_follows_one
    from presslens.analyzers.figures.quantity import Quantity

    added: list[Quantity] = []
    for q in out:
        if q.label != "count" or q.unit_span is None or q.value is None or q.value == 1 or q.vague:
            continue
        m = _AND_ONE.match(text, q.end)
        if m is None or m.group("w").lower() in {"of", "another", "other", "more", "half", "only", "day", "time"} \
                or not _noun_follows_one(text, m.end("n")):
            continue
        added.append(Quantity(m.start("n"), m.end("w"), "count", m.span("n"), value=1.0, unit=m.group("w"),
                              unit_span=m.span("w"), score=0.85))
    return added


def _added_s28_text(text: str, enabled: frozenset[str]) -> list[Quantity]:
    """ "arrested one individual" (``verb_one``), "up to several tenths of a degree" (``vague_tenths``)."""
    from presslens.analyzers.figures.atoms import _noun_follows_one
    from presslens.analyzers.figures.quantity import Quantity, _apply_bound

    added: list[Quantity] = []
    if "verb_one" in enabled:
        at = text.find(" one ")
        while at >= 0:
            start = at + 1
            at = text.find(" one ", start)
            m = _ONE_NOUN.match(text, start)
            if m is None or not _VERB_BEFORE_ONE.search(text, max(0, start - 16), start - 1) \
                    or m.group("w") in {"of", "another", "other", "more", "day", "time"} \
                    or not _noun_follows_one(text, start + 3):
                continue
            added.append(Quantity(start, m.end("w"), "count", (start, start + 3), value=1.0, unit=m.group("w"),
                                  unit_span=m.span("w"), score=0.85))
    if "vague_tenths" in enabled and ("tenths" in text or "hundredths" in text):
        for m in _VAGUE_TENTHS.finditer(text):
            scale = 0.1 if m.group("u").lower() == "tenths" else 0.01
            end = m.end("unit") if m.group("unit") else m.end("u")
            q = Quantity(m.start(), end, "measure" if m.group("unit") else "count", (m.start(), m.end("u")),
                         value=None, low=scale, high=round(9 * scale, 6), unit=m.group("unit"),
                         unit_span=m.span("unit") if m.group("unit") else None, vague=True, score=0.85)
            _apply_bound(text, q)
            added.append(q)
    return added


# stop 29 ------------------------------------------------------------------------------------------------------------
# a 24-hour clock time written in four digits: "at 0800", "1100 Monday morning", "1400 GMT"
_CLOCK = re.compile(r"(?:[01]\d|2[0-3])[0-5]\d")
_CLOCK_BEFORE = re.compile(r"\b(?:at|by|from|until|till|to|between|and|after|before|around|about)[ ]+$", IGNORE_CASE)
_CLOCK_AT = re.compile(r"\b(?:at|by|until|till)[ ]+$", IGNORE_CASE)
_CLOCK_AFTER = re.compile(
    r"[ ]*(?:hours|hrs|h|GMT|UTC|BST|CET|CEST|EST|EDT|PST|PDT|Zulu|Z|local[ ]+time|"
    r"(?:on[ ]+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|tomorrow|yesterday)|"
    r"(?:in[ ]+the[ ]+)?(?:morning|afternoon|evening|night|tonight))\b"
)
# a version after a capitalised name: "Web 2.0", "Projects Fear 1.0 and 2.0"
_VERSION = re.compile(r"\b(?P<w>[A-Z][A-Za-z]+)[ ](?P<a>\d\.0)(?:[ ]+(?:and|or|to|vs\.?)[ ]+(?P<b>\d\.0))?(?![\d.,]*\d)"
                      r"(?![ ]*(?:%|percent|per[ ]cent))")
_NOT_VERSION_WORDS = frozenset({"magnitude", "richter", "category", "grade", "level", "size", "gpa", "scale"})
# "two and half years": the "a" of "and a half" left out
_AND_HALF = re.compile(r"[ ]+and[ ]+half[ ]+(?P<u>years|months|weeks|days|hours|minutes|decades|centuries|miles|"
                       r"kilometers|kilometres|feet|meters|metres|pounds)\b", IGNORE_CASE)
# "ten of thousands of emails": a garbled "tens of thousands"
_TEN_OF = re.compile(r"[ ]+of[ ]+(?P<s>thousands?|millions?|billions?)\b", IGNORE_CASE)
_SCALES = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
# idioms and names: "a two-bob chancer", "a 180-degree turn" (GUIDELINE 8a, dev12), "the Five Star Movement"
_BOB = re.compile(r"[ -]bob\b", IGNORE_CASE)
_TURN_AFTER = re.compile(r"[ ]+(?:turn|u-turn|reversal|about-face|shift|pivot|flip)\b", IGNORE_CASE)
_STAR_MOVEMENT = re.compile(r"[ -]Star[ ]+Movement\b")


def _versions(text: str) -> set[int]:
    """Starts of the version numbers of ``text`` ("Web 2.0", "Projects Fear 1.0 and 2.0"; ``version_number``)."""
    starts: set[int] = set()
    for m in _VERSION.finditer(text):
        if m.group("w").lower() in _NOT_VERSION_WORDS or _in_sentence_capital(text, m.start("a")) is None:
            continue
        starts.add(m.start("a"))
        if m.group("b"):
            starts.add(m.start("b"))
    return starts


def _drop_s29(text: str, q: Quantity, enabled: frozenset[str], versions: set[int]) -> bool:
    """Whether a reading of stop 29 drops ``q``: a clock time (``clock_time``), a version (``version_number``), an
    idiom or a party's name (``idiom29``)."""
    number = _number_text(text, q)
    if "clock_time" in enabled and q.label == "count" and q.bound is None and q.start == q.number[0] \
            and _CLOCK.fullmatch(number) is not None:
        after = _CLOCK_AFTER.match(text, q.number[1])
        marked = after is not None
        if (number[0] == "0" and (q.unit is None or marked)) or (
            marked and _CLOCK_BEFORE.search(text, max(0, q.start - 10), q.start) is not None
        ):
            return True  # "at 0800 and 1100 Monday morning"
    if "clock_time" in enabled and q.label == "duration" and q.unit == "hours" and q.bound is None \
            and q.start == q.number[0] and _CLOCK.fullmatch(number) is not None \
            and _CLOCK_AT.search(text, max(0, q.start - 8), q.start) is not None:
        return True  # "at 2300 hours"
    if "version_number" in enabled and q.number[0] in versions and q.bound is None and q.unit is None:
        return True  # "Projects Fear 1.0 and 2.0"
    if "idiom29" in enabled and q.bound is None:
        if q.value == 2 and _BOB.match(text, q.number[1]):
            return True  # "London's two-bob chancer of a Mayor"
        if q.value in (180.0, 360.0) and (q.unit or "").lower().startswith("degree") \
                and _TURN_AFTER.match(text, q.end):
            return True  # "a 180 degree turn"
        if q.value == 5 and _STAR_MOVEMENT.match(text, q.number[1]):
            return True  # "the 5-Star Movement": a party
    return False


def _and_half(text: str, q: Quantity) -> None:
    """ "Two and half years": 2.5 years (``and_half``)."""
    if q.label != "count" or q.unit is not None or q.value is None or q.vague or q.value != int(q.value) \
            or q.end != q.number[1]:
        return
    m = _AND_HALF.match(text, q.end)
    if m is None:
        return
    unit = m.group("u").lower()
    q.value = q.value + 0.5
    q.number = (q.number[0], m.start("u") - 1)
    q.unit, q.unit_span, q.end = unit, m.span("u"), m.end("u")
    q.label = "duration" if unit in {"years", "months", "weeks", "days", "hours", "minutes", "decades", "centuries"} \
        else "measure"


def _tens_garbled(text: str, out: list[Quantity]) -> list[Quantity]:
    """ "ten of thousands of emails": one vague amount, 10,000-99,999 emails (``tens_garbled``), not 10 and
    "thousands of emails"."""
    kept: list[Quantity] = []
    for q in out:
        if kept and kept[-1].value == 10 and kept[-1].unit is None and kept[-1].bound is None \
                and _number_text(text, kept[-1]).lower() == "ten":
            m = _TEN_OF.match(text, kept[-1].number[1])
            if m is not None and q.start == m.start("s") and q.vague:
                scale = _SCALES[m.group("s").lower().rstrip("s")]
                ten = kept.pop()
                q.start, q.number = ten.start, (ten.number[0], m.end("s"))
                q.value, q.low, q.high, q.bound = None, 10.0 * scale, 100.0 * scale - 1, "approx"
        kept.append(q)
    return kept


# stop 30 ------------------------------------------------------------------------------------------------------------
# a Boeing jet's model number: "737 Max 8 jets", "a 737 MAX", "Boeing's 737", "787s", "the 787 Dreamliner", "737-800"
_JET_MODEL = re.compile(r"(?<![\d,.$£€])(?P<m>7[0-8]7)(?P<v>-\d00(?:ER|LR|F)?\b)?(?P<x>[ -](?:MAX|Max)(?:[ -]?\d{1,2}\b)?s?|s\b|"
                        r"(?=[ -]Dreamliner\b))?(?![\d,.]\d)")
_JET_MAKER_BEFORE = re.compile(r"\b(?:Boeing|Airbus)(?:['’]s)?[ ]+$")
# the counted noun after a jet model: "49 737 Max 8 jets"
_JET_NOUN_AFTER = re.compile(r"[ ]+(?P<u>jets|jetliners|airliners|aircraft|planes|airplanes|orders)\b")
# a time of day told from the hour: "two minutes past midnight", "100 seconds to midnight", "20 minutes after noon"
_CLOCK_PAST_AFTER = re.compile(r"[ ]+(?:past|to|after|before|till)[ ]+(?:midnight|noon|midday|the[ ]+hour)\b",
                               IGNORE_CASE)
# "9-11" or "911" for the September 11 attacks (GUIDELINE 3: "9/11" and emergency numbers are no quantities)
_NINE_ELEVEN_BEFORE = re.compile(r"\b(?:since|after|before|of|post|pre|until|on|the|and|like|than)[ ]+$", IGNORE_CASE)
_NINE_ELEVEN_AFTER = re.compile(r"[ -]+(?:attacks?|hijackers?|commission|victims|families|memorial|era|terror\w*)\b",
                                IGNORE_CASE)
# idioms and type adjectives: "chained in a hundred ways", "the two-party system", "Three's a Crowd"
_WAYS_AFTER = re.compile(r"[ ]+(?:different[ ]+)?ways\b", IGNORE_CASE)
_PARTY_AFTER = re.compile(r"-party[ ]+(?:system|state|rule|politics|duopoly|structure|model)\b", IGNORE_CASE)
_CROWD_AFTER = re.compile(r"['’]s[ ]+(?:a[ ]+crowd|company)\b", IGNORE_CASE)


def jet_models(text: str) -> list[tuple[int, int]]:
    """The spans of a Boeing jet's model numbers in ``text`` (``jet_model``): "737 Max 8", "787s", "Boeing's 747",
    "the 787 Dreamliner"; a bare "737" only after a maker's name ("Boeing 737" is read by the specials too)."""
    spans: list[tuple[int, int]] = []
    for m in _JET_MODEL.finditer(text):
        variant = m.group("v") is not None and (
            _JET_NOUN_AFTER.match(text, m.end()) is not None or re.match(r"[ ]+[a-z]+s\b", text[m.end() :]) is None
        )  # "the 737-800 crashed", "737-800 jets"; not "707-800 soldiers"
        if m.group("x") is not None or variant or _JET_MAKER_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            spans.append((m.start(), m.end()))
    return spans


def _jet_model(text: str, q: Quantity, models: list[tuple[int, int]]) -> bool:
    """``jet_model``: True to drop ``q`` (its number is a jet model's: "737 Max", the "8" of "Max 8 jets"); a
    count glued to a model by a space ("49 737 Max 8 jets", read as 49,737) becomes the count before it (49 jets),
    changed in place and kept (False)."""
    for start, end in models:
        if start <= q.number[0] < end:
            return True
        if q.number[0] < start < q.number[1] and q.label == "count" and q.bound is None and q.currency is None:
            head = text[q.number[0] : start].rstrip()
            if not re.fullmatch(r"\d{1,3}", head):
                return True
            q.number = (q.number[0], q.number[0] + len(head))
            q.value = q.low = q.high = float(head)
            noun = _JET_NOUN_AFTER.match(text, end)
            q.unit, q.unit_span = (noun.group("u"), noun.span("u")) if noun else (None, None)
            q.end = noun.end("u") if noun else q.number[1]
            return False
    return False


def _drop_s30(text: str, q: Quantity, enabled: frozenset[str]) -> bool:
    """Whether a reading of stop 30 drops ``q``: a time told from the hour (``clock_past``), the September 11
    attacks written "911" or "9-11" (``nine_eleven``), an idiom or a type adjective (``idiom30``)."""
    number = _number_text(text, q)
    if "clock_past" in enabled and q.label == "duration" and q.unit in {"minutes", "minute", "seconds", "second"} \
            and q.bound in {None, "approx"} and _CLOCK_PAST_AFTER.match(text, q.end):
        return True  # "around two minutes past midnight"
    if "nine_eleven" in enabled:
        if q.label == "count" and number == "911" and q.unit is None and q.bound is None and q.currency is None:
            return True  # "in the wake of 911"
        if q.label == "range" and number in {"9-11", "9–11"} and (
            _NINE_ELEVEN_BEFORE.search(text, max(0, q.start - 8), q.start) or _NINE_ELEVEN_AFTER.match(text, q.number[1])
        ) and not re.search(r"\b(?:ages?|aged|grades?|from|between)[ ]+$", text[max(0, q.start - 10) : q.start],
                            IGNORE_CASE):
            return True  # "since 9-11", "the 9-11 attacks"
    if "idiom30" in enabled and q.bound is None and q.label == "count":
        if re.fullmatch(r"an?[ ]+(?:hundred|thousand|million)", text[q.start : q.number[1]], IGNORE_CASE) \
                and _WAYS_AFTER.match(text, q.number[1]):
            return True  # "chained in a hundred ways"
        if q.value in (1.0, 2.0, 3.0) and _PARTY_AFTER.match(text, q.number[1]):
            return True  # "the two-party system", "a one-party state"
        if q.value in (2.0, 3.0) and _CROWD_AFTER.match(text, q.number[1]):
            return True  # "three's a crowd"
    return False


# stop 31 ------------------------------------------------------------------------------------------------------------
_RU_MONTHS = ("января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря|"
              "январь|февраль|март|апрель|май|июнь|июль|август|сентябрь|октябрь|ноябрь|декабрь")
_FOREIGN_MONTH_AFTER = re.compile(rf"[ \u00a0]+(?:{_RU_MONTHS})\b", IGNORE_CASE)
_MONTH_ABBREVIATIONS = frozenset({"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
                                  "dec"})
# a day before a four-digit year: "17 and 21 2018"
_SPACED_YEAR = re.compile(r"(?P<d>\d{1,2})[ ](?P<y>(?:19|20)\d\d)(?!\d)")
_FRACTION_WORDS = {"quarter": (1, 4), "quarters": (1, 4), "third": (1, 3), "thirds": (1, 3)}
_FRACTION_NUMERATOR_WORDS = {"a": 1, "one": 1, "two": 2, "three": 3}
_FRACTION_BOUND = re.compile(
    r"\b(?P<b>(?:just[ ]+)?(?:nearly|almost|about|around|roughly|some|approximately|over|under|"
    r"(?:more|less|fewer)[ ]+than)[ ]+)?(?P<n>a|one|two|three)[ -](?P<d>quarters?|thirds?)\b"
    r"(?P<size>[ ]+the[ ]+(?:size|number|amount|cost|price|level|rate|height|length|population))?",
    IGNORE_CASE,
)
_FRACTION_NOT_AFTER = re.compile(r"-|[ ]+(?:of|century|centuries|finals?|hours?|miles?|pounds?|backs?|inch(?:es)?)\b",
                                 IGNORE_CASE)
_ONE_OF_THEM = re.compile(r",[ ]+(?P<one>one)[ ]+of[ ]+(?:them|whom)(?=[ ]+(?:seriously|critically|badly|severely|"
                          r"fatally|gravely|mortally|slightly)\b)")
_ONE_COUNT = re.compile(r"\b(?P<one>one)[ ]+(?P<u>count|charge)[ ]+of\b", IGNORE_CASE)
_DAY_AFTER = re.compile(r"\bthe[ ]+(?P<d>day)[ ]+(?:after|before)[ ]+(?=[a-z]+ing\b)", IGNORE_CASE)
_APPROX_BEFORE = re.compile(r"\b(?P<b>closer[ ]+to|(?:an|the)[ ]+estimated[ ]+(?:[a-z]+[ ]+){0,2}"
                            r"(?:figure|number|total|count|tally)[ ]+of|near-)[ ]*$", IGNORE_CASE)
_AROUND_YEAR_BEFORE = re.compile(r"(?:^|[.!?\n][ ]*|[\"“][ ]*)(?:Around|Circa|About|Sometime[ ]+around)[ ]+$")


def _fraction_quantity(text: str, m: re.Match[str]) -> Quantity:
    """A fraction of ``_FRACTION_BOUND`` as the specials read one ("nearly three quarters": 75 percent, approx)."""
    from presslens.analyzers.figures.quantity import Quantity

    num = _FRACTION_NUMERATOR_WORDS[m.group("n").lower()]
    word = m.group("d").lower()
    den = _FRACTION_WORDS[word][1]
    if num > 1 and not word.endswith("s"):
        num = 1  # "two quarter" is no fraction; read as one
    q = Quantity(m.start("n"), m.end("d"), "percent", (m.start("n"), m.end("d")), value=round(100 * num / den, 2),
                 unit="percent", score=0.85, extra={"fraction": f"{num}/{den}"})
    if m.group("b"):
        phrase = m.group("b").strip().lower()
        q.bound = "lower" if phrase.endswith(("over", "more than")) else \
            "upper" if phrase.endswith(("under", "less than", "fewer than")) else "approx"
        q.bound_span, q.start = (m.start("b"), m.start("b") + len(m.group("b").rstrip())), m.start("b")
    return q


def _drop_s31(text: str, q: Quantity, enabled: frozenset[str]) -> bool:
    """Whether a reading of stop 31 turns ``q`` into a date (changed in place, kept: False) or drops it (True)."""
    number = _number_text(text, q)
    day = q.value is not None and q.value == int(q.value) and 1 <= q.value <= 31 and re.fullmatch(r"\d{1,2}", number)
    if "foreign_month" in enabled and day and q.label == "count" and q.bound is None \
            and _FOREIGN_MONTH_AFTER.match(text, q.number[1]):
        q.label, q.end, q.unit, q.unit_span = "date", q.number[1], None, None
        q.extra["date"] = number  # "31 декабря 2018 г."
        return False
    if "day_month_abbrev" in enabled and day and q.label == "count" and q.bound is None and q.unit is not None \
            and q.unit.lower().rstrip(".") in _MONTH_ABBREVIATIONS and text[q.number[1] : q.number[1] + 1] == "-":
        q.label, q.unit, q.unit_span = "date", None, None
        q.extra["date"] = text[q.start : q.end]  # "(20-Dec)"
        return False
    if "spaced_year" in enabled and q.label == "count" and q.bound is None and " " in number:
        m = _SPACED_YEAR.match(text, q.number[0])
        if m is not None and 1 <= int(m.group("d")) <= 31 and m.end() > q.number[1]:
            q.label, q.unit, q.unit_span = "date", None, None
            q.number, q.end = (m.start(), m.end()), m.end()
            q.value = q.low = q.high = None
            q.extra["date"] = m.group(0)  # "December 17 and 21 2018"
            return False
    if "around_year" in enabled and q.label == "count" and q.bound == "approx" and q.unit is None \
            and q.bound_span is not None and re.fullmatch(r"1[89]\d\d|20[0-3]\d", number) \
            and text[q.number[1] : q.number[1] + 1] == "," \
            and _AROUND_YEAR_BEFORE.search(text, max(0, q.bound_span[0] - 24), q.number[0]):
        q.label, q.bound, q.bound_span, q.start = "date", None, None, q.number[0]
        q.extra["date"] = number  # "Around 1986, President Reagan's administration ..."
        return False
    return False


def _apply_s31(text: str, q: Quantity, enabled: frozenset[str]) -> None:
    """``approx_words``: "closer to 250,000", "an estimated attendance figure of 250,000", "a near-two year period"."""
    if "approx_words" in enabled and q.bound is None and q.start == q.number[0] and q.value is not None:
        m = _APPROX_BEFORE.search(text, max(0, q.start - 48), q.start)
        if m is not None:
            q.bound, q.bound_span, q.start = "approx", (m.start("b"), m.end("b")), m.start("b")


def _added_s31(text: str, out: list[Quantity], enabled: frozenset[str]) -> list[Quantity]:
    """The stop-31 readings that add figures (``fraction_bound``, ``tally_of_them``, ``one_count``, ``day_after``);
    a fraction replaces a count of "quarters" it overlaps ("nearly three quarters")."""
    from presslens.analyzers.figures.quantity import Quantity

    added: list[Quantity] = []
    if "fraction_bound" in enabled and ("quarter" in text.lower() or "third" in text.lower()):
        for m in _FRACTION_BOUND.finditer(text):
            if not (m.group("b") or m.group("size")) or _FRACTION_NOT_AFTER.match(text, m.end("d")):
                continue
            if m.group("n").lower() in {"two", "three"} and not m.group("d").lower().endswith("s"):
                continue
            if m.group("n").lower() in {"a", "one"} and m.group("d").lower().endswith("s"):
                continue
            s, e = m.start("n"), m.end("d")
            if any(q.start < e and s < q.end and "fraction" in q.extra for q in out):
                continue
            out[:] = [q for q in out if not (q.start < e and s < q.end and q.label == "count")]
            added.append(_fraction_quantity(text, m))
    if "tally_of_them" in enabled and "one of" in text:
        for m in _ONE_OF_THEM.finditer(text):
            if re.search(r"\b(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|[a-z]+teen|"
                         r"[a-z]+ty)[ ]+(?:[a-z]+[ ]+){0,2}[a-z]+$", text[max(0, m.start() - 60) : m.start()],
                         IGNORE_CASE):
                e = m.end()
                added.append(Quantity(m.start("one"), e, "count", m.span("one"), value=1.0, score=0.85))
    if "one_count" in enabled and ("count of" in text or "charge of" in text):
        for m in _ONE_COUNT.finditer(text):
            added.append(Quantity(m.start("one"), m.end("u"), "count", m.span("one"), value=1.0,
                                  unit=m.group("u").lower(), unit_span=m.span("u"), score=0.85))
    if "day_after" in enabled and ("day after" in text or "day before" in text):
        for m in _DAY_AFTER.finditer(text):
            added.append(Quantity(m.start(), m.end("d"), "duration", m.span("d"), value=1.0, unit="days",
                                  unit_span=m.span("d"), score=0.85))
    return added


_OR_TWO = re.compile(r"\b(?P<a>an?|one)[ ]+(?P<u>day|week|month|year|quarter|hour|minute|decade|season|term|night|"
                     r"weekend|fortnight)[ ]+or[ ]+(?P<two>two)\b", IGNORE_CASE)
_ZERO_TYPE = re.compile(r"zero-[a-z]", IGNORE_CASE)
_BARELY_BEFORE = re.compile(r"\b(?P<b>barely)[ ]+$", IGNORE_CASE)
_TRIO = re.compile(r"\b(?:a|the)[ ]+(?P<w>trio|trilogy|quartet|quintet)\b(?:[ ]+of[ ]+(?:(?:[a-z]+[ ]+){0,2}?)"
                   r"(?P<u>[a-z]+s)\b)?", IGNORE_CASE)
_TRIO_VALUES = {"trio": 3.0, "trilogy": 3.0, "quartet": 4.0, "quintet": 5.0}


_SPACED_FRACTION = re.compile(r"[ \u00a0]+(?P<f>½|¼|¾|1/2|1/4|3/4)(?![\d/])")
_FRACTION_VALUES = {"½": 0.5, "1/2": 0.5, "¼": 0.25, "1/4": 0.25, "¾": 0.75, "3/4": 0.75}
_FRACTION_UNIT_AFTER = re.compile(rf"(?P<age>[ \u00a0]*-years?-old\b)|(?:[ \u00a0]+|-)(?P<u>{TIME_UNITS}|miles?|feet|inches|"
                                  r"pounds|percent)\b",
                                  IGNORE_CASE)
_HEIGHT_MARKS = re.compile(r"(?<![\d.,'’])(?P<ft>[4-7])(?:['’]|′)(?P<in>1[01]|[0-9])(?:\"|”|″|'')(?![\d])")
_AND_A_HALF = re.compile(r"\bthe[ ]+(?:past|last|next|previous|coming|following|first)[ ]+(?P<u>(?P<w>decade|year|month|"
                         r"week|day|hour|century))[ ]+and[ ]+a[ ]+half\b", IGNORE_CASE)
_DOLLAR_QUESTION = re.compile(r"\$64(?:,000|[ ]+(?:million|billion))?[ ]+question\b", IGNORE_CASE)


def _drop_s32(text: str, q: Quantity, enabled: frozenset[str]) -> bool:
    """The stop-32 readings that drop a figure: ``zero_type`` ("zero-tariff rates": a type adjective) and
    ``dollar_question`` ("the $64,000 question")."""
    if "dollar_question" in enabled and q.label == "money" and q.value == 64000 and _DOLLAR_QUESTION.match(text, q.start):
        return True
    return ("zero_type" in enabled and q.value == 0 and q.bound is None and q.label in {"count", "duration"}
            and _ZERO_TYPE.match(text, q.number[0]) is not None)


def _spaced_fraction(text: str, q: Quantity) -> tuple[int, int] | None:
    """``spaced_fraction``: "5 ½ years", "4 1/2 hours", "a 3 1/2-year-old": the whole number ``q`` (a bare count)
    takes the fraction after it, and the time unit or age after that; the fraction's span is returned (None where
    no fraction follows)."""
    if q.label != "count" or q.unit is not None or q.value is None or q.value != int(q.value) or q.end != q.number[1]:
        return None
    m = _SPACED_FRACTION.match(text, q.number[1])
    if m is None:
        return None
    q.value = q.value + _FRACTION_VALUES[m.group("f")]
    q.end = m.end()
    unit = _FRACTION_UNIT_AFTER.match(text, m.end())
    if unit and unit.group("age"):
        q.label, q.unit, q.end = "age", "years", unit.end()
    elif unit:
        word = unit.group("u").lower()
        word = word if word.endswith("s") or word in {"feet", "percent"} else ("centuries" if word == "century"
                                                                            else word + "s")
        q.unit, q.unit_span, q.end = word, unit.span("u"), unit.end()
        if re.fullmatch(TIME_UNITS, word, IGNORE_CASE):
            q.label = "duration"
        elif word == "percent":
            q.label = "percent"
        else:
            q.label = "measure"
    return m.span("f")


def _apply_s32(text: str, q: Quantity, enabled: frozenset[str]) -> None:
    """The stop-32 readings that change a figure: ``barely`` ("Barely two days": approximate)."""
    if "barely" in enabled and q.bound is None and not q.vague and q.label not in {"date", "ordinal", "range"}:
        m = _BARELY_BEFORE.search(text, max(0, q.start - 10), q.start)
        if m:
            q.bound, q.bound_span, q.start = "approx", m.span("b"), m.start("b")


def _added_s32(text: str, out: list[Quantity], enabled: frozenset[str]) -> list[Quantity]:
    """The stop-32 readings that add figures (``or_two``: a range that replaces "a day" and the bare "two" it
    overlaps; ``height_marks``: a height that replaces the bare counts in it; ``and_a_half``: a duration that
    replaces the share "a half"; ``trio``)."""
    from presslens.analyzers.figures.quantity import Quantity

    added: list[Quantity] = []
    if "or_two" in enabled and " or two" in text.lower():
        for m in _OR_TWO.finditer(text):
            s, e = m.start(), m.end("two")
            if any(q.start < e and s < q.end and (q.bound is not None or q.label == "range") for q in out):
                continue  # "up to a day or two": leave the bound reading as it is
            out[:] = [q for q in out if not (q.start < e and s < q.end)]
            unit = m.group("u").lower() + "s"
            added.append(Quantity(s, e, "range", (s, e), value=None, low=1.0, high=2.0, unit=unit,
                                  unit_span=m.span("u"), score=0.85))
    if "height_marks" in enabled and ("”" in text or '"' in text or "″" in text or "''" in text):
        for m in _HEIGHT_MARKS.finditer(text):
            s, e = m.span()
            out[:] = [q for q in out if not (q.start < e and s < q.end and q.label == "count" and q.unit is None)]
            inches = int(m.group("ft")) * 12 + int(m.group("in"))
            added.append(Quantity(s, e, "measure", (s, e), value=round(inches / 12, 2), unit="feet", score=0.85,
                                  extra={"inches": inches}))
    if "and_a_half" in enabled and " and a half" in text:
        for m in _AND_A_HALF.finditer(text):
            s, e = m.start("u"), m.end()
            out[:] = [q for q in out if not (q.start < e and s < q.end and "fraction" in q.extra)]
            word = m.group("w").lower()
            added.append(Quantity(s, e, "duration", (s, e), value=1.5,
                                  unit="centuries" if word == "century" else word + "s", unit_span=m.span("u"),
                                  score=0.85))
    if "trio" in enabled:
        lower = text.lower()
        if "trio" in lower or "trilogy" in lower or "quartet" in lower or "quintet" in lower:
            for m in _TRIO.finditer(text):
                if m.group(0)[:3].lower() == "the" and not m.group("u"):
                    continue  # "the trio said": a name for three people already counted
                e = m.end("u") if m.group("u") else m.end("w")
                unit = m.group("u").lower() if m.group("u") else m.group("w").lower()
                added.append(Quantity(m.start(), e, "count", m.span("w"), value=_TRIO_VALUES[m.group("w").lower()],
                                      unit=unit, unit_span=m.span("u") if m.group("u") else m.span("w"), score=0.85))
    return added


def apply_context_readings(text: str, quantities: list[Quantity], enabled: frozenset[str],
                           title: Callable[[str, int], bool] = title_line) -> list[Quantity]:
    """``quantities`` (sorted by start) with the readings of ``enabled`` applied; ``title(text, pos)`` tells
    whether ``pos`` lies in a headline (a line of capitalised words)."""
    if not enabled:
        return quantities
    from presslens.analyzers.figures.quantity import Quantity

    ids: set[str] = set()
    index_numbers: set[int] = set()
    if "repeated_id" in enabled and any(maker in text for maker in _AIRCRAFT_MAKERS):
        ids.update(m.group("n") for m in _AIRCRAFT.finditer(text))
    if "repeated_id" in enabled:
        for m in _INDEX_NAME.finditer(text):
            ids.add(m.group("n"))
            index_numbers.add(m.start("n"))
    listed = numbered_lines(text) if "numbered_lines" in enabled else set()
    if "thread_counter" in enabled and "(" in text:
        for m in _THREAD_COUNTER.finditer(text):
            if 1 <= int(m.group("n")) <= int(m.group("m")) <= 30:
                listed.update((m.start("n"), m.start("m")))  # "#gapol (1 of 3)"
    out: list[Quantity] = []
    more_than_one: set[int] = set()  # where "more than" of a dropped emphatic "100% more than one" starts
    versions = _versions(text) if "version_number" in enabled and ".0" in text else set()
    models = jet_models(text) if "jet_model" in enabled and "7" in text else []
    fractions: list[tuple[int, int]] = []  # the fractions ``spaced_fraction`` joined to the number before them
    for q in quantities:
        if enabled & CONTEXT_READINGS_S32:
            if _drop_s32(text, q, enabled):
                continue
            if fractions and q.start < fractions[-1][1] and fractions[-1][0] < q.end:
                continue  # the "1/2" of "4 1/2 hours", read with the 4
            if "spaced_fraction" in enabled and not (out and out[-1].end > q.start):
                joined = _spaced_fraction(text, q)
                if joined is not None:
                    fractions.append(joined)
                    out = [p for p in out if not (p.start < q.end and q.start < p.end)]
            _apply_s32(text, q, enabled)
        if enabled & CONTEXT_READINGS_S31:
            if _drop_s31(text, q, enabled):
                continue
            _apply_s31(text, q, enabled)
        if enabled & CONTEXT_READINGS_S30:
            if models and _jet_model(text, q, models):
                continue
            if _drop_s30(text, q, enabled):
                continue
        if enabled & CONTEXT_READINGS_S29:
            if _drop_s29(text, q, enabled, versions):
                continue
            if "and_half" in enabled and " half " in text:
                _and_half(text, q)
        if enabled & CONTEXT_READINGS_S26 and _drop_s26(text, q, enabled, title):
            continue
        if enabled & CONTEXT_READINGS_S27:
            if _drop_s27(text, q, enabled):
                continue
            if "age_bound" in enabled:
                _age_bound(text, q)
        if enabled & CONTEXT_READINGS_S28:
            if "idiom28" in enabled and _drop_s28(text, q):
                continue
            _apply_s28(text, q, enabled)
        if "year_span" in enabled and _year_span(text, q):
            q.label, q.end, q.unit, q.unit_span = "date", q.number[1], None, None
            q.extra["date"] = _number_text(text, q)  # "the winter of 2004-5": the second year of a span
        if "emphatic" in enabled:
            emphatic = _emphatic(text, q)
            if emphatic is not None:
                if emphatic >= 0:
                    more_than_one.add(emphatic)
                continue
        if "counted_decades" in enabled and q.vague and out and _VAGUE_TIMES.fullmatch(text, q.start, q.end):
            prev = out[-1]
            if prev.value is not None and prev.unit is None and not prev.vague and prev.label in {"count", "duration"} \
                    and re.fullmatch(r"[ -]", text[prev.end : q.start]):
                prev.label, prev.unit, prev.unit_span = "duration", text[q.start : q.end].lower(), (q.start, q.end)
                prev.end = q.end  # "for fourteen centuries", "the last three-plus decades"
                continue
        if "into_point" in enabled and q.label == "duration" and _INTO_POINT_AFTER.match(text, q.end):
            continue  # "begins about 21 minutes into the video": a point in the recording
        if "called_name" in enabled and q.label == "count" and q.bound is None and (
            _CALLED_BEFORE.search(text, max(0, q.start - 16), q.start)
            or (q.unit_span is not None and text[q.unit_span[0]].isupper() and _NAMED_PROGRAM_AFTER.match(text, q.end))
        ):
            continue  # "a pet project known as 10,000 women", "the 10,000 Women program"
        if q.number[0] in listed:
            continue  # "\n\n1\nJohn Leguizamo On ...\n\n2\n...": a numbered list
        if "glued_digit" in enabled and q.number[0] > 0 and _letter(text[q.number[0] - 1]):
            continue  # "GÃ1⁄4len": a garbled letter
        if "code_number" in enabled and (
            (text[q.number[1] : q.number[1] + 1] == "(" and _CODE_AFTER.match(text, q.number[1]))
            or ("(" in text[max(0, q.start - 8) : q.start] or ":" in text[max(0, q.start - 8) : q.start])
            and _CODE_BEFORE.search(text, max(0, q.start - 8), q.start)
        ):
            continue  # "your 401(k)", "Ecode: 17"
        if "name_number" in enabled and _name_number(text, q, title):
            if len(_number_text(text, q)) >= 3:
                ids.add(_number_text(text, q))  # "Cessna 750": the bare "750" elsewhere names it too
            continue
        if "number_name" in enabled and _number_name(text, q, title, "acronym_plural" in enabled):
            continue
        if "repeated_id" in enabled and q.label == "count" and q.bound is None and q.number[0] in index_numbers:
            continue  # "the S&P 500 closed", "Fortune 500 companies"
        if "id_number" in enabled and q.label in {"count", "duration"} and "umber" in text[max(0, q.start - 14) : q.start] \
                and _ID_NOUN_NUMBER_BEFORE.search(text, max(0, q.start - 60), q.start):
            continue  # "room number (135)", "The table number is “32135”"
        if "day_pair" in enabled and q.label == "count" and q.bound is None and q.unit is None \
                and q.value is not None and 1 <= q.value <= 31 and _DAY_PAIR_BEFORE.search(text, max(0, q.start - 40), q.start):
            q.label, q.extra["date"] = "date", _number_text(text, q)  # "between December 11 and 21"
        elif "decade_pair" in enabled and q.label == "count" and q.unit is None and re.fullmatch(
            r"\d0", _number_text(text, q)
        ) and text[q.end : q.end + 1] == "s" and _DECADE_PAIR_BEFORE.search(text, max(0, q.start - 40), q.start):
            q.label, q.end = "date", q.end + 1  # "in the 1960s and 70s"
            q.extra["date"] = text[q.start : q.end]
        if "magnitude" in enabled and q.label == "count" and q.unit == "figures" and q.value is not None \
                and 5 <= q.value <= 12 and q.value == int(q.value):
            digits = int(q.value)  # "in the seven figures": 1,000,000-9,999,999
            q.value, q.low, q.high, q.vague, q.unit, q.unit_span = None, 10.0 ** (digits - 1), 10.0**digits - 1, True, \
                None, None
            q.bound = "approx"
        if "time_mark" in enabled and q.label == "duration" and _TIME_MARK_AFTER.match(text, q.end):
            continue  # "about the 7 minute mark": a point in a recording
        if "idiom" in enabled and q.label in {"count", "measure", "money"} and (
            re.fullmatch(r"800[ -]pounds?", text[q.start : q.end], IGNORE_CASE)
            or re.fullmatch(r"(?:ten|10)[ -](?:foot|feet)", text[q.start : q.end], IGNORE_CASE)
        ) and _IDIOM_AFTER.match(text, q.end):
            continue  # "the 800-pound gorilla", "a ten-foot pole"
        if "something" in enabled and q.value in {20.0, 30.0, 40.0, 50.0, 60.0, 70.0, 80.0, 90.0} and q.bound is None:
            something = _SOMETHING_AFTER.match(text, q.number[1])
            if something:  # "her twenty something Muslim neighbor": an age in the twenties
                low = float(q.value or 0)
                q.label, q.value, q.low, q.high, q.vague, q.bound = "age", None, low, low + 9, True, "approx"
                q.unit, q.unit_span, q.end = "years", None, something.end()
        out.append(q)
    for q in out:
        for begin in more_than_one:  # "100% more than one shooter": "more than one shooter", lower bound
            if q.bound is None and q.value == 1 and re.fullmatch(r"more[ ]+than[ ]+", text[begin : q.start], IGNORE_CASE):
                q.bound, q.bound_span, q.start = "lower", (begin, begin + len("more than")), begin
    if ids:
        out = [q for q in out if not (q.label == "count" and q.unit is None and q.bound is None
                                      and _number_text(text, q) in ids and _DIGITS.fullmatch(_number_text(text, q)))]
    if enabled & CONTEXT_READINGS_S26:
        added = [a for a in _added_s26(text, enabled) if not any(q.start < a.end and a.start < q.end for q in out)]
        if added:
            out = sorted(out + added, key=lambda q: (q.start, -q.end))
    if enabled & CONTEXT_READINGS_S27:
        if ("unit_range" in enabled and " to " in text) or ("alt_range" in enabled and "- or " in text):
            out = _unit_ranges(text, out, enabled)
        added = [a for a in _added_s27(text, enabled) if not any(q.start < a.end and a.start < q.end for q in out)]
        if added:
            out = sorted(out + added, key=lambda q: (q.start, -q.end))
    if enabled & CONTEXT_READINGS_S28:
        candidates = _added_s28(text, out) if "tally_and_one" in enabled and " and one " in text else []
        candidates += _added_s28_text(text, enabled)
        added = [a for a in candidates if not any(q.start < a.end and a.start < q.end for q in out)]
        if added:
            out = sorted(out + added, key=lambda q: (q.start, -q.end))
    if enabled & CONTEXT_READINGS_S31:
        added = [a for a in _added_s31(text, out, enabled) if not any(q.start < a.end and a.start < q.end for q in out)]
        if added:
            out = sorted(out + added, key=lambda q: (q.start, -q.end))
    if enabled & CONTEXT_READINGS_S32:
        added = [a for a in _added_s32(text, out, enabled) if not any(q.start < a.end and a.start < q.end for q in out)]
        if added:
            out = sorted(out + added, key=lambda q: (q.start, -q.end))
    if "tens_garbled" in enabled and ("en of " in text or "EN OF " in text):
        out = _tens_garbled(text, out)
    if "doubled" in enabled and ("ubled" in text or "ipled" in text or "UBLED" in text or "IPLED" in text):
        for m in _DOUBLED.finditer(text):
            s, e = m.span("m")
            if any(q.start < e and s < q.end for q in out):
                continue
            out.append(Quantity(s, e, "count", (s, e), value=_MULTIPLIERS[m.group("m").lower()], unit="times",
                                score=0.85))
        out.sort(key=lambda q: (q.start, -q.end))
    return out
