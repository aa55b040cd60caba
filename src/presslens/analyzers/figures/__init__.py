"""Figures: every number expression in an article, with its value, unit, bound and oddities.

One finding of kind ``"quantity"`` per number expression. The span covers the bound words, the number
and its unit or counted noun phrase ("over 260,000 Russian men", "up to 1,000,000", "$5bn",
"tens of thousands of subscribers"); ``attributes["number"]`` is the sub-span of the number itself.

Labels (see :data:`~.vocabulary.LABELS`):

- ``count``    -- a number of things or people ("200,000 men", "three tanks", "tens of thousands of ...",
  "at least one survivor", "twice": 2 times, "more than doubled": 2 times, "another million voters", "one" as
  the next item of a tally after and/with/plus/or or a comma when a number counts the same noun nearby: "two
  counts of wire fraud and one count of ..."; "a couple of weeks": vague, value 2, approx, a candidate at 0.3 like
  the guideline's "a few");
- ``percent``  -- "40%", "40 per cent", "forty percent", "3 percentage points", fractions ("two-thirds", a
  hyphenated fraction also without "of": "Two-thirds support it",
  "half of the district", "half its people": 50, score 0.8);
- ``money``    -- "$5bn", "€300 million", "5 billion roubles", "300,000 euros", "$145mm" (a million after a
  currency sign), "a multimillion dollar scheme" (vague), a money adjective ("a billion-dollar cash machine":
  1,000,000,000 dollars);
- ``range``    -- "200,000-300,000", "between 5 and 10", "between 30% and 40%", "from 10 to 20", rising number
  words joined by "to" ("ten to 15 years", "five to six thousand": the scale word of the second applies to both),
  "between two and four" (number words joined by "and" make one number only after a scale word: "one hundred
  and four" is 104), ages "18 to 25 years old" (one range, unit years)
  (``low``/``high`` set; the unit or currency of the range is kept in ``unit``/``currency``);
- ``age``      -- "30-year-old", "aged 34", "Anton, 34,";
- ``duration`` -- "three weeks", "a 10-day ceasefire", "a six year period", "18 months", "half an hour", one unit ("a year in
  jail", "a day after the vote", "an hour's flight", "for one year", "one day after"; score 0.8; not "two weeks
  from now", a point in time); bare
  "decades" / "centuries(-old)", also "many decades", "several decades", are vague (20-99 / 200-999 years);
- ``date``     -- "2022" (in "in 2022"), "September 21", "21 September 2022", "06-22-2017", "the 1990s", "the
  (early) 90s", a span of years alone in brackets, also before 1800 ("(1378-1417)");
- ``measure``  -- physical quantities with a unit of measure: "20 km", "155mm", "3,000 tonnes", "a half mile",
  "walking a mile", areas ("80,000 square feet", "a 15,000 square-foot office"), a height in feet and inches
  ("5-foot-3", "6 feet 2 inches": one figure in feet, 5.25, with ``inches`` 63);
- ``ordinal``  -- digit ordinals outside dates: "the 155th brigade". Word ordinals ("first", "second") are
  not reported (too common as ordinary words).

Bounds: ``lower`` ("over", "more than", "at least", "above", "upward(s) of", "in excess of", "no fewer than",
"as few as", "as little as", "260,000+", "2,000-plus", "or more"); ``upper`` ("up to", "fewer than", "less than",
"at most", "under", "below", "no more than", "as many as", "as high as", "within 48 hours", "or less");
``approx`` ("about", "around", "roughly", "some", "approximately", "an estimated", "estimated (at)", "an
approximate", "circa", "~", "or so", "-odd", "maybe", "perhaps", "approaching", "near", "shy of", "not quite",
"more or less", "in the region of", "on the order of", and "nearly", "almost", "close to", as the real-news
guideline reads them: ``data/realnews/GUIDELINE.md`` section 3); otherwise null. A bound after the unit counts
where the phrase ends there ("1,000 troops or more", "200 people or so"; not "or more often"). "twice",
"thrice" and the multipliers "double"/"triple"/"quadruple" (only with a bound word before them or "the/that/its
..." after them: "more than doubled", "double the rate"; not "double standards", "doubled down") take bounds like
other counts ("at least twice"). "over" is no bound where it names the period a figure is spread over: after a
figure ("$750,000 over twelve months", "5% over three years") or before a period ("16 arrests over 4-day
period"). A converted figure in brackets or after "or" takes the bound of the figure it converts
("about 30 km (20 miles)", "less than 300 km or 175 miles"). "more than", "less than", "fewer than" right after
an amount written with its scale, currency or per cent compare that amount and bound nothing ("$74 million
more than a year ago": "a year" is exact).

Vague amounts ("tens of thousands", "hundreds of", "dozens of", "several hundred", "the next few billion
years") have ``vague`` true, ``value`` null, order-of-magnitude ``low``/``high`` ("tens of thousands":
10,000-99,999) and bound ``approx`` unless a bound word says otherwise (the guideline reads them as approximate).

Malformed digit groupings ("300,00", "1,0000") have ``malformed`` true and ``likely_values`` the readings a
typo most plausibly hides: the digits without separators and the groups repaired to three digits
(300,00 -> [30000, 300000]; 1,0000 -> [1000, 10000]); ``value`` is null.

Share counters in page furniture ("53 SHARES", "2.3k SHARES") are counts, like the prices beside them.

Not quantities (no finding): clock times ("10:30", "6am", "at 10.30"; a price "$5.64" is money), identifiers
("Su-34", "MH17", "Article 5", "Title 8", a run of ten or more ungrouped digits such as a tweet id, aircraft types
("Boeing 757"), numbered books of the Bible ("2 Timothy"), "§197", "8 U.S.C. 1226", "18 U.S. Code § 793", "Pier 14", "room 32-135",
"3-D", "Burkhan 2-H"), citation references ("p. 303", "pp. 52-53", "(par. 2491)", "vol. 3", "canon 751", "Articles
54-64", "cf. 301-302", and the next references of such a list: "pages 10-12 and 17-34 of", "paragraphs 252 and 253
of"), enumerators and ranks ("accuser number two", "Part Two", "1 – When ..." and "2) The ..." at a line start, a
number alone on its line between two paragraphs, gallery counters "Hide Caption 3 of 30"), a bare number
after a capitalised word and before a punctuation mark outside headlines ("Confidential Source 1,",
"Deuteronomy 28.", "(AL 303)"), broadcasters ("9 News", "KENS 5", "Fox 35", "Channel 9"),
ranks in brackets in a ranked list ("Marco Rubio (1.)", "(Last week: 2.)"), enumerators inside a sentence ("for two
reasons: 1) ... and 2) ..."; a tally in brackets after a name, "Rolling Meadows (2)", is a count), web addresses, emergency and service
numbers ("911 calls", "dial 999"), phone numbers, street addresses, "24/7" and "9/11", chapter and verse
("John 3:16", "1 John 2:6", "(2 Cor 6: 14-17)", "Romans 13: 1-7", "(Qur’an 60.4)"), citation marks ("[4]"), enumerators ("—(1) may", "1." at a line start),
copyright years, class years ("BC '22"), old years after "in"/"since" ("in 1066,"), "the year 718", "more
9/11s", "a 911 hang-up call", a ratio's digits inside a grouped number or onto a year ("around 11,000 in 2014" is
11,000 and a date), "scores" as a verb or a test score ("it scores points"; "scores of" is vague), a year
before a capitalised name ("Saviours' Day 2018 Address") or before a singular noun ("the administration's 2010
approval"), clock times in words ("ten-thirty-two"), "Zero Hedge", "two sides of the same coin", "two-fold";
"a day" as a rate ("$5 a day", "once a week"), a point in time ("a week from Monday"), an occasion ("today is a
day of mourning") or a part of a unit ("a quarter of a century"); "one day" as "some day". A range's ``low`` is its smaller end ("between -60 and -80 degrees": -80 to -60). Two numbers joined by "to" or a dash are two figures, not a range, when the first is not
smaller ("a margin of 51 to 49") or when they follow a verb of change ("raised the tax from 7 to 11
percent"), nor is a score written "4-to-4". "three-in-five" is a share like "three in five" (60 percent). A capitalised number word in a headline or a title without a
counted noun ("Francis @ Five") is a candidate (score 0.45), not asserted; with one ("Five Years after His
Election", "Kills Two People") it scores 0.7.

Zero-width characters (ZWSP, ZWNJ, ZWJ, word joiner, BOM, soft hyphen) inside a digit string are part of it
and ignored in its value: "200,<ZWNJ>000 men" is one figure of 200,000 whose span still indexes
``Article.text`` exactly. Pure rules (regular expressions); no trained model is needed.

Since 1.10 (issue 13, stop 28) the default readings are ``readings28``: the fixes plus the stop-28 context readings of
:mod:`.context` ("in 1658 on foot" a year, "never exceeding 300" an upper bound, "curious about two agents" no bound,
"two agents and one lawyer" and "arrested one individual" counts of 1, "up to several tenths" vague, "a two-state
solution", "the lesser of two evils", "two of a kind" and "his 757 jet" no figures); ``figures.readings=fixes`` keeps
1.9's. The readings of stops 29 and 30 failed issue 13's ship rule and are options (``figures.readings=readings29``,
``readings30``: ``readings28`` plus :data:`.context.CONTEXT_READINGS_S29` or :data:`.context.CONTEXT_READINGS_S30`);
stop 31's (``readings31``: ``readings28`` plus :data:`.context.CONTEXT_READINGS_S31`, read off dev14) were an option
at 1.11 and are the default since 1.12 (below; see models/figures/MODEL_CARD.md for their judgment).

1.11 (stop 30, a bug fix in every value of ``figures.readings``): an age after a name ("Anton, 34, said") is no longer
read from the head of a grouped or decimal number ("in Moscow, 5,000 people", "the Border Police, 11,800 people" were
the ages 5 and 11): the digits after "Name, " are an age only when no ``[.,]digit`` follows them.

1.12 (stop 32): ``readings31`` is the default. Pre-registered at stop 31 for the next opened split, it was scored on
dev15 before anyone read dev15's errors: one right quantity more and no wrong one (63/65 -> 64/66, recall 63/68 ->
64/68), and audit B s32 keeps every finding and score, so it passed its rule.

Stop 32's option ``figures.readings=readings32``: ``readings31`` with stop 29's and stop 30's readings and those of
:data:`.context.CONTEXT_READINGS_S32` ("39million visits", "a quarter or two" a range of 1-2 quarters, "zero-tariff"
a type adjective, "’30 Truths ...’" a count in a quoted title, "10 Conservative Party MPs", "Barely 30" approximate,
"a trio of" 3, "5 ½ years", "6’2”" a height, "the past decade and a half", "the $64,000 question" no money). It moves
no held-out split and was pre-registered for dev16; scored there at stop 33 before dev16's errors were read it
asserted one wrong quantity fewer and lost none (46/52 -> 46/51), and audit B s33 gained one right figure ("a trio
of governors"): it passed and is the default of figures 1.13 (models/figures/HISTORY.md, "Version 1.13").

The readings added per version (1.4 .. 1.11 and the options of stops 26, 27, 29 and 30), the scorer's fits and the
held-out judgments behind each are recorded in ``src/presslens/models/figures/HISTORY.md``; what ships now (the quantity
scorer option, its data, metrics and train command) is in ``src/presslens/models/figures/MODEL_CARD.md``.

Modules, in dependency order: :mod:`.vocabulary`, :mod:`.atoms`, :mod:`.specials`, :mod:`.quantity`,
:mod:`.context`, :mod:`.scoring`, :mod:`.analyzer`.
"""

from presslens.analyzers.figures.analyzer import FiguresAnalyzer
from presslens.analyzers.figures.atoms import likely_values_for, parse_digits, parse_number_words
from presslens.analyzers.figures.quantity import Quantity, extract_quantities
from presslens.analyzers.figures.vocabulary import LABELS

__all__ = [
    "LABELS",
    "FiguresAnalyzer",
    "Quantity",
    "extract_quantities",
    "likely_values_for",
    "parse_digits",
    "parse_number_words",
]
