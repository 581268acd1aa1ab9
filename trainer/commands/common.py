"""Shared helpers for subcommands: loading with diagnostics, exit codes, user-facing errors."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from trainer.images import find_image, image_problem
from trainer.model.text import TwoLanguageError
from trainer.model.visible import visible
from trainer.records.fields import is_code

if TYPE_CHECKING:  # loading and checking are imported when used: the window's launch needs neither
    from trainer.model.diagnostics import Both, Diagnostic
    from trainer.model.loader import LoadedScenario

EXIT_OK, EXIT_FINDINGS, EXIT_BAD_INPUT = 0, 1, 2


@dataclass(frozen=True)
class RecordingOptions:
    """Where and under whom a run is recorded (None trainee: asked, or a default for headless runs)."""

    db: str | None
    trainee: str | None
    group: str | None
    server: str | None = None
    place: int | None = None  # casting: this laptop's place in the group, when the instructor hands them out


class UserError(TwoLanguageError):
    """A one-line message for the user (Dutch, and English when known); the CLI prints it and exits 2."""


def asset_checker(scenario_file: Path) -> Callable[[str], bool]:
    """Images may sit next to the scenario or in the bundled assets/images folder."""
    return lambda name: find_image(name, scenario_file) is not None


def asset_reader(scenario_file: Path) -> Callable[[str], Both | None]:
    """Why a found image cannot be drawn (None when it can)."""

    def problem(name: str) -> Both | None:
        path = find_image(name, scenario_file)
        return None if path is None else image_problem(path)

    return problem


def findings(loaded: LoadedScenario) -> list[Diagnostic]:
    from trainer.engine.checking import check
    from trainer.model.phrases import PhraseFileError, default_phrases

    try:
        phrases = default_phrases()
    except PhraseFileError as exc:  # an instructor's edit of the word list broke it: say where
        raise UserError(exc.nl, exc.en) from None
    where = Path(loaded.path)
    return check(loaded, asset_checker(where), phrases, asset_reader(where))


def load_clean(path: str, lang: str) -> LoadedScenario:
    """Load a scenario for playing; any error finding stops with the first one as a UserError."""
    from trainer.model.diagnostics import ScenarioError
    from trainer.model.loader import load_scenario

    try:
        loaded = load_scenario(path)
    except ScenarioError as exc:
        raise UserError(exc.diagnostics[0].format(lang)) from None
    errors = [d for d in findings(loaded) if d.severity == "error"]
    if errors:
        more = f" (+{len(errors) - 1} meer: trainer check {path})" if len(errors) > 1 else ""
        raise UserError(errors[0].format(lang) + more)
    return loaded


def print_err(message: str) -> None:
    print(visible(message, keep="\n"), file=sys.stderr)  # a message may quote a file's text


def print_out(line: str) -> None:
    """One line of output that may hold recorded or authored text: control characters are shown, not run."""
    print(visible(line))


def valid_code(code: str, what: str = "trainee-code") -> str:
    """Trainee codes and group labels: short, no spaces, nothing that looks like a full name by accident."""
    if not is_code(code):
        shown = code.encode("unicode_escape").decode("ascii")  # a typed escape sequence is shown, not run
        raise UserError(
            f"ongeldige {what} '{shown}' (tip: letters, cijfers, . _ -, hoogstens 32 tekens, "
            "bijv. A17 of ochtend-2026-11)",
            f"invalid {what} '{shown}' (hint: letters, digits, . _ -, at most 32 characters, "
            "e.g. A17 or morning-2026-11)",
        )
    return code
