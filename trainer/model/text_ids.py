"""Stable ids for every bilingual text of a scenario: written (`tid:`) or derived from the text's place.

A derived id is the text's path through the file with every list item named by its own `id` where it has
one (choices, candidates, cast, reflection questions) and by its position, counted from 1, where it has
none (lines, cues, info items): `aanspreken.choices.uitleg.text`, `aanspreken.lines.2.text`,
`cast.fietser.name`. The leading `nodes.` is left out. So an id never depends on the text itself, nor on
other nodes; editing a text keeps its id, and adding a node changes no other id. Only inserting or moving a
line, cue or info item inside a list renumbers the items after it: a text that must keep its id through
such edits gets a written `tid:`.
"""

from __future__ import annotations

import typing
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from pydantic import BaseModel

from trainer.model.scenario import Scenario
from trainer.model.text import Text
from trainer.model.yaml_source import Path


@dataclass(frozen=True)
class TextEntry:
    """One text of a scenario: its stable id, where it sits in the data, and the text."""

    id: str
    path: Path
    text: Text
    place: str  # the derived id, even where a tid was written: where the text sits now

    @property
    def written(self) -> bool:
        """True when the id is a written `tid:` rather than derived from the place."""
        return self.text.tid is not None


def derived_id(steps: tuple[str, ...]) -> str:
    """The id of a text from its named path (list items already replaced by their id or position)."""
    parts = steps[1:] if steps and steps[0] == "nodes" else steps
    return ".".join(parts)


def text_entries(scenario: Scenario) -> list[TextEntry]:
    """Every text of the scenario with its id, in the order of the model (top to bottom of a file)."""
    out: list[TextEntry] = []
    _walk(scenario, (), "", out)
    return out


def _walk(obj: Any, path: Path, place: str, out: list[TextEntry]) -> None:
    # Appends instead of yielding: `trainer check` walks every text of every scenario, and a generator
    # chain as deep as the model doubled the time.
    if isinstance(obj, Text):
        out.append(TextEntry(obj.tid or place, path, obj, place))
    elif isinstance(obj, BaseModel):
        for name, key in _text_fields(type(obj)):
            child = "" if key == "nodes" and not place else (f"{place}.{key}" if place else key)
            _walk(getattr(obj, name), (*path, key), child, out)
    elif isinstance(obj, list):
        for i, item in enumerate(obj):
            item_id = getattr(item, "id", None)
            label = item_id if isinstance(item_id, str) else str(i + 1)
            _walk(item, (*path, i), f"{place}.{label}" if place else label, out)
    elif isinstance(obj, dict):
        for key, item in obj.items():
            _walk(item, (*path, key), f"{place}.{key}" if place else str(key), out)


@cache
def _text_fields(model: type[BaseModel]) -> tuple[tuple[str, str], ...]:
    """(attribute, key) of the fields that can hold a Text: the walk skips appearance, effects and the like
    (a third of the time of `trainer check` on a 300-node scenario otherwise)."""
    return tuple(
        (name, info.alias or name)
        for name, info in model.model_fields.items()
        if _may_hold_text(info.annotation, frozenset())
    )


def _may_hold_text(annotation: Any, seen: frozenset[Any]) -> bool:
    if annotation is Text:
        return True
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        if annotation in seen:
            return False
        inner = seen | {annotation}
        return any(_may_hold_text(info.annotation, inner) for info in annotation.model_fields.values())
    return any(_may_hold_text(arg, seen) for arg in typing.get_args(annotation))


def duplicates(entries: list[TextEntry]) -> Iterator[tuple[TextEntry, TextEntry]]:
    """(first, later) for every id used by more than one text: a written `tid:` that repeats another id."""
    first: dict[str, TextEntry] = {}
    for entry in entries:
        earlier = first.setdefault(entry.id, entry)
        if earlier is not entry:
            yield earlier, entry


def by_id(scenario: Scenario) -> dict[str, TextEntry]:
    """Texts by id (the first one wins when an id repeats; the checker reports that as C161)."""
    out: dict[str, TextEntry] = {}
    for entry in text_entries(scenario):
        out.setdefault(entry.id, entry)
    return out
