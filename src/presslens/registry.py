"""The one model registry: where shipped models live, what each one is, and loading each once per process.

Every model presslens ships is a folder under ``presslens/models/`` holding its files and a ``spec.json``
(:class:`ModelSpec`): the model's name and version, the sha256 of each of its files and the fingerprint of
the shared encoder it was trained on (null for models that do not read encoder outputs, and for the encoder
itself). :class:`ModelRegistry` checks a folder against its spec before loading it: a missing file, a file
whose sha256 differs from the spec, or a head trained on another encoder raises :class:`ModelLoadError`
naming the file and what did not match. A registry loads each model once (thread-safe) and hands the same
object to every analyzer; :meth:`ModelRegistry.default` is the process-wide registry over the shipped
models.

How a model folder becomes a Python object is registered by the module that owns the model, with
:func:`model_loader`. This module is also the only place that knows the models path (:data:`MODELS_DIR`),
hashes model files (:func:`file_sha256`), fingerprints the shared encoder (:func:`encoder_fingerprint`) and
creates onnxruntime sessions (:func:`onnx_session`, with onnxruntime's telemetry switched off: analysis
makes no network call).
"""

from __future__ import annotations

import hashlib
import importlib
import json
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

MODELS_DIR = Path(__file__).resolve().parent / "models"
ENCODER_DIR = MODELS_DIR / "encoder"
ENCODER_ONNX = "minilm-l6-v2-first3.int8.onnx"
SPEC_NAME = "spec.json"

_telemetry_lock = threading.Lock()
_telemetry_off = False


class ModelLoadError(RuntimeError):
    """A model cannot be loaded: its folder, a file, a checksum or its encoder does not match its spec."""


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


# ---------------------------------------------------------------------------------------------------------
# Specs
# ---------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ModelSpec:
    """What a model folder must hold: recorded as ``spec.json`` next to the model's files."""

    name: str
    version: str
    files: dict[str, str]
    """File name (inside the folder) -> sha256 (hex)."""
    encoder_fingerprint: str | None
    """:func:`encoder_fingerprint` of the encoder the model was trained on (None: reads no encoder output)."""

    @classmethod
    def read(cls, folder: Path) -> ModelSpec:
        path = Path(folder) / SPEC_NAME
        if not path.is_file():
            raise ModelLoadError(f"model folder {folder} has no {SPEC_NAME}")
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return cls(
                name=str(data["name"]),
                version=str(data["version"]),
                files={str(k): str(v) for k, v in data["files"].items()},
                encoder_fingerprint=data.get("encoder_fingerprint"),
            )
        except (ValueError, KeyError, AttributeError, TypeError) as exc:
            raise ModelLoadError(f"{path} is not a valid model spec: {exc}") from exc

    @classmethod
    def of_folder(
        cls, folder: Path, name: str, version: str, files: list[str], encoder_fingerprint: str | None
    ) -> ModelSpec:
        """The spec of ``files`` as they are now in ``folder`` (training calls this, then :meth:`write`)."""
        hashes = {f: file_sha256(Path(folder) / f) for f in sorted(files)}
        return cls(name, version, hashes, encoder_fingerprint)

    def write(self, folder: Path) -> None:
        """Write ``spec.json`` into ``folder`` (temporary file, then rename)."""
        data = {
            "name": self.name,
            "version": self.version,
            "files": dict(sorted(self.files.items())),
            "encoder_fingerprint": self.encoder_fingerprint,
        }
        path = Path(folder) / SPEC_NAME
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
        os.replace(tmp, path)

    def provenance(self) -> dict[str, Any]:
        """``{"version", "files": {name: sha256}, "encoder_fingerprint"}`` for reports."""
        return {
            "version": self.version,
            "files": dict(self.files),
            "encoder_fingerprint": self.encoder_fingerprint,
        }

    def check(self, folder: Path, encoder: str | None) -> None:
        """Raise :class:`ModelLoadError` unless ``folder`` holds every file with its recorded sha256 and,
        for a model trained on encoder outputs, ``encoder`` (the fingerprint of the encoder it will run
        beside) is the one it was trained on."""
        for fname, expected in self.files.items():
            path = Path(folder) / fname
            if not path.is_file():
                raise ModelLoadError(f"model {self.name!r}: file {path} is missing")
            actual = file_sha256(path)
            if actual != expected:
                raise ModelLoadError(
                    f"model {self.name!r}: {path} has sha256 {actual[:16]}, but its {SPEC_NAME} records "
                    f"{expected[:16]} (the file changed after the model was trained; retrain or restore it)"
                )
        if self.encoder_fingerprint is not None and self.encoder_fingerprint != encoder:
            raise ModelLoadError(
                f"model {self.name!r} was trained on encoder {self.encoder_fingerprint}, but the encoder "
                f"here is {encoder}; its outputs would be meaningless (retrain the model on this encoder)"
            )


# ---------------------------------------------------------------------------------------------------------
# Loaders and the registry
# ---------------------------------------------------------------------------------------------------------

ModelLoader = Callable[[Path], Any]
_LOADERS: dict[str, ModelLoader] = {}
_LOADER_MODULES = ("presslens.encoder", "presslens.analyzers", "presslens.compare.claim_match")
"""Modules whose import registers the loaders of every shipped model."""


def model_loader(name: str) -> Callable[[ModelLoader], ModelLoader]:
    """Decorator registering how the model folder ``name`` becomes a Python object."""

    def deco(fn: ModelLoader) -> ModelLoader:
        _LOADERS[name] = fn
        return fn

    return deco


def _loader(name: str) -> ModelLoader:
    if name not in _LOADERS:
        for module in _LOADER_MODULES:
            importlib.import_module(module)
    try:
        return _LOADERS[name]
    except KeyError:
        raise ModelLoadError(f"no loader for model {name!r}; known: {', '.join(sorted(_LOADERS))}") from None


class ModelRegistry:
    """Model folders under ``root``, each checked against its spec and loaded once (thread-safe)."""

    def __init__(self, root: str | Path = MODELS_DIR, *, encoder_onnx: str = ENCODER_ONNX) -> None:
        self.root = Path(root)
        self.encoder_onnx = encoder_onnx
        self._lock = threading.Lock()
        self._name_locks: dict[str, threading.Lock] = {}
        self._models: dict[str, Any] = {}
        self._specs: dict[str, ModelSpec] = {}
        self._errors: dict[str, str] = {}

    @classmethod
    def default(cls) -> ModelRegistry:
        """The process-wide registry over the models shipped with presslens."""
        return _DEFAULT

    def folder(self, name: str) -> Path:
        return self.root / name

    def encoder_fingerprint(self) -> str | None:
        """Fingerprint of the encoder in this registry (None if its file is missing)."""
        path = self.folder("encoder") / self.encoder_onnx
        return encoder_fingerprint(path) if path.is_file() else None

    def spec(self, name: str) -> ModelSpec:
        """The spec of model ``name``, checked against its folder and encoder (or :class:`ModelLoadError`)."""
        if name in self._specs:
            return self._specs[name]
        folder = self.folder(name)
        if not folder.is_dir():
            raise ModelLoadError(f"model {name!r}: folder {folder} is missing")
        spec = ModelSpec.read(folder)
        if spec.name != name:
            raise ModelLoadError(f"model folder {folder} holds the spec of {spec.name!r}, not {name!r}")
        spec.check(folder, self.encoder_fingerprint() if spec.encoder_fingerprint is not None else None)
        self._specs[name] = spec
        return spec

    def get(self, name: str) -> Any:
        """The loaded model ``name``: checked against its spec and loaded on first use, then shared.

        Raises :class:`ModelLoadError` (every time) when the folder does not match its spec or fails to load.
        """
        if name in self._models:
            return self._models[name]
        with self._lock:
            lock = self._name_locks.setdefault(name, threading.Lock())
        with lock:
            if name in self._models:
                return self._models[name]
            if name in self._errors:
                raise ModelLoadError(self._errors[name])
            try:
                self.spec(name)
                model = _loader(name)(self.folder(name))
            except ModelLoadError as exc:
                self._errors[name] = str(exc)
                raise
            except Exception as exc:  # a loader failing on a file that matched its checksum: corrupt model
                self._errors[name] = f"model {name!r} failed to load from {self.folder(name)}: {exc}"
                raise ModelLoadError(self._errors[name]) from exc
            self._models[name] = model
            return model

    def provenance(self, name: str) -> dict[str, Any]:
        """``{"version", "files": {name: sha256}, "encoder_fingerprint"}`` of model ``name``."""
        return self.spec(name).provenance()


_DEFAULT = ModelRegistry()
