"""Writing results: atomic files (temp file + rename) and a terminal-only progress bar."""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path
from types import TracebackType
from typing import IO, TextIO


def current_umask() -> int:
    """The process umask (read without changing it for longer than the call)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask


class AtomicWriter:
    """Text file written to a temp file beside the target and renamed into place on success.

    On error the temp file is removed and the target is left untouched, so nothing is half-written.
    ``path=None`` writes to standard output instead.
    """

    def __init__(self, path: str | Path | None) -> None:
        self.path = Path(path) if path is not None and str(path) != "-" else None
        self._tmp: str | None = None
        self._fh: IO[str] | None = None

    def __enter__(self) -> TextIO:
        if self.path is None:
            return sys.stdout
        directory = self.path.parent if str(self.path.parent) else Path(".")
        directory.mkdir(parents=True, exist_ok=True)
        fd, self._tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=directory)
        os.chmod(self._tmp, 0o666 & ~current_umask())  # mkstemp makes 0600; a report is an ordinary file
        self._fh = os.fdopen(fd, "w", encoding="utf-8", newline="\n")
        return self._fh  # type: ignore[return-value]

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self.path is None:
            sys.stdout.flush()
            return
        assert self._fh is not None and self._tmp is not None
        self._fh.close()
        if exc_type is None:
            os.replace(self._tmp, self.path)
        else:
            try:
                os.unlink(self._tmp)
            except OSError:
                pass


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
