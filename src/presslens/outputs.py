"""Terminal output (the one-line error message, the progress bar) and the umask helper of the file sinks
(:mod:`presslens.sinks`)."""

from __future__ import annotations

import os
import sys
import time


def say_error(msg: str) -> None:
    """The one line a user-caused error prints on stderr: ``presslens: error: MSG``."""
    print(f"presslens: error: {msg}", file=sys.stderr)


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

    def advance(self, n: int = 1) -> None:
        self.done += n
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self._last < 0.1 and (self.total is None or self.done < self.total):
            return
        self._last = now
        sys.stderr.write("\r" + self.line(now))
        sys.stderr.flush()

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
        if self.enabled and self.done:
            sys.stderr.write("\r" + self.line() + "\n")
            sys.stderr.flush()
