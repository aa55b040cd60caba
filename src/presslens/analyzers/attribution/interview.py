"""Interview and transcript turns: ``Name: what they said`` at the start of a line, with no reporting verb
(annotation guideline 8a, "Decided with dev13": one cue-null colon attribution per answer of a Sputnik-style
interview; a transcript gives one per speaker line; "Decided with dev14": a caption or credit line inside a turn
ends it). The option ``attribution.interview_turns`` (stop 31) adds them as candidates the score judges.

A turn is taken only where the article holds at least :data:`MIN_TURNS` such lines (an interview or a transcript,
not one labelled line); the interviewer's turns that only ask ("Sputnik: Does ...?") are left out (guideline 8a,
dev13); a turn's content runs over the lines after it until the next turn, a blank line, a caption or credit line
("\u00a9 AP Photo / ..."), a label line ("READ MORE: ...") or :data:`TURN_LINES` lines."""

from __future__ import annotations

import re

from presslens.analyzers.attribution.continuation import POST_SCORE, _enough_words, _is_name, _title_start
from presslens.analyzers.attribution.link import Attribution
from presslens.analyzers.attribution.spans import Span, strip_span

#: the values of the ``attribution.interview_turns`` option (stop 31): "off" (2.15) or "on"
INTERVIEW_TURNS_CHOICES = ("off", "on")
#: the default of ``attribution.interview_turns``
INTERVIEW_TURNS_DEFAULT = "off"
#: a speaker line: one to four words (a name, a title and a name, an outlet), a colon, then what was said
_TURN = re.compile(
    r"(?m)^[ \t]*(?P<src>[A-Z][\w'\u2019.-]*(?:[ \t]+[\w'\u2019.-]+){0,3}?)[ \t]*(?P<colon>:)[ \t]+(?P<said>\S[^\n]*)$"
)
#: words that label a line rather than name a speaker ("READ MORE:", "Photo:", "Q:", "Editor's note:")
_LABELS = frozenset(
    "read more see also also update updated watch note editor editor's editors source sources photo photos picture "
    "pictured image images video caption credit credits listen transcript related breaking warning q a question "
    "answer tags tag topics share via subscribe advertisement follow email published posted by date time "
    "location filed reporting additional contact disclaimer correction clarification summary background "
    "previously earlier meanwhile however today yesterday here there this that these those it he she they we i you "
    "live exclusive opinion analysis comment".split()
)
#: the fewest speaker lines an article must hold for its lines to be read as turns
MIN_TURNS = 2
#: most lines one turn's content is taken from
TURN_LINES = 12
#: a line that ends a turn's content: a caption or credit ("\u00a9 AP Photo / ..."), a label in capitals
#: ("READ MORE: ...", "ALSO ON RT.COM ...")
_BREAK_LINE = re.compile(r"^[ \t]*(?:\u00a9|\(c\)|[A-Z][A-Z .'\u2019]{2,30}:|ALSO ON\b|SEE ALSO\b|READ MORE\b)")


def _speaker(words: str) -> bool:
    """A speaker's name before a turn's colon: capitalised words (:func:`.continuation._is_name`), no label."""
    ws = words.split()
    if len(words.strip(". ")) < 3 or any(w.lower().strip(".") in _LABELS for w in ws):
        return False
    return _is_name(words)


def _only_questions(text: str, span: Span) -> bool:
    """Every line of ``text[span]`` ends with a question mark: an interviewer who only asks."""
    lines = [ln.strip() for ln in text[span[0] : span[1]].split("\n") if ln.strip()]
    return bool(lines) and all(ln.rstrip("\u201d\"'\u2019 ").endswith("?") for ln in lines)


def interview_turns(text: str) -> list[Attribution]:
    """The turns of an interview or transcript (module docstring): source the speaker's name, cue the colon,
    content the turn's words. Only candidates: the score decides."""
    title = _title_start(text)
    turns = [m for m in _TURN.finditer(text) if m.start() != title and _speaker(m.group("src"))]
    if len(turns) < MIN_TURNS:
        return []
    starts = {text.rfind("\n", 0, m.start()) + 1 for m in turns}
    out: list[Attribution] = []
    for m in turns:
        start = m.start("said")
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        for _ in range(TURN_LINES - 1):
            if end >= len(text):
                break
            nxt_end = text.find("\n", end + 1)
            nxt_end = len(text) if nxt_end < 0 else nxt_end
            line = text[end + 1 : nxt_end]
            if not line.strip() or end + 1 in starts or _BREAK_LINE.match(line):
                break
            end = nxt_end
        content = strip_span(text, start, end, " \t\n")
        if not _enough_words(text, content) or _only_questions(text, content):
            continue
        source = strip_span(text, m.start("src"), m.end("src"), " \t.")
        out.append(Attribution((m.start("colon"), m.end("colon")), source, content, POST_SCORE, True))
    return out
