"""Page furniture, questions and demands among claim sentences.

A sentence the check-worthiness model scores high may still be no claim a reader could check: a poll's
sign-up line, share counts, a shop price, a copyright or reprint notice, a tweet embed or retweet header, a citation line
("Title, Outlet, October 25, 2017"), a question or a demand (``data/realnews/GUIDELINE.md`` section 4: page
furniture, rhetorical questions and calls to action are not claims). :func:`furniture_reason` names why a
sentence is such a line.

A demand is a main clause with "should", "must" or "ought to" ("Sessions should stop this witch hunt now",
"this Synod must be cancelled"). On both real-news dev splits no such sentence was a gold claim: asserted claim
findings of analyzer 1.3 dev 0/2, dev2 0/2; every sentence of the form dev 0/23, dev2 0/7 (matched by the claim
rule of ``presslens eval realnews --split dev|dev2``; counted with
``python -m presslens.analyzers.claims.audit --data ../shared/data/ptc-semeval2020-task11``).
"""

from __future__ import annotations

import re

from presslens.text.wordstarts import CASE_FOLDING_SPECIALS

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
)

_FURNITURE: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("poll", re.compile(r"\b(?:completing this poll|take our poll|opt out at any ?time)\b", re.IGNORECASE)),
    ("share buttons", re.compile(r"\bshares?\b[\s\W]*(?:facebook|twitter)\b", re.IGNORECASE)),
    ("price", re.compile(r"\b(?:best price|buy new|buy used|list price)\b\s*:?", re.IGNORECASE)),
    ("copyright", re.compile(r"©|\(c\)\s*\d{4}|\ball rights reserved\b|\bdistributed by\b", re.IGNORECASE)),
    ("reprint notice", re.compile(
        r"\b(?:reprinted|republished|posted|published|used|shared)\s+(?:here\s+)?with\s+(?:the\s+)?"
        r"(?:express\s+)?permission\b|^\W*(?:this\s+(?:report|article|story|post|piece|essay)\s+)?"
        r"(?:was\s+|is\s+)?originally\s+(?:published|appeared|posted|ran)\b", re.IGNORECASE)),
    ("tweet embed", re.compile(r"pic\.twitter\.com/|\(@\w+\)\s*" + _MONTH, re.IGNORECASE)),
    # a wire-agency photo credit left in the text before a caption or a repeated headline ("| M. Spencer
    # Green/AP Photo Conference of Mayors passes ...", "RICARDO ARDUENGO/AFP/Getty Images"); issue 13 s22
    ("photo credit", re.compile(r"/\s*(?:AP|AFP|Reuters|EPA)\s+(?:Photo|Images)\b|/\s*Getty\s+Images\b|"
                                r"\b(?:AP|AFP|Reuters|EPA)\s+Photo\s*/")),
    ("sponsored", re.compile(r"^\W*(?:sponsored|advertisement|related|read more|subscribe|sign up)\b\W*$",
                             re.IGNORECASE)),
    ("editor's note", re.compile(r"^\W*editor['’]s note\b", re.IGNORECASE)),
    # a subscription or newsletter offer (GUIDELINE.md section 4: "newsletter and subscription text"): "Get full
    # access to our signature journalism for just 99 cents", "Subscribe to our Newsletter right here:"; issue 13 s23
    ("subscription offer", re.compile(
        r"\b(?:full|unlimited|digital)\s+access\s+to\s+our\b|\bsubscrib(?:e|ing)\s+(?:now|today|to\s+our)\b|"
        r"\b(?:sign\s+up\s+for|subscribe\s+to)\s+(?:our|the)\s+(?:\w+\s+){0,3}newsletters?\b", re.IGNORECASE)),
    ("book promotion", re.compile(r"\b(?:pre-?order|order your copy|available on amazon)\b", re.IGNORECASE)),
    # "Title," by Name, Outlet, November 13, 2018 -- also with a hat tip after the date: "(thanks to Mark):"
    ("citation line", re.compile(r",\s*" + _MONTH + r"\s+\d{1,2},\s*\d{4}(?:\s*\([^()\n]{1,60}\))?\W*$")),
    ("hashtags", re.compile(r"(?:#\w+\W+){2,}")),
    # wire-copy credit lines: "Associated Press writers X in Y and Z contributed to this report."
    ("byline", re.compile(r"\bcontributed\s+(?:reporting\b|(?:to|for)\s+(?:this|the)\s+(?:report|story|article)\b)",
                          re.IGNORECASE)),
)
# Substrings (lower case) every match of a _FURNITURE pattern holds one of, by reason (speed: a sentence without
# any of them is not searched; tests check each list against matches generated from the pattern). A reason not
# listed is always searched; so is every sentence holding a letter that case-insensitive matching equates with an
# ASCII letter (wordstarts.CASE_FOLDING_SPECIALS).
FURNITURE_TRIGGERS: dict[str, tuple[str, ...]] = {
    "poll": ("poll", "opt out"),
    "share buttons": ("share",),
    "price": ("price", "buy new", "buy used"),
    "copyright": ("\u00a9", "(c)", "all rights reserved", "distributed by"),
    "reprint notice": ("permission", "originally"),
    "tweet embed": ("pic.twitter.com/", "(@"),
    "photo credit": ("/",),
    "subscription offer": ("access", "subscrib", "newsletter"),
    "book promotion": ("order", "amazon"),
    "hashtags": ("#",),
    "byline": ("contributed",),
}
_FURNITURE_TRIED = tuple((reason, pattern, FURNITURE_TRIGGERS.get(reason)) for reason, pattern in _FURNITURE)

# Lines that carry no claim of their own; each is checked only where it can apply (speed): photo credits and
# attribution tails are short, a lead-in ends in a colon. Matched from the line start.
_PHOTO_CREDIT = re.compile(
    r"\W*(?:[A-Z][\w.&-]*[ ]+)?(?:photo|image|picture|video|graphic)s?(?:[ ]+(?:credit|by|courtesy))?[ ]*:"
    r"[^.!?]{0,60}\)?\W*$|\W*(?:photos?|images?|pictures?)[ ]+(?:posted|taken|shared|courtesy|via|by|from|of)\b",
    re.IGNORECASE,
)
# a line that only introduces what follows: "The following are ...:", "RT reports:", "we learned that:"
_LEAD_IN = re.compile(
    r"\W*(?:the\s+following\b[^\n]*|according\s+to\s+[^,:\n]{1,120}|[^,:\n]{0,80}\bthat|"
    r"(?:[A-Z][\w.’'-]*[ ]+){0,4}[A-Z][\w.’'-]*[ ]+(?:reports|reported|says|said|writes|wrote|tweeted|added|"
    r"explains|explained|notes|noted))\s*:\s*$",
    re.IGNORECASE,
)
# a short line that only introduces a report or a quote by its reporting verb, whoever the subject and with a short
# tail after the verb: "Harbour Wire adds:", "Channel 9 reports:", "Ana Ruiz recently reported for the Ledger:",
# "Tuesday's front page blared:", "As the radio reported Friday evening:" (GUIDELINE.md 8a, decided with dev11: an "X
# reports:" / "X blared:" intro line is no claim; issue 13 s28, read off dev10 and dev11). No "and" before the verb (the
# line then says something first: "The ferry stops on Friday and the mayor added:") and at most 12 words
# (_LEAD_IN_MAX_WORDS).
_LEAD_IN_REPORT = re.compile(
    r"\W*(?:(?:(?!\band\b)[^\n:]){0,100}?[ ])?(?:reports|reported|adds|added|blared|writes|wrote|says|said|tweeted|"
    r"explains|explained|notes|noted|continues|continued|states|stated|declares|declared|announced|posted|warns|"
    r"warned|concludes|concluded|reads|read)(?:[ ]+[^\s:,;]+){0,4}\s*:\s*$",
    re.IGNORECASE,
)
_LEAD_IN_MAX_WORDS = 12
# GUIDELINE.md 8a, decided with dev13 (issue 13 s30; the claims option ``furniture=s30``): a link title left in the
# text ("READ MORE: <title> — Reports", "SEE ALSO: ..., X Says"; dev10's "Read more: <headline>" too), a video
# byline with no content ("<Outlet>'s <Name> reports."), and a picture caption with an agency credit ("The display
# lit up London (Name/PA)") are furniture, not claims. Read off dev13 (and dev10's note of stop 28).
_LINK_TITLE = re.compile(r"\W*(?:read\s+more|see\s+also|related|also\s+read)\s*:\s*\S", re.IGNORECASE)
_VIDEO_BYLINE = re.compile(r"\W*(?:[A-Z][\w.’'-]*[ ]+){1,5}reports[.]\s*$")
_CAPTION_CREDIT = re.compile(r"\([A-Z][\w .’'-]{1,40}/(?:PA|AP|AFP|Reuters|EPA|Getty(?: Images)?)\)\W*$")
# a reporter's dateline credit: "Billeaud reported from Phoenix.", "Garcia Cano reported from Las Vegas."
_REPORTED_FROM = re.compile(
    r"\W*(?:[A-Z][\w.’'-]*[ ]+){0,3}?(?:and[ ]+(?:[A-Z][\w.’'-]*[ ]+){1,3})?(?:reported|reporting)[ ]+from[ ]+"
    r"[A-Z][\w.’' ,-]{0,50}[.]?\W*$"
)
# a bare credit line: "Nolan McCaskill contributed.", "Ana Ruiz and Tom Lee contributed reporting." (audit A of
# issue 13 s22; the open splits have only the longer form above)
_CONTRIBUTED = re.compile(
    r"\W*(?:[A-Z][\w.’'-]*[ ]+){1,4}(?:and[ ]+(?:[A-Z][\w.’'-]*[ ]+){1,4})?contributed(?:[ ]+reporting)?[.]?\W*$"
)
# the tail of a split quotation, with no content of its own: "Trump added.", "She continued."
_ATTRIBUTION_TAIL = re.compile(
    r"\W*(?:[\w.’'-]+[ ]+){0,3}?[\w.’'-]+[ ]+(?:said|added|continued|wrote|tweeted|explained|noted|concluded|"
    r"replied|insisted|stated)(?:[ ]+(?:on|in)[ ]+[A-Z]?\w+)?[.!]?\W*$",
    re.IGNORECASE,
)
# "should/must/ought to" before any subordinator or clause break: the main clause makes a demand. "must have
# been" is an inference; "Should the disease spread, ..." and "should the US attack" are conditions.
_DEMAND = re.compile(
    r"^(?!\W*should\b)"
    r"(?:(?!\b(?:that|which|who|whom|whose|if|when|whether|because|since|although|while|as|unless|until|where)\b)"
    r"[^,;:(\u2013\u2014])*?\b(?:should|must|ought\s+to)\s+(?!have\s+been\b)"
    r"(?!(?:the|a|an|this|that|these|those)\b)(?-i:(?![A-Z]))",
    re.IGNORECASE,
)
_DEMAND_WORDS = ("should", "must", "ought")
# a social-media line with no statement of its own ("#MnAg ——> RT @jpkolb: UPDATE:"): a retweet or reply
# marker, a handle, a hashtag or an arrow, and fewer than three words left once those (and links) are taken out.
# A tweet that says something ("@CBP and @DeptofDefense appropriately responded by ...") keeps its words and
# stays a claim. Read off the user trial of stop 21; on the open real-news splits every such line is already
# furniture (tweet embed, hashtags, fragment), so the rule changes none of them.
_SOCIAL_MARK = re.compile(r"(?<![\w@])@\w+|(?<![\w&])#\w+|[-\u2013\u2014=~]+>|[\u2192\u21d2]|\bRT\s+@")
_SOCIAL_TOKEN = re.compile(
    r"(?<![\w@])@\w+:?|(?<![\w&])#\w+|https?://\S+|\b(?:RT|via|UPDATE|BREAKING|MT)\b:?|[-\u2013\u2014=~]+>|"
    r"[\u2192\u21d2]"
)
_SOCIAL_MIN_WORDS = 3
# the header of a retweet or forwarded post before its text: tags, handles, arrows, "RT @name:", "UPDATE:"
# ("#MnAg ——> RT @jpkolb: UPDATE: This is a record of ..."); only a header with a retweet marker or an arrow
_SOCIAL_HEADER = re.compile(
    r"(?:\s*(?:(?<![\w&])#\w+|(?<![\w@])@\w+:|\bRT\s+@\w+:?|\bMT\s+@\w+:?|[-\u2013\u2014=~]+>|[\u2192\u21d2]|"
    r"\b(?:UPDATE|BREAKING|JUST\s+IN|WATCH|NEW)\s*:))+\s*"
)
_SOCIAL_HEADER_MARK = re.compile(r"\b[RM]T\s+@|[-\u2013\u2014=~]+>|[\u2192\u21d2]")
_SHORT_LINE = 120
# fewer than two words of two or more letters: "2.", "§197 IL"
_WORDS = re.compile(r"[A-Za-z]{2,}")
# a wire dateline before the story's first sentence: "(CNN) A New Mexico couple ...", "WASHINGTON (Reuters) -
# ...", "LAS VEGAS (AP) — ..."; it names the outlet, it is no part of the claim
_DATELINE = re.compile(
    r"\s*(?:[A-Z][A-Z.'’-]*(?:[ ]+[A-Z][A-Z.'’-]*){0,3},?(?:[ ]+[A-Z][a-z]{1,3}\.(?:[ ]?[A-Z][a-z]?\.)?)?[ ]+)?"
    r"\((?:CNN|AP|Reuters|AFP|UPI|Bloomberg|CNN Business|CNSNews\.com)\)[ ]*(?:[-\u2013\u2014]+[ ]*)?(?=[A-Z\"“‘'])"
)
# a print-edition notice: "As published in the International New York Times." (audit A, issue 13 s22)
_PRINT_NOTICE = re.compile(
    r"\W*(?:as\s+published\s+in\b|a\s+version\s+of\s+this\s+(?:article|story)\s+appears\s+in\s+print\b)",
    re.IGNORECASE,
)
# "Ã©" is an "é" read in the wrong encoding ("clichÃ©"), not a copyright sign; the "Ã" may be decomposed
# ("A" + combining tilde), as in audit A
_MOJIBAKE_E_ACUTE = re.compile("(?:\u00c3|A\u0303)\u00a9")
# a section subhead: a whole line of at most this many words, without final punctuation or a comma, inside the
# article (not its first line, the headline): "Neighbors raised alarm about a suspect"
_SUBHEAD_MAX_WORDS = 8
_SUBHEAD_END = re.compile(r"[.!?:;,\"'”’)\]…]\s*$")
_QUESTION_END = re.compile(r"\?[\"'”’)\]]*\s*$")


def social_header_end(sentence: str) -> int:
    """Where the text of a retweeted or forwarded post starts after its header ("#MnAg ——> RT @jpkolb: UPDATE:
    This is a record ..." -> the offset of "This"), 0 when the sentence has no such header or nothing follows it."""
    m = _SOCIAL_HEADER.match(sentence)
    if m is None or not _SOCIAL_HEADER_MARK.search(m.group()) or len(_WORDS.findall(sentence[m.end():])) < 2:
        return 0
    return m.end()


def dateline_end(sentence: str) -> int:
    """Where a sentence's own text starts after a wire dateline ("(CNN) A New Mexico couple ..." -> the offset of
    "A"), 0 when it has none or fewer than two words follow."""
    m = _DATELINE.match(sentence)
    if m is None or len(_WORDS.findall(sentence[m.end():])) < 2:
        return 0
    return m.end()


def is_subhead(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a section subhead: a whole line, not the article's first, of at most
    eight words starting with a capital, with no comma and no final punctuation ("Neighbors raised alarm about a
    suspect" between two paragraphs). On the five open real-news splits no such line is a gold claim (0 of 87)."""
    sentence = text[start:end]
    if not text[:start].strip() or "," in sentence or not sentence[:1].isupper() or "\n" in sentence.strip():
        return False
    if len(sentence.split()) > _SUBHEAD_MAX_WORDS or _SUBHEAD_END.search(sentence):
        return False
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    return not text[line_start:start].strip() and not text[end:line_end].strip()


def furniture_reason(sentence: str, report_lead_ins: bool = False, link_titles: bool = False) -> str | None:
    """Why ``sentence`` is page furniture, a question or a demand rather than a claim ("poll", "price",
    "question", "demand", ...), or None for an ordinary sentence. ``report_lead_ins``: also a short intro line by
    its reporting verb (:data:`_LEAD_IN_REPORT`; the claims option ``furniture=s28``, the analyzer's default since
    stop 28, applied at decision time: the trainer fits the scorers without it, as they were judged). ``link_titles``:
    also link titles, content-free video bylines and captions with an agency credit (GUIDELINE 8a, decided with dev13;
    the claims option ``furniture=s30``, at decision time)."""
    lowered = sentence.lower()
    exact = not any(c in sentence for c in CASE_FOLDING_SPECIALS)
    for reason, pattern, triggers in _FURNITURE_TRIED:
        if exact and triggers is not None and not any(t in lowered for t in triggers):
            continue
        if pattern.search(sentence):
            return reason
    if link_titles:
        if _LINK_TITLE.match(sentence):
            return "link title"
        if len(sentence) <= _SHORT_LINE and _VIDEO_BYLINE.match(sentence):
            return "byline"
        if _CAPTION_CREDIT.search(sentence):
            return "photo credit"
    if _QUESTION_END.search(sentence):
        return "question"
    if len(sentence) <= _SHORT_LINE:
        if _PHOTO_CREDIT.match(sentence):
            return "photo credit"
        if _ATTRIBUTION_TAIL.match(sentence):
            return "attribution tail"
        if _REPORTED_FROM.match(sentence) or _CONTRIBUTED.match(sentence):
            return "byline"
        if len(_WORDS.findall(sentence)) < 2:
            return "fragment"
    if _SOCIAL_MARK.search(sentence) and len(_WORDS.findall(_SOCIAL_TOKEN.sub(" ", sentence))) < _SOCIAL_MIN_WORDS:
        return "social media"
    if sentence.rstrip().endswith(":") and (
            _LEAD_IN.match(sentence)
            or (report_lead_ins and len(sentence.split()) <= _LEAD_IN_MAX_WORDS and _LEAD_IN_REPORT.match(sentence))):
        return "lead-in"
    if any(w in lowered for w in _DEMAND_WORDS) and _DEMAND.match(sentence):
        return "demand"
    return None


def layout_furniture_reason(text: str, start: int, end: int) -> str | None:
    """The furniture reason of the sentence ``text[start:end]`` under the claims option ``furniture=layout``
    (analyzer 1.10, not the default): :func:`furniture_reason`, except that "Ã©" (a mis-decoded "é") is no
    copyright sign, plus print-edition notices ("reprint notice") and section subheads (:func:`is_subhead`)."""
    sentence = text[start:end]
    reason = furniture_reason(sentence)
    if reason == "copyright" and _MOJIBAKE_E_ACUTE.search(sentence):
        reason = furniture_reason(_MOJIBAKE_E_ACUTE.sub("é", sentence))
    if reason is None and _PRINT_NOTICE.match(sentence):
        reason = "reprint notice"
    if reason is None and is_subhead(text, start, end):
        reason = "subhead"
    return reason
