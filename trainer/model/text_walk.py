"""Every Text of a scenario with its data path, found in one walk per load.

`trainer check` reads the texts of a scenario for several checks (untranslated texts, weather and light,
translation ids); each used to walk the whole model itself, and the walks together cost a quarter of the
check of a 300-node file. `LoadedScenario.texts` walks once and every check reads that list.

The walk visits only fields whose type can hold a Text (worked out once per model class), so appearance,
effects, conditions and the like are never entered.
"""

from __future__ import annotations

import typing
from functools import cache
from typing import Any

from pydantic import BaseModel

from trainer.model.text import Text
from trainer.model.yaml_source import Path

TextPlace = tuple[Text, Path]
"""A text and its data path (keys as written in the file, list positions from 0)."""


def text_places(obj: Any, path: Path = ()) -> list[TextPlace]:
    """Every Text inside `obj` (a model, list or dict) with its path, in the order of the model: top to
    bottom of a file."""
    out: list[TextPlace] = []
    _walk(obj, path, out)
    return out


def _walk(obj: Any, path: Path, out: list[TextPlace]) -> None:
    # Appends instead of yielding, and looks at a value before recursing into it: a generator chain as deep
    # as the model, or a call per plain value, cost several times the walk itself.
    if isinstance(obj, BaseModel):
        for name, key in text_fields(type(obj)):
            value = getattr(obj, name)
            if isinstance(value, Text):
                out.append((value, (*path, key)))
            elif value is not None:
                _walk(value, (*path, key), out)
        return
    items: Any
    if isinstance(obj, list):
        items = enumerate(obj)
    elif isinstance(obj, dict):
        items = obj.items()
    else:
        return
    for key, value in items:
        if isinstance(value, Text):
            out.append((value, (*path, key)))
        elif isinstance(value, _CONTAINERS):
            _walk(value, (*path, key), out)


_CONTAINERS = (BaseModel, list, dict)


@cache
def text_fields(model: type[BaseModel]) -> tuple[tuple[str, str], ...]:
    """(attribute, key as written) of the fields of `model` whose type can hold a Text."""
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
