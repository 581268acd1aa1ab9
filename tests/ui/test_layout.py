"""All text fits its box, in Dutch and English, at 1280x720 and 1024x600, on every screen of every
scenario."""

from __future__ import annotations

import pytest

from tests.conftest import SCENARIOS
from tests.ui.screens_all import all_states
from trainer.model.loader import load_scenario
from trainer.ui.routing import SCREENS
from trainer.ui.text import block
from trainer.ui.widgets import BUTTON_TEXT, fit, label_box

SIZES = [(1280, 720), (1024, 600)]
SCENARIO_LIST = [load_scenario(p) for p in sorted(SCENARIOS.glob("*.yaml"))]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_all_text_fits_its_box_and_the_window(size: tuple[int, int], lang: str) -> None:
    problems: list[str] = []
    checked = 0
    for name, screen, frame in all_states(SCENARIO_LIST, size, lang):
        lay = SCREENS[screen].layout(frame)
        window = (0, 0, *size)
        for text_name, tb, box, _font in lay.texts:
            checked += 1
            if not tb.fits(box):
                problems.append(
                    f"{name}: '{text_name}' needs {tb.width}x{tb.height}, box {box.size}: {tb.lines[:1]}"
                )
            if box.clip(window) != box and box.height > 0:
                problems.append(f"{name}: '{text_name}' box {box} is outside the window")
        numbered = screen == "dialogue" and bool(frame.view and frame.view.choices)
        for (rect, _), label in zip(lay.buttons, lay.labels, strict=True):
            checked += 1
            inner = label_box(rect, frame.theme, numbered=numbered)
            tb, _font = fit(label, frame.theme, BUTTON_TEXT, inner)
            if not tb.fits(inner):
                problems.append(f"{name}: button '{label[:40]}' does not fit {inner.size}")
            if rect.clip(window) != rect:
                problems.append(f"{name}: button '{label[:40]}' {rect} is outside the window")
    assert checked > 100
    assert problems == [], "\n".join(problems[:30])


def test_wrap_keeps_every_word_and_respects_the_width() -> None:
    import pygame

    from trainer.ui.theme import Theme

    font = Theme().body
    text = "Goedenavond mevrouw, politie. Mijn collega staat achter de auto. Onoverzichtelijkheidsbeleid " * 3
    tb = block(text, font, 300)
    assert all(font.size(line)[0] <= 300 for line in tb.lines)
    assert " ".join(tb.lines).split() == text.split() or "".join(tb.lines).replace(" ", "") == text.replace(
        " ", ""
    )
    assert tb.fits(pygame.Rect(0, 0, 300, tb.height)) and not tb.fits(pygame.Rect(0, 0, 300, tb.height - 1))
