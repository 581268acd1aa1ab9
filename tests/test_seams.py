"""Architecture seams: the pure packages never import pygame."""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.parametrize(
    "module",
    [
        "trainer.model",
        "trainer.engine",
        "trainer.cli",
        "trainer.engine.routes",
        "trainer.engine.plan",
        "debrief",
        "debrief.summary",
        "debrief.render",
        "trainer.commands.debrief_cmd",
        "trainer.commands.play_cmd",  # play --text runs where no display or pygame is wanted
        "trainer.ui.perspective",
    ],
)
def test_pure_packages_do_not_import_pygame(module: str) -> None:
    code = f"import sys, {module}; assert 'pygame' not in sys.modules, 'pygame imported'"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_engine_and_model_import_no_host_modules() -> None:
    code = (
        "import sys, trainer.model, trainer.engine; "
        "bad = [m for m in ('pygame', 'sqlite3', 'jinja2', 'trainer.commands') if m in sys.modules]; "
        "assert not bad, bad"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
