"""Colours of the art: skin tones, hair, the Dutch colour names of the model, and the light of each time of
day."""

from __future__ import annotations

from dataclasses import dataclass

RGB = tuple[int, int, int]

# A realistic six-step range, light to deep brown; mid-tones kept warm so every step reads as skin.
SKIN: dict[int, RGB] = {
    1: (243, 214, 193),
    2: (230, 187, 152),
    3: (206, 152, 110),
    4: (170, 116, 78),
    5: (128, 84, 56),
    6: (90, 58, 40),
}

HAIR: dict[str, RGB] = {
    "zwart": (36, 31, 31),
    "bruin": (96, 62, 40),
    "blond": (212, 176, 110),
    "rood": (168, 84, 44),
    "grijs": (160, 158, 154),
    "wit": (230, 228, 222),
}

COLOURS: dict[str, RGB] = {
    "blauw": (48, 88, 152),
    "zwart": (46, 48, 54),
    "grijs": (128, 132, 138),
    "rood": (178, 54, 52),
    "groen": (62, 116, 80),
    "geel": (224, 182, 60),
    "wit": (234, 234, 230),
    "bruin": (126, 88, 60),
    "paars": (110, 74, 140),
    "zilver": (186, 190, 196),
}

# Calm headscarf shades that sit well next to each clothing colour.
SCARF: dict[str, RGB] = {
    "blauw": (120, 146, 184),
    "zwart": (70, 64, 78),
    "grijs": (176, 160, 168),
    "rood": (150, 64, 74),
    "groen": (104, 136, 118),
    "geel": (200, 160, 110),
    "wit": (196, 186, 176),
    "bruin": (160, 124, 100),
    "paars": (132, 104, 150),
}

POLICE_NAVY: RGB = (30, 40, 66)
POLICE_SHIRT: RGB = (150, 178, 210)
DENIM: RGB = (62, 84, 120)
INK: RGB = (34, 30, 32)
WHITE: RGB = (248, 248, 246)
HIVIS: RGB = (232, 236, 120)
REFLECT: RGB = (206, 212, 218)


def clamp(value: float) -> int:
    return 0 if value < 0 else 255 if value > 255 else int(value)


def mix(a: RGB, b: RGB, t: float) -> RGB:
    """Linear blend from a (t=0) to b (t=1)."""
    return (clamp(a[0] + (b[0] - a[0]) * t), clamp(a[1] + (b[1] - a[1]) * t), clamp(a[2] + (b[2] - a[2]) * t))


def shade(c: RGB, f: float) -> RGB:
    """Multiply: f < 1 darkens."""
    return (clamp(c[0] * f), clamp(c[1] * f), clamp(c[2] * f))


def lighten(c: RGB, t: float) -> RGB:
    return mix(c, (255, 255, 255), t)


def skin(tone: int) -> RGB:
    return SKIN.get(tone, SKIN[3])


def skin_shadow(tone: int) -> RGB:
    base = skin(tone)
    return mix(shade(base, 0.82), (120, 50, 40), 0.12)


def feature_ink(tone: int) -> RGB:
    """Eyes and brows: dark enough on light skin, still distinct (a touch deeper) on deep skin."""
    return (40, 28, 26) if tone <= 4 else (24, 16, 14)


def lip(tone: int) -> RGB:
    base = skin(tone)
    return mix(shade(base, 0.72 if tone <= 3 else 0.58), (150, 60, 60), 0.25 if tone <= 3 else 0.1)


def hair_colour(name: str, age: int) -> RGB:
    """Hair greys with age (partly from 55, mostly from 75) unless already grey or white."""
    base = HAIR.get(name, HAIR["bruin"])
    if name in ("grijs", "wit"):
        return base
    grey = HAIR["grijs"]
    if age >= 75:
        return mix(base, grey, 0.8)
    if age >= 55:
        return mix(base, grey, 0.25 + (age - 55) * 0.025)
    return base


def colour(name: str) -> RGB:
    return COLOURS.get(name, COLOURS["grijs"])


@dataclass(frozen=True)
class Light:
    """The light of one time of day: sky gradient, ambient multiplier for lit-by-sky surfaces, lamps."""

    sky_top: RGB
    sky_horizon: RGB
    ambient: tuple[float, float, float]
    lamps_on: bool
    lit_windows: float
    stars: bool
    glow: float

    def tint(self, c: RGB) -> RGB:
        r, g, b = self.ambient
        return (clamp(c[0] * r), clamp(c[1] * g), clamp(c[2] * b))


LIGHTS: dict[str, Light] = {
    "ochtend": Light((146, 182, 218), (250, 208, 172), (0.97, 0.91, 0.85), False, 0.08, False, 0.0),
    "middag": Light((84, 148, 220), (196, 224, 242), (1.0, 1.0, 1.0), False, 0.0, False, 0.0),
    "avond": Light((44, 56, 112), (232, 150, 112), (0.64, 0.58, 0.68), True, 0.5, False, 0.7),
    "nacht": Light((10, 14, 34), (36, 46, 78), (0.34, 0.37, 0.52), True, 0.38, True, 1.0),
}


def light(time_of_day: str) -> Light:
    return LIGHTS.get(time_of_day, LIGHTS["middag"])


WINDOW_LIT: tuple[RGB, ...] = ((255, 214, 140), (255, 226, 170), (250, 200, 120), (236, 226, 200))
