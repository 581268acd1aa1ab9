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

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from pydantic import BaseModel

from trainer.model.scenario import Scenario
from trainer.model.text import Text
from trainer.model.text_walk import TextPlace, text_places
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


def text_entries(scenario: Scenario, places: list[TextPlace] | None = None) -> list[TextEntry]:
    """Every text of the scenario with its id, in the order of the model (top to bottom of a file).

    `places` is the scenario's walk (`LoadedScenario.texts`) where the caller has it."""
    if places is None:
        places = text_places(scenario)
    return [_entry(scenario, text, path) for text, path in places]


def _entry(scenario: Scenario, text: Text, path: Path) -> TextEntry:
    """The entry of one text: its place named by following its path through the model."""
    steps: list[str] = []
    obj: Any = scenario
    for part in path:
        if isinstance(obj, BaseModel):
            steps.append(str(part))
            obj = getattr(obj, _attribute(type(obj), str(part)))
        elif isinstance(obj, list):
            obj = obj[int(part)]
            item_id = getattr(obj, "id", None)
            steps.append(item_id if isinstance(item_id, str) else str(int(part) + 1))
        else:
            steps.append(str(part))
            obj = obj[part]
    place = derived_id(tuple(steps))
    return TextEntry(text.tid or place, path, text, place)


@cache
def _attribute(model: type[BaseModel], key: str) -> str:
    """The attribute of `model` written as `key` in a file (its alias, or its own name)."""
    return next((name for name, info in model.model_fields.items() if info.alias == key), key)


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
