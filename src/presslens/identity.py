"""Stable identities: an article's content id, a finding's id, and a stored article's corpus key.

These are the ids a corpus store, an export, a web link and a Ray worker all agree on, so each is a pure
function of documented inputs (docs/ARCHITECTURE.md, "Identities"):

- ``content_id(text)``: sha256 over the *normalised* text, first 32 hex digits. Normalisation: Unicode NFC;
  zero-width and BOM characters (U+200B, U+200C, U+200D, U+2060, U+FEFF) removed; every run of whitespace
  made one space; leading and trailing whitespace dropped. So the same article read from a CRLF file, a JSONL
  record or an HTML page with other line breaks gets the same id; a changed word gives another.
- ``finding_id(content_id, analyzer, kind, label, start, end)``: sha256 of those six fields joined by U+001F,
  first 24 hex digits. Offsets index ``Article.text`` (not the normalised text), so a finding's id changes when
  the text it points into changes.
- ``corpus_key(content_id, source, url)``: the identity of an article in a corpus store. The same text from
  two outlets (a wire copy) is two stored articles, later linked as duplicates; the same text, source and url
  indexed twice is one.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))
_SPACE_RUN = re.compile(r"\s+")
_SEP = "\x1f"


def normalise_for_id(text: str) -> str:
    """The text a content id is computed from (see the module docstring)."""
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
    return _SPACE_RUN.sub(" ", text).strip()


def _digest(text: str, length: int) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:length]


def content_id(text: str) -> str:
    """32 hex digits identifying an article's normalised text."""
    return _digest(normalise_for_id(text), 32)


def finding_id(content: str, analyzer: str, kind: str, label: str, start: int, end: int) -> str:
    """24 hex digits identifying one finding of one article."""
    return _digest(_SEP.join((content, analyzer, kind, label, str(start), str(end))), 24)


def corpus_key(content: str, source: str | None, url: str | None) -> str:
    """32 hex digits identifying an article in a corpus: its content id plus where it was published."""
    return _digest(_SEP.join((content, source or "", url or "")), 32)
