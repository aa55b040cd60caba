"""Figure mentions: the quantity findings of an article, ready to be grouped across articles.

A :class:`FigureMention` is one ``quantity`` finding of the figures analyzer together with what grouping
and the timeline need: the article's id, date and source, the sentence and the clause around the number,
the clause with the number masked (what the encoder embeds), the counted noun, who the figure is
attributed to and whether the claim is hedged.

:func:`mentions_from_findings` builds them from an article and the findings of a pipeline run
(``Pipeline().run(article)``); attribution and claim findings are optional (without them
``attributed_to`` and ``hedged`` stay unknown).

:func:`measure_class` decides what may ever be grouped together: counts only with counts, percentages
with percentages, money only in the same currency, measures only with the same kind of unit. Ages, dates,
durations and ordinals are never grouped (``None``).
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field, fields
from typing import Any

from presslens.article import Article, Finding

GROUPED_LABELS = frozenset({"count", "percent", "money", "measure", "range"})
"""Labels of the figures analyzer whose findings can join a group (a range by the class of its unit)."""

_TIME_UNIT = re.compile(r"^(?:seconds?|minutes?|hours?|days?|nights?|weeks?|fortnights?|months?|years?|decades?|"
                        r"centuries|century)$", re.I)
MULTIPLIER_UNITS = frozenset({"time", "times", "fold"})
"""A count "of times" is a multiplier or a frequency ("four times the usual traffic", "twice a week"), not a
count of things: never grouped, like a duration ("two nights", "26 nights" the analyzer reads as counts)."""
_UNIT_DIMENSIONS = {
    "length": r"km|kilometres?|kilometers?|miles?|metres?|meters?|cm|mm|millimetres?|millimeters?|feet|foot|ft",
    "area": r"km2|km²|sq\.?\s?km|square\s+\w+|hectares?|acres?",
    "mass": r"tonnes?|tons?|kg|kilograms?|grams?",
    "volume": r"litres?|liters?|barrels?|bcm|cubic\s+metres?",
    "power": r"MW|GW|kW|megawatts?|gigawatts?|kilowatts?",
    "temperature": r"degrees?|°C|°F",
    "speed": r"knots?|kph|km/h|mph",
    "calibre": r"calibre",
}
_DIMENSION_RES = {dim: re.compile(rf"^(?:{pat})$", re.I) for dim, pat in _UNIT_DIMENSIONS.items()}
_CURRENCY_UNITS = {"dollars": "USD", "euros": "EUR", "pounds": "GBP", "roubles": "RUB", "rubles": "RUB",
                   "hryvnias": "UAH", "yuan": "CNY", "yen": "JPY", "rupees": "INR", "zlotys": "PLN",
                   "shekels": "ILS", "lari": "GEL", "tenge": "KZT", "manats": "AZN", "drams": "AMD",
                   "lira": "TRY", "liras": "TRY",
                   # names shared by several currencies: the word itself is the code
                   "crowns": "crowns", "kronor": "crowns", "koruna": "crowns", "francs": "francs",
                   "dinars": "dinars", "pesos": "pesos", "shillings": "shillings", "ducats": "ducats",
                   "florins": "florins", "guilders": "guilders", "marks": "marks"}
"""Currency words; a figure counted in one of them ("2 billion crowns") is money, never a count."""


def currency_of_unit(unit: str | None) -> str | None:
    """The currency code of a unit phrase whose last word names a currency ("crowns", "euro"), else None."""
    words = re.findall(r"[a-z]+", (unit or "").lower())
    if not words:
        return None
    last = words[-1]
    return _CURRENCY_UNITS.get(last) or _CURRENCY_UNITS.get(last + "s")


def measure_class(label: str, unit: str | None, currency: str | None = None) -> str | None:
    """What kind of quantity a finding measures; only mentions of the same class may share a group.

    ``"count"``, ``"percent"``, ``"money:<currency>"``, ``"measure:<dimension>"``, or ``None`` for ages,
    dates, durations, ordinals and ranges of years or days, which are never grouped.
    """
    if label not in GROUPED_LABELS:
        return None
    unit_l = (unit or "").strip().lower()
    if label == "count" and currency_of_unit(unit_l):
        label = "money"  # the analyzer counted "2 billion crowns": a currency is not a counted noun
    if label == "count" and unit_l:
        last = unit_l.split()[-1]
        if _TIME_UNIT.match(last) or last in MULTIPLIER_UNITS:
            return None  # "two nights", "four times": a duration or a multiplier, never a count of things
    if label == "range":
        if currency or currency_of_unit(unit_l):
            label = "money"
        elif unit_l in ("percent", "percentage points"):
            label = "percent"
        elif unit_l and _TIME_UNIT.match(unit_l.split()[-1]):
            return None
        elif any(r.match(unit_l) for r in _DIMENSION_RES.values()):
            label = "measure"
        else:
            label = "count"
    if label == "money":
        code = currency or currency_of_unit(unit_l) or "?"
        return f"money:{code}"
    if label == "measure":
        for dim, r in _DIMENSION_RES.items():
            if r.match(unit_l):
                return f"measure:{dim}"
        return f"measure:{unit_l or '?'}"
    if label == "percent":
        return "percentage points" if unit_l == "percentage points" else "percent"
    return "count"


@dataclass(slots=True)
class FigureMention:
    """One quantity in one article, with the context grouping and the timeline need."""

    article_id: str
    start: int
    end: int
    text: str
    label: str
    measure: str | None
    """:func:`measure_class` of the finding; None: never grouped."""
    value: float | None = None
    low: float | None = None
    high: float | None = None
    bound: str | None = None
    vague: bool = False
    malformed: bool = False
    likely_values: list[float] = field(default_factory=list)
    unit: str | None = None
    currency: str | None = None
    number_start: int = 0
    number_end: int = 0
    date: _dt.date | None = None
    source: str | None = None
    sentence: str = ""
    sentence_start: int = 0
    clause: str = ""
    masked_clause: str = ""
    """The clause with the bound and number replaced by :data:`NUMBER_MASK` (what is embedded)."""
    head: str | None = None
    """The counted noun, normalised (:func:`head_noun`): "men", "vehicle", ... or None."""
    attributed_to: str | None = None
    attribution_vague: bool = False
    """The figure is attributed to nobody in particular ("some reports", "it is said")."""
    hedged: bool | None = None
    updated_copy_of: str | None = None
    """Set on a figure of a republished copy that its original does not state (an updated or added figure,
    :mod:`presslens.compare.copies`): the corpus key of the original article. None for any other mention (a
    copy's repeated figures are not mentions: they only add "also published by")."""
    updates: str | None = None
    """For such a figure, the id of the original's (or an earlier copy's) mention it states another value of,
    when there is one (same counted noun, or the nearest clause); None for an added figure."""

    @property
    def id(self) -> str:
        return f"{self.article_id}:{self.start}-{self.end}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "article_id": self.article_id, "date": self.date.isoformat() if self.date else None,
            "source": self.source, "start": self.start, "end": self.end, "text": self.text, "label": self.label,
            "value": self.value, "low": self.low, "high": self.high, "bound": self.bound, "vague": self.vague,
            "malformed": self.malformed, "likely_values": list(self.likely_values), "unit": self.unit,
            "currency": self.currency, "number": {"start": self.number_start, "end": self.number_end},
            "attributed_to": self.attributed_to, "attribution_vague": self.attribution_vague,
            "hedged": self.hedged, "sentence": self.sentence, "sentence_start": self.sentence_start,
            "measure": self.measure, "clause": self.clause, "masked_clause": self.masked_clause,
            "head": self.head, "updated_copy_of": self.updated_copy_of, "updates": self.updates,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> FigureMention:
        """The mention :meth:`to_dict` wrote (what a store reads back before :meth:`FigureGrouper.restore`)."""
        names = {f.name for f in fields(cls)} - {"date", "number_start", "number_end", "likely_values"}
        kwargs = {k: v for k, v in d.items() if k in names}
        number = d.get("number") or {"start": d["start"], "end": d["end"]}
        return cls(**kwargs, date=_dt.date.fromisoformat(d["date"]) if d.get("date") else None,
                   number_start=number["start"], number_end=number["end"],
                   likely_values=list(d.get("likely_values") or []))


NUMBER_MASK = "many"

_AGE_BEFORE = re.compile(r"\b(?:men|women|people|those|children|adults|anyone|citizens|aged)\s*$", re.I)
_AGE_OF_ONE = re.compile(r"\b(?:youngest|oldest|aged|age of|ages of)\b[^.;:]{0,30}$|"
                         r"\b(?:the|its|his|her|their)\s+(?:[a-z]+'s\s+)?[a-z]+,\s*$", re.I)
"""Before a bare number (no unit, followed by a comma or the sentence's end), an age: "the youngest detainee is
19, the oldest 64", "its captain, 58, said"."""
_CLAUSE_BREAK = re.compile(r"[;:]|,\s|\s(?:while|but|whereas|and)\s|\s[-–—]\s")
_VAGUE_SOURCE = re.compile(r"\b(?:some|several|many|unconfirmed|media|unverified|other)\s+(?:reports?|sources?|"
                           r"accounts|estimates)\b|\breportedly\b|\bit is (?:said|believed|claimed)\b|"
                           r"\bare believed\b|\bis believed\b|\bsome reports\b", re.I)

_SOURCE_TAIL = re.compile(r"\s*(?:,|\(|\s-\s|\s–\s|\s—\s)\s*(?:which|who|whose|that|where|an?|the)\b.*$",
                          re.I | re.S)
"""A relative clause or apposition after a source's name ("the monitoring group Open Passage, which combines
border-crossing data from neighbouring states"): what the source is, not who it is."""
_NOT_A_SOURCE = re.compile(r"^(?:far|much|more|less|fewer|than|well|nearly|almost|about|around|over|under|up|only|"
                           r"just|the\s+(?:figure|number|total|toll|count|estimate)s?)\b", re.I)
"""Openings of text the attribution analyzer may take for a source that name no one: a comparison with the
figure ("far more than the figure announced in public"), a bound, or the figure itself ("the figure")."""


def figure_source(text: str | None) -> str | None:
    """Who a figure is attributed to, as shown beside it: the attribution's source without a relative clause
    after the name (:data:`_SOURCE_TAIL`), or None when the text names no one (:data:`_NOT_A_SOURCE`, or no
    letter at all)."""
    if not text:
        return None
    name = _SOURCE_TAIL.sub("", " ".join(text.split())).strip(" ,;:-–—\"'")
    if not any(c.isalpha() for c in name) or _NOT_A_SOURCE.match(name):
        return None
    return name


# Synonyms folded to one head so that "lorries"/"trucks"/"vehicles" or "homes"/"households" compare equal.
_HEAD_SYNONYMS = {
    "fighter": "fighter", "combatant": "fighter", "militant": "fighter",
    "lorry": "vehicle", "truck": "vehicle", "car": "vehicle", "vehicle": "vehicle", "van": "vehicle",
    "home": "household", "household": "household", "family": "household", "house": "household",
    "customer": "household",
    "protester": "protester", "demonstrator": "protester", "detainee": "protester", "protestor": "protester",
    "reservist": "reservist", "conscript": "reservist", "recruit": "reservist", "draftee": "reservist",
    "soldier": "soldier", "troop": "soldier", "serviceman": "soldier", "servicemen": "soldier",
    "refugee": "refugee", "evacuee": "refugee", "displaced": "refugee", "arrival": "refugee", "newcomer": "refugee",
    "office": "office", "centre": "office", "center": "office",
    "dead": "victim", "victim": "victim", "casualty": "victim", "fatality": "victim", "body": "victim",
    "death": "victim", "patient": "case", "infection": "case", "case": "case",
    "journalist": "journalist", "reporter": "journalist", "correspondent": "journalist",
    "sailor": "seafarer", "seafarer": "seafarer", "mariner": "seafarer",
    "ship": "ship", "vessel": "ship", "freighter": "ship", "carrier": "ship",
    "grain": "grain", "wheat": "grain", "maize": "grain", "barley": "grain", "corn": "grain",
}
GENERIC_PERSON_HEADS = frozenset({
    "people", "person", "men", "man", "citizen", "resident", "civilian", "individual", "national", "inhabitant",
    "adult", "persons", "civilians",
})
"""Heads that name people in general: compatible with any more specific person head (and nationalities).
"men" is here because reports say "men" for the whole population of a call-up or an exodus."""
SUBPOPULATION_HEADS: dict[str, str] = {
    "woman": "women", "women": "women", "girl": "girls", "boy": "boys",
    "child": "children", "children": "children", "kid": "children", "minor": "children", "infant": "children",
    "baby": "children", "pupil": "children", "schoolchild": "children",
    "elderly": "elderly", "pensioner": "elderly", "pensioners": "elderly",
}
"""Parts of a population named by sex or age ("three women", "five children" among the dead): such a figure
is a count of that part, never of the whole, so it joins only figures of the same part."""
_SUBPOPULATIONS = frozenset(SUBPOPULATION_HEADS.values())
_PERSON_HEADS = GENERIC_PERSON_HEADS | {"civilian", "fighter", "arrival", "case", "protester", "reservist", "soldier", "refugee", "victim", "volunteer",
                                        "worker", "student", "staff", "doctor", "journalist", "prisoner"}


COMPOUND_HEADS = {
    ("heating", "point"): "warming place", ("warming", "centre"): "warming place",
    ("warming", "center"): "warming place", ("heating", "centre"): "warming place",
    ("heating", "center"): "warming place", ("warm", "room"): "warming place", ("warming", "station"): "warming place",
    ("warming", "shelter"): "warming place", ("heating", "tent"): "warming place", ("warming", "tent"): "warming place",
}
"""Two-word counted nouns whose last word alone says little ("heating points" and "warming centres" are the same
kind of place; "centre" alone folds to an office)."""


def head_noun(unit: str | None) -> str | None:
    """The counted noun of a unit phrase, singular and folded to its synonym ("aid lorries" -> "vehicle"); None
    for a possessive ("of the city's": the owner, not what is counted)."""
    if not unit:
        return None
    words = re.findall(r"[A-Za-z][A-Za-z'-]*", unit)
    if not words:
        return None
    word = words[-1]
    if word.endswith(("'s", "'")):
        return None
    if len(words) >= 2:
        compound = COMPOUND_HEADS.get((words[-2].lower(), _singular(word.lower())))
        if compound is not None:
            return compound
    if word[0].isupper() and word.lower().endswith(("ans", "ians", "ese", "is")) and len(words) == 1:
        return "people"  # a nationality used as a noun: "Norvanians"
    low = word.lower()
    singular = _singular(low)
    for modifier in words[:-1]:  # "elderly people", "young children": the part named by its modifier
        part = SUBPOPULATION_HEADS.get(modifier.lower())
        if part is not None:
            return part
    for form in (low, singular):
        if form in SUBPOPULATION_HEADS:
            return SUBPOPULATION_HEADS[form]
        if form in CIVILIAN_WORDS:
            return "civilian"
        if form in GENERIC_PERSON_HEADS:
            return "people"
    return _HEAD_SYNONYMS.get(singular, _HEAD_SYNONYMS.get(low, singular))


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


CIVILIAN_WORDS = frozenset({"civilian", "civilians", "noncombatant", "noncombatants"})
"""Nouns for people who do not fight: the counted noun "civilian", generic like "people" except that it never
joins soldiers (:data:`COMBATANT_HEADS`)."""
COMBATANT_HEADS = frozenset({"soldier", "fighter", "combatant", "militant", "militiaman", "reservist"})
GENERIC_HEADS = frozenset({"people", "civilian"})
"""Counted nouns generic enough to say nothing when shared (no head bonus, no candidate list of their own)."""


def heads_compatible(a: str | None, b: str | None) -> bool:
    """Whether two counted nouns may name the same thing: equal, unknown, or one generic for people (but a
    part of the population, "women" or "children", only with the same part, and civilians never with
    soldiers)."""
    if a is None or b is None or a == b:
        return True
    if a in _SUBPOPULATIONS or b in _SUBPOPULATIONS:
        return False
    if {a, b} & {"civilian"}:
        other = b if a == "civilian" else a
        return other == "people" or (other in _PERSON_HEADS and other not in COMBATANT_HEADS)
    if a == "people":
        return b in _PERSON_HEADS
    if b == "people":
        return a in _PERSON_HEADS
    return False


KIND_OF: dict[str, str] = {
    "rifle": "weapon", "pistol": "weapon", "gun": "weapon", "carbine": "weapon", "shotgun": "weapon",
    "firearm": "weapon", "grenade": "weapon", "launcher": "weapon", "mortar": "weapon", "machinegun": "weapon",
    "tank": "vehicle", "wagon": "vehicle", "bus": "vehicle", "jeep": "vehicle", "ambulance": "vehicle",
    "tractor": "vehicle", "apc": "vehicle",
    "deserter": "soldier", "mutineer": "soldier", "paratrooper": "soldier", "marine": "soldier",
    "sniper": "soldier", "guardsman": "soldier", "infantryman": "soldier",
    "veteran": "fighter",
}
"""Round 2 stop 32 (an option, ``GroupingConfig.kind_near``): a counted noun that names a kind of a more general
counted noun (after :data:`_HEAD_SYNONYMS`): rifles and pistols are weapons, tanks and wagons vehicles, deserters
and mutineers soldiers, veterans fighters. A side disputing a count often names the general noun ("fewer than 100
weapons were missing" against "About 1,400 rifles", "no more than six vehicles" against "about 35 tanks", "no more
than 40 deserters" against "Some 170 soldiers"). Two kinds of one general noun (rifles, pistols) are not related:
they are counted apart."""


def kinds_related(a: str | None, b: str | None) -> bool:
    """Whether one of two known counted nouns is a kind of the other (:data:`KIND_OF`: "rifle" and "weapon",
    "tank" and "vehicle", "deserter" and "soldier"); False for equal nouns, unknown nouns or two kinds of one
    noun."""
    if a is None or b is None or a == b:
        return False
    return KIND_OF.get(a) == b or KIND_OF.get(b) == a


THING_HEADS = frozenset({"object", "item", "piece", "artefact", "artifact", "exhibit"})
"""Round 2 stop 33 (an option, ``GroupingConfig.thing_near``): counted nouns that all name a thing of a collection
in general (after :data:`_HEAD_SYNONYMS`): "objects", "items", "pieces", "artefacts", "exhibits". One side of a
disputed count often names it with another of these words than the other side ("fewer than 1,500 items had been
moved from the city museum" against "more than 2,000 objects" taken, "About 3,000 pieces" against "11,300 objects").
The counted-noun constraint keeps them apart when groups are formed; the option only lets the conflicts pass score
such a pair (:func:`things_related`)."""


def things_related(a: str | None, b: str | None) -> bool:
    """Whether two different known counted nouns both name a thing of a collection in general
    (:data:`THING_HEADS`: "object" and "item", "piece" and "object"); False for equal nouns, unknown nouns or
    any other noun."""
    if a is None or b is None or a == b:
        return False
    return a in THING_HEADS and b in THING_HEADS


PERSON_ROLE_HEADS = frozenset({
    "suspect", "detainee", "saboteur", "supporter", "member", "activist", "partisan", "employee", "colleague",
    "personnel", "official", "officer", "guard", "inmate", "hostage", "captive", "passenger", "evacuee", "patient",
    "survivor", "witness", "miner", "firefighter", "rescuer", "deminer", "seafarer", "fisherman", "fishermen",
    "striker", "demonstrator", "voter", "driver", "escapee", "diver", "investigator", "observer", "nurse", "teacher",
    "farmer", "villager", "dispatcher",
})
"""Round 2 stop 30 (an option, ``GroupingConfig.person_near``): counted nouns that name people by what they are
or do in the story ("14 suspects", "64 employees", "27 saboteurs"), beside :data:`_PERSON_HEADS`. The counted-noun
constraint keeps them apart from "people" and from each other when groups are formed; the option only lets the
conflicts pass score a pair of them (:func:`person_heads`)."""


_PERSONS = (_PERSON_HEADS - {"arrival", "case"}) | PERSON_ROLE_HEADS


def person_heads(a: str | None, b: str | None) -> bool:
    """Whether two counted nouns both name people (:data:`_PERSON_HEADS` but "arrival" and "case",
    :data:`PERSON_ROLE_HEADS`; not the medics of the counted-noun classes), neither a
    part of the population ("women", "children") and not civilians against combatants: one set of people may
    be counted under both ("at least 60 people" detained, "14 suspects" detained; "employees" and "staff")."""
    if a is None or b is None or a == b:
        return True
    if a in _SUBPOPULATIONS or b in _SUBPOPULATIONS:
        return False
    if a not in _PERSONS or b not in _PERSONS:
        return False
    return not ({a, b} & {"civilian"} and {a, b} & COMBATANT_HEADS)


PERCENT_MEASURES = frozenset({"percent", "percentage points"})
_SHARE_OF = re.compile(r"^\s+of\s+(?:(?:the|its|their|his|her|our|all|a|an|this|that|those|these)\s+)?"
                       r"(?:[A-Za-z][\w-]*'s\s+)?([A-Za-z][A-Za-z-]*)(?:\s+([A-Za-z][A-Za-z-]*))?")
SHARE_MODIFIERS = frozenset({"normal", "usual", "total", "annual", "national", "entire", "whole", "current",
                             "installed", "available", "remaining", "existing", "original", "overall", "daily",
                             "weekly", "monthly", "yearly", "pre-war", "peak"})
"""Words that qualify the noun after "of" ("its normal output", "the country's total capacity"); like a word in
"-ing" ("generating capacity", "pumping stations") they are skipped to reach the counted noun."""

_FUNCTION_WORDS = frozenset({"for", "to", "in", "on", "at", "by", "from", "with", "and", "or", "of", "as", "was",
                             "is", "are", "were", "has", "have", "had", "will", "would", "since", "that", "which"})


def share_of(after: str) -> str | None:
    """The counted noun of a percentage that is a share of something ("62% of respondents" -> "people",
    "90% of supply" -> "supply", "90 per cent of them" -> "them", "a fifth of the country's generating
    capacity" -> "capacity"), read from the text right after the figure; None for a rate ("inflation reached 14
    per cent")."""
    m = _SHARE_OF.match(after)
    if not m:
        return None
    first, second = m.group(1), m.group(2)
    if second and second.lower() not in _FUNCTION_WORDS and (first.lower().endswith("ing")
                                                             or first.lower() in SHARE_MODIFIERS):
        return head_noun(second)
    return head_noun(first)


PRONOUNS = frozenset({"them", "us", "those", "these", "it", "which", "whom", "you"})


def part_of(after: str) -> str | None:
    """The counted noun of a count without a unit that is a part of something named after it ("killing two
    of its drivers" -> "driver", "eleven of the city's pumping stations" -> "station"); None when nothing or
    only a pronoun follows ("8,900 of them" counts the people already named)."""
    head = share_of(after)
    return None if head is None or head in PRONOUNS else head


_NUMBER_OF = re.compile(r"\bnumber\s+of\s+", re.I)
_NUMBER_OF_AFTER = re.compile(r"^\s*,?\s*the\s+(?:[A-Za-z-]+\s+)?number\s+of\s+(?P<phrase>[^,;:.()]+)", re.I)
_NUMBER_OF_VERB = re.compile(r"\b(?:to|at|reached|reaches|hit|hits|topped|passed|is|was|stood|stands|stand|"
                             r"as|of)\s*[^\w\s]?\s*$", re.I)
_OTHER_NUMBER = re.compile(r"\d(?![\d,.]*\s+(?:January|February|March|April|May|June|July|August|September|"
                           r"October|November|December)\b)[\d,.]*")
"""A number in the phrase that is no date ("put the number of cases at 1,742 and deaths at 61": the deaths are
no cases)."""
NUMBER_OF_WORDS = 16
"""At most this many words between "the number of" and the figure (:func:`counted_phrase`)."""
_NOUN_STOPS = frozenset({"who", "whom", "that", "which", "known", "still", "now", "so", "far", "reported",
                         "believed", "thought", "said"}) | _FUNCTION_WORDS


def counted_phrase(sentence: str, start: int, end: int) -> str | None:
    """What a count without a counted noun of its own counts, when the sentence names it "the number of ...":
    the words after "number of" up to the figure ("bringing the number of port workers killed in strikes on
    the port since January to 14" -> "port workers killed in strikes on the port since January"; "put the
    number of escaped inmates at 312"; "The number of miners killed has risen to 19"), or after the figure
    ("Their deaths bring to 11 the number of port workers killed in strikes on the port") up to the next
    punctuation. ``start``/``end``: the figure's offsets in ``sentence``. None: no such phrase (or another
    number that is no date, or more than :data:`NUMBER_OF_WORDS` words, lies between it and the figure)."""
    before = sentence[:start]
    found = list(_NUMBER_OF.finditer(before))
    if found:
        phrase = before[found[-1].end():]
        words = phrase.split()
        if 0 < len(words) <= NUMBER_OF_WORDS and _NUMBER_OF_VERB.search(phrase) and not re.search(r"[;:()]", phrase) \
                and not _OTHER_NUMBER.search(phrase):
            return phrase.strip()
    after = _NUMBER_OF_AFTER.match(sentence[end:])
    if after is not None:
        return after.group("phrase").strip()
    return None


def counted_noun(phrase: str) -> str | None:
    """The counted noun (:func:`head_noun`) of a :func:`counted_phrase`: its first word and the words after it up
    to the first plural, a function word, a participle ("killed", "arriving") or a relative pronoun, at most three
    ("port workers", "escaped inmates", "merchant ships"); the last of them is the noun."""
    words = re.findall(r"[A-Za-z][A-Za-z'-]*", phrase)
    if not words or words[0].lower() in _NOUN_STOPS:
        return None
    kept = [words[0]]
    for w in words[1:3]:
        low = w.lower()
        if _plural(kept[-1].lower()) or low in _NOUN_STOPS or low.endswith(("ed", "ing")) or w[0].isupper():
            break
        kept.append(w)
    return head_noun(" ".join(kept))


_IRREGULAR_PLURALS = frozenset({"people", "children", "men", "women", "police", "staff", "personnel", "crew",
                                "livestock", "cattle"})


def _plural(word: str) -> bool:
    """Whether a word reads as a plural noun ("workers", "people"): the counted noun ends the phrase there."""
    return word in _IRREGULAR_PLURALS or (word.endswith("s") and not word.endswith(("ss", "us", "is")))


def _has_counted_noun(measure: str) -> bool:
    """Counts and measures have a counted noun (or unit); money and percentages do not: "crowns" or "per
    cent" say how a figure is expressed, not what is counted."""
    return not measure.startswith("money") and measure not in PERCENT_MEASURES


def _sentence_bounds(article: Article, offset: int) -> tuple[int, int]:
    i = article.sentence_index_at(offset)
    if i is not None:
        return article.sentences[i]
    text = article.text  # an unsegmented article: cut at ". " around the offset
    before = text.rfind(". ", 0, offset)
    start = before + 2 if before >= 0 else 0
    end = text.find(". ", offset)
    return start, (end + 1 if end >= 0 else len(text))


def clause_bounds(text: str, sent: tuple[int, int], span: tuple[int, int],
                  others: list[tuple[int, int]]) -> tuple[int, int]:
    """The part of the sentence that belongs to the quantity at ``span``.

    The whole sentence, unless other quantities share it: then it stops at the last clause break
    (";", ":", ", ", " and ", " while ", " but ", a dash) between this quantity and the neighbour (on
    either side), or at the neighbour itself.
    """
    left, right = sent
    for o_start, o_end in others:
        if o_end <= span[0] and o_end > left:
            gap = text[o_end : span[0]]
            breaks = list(_CLAUSE_BREAK.finditer(gap))
            left = o_end + (breaks[-1].end() if breaks else 0)
        elif o_start >= span[1] and o_start < right:
            # the text up to the last break before the next figure is this figure's (its predicate usually
            # follows it: "230 evacuees, almost all of them men, were being held, and that four ...")
            gap = text[span[1] : o_start]
            breaks = list(_CLAUSE_BREAK.finditer(gap))
            right = span[1] + (breaks[-1].start() if breaks else len(gap))
    return left, right


def _quarter_of_scale(article: Article, findings: list[Finding]) -> list[Finding]:
    """Join "a quarter of" + "a million men" (two findings of the analyzer) into one count."""
    out: list[Finding] = []
    i = 0
    while i < len(findings):
        f = findings[i]
        nxt = findings[i + 1] if i + 1 < len(findings) else None
        frac = f.attributes.get("fraction")
        if (frac and f.label == "percent" and nxt is not None and nxt.label == "count"
                and re.fullmatch(r"\s+of\s+", article.text[f.end : nxt.start])
                and re.match(r"an?\s+(?:hundred|thousand|million|billion)\b", nxt.text, re.I)):
            num, den = (float(x) for x in str(frac).split("/"))
            attrs = dict(nxt.attributes)
            if attrs.get("value") is not None:
                attrs["value"] = attrs["value"] * num / den
            number = attrs.get("number") or {}
            attrs["number"] = {"start": f.start, "end": number.get("end", nxt.end),
                               "text": article.text[f.start : number.get("end", nxt.end)]}
            out.append(Finding.at(article, f.start, nxt.end, kind="quantity", label="count", score=nxt.score,
                                  analyzer=nxt.analyzer, attributes=attrs))
            i += 2
            continue
        out.append(f)
        i += 1
    return out


def mentions_from_findings(article: Article, findings: list[Finding]) -> list[FigureMention]:
    """The article's quantity findings as :class:`FigureMention` objects (all labels, in text order). A figure of
    the page's furniture (``attributes["furniture"]``: a share counter, "557 SHARES") measures nothing the story
    reports and is left out."""
    text = article.text
    quantities = sorted((f for f in findings if f.kind == "quantity" and not f.attributes.get("furniture")),
                        key=lambda f: (f.start, f.end))
    quantities = _quarter_of_scale(article, quantities)
    attributions = [f for f in findings if f.kind == "attribution"]
    claims = [f for f in findings if f.kind == "claim"]
    spans = [(f.start, f.end) for f in quantities]
    out: list[FigureMention] = []
    for f in quantities:
        a = f.attributes
        number = a.get("number") or {"start": f.start, "end": f.end}
        sent = _sentence_bounds(article, f.start)
        others = [s for s in spans if s != (f.start, f.end) and sent[0] <= s[0] < sent[1]]
        c_start, c_end = clause_bounds(text, sent, (f.start, f.end), others)
        if c_end - c_start < 25:  # too short to say what is counted: keep the whole sentence
            c_start, c_end = sent
        mask_start = a["bound_span"]["start"] if a.get("bound_span") else number["start"]
        mask_start = min(mask_start, number["start"])
        mask_end = max(number["end"], a["bound_span"]["end"] if a.get("bound_span") else 0)
        if mask_end > c_end or mask_start < c_start:
            mask_start, mask_end = number["start"], number["end"]
        clause = text[c_start:c_end].strip()
        masked = (text[c_start:mask_start] + NUMBER_MASK + text[mask_end:c_end]).strip()
        unit = a.get("unit")
        label = f.label
        if label == "count" and _AGE_BEFORE.search(text[max(0, f.start - 30) : f.start]) and \
                (a.get("value") or 0) < 120:
            label = "age"  # "men under 40", "people over 60": an age limit, not a count
        elif label == "count" and not unit and _is_age_of_one(text, f.start, f.end, a.get("value")):
            label = "age"  # "the youngest detainee is 19, the oldest 64", "its captain, 58, said"
        measure = measure_class(label, unit, a.get("currency"))
        m = FigureMention(
            article_id=article.id, start=f.start, end=f.end, text=f.text, label=label, measure=measure,
            value=a.get("value"), low=a.get("low"), high=a.get("high"), bound=a.get("bound"),
            vague=bool(a.get("vague")), malformed=bool(a.get("malformed")),
            likely_values=list(a.get("likely_values") or []), unit=unit, currency=a.get("currency"),
            number_start=number["start"], number_end=number["end"], date=article.date, source=article.source,
            sentence=text[sent[0] : sent[1]], sentence_start=sent[0], clause=clause, masked_clause=masked,
            head=(head_noun(unit) if measure is not None and _has_counted_noun(measure)
                  else share_of(text[f.end : f.end + 60]) if measure in PERCENT_MEASURES else None),
        )
        if m.head is None and measure == "count" and unit and unit.rstrip().endswith(("'s", "'")):
            # "two of the city's five pumping stations": the count is of what the next figure counts
            nxt = next((q for q in quantities if f.end <= q.start <= f.end + 3), None)
            m.head = head_noun(nxt.attributes.get("unit")) if nxt is not None else None
        elif m.head is None and measure == "count":
            m.head = part_of(text[f.end : f.end + 60])
            if m.head is None and (phrase := counted_phrase(m.sentence, f.start - sent[0], f.end - sent[0])):
                m.head = counted_noun(phrase)  # "bringing the number of port workers killed ... to 14"
        elif measure is not None and measure.startswith("measure:"):
            # what a tonnage or a volume measures: "180 tonnes of flour" (None: "nearly 200 tonnes", unknown)
            m.head = part_of(text[f.end : f.end + 60])
        _attach_attribution(m, text, attributions, claims, sent)
        out.append(m)
    return out


def _is_age_of_one(text: str, start: int, end: int, value: object) -> bool:
    """A bare whole number under 120 that gives one person's age (:data:`_AGE_OF_ONE` before it, a comma, a
    full stop or the text's end right after it)."""
    if not isinstance(value, int | float) or value != int(value) or not 0 < value < 120:
        return False
    after = text[end : end + 2]
    return (after == "" or after[0] in ",.;") and bool(_AGE_OF_ONE.search(text[max(0, start - 60) : start]))


def _attach_attribution(m: FigureMention, text: str, attributions: list[Finding], claims: list[Finding],
                        sent: tuple[int, int]) -> None:
    for att in attributions:
        content = att.attributes.get("content") or {"start": att.start, "end": att.end}
        if content["start"] <= m.start and m.end <= content["end"]:
            source = att.attributes.get("source")
            if source:
                m.attributed_to = figure_source(source.get("text"))
            break
    if m.attributed_to is None and _VAGUE_SOURCE.search(text[sent[0] : sent[1]]):
        m.attribution_vague = True
    elif m.attributed_to and _VAGUE_SOURCE.search(m.attributed_to):
        m.attribution_vague = True
    for claim in claims:
        if claim.start <= m.start and m.end <= claim.end:
            m.hedged = bool(claim.attributes.get("hedged"))
            break


__all__ = ["KIND_OF", "kinds_related", "THING_HEADS", "things_related", "SHARE_MODIFIERS", "MULTIPLIER_UNITS", "COMPOUND_HEADS", "CIVILIAN_WORDS", "COMBATANT_HEADS", "GENERIC_HEADS", "GENERIC_PERSON_HEADS", "GROUPED_LABELS", "NUMBER_MASK", "SUBPOPULATION_HEADS", "FigureMention",
           "PERCENT_MEASURES", "PRONOUNS", "clause_bounds", "figure_source", "currency_of_unit", "head_noun", "heads_compatible", "measure_class", "mentions_from_findings",
           "part_of", "share_of"]
