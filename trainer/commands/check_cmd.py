"""`trainer check PATH...`: every diagnostic for files or folders of scenarios."""

from __future__ import annotations

import json
import re
from pathlib import Path

from trainer.commands.common import EXIT_BAD_INPUT, EXIT_FINDINGS, EXIT_OK, findings, print_out
from trainer.model.diagnostics import Both, Diagnostic, ScenarioError
from trainer.model.loader import LoadedScenario, load_scenario
from trainer.model.text import tr
from trainer.model.visible import visible_json
from trainer.paths import bundled_scenarios

_UNREADABLE = {"L001", "L002", "L003", "L004", "L005", "L006", "L007", "L008", "L010", "L011", "C145", "C146"}


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


_ID_LINE = re.compile(r"^id:[ \t]*['\"]?([a-z][a-z0-9_]*)['\"]?[ \t]*(?:#.*)?$", re.M)


def _bundled_ids() -> dict[str, Path]:
    """The ids of the bundled scenarios, read from their top-level `id:` line (they check clean)."""
    ids: dict[str, Path] = {}
    for path in bundled_scenarios():
        try:
            found = _ID_LINE.search(path.read_text(encoding="utf-8"))
        except OSError:
            continue
        if found:
            ids.setdefault(found.group(1), path)
    return ids


def _hash_of(path: Path) -> str | None:
    try:
        return load_scenario(path).content_hash
    except ScenarioError:
        return None


def same_ids(loaded: list[LoadedScenario]) -> list[Diagnostic]:
    """C149: a scenario whose id another checked file or a bundled scenario already has, with other content.
    Records, the menu and the debrief know a scenario by its id (and its content hash), so two different
    scenarios under one id mix their sessions. An unchanged copy (`trainer scenarios --copy`) is the same
    scenario: no finding until it is edited."""
    out: list[Diagnostic] = []
    seen: dict[str, LoadedScenario] = {}
    bundled = _bundled_ids()
    for item in loaded:
        sid = item.scenario.id
        here = Path(item.path).resolve()
        owner = bundled.get(sid)
        other: str | Both | None = None
        if owner is not None and owner.resolve() != here:
            # the bundled scenario keeps its id; the edited copy is the one to rename
            if _hash_of(owner) != item.content_hash:
                other = Both(f"het meegeleverde scenario {owner.name}", f"the bundled scenario {owner.name}")
        elif owner is None and sid in seen and seen[sid].content_hash != item.content_hash:
            other = seen[sid].path
        if other is not None:
            out.append(item.source.diag("C149", ("id",), id=sid, other=other))
        seen.setdefault(sid, item)
    return out


def run(paths: list[str], lang: str, fmt: str) -> int:
    diagnostics: list[Diagnostic] = []
    unreadable = False
    files = expand(paths)
    loaded: list[LoadedScenario] = []
    for path in files:
        if path.is_dir():  # a folder that held no scenario files
            diagnostics.append(Diagnostic("L013", str(path), 1, 1))
            unreadable = True
            continue
        try:
            item = load_scenario(path)
            loaded.append(item)
            diagnostics.extend(findings(item))
        except ScenarioError as exc:
            diagnostics.extend(exc.diagnostics)
            unreadable |= any(d.code in _UNREADABLE for d in exc.diagnostics)
    diagnostics.extend(same_ids(loaded))
    if fmt == "json":
        print(visible_json(json.dumps([d.to_json(lang) for d in diagnostics], ensure_ascii=False, indent=2)))
    else:
        for d in diagnostics:
            print_out(d.format(lang))
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
