from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"


@pytest.fixture
def examples_dir() -> Path:
    return EXAMPLES


def check_report_dict(d: dict) -> None:
    """Every produced report must validate against the published schema and the offset invariant."""
    from presslens.report import validate_report

    validate_report(d)


# ---------------------------------------------------------------- corpus store: one suite, two backends

import os  # noqa: E402

PG_ENV = "PRESSLENS_TEST_PG_URL"
PG_SKIP_REASON = f"PostgreSQL store tests skipped: set {PG_ENV} (e.g. postgresql://user@127.0.0.1:5432/db)"
_pg_skips: list[str] = []


def _reset_postgres(url: str) -> None:
    import psycopg

    with psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://"), autocommit=True) as conn:
        conn.execute("DROP SCHEMA IF EXISTS public CASCADE")
        conn.execute("CREATE SCHEMA public")


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, empty corpus database URL on each backend (PostgreSQL: the schema of $PRESSLENS_TEST_PG_URL
    is dropped and recreated, so point it at a throw-away database)."""
    if request.param == "sqlite":
        return str(tmp_path / "corpus.db")
    url = os.environ.get(PG_ENV)
    if not url:
        pytest.skip(PG_SKIP_REASON)
    _reset_postgres(url)
    return url


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo) -> object:  # type: ignore[type-arg]
    outcome = yield
    report = outcome.get_result()
    if report.skipped and PG_ENV in str(report.longrepr):
        _pg_skips.append(item.nodeid)
        if os.environ.get("CI") == "true":  # CI must run the PostgreSQL suite, not skip it
            report.outcome = "failed"
            report.longrepr = f"{PG_SKIP_REASON} (a skipped PostgreSQL test is a failure under CI=true)"
    return None


def pytest_terminal_summary(terminalreporter: object) -> None:
    if _pg_skips:
        tr = terminalreporter
        tr.write_line(f"NOTE: {len(_pg_skips)} tests: {PG_SKIP_REASON}",  # type: ignore
                      yellow=True, bold=True)
