"""Play the real player headless to the end, by keyboard or by mouse, as a trainee would."""

from __future__ import annotations

import random

from trainer.ui.app import ENDING_MIN_READ_SECONDS
from trainer.ui.pilot import Pilot

MAX_STEPS = 400


def by_keys(pilot: Pilot, rng: random.Random) -> list[str]:
    """Keys only: Tab/Enter in the street, digits for choices, typing for reflection, Tab/Space for the
    form."""
    seen = []
    for _ in range(MAX_STEPS):
        screen = pilot.screen
        seen.append(screen)
        if screen == "selection":
            count = len(pilot.layout().rects) and len(
                [k for k in pilot.layout().rects if k.startswith("cand:")]
            )
            if rng.random() < 0.2:
                pilot.press("n")
            else:
                pilot.press(*["tab"] * (1 + rng.randrange(count)))
                pilot.press("enter", "enter")  # look closer, then address
        elif screen == "dialogue":
            buttons = len(pilot.layout().buttons)
            pilot.press(str(1 + rng.randrange(buttons)) if buttons > 1 else "enter")
            if pilot.screen == "dialogue" and buttons == 1:
                pilot.press("enter")  # the first Enter may only reveal the text
        elif screen == "ending":
            pilot.wait(ENDING_MIN_READ_SECONDS)  # an ending is read before Enter continues
            pilot.press("enter")
        elif screen in ("briefing", "perspective"):
            pilot.press("enter")
        elif screen == "reflection":
            pilot.type("Ik lette op het gedrag, niet op het uiterlijk.")
            pilot.press("enter")
        elif screen == "registration":
            pilot.press("space", "tab", "space", "tab", "space", "tab")
            pilot.type("Zie verslag")
            pilot.press("tab", "enter")
        elif screen == "done":
            return seen
        else:
            raise AssertionError(f"stuck on {screen}")
    raise AssertionError("no ending within the step budget")


def by_mouse(pilot: Pilot, rng: random.Random) -> list[str]:
    """Mouse only (and typing for the free text): click people, buttons, boxes."""
    seen = []
    for _ in range(MAX_STEPS):
        screen = pilot.screen
        seen.append(screen)
        lay = pilot.layout()
        if screen == "selection":
            people = [
                r for k, r in lay.rects.items() if k.startswith("cand:") and 0 < r.centerx < pilot.app.size[0]
            ]
            if not people or rng.random() < 0.15:
                pilot.click(lay.rects["nobody"].center)
                continue
            pilot.click(rng.choice(people).center)
            pilot.click(pilot.layout().rects["address"].center)
        elif screen == "reflection":
            pilot.type("Het gedrag gaf de doorslag.")
            pilot.click(lay.buttons[0][0].center)
        elif screen == "registration":
            for key in ("grounds:gedrag", "basis:geen", "outcome:vriendelijke_afsluiting"):
                pilot.click(lay.rects[key].center)
            pilot.click(lay.rects["reason"].center)
            pilot.type("gedrag")
            pilot.click(lay.rects["submit"].center)
        elif screen == "done":
            return seen
        elif screen == "ending" and pilot.app._age() < ENDING_MIN_READ_SECONDS:
            pilot.wait(ENDING_MIN_READ_SECONDS)
        elif lay.buttons:
            pilot.click(
                rng.choice(lay.buttons)[0].center if screen == "dialogue" else lay.buttons[0][0].center
            )
        else:
            raise AssertionError(f"nothing to click on {screen}")
    raise AssertionError("no ending within the step budget")
