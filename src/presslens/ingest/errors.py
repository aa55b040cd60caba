"""The one error type for input that cannot be read, with the file (and line) it came from, and the notes
shown for input that was read but changed (e.g. unpaired surrogates replaced) or partly skipped."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass
class InputError(Exception):
    """An input that could not be turned into an article. ``str()`` is the one line shown to users."""

    origin: str
    message: str
    line: int | None = None

    @property
    def where(self) -> str:
        """``origin`` or ``origin:line``."""
        return self.origin if self.line is None else f"{self.origin}:{self.line}"

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"

    def to_dict(self) -> dict[str, Any]:
        return {"origin": self.origin, "line": self.line, "message": self.message}


NoteSink = Callable[[str, str], None]
"""Receives ``(where, message)`` for an input that was read but changed or partly skipped."""


def print_note(where: str, message: str) -> None:
    """The default :data:`NoteSink`: one line on standard error naming the item."""
    from presslens.outputs import say_note

    say_note(f"{where}: {message}")
