"""A small LRU cache of rendered surfaces, keyed by hashable tuples built from the (frozen) model parameters.

The pydantic models are frozen but hold lists (accessories, damage), so they are not hashable themselves.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable

import pygame

from trainer.model.scenario import Appearance, Vehicle


class LRU:
    """Least-recently-used map from a key to a surface."""

    def __init__(self, maxsize: int) -> None:
        self.maxsize = maxsize
        self._items: OrderedDict[Hashable, pygame.Surface] = OrderedDict()
        self.hits = 0
        self.misses = 0

    def get_or_make(self, key: Hashable, make: Callable[[], pygame.Surface]) -> pygame.Surface:
        found = self._items.get(key)
        if found is not None:
            self._items.move_to_end(key)
            self.hits += 1
            return found
        self.misses += 1
        surface = make()
        self._items[key] = surface
        if len(self._items) > self.maxsize:
            self._items.popitem(last=False)
        return surface

    def clear(self) -> None:
        self._items.clear()

    def __len__(self) -> int:
        return len(self._items)


def appearance_key(a: Appearance) -> tuple[object, ...]:
    return (
        a.skin_tone,
        a.age,
        str(a.build),
        a.height,
        str(a.hair),
        a.hair_color,
        str(a.headwear),
        str(a.clothing),
        a.clothing_color,
        tuple(sorted(a.accessories)),
    )


def vehicle_key(v: Vehicle) -> tuple[object, ...]:
    return (str(v.kind), v.color, tuple(sorted(v.damage)))
