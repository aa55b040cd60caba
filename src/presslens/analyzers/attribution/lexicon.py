"""Attribution vocabulary: reporting cues, pronouns, titles, source heads, outlet and organisation names,
quote characters.
"""

from __future__ import annotations

import re

ROLES = ("source", "cue", "content")
SOURCE_TYPES = ("person", "organisation", "outlet", "anonymous", "vague", "document")


# ---------------------------------------------------------------------------------------------
# Lexicons
# ---------------------------------------------------------------------------------------------

_CUE_STEMS = (
    "say said says saying tell told tells telling report reported reports reporting claim claimed claims "
    "claiming state stated states stating announce announced announces announcing add added adds adding "
    "note noted notes noting warn warned warns warning explain explained explains insist insisted insists "
    "argue argued argues arguing suggest suggested suggests suggesting allege alleged alleges alleging "
    "confirm confirmed confirms deny denied denies acknowledge acknowledged admit admitted admits "
    "write wrote writes written writing tweet tweeted tweets post posted declare declared declares "
    "believe believed believes think thinks thought predict predicted predicts estimate estimated "
    "estimates assert asserted asserts maintain maintained maintains accuse accused accuses "
    "describe described describes call called calls quote quoted quotes cite cited cites "
    "indicate indicated indicates show showed shows reveal revealed reveals mention mentioned "
    "promise promised promises vow vowed vows urge urged urges ask asked asks reply replied "
    "respond responded responds recall recalled recalls concede conceded observe observed "
    "according"
)
CUE_WORDS = frozenset(_CUE_STEMS.split())
SPEECH_VERBS = frozenset(
    "said says say told tells tell added adds asked asks wrote writes claimed claims stated states "
    "reported reports insisted insists warned warns explained explains noted notes argued argues "
    "declared declares replied replies responded responds tweeted tweets posted posts announced "
    "announces suggested suggest suggests alleged alleges continued continues recalled recalls "
    "admitted admits acknowledged acknowledges confirmed confirms denied denies".split()
)
PRONOUNS = frozenset("he she they i we it you him her them who".split())
PERSON_PRONOUNS = frozenset("he she i we you him her".split())
TITLE_WORDS = frozenset(
    "president minister spokesman spokeswoman spokesperson secretary general colonel commander "
    "mayor governor senator ambassador chief director official officials adviser advisor lawyer "
    "prosecutor mr mrs ms dr prime deputy head leader analyst expert witness resident residents "
    "sergeant captain lieutenant major admiral marshal king queen prince chancellor pope envoy "
    "representative rep sen gen col lt capt professor researcher correspondent editor".split()
)
PERSON_HEADS = frozenset(
    "officer soldier soldiers man woman mother father son daughter doctor nurse volunteer farmer teacher "
    "student survivor refugee journalist reporter activist priest worker engineer pilot fighter "
    "commander spokesman spokeswoman spokesperson negotiator diplomat".split()
)
VAGUE_HEADS = frozenset(
    "reports report information sources rumours rumors claims accounts estimates media press "
    "officials observers experts analysts critics some many others people authorities insiders "
    "diplomats commentators witnesses residents locals".split()
)
ANONYMOUS_MARKERS = re.compile(
    r"anonymity|not (?:to be |being )?(?:named|identified)|not authori[sz]ed|familiar with|"
    r"declined to be (?:named|identified)|unnamed|anonymous|a source\b|one source\b|an official\b|"
    r"a (?:senior|security|military|government|western|diplomatic) (?:\w+ )?(?:source|official)",
    re.I,
)
OUTLET_NAMES = re.compile(
    r"\b(?:Reuters|AFP|Agence France-Presse|Associated Press|AP|BBC|CNN|Fox News|MSNBC|NBC|CBS|ABC News|"
    r"Al Jazeera|Bloomberg|Politico|Axios|Breitbart|HuffPost|Huffington Post|New York Times|"
    r"Washington Post|Wall Street Journal|Guardian|Financial Times|Economist|Le Monde|Der Spiegel|"
    r"Haaretz|Times of Israel|TASS|RIA Novosti|Interfax|Ukrinform|Kyiv Independent|Ukrainska Pravda|"
    r"Kommersant|Izvestia|Xinhua|Anadolu|Yonhap|Kyodo|USA Today|NPR|Sky News|Euronews|DW|"
    r"Deutsche Welle|Times|Post|Journal|Gazette|Herald|Tribune|Telegraph)\b"
)
OUTLET_WORDS = frozenset(
    "newspaper newspapers daily outlet outlets agency broadcaster broadcasters channel magazine tabloid "
    "website paper television tv radio wire".split()
)
ORG_WORDS = frozenset(
    "ministry government army military forces police un nato pentagon kremlin commission council "
    "committee department office agency company party campaign administration court parliament "
    "congress senate cabinet union organisation organization group institute foundation bank "
    "embassy command staff service services navy airforce guard brigade battalion regiment "
    "hospital university corporation firm authority authorities coalition alliance fund center centre "
    "groups nations organisations organizations agencies ministries companies parties unions charities charity "
    "white house downing street who unicef unhcr icrc ohchr hamas hezbollah idf fsb sbu cia fbi".split()
)

# Straight and typographic quote characters.
OPEN_QUOTES = "\u201c\u00ab\u201e"
CLOSE_QUOTES = "\u201d\u00bb"
STRAIGHT_QUOTE = '"'

N_LEX = 14


QUOTE_CHARS = OPEN_QUOTES + CLOSE_QUOTES + STRAIGHT_QUOTE


def verb_forms(base: str) -> set[str]:
    """Regular verb forms of ``base`` (over-generation is harmless: the set is only looked up)."""
    forms = {base, base + "s", base + "ed", base + "ing", base + base[-1] + "ed", base + base[-1] + "ing"}
    if base.endswith("e"):
        forms |= {base + "d", base[:-1] + "ing"}
    if base.endswith("y") and base[-2:-1] not in ("a", "e", "i", "o", "u"):
        forms |= {base[:-1] + "ies", base[:-1] + "ied"}
    if base.endswith(("s", "sh", "ch", "x", "z")):
        forms.add(base + "es")
    return forms


# Speech, reporting and writing predicates (issue 13): what a third party says, writes, reports or what a
# document shows. Cognition and wishes ("believe", "think", "want", "hope", "fear") and actions ("order",
# "decide", "support", "vote") are not among them: an attribution cued by one is kept only as a candidate.
_SPEECH_BASES = (
    "say tell report claim state announce add note warn explain insist argue suggest allege confirm deny "
    "acknowledge admit write tweet post declare assert maintain accuse describe quote cite indicate show "
    "reveal mention promise vow urge ask reply respond recall concede observe dismiss reject complain "
    "criticise criticize praise blame defend threaten pledge propose recommend demand counter stress "
    "emphasise emphasize highlight point charge contend testify comment remark brief inform advise caution "
    "predict forecast estimate conclude publish disclose proclaim label dub term characterise characterize "
    "condemn denounce slam blast endorse agree disagree hail applaud lament boast joke quip signal hint imply "
    "confess reiterate repeat echo clarify detail outline list assure reassure notify alert plead appeal "
    "request chant shout scream yell exclaim retort rebut refute dispute challenge protest swear laud mock "
    "liken compare implore thank congratulate commend decry deplore ridicule taunt insult affirm reaffirm "
    "vouch certify prove find continue calculate call tout brag convey remind express question brand voice"
)
_SPEECH_EXTRA = (
    "said told wrote written spoke spoken swore sworn found according statement statements interview "
    "speech remarks comments reportedly allegedly quoted tweet tweets letter testimony announcement "
    "words quoting"
)
SPEECH_PREDICATES = frozenset(
    {f for b in _SPEECH_BASES.split() for f in verb_forms(b)} | set(_SPEECH_EXTRA.split())
)
