"""`trainer lead`: bad input ends in one line and exit code 2, before any window opens."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.test_commands import trainer


def _one_line(result: object) -> str:
    stderr: str = result.stderr  # type: ignore[attr-defined]
    assert result.returncode == 2, stderr  # type: ignore[attr-defined]
    assert stderr.count("\n") == 1 and "Traceback" not in stderr, stderr
    return stderr


def test_a_bad_group_label(records_db: Path) -> None:
    assert "ongeldige groepslabel" in _one_line(trainer("lead", "--group", "ochtend groep!"))


def test_no_records_here(tmp_path: Path) -> None:
    missing = tmp_path / "nergens.sqlite3"
    said = _one_line(trainer("lead", "--group", "ochtend", "--db", str(missing)))
    assert str(missing) in said and "hier is geen database met verslagen" in said
    assert not missing.exists()  # never an empty database made by looking


@pytest.mark.parametrize("size", ["12x5", "1280", "groot", "320x200"])
def test_a_bad_size(size: str) -> None:
    assert f"ongeldige grootte '{size}'" in _one_line(trainer("lead", "--group", "ochtend", "--size", size))


def test_a_server_that_is_not_there() -> None:
    said = _one_line(
        trainer("lead", "--group", "ochtend", "--server", "postgresql://trainer@127.0.0.1:1/trainer")
    )
    assert "127.0.0.1" in said


def test_usage_errors_in_english_too() -> None:
    assert "--group" in _one_line(trainer("lead"))
    both = trainer("lead", "--group", "g", "--one-laptop", "--votes")
    assert "not allowed with" in _one_line(both) or "niet samen" in both.stderr
    english = _one_line(trainer("--lang", "en", "lead", "--group", "g", "--size", "tiny"))
    assert "invalid size 'tiny'" in english
