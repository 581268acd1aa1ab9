"""Weather on a still backdrop: an overcast sky, wet pavement that mirrors facades and lamps, fog that pales
the distance, rain beaded on a train's windows.

These layers are drawn once into the cached backdrop (`backdrop.build_scene(..., weather=...)`); what moves
(falling rain, drifting fog) is `weather.py`, drawn every frame. Both take the weather as the model's value
(`trainer.model.vocabulary.Weather`, or its string) so any renderer can call them:

    overcast(light, weather) -> Light           the sky and ambient light under clouds or fog
    cloud_deck(scene, weather, rng)              low grey rain clouds (after the sky, before the view)
    wet_ground(scene, base_y)                    darken, sheen and mirror what stands above base_y
    fog(scene, base_y)                           distance haze, densest at the facades' foot
    beaded_panes(scene)                          raindrops on scene.panes (indoors, when wet)
    apply(scene, weather, base_y, indoors)       all of the above that the weather calls for
"""

from __future__ import annotations

import random
from dataclasses import replace

import pygame

from trainer.ui.art.palette import Light, mix, shade
from trainer.ui.art.scene import Scene, add_glow

WET = frozenset({"regen", "motregen"})
FOG = "mist"
FOG_COLOUR = (186, 190, 194)
FACADE_BASE: dict[str, float] = {
    "woonstraat": 0.64,
    "winkelstraat": 0.64,
    "stationsplein": 0.6,
    "auto_aan_de_stoeprand": 0.6,
    "plein": 0.58,
    "fietspad": 0.775,
    "villawijk": 0.742,
    "trein": 0.76,
    "winkel_kantoor": 0.74,
}
"""Where the far facades meet the ground, as a share of the height, per drawn view."""


def is_wet(weather: str) -> bool:
    return str(weather) in WET


def overcast(lt: Light, weather: str) -> Light:
    """Clouds or fog: a grey sky, no stars, flatter and slightly cooler light on every surface."""
    weather = str(weather)
    if weather not in WET and weather != FOG:
        return lt
    grey = (150, 156, 164) if weather == FOG else (128, 136, 148)
    night = lt.stars or lt.lamps_on and lt.glow >= 1.0
    amount = 0.55 if night else 0.8
    if night:
        grey = shade(grey, 0.32)
    r, g, b = lt.ambient
    dull = 0.86 if weather in WET else 0.92
    return replace(
        lt,
        sky_top=mix(lt.sky_top, shade(grey, 0.85), amount),
        sky_horizon=mix(lt.sky_horizon, grey, amount),
        ambient=(r * dull, g * dull, min(1.2, b * dull * 1.04)),
        stars=False,
        # Dark clouds bring the lamps on early and make lit windows count.
        lit_windows=max(lt.lit_windows, 0.2) if weather in WET else lt.lit_windows,
    )


def cloud_deck(scene: Scene, weather: str, rng: random.Random) -> None:
    """A low grey sky of rain clouds: soft layered banks, darker underneath (not fair-weather puffs)."""
    if str(weather) not in WET:
        return
    s, w, h = scene.surface, scene.w, scene.h
    lt = scene.light
    base = mix(lt.sky_top, lt.sky_horizon, 0.45)
    for row in range(5):
        y = h * (0.02 + row * 0.085)
        colour = shade(base, 0.82 + 0.05 * row) if row % 2 else mix(base, lt.sky_horizon, 0.2)
        x = -rng.uniform(0, 0.1) * w
        while x < w:
            cw = h * rng.uniform(0.35, 0.8)
            ch = h * rng.uniform(0.06, 0.11)
            pygame.draw.ellipse(s, shade(colour, 0.9), (x, y + ch * 0.25, cw, ch))
            pygame.draw.ellipse(s, colour, (x + cw * 0.05, y, cw * 0.9, ch * 0.9))
            x += cw * rng.uniform(0.5, 0.8)


def wet_ground(scene: Scene, base_y: float) -> None:
    """Rain-dark pavement with a sky sheen, the facades mirrored in it, and streaks under every light."""
    s, w, h = scene.surface, scene.w, scene.h
    top = round(base_y)
    if top >= h - 2:
        return
    depth = h - top
    # Mirror: the band above the base, flipped, faintly on the ground (wet stone reflects what stands on it).
    band_h = min(top, depth)
    mirror = _with_alpha(pygame.transform.flip(s.subsurface((0, top - band_h, w, band_h)), False, True))
    fade = pygame.Surface((w, band_h), pygame.SRCALPHA)
    for i in range(band_h):  # the reflection fades with distance from the base
        a = round(85 * (1.0 - i / band_h) ** 1.6)
        pygame.draw.line(fade, (255, 255, 255, a), (0, i), (w, i))
    mirror.blit(fade, (0, 0), special_flags=pygame.BLEND_RGBA_MULT)
    # Darken first (wet stone absorbs), then lay the reflection and the sky's sheen over it.
    dark = pygame.Surface((w, depth))
    dark.fill((176, 178, 184))
    s.blit(dark, (0, top), special_flags=pygame.BLEND_RGB_MULT)
    s.blit(mirror, (0, top))
    sheen = pygame.Surface((w, depth))
    sky = scene.light.sky_horizon
    for i in range(depth):
        k = 0.16 * (1.0 - i / depth) + 0.03
        pygame.draw.line(sheen, (round(sky[0] * k), round(sky[1] * k), round(sky[2] * k)), (0, i), (w, i))
    s.blit(sheen, (0, top), special_flags=pygame.BLEND_RGB_ADD)
    k = scene.light.glow
    if k <= 0:
        return
    # Lamps and lit windows smear into long vertical streaks on wet ground.
    for x, head_y, ground_y in scene.lamps:
        tall = max(8.0, ground_y - head_y)
        length = min(h - ground_y, tall * 1.1)
        add_glow(scene, x, ground_y + length * 0.45, tall * 0.28, length, _scaled((190, 150, 90), k))
    for rect, colour in scene.glows:
        y = top + (top - rect.centery) * 0.5
        if y >= h:
            continue
        add_glow(scene, rect.centerx, y, rect.width * 0.9, rect.height * 2.2, _scaled(colour, 0.45 * k))


def fog(scene: Scene, base_y: float) -> None:
    """Pale the distance: strongest at the facades' foot and the sky line, thinning towards the viewer."""
    s, w, h = scene.surface, scene.w, scene.h
    colour = FOG_COLOUR if not scene.light.lamps_on else mix(FOG_COLOUR, scene.light.sky_horizon, 0.6)
    colour = shade(colour, 0.35) if scene.light.stars or scene.light.glow >= 1.0 else colour
    veil = pygame.Surface((w, h), pygame.SRCALPHA)
    for y in range(h):
        if y <= base_y:
            a = 150 + 50 * (y / max(1.0, base_y))  # the far facades almost vanish
        else:
            a = 200 * max(0.0, 1.0 - (y - base_y) / (0.3 * h)) ** 1.5
        pygame.draw.line(veil, (*colour, round(a * 0.85)), (0, y), (w, y))
    s.blit(veil, (0, 0))
    k = scene.light.glow
    if k > 0:  # lamps bloom into wide halos in fog
        for x, head_y, ground_y in scene.lamps:
            tall = max(8.0, ground_y - head_y)
            add_glow(scene, x, head_y, tall * 1.6, tall * 1.6, _scaled((120, 110, 80), k))


def beaded_panes(scene: Scene, rng: random.Random) -> None:
    """Raindrops on the windows of a moving train: beads, and short streaks the wind pulls backwards."""
    s = scene.surface
    lt = scene.light
    bead = mix(lt.sky_horizon, (255, 255, 255), 0.4)
    edge = shade(lt.sky_horizon, 0.55)
    for pane in scene.panes:
        for _ in range(max(6, pane.w * pane.h // 700)):
            x = rng.uniform(pane.left + 3, pane.right - 3)
            y = rng.uniform(pane.top + 3, pane.bottom - 3)
            r = rng.choice((1, 1, 2, 2, 3))
            if rng.random() < 0.3:
                tail = rng.uniform(6, 22)
                pygame.draw.line(s, edge, (x, y), (max(pane.left, x - tail), y + tail * 0.35), 1)
            pygame.draw.circle(s, edge, (x, y + 1), r)
            pygame.draw.circle(s, bead, (x - r * 0.3, y - r * 0.3), max(1, r - 1))


def apply(scene: Scene, weather: str, base_y: float, indoors: bool = False) -> None:
    """Everything still that `weather` adds to a drawn backdrop."""
    weather = str(weather)
    if weather in WET:
        if indoors:
            beaded_panes(scene, random.Random(f"beads:{scene.w}x{scene.h}"))
        else:
            wet_ground(scene, base_y)
    elif weather == FOG and not indoors:
        fog(scene, base_y)


def _scaled(c: tuple[int, int, int], k: float) -> tuple[int, int, int]:
    return (int(c[0] * k), int(c[1] * k), int(c[2] * k))


def _with_alpha(surface: pygame.Surface) -> pygame.Surface:
    out = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
    out.blit(surface, (0, 0))
    return out
