"""Number atoms: digit strings, number words and vague amounts, with their values (malformed groupings
flagged).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from presslens.analyzers.figures.vocabulary import (
    IDENTIFIER_BEFORE,
    IGNORE_CASE,
    MEASURE_UNITS,
    SCALES,
    SHORT_SCALES,
    SMALL,
    STOP_AFTER,
    TENS,
    looks_plural,
)
from presslens.text.wordstarts import WordStarts, finditer_from, words_of

# Number atoms
# ---------------------------------------------------------------------------------------------------

NUMBER_WORD = (
    r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:-(?:one|two|three|four|five|six|seven|eight|nine))?"
)
_SCALE_WORD = r"(?:hundred|thousand|million|billion|trillion)"
# "and" joins number words only after a scale word ("two hundred and four"); "between two and four" is two numbers
_AND_AFTER_SCALE = (
    r"(?:(?<=hundred[\s-])|(?<=thousand[\s-])|(?<=million[\s-])|(?<=billion[\s-])|(?<=trillion[\s-])|"
    r"(?<=dozen[\s-]))"
)
WORDS_RE = re.compile(
    rf"\b(?:half\s+a\s+(?:million|billion|dozen|hundred|thousand)|half-dozen|"
    rf"{NUMBER_WORD}[\s-]+and[\s-]+a[\s-]+half(?:[\s-]+(?:{_SCALE_WORD}|dozen))?|"
    rf"another\s+(?:{_SCALE_WORD}|dozen)(?:[\s-]+(?:and\s+)?(?:{NUMBER_WORD}|{_SCALE_WORD}))*|"
    rf"(?:a|an|{NUMBER_WORD})(?:[\s-]+(?:{_AND_AFTER_SCALE}and\s+)?(?:{NUMBER_WORD}|{_SCALE_WORD}|dozen))*)\b",
    IGNORE_CASE,
)
VAGUE_RE = re.compile(
    r"\b(?:(?P<tens>tens|hundreds)\s+of\s+(?P<tens_scale>thousands|millions|billions)|"
    r"(?P<q>several|(?:a\s+)?few|a\s+couple(?:\s+of)?|many|a\s+number\s+of)\s+(?P<q_scale>dozen|hundred|thousand|"
    r"million|billion)(?:\s+(?P<q_scale2>thousand|million))?|"
    r"multi-?(?P<multi>million|billion)(?=[\s-]+(?:dollars?|euros?|pounds?|roubles?|rubles?)\b)|"
    r"(?:(?:many|several|some|tens\s+of)\s+)?(?P<plural>dozens|scores|hundreds|thousands|millions|billions|"
    r"trillions))\b",
    IGNORE_CASE,
)
_SCORES_OF = re.compile(r"[ ]+(?:of|more)\b", IGNORE_CASE)
_SCORES_NOT_AMOUNT_BEFORE = re.compile(
    r"\b(?:it|he|she|who|which|that|test|credit|approval|poll|exam|high|low|the|his|her|their|its|our|your|my|these|"
    r"those|settle|settled|settling|settles)[ ]+$", IGNORE_CASE
)
_SCORES_NOT_AMOUNT_AFTER = re.compile(r"[ ]+(?:a|an|the|political|points?|goals?|well|big|high|highly|low|were|are|"
                                      r"on|in|for|and|of[ ]+the[ ]+test)\b", IGNORE_CASE)
# Zero-width characters (ZWSP, ZWNJ, ZWJ, word joiner, BOM, soft hyphen) can sit inside a number copied from
# the web ("200,<ZWNJ>000"): they are part of the digit string and ignored in its value (offsets never shift).
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_ZERO_WIDTH_RE = re.compile(f"[{ZERO_WIDTH}]")
COUPLE_RE = re.compile(r"\ba\s+couple(?=\s+of\s+[a-z])", IGNORE_CASE)
# a decimal without its leading zero (".380-caliber", "below .50 caliber") after a space or a bracket
_DIGITS_RE = re.compile(
    rf"(?<![\w.,/:#@§])(?:\d{{1,3}}(?: \d{{3}})+(?![\d,.]\d)|\d(?:[\d,.]|[{ZERO_WIDTH}](?=[\d,.]))*(?<=\d)|"
    r"(?<=[ (])\.\d{1,3}(?![\d.,]))"
)
# Emergency and service numbers: "911 calls", "dialled 999" (guideline: not quantities)
_EMERGENCY_NUMBERS = {"911", "999", "112", "311", "988", "000"}
_EMERGENCY_AFTER = re.compile(
    r"^\s+(?:calls?|callers?|call\s+centers?|operators?|dispatch\w*|emergency|line|centers?|centres?|system|"
    r"tapes?|recordings?|services?|number|hang-?ups?|dispatchers?)\b", IGNORE_CASE
)
_EMERGENCY_BEFORE = re.compile(r"\b(?:call(?:ed|ing|s)?|dial(?:l?ed|l?ing|s)?|phoned|to)\s+$", IGNORE_CASE)
_SCALE_AFTER = re.compile(
    r"^(?:\s*(?P<word>hundred|thousand|million|billion|trillion)\b(?:\s+(?P<word2>thousand|million|"
    r"billion))?|(?P<short>\s?(?:bn|mn|mln|tn|trn)\b|(?:k|m|b|mm)\b))",
    IGNORE_CASE,
)
PERCENT_AFTER = re.compile(
    r"^(?:\s*(?P<sign>%)|\s+(?P<pp>percentage\s+points?)\b|\s*(?P<pc>per\s*cent|percent|pc)\b)", IGNORE_CASE
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


def clean_number(v: float) -> float | int:
    return int(v) if float(v).is_integer() else round(v, 6)


def parse_digits(s: str) -> tuple[float | None, bool, list[float]]:
    """Value of a digit string with separators, or (None, True, likely values) when malformed."""
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+", s):
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
        scale = 12 if words[2] == "dozen" else SCALES[words[2]]
        return scale / 2
    if words == ["half", "dozen"]:
        return 6.0  # "a half-dozen slogans"
    if len(words) >= 3 and words[-2:] == ["a", "half"]:
        # "three-and-a-half (weeks)": 3.5 of the unit that follows
        whole = parse_number_words(" ".join(words[:-2]))
        return None if whole is None else whole + 0.5
    if len(words) >= 4 and words[-3:-1] == ["a", "half"] and (words[-1] in SCALES or words[-1] == "dozen"):
        # "three-and-a-half thousand": (3 + 1/2) x 1,000
        whole = parse_number_words(" ".join(words[:-3]))
        scale = 12 if words[-1] == "dozen" else SCALES[words[-1]]
        return None if whole is None else (whole + 0.5) * scale
    total, current, seen_number = 0.0, 0.0, False
    for i, w in enumerate(words):
        if w in ("a", "an", "another"):
            if i + 1 >= len(words) or words[i + 1] not in (*SCALES, "dozen"):
                return None
            current = 1
        elif w in SMALL:
            current += SMALL[w]
            seen_number = True
        elif w in TENS:
            if current % 100:
                return None  # "ten-thirty", "twelve forty-five": a clock time or a year in words, not a number
            current += TENS[w]
            seen_number = True
        elif w == "dozen":
            current = max(current, 1) * 12
            seen_number = True
        elif w == "hundred":
            current = max(current, 1) * 100
            seen_number = True
        elif w in SCALES:
            total += max(current, 1) * SCALES[w]
            current = 0
            seen_number = True
        else:
            return None
    return total + current if seen_number else None


_VAGUE_BOUNDS = {
    "dozens": (24, 99), "scores": (40, 99), "hundreds": (200, 999), "thousands": (2_000, 9_999),
    "millions": (2_000_000, 9_999_999), "billions": (2_000_000_000, 9_999_999_999),
    "trillions": (2_000_000_000_000, 9_999_999_999_999),
}
_QUANTIFIER_FACTORS = {"several": (3, 9), "a few": (2, 5), "few": (2, 5), "a couple of": (2, 3), "a couple": (2, 3),
                       "many": (3, 9), "a number of": (2, 9)}


def _vague_atom(m: re.Match[str]) -> Atom:
    if m.group("tens"):
        scale = {"thousands": 1_000, "millions": 1_000_000, "billions": 1_000_000_000}[m.group("tens_scale").lower()]
        mult = 10 if m.group("tens").lower() == "tens" else 100
        low, high = mult * scale, mult * 10 * scale - 1
    elif m.group("multi"):  # "a multimillion dollar scheme": millions (or billions), vague
        scale = SCALES[m.group("multi").lower()]
        low, high = 2 * scale, 999 * scale
    elif m.group("q"):
        q = re.sub(r"\s+", " ", m.group("q").lower())
        scale = 12 if m.group("q_scale").lower() == "dozen" else SCALES[m.group("q_scale").lower()]
        if m.group("q_scale2"):
            scale *= SCALES[m.group("q_scale2").lower()]
        lo_f, hi_f = _QUANTIFIER_FACTORS[q]
        low, high = lo_f * scale, hi_f * scale
    else:
        low, high = _VAGUE_BOUNDS[m.group("plural").lower()]
    return Atom(m.start(), m.end(), None, "vague", low=low, high=high)


def find_atoms(text: str, taken: list[tuple[int, int]], index: WordStarts | None = None,
               general: bool = False, fixes: bool = False, readings_s32: frozenset[str] = frozenset()) -> list[Atom]:
    """All number atoms outside the ``taken`` spans, left to right, without overlaps.

    ``index``: the :class:`WordStarts` of ``text``, if already built. ``general``: also the readings of the
    ``general`` option (figures 1.6: "trillions", ".380", "half-dozen", "one-week", "no two"). ``fixes``: the
    readings of figures 1.7 (see models/figures/HISTORY.md: "a couple hundred", "six-figure", names and points in time).
    ``readings_s32``: the enabled stop-32 context readings read here (``glued_scale``: "39million";
    ``quoted_title``: "’30 Truths ...’").
    """
    index = index if index is not None else WordStarts(text)
    atoms: list[Atom] = []
    for m in finditer_from(VAGUE_RE, index, VAGUE_FIRST):
        if (m.group("plural") or "").lower() == "scores" and not _SCORES_OF.match(text, m.end()) and (
            _SCORES_NOT_AMOUNT_BEFORE.search(text[max(0, m.start() - 14) : m.start()])
            or _SCORES_NOT_AMOUNT_AFTER.match(text, m.end())
        ):
            continue  # "it scores political points", "test scores": a verb or a noun, not "scores (of) people"
        if not general and (m.group("plural") or "").lower() == "trillions":
            continue
        if not fixes and re.fullmatch(r"a\s+couple", m.group("q") or "", IGNORE_CASE):
            continue  # "a couple hundred thousand": vague only in the 1.7 readings
        atoms.append(_vague_atom(m))
    for m in finditer_from(COUPLE_RE, index, COUPLE_FIRST):
        # "a couple of weeks": about two, vague; the bound is set where the quantity is built
        atoms.append(Atom(m.start(), m.end(), 2.0, "vague", low=2, high=3))
    for m in _DIGITS_RE.finditer(text):
        if not general and m.group(0).startswith("."):
            continue
        atom = _digit_atom(text, m, fixes, readings_s32)
        if atom is not None:
            atoms.append(atom)
    for m in finditer_from(WORDS_RE, index, WORDS_FIRST):
        atom = _word_atom(text, m, general, fixes)
        if atom is not None:
            atoms.append(atom)
    atoms.sort(key=lambda a: (a.start, -(a.end - a.start)))
    out: list[Atom] = []
    # the occupied spans never overlap one another, so sorted by start they are sorted by end too: only the last
    # one starting before an atom's end can overlap it (one lookup per atom, not a scan of every span)
    occupied = _merged(taken)
    starts = [s for s, _ in occupied]
    for a in atoms:
        k = bisect.bisect_left(starts, a.end) - 1
        if k >= 0 and occupied[k][1] > a.start:
            continue
        out.append(a)
        starts.insert(k + 1, a.start)
        occupied.insert(k + 1, (a.start, a.end))
    out.sort(key=lambda a: a.start)
    return out


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` sorted, with overlapping ones joined (the occupied ranges they cover)."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


# ``glued_scale`` (stop 32): "39million visits", "£5billion": a scale word glued to the digits
_GLUED_SCALE = re.compile(r"(?:million|billion|trillion)\b", IGNORE_CASE)
# ``quoted_title`` (stop 32): a quote mark opening a title case run that the same mark closes on the line
_SMALL_TITLE_WORDS = r"(?:a|an|the|of|on|in|at|to|for|and|or|but|by|with|from|vs?\.?|is|are|&)"
_QUOTED_TITLE_AFTER = re.compile(rf"(?:[ ]+(?:[A-Z0-9][\w'’-]*|{_SMALL_TITLE_WORDS})[,:!?]?){{1,12}}(?P<q>['’])"
                                 r"(?![A-Za-z])")
_QUOTE_OPENS_BEFORE = re.compile(r"(?:^|[\s(\[])$")


def _quoted_title(text: str, start: int, end: int) -> bool:
    """``quoted_title``: the two digits at ``start`` open a quoted title ("entitled ’30 Truths About Leaving on WTO
    Terms’"): the quote mark before them follows a space, a capitalised word follows them and the title case run
    after them ends with the same mark."""
    mark = text[start - 1 : start]
    if not _QUOTE_OPENS_BEFORE.search(text[max(0, start - 2) : start - 1]):
        return False
    close = _QUOTED_TITLE_AFTER.match(text, end)
    return close is not None and close.group("q") == mark and re.match(r"[ ]+[A-Z]", text[end:]) is not None


def _digit_atom(text: str, m: re.Match[str], fixes: bool = False, readings_s32: frozenset[str] = frozenset()) -> Atom | None:
    start, end = m.start(), m.end()
    raw = _ZERO_WIDTH_RE.sub("", m.group(0))
    if raw in _EMERGENCY_NUMBERS and (_EMERGENCY_AFTER.match(text[end : end + 30])
                                      or _EMERGENCY_BEFORE.search(text[max(0, start - 12) : start])):
        return None  # "911 calls", "dial 999": a service number, not a count
    if len(raw) == 2 and text[start - 1 : start] in {"'", "‘", "’"} and not PERCENT_AFTER.match(text[end:]) and not (
        "quoted_title" in readings_s32 and _quoted_title(text, start, end)
    ):
        return None  # "BC ’22", "ordained in ’78": a year written short
    if re.search(r"\b[Tt]itle\s+$", text[max(0, start - 7) : start]):
        return None  # "Title 8 of the United States Code"
    before = text[max(0, start - 2) : start]
    if (re.search(r"[A-Za-z]-?$", before) and not _SCORE_BEFORE.search(text[max(0, start - 6) : start])) or \
            IDENTIFIER_BEFORE.search(text[max(0, start - 20) : start]) or _listed_reference(text, start, end):
        return None  # Su-34, MH17, Article 5 (but "a 4-to-4 split" is two counts)
    if fixes and (_LOWER_IDENTIFIER_BEFORE.search(text[max(0, start - 10) : start])
                  or (end - start <= 3 and _point_in_time(text, start, end))):
        return None  # "precinct 78", "your week 2 outline", "on Day 1": an identifier or a point in time
    after = text[end : end + 3]
    if re.match(r"-[A-Z](?!\w)", after):
        return None  # "3-D printer files", "3-D-printed guns", "4-H club": a type or a name, not a figure
    if NAMED_SET_AFTER.match(text, end):
        return None  # "the 10 commandments": the name of a set, not a count
    if re.match(r"[A-Za-z]", after) and not re.match(r"(?:bn|mn|mln|tn|trn|k|m|b|st|nd|rd|th|s)\b", text[end:], IGNORE_CASE):
        if not re.match(MEASURE_UNITS, text[end:], IGNORE_CASE) and not (
            "glued_scale" in readings_s32 and _GLUED_SCALE.match(text, end)
        ):
            return None  # 4x4, 10am and other glued tokens
    if re.match(r"s\b", after) and re.fullmatch(r"\d*[1-9]", raw):
        return None  # "302s" (FBI forms), "747s": the plural of a name; "the 90s", "1,000s" end in 0
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
        factor = float(SCALES[word]) if word else float(SHORT_SCALES[sc.group("short").strip().lower()])
        if sc.group("word2"):
            factor *= SCALES[sc.group("word2").lower()]
        if sc.group("short") and sc.group("short").strip().lower() in {"m", "b", "k", "mm"}:
            # a bare "m"/"b"/"k" is a scale only in money ("$5m"); elsewhere it may be metres; "mm" is a
            # million only after a currency sign ("$145mm", the financial press), else millimetres
            money = re.search(r"(?:[$€£₽₴¥]|US\$|USD|EUR|GBP)\s?$", text[max(0, start - 4) : start])
            nxt = re.match(r"\s+([A-Za-z]+)", text[end + sc.end() :])
            if not money and (sc.group("short").lower() == "mm" or not (nxt and looks_plural(nxt.group(1).lower()))):
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


# "pages 10-12 and 17-34 of", "paragraphs 252 and 253 of", "notes 336 and 351)": the next reference of a list
_LIST_JOIN = r"(?:,[ ]*|,?[ ]+(?:and|or|&)[ ]+)"
_LISTED_BEFORE = re.compile(rf"\d+(?:[-–]\d+)?(?:{_LIST_JOIN}\d+(?:[-–]\d+)?)*{_LIST_JOIN}(?:\d+[-–])?$")
_LISTED_AFTER = re.compile(r"(?:[-–]\d+)?(?:[ ]*[),.;:\]]|[ ]+of\b|[ ]+(?:and|or|&)[ ]+\d)")


def _listed_reference(text: str, start: int, end: int) -> bool:
    window = text[max(0, start - 48) : start]
    m = _LISTED_BEFORE.search(window)
    if m is None or not _LISTED_AFTER.match(text, end):
        return False
    head = window[: m.start()]
    return IDENTIFIER_BEFORE.search(head[-20:]) is not None


_SCORE_BEFORE = re.compile(r"\d[-–]to[-–]$", IGNORE_CASE)
_ARTICLE_PREFIX = re.compile(r"^an?\s+", IGNORE_CASE)
_ONE_COUNTED_AFTER = re.compile(
    r"(?<!\bthe\s)(?<!\bthe\sonly\s)\b(?:at\s+least|just|only|exactly|more\s+than|fewer\s+than|not\s+even)\s+$",
    IGNORE_CASE,
)
# "at least one survivor": a noun (not a verb form, not "of") must follow a counted "one"
_ONE_NOUN_AFTER = re.compile(r"[ ]+(?!(?:of|who|that|which|is|was|more|other|another)\b)(?P<w>[A-Za-z]+)\b(?P<next>[ ]+[A-Za-z]+)?")


def _noun_follows_one(text: str, pos: int) -> bool:
    m = _ONE_NOUN_AFTER.match(text, pos)
    if m is None:
        return False
    if m.group("w").lower().endswith(("ed", "ing")):
        # "the one mentioned by name" (a verb) vs "one infected traveller" (an adjective before its noun)
        nxt = m.group("next")
        return nxt is not None and nxt.strip().lower() not in STOP_AFTER
    return True
_NEXT_WORD = re.compile(r"[ ]+([a-z]{3,})\b")
_TALLY_WINDOW = 200
_TALLY_JOIN_BEFORE = re.compile(r"(?:\b(?:and|with|plus|or)[ ]+|,[ ]*)$", IGNORE_CASE)


def _one_in_tally(text: str, start: int, end: int) -> bool:
    """ "seven counts of ..., two counts of ... and one count of ...": "one" before a noun that another number counts
    nearby (its plural right after digits or a number word) is one more item of a tally, a count (A11, decision 3)."""
    m = _NEXT_WORD.match(text, end)
    if m is None or m.group(1) in STOP_AFTER or text[start] != "o":
        return False  # a capitalised "One way is ..." introduces an individual (decision 3)
    if not _TALLY_JOIN_BEFORE.search(text[max(0, start - 8) : start]):
        return False  # "two sources ...; one source said": "one" introducing someone, not the next item of a tally
    noun = m.group(1)
    plural = noun[:-1] + "ies" if re.search(r"[^aeiou]y$", noun) else noun + ("es" if noun.endswith(("s", "x", "ch", "sh")) else "s")
    window = text[max(0, start - _TALLY_WINDOW) : end + _TALLY_WINDOW]
    return re.search(rf"(?:\b\d[\d,]*|\b{NUMBER_WORD})[ ]+{re.escape(plural)}\b", window, IGNORE_CASE) is not None


# "the Ten Commandments", "the 10 commandments", "the Seven Deadly Sins", "the Twelve Apostles", "the Big Ten": a
# number that names a set (a proper name), not a count
NAMED_SET_AFTER = re.compile(
    r"[ -]+(?:commandments|deadly[ ]+sins|apostles|disciples|plagues|pillars[ ]+of[ ]+islam|wonders[ ]+of[ ]+the|"
    r"noble[ ]+truths|stooges|dwarfs|dwarves)\b",
    IGNORE_CASE,
)
_ONE_MORE_AFTER = re.compile(r"[ ]+more[ ]+(?!of\b|than\b|time\b|thing\b)[A-Za-z]", IGNORE_CASE)


def _one_more(text: str, start: int, end: int) -> bool:
    """ "contains one more Duke video": "one more" before a noun adds one to a count (not "one more time")."""
    return text[start] == "o" and _ONE_MORE_AFTER.match(text, end) is not None


# "three lanes at San Ysidro and one at Otay Mesa", "20 had no prior history, one has pending charges": a bare "one"
# after "and" or a comma, before "has"/"had" or "at", where a number counts earlier in the same sentence (not before
# "is"/"was": "two are women, and one is an apprentice" introduces an individual, A11 decision 3)
_ONE_PRONOUN_AFTER = re.compile(r"[ ]+(?:has|had|at)\b")
_SENTENCE_NUMBER_BEFORE = re.compile(rf"(?:\b\d[\d,]*|\b{NUMBER_WORD})\b[^.!?\n]*$", IGNORE_CASE)


def _one_pronoun_in_tally(text: str, start: int, end: int) -> bool:
    if text[start] != "o" or not _ONE_PRONOUN_AFTER.match(text, end):
        return False
    if not re.search(r"(?:\band[ ]+|,[ ]+)$", text[max(0, start - 6) : start]):
        return False
    return _SENTENCE_NUMBER_BEFORE.search(text[max(0, start - 150) : start - 1]) is not None


# figures 1.7 readings (issue 13, s23) ------------------------------------------------------------------

# "precinct 78", "ward 8": lower-case identifiers (the capitalised ones are in IDENTIFIER_BEFORE)
_LOWER_IDENTIFIER_BEFORE = re.compile(r"\b(?:precinct|ward)[ ]+$")
# "your week 2 outline", "on day one", "by Day 3": a week or day of a sequence names a point in time (the
# guideline's "day one"), not a count; not after a rate or an article ("once a day 3 people", "every week 500 ...")
_POINT_WORD_BEFORE = re.compile(r"(?<!\ba[ ])(?<!\ban[ ])(?<!\bper[ ])(?<!\beach[ ])(?<!\bevery[ ])(?<!\bone[ ])"
                                r"(?<!\bsame[ ])\b(?:[Ww]eek|[Dd]ay)[ ]+$")
_POINT_NUMBER_AFTER = re.compile(r"[ ]+(?:[a-z]+s\b|percent\b|per[ ]cent\b|hundred\b|thousand\b|million\b|billion\b)|"
                                 r"[ ]?%|[.,]\d")


def _point_in_time(text: str, start: int, end: int) -> bool:
    """ "week 2", "day one": the number names a week or a day of a sequence (no plural noun, per cent or scale
    after it: "day 3 protesters" would count)."""
    return (_POINT_WORD_BEFORE.search(text[max(0, start - 12) : start]) is not None
            and _POINT_NUMBER_AFTER.match(text, end) is None)


# "the Gang of Eight", "the Group of Seven": a capitalised number word after "<Name> of" is part of a name
_NAME_OF_BEFORE = re.compile(r"\b[A-Z][a-z]+[ ]+of[ ]+$")
# '"Three Amigos"', "'THREE AMIGOS'": a quoted run of capitalised words that opens with the number word is a name
_QUOTE_OPENERS = "\"“‘'"
_QUOTED_NAME_REST = re.compile(r"(?:[ ]+[A-Z][A-Za-z’'-]*){1,3}[”\"’']")
# "zero evidence", "zero credible proof": an emphatic "no" (A11: dropped), not a count of nothing ("zero
# endorsements", "a zero percent chance" count)
_EMPHATIC_ZERO_AFTER = re.compile(
    r"[ ]+(?:[a-z]+[ ]+)?(?:evidence|proof|knowledge|experience|credibility|tolerance|respect|sense|idea|clue|"
    r"doubt|intention|desire|accountability|regard|empathy|concern|remorse|shame|integrity|understanding)\b"
)
# "six-figure fees", "a seven-figure salary", "two-digit inflation": an order of magnitude, a vague amount
_MAGNITUDE_AFTER = re.compile(r"-(?P<u>figure|digit)\b", IGNORE_CASE)
# "at least one of these calls", "more than one of them": a bounded count, not the pronoun "one of"
_BOUNDED_ONE_OF = re.compile(r"\b(?:at[ ]+least|more[ ]+than)[ ]+$", IGNORE_CASE)
# "only one hearing and one set of appeals": the next "one" of a coordinated count
_COUNTED_ONE_BEFORE = re.compile(r"\b(?:at[ ]+least|only|just|exactly)[ ]+one[ ]+[a-z]+(?:[ ]+[a-z]+)?[ ]+(?:and|or)[ ]+$",
                                 IGNORE_CASE)


def _name_number(text: str, start: int, end: int) -> bool:
    """ "the Gang of Eight", '"Three Amigos"': a capitalised number word that is part of a name."""
    if not text[start : start + 1].isupper():
        return False
    if _NAME_OF_BEFORE.search(text[max(0, start - 24) : start]):
        return True
    return text[start - 1 : start] in _QUOTE_OPENERS and _QUOTED_NAME_REST.match(text, end) is not None


def _counted_one_fixes(text: str, start: int, end: int) -> bool:
    """The 1.7 readings of a counted "one": "at least one of", "only one hearing" (an -ing noun before "and" or a
    stop), "... and one set of appeals" after a counted "one"."""
    if text[start] != "o":
        return False
    before = text[max(0, start - 16) : start]
    if _BOUNDED_ONE_OF.search(before) and re.match(r"[ ]+of\b", text[end : end + 4]):
        return True
    if _ONE_COUNTED_AFTER.search(before) and re.match(r"[ ]+[a-z]+ing(?:[ ]+(?:and|or)\b|[,.;:])", text[end : end + 30]):
        return True
    return _COUNTED_ONE_BEFORE.search(text[max(0, start - 50) : start]) is not None and \
        _ONE_NOUN_AFTER.match(text, end) is not None


# after "a"/"an", a number word is a figure only with a unit: "a three-day operation", "a five-man team"
_UNIT_AFTER_ARTICLE_NUMBER = re.compile(
    r"-(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centur(?:y|ies)|man|men|member|person|time|"
    r"judge|juror|officer|soldier|player|woman|women|"
    r"people|strong|mile|kilometre|kilometer|metre|meter|foot|feet|inch|hectare|acre|ton|tonne|seat|storey|story|page|"
    r"point|percent)\b|[ ]+(?:percent|per\s+cent)\b|"
    # the same measure adjective written with a space: "a six year period", "a ten mile walk" (a singular unit after
    # a number above one, then a word: the unit is an adjective before its noun)
    r"[ ]+(?:second|minute|hour|day|week|month|year|decade|mile|kilometre|kilometer|metre|meter|page|man|member|"
    r"point)[ ]+(?=[a-z])(?!(?:of|and|or|in|on|at|to|for|from|ago|after|before|later|earlier|old)\b)",
    IGNORE_CASE,
)


# "a one-week limit", "one-gallon gas cans": "one" in a measure adjective counts its unit ("one-time" does not)
_ONE_UNIT_ADJECTIVE = re.compile(
    r"-(?:second|minute|hour|day|week|month|year|decade|century|mile|kilometre|kilometer|metre|meter|foot|inch|"
    r"gallon|litre|liter|pound|ton|tonne|acre|page|point|percent)\b(?!-old\b)", IGNORE_CASE
)


def _word_atom(text: str, m: re.Match[str], general: bool = False, fixes: bool = False) -> Atom | None:
    phrase = m.group(0)
    if not general and phrase.lower().startswith("half-dozen"):
        return None
    start = m.start()
    value = parse_number_words(phrase)
    if value is None and _ARTICLE_PREFIX.match(phrase):
        # "a three-day operation", "a five-man team": the article is not part of the number
        art = _ARTICLE_PREFIX.match(phrase)
        assert art is not None
        start += art.end()
        phrase = phrase[art.end() :]
        value = parse_number_words(phrase)
        if not _UNIT_AFTER_ARTICLE_NUMBER.match(text, m.end()) and not (fixes and _MAGNITUDE_AFTER.match(text, m.end())):
            return None  # "a two-state solution", "a six-shot revolver": a compound adjective, not a figure
    if value is None:
        return None
    low = phrase.lower()
    if low == "one" and not (general and _ONE_UNIT_ADJECTIVE.match(text, m.end())) and (not _ONE_COUNTED_AFTER.search(text[max(0, start - 16) : start])
                         or not _noun_follows_one(text, m.end())) and not _one_in_tally(text, start, m.end()) \
            and not _one_more(text, start, m.end()) and not _one_pronoun_in_tally(text, start, m.end()) \
            and not (fixes and _counted_one_fixes(text, start, m.end())):
        return None  # "one of the", "no one", "one day": too rarely a count to report ("at least one" is)
    if value == 0 and phrase[0].isupper() and re.match(r"[ ]+[A-Z]", text[m.end() : m.end() + 2]):
        return None  # "Zero Hedge": a name
    if re.match(r"-fold\b", text[m.end() : m.end() + 6], IGNORE_CASE) or re.match(
        r"\s+(?:sides|faces)\s+of\s+the\s+same\s+coin\b", text[m.end() : m.end() + 30], IGNORE_CASE
    ):
        return None  # "two-fold", "two sides of the same coin": idioms, not counts
    if low in {"a", "an"}:
        return None
    if low.startswith(("a ", "an ")) and value == 100 and not re.search(r"\bhundred\b", low):
        return None
    if re.search(r"\b(?:no|any|every|some)\s*$", text[max(0, start - 6) : start], IGNORE_CASE) and value == 1:
        return None
    if general and re.search(r"\bno[ ]+$", text[max(0, start - 4) : start], IGNORE_CASE):
        return None  # "no two people are alike": a negation, not a count
    if NAMED_SET_AFTER.match(text, m.end()):
        return None  # "the Ten Commandments", "the Seven Deadly Sins": the name of a set, not a count
    if fixes and (_name_number(text, start, m.end()) or _point_in_time(text, start, m.end())
                  or (value == 0 and _EMPHATIC_ZERO_AFTER.match(text, m.end()))):
        return None  # "the Gang of Eight", "week two", "zero evidence"
    magnitude = _MAGNITUDE_AFTER.match(text, m.end()) if fixes and 1 < value < 13 else None
    if magnitude:  # "six-figure fees": 100,000-999,999
        digits = int(value)
        return Atom(start, magnitude.end(), None, "vague", low=10 ** (digits - 1), high=10**digits - 1)
    if re.search(r"\b(?:[Nn]umber|No\.|Part|Chapter|Article|Section|Book|Volume)[ ]+$", text[max(0, start - 9) : start]):
        return None  # "accuser number two", "Part Two", "Chapter Three": an enumerator or a rank, not a count
    atom = Atom(start, m.end(), value, "words")
    sc = re.match(r"^\s+(?P<w>million|billion|trillion|thousand)\b", text[m.end() :], IGNORE_CASE)
    if sc and not re.search(r"\b(?:million|billion|trillion|thousand)$", low):
        atom.end = m.end() + sc.end()
        atom.value = value * SCALES[sc.group("w").lower()]
    return atom


# ---------------------------------------------------------------------------------------------------


NUMBER_WORDS_FIRST = words_of(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen",
    "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety",
)
WORDS_FIRST = NUMBER_WORDS_FIRST | words_of("half a an another")
VAGUE_FIRST = words_of("tens hundreds several a few many some dozens scores thousands millions billions trillions multi",
                       "multimillion multibillion")
COUPLE_FIRST = words_of("a")
FRACTION_FIRST = words_of("a an one two three four nine")
