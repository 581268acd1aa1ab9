"""The perspective switch, seen: the street from the stopped person's side, the two officers facing them,
and the trainee's own words in a speech bubble, as that person heard them.

The street is the setting's backdrop seen from the other way round (another stretch of the same street);
the stopped person stands in the foreground with their back to us, looking at the officers.
"""

from __future__ import annotations

import pygame

from trainer.model.scenario import Appearance, CastMember, Scenario
from trainer.model.vocabulary import Demeanour
from trainer.ui import art
from trainer.ui import theme as th
from trainer.ui.text import draw_block
from trainer.ui.widgets import fit, panel

# The trainee's own officer: a plain uniformed figure, the same for everyone (a trainee's looks are never
# recorded or guessed).
TRAINEE_OFFICER = Appearance.model_validate(
    {
        "skin_tone": 3,
        "age": 31,
        "build": "gemiddeld",
        "height": 178,
        "hair": "kort",
        "hair_color": "bruin",
        "headwear": "politiepet",
        "clothing": "uniform",
        "clothing_color": "blauw",
    }
)


def _partner(scenario: Scenario) -> CastMember | None:
    pid = scenario.briefing.partner
    return next((c for c in scenario.cast if c.id == pid), None)


_SCENES: dict[tuple[int, str, tuple[int, int]], tuple[Scenario, pygame.Surface]] = {}


def _scene(scenario: Scenario, person_id: str, size: tuple[int, int]) -> pygame.Surface:
    """The drawn scene, once per scenario, person and size (a page is drawn every frame)."""
    key = (id(scenario), person_id, size)
    hit = _SCENES.get(key)
    if hit is not None and hit[0] is scenario:
        return hit[1]
    if len(_SCENES) >= 4:
        _SCENES.clear()
    out = _draw_scene(scenario, person_id, size)
    _SCENES[key] = (scenario, out)
    return out


def _draw_scene(scenario: Scenario, person_id: str, size: tuple[int, int]) -> pygame.Surface:
    w, h = size
    setting = scenario.setting
    # The other side of the same street: a stretch of it the selection did not start on (not mirrored, so
    # signs still read the right way).
    back = art.render_backdrop(setting.backdrop, setting.time_of_day.value, (w * 3, h))
    out = back.subsurface(pygame.Rect(w * 2, 0, w, h)).copy()
    ground = int(h * art.GROUND_Y_FRACTION)
    tall = int(h * 0.62)
    partner = _partner(scenario)
    officers = [TRAINEE_OFFICER] + ([partner.appearance] if partner is not None else [])
    for i, app in enumerate(officers):
        fig = art.render_person(
            app,
            partner.demeanour if i and partner else Demeanour.KALM,
            int(tall * (0.96 if i else 1.0)),
            facing="front",
        )
        out.blit(fig, fig.get_rect(midbottom=(int(w * (0.42 + 0.2 * i)), ground - (8 if i else 0))))
    person = next((c for c in scenario.cast if c.id == person_id), None)
    if person is not None:  # in the foreground, their back to us: we stand where they stood
        near = art.render_person(person.appearance, person.demeanour, int(h * 0.95), facing="back")
        out.blit(near, near.get_rect(midbottom=(int(w * 0.14), int(h * 1.18))))
    return out


def draw_their_side(
    surface: pygame.Surface,
    rect: pygame.Rect,
    scenario: Scenario,
    person: CastMember,
    heard: str | None,
    theme: th.Theme,
) -> None:
    """The scene in `rect`, and `heard` (the trainee's chosen line) in a bubble above the officer."""
    surface.blit(_scene(scenario, person.id, (rect.width, rect.height)), rect.topleft)
    if not heard:
        return
    px = theme.px
    room = pygame.Rect(0, 0, int(rect.width * 0.84), int(rect.height * 0.26))
    tb, font = fit(heard, theme, 17, room.inflate(-px(20), -px(14)), min_size=10)
    bubble = pygame.Rect(0, 0, room.width, min(room.height, tb.height + px(16)))
    bubble.midtop = (rect.left + int(rect.width * 0.5), rect.top + px(16))
    panel(surface, bubble, alpha=235)
    tip = [
        (rect.left + int(rect.width * 0.42) - px(10), bubble.bottom - 1),
        (rect.left + int(rect.width * 0.42) + px(10), bubble.bottom - 1),
        (rect.left + int(rect.width * 0.42), bubble.bottom + px(18)),
    ]
    pygame.draw.polygon(surface, th.PANEL, tip)
    draw_block(surface, tb, font, th.TEXT, (bubble.left + px(10), bubble.top + px(7)))
