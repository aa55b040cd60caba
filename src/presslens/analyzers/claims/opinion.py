"""Sentences that state a demand or the writer's own anecdote rather than a claim.

``data/realnews/GUIDELINE.md`` section 4 leaves out of check-worthy claims the calls to action, pure opinion and
personal anecdote with no public interest. Two forms of them are recognised from the sentence (and whether it lies
inside a quotation); each was wrong as a claim on both real-news dev splits (asserted claim findings of analyzer
1.3 that match a gold claim by the rule of `presslens eval realnews --split dev|dev2`):

| form | dev | dev2 |
|---|---|---|
| a demand: "should", "must" or "ought to" in the main clause ("Sessions should stop this witch hunt now", "this Synod must be cancelled") | 0/2 (0/23) | 0/2 (0/7) |
| the writer's anecdote: a sentence that opens with "I"/"My" outside any quotation ("I said that ...", "I've been in the tunnels", "I'm not a fan of ...") | 0/4 (0/21) | 0/1 (1/8) |

(in brackets: every sentence of the form, asserted or not.) :func:`opinion_reason` names the form; the analyzer
keeps such a sentence as a candidate, like page furniture.
"""

from __future__ import annotations

import re

# "should/must/ought to" before any subordinator or clause break: the main clause makes a demand. "must have
# been" (an inference) and "should be noted" (a writer's aside) are kept out of the first, in.
# "Should the disease spread, ..." and "should the US attack" are conditions, not demands.
_DEMAND = re.compile(
    r"^(?!\W*should\b)"
    r"(?:(?!\b(?:that|which|who|whom|whose|if|when|whether|because|since|although|while|as|unless|until|where)\b)"
    r"[^,;:(\u2013\u2014])*?\b(?:should|must|ought\s+to)\s+(?!have\s+been\b)(?!(?:the|a|an|this|that|these|those)\b)"
    r"(?-i:(?![A-Z]))",
    re.IGNORECASE,
)
# "I"/"My" at the very start (an opening quote mark before it makes it a speaker's words)
_FIRST_PERSON_START = re.compile(r"^[^\w\"“”'‘]{0,3}(?:I|I['’](?:m|ve|d|ll)|My)\b")
_CLOSING_QUOTES = ('"', "”")


def opinion_reason(sentence: str, quoted: bool) -> str | None:
    """Why ``sentence`` is a demand or the writer's anecdote rather than a claim ("demand", "personal anecdote"),
    or None. ``quoted``: the sentence lies inside a quotation of the article (a speaker's "I" is a source's
    statement, a claim)."""
    if _DEMAND.match(sentence):
        return "demand"
    if not quoted and _FIRST_PERSON_START.match(sentence) and not sentence.rstrip().endswith(_CLOSING_QUOTES):
        return "personal anecdote"  # a sentence ending in a closing quote continues a quotation
    return None
