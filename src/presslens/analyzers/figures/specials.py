"""Dates, clock times, ages, fractions and ratios, found before plain numbers (numbers inside them are not
counted again).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from presslens.analyzers.figures.atoms import (
    COUPLE_FIRST,
    COUPLE_RE,
    FRACTION_FIRST,
    NUMBER_WORD,
    NUMBER_WORDS_FIRST,
    VAGUE_FIRST,
    VAGUE_RE,
    WORDS_FIRST,
    WORDS_RE,
    clean_number,
    parse_number_words,
)
from presslens.analyzers.figures.vocabulary import IGNORE_CASE, MONTH_RE, MONTHS
from presslens.text.wordstarts import AnchoredPattern, WordStarts, finditer_from, matches_at, words_of

# Dates, times and ages (found first; numbers inside them are not counted again)
# ---------------------------------------------------------------------------------------------------

# Every pattern below starts where a digit or a month name starts a word ("\b\d", "\b<Month>"), except the
# decade pattern, which may also start at an apostrophe ("'90s"). Speed only: find_specials tries each pattern
# at those positions (see wordstarts.matches_at) instead of scanning the whole text once per pattern.
# (pattern, where its matches can start: "digit", "month" or "decade")
_DATE_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH_RE}(?:,?\s+\d{{4}})?\b"), "digit"),
    # "September 21", also a span of days "November 10-13, 2012"
    (re.compile(rf"\b{MONTH_RE}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:[-–]\d{{1,2}}(?:st|nd|rd|th)?)?(?:,?\s+\d{{4}})?(?!\d|,\d)\b"),
     "month"),
    (re.compile(rf"\b{MONTH_RE}\s+\d{{4}}\b"), "month"),
    (re.compile(r"\b\d{4}-\d{2}-\d{2}\b"), "digit"),
    (re.compile(r"\b\d{1,2}[./]\d{1,2}[./](?:\d{4}|\d{2})\b"), "digit"),
    (re.compile(r"\b\d{1,2}-\d{1,2}-\d{4}\b"), "digit"),  # "06-22-2017"
    # "the 1990s", "the 1300s", "the mid 1600s", "'90s", "the (early) 90s" (not "their early 90s": an age)
    (re.compile(r"(?:\b(?:1\d|20)\d0s\b|['’]\d0s\b|(?:(?<=\bthe )|(?<=\bthe early )|(?<=\bthe late )|(?<=\bthe mid-)|"
                r"(?<=\bthe mid ))[1-9]0s\b)"), "decade"),
    (re.compile(r"\b(?:1[89]\d\d|20\d\d)\s*[-–/]\s*(?:(?:1[89]\d\d|20\d\d)|\d\d)\b(?!,\d)"), "digit"),
]
_TIME_PATTERNS = [
    re.compile(r"\b\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*(?:GMT|UTC|CET|EET|MSK|local time))?", IGNORE_CASE),
    # "10.30" is a clock time only with a suffix or after "at"/"until"...; "$5.64" and "3.50 euros" are not
    re.compile(r"\b\d{1,2}\.[0-5]\d(?:\s*[ap]\.?m\.?(?![a-z])|\s*(?:GMT|UTC|CET|EET|MSK|local time)\b)", IGNORE_CASE),
    re.compile(r"\b\d{1,2}\s*[ap]\.?m\.?(?![a-z])", IGNORE_CASE),
    re.compile(r"\b\d{3,4}\s*(?:GMT|UTC|hrs|hours\s+local)\b"),
]
# "at 10.30": a dotted clock time needs one of these words right before it
_DOT_TIME = re.compile(
    r"\b\d{1,2}\.[0-5]\d\b(?![.,]?\d)(?![a-zA-Z%])(?!\s*(?:%|per\s*cent|percent|million|billion|bn|m\b|"
    r"euros?|dollars?|pounds?|roubles?|rubles?|points?|metres?|meters?|km|kg|miles?|tonnes?|tons?|litres?|times)\b)",
    IGNORE_CASE,
)
_DOT_TIME_BEFORE = re.compile(r"\b(?:at|until|till|before|after|from|by)[ ]$", IGNORE_CASE)
YEAR_CONTEXT_BEFORE = re.compile(
    r"\b(?:in|since|until|till|by|from|of|to|before|after|during|between|early|late|mid|spring|summer|"
    r"autumn|fall|winter|year|the|a|its|this|that|their|his|her|our|fiscal|end|start|and|through|"
    r"throughout|than|election|elections|budget|census|olympics|cup|vintage|class|circa|c\.)[\s-]*$",
    IGNORE_CASE,
)

# Speed only: "first" holds the words a match of each pattern can begin with (see wordstarts.finditer_from;
# tests check these lists against matches generated from the patterns).
_AGES: tuple[AnchoredPattern, ...] = (
    AnchoredPattern(
        "years_old",
        re.compile(
            rf"\b(?=[\dzotfsen])(?P<n>\d{{1,3}}|{NUMBER_WORD})[- ](?P<u>year|month|week|day)s?[- ]olds?\b",
            IGNORE_CASE,
        ),
        first=NUMBER_WORDS_FIRST,
        digits=True,
    ),
    AnchoredPattern(
        "aged",
        re.compile(r"\b(?:aged|age)\s+(?P<n>\d{1,3})\b(?!\s*(?:-|to|and)\s*\d)", IGNORE_CASE),
        first=words_of("aged age"),
    ),
    AnchoredPattern(
        "at_the_age_of",
        re.compile(r"\bat\s+the\s+age\s+of\s+(?P<n>\d{1,3}|[a-z]+(?:-[a-z]+)?)\b", IGNORE_CASE),
        first=words_of("at"),
    ),
    # "under the age of 30", "younger than 18", "over the age of 65": an age with a bound (upper for under, below,
    # younger; lower for over, above, older)
    AnchoredPattern(
        "age_bound",
        re.compile(r"\b(?P<b>(?:under|over|above|below)[ ]+the[ ]+age[ ]+of|younger[ ]+than|older[ ]+than)[ ]+"
                   r"(?P<n>\d{1,3})\b(?![.,]\d|[ ]*(?:%|percent\b|per[ ]cent\b))", IGNORE_CASE),
        first=words_of("under over above below younger older"),
    ),
)
_AGE_UPPER = ("under", "below", "younger")
_AGE_RANGE_BEFORE = re.compile(r"(?<![\d,.])(?P<a>\d{1,2})[ ]*(?:to|-|–)[ ]*$", IGNORE_CASE)
_AGE_DECADE = re.compile(
    r"\bin\s+(?:his|her|their|my|our|your)\s+(?:early\s+|mid-?|late\s+)?(?P<n>[1-9]0)['’]?s\b", IGNORE_CASE
)
# an age after a name: "Anton, 34, said"; the digits are all of the number ("in Moscow, 5,000 people", "the Border
# Police, 11,800 people", "Smith, 5.5 percent" are no ages: a digit right after the comma or dot; figures 1.11)
_WHOLE_NUMBER_AFTER = r"(?![.,]\d)"
_NAME_AGE = re.compile(
    r"\b(?P<name>[A-Z][a-z’'-]+(?:[ ]+[A-Z][a-z’'-]+){0,2}),[ ]+(?P<n>\d{1,2})" + _WHOLE_NUMBER_AFTER +
    r"(?=\s*[,;)]|\s*\.(?:\s|$)|\s+(?:who|from|and)\b)"
)
# a name with a generational suffix before the age: "Gerald Lawson III, 30,", "Hank Jones Jr., 41," (figures 1.7)
_SUFFIX_NAME_AGE = re.compile(
    r"\b(?P<name>[A-Z][a-z’'-]+(?:[ ]+[A-Z][a-z’'-]+){0,2},?[ ]+(?:Jr\.|Sr\.|II|III|IV)),[ ]+(?P<n>\d{1,2})" + _WHOLE_NUMBER_AFTER +
    r"(?=\s*[,;)]|\s*\.(?:\s|$)|\s+(?:who|from|and)\b)"
)
_SUFFIX_AGE_HINT = re.compile(r"(?:Jr\.|Sr\.|II|IV),[ ]+\d")
_NOT_NAMES = {
    "However", "Meanwhile", "Overall", "Today", "Yesterday", "Altogether", "Since", "In", "By", "Of", "On",
    "And", "But", "Then", "Now", "So", "Also", "Still", "Thus", "Instead", "Later", "Earlier", "Finally",
    "Total", "Together", "Page", "Article", "Section", "Chapter", "Paragraph", "Room", "Unit", "Line",
    "Moreover", "Besides", "Indeed", "Again", "Nevertheless", "Yet", "Sunday", "Monday", "Tuesday",
    "Wednesday", "Thursday", "Friday", "Saturday",
}


_FRACTION_NUMERATORS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "nine": 9}
_FRACTION_DENOMINATORS = {"half": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4,
                          "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "eighth": 8, "eighths": 8,
                          "tenth": 10, "tenths": 10}
# "two-thirds of the vote", and a hyphenated fraction also without "of": "Two-thirds support it", "as high as
# three-quarters in Missouri" (not "a three-quarter-length coat")
_FRACTION_RE = re.compile(
    r"\b(?P<n>an?|one|two|three|four|nine)(?:[\s-]+(?P<d>half|thirds?|quarters?|fourths?|fifths?|sixths?|eighths?|"
    r"tenths?)(?=\s+of\b)|-(?P<dh>thirds?|quarters|fourths?|fifths?|sixths?|eighths?|tenths?)\b(?!-))", IGNORE_CASE
)
_RATIO_RE = re.compile(
    # not the tail of a grouped number ("around 11,000 in 2014": no ratio "000 in 2014") nor "in" a year ("11 in 2014")
    rf"\b(?=[\dzotfsen])(?<![\d,.])(?P<n>\d{{1,3}}|{NUMBER_WORD})(?:\s+|-)(?:(?P<in>in)|out\s+of)(?:\s+|-)(?:every\s+)?"
    rf"(?P<d>\d{{1,4}}|{NUMBER_WORD})\b(?![,.]\d)",
    IGNORE_CASE,
)
# a height in feet and inches: "5-foot-3", "6 feet 2 inches", "a 6-foot-4 guard" (one figure, in feet)
_HEIGHT_RE = re.compile(
    r"(?<![\d,.])(?P<f>[3-7])(?:-foot-(?P<i>1[01]|\d)(?![\d,.]\d)(?:-inch(?:es)?\b)?|"
    r"[ ]feet[ ](?P<i2>1[01]|\d)[ ]inch(?:es)?\b)",
    IGNORE_CASE,
)
# "for decades", "centuries-old": a vague number of decades or centuries (like "dozens" of years)
_VAGUE_TIME_RE = re.compile(r"\b(?:(?:many|several)[ ]+)?(?P<u>decades|centuries)(?:-old)?\b", IGNORE_CASE)
_VAGUE_TIME_BOUNDS = {"decades": (20, 99), "centuries": (200, 999)}
_VAGUE_TIME_FIRST = words_of("decades centuries many several")
# "twice", "thrice": a count of occasions ("convicted twice"), or a multiple ("twice as many")
_TIMES_RE = re.compile(r"\b(?P<n>twice|thrice)\b", IGNORE_CASE)
_TIMES_VALUES = {"twice": 2.0, "thrice": 3.0}
# "double the rate", "more than doubled", "nearly triple": a multiplier (A11 decision 12), only with a bound word before
# it or "the/that/its ..." after it (not "double standards", "a double agent", "doubled down")
_MULTIPLE_RE = re.compile(r"\b(?P<n>double|triple|quadruple)(?P<verb>d)?\b(?!-)", IGNORE_CASE)
_MULTIPLE_VALUES = {"double": 2.0, "triple": 3.0, "quadruple": 4.0}
_MULTIPLE_FIRST = words_of("double triple quadruple doubled tripled quadrupled")
_MULTIPLE_BOUND_BEFORE = re.compile(
    r"\b(?:more[ ]+than|nearly|almost|about|roughly|over|at[ ]+least|less[ ]+than|close[ ]+to|some|well[ ]+over|"
    r"just[ ]+over|just[ ]+under)[ ]+$",
    IGNORE_CASE,
)
_MULTIPLE_OF_AFTER = re.compile(r"[ ]+(?:the|that|those|its|their|his|her|our|what)\b", IGNORE_CASE)
# "a half mile", "half an hour": one half of a unit of measure or time
_HALF_UNIT_RE = re.compile(
    r"\b(?:a\s+half|half\s+an?)\s+(?P<u>(?P<t>second|minute|hour|day|week|month|year|decade|century)|"
    r"mile|kilometre|kilometer|metre|meter|foot|inch|ton|tonne|pound|kilogram|gallon|litre|liter|acre|hectare)\b",
    IGNORE_CASE,
)
# "a year in jail", "a day after the vote", "an hour's flight", "walking a mile", "for one year": one unit of time
# or distance. Not a rate ("once a week", "$5 a day": see quantity._without_rates), not a point in time ("a week
# from Monday", "a day to celebrate"), not "a second" (an ordinal); "one day" only as a duration ("for one day",
# "one day after"), never the "some day" of "may one day declare"
_UNIT_OF_ONE_RE = re.compile(
    r"\b(?P<a>an?|one)[ ]+(?:full[ ]+)?(?P<u>(?P<t>minute|hour|day|week|month|year|decade|century)|mile|kilometre|"
    r"kilometer)(?=['’]s\b|-long\b|-and-a-half\b|[^\w’'-]|$)(?P<half>[ -]+and[ -]+a[ -]+half\b)?",
    IGNORE_CASE,
)
_UNIT_OF_ONE_FIRST = words_of("a an one")
# not one unit of its own: a rate ("once a week"), a part of a unit ("a quarter of a century", "the best part
# of a decade"), a day named as an occasion ("today is a day of vindication")
_NOT_UNIT_BEFORE = re.compile(
    r"\b(?:once|twice|thrice|times|per|each|every|(?:quarter|third|half|fraction|part)s?[ ]+of)[ ]+$", IGNORE_CASE
)
_OCCASION_BEFORE = re.compile(r"\b(?:is|was|be|been|are|were|being)[ ]+$", IGNORE_CASE)
_POINT_AFTER = re.compile(
    r"[ ]+(?:from[ ]+(?:now|today|tomorrow|yesterday|[A-Z]\w*day)\b|when\b|where\b|in[ ]+which\b|"
    r"by[ ]+(?:day|week|month|year)\b|will\b|would\b|comes?\b|came\b)",
    IGNORE_CASE,
)
_ONE_DURATION_BEFORE = re.compile(
    r"\b(?:for|than|in|within|over|after|about|only|just|nearly|almost|least|some|around|roughly|under|past|"
    r"last|next|of|lasted|lasting|spent|served|serving)[ ]+$",
    IGNORE_CASE,
)
_MILE_IDIOM_BEFORE = re.compile(r"\ban[ ]+inch\b[^.!?\n]*$|\bextra[ ]+$", IGNORE_CASE)
_ONE_DURATION_AFTER = re.compile(r"(?:[ ]+(?:ago|after|before|later|earlier|long)\b|-long\b|['’]s\b)", IGNORE_CASE)
UNIT_OF_ONE_SCORE = 0.8
_TIMES_FIRST = words_of("twice thrice")
_HALF_UNIT_FIRST = words_of("a half")
# Speed only: "(?=[...])" lets the engine skip positions where no number (digit or number word) starts;
# the "years_old" age pattern runs only when the text has "old(s)" at a word end at all.
_OLD_HINT = re.compile(r"[- ]olds?\b", IGNORE_CASE)

_AGE_DECADE_FIRST = words_of("in")
# (pattern, first words, or also any word that begins with a digit) for the tests
ANCHORED_PATTERNS: list[tuple[re.Pattern[str], frozenset[str], bool]] = [
    (VAGUE_RE, VAGUE_FIRST, False),
    (COUPLE_RE, COUPLE_FIRST, False),
    (WORDS_RE, WORDS_FIRST, False),
    (_FRACTION_RE, FRACTION_FIRST, False),
    (_RATIO_RE, NUMBER_WORDS_FIRST, True),
    (_TIMES_RE, _TIMES_FIRST, False),
    (_MULTIPLE_RE, _MULTIPLE_FIRST, False),
    (_VAGUE_TIME_RE, _VAGUE_TIME_FIRST, False),
    (_HALF_UNIT_RE, _HALF_UNIT_FIRST, False),
    (_UNIT_OF_ONE_RE, _UNIT_OF_ONE_FIRST, False),
    *((age.pattern, age.first, age.digits) for age in _AGES),
    (_AGE_DECADE, _AGE_DECADE_FIRST, False),
]


# Numbers that are no quantity (guideline: identifiers, references, phone numbers, addresses, "24/7"); they
# are consumed without a finding, like clock times. Every pattern starts at a digit that starts a word (tried
# only there, as the date patterns are).
_NOT_QUANTITIES = [
    re.compile(r"[1-3][ ]+[A-Z][a-z]+\.?[ ]+\d{1,3}(?:[:.]|:[ ])\d{1,3}(?:[-–]\d{1,3})?\b"),  # "1 John 2:6", "1 Pt 2.17"
    re.compile(r"(?<![\d:])\d{1,3}:\d{1,3}(?:[-–]\d{1,3})?\b(?!:)"),  # chapter and verse "John 3:16"
    re.compile(r"(?<![\d/])\d{1,2}/\d{1,2}(?:s\b|\b)(?!\s*of\b)(?![/\d])"),  # "24/7", "9/11", "more 9/11s", "2/25"
    re.compile(r"(?<=\()\d{3}\)[ ]?\d{3}[-.]\d{4}\b|\d{3}[-. ]\d{3}[-.]\d{4}\b|\d{3}-\d{4}\b"),  # phone numbers
    re.compile(r"(?<=\[)\d{1,3}(?=\])"),  # citation marks "[4]"
    re.compile(r"\d{1,3}[ ]+(?:U\.S\.C\.|USC\b|U\.S\.[ ]+Code\b|of[ ]+the[ ]+(?:United[ ]+States|U\.S\.)[ ]+Code\b)"
               r"(?:[ ]*§*[ ]*\d+[a-z]?\b)?"),  # "8 U.S.C. 1226", "18 U.S. Code § 793"
    re.compile(r"(?<![^\n])\d{1,2}\.(?=[ ]*$|[ ]+[A-Z])", re.MULTILINE),  # list numbers "1." at a line start
    # list numbers "1 – When ...", "2) The ..." at a line start; a number alone on its line between two paragraphs (a
    # section number: the line before ends a sentence, a blank line follows; table cells are figures)
    re.compile(r"(?<![^\n])\d{1,2}(?:[ ]?[–—][ ]|\)[ ]+(?=[A-Z]))", re.MULTILINE),
    re.compile(r"(?<=[.!?:”\"]\n)\d{1,2}(?=[ ]*\n[ ]*\n)"),
    # gallery and page furniture: "Hide Caption 3 of 30", "Photo 2 of 12", "Slide 4 of 9"
    re.compile(r"(?<=Caption[ ])\d{1,3}[ ]+of[ ]+\d{1,3}\b|(?<=(?:Photo|Image|Slide)[ ])\d{1,3}[ ]+of[ ]+\d{1,3}\b"),
    re.compile(r"(?<=©)\d{4}\b|(?<=© )\d{4}\b|\d{4}(?=[ ]*©)"),  # copyright years
    # a run of ten or more ungrouped digits is an identifier (a tweet or status id, an account number), not a count
    re.compile(r"\d{10,}(?![\d,.]?\d)"),
    re.compile(r"\d{1,2}(?=\.\))"),  # a rank in brackets in a ranked list: "Marco Rubio (1.)", "(Last week: 2.)"
    # books of the Bible with a number: "we are warned in 2 Timothy", "1 Corinthians", "2 Kings"
    re.compile(r"[1-3][ ]+(?:Samuel|Kings|Chronicles|Corinthians|Thessalonians|Timothy|Peter|Maccabees)\b"),
    # aircraft types: "his Boeing 757", "a Boeing 737-800", "Cessna 172"
    re.compile(r"(?:(?<=\bBoeing[ ])|(?<=\bCessna[ ])|(?<=\bAirbus[ ])|(?<=\bLearjet[ ]))\d{2,3}(?:-\d{1,3})?\b"),
    re.compile(  # street addresses "1600 Pennsylvania Avenue", "10 Downing Street"
        r"\d{1,5}[A-Z]?[ ]+(?:[NSEW]\.?[ ]+)?(?:[A-Z][a-z]+[ ]+){1,3}(?:Street|St\.|Avenue|Ave\.?|Road|Rd\.|"
        r"Boulevard|Blvd\.?|Lane|Drive|Dr\.|Place|Square|Court|Way|Terrace|Parkway|Highway)(?![a-z])"
    ),
]
# figures 1.7 readings (issue 13, s23): numbers that are no quantity --------------------------------------------
_US_STATES = (r"(?:AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|"
              r"ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|DC)")
# (pattern, a cheap test of the whole text that any match needs: speed only)
_NOT_QUANTITIES_1_7: list[tuple[re.Pattern[str], re.Pattern[str]]] = [
    # an emphatic "100%": "I can tell you 100% this is not ...", "I am 100 percent sure" (A11: emphatic certainty is
    # not a figure; "100 percent likely", a probability, and "100 percent of the vote" are)
    (re.compile(r"(?<![\d.,])100[ ]?(?:%|percent\b|per[ ]cent\b)(?=[ ]+(?:this|that|he|she|they|we|I|you|it|there)[ ]+"
                r"(?!of\b|percent\b|year\b|time\b)[a-z’']+\b|[ ]+(?:sure|certain|confident|convinced|positive|committed)\b)"),
     re.compile(r"100[ ]?[%p]")),
    # a US ZIP code after a state's postal code: "New York, NY, 10032", "Austin, TX 78701"
    (re.compile(rf"(?:(?<=\b{_US_STATES}[ ])|(?<=\b{_US_STATES},[ ]))\d{{5}}(?:-\d{{4}})?\b(?![.,]\d)"),
     re.compile(r"\d{5}")),
    # street addresses written the French or Spanish way: "near 17 rue Pelleport", "10 avenue Foch", "3 calle Mayor"
    (re.compile(r"\d{1,4}(?:[ ]?(?:bis|ter))?,?[ ]+(?:rue|avenue|boulevard|bd|place|quai|calle|via|avenida)[ ]+"
                r"(?:(?:de|du|des|la|le|del|de[ ]la)[ ]+)?[A-Z]"),
     re.compile(r" (?:rue|avenue|boulevard|bd|place|quai|calle|via|avenida) ")),
]
# share counters in page furniture ("53 SHARES", "2.3k SHARES"): counts, like the prices beside them
_COUNTER = re.compile(r"(?P<n>\d{1,3}(?:,\d{3})*(?:\.\d+)?)(?P<k>[kKmM])?[ ]+(?P<u>SHARES|Shares|VIEWS|Views|COMMENTS)\b")
# web addresses: their digits are no figures ("https://.../cadc/15-5307/15-5307-2015-11-20.html")
_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>\"“”]+", IGNORE_CASE)
# broadcasters' names: "9 News", "KENS 5", "WUSA 9" (call signs begin with K or W)
# and network affiliates by channel number: "Fox 35", "NBC 4", "Channel 9"
_STATION = re.compile(
    r"\d{1,2}[ ]+News\b|(?:(?<=\b[KW][A-Z]{2}[ ])|(?<=\b[KW][A-Z]{3}[ ])|(?<=\b(?:Fox|FOX|NBC|CBS|ABC|CNN|PBS)[ ])|"
    r"(?<=\bChannel[ ]))\d{1,2}\b(?![.,]\d)"
)
# dotted chapter and verse inside a reference: "(Quran 4.89)", "(see 1 Jn 2.22)", "(2 John 1.10-11);"
_DOTTED_VERSE = re.compile(r"\d{1,3}\.\d{1,3}(?:[-–]\d{1,3})?(?=[),;])")
_DOTTED_VERSE_BEFORE = re.compile(r"(?:\(|;[ ]|\bsee[ ])(?:[1-3][ ])?[A-Z][a-z’']{1,15}\.?[ ]$")
# chapter and verse written with a space after the colon, after a book's name: "(2 Cor 6: 14-17)", "(Heb. 9: 22,27)",
# "Romans 13: 1-7"
_SPACED_VERSE = re.compile(
    r"\d{1,3}:[ ]\d{1,3}(?:[-–]\d{1,3})?(?:,\d{1,3}(?:[-–]\d{1,3})?)*(?![\d:])(?=[ ]?[),;\]]|[ ]*(?:\n|$))"
)
_SPACED_VERSE_BEFORE = re.compile(r"\b[A-Z][a-z’']{1,15}\.?\s$")
# enumerators "the Attorney General—(1) may": "(1)" after a dash, colon, semicolon or at a line start, not after
# a name ("Rolling Meadows (2)" counts arrests)
_ENUMERATOR = re.compile(r"(?<=\()\d{1,2}(?=\)(?:[ ]+[a-z]|$))", re.MULTILINE)
_ENUMERATOR_BEFORE = re.compile(r"(?:^|[—–:;][ ]?)\($")
# enumerators inside a sentence without an opening bracket: "for two reasons: 1) Unlike Cruz, ... and 2) Kasich": the
# first after a colon, semicolon or dash, a later one when the one before it appears shortly before
_INLINE_ENUMERATOR = re.compile(r"(?<=[ ])(?P<n>[1-9])\)(?=[ ]+[A-Za-z])")
_INLINE_FIRST_BEFORE = re.compile(r"[:;—–][ ]$")
# bracketed enumerators inside a sentence: "one of two things will occur: (1) Absolutely nothing ... or (2) look":
# "(1)" after a colon, semicolon or dash, "(N)" when "(N-1)" stands shortly before; a word follows each
_TALLY_NAME_BEFORE = re.compile(r"\b[A-Z][a-z’']+[ ]?\($")
_BRACKET_ENUMERATOR = re.compile(r"(?<=\()(?P<n>[1-9])(?=\)[ ]+[A-Za-z])")


def _small_number(s: str) -> float | None:
    return float(s) if s.isdigit() else parse_number_words(s)


@dataclass
class Special:
    start: int
    end: int
    label: str | None  # None: consumed without a finding (clock times)
    attributes: dict[str, Any]
    number: tuple[int, int]


def _date_iso(text: str) -> str | None:
    year = re.search(r"\b(1[89]\d\d|20\d\d)\b", text)
    month = None
    for word in re.findall(r"[A-Za-z]+", text):
        if word.lower() in MONTHS:
            month = MONTHS[word.lower()]
    day_m = re.search(r"\b(\d{1,2})(?:st|nd|rd|th)?\b", re.sub(r"\b(1[89]\d\d|20\d\d)\b", "", text))
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return text
    if month is None:
        return year.group(1) if year else None
    y = year.group(1) if year else "--"
    if day_m:
        return f"{y}-{month:02d}-{int(day_m.group(1)):02d}" if year else f"--{month:02d}-{int(day_m.group(1)):02d}"
    return f"{y}-{month:02d}" if year else f"--{month:02d}"


def _date_attributes(text: str) -> dict[str, Any]:
    """``value`` (the year, when one is given), ``date`` (ISO 8601, partial) and for spans of years low/high."""
    years = re.findall(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)", text)
    decade = re.fullmatch(r"(?:(1\d|20)(\d)0s|['’]?(\d)0s)", text)
    if decade:
        return {"value": None, "date": text.lstrip("'’")}
    span = re.fullmatch(r"(1[89]\d\d|20\d\d)\s*[-–/]\s*(\d{4}|\d\d)", text)
    if span:
        low = int(span.group(1))
        high_s = span.group(2)
        high = int(high_s) if len(high_s) == 4 else int(str(low)[:2] + high_s)
        return {"value": None, "low": low, "high": high, "date": f"{low}/{high}"}
    return {"value": int(years[0]) if years else None, "date": _date_iso(text)}


_DIGIT_START = re.compile(r"\d(?<!\w\d)")  # where "\b\d" can match (a leading character class scans fast)
_MONTH_START = re.compile(r"[JFMASOND](?<!\w[JFMASOND])")  # where "\b<Month>" can match
_DECADE_START = re.compile(r"\d(?<!\w\d)|['’](?=\d)")


def find_specials(text: str, index: WordStarts | None = None, general: bool = False,
                  fixes: bool = False) -> list[Special]:
    """Dates, clock times, fractions, ratios and ages (``index``: the :class:`WordStarts` of ``text``; ``general``
    and ``fixes``: the readings of figures 1.6's option and of 1.7, see models/figures/HISTORY.md)."""
    index = index if index is not None else WordStarts(text)
    found: list[Special] = []
    starts = {
        "digit": [m.start() for m in _DIGIT_START.finditer(text)],
        "month": [m.start() for m in _MONTH_START.finditer(text)],
        "decade": [m.start() for m in _DECADE_START.finditer(text)],
    }
    for pat in _TIME_PATTERNS:
        for m in matches_at(pat, text, starts["digit"]):
            found.append(Special(m.start(), m.end(), None, {}, (m.start(), m.end())))
    for m in matches_at(_DOT_TIME, text, starts["digit"]):
        if _DOT_TIME_BEFORE.search(text[max(0, m.start() - 7) : m.start()]):
            found.append(Special(m.start(), m.end(), None, {}, (m.start(), m.end())))
    patterns = [*_NOT_QUANTITIES, *(pat for pat, hint in (_NOT_QUANTITIES_1_7 if fixes else ()) if hint.search(text))]
    for pat in patterns:
        for m in matches_at(pat, text, starts["digit"]):
            found.append(Special(m.start(), m.end(), None, {}, (m.start(), m.end())))
    if "://" in text or "www." in text or "WWW." in text:
        for m in _URL.finditer(text):
            found.append(Special(m.start(), m.end(), None, {}, (m.start(), m.end())))
    for m in matches_at(_STATION, text, starts["digit"]):
        found.append(Special(m.start(), m.end(), None, {}, (m.start(), m.end())))
    for m in matches_at(_COUNTER, text, starts["digit"]):
        scale = {"k": 1_000, "m": 1_000_000}.get((m.group("k") or "").lower(), 1)
        found.append(Special(m.start(), m.end(), "count",
                             {"value": clean_number(float(m.group("n").replace(",", "")) * scale),
                              "unit": m.group("u").lower(), "furniture": True},
                             (m.start(), m.end("k") if m.group("k") else m.end("n"))))
    for m in matches_at(_DOTTED_VERSE, text, starts["digit"]):
        if _DOTTED_VERSE_BEFORE.search(text[max(0, m.start() - 24) : m.start()]):
            found.append(Special(m.start(), m.end(), None, {}, (m.start(), m.end())))
    for m in matches_at(_SPACED_VERSE, text, starts["digit"]):
        if _SPACED_VERSE_BEFORE.search(text[max(0, m.start() - 20) : m.start()]):
            found.append(Special(m.start(), m.end(), None, {}, (m.start(), m.end())))
    for m in matches_at(_ENUMERATOR, text, starts["digit"]):
        line_start = text.rfind("\n", max(0, m.start() - 4), m.start()) + 1
        if _ENUMERATOR_BEFORE.search(text[max(line_start, m.start() - 3) : m.start()]):
            found.append(Special(m.start(), m.end(), None, {}, (m.start(), m.end())))
    for m in matches_at(_BRACKET_ENUMERATOR, text, starts["digit"]) if general else ():
        n = int(m.group("n"))
        before = text[max(0, m.start() - 600) : m.start()]
        if _TALLY_NAME_BEFORE.search(before):
            continue  # "Olathe (3) and Lawrence (1)": a tally after a name counts
        if (_INLINE_FIRST_BEFORE.search(before[-3:-1]) if n == 1 else f"({n - 1}) " in before):
            found.append(Special(m.start(), m.end(), None, {}, (m.start(), m.end())))
    for m in matches_at(_INLINE_ENUMERATOR, text, starts["digit"]):
        n = int(m.group("n"))
        before = text[max(0, m.start() - 600) : m.start()]
        if (_INLINE_FIRST_BEFORE.search(before[-2:]) if n == 1 else f" {n - 1}) " in before) and \
                "(" not in before[before.rfind(")") + 1 if ")" in before else 0 :][-80:]:
            found.append(Special(m.start(), m.start() + 1, None, {}, (m.start(), m.start() + 1)))
    for m in matches_at(_HEIGHT_RE, text, starts["digit"]):
        feet, inches = int(m.group("f")), int(m.group("i") or m.group("i2"))
        found.append(Special(m.start(), m.end(), "measure",
                             {"value": round(feet + inches / 12, 2), "unit": "feet", "inches": feet * 12 + inches},
                             (m.start(), m.end())))
    for pat, start_kind in _DATE_PATTERNS:
        for m in matches_at(pat, text, starts[start_kind]):
            found.append(Special(m.start(), m.end(), "date", _date_attributes(m.group(0)), (m.start(), m.end())))
    for m in finditer_from(_FRACTION_RE, index, FRACTION_FIRST):
        num = _FRACTION_NUMERATORS[m.group("n").lower()]
        den = _FRACTION_DENOMINATORS[(m.group("d") or m.group("dh")).lower()]
        found.append(Special(m.start(), m.end(), "percent",
                             {"value": round(100 * num / den, 2), "unit": "percent", "fraction": f"{num}/{den}"},
                             (m.start(), m.end())))
    for m in finditer_from(_RATIO_RE, index, NUMBER_WORDS_FIRST, digits=True):
        n_val, d_val = _small_number(m.group("n")), _small_number(m.group("d"))
        if n_val is None or not d_val or n_val >= d_val:
            continue
        if m.group("in") and re.fullmatch(r"(?:1[89]|20)\d\d", m.group("d")):
            continue  # "11 in 2014": a number and a year
        found.append(Special(m.start(), m.end(), "percent",
                             {"value": round(100 * n_val / d_val, 2), "unit": "percent",
                              "fraction": f"{clean_number(n_val)}/{clean_number(d_val)}"},
                             (m.start(), m.end())))
    for m in finditer_from(_MULTIPLE_RE, index, _MULTIPLE_FIRST):
        bounded = _MULTIPLE_BOUND_BEFORE.search(text[max(0, m.start() - 16) : m.start()]) is not None
        if bounded or (not m.group("verb") and _MULTIPLE_OF_AFTER.match(text, m.end())):
            found.append(Special(m.start(), m.end(), "count",
                                 {"value": _MULTIPLE_VALUES[m.group("n").lower()], "unit": "times"},
                                 (m.start(), m.end())))
    for m in finditer_from(_TIMES_RE, index, _TIMES_FIRST):
        found.append(Special(m.start(), m.end(), "count",
                             {"value": _TIMES_VALUES[m.group("n").lower()], "unit": "times"}, (m.start(), m.end())))
    for m in finditer_from(_VAGUE_TIME_RE, index, _VAGUE_TIME_FIRST):
        if re.search(r"(?:\d|\b(?:(?:tens|hundreds|scores|dozens)\s+of|few|two|three|four|five|six|seven|"
                     r"eight|nine|ten))[\s-]*$", text[max(0, m.start() - 16) : m.start()], IGNORE_CASE):
            continue  # "two decades", "tens of centuries", "a few decades": counted elsewhere ("of decades-old" is not)
        low, high = _VAGUE_TIME_BOUNDS[m.group("u").lower()]
        found.append(Special(m.start(), m.end(), "duration",
                             {"value": None, "unit": "years", "low": low, "high": high, "vague": True},
                             (m.start("u"), m.end("u"))))
    for m in finditer_from(_HALF_UNIT_RE, index, _HALF_UNIT_FIRST):
        unit = m.group("u").lower()
        found.append(Special(m.start(), m.end(), "duration" if m.group("t") else "measure",
                             {"value": 0.5, "unit": ("centuries" if unit == "century" else unit + "s")
                              if m.group("t") else unit, "fraction": "1/2"},
                             (m.start(), m.start("u"))))
    for m in finditer_from(_UNIT_OF_ONE_RE, index, _UNIT_OF_ONE_FIRST):
        before = text[max(0, m.start() - 24) : m.start()]
        if _NOT_UNIT_BEFORE.search(before):
            continue
        if m.group("a").lower() == "one":
            if not (_ONE_DURATION_BEFORE.search(before) or _ONE_DURATION_AFTER.match(text, m.end("u"))):
                continue
        elif m.group("t") and (_POINT_AFTER.match(text, m.end()) or (
                m.group("t").lower() == "day" and re.match(r"[ ,.;:]", text[m.end() : m.end() + 1])
                and _OCCASION_BEFORE.search(before))):
            continue
        if not m.group("t") and _MILE_IDIOM_BEFORE.search(text[max(0, m.start() - 60) : m.start()]):
            continue  # "give them an inch and they'll take a mile", "go the extra mile": idioms, not distances
        unit = m.group("u").lower()
        found.append(Special(m.start(), m.end(), "duration" if m.group("t") else "measure",
                             {"value": 1.5 if m.group("half") else 1.0,
                              "unit": ("centuries" if unit == "century" else unit + "s") if m.group("t") else unit,
                              "unit_of_one": True},
                             (m.start(), m.end("a"))))
    for age in _AGES:
        if age.label == "years_old" and _OLD_HINT.search(text) is None:
            continue
        for m in age.finditer(index):
            value = _small_number(m.group("n"))
            if value is None:
                continue
            unit = (m.groupdict().get("u") or "year").lower() + "s"
            first = _AGE_RANGE_BEFORE.search(text, max(0, m.start() - 16), m.start())
            if first is not None and age.label == "years_old" and int(first.group("a")) < value:
                # "those 18 to 25 years old": one range of ages, not a count and an age
                found.append(Special(first.start("a"), m.end(), "range",
                                     {"low": float(first.group("a")), "high": value, "unit": unit, "age": True},
                                     (first.start("a"), m.end("n"))))
                continue
            attrs: dict[str, Any] = {"value": value, "unit": unit}
            if age.label == "age_bound":
                attrs["bound"] = "upper" if m.group("b").lower().startswith(_AGE_UPPER) else "lower"
                attrs["bound_span"] = (m.start("b"), m.end("b"))
            found.append(Special(m.start(), m.end(), "age", attrs, (m.start("n"), m.end("n"))))
    for m in finditer_from(_AGE_DECADE, index, _AGE_DECADE_FIRST):
        decade = int(m.group("n"))
        found.append(Special(m.start("n"), m.end(), "age",
                             {"value": None, "unit": "years", "low": decade, "high": decade + 9, "vague": True},
                             (m.start("n"), m.end())))
    suffixed = _SUFFIX_NAME_AGE.finditer(text) if fixes and _SUFFIX_AGE_HINT.search(text) else ()
    for m in [*_NAME_AGE.finditer(text), *suffixed]:
        name = m.group("name")
        if name.split()[0] in _NOT_NAMES or name.split()[-1] in _NOT_NAMES or name.lower() in MONTHS:
            continue
        found.append(
            Special(
                m.start("n"), m.end("n"), "age",
                {"value": float(m.group("n")), "unit": "years", "person": (m.start("name"), m.end("name"))},
                (m.start("n"), m.end("n")),
            )
        )
    found.sort(key=lambda s: (s.start, -(s.end - s.start)))
    out: list[Special] = []
    for s in found:
        if out and s.start < out[-1].end:
            continue
        out.append(s)
    return out


# ---------------------------------------------------------------------------------------------------
