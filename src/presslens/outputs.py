"""Terminal output (the one-line error message, the progress bar, control characters of article text made
visible) and the umask helper of the file sinks (:mod:`presslens.sinks`).

Article text shown where a terminal reads it: an article may carry terminal control sequences (``ESC [ 2 J`` clears the screen, ``ESC ] 0 ; ... BEL`` sets
the window title, a lone ``CR`` overwrites the line) and bidirectional overrides that reorder what is shown.
Written raw into a table on a terminal or a Markdown summary piped to one, they act instead of showing (user
trial s28: a title with ``ESC [31m`` turned the rest of ``presslens search`` red). The readable views
(the tables of ``search``, ``figures``, ``claims``, ``outlets`` and ``db info``, and ``analyze -f md``)
show each such character as an escape (``\\x1b``, ``\\u202e``); JSON, JSONL and CSV keep the text as it is.
Error and note lines name files and lines the same way: a file name with ESC in it is shown, not acted on.
"""

from __future__ import annotations

import os
import re
import sys
import time
from typing import TextIO


def say_error(msg: str) -> None:
    """The one line a user-caused error prints on stderr: ``presslens: error: MSG`` (controls made visible:
    :func:`visible_controls`). A progress bar drawn on the line is wiped first, so the error starts its own line
    (user trial s30: ``... 4/4 articles 1.4/spresslens: error: ...``) and the bar is drawn again below it."""
    _clear_progress_line()
    print(visible_controls(f"presslens: error: {msg}"), file=sys.stderr)


def say_note(msg: str) -> None:
    """A note on stderr that is no error: ``presslens: note: MSG`` (controls made visible, as :func:`say_error`;
    a progress bar is wiped first, as there)."""
    _clear_progress_line()
    print(visible_controls(f"presslens: note: {msg}"), file=sys.stderr)


_drawn_progress: Progress | None = None
"""The :class:`Progress` whose bar stands, unfinished, on the current stderr line (None when none does)."""


def _clear_progress_line() -> None:
    """Wipe a bar standing on the current stderr line (blanks over it, cursor back to the start of the line)."""
    global _drawn_progress
    bar = _drawn_progress
    if bar is None:
        return
    _drawn_progress = None
    sys.stderr.write("\r" + " " * bar.drawn_width + "\r")
    bar.drawn_width = 0
    bar.force_redraw = True


CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""C0 controls but TAB and LF, DEL, C1 controls, and the bidirectional embeddings, overrides and isolates."""


def _escape(m: re.Match[str]) -> str:
    """The escape of one :data:`CONTROLS` character: ``\\xHH`` below U+0100, else ``\\uHHHH``."""
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


def current_umask() -> int:
    """The process umask (read without changing it for longer than the call)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask


class Progress:
    """A one-line progress bar on stderr, shown only when stderr is a terminal (quiet when piped)."""

    def __init__(self, total: int | None, *, enabled: bool | None = None, label: str = "articles") -> None:
        self.total = total
        self.done = 0
        self.label = label
        self.enabled = sys.stderr.isatty() if enabled is None else enabled
        self.start = time.monotonic()
        self._last = 0.0
        self.drawn_width = 0
        """Characters of the bar now on the line (0: none drawn, or wiped by an error or note line)."""
        self.force_redraw = False

    def advance(self, n: int = 1) -> None:
        global _drawn_progress
        self.done += n
        if not self.enabled:
            return
        now = time.monotonic()
        if (not self.force_redraw and now - self._last < 0.1
                and (self.total is None or self.done < self.total)):
            return
        self._last = now
        self.force_redraw = False
        text = self.line(now)
        sys.stderr.write("\r" + text + " " * max(self.drawn_width - len(text), 0))
        sys.stderr.flush()
        self.drawn_width = len(text)
        _drawn_progress = self

    def line(self, now: float | None = None) -> str:
        elapsed = max((now or time.monotonic()) - self.start, 1e-9)
        rate = self.done / elapsed
        if self.total:
            width = 30
            filled = int(width * min(self.done, self.total) / self.total)
            bar = "#" * filled + "-" * (width - filled)
            return f"[{bar}] {self.done}/{self.total} {self.label} {rate:.1f}/s"
        return f"{self.done} {self.label} {rate:.1f}/s"

    def close(self) -> None:
        global _drawn_progress
        if self.enabled and self.done:
            text = self.line()
            sys.stderr.write("\r" + text + " " * max(self.drawn_width - len(text), 0) + "\n")
            sys.stderr.flush()
        self.drawn_width = 0
        if _drawn_progress is self:
            _drawn_progress = None
