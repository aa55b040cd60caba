"""Keep presslens offline: settings that must be in place before any library that might phone home loads.

onnxruntime (1.17 to at least 1.32) starts its telemetry when it is *imported*: it creates a device id and an
event database under ``~/.cache/Microsoft/DeveloperTools/.onnxruntime/`` and may try to reach its collector.
``ort.disable_telemetry_events()`` (see :func:`presslens.registry.disable_onnx_telemetry`) stops the events
of sessions created later but not that start-up work; the ``ORT_DISABLE_TELEMETRY`` environment variable,
read at import, stops all of it. ``presslens/__init__.py`` imports this module first, so the variable is
set before any presslens module imports onnxruntime. An explicit ``ORT_DISABLE_TELEMETRY=0`` from the user
is respected.
"""

from __future__ import annotations

import os

OFFLINE_ENVIRONMENT = {"ORT_DISABLE_TELEMETRY": "1"}
"""Environment variables presslens sets (unless already set) so that no dependency phones home."""


def apply_offline_environment() -> None:
    """Set :data:`OFFLINE_ENVIRONMENT` in this process (and so in its children), keeping values already set."""
    for key, value in OFFLINE_ENVIRONMENT.items():
        os.environ.setdefault(key, value)


apply_offline_environment()
