"""Hooks where other drawings join the selection street: weather, light, darkness.

The street (`trainer.ui.street`) calls every function in GROUND after the backdrop and props and before the
people (wet pavement, pools of lamp light), and every function in AIR after the people and before the
screen's panels (falling rain, fog, night). A layer module registers itself once at import:

    from trainer.ui import layers
    layers.register(layers.AIR, draw_rain)

A layer draws from the context only (no clock, no files), so a second always gives the same picture.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pygame

from trainer.model.scenario import Scenario


@dataclass(frozen=True, slots=True)
class LayerContext:
    """What a layer may know: the scene, the second, and which part of the round street is on screen."""

    scenario: Scenario
    node_id: str
    t: float  # seconds into the selection (stands still while paused)
    size: tuple[int, int]
    offset: int  # the window's left edge in panorama pixels, 0 <= offset < width
    width: int  # the panorama's width: the street wraps round after this many pixels
    ground: int  # screen y where people at the kerb stand
    seed: int = 0  # the session's seed: a layer's own randomness (rain drops) draws from it


Layer = Callable[[pygame.Surface, LayerContext], None]

GROUND: list[Layer] = []
AIR: list[Layer] = []


def register(where: list[Layer], layer: Layer) -> None:
    """Add a layer once (importing a module twice must not draw it twice)."""
    if layer not in where:
        where.append(layer)


def run(where: list[Layer], surface: pygame.Surface, ctx: LayerContext) -> None:
    for layer in where:
        layer(surface, ctx)
