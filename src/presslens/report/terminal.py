"""Article text shown where a terminal reads it: control characters made visible.

An article may carry terminal control sequences (``ESC [ 2 J`` clears the screen, ``ESC ] 0 ; ... BEL`` sets
the window title, a lone ``CR`` overwrites the line) and bidirectional overrides that reorder what is shown.
Written raw into a table on a terminal or a Markdown summary piped to one, they act instead of showing (user
trial s28: a title with ``ESC [31m`` turned the rest of ``presslens search`` red). The readable views
(the tables of ``search``, ``figures``, ``claims``, ``outlets`` and ``db info``, and ``analyze -f md``)
show each such character as an escape (``\\x1b``, ``\\u202e``); JSON, JSONL and CSV keep the text as it is.
"""

from __future__ import annotations

import re
from typing import TextIO

CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""C0 controls but TAB and LF, DEL, C1 controls, and the bidirectional embeddings, overrides and isolates."""


def _escape(m: re.Match[str]) -> str:
    code = ord(m.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible_controls(text: str) -> str:
    """``text`` with every character of :data:`CONTROLS` written as its escape (``\\x1b``); the rest as is."""
    return CONTROLS.sub(_escape, text)


class VisibleControls:
    """A text stream that writes through to ``inner`` with :func:`visible_controls` applied."""

    def __init__(self, inner: TextIO) -> None:
        self.inner = inner

    def write(self, text: str) -> int:
        self.inner.write(visible_controls(text))
        return len(text)

    def flush(self) -> None:
        self.inner.flush()

    def isatty(self) -> bool:
        return self.inner.isatty()

    def __getattr__(self, name: str) -> object:
        return getattr(self.inner, name)


__all__ = ["CONTROLS", "VisibleControls", "visible_controls"]
