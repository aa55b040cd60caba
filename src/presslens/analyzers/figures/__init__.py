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

Version 1.4 (issue 13, second audit: new sources) added these readings: tweet ids, "Fox 35", "Boeing 757", "2
Timothy", ranks "(1.)", enumerators "1) ... 2)", "between two and four", money and area adjectives, heights,
"many decades", "three-in-five" and the comparative "more than", read off AUDIT A, the first 15 PolNeAR
train articles (2016 US political news) ordered by ``sha256("presslens-quant-2026:" + file
name)``; verdicts (the quant6 session's own, not gold) in ``/work/annot/audit_q2/A``. Audit A, 1.3 -> 1.4: P 0.830
-> 0.981, R 0.948 -> 0.981. Held-out check, AUDIT B (the next 15, judged only after the A fixes were final, commit
e146f17): 1.3 and e146f17 give identical findings there, P 0.917, R 0.951 (none of A's causes occurs in B; B's errors are other causes:
fractions without "of" such as "three-fourths say", age ranges "18 to 25 years old" split in two, ages without
"years" such as "voters under 35", names with numbers such as "Guccifer 2.0", "two weeks from now"). Counts:
``python3 /work/annot/audit_q2/tools/write_audit.py A|B ...`` (see that folder). dev/dev2/dev3 are unchanged
(quantity P/R 0.986/0.982, 0.994/0.994, 0.992/1.000, the same before and after; no rule was read off them, so
each is held out): ``presslens eval realnews --data /work/shared/data/ptc-semeval2020-task11 --split dev``
(``dev2``, ``dev3``); the figures of all 90 dev/dev2/dev3 articles and the 12 articles of the first audit are
identical in 1.3 and e146f17. After that check three more readings were read off B itself, so B is not held out for
them: hyphenated fractions without "of", "18 to 25 years old" as one range, "two weeks from now" as a point in
time; B with the final code: P 0.963, R 0.978 (in-sample); the findings on A and dev/dev2/dev3 are unchanged by them (one finding
of the first audit's 12 articles changes: "15 or 25 years from now" is no duration now).

Version 1.5 (issue 13, s21) added these readings of English numbers: decades and centuries before 1800 ("the
1300s", "the mid 1600s") and spans of days ("November 10-13, 2012") are dates; "3-D-printed" (a letter after the
hyphen, then more word), roads and games ("Interstate 35", "Exit 12", "Game 7", "Round 2") and named sets ("the 10
commandments", "the Seven Deadly Sins") are no figures; two close numbers joined by "or" ("four or five times", "17
or 18 percent": the second above the first and at most twice it plus one, not years) are one range; a bound word
before the article of a number adjective bounds it ("at least a three-day waiting period": lower; only at least,
at most, more/less than, nearly, almost, roughly, approximately, up to: "under a 10-year deal" is no bound); "one
more" before a noun counts ("one more video"); a bare "one" after "and" or a comma and before "has"/"had"/"at",
with a number earlier in its sentence, is the next item of a tally ("20 had no record, one has pending charges");
the idioms "give them an inch ... a mile" and "the extra mile" are no distances; ages with a comparative bound
("under the age of 30", "younger than 18": upper; "over the age of 65", "older than 65": lower); a year after a
compound modifier or a possessive ("the big-money 2016 players", "Record-setting 2016 spending spree") is a date.
The first eight were read off dev4's errors (``/work/prompts/s21/dev4_errors.md``), the tally "one" off dev and
dev4, the last three and "Game N" off AUDIT A (the 15 PolNeAR train files of ``/work/annot/s21/A``): dev4 and A are
in-sample for them. Real-news quantity P/R at 0.5, ``presslens eval realnews --data
../shared/data/ptc-semeval2020-task11 --split dev|dev2|dev3|dev4`` (1.4 -> 1.5): dev 0.986/0.982 -> 0.986/0.986
(one tally "one" found: in-sample), dev2 0.994/0.994 and dev3 0.992/1.000 unchanged (held out: no rule read off
them; their figures are identical but for that one), dev4 0.925/0.958 -> 0.994/0.982 (in-sample); the other kinds'
scores are identical on all four. AUDIT A (verdicts: the quant7 session's own judgments against section 3 and A11's
log, not gold, in ``/work/annot/s21/quant/A``; every asserted figure and every number or number word without one
was judged): 147 asserted, 8 wrong, 4 missed (P 0.946, R 0.972) -> 142 asserted, 0 wrong, 1 missed (P 1.000,
R 0.993; in-sample; counts: ``/work/annot/s21/quant/tools/verdicts.py``, see the README there). AUDIT B (the 15
files of ``/work/annot/s21/B``, read only after the code was final, 1.4 judged first; held out): 78 asserted, 6
wrong, 5 missed (P 0.923, R 0.935) -> 77 asserted, 4 wrong, 4 missed (P 0.948, R 0.948); the one cause fixed there
is "two or three weeks" (a range); left: ranges written "two- or three-week" and "36-to-40-percent", "only lost one
debate" ("only" before the verb), a number in a film title ("The 40-Year-Old Virgin"), "a one word answer"
(borderline). The figures of the
584 seen figure-group texts (``data/figures``, splits dev, test_v1-v7, train_w-z) are identical in 1.4 and 1.5
(``python /work/annot/s21/quant/tools/figure_texts_diff.py OLD/src NEW/src``), so figure grouping is unchanged.

Version 1.6 (issue 13, s22) adds general English readings as an OPTION, ``--option figures.readings=general``
(default ``rules``: 1.5's readings, unchanged; ``extract_quantities(text, readings)``): "trillions (of)" is vague
like "billions"; a decimal without its leading zero after a space or bracket (".380-caliber", "below .50
caliber"); "one" in a measure adjective ("a one-week limit", "one-gallon cans"; not "one-time"); "no" before a
number word is a negation ("no two people are ..."); "a half-dozen" is 6; bracketed enumerators inside a sentence
("... will occur: (1) Nothing ... or (2) ...", not a tally after a name, "Olathe (3)"); a lower or upper bound after
the unit outweighs an approximate one before it ("an estimated 40 or more warheads": lower); "45 and older", "18
years and up" (lower) and "12 and under" (upper); a year followed by "to" and an amount with a currency sign is
no range ("from $362 million in 2014 to $557 million"); lines opening with 1, 2, 3, ... (at least three, in order)
are a numbered list, not counts ("1 Donald Trump."); "Wait a minute" is no duration. Read off: the first seven
off dev5's errors (dev5 is in-sample for them), the last five and "half-dozen" off AUDIT A (the 15 PolNeAR train
files of ``/work/annot/s22/A``; verdicts, the quant8 session's own judgments against section 3 and A11's log, not
gold, in ``/work/annot/s22/quant``). Causes left (not general or not decidable from the text): "one" as a
determiner that gold counts ("one person in charge", "one bullet"; dev4 has three more) but not in "One man
died"; emphatic "zero evidence" (dropped by A11); a year written "2,000"; "six-shot revolver" (a measure, not a type
adjective like "two-state"); "a quarter century"; on the audits "top-two", "a mold or two", "in a minute",
a digit in a garbled name ("GÃ1⁄4len"), "Under 70 Auto Sales", "credit scores", "Fight for Fifteen", "the lesser
of two evils", "more than half" without a following noun.

Leave-one-split-out (issue 13's ship rule, fixed in advance): for each open split the readings are those decided
without it, so the dev5-read readings are not held out on dev5; the A-read readings change no figure of the five
splits, the dev5-read ones none of dev .. dev4 (all 153 texts compared). Quantity P/R at 0.5, ``presslens eval
realnews --data ../shared/data/ptc-semeval2020-task11 --split S [--option figures.readings=general]``:

| split | rules (1.5, default) | general, in-sample | general, held out |
|---|---|---|---|
| dev | 0.986 / 0.986 | 0.986 / 0.986 | 0.986 / 0.986 |
| dev2 | 0.994 / 0.994 | 0.994 / 0.994 | 0.994 / 0.994 |
| dev3 | 0.992 / 1.000 | 0.992 / 1.000 | 0.992 / 1.000 |
| dev4 | 0.994 / 0.982 | 0.994 / 0.982 | 0.994 / 0.982 |
| dev5 | 0.959 / 0.943 | 0.983 / 0.977 | 0.959 / 0.943 |
| sum | 0.984 (889/903) / 0.980 (889/907) | 0.989 (895/905) / 0.987 (895/907) | 0.984 (889/903) / 0.980 (889/907) |

The held-out precision does not rise, so by the ship rule the readings stay an option. Rule-score ECE on dev5
(the eval's calibration table): 0.061 with the rules, 0.086 with the general readings (in-sample: the rule
scores, 0.8-0.95, now sit below a share right of 0.98). The other kinds' scores are identical on all five splits.
AUDIT A (in-sample for the A-read readings; asserted figures other than dates/ordinals): 120 asserted, 18 wrong, 3
missed (P 0.850, R 0.971) -> general 108, 3 wrong, 0 missed (P 0.972, R 1.000); rule-score ECE 0.093 -> 0.059.
AUDIT B (``/work/annot/s22/B``, read only after the code was final, the branch start judged first; held out): 112
asserted, 12 wrong, 2 missed (P 0.893, R 0.980) -> general 113, 12 wrong, 1 missed (P 0.894, R 0.990; the
"half-dozen" found); wrong count unchanged; the default readings give B's branch-start findings exactly. Counts:
``python /work/annot/s22/quant/tools/verdicts.py`` and ``audit_ece.py`` (README there). The figures of the 584
seen figure-group texts are identical (``figure_texts_diff.py``): grouping calls the default readings. The
calibrated scorer is fitted on the default readings and is unchanged (rebuilt byte-identical, sha256 below).

Version 1.7 (issue 13, s23) adds these readings of English numbers, as the option ``figures.readings=fixes`` (the default
since 1.9; also in
``general``; the lead's decision below): a week or day of a sequence is a point in time ("your week 2 outline", "week two",
"on day one", "Day 3"; not before a plural noun: "day 3 protesters"); a capitalised number word in a name ("the Gang
of Eight", '"Three Amigos"') is no count; an emphatic "100%" ("I can tell you 100% this is ...", "100 percent
sure/committed"; not "100 percent likely" nor "100 percent of") and "zero" before an abstract noun ("zero evidence",
"zero military experience"; not "zero delegates") are no figures; US ZIP codes after a state code ("NY, 10032"),
street addresses written "17 rue Pelleport" and lower-case "precinct 78" / "ward 8" are no figures; an ordinal typed
with a space ("Paris 20 th") is an ordinal; a unit of one right after a plural noun is a rate ("multiple news
conferences a day", "a few hours a day"; not "a day after", "a week apart", "a month into"); "from 25 percent to 90
percent" and "by 5 percent to 15 percent" are ranges (without from/by "lost the state 36 percent to 51 percent" is a
result: two figures); a four-digit 1800-2100 number without comma or bound before a plural noun ("eye on 2018
elections", "any 2016 presidential candidates") is a candidate at :data:`.quantity.YEAR_COUNT_SCORE` (0.3; news
style writes counts of thousands with a comma); "at least one of these calls" is a lower-bounded count; "only one
hearing and one set of appeals" counts both; "a couple hundred thousand" is vague; an age after a name with a
generational suffix ("Gerald Lawson III, 30,"); a collective noun before a plural modifies it ("two Ohio police
officers", "ten crew members"); "six-figure fees" is a vague amount (100,000-999,999), not 6; "past" after "of the"
ends the counted phrase ("five of the past six elections"). Share counters ("557 SHARES") stay figures, as A11's
decision 10 and GUIDELINE.md 8a read page-furniture figures, and carry ``attributes["furniture"] = true`` so that a
report can leave them out of the story's figures (the stop-22 user trial flagged them as furniture; the report is not
this analyzer's). Read off: the emphatic zero off dev5's errors (in-sample on dev5), the points in time, emphatic
100%, rates, percent ranges, "at least one of", the counted "one" pair, "rue", the spaced ordinal and "a couple
hundred" off dev6's errors (in-sample on dev6), the names, ZIP codes, precinct/ward and "past" off AUDIT A (the 15
PolNeAR train files of ``/work/annot/s23/A``), the year before a plural off dev6 and AUDIT A (both show it), the age
suffix, collective modifiers, "six-figure" and the furniture flag off the stop-22 user trial (PTC dev articles, the
techniques test set: only the pattern was taken). Each was then checked on the other splits and on unlabelled PolNeAR
train text (825 files, AUDIT B's 15 left out), where "two past elections", poll results "36 percent to 51 percent",
"near-zero interest rates", "a month into the contest" and "3 tanks holds" showed the limits written above.

Leave-one-split-out (issue 13's ship rule, fixed in advance): for each open split the readings are those decided
without it (dev5 without the emphatic zero, dev6 without the dev6-read readings; the year rule counts as held out on
dev6 because AUDIT A shows it too). The 1.7 readings change no figure of dev, dev2 and dev3, and on dev4 only two
units ("700 police killings", "two police officers"); all 162 texts compared
(``/work/annot/s23/quant9/tools/split_diff.py``). Quantity P/R at 0.5, ``presslens eval realnews --data
../shared/data/ptc-semeval2020-task11 --split S`` (the quantity row):

| split | 1.6 (branch start) | 1.7, in-sample | 1.7, held out |
|---|---|---|---|
| dev | 0.986 / 0.986 | 0.986 / 0.986 | 0.986 / 0.986 |
| dev2 | 0.994 / 0.994 | 0.994 / 0.994 | 0.994 / 0.994 |
| dev3 | 0.992 / 1.000 | 0.992 / 1.000 | 0.992 / 1.000 |
| dev4 | 0.994 / 0.982 | 0.994 / 0.982 | 0.994 / 0.982 |
| dev5 | 0.959 / 0.943 | 0.970 / 0.943 | 0.959 / 0.943 |
| dev6 | 0.932 / 0.958 | 0.993 / 0.993 | 0.938 / 0.958 |
| sum | 0.977 (1025/1049) / 0.977 (1025/1049) | 0.988 (1030/1043) / 0.982 (1030/1049) | 0.978 (1025/1048) / 0.977 (1025/1049) |

Held out, precision rises by one wrong figure fewer and recall is unchanged; counted strictly (the year rule as read
off dev6) the held-out sums equal the branch start's and the readings are judged on AUDIT B. Rule-score ECE (the
eval's calibration table), held out: dev5 0.061, dev6 0.046 (in-sample 0.073 and 0.100: the rule scores, 0.8-0.95,
sit below the share right once the errors are fixed). The ``general`` option judged again on six splits: in-sample
0.990 (1036/1046) / 0.988 (1036/1049); held out (dev5 without its dev5-read readings; on dev6, never read by them,
"a one-week memory" is a new wrong figure) 0.977 (1025/1049) / 0.977 (1025/1049), below the 1.7 rules' 0.978: it
stays an option. AUDIT A (verdicts: the quant9 session's own judgments against section 3 and A11's log, not gold, in
``/work/annot/s23/quant9/A``; every asserted figure other than dates and ordinals and every number or number word
without one): 1.6 53 asserted, 6 wrong, 1 missed (P 0.887, R 0.979) -> 1.7 47 asserted, 0 wrong, 1 missed (P 1.000,
R 0.979; in-sample for the A-read readings; the miss is "they had one child"). Counts: ``python
/work/annot/s23/quant9/tools/verdicts.py`` (as s22's). AUDIT B (``/work/annot/s23/B``, read only after the code was
final, commit 5a663af, the branch start judged first; held out): 130 asserted, 6 wrong, 4 missed (P 0.954, R 0.969)
with both codes: no figure of B changes, so the wrong count does not rise (its causes: the day of "Nov. 6 to 10", "age
45 and over" without its bound, which the ``general`` option reads, the idiom "one-two punch", the trick "50-50 grind",
"in a year this wacky"; misses: "a three-candidate matchup", "by one point", a listicle "3." alone on its line). The
engineer counted the year rule as held out on dev6 (AUDIT A shows it too) and proposed the readings as the default.
**Lead's decision at merge: an option.** The year rule was first seen in dev6's errors, so it is in-sample there;
read that way no held-out split moves and AUDIT B's precision does not rise, so by the ship rule (fixed in advance)
the readings stay the option ``figures.readings=fixes``. The share-counter furniture flag changes no finding and is
on in every reading. The figures of the 584 seen figure-group texts differ in 8 texts, each a fixed figure: a unit completed
("media workers", "crew members") or a rate "a few hours a day" no longer a duration
(``/work/annot/s23/quant9/tools/figure_texts_diff.py OLD/src NEW/src``).

Scores (model card). The rules give one fixed score per pattern; on new text the wrong figures sat at the same
scores as the right ones. :mod:`.scoring` maps them to probabilities: a logistic regression over general features
(:data:`.scoring.FEATURE_NAMES`: the rule score, number form, label, unit, bound, value one, capitalised word
before or after, hyphenated modifier, year-like value, headline line, quotation) or the share of right figures per
pattern class (per rule score) shrunk towards the rule score, whichever has the lower held-out log loss (the
per-class map: the logistic regression's L2 choice drives every feature but the rule score to about zero: after the
fixes only 13 of 738 open-split figures are wrong, too few to learn from). Data: the figures of the real-news
open splits (``OPEN_SPLITS``: dev .. dev7 since 1.8, dev .. dev6 before; PTC SemEval-2020 task 11 train articles,
research use only;
stand-off gold in ``data/realnews``), labelled by the evaluation's matching rule; dates and ordinals keep the rule
scores. Train: ``presslens train figures --data ../shared/data/ptc-semeval2020-task11`` (CPU, seconds; writes
``models/figures/quantity_scorer.json``, JSON, no pickle, the shipped file sha256
``3a05831bec17e0b0430f7ccc6c71d184b7f176691d8d529f0db0457b9f02447e`` (stop 26: fitted on the nine open splits with
the 1.9 default readings, rebuilt byte-identical twice; its table is in the stop-26 refit section below; before it
``f36ae997a63014312ca9ca53a318b7e8e8e83b0aabd8fbd161ba18f45e32760a``, the eight-split fit of 1.9,
``d46b84f68163815412806e17eef031be8150508fb5330a32c597106a6f1985d1``, the same fit on the 1.8 readings (stop-25 refit
section), ``eb826c462d737d50abd0f45476d61aca398e70571363cdc673b4ec56f8950d57``, the seven-split fit of 1.8, and
``d4909cf25ecb9bd4fb25559948cd1879e4af23104558e55372ae1187d52b3939``, whose numbers follow); ``--check`` prints the
table only). Every choice is
leave-one-split-out: strengths chosen on five splits, fitted on them, scored on the sixth (refit at stop 23 on the
default (1.6) readings, when dev6 became open: same features, same method). Held-out quantity P/R at 0.5 and ECE (that
command's table; counts summed over the six held-out splits; 1050 figures, 20 wrong):

| held out | rules P / R / ECE | calibrated (classes) P / R / ECE | logistic P / R / ECE |
|---|---|---|---|
| dev | 0.986 / 0.986 / 0.077 | 0.986 / 0.986 / 0.019 | 0.972 / 0.986 / 0.000 |
| dev2 | 0.994 / 0.994 / 0.078 | 0.994 / 0.994 / 0.024 | 0.994 / 0.994 / 0.024 |
| dev3 | 0.992 / 1.000 / 0.087 | 0.992 / 1.000 / 0.019 | 0.992 / 1.000 / 0.024 |
| dev4 | 0.994 / 0.982 / 0.093 | 0.994 / 0.982 / 0.026 | 0.994 / 0.982 / 0.027 |
| dev5 | 0.959 / 0.943 / 0.061 | 0.959 / 0.943 / 0.023 | 0.959 / 0.943 / 0.024 |
| dev6 | 0.932 / 0.958 / 0.051 | 0.932 / 0.958 / 0.051 | 0.932 / 0.958 / 0.054 |
| sum | 0.977 (1025/1049) / 0.977 (1025/1049) / 0.075 | 0.977 (1025/1049) / 0.977 (1025/1049) / 0.026 | 0.973 (1025/1053) / 0.977 (1025/1049) / 0.022 |

(On the 1.7 readings, the engineer's fit: rules 0.988 / 0.982 / 0.083, classes 0.988 / 0.982 / 0.010.) The per-class map wins again on held-out log loss (125.9 against 149.6; the rules 169.0). The five-split fit it
replaces (sha256 ``07d0cacf...``, stop 22: held-out sum over dev .. dev5 on the 1.6 readings 0.984 / 0.980, ECE
0.017, rules 0.079) scored dev6, new to it, at ECE 0.051 with the 1.6 readings (the rule scores 0.051) and 0.011 with
the 1.7 ones (``presslens eval realnews --data ... --split dev6 --option figures.scores=calibrated``, run with
each tree on ``PYTHONPATH``). The readings are in-sample on dev6 (and the scorer's classes are counted on splits whose errors the
rules were fixed on), so these ECEs are optimistic for new text: on AUDIT A with the 1.6 findings the calibrated
scores of the asserted figures averaged 0.980 where 0.887 were right (ECE 0.094, the rule scores 0.072;
``python /work/annot/s23/quant9/tools/audit_ece.py REPORTS.jsonl A/before.json``).

The calibration leaves the asserted figures as they are, so held-out precision does not rise and by issue 13's
ship rule (fixed in advance) it is an option, not the default: set ``--option figures.scores=calibrated``. Caveat:
the classes were counted on splits whose errors the rules were fixed on; on AUDIT A read with the 1.4 rules (text
new to them) the asserted figures were right at 0.946 and the calibrated scores averaged 0.988 (ECE 0.049, the rule
scores 0.037; ``python /work/annot/s21/quant/tools/audit_ece.py REPORTS.jsonl A/before.json``): on unseen outlets
they are still overconfident by about the rules' error rate there. On AUDIT B (held out) likewise: calibrated ECE
0.065 with the 1.4 findings and 0.040 with 1.5's, the rule scores 0.030 and 0.042.

Version 1.8 (issue 13, s24) adds the context readings of :mod:`.context`, on by default (every reading of
``figures.readings``): a number that is part of a name ("the Voyager 1 space probe", "Arrow 2 and soon Arrow 3", "an
asteroid called 3200 Phaethon", "20 Minutes reported", "Forbes' Under 30 Summit", "Anderson Cooper 360", "House Bill
1523"; not before a plural noun, "sold Paddock 720 rounds", nor in a score or tally, "Clemson 45-40", "Trump 458 to
359", nor in a headline), a number an article uses as an identifier, wherever it stands bare ("the 757" of a "Boeing
757"), stock indexes ("S.&P. 500", "Fortune 500 companies"), numbers after "room number" / "table number is", codes
("a 401(k)", "Ecode: 17") and numbers glued to a letter (a garbled "Gülen" printed with a stray "1") are no figures;
the second day or decade of "between December 11 and 21", "Nov. 6 to 10", "the 1960s and 70s" is a date; "in the
seven figures" is a vague amount (1,000,000-9,999,999); "the 7 minute mark" is a point in time; "the 800-pound
gorilla" and "a ten-foot pole" are idioms; "twenty something", "40-something" are vague ages (20-29 years);
"have doubled" is a multiplier (2 times); numbers alone on their lines, 1, 2, 3 ... in order, number a list; a thread
counter "(1 of 3)" numbers a post. Read off: dev7's errors (names with numbers, ids after "number", the day pair, the
idiom, "twenty something", "have doubled"; dev7 is in-sample for them), AUDIT A (the 15 PolNeAR train files of
``/work/annot/s24/A``: the repeated identifier and index names, the decade pair, "seven figures", the minute mark;
"Arrow 2" and "Under 30 Summit" for the names, first seen in dev7), unlabelled PolNeAR train text (825 files, AUDIT
B's 15 left out: scores and tallies after names, garbled letters, codes, numbered lines) and the stop-23 user trial
(the thread counter: only the pattern). Each reading can be switched off alone (``extract_quantities(text,
readings, context)``) for the leave-one-split-out check. On the 825 PolNeAR files 105 figures change, each a fix by
the engineer's reading (``python /work/annot/s24/quant10/tools/pool_diff.py OLD/src NEW/src``); the 584 seen
figure-group texts are identical (``figure_texts_diff.py``), so figure grouping is unchanged.

Leave-one-split-out (issue 13's ship rule, fixed in advance): for each open split the readings read off that split are
off (on dev7 only the AUDIT-A and pool readings are on; no reading was read off dev .. dev6). Quantity P/R at 0.5 and
the rule scores' ECE, ``python -m presslens.training.figures_context --data ../shared/data/ptc-semeval2020-task11`` (where
each reading was read off: ``figures_context.READ_OFF``; it scores the figures alone, with the counts of ``presslens
eval realnews --data ../shared/data/ptc-semeval2020-task11 --split S``'s quantity row):

| split | 1.7 (branch start) | 1.8, in-sample | 1.8, held out |
|---|---|---|---|
| dev | 0.986 / 0.986 / 0.077 | 0.986 / 0.986 / 0.077 | 0.986 / 0.986 / 0.077 |
| dev2 | 0.994 / 0.994 / 0.078 | 0.994 / 0.994 / 0.078 | 0.994 / 0.994 / 0.078 |
| dev3 | 0.992 / 1.000 / 0.087 | 0.992 / 1.000 / 0.087 | 0.992 / 1.000 / 0.087 |
| dev4 | 0.994 / 0.982 / 0.093 | 0.994 / 0.982 / 0.093 | 0.994 / 0.982 / 0.093 |
| dev5 | 0.959 / 0.943 / 0.061 | 0.959 / 0.943 / 0.061 | 0.959 / 0.943 / 0.061 |
| dev6 | 0.932 / 0.958 / 0.051 | 0.938 / 0.958 / 0.044 | 0.938 / 0.958 / 0.044 |
| dev7 | 0.902 / 0.955 / 0.080 | 0.991 / 0.973 / 0.093 | 0.902 / 0.955 / 0.080 |
| sum | 0.969 (1136/1172) / 0.975 (1130/1159) / 0.065 | 0.979 (1138/1162) / 0.977 (1132/1159) / 0.075 | 0.970 (1136/1171) / 0.975 (1130/1159) / 0.066 |

Held out, precision rises by one wrong figure fewer (dev6's "Paris 20 th", a district, dropped by the names reading)
and recall is unchanged; the AUDIT B wrong count does not rise (below): by the ship rule the readings are the
default. Summed ECE: the mean pooled over the splits' figures. The ``fixes`` and ``general`` options judged again with
dev7 held out for them (no 1.7 or 1.6 option reading was read off dev7): on dev7 ``fixes`` gives the default's
figures (0.902 / 0.955 held out) and ``general`` one more right figure ("one-gallon", 0.903 (112/124) / 0.964
(106/110)); over seven splits, held out (dev5 and dev6 without the readings read off them; on dev6 ``general``'s "a
one-week memory" is a new wrong figure), ``fixes`` equals the default and ``general`` gives 0.969 (1137/1173) / 0.976
(1131/1159), precision below the default's: both stay options (``presslens eval realnews --data ... --split dev7
--option figures.readings=fixes|general`` with each tree on ``PYTHONPATH``; ``python -m presslens.training.figures_context --data ... --readings fixes|general``).

AUDIT A (verdicts: the quant10 session's own judgments against section 3 and A11's log, not gold, in
``/work/annot/s24/quant10/A``; every asserted figure other than dates and ordinals and every number or number word
without one): 1.7 199 asserted, 14 wrong, 1 missed (P 0.930, R 0.995) -> 1.8 186 asserted, 0 wrong, 0 missed (P
1.000, R 1.000; in-sample for the A-read readings). AUDIT B (``/work/annot/s24/B``, read only after the code was
final, the branch start judged first; held out): 156 asserted, 5 wrong, 5 missed (P 0.968, R 0.968) with both codes
and with ``fixes`` and ``general``: no figure of B changes, so the wrong count does not rise. B's causes, left: "45 or
older" without its lower bound (three times), "one or two days" read as two days, the emphatic "zero support", and
the missed "by one percentage point". Counts: ``python /work/annot/s24/quant10/tools/verdicts.py`` (as s23's);
ECE of the asserted figures (``audit_ece.py REPORTS.jsonl VERDICTS.json``, the 1.8 scorer): A 1.7 rule scores
0.037, calibrated 0.047; A 1.8 rule 0.080, calibrated 0.023; B rule 0.053, calibrated 0.008.

The figure scorer (``figures.scores=calibrated``, an option) refitted on the seven open splits with the 1.8 readings
(same features, same method; dev7 in-sample for the dev7-read readings), ``presslens train figures --data
../shared/data/ptc-semeval2020-task11 --check``, held-out P / R / ECE summed over the seven splits (1168 figures, 30
wrong): rules 0.979 (1138/1162) / 0.977 (1132/1159) / 0.076, log loss 180.5; per-class map 0.979 (1138/1162) / 0.977 /
0.022, log loss 127.2; logistic 0.975 (1138/1167) / 0.977 / 0.020, log loss 147.6: the per-class map wins again
(per split: dev 0.015, dev2 0.021, dev3 0.016, dev4 0.023, dev5 0.024, dev6 0.045, dev7 0.012). The six-split fit it
replaces (``d4909cf2...``) scored dev7, new to it, at ECE 0.075 with the 1.7 figures (rule scores 0.080) and 0.013
with the 1.8 ones (rule scores 0.093; ``presslens eval realnews --data ... --split dev7 --option
figures.scores=calibrated``). The asserted
figures are the same with either score, so it stays an option.

Refit at stop 25 (issue 13; dev8 opened): the figure scorer refitted on the eight open splits with the 1.8 readings
(same features, same method; no reading was read off dev8, so it is held out for every reading), ``presslens train
figures --data ../shared/data/ptc-semeval2020-task11 --check``, held-out P / R / ECE / log loss per split (1272
figures, 44 wrong; the asserted figures are the same with every score but the logistic one):

| held out | rules | logistic | classes (shipped) |
|---|---|---|---|
| dev | 0.986 / 0.986 / 0.077 / 36.2 | 0.975 / 0.986 / 0.028 / 26.1 | 0.986 / 0.986 / 0.025 / 23.5 |
| dev2 | 0.994 / 0.994 / 0.078 / 17.6 | 0.994 / 0.994 / 0.025 / 11.4 | 0.994 / 0.994 / 0.029 / 9.0 |
| dev3 | 0.992 / 1.000 / 0.087 / 14.9 | 0.992 / 1.000 / 0.027 / 6.1 | 0.992 / 1.000 / 0.023 / 7.7 |
| dev4 | 0.994 / 0.982 / 0.093 / 19.6 | 0.994 / 0.982 / 0.035 / 12.3 | 0.994 / 0.982 / 0.030 / 9.7 |
| dev5 | 0.959 / 0.943 / 0.061 / 37.1 | 0.959 / 0.943 / 0.027 / 35.9 | 0.959 / 0.943 / 0.016 / 29.9 |
| dev6 | 0.938 / 0.958 / 0.044 / 40.5 | 0.938 / 0.958 / 0.039 / 34.7 | 0.938 / 0.958 / 0.042 / 37.8 |
| dev7 | 0.991 / 0.973 / 0.093 / 14.6 | 0.991 / 0.973 / 0.030 / 6.2 | 0.991 / 0.973 / 0.020 / 7.0 |
| dev8 | 0.874 / 0.928 / 0.057 / 42.7 | 0.882 / 0.928 / 0.100 / 45.6 | 0.874 / 0.928 / 0.100 / 51.4 |
| sum | 0.971 (1228/1265) / 0.973 (1222/1256) / 0.074 / 223.2 | 0.969 (1228/1267) / 0.973 / 0.036 / 178.3 | 0.971 (1228/1265) / 0.973 / 0.032 / 176.1 |

The per-class map wins again on summed held-out log loss (176.1 against 178.3); on dev8, new to the seven-split
fits, it is worse than the rule scores (ECE 0.100 against 0.057): the class shares fitted on the other seven
splits are well above dev8's share right (0.874). It stays an option. This fit (sha256 ``d46b84f6...``) was replaced
by the 1.9 fit (sha256 above; its table in the 1.9 section below); the test
``tests/test_figures_scorer_fit.py`` checks that the file names every open split.

Version 1.9 (issue 13, s25; dev8 opened). Two changes, each judged by the ship rule (fixed in advance):

1. **Shipped**: the 1.7 readings (``figures.readings=fixes``, listed above) are the default
   (``quantity.DEFAULT_READINGS``; ``rules`` keeps 1.8's readings as an option). dev8 is new to them (none was read
   off it): there they drop "Gang of Eight" and "zero tolerance", two wrong figures. They were read off dev5 (the
   emphatic zero) and dev6 (the rest), and every figure they change on those two splits comes from a reading read off
   that split, so held out those splits keep the ``rules`` figures (``figures_context.READINGS_READ_OFF``); dev, dev2,
   dev3, dev4 and dev7 do not move.
2. **An option** (``figures.readings=readings19``: the fixes plus these): four context readings of :mod:`.context`
   (``CONTEXT_READINGS_1_9``): ``emphatic`` (an emphatic "100 percent": "there was 100% more than one shooter" is
   then "more than one shooter", lower; "supports Donald Trump 100 percent,", "One-hundred percent."; and "zero
   support"), ``counted_decades`` ("for fourteen centuries": 14 centuries; "three-plus decades": lower 3),
   ``into_point`` ("about 21 minutes into the video": a point in it), ``called_name`` ("a pet project known as 10,000
   women", "the 10,000 Women program"); and counted phrases that went on too short: past a dotted abbreviation
   ("four Democrat U.S. senators"), a hyphenated word ending in "-ly" ("152 single-family homes") and a few "-ly"
   adjectives ("two elderly women", "600 likely voters"). Read off: dev8's errors (``emphatic``, ``counted_decades``,
   ``into_point``, ``called_name``), dev4's bound errors ("three-plus decades"), AUDIT A of stop 25 (the 15 PolNeAR
   train files of ``/work/annot/s25/A``: the emphatic "100 percent" after a name or alone, "zero support", the unit
   cuts); ``figures_context.READ_OFF`` says where each was read.

Leave-one-split-out, quantity P/R at 0.5 and the rule scores' ECE, ``python -m presslens.training.figures_context
--data ../shared/data/ptc-semeval2020-task11 [--readings readings19]`` (the figures alone; its counts equal the
quantity row of ``presslens eval realnews``; "held out": 1.8's shipped context readings on, the 1.9 readings read off
the split off, the 1.7 readings replaced by ``rules`` on dev5 and dev6; the tool's "1.9 held out" column):

| split | 1.8 (branch start) | 1.9 default, in-sample | 1.9 default, held out | readings19, in-sample | readings19, held out |
|---|---|---|---|---|---|
| dev | 0.986 / 0.986 | 0.986 / 0.986 | 0.986 / 0.986 | 0.986 / 0.986 | 0.986 / 0.986 |
| dev2 | 0.994 / 0.994 | 0.994 / 0.994 | 0.994 / 0.994 | 0.994 / 0.994 | 0.994 / 0.994 |
| dev3 | 0.992 / 1.000 | 0.992 / 1.000 | 0.992 / 1.000 | 0.992 / 1.000 | 0.992 / 1.000 |
| dev4 | 0.994 / 0.982 | 0.994 / 0.982 | 0.994 / 0.982 | 1.000 (165/165) / 0.982 | 0.994 / 0.982 |
| dev5 | 0.959 / 0.943 | 0.970 (164/169) / 0.943 | 0.959 / 0.943 | 0.970 / 0.943 | 0.959 / 0.943 |
| dev6 | 0.938 / 0.958 | 0.993 (141/142) / 0.993 | 0.938 / 0.958 | 0.993 / 0.993 | 0.938 / 0.958 |
| dev7 | 0.991 / 0.973 | 0.991 / 0.973 | 0.991 / 0.973 | 0.991 / 0.973 | 0.991 / 0.973 |
| dev8 | 0.874 (90/103) / 0.928 (90/97) | 0.891 (90/101) / 0.928 | 0.891 (90/101) / 0.928 | 0.968 (92/95) / 0.948 (92/97) | 0.891 (90/101) / 0.928 |
| sum P | 0.971 (1228/1265) | 0.980 (1233/1258) | 0.972 (1228/1263) | 0.987 (1235/1251) | 0.972 (1228/1263) |
| sum R | 0.973 (1222/1256) | 0.977 (1227/1256) | 0.973 (1222/1256) | 0.979 (1229/1256) | 0.973 (1222/1256) |

Summed rule-score ECE (pooled): 1.8 0.068; 1.9 default in-sample 0.078, held out 0.069; readings19 in-sample 0.085.

The rule's inputs (written into this docstring, commit 945393b, before AUDIT B was read). Change 1: held-out precision
0.97075 -> 0.97229 (+0.0015: dev8's two wrong figures fewer), recall 0.97293 unchanged; it ships if the AUDIT B wrong
count does not rise. Change 2 (over change 1): held out it moves no open split (every reading is off on the splits it
was read off, and the unit fixes change no count), so it ships only if AUDIT B precision rises and its wrong count
does not rise. Only the quantity kind moves: the claims analyzer attaches figures to claims but scores without them;
checked on dev8 with the whole pipeline, ``presslens eval realnews --data ../shared/data/ptc-semeval2020-task11 --split
dev8 --json [--option figures.readings=rules]``: quantity 90/103 -> 90/101 right/asserted (ECE 0.057 -> 0.040), every
other kind and attribute identical.
The bound attribute (the eval's "quantity bound" line; the same tool's last line), summed over the eight splits: 1.8
357/364 right of the asserted bounds and 351/363 gold bounds found; the 1.9 default 360/366 and 354/363 in-sample,
357/364 and 351/363 held out; readings19 362/365 and 356/363 in-sample, held out as the default;
the largest group left is two misses each of an approximate bound spread over a list ("An estimated 329 of these
cases and 25 of the deaths") and a bound the guideline reads that no rule does ("Barely 30", "at least every 45
minutes", "couldn't get 1,000 signatures": upper): too few and too varied for a clean rule.

AUDIT A and AUDIT B (verdicts: the quant11 session's own judgments against GUIDELINE.md sections 3 and 8a, not gold,
stand-off in ``data/audits/s25/quant11/{A,B}.jsonl``; every asserted figure other than dates and ordinals, and every
number or number word without one), counted by ``python -m presslens.evaluation.figures_audit REPORTS.jsonl
data/audits/s25/quant11/A.jsonl`` (``B.jsonl``) on ``presslens analyze /work/annot/s25/A --only figures -f jsonl -o
REPORTS.jsonl [--option figures.readings=readings19]`` run with each tree:

| audit | 1.8 (branch start) | 1.9 default | readings19 |
|---|---|---|---|
| A (read to find patterns) | 137 asserted, 6 wrong, 2 missed (P 0.956, R 0.985) | the same figures | 134, 3 wrong, 2 missed (P 0.978, R 0.985; in-sample) |
| B (held out, read last) | 98 asserted, 4 wrong, 2 missed (P 0.959, R 0.979) | the same figures | the same figures |

B was judged after the code was final (commit 90c2796, all of 1.9's readings then on by default), the branch start
first; neither reading changes any finding of B's 15 files (dates included). Verdicts by the rule: change 1 passes
(held-out precision rises, recall does not fall, B's wrong count stays 4): **the default**. Change 2 fails (it moves
no held-out split and B's precision does not rise): **an option**, ``figures.readings=readings19``. The only code
change after B was read applies that verdict (the readings moved behind the option, unchanged). B's causes, left: "54
Below" (a venue), "three-dimensional view", "approaching their 80s" read as 80, "from one to three Supreme Court
appointments" read as three (a range missed), and the missed "a mere one-point difference". A's, left with the
default: the three emphatic figures ``readings19`` drops, "a 9-iron", "the $64,000 question", "a day in the life"
(idioms and names), the missed "a four-and-a-half-acre" and "a half-century".

The 466 figure-group texts of ``data/figures`` differ in 12 texts with the 1.9 default, each a completed unit ("20
media workers", "40 sick crew members", "Forty police officers") or a rate "a day" no longer a duration (figure
grouping reads the default readings; the grouping evaluations move with them).

The figure scorer (``figures.scores=calibrated``, an option) refitted on the eight open splits with the 1.9 default
readings (same features, same method; the 1.7 readings in-sample on dev5 and dev6), ``presslens train figures --data
../shared/data/ptc-semeval2020-task11 --check``, held out (1266 figures, 33 wrong): rules 0.980 (1233/1258) / 0.977
(1227/1256) / ECE 0.081 / log loss 193.1; per-class map 0.980 / 0.977 / 0.021 / 130.2 (shipped); logistic 0.976
(1233/1263) / 0.977 / 0.025 / 139.2. Per split (classes ECE): dev 0.013, dev2 0.019, dev3 0.014, dev4 0.021, dev5
0.012, dev6 0.018, dev7 0.010, dev8 0.092 (dev8's wrong figures sit at high rule scores). The asserted figures are the
same with either score, so it stays an option.

Refit at stop 26 (issue 13; dev9 opened): the figure scorer refitted on the nine open splits with the 1.9 default
readings (same features, same method; no reading was read off dev9, so it is held out for every reading; the 1.7
readings in-sample on dev5 and dev6), ``presslens train figures --data ../shared/data/ptc-semeval2020-task11
--check``, held-out P / R / ECE / log loss per split (1403 figures, 39 wrong; the asserted figures are the same with
every score but the logistic one):

| held out | rules | logistic | classes (shipped) |
|---|---|---|---|
| dev | 0.986 / 0.986 / 0.077 / 36.2 | 0.975 / 0.986 / 0.026 / 24.7 | 0.986 / 0.986 / 0.015 / 21.3 |
| dev2 | 0.994 / 0.994 / 0.078 / 17.6 | 0.994 / 0.994 / 0.021 / 11.0 | 0.994 / 0.994 / 0.021 / 7.9 |
| dev3 | 0.992 / 1.000 / 0.087 / 14.9 | 0.992 / 1.000 / 0.021 / 6.2 | 0.992 / 1.000 / 0.016 / 7.5 |
| dev4 | 0.994 / 0.982 / 0.093 / 19.6 | 0.994 / 0.982 / 0.026 / 10.9 | 0.994 / 0.982 / 0.021 / 8.0 |
| dev5 | 0.970 / 0.943 / 0.073 / 32.5 | 0.970 / 0.943 / 0.018 / 24.8 | 0.970 / 0.943 / 0.010 / 22.7 |
| dev6 | 0.993 / 0.993 / 0.100 / 19.6 | 0.993 / 0.993 / 0.016 / 7.3 | 0.993 / 0.993 / 0.018 / 7.2 |
| dev7 | 0.991 / 0.973 / 0.093 / 14.6 | 0.991 / 0.973 / 0.021 / 5.8 | 0.991 / 0.973 / 0.012 / 6.9 |
| dev8 | 0.891 / 0.928 / 0.040 / 38.1 | 0.891 / 0.928 / 0.092 / 45.0 | 0.891 / 0.928 / 0.089 / 45.5 |
| dev9 | 0.956 / 0.992 / 0.066 / 30.4 | 0.956 / 0.992 / 0.029 / 26.3 | 0.956 / 0.992 / 0.023 / 26.1 |
| sum | 0.978 (1364/1395) / 0.978 (1358/1388) / 0.079 / 223.5 | 0.976 (1364/1398) / 0.978 / 0.028 / 162.0 | 0.978 (1364/1395) / 0.978 / 0.022 / 153.1 |

The per-class map wins again on summed held-out log loss (153.1 against 162.0; prior strength 1.0 on all nine
splits); on dev9, new to the eight-split fits, its ECE is 0.023 against the rule scores' 0.066. The asserted figures
are the same with either score, so it stays an option (sha256 above; ``tests/test_figures_scorer_fit.py`` checks
that the file names every open split). The figure-group models do not read this scorer: grouping runs the figures
analyzer with its default rule scores.

Speed (1.9 against the branch start 4e85a94, BASE from ``git archive 4e85a94 src``, on the 15 files of AUDIT A, a
shared 2-core host): the whole pipeline, ``python bench/ab_speed.py --a BASE/src --b src /work/annot/s25/A --rounds
3``, median per-round ratio B/A 1.242 in a first run (rounds 1.003, 1.397, 1.242: the host was busy) and 0.996 in a
second (0.996, 1.022, 0.963); the figures alone, ``python bench/figures_ab.py --a BASE/src --b src /work/annot/s25/A
--rounds 6 --repeat 10`` (process CPU time), 0.943 (0.790-1.348). The figures cost the same within the host's noise.

Stop 26 (issue 13; dev9 opened): nine context readings of :mod:`.context` (``CONTEXT_READINGS_S26``), the option
``figures.readings=readings26`` (the fixes, 1.8's context readings and these): ``idiom26`` ("think twice", "ground
zero", "4-wheelers" / "an 18-wheeler": no figures), ``index_stock`` ("Standard & Poor's 500-stock index": a name),
``year_span`` ("the winter of 2004-5", "2008-9": the second year of a span is a date), ``code26`` ("the 501 c3
organization": a tax code written without brackets), ``share_name`` ("founded One in Four, the ...": a share written
as a capitalised name inside a sentence), and four that add figures the patterns missed: ``point_words`` ("a nine
percentage point edge", "by one point", "a mere one-point difference"; not "at one point"), ``half_scale`` ("at least
a half-billion dollars"), ``half_bound`` ("more than half have", "by nearly half for", "about half said": a bound or
"by" before a "half" that no noun follows), ``candidate_adj`` ("a three-candidate matchup"). Read off
(``figures_context.READ_OFF``): dev9's errors (``share_name``; "ground zero" and "4-wheelers" of ``idiom26``) and
AUDIT A of stop 26 (the 15 PolNeAR train files of ``/work/annot/s26/A``: the rest; "by one point", "one-point
difference" and "three-candidate" were misses of earlier audits too); dev9 is in-sample for ``idiom26`` and
``share_name``, every other split held out for all nine.

The rule's inputs (written here before the leave-one-split-out table was computed). The change: ``readings26``
against the default ``fixes``, judged with ``python -m presslens.training.figures_context --data
../shared/data/ptc-semeval2020-task11 --readings readings26`` (column "readings26 held out": on each split the
readings read off it are off, and dev5 / dev6 keep the ``rules`` readings as for the default; against the column
"default held out"). It ships as the default only if the summed held-out quantity precision at 0.5 over the nine
open splits rises, recall falls by at most half that rise, and the number of wrong asserted figures in AUDIT B (the
15 files of ``/work/annot/s26/B``, judged last, the default first) does not rise; if it moves no held-out split, only
if AUDIT B's precision rises and its wrong count does not. Only the quantity kind can move (the claims analyzer
attaches figures but scores without them).

Leave-one-split-out, quantity P/R at 0.5 and the rule scores' ECE, ``python -m presslens.training.figures_context
--data ../shared/data/ptc-semeval2020-task11 --readings readings26`` (columns "default held out" and "readings26 held
out"; "in-sample": every stop-26 reading on):

| split | default (fixes), held out | readings26, held out | readings26, in-sample (every reading on) |
|---|---|---|---|
| dev .. dev8 | (the 1.9 table's held-out cells) | the default's, every split | the default's in-sample cells |
| dev9 | 0.956 (131/137) / 0.992 (131/132) | 0.956 (131/137) / 0.992 | 0.978 (131/134) / 0.992 |
| sum | 0.971 (1359/1400) / 0.975 (1353/1388) / ECE 0.069 | 0.971 (1359/1400) / 0.975 (1353/1388) / 0.069 | 0.980 (1364/1392) / 0.978 (1358/1388); the default in-sample 0.978 (1364/1395) / 0.978 |

No held-out split moves: the audit-A readings find nothing in the nine open splits, and the two dev9 readings
("ground zero", "4-wheelers", "One in Four") fix three of dev9's six wrong figures in-sample only. On the 825
PolNeAR train files outside AUDIT B, ``readings26`` changes 32 figures, each a fix by the engineer's reading (21
figures added: "three-percentage-point margin", "by one percentage point", "Nearly half said", "an eight-candidate
main event", ...; 9 dropped or made dates: "think twice", "Ground zero is Florida", the index, "2004-5", "501 c3";
``python /work/annot/s26/quant12/tools/pool_diff.py POOL fixes readings26``).

AUDIT A and AUDIT B (verdicts: the quant12 session's own judgments against GUIDELINE.md sections 3 and 8a, not gold,
stand-off in ``data/audits/s26/quant12/{A,B}.jsonl``, kind ``quantity``, runs ``before`` = the default and
``after`` = ``readings26``), counted by ``python -m presslens.evaluation.figures_audit REPORTS.jsonl
data/audits/s26/quant12/A.jsonl --run before|after`` on ``presslens analyze /work/annot/s26/A --only figures -f jsonl
-o REPORTS.jsonl [--option figures.readings=readings26]``:

| audit | default | readings26 |
|---|---|---|
| A (read to find patterns) | 256 asserted, 7 wrong, 7 missed (P 0.973, R 0.973) | 258, 3 wrong, 1 missed (P 0.988, R 0.996; in-sample) |
| B (held out, read last) | 112 asserted, 2 wrong, 5 missed (P 0.982, R 0.957) | the same figures |

B was judged after the code was final (commit 1bf9135), the default first; ``readings26`` changes no finding of B's
15 files. By the rule (inputs above): no held-out split moves and B's precision does not rise, so ``readings26``
**stays an option**, ``figures.readings=readings26``; the default is unchanged (1.9). B's causes, left: "earns Three
Pinocchios" (a rating), "six minutes into the event" (a point in time; 1.9's ``into_point`` lists recordings only);
missed "less than one percent" ("one" before "percent" is not read), "more than 30,000e-mails" (glued), "at least
one \"state.gov\" address", a headline "Half Clinton's ... meetings", "citizens,15 French" (no space after the
comma). A's, left with ``readings26``: "an anecdote or two" (an idiom read as 2), "a day's work" (a rate), "ranked in
America's top 10", the missed bare "half said so". dev9's, left: "A DAY AGO" in a dateline, "600 to 150 yards"
(a range written high to low).

Speed (against the branch start daf6630, BASE from ``git archive daf6630 src``, on the 15 files of AUDIT A of stop
26): the figures alone, ``python bench/figures_ab.py --a BASE/src --b src /work/annot/s26/A --rounds 6 --repeat 10``,
median per-round ratio B/A 0.996 (0.909-1.006); the default path adds one set test per figure.

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
