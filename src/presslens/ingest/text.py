"""Read bytes safely: size limit on every source, regular files only, binary detection, strict UTF-8
unless replacement is asked for.

Every read is bounded: at most ``max_bytes + 1`` bytes are ever taken from a file, device or stream, so
``/dev/zero`` or an endless standard input ends in a size error, never in memory exhaustion. Inputs
that are not regular files (FIFOs, sockets, devices) are refused before anything is read, except
standard input (``-``), which is read with the same limit.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO

from presslens.ingest.errors import InputError
from presslens.ingest.normalize import is_invisible_only

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
_CHUNK = 1 << 20


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB"


def over_limit_message(max_bytes: int) -> str:
    return f"input is over the {_mb(max_bytes)} limit (raise it with --max-bytes)"


def _kind_of(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    return "not a regular file"


def read_limited(fh: BinaryIO, origin: str, max_bytes: int) -> bytes:
    """Read a stream to its end, failing as soon as it holds more than ``max_bytes`` bytes."""
    parts: list[bytes] = []
    total = 0
    while True:
        chunk = fh.read(min(_CHUNK, max_bytes + 1 - total))
        if not chunk:
            return b"".join(parts)
        parts.append(chunk)
        total += len(chunk)
        if total > max_bytes:
            raise InputError(origin, over_limit_message(max_bytes))


def read_bytes(path: Path, max_bytes: int) -> bytes:
    """The bytes of a regular file of at most ``max_bytes`` bytes, or :class:`InputError`."""
    origin = str(path)
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise InputError(origin, "no such file or directory") from None
    except OSError as exc:
        raise InputError(origin, f"cannot read: {exc.strerror or exc}") from None
    if stat.S_ISDIR(st.st_mode):
        raise InputError(origin, "is a directory (pass it as an input to read its files)")
    if not stat.S_ISREG(st.st_mode):
        raise InputError(
            origin, f"is {_kind_of(st.st_mode)}, not a regular file; pipe it to standard input ('-') to read it"
        )
    if st.st_size > max_bytes:
        raise InputError(
            origin, f"file is {_mb(st.st_size)}, over the {_mb(max_bytes)} limit (raise it with --max-bytes)"
        )
    try:
        # O_NONBLOCK: should the path have been swapped for a FIFO since the stat, opening it must not hang
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise InputError(origin, f"cannot read: {exc.strerror or exc}") from None
    with os.fdopen(fd, "rb") as fh:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise InputError(origin, f"is {_kind_of(mode)}, not a regular file")
        try:
            return read_limited(fh, origin, max_bytes)
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


UNICODE_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le", "UTF-32"),
    (b"\x00\x00\xfe\xff", "utf-32-be", "UTF-32"),
    (b"\xff\xfe", "utf-16-le", "UTF-16"),
    (b"\xfe\xff", "utf-16-be", "UTF-16"),
)
"""Byte order marks that make a file's encoding certain (UTF-32 first: its little-endian mark starts with
UTF-16's). A text editor's "Unicode" text is UTF-16 with such a mark; before user trial s29 it was refused as
"a binary file", since every other byte of it is NUL."""


def _bom_encoding(data: bytes) -> tuple[str, str, int] | None:
    """The codec, its name and the mark's length when ``data`` opens with a UTF-16 or UTF-32 byte order mark."""
    for bom, codec, name in UNICODE_BOMS:
        if data.startswith(bom):
            return codec, name, len(bom)
    return None


def _looks_utf16(data: bytes) -> bool:
    """Whether ``data`` reads like UTF-16 without a byte order mark: NUL in most even or most odd bytes."""
    head = data[:8192]
    if len(head) < 8:
        return False
    even, odd = head[0::2], head[1::2]
    return max(even.count(0) / len(even), odd.count(0) / max(len(odd), 1)) > 0.6


def _decode_unicode(data: bytes, origin: str, codec: str, name: str, skip: int, replace_errors: bool) -> str:
    """``data`` after its ``skip``-byte order mark decoded with ``codec`` (``name`` in messages); invalid bytes are an
    error naming ``origin`` and the byte offset in the file, unless ``replace_errors``."""
    body = data[skip:]
    try:
        return body.decode(codec)
    except UnicodeDecodeError as exc:
        if not replace_errors:
            raise InputError(origin, f"not valid {name} (at byte offset {exc.start + skip}); "
                             "use --encoding-errors replace to read it anyway") from None
        return body.decode(codec, errors="replace")


def decode(data: bytes, origin: str, *, replace_errors: bool = False) -> str:
    """Decode UTF-8 and drop a leading BOM; text opening with a UTF-16 or UTF-32 byte order mark is decoded as
    such. Invalid bytes are an error unless ``replace_errors``.

    Text holding nothing visible (whitespace, zero-width characters, BOMs) is an empty input.
    """
    marked = _bom_encoding(data)
    if marked is not None:
        codec, name, skip = marked
        text = _decode_unicode(data, origin, codec, name, skip, replace_errors)
        if "\x00" in text or looks_binary(text.encode("utf-8", errors="surrogatepass")):
            raise InputError(origin, f"looks like a binary file, not text (it opens with a {name} byte order mark)")
    else:
        if looks_binary(data):
            if _looks_utf16(data):
                raise InputError(origin, "looks like UTF-16 text without a byte order mark: save it as UTF-8 "
                                 "(or as UTF-16 with its byte order mark)")
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
    text = text.removeprefix("\ufeff")
    if is_invisible_only(text):
        raise InputError(origin, "empty file (no visible text)")
    return text
