"""Text layout: wrapping to a width, measuring, and a cache of rendered lines (text is re-rendered rarely)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import pygame

Colour = tuple[int, int, int]


def wrap(text: str, font: pygame.font.Font, width: int) -> list[str]:
    """Greedy word wrap; words longer than the width are broken. Newlines in the text are kept."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        current = ""
        for word in paragraph.split(" "):
            candidate = f"{current} {word}" if current else word
            if font.size(candidate)[0] <= width:
                current = candidate
                continue
            if current:
                lines.append(current)
            while font.size(word)[0] > width and len(word) > 1:
                cut = len(word)
                while cut > 1 and font.size(word[:cut])[0] > width:
                    cut -= 1
                lines.append(word[:cut])
                word = word[cut:]
            current = word
        lines.append(current)
    return lines


@dataclass(frozen=True)
class TextBlock:
    """Wrapped lines with their layout: what layout tests assert on."""

    lines: tuple[str, ...]
    line_height: int
    width: int
    truncated: bool = False  # cut short with "…" because nothing else fitted: layout tests fail on it

    @property
    def height(self) -> int:
        return self.line_height * len(self.lines)

    def fits(self, box: pygame.Rect) -> bool:
        return self.width <= box.width and self.height <= box.height


@lru_cache(maxsize=4096)
def block(text: str, font: pygame.font.Font, width: int) -> TextBlock:
    lines = tuple(wrap(text, font, width))
    widest = max((font.size(line)[0] for line in lines), default=0)
    return TextBlock(lines, font.get_linesize(), widest)


@lru_cache(maxsize=2048)
def rendered(text: str, font: pygame.font.Font, colour: Colour) -> pygame.Surface:
    """One rendered line; cached because fonts are cached objects and text changes rarely per frame."""
    return font.render(text, True, colour)


def draw_block(
    surface: pygame.Surface,
    tb: TextBlock,
    font: pygame.font.Font,
    colour: Colour,
    topleft: tuple[int, int],
    *,
    max_chars: int | None = None,
) -> None:
    """Draw wrapped lines; `max_chars` reveals only the first characters (typewriter effect)."""
    x, y = topleft
    left = max_chars if max_chars is not None else 1 << 30
    for line in tb.lines:
        if left <= 0:
            break
        shown = line if len(line) <= left else line[:left]
        left -= len(line) + 1
        if shown:
            surface.blit(rendered(shown, font, colour), (x, y))
        y += tb.line_height


def draw_text(
    surface: pygame.Surface,
    text: str,
    font: pygame.font.Font,
    colour: Colour,
    pos: tuple[int, int],
    *,
    anchor: str = "topleft",
) -> pygame.Rect:
    image = rendered(text, font, colour)
    rect = image.get_rect(**{anchor: pos})
    surface.blit(image, rect)
    return rect
