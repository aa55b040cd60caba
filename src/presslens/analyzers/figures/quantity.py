"""Putting a quantity together: ranges, units and counted nouns, currency, bounds, and the label."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any

from presslens.analyzers.figures.atoms import (
    PERCENT_AFTER,
    Atom,
    clean_number,
    find_atoms,
    parse_digits,
    parse_number_words,
)
from presslens.analyzers.figures.context import (
    CONTEXT_READINGS_1_8,
    CONTEXT_READINGS_1_9,
    CONTEXT_READINGS_S26,
    CONTEXT_READINGS_S27,
    CONTEXT_READINGS_S28,
    CONTEXT_READINGS_S29,
    CONTEXT_READINGS_S30,
    CONTEXT_READINGS_S31,
    CONTEXT_READINGS_S32,
    apply_context_readings,
)
from presslens.analyzers.figures.specials import UNIT_OF_ONE_SCORE, YEAR_CONTEXT_BEFORE, find_specials
from presslens.analyzers.figures.vocabulary import (
    BOUND_AFTER,
    BOUND_AFTER_UNIT,
    BOUND_BEFORE,
    BOUND_KIND,
    CURRENCY_PREFIX,
    CURRENCY_WORD_RE,
    CURRENCY_WORDS,
    IGNORE_CASE,
    MEASURE_UNITS,
    NOT_ADVERBS,
    SCALES,
    STOP_AFTER,
    TIME_UNITS,
    looks_plural,
)
from presslens.text.wordstarts import WordStarts

# Putting a quantity together
# ---------------------------------------------------------------------------------------------------


@dataclass
class Quantity:
    start: int
    end: int
    label: str
    number: tuple[int, int]
    value: float | None = None
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    unit_span: tuple[int, int] | None = None
    currency: str | None = None
    bound: str | None = None
    bound_span: tuple[int, int] | None = None
    vague: bool = False
    malformed: bool = False
    likely_values: list[float] = field(default_factory=list)
    score: float = 0.95
    extra: dict[str, Any] = field(default_factory=dict)


_CURRENCY_BEFORE = re.compile(r"(?P<c>US\$|[$€£₽₴¥]|\b(?:USD|EUR|GBP|RUB|UAH)\b)\s?$")
# "300,000 euros", and as a measure adjective: "a billion-dollar cash machine", "a 20-dollar bill"
_CURRENCY_AFTER = re.compile(rf"^(?:\s*|-)(?P<c>{CURRENCY_WORD_RE})\b", IGNORE_CASE)
_DURATION_AFTER = re.compile(rf"^(?:\s+|-)(?P<u>{TIME_UNITS})(?:['’]s?)?\b(?!\s*[- ]old)", IGNORE_CASE)
_MEASURE_AFTER = re.compile(rf"^(?:\s?|-)(?P<u>{MEASURE_UNITS})(?![A-Za-z])", IGNORE_CASE)
_ORDINAL_AFTER = re.compile(r"^(?P<u>st|nd|rd|th)\b", IGNORE_CASE)
_SPACED_ORDINAL_AFTER = re.compile(r"[ ](?P<u>st|nd|rd|th)\b")


def _ordinal_suffix(value: float) -> str:
    """The English ordinal suffix of a whole number: 1st, 2nd, 3rd, 11th, 20th."""
    n = int(value)
    if n % 100 in {11, 12, 13}:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
_WORD = re.compile(r"[A-Za-z][A-Za-z’'-]*")
# a dotted abbreviation inside a counted phrase, before its next word: "four Democrat U.S. senators", "40 U.S.-made
# missiles", "three U.N. envoys" (figures 1.9: the phrase was cut at "U")
_ABBREVIATION = re.compile(r"(?:[A-Z]\.){2,}(?:-[a-z]+)?(?=[ ][a-z])")
# adjectives ending in "-ly" that stand before a counted noun ("two elderly women", "600 likely voters")
_LY_ADJECTIVES = frozenset({"elderly", "early", "likely", "unlikely", "deadly", "costly", "daily", "weekly", "monthly",
                            "yearly", "quarterly", "friendly", "holy", "lonely", "orderly", "lowly"})


_CHANGE_BEFORE = re.compile(
    r"\b(?:rais|increas|ris|rose|grow|grew|climb|jump|soar|fell|fall|drop|cut|reduc|lower|decreas|slash|"
    r"doubl|tripl|shrank|shrink|declin|boost|hik|went|go(?:es|ne)?|moved?|chang|expand|narrow|widen)\w*\b"
    r"[^.;:!?]*$",
    IGNORE_CASE,
)


def _range_pairs(text: str, atoms: list[Atom], general: bool = False,
                 fixes: bool = False) -> list[tuple[Atom, Atom, int]]:
    """Consecutive atom pairs forming a range; the int is the start of "between"/"from" or -1."""
    pairs: list[tuple[Atom, Atom, int]] = []
    i = 0
    while i + 1 < len(atoms):
        a, b = atoms[i], atoms[i + 1]
        gap = text[a.end : b.start]
        before = text[max(0, a.start - 12) : a.start]
        before = text[max(0, a.start - 32) : a.start]
        pre = re.search(r"\b(?P<w>between|from)\s+(?:the\s+ages?\s+of\s+)?(?:[$€£₽₴¥]|US\$)?$", before, IGNORE_CASE)
        ok = False
        if pre and pre.group("w").lower() == "from" and _CHANGE_BEFORE.search(
            text[max(0, a.start - 80 - (len(before) - pre.start())) : a.start - (len(before) - pre.start())]
        ):
            i += 1  # "raise the tax from 7 to 11 percent": two values, a change, not a range
            continue
        if a.value is not None and b.value is not None and 0 <= b.value <= a.value and not b.has_scale:
            i += 1  # "a margin of 51 to 49", "a 4-to-4 split": two values, not a range
            continue
        if pre and pre.group("w").lower() == "between" and re.fullmatch(
            r"\s*(?:%|per\s*cent|percent)?\s*(?:and|-|–)\s*(?:[$€£₽₴¥])?", gap, IGNORE_CASE
        ):  # "between 10 and 20", "between 30% and 40%", "between 30 percent and 40 percent"
            ok = True
        elif general and a.year_like and re.search(r"[$€£₽₴¥]", gap) and not _CURRENCY_BEFORE.search(text[max(0, a.start - 4) : a.start]):
            ok = False  # "from $362 million in 2014 to $557 million": a year, then an amount, not a range
        elif re.fullmatch(r"\s*(?:-|–|—|to)\s*(?:[$€£₽₴¥]|US\$)?", gap, IGNORE_CASE) and a.kind != "vague" and b.kind != "vague":
            ok = pre is not None or not (a.year_like and b.year_like)
            if re.fullmatch(r"\s*to\s*", gap, IGNORE_CASE) and pre is None and not (a.kind == b.kind == "digits") and not (
                a.value is not None and b.value is not None and 1 <= a.value < b.value
            ):
                ok = False  # "ten to 15 years", "five to six thousand" are ranges (a rising pair); "one to one" is not
            if re.fullmatch(r"[-–]", gap) and a.kind == "words":
                ok = False
        elif re.fullmatch(r"\s*%?\s*(?:-|–|to)\s*", gap, IGNORE_CASE) and a.kind == b.kind == "digits" and text[a.end:a.end + 1] == "%":
            ok = True
        elif fixes and _PERCENT_TO_GAP.fullmatch(gap) and a.kind == b.kind == "digits" and PERCENT_AFTER.match(text[b.end :]) \
                and (pre is not None or _BY_BEFORE.search(text[max(0, a.start - 4) : a.start])):
            # "varied from 25 percent to 90 percent", "cut emissions by 5 percent to 15 percent": the unit written after
            # both ends (without "from"/"by", "lost the state 36 percent to 51 percent" is a result: two figures)
            ok = True
        elif re.fullmatch(r"[ ]+or[ ]+", gap) and _alternative_range(a, b):
            ok = True  # "four or five times", "two or three days": an approximate count given as a range
        if ok:
            start = a.start - (len(before) - pre.start()) if pre else -1
            pairs.append((a, b, start))
            i += 2
        else:
            i += 1
    return pairs


_BY_BEFORE = re.compile(r"\bby[ ]$", IGNORE_CASE)
_PERCENT_TO_GAP = re.compile(r"[ ]+(?:percent|per[ ]cent)[ ]+(?:to|-|–)[ ]+", IGNORE_CASE)


def _alternative_range(a: Atom, b: Atom) -> bool:
    """ "four or five", "10 or 12": two numbers of one kind and scale joined by "or", the second a little larger
    (at most twice the first), read as a range; "2015 or 2016" (years) and "one or the other" are not."""
    if a.kind != b.kind or a.kind == "vague" or a.has_scale != b.has_scale or a.year_like or b.year_like:
        return False
    return a.value is not None and b.value is not None and 1 <= a.value < b.value <= 2 * a.value + 1


def _unit_phrase(text: str, pos: int, fixes: bool = False, units19: bool = False) -> tuple[int, int] | None:
    """The counted noun phrase right after ``pos``: up to three words, skipping one "of" (and "the"). With
    ``fixes`` (the 1.7 readings) a collective noun used as a modifier goes on to its noun ("two Ohio police
    officers") and "past" right after "of the" ends the phrase like "last" ("five of the past six elections").
    With ``units19`` (the option ``figures.readings=readings19``) the phrase goes on past a dotted abbreviation, a
    hyphenated word ending in "-ly" and a few "-ly" adjectives."""
    m = re.match(r"\s+of\s+(?:the\s+)?", text[pos:], IGNORE_CASE)
    p = pos + (m.end() if m else 0)
    words: list[tuple[int, int]] = []
    while len(words) < 3:
        if words:
            gap = re.match(r"[ ]+", text[p:])
        else:  # right after "of (the) " nothing more to skip; right after the number a space or "-strong"
            gap = re.match(r"" if m else r"[ ]+|-", text[p:])
        if not gap:
            break
        q = p + gap.end()
        w = (_ABBREVIATION.match(text, q) if units19 else None) or _WORD.match(text, q)  # "four Democrat U.S. senators"
        if not w:
            break
        word = w.group(0)
        low = word.lower()
        if word.endswith("-") or low in STOP_AFTER or low in SCALES or parse_number_words(low) is not None:
            break
        if fixes and low == "past" and m and not words:
            break  # "five of the past six elections" (but "two past elections" counts past elections)
        if low.endswith("ly") and len(low) > 4 and low not in NOT_ADVERBS and not (units19 and (
            "-" in low or (low in _LY_ADJECTIVES and _followed_by_word(text, w.end())))
        ):
            break  # an adverb ends the phrase; not "152 single-family homes", "two elderly women", "600 likely voters"
        if words and (low.endswith("ed") or (word[0].isupper() and not text[words[-1][0]].isupper()
                                             and not _plural_noun_follows(text, w.end()))):
            break  # "two men Putin sent" ends at "men"; "additional Hispanic voters" goes on to its noun
        if not words and low.endswith("ed") and not _followed_by_word(text, w.end()):
            break  # "300 stayed", "12 killed in": a verb, not an adjective before a noun
        if re.fullmatch(TIME_UNITS, low) and words:
            break
        words.append((w.start(), w.end()))
        p = w.end()
        if looks_plural(low) and not (units19 and low in _LY_ADJECTIVES) and not (fixes and len(words) < 3 and _modifier_before_plural(text, low, w.end())):
            break  # the head noun of a counted phrase: "Russian men", "new rifles" (not "police" of "police officers")
    if not words:
        return None
    return words[0][0], words[-1][1]


def _plural_noun_follows(text: str, pos: int) -> bool:
    """A lower-case plural noun is the next word ("Hispanic voters")."""
    w = re.match(r"[ ]([a-z][a-z’'-]*)", text[pos:pos + 40])
    return w is not None and w.group(1) not in STOP_AFTER and looks_plural(w.group(1))


# collective nouns that also modify a following noun: "police officers", "crew members", "media workers"
_COLLECTIVE_MODIFIERS = frozenset({"police", "staff", "crew", "militia", "media", "aircraft", "youth", "data",
                                   "personnel", "livestock", "cattle", "sheep"})


def _modifier_before_plural(text: str, word: str, pos: int) -> bool:
    """ "two Ohio police officers": a collective noun right before a plural noun modifies it (the 1.7 readings);
    a regular plural before another "-s" word is a subject before its verb ("3 tanks holds")."""
    if word not in _COLLECTIVE_MODIFIERS:
        return False
    nxt = re.match(r"[ ]([a-z]{3,})\b", text[pos : pos + 40])
    return nxt is not None and nxt.group(1) not in STOP_AFTER and nxt.group(1).endswith("s") and \
        looks_plural(nxt.group(1))


def _followed_by_word(text: str, pos: int) -> bool:
    w = re.match(r"[ ]+([A-Za-z][A-Za-z’'-]*)", text[pos:])
    if w is None:
        return False
    word = w.group(1).lower()
    return word not in STOP_AFTER and not word.endswith("ly")


# "at least a three-day waiting period", "nearly a 20-year sentence": a bound word before the article of a number
# adjective bounds the number (only these unambiguous bound words: "under a 10-year deal" is no bound)
_BOUND_BEFORE_ARTICLE = re.compile(
    r"\b(?:at[ ]+least|at[ ]+most|more[ ]+than|less[ ]+than|nearly|almost|roughly|approximately|up[ ]+to)[ ]+an?[ ]+$",
    IGNORE_CASE,
)


def _apply_bound(text: str, q: Quantity, general: bool = False) -> None:
    if q.start == q.number[0] and q.unit_span is not None and q.unit_span[0] > q.number[1] \
            and text[q.number[1] : q.number[1] + 1] == "-":
        art = _BOUND_BEFORE_ARTICLE.search(text[max(0, q.start - 24) : q.start])
        if art:
            b_start = q.start - (len(text[max(0, q.start - 24) : q.start]) - art.start())
            phrase = re.sub(r"[ ]+an?[ ]+$", "", text[b_start : q.start])
            q.bound = next((k for pat, k in BOUND_KIND if pat.match(phrase)), "approx")
            q.bound_span = (b_start, b_start + len(phrase))
            q.start = b_start
            return
    m = BOUND_BEFORE.search(text[max(0, q.start - 30) : q.start])
    if m:
        b_start = q.start - (len(text[max(0, q.start - 30) : q.start]) - m.start("b"))
        phrase = text[b_start : q.start].strip()
        if phrase.lower() == "some" and (q.vague or q.label == "age"):
            return  # "some hundreds", "even some 17-year-old girls": a determiner, not a bound
        if phrase.lower() == "within" and q.label not in {"duration", "measure"}:
            return  # "within 48 hours" is at most 48 hours; "within 5 percent" is not a bound on 5
        if phrase.lower() in {"over", "under", "above", "below"} and q.label in {"date", "age"}:
            return
        if re.fullmatch(r"(?:more|less|fewer)\s+than", phrase, IGNORE_CASE) and _AMOUNT_END_BEFORE.search(
                text[max(0, b_start - 24) : b_start]):
            return  # "$74 million more than a year ago", "5 percent less than in 2014": a comparison, not a bound
        if phrase.lower() == "over" and (
            (q.label == "duration" and _FIGURE_END_BEFORE.search(text[max(0, b_start - 16) : b_start]))
            or _PERIOD_AFTER.match(text, q.end)
            or (q.unit is not None and _PERIOD_AFTER.match(" " + q.unit.split()[-1]))
        ):
            # "$750,000 over twelve months", "5% over three years", "16 arrests over 4-day period": the period a
            # figure is spread over, not "more than"
            return
        kind = "approx"
        for pat, k in BOUND_KIND:
            if pat.match(phrase):
                kind = k
        q.bound = kind
        q.bound_span = (b_start, b_start + len(phrase))
        q.start = b_start
        if kind == "approx" and general:
            _suffix_bound(text, q, approx_only=False)  # "an estimated 40 or more warheads": at least 40
        return
    _suffix_bound(text, q, approx_only=True, general=general)


def _suffix_bound(text: str, q: Quantity, approx_only: bool, general: bool = True) -> None:
    """The bound written after the number or its unit ("260,000+", "1,000 troops or more", "voters 45 and older").
    With ``approx_only`` false (a prefix already said "about"), only a lower or upper bound replaces it."""
    before = (q.bound, q.bound_span, q.end)
    m2 = BOUND_AFTER.match(text[q.number[1] :])
    if m2 and not general and (m2.group("b") or "").lower().startswith("and"):
        m2 = None  # "45 and older" is a bound only in the general readings
    if m2 is None and q.end > q.number[1] and not q.vague:
        after_unit = BOUND_AFTER_UNIT.match(text[q.end : q.end + 40])
        if after_unit and not general and after_unit.group("b").lower().startswith("and"):
            after_unit = None
        if after_unit and (after_unit.group("end") is not None or after_unit.group("next").lower() in STOP_AFTER):  # "1,000 troops or more", "200 people or so": the same bound, after the unit
            q.bound = _suffix_bound_kind(after_unit.group("b"))
            q.bound_span = (q.end + after_unit.start("b"), q.end + after_unit.end("b"))
            q.end = q.bound_span[1]
    elif m2:
        group = "plus" if m2.group("plus") else "odd" if m2.group("odd") else "b"
        word = m2.group(group).lower()
        q.bound = "lower" if word in {"+", "plus", "-plus"} else _suffix_bound_kind(word)
        q.bound_span = (q.number[1] + m2.start(group), q.number[1] + m2.end(group))
        q.end = max(q.end, q.bound_span[1])
    if not approx_only and q.bound not in {"lower", "upper"}:
        q.bound, q.bound_span, q.end = before


# a figure ends right before "over": a digit, a per-cent sign, a scale or a currency word ("$750,000 over", "5% over",
# "$1 billion over", "3 percent over")
_FIGURE_END_BEFORE = re.compile(
    r"(?:\d|%|\b(?:percent|cent|million|billion|trillion|thousand|hundred|bn|mn|dollars|euros|pounds|roubles|rubles))"
    r"[ ]+$",
    IGNORE_CASE,
)


# an amount with its scale, currency or per cent written out ends right before "more than": "$74 million more than",
# "$5 more than", "10 percent less than" (a bare number is not enough: "in 2014 more than 300 died")
_AMOUNT_END_BEFORE = re.compile(
    r"(?:%|[$€£]\d[\d,.]*|\b(?:percent|million|billion|trillion|bn|mn|dollars|euros|pounds|times))[ ]+$", IGNORE_CASE
)
_FROM_POINT_AFTER = re.compile(r"[ ]+from[ ]+(?:now|today|tomorrow|yesterday|[A-Z][a-z]*day)\b")
_PERIOD_AFTER = re.compile(r"[ ]+(?:period|span|stretch|window|timeframe|time-frame)s?\b", IGNORE_CASE)


def _suffix_bound_kind(phrase: str) -> str:
    word = phrase.lower()
    if re.search(r"more|over|above|higher|older|\bup\b", word):
        return "lower"
    return "approx" if word.endswith(("so", "odd")) else "upper"  # "or so", "2,000-odd": approximate


def _plural_unit(unit: str) -> str:
    if unit.endswith("s"):
        return unit
    return "centuries" if unit == "century" else unit + "s"


def _classify(text: str, q: Quantity, first: Atom, last: Atom, fixes: bool = False, units19: bool = False) -> None:
    """Label, unit and currency from what surrounds the number(s)."""
    pos = q.number[1]
    cur_before = _CURRENCY_BEFORE.search(text[max(0, q.number[0] - 4) : q.number[0]])
    if cur_before:
        code, word = CURRENCY_PREFIX[cur_before.group("c").lower()]
        q.currency, q.unit = code, word
        q.start = q.number[0] - (len(text[max(0, q.number[0] - 4) : q.number[0]]) - cur_before.start("c"))
        q.unit_span = (q.start, q.start + len(cur_before.group("c")))
        q.label = "money"
        return
    pm = PERCENT_AFTER.match(text[pos:])
    if pm:
        q.label = "percent"
        q.unit = "percentage points" if pm.group("pp") else "percent"
        q.unit_span = (pos + pm.start(pm.lastgroup or 0), pos + pm.end())
        q.end = pos + pm.end()
        return
    cm = _CURRENCY_AFTER.match(text[pos:])
    if cm:
        word = re.sub(r"\s+", " ", cm.group("c"))
        if cm.group(0).startswith("-") and word.lower() in {"dollar", "euro", "pound", "rouble", "ruble"}:
            word += "s"  # "a billion-dollar machine": the unit is dollars
        q.currency = CURRENCY_WORDS.get(word.lower())
        q.unit = word
        q.unit_span = (pos + cm.start("c"), pos + cm.end("c"))
        q.end = pos + cm.end()
        q.label = "money"
        return
    dm = _DURATION_AFTER.match(text[pos:])
    if dm and first.kind != "vague":
        q.label = "duration"
        q.unit = _plural_unit(dm.group("u").lower())
        q.unit_span = (pos + dm.start("u"), pos + dm.end("u"))
        q.end = pos + dm.end("u")
        return
    mm = _MEASURE_AFTER.match(text[pos:])
    if mm and last.kind != "vague":
        q.label = "measure"
        q.unit = mm.group("u")
        q.unit_span = (pos + mm.start("u"), pos + mm.end("u"))
        q.end = pos + mm.end("u")
        return
    om = _ORDINAL_AFTER.match(text[pos:])
    ordinal_end = pos + om.end() if om else None
    if om is None and fixes and last.kind == "digits" and q.value is not None:
        spaced = _SPACED_ORDINAL_AFTER.match(text, pos)  # "Paris 20 th": an ordinal typed with a space
        if spaced and spaced.group("u") == _ordinal_suffix(q.value):
            ordinal_end = spaced.end()
    if ordinal_end is not None and last.kind == "digits" and q.value is not None:
        q.label = "ordinal"
        q.end = ordinal_end
        unit = _unit_phrase(text, q.end, fixes, units19)
        if unit:
            q.unit, q.unit_span, q.end = text[unit[0] : unit[1]], unit, unit[1]
        return
    suffix_bound = BOUND_AFTER.match(text[pos:])
    unit = _unit_phrase(text, pos + suffix_bound.end() if suffix_bound else pos, fixes, units19)
    if unit:
        q.unit_span = unit
        q.unit = text[unit[0] : unit[1]]
        q.end = unit[1]


def _years_in_brackets(text: str, a: Atom, b: Atom) -> bool:
    """ "(1378-1417)": two rising four-digit numbers alone in brackets are a span of years (a life, a reign, a schism),
    also before 1800, where ``year_like`` stops."""
    if a.kind != "digits" or b.kind != "digits" or a.value is None or b.value is None or a.has_scale or b.has_scale:
        return False
    if not (re.fullmatch(r"\d{4}", text[a.start : a.end]) and re.fullmatch(r"\d{4}", text[b.start : b.end])):
        return False
    return (1000 <= a.value < b.value <= 2100 and text[a.start - 1 : a.start] == "("
            and text[b.end : b.end + 1] == ")")


_OLD_YEAR_BEFORE = re.compile(r"\b(?:in|since|until|till|year|circa|c\.)\s+$", IGNORE_CASE)


def _old_year(text: str, atom: Atom) -> bool:
    """A 1000-1799 number after "in"/"since"... and before a comma or stop: a year ("in 1066, rioting ...")."""
    return (atom.kind == "digits" and atom.value is not None and not atom.has_scale
            and re.fullmatch(r"1[0-7]\d\d", text[atom.start : atom.end]) is not None
            and _OLD_YEAR_BEFORE.search(text[max(0, atom.start - 8) : atom.start]) is not None
            and re.match(r"\s*(?:[,.;:)]|$)", text[atom.end : atom.end + 2]) is not None)


_YEAR_WORD_BEFORE = re.compile(r"\byear[ ]+$", IGNORE_CASE)


def _year_named(text: str, atom: Atom) -> bool:
    """ "In the year 718,": any number right after "year" and before no unit is a year."""
    return (atom.kind == "digits" and atom.value is not None and not atom.has_scale and atom.end - atom.start <= 4
            and _YEAR_WORD_BEFORE.search(text[max(0, atom.start - 6) : atom.start]) is not None
            and _unit_phrase(text, atom.end) is None)


_NAME_BEFORE = re.compile(r"\b(?P<w>[A-Z][A-Za-z]+)[ ]$")
_NAME_NUMBER_AFTER = re.compile(r"(?:[,.;:!?”\"’)]|[ ]*$)", re.MULTILINE)


def _names_a_thing(text: str, atom: Atom) -> bool:
    """ "Confidential Source 1,", "according to KENS 5.", "Deuteronomy 28.": a bare number right after a capitalised
    word and before a punctuation mark is part of a name or a reference, not a figure (a headline's "Kills 12,"
    and a bound word such as "About 50." excepted)."""
    if atom.kind != "digits" or atom.has_scale or atom.year_like or atom.value is None:
        return False
    if not re.fullmatch(r"\d{1,4}", text[atom.start : atom.end]):
        return False
    name = _NAME_BEFORE.search(text[max(0, atom.start - 30) : atom.start])
    if name is None or not _NAME_NUMBER_AFTER.match(text, atom.end):
        return False
    word = name.group("w").lower()
    if BOUND_BEFORE.search(text[max(0, atom.start - 30) : atom.start]) or word in STOP_AFTER or word.endswith("ly"):
        return False  # "About 50.", "Barely 30,": a bound or an adverb, not a name
    return not _in_title_case_line(text, atom.start - len(name.group(0)))


# "the big-money 2016 players", "Record-setting 2016 spending spree", "Trump's 2016 campaign": a year after a
# compound (hyphenated) modifier or a possessive is itself a modifier, a date
_MODIFIER_BEFORE = re.compile(r"(?:[A-Za-z]-[A-Za-z]+|['’]s)[ ]+$")


def _year_is_date(text: str, atom: Atom) -> bool:
    """A bare 1800-2100 number: a date unless it counts something ("2000 soldiers")."""
    if YEAR_CONTEXT_BEFORE.search(text[max(0, atom.start - 14) : atom.start]):
        return True
    if _MODIFIER_BEFORE.search(text[max(0, atom.start - 24) : atom.start]):
        return True
    if re.match(r"[ ]+[A-Z]", text[atom.end : atom.end + 2]) and not BOUND_BEFORE.search(
        text[max(0, atom.start - 30) : atom.start]
    ):
        return True  # "Saviours' Day 2018 Address", "2018 Los Angeles Times": a year in a name
    if BOUND_BEFORE.search(text[max(0, atom.start - 30) : atom.start]):
        return False
    unit = _unit_phrase(text, atom.end)
    # "2000 soldiers" counts; "the administration's 2010 approval" names a year (a count takes a plural noun)
    return unit is None or not looks_plural(text[unit[0] : unit[1]].split()[-1].lower())


def _in_title_run(text: str, a: Atom) -> bool:
    """ "Pope Francis Five Years after His Election", "Francis @ Five:": a capitalised number word inside a
    run of capitalised words (a title or a name) and not at a sentence start."""
    if not text[a.start : a.start + 1].isupper():
        return False
    before = re.search(r"(?:([A-Z][A-Za-z’'-]*)|[@#&])[ ]+$", text[max(0, a.start - 30) : a.start])
    if before is None:
        return False
    after = re.match(r"(?:[ ]+[A-Z]|[:”\"])", text[a.end : a.end + 2])
    return after is not None


def _in_title_case_line(text: str, pos: int) -> bool:
    """A capitalised word not at its line's start, in a line of mostly capitalised words (a headline)."""
    if not text[pos : pos + 1].isupper():
        return False
    window = 300  # headlines are short; a bounded look keeps this linear on texts without line breaks
    line_start = text.rfind("\n", max(0, pos - window), pos) + 1 or max(0, pos - window)
    line_end = text.find("\n", pos, pos + window)
    line = text[line_start : line_end if line_end >= 0 else min(len(text), pos + window)]
    if not text[line_start:pos].strip() or re.search(r"[.:!?“\"]\s*$", text[line_start:pos]):
        return False  # a line start or a sentence start ("..., 2017: Fifty-eight people killed.")
    words = re.findall(r"[A-Za-z][A-Za-z’'-]*", line)
    long_words = [w for w in words if len(w) > 3]
    return len(words) >= 4 and sum(w[0].isupper() for w in long_words) >= 0.8 * max(1, len(long_words))


COUPLE_SCORE = 0.3
# "eye on 2018 elections", "any 2016 presidential candidates": a four-digit 1800-2100 number without a comma or a bound
# before a plural noun is nearly always a year used as a modifier (news style writes counts of thousands with a comma:
# "2,000 people"); a candidate, not asserted (figures 1.7)
YEAR_COUNT_SCORE = 0.3
HEADLINE_NUMBER_SCORE = 0.45
# 5 of 6 headline number words with a counted noun were figures on real-news dev, dev3 and unlabelled PTC train
HEADLINE_COUNTED_SCORE = 0.7


def _quantity_from_atom(text: str, a: Atom) -> Quantity:
    q = Quantity(a.start, a.end, "count", (a.start, a.end), value=a.value, malformed=a.malformed,
                 likely_values=list(a.likely_values), vague=a.kind == "vague", low=a.low, high=a.high)
    if a.kind == "words":
        q.score = 0.9
    if a.kind == "vague":
        q.score = 0.8
        if a.value is not None:  # "a couple of": about two
            q.bound = "approx"
            # like "a few" and "several", which the real-news guideline counts as no quantity (section 8a),
            # "a couple of years ago" is an idiom of vagueness: a candidate (none of 5 marked on real-news dev)
            q.score = COUPLE_SCORE
    if a.kind == "words" and (_in_title_case_line(text, a.start) or _in_title_run(text, a)):
        # "Francis @ Five", "One Peter Five": a number word in a headline is a candidate; with a counted noun
        # ("Five Years after", "Kills Two People", "In Just One Sentence") it is asserted (see extract_quantities)
        q.score = HEADLINE_NUMBER_SCORE
    if a.malformed:
        q.score = 0.6
    return q


def _quantity_from_range(text: str, a: Atom, b: Atom, pre_start: int) -> Quantity:
    low, high = a.value, b.value
    if low is not None and high is not None and b.has_scale and not a.has_scale and low < high / 1000 + 1:
        # "$5-10bn", "5 to 10 million": the scale of the second number applies to both
        factor = high / float(_plain_value(text[b.start : b.end]) or 1)
        low *= factor
    elif low is not None and high is not None and a.kind == b.kind == "words":
        # "five to six thousand", "two to three hundred": the scale word of the second number applies to both
        last, a_last = re.split(r"[\s-]+", text[b.start : b.end].lower())[-1], re.split(r"[\s-]+", text[a.start : a.end].lower())[-1]
        if last in SCALES and a_last not in SCALES and low < SCALES[last]:
            low *= SCALES[last]
    if low is not None and high is not None and low > high:
        low, high = high, low  # "between -60 and -80 degrees": low is the smaller end
    q = Quantity(a.start if pre_start < 0 else pre_start, b.end, "range", (a.start, b.end), value=None,
                 low=low, high=high, malformed=a.malformed or b.malformed,
                 likely_values=[*a.likely_values, *b.likely_values])
    q.score = 0.9
    return q


def _plain_value(s: str) -> float | None:
    m = re.match(r"[\d,.]+", s)
    if not m:
        return parse_number_words(s)
    value, _, _ = parse_digits(m.group(0).rstrip(".,"))
    return value


#: the readings of :func:`extract_quantities`: "rules" (1.6's; the default before 1.9), "fixes" (the default since
#: 1.9: the rules plus figures 1.7's readings: points in time, names, emphatic 100% and zero, ZIP codes, rates after a
#: plural, "25 percent to 90 percent", years before a plural noun as candidates ...; see models/figures/HISTORY.md),
#: "general" (the fixes plus 1.6's general English readings, an option) or "readings19" (the fixes plus 1.9's context
#: readings and counted phrases past "U.S." and "-ly" words, an option) or "readings26" (the fixes plus stop 26's
#: context readings, :data:`.context.CONTEXT_READINGS_S26`) or "readings27" (the fixes plus stop 27's context readings,
#: :data:`.context.CONTEXT_READINGS_S27`) or "readings28" (the fixes plus stop 28's context readings,
#: :data:`.context.CONTEXT_READINGS_S28`) or
#: "readings29" (``readings28`` plus stop 29's context readings, :data:`.context.CONTEXT_READINGS_S29`) or
#: "readings30" (``readings28`` plus stop 30's context readings, :data:`.context.CONTEXT_READINGS_S30`) or
#: "readings31" (``readings28`` plus stop 31's context readings, :data:`.context.CONTEXT_READINGS_S31`) or
#: "readings32" (``readings31`` plus stop 29's, stop 30's and stop 32's context readings,
#: :data:`.context.CONTEXT_READINGS_S32`)
READINGS = ("rules", "fixes", "general", "readings19", "readings26", "readings27", "readings28", "readings29",
            "readings30", "readings31", "readings32")
#: the default readings (figures 1.13, issue 13, stop 33: "readings32", pre-registered for dev16 and passed there: one
#: wrong quantity fewer, none lost, audit B s33 one right figure more; 1.12, stop 32: "readings31", passed on dev15: one
#: right quantity more, no wrong one, audit B s32 unmoved; 1.10, stop 28: "readings28", no held-out split moves and
#: audit B's precision rises; 1.9: "fixes", judged leave-one-split-out with dev8 held out; before 1.9 "rules")
DEFAULT_READINGS = "readings32"
#: the readings of :mod:`.context` each reading applies (1.8's; 1.9's too in "readings19", stop 26's in "readings26",
#: stop 27's in "readings27", stop 28's in "readings28", stop 28's and 29's in "readings29", stop 28's and 30's in
#: "readings30", stop 28's and 31's in "readings31", stop 28's to 32's in "readings32")
CONTEXT_BY_READINGS: dict[str, frozenset[str]] = {
    "rules": CONTEXT_READINGS_1_8, "fixes": CONTEXT_READINGS_1_8, "general": CONTEXT_READINGS_1_8,
    "readings19": CONTEXT_READINGS_1_8 | CONTEXT_READINGS_1_9, "readings26": CONTEXT_READINGS_1_8 | CONTEXT_READINGS_S26,
    "readings27": CONTEXT_READINGS_1_8 | CONTEXT_READINGS_S27,
    "readings28": CONTEXT_READINGS_1_8 | CONTEXT_READINGS_S28,
    "readings29": CONTEXT_READINGS_1_8 | CONTEXT_READINGS_S28 | CONTEXT_READINGS_S29,
    "readings30": CONTEXT_READINGS_1_8 | CONTEXT_READINGS_S28 | CONTEXT_READINGS_S30,
    "readings31": CONTEXT_READINGS_1_8 | CONTEXT_READINGS_S28 | CONTEXT_READINGS_S31,
    "readings32": CONTEXT_READINGS_1_8 | CONTEXT_READINGS_S28 | CONTEXT_READINGS_S29 | CONTEXT_READINGS_S30
    | CONTEXT_READINGS_S31 | CONTEXT_READINGS_S32,
}


_QUOTED_DIGITS = re.compile(r"''(?=\d)")


def extract_quantities(text: str, readings: str = DEFAULT_READINGS, context: frozenset[str] | None = None) -> list[Quantity]:
    """Every number expression in ``text`` as a :class:`Quantity` (offsets into ``text``). ``readings``: one of
    :data:`READINGS`; ``context``: the readings of :mod:`.context` to apply (None: those of ``readings``,
    :data:`CONTEXT_BY_READINGS`)."""
    if readings not in READINGS:
        raise ValueError(f"unknown figure readings {readings!r} (choose from {', '.join(READINGS)})")
    general = readings == "general"
    fixes = readings != "rules"
    units19 = readings == "readings19"
    enabled = CONTEXT_BY_READINGS[readings] if context is None else context
    if "''" in text and "quoted_number" in enabled:
        # ``quoted_number`` (stop 29): "''13 months in living hell''": a doubled apostrophe opens a quote, so the
        # number after it is no short year ("'78"); read the same text with a space and a double quote there
        # (same length: every offset stays)
        text = _QUOTED_DIGITS.sub(' "', text)
    index = WordStarts(text)
    specials = find_specials(text, index, general, fixes)
    quantities: list[Quantity] = []
    for s in specials:
        if s.label is None:
            continue
        attrs = dict(s.attributes)
        q = Quantity(s.start, s.end, s.label, s.number, value=attrs.pop("value", None),
                     unit=attrs.pop("unit", None), score=0.9 if s.label == "date" else 0.85,
                     low=attrs.pop("low", None), high=attrs.pop("high", None))
        q.vague = bool(attrs.pop("vague", False))
        if "bound" in attrs:  # "under the age of 30": the special carries its own bound
            q.bound, q.bound_span = attrs.pop("bound"), attrs.pop("bound_span")
        if "person" in attrs:
            q.extra["person"] = attrs.pop("person")
            q.score = 0.7
        q.extra.update(attrs)
        if "unit_of_one" in q.extra:
            q.score = UNIT_OF_ONE_SCORE
        if (q.label == "age" and q.bound is None) or "fraction" in q.extra or "unit_of_one" in q.extra or q.unit == "times" or \
                "inches" in q.extra:
            _apply_bound(text, q, general)  # "about one-third", "nearly two in five", "more than one full day", "at least twice"
        quantities.append(q)
    atoms = find_atoms(text, [(s.start, s.end) for s in specials], index, general, fixes,
                       enabled & CONTEXT_READINGS_S32)
    in_range: set[int] = set()
    for a, b, pre in _range_pairs(text, atoms, general, fixes):
        q = _quantity_from_range(text, a, b, pre)
        in_range.update({id(a), id(b)})
        _classify(text, q, a, b, fixes, units19)
        q.label = "range"
        if (a.year_like and b.year_like) or _years_in_brackets(text, a, b):
            q.label, q.unit, q.unit_span, q.end = "date", None, None, b.end
            q.extra["date"] = f"{clean_number(a.value or 0)}/{clean_number(b.value or 0)}"
        elif re.search(r"\baged\s+(?:between\s+|from\s+)?$", text[max(0, a.start - 20) : a.start], IGNORE_CASE):
            q.unit, q.unit_span, q.end = "years", None, b.end
        if pre < 0:
            _apply_bound(text, q, general)
        quantities.append(q)
    for a in atoms:
        if id(a) in in_range:
            continue
        if _names_a_thing(text, a):
            continue
        if (a.year_like and _year_is_date(text, a)) or _old_year(text, a) or _year_named(text, a):
            quantities.append(Quantity(a.start, a.end, "date", (a.start, a.end), value=a.value, score=0.85,
                                       extra={"date": text[a.start : a.end]}))
            continue
        q = _quantity_from_atom(text, a)
        _classify(text, q, a, a, fixes, units19)
        if q.label == "duration" and _FROM_POINT_AFTER.match(text, q.end):
            continue  # "two weeks from now", "three days from Monday": a point in time (a date), not a duration
        if q.score == HEADLINE_NUMBER_SCORE and q.unit_span is not None:
            q.score = HEADLINE_COUNTED_SCORE
        _apply_bound(text, q, general)
        if fixes and a.year_like and q.label == "count" and q.bound is None:
            q.score = min(q.score, YEAR_COUNT_SCORE)
        quantities.append(q)
    quantities.extend(_halves(text, quantities, general))
    if general:
        enumerators = _numbered_lines(text)
        quantities = [q for q in quantities if q.number[0] not in enumerators and not _wait_a_minute(text, q)]
    quantities.sort(key=lambda q: (q.start, -q.end))
    out = _drop_overlaps(quantities)
    out = _without_rates(text, out, fixes)
    out = apply_context_readings(text, out, enabled)
    for prev, q in zip(out, out[1:], strict=False):
        # "about 30 kilometres (20 miles)", "less than 300 km or 175 miles": the conversion has the bound of the
        # figure it converts; "almost a quarter (23 per cent)" states the share exactly (``fraction_bound``, stop 31)
        if "fraction_bound" in enabled and "fraction" in prev.extra and "fraction" not in q.extra:
            continue
        if q.bound is None and prev.bound and prev.label == q.label and (
            re.fullmatch(r"\s*\(", text[prev.end : q.start])
            or (q.label == "measure" and q.unit != prev.unit and re.fullmatch(r"\s+or\s+", text[prev.end : q.start]))
        ):
            q.bound = prev.bound
    for q in out:
        if q.vague and q.bound is None:
            q.bound = "approx"  # "thousands of troops", "decades": an amount known only roughly
    return out


# a number opening a line before a capitalised word ("1 Donald Trump.", "2 Ted Cruz.")
_LINE_NUMBER = re.compile(r"^[ \t]*(?P<n>\d{1,2})(?=[ \t]+[A-Z])", re.MULTILINE)
#: a ranked list: at least this many lines numbered 1, 2, 3, ... in order
NUMBERED_RUN = 3
# "Wait a minute": an interjection, not a duration
_WAIT_BEFORE = re.compile(r"\b[Ww]ait[ ]+$")


def _wait_a_minute(text: str, q: Quantity) -> bool:
    """ "Wait a minute", "wait a second": an interjection ("wait at least a month" is a duration)."""
    return "unit_of_one" in q.extra and q.bound is None and q.unit in {"minutes", "seconds"} and \
        _WAIT_BEFORE.search(text, max(0, q.start - 8), q.start) is not None


def _numbered_lines(text: str) -> set[int]:
    """Starts of the numbers that open the lines of a ranked or numbered list ("1 Donald Trump.", "2 Ted Cruz.",
    ...): enumerators, not counts. A list is a run of at least :data:`NUMBERED_RUN` such lines numbered 1, 2, 3
    ... in order (other lines may stand between them)."""
    out: set[int] = set()
    run: list[int] = []
    last = 0
    for m in _LINE_NUMBER.finditer(text):
        n = int(m.group("n"))
        if run and n == last + 1:
            run.append(m.start("n"))
        else:
            if len(run) >= NUMBERED_RUN:
                out.update(run)
            run = [m.start("n")] if n == 1 else []
        last = n
    if len(run) >= NUMBERED_RUN:
        out.update(run)
    return out


_HALF_RE = re.compile(r"\bhalf(?=\s+(?P<next>of|the|a|an|its|his|her|their|our|my|your|this|that|these|those)\b)",
                      IGNORE_CASE)
# "the first half of the year", "the other half": a part, not a share
_HALF_PART_BEFORE = re.compile(r"\b(?:first|second|latter|former|other|back|front|top|bottom|lower|upper|better|"
                               r"and\s+a|a|one)\s+$", IGNORE_CASE)
HALF_SCORE = 0.8


def _halves(text: str, found: list[Quantity], general: bool = False) -> list[Quantity]:
    """ "half of South Korea's capital", "half its people" (a share, 50 %, the guideline's value 0.5), "about half
    of the housing", "more than half the votes"; "half a million", "half an hour" are found elsewhere and a bare
    "half a" needs a bound word ("about half a chance" is not a figure otherwise)."""
    out: list[Quantity] = []
    if "half" not in text and "Half" not in text:
        return out
    spans = sorted((q.start, q.end) for q in found)
    starts = [s for s, _ in spans]
    longest = max((e - s for s, e in spans), default=0)
    for m in _HALF_RE.finditer(text):
        i = bisect.bisect_left(starts, m.start() - longest)
        j = bisect.bisect_left(starts, m.end())
        if any(spans[k][1] > m.start() for k in range(i, j)):
            continue
        if _HALF_PART_BEFORE.search(text[max(0, m.start() - 12) : m.start()]):
            continue
        q = Quantity(m.start(), m.end(), "percent", (m.start(), m.end()), value=50.0, unit="percent", score=0.85,
                     extra={"fraction": "1/2"})
        _apply_bound(text, q, general)
        if q.bound is None:
            if m.group("next").lower() in {"a", "an"}:
                continue
            q.score = HALF_SCORE
        out.append(q)
    return out


# what may stand between a figure and the "a day" of its rate: "$5 a day", "50,000 loaves of bread an hour"
_RATE_GAP = re.compile(r"[ ]+(?:of[ ]+)?(?:[a-z]+[ ]+)?")


def _without_rates(text: str, qs: list[Quantity], fixes: bool = False) -> list[Quantity]:
    """Drop a unit of one ("a day", "an hour") that is the rate of the figure right before it ("$5 a day",
    "three times a week", "24 hours a day"), unless it is a duration of its own ("killed 3 people a day after"). With
    ``fixes`` (1.7) also a unit of one right after a plural noun, with no figure before it ("multiple news
    conferences a day", "rallies a day")."""
    out: list[Quantity] = []
    for q in qs:
        if fixes and q.extra.get("unit_of_one") and q.bound is None and not _UNIT_OF_ONE_TIME.match(text, q.end) \
                and not _APART_AFTER.match(text, q.end):
            before = _PLURAL_BEFORE.search(text, max(0, q.start - 30), q.start)
            if before and before.group("w") not in STOP_AFTER and looks_plural(before.group("w")):
                continue
        if q.extra.get("unit_of_one") and out and q.start - out[-1].end < 40:
            gap = _RATE_GAP.fullmatch(text, out[-1].end, q.start)
            word = gap.group(0).split()[-1].lower() if gap and gap.group(0).strip() else ""
            if gap and word not in STOP_AFTER and not _UNIT_OF_ONE_TIME.match(text, q.end):
                continue
        out.append(q)
    return out


_UNIT_OF_ONE_TIME = re.compile(r"[ ]+(?:ago|after|before|later|earlier)\b", IGNORE_CASE)
_APART_AFTER = re.compile(r"[ ]+(?:apart|long|old|late|early|into)\b", IGNORE_CASE)
_PLURAL_BEFORE = re.compile(r"\b(?P<w>[a-z]{3,})[ ]+$")


def _drop_overlaps(qs: list[Quantity]) -> list[Quantity]:
    out: list[Quantity] = []
    for q in qs:
        if out and q.start < out[-1].end:
            # the earlier quantity's unit phrase ran into this number: cut it back
            prev = out[-1]
            if prev.unit_span and prev.unit_span[1] > q.start and prev.number[1] <= q.start:
                prev.unit_span = None
                prev.unit = None
                prev.end = max(prev.number[1], prev.bound_span[1] if prev.bound_span else 0)
            else:
                continue
        out.append(q)
    return out


# ---------------------------------------------------------------------------------------------------
