"""How `trainer diff` names what it compares: areas, values as an instructor reads them, choices, nodes."""

from __future__ import annotations

from enum import Enum
from typing import Any

from trainer.model.diagnostics import Both
from trainer.model.scenario import ChoiceBase, EndingNode
from trainer.model.vocabulary import (
    ASSESSMENT_LABELS,
    GROUND_LABELS,
    LEGAL_BASIS_LABELS,
    OUTCOME_LABELS,
    STEP_LABELS,
)
from trainer.model.yaml_source import Path

AREAS: dict[str, Both] = {
    "scenario": Both("scenario", "scenario"),
    "node": Both("knooppunten", "nodes"),
    "choice": Both("keuzes", "choices"),
    "step": Both("kaderstappen", "kader steps"),
    "assessment": Both("beoordelingen", "assessments"),
    "legal": Both("wettelijke grondslagen", "legal bases"),
    "timer": Both("tijdsdruk", "timers"),
    "flow": Both("verloop", "flow"),
    "ending": Both("afloop", "outcomes"),
    "cast": Both("cast", "cast"),
    "reflection": Both("reflectievragen", "reflection questions"),
    "state": Both("vlaggen en meters", "flags and meters"),
    "text": Both("teksten", "texts"),
}


def label(value: Any) -> Both:
    """A value as an instructor reads it: vocabulary labels where there are some, lists joined."""
    if value is None or value == []:
        return Both("(geen)", "(none)")
    if isinstance(value, list):
        parts = [label(v) for v in value]
        return Both(", ".join(p.nl for p in parts), ", ".join(p.en for p in parts))
    for table in (STEP_LABELS, ASSESSMENT_LABELS, LEGAL_BASIS_LABELS, OUTCOME_LABELS, GROUND_LABELS):
        if value in table:
            nl, en = table[value]
            return Both(nl, en)
    if isinstance(value, Enum):
        return Both(str(value.value), str(value.value))
    if hasattr(value, "model_dump"):
        shown = ", ".join(
            f"{k}: {v}" for k, v in value.model_dump(mode="json", exclude_defaults=True).items()
        )
        return Both(shown, shown)
    if isinstance(value, bool):
        return Both("ja" if value else "nee", "yes" if value else "no")
    return Both(str(value), str(value))


def plain(text: str) -> Both:
    return Both(text, text)


CHOICE_FIELDS: tuple[tuple[str, Both, str], ...] = (
    ("legal_basis", Both("bevoegdheid", "power"), "legal"),
    ("offence", Both("overtreding", "offence"), "legal"),
    ("goto", Both("gaat naar", "goes to"), "flow"),
    ("grounds", Both("gronden", "grounds"), "choice"),
    ("real_trigger", Both("werkelijke aanleiding", "real trigger"), "choice"),
    ("when", Both("voorwaarde (when)", "condition (when)"), "choice"),
    ("effects", Both("effecten", "effects"), "choice"),
    ("values", Both("waarden", "values"), "choice"),
    ("pin", Both("vaste plek", "pinned place"), "choice"),
)


def choice_what(cid: str, path: Path) -> Both:
    if "candidates" in path:
        return Both(f"kandidaat '{cid}'", f"candidate '{cid}'")
    if "nobody" in path:
        return Both("niemand aanspreken", "address nobody")
    return Both(f"keuze '{cid}'", f"choice '{cid}'")


def owner(nid: str, path: Path, cid: str) -> str:
    """The id prefix of a choice's texts: `node.choices.id.`, `node.candidates.id.` or `node.nobody.`."""
    if "candidates" in path:
        return f"{nid}.candidates.{cid}."
    if "nobody" in path:
        return f"{nid}.nobody."
    return f"{nid}.choices.{cid}."


def choice_summary(step: Any, choice: ChoiceBase) -> Both:
    s, a = label(step), label(choice.assessment)
    return Both(f"{s.nl}, {a.nl}, gaat naar '{choice.goto}'", f"{s.en}, {a.en}, goes to '{choice.goto}'")


def node_summary(node: Any) -> Both:
    kinds = {
        "selection": ("selectie", "selection"),
        "scene": ("scène", "scene"),
        "ending": ("einde", "ending"),
    }
    nl, en = kinds[node.type]
    if isinstance(node, EndingNode):
        o = label(node.outcome)
        return Both(f"{nl}: {o.nl}", f"{en}: {o.en}")
    return Both(nl, en)


# What each part of a text id is called, in words (nl, en); a part in _ITEMS is followed by the item's own
# id or its position ("regel 2", "keuze uitleg").
_PART_WORDS: dict[str, tuple[str, str]] = {
    "lines": ("regel", "line"),
    "choices": ("keuze", "choice"),
    "candidates": ("kandidaat", "candidate"),
    "cues": ("aanwijzing", "cue"),
    "info": ("info-item", "info item"),
    "cast": ("castlid", "cast member"),
    "reflection": ("reflectievraag", "reflection question"),
    "flags": ("vlag", "flag"),
    "meters": ("meter", "meter"),
    "learning_goals": ("leerdoel", "learning goal"),
    "casting": ("castingpool", "casting pool"),
    "names": ("naamvariant voor", "name variant for"),
    "text": ("tekst", "text"),
    "rationale": ("toelichting", "rationale"),
    "perspective": ("perspectief", "perspective"),
    "label": ("label", "label"),
    "title": ("titel", "title"),
    "summary": ("samenvatting", "summary"),
    "prompt": ("vraag", "prompt"),
    "name": ("naam", "name"),
    "role": ("rol", "role"),
    "intro": ("inleiding", "intro"),
    "address": ("aanspreken", "addressing"),
    "nobody": ("niemand aanspreken", "addressing nobody"),
    "place": ("plaats", "place"),
    "you": ("wie je bent", "who you are"),
    "briefing": ("briefing", "briefing"),
    "setting": ("setting", "setting"),
    "registration": ("registratie", "registration"),
}
_ITEMS = frozenset(
    {
        "lines",
        "choices",
        "candidates",
        "cues",
        "info",
        "cast",
        "reflection",
        "flags",
        "meters",
        "learning_goals",
    }
    | {"casting", "names"}
)
_TEXT_IS_THE_ITEM = frozenset({"lines", "cues"})  # a line's text is the line: "regel 2", not "regel 2, tekst"


def place_words(place: str, nodes: set[str] | frozenset[str]) -> Both:
    """Where a text sits, in words, from its derived id: 'aanspreken.lines.2.text' is "knoop aanspreken,
    regel 2" ("node aanspreken, line 2"); 'cast.daan.name' is "castlid daan, naam"."""
    parts = place.split(".")
    nl: list[str] = []
    en: list[str] = []
    i = 0
    if len(parts) > 1 and parts[0] in nodes:
        nl.append(f"knoop {parts[0]}")
        en.append(f"node {parts[0]}")
        i = 1
    previous = ""
    while i < len(parts):
        key = parts[i]
        words = _PART_WORDS.get(key)
        if key == "state":
            i += 1
            continue
        if key in _ITEMS and i + 1 < len(parts) and words is not None:
            nl.append(f"{words[0]} {parts[i + 1]}")
            en.append(f"{words[1]} {parts[i + 1]}")
            previous, i = key, i + 2
            continue
        if not (key == "text" and i == len(parts) - 1 and previous in _TEXT_IS_THE_ITEM):
            nl.append(words[0] if words else key)
            en.append(words[1] if words else key)
        previous, i = key, i + 1
    return Both(", ".join(nl), ", ".join(en))
