"""The one error type for input that cannot be read, with the file (and line) it came from."""

from __future__ import annotations

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
