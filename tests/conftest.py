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


@pytest.fixture
def minimal_path() -> Path:
    return FIXTURES / "minimal.yaml"
