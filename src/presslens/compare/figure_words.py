"""Clause words of a figure mention: the features the figure grouper compares besides the clause vector.

- :func:`clause_tokens`: content words of the masked clause, crudely singular and folded to shared
  predicates and nouns ("fled"/"left"/"exodus" -> ``leave``; "death toll"/"died" -> ``kill``), weighted
  by closeness to the number;
- :func:`clause_predicate`: the predicate class of the verb (or predicate noun such as "death toll")
  nearest the number, a hard constraint in :class:`~presslens.compare.figure_groups.FigureGrouper`;
- :func:`clause_role`: what the figure amounts to (a total, an amount per item, a standing population or stock,
  a part of another count);
- :func:`clause_scope` and :func:`clause_places`: whether the figure counts one incident or a running total, and
  the names that place an incident (or a population);
- :func:`hashed_embedder`: a model-free stand-in for the sentence encoder built from the same words.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from functools import lru_cache

import numpy as np

from presslens.compare.figures import NUMBER_MASK

Embedder = Callable[[list[str]], np.ndarray]
"""Texts -> L2-normalised vectors, shape (len(texts), dim); e.g. ``SentenceEncoder.default().encode``."""

_STOPWORDS = frozenset("""
a an the of in on at to from by for with into onto over under since until than as per about after before during
across through against among between near around and or but nor so yet that which who whom whose where when
while because if this these those their his her its our my your is are was were be been being have has had do
does did will would shall should may might can could must it they them he she we i you there here not no only
just even also still already now then up down out off back away last next every more less most least some any
all both each other such same very own said says say told tell according newspaper group official officials
day days week weeks month months year years monday tuesday wednesday thursday friday saturday sunday morning
evening night today yesterday new first since which its many""".split())
_FOLD = {
    "fled": "leave", "flee": "leave", "fleeing": "leave", "left": "leave", "leave": "leave", "leaving": "leave",
    "gone": "leave", "departure": "leave", "departed": "leave", "exodus": "leave", "emigrated": "leave",
    "emigration": "leave", "escape": "leave", "escaped": "leave", "evacuated": "leave", "evacuation": "leave",
    "evacuate": "leave",
    "detained": "detain", "detain": "detain", "detention": "detain", "detainee": "detain", "arrested": "detain",
    "arrest": "detain", "held": "detain", "custody": "detain",
    "killed": "kill", "kill": "kill", "died": "kill", "dead": "kill", "death": "kill", "toll": "kill",
    "killing": "kill", "fatalitie": "kill", "victim": "kill",
    "entered": "enter", "enter": "enter", "crossed": "enter", "arrived": "enter", "arrival": "enter",
    "reached": "enter", "entering": "enter",
    "mobilise": "mobilise", "mobilised": "mobilise", "mobilisation": "mobilise", "mobilize": "mobilise",
    "mobilization": "mobilise", "draft": "mobilise", "drafted": "mobilise", "summon": "mobilise",
    "summoned": "mobilise", "call": "mobilise", "called": "mobilise", "quota": "mobilise", "conscription": "mobilise",
    "fire": "burn", "arson": "burn", "alight": "burn", "burned": "burn", "burnt": "burn", "torched": "burn",
    "hit": "burn", "damaged": "burn",
    "lorrie": "vehicle", "lorry": "vehicle", "truck": "vehicle", "car": "vehicle", "vehicle": "vehicle",
    "home": "household", "household": "household", "electricity": "power", "blackout": "power",
    "protester": "protester", "demonstrator": "protester", "rallie": "protester", "rally": "protester",
    "protest": "protester", "reservist": "reservist", "conscript": "reservist", "recruit": "reservist",
    "refugee": "refugee", "displaced": "refugee", "inflation": "inflation", "price": "inflation",
    "spending": "budget", "budget": "budget", "defence": "budget", "military": "military",
}
_FOLD.update({
    **{w: "register" for w in ("registered", "register", "registration", "registering")},
    **{w: "return" for w in ("returned", "returning", "return", "returnee")},
    **{w: "remain" for w in ("remain", "remained", "remaining", "trapped", "stranded", "stayed", "stay")},
    **{w: "wound" for w in ("wounded", "injured", "injury", "injurie", "hurt", "wound")},
    **{w: "release" for w in ("released", "freed", "release")},
    **{w: "vaccinate" for w in ("vaccinated", "vaccination", "immunised", "inoculated")},
    **{w: "infect" for w in ("infected", "infection", "case")},
    "bussed": "leave", "rescued": "leave", "evacuee": "leave",
    **{w: "restore" for w in ("restored", "restoring", "reconnected", "reconnecting", "repaired", "restore",
                              "reconnect")},
    **{w: "launch" for w in ("launched", "launching", "launch")},
    **{w: "intercept" for w in ("intercepted", "downed", "interception")},
    **{w: "leave" for w in ("sailed", "sail", "sailing", "repatriated", "repatriation", "exported", "shipped")},
    "stuck": "remain",
    **{w: "wait" for w in ("waiting", "queuing", "queueing", "queued", "anchored", "queue")},
    **{w: "lay" for w in ("laid", "laying", "planted", "sown")},
    **{w: "clear" for w in ("cleared", "clearing", "neutralised", "neutralized", "defused", "disarmed")},
})
_WORD = re.compile(r"[a-z][a-z'-]+")
_WORD_ANY = re.compile(r"[a-z][a-z'-]*")
"""Like ``_WORD`` but keeps one-letter words ("a day", "a strike")."""
_FOLD.update({"call-up": "mobilise", "call-ups": "mobilise", "draft": "mobilise"})


@lru_cache(maxsize=256)
def _lower_words(text: str, any_length: bool = False) -> tuple[str, ...]:
    """The words of ``_WORD`` (``any_length``: of ``_WORD_ANY``) in the lower-cased text, found once per text: the
    grouper reads a clause's words through a dozen rules in a row (:func:`clause_role`, :func:`clause_scope`, ...)."""
    return tuple((_WORD_ANY if any_length else _WORD).findall(text.lower()))


def _words(text: str) -> list[str]:
    """``_WORD.findall(text.lower())`` (a new list: a caller may change it)."""
    return list(_lower_words(text))


def _words_any(text: str) -> list[str]:
    """``_WORD_ANY.findall(text.lower())`` (a new list)."""
    return list(_lower_words(text, True))


PREDICATE_VERBS: dict[str, str] = {
    **{w: "leave" for w in ("fled", "flee", "fleeing", "left", "leave", "leaving", "gone", "departed",
                            "emigrated", "escaped", "evacuated", "rescued", "bussed", "sailed", "sail", "sailing",
                            "repatriated", "exported", "shipped", "deported", "abducted", "kidnapped")},
    **{w: "detain" for w in ("detained", "detain", "arrested", "jailed", "held", "imprisoned")},
    **{w: "release" for w in ("released", "freed", "exchanged", "pardoned")},
    **{w: "kill" for w in ("killed", "died", "perished")},
    **{w: "missing" for w in ("missing", "disappeared", "unaccounted")},
    **{w: "remain" for w in ("remain", "remained", "remains", "remaining", "trapped", "stranded", "stayed",
                             "staying", "besieged", "stuck", "sitting")},
    **{w: "wait" for w in ("waiting", "queuing", "queueing", "queued", "anchored")},
    **{w: "lay" for w in ("laid", "laying", "planted", "sown", "sowed")},
    **{w: "clear" for w in ("cleared", "clearing", "neutralised", "neutralized", "defused", "disarmed",
                            "destroyed")},
    **{w: "register" for w in ("registered", "register", "registering")},
    **{w: "return" for w in ("returned", "returning", "return")},
    **{w: "vaccinate" for w in ("vaccinated", "immunised", "immunized", "inoculated", "jabbed")},
    **{w: "infect" for w in ("infected", "sickened")},
    **{w: "enter" for w in ("entered", "crossed", "arrived", "reached")},
    **{w: "mobilise" for w in ("mobilise", "mobilised", "mobilize", "mobilized", "drafted", "summon",
                               "summoned", "called", "conscripted", "recruited")},
    **{w: "burn" for w in ("burned", "burnt", "torched", "alight", "fire", "damaged", "hit")},
    **{w: "wound" for w in ("wounded", "injured", "hurt", "maimed")},
    **{w: "attend" for w in ("drew", "attended", "gathered", "marched", "rallied", "protested", "demonstrated")},
    **{w: "restore" for w in ("restored", "restoring", "reconnected", "reconnecting", "repaired", "repairing",
                              "fixed")},
    **{w: "launch" for w in ("launched", "launching", "fired", "sent", "sending")},
    **{w: "intercept" for w in ("intercepted", "downed", "shot", "repelled")},
    **{w: "survive" for w in ("alive", "survived")},
    "struck": "burn",
    **{w: "pledge" for w in ("pledged", "promised", "donated", "granted", "committed", "pledging", "promising")},
    **{w: "allocate" for w in ("allocated", "approved", "earmarked", "budgeted", "set")},
    **{w: "price" for w in ("cost", "costs", "costing", "charge", "charges", "charged", "priced", "sells", "sold",
                            "resold", "fetch", "fetches")},
    "spent": "spend",
    **{w: "pay" for w in ("paid", "disbursed")},
}
"""Verb forms that name what happened to the counted things (noun forms such as "the mobilisation" are
usually scope, "since the mobilisation", and are left out; see :data:`PREDICATE_NOUNS` for the exceptions)."""
MONEY_PREDICATES = frozenset({"pledge", "allocate", "price", "spend", "pay"})
"""Predicates that only a sum of money has ("pledged", "set aside", "costs", "spent", "paid": money promised is not
money paid out): for a count they say nothing ("people spent the night"), so the grouper drops them there (but
for a count of millions or billions of a noun it does not know, which is a sum in a currency it does not know:
"126 million selts pledged")."""
GENERIC_PREDICATES = frozenset({"price"})
"""Predicates that every figure of their kind shares ("costs": every price): they keep prices apart from pledges,
budget lines and sums spent, but say nothing of what is priced, so sharing one does not waive the grouper's
headless margin (a litre of petrol is no loaf of bread)."""
PREDICATE_NOUNS: dict[str, str] = {
    "repatriation": "leave", "repatriations": "leave",
    "toll": "kill", "fatalities": "kill", "deaths": "kill", "dead": "kill", "custody": "detain",
    "detainees": "detain", "prisoners": "detain", "wounded": "wound", "injuries": "wound",
    "cases": "infect", "case": "infect", "infections": "infect", "patients": "infect",
    "pledges": "pledge", "pledge": "pledge",
}
"""Nouns that name the predicate wherever they stand in the clause ("the death toll from Thursday's strike on
the market has risen to 31" counts the dead as surely as "31 people died"); used when no verb is in reach."""
EVENT_NOUNS: dict[str, str] = {
    **{w: "mobilise" for w in ("call-up", "callup", "mobilisation", "mobilization", "conscription")},
}
"""Nouns of an event that, when no verb or :data:`PREDICATE_NOUNS` noun names the predicate, say what the figure
counts ("the target of the call-up remained 300,000 men") -- unless they open the scope ("since the call-up",
"after the mobilisation": :data:`SCOPE_OPENERS`), where they date another count ("men who left since the
call-up")."""
SCOPE_OPENERS = frozenset({"since", "after", "before", "until", "following", "during", "amid"})
LEVEL_VERBS = frozenset({"reached", "reach", "reaches", "hit", "hits", "topped", "remain", "remained", "remains"})
"""Verbs that, right before the number, say what the figure amounts to ("inflation reached 14 per cent"),
not what happened to the counted things ("40,000 Norvanians reached Kaldera")."""
PARTICLE_VERBS = {"called": "up", "call": "up", "shot": "down", "set": "aside"}
"""Verbs that name a predicate only with their particle ("called up"; "called it a fake" is no call-up;
"shot down" is an interception, "shot" alone is not)."""
OUT_VERBS = frozenset({"brought", "taken", "bussed", "moved", "pulled", "got", "carried", "ferried", "flown"})
"""Verbs that, followed by "out", name a departure ("brought out of the city")."""
HOMECOMING_VERBS = frozenset({"come", "came", "coming", "comes", "went", "gone", "going", "are", "were", "is",
                              "was", "be", "been", "moved", "move", "moving"})
"""Followed by "back" or "home", these say the counted people returned ("have come home", "are back"); "bringing
back 140 people" on one bus is left alone (a batch, not the count of returns)."""
RETURNING_VERBS = frozenset({"brought", "handed", "sent", "flown", "taken"})
"""Followed by "back" or "home" ("have been brought home", "brought back to Dravia"), or with the number and at
most two more words in between ("handed 300 children back"), these say the counted people were returned home:
the ``return`` class, never a departure."""
PLACEMENT_VERBS = frozenset({"placed", "fostered", "adopted"})
"""Followed within three words by a word of :data:`PLACEMENT_WORDS` ("placed with foster families", "placed in
care"), these count people placed with a family or in care (the ``place`` class), another outcome than those
taken, held or returned."""
DEPORT_VERBS = frozenset({"deported", "abducted", "kidnapped"})
"""``leave`` verbs that after a determiner ("over the deported children", "of the abducted") describe the
people a figure is about rather than say what happened to the counted ones."""
PLACEMENT_WORDS = frozenset({"families", "family", "foster", "care", "adoption", "guardians", "homes"})
STATE_WORDS = frozenset({"still"})
WAITING_FOR = frozenset({"for", "at", "off", "outside", "offshore"})
"""After a verb of the ``wait`` class, these make it one ("ships waiting at anchor", "waiting for inspection");
"grain waiting in the silos" and "waiting to be loaded" are where a stock is, not a queue."""
CUSTODY_WORDS = frozenset({"custody", "detention", "captivity", "prison", "jail", "jails", "prisons", "cells"})
"""After a ``remain`` verb ("remain in Drusk custody"), these make the figure a count of those held (``detain``)."""
SAFE_WORDS = frozenset({"safe", "harmless"})
"""After "made"/"rendered" ("divers have made safe 17 mines"), these name the ``clear`` predicate."""
STAY_VERBS = frozenset({"remain", "remained", "remains", "remaining", "stayed", "staying"})
"""Verbs of the ``remain`` class that count only before a word of :data:`STAYING_WORDS` or at the clause's end."""
STAYING_WORDS = frozenset({"in", "inside", "within", "living", "there", "here", "sheltering", "hiding", "behind",
                           "aboard", "stuck", "trapped", "stranded"})
""""still" followed by one of these ("still in the city", "still living there") makes a figure without a
predicate verb a count of those who remain, the other outcome of an evacuation; used after verbs and predicate
nouns ("houses still under water" stay without a predicate)."""
ILLNESS_CAUSES = frozenset({"disease", "diseases", "illness", "cholera", "typhus", "typhoid", "measles", "hunger",
                            "starvation", "malnutrition", "thirst", "dehydration", "cold", "exposure", "infection",
                            "infections", "fever", "dysentery", "covid", "flu", "hypothermia", "frostbite",
                            "freezing", "poisoning", "fumes", "monoxide"})
"""Causes that make deaths a count of their own ("nine people died of the disease" beside the toll of the
shelling): within three words after the verb of death, they turn ``kill`` into ``illness_death``."""
LEFT_WITHOUT = frozenset({"left", "leave", "leaves", "leaving"})
"""Before the number and followed by a deprivation ("the strikes left many homes without power"), these make
the figure a count of those cut off, not of those who left."""
NEGATIONS = frozenset({"not", "never", "cannot", "nor"})
"""Within three words before a predicate verb, these turn it into its opposite (``not_restore``: "eight of them
could not be repaired" is never "five stations were reconnected")."""
PREDICATE_REACH = 8
"""Farthest word distance from the number at which a predicate verb counts."""
UTILITIES = frozenset({"power", "electricity", "water", "heating", "heat", "gas", "light", "lights", "supply",
                       "supplies", "running", "internet", "signal"})
"""What a household or a person can be cut off from (the object of :data:`DEPRIVATION_WORDS`)."""
DEPRIVATION_WORDS = frozenset({"without", "no", "lost", "lose", "losing", "cut", "cutting", "deprived", "waiting"})
"""Words that, followed within three words by a word of :data:`UTILITIES`, make a figure a count of those cut
off ("households without power", "homes that lost electricity", "cutting electricity to N households", "still
waiting for power to return"): the ``outage`` predicate, never the homes reconnected (``restore``)."""


ATTACK_HEADS = frozenset({"attack", "strike", "airstrike", "air-strike", "raid", "airraid", "air-raid", "assault"})
"""Counted nouns that name one measured thing, an attack: "fewer than ten strikes on medical buildings", "at least
17 attacks on clinics" and "12 raids on border villages" count the same kind of event (folded to ``attack`` by
:func:`counted_thing`)."""
MILITARY_WORDS = frozenset({"air", "drone", "missile", "rocket", "artillery", "bomb", "bombing", "aerial",
                            "military", "precision", "retaliatory", "deadly", "lethal", "airstrikes"})
"""Modifiers in a counted phrase that make "strikes" attacks whatever the clause says ("air strikes", "drone
strikes")."""
LABOUR_WORDS = frozenset({"union", "unions", "walkout", "walkouts", "picket", "pickets", "picketing", "wage",
                          "wages", "pay", "salary", "salaries", "pension", "pensions", "hunger", "industrial",
                          "general", "stoppage", "stoppages", "strikers", "striking", "staged", "stage", "staging",
                          "stages"})
"""Words of a clause that make a "strike" a stoppage of work ("three strikes over pay", "teachers staged four
strikes", "the union called two strikes"), never an attack; :data:`MILITARY_WORDS` in the counted phrase win
("air strikes"). A possessive "workers'" does too ("two workers' strikes")."""
_WORKERS_OF = re.compile(r"\b(?:workers|employees|miners|dockers|staff)'(?:\s|$)", re.I)
MEDIC_HEADS = frozenset({"doctor", "physician", "medic", "paramedic", "surgeon"})
"""Counted nouns for medical staff that reports count as one set of people ("doctors, nurses and paramedics",
"medical workers", "medics"): folded to ``medic``. A "nurse" stays a nurse ("doctors" and "nurses" counted apart
are two things), and ``medic`` is no person head of :func:`~presslens.compare.figures.heads_compatible`: medical
staff never join a count of "people" or "civilians"."""
MEDIC_MODIFIERS = frozenset({"medical", "health", "healthcare", "health-care", "hospital"})
MEDIC_STAFF = frozenset({"worker", "staff", "personnel", "professional", "employee"})
"""Generic staff nouns that, after a word of :data:`MEDIC_MODIFIERS` ("medical workers", "health staff"), are
medical staff (``medic``)."""
MEDIC_CLASS = "medic"
ATTACK_CLASS = "attack"


def counted_thing(head: str | None, unit: str | None, masked_clause: str) -> str | None:
    """The one measured thing a counted noun names (the grouper's word classes, ``GroupingConfig.counted_classes``):
    ``attack`` for an attack, strike, raid or assault (a strike of workers stays ``strike``: :data:`LABOUR_WORDS`),
    ``medic`` (medical staff) for doctors, physicians, medics, paramedics, surgeons and medical or health workers
    or staff; else the head unchanged."""
    if head is None:
        return None
    unit_words = _words_any(unit or "")
    if head in ATTACK_HEADS:
        if head == "strike" and not MILITARY_WORDS.intersection(unit_words) and (
                LABOUR_WORDS.intersection(_words(masked_clause)) or _WORKERS_OF.search(masked_clause)):
            return "strike"  # "three strikes over pay", "teachers staged four strikes"
        return ATTACK_CLASS
    if head in MEDIC_HEADS:
        return MEDIC_CLASS
    if head in MEDIC_STAFF and MEDIC_MODIFIERS.intersection(unit_words[:-1]):
        return MEDIC_CLASS
    return head


CAPTURE_VERBS = frozenset({"abducted", "kidnapped", "captured", "abduct", "kidnap"})
"""With the captive readings (``GroupingConfig.captive_words``): verbs of taking people by force, the ``capture``
predicate ("126 people were abducted", "captured in the raid"), not a departure (``leave``, which "abducted" and
"kidnapped" are without them: children "deported" or "abducted" across a front line)."""
CAPTIVE_NOUNS = frozenset({"hostage", "hostages", "captive", "captives", "abductee", "abductees"})
"""With the captive readings: nouns for people taken by force. After "taken" / "took" within two words ("about 130
people were taken hostage", "took 40 captive") they name the ``capture`` predicate; anywhere in the clause, when no
verb is in reach, they do too ("one hundred and twenty-six hostages"); as a counted noun they are folded to
``people`` (:func:`captive_head`), so that "hostages", "captives" and "people abducted" are one set of people
whose predicate tells it apart ("hostages freed" are ``release``, never "hostages taken")."""
TAKING_VERBS = frozenset({"taken", "took", "take", "taking"})
CAPTURE_CLASS = "capture"


def captive_head(head: str | None) -> str | None:
    """The counted noun with the captive readings: a word of :data:`CAPTIVE_NOUNS` (singular) is ``people``;
    any other head unchanged."""
    if head is not None and (head in CAPTIVE_NOUNS or f"{head}s" in CAPTIVE_NOUNS):
        return "people"
    return head


CONJUNCTIONS = frozenset({"and", "but", "while", "whereas"})
"""Between a verb before the number and the number, these make the verb another figure's ("three died and many
were injured"): a verb at the same distance after the number wins (:func:`clause_predicate`)."""


NOUN_FORMS = frozenset({"register"})
"""Predicate words that are also nouns of a record: after a determiner or a possessive ("the register", "the
department's register") they name where a count is kept, not what happened to the counted things ("a register
shows that 168 doctors have left" counts those who left)."""
NOUN_DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "whose"})


def clause_predicate(masked_clause: str, reach: int = PREDICATE_REACH, *, noun_forms: bool = False,
                     captives: bool = False) -> str | None:
    """The predicate class of the verb nearest the masked number ("leave", "detain", ...) within ``reach``
    words, else of a predicate noun anywhere in the clause ("death toll"), or None. ``noun_forms``: a word of
    :data:`NOUN_FORMS` after a determiner or a possessive is a noun, not the predicate (part of the counted-noun
    classes, ``GroupingConfig.counted_classes``). ``captives``: the captive readings
    (``GroupingConfig.captive_words``): :data:`CAPTURE_VERBS`, "taken hostage" and, without a verb in reach, a
    noun of :data:`CAPTIVE_NOUNS` are the ``capture`` predicate."""
    words = _words(masked_clause)
    if NUMBER_MASK not in words:
        return None
    at = words.index(NUMBER_MASK)
    best: tuple[int, str, int] | None = None
    outage_after = False
    for i, w in enumerate(words):
        cls = PREDICATE_VERBS.get(w)
        if captives and (w in CAPTURE_VERBS or (w in TAKING_VERBS
                                                and CAPTIVE_NOUNS.intersection(words[i + 1 : i + 3]))):
            cls = CAPTURE_CLASS  # "126 people were abducted", "about 130 people were taken hostage"
        if cls is None and w in OUT_VERBS and words[i + 1 : i + 2] == ["out"]:
            cls = "leave"  # "brought out of the city", "bussed out"
        if cls is None and w in HOMECOMING_VERBS and words[i + 1 : i + 2] in (["back"], ["home"]):
            cls = "return"  # "3,800 residents have come back", "have come home", "6,300 residents are back"
        homecoming = cls is None and w in RETURNING_VERBS and _returned_home(words, i, at)
        if homecoming:
            cls = "return"  # "many have been brought home", "handed 300 children back to their families"
        if cls is None and w in PLACEMENT_VERBS and PLACEMENT_WORDS.intersection(words[i + 1 : i + 4]):
            cls = "place"  # "placed with foster families": not those taken, held or brought home
        if cls is None and w in ("made", "rendered") and SAFE_WORDS.intersection(words[i + 1 : i + 3]):
            cls = "clear"  # "divers have made safe 17 mines"
        if w in DEPRIVATION_WORDS and UTILITIES.intersection(words[i + 1 : i + 4]):
            cls = "outage"  # "without power", "cutting electricity to", "have no running water"
        if cls == "wait" and w != "anchored" and not (WAITING_FOR.intersection(words[i + 1 : i + 3])
                                                       or "anchor" in words[i + 1 : i + 4]):
            continue  # "grain waiting in the silos", "waiting to be loaded": a stock, not a queue
        if cls is None or abs(i - at) > reach:
            continue
        if noun_forms and w in NOUN_FORMS and i > 0 and (words[i - 1] in NOUN_DETERMINERS or words[i - 1].endswith(("'s", "'"))):
            continue  # "the department's register shows that 168 doctors have left": a noun, not the predicate
        if (w in DEPORT_VERBS or (captives and w in CAPTURE_VERBS)) and i > 0 and words[i - 1] in PART_OF_DETERMINERS:
            continue  # "cases over the deported children": what the count is about, not what happened to it
        if cls == "return" and i < at and not homecoming:
            continue  # "returned the bodies of N soldiers", "returned 212 prisoners": a handover, not a homecoming
        if w in LEVEL_VERBS and 0 < at - i <= 2:  # "reached (about) N": a level, not a movement
            continue
        if w in PARTICLE_VERBS and PARTICLE_VERBS[w] not in words[i + 1 : i + 3]:
            continue  # "called" is a call-up only as "called up" ("a figure the department called unfounded")
        if w in STAY_VERBS and i + 1 < len(words) and not STAYING_WORDS.intersection(words[i + 1 : i + 3]):
            continue  # "remain in the city" is where people are; "schools remain shut" says nothing of that
        if cls == "remain" and "anchor" in words[i + 1 : i + 4]:
            cls = "wait"  # "more than 200 ships were trapped at anchor": the queue of "61 ships waiting at anchor"
        if cls == "remain" and CUSTODY_WORDS.intersection(words[i + 1 : i + 5]):
            cls = "detain"  # "more than 20 fishermen remain in Drusk custody": those held
        if cls == "kill" and ILLNESS_CAUSES.intersection(words[i + 1 : i + 4]):
            cls = "illness_death"  # "died of the disease": deaths from illness or hunger, not the toll of violence
        if cls == "register":  # "registered 420 people as missing", "300 people had been registered as missing"
            cls = _registered_as(words, max(i, at)) or cls
        if any(v in NEGATIONS or v.endswith("n't") for v in words[max(0, i - 3) : i]):
            cls = "not_" + cls  # "could not be repaired" is the other outcome of "repaired"
        outage_after = outage_after or (cls == "outage" and i > at)
        distance = abs(i - at)
        if i < at and CONJUNCTIONS.intersection(words[i + 1 : at]):
            distance += 1  # "three died and many were injured": the verb after the number is the figure's own
        if best is None or distance < best[0]:
            best = (distance, cls, i)
    if best is not None:
        if best[1] == "leave" and best[2] < at and words[best[2]] in LEFT_WITHOUT and outage_after:
            return "outage"  # "the strikes left many homes without power": not a departure
        return best[1]
    if "anchor" in words[at + 1 : at + 6] and words[words.index("anchor", at + 1) - 1] == "at":
        return "wait"  # "about 90 ships at anchor", "61 ships were at anchor": a queue, whatever the verb
    noun = next((CAPTURE_CLASS if w in CAPTIVE_NOUNS else PREDICATE_NOUNS[w] for w in words
                 if w in PREDICATE_NOUNS or (captives and w in CAPTIVE_NOUNS)), None)
    if noun is not None:
        return noun
    event = next((EVENT_NOUNS[w] for i, w in enumerate(words)
                  if w in EVENT_NOUNS and not SCOPE_OPENERS.intersection(words[max(0, i - 3) : i])), None)
    if event is not None:
        return event  # "the target of the call-up remained 300,000 men": the call-up's size
    for i in range(max(0, at - PREDICATE_REACH), min(len(words), at + PREDICATE_REACH + 1)):
        if words[i] in STATE_WORDS and STAYING_WORDS.intersection(words[i + 1 : i + 3]):
            return "remain"  # "N people are still in the city": those who stayed, never those who left
    return None


def _returned_home(words: list[str], i: int, at: int) -> bool:
    """Whether the verb at ``i`` (:data:`RETURNING_VERBS`) is followed by "back" or "home" right away, or after the
    number (at ``at``) and at most two more words ("handed many children back")."""
    homeward = ("back", "home")
    if words[i + 1 : i + 2] and words[i + 1] in homeward:
        return True
    return i < at <= i + 2 and any(w in homeward for w in words[at + 1 : at + 3])


REGISTERED_AS_REACH = 6
"""How many words after the number "as" may follow a register verb ("registered many people from Selvost as missing")."""


def _registered_as(words: list[str], at: int) -> str | None:
    """After "registered N ..." (``at``: the number) or "N ... registered" (``at``: the verb): the predicate class
    of the word right after "as" within :data:`REGISTERED_AS_REACH` words ("as missing", "as displaced"), else
    None: a register names what the registered people are, and that is what other reports count ("more than 1,000
    were missing")."""
    for i in range(at + 1, min(len(words) - 1, at + 1 + REGISTERED_AS_REACH)):
        if words[i] == "as":
            cls = PREDICATE_VERBS.get(words[i + 1])
            return cls if cls is not None and cls != "register" else None
    return None


CARRY_PARTICIPLES = frozenset({"carrying", "taking", "transporting", "shipping", "moving", "loaded",
                               "laden"})
"""A clause cut after another figure that opens with one of these ("11 ships have left ..., carrying many tonnes
of wheat") counts the cargo of what that figure counts, so it takes that figure's predicate."""


def inherited_predicate(clause: str, before: str, *, noun_forms: bool = False, captives: bool = False) -> str | None:
    """The predicate a cargo clause takes from the earlier part of its sentence (:data:`CARRY_PARTICIPLES`):
    the predicate verb nearest the end of ``before``, at any distance; None when ``clause`` does not open with
    such a participle."""
    first = _WORD.findall(clause.lower())[:1]
    if not first or first[0] not in CARRY_PARTICIPLES:
        return None
    return clause_predicate(f"{before} {NUMBER_MASK}", reach=10_000, noun_forms=noun_forms, captives=captives)


PER_ITEM_WORDS = frozenset({"each", "every", "single", "apiece", "per"})
"""Words that make a figure a per-item amount ("each rail tanker holds up to 60 tonnes", "a single tanker
loaded 40,000 tonnes", "fines of 2,000 euros each"); "per cent" does not count."""


def clause_per_item(masked_clause: str) -> bool:
    """Whether the figure is an amount per item (one truck, each family) rather than a total: a word of
    :data:`PER_ITEM_WORDS` within :data:`PREDICATE_REACH` words of the number."""
    words = _words(masked_clause)
    if NUMBER_MASK not in words:
        return False
    at = words.index(NUMBER_MASK)
    for i, w in enumerate(words):
        if w in PER_ITEM_WORDS and abs(i - at) <= PREDICATE_REACH:
            if w == "per" and i + 1 < len(words) and words[i + 1] in ("cent", "centum"):
                continue
            return True
    return False


POPULATION_PLACES = frozenset({
    "district", "town", "city", "village", "region", "province", "country", "nation", "state", "suburb", "island",
    "community", "municipality", "county", "area", "valley", "capital", "settlement", "neighbourhood",
    "neighborhood", "borough", "oblast", "republic",
})
"""Places whose size a figure can state: "Dolvik, a district of 60,000 people"."""
POPULATION_WORDS = frozenset({"population", "populace"})
STOCK_VERBS = frozenset({"has", "have", "had", "having"})
"""Right before the number (past "only", "just", "still", "some"), these make a figure what a place or body has
("the region has only 1.4 million household connections", "the shelters have 3,500 beds"): a standing stock,
like a population, never an event's count."""
_STOCK_SKIP = frozenset({"only", "just", "still", "some", "now", "already", "about", "around", "roughly"})


HOLD_VERBS = STOCK_VERBS | {"hold", "holds", "holding", "store", "stores", "stored", "keep", "keeps"}


def clause_holds(masked_clause: str) -> bool:
    """Whether a word of :data:`HOLD_VERBS` stands right before the number (past "only", "still", "about" ...):
    "Averon had no more than many tonnes of grain in its ports", "the silos still hold many tonnes". For an
    amount of a material this is what is kept there, the ``remain`` predicate (see
    :func:`~presslens.compare.figure_groups.mention_features`)."""
    words = _words(masked_clause)
    if NUMBER_MASK not in words:
        return False
    i = words.index(NUMBER_MASK) - 1
    while i >= 0 and words[i] in _STOCK_SKIP:
        i -= 1
    return i >= 0 and words[i] in HOLD_VERBS


def clause_population(masked_clause: str, *, stocks: bool = True) -> bool:
    """Whether the figure states how many live somewhere or what a place or body has (a standing population or
    stock, not an event): "a town of many residents", "home to many people", "a population of many", "many people
    live in the valley", "the region has only many household connections", "a capacity of many megawatts"."""
    words = _words(masked_clause)
    if NUMBER_MASK not in words:
        return False
    at = words.index(NUMBER_MASK)
    if at >= 2 and words[at - 1] == "of" and words[at - 2] in POPULATION_PLACES:
        return True
    if at >= 2 and words[at - 2 : at] == ["home", "to"]:
        return True
    if POPULATION_WORDS.intersection(words[max(0, at - 4) : at]):
        return True
    if at >= 2 and words[at - 1] == "of" and words[at - 2] == "capacity":
        return True  # "a capacity of 1,200 megawatts": what could be, not what is out
    i = at - 1
    while i >= 0 and words[i] in _STOCK_SKIP:
        i -= 1
    if stocks and i >= 0 and words[i] in STOCK_VERBS and not (words[i] == "had" and i > 0 and words[i - 1] in STOCK_VERBS):
        return True  # "the region has only many household connections" (but "the city has had many cases")
    return bool({"live", "lives", "living"}.intersection(words[at + 1 : at + 4]))


SUBCOUNT_BEFORE = (("including",), ("includes",), ("included",), ("among", "them"), ("among", "whom"),
                   ("of", "whom"), ("of", "which"), ("of", "those"), ("among", "those"))
"""Words right before a number that make it a part of a count just given ("1,870 deaths, including 214
children", "40 were wounded, of whom 12 seriously")."""
SUBCOUNT_AFTER = (("among", "the"), ("among", "them"), ("among", "those"))
"""Words right after the counted noun that make a figure a part of another count ("112 children among the
dead")."""


def clause_subcount(masked_clause: str) -> bool:
    """Whether the figure is a sub-count: a part of another count in the same story (:data:`SUBCOUNT_BEFORE`
    within the three words before the number, or :data:`SUBCOUNT_AFTER` within the three words after it)."""
    words = _words(masked_clause)
    if NUMBER_MASK not in words:
        return False
    at = words.index(NUMBER_MASK)
    before = words[max(0, at - 3) : at]
    after = words[at + 1 : at + 5]
    for cue in SUBCOUNT_BEFORE:
        n = len(cue)
        if cue[0] in before and any(tuple(before[i : i + n]) == cue for i in range(len(before) - n + 1)):
            return True  # (a cue whose first word is not there is not looked for)
    return any(tuple(after[i : i + len(cue)]) == cue for cue in SUBCOUNT_AFTER if cue[0] in after
               for i in range(len(after)))


PART_OF_DETERMINERS = frozenset({"the", "its", "their", "his", "her", "our", "these", "those"})
"""After "N of", a determiner that makes a count a part of a set already named ("71 of the drones", "two of its
drivers", "nine of the city's routes"); a pronoun ("8,900 of them") is left alone: it often restates the total."""


PART_OF_RELATIVES = frozenset({"which", "whom"})
"""After "N of", a relative pronoun makes a count a part of the set just named ("thirteen ships have been struck,
four of which sank", "40 were wounded, nine of whom seriously")."""


OWN_SET_POSSESSIVES = frozenset({"his", "her", "its", "their", "our"})
"""Round 2 stop 31 (an option, ``GroupingConfig.own_set``): after "N of", a possessive that names whose people or
things are counted ("only 90 of his people had been freed", "more than 14,000 of his fighters had reported",
"about 25 of its supporters") without naming a set of a size of its own."""
_OWN_SET = re.compile(rf"\b{NUMBER_MASK}\s+of\s+(?:his|her|its|their|our)\s+(?!own\b)(?P<next>\S+)", re.I)
_NUMBERED = re.compile(r"^[\d.,]+$|^(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|"
                       r"thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|dozen)\b", re.I)


def clause_own_set(masked_clause: str) -> bool:
    """Whether a count is "N of his / her / its / their / our NOUN" whose set has no size of its own: the
    possessive names whose NOUN are counted, and the figure is read as a count of that NOUN, not a part of a set
    already named (``GroupingConfig.own_set``). "seven of its 11 plants" (the set numbered) and "of its own" stay
    what :func:`clause_part_of_set` makes them."""
    m = _OWN_SET.search(masked_clause)
    return m is not None and _NUMBERED.match(m["next"]) is None


def clause_part_of_set(masked_clause: str, own_set: bool = False) -> bool:
    """Whether a count is a part of a named set: "many of the NOUN", "many of its NOUN", "many of the city's
    NOUN" right after the number (a sub-count, like "including N"; for counts only: "a fifth of the country's
    capacity" is a share, which :func:`~presslens.compare.figures.share_of` handles). ``own_set``: not when
    :func:`clause_own_set` reads the possessive as whose NOUN are counted."""
    words = _words(masked_clause)
    if NUMBER_MASK not in words:
        return False
    at = words.index(NUMBER_MASK)
    after = words[at + 1 : at + 3]
    if not (len(after) == 2 and after[0] == "of" and (after[1] in PART_OF_DETERMINERS or after[1].endswith("'s")
                                                       or after[1] in PART_OF_RELATIVES)):
        return False
    return not (own_set and after[1] in OWN_SET_POSSESSIVES and clause_own_set(masked_clause))


SHARE_WORDS = frozenset({"share", "portion", "slice", "tranche", "instalment", "installment"})
"""Within :data:`SHARE_REACH` words before the number, these make a figure one party's part of a total ("the
largest share, 40 million", "our share of the pledges, 8.5 million", "a first tranche of 20 million")."""
SHARE_REACH = 5


def clause_share(masked_clause: str) -> bool:
    """Whether the figure is named a share of something before it (:data:`SHARE_WORDS` within
    :data:`SHARE_REACH` words before the number): a part of a total, not the total ("The Northern Compact gave
    the largest share, many crowns"). Not for percentages, which are shares by what they measure."""
    words = _words(masked_clause)
    if NUMBER_MASK not in words:
        return False
    at = words.index(NUMBER_MASK)
    return bool(SHARE_WORDS.intersection(words[max(0, at - SHARE_REACH) : at]))


PART_WITH = re.compile(rf"^with\s+(?:only\s+|just\s+|some\s+)?[^\w\s]{{0,3}}{NUMBER_MASK}\b", re.I)
"""A clause that opens with "with N" right after another figure gives a part of it ("pledges had reached
€520 million, with €60 million promised on Tuesday"); see :func:`clause_role`."""

INCIDENT_NOUNS = frozenset({"strike", "attack", "raid", "blast", "explosion", "night", "day", "bombing", "shelling",
                            "barrage", "salvo", "incident", "assault"})
INCIDENT_WORDS = frozenset({"single", "one", "that", "this", "deadliest", "worst", "same"})
"""Words that, before a word of :data:`INCIDENT_NOUNS` ("the deadliest single strike", "that night alone", "in
one attack"), make a figure the toll or count of one incident."""
PERIOD_NOUNS = frozenset({"week", "weekend", "month", "morning", "afternoon", "evening", "hours", "hour",
                          "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
"""Before "alone" ("in the past week alone three died", "on Wednesday alone"), these make a figure the count of
one period, an increment that never joins the running total (:func:`clause_scope`)."""
IMPACT_VERBS = frozenset({"struck", "hit", "hits", "strikes", "exploded", "landed", "fell", "slammed", "crashed",
                          "attacked", "shelled", "bombed", "targeted"})
"""Verbs that, within four words after "when" ("died when a drone struck an apartment block"), tie a figure to
one incident."""
INDEFINITE_INCIDENTS = frozenset({"strike", "attack", "raid", "blast", "explosion", "bombing", "shelling", "salvo",
                                  "assault", "barrage"})
"""After "a"/"an" before the number ("a missile strike on the port killed many"), these make the figure the count
of one incident when the clause has no cue of a running total ("since", "so far")."""
CUMULATIVE_WORDS = (("since",), ("so", "far"), ("in", "total"), ("in", "all"), ("to", "date"), ("altogether",),
                    ("whole",), ("entire",), ("overall",), ("cumulative",))
"""Words that make a figure a running total over a period ("killed since the campaign began", "in the whole
campaign", "so far")."""


CALENDAR_WORDS = frozenset("""monday tuesday wednesday thursday friday saturday sunday january february march april
may june july august september october november december""".split())
_CAPITALISED = re.compile(r"(?<![\w'’])[A-Z][a-z]+(?:-[A-Z][a-z]+)?")


def clause_places(clause: str) -> frozenset[str]:
    """The names in a clause (capitalised words other than its first, lower-cased; days and months left out):
    where an incident happened ("an apartment block in Brenna", "a site near Tolmar", "the Brask market"). Two
    counts of one incident name the same place; see :meth:`~presslens.compare.figure_groups.FigureGrouper`."""
    names = [m.group(0).lower() for m in _CAPITALISED.finditer(clause) if m.start() > 0]
    return frozenset(n for n in names if n not in CALENDAR_WORDS and n not in _STOPWORDS)


def clause_scope(masked_clause: str) -> str | None:
    """``"incident"`` when the clause ties the figure to one strike, night or attack ("died when a drone struck an
    apartment block", "that night alone killed N", "the deadliest single strike killed N"), ``"cumulative"`` when
    it makes it a running total ("since Sunday", "in the whole campaign", "so far"), None when it says neither.
    A count of one incident is never the running total of a campaign (the incident cues win when both occur:
    "the deadliest single strike since the campaign began")."""
    words = _words(masked_clause)
    if NUMBER_MASK not in words:
        return None
    for i, w in enumerate(words):
        if w in INCIDENT_NOUNS and INCIDENT_WORDS.intersection(words[max(0, i - 2) : i]):
            return "incident"
        if w == "alone" and i > 0 and (words[i - 1] in INCIDENT_NOUNS or words[i - 1] in PERIOD_NOUNS):
            return "incident"  # "that night alone", "in the past week alone": one period's count, not the total
        if w == "when" and IMPACT_VERBS.intersection(words[i + 1 : i + 5]):
            return "incident"
    present = set(words)
    for cue in CUMULATIVE_WORDS:
        if cue[0] not in present:
            continue  # (no cue can start anywhere: the same answer without the slices)
        n = len(cue)
        for i in range(len(words) - n + 1):
            if tuple(words[i : i + n]) == cue and not (
                    cue == ("since",) and any(_is_superlative(v) for v in words[max(0, i - 3) : i])):
                return "cumulative"  # but "the highest (toll) since the war began" compares, it does not sum
    words = _words_any(masked_clause)
    at = words.index(NUMBER_MASK)
    for i in range(at):
        if words[i] in ("a", "an") and INDEFINITE_INCIDENTS.intersection(words[i + 1 : min(i + 3, at)]):
            return "incident"  # "a missile strike on the grain terminal overnight killed many people"
    return None


_NOT_SUPERLATIVES = frozenset({"protest", "arrest", "interest", "request", "forest", "harvest", "contest", "suggest",
                               "manifest", "invest", "digest", "honest", "modest", "latest"})


def _is_superlative(word: str) -> bool:
    """"highest", "deadliest", "first", "worst" ... ("protest" and "arrest" are not)."""
    return word in ("first", "most", "worst", "last", "best") or (
        word.endswith("est") and len(word) > 5 and word not in _NOT_SUPERLATIVES)


TIME_UNITS = frozenset({"day", "week", "month", "year", "hour", "night", "fortnight", "season"})
RATE_WORDS = frozenset({"daily", "weekly", "monthly", "yearly", "annually", "hourly", "nightly"})


def clause_rate(masked_clause: str) -> bool:
    """Whether the figure is a rate, an amount per unit of time, not an amount: "a deal could allow up to many
    ships a day", "many tonnes a month before the blockade", "a daily loading rate of many tonnes" ("a"/"an"
    and a word of :data:`TIME_UNITS` within the six words after the number, or a word of :data:`RATE_WORDS`
    or "rate of" within the three words before it)."""
    words = _words_any(masked_clause)
    if NUMBER_MASK not in words:
        return False
    at = words.index(NUMBER_MASK)
    after = words[at + 1 : at + 7]
    if any(after[i] in ("a", "an") and after[i + 1] in TIME_UNITS for i in range(len(after) - 1)):
        return True
    if RATE_WORDS.intersection(after[:3]):
        return True
    before = words[max(0, at - 3) : at]
    if before[-2:] == ["rate", "of"]:
        return True
    if RATE_WORDS.isdisjoint(before):
        return False  # (no rate word to check against the names)
    named = _named_words(masked_clause)
    return any(w in RATE_WORDS and (max(0, at - 3) + k) not in named for k, w in enumerate(before))


_WORD_ANY_CASED = re.compile(r"[A-Za-z][A-Za-z'-]*")


def _named_words(masked_clause: str) -> set[int]:
    """Positions (in the word list of :data:`_WORD_ANY`) of capitalised words that follow another capitalised word
    or "the": the words of a name ("told the Eastern Frontier Daily that ...", "The Weekly reported"), which
    say nothing of the figure (a newspaper called "Daily" makes no rate)."""
    words = _WORD_ANY_CASED.findall(masked_clause)
    out: set[int] = set()
    for i in range(1, len(words)):
        if words[i][0].isupper() and (words[i - 1][0].isupper() or words[i - 1].lower() == "the"):
            out.add(i)
    return out


MODAL_VERBS = frozenset({"could", "can", "would", "will"})
CAPACITY_VERBS = frozenset({"allow", "hold", "carry", "move", "handle", "take", "load", "accommodate", "store",
                            "export", "ship", "process", "house", "supply", "shelter", "treat", "let"})
"""After a modal, these make a figure a capacity ("the corridor could move up to many tonnes a month", "the silos
can hold many tonnes", "a deal could allow many ships"); "the toll could reach 45" stays a (hedged) count, and so
does "the army aims to mobilise many men", a planned total that reports track like any other."""


FORECAST_VERBS = frozenset({"expects", "expect", "expected", "forecast", "forecasts", "projects", "projected",
                            "predicts", "predicted"})
"""Followed by "to" ("the ministry expects to export many tonnes in February"), these make a figure a forecast, what
may happen, like a capacity; an actor's own aim ("the army aims to mobilise many men") stays a count."""


def clause_potential(masked_clause: str) -> bool:
    """Whether the figure is a capacity or a forecast, what could be moved or held or may happen, not what was: a
    modal (:data:`MODAL_VERBS`) followed by a verb of :data:`CAPACITY_VERBS`, or a verb of :data:`FORECAST_VERBS`
    followed by "to", within the five words before the number."""
    words = _words(masked_clause)
    if NUMBER_MASK not in words:
        return False
    at = words.index(NUMBER_MASK)
    for i in range(max(0, at - 5), at - 1):
        if words[i] in MODAL_VERBS and words[i + 1] in CAPACITY_VERBS:
            return True
        if words[i] in FORECAST_VERBS and words[i + 1] == "to":
            return True
    return False


FIGURE_ROLES = ("total", "per_item", "population", "part", "rate", "potential")
"""What a figure amounts to: an amount of the thing (``total``), an amount per item (``per_item``: "each
truck carries 20 tonnes") or the standing population of a place (``population``); figures of different roles
never measure the same thing; ``part`` is a sub-count of another count in the story ("including 214
children", "of whom 12 seriously", "112 children among the dead"); ``rate`` is an amount per unit of time
("up to five ships a day", :func:`clause_rate`) and ``potential`` a capacity, what could be moved or held
(:func:`clause_potential`): neither is ever the amount that did happen."""


def clause_role(masked_clause: str, *, count: bool = False, after_figure: bool = False,
                material: bool = False, own_set: bool = False) -> str:
    """The :data:`FIGURE_ROLES` entry of a figure, from its masked clause. ``count``: the figure is a count (then
    "N of the NOUN" is a part of a set, :func:`clause_part_of_set`); ``after_figure``: its clause was cut right
    after another figure of the sentence (then a clause opening "with N" is a part of that figure); ``material``:
the figure is an amount of a material such as tonnes of grain (then "has N" is that amount, not a stock);
    ``own_set``: :func:`clause_part_of_set`'s (round 2 stop 31's option)."""
    if clause_rate(masked_clause):
        return "rate"
    if clause_per_item(masked_clause):
        return "per_item"
    if clause_potential(masked_clause):
        return "potential"
    if clause_population(masked_clause, stocks=not material):
        return "population"  # "has N" is a standing stock, but of a material ("has N tonnes") it is the amount
    if clause_subcount(masked_clause):
        return "part"
    if count and clause_part_of_set(masked_clause, own_set):
        return "part"
    if after_figure and PART_WITH.match(masked_clause.strip()):
        return "part"
    return "total"


def clause_tokens(masked_clause: str) -> dict[str, float]:
    """Content words of a clause, crudely singular and folded to shared predicates and nouns, each weighted
    by its closeness to the masked number: 1 next to it, 1/(1 + d/4) at d words away. The counted noun and
    the predicate sit near the number; place, time and scope ("since the mobilisation") further away."""
    words = _lower_words(masked_clause)  # (read only: no copy)
    at = words.index(NUMBER_MASK) if NUMBER_MASK in words else len(words) // 2
    out: dict[str, float] = {}
    known, weights, n_weights = _TOKEN_OF, _TOKEN_WEIGHTS, len(_TOKEN_WEIGHTS)
    for i, w in enumerate(words):
        tok = known.get(w, _UNKNOWN)
        if tok is _UNKNOWN:
            tok = _token_of(w)
            if len(known) < MAX_KNOWN_TOKENS:
                known[w] = tok
        if tok is None:
            continue
        d = i - at if i >= at else at - i
        weight = weights[d] if d < n_weights else 1.0 / (1.0 + max(0, d - 1) / 4.0)
        prev = out.get(tok)
        if prev is None or weight > prev:  # max(prev, weight): the same float (weights are positive)
            out[tok] = weight
    return out


def _token_of(word: str) -> str | None:
    """The token :func:`clause_tokens` makes of one word (None: a stopword, a short word or the number mask)."""
    w = word.strip("'-")
    if w in _STOPWORDS or len(w) < 3 or w == NUMBER_MASK:
        return None
    if w.endswith("ies") and len(w) > 5:
        w = w[:-3] + "y"
    elif w.endswith("s") and not w.endswith("ss") and len(w) > 4:
        w = w[:-1]
    return _FOLD.get(w, w)


_UNKNOWN = ""
"""What :data:`_TOKEN_OF` gives a word it has not seen (no word is empty)."""
_TOKEN_OF: dict[str, str | None] = {}
"""Word -> :func:`_token_of` (the grouper reads every clause's words, and a corpus repeats its words)."""
MAX_KNOWN_TOKENS = 100_000
"""At most this many words are kept in :data:`_TOKEN_OF` (the rest are made again each time)."""
_TOKEN_WEIGHTS = tuple(1.0 / (1.0 + max(0, d - 1) / 4.0) for d in range(64))
"""The weight of a word ``d`` words from the number (the same floats :func:`clause_tokens` computes past them)."""


def hashed_embedder(dim: int = 256) -> Embedder:
    """A model-free stand-in for the encoder (hashed bag of folded words), for tests and the benchmark."""

    def embed(texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), dim), dtype=np.float32)
        for i, t in enumerate(texts):
            for tok, weight in clause_tokens(t).items():
                h = int.from_bytes(hashlib.blake2b(tok.encode(), digest_size=4).digest(), "little")
                out[i, h % dim] += weight if h & 1 << 31 else -weight
            n = float(np.linalg.norm(out[i]))
            if n:
                out[i] /= n
        return out

    return embed


__all__ = ["CAPTURE_VERBS", "CAPTIVE_NOUNS", "TAKING_VERBS", "CAPTURE_CLASS", "captive_head", "ATTACK_HEADS", "LABOUR_WORDS", "MILITARY_WORDS", "MEDIC_HEADS", "MEDIC_MODIFIERS", "MEDIC_STAFF", "MEDIC_CLASS", "ATTACK_CLASS", "counted_thing", "NOUN_FORMS", "NOUN_DETERMINERS", "SHARE_WORDS", "SHARE_REACH", "clause_share", "CONJUNCTIONS", "PERIOD_NOUNS", "HOLD_VERBS", "clause_holds", "CARRY_PARTICIPLES", "inherited_predicate", "CUSTODY_WORDS", "INDEFINITE_INCIDENTS", "CAPACITY_VERBS", "FORECAST_VERBS", "MODAL_VERBS", "RATE_WORDS", "SAFE_WORDS",
           "TIME_UNITS", "WAITING_FOR", "clause_potential", "clause_rate", "MONEY_PREDICATES", "LEFT_WITHOUT", "GENERIC_PREDICATES", "STOCK_VERBS", "CALENDAR_WORDS", "NEGATIONS", "clause_places", "CUMULATIVE_WORDS", "DEPRIVATION_WORDS", "IMPACT_VERBS", "INCIDENT_NOUNS", "INCIDENT_WORDS",
           "OWN_SET_POSSESSIVES", "PART_OF_DETERMINERS", "PART_WITH", "clause_own_set", "UTILITIES", "clause_part_of_set", "clause_scope",
           "FIGURE_ROLES", "ILLNESS_CAUSES", "LEVEL_VERBS", "OUT_VERBS", "PLACEMENT_VERBS", "PLACEMENT_WORDS",
           "RETURNING_VERBS", "DEPORT_VERBS", "PARTICLE_VERBS", "STATE_WORDS", "PER_ITEM_WORDS", "POPULATION_PLACES", "POPULATION_WORDS", "PREDICATE_NOUNS",
           "PREDICATE_REACH", "PREDICATE_VERBS", "STAY_VERBS", "STAYING_WORDS", "Embedder", "clause_per_item", "clause_population", "clause_predicate",
           "clause_role", "clause_subcount", "clause_tokens", "SUBCOUNT_AFTER", "SUBCOUNT_BEFORE", "hashed_embedder"]
