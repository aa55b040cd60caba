"""The analyzer contract: an article and shared features in, findings and labels out.

Every analyzer is a small class under ``presslens.analyzers`` registered by name with :func:`register`.
Lifecycle: :meth:`Analyzer.load` takes its models from a :class:`~presslens.registry.ModelRegistry` (each
model loaded once per process and shared) and sets :attr:`Analyzer.status`; :meth:`Analyzer.analyze` then
runs per article (it loads lazily if :meth:`~Analyzer.load` was never called). Analyzers are pure: no I/O
except loading their models through the registry, no network.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar, Literal, Protocol

import numpy as np

from presslens.article import Article, Finding
from presslens.registry import ModelRegistry

if TYPE_CHECKING:
    from presslens.encoder import Encoded, SentenceEncoder

AnalyzerStatus = Literal["ok", "degraded", "error"]


class PendingEncoding(Protocol):
    """An encoder pass started elsewhere: a ``concurrent.futures.Future`` or an ``EncodingJob``."""

    def result(self) -> Encoded: ...


class Features:
    """Shared, lazily computed features of one article (the analogue of spaCy's ``Doc``).

    ``sentence_embeddings`` runs the shared encoder once per article; every analyzer reuses the
    result. ``findings`` holds what earlier analyzers produced, by analyzer name.

    ``pending_encoding`` is an encoder pass already started elsewhere (the pipeline encodes the next
    articles of a batch in the background while analyzers run on this one); ``encoded`` waits for it
    instead of encoding again.
    """

    def __init__(
        self,
        article: Article,
        encoder: SentenceEncoder | None = None,
        *,
        pending_encoding: PendingEncoding | None = None,
    ) -> None:
        self.article = article
        self._encoder = encoder
        self._encoded: Encoded | None = None
        self._pending = pending_encoding
        self.encoder_seconds = 0.0
        """Wall time this article's callers spent running or waiting for the encoder pass."""
        self.findings: dict[str, list[Finding]] = {}
        self.labels: dict[str, dict[str, Any]] = {}

    @property
    def encoder(self) -> SentenceEncoder:
        if self._encoder is None:
            from presslens.encoder import SentenceEncoder

            self._encoder = SentenceEncoder.default()
        return self._encoder

    @property
    def encoded(self) -> Encoded:
        """The single encoder pass over every sentence: embeddings plus token states and offsets."""
        if self._encoded is None:
            t0 = time.perf_counter()
            try:
                if self._pending is not None:
                    self._encoded = self._pending.result()
                else:
                    self._encoded = self.encoder.run(self.article.sentence_texts())
            finally:
                self._pending = None
                self.encoder_seconds += time.perf_counter() - t0
        return self._encoded

    @property
    def sentence_embeddings(self) -> np.ndarray:
        """L2-normalised embeddings, one row per ``article.sentences`` entry, computed once."""
        return self.encoded.sentence_embeddings

    def prior(self, analyzer: str, kind: str | None = None) -> list[Finding]:
        """Findings of an analyzer that already ran (see :attr:`Analyzer.requires`)."""
        found = self.findings.get(analyzer, [])
        return [f for f in found if kind is None or f.kind == kind]


@dataclass
class AnalyzerOutput:
    findings: list[Finding] = field(default_factory=list)
    labels: dict[str, dict[str, Any]] = field(default_factory=dict)


class AnalyzerError(RuntimeError):
    """An analyzer cannot run: a required model failed to load (see :attr:`Analyzer.status_message`)."""


class AnalyzerOptionError(ValueError):
    """An analyzer option with an unknown name or a value it does not allow (the message is one line)."""


@dataclass(frozen=True)
class AnalyzerOption:
    """A named setting an analyzer declares (:attr:`Analyzer.options`), set per pipeline as
    ``"ANALYZER.NAME": VALUE`` (:attr:`presslens.pipeline.PipelineConfig.options`, ``--option`` on the CLI)."""

    name: str
    """The name within the analyzer (the public key is ``"<analyzer>.<name>"``)."""
    choices: tuple[str, ...]
    """The values allowed."""
    default: str
    """The value when the option is not set (one of :attr:`choices`)."""
    help: str
    """One line: what the option does."""


class Analyzer:
    """Base class. Subclasses set the class attributes and implement :meth:`analyze`.

    An analyzer with models lists them in :attr:`models` (names in the model registry) and reads them in
    :meth:`analyze` with :meth:`model`, after calling :meth:`ensure_loaded`.
    """

    name: ClassVar[str] = ""
    version: ClassVar[str] = "0"
    languages: ClassVar[frozenset[str]] = frozenset({"en"})
    """ISO 639-1 codes this analyzer supports; ``{"*"}`` means any language."""
    requires: ClassVar[tuple[str, ...]] = ()
    """Analyzers whose findings this one reads from :class:`Features` (they run first)."""
    uses_encoder: ClassVar[bool] = False
    """Whether :meth:`analyze` reads ``features.encoded`` / ``features.sentence_embeddings`` (the
    pipeline then encodes the next articles of a batch ahead of time)."""
    description: ClassVar[str] = ""
    models: ClassVar[tuple[str, ...]] = ()
    """Names of the registry models this analyzer loads (empty for rule-only analyzers)."""
    optional_models: ClassVar[frozenset[str]] = frozenset()
    """Models it can run without, with less recall or precision: missing, they make the status
    ``"degraded"`` instead of ``"error"``."""
    options: ClassVar[tuple[AnalyzerOption, ...]] = ()
    """The settings this analyzer declares (experimental alternatives, off by default); read with :meth:`option`."""
    settings: Mapping[str, str] = {}
    """The values :func:`create` set for :attr:`options` by their short name (only those set; read :meth:`option`)."""

    # Lifecycle state: class-level defaults, replaced per instance by load() (so subclasses need no __init__).
    status: AnalyzerStatus | None = None
    """``"ok"``, ``"degraded"`` (an optional model failed) or ``"error"`` (a required one failed) after
    :meth:`load`; None before."""
    status_message: str | None = None
    """Why the status is not ``"ok"`` (the registry's messages), else None."""
    _loaded: dict[str, Any] = {}
    _provenance: dict[str, dict[str, Any]] = {}
    _load_lock: ClassVar[threading.Lock] = threading.Lock()

    def load(self, models: ModelRegistry | None = None) -> None:
        """Load this analyzer's models from ``models`` (default: the process-wide registry) and set
        :attr:`status` and :attr:`status_message`. Never raises: a failure is reported in the status."""
        registry = models if models is not None else ModelRegistry.default()
        loaded: dict[str, Any] = {}
        provenance: dict[str, dict[str, Any]] = {}
        problems: list[str] = []
        status: AnalyzerStatus = "ok"
        for name in self.models:
            try:
                loaded[name] = registry.get(name)
                provenance[name] = registry.provenance(name)
            except Exception as exc:  # ModelLoadError, or anything a broken install raises
                problems.append(str(exc))
                status = "degraded" if name in self.optional_models and status != "error" else "error"
        with self._load_lock:
            self._loaded = loaded
            self._provenance = provenance
            self.status_message = "; ".join(problems) or None
            self.status = status

    def ensure_loaded(self) -> None:
        """:meth:`load` from the default registry if nobody has; raise :class:`AnalyzerError` when a
        required model is unusable (status ``"error"``)."""
        if self.status is None:
            self.load()  # two threads may both load: the registry still loads each model once
        if self.status == "error":
            raise AnalyzerError(f"analyzer {self.name!r} cannot run: {self.status_message}")

    def model(self, name: str) -> Any:
        """The loaded model ``name`` (one of :attr:`models`), or None if it failed to load."""
        return self._loaded.get(name)

    def model_provenance(self) -> dict[str, Any]:
        """``{"models": {name: {"version", "files": {file: sha256}, "encoder_fingerprint"}}}`` of the models
        loaded; an empty dict for an analyzer without models."""
        if not self.models:
            return {}
        if self.status is None:
            self.load()
        return {"models": {name: dict(p) for name, p in self._provenance.items()}}

    def option(self, name: str) -> str:
        """The value of the declared option ``name``: the one set at :func:`create`, else its default."""
        for opt in self.options:
            if opt.name == name:
                return self.settings.get(name, opt.default)
        raise KeyError(f"analyzer {self.name!r} declares no option {name!r}")

    def supports(self, language: str | None) -> bool:
        if "*" in self.languages:
            return True
        # Undetected language (very short text): try anyway rather than stay silent.
        return language is None or language in self.languages

    def analyze(self, features: Features) -> AnalyzerOutput:  # pragma: no cover - interface
        raise NotImplementedError


_REGISTRY: dict[str, Callable[[], Analyzer]] = {}
DEFAULT_ORDER: list[str] = []


def register(name: str, *, default: bool = True) -> Callable[[type[Analyzer]], type[Analyzer]]:
    """Class decorator registering an analyzer factory under ``name``."""

    def deco(cls: type[Analyzer]) -> type[Analyzer]:
        cls.name = name
        _REGISTRY[name] = cls
        if default and name not in DEFAULT_ORDER:
            DEFAULT_ORDER.append(name)
        return cls

    return deco


def registered_names() -> list[str]:
    from presslens import analyzers  # noqa: F401  (import registers the built-in analyzers)

    return sorted(_REGISTRY)


def create(name: str, options: Mapping[str, str] | None = None) -> Analyzer:
    """A new analyzer ``name``; ``options`` sets its declared options by short name (``{"scorer": "learned"}``).
    Raises :class:`AnalyzerOptionError` for an option it does not declare or a value it does not allow."""
    registered_names()
    try:
        factory = _REGISTRY[name]
    except KeyError:
        raise KeyError(f"unknown analyzer {name!r}; known: {', '.join(sorted(_REGISTRY))}") from None
    analyzer = factory()
    if options:
        declared = {o.name: o for o in analyzer.options}
        for key, value in options.items():
            _check_option(f"{name}.{key}", declared.get(key), value)
        analyzer.settings = dict(options)
    return analyzer


def _check_option(key: str, opt: AnalyzerOption | None, value: str) -> None:
    if opt is None:
        raise AnalyzerOptionError(f"unknown analyzer option {key!r}; known: {', '.join(all_options()) or 'none'}")
    if value not in opt.choices:
        raise AnalyzerOptionError(f"analyzer option {key!r} does not allow {value!r}; allowed: {', '.join(opt.choices)}")


def all_options() -> dict[str, AnalyzerOption]:
    """Every declared option of the registered analyzers, by public key ``"<analyzer>.<name>"``, sorted."""
    registered_names()
    return {f"{n}.{o.name}": o for n in sorted(_REGISTRY) for o in getattr(_REGISTRY[n], "options", ())}


def split_options(options: Mapping[str, str]) -> dict[str, dict[str, str]]:
    """``{"attribution.scorer": "learned"}`` -> ``{"attribution": {"scorer": "learned"}}``, checked: an unknown
    analyzer, option or value raises :class:`AnalyzerOptionError` (one line). Options set to their default
    are kept (they change nothing)."""
    known = all_options()
    out: dict[str, dict[str, str]] = {}
    for key, value in options.items():
        _check_option(key, known.get(key), value)
        analyzer, _, short = key.partition(".")
        out.setdefault(analyzer, {})[short] = value
    return out


def parse_option(text: str) -> tuple[str, str]:
    """``"NAME=VALUE"`` (the CLI's ``--option``) as ``(NAME, VALUE)``, checked against the declared options."""
    key, sep, value = text.partition("=")
    key, value = key.strip(), value.strip()
    if not sep or not key:
        raise AnalyzerOptionError(f"--option {text!r}: expected NAME=VALUE, e.g. attribution.scorer=learned")
    split_options({key: value})
    return key, value


def resolve_order(names: Iterable[str]) -> list[str]:
    """Topologically order ``names`` and add the analyzers they require.

    Where the requirements leave the order open, analyzers that do not read the encoder pass come first
    (otherwise in the order given): in a batch they run while the article's encoding may still be finishing
    in the background (``bench/analyzer_order.py``: a small gain, see docs/PERFORMANCE.md).
    """
    registered_names()
    names = sorted(names, key=lambda n: bool(getattr(_REGISTRY.get(n), "uses_encoder", True)))
    order: list[str] = []
    visiting: set[str] = set()

    def visit(n: str) -> None:
        if n in order:
            return
        if n in visiting:
            raise ValueError(f"analyzer dependency cycle at {n!r}")
        if n not in _REGISTRY:
            raise KeyError(f"unknown analyzer {n!r}; known: {', '.join(sorted(_REGISTRY))}")
        visiting.add(n)
        for dep in getattr(_REGISTRY[n], "requires", ()):
            visit(dep)
        visiting.discard(n)
        order.append(n)

    for n in names:
        visit(n)
    return order
