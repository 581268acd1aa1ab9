"""Shared test setup. SDL runs headless: set before anything imports pygame."""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pytest  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
SCENARIOS = ROOT / "scenarios"
PLANS = ROOT / "tests" / "plans"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        help="rewrite every golden deliberately: PNG snapshots and debrief sheets (then read the diff)",
    )


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    """True when the run was asked to rewrite goldens (`pytest --update-goldens` from the repository root)."""
    return bool(request.config.getoption("--update-goldens"))


@pytest.fixture
def minimal_path() -> Path:
    return FIXTURES / "minimal.yaml"


@pytest.fixture(autouse=True)
def _own_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test has its own settings folder: the player's volume or tempo never lands in the user's."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


@pytest.fixture(autouse=True)
def records_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test records into its own database, never the user's (subprocesses inherit TRAINER_DB)."""
    path = tmp_path / "records.sqlite3"
    monkeypatch.setenv("TRAINER_DB", str(path))
    return path


@pytest.fixture(scope="session")
def pg_server():  # type: ignore[no-untyped-def]
    """A real PostgreSQL server for the whole test run (see tests/pgserver.py)."""
    from tests.pgserver import remove_server, start_server

    try:
        server = start_server()
    except (RuntimeError, OSError) as exc:
        if os.environ.get("CI") == "true":
            raise
        pytest.skip(f"PostgreSQL-tests overgeslagen / skipped: {exc}")
    yield server
    remove_server(server)
