"""Lexical cues of a sentence's stance toward violence: violent acts (figurative idioms masked out),
imperatives, exhortation, approval, reported opinion, condemnation, peaceful action; and the violent
context across sentences.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

import numpy as np

IGNORE_CASE = re.IGNORECASE

# ---------------------------------------------------------------------------------------------------
# Lexicons
# ---------------------------------------------------------------------------------------------------

# Base forms of violent verbs; inflections are added by _verb_forms.
_VIOLENT_VERBS = (
    "burn torch firebomb bomb shell shoot kill murder execute hang lynch stab beat punch kick smash wreck "
    "destroy loot sabotage attack assault storm raid ambush slaughter massacre level flatten raze poison "
    "strangle behead torture injure hurt maim cripple bleed slit slash derail sink rape assassinate "
    "drown starve exterminate annihilate crush kneecap kidnap hit stone ram throw blow break cut "
    "eliminate wipe fire bombard butcher gun burn"
).split()
_IRREGULAR = {
    "shoot": ["shot"], "hang": ["hanged", "hung"], "beat": ["beaten"], "hit": ["hitting"],
    "throw": ["threw", "thrown"], "blow": ["blew", "blown"], "break": ["broke", "broken"],
    "cut": ["cutting"], "slit": ["slitting"], "sink": ["sank", "sunk"], "burn": ["burnt"],
    "stab": ["stabbed", "stabbing"], "rob": ["robbed"], "ram": ["rammed", "ramming"],
    "kidnap": ["kidnapped", "kidnapping"], "gun": ["gunned", "gunning"], "drown": ["drowned"],
    "kneecap": ["kneecapped", "kneecapping"], "stone": ["stoned", "stoning"],
}


def _verb_forms(base: str) -> list[str]:
    forms = {base, base + "s", base + "es"}
    if base.endswith("e"):
        forms |= {base + "d", base[:-1] + "ing"}
    else:
        forms |= {base + "ed", base + "ing"}
    forms |= set(_IRREGULAR.get(base, []))
    return sorted(forms, key=len, reverse=True)


VERB_ALT = "|".join(sorted({f for b in _VIOLENT_VERBS for f in _verb_forms(b)}, key=len, reverse=True))

# Phrasal or nominal violent acts and weapons.
_VIOLENT_PHRASES = (
    r"set\s+(?:\w+\s+){0,4}?(?:on\s+fire|alight|ablaze)|set\s+fire\s+to|go(?:es)?\s+up\s+in\s+flames|"
    r"put\s+(?:\w+\s+){0,3}?to\s+the\s+(?:torch|sword)|take\s+up\s+arms|blow\s+(?:\w+\s+){0,3}?up|"
    r"run\s+(?:\w+\s+){0,2}?over|gun\s+down|wipe\s+(?:\w+\s+){0,3}?out|to\s+the\s+ground|"
    r"petrol[- ]bombs?|molotov|arson\w*|riot\w*|uprising|insurrection|bloodshed|violence|violent|"
    r"bullets?|grenades?|explosives?|rifles?|guns?|knife|knives|acid|rope|guillotine|iron\s+bars|"
    r"baseball\s+bats?|bats|bricks?|stones|rocks|flares|petrol|diesel|matches|lighters?|"
    r"firing\s+squads?|massacres?|pogroms?|lynching|airstrikes?|air\s+strikes?|missiles?|drones?|"
    r"bombs?|bombing|flames?|fires?|blaze|ablaze|alight|hostages?|throats?|bones?|legs?|fingers?|"
    r"bleed|blood|bloody|dead|die|death|no\s+prisoners|no\s+mercy|against\s+the\s+wall|"
    r"make\s+(?:him|her|them)\s+disappear|never\s+walks?\s+again|rubble|bonfires?|won'?t\s+survive|"
    r"alive|weapons|arms|artillery|finish\s+(?:him|her|them|off)|knock\s+(?:him|her|them)\s+down|"
    r"strike\s+(?:the|their|his|her)|throwing|brick|punch|make\s+(?:him|her|them)\s+(?:feel|pay|suffer)|"
    # nominal acts of harm and harm idioms ("the execution of ...", "they had it coming")
    r"destruction|executions?|assassinations?|barrages?|shelling|fists?|sack\s+of|tear\s+down|"
    r"had\s+it\s+coming|what\s+(?:[\w'’]+\s+){1,4}?did\s+to|drive\s+(?:\w+\s+){0,2}?into"
)
_VIOLENT_RE = re.compile(rf"\b(?:{VERB_ALT})\b|\b(?:{_VIOLENT_PHRASES})\b", IGNORE_CASE)
_MAKE_OR_TRADE = (
    # verbs whose object is a product: making, printing, trading ("print", "manufacture", "sell", "buy", "stamp out")
    r"make|makes|made|making|build|builds|built|building|print|prints|printed|printing|manufactur\w*|produc\w*|"
    r"assembl\w*|stamp|stamps|stamped|stamping|design\w*|craft\w*|sell|sells|sold|selling|buy|buys|bought|"
    r"buying|purchas\w*|own|owns|owned|owning|import\w*|export\w*|smuggl\w*|download\w*"
)
_IDIOM_RE = re.compile(
    # Figurative uses of violent words in political and economic news; a violent word inside one of
    # these is not a violent-act cue.
    r"\bstab\w*\s+(?:[\w'’]+\s+){0,4}?in\s+the\s+back\b|\bback-?stabb\w*|"
    r"\b(?:cut|cuts|cutting)\s+(?:down|back)\s+on\b|"
    # splitting companies ("Break Up Banks", "broke up the monopoly")
    r"\b(?:break|breaks|breaking|broke|broken)\s+up\s+(?:the\s+)?(?:big\s+|large\s+|tech\s+)?(?:banks?|compan(?:y|ies)|"
    r"monopol\w+|conglomerates?|firms?|corporations?|giants?|trusts?)\b|"
    # spending and campaigning, not blows ("throw more money at problems", "since he hit the trail")
    r"\b(?:throw|throws|threw|thrown|throwing)\s+(?:[\w'’]+\s+){0,3}?money\s+at\b|"
    r"\b(?:hit|hits|hitting)\s+the\s+(?:campaign\s+)?(?:trail|stump|airwaves|books|phones)\b|"
    r"\b(?:cut|cuts|cutting)\s+(?:\w+\s+){0,2}?(?:taxe?s?|costs?|rates?|spending|prices?|jobs|funding|"
    r"budgets?|ties|emissions|wages|deficit|red\s+tape|losses)\b|"
    r"\bgive\s+(?:me|us|him|her|them|it)\s+a\s+break\b|\b(?:take|took|taking|need|needs)\s+a\s+break\b|"
    r"\b(?:break|breaks|broke|broken|breaking)\s+(?:a|the|his|her|their|its|our)?\s*(?:record|news|silence|"
    r"deadlock|stalemate|promises?|rules?|law|ice|ranks|story)\b|"
    r"\b(?:hit|hits|hitting)\s+(?:a|the|an)?\s*(?:record|headlines|target|ground\s+running|road|"
    r"jackpot|low|high|wall|snag)\b|\b(?:hit|hard[- ]hit)\s+by\s+(?:inflation|sanctions|the\s+crisis|"
    r"prices|the\s+drought|the\s+strike|job\s+losses)\b|"
    r"\b(?:shot|shoot|shoots|shooting)\s+down\s+(?:the|a|an|his|her|their)\s+(?:proposal|bill|idea|plan|"
    r"amendment|motion)\b|\bfired\s+(?:up|the\s+(?:coach|manager|chief|director|minister|staff))\b|"
    r"\b(?:kill|kills|killed|killing)\s+(?:the|a|this|that)\s+(?:bill|deal|reform|proposal|motion|"
    r"project|plan)\b|\bblow\w*\s+the\s+whistle\b|\bwhistle-?blow\w*|"
    # "fire" a person is dismissal ("enough to fire her", "Trump fired Comey"); shooting takes "at" / "on"
    r"\b(?:fire|fires|fired|firing)\s+(?:him|her|them|me|you|us|(?-i:[A-Z][a-z]+)|(?:the|a|an|his|her|their)\s+"
    r"(?:\w+\s+)?(?:employees?|staff|workers?|aides?|officials?|directors?|chiefs?|coach|manager|secretary|"
    r"attorney|lawyer|prosecutor|counsel))\b|"
    # words, not blows: "political attacks on the Prime Minister", "drowned out by cheering"
    r"\b(?:political|verbal|personal|rhetorical|partisan|racist|sexist|scathing|blistering|vicious|unfounded|"
    r"baseless)\s+attacks?\b|\bdrown\w*\s+out\b|"
    # harm to chances, reputations, markets, or oneself ("will only hurt herself and her party")
    r"\b(?:hurt|hurts|hurting|damag\w+|kill\w*)\s+(?:\w+\s+){0,2}?(?:chances|reputation|economy|business|"
    r"sales|feelings|party|campaign|image|credibility|prospects|brand|ratings|markets?|growth|himself|"
    r"herself|themselves|itself|ourselves|yourself|the\s+mood)\b|"
    # titles and set phrases, not weapons or blows ("sergeant-at-arms", "Kill the Messenger", "up in arms"),
    # feelings that burn ("the passion that burns inside men"), and being the target ("come under attack")
    # a torch handed on or carried is a succession or a cause, not arson ("Playbook passes the torch", "carry the
    # torch for")
    r"\b(?:pass|passes|passed|passing|hand|hands|handed|handing|carry|carries|carried|carrying|take\s+up|takes\s+up|"
    r"took\s+up|holds?|held)\s+(?:on\s+)?(?:the|a|their|his|her|its|our)\s+(?:olympic\s+|political\s+)?torch\b|"
    r"\btorch-?bearers?\b|\bolympic\s+torch\b|"
    r"\b\w+-at-arms\b|\bcoats?\s+of\s+arms\b|\bup\s+in\s+arms\b|\bwith\s+open\s+arms\b|"
    r"\b(?:kill|kills|killed|killing|shoot|shoots|shot|shooting)\s+the\s+messengers?\b|"
    r"\b(?:burn|burns|burned|burnt|burning)\s+(?:inside|within|in\s+(?:his|her|their|our|my|your)\s+"
    r"(?:heart|hearts|soul|souls|chest|belly))\b|\bburning\s+(?:desire|question|issue|ambition|passion)\b|"
    r"\bunder\s+(?:\w+\s+)?(?:attack|fire|assault)\b|"
    # grief, not harm: "the family is hurting", "we're all hurting" (no one is hurt by them; "re" and "s" are the
    # contracted verb after an apostrophe)
    r"\b(?:is|are|was|were|am|be|been|being|re|s)\s+(?:(?:still|really|so|all|deeply|badly|just|truly|"
    r"also|very\s+much)\s+)*hurting\b(?!\s+(?:the|a|an|our|their|his|her|its|my|your|people|civilians|children|"
    r"kids|him|them|us|me|innocent|anyone|everyone|others)\b)|"
    # weapons as a policy subject or a thing to have or remove, not a violent act: "gun control", "gun violence",
    # "easy access to a gun", "get the guns off the street"
    r"\bguns?\s+(?:control|laws?|rights|owners?|ownership|safety|violence|shows?|sales|shops?|stores?|lobby|"
    r"reform|legislation|polic(?:y|ies)|purchases?|permits?|licen[cs]es?|buybacks?|crimes?|culture)\b|"
    r"\baccess\s+to\s+(?:a\s+|the\s+|their\s+|his\s+|her\s+)?(?:guns?|weapons|firearms|rifles?)\b|"
    r"\b(?:get|gets|take|takes|keep|keeps|getting|taking|keeping|took|got|kept)\s+(?:the\s+|illegal\s+|these\s+|"
    r"those\s+)?(?:guns?|weapons|firearms)\s+(?:off|out\s+of|away)\b|"
    # a weapon as a thing made, printed, bought or sold: the object of a verb of making or trade, or an object described
    # by how it was made ("use a 3-D printer to stamp out a gun", "build their own rifles", "3-D-printed guns")
    rf"\b(?:{_MAKE_OR_TRADE})\s+(?:(?:out|up)\s+)?(?:(?:a|an|the|their|his|her|your|our|its|own|more|new|"
    r"plastic|working|untraceable|homemade|home-made|functional|these|those|such|\d+)\s+){0,3}"
    r"(?:guns?|weapons?|firearms?|rifles?|pistols?|handguns?|bullets?|ammunition|ammo)\b|"
    r"\b(?:3-?D-?printed|printed|homemade|home-made|untraceable|ghost|plastic|do-it-yourself|diy)\s+"
    r"(?:guns?|weapons?|firearms?|rifles?|pistols?|handguns?)\b",
    IGNORE_CASE,
)
_PROPERTY_RE = re.compile(
    r"\b(?:burn\w*|torch\w*|firebomb\w*|arson\w*|set\s+fire|on\s+fire|alight|ablaze|flames?|sabotag\w*|"
    r"smash\w*|wreck\w*|loot\w*|petrol|diesel|blow\w*\s+up|blown\s+up|to\s+the\s+ground)\b",
    IGNORE_CASE,
)

_IMPERATIVE_VIOLENT = set(_VIOLENT_VERBS) | {"set", "take", "bring", "grab", "go", "wait", "find", "hunt",
                                             "make", "teach", "pour", "rip", "track", "drag", "mine",
                                             "injure", "throw", "knock", "give", "get", "put", "send",
                                             "start", "cut", "occupy", "block", "riot", "finish", "repeat",
                                             "do", "drive", "plant", "tear", "aim", "meet", "let", "cover"}
_IMPERATIVE_PEACEFUL = {
    "sign", "vote", "march", "write", "join", "boycott", "donate", "call", "share", "come", "wear", "refuse",
    "stop", "volunteer", "flood", "sit", "register", "email", "knock", "run", "demand", "turn", "tell",
    "ask", "lobby", "help", "support", "visit", "read", "teach", "light", "pray", "hand", "picket",
    "boo", "buy", "stay", "leave", "talk", "form", "gather", "wave", "lay", "open", "welcome",
    "collect", "please", "keep", "hold", "report", "testify", "lock", "install", "pressure", "push",
    "remember", "honour", "honor", "learn", "contact", "attend", "bring", "put", "give", "let",
    "make", "send", "do", "don't", "never", "go", "take", "fight", "shoot", "attack", "kill", "destroy",
    "smash", "crush", "blow", "drown", "beat", "sing", "cycle", "pull", "organise", "organize", "listen",
}
_LEADING_SKIP = re.compile(
    r"^(?:(?:and|so|now|then|just|simply|please|tonight|tomorrow|today|honestly|frankly|yes|no|ok|okay|"
    r"look|listen|well|therefore|instead|finally|together)\b[,\s]*)+",
    IGNORE_CASE,
)
_VOCATIVE = re.compile(r"^[^,;:]{1,30}?,\s+", IGNORE_CASE)
_PARTICIPLE_BY = re.compile(r"[A-Za-z'’]+\s+by\b", IGNORE_CASE)

_EXHORT_RE = re.compile(
    r"\b(?:let'?s|let\s+us|let\s+this\s+be|let\s+the|we\s+(?:must|should|need\s+to|have\s+to|ought\s+to|"
    r"will|are\s+going\s+to|can)|(?:everyone|everybody|anyone|whoever|someone|somebody|each\s+of\s+you|"
    r"you|people|citizens|(?:every|all)\s+\w+)\b[^.;,]{0,40}?\b(?:should|must|need\s+to|ought\s+to|has\s+to|"
    r"have\s+to)|it\s+is\s+(?:time|our\s+duty)\s+to|it'?s\s+time\s+to|time\s+to|the\s+only\s+thing\s+left|"
    r"(?:should|must|needs?\s+to|ought\s+to)\s+(?:be\s+)?(?:\w+\s+){0,3}?(?:burn\w*|shot|hanged|killed|"
    r"executed|destroyed|torched|bombed|attacked|beaten|levelled|leveled|flattened|razed|die)|"
    r"deserves?\s+a\s+(?:bullet|brick|bomb|beating|petrol\s+bomb|rope)|why\s+(?:wait|is|hasn'?t|haven'?t|"
    r"has\s+no\s*one|not))\b",
    IGNORE_CASE,
)
_APPROVAL_RE = re.compile(
    r"\b(?:right\s+answer|the\s+right\s+(?:thing|message|decision)|(?:long\s+)?overdue|deserved?|"
    r"deserves|had\s+it\s+coming|asking\s+for\s+it|got\s+what|got\s+off\s+lightly|justified|justice|"
    r"justly|just(?!\s+(?:before|after|as|when|since|minutes?|hours?|days?|weeks?|months?|years?|seconds?|moments?|"
    r"outside|inside|blocks?|feet|miles?|yards?|north|south|east|west|down|up|across|past|around|about|over|under|"
    r"off|a|an|one|two|three|four|five|\d))|legitimate|righteous|rightly|were\s+right|was\s+right|right\s+to|heroes|hero|heroic|"
    r"brave|bravery|courage\w*|admir\w+|proud|pride|glorious|glory|magnificent|beautiful|brilliant|"
    r"masterpiece|fine(?:st)?|fitting|fair|well\s+earned|earned|necessary|necessity|good\s+riddance|"
    r"bravo|salute|cheer\w*|celebrat\w*|delighted|glad|happiest|loved|warms|thank\w*|medals?|honou?r\w*|"
    r"patriot\w*|martyrs?|legends?|favour|favor|service|worth\s+it|worth\s+paying|price\s+worth|"
    r"worked(?!\s+(?:with|on|for|at|as|in|alongside|together|closely|hard|to|under|out|through))|"
    r"the\s+only\s+language|only\s+(?:tool|way|honest)|no\s+(?:sympathy|regret|tear)|don'?t\s+regret|"
    r"won'?t\s+condemn|nothing\s+(?:shameful|wrong)|poetic|gift|self-defen[cs]e|restored\s+order|"
    r"triumphs?|victory|smart|correct|sensible|defend|stand\s+with|full\s+(?:support|admiration)|"
    r"support|duty|lesson|exactly\s+what|pride|did\s+more\s+for|cleaned\s+up|democracy\s+spoke|"
    r"best\s+(?:thing|news)|good\s+(?:thing|news)|understandable|excus\w+|harsh\s+but)\b",
    IGNORE_CASE,
)
_ATTRIBUTION_RE = re.compile(
    r"\b(?:said|says|say|told|tells|according\s+to|reported|reports|reportedly|claimed|claims|stated|"
    r"alleged\w*|announced|confirmed|denied|accused|described|warned|warn|estimate\w*|testimon\w+|"
    r"witnesses|investigators|prosecutors|officials|spokes\w+|statement|agency|"
    r"researchers|survey|footage|recording|transcript|documents|local\s+media|"
    r"suggests?|found)\b",
    IGNORE_CASE,
)
_REPORTING_VERBS = (
    r"call|calls|called|calling|describe|describes|described|hail|hails|hailed|praise|praises|praised|"
    r"say|says|said|argue|argues|argued|insist|insists|insisted|believe|believes|believed|claim|claims|"
    r"claimed|consider|considers|considered|view|views|viewed|dub|dubs|dubbed|brand|brands|branded|"
    r"label|labels|labelled|labeled|portray|portrays|portrayed|celebrate|celebrates|celebrated"
)
_REPORTED_OPINION_RE = re.compile(
    rf"\b(?P<subject>[\w'’]+)\s+(?:(?:have|has|had|also|often|openly|loudly|publicly|still)\s+)*"
    rf"(?:{_REPORTING_VERBS})\s+(?:it|this|that|them|him|her|the|their|his|its|what|as)\b|"
    r"\baccording\s+to\b|\bin\s+the\s+(?:eyes|view|words)\s+of\b|\b(?:supporters|critics|loyalists|"
    r"opponents|officials|commentators|ministers?|president|government|state\s+(?:media|television|tv)|"
    r"propagandists|bloggers|nationalists)\b[^.;]{0,60}?\b(?:call|calls|called|say|says|said|describe\w*|"
    r"hail\w*|prais\w*|insist\w*|argu\w*|believe\w*|claim\w*|see|sees|view\w*)\b",
    IGNORE_CASE,
)
_NOT_A_REPORTER = {
    # the writer, the reader, or no subject at all (modal, infinitive, relative clause, negation)
    "i", "we", "i'd", "we'd", "let", "let's", "you", "would", "should", "must", "can", "could", "will",
    "to", "who", "that", "which", "do", "don't", "not", "never", "cannot", "can't", "and", "or", "simply",
}
_ADOPTION_RE = re.compile(
    r"\b(?:rightly|correctly|as\s+it\s+should|(?:I|we)\s+agree|(?:they|he|she)\s+(?:are|is|were|was)\s+right)\b",
    IGNORE_CASE,
)


def reported_opinion(text: str) -> bool:
    """True when the sentence reports someone else's opinion or words ("critics call it ...",
    "supporters say ...", "according to ...") and the writer does not adopt it ("rightly", "I agree")."""
    if _ADOPTION_RE.search(text):
        return False
    for m in _REPORTED_OPINION_RE.finditer(text):
        subject = m.group("subject")
        if subject is None or subject.lower().replace("’", "'") not in _NOT_A_REPORTER:
            return True
    return False


_PAST_RE = re.compile(
    r"\b(?:was|were|had|did|has\s+been|have\s+been|yesterday|overnight|last\s+(?:night|week|month|year|"
    r"summer)|ago|in\s+1[0-9]{3}|in\s+20[0-9]{2}|on\s+(?:monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday))\b",
    IGNORE_CASE,
)
_ED_RE = re.compile(r"\b\w{3,}ed\b", IGNORE_CASE)
_CONDEMN_RE = re.compile(
    r"\b(?:condemn\w*|denounc\w*|deplor\w*|cowardly|cowardice|senseless|disgrace\w*|appalling|horrific|"
    r"horrifying|tragic|tragedy|atrocit\w+|war\s+crimes?|crimes?|nothing\s+justifies|never\s+justified|"
    r"no\s+place|victims?|mourn\w*|grie\w+|shock\w*|outrage\w*|unacceptable|assault\s+on\s+democracy|"
    r"violation|investigat\w+|tribunal|inquiry|charged|sentenced|arrested|convicted|prison|jail|"
    r"injured|wounded|killed|died|dead|fled|damage|apologi\w+|distanced)\b",
    IGNORE_CASE,
)
_PEACEFUL_RE = re.compile(
    r"\b(?:sign\w*|petitions?|vot\w+|ballot\w*|polls?|donat\w+|boycott\w*|write\s+to|email|letters?|"
    r"postcards?|call\s+(?:your|the)|march\w*|peaceful\w*|non-?violent\w*|calm|strike\s+fund|general\s+"
    r"strike|walk\s*out|volunteer\w*|register|vigil|candles?|testify|hotline|courts?|trial|prosecut\w+|"
    r"elect\w*|campaign\w*|negotiat\w+|ceasefire|truce|peace|humanitarian|refugees?\s+family|"
    r"human\s+chain|placards?|banners?|lobby|audit\w*|observers?|remember|remembrance|memorial|"
    r"museum|mentor|sponsor|pray|rehoused|medicine|blood\s+at|food|aid|without|instead|not\s+with|"
    r"not\s+stones|hands\s+open|fair\s+trial|decide)\b",
    IGNORE_CASE,
)
_RESTRAINT_RE = re.compile(
    r"\b(?:nobody|no\s+one|don'?t|do\s+not|never|not\s+a\s+single|without\s+a\s+single|instead\s+of|"
    r"rather\s+than|leave\s+(?:anything|the\s+\w+)\s+at\s+home|keep\s+(?:it|this\s+\w+)\s+peaceful|"
    r"lay\s+down|(?<=,)\s*not\s+\w+)\b",
    IGNORE_CASE,
)
_METAPHOR_RE = re.compile(
    r"\b(?:scoreboard|goals?|scor\w+|stage|relay|marathon|personal\s+best|ball|box|flank|midfield|"
    r"space|cup|set|round|half|final|deficit|bill|arguments?|debate|shortage|corruption|problem|"
    r"numbers|passing|handovers|roof|noise|audit|ballot\s+box|hat-trick|keeper|defence|defense|"
    r"opponents?|challenger|title|season)\b",
    IGNORE_CASE,
)
_HYPOTHETICAL_RE = re.compile(
    r"\b(?:could|may|might|would|warn\w*|risk\w*|fear\w*|threat\w*|debate\w*|whether|if\s+the\s+\w+\s+is|"
    r"unclear|not\s+(?:yet\s+)?(?:clear|known)|unknown|remains\s+to\s+be\s+seen|nobody\s+knows)\b",
    IGNORE_CASE,
)
_FIRST_SINGULAR_RE = re.compile(r"\b(?:I|I'm|I'd|I've|me|my)\b")
_QUOTE_RE = re.compile(r"[\"“”]")
_NUMBER_RE = re.compile(r"\d")
_HEADLINE_END = re.compile(r"[.!?…\"”’')\]]\s*$")
"""A sentence without final punctuation is a headline or subtitle (the ``headline`` cue). A model input: the
shipped model was trained with it, so it stays as it is; the veto's stricter ``vetoes._HEADLINE_END_RE``
(a closing bracket or quote only after a stop) is a separate rule on purpose."""
_CLAUSE_SPLIT = re.compile(r"[;:]\s+|\s+[—–-]\s+|,\s+(?:and|then|but)\s+|,\s+please,\s+", IGNORE_CASE)
_NEGATED_BEFORE = re.compile(r"(?:n't|n’t|\bnot|\bnever|\bno)\s+(?:[\w'’]+\s+){0,3}$", IGNORE_CASE)
"""Negation just before an approving word ("doesn't seem to have worked") cancels the approval."""
_WORD_RE = re.compile(r"[A-Za-z']+")

CUE_NAMES: tuple[str, ...] = (
    "violent_act",
    "violent_act_count",
    "property_violence",
    "imperative",
    "imperative_violent",
    "imperative_peaceful",
    "exhortation",
    "approval",
    "approval_near_violence",
    "attribution",
    "reported_opinion",
    "past_tense",
    "condemnation",
    "peaceful_action",
    "restraint",
    "metaphor_context",
    "hypothetical",
    "first_person_singular",
    "quote",
    "number",
    "question",
    "exclamation",
    "headline",
)


@dataclass
class SentenceCues:
    """Lexical cues of one sentence: which fired (for ``attributes.cues``) and the numeric vector."""

    fired: list[str]
    vector: np.ndarray
    violent_spans: list[tuple[int, int]]

    @property
    def has_violent_act(self) -> bool:
        return bool(self.violent_spans)


def _clause_starts(text: str) -> list[int]:
    starts = [0]
    starts.extend(m.end() for m in _CLAUSE_SPLIT.finditer(text))
    return starts


def _first_token_after(text: str, start: int) -> str:
    """The first word of the clause at ``start``, as written (past opening quotes, skipped lead words and a short
    vocative), or "" where none."""
    rest = text[start:].lstrip(" \"'“‘(")
    rest = _LEADING_SKIP.sub("", rest)
    voc = _VOCATIVE.match(rest)
    # a vocative names the addressee; a verb in it makes it a clause ("Newport police shoot, injure suspect")
    # ...nor when the word after it is a participle with its agent ("The Justice Department, run by ...")
    if voc and len(words := _WORD_RE.findall(voc.group(0))) <= 3 and not any(
            w.lower() in _IMPERATIVE_VIOLENT for w in words[1:]) and not _PARTICIPLE_BY.match(rest[voc.end():]):
        rest = _LEADING_SKIP.sub("", rest[voc.end():])
    m = _WORD_RE.match(rest)
    return m.group(0) if m else ""


def imperative_verbs(text: str, names: frozenset[str] = frozenset()) -> list[str]:
    """Lower-cased first words of clauses that look imperative (a known verb at the clause start; ``names``: as
    :func:`imperative_clauses`)."""
    return [word for _, word in imperative_clauses(text, names)]


def _subject_name_at(text: str, start: int) -> bool:
    """The clause opens with a capitalised name followed by a finite verb ("Lynch calls ..."), not an imperative."""
    m = re.match(r"\W*([A-Z][a-z'’]+)", text[start:])
    return m is not None and bool(_FINITE_AFTER_NAME_RE.match(text, start + m.end()))


def imperative_clauses(text: str, names: frozenset[str] = frozenset()) -> list[tuple[int, str]]:
    """``(clause start, lower-cased verb)`` of every clause that looks imperative (a known verb at its start);
    clause 0 starts the sentence, later ones follow a split (";", ":", a dash, ", and", ", then", ", but").
    ``names``: lower-cased words the article uses as names (:func:`article_names`); such a word written with a capital
    opens no imperative ("Lynch Closes The Door on ..." in an article that names Attorney General Loretta Lynch)."""
    found: list[tuple[int, str]] = []
    for start in _clause_starts(text):
        token = _first_token_after(text, start)
        word = token.lower()
        if (word in _IMPERATIVE_VIOLENT or word in _IMPERATIVE_PEACEFUL) and not _subject_name_at(text, start) \
                and not _capitalised_name(token, names):
            found.append((start, word))
    return found


def _near(spans_a: list[tuple[int, int]], spans_b: list[tuple[int, int]], window: int = 60) -> bool:
    return any(abs(a0 - b0) <= window or abs(a1 - b1) <= window for a0, a1 in spans_a for b0, b1 in spans_b)


_FINITE_AFTER_NAME_RE = re.compile(
    r"\s+(?:is|was|has|had|says|said|calls|called|told|tells|will|would|can|could|did|does|wrote|writes|added|adds|"
    r"argues|argued|claims|claimed|notes|noted|thinks|believes|wants|made|makes)\b"
)
_LOWER_LONG_WORD_RE = re.compile(r"\b[a-z]{4,}\b")
"""A lower-case word of four letters or more: the sentence is not in headline title case."""


def _is_proper_name(text: str, start: int, end: int) -> bool:
    """A capitalised violent word that is a name, not an act ("Lynch calls North Carolina her home state", "said
    Attorney General Lynch"): at the sentence start when a finite verb follows it, elsewhere when the sentence is
    not in title case (headlines capitalise every longer word)."""
    word = text[start:end]
    if not (word[:1].isupper() and word[1:].islower()):
        return False
    if not text[:start].strip(" \"'“‘("):
        return bool(_FINITE_AFTER_NAME_RE.match(text, end))
    return _LOWER_LONG_WORD_RE.search(text) is not None


def _capitalised_name(token: str, names: frozenset[str]) -> bool:
    """``token`` is written as a name (capitalised or in capitals) and the article uses that word as a name."""
    return bool(names) and token.lower() in names and token[:1].isupper() and (token[1:].islower() or token.isupper())


_NAME_TITLE = (
    r"Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Sen|Senator|Rep|Representative|Congressman|Congresswoman|Gov|Governor|"
    r"Gen|General|Lt|Lieutenant|Col|Colonel|Capt|Captain|Sgt|Sergeant|Cmdr|Commander|Adm|Admiral|Maj|Major|"
    r"Judge|Justice|President|Secretary|Minister|Sheriff|Officer|Detective|Agent|Mayor|Chief|Director|"
    r"Commissioner|Ambassador|Chairman|Chairwoman|Chair|Speaker|Rev|Reverend|Pastor|Father|Sister|Brother|"
    r"Sir|Dame|Lord|Lady|Coach|Attorney|Prosecutor|Councilman|Councilwoman|Councillor|Deputy|Trooper|Pvt|Private"
)
_NAME_AFTER_TITLE_RE = re.compile(rf"\b(?:{_NAME_TITLE})\.?\s+(?:[A-Z][a-z]+\s+|[A-Z]\.\s+)?$")
"""A title just before the word, with at most a first name or an initial between ("Attorney General Loretta ",
"Mr. ", "Sen. J. ")."""
_DETERMINER_RE = re.compile(
    r"(?:the|a|an|his|her|their|our|my|your|its|this|that|these|those|operation)\s+$", IGNORE_CASE)
"""A determiner just before: a named thing, not a person ("The Blaze's reporter", "the Desert Storm veterans")."""
_FIRST_NAME_BEFORE_RE = re.compile(
    r"(?<![A-Za-z'’-])(?!(?:The|A|An|His|Her|Their|Our|My|Your|Its|This|That|These|Those|Operation)\s)"
    r"([A-Z][a-z]+(?:-[A-Z][a-z]+)?)(?:\s+[A-Z]\.)?\s+$")
"""A capitalised word (with an optional middle initial) just before the word, not a determiner: a first name
("Loretta ", "Ernest J. "); :func:`_first_name_before` checks the word before it."""
_VERB_FORM_RE = re.compile(rf"(?:{VERB_ALT})", IGNORE_CASE)


def _first_name_before(before: str) -> bool:
    """``before`` ends with a first name that does not itself follow a capitalised word ("Loretta " in "met Loretta
    ", not "Vegas " in "the Las Vegas ") nor a determiner ("the Desert ")."""
    m = _FIRST_NAME_BEFORE_RE.search(before)
    if m is None:
        return False
    head = before[:m.start()]
    previous = re.search(r"([A-Za-z'’]+)\W*$", head)
    return not (previous and previous.group(1)[:1].isupper() and head.rstrip()[-1:].isalpha()) \
        and not _DETERMINER_RE.search(head)


_NEXT_IS_NAME_PART_RE = re.compile(r"\s*(?:[.,]?\s*[\"“”'’]|[A-Z]|I{2,3}\b)")
"""After the word: a closing quote (a quoted title, "Collateral Murder.”") or a capitalised word (a longer name, "John
Burns Real Estate", "Harry Hurt III")."""
_POSSESSIVE_AFTER_RE = re.compile(r"['’]s\b")
_SPEECH_AFTER_NAME_RE = re.compile(
    r"\s+(?:says|said|told|tells|wrote|writes|added|adds|argues|argued|claims|claimed|notes|noted|thinks|thought|"
    r"believes|believed|wants|wanted|asked|asks|testified|announced|replied|responded|explained|insisted)\b"
)
"""A verb of a person's speech or thought after the word ("Lynch said"); "is", "was", "has" are left out: a gerund
takes them too ("Bombing was ...")."""
_BYLINE_RE = re.compile(r"^\W*By\s+(?:[A-Z][a-z'’]+\.?\s+){1,3}$")


def _name_evidence(text: str, start: int, end: int) -> bool:
    """The capitalised word ``text[start:end]`` is used as a person's name here: the last word of a byline ("By Jane
    Burns"); at the sentence start, followed by a verb of speech ("Lynch said ..."); elsewhere, in a sentence that is
    not in title case, after a title ("Attorney General Loretta Lynch", "Mr. Hang"), or followed by a verb of speech or
    a possessive not after a determiner ("Lynch's office", not "The Blaze's"). Title-case lines give no evidence
    ("Police Chief Shot Dead")."""
    word = text[start:end]
    if not (word[:1].isupper() and word[1:].islower()):
        return False
    before = text[:start]
    if _BYLINE_RE.match(before) and not text[end:].strip(" .,"):
        return True
    if not before.strip(" \"'“‘("):
        return bool(_SPEECH_AFTER_NAME_RE.match(text, end))
    if _LOWER_LONG_WORD_RE.search(text) is None:
        return False
    return bool(_NAME_AFTER_TITLE_RE.search(before) or _SPEECH_AFTER_NAME_RE.match(text, end)
                or (_POSSESSIVE_AFTER_RE.match(text, end) and not _DETERMINER_RE.search(before)))


def _first_name_evidence(text: str, start: int, end: int) -> bool:
    """Weaker evidence: in a sentence not in title case, the capitalised word follows a first name and ends the name
    ("met Loretta Lynch on Monday"); counted only when the article has it twice (:func:`article_names`)."""
    word = text[start:end]
    before = text[:start]
    return (word[:1].isupper() and word[1:].islower() and bool(before.strip(" \"'“‘("))
            and _LOWER_LONG_WORD_RE.search(text) is not None and _first_name_before(before)
            and not _NEXT_IS_NAME_PART_RE.match(text, end))


def article_names(texts: list[str]) -> frozenset[str]:
    """Lower-cased violent verb forms that the article uses as a person's name somewhere (:func:`_name_evidence`
    once, or :func:`_first_name_evidence` twice): such a word written with a capital is a name in every sentence of the article,
    title-case headlines included ("Lynch Closes The Door on Clinton Probe" where the body names Attorney General
    Loretta Lynch). The same word in lower case stays an act."""
    names: set[str] = set()
    weak: Counter[str] = Counter()
    for text in texts:
        for m in _VIOLENT_RE.finditer(text):
            if not _VERB_FORM_RE.fullmatch(m.group(0)):
                continue  # a name shaped like a violent verb ("Lynch", "Stone", "Burns"), not "Violence", "Blood"
            if _name_evidence(text, m.start(), m.end()):
                names.add(m.group(0).lower())
            elif _first_name_evidence(text, m.start(), m.end()):
                weak[m.group(0).lower()] += 1
    return frozenset(names | {w for w, n in weak.items() if n >= 2})


def sentence_cues(text: str, names: frozenset[str] = frozenset()) -> SentenceCues:
    """Evaluate every lexical cue on ``text`` (one sentence); ``names``: the article's names
    (:func:`article_names`), none by default (a sentence alone)."""
    idioms = [m.span() for m in _IDIOM_RE.finditer(text)]
    violent = [
        m.span() for m in _VIOLENT_RE.finditer(text)
        if not any(s <= m.start() and m.end() <= e for s, e in idioms) and not _is_proper_name(text, m.start(), m.end())
        and not _capitalised_name(m.group(0), names)
    ]
    approval = [m.span() for m in _APPROVAL_RE.finditer(text) if not _NEGATED_BEFORE.search(text[: m.start()])]
    imperatives = imperative_verbs(text, names)
    words = max(1, len(_WORD_RE.findall(text)))
    values: dict[str, float] = {
        "violent_act": float(bool(violent)),
        "violent_act_count": min(len(violent), 4) / 4.0,
        "property_violence": float(bool(_PROPERTY_RE.search(text))),
        "imperative": float(bool(imperatives)),
        "imperative_violent": float(any(w in _IMPERATIVE_VIOLENT for w in imperatives)),
        "imperative_peaceful": float(any(w in _IMPERATIVE_PEACEFUL for w in imperatives)),
        "exhortation": float(bool(_EXHORT_RE.search(text))),
        "approval": float(bool(approval)),
        "approval_near_violence": float(_near(approval, violent)),
        "attribution": float(bool(_ATTRIBUTION_RE.search(text))),
        "reported_opinion": float(reported_opinion(text)),
        "past_tense": min(1.0, (len(_PAST_RE.findall(text)) + len(_ED_RE.findall(text))) * 4.0 / words),
        "condemnation": float(bool(_CONDEMN_RE.search(text))),
        "peaceful_action": float(bool(_PEACEFUL_RE.search(text))),
        "restraint": float(bool(_RESTRAINT_RE.search(text))),
        "metaphor_context": float(bool(_METAPHOR_RE.search(text))),
        "hypothetical": float(bool(_HYPOTHETICAL_RE.search(text))),
        "first_person_singular": float(bool(_FIRST_SINGULAR_RE.search(text))),
        "quote": float(bool(_QUOTE_RE.search(text))),
        "number": float(bool(_NUMBER_RE.search(text))),
        "question": float("?" in text),
        "exclamation": float("!" in text),
        "headline": float(_HEADLINE_END.search(text) is None),
    }
    fired = _fired_cues(text, violent, approval, imperatives, values)
    vector = np.asarray([values[n] for n in CUE_NAMES], dtype=np.float32)
    return SentenceCues(fired=fired, vector=vector, violent_spans=violent)


def _fired_cues(
    text: str,
    violent: list[tuple[int, int]],
    approval: list[tuple[int, int]],
    imperatives: list[str],
    values: dict[str, float],
) -> list[str]:
    fired: list[str] = []
    seen: set[str] = set()

    def add(cue: str) -> None:
        if cue not in seen:
            seen.add(cue)
            fired.append(cue)

    for s, e in violent:
        add(f"violent_act:{text[s:e].lower()}")
    for w in imperatives:
        add(f"imperative:{w}")
    for m in _EXHORT_RE.finditer(text):
        add(f"exhortation:{' '.join(m.group(0).lower().split())}")
    for s, e in approval:
        add(f"approval:{text[s:e].lower()}")
    for name in ("attribution", "reported_opinion", "condemnation", "peaceful_action", "restraint"):
        if values[name]:
            add(name)
    return fired


_ANAPHOR_RE = re.compile(r"\b(?:it|this|these|those|such)\b|^\W*that\b", IGNORE_CASE)
ANAPHOR_HOPS = 2
"""How many sentences back a pronoun may carry the violent act it refers to ("They torched the office.
Newspapers call it a tragedy. I call it justice.")."""


def violent_context(texts: list[str], cues: list[SentenceCues]) -> np.ndarray:
    """Per sentence: a violent-act cue fired in it, or it has a pronoun ("it", "this", "such", a leading
    "that") and one of the previous :data:`ANAPHOR_HOPS` sentences, linked by such pronouns, had one.

    Sentences outside a violent context need a much higher probability to be flagged (see :func:`decide`):
    praise of duty, service or patriotism is not an endorsement of violence unless a violent act is named.
    """
    out = np.zeros(len(texts), dtype=bool)
    chain = 0  # > 0: the previous sentence is within `chain` pronoun hops of a violent act
    for i, (text, cue) in enumerate(zip(texts, cues, strict=True)):
        if cue.has_violent_act:
            out[i] = True
            chain = ANAPHOR_HOPS
        elif chain > 0 and _ANAPHOR_RE.search(text):
            out[i] = True
            chain -= 1
        else:
            chain = 0
    return out


def cue_matrix(texts: list[str]) -> np.ndarray:
    """(n, len(CUE_NAMES)) cue vectors for a list of sentences."""
    if not texts:
        return np.zeros((0, len(CUE_NAMES)), np.float32)
    return np.stack([sentence_cues(t).vector for t in texts])


# ---------------------------------------------------------------------------------------------------
