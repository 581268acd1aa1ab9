"""`trainer check PATH...`: every diagnostic for files or folders of scenarios."""

from __future__ import annotations

import json
from pathlib import Path

from trainer.commands.common import EXIT_BAD_INPUT, EXIT_FINDINGS, EXIT_OK, findings
from trainer.model.diagnostics import Diagnostic, ScenarioError
from trainer.model.loader import load_scenario
from trainer.model.text import tr

_UNREADABLE = {"L001", "L002", "L003", "L004", "L005", "L006", "L007", "L008", "L010", "L011"}


def expand(paths: list[str]) -> list[Path]:
    """Files as given; folders become their *.yaml / *.yml files (a folder with none is reported)."""
    result: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted([*path.glob("*.yaml"), *path.glob("*.yml")])
            result.extend(found or [path])
        else:
            result.append(path)
    return result


def run(paths: list[str], lang: str, fmt: str) -> int:
    diagnostics: list[Diagnostic] = []
    unreadable = False
    files = expand(paths)
    for path in files:
        if path.is_dir():  # a folder that held no scenario files
            diagnostics.append(Diagnostic("L013", str(path), 1, 1))
            unreadable = True
            continue
        try:
            diagnostics.extend(findings(load_scenario(path)))
        except ScenarioError as exc:
            diagnostics.extend(exc.diagnostics)
            unreadable |= any(d.code in _UNREADABLE for d in exc.diagnostics)
    if fmt == "json":
        print(json.dumps([d.to_json(lang) for d in diagnostics], ensure_ascii=False, indent=2))
    else:
        for d in diagnostics:
            print(d.format(lang))
        errors = sum(d.severity == "error" for d in diagnostics)
        warnings = len(diagnostics) - errors
        summary = tr(
            "{files} bestand(en) gecontroleerd: {errors} fout(en), {warnings} waarschuwing(en)",
            "{files} file(s) checked: {errors} error(s), {warnings} warning(s)",
            lang,
        )
        print(summary.format(files=len(files), errors=errors, warnings=warnings))
    if unreadable:
        return EXIT_BAD_INPUT
    return EXIT_FINDINGS if diagnostics else EXIT_OK
