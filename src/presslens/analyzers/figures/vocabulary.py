"""Figures vocabulary: number words, scales, months, currencies, units, and the bound phrases around a
number.
"""

from __future__ import annotations

import re

LABELS = ("count", "percent", "money", "range", "age", "duration", "date", "measure", "ordinal")
BOUNDS = ("lower", "upper", "approx")

IGNORE_CASE = re.IGNORECASE

# ---------------------------------------------------------------------------------------------------
# Vocabulary
# ---------------------------------------------------------------------------------------------------

SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
           "trillion": 1_000_000_000_000}
SHORT_SCALES = {"k": 1_000, "m": 1_000_000, "mm": 1_000_000, "mn": 1_000_000, "mln": 1_000_000, "bn": 1_000_000_000,
                 "b": 1_000_000_000, "tn": 1_000_000_000_000, "trn": 1_000_000_000_000}

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12, "jan": 1, "feb": 2, "mar": 3,
    "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
MONTH_RE = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)

CURRENCY_PREFIX = {
    "$": ("USD", "dollars"), "us$": ("USD", "dollars"), "€": ("EUR", "euros"), "£": ("GBP", "pounds"),
    "₽": ("RUB", "roubles"), "₴": ("UAH", "hryvnias"), "¥": ("CNY", "yuan"), "usd": ("USD", "dollars"),
    "eur": ("EUR", "euros"), "gbp": ("GBP", "pounds"), "rub": ("RUB", "roubles"), "uah": ("UAH", "hryvnias"),
}
CURRENCY_WORDS = {
    "dollar": "USD", "dollars": "USD", "us dollars": "USD", "euro": "EUR", "euros": "EUR", "pound": "GBP",
    "pounds": "GBP", "pounds sterling": "GBP", "rouble": "RUB", "roubles": "RUB", "ruble": "RUB",
    "rubles": "RUB", "hryvnia": "UAH", "hryvnias": "UAH", "hryvnyas": "UAH", "yuan": "CNY",
    "renminbi": "CNY", "rupees": "INR", "lira": "TRY", "lari": "GEL", "tenge": "KZT", "zloty": "PLN",
    "usd": "USD", "eur": "EUR", "rub": "RUB", "uah": "UAH", "gbp": "GBP",
}
CURRENCY_WORD_RE = (
    r"(?:US\s+dollars|pounds\s+sterling|dollars?|euros?|pounds?|roubles?|rubles?|hryvnias?|hryvnyas|"
    r"yuan|renminbi|rupees|lira|lari|tenge|zloty|USD|EUR|RUB|UAH|GBP)"
)

TIME_UNITS = r"(?:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|years?|decades?|centuries|century)"
MEASURE_UNITS = (
    r"(?:km2|km²|sq\.?\s?km|square[\s-]+(?:kilometres|kilometers|miles?|metres|meters|feet|foot|yards?)|kilometres?|kilometers?|"
    r"km|miles?|metres?|meters?|cm|mm|millimetres?|millimeters?|feet|foot|ft|tonnes?|tons?|kg|kilograms?|"
    r"grams?|litres?|liters?|barrels?|hectares?|acres?|MW|GW|kW|megawatts?|gigawatts?|kilowatts?|"
    r"degrees?|°C|°F|knots?|kph|km/h|mph|bcm|cubic\s+metres?|calibre)"
)

STOP_AFTER = {
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
NOT_ADVERBS = {"family", "ally", "rally", "italy", "assembly", "supply", "belly", "jelly", "july", "fly"}
IDENTIFIER_BEFORE = re.compile(
    r"\b(?:Article|Section|Paragraph|Resolution|Chapter|No\.|Nos\.|Number|Unit|Block|Building|Flight|"
    r"Route|Highway|Gate|Platform|Level|Stage|Phase|Tier|Category|Class|Grade|Room|Page|Protocol|"
    r"Point|Item|Clause|Amendment|Decree|Order|Regulation|Law|Code|Lot|Box|Channel|Zone|Pier|Terminal|Dock|"
    r"Berth|Suite|Apartment|Apt\.|Precinct|District|Ward|Bus|Train|Part|Articles|Sections|Chapters|Paragraphs|"
    r"Verses|Pages|Canon|Canons|Notes?|Interstate|Exit|State[ ]Road|County[ ]Road|Game|Games|Round|Episode|Season)\s*(?:\d+[-–])?$|"
    r"\b(?:article|section|paragraph|resolution|chapter|no\.|page|pages|flight|route|highway|platform|gate|"
    r"room|protocol|clause|amendment|phase|stage|pier|terminal|suite|apartment|number|articles|sections|chapters|"
    r"paragraphs|verses|canon|canons|cf\.|"
    # references in citations: "p. 303", "pp. 52-53", "(par. 2491)", "vol. 3", "art. 5", "§ 793", "§§ 1-4"
    r"pp?\.|paras?\.|pars?\.|vols?\.|arts?\.|secs?\.|chs?\.|figs?\.|nos?\.|Par\.|Para\.|Vol\.|Art\.|Sec\.)\s*(?:\d+[-–])?$|"
    r"§§?\s*(?:\d+[-–])?$"
)

BOUND_BEFORE = re.compile(
    r"(?P<b>\b(?:just\s+|well\s+|slightly\s+|far\s+)?(?:more\s+than|over|at\s+least|above|upwards?\s+of|"
    r"as\s+few\s+as|as\s+little\s+as|as\s+low\s+as|shy\s+of|not\s+quite|more\s+or\s+less|in\s+the\s+region\s+of|"
    r"on\s+the\s+order\s+of|of\s+the\s+order\s+of|an\s+approximate|estimated\s+at|"
    r"in\s+excess\s+of|no\s+fewer\s+than|no\s+less\s+than|not\s+less\s+than|a\s+minimum\s+of|exceeding|"
    r"up\s+to|fewer\s+than|less\s+than|at\s+most|under|below|no\s+more\s+than|not\s+more\s+than|"
    r"as\s+many\s+as|as\s+much\s+as|as\s+high\s+as|a\s+maximum\s+of|within|nearly|almost|close\s+to|"
    r"approaching|near|about|around|roughly|"
    r"some|approximately|an\s+estimated|estimated|circa|approx\.?|c\.|maybe|perhaps|possibly)\s+|~\s*)$",
    IGNORE_CASE,
)
BOUND_KIND = [
    (re.compile(r"^(?:just\s+|well\s+|slightly\s+|far\s+)?(?:more\s+than|over|at\s+least|above|upwards?|"
                r"in\s+excess|no\s+fewer|no\s+less|not\s+less|a\s+minimum|exceeding|as\s+few|as\s+little|as\s+low)",
                IGNORE_CASE), "lower"),
    (re.compile(r"^(?:just\s+|well\s+|slightly\s+|far\s+)?(?:up\s+to|fewer|less|at\s+most|under|below|"
                r"no\s+more|not\s+more|as\s+many|as\s+much|as\s+high|a\s+maximum|within)", IGNORE_CASE),
     "upper"),
]
BOUND_AFTER = re.compile(
    r"^(?:(?P<plus>\+|-plus\b)|(?P<odd>-odd\b)|\s+(?P<b>or\s+(?:more|over|above|higher|fewer|less|under|below|so)|plus|"
    r"and\s+(?:older|over|up|above|younger|under|below))\b)", IGNORE_CASE
)
# a bound after the unit ("1,000 troops or more", "200 people or so", "40 percent or more of voters"); it holds only
# where the phrase ends there (a punctuation mark or a function word of STOP_AFTER follows): not "or more often"
BOUND_AFTER_UNIT = re.compile(
    r"^[ ]+(?P<b>or[ ]+(?:more|over|above|higher|fewer|less|under|below|so)|and[ ]+(?:older|over|up|above|younger|"
    r"under|below))\b(?:[ ]*(?P<end>[,.;:!?)\]”\"’—–]|$)|"
    r"[ ]+(?P<next>[A-Za-z]+))",
    IGNORE_CASE,
)

# ---------------------------------------------------------------------------------------------------


_IRREGULAR_PLURALS = {"men", "women", "people", "children", "personnel", "police", "staff", "feet", "teeth",
                      "mice", "geese", "sheep", "cattle", "livestock", "militia", "crew", "aircraft", "dead",
                      "wounded", "injured", "missing", "elderly", "youth", "kin", "data", "media"}


def looks_plural(word: str) -> bool:
    if word in _IRREGULAR_PLURALS:
        return True
    return len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "'s", "’s"))
