"""The one model registry: where shipped models live, their file hashes and the encoder they belong to.

Every model presslens ships is a folder under ``presslens/models/``. This module is the only place that
knows that path (:data:`MODELS_DIR`), hashes model files (:func:`file_sha256`), fingerprints the shared
encoder (:func:`encoder_fingerprint`) and creates onnxruntime sessions (:func:`onnx_session`, with
onnxruntime's telemetry switched off: analysis makes no network call).
"""

from __future__ import annotations

import hashlib
import threading
from functools import lru_cache
from pathlib import Path
from typing import Any

MODELS_DIR = Path(__file__).resolve().parent / "models"
ENCODER_DIR = MODELS_DIR / "encoder"
ENCODER_ONNX = "minilm-l6-v2-first3.int8.onnx"

_telemetry_lock = threading.Lock()
_telemetry_off = False


def model_dir(name: str) -> Path:
    """The folder of the shipped model ``name`` (e.g. ``"claims"``)."""
    return MODELS_DIR / name


@lru_cache(maxsize=64)
def _sha256_cached(path: str, size: int, mtime_ns: int) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def file_sha256(path: str | Path) -> str:
    """sha256 of a file (hex), remembered per path, size and modification time."""
    st = Path(path).stat()
    return _sha256_cached(str(Path(path).resolve()), st.st_size, st.st_mtime_ns)


def encoder_fingerprint(onnx_path: str | Path | None = None) -> str:
    """The shared encoder's fingerprint: the first 16 hex digits of its ONNX file's sha256.

    Every head trained on the encoder's outputs records this value; loading it beside another encoder fails.
    """
    return file_sha256(onnx_path or ENCODER_DIR / ENCODER_ONNX)[:16]


def disable_onnx_telemetry() -> None:
    """Switch off onnxruntime's telemetry events (once per process; a no-op where the build has none)."""
    global _telemetry_off
    with _telemetry_lock:
        if _telemetry_off:
            return
        import onnxruntime as ort

        fn = getattr(ort, "disable_telemetry_events", None)
        if fn is not None:
            fn()
        _telemetry_off = True


def onnx_session(path: str | Path, options: Any = None) -> Any:
    """An onnxruntime CPU session for ``path`` with telemetry off; ``options`` are ``ort.SessionOptions``."""
    import onnxruntime as ort

    disable_onnx_telemetry()
    return ort.InferenceSession(str(path), options or ort.SessionOptions(), providers=["CPUExecutionProvider"])
