"""Arrays that grow by rows in place, and the clause vectors of figure mentions kept in one of them.

A per-group or per-mention array that grows by doubling with ``np.concatenate`` holds the old and the new buffer
side by side at every growth, and up to half of the new one unused: at 500,000 figure mentions that transient
was the peak memory of the grouping. :class:`GrowingRows` grows with ``ndarray.resize`` instead (``realloc``:
large buffers are remapped, not copied) by :data:`GROWTH` of its rows at a time. No view of its buffer may be
kept across an :meth:`GrowingRows.append` (the buffer may move); read rows by fancy indexing or copy them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, MutableMapping

import numpy as np

GROWTH = 32
"""A full buffer grows by 1/GROWTH of its rows (at least 16). The new rows are zero-filled, so they are resident
memory at once: growing by a quarter left up to a fifth of the clause and outcome vector tables unused (at
500,000 mentions 534,351 rows for 500,000); by a 32nd it is under 3.2% (506,947), for about 250 ``realloc``
calls instead of 45 on the way there (a remap each, no copy)."""


class GrowingRows:
    """Rows (scalars, or vectors of ``width``) appended one at a time into a buffer that grows in place."""

    __slots__ = ("data", "used")

    def __init__(self, dtype: type[np.generic], width: int | None = None) -> None:
        self.data: np.ndarray = np.zeros((0,) if width is None else (0, width), dtype)
        """The buffer: rows ``[0, used)`` are in use, the rest are zeros. Do not keep a view of it."""
        self.used = 0

    def append(self, value: float | np.ndarray = 0) -> int:
        """Store ``value`` in a new row; returns the row's index."""
        if self.used == self.data.shape[0]:
            self.data.resize((self.used + max(16, self.used // GROWTH), *self.data.shape[1:]), refcheck=False)
        self.data[self.used] = value
        self.used += 1
        return self.used - 1

    def truncate(self, used: int) -> None:
        """Keep the first ``used`` rows and release the rest of the buffer."""
        self.data.resize((used, *self.data.shape[1:]), refcheck=False)
        self.used = used


class VectorTable(MutableMapping[str, np.ndarray]):
    """Mention id -> clause vector (float16, as the grouper keeps them), all in one :class:`GrowingRows`.

    Reading a vector gives a copy (the buffer moves as it grows). Setting a vector for an id that already has
    one stores it in a new row, and deleting an id leaves its row in place: a figure group with a single
    vector reads that row (:meth:`slot`, :attr:`rows`) instead of keeping a copy, and must keep seeing the
    vector it was given. :meth:`compact` drops the rows no id uses when no group reads them any more.
    """

    def __init__(self, items: Iterable[tuple[str, np.ndarray]] = (), *,
                 dtype: type[np.generic] = np.float16, recent: int = 0) -> None:
        self.dtype = dtype
        """float16 for clause vectors; the outcome vectors are kept in float32 (their cosines feed the pair
        model, and one buffer instead of an array per mention is the saving there)."""
        if recent & (recent - 1):
            raise ValueError(f"recent must be 0 or a power of two, not {recent}")
        self._recent: np.ndarray | None = None
        """With ``recent`` > 0: the float32 cast of the last ``recent`` vectors stored (slot ``s`` at row
        ``s % recent``), made as each is stored, so that :meth:`gather_float32` copies the rows of recent slots
        instead of casting them again (the candidates of a figure are mostly groups opened lately)."""
        self._recent_size = recent
        self._recent_from = 0
        """The first slot whose float32 row :attr:`_recent` may hold (slots before it, or an emptied table's)."""
        self._slot: dict[str, int] = {}
        self._rows: GrowingRows | None = None
        self._finite = True
        """Whether every vector stored is finite (then :meth:`gather_float32` may use its bit-level cast)."""
        self._scratch: tuple[np.ndarray, np.ndarray] | None = None
        self._scratch32: np.ndarray | None = None
        for key, vector in items:
            self[key] = vector

    def __setitem__(self, key: str, vector: np.ndarray) -> None:
        vec = np.asarray(vector, dtype=self.dtype)
        if vec.ndim != 1:
            raise ValueError(f"clause vector of {key}: expected one row, got shape {vec.shape}")
        if self._rows is None:
            self._rows = GrowingRows(self.dtype, vec.shape[0])
        elif vec.shape[0] != self._rows.data.shape[1]:
            raise ValueError(f"clause vector of {key}: width {vec.shape[0]}, the others have "
                             f"{self._rows.data.shape[1]}")
        if self._finite and np.count_nonzero(np.isfinite(vec)) != len(vec):
            self._finite = False
        slot = self._rows.append(vec)
        self._slot[key] = slot
        if self._recent_size:
            if self._recent is None:
                self._recent = np.zeros((self._recent_size, vec.shape[0]), np.float32)
            self._recent[slot & (self._recent_size - 1)] = self._rows.data[slot]  # numpy's exact cast, once

    def __getitem__(self, key: str) -> np.ndarray:
        slot = self._slot[key]
        assert self._rows is not None  # a slot exists only once a vector was stored
        return self._rows.data[slot].copy()

    def get(self, key: str, default: np.ndarray | None = None) -> np.ndarray | None:  # type: ignore[override]
        return self[key] if key in self._slot else default

    def __delitem__(self, key: str) -> None:
        del self._slot[key]

    def __contains__(self, key: object) -> bool:
        return key in self._slot

    def __iter__(self) -> Iterator[str]:
        return iter(self._slot)

    def __len__(self) -> int:
        return len(self._slot)

    @property
    def finite(self) -> bool:
        """Whether every vector stored is finite (no infinity, no NaN)."""
        return self._finite

    def slot(self, key: str) -> int:
        """The row of ``key``'s vector in :attr:`rows` (valid until :meth:`compact`)."""
        return self._slot[key]

    @property
    def slots(self) -> Mapping[str, int]:
        """Id -> :meth:`slot`, for reading many (read only; valid until the next change of the table)."""
        return self._slot

    @property
    def rows(self) -> np.ndarray:
        """The buffer of all vectors (index it by :meth:`slot`; keep no view of it)."""
        return self._rows.data if self._rows is not None else np.zeros((0, 0), self.dtype)

    def gather_float32(self, slots: np.ndarray) -> np.ndarray:
        """The vectors at ``slots`` as float32 rows, exactly ``self.rows[slots].astype(np.float32)``.

        A view of a scratch buffer, valid until the next call. numpy's float16 cast runs one value at a time
        (hundreds of candidate groups per mention made it the hottest line of the grouping), so finite values
        are cast by their bits (:func:`signed_float16_bits_as_float32`: sign to bit 31, exponent and fraction
        shifted 13 bits, times 2**112; exact for normal and subnormal halves alike; checked for every finite
        float16 in the tests)."""
        if not self._finite or self._rows is None or self.dtype != np.float16:
            return self.rows[slots].astype(np.float32)
        n, width = len(slots), self._rows.data.shape[1]
        recent = self._recent
        if recent is not None and n and int(np.minimum.reduce(slots)) >= max(self._recent_from, self._rows.used - len(recent)):
            # every slot is among the last ``len(recent)`` stored: their float32 rows are kept, copy them
            if self._scratch32 is None or self._scratch32.shape[0] < n:
                self._scratch32 = np.empty((max(n, 1024), width), np.float32)
            return recent.take(slots & (len(recent) - 1), axis=0, out=self._scratch32[:n], mode="clip")
        if self._scratch is None or self._scratch[0].shape[0] < n:
            size = max(n, 1024)
            self._scratch = (np.empty((size, width), np.int16), np.empty((size, width), np.int32))
        half, bits = (a[:n] for a in self._scratch)
        # mode="clip": numpy writes straight into ``out`` (with the default "raise" it buffers a copy first);
        # every slot is a row of the buffer, so nothing is clipped
        self._rows.data.view(np.int16).take(slots, axis=0, out=half, mode="clip")
        return signed_float16_bits_as_float32(half, bits)

    def compact(self) -> None:
        """Move the vectors still in use to the front and release the rest (nothing may read old slots after)."""
        if self._rows is None or len(self._slot) == self._rows.used:
            return
        keys = sorted(self._slot, key=self._slot.__getitem__)
        order = np.fromiter((self._slot[k] for k in keys), dtype=np.int64, count=len(keys))
        self._rows.data[: len(keys)] = self._rows.data[order]
        self._rows.truncate(len(keys))
        self._recent_from = len(keys)  # the kept float32 rows are of the old slots
        self._slot = {k: i for i, k in enumerate(keys)}


_SIGN, _REST, _FRACTION_SHIFT, _SIGN_SHIFT = np.uint32(0x8000), np.uint32(0x7FFF), np.uint32(13), np.uint32(16)
_HALF_TO_SINGLE = np.float32(2.0**112)


def float16_bits_as_float32(half: np.ndarray, bits: np.ndarray, sign: np.ndarray) -> np.ndarray:
    """Finite float16 values given as their uint16 bits (``half``) as float32, into ``bits`` (uint32, same shape;
    ``sign`` is scratch): the same values numpy's cast gives, in a few vectorised integer passes."""
    np.copyto(bits, half)
    np.bitwise_and(bits, _SIGN, out=sign)
    np.left_shift(sign, _SIGN_SHIFT, out=sign)
    np.bitwise_and(bits, _REST, out=bits)
    np.left_shift(bits, _FRACTION_SHIFT, out=bits)
    np.bitwise_or(bits, sign, out=bits)
    single = bits.view(np.float32)
    np.multiply(single, _HALF_TO_SINGLE, out=single)
    return single


_SIGN_AND_REST = np.int32(-0x70000001)
"""``0x8FFFFFFF`` as an int32: the sign bit and the 28 bits a shifted float16 exponent and fraction use."""


def signed_float16_bits_as_float32(half: np.ndarray, bits: np.ndarray) -> np.ndarray:
    """:func:`float16_bits_as_float32` in fewer passes: finite float16 values given as their bits read as int16
    (``half``) as float32, into ``bits`` (int32, same shape). Widening int16 to int32 copies the sign bit into
    bits 15..31; shifted 13 bits left, a negative value then has bits 28..31 set and a positive one none of
    them, so masking bits 28..30 off leaves the sign at bit 31 above the exponent and fraction (the same bits
    as the sign-and-shift of :func:`float16_bits_as_float32`), and the product with 2**112 is the value."""
    np.copyto(bits, half)
    np.left_shift(bits, _FRACTION_SHIFT.astype(np.int32), out=bits)
    np.bitwise_and(bits, _SIGN_AND_REST, out=bits)
    single = bits.view(np.float32)
    np.multiply(single, _HALF_TO_SINGLE, out=single)
    return single
