"""`trainer new ID [MAP]`: a scaffold scenario that checks clean, to replace text by text.

The scaffold has every part an author needs once (a selection with two candidates and `niemand`, all four
kader steps on every route, a timer, a meter, one ending, the reflection and registration), and every text in
it says, in Dutch and English, what belongs there. Its `$schema` modeline points at the schema from wherever
the file is written, so the editor's completion works at once.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from trainer.commands.bundled import ID_PATTERN, with_modeline, write_new
from trainer.commands.common import UserError
from trainer.model.text import tr

TEMPLATE = "nieuw_scenario.yaml"


def scaffold(scenario_id: str, target: Path) -> str:
    """The scaffold's text for a file at `target`."""
    text = files("trainer.commands").joinpath("templates", TEMPLATE).read_text(encoding="utf-8")
    text = text.replace("__ID__", scenario_id).replace("__FILE__", target.as_posix())
    return with_modeline(text, target.parent)


def run(scenario_id: str, folder: str | None, lang: str) -> int:
    if not ID_PATTERN.fullmatch(scenario_id):
        shown = scenario_id.encode("unicode_escape").decode("ascii")
        raise UserError(
            f"ongeldig scenario-id '{shown}' (tip: kleine letters, cijfers en _, beginnend met een letter, "
            "hoogstens 64 tekens, bijv. fietser_zonder_licht; het id wordt ook de bestandsnaam)",
            f"invalid scenario id '{shown}' (hint: lower-case letters, digits and _, starting with a letter, "
            "at most 64 characters, e.g. cyclist_no_lights; the id is also the file name)",
        )
    where = Path(folder) if folder is not None else Path.cwd()
    if where.exists() and not where.is_dir():
        raise UserError(
            f"{where}: is een bestand, geen map (tip: geef de map waarin het scenario moet komen)",
            f"{where}: is a file, not a folder (hint: give the folder the scenario should go into)",
        )
    target = where / f"{scenario_id}.yaml"
    write_new(target, scaffold(scenario_id, target))
    print(
        tr(
            "nieuw scenario: {target}\n"
            "elke tekst erin zegt wat er moet komen; vervang ze een voor een "
            "(handleiding: scenarios/README.md)\n"
            "controleer na elke wijziging: trainer check {target}\n"
            "proberen zonder verslag: trainer play {target} --no-record",
            "new scenario: {target}\n"
            "every text in it says what belongs there; replace them one by one "
            "(guide: scenarios/README.md)\n"
            "check after every change: trainer check {target}\n"
            "try it without a record: trainer play {target} --no-record",
            lang,
        ).format(target=target)
    )
    return 0
