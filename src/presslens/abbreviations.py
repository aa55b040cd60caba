"""Abbreviation tables that decide sentence breaks syntok gets wrong in English news.

Two rules, both small and table-driven:

* A title that stands before a name ("Rep.", "Gov.", "Lt.", "the Rev.", "St."), a Latin "e.g."/"i.e."/"vs.", or
  initials and dotted acronyms ("George W.", "H.R.", "U.S.") do not end a sentence when the next word starts in
  upper case and is not a clear sentence opener, or starts in lower case: "Rep. Adam Schiff", "H.R. McMaster" and
  "the F.B.I. and the police" stay in one sentence, also across a hard line break; "on Main St. He left" and "in
  the U.S. The next day" still break.
* An abbreviation that can end a sentence (a dotted acronym such as "U.S." or "D.C.", "a.m."/"p.m.", "Inc.",
  "Jr.", "etc.") followed by a clear sentence opener ("She", "They", "But") ends the sentence.

Matching is case-sensitive: "Sen." is a title, "sen." is not.
"""

from __future__ import annotations

import re

NAME_TITLES: frozenset[str] = frozenset(
    """
    Mr Mrs Ms Mx Messrs Mmes Dr Drs Prof Profs Rev Revs Fr Msgr Hon Rt
    Rep Reps Sen Sens Gov Govs Pres Amb Sec Secs Atty Supt Insp Det Cmsr Comm
    Gen Gens Lt Col Maj Capt Cpt Sgt Adm Cpl Pvt Pfc Spc Cmdr Cdr Brig Ens
    St Ste Sts Mt Ft Mgr
    """.split()
)
"""Titles (without their full stop) that stand before a name: before an upper-case word that is not a clear opener
they never end a sentence ("St." before a clear opener is "Street" and may: see :data:`FINAL_ABBREVIATIONS`)."""

SENTENCE_OPENERS: frozenset[str] = frozenset(
    """
    A An The This That These Those There Here
    I We You He She It They His Her Its Their Our My Your
    And But Or Yet So Nor Then Still However Meanwhile Instead Also
    In On At As For If When While After Before Since Although Though Because
    What Why How Who Where Both Each Every Some Many Most Several Not
    Above Accordingly Additionally Admittedly All Again Are Assuredly Besides Certainly Chiefly Comparatively
    Consequently Conversely Coupled Correspondingly Does Due Especially Furthermore Granted Generally Hence
    Identically Indeed Likewise Moreover Nevertheless No Obviously Of Ordinarily Other Otherwise Outside
    Particularly Rather Similarly Singularly Subsequently Therefore Thereupon Thus Unquestionably Use Usually
    Whereas Wherefore
    """.split()
)
"""Capitalised words that start a new sentence after an abbreviation and are not the name a title introduces
(pronouns, determiners, conjunctions, and the English sentence starters syntok itself breaks before)."""

FINAL_ABBREVIATIONS: frozenset[str] = frozenset(
    "Inc Corp Co Ltd Bros Jr Sr etc St Ave Rd Blvd".split()
)
"""Abbreviations without inner dots that may end a sentence (company and name suffixes, "etc.", "Main St.")."""

_TITLE_AT_END = re.compile(r"(?:^|[^\w.])([A-Z][a-z]{0,5})\.$")
# Initials and dotted acronyms after a space, an opening bracket or quote ("Q&A." is not an initial); the lone
# letters "A." and "I." are left out: they are as often a word or a Roman numeral ("World War I.").
_NON_FINAL_AT_END = re.compile(r"""(?:^|[\s(\[“"'‘])(?:(?![AI]\.$)(?:[A-Z]\.)+|e\.g\.|i\.e\.|vs\.|cf\.|viz\.)$""")
_OPENER_WORDS = "|".join(sorted(SENTENCE_OPENERS, key=len, reverse=True))
_FINAL_WORDS = "|".join(sorted(FINAL_ABBREVIATIONS, key=len, reverse=True))
_BREAK_AFTER_ABBREVIATION = re.compile(
    rf"(?<![\w.])(?:(?:[A-Z]\.){{2,}}|[ap]\.m\.|(?:{_FINAL_WORDS})\.)(\s+)(?=(?:{_OPENER_WORDS})\b(?![.\w]))"
)
_FIRST_WORD = re.compile(r"[A-Za-z]+")


def ends_with_name_title(text: str) -> bool:
    """True when ``text`` (already right-trimmed) ends with a title such as "Rep." or "the Rev."."""
    m = _TITLE_AT_END.search(text)
    return m is not None and m.group(1) in NAME_TITLES


def ends_before_name(text: str) -> bool:
    """True when ``text`` ends with a title, an initial or dotted acronym ("W.", "H.R.", "U.S.") or "e.g."."""
    return ends_with_name_title(text) or _NON_FINAL_AT_END.search(text) is not None


def starts_with_name(text: str) -> bool:
    """True when ``text`` starts with an upper-case word that is not a clear sentence opener."""
    m = _FIRST_WORD.match(text)
    return m is not None and text[0].isupper() and m.group(0) not in SENTENCE_OPENERS


def continues_after_abbreviation(before: str, after: str) -> bool:
    """True when a break between ``before`` and ``after`` would split a title or initials from the name, or cut
    after a title, an acronym or "e.g." before a word in lower case ("the F.B.I. | and the police")."""
    return ends_before_name(before) and (starts_with_name(after) or after[:1].islower())


def breaks_after_abbreviations(text: str) -> list[int]:
    """Offsets in ``text`` where a sentence ends after an abbreviation followed by a clear opener.

    Each offset is the end of the abbreviation (just after its full stop); the following whitespace belongs to
    neither sentence.
    """
    return [m.start(1) for m in _BREAK_AFTER_ABBREVIATION.finditer(text)]
