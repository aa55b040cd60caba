"""Read bytes safely: size limit, binary detection, strict UTF-8 unless replacement is asked for."""

from __future__ import annotations

from pathlib import Path

from presslens.ingest.errors import InputError

DEFAULT_MAX_BYTES = 10 * 1024 * 1024


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB"


def read_bytes(path: Path, max_bytes: int) -> bytes:
    origin = str(path)
    if not path.exists():
        raise InputError(origin, "no such file or directory")
    if path.is_dir():
        raise InputError(origin, "is a directory (pass it as an input to read its files)")
    size = path.stat().st_size
    if size > max_bytes:
        raise InputError(origin, f"file is {_mb(size)}, over the {_mb(max_bytes)} limit (raise it with --max-bytes)")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(origin, f"cannot read: {exc.strerror or exc}") from None


def looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    if not head:
        return False
    control = sum(1 for b in head if b < 9 or 13 < b < 32)
    return control / len(head) > 0.1


def decode(data: bytes, origin: str, *, replace_errors: bool = False) -> str:
    """Decode UTF-8 (a BOM is allowed). Invalid bytes are an error unless ``replace_errors``."""
    if looks_binary(data):
        raise InputError(origin, "looks like a binary file, not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if not replace_errors:
            line = data.count(b"\n", 0, exc.start) + 1
            raise InputError(
                origin,
                f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
                "use --encoding-errors replace to read it anyway",
                line=line,
            ) from None
        text = data.decode("utf-8", errors="replace")
    if not text.strip().strip("\ufeff"):
        raise InputError(origin, "empty file (no text)")
    return text
