"""The target of a call to violence: the noun phrase after a violent verb or act ("attack them", "set fire to
the depot").
"""

from __future__ import annotations

import re

from presslens.analyzers.violence.cues import IGNORE_CASE, VERB_ALT

# Targets
# ---------------------------------------------------------------------------------------------------

_DET = (
    r"(?:the|their|his|her|its|our|your|that|those|these|this|every|each|all|any|a|an|some|"
    r"[A-Z][a-z]+'s|\w+'s)"
)
_STOP_WORDS = {
    "and", "or", "but", "before", "after", "until", "so", "if", "when", "while", "with", "to", "in", "on",
    "at", "for", "from", "by", "into", "onto", "of", "tonight", "tomorrow", "now", "today", "again",
    "down", "up", "out", "off", "was", "were", "is", "are", "be", "been", "who", "which", "that",
    "because", "then", "than", "as", "like", "over", "under", "there", "here", "first", "too", "also",
    "has", "have", "had", "will", "would", "should", "must", "can", "could", "did", "do", "does",
    "not", "no", "it", "alight", "ablaze", "overnight", "last", "this", "every", "night", "where",
    "all", "whatever", "what", "just", "only", "half", "they", "we", "i", "he", "she", "you",
}
_PRONOUN_TARGETS = {"them", "him", "her", "us", "you", "everyone", "anyone", "it"}
_NOMINAL_ACTS = (
    r"(?:attack|attacks|assault|violence|bomb|bombs|raid|strike|strikes|fire|shots|rocks|stones|"
    r"grenade|brick|bricks)\s+(?:on|against|at|into|through|under)\s+"
)
_OF_ACTS = (
    r"(?:burning|torching|bombing|firebombing|storming|sack|destruction|killing|killings|execution|"
    r"assassination|shelling|sabotage|looting|beating|lynching|stabbing|slaughter|massacre|siege|"
    r"sinking|derailing|hanging|murder|kidnapping)\s+of\s+"
)
_SET_FIRE = r"set\s+fire\s+to\s+|set\s+(?=(?:[\w'’-]+\s+){1,5}?(?:on\s+fire|alight|ablaze))"
_PHRASAL = (
    r"(?:blow|blows|blew|blowing)\s+up\s+|(?:burn|burns|burned|burnt|burning)\s+down\s+|"
    r"(?:put|puts|putting)\s+a\s+bullet\s+(?:in|into|through)\s+|(?:gun|gunned|gunning)\s+down\s+|"
    r"(?:drag|dragged)\s+|(?:run|ran|running)\s+(?=\w+\s+over\b)|(?:take|took)\s+(?:up\s+)?arms\s+against\s+"
)


def _target_pattern() -> re.Pattern[str]:
    verb_then_np = rf"\b(?:{VERB_ALT})\s+(?!(?:{'|'.join(sorted(_STOP_WORDS))})\b)"
    return re.compile(rf"\b(?:{_NOMINAL_ACTS}|{_OF_ACTS}|{_SET_FIRE}|{_PHRASAL})|{verb_then_np}", IGNORE_CASE)


_TARGET_TRIGGER = _target_pattern()


def find_target(text: str) -> tuple[int, int] | None:
    """Character span in ``text`` of the noun phrase a violent act is aimed at, or None."""
    for m in _TARGET_TRIGGER.finditer(text):
        span = _noun_phrase_at(text, m.end())
        if span is not None:
            return span
    return None


def _noun_phrase_at(text: str, pos: int) -> tuple[int, int] | None:
    words = list(re.finditer(r"[\w'’-]+", text[pos:]))
    if not words or words[0].start() > 1:
        return None
    first = words[0].group(0).lower()
    if first in _PRONOUN_TARGETS:
        if first == "it":
            return None
        return pos + words[0].start(), pos + words[0].end()
    end = None
    start = pos + words[0].start()
    taken = 0
    prev_end = words[0].start()
    for w in words:
        gap = text[pos + prev_end : pos + w.start()]
        if taken and gap.strip():
            break  # punctuation between words ends the phrase
        token = w.group(0).lower()
        if taken and token in _STOP_WORDS:
            break
        if not taken and re.fullmatch(_DET, w.group(0), IGNORE_CASE) is None and token in _STOP_WORDS:
            return None
        end = pos + w.end()
        prev_end = w.end()
        taken += 1
        if taken >= 6:
            break
    if end is None:
        return None
    if re.fullmatch(_DET, text[start:end], IGNORE_CASE):
        return None
    return start, end


# ---------------------------------------------------------------------------------------------------
