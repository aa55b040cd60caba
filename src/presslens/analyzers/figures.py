"""Figures: every number expression in an article, with its value, unit, bound and oddities.

One finding of kind ``"quantity"`` per number expression. The span covers the bound words, the number
and its unit or counted noun phrase ("over 260,000 Russian men", "up to 1,000,000", "$5bn",
"tens of thousands of subscribers"); ``attributes["number"]`` is the sub-span of the number itself.

Labels (see :data:`LABELS`):

- ``count``    -- a number of things or people ("200,000 men", "three tanks", "tens of thousands of ...");
- ``percent``  -- "40%", "40 per cent", "forty percent", "3 percentage points";
- ``money``    -- "$5bn", "€300 million", "5 billion roubles", "300,000 euros";
- ``range``    -- "200,000-300,000", "between 5 and 10", "from 10 to 20" (``low``/``high`` set; the unit or
  currency of the range is kept in ``unit``/``currency``);
- ``age``      -- "30-year-old", "aged 34", "Anton, 34,";
- ``duration`` -- "three weeks", "a 10-day ceasefire", "18 months";
- ``date``     -- "2022" (in "in 2022"), "September 21", "21 September 2022", "the 1990s";
- ``measure``  -- physical quantities with a unit of measure: "20 km", "155mm", "3,000 tonnes";
- ``ordinal``  -- digit ordinals outside dates: "the 155th brigade". Word ordinals ("first", "second") are
  not reported (too common as ordinary words).

Bounds: ``lower`` ("over", "more than", "at least", "above", "upwards of", "in excess of", "no fewer than",
"260,000+", "or more"); ``upper`` ("up to", "fewer than", "less than", "at most", "under", "below",
"no more than", "as many as", and also "nearly", "almost", "close to", "just under": the true value lies
below the stated one); ``approx`` ("about", "around", "roughly", "some", "approximately", "an estimated",
"estimated", "circa", "~", "or so"); otherwise null.

Vague amounts ("tens of thousands", "hundreds of", "dozens of", "several hundred") have ``vague`` true,
``value`` null and order-of-magnitude ``low``/``high`` ("tens of thousands": 10,000-99,999).

Malformed digit groupings ("300,00", "1,0000") have ``malformed`` true and ``likely_values`` the readings a
typo most plausibly hides: the digits without separators and the groups repaired to three digits
(300,00 -> [30000, 300000]; 1,0000 -> [1000, 10000]); ``value`` is null.

Clock times ("10:30", "6am") and identifiers ("Su-34", "MH17", "Article 5") are not quantities. Pure rules
(regular expressions); no trained model is needed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, ClassVar

from presslens.analyzers.base import Analyzer, AnalyzerOutput, Features, register
from presslens.analyzers.wordstarts import WordStarts, finditer_from, matches_at, words_of
from presslens.article import Article, Finding, span_ref

LABELS = ("count", "percent", "money", "range", "age", "duration", "date", "measure", "ordinal")
BOUNDS = ("lower", "upper", "approx")

_I = re.IGNORECASE

# ---------------------------------------------------------------------------------------------------
# Vocabulary
# ---------------------------------------------------------------------------------------------------

_SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
           "trillion": 1_000_000_000_000}
_SHORT_SCALES = {"k": 1_000, "m": 1_000_000, "mn": 1_000_000, "mln": 1_000_000, "bn": 1_000_000_000,
                 "b": 1_000_000_000, "tn": 1_000_000_000_000, "trn": 1_000_000_000_000}

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12, "jan": 1, "feb": 2, "mar": 3,
    "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH_RE = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)

_CURRENCY_PREFIX = {
    "$": ("USD", "dollars"), "us$": ("USD", "dollars"), "€": ("EUR", "euros"), "£": ("GBP", "pounds"),
    "₽": ("RUB", "roubles"), "₴": ("UAH", "hryvnias"), "¥": ("CNY", "yuan"), "usd": ("USD", "dollars"),
    "eur": ("EUR", "euros"), "gbp": ("GBP", "pounds"), "rub": ("RUB", "roubles"), "uah": ("UAH", "hryvnias"),
}
_CURRENCY_WORDS = {
    "dollar": "USD", "dollars": "USD", "us dollars": "USD", "euro": "EUR", "euros": "EUR", "pound": "GBP",
    "pounds": "GBP", "pounds sterling": "GBP", "rouble": "RUB", "roubles": "RUB", "ruble": "RUB",
    "rubles": "RUB", "hryvnia": "UAH", "hryvnias": "UAH", "hryvnyas": "UAH", "yuan": "CNY",
    "renminbi": "CNY", "rupees": "INR", "lira": "TRY", "lari": "GEL", "tenge": "KZT", "zloty": "PLN",
    "usd": "USD", "eur": "EUR", "rub": "RUB", "uah": "UAH", "gbp": "GBP",
}
_CURRENCY_WORD_RE = (
    r"(?:US\s+dollars|pounds\s+sterling|dollars?|euros?|pounds?|roubles?|rubles?|hryvnias?|hryvnyas|"
    r"yuan|renminbi|rupees|lira|lari|tenge|zloty|USD|EUR|RUB|UAH|GBP)"
)

_TIME_UNITS = r"(?:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|years?|decades?|centuries|century)"
_MEASURE_UNITS = (
    r"(?:km2|km²|sq\.?\s?km|square\s+(?:kilometres|kilometers|miles|metres|meters)|kilometres?|kilometers?|"
    r"km|miles?|metres?|meters?|cm|mm|millimetres?|millimeters?|feet|foot|ft|tonnes?|tons?|kg|kilograms?|"
    r"grams?|litres?|liters?|barrels?|hectares?|acres?|MW|GW|kW|megawatts?|gigawatts?|kilowatts?|"
    r"degrees?|°C|°F|knots?|kph|km/h|mph|bcm|cubic\s+metres?|calibre)"
)

_STOP_AFTER = {
    # prepositions, conjunctions, determiners, auxiliaries and frequent verbs that end a counted noun phrase
    "of", "in", "on", "at", "to", "from", "by", "for", "with", "without", "into", "onto", "over", "under",
    "since", "until", "than", "as", "per", "about", "after", "before", "during", "across", "through",
    "against", "among", "between", "near", "around", "and", "or", "but", "nor", "so", "yet", "that",
    "which", "who", "whom", "whose", "where", "when", "while", "because", "if", "the", "a", "an", "this",
    "these", "those", "their", "his", "her", "its", "our", "my", "your", "is", "are", "was", "were", "be",
    "been", "being", "have", "has", "had", "do", "does", "did", "will", "would", "shall", "should", "may",
    "might", "can", "could", "must", "said", "say", "says", "told", "left", "fled", "died", "remain",
    "remained", "remains", "live", "lived", "came", "went", "fell", "rose", "took", "made", "got", "gave",
    "lost", "won", "saw", "ago", "earlier", "later", "more", "less", "fewer", "each", "apiece", "a-year",
    "too", "also", "still", "already", "now", "then", "there", "here", "not", "no", "only",
    "just", "even", "all", "both", "it", "they", "them", "he", "she", "we", "i", "you", "up", "down",
    "out", "off", "back", "away", "last", "next", "every", "old", "according", "including",
    "compared", "like", "via", "amid", "despite", "toward", "towards", "within",
    "arrive", "arrived", "join", "joined", "die", "flee", "leave", "cross", "crossed", "reach", "reached",
    "face", "faced", "need", "needed", "want", "wanted", "get", "go", "come", "return", "returned",
}
_NOT_ADVERBS = {"family", "ally", "rally", "italy", "assembly", "supply", "belly", "jelly", "july", "fly"}
_IDENTIFIER_BEFORE = re.compile(
    r"\b(?:Article|Section|Paragraph|Resolution|Chapter|No\.|Nos\.|Number|Unit|Block|Building|Flight|"
    r"Route|Highway|Gate|Platform|Level|Stage|Phase|Tier|Category|Class|Grade|Room|Page|Protocol|"
    r"Point|Item|Clause|Amendment|Decree|Order|Regulation|Law|Code|Lot|Box|Channel|Zone)\s*$|"
    r"\b(?:article|section|paragraph|resolution|chapter|no\.|page|pages|flight|route|highway|platform|gate|"
    r"room|protocol|clause|amendment|phase|stage)\s*$"
)

_BOUND_BEFORE = re.compile(
    r"(?P<b>\b(?:just\s+|well\s+|slightly\s+|far\s+)?(?:more\s+than|over|at\s+least|above|upwards\s+of|"
    r"in\s+excess\s+of|no\s+fewer\s+than|no\s+less\s+than|not\s+less\s+than|a\s+minimum\s+of|exceeding|"
    r"up\s+to|fewer\s+than|less\s+than|at\s+most|under|below|no\s+more\s+than|not\s+more\s+than|"
    r"as\s+many\s+as|as\s+much\s+as|a\s+maximum\s+of|nearly|almost|close\s+to|about|around|roughly|some|"
    r"approximately|an\s+estimated|estimated|circa|approx\.?|c\.)\s+|~\s*)$",
    _I,
)
_BOUND_KIND = [
    (re.compile(r"^(?:just\s+|well\s+|slightly\s+|far\s+)?(?:more\s+than|over|at\s+least|above|upwards|"
                r"in\s+excess|no\s+fewer|no\s+less|not\s+less|a\s+minimum|exceeding)", _I), "lower"),
    (re.compile(r"^(?:just\s+|well\s+|slightly\s+|far\s+)?(?:up\s+to|fewer|less|at\s+most|under|below|"
                r"no\s+more|not\s+more|as\s+many|as\s+much|a\s+maximum|nearly|almost|close\s+to)", _I),
     "upper"),
]
_BOUND_AFTER = re.compile(
    r"^(?:(?P<plus>\+)|\s+(?P<b>or\s+(?:more|over|above|higher|fewer|less|under|below|so)|plus)\b)", _I
)

# ---------------------------------------------------------------------------------------------------
# Number atoms
# ---------------------------------------------------------------------------------------------------

_NUMBER_WORD = (
    r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:-(?:one|two|three|four|five|six|seven|eight|nine))?"
)
_SCALE_WORD = r"(?:hundred|thousand|million|billion|trillion)"
_WORDS_RE = re.compile(
    rf"\b(?:half\s+a\s+(?:million|billion|dozen|hundred|thousand)|"
    rf"(?:a|an|{_NUMBER_WORD})(?:[\s-]+(?:and\s+)?(?:{_NUMBER_WORD}|{_SCALE_WORD}|dozen))*)\b",
    _I,
)
_VAGUE_RE = re.compile(
    r"\b(?:(?P<tens>tens|hundreds)\s+of\s+(?P<tens_scale>thousands|millions|billions)|"
    r"(?P<q>several|a\s+few|a\s+couple\s+of|many|a\s+number\s+of)\s+(?P<q_scale>dozen|hundred|thousand|million|"
    r"billion)(?:\s+(?P<q_scale2>thousand|million))?|"
    r"(?:(?:many|several|some|tens\s+of)\s+)?(?P<plural>dozens|scores|hundreds|thousands|millions|billions))\b",
    _I,
)
_DIGITS_RE = re.compile(r"(?<![\w.,/:#@])(?:\d{1,3}(?: \d{3})+(?![\d,.]\d)|\d[\d,.]*(?<=\d))")
_SCALE_AFTER = re.compile(
    r"^(?:\s*(?P<word>hundred|thousand|million|billion|trillion)\b(?:\s+(?P<word2>thousand|million|"
    r"billion))?|(?P<short>\s?(?:bn|mn|mln|tn|trn)\b|(?:k|m|b)\b))",
    _I,
)
_PERCENT_AFTER = re.compile(
    r"^(?:\s*(?P<sign>%)|\s+(?P<pp>percentage\s+points?)\b|\s*(?P<pc>per\s*cent|percent|pc)\b)", _I
)


@dataclass
class Atom:
    """One number: where it is, its value and how it was written."""

    start: int
    end: int
    value: float | None
    kind: str  # "digits" | "words" | "vague"
    malformed: bool = False
    likely_values: list[float] = field(default_factory=list)
    low: float | None = None
    high: float | None = None
    has_scale: bool = False
    year_like: bool = False


def _clean_number(v: float) -> float | int:
    return int(v) if float(v).is_integer() else round(v, 6)


def parse_digits(s: str) -> tuple[float | None, bool, list[float]]:
    """Value of a digit string with separators, or (None, True, likely values) when malformed."""
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?", s):
        return float(s.replace(",", "")), False, []
    if re.fullmatch(r"\d{1,3}(?: \d{3})+", s):  # 250 000, thin-space thousands
        return float(s.replace(" ", "")), False, []
    if re.fullmatch(r"\d{1,3}(?:\.\d{3}){2,}", s):  # 1.000.000, continental thousands
        return float(s.replace(".", "")), False, []
    if re.fullmatch(r"\d+(?:,\d+)+(?:\.\d+)?", s):
        return None, True, likely_values_for(s)
    return None, True, []


def likely_values_for(s: str) -> list[float]:
    """Plausible intended values of a malformed grouping such as "300,00" or "1,0000"."""
    head, *groups = s.split(".")[0].split(",")
    values = {float("".join([head, *groups]))}  # separators typed by mistake
    repaired = []
    for g in groups:
        if len(g) < 3:
            repaired.append(g + "0" * (3 - len(g)))  # a dropped trailing zero: 300,00 -> 300,000
        elif len(g) > 3 and g[3:].strip("0") == "":
            repaired.append(g[:3])  # a doubled zero: 1,0000 -> 1,000
        else:
            repaired.append(g)
    if all(len(g) == 3 for g in repaired) and 1 <= len(head) <= 3:
        values.add(float(head + "".join(repaired)))
    return sorted(values)


def parse_number_words(phrase: str) -> float | None:
    """Value of "twenty-five", "two hundred and fifty", "a dozen", "half a million", "three thousand"."""
    words = [w for w in re.split(r"[\s-]+", phrase.lower()) if w and w != "and"]
    if words[:2] == ["half", "a"] and len(words) == 3:
        scale = 12 if words[2] == "dozen" else _SCALES[words[2]]
        return scale / 2
    total, current, seen_number = 0.0, 0.0, False
    for i, w in enumerate(words):
        if w in ("a", "an"):
            if i + 1 >= len(words) or words[i + 1] not in (*_SCALES, "dozen"):
                return None
            current = 1
        elif w in _SMALL:
            current += _SMALL[w]
            seen_number = True
        elif w in _TENS:
            current += _TENS[w]
            seen_number = True
        elif w == "dozen":
            current = max(current, 1) * 12
            seen_number = True
        elif w == "hundred":
            current = max(current, 1) * 100
            seen_number = True
        elif w in _SCALES:
            total += max(current, 1) * _SCALES[w]
            current = 0
            seen_number = True
        else:
            return None
    return total + current if seen_number else None


_VAGUE_BOUNDS = {
    "dozens": (24, 99), "scores": (40, 99), "hundreds": (200, 999), "thousands": (2_000, 9_999),
    "millions": (2_000_000, 9_999_999), "billions": (2_000_000_000, 9_999_999_999),
}
_QUANTIFIER_FACTORS = {"several": (3, 9), "a few": (2, 5), "a couple of": (2, 3), "many": (3, 9),
                       "a number of": (2, 9)}


def _vague_atom(m: re.Match[str]) -> Atom:
    if m.group("tens"):
        scale = {"thousands": 1_000, "millions": 1_000_000, "billions": 1_000_000_000}[m.group("tens_scale").lower()]
        mult = 10 if m.group("tens").lower() == "tens" else 100
        low, high = mult * scale, mult * 10 * scale - 1
    elif m.group("q"):
        q = re.sub(r"\s+", " ", m.group("q").lower())
        scale = 12 if m.group("q_scale").lower() == "dozen" else _SCALES[m.group("q_scale").lower()]
        if m.group("q_scale2"):
            scale *= _SCALES[m.group("q_scale2").lower()]
        lo_f, hi_f = _QUANTIFIER_FACTORS[q]
        low, high = lo_f * scale, hi_f * scale
    else:
        low, high = _VAGUE_BOUNDS[m.group("plural").lower()]
    return Atom(m.start(), m.end(), None, "vague", low=low, high=high)


def find_atoms(text: str, taken: list[tuple[int, int]], index: WordStarts | None = None) -> list[Atom]:
    """All number atoms outside the ``taken`` spans, left to right, without overlaps.

    ``index``: the :class:`WordStarts` of ``text``, if already built.
    """
    index = index if index is not None else WordStarts(text)
    atoms: list[Atom] = []
    for m in finditer_from(_VAGUE_RE, index, _VAGUE_FIRST):
        atoms.append(_vague_atom(m))
    for m in _DIGITS_RE.finditer(text):
        atom = _digit_atom(text, m)
        if atom is not None:
            atoms.append(atom)
    for m in finditer_from(_WORDS_RE, index, _WORDS_FIRST):
        atom = _word_atom(text, m)
        if atom is not None:
            atoms.append(atom)
    atoms.sort(key=lambda a: (a.start, -(a.end - a.start)))
    out: list[Atom] = []
    occupied = list(taken)
    for a in atoms:
        if any(a.start < e and s < a.end for s, e in occupied):
            continue
        out.append(a)
        occupied.append((a.start, a.end))
    out.sort(key=lambda a: a.start)
    return out


def _digit_atom(text: str, m: re.Match[str]) -> Atom | None:
    start, end = m.start(), m.end()
    raw = m.group(0)
    before = text[max(0, start - 2) : start]
    if re.search(r"[A-Za-z]-?$", before) or _IDENTIFIER_BEFORE.search(text[max(0, start - 20) : start]):
        return None  # Su-34, MH17, Article 5
    after = text[end : end + 3]
    if re.match(r"[A-Za-z]", after) and not re.match(r"(?:bn|mn|mln|tn|trn|k|m|b|st|nd|rd|th|s)\b", text[end:], _I):
        if not re.match(_MEASURE_UNITS, text[end:], _I):
            return None  # 4x4, 10am and other glued tokens
    value, malformed, likely = parse_digits(raw)
    atom = Atom(start, end, value, "digits", malformed=malformed, likely_values=likely)
    if value is not None and re.search(r"(?:^|[\s(])[-−]$", text[max(0, start - 2) : start]) and not re.search(
        r"\d\s*[-−]$", text[max(0, start - 4) : start]
    ):
        atom.start, atom.value = start - 1, -value  # "-20 degrees"
    if not malformed and value is not None and re.fullmatch(r"\d{4}", raw) and 1800 <= value <= 2100:
        atom.year_like = True
    sc = _SCALE_AFTER.match(text[end:])
    if sc:
        word = (sc.group("word") or "").lower()
        factor = float(_SCALES[word]) if word else float(_SHORT_SCALES[sc.group("short").strip().lower()])
        if sc.group("word2"):
            factor *= _SCALES[sc.group("word2").lower()]
        if sc.group("short") and sc.group("short").strip().lower() in {"m", "b", "k"}:
            # a bare "m"/"b"/"k" is a scale only in money ("$5m"); elsewhere it may be metres
            money = re.search(r"(?:[$€£₽₴¥]|US\$|USD|EUR|GBP)\s?$", text[max(0, start - 4) : start])
            nxt = re.match(r"\s+([A-Za-z]+)", text[end + sc.end() :])
            if not money and not (nxt and _looks_plural(nxt.group(1).lower())):
                sc = None  # "1.2m units" and "$5m" are millions; "a 2m wall" is metres
        if sc is not None:
            atom.end = end + sc.end()
            atom.has_scale = True
            atom.year_like = False
            if atom.value is not None:
                atom.value *= factor
            elif malformed and re.fullmatch(r"\d+,\d{1,2}", raw):
                atom.malformed = False  # "1,5 million": a decimal comma
                atom.value = float(raw.replace(",", ".")) * factor
                atom.likely_values = []
            else:
                atom.likely_values = [v * factor for v in likely]
    return atom


def _word_atom(text: str, m: re.Match[str]) -> Atom | None:
    phrase = m.group(0)
    value = parse_number_words(phrase)
    if value is None:
        return None
    low = phrase.lower()
    if low == "one":
        return None  # "one of the", "no one", "one day": too rarely a count to report
    if low in {"a", "an"}:
        return None
    if low.startswith(("a ", "an ")) and value == 100 and not re.search(r"\bhundred\b", low):
        return None
    if re.search(r"\b(?:no|any|every|some)\s*$", text[max(0, m.start() - 6) : m.start()], _I) and value == 1:
        return None
    atom = Atom(m.start(), m.end(), value, "words")
    sc = re.match(r"^\s+(?P<w>million|billion|trillion|thousand)\b", text[m.end() :], _I)
    if sc and not re.search(r"\b(?:million|billion|trillion|thousand)$", low):
        atom.end = m.end() + sc.end()
        atom.value = value * _SCALES[sc.group("w").lower()]
    return atom


# ---------------------------------------------------------------------------------------------------
# Dates, times and ages (found first; numbers inside them are not counted again)
# ---------------------------------------------------------------------------------------------------

# Every pattern below starts where a digit or a month name starts a word ("\b\d", "\b<Month>"), except the
# decade pattern, which may also start at an apostrophe ("'90s"). Speed only: find_specials tries each pattern
# at those positions (see wordstarts.matches_at) instead of scanning the whole text once per pattern.
_DATE_PATTERNS = [
    re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_RE}(?:,?\s+\d{{4}})?\b"),
    re.compile(rf"\b{_MONTH_RE}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?(?!\d|,\d)\b"),
    re.compile(rf"\b{_MONTH_RE}\s+\d{{4}}\b"),
    re.compile(r"\b\d{4}-\d{2}-\d{2}\b"),
    re.compile(r"\b\d{1,2}[./]\d{1,2}[./](?:\d{4}|\d{2})\b"),
    re.compile(r"(?:\b(?:1[89]|20)\d0s\b|['’]\d0s\b)"),
    re.compile(r"\b(?:1[89]\d\d|20\d\d)\s*[-–/]\s*(?:(?:1[89]\d\d|20\d\d)|\d\d)\b(?!,\d)"),
]
_DATE_STARTS = ("digit", "month", "month", "digit", "digit", "decade", "digit")
_TIME_PATTERNS = [
    re.compile(r"\b\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*(?:GMT|UTC|CET|EET|MSK|local time))?", _I),
    re.compile(r"\b\d{1,2}\s*[ap]\.?m\.?(?![a-z])", _I),
    re.compile(r"\b\d{3,4}\s*(?:GMT|UTC|hrs|hours\s+local)\b"),
]
_YEAR_CONTEXT_BEFORE = re.compile(
    r"\b(?:in|since|until|till|by|from|of|to|before|after|during|between|early|late|mid|spring|summer|"
    r"autumn|fall|winter|year|the|a|its|this|that|their|his|her|our|fiscal|end|start|and|through|"
    r"throughout|than|election|elections|budget|census|olympics|cup|vintage|class|circa|c\.)[\s-]*$",
    _I,
)

_AGE_PATTERNS = [
    re.compile(rf"\b(?=[\dzotfsen])(?P<n>\d{{1,3}}|{_NUMBER_WORD})[- ](?P<u>year|month|week|day)s?[- ]olds?\b", _I),
    re.compile(r"\b(?:aged|age)\s+(?P<n>\d{1,3})\b(?!\s*(?:-|to|and)\s*\d)", _I),
    re.compile(r"\bat\s+the\s+age\s+of\s+(?P<n>\d{1,3}|[a-z]+(?:-[a-z]+)?)\b", _I),
]
_AGE_DECADE = re.compile(
    r"\bin\s+(?:his|her|their|my|our|your)\s+(?:early\s+|mid-?|late\s+)?(?P<n>[1-9]0)['’]?s\b", _I
)
_NAME_AGE = re.compile(
    r"\b(?P<name>[A-Z][a-z’'-]+(?:[ ]+[A-Z][a-z’'-]+){0,2}),[ ]+(?P<n>\d{1,2})"
    r"(?=\s*[,;)]|\s*\.(?:\s|$)|\s+(?:who|from|and)\b)"
)
_NOT_NAMES = {
    "However", "Meanwhile", "Overall", "Today", "Yesterday", "Altogether", "Since", "In", "By", "Of", "On",
    "And", "But", "Then", "Now", "So", "Also", "Still", "Thus", "Instead", "Later", "Earlier", "Finally",
    "Total", "Together", "Page", "Article", "Section", "Chapter", "Paragraph", "Room", "Unit", "Line",
    "Moreover", "Besides", "Indeed", "Again", "Nevertheless", "Yet", "Sunday", "Monday", "Tuesday",
    "Wednesday", "Thursday", "Friday", "Saturday",
}


_FRACTION_NUMERATORS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "nine": 9}
_FRACTION_DENOMINATORS = {"half": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5,
                          "fifths": 5, "tenth": 10, "tenths": 10}
_FRACTION_RE = re.compile(
    r"\b(?P<n>an?|one|two|three|four|nine)[\s-]+(?P<d>half|thirds?|quarters?|fifths?|tenths?)(?=\s+of\b)", _I
)
_RATIO_RE = re.compile(
    rf"\b(?=[\dzotfsen])(?P<n>\d{{1,3}}|{_NUMBER_WORD})\s+(?:in|out\s+of)\s+(?:every\s+)?"
    rf"(?P<d>\d{{1,4}}|{_NUMBER_WORD})\b",
    _I,
)
# Speed only: "(?=[...])" lets the engine skip positions where no number (digit or number word) starts;
# the first age pattern runs only when the text has "old(s)" at a word end at all.
_OLD_HINT = re.compile(r"[- ]olds?\b", _I)

# Speed only: the words a match of each pattern can begin with (see wordstarts.finditer_from; tests check
# these lists against matches generated from the patterns).
_NUMBER_WORDS_FIRST = words_of(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen",
    "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety",
)
_WORDS_FIRST = _NUMBER_WORDS_FIRST | words_of("half a an")
_VAGUE_FIRST = words_of("tens hundreds several a many some dozens scores thousands millions billions")
_FRACTION_FIRST = words_of("a an one two three four nine")
_AGE_FIRST: list[tuple[frozenset[str], bool]] = [
    (_NUMBER_WORDS_FIRST, True),
    (words_of("aged age"), False),
    (words_of("at"), False),
]
_AGE_DECADE_FIRST = words_of("in")
# (pattern, first words, or also any word that begins with a digit) for the tests
ANCHORED_PATTERNS: list[tuple[re.Pattern[str], frozenset[str], bool]] = [
    (_VAGUE_RE, _VAGUE_FIRST, False),
    (_WORDS_RE, _WORDS_FIRST, False),
    (_FRACTION_RE, _FRACTION_FIRST, False),
    (_RATIO_RE, _NUMBER_WORDS_FIRST, True),
    *((p, f, d) for p, (f, d) in zip(_AGE_PATTERNS, _AGE_FIRST, strict=True)),
    (_AGE_DECADE, _AGE_DECADE_FIRST, False),
]


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
        if word.lower() in _MONTHS:
            month = _MONTHS[word.lower()]
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
    decade = re.fullmatch(r"(?:(1[89]|20)(\d)0s|['’](\d)0s)", text)
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


def find_specials(text: str, index: WordStarts | None = None) -> list[Special]:
    """Dates, clock times, fractions, ratios and ages (``index``: the :class:`WordStarts` of ``text``)."""
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
    for pat, start_kind in zip(_DATE_PATTERNS, _DATE_STARTS, strict=True):
        for m in matches_at(pat, text, starts[start_kind]):
            found.append(Special(m.start(), m.end(), "date", _date_attributes(m.group(0)), (m.start(), m.end())))
    for m in finditer_from(_FRACTION_RE, index, _FRACTION_FIRST):
        num = _FRACTION_NUMERATORS[m.group("n").lower()]
        den = _FRACTION_DENOMINATORS[m.group("d").lower()]
        found.append(Special(m.start(), m.end(), "percent",
                             {"value": round(100 * num / den, 2), "unit": "percent", "fraction": f"{num}/{den}"},
                             (m.start(), m.end())))
    for m in finditer_from(_RATIO_RE, index, _NUMBER_WORDS_FIRST, digits=True):
        n_val, d_val = _small_number(m.group("n")), _small_number(m.group("d"))
        if n_val is None or not d_val or n_val >= d_val:
            continue
        found.append(Special(m.start(), m.end(), "percent",
                             {"value": round(100 * n_val / d_val, 2), "unit": "percent",
                              "fraction": f"{_clean_number(n_val)}/{_clean_number(d_val)}"},
                             (m.start(), m.end())))
    for k, (pat, (first, digits)) in enumerate(zip(_AGE_PATTERNS, _AGE_FIRST, strict=True)):
        if k == 0 and _OLD_HINT.search(text) is None:
            continue
        for m in finditer_from(pat, index, first, digits):
            value = _small_number(m.group("n"))
            if value is None:
                continue
            unit = (m.groupdict().get("u") or "year").lower() + "s"
            found.append(
                Special(m.start(), m.end(), "age", {"value": value, "unit": unit}, (m.start("n"), m.end("n")))
            )
    for m in finditer_from(_AGE_DECADE, index, _AGE_DECADE_FIRST):
        decade = int(m.group("n"))
        found.append(Special(m.start("n"), m.end(), "age",
                             {"value": None, "unit": "years", "low": decade, "high": decade + 9, "vague": True},
                             (m.start("n"), m.end())))
    for m in _NAME_AGE.finditer(text):
        name = m.group("name")
        if name.split()[0] in _NOT_NAMES or name.split()[-1] in _NOT_NAMES or name.lower() in _MONTHS:
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
_CURRENCY_AFTER = re.compile(rf"^\s*(?P<c>{_CURRENCY_WORD_RE})\b", _I)
_DURATION_AFTER = re.compile(rf"^(?:\s+|-)(?P<u>{_TIME_UNITS})(?:['’]s?)?\b(?!\s*[- ]old)", _I)
_MEASURE_AFTER = re.compile(rf"^(?:\s?|-)(?P<u>{_MEASURE_UNITS})(?![A-Za-z])", _I)
_ORDINAL_AFTER = re.compile(r"^(?P<u>st|nd|rd|th)\b", _I)
_WORD = re.compile(r"[A-Za-z][A-Za-z’'-]*")


def _range_pairs(text: str, atoms: list[Atom]) -> list[tuple[Atom, Atom, int]]:
    """Consecutive atom pairs forming a range; the int is the start of "between"/"from" or -1."""
    pairs: list[tuple[Atom, Atom, int]] = []
    i = 0
    while i + 1 < len(atoms):
        a, b = atoms[i], atoms[i + 1]
        gap = text[a.end : b.start]
        before = text[max(0, a.start - 12) : a.start]
        pre = re.search(r"\b(?P<w>between|from)\s+(?:[$€£₽₴¥]|US\$)?$", before, _I)
        ok = False
        if pre and pre.group("w").lower() == "between" and re.fullmatch(r"\s*(?:and|-|–)\s*(?:[$€£₽₴¥])?", gap, _I):
            ok = True
        elif re.fullmatch(r"\s*(?:-|–|—|to)\s*(?:[$€£₽₴¥]|US\$)?", gap, _I) and a.kind != "vague" and b.kind != "vague":
            ok = pre is not None or not (a.year_like and b.year_like)
            if re.fullmatch(r"\s*to\s*", gap, _I) and pre is None and not (a.kind == b.kind == "digits"):
                ok = False
            if re.fullmatch(r"[-–]", gap) and a.kind == "words":
                ok = False
        elif re.fullmatch(r"\s*%?\s*(?:-|–|to)\s*", gap, _I) and a.kind == b.kind == "digits" and text[a.end:a.end + 1] == "%":
            ok = True
        if ok:
            start = a.start - (len(before) - pre.start()) if pre else -1
            pairs.append((a, b, start))
            i += 2
        else:
            i += 1
    return pairs


def _unit_phrase(text: str, pos: int) -> tuple[int, int] | None:
    """The counted noun phrase right after ``pos``: up to three words, skipping one "of" (and "the")."""
    m = re.match(r"\s+of\s+(?:the\s+)?", text[pos:], _I)
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
        w = _WORD.match(text, q)
        if not w:
            break
        word = w.group(0)
        low = word.lower()
        if low in _STOP_AFTER or low in _SCALES or parse_number_words(low) is not None:
            break
        if low.endswith("ly") and len(low) > 4 and low not in _NOT_ADVERBS:
            break
        if words and (low.endswith("ed") or (word[0].isupper() and not text[words[-1][0]].isupper())):
            break
        if not words and low.endswith("ed") and not _followed_by_word(text, w.end()):
            break  # "300 stayed", "12 killed in": a verb, not an adjective before a noun
        if re.fullmatch(_TIME_UNITS, low) and words:
            break
        words.append((w.start(), w.end()))
        p = w.end()
        if _looks_plural(low):
            break  # the head noun of a counted phrase: "Russian men", "new rifles"
    if not words:
        return None
    return words[0][0], words[-1][1]


_IRREGULAR_PLURALS = {"men", "women", "people", "children", "personnel", "police", "staff", "feet", "teeth",
                      "mice", "geese", "sheep", "cattle", "livestock", "militia", "crew", "aircraft", "dead",
                      "wounded", "injured", "missing", "elderly", "youth", "kin", "data", "media"}


def _looks_plural(word: str) -> bool:
    if word in _IRREGULAR_PLURALS:
        return True
    return len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "'s", "’s"))


def _followed_by_word(text: str, pos: int) -> bool:
    w = re.match(r"[ ]+([A-Za-z][A-Za-z’'-]*)", text[pos:])
    if w is None:
        return False
    word = w.group(1).lower()
    return word not in _STOP_AFTER and not word.endswith("ly")


def _apply_bound(text: str, q: Quantity) -> None:
    m = _BOUND_BEFORE.search(text[max(0, q.start - 30) : q.start])
    if m:
        b_start = q.start - (len(text[max(0, q.start - 30) : q.start]) - m.start("b"))
        phrase = text[b_start : q.start].strip()
        if phrase.lower() == "some" and q.vague:
            return
        if phrase.lower() in {"over", "under", "above", "below"} and q.label in {"date", "age"}:
            return
        kind = "approx"
        for pat, k in _BOUND_KIND:
            if pat.match(phrase):
                kind = k
        q.bound = kind
        q.bound_span = (b_start, b_start + len(phrase))
        q.start = b_start
        return
    m2 = _BOUND_AFTER.match(text[q.number[1] :])
    if m2:
        group = "plus" if m2.group("plus") else "b"
        word = m2.group(group).lower()
        if word in {"+", "plus"} or re.search(r"more|over|above|higher", word):
            q.bound = "lower"
        else:
            q.bound = "approx" if word.endswith("so") else "upper"
        q.bound_span = (q.number[1] + m2.start(group), q.number[1] + m2.end(group))
        q.end = max(q.end, q.bound_span[1])


def _plural_unit(unit: str) -> str:
    if unit.endswith("s"):
        return unit
    return "centuries" if unit == "century" else unit + "s"


def _classify(text: str, q: Quantity, first: Atom, last: Atom) -> None:
    """Label, unit and currency from what surrounds the number(s)."""
    pos = q.number[1]
    cur_before = _CURRENCY_BEFORE.search(text[max(0, q.number[0] - 4) : q.number[0]])
    if cur_before:
        code, word = _CURRENCY_PREFIX[cur_before.group("c").lower()]
        q.currency, q.unit = code, word
        q.start = q.number[0] - (len(text[max(0, q.number[0] - 4) : q.number[0]]) - cur_before.start("c"))
        q.unit_span = (q.start, q.start + len(cur_before.group("c")))
        q.label = "money"
        return
    pm = _PERCENT_AFTER.match(text[pos:])
    if pm:
        q.label = "percent"
        q.unit = "percentage points" if pm.group("pp") else "percent"
        q.unit_span = (pos + pm.start(pm.lastgroup or 0), pos + pm.end())
        q.end = pos + pm.end()
        return
    cm = _CURRENCY_AFTER.match(text[pos:])
    if cm:
        word = re.sub(r"\s+", " ", cm.group("c"))
        q.currency = _CURRENCY_WORDS.get(word.lower())
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
    if om and last.kind == "digits" and q.value is not None:
        q.label = "ordinal"
        q.end = pos + om.end()
        unit = _unit_phrase(text, q.end)
        if unit:
            q.unit, q.unit_span, q.end = text[unit[0] : unit[1]], unit, unit[1]
        return
    suffix_bound = _BOUND_AFTER.match(text[pos:])
    unit = _unit_phrase(text, pos + suffix_bound.end() if suffix_bound else pos)
    if unit:
        q.unit_span = unit
        q.unit = text[unit[0] : unit[1]]
        q.end = unit[1]


def _year_is_date(text: str, atom: Atom) -> bool:
    """A bare 1800-2100 number: a date unless it counts something ("2000 soldiers")."""
    if _YEAR_CONTEXT_BEFORE.search(text[max(0, atom.start - 14) : atom.start]):
        return True
    if _BOUND_BEFORE.search(text[max(0, atom.start - 30) : atom.start]):
        return False
    unit = _unit_phrase(text, atom.end)
    return unit is None


def _quantity_from_atom(text: str, a: Atom) -> Quantity:
    q = Quantity(a.start, a.end, "count", (a.start, a.end), value=a.value, malformed=a.malformed,
                 likely_values=list(a.likely_values), vague=a.kind == "vague", low=a.low, high=a.high)
    if a.kind == "words":
        q.score = 0.9
    if a.kind == "vague":
        q.score = 0.8
    if a.malformed:
        q.score = 0.6
    return q


def _quantity_from_range(text: str, a: Atom, b: Atom, pre_start: int) -> Quantity:
    low, high = a.value, b.value
    if low is not None and high is not None and b.has_scale and not a.has_scale and low < high / 1000 + 1:
        # "$5-10bn", "5 to 10 million": the scale of the second number applies to both
        factor = high / float(_plain_value(text[b.start : b.end]) or 1)
        low *= factor
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


def extract_quantities(text: str) -> list[Quantity]:
    """Every number expression in ``text`` as a :class:`Quantity` (offsets into ``text``)."""
    index = WordStarts(text)
    specials = find_specials(text, index)
    quantities: list[Quantity] = []
    for s in specials:
        if s.label is None:
            continue
        attrs = dict(s.attributes)
        q = Quantity(s.start, s.end, s.label, s.number, value=attrs.pop("value", None),
                     unit=attrs.pop("unit", None), score=0.9 if s.label == "date" else 0.85,
                     low=attrs.pop("low", None), high=attrs.pop("high", None))
        q.vague = bool(attrs.pop("vague", False))
        if "person" in attrs:
            q.extra["person"] = attrs.pop("person")
            q.score = 0.7
        q.extra.update(attrs)
        if q.label == "age":
            _apply_bound(text, q)
        quantities.append(q)
    atoms = find_atoms(text, [(s.start, s.end) for s in specials], index)
    in_range: set[int] = set()
    for a, b, pre in _range_pairs(text, atoms):
        q = _quantity_from_range(text, a, b, pre)
        in_range.update({id(a), id(b)})
        _classify(text, q, a, b)
        q.label = "range"
        if a.year_like and b.year_like:
            q.label, q.unit, q.unit_span, q.end = "date", None, None, b.end
            q.extra["date"] = f"{_clean_number(a.value or 0)}/{_clean_number(b.value or 0)}"
        elif re.search(r"\baged\s+(?:between\s+|from\s+)?$", text[max(0, a.start - 20) : a.start], _I):
            q.unit, q.unit_span, q.end = "years", None, b.end
        if pre < 0:
            _apply_bound(text, q)
        quantities.append(q)
    for a in atoms:
        if id(a) in in_range:
            continue
        if a.year_like and _year_is_date(text, a):
            quantities.append(Quantity(a.start, a.end, "date", (a.start, a.end), value=a.value, score=0.85,
                                       extra={"date": text[a.start : a.end]}))
            continue
        q = _quantity_from_atom(text, a)
        _classify(text, q, a, a)
        _apply_bound(text, q)
        quantities.append(q)
    quantities.sort(key=lambda q: (q.start, -q.end))
    return _drop_overlaps(quantities)


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
# The analyzer
# ---------------------------------------------------------------------------------------------------

_NUM = {"type": ["number", "null"]}
_SPAN = {
    "type": "object",
    "properties": {"start": {"type": "integer"}, "end": {"type": "integer"}, "text": {"type": "string"}},
    "required": ["start", "end", "text"],
}
_SPAN_OR_NULL = {"anyOf": [_SPAN, {"type": "null"}]}


@register("figures")
class FiguresAnalyzer(Analyzer):
    """Number expressions: counts, percentages, money, ranges, ages, durations, dates, measures."""

    version = "1.0"
    languages = frozenset({"en"})
    description = (
        "Every number expression (digits, number words, vague amounts) with its value, unit or counted "
        "noun, bound (lower/upper/approx), vagueness and malformed digit grouping."
    )
    attribute_schemas: ClassVar[dict[str, dict[str, Any]]] = {
        "quantity": {
            "type": "object",
            "properties": {
                "value": _NUM,
                "low": _NUM,
                "high": _NUM,
                "unit": {"type": ["string", "null"]},
                "currency": {"type": ["string", "null"], "description": "ISO 4217 code for money"},
                "bound": {"enum": [*BOUNDS, None]},
                "vague": {"type": "boolean"},
                "malformed": {"type": "boolean"},
                "likely_values": {"type": "array", "items": {"type": "number"}},
                "number": _SPAN,
                "unit_span": _SPAN_OR_NULL,
                "bound_span": _SPAN_OR_NULL,
                "date": {"type": ["string", "null"], "description": "ISO 8601 (partial) date for label date"},
                "person": _SPAN_OR_NULL,
                "fraction": {"type": "string", "description": "n/d for fractions and ratios ('two thirds')"},
            },
            "required": ["value", "unit", "bound", "vague", "malformed", "number"],
        }
    }

    def analyze(self, features: Features) -> AnalyzerOutput:
        article = features.article
        findings = [self._finding(article, q) for q in extract_quantities(article.text)]
        return AnalyzerOutput(findings=findings)

    def _finding(self, article: Article, q: Quantity) -> Finding:
        attrs: dict[str, Any] = {
            "value": _num(q.value),
            "low": _num(q.low),
            "high": _num(q.high),
            "unit": q.unit,
            "currency": q.currency,
            "bound": q.bound,
            "vague": q.vague,
            "malformed": q.malformed,
            "likely_values": [_clean_number(v) for v in q.likely_values],
            "number": span_ref(article, *q.number),
            "unit_span": span_ref(article, *q.unit_span) if q.unit_span else None,
            "bound_span": span_ref(article, *q.bound_span) if q.bound_span else None,
        }
        if "date" in q.extra:
            attrs["date"] = q.extra["date"]
        if "fraction" in q.extra:
            attrs["fraction"] = q.extra["fraction"]
        if "person" in q.extra:
            attrs["person"] = span_ref(article, *q.extra["person"])
        return Finding.at(article, q.start, q.end, kind="quantity", label=q.label, score=q.score,
                          analyzer=self.name, attributes=attrs)


def _num(v: float | None) -> float | int | None:
    return None if v is None else _clean_number(v)


__all__ = ["LABELS", "FiguresAnalyzer", "Quantity", "extract_quantities", "likely_values_for", "parse_digits",
           "parse_number_words"]
