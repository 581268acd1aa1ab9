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
        "trainer.engine.perspective",
        "trainer.i18n.roundtrip",
        "trainer.commands.i18n_cmd",
        "trainer.commands.diff_cmd",
        "trainer.xapi.export",
        "trainer.xapi.lrs",
        "trainer.commands.xapi_cmd",
        "trainer.commands.lead_cmd",  # bad input is said before pygame is loaded
        "debrief.live",
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


def test_the_app_and_its_screens_do_no_io_of_their_own() -> None:
    """The window's App gets its sessions from an injected source: it never imports the records layer or the
    file loader's entry points, and screens import neither the engine's Session nor the records."""
    import ast

    from tests.conftest import ROOT

    def imported(path: str) -> set[str]:
        tree = ast.parse((ROOT / path).read_text(encoding="utf-8"))
        names = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module:
                names |= {f"{node.module}.{a.name}" for a in node.names} | {node.module}
            elif isinstance(node, ast.Import):
                names |= {a.name for a in node.names}
        return names

    app = imported("trainer/ui/app.py")
    assert not {n for n in app if n.startswith("trainer.records")}, app
    assert "trainer.model.loader.load_scenario" not in app
    for screen in (ROOT / "trainer/ui/screens").glob("*.py"):
        names = imported(str(screen.relative_to(ROOT)))
        assert not {n for n in names if n.startswith(("trainer.records", "trainer.engine.session"))}, screen


def test_the_console_window_reads_and_writes_nothing_itself() -> None:
    """`trainer lead`'s window gets a LeadSource (trainer/commands/lead_source.py): its modules open no
    database, start no watch and import no command."""
    import ast

    from tests.conftest import ROOT

    io = ("sqlite3", "psycopg", "trainer.records.store", "trainer.records.watch", "trainer.records.server")
    for module in (ROOT / "trainer/ui/lead").glob("*.py"):
        tree = ast.parse(module.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = (
                [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else []
            )
            bad = [n for n in names if n.startswith(io) or n.startswith("trainer.commands")]
            assert not bad, (module.name, bad)
