"""The conftest hook: PostgreSQL store tests are skipped loudly without a server, and fail under CI=true."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _run(ci: bool) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PRESSLENS_TEST_PG_URL", "CI")}
    if ci:
        env["CI"] = "true"
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/test_store.py", "-k",
         "adding_twice"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)


def test_skipped_postgresql_is_reported_and_fails_under_ci() -> None:
    local = _run(ci=False)
    assert local.returncode == 0, local.stdout
    assert local.stdout.startswith(".s")  # sqlite passed, postgresql skipped
    assert "PostgreSQL store tests skipped: set PRESSLENS_TEST_PG_URL" in local.stdout
    ci = _run(ci=True)
    assert ci.returncode == 1, ci.stdout
    assert ci.stdout[:2] in (".E", ".F")  # the skip (in the fixture) is reported as an error
    assert "a skipped PostgreSQL test is a failure under CI=true" in ci.stdout
