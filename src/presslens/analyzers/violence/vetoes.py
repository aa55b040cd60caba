"""Rules that veto a sentence as a call to action or as a call to / endorsement of violence, whatever the
model's probability: page furniture, questions, calls in someone else's voice, discourse imperatives
addressed to the reader ("keep in mind", "just ask ..."), and calls to action without any call cue.

Each veto returns the reason (a short string, recorded in the finding's cues as ``veto:<reason>``) or
None. The analyzer drops a vetoed call to action; a vetoed violence finding keeps its place as a
candidate with its score capped at :data:`VETOED_SCORE` (below the 0.5 of an asserted finding).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from presslens.analyzers.violence.cues import IGNORE_CASE, imperative_clauses, imperative_verbs

VETOED_SCORE = 0.3
"""Score cap of a vetoed violence finding: a candidate, never asserted."""
CANDIDATE_CALL_REASONS = frozenset({"exhortation_without_act"})
"""Call-to-action vetoes of mixed precision: the finding is kept as a candidate with its score capped at
:data:`VETOED_SCORE` instead of being dropped."""

_FURNITURE_RE = re.compile(
    # Page furniture of news sites: forms, polls, newsletters, share and read-more links.
    r"\b(?:take\s+our\s+poll|story\s+continues\s+below|this\s+field\s+is\s+for\s+validation|"
    r"subscrib\w*|newsletters?|sign\s+up\s+(?:for|to|here|now|today)|^\W*sign\s+up|signing\s+up|"
    r"^\W*click\s+(?:here|below|the\s+link)|in\s+your\s+inbox|take\s+our\s+(?:\w+\s+)?poll|"
    r"(?:video|link|chart|photo|graphic|tweet|clip)\s+(?:above|below)|"
    r"tap\s+here|read\s+(?:more|the\s+(?:whole|full)\s+(?:article|story))|share\s+(?:this|on)|"
    r"follow\s+(?:us|me)\s+on|like\s+us\s+on|leave\s+a\s+comment|comments?\s+below|keep\s+up\s+with\s+"
    r"this\s+story|related\s+(?:stories|articles|posts)|advertisement|sponsored|privacy\s+policy|"
    r"terms\s+of\s+(?:use|service)|all\s+rights\s+reserved|cookies?|log\s*in|sign\s+in|"
    r"buy\s+new|best\s+price|add\s+to\s+cart|free\s+shipping|download\s+(?:the|our)\s+app|"
    # the site's own appeal for money or help ("Please help support us", "Support my independent journalism")
    r"support\s+(?:us|(?:my|our|this)\s+(?:\w+\s+){0,2}?(?:journalism|work|reporting|site|website|channel|"
    r"podcast|show|blog|mission))|donat\w*\s+(?:to\s+)?(?:us|our\s+(?:site|work))|\w+\s+donations\s+to\s+us|"
    r"(?:crypto\w*|bitcoin)\s+donations?|patreon|paypal|"
    # links to the site's other pages and events, contact lines ("Also on rt.com", "Write to X at x@site.com")
    r"also\s+on\s+[\w-]+\.(?:com|org|net|co\.uk)|ask\s+us\s+anything|live\s+chat|"
    r"submit\s+your\s+(?:questions|comments|stories|story|tips?)|"
    r"(?:write\s+to|contact|reach|e-?mail)\s+(?:[\w.'’-]+\s+){1,3}?at\s+[\w.+-]+@[\w-]+\.[\w.]+)|"
    r"^\W*(?:email|e-mail|name|comment|website|phone|required|search|menu|home)\W*\*?\W*$|"
    # an author's bio line and links to another page ("follow him on Twitter", "Read Porter's article here.")
    r"follow\s+(?:him|her|them)\s+on\s+(?:twitter|facebook|instagram|gab|telegram)|"
    r"\bin\s+(?:this|our|your)\s+(?:[\w-]+\s+){0,2}(?:email|e-mail|inbox)\b|"
    r"visit\s+(?:his|her|their)\s+(?:web\s*)?(?:site|page|blog)|"
    # the site's feedback and contact lines ("Send an email to info@ap.org and it will be forwarded ...",
    # "Follow @latimeshomicide on Twitter")
    r"(?:send|write|forward)\s+(?:an?\s+)?(?:e-?mail|note|message|letter)s?\s+to\s+[\w.+-]+@[\w-]+\.[\w.]+|"
    r"follow\s+@\w+|\bcheck\s+back\b|"
    # read-more links and contact addresses for tips and details ("Read the rest of the story at ...", "Send
    # tips/quips/... to X x@site.com", "For more details, contact X at: x@mail.com")
    r"\bread\s+the\s+rest\b|\b(?:tips|quips|details|feedback|stories|photos|questions|corrections)\b[^.!?]{0,80}?"
    r"[\w.+-]+@[\w-]+\.[a-z]{2,}|"
    # a station's plug and the comment box ("Stay with 10TV for updates", "Keep checking X for the latest", "Share
    # it in the comments.")
    r"^\W*(?:stay\s+(?:with|tuned)|keep\s+(?:checking|watching|reading|following))\b[^!?]{0,60}?\bfor\s+"
    r"(?:updates|the\s+latest|more)\b|\bin\s+the\s+comments?(?:\s+(?:section|below))?\W*$|"
    r"\b(?:give\s+us|find\s+us|join\s+us|follow\s+our)\b[^.!?]{0,40}\bon\s+(?:facebook|twitter|instagram|youtube)\b|"
    r"^\W*(?:read|see|watch|view|listen\s+to|download)\b[^.!?]{0,80}\b(?:here|below|above)\W*$",
    IGNORE_CASE,
)
_FORM_LABEL_RE = re.compile(r"^\W*[\w ]{1,20}\*\s*$")
_DISCOURSE_IMPERATIVE_RE = re.compile(
    # Imperatives and exhortations that address the reader's attention or feelings, not a call to act.
    r"\bwe\s+(?:all\s+)?(?:need|have|ought|must|should)\s+(?:to\s+)?(?:all\s+)?(?:ask|note|see|"
    r"remember|understand|recogni[sz]e|reali[sz]e|wait|worry|wonder|be\s+(?:\w+\s+)?(?:concerned|worried|"
    r"upset|clear|honest|careful|aware))\b|"
    # a state, not an act ("we must have recourse to truth", "we should know better")
    r"\bwe\s+(?:all\s+)?(?:need\s+to|have\s+to|ought\s+to|must|should)\s+(?:not\s+|never\s+)?(?:have|know|"
    r"accept|admit|acknowledge|believe|hope|trust|expect|keep\s+in\s+mind|think|assume|pretend|forget|imagine|"
    r"suppose|conclude|fool|kid|deceive|delude|be\s+(?:fooled|deceived|naive))\b|"
    # a thought, a wish or a turn of the argument, not an act ("let's hope it works", "let's unpack this")
    r"\blet['’]?s\s+(?:just\s+)?(?:hope|wish|unpack|examine|consider|think|imagine|suppose|assume|pretend|"
    r"recap|review|start\s+with|begin\s+with|turn\s+to|move\s+on|break\s+(?:it|this|that)\s+down|dig|"
    r"compare|call\s+(?:it|this|that|a\s+spade)|put\s+(?:it|this|that)|get\s+(?:real|this\s+straight)|"
    r"dive|analy[sz]e|parse|walk\s+through|rewind|note|admit|grant|concede|agree|be\s+(?:real|fair|serious|"
    r"reasonable|realistic|sensible|careful|candid|blunt|precise))\b|"
    # praise and invitations to check the writer's claim ("keep up the good work", "just go and look")
    r"\bkeep\s+up\s+(?:the|your)\s+(?:\w+\s+)?work\b|^\W*welcome\s+(?:to|back)\b|"
    r"\b(?:never|don['’]?t|do\s+not)\s+forget\s+(?:that|how|what|who|why|the)\b|"
    r"\bwe\s+(?:all\s+)?(?:need|have|ought|must|should)\s+(?:to\s+)?(?:differentiate|distinguish|separate\s+\w+\s+"
    r"from|tell\s+the\s+difference)\b|"
    r"\b(?:just\s+)?go\s+(?:and\s+)?(?:look|see|check|investigate|read|research|search|google)\b|"
    # attention, feelings and thoughts, not acts ("Keep these facts in mind", "Do not be afraid!", "let us not
    # lose hope", "what you should be feeling", "do not pretend that ...", "And these, remember, are men")
    r"\b(?:keep|bear)\s+(?:[\w'’]+\s+){0,4}?in\s+mind\b|,\s*remember\s*,|"
    r"\b(?:do\s+not|don['’]t|never|let\s+us\s+not|let['’]?s\s+not)\s+(?:be\s+(?:afraid|discouraged|fooled|"
    r"deceived|surprised)|fear|despair|lose\s+(?:hope|heart)|pretend|imagine|assume|think|"
    # an expectation, not an act: the writer's forecast put as an imperative ("Don't expect it to condemn ...",
    # "don't count on it", "don't hold your breath")
    r"expect|count\s+on|bet\s+on|hold\s+(?:your|their|our)\s+breath)\b|"
    r"\b(?:should|must|ought\s+to)\s+be\s+feeling\b|\bit\s+is\s+time\s+to\s+be\s+(?:honest|clear|frank)\b|"
    r"(?:^|[:;—–]\s*)\W*(?:(?:and|so|but|now|just|please|here)\W+)*(?:talk\s+about|never\s+underestimate|"
    r"(?:one\s+thing\s+)?we\s+(?:all\s+)?(?:need|have|ought|must|should)\s+(?:to\s+)?(?:all\s+)?(?:ask|note|see|"
    r"remember|understand|recogni[sz]e|reali[sz]e|wait|be\s+(?:\w+\s+)?(?:concerned|worried|upset|clear|"
    r"honest|careful|aware))|(?:everyone|everybody)\s+should\s+be\s+(?:\w+\s+)?(?:upset|concerned|"
    r"worried|outraged|angry|aware|grateful|thankful)|keep\s+in\s+mind|bear\s+in\s+mind|mind\s+you|"
    r"note\s+that|remember\s+that|consider\s+(?:this|that|the|how|what|whether)|imagine|picture|"
    r"look\s+at|take\s+a\s+look|just\s+ask|ask\s+(?:the|any|yourself)|don'?t\s+get\s+me\s+wrong|"
    r"make\s+no\s+mistake|let\s+me|let['’]?s\s+(?:be\s+(?:clear|honest|frank)|face\s+it|not\s+forget|"
    r"go\s+back|look|see|say|talk|take\s+a\s+look|recall|remember)|give\s+me|see\s+(?:also|more|below|here)|"
    r"think\s+about|trust\s+me|believe\s+me|get\s+this|guess\s+what|say\s+what\s+you\s+will|"
    r"read\s+(?:on|it|this)|watch|listen\s+to\s+(?:this|the)|check\s+(?:it|this)\s+out)\b|"
    # a rhetorical challenge ("So tell me again why you ..."), a naming ("Call it the politics of pique."), an example
    # ("Take the Federal Reserve.", "Take Tuesday's schedule."), a complaint ("don't get me started on ...")
    r"\btell\s+me\s+(?:again\s+)?(?:why|how|what|who|where|when)\b|^\W*(?:(?:and|so|but|or)\s+)?call\s+it\b|"
    r"^\W*(?:(?:and|so|but|or|now)\s+)?take\s+(?!action\b|part\b|a\s+stand\b|to\s+the\s+streets\b)"
    r"(?:[\w'’.-]+\s+){0,3}[\w'’.-]+\W*$|\b(?:don['’]?t|do\s+not)\s+get\s+me\s+started\b",
    IGNORE_CASE,
)
_EXHORTATION_RE = re.compile(
    r"\b(?:let['’]?s|let\s+us|we\s+(?:must|should|need\s+to|have\s+to|ought\s+to)|"
    r"(?:everyone|everybody|all\s+of\s+us|each\s+of\s+us|each\s+of\s+you|you|readers|citizens|americans|"
    r"people)\s+(?:must|should|need\s+to|have\s+to|ought\s+to)|it\s+is\s+time\s+to|it'?s\s+time\s+to|"
    r"(?:must|should|need\s+to)\s+(?:\w+\s+){0,3}?(?:sign|vote|call|write|donate|boycott|join|support|"
    r"contact|demand|resist|stand|act|speak\s+out|share|tell|urge|march|protest|pray))\b",
    IGNORE_CASE,
)
_LET_AT_CLAUSE_START_RE = re.compile(
    # "let's" / "let us" as an exhortation opens a clause; inside one ("content to let us fight alone", "won't
    # let us vote") it is a plain verb of permission.
    r"(?:^|[.!?:;,(—–\"“‘]|\s-|\b(?:and|so|now|then|but|please|just|today|together|instead|therefore|"
    r"finally|rather))\W*$",
    IGNORE_CASE,
)
_NOMINAL_VERB_RE = re.compile(
    # Verbs that double as nouns at a clause start: "...: support for cop killers", "Help for the homeless".
    r"(?:^|(?<=[:;—–]\s)|(?<=,\sand\s)|(?<=,\sbut\s))\W*(?:(?:and|but|so|or)\s+)?"
    r"(?:support|help|demand|report|talk)(?=\s+(?:for|of)\b)",
    IGNORE_CASE,
)
_SPEAKER_LABEL_RE = re.compile(
    # A transcript's speaker label ("Alan Sked: It's very difficult ...", "Emcee: Oh, do!"): the words after it
    # are the speaker's. Notes and updates of the writer ("Update:", "Editor's note:") are not speakers.
    r"^\W*(?!(?:update|note|editor|editors|editor['’]s\s+note|action|petition|ps|p\.s|bottom\s+line|"
    r"breaking|watch|read|listen|video|photo|source|sources|related|also|here|warning|correction)\b)"
    r"(?-i:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}):\s+\S",
    IGNORE_CASE,
)
_AUXILIARY = r"had|has|is|are|was|were|will|would|might|may|could|can|must|did|does|seems|seemed|rose|fell"
_SUBJECT_WORD_RE = re.compile(
    # A clause-start word that is the subject, not an imperative: it is followed, at most one word later, by
    # an auxiliary or finite verb ("Leave voters might punish ...", "Leave had the arguments", "Help is near").
    rf"\b[A-Za-z'’]+(?=\s+(?:[\w'’-]+\s+)?(?:{_AUXILIARY})\b)",
    IGNORE_CASE,
)
_INVITATION_RE = re.compile(
    # An invitation to the site's own event ("Join us on Monday at noon ET."): furniture when the line next to
    # it is furniture ("Ask us anything ... live chat", "Submit your questions here"); alone it may be a rally.
    r"\b(?:join\s+us|tune\s+in|watch\s+(?:us|live)|see\s+you\s+(?:there|on|at))\b|"
    # a contact line of the site ("Contact the Homicide Report.") next to a furniture line
    r"^\W*(?:contact|e-?mail|write\s+to|call)\s+(?:us\b|the\s+(?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*){0,3}\W*$)",
    IGNORE_CASE,
)
_FORM_LINE_RE = re.compile(
    # Lines of a poll or sign-up form: the poll banner, answer options, field labels, validation notes.
    r"take\s+our\s+(?:\w+\s+)?poll|this\s+field\s+is\s+for\s+validation|completing\s+this\s+poll|"
    r"^\s*\*\s|^\W*[\w ]{1,20}\*\s*$",
    IGNORE_CASE,
)
_EXPLICIT_ACTION_RE = re.compile(
    # A concrete non-violent act with its object: keeps a call that opens with a discourse imperative
    # ("Consider that and then, please, support the petition").
    r"\b(?:sign|support|share|donate\s+to|join|call|write\s+to|email|contact|vote\s+for|boycott)\s+"
    r"(?:the|our|this|your|their)\s+(?:\w+\s+)?(?:petition|campaign|cause|fund|fundraiser|senators?|"
    r"representatives?|congress\w*|mps?|boycott|rally|march|protest)\b",
    IGNORE_CASE,
)
_ATTRIBUTED_RE = re.compile(
    # "told" in a passive infinitive is the writer's demand to be informed ("We need to be told who ..."), not a report
    r"\b(?:said|says|say|(?<!\bbe\s)told|tells|according\s+to|reported|reportedly|stated|announced|urged|urges|"
    r"called\s+(?:on|for)|calls\s+(?:on|for)|wrote|writes|added|adds|argued|argues|insisted|claimed|"
    r"declared|tweeted|posted|shouted|chanted|asked|asks|demanded|warned|explained|suggested|"
    r"advocat\w+|quoted|put\s+out\s+a\s+call|appealed|counter(?:s|ed)?(?!-)|contend(?:s|ed)?|maintain(?:s|ed)|"
    r"respond(?:s|ed)|repl(?:y|ies|ied)|recommend(?:s|ed)|advis(?:es|ed)|"
    r"in\s+(?:a|his|her|their)\s+(?:statement|speech|letter|post|video|interview|sermon)|"
    # the police's appeal passed on ("Anyone with information should call Crime Stoppers")
    r"anyone\s+with\s+(?:any\s+)?information|crime\s*stoppers)\b",
    IGNORE_CASE,
)
_ACT_VERBS = (
    # Concrete non-violent acts (the guideline's list and its kin): an exhortation naming one is a call to action
    r"sign|vote|call|write|donate|boycott|join|support|contact|demand|resist|stand|act|speak|share|tell|urge|"
    r"march|protest|pray|stop|end|refuse|fight|oppose|reject|expose|show|report|lobby|petition|rally|strike|"
    r"organi[sz]e|campaign|elect|impeach|repeal|defund|investigate|prosecute|release|publish|remove|fire|ban"
)
_EXHORTATION_ACT_RE = re.compile(
    rf"^\W*(?:[\w'’-]+\W+){{0,6}}?(?:{_ACT_VERBS})(?:s|es|ed|ing|d)?\b", IGNORE_CASE)
"""An act verb within the first words after an exhortation ("we must continue to fight", "we must pray")."""
_TIME_TO_ACT_RE = re.compile(
    # "it is time to <verb>" names the act by its construction ("it is time to take the council back"), unless the
    # verb is "be" ("it is time to be honest")
    r"\b(?:it\s+is|it['’]s|it\s+was)\s+(?:high\s+|now\s+)?time\s+(?:for\s+(?:\w+\s+){1,3}?)?to\s+(?!be\b)\w+",
    IGNORE_CASE,
)
_VAGUE_IMPERATIVE_RE = re.compile(
    # An imperative that names no act, only that one be done ("Do the right thing, not the wrong thing.")
    r"^\W*(?:(?:just|please|so|now|and|then)\W+)*do\s+(?:the\s+right\s+thing|something|better|your\s+(?:best|part|"
    r"duty|job))\b|"
    # or only a state to be in ("Don't be a sucker.", "Be vigilant."; not "Be sure to vote", "Be there on Monday")
    r"^\W*(?:(?:just|please|so|now|and|then)\W+)*(?:(?:don['’]?t|do\s+not|never)\s+)?be\s+"
    r"(?!sure\b|certain\b|there\b|at\b|ready\s+to\b|the\s+first\s+to\b)",
    IGNORE_CASE,
)
_DECLARATIVE_AND_RE = re.compile(r",\s+(?:and|then|but)\s+$", IGNORE_CASE)
_NAMED_SUBJECT_RE = re.compile(
    # A clause that opens with a name of several capitalised words, then a finite verb: the name of a group or a
    # campaign is the subject ("Gun Owners of America has released ...", "Stop Funding Hate said"), not an
    # imperative of its first word
    r"\b(?-i:[A-Z][\w'’.-]*)(?:\s+(?:(?:of|for|the|and|in|on|to)\s+)?(?-i:[A-Z][\w'’.-]*)){1,5}(?=\s+"
    r"(?:has|have|had|is|are|was|were|said|says|will|would|wants|wanted|released|announced|launched|called|"
    r"urged|issued|published|filed|sued|claims|claimed|reported|posted|put|puts|gave|gives)\b)",
    IGNORE_CASE,
)
_INDEFINITE_START_RE = re.compile(r"^\W*(?:a|an)\s", IGNORE_CASE)
_LEAD_IN_RE = re.compile(
    # A lead-in that hands over to someone's words: a verb of saying or quoting, or scripture, then a colon
    r"\b(?:says?|said|write|writes|wrote|reads?|declared?|declares|stated?|states|added|adds|replie[sd]|"
    r"answer(?:s|ed)?|respond(?:s|ed)|told|tells|ask(?:s|ed)|quot(?:es|ed|ing)|scriptures?|verses?|passage|"
    r"as\s+follows|proclaim(?:s|ed)?|prays|prayed|preached|sermon|tweeted|posted)\b[^:]*:\s*$",
    IGNORE_CASE,
)
_WRITER_LEAD_IN_RE = re.compile(r"\b(?:I|I['’]m|we|you|your|here['’]?s|here\s+is|here\s+are)\b", IGNORE_CASE)
_SCRIPTURE_REF_RE = re.compile(
    # A verse reference: "(4:89)", "Genesis 19:4-5", "(Matthew 16:24; Romans 1:16)", "Romans 13: 1-7"
    r"\(\s*\d{1,3}:\d{1,3}|\b(?:[1-3]\s)?(?-i:[A-Z][a-z]+)\.?\s+\d{1,3}:\s?\d{1,3}(?:[-–]\d{1,3})?\b",
    IGNORE_CASE,
)
_OPENS_QUOTE_RE = re.compile(r"^\W{0,3}[\"“‘«']|^\W*[\"“][^\"”]+[\"”]\W*[-–—]|[.!?]['’\"”]\s*$")
_QUOTED_BODY_RE = re.compile(r"[\"“«][^\"”»]{12,}[\"”»]|‘[^’]{12,}’")
_HEADLINE_END_RE = re.compile(r"[.!?…][\"”’')\]]*\s*$")
"""A sentence stop, then any closing quotes or brackets. Stricter than the model's ``headline`` cue
(``cues._HEADLINE_END``): "Burn them all (video)" ends in a bracket but has no stop, so the veto still reads
it as a headline; the cue is a trained input and is left unchanged."""
_CURLY_QUOTE_RE = re.compile(r"“[^“”]{1,3000}”")
_STRAIGHT_QUOTE_RE = re.compile(r'"[^"\n]{1,3000}"')
_DOUBLE_APOSTROPHE_QUOTE_RE = re.compile(r"''[^\n]{1,3000}?''")
"""Two apostrophes as quote marks (the New York Times archive style: ''Vote for unity. Vote for liberty.''), paired
within a paragraph."""
_WORD_RE = re.compile(r"[\w'’-]+")
_CLOSED_QUOTE_SPEAKER_RE = re.compile(
    # A quotation closed by a comma (or "?", "!", "…") and a quote mark, then its speaker and a verb of saying:
    # "... the way you formulate the questions,' he jabbed.", "..., she quipped", "...,” Trump added", "...,' said
    # Smith": the words before the mark are someone else's, whatever the verb
    r"[,!?…]\s*['’\"”]\s+(?:(?:he|she|they|it|I|we)\s+(?!(?:is|are|was|were|has|have|had|will|would|can|could|"
    r"should|must|may|might|do|does|did|and|or|but|to)\b)[a-z]+(?:ed|s)\b|"
    r"(?-i:[A-Z])[\w'’.-]*(?:\s+(?-i:[A-Z])[\w'’.-]*){0,3}\s+(?!(?:is|are|was|were|has|have|had|will|would|can|"
    r"could|should|must|may|might|do|does|did|and|or|but|to)\b)[a-z]+(?:ed|s)\b|"
    r"(?:said|says|added|adds|wrote|writes|asked|asks|replied|quipped|joked|jabbed|retorted|shot\s+back)\b)",
    IGNORE_CASE,
)
_REPORTED_PLEDGE_RE = re.compile(
    # A party's pledge or promise reported ("Labour has also pledged to vote down the deal", "Barr has promised to
    # review the report", "The White House vowed to remedy"): an intention told, not the writer's call
    r"\b(?:(?:has|have|had)\s+(?:also\s+|already\s+|repeatedly\s+|publicly\s+)?)?(?:pledged|promised|vowed|"
    r"pledges|promises|vows|swore|swears|threatened|threatens)\s+(?:again\s+|repeatedly\s+|publicly\s+)?to\s+\w+",
    IGNORE_CASE,
)


def quoted_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges of quotations in an article: curly quotes may span sentences and lines (a
    quoted list of several sentences), straight quotes are paired within a paragraph."""
    ranges = [m.span() for m in _CURLY_QUOTE_RE.finditer(text)]
    ranges.extend(m.span() for m in _STRAIGHT_QUOTE_RE.finditer(text))
    ranges.extend(m.span() for m in _DOUBLE_APOSTROPHE_QUOTE_RE.finditer(text))
    return sorted(ranges)


MULTILINE_QUOTE_MAX_LINES = 8
"""The most lines a straight-quoted passage may run over before its closing mark; an opening mark not closed
within them is taken for a stray one."""


def multiline_quote_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges of straight-quoted passages that run over several lines (a speaker's words, one
    sentence a line, ``"On what level ...?`` ... ``She should never lead it."``). A line with an odd
    number of straight quote marks opens the passage; it runs to the first later line, within
    :data:`MULTILINE_QUOTE_MAX_LINES`, with an odd number of marks whose last one closes a sentence or the
    line. A line that opens with a mark continues the quotation (the newspaper convention of re-opening
    every quoted paragraph)."""
    ranges: list[tuple[int, int]] = []
    lines = text.split("\n")
    offsets = []
    pos = 0
    for line in lines:
        offsets.append(pos)
        pos += len(line) + 1
    i = 0
    while i < len(lines):
        if lines[i].count('"') % 2 == 1:
            opened = offsets[i] + lines[i].rfind('"')
            for j in range(i + 1, min(len(lines), i + 1 + MULTILINE_QUOTE_MAX_LINES)):
                line = lines[j]
                if line.count('"') % 2 == 1 and not line.lstrip().startswith('"'):
                    close = line.rfind('"')
                    if line[close + 1:].strip() == "" or line[close - 1:close] in {".", "!", "?", ","}:
                        ranges.append((opened, offsets[j] + close + 1))
                        i = j
                    break
        i += 1
    return ranges


_POST_SIGNATURE_RE = re.compile(
    # The byline of an embedded social-media post: "— Name (@handle) August 1, 2018" at the end of a line.
    r"(?:^|[—–-]\s*)[^\n—–]{0,60}\(@\w{1,15}\)\s+(?:January|February|March|April|May|June|July|August|"
    r"September|October|November|December)\s+\d{1,2},\s+\d{4}[ \t]*$",
    re.MULTILINE,
)
_POST_MARKUP_RE = re.compile(r"<(?P<tag>tweet|blockquote|embed)\b[^>]{0,400}>.{0,2000}?</(?P=tag)>", re.DOTALL | IGNORE_CASE)
"""An embedded post kept as markup in the text (``<tweet author="..." ...>...</tweet>``, as in PolNeAR)."""
POST_MAX_CHARS = 320
"""The longest embedded post text taken before a byline: a tweet is at most 280 characters, plus a link."""


def embedded_post_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges of embedded social-media posts (a tweet pasted with its byline): the byline and
    the post text before it, on its line and on the lines just above, back to a blank line or another
    byline and at most :data:`POST_MAX_CHARS` characters. The words are the poster's, not the writer's.
    Where no blank line separates the post from the article, a short line of the writer's just above it is
    taken in too: for calls and endorsements that errs on the side of not asserting. A post kept as markup
    (``<tweet author="...">...</tweet>``) is one range from its opening to its closing tag."""
    ranges: list[tuple[int, int]] = []
    for m in _POST_SIGNATURE_RE.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        start = line_start
        budget = POST_MAX_CHARS - (m.start() - line_start)
        while start > 0 and budget > 0:
            prev_start = text.rfind("\n", 0, start - 1) + 1
            line = text[prev_start:start - 1]
            if not line.strip() or len(line) > budget or _POST_SIGNATURE_RE.search(line):
                break
            budget -= len(line) + 1
            start = prev_start
        ranges.append((start, m.end()))
    ranges.extend(m.span() for m in _POST_MARKUP_RE.finditer(text))
    return ranges


_TRANSCRIPT_LABEL_RE = re.compile(
    # A speaker label at the start of a line of a transcript: "HANNITY: ...", "JOHN SOLOMON, THE HILL: ...", "DB:"
    r"^(?!(?:update|note|editor|editors|editor['’]s\s+note|action|petition|ps|p\.s|bottom\s+line|breaking|watch|"
    r"read|listen|video|photo|source|sources|related|also|here|warning|correction)\b)"
    r"(?P<label>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})(?:,\s+[A-Z][\w.'’ -]{1,30})?:[ \t]+\S",
    re.MULTILINE,
)
TRANSCRIPT_MIN_TURNS = 2
"""A transcript has at least two speakers with at least this many labelled turns each."""
TRANSCRIPT_TAIL_LINES = 10
"""The last turn of a transcript runs to a blank line, at most this many lines after its label."""


def transcript_ranges(text: str) -> list[tuple[int, int]]:
    """The character range of an interview or broadcast transcript: two or more speakers, each with a label at
    a line start ("HANNITY: ...", "JOHN SOLOMON, THE HILL: ...", "DB: ...") in :data:`TRANSCRIPT_MIN_TURNS` turns
    or more. It runs from the first of their labels to the end of the last one's turn (a blank line, at most
    :data:`TRANSCRIPT_TAIL_LINES` lines). The lines between labels continue a speaker's turn: the words are the
    speakers', not the writer's. A label used once ("Regime Change: ...") is no speaker, unless its initials
    are one ("Dennis Bernstein: ..." then "DB: ...")."""
    labels = list(_TRANSCRIPT_LABEL_RE.finditer(text))
    turns: dict[str, int] = {}
    for m in labels:
        name = m.group("label").split()[-1].upper()
        turns[name] = turns.get(name, 0) + 1
    speakers = {n for n, k in turns.items() if k >= TRANSCRIPT_MIN_TURNS}
    if len(speakers) < 2:
        return []
    # a speaker's first label may be the full name and later ones the initials ("Dennis Bernstein:", "DB:")
    turn_labels = [m for m in labels if m.group("label").split()[-1].upper() in speakers
                   or "".join(w[0] for w in m.group("label").split()).upper() in speakers]
    end = turn_labels[-1].end()
    for _ in range(TRANSCRIPT_TAIL_LINES):
        next_line = text.find("\n", end)
        if next_line < 0 or text.startswith("\n", next_line + 1):
            end = len(text) if next_line < 0 else next_line
            break
        end = next_line + 1
    return [(turn_labels[0].start(), end)]


_SPEAKER_PARAGRAPH_RE = re.compile(
    # A paragraph that opens with a capitalised speaker label ("CLINTON: Honestly, I mean, ..."): the speaker's words
    r"^(?!(?:UPDATE|NOTE|EDITOR|EDITORS|EDITOR['’]S\s+NOTE|ACTION|PETITION|PS|P\.S|BOTTOM\s+LINE|BREAKING|WATCH|READ|"
    r"LISTEN|VIDEO|PHOTO|SOURCE|SOURCES|RELATED|ALSO|HERE|WARNING|CORRECTION|UPDATED|Q|A)\b)"
    r"[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,3}:[ \t]+\S[^\n]*",
    re.MULTILINE,
)


def speaker_paragraph_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges of paragraphs (lines) that open with a capitalised speaker label, "CLINTON: ...": the
    words after the label, to the end of the line, are the speaker's (a one-turn excerpt of a transcript, which
    :func:`transcript_ranges` needs two speakers for)."""
    return [m.span() for m in _SPEAKER_PARAGRAPH_RE.finditer(text)]


_HANDLE_LINE_RE = re.compile(r"^[ \t]*@\w{1,15}\.?[ \t]*$", re.MULTILINE)


def handle_signed_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges of posts quoted with their author's handle on the next line ("Let the revolution
    begin." then "@RetiringOne."): the paragraph just above a line that is only a handle is the poster's words."""
    ranges: list[tuple[int, int]] = []
    for m in _HANDLE_LINE_RE.finditer(text):
        end = text.rfind("\n", 0, m.start())
        while end > 0 and text[end - 1] == "\n":
            end -= 1
        if end <= 0:
            continue
        start = text.rfind("\n", 0, end) + 1
        ranges.append((start, m.end()))
    return ranges


def inside_quotation(ranges: list[tuple[int, int]], start: int, end: int) -> bool:
    """True when the sentence ``[start, end)`` lies inside one quotation of ``ranges`` (its quote marks
    included), i.e. the words are someone else's from the first to the last."""
    return any(qs <= start + 1 and end - 1 <= qe for qs, qe in ranges)


def closed_quote_with_speaker(text: str) -> bool:
    """A quotation closed by a comma (or "?", "!") and a quote mark, then its speaker and a verb of saying ("...
    these questions,' he jabbed.", "...,” she quipped"): the call before the mark is someone else's words, even
    when its opening mark lies in an earlier sentence."""
    return bool(_CLOSED_QUOTE_SPEAKER_RE.search(text))


def reported_pledge(text: str) -> bool:
    """A pledge, promise, vow or threat reported ("has pledged to vote down", "promised to review") and no
    imperative: someone's intention told, not a call (an imperative alongside keeps the sentence a call)."""
    return bool(_REPORTED_PLEDGE_RE.search(text)) and not has_imperative(text)


def is_page_furniture(text: str) -> bool:
    """Newsletter sign-ups, polls, form labels ("Email *"), share and read-more links, shop widgets."""
    return bool(_FURNITURE_RE.search(text) or _FORM_LABEL_RE.match(text))


def is_question(text: str) -> bool:
    """A question (rhetorical or not): the sentence has a question mark outside quotes of others."""
    return "?" in _QUOTED_BODY_RE.sub("", text) or text.rstrip().rstrip("\"”’')").endswith("?")


def is_in_another_voice(text: str) -> bool:
    """The words are someone else's: the sentence opens with a quotation mark or a transcript's speaker label
    ("Emcee: ..."), quotes a long passage, or carries a reporting verb ("said", "urged", "according to")."""
    return bool(_OPENS_QUOTE_RE.search(text) or _SPEAKER_LABEL_RE.search(text) or _QUOTED_BODY_RE.search(text)
                or _ATTRIBUTED_RE.search(text))


def has_imperative(text: str) -> bool:
    """An imperative at a clause start ("Sign the petition", "Please, call your senator"), not a verb used as a
    noun ("...: support for X", "And support for them ..."), an adjective after an indefinite article ("A new,
    open letter"), nor a verb that shares the subject of a statement before ", and" / ", but" ("They get the
    body out ..., and put it ...", "It can recognize ..., and come to see ...")."""
    masked = _SUBJECT_WORD_RE.sub("the", _NOMINAL_VERB_RE.sub("the", _NAMED_SUBJECT_RE.sub("The group", text)))
    clauses = imperative_clauses(masked)
    first_is_imperative = any(start == 0 for start, _ in clauses)
    for start, _ in clauses:
        if start == 0 and _INDEFINITE_START_RE.match(masked):
            continue
        if start > 0 and _after_dash_apposition(masked, start):
            continue
        if start > 0 and not first_is_imperative and _DECLARATIVE_AND_RE.search(masked[:start]):
            continue
        return True
    return False


_DASH_RE = re.compile(r"\s[—–-]\s")
_QUOTE_START_RE = re.compile(r"^\s*(?:['‘’\"“]{1,2})")


def _after_dash_apposition(text: str, start: int) -> bool:
    """A clause that starts right after a dash is no imperative when the dash closes a pair ("X — a novelty in a
    Republican — put him on their side") or opens a quoted gloss ("#PorteOuverte - ''open door'' - became")."""
    head = text[:start]
    if not _DASH_RE.search(head[-4:] if len(head) >= 4 else head):
        return False
    return len(_DASH_RE.findall(head)) % 2 == 0 or bool(_QUOTE_START_RE.match(text[start:]))


def writer_exhortations(text: str) -> list[re.Match[str]]:
    """The writer's exhortations ("we must resist", "everyone should vote", "let's" at a clause start, not
    "content to let us fight")."""
    return [m for m in _EXHORTATION_RE.finditer(text)
            if not m.group(0).lower().startswith("let") or _LET_AT_CLAUSE_START_RE.search(text[: m.start()])]


def has_call_cue(text: str) -> bool:
    """An imperative at a clause start (see :func:`has_imperative`) or a writer's exhortation (see
    :func:`writer_exhortations`)."""
    return has_imperative(text) or bool(writer_exhortations(text))


def names_an_act(text: str) -> bool:
    """The call names a concrete non-violent act: an imperative, an explicit action with its object, or an
    exhortation followed closely by an act verb ("we must resist", "let us pray", "we must continue to fight").
    "It is time to <verb>" names one by its construction. An exhortation to a state, feeling or thought ("we must
    be done with sin", "we must take care") does not."""
    if _EXPLICIT_ACTION_RE.search(text):
        return True
    if _VAGUE_IMPERATIVE_RE.search(text) and len(imperative_verbs(text)) <= 1:
        return False
    if has_imperative(text):
        return True
    if _TIME_TO_ACT_RE.search(text):
        return True
    return any(_EXHORTATION_ACT_RE.search(text[m.end() - len(m.group(0).split()[-1]):])
               for m in writer_exhortations(text))


def quoted_by_lead_in(text: str, previous: str = "", following: str = "") -> bool:
    """Someone else's words told by their surroundings: the sentence after a lead-in that hands over to someone's
    words with a colon and is not the writer's own ("The old charter says:", "He quoted the verse:"; not "Here
    is what I would say:", nor a colon without a verb of saying, "... useful to those considering it this
    fall:"), or a passage of scripture (a verse reference "(4:89)", "Genesis 19:4-5" in the sentence,
    just before or just after it)."""
    if previous and _LEAD_IN_RE.search(previous) and not _WRITER_LEAD_IN_RE.search(previous):
        return True
    return any(_SCRIPTURE_REF_RE.search(t) for t in (text, previous, following) if t)


def in_form_block(neighbours: Sequence[str]) -> bool:
    """A sentence next to a line of a poll or form (the banner, an answer option starting "* ", a field
    label "Email *", a validation note) is one of the form's lines: "No, keep the military out of it."
    between "* Yes, ..." and "Email *" is a poll answer, not the writer's call."""
    return any(_FORM_LINE_RE.search(n) for n in neighbours)


def is_fragment(text: str) -> bool:
    """A sentence of one word ("Give." "Me." "A." "Break." spelt out one word a sentence): too little to tell."""
    return len(_WORD_RE.findall(text)) <= 1


def call_to_action_veto(
    text: str,
    quoted: bool = False,
    neighbours: Sequence[str] = (),
    previous: str = "",
    following: str = "",
    title: bool = False,
    voice_checks: bool = False,
) -> str | None:
    """Why ``text`` cannot be a call to action, or None: page furniture (also a line of a poll or form,
    told by its ``neighbours``, the sentences just before and after it), a question, a headline, someone
    else's words (``quoted``: the sentence lies inside a quotation of the article; or ``previous`` is a lead-in
    or scripture is cited, see :func:`quoted_by_lead_in`), a discourse imperative, a one-word fragment, no call
    cue at all, or (a candidate only, :data:`CANDIDATE_CALL_REASONS`) an exhortation naming no act. ``title``: the
    sentence is the article's title line; a title is a headline ("Push inside GOP to upend Trump.", a noun, not an
    imperative) unless it ends with "!" ("End The Korean War!"). ``voice_checks`` (``violence.call_voice_checks=on``):
    a quotation closed before its speaker (:func:`closed_quote_with_speaker`) is someone else's words too, and a
    reported pledge (:func:`reported_pledge`) is no call."""
    if quoted or quoted_by_lead_in(text, previous, following):
        return "quotation"
    if is_page_furniture(text) or in_form_block(neighbours):
        return "page_furniture"
    if is_fragment(text):
        return "fragment"
    if _INVITATION_RE.search(text) and any(is_page_furniture(n) for n in neighbours):
        return "page_furniture"
    if is_question(text):
        return "question"
    if len(_WORD_RE.findall(text)) <= 16 and (_HEADLINE_END_RE.search(text) is None
                                              or (title and not text.rstrip().rstrip("\"”’')").endswith("!"))):
        return "headline"
    if is_in_another_voice(text) or (voice_checks and closed_quote_with_speaker(text)):
        return "another_voice"
    if voice_checks and reported_pledge(text):
        return "reported_pledge"
    if (_DISCOURSE_IMPERATIVE_RE.search(text) and len(imperative_verbs(text)) <= 1
            and not _EXPLICIT_ACTION_RE.search(text)):
        return "discourse_imperative"
    if not has_call_cue(text) and not _EXPLICIT_ACTION_RE.search(text):
        return "no_call_cue"
    if not names_an_act(text):
        return "exhortation_without_act"
    return None


def violence_veto(
    text: str, quoted: bool = False, neighbours: Sequence[str] = (), previous: str = "", following: str = ""
) -> str | None:
    """Why ``text`` cannot be the writer's call to or endorsement of violence, or None: page furniture
    (also a line of a poll or form, told by its ``neighbours``), a question without an exhortation ("why
    not ...?" stays), a one-word fragment, or a quotation of someone else that the writer does not adopt (in
    the sentence; ``quoted``: the sentence lies inside a quotation; or told by a lead-in or a verse reference,
    see :func:`quoted_by_lead_in`)."""
    if quoted or quoted_by_lead_in(text, previous, following):
        return "quotation"
    if is_page_furniture(text) or in_form_block(neighbours):
        return "page_furniture"
    if is_fragment(text):
        return "fragment"
    if is_question(text) and not re.search(r"\bwhy\s+(?:not|wait)\b", text, IGNORE_CASE):
        return "question"
    if _OPENS_QUOTE_RE.search(text) or _QUOTED_BODY_RE.search(text):
        return "quotation"
    return None


def is_title_line(text: str, end: int) -> bool:
    """The first sentence ``[0, end)`` of an article is its title line: the whole first line, with a line break
    after it (the layout of PTC and PolNeAR files, the title then a blank line)."""
    return "\n" not in text[:end] and text[end:end + 1] == "\n" and bool(text[:end].strip())
