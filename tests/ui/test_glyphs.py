"""Every character the player may show exists in the shipped font (no empty boxes on screen)."""

from __future__ import annotations

import pygame

from tests.conftest import SCENARIOS
from trainer.model.checks import iter_texts
from trainer.model.loader import load_scenario
from trainer.ui.strings import catalogue
from trainer.ui.theme import Theme


def _missing(text: str, font: pygame.font.Font, notdef: object) -> set[str]:
    return {ch for ch in set(text) if ch.isprintable() and ch != " " and font.metrics(ch)[0] == notdef}


def test_ui_strings_and_scenario_texts_have_glyphs() -> None:
    font = Theme().body
    notdef = font.metrics("\ue000")[0]  # a private-use character: certainly not in the font
    texts = [v for lang in ("nl", "en") for v in catalogue(lang).values()]
    for path in SCENARIOS.glob("*.yaml"):
        for text in iter_texts(load_scenario(path).scenario):
            texts += [text.nl, text.en or ""]
    missing = set().union(*(_missing(t, font, notdef) for t in texts))
    assert missing == set(), f"characters without a glyph in Noto Sans: {sorted(missing)}"
