"""An author's own backdrop image (`backdrop: sloterdijk.png`) as a street: scaled to the height of the
picture, tiled across its width, in the scene's light and weather.

The images a scenario names are loaded at the edge (`trainer.ui.scenery.use_images`, when a scenario is
opened) and registered here by name; `art.render_backdrop` draws a registered name from its image and every
other name as a drawn street, so the window, the storyboard and the stopped person's side all show it.
"""

from __future__ import annotations

import pygame

from trainer.ui.art import light as weather_light
from trainer.ui.art.palette import light

_images: dict[str, pygame.Surface] = {}
_generation = 0


def register(images: dict[str, pygame.Surface]) -> None:
    """The images of the scenario being shown, by the name the scenario uses (replacing earlier ones)."""
    global _generation
    _images.clear()
    _images.update(images)
    _generation += 1


def image(name: str) -> pygame.Surface | None:
    return _images.get(name)


def generation() -> int:
    """Changes whenever the registered images do: part of every cached backdrop's key, so a reloaded
    image (F5 after the author saved a new one) is drawn anew."""
    return _generation


def render(source: pygame.Surface, time_of_day: str, size: tuple[int, int], weather: str) -> pygame.Surface:
    """`source` filling `size`: scaled to the height, repeated across the width with every other copy
    mirrored (so the edges meet without a seam), then lit like a drawn street at that time and weather."""
    w, h = max(1, int(size[0])), max(1, int(size[1]))
    sw, sh = source.get_size()
    tile_w = max(1, round(sw * h / max(1, sh)))
    flat = pygame.Surface((sw, sh))  # opaque and 32-bit whatever the file held (smoothscale needs 24/32)
    flat.blit(source, (0, 0))
    tile = pygame.transform.smoothscale(flat, (tile_w, h))
    mirrored = pygame.transform.flip(tile, True, False)
    out = pygame.Surface((w, h))
    for i, x in enumerate(range(0, w, tile_w)):
        out.blit(mirrored if i % 2 else tile, (x, 0))
    lt = weather_light.overcast(light(time_of_day), weather)
    r, g, b = (min(255, round(255 * c)) for c in lt.ambient)
    if (r, g, b) != (255, 255, 255):
        out.fill((r, g, b), special_flags=pygame.BLEND_RGB_MULT)
    if str(weather) == weather_light.FOG:
        veil = pygame.Surface((w, h), pygame.SRCALPHA)
        veil.fill((*lt.sky_horizon, 110))
        out.blit(veil, (0, 0))
    return out
