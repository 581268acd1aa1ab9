"""Colours, fonts and sizes. Okabe-Ito based palette: safe with colour blindness; meaning never by colour
alone."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pygame

from trainer.paths import assets_dir

Colour = tuple[int, int, int]

INK: Colour = (20, 24, 32)
PAPER: Colour = (246, 244, 238)
PANEL: Colour = (28, 34, 46)
PANEL_LIGHT: Colour = (44, 52, 68)
TEXT: Colour = (240, 240, 236)
TEXT_DIM: Colour = (176, 182, 194)
ACCENT: Colour = (86, 180, 233)  # sky blue
FOCUS: Colour = (240, 228, 66)  # yellow: focus ring, always with a thick outline too
WARN: Colour = (230, 159, 0)  # orange
CALM: Colour = (0, 158, 115)  # bluish green
ALERT: Colour = (213, 94, 0)  # vermillion
POLICE: Colour = (0, 114, 178)  # blue

TEXT_SCALES = (0.85, 1.0, 1.2, 1.4)


@lru_cache(maxsize=64)
def _font(path: str, size: int) -> pygame.font.Font:
    return pygame.font.Font(path, size)


@lru_cache(maxsize=16)
def _font_path(font_dir: str, bold: bool, italic: bool) -> str:
    """The file of a face; asked for dozens of times a frame, so joined once."""
    name = (
        "NotoSans-"
        + ("Bold" if bold else "")
        + ("Italic" if italic else "")
        + ("" if bold or italic else "Regular")
    )
    return str(Path(font_dir) / f"{name}.ttf")


@dataclass
class Theme:
    """Sizes follow the window height and the trainee's text-size setting."""

    height: int = 720
    scale_index: int = 1
    font_dir: Path = field(default_factory=lambda: assets_dir() / "fonts")

    @property
    def unit(self) -> float:
        return self.height / 720 * TEXT_SCALES[self.scale_index]

    def px(self, value: float) -> int:
        """A length that grows with the window and the text size."""
        return max(1, round(value * self.unit))

    def font(self, size: float, *, bold: bool = False, italic: bool = False) -> pygame.font.Font:
        return _font(_font_path(str(self.font_dir), bold, italic), self.px(size))

    @property
    def body(self) -> pygame.font.Font:
        return self.font(20)

    @property
    def small(self) -> pygame.font.Font:
        return self.font(16)

    @property
    def heading(self) -> pygame.font.Font:
        return self.font(28, bold=True)

    @property
    def title(self) -> pygame.font.Font:
        return self.font(40, bold=True)

    def bigger(self) -> None:
        self.scale_index = min(len(TEXT_SCALES) - 1, self.scale_index + 1)

    def smaller(self) -> None:
        self.scale_index = max(0, self.scale_index - 1)
