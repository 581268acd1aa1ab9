"""The words of `trainer diff`, shared by the terminal and the HTML page so the two always agree."""

from __future__ import annotations

from trainer.model.diff import AREAS, Change, counts
from trainer.model.loader import LoadedScenario
from trainer.model.text import tr

KIND_WORDS = {
    "added": ("nieuw", "added"),
    "removed": ("weg", "removed"),
    "changed": ("gewijzigd", "changed"),
}


def group_title(group: str, old: LoadedScenario, new: LoadedScenario, lang: str) -> str:
    """'Het scenario als geheel' or 'Knooppunt x (scène)'."""
    if not group:
        return tr("Het scenario als geheel", "The scenario as a whole", lang)
    node = new.scenario.nodes.get(group) or old.scenario.nodes.get(group)
    kinds = {
        "selection": ("selectie", "selection"),
        "scene": ("scène", "scene"),
        "ending": ("einde", "ending"),
    }
    kind = tr(*kinds[node.type], lang) if node is not None else ""
    return tr(f"Knooppunt '{group}' ({kind})", f"Node '{group}' ({kind})", lang)


def summary_line(changes: list[Change], lang: str) -> str:
    """'7 verschillen: keuzes 1 nieuw, 1 weg; teksten 3 gewijzigd' (no differences said plainly)."""
    if not changes:
        return tr(
            "Geen verschillen: de twee versies zijn inhoudelijk gelijk "
            "(opmaak en commentaar tellen niet mee).",
            "No differences: the two versions have the same content (layout and comments do not count).",
            lang,
        )
    per_area: dict[str, list[str]] = {}
    found = counts(changes)
    for (area, kind), n in sorted(found.items(), key=lambda item: list(KIND_WORDS).index(item[0][1])):
        per_area.setdefault(area, []).append(f"{n} {tr(*KIND_WORDS[kind], lang)}")
    parts = [f"{tr(AREAS[a].nl, AREAS[a].en, lang)} {', '.join(per_area[a])}" for a in AREAS if a in per_area]
    word = tr("verschil", "difference", lang) if len(changes) == 1 else tr("verschillen", "differences", lang)
    return f"{len(changes)} {word}: " + "; ".join(parts)


def lines_of(change: Change, lang: str) -> str:
    if change.old_line is not None and change.new_line is not None:
        return tr(
            f"regel {change.old_line} → {change.new_line}",
            f"line {change.old_line} → {change.new_line}",
            lang,
        )
    if change.new_line is not None:
        return tr(f"regel {change.new_line}", f"line {change.new_line}", lang)
    if change.old_line is not None:
        return tr(f"was regel {change.old_line}", f"was line {change.old_line}", lang)
    return ""
