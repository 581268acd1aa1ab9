"""Bundled scenarios by id: `trainer check stationsplein` finds the file, wherever the trainer is installed.

Every command that takes a scenario file also takes a bundled id. A path that exists always wins, so a file
named like an id in the current folder is never shadowed; only a bare id (lower case, digits, `_`) that is no
file is looked up among the bundled scenarios. The `$schema` modeline of a file written elsewhere (a copy, a
scaffold) is rewritten so the editor still finds the schema from the file's new place.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from trainer.commands.common import UserError
from trainer.paths import bundled_scenarios, scenarios_dir

ID_PATTERN = re.compile(r"[a-z][a-z0-9_]{0,63}")
SCHEMA_FILE = "scenario.schema.json"
MODELINE_PREFIX = "# yaml-language-server: $schema="


def bundled_by_id() -> dict[str, Path]:
    """The bundled scenario files by id (a bundled file's name is its id: the test suite checks it)."""
    return {path.stem: path for path in bundled_scenarios()}


def unknown_id(name: str) -> UserError:
    ids = ", ".join(bundled_by_id()) or "-"
    return UserError(
        f"onbekend scenario '{name}': geen bestand en geen meegeleverd scenario "
        f"(tip: een pad naar een .yaml-bestand, of een van: {ids}; lijst: trainer scenarios)",
        f"unknown scenario '{name}': no such file and no bundled scenario "
        f"(hint: a path to a .yaml file, or one of: {ids}; list: trainer scenarios)",
    )


def resolve(arg: str) -> str:
    """The file for a command's scenario argument: a path as given, or the bundled scenario with that id."""
    if Path(arg).exists() or not ID_PATTERN.fullmatch(arg):
        return arg  # a path (missing files are reported by the loader, with the name the author typed)
    found = bundled_by_id().get(arg)
    if found is None:
        raise unknown_id(arg)
    return str(found)


def schema_reference(folder: Path) -> str:
    """How a file in `folder` names the bundled schema: relative where both live in one project tree (a
    source checkout, shared with colleagues through Git), absolute otherwise (an installed trainer)."""
    schema = (scenarios_dir() / SCHEMA_FILE).resolve()
    folder = folder.resolve()
    if folder == schema.parent:
        return SCHEMA_FILE
    project = schema.parent.parent
    if folder.is_relative_to(project):
        return Path(os.path.relpath(schema, folder)).as_posix()
    return schema.as_posix()


def with_modeline(text: str, folder: Path) -> str:
    """`text` with its first line the modeline that works for a file in `folder` (added if missing)."""
    line = MODELINE_PREFIX + schema_reference(folder)
    first, newline, rest = text.partition("\n")
    if first.startswith(MODELINE_PREFIX):
        return line + newline + rest
    return line + "\n" + text


def write_new(target: Path, text: str) -> None:
    """Write a new file; never overwrite one (the author's work would be lost)."""
    if target.exists():
        raise UserError(
            f"{target}: bestaat al; er is niets overschreven (tip: kies een andere map of naam)",
            f"{target}: already exists; nothing was overwritten (hint: choose another folder or name)",
        )
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("x", encoding="utf-8", newline="\n") as out:
            out.write(text)
    except FileExistsError:
        raise UserError(f"{target}: bestaat al; er is niets overschreven") from None
    except OSError as exc:
        raise UserError(
            f"{target}: kan niet schrijven ({exc.strerror})", f"{target}: cannot write ({exc.strerror})"
        ) from None
