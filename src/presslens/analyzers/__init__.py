"""Built-in analyzers. Importing this package registers them (see :mod:`presslens.analyzers.base`)."""

from presslens.analyzers import attribution, claims, figures, techniques, violence  # noqa: F401
from presslens.analyzers.base import (
    DEFAULT_ORDER,
    Analyzer,
    AnalyzerError,
    AnalyzerOutput,
    AnalyzerStatus,
    Features,
    create,
    register,
    registered_names,
    resolve_order,
)

__all__ = [
    "DEFAULT_ORDER",
    "Analyzer",
    "AnalyzerError",
    "AnalyzerOutput",
    "AnalyzerStatus",
    "Features",
    "create",
    "register",
    "registered_names",
    "resolve_order",
]
