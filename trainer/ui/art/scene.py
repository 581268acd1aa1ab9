"""The shared state of one backdrop being drawn: surface, light, randomness and where the lights are."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from functools import lru_cache

import pygame

from trainer.ui.art.palette import RGB, Light


@dataclass
class Scene:
    """A backdrop under construction. `m` is pixels per metre on the facades across the street."""

    surface: pygame.Surface
    light: Light
    rng: random.Random
    lit_rng: random.Random
    m: float
    lamps: list[tuple[float, float, float]] = field(default_factory=list)  # x, head y, ground y
    glows: list[tuple[pygame.Rect, RGB]] = field(default_factory=list)
    panes: list[pygame.Rect] = field(default_factory=list)  # window glass seen from inside (a train)
    # Named things a view drew ('villa', 'monitor', ...), for tests and layouts to find them.
    parts: dict[str, list[pygame.Rect]] = field(default_factory=dict)

    @property
    def w(self) -> int:
        return self.surface.get_width()

    @property
    def h(self) -> int:
        return self.surface.get_height()

    @property
    def night(self) -> bool:
        return self.light.lamps_on

    def t(self, c: RGB) -> RGB:
        """A surface colour under this light."""
        return self.light.tint(c)

    def rect(self, c: RGB, x: float, y: float, w: float, h: float) -> None:
        """Fill with a day colour (tinted); x, y is the top-left corner."""
        pygame.draw.rect(
            self.surface,
            self.light.tint(c),
            pygame.Rect(round(x), round(y), max(1, round(w)), max(1, round(h))),
        )

    def poly(self, c: RGB, pts: list[tuple[float, float]], aa: bool = True) -> None:
        col = self.light.tint(c)
        pygame.draw.polygon(self.surface, col, pts)
        if aa:
            pygame.draw.aalines(self.surface, col, True, pts)

    def emit(self, c: RGB, x: float, y: float, w: float, h: float) -> None:
        """Something that gives light (a lit window, a lamp): not tinted by the ambient light."""
        pygame.draw.rect(self.surface, c, pygame.Rect(round(x), round(y), max(1, round(w)), max(1, round(h))))

    def lit(self, chance: float) -> bool:
        """Whether a window is lit: its own random stream, so day and night share one layout."""
        return self.lit_rng.random() < chance


@lru_cache(maxsize=32)
def glow_sprite(w: int, h: int, colour: RGB) -> pygame.Surface:
    """A soft elliptical light (bright centre, fading edge) for additive blending."""
    base = 64
    small = pygame.Surface((base, base))
    small.fill((0, 0, 0))
    steps = 24
    for i in range(steps):
        t = i / steps
        r = base / 2 * (1.0 - t)
        k = t**2  # outer rings dark, the centre brightest
        pygame.draw.circle(
            small, (int(colour[0] * k), int(colour[1] * k), int(colour[2] * k)), (base / 2, base / 2), r
        )
    return pygame.transform.smoothscale(small, (max(2, w), max(2, h)))


def add_glow(scene: Scene, cx: float, cy: float, w: float, h: float, colour: RGB) -> None:
    sprite = glow_sprite(round(w), round(h), colour)
    scene.surface.blit(sprite, (round(cx - w / 2), round(cy - h / 2)), special_flags=pygame.BLEND_RGB_ADD)
