"""`trainer scenarios [--copy ID MAP]`: the bundled scenarios with their paths, or a copy to start from."""

from __future__ import annotations

from pathlib import Path

from trainer.commands.bundled import bundled_by_id, unknown_id, with_modeline, write_new
from trainer.commands.common import UserError, print_out
from trainer.model.diagnostics import ScenarioError
from trainer.model.loader import load_scenario
from trainer.model.text import tr
from trainer.paths import scenarios_dir


def run(copy: list[str] | None, lang: str) -> int:
    if copy is not None:
        return _copy(copy[0], Path(copy[1]), lang)
    files = bundled_by_id()
    if not files:
        raise UserError(
            f"geen meegeleverde scenario's gevonden in {scenarios_dir()}",
            f"no bundled scenarios found in {scenarios_dir()}",
        )
    width = max(len(i) for i in files)
    print(
        tr("{id:<{w}}  duur    titel (nl / en)", "{id:<{w}}  length  title (nl / en)", lang).format(
            id="id", w=width
        )
    )
    for scenario_id, path in files.items():
        try:
            scenario = load_scenario(path).scenario
            minutes = f"{scenario.duration_minutes} min"
            title = f"{scenario.title.nl} / {scenario.title.en or scenario.title.nl}"
        except ScenarioError as exc:  # a broken bundled file is listed, with what is wrong, not hidden
            minutes, title = "?", exc.diagnostics[0].format(lang)
        print_out(f"{scenario_id:<{width}}  {minutes:<6}  {title}")
        print_out(f"{'':<{width}}  {'':<6}  {path}")
    print(
        tr(
            "\n{n} scenario's. Gebruik een id waar een bestand gevraagd wordt (trainer check {first}); "
            "een eigen kopie om mee te beginnen: trainer scenarios --copy ID MAP",
            "\n{n} scenarios. Use an id wherever a file is asked for (trainer check {first}); "
            "your own copy to start from: trainer scenarios --copy ID FOLDER",
            lang,
        ).format(n=len(files), first=next(iter(files)))
    )
    return 0


def _copy(scenario_id: str, folder: Path, lang: str) -> int:
    source = bundled_by_id().get(scenario_id)
    if source is None:
        raise unknown_id(scenario_id)
    if folder.exists() and not folder.is_dir():
        raise UserError(
            f"{folder}: is een bestand, geen map (tip: geef de map waarin de kopie moet komen)",
            f"{folder}: is a file, not a folder (hint: give the folder the copy should go into)",
        )
    target = folder / source.name
    write_new(target, with_modeline(source.read_text(encoding="utf-8"), folder))
    print(
        tr(
            "gekopieerd naar {target}\ncontroleer na elke wijziging: trainer check {target}\n"
            "tip: geef je versie een eigen id (gelijk aan de bestandsnaam) en verhoog 'version' bij een "
            "wezenlijke wijziging",
            "copied to {target}\ncheck after every change: trainer check {target}\n"
            "hint: give your version its own id (equal to the file name) and raise 'version' after a "
            "substantial change",
            lang,
        ).format(target=target)
    )
    return 0
