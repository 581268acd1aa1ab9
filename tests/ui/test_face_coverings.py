"""A niqab and a snood as drawn, with known answers: the face is sampled in head units, so a niqab that showed
a mouth, a nose or hair, or a snood that left the mouth bare, fails here (issue 21: words and pictures agree).

Each measurement is run once on a control that must fail it (a headscarf shows the chin, a bare face the
mouth), so the check can see what it is looking for.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any, get_args

import pygame
import pytest

from tests.conftest import SCENARIOS
from trainer.model.casting import cast_with_look
from trainer.model.loader import load_scenario
from trainer.model.scenario import Appearance
from trainer.model.vocabulary import Demeanour
from trainer.ui import art
from trainer.ui.app import PlayerOptions
from trainer.ui.art import palette as pal
from trainer.ui.art.figure import build_figure
from trainer.ui.art.pen import px_per_cm
from trainer.ui.art.person import portrait_face_point
from trainer.ui.art.veil import BAND_BOTTOM, BAND_TOP, COL_TOP
from trainer.ui.pilot import Pilot

SIZE = 300
RGB = tuple[int, int, int]


@pytest.fixture(autouse=True)
def _fresh() -> Iterator[None]:
    pygame.display.init()
    art.clear_caches()
    yield
    art.clear_caches()


def person(**kw: Any) -> Appearance:
    base: dict[str, Any] = {"skin_tone": 3, "age": 34, "hair": "lang", "hair_color": "rood"}
    base.update({"clothing": "net", "clothing_color": "zwart"})
    base.update(kw)
    return Appearance.model_validate(base)


def near(c: tuple[int, ...], ref: RGB, tol: int) -> bool:
    return all(abs(a - b) <= tol for a, b in zip(c[:3], ref, strict=True))


def face_pixels(
    surface: pygame.Surface,
    app: Appearance,
    mood: str,
    box: tuple[float, float, float, float],
    at: tuple[int, int],
    size: int = SIZE,
) -> Iterator[tuple[float, float, tuple[int, ...]]]:
    """(u, v, colour) of every pixel of a portrait drawn at `at` on `surface` whose face point lies in
    box = (u0, u1, v0, v1)."""
    x0, y0 = portrait_face_point(app, mood, size, 0.0, 0.0)
    x1, _ = portrait_face_point(app, mood, size, 1.0, 0.0)
    _, y1 = portrait_face_point(app, mood, size, 0.0, 1.0)
    ax, by = x1 - x0, y0 - y1
    u0, u1, v0, v1 = box
    for py in range(int(y0 - v1 * by), int(y0 - v0 * by) + 1):
        for px in range(int(x0 + u0 * ax), int(x0 + u1 * ax) + 1):
            yield (px - x0) / ax, (y0 - py) / by, tuple(surface.get_at((px + at[0], py + at[1])))


def skin_vs(
    surface: pygame.Surface,
    app: Appearance,
    mood: str = "kalm",
    at: tuple[int, int] = (0, 0),
    size: int = SIZE,
) -> list[float]:
    """The v (head units, -1 chin .. 1 crown) of every skin-coloured pixel over the face and chin."""
    skin = pal.skin(app.skin_tone)
    box = (-0.8, 0.8, -1.05, 1.0)
    return [v for _u, v, c in face_pixels(surface, app, mood, box, at, size) if near(c, skin, 14)]


def portrait(app: Appearance, mood: str = "kalm") -> pygame.Surface:
    return art.render_portrait(app, Demeanour(mood), SIZE)


@pytest.mark.parametrize("tone", [1, 3, 6])
@pytest.mark.parametrize("mood", ["kalm", "bang", "boos"])
def test_a_niqab_shows_skin_only_in_the_band_round_the_eyes(tone: int, mood: str) -> None:
    app = person(skin_tone=tone, headwear="niqab")
    vs = skin_vs(portrait(app, mood), app, mood)
    assert len(vs) > 200, "the eyes and the skin round them show"
    assert min(vs) >= BAND_BOTTOM - 0.05 and max(vs) <= BAND_TOP + 0.05, (min(vs), max(vs))
    # The control: the same measurement on a headscarf finds the cheeks, mouth and chin.
    bare = person(skin_tone=tone, headwear="hoofddoek")
    assert min(skin_vs(portrait(bare, mood), bare, mood)) < -0.6


def test_a_niqab_draws_no_hair_no_mouth_and_no_nose() -> None:
    app = person(headwear="niqab")
    surface = portrait(app)
    hair = pal.hair_colour("rood", 34)
    every = [tuple(surface.get_at((x, y))) for x in range(SIZE) for y in range(SIZE)]
    assert not [c for c in every if c[3] > 200 and near(c, hair, 16)], "no hair under the niqab"
    lip, shadow = pal.lip(3), pal.skin_shadow(3)
    mouth_and_nose = [c for _u, _v, c in face_pixels(surface, app, "kalm", (-0.4, 0.4, -0.8, -0.25), (0, 0))]
    assert not [c for c in mouth_and_nose if near(c, lip, 14) or near(c, shadow, 10)]
    uncovered = person()
    bare = portrait(uncovered)
    assert [
        c for c in (tuple(bare.get_at((x, y))) for x in range(SIZE) for y in range(SIZE)) if near(c, hair, 16)
    ]
    bare_mouth = [c for _u, _v, c in face_pixels(bare, uncovered, "kalm", (-0.4, 0.4, -0.8, -0.25), (0, 0))]
    assert [c for c in bare_mouth if near(c, lip, 14)], "the control shows its mouth"


def test_behind_a_niqab_the_eyes_and_brows_carry_every_demeanour() -> None:
    app = person(headwear="niqab")
    faces = {pygame.image.tobytes(portrait(app, mood.value), "RGBA") for mood in Demeanour}
    assert len(faces) == len(Demeanour)


@pytest.mark.parametrize("headwear", ["capuchon", "pet", "geen"])
def test_a_snood_covers_nose_mouth_and_chin(headwear: str) -> None:
    app = person(skin_tone=1, hair="kort", hair_color="bruin", headwear=headwear, accessories=["col_omhoog"])
    surface = portrait(app, "nerveus")
    vs = skin_vs(surface, app, "nerveus")
    assert vs and max(vs) > 0.0, "the eyes and forehead show"
    assert min(vs) >= COL_TOP - 0.14, min(vs)
    lip = pal.lip(1)
    mouth = [c for _u, _v, c in face_pixels(surface, app, "nerveus", (-0.4, 0.4, -0.8, -0.4), (0, 0))]
    assert not [c for c in mouth if near(c, lip, 14)]
    bare = person(skin_tone=1, hair="kort", hair_color="bruin", headwear=headwear)
    assert min(skin_vs(portrait(bare, "nerveus"), bare, "nerveus")) < -0.6


def head_skin(surface: pygame.Surface, app: Appearance) -> int:
    """Skin-coloured pixels over the head and neck of a standing figure (down to the shoulders)."""
    fig = build_figure(app, "kalm")
    scale = px_per_cm(surface.get_height())
    h = surface.get_height()
    top, bottom = h - (fig.head[1] + fig.hh * 0.6) * scale, h - fig.shoulder_y * scale
    skin = pal.skin(app.skin_tone)
    return sum(
        1
        for y in range(max(0, int(top)), int(bottom) + 1)
        for x in range(surface.get_width())
        if surface.get_at((x, y))[3] > 200 and near(surface.get_at((x, y)), skin, 22)
    )


def standing(height: int, facing: str = "front", **kw: Any) -> int:
    app = person(**kw)
    return head_skin(art.render_person(app, Demeanour.KALM, height, facing=facing), app)


@pytest.mark.parametrize("height", [60, 160, 420])
def test_street_figures_at_every_distance_keep_the_face_covered(height: int) -> None:
    niqab, scarf = standing(height, headwear="niqab"), standing(height, headwear="hoofddoek")
    assert niqab <= scarf * 0.45, (niqab, scarf)
    if height >= 160:
        assert niqab > 0, "the eye band shows"
    col = standing(height, headwear="capuchon", accessories=["col_omhoog"])
    hood = standing(height, headwear="capuchon")
    assert col <= hood * 0.75, (col, hood)


def test_from_behind_a_niqab_shows_no_skin_on_the_head() -> None:
    assert standing(300, "back", headwear="niqab") == 0
    assert standing(300, "back") > 0, "the control: a bare neck and ears from behind"


def test_noor_keeps_her_niqab_in_all_three_looks() -> None:
    scenario = load_scenario(SCENARIOS / "id_demonstratie.yaml").scenario
    pool = scenario.casting[0]
    noor = next(m for m in scenario.cast if m.id == "noor")
    ruben = next(m for m in scenario.cast if m.id == "ruben")
    tones = set()
    for look in pool.looks:
        shown = cast_with_look(noor, pool, look).appearance
        assert str(shown.headwear) == "niqab"
        vs = skin_vs(portrait(shown), shown)
        assert len(vs) > 200 and min(vs) >= BAND_BOTTOM - 0.05, look.id
        tones.add(shown.skin_tone)
        assert "col_omhoog" in cast_with_look(ruben, pool, look).appearance.accessories
    assert tones == {1, 3, 6}


def test_the_conversation_with_noor_shows_her_veil_in_the_portrait(tmp_path: Path) -> None:
    from trainer.ui.screens import dialogue

    pilot = Pilot(PlayerOptions(trainee="P1", scenario_file=SCENARIOS / "id_demonstratie.yaml"))
    pilot.press("enter")
    pilot.app._start_session("a_gezicht")
    pilot.wait(1.5)  # past the fade-in
    frame = pilot.app.frame()
    member = dialogue._portrait_member(frame)
    assert member is not None and member.id == "noor"
    box = dialogue.layout(frame).rects["portrait"]
    shot = pygame.image.load(str(pilot.screenshot(tmp_path / "noor.png")))
    app, mood = member.appearance, member.demeanour.value
    vs = skin_vs(shot, app, mood, box.topleft, box.width)
    assert len(vs) > 30, "her eyes show"
    assert min(vs) >= BAND_BOTTOM - 0.06 and max(vs) <= BAND_TOP + 0.06, (min(vs), max(vs))


@pytest.mark.parametrize("colour", get_args(Appearance.model_fields["clothing_color"].annotation))
def test_a_niqab_is_dark_fabric_whatever_the_clothing_colour(colour: str) -> None:
    app = person(headwear="niqab", clothing_color=colour)
    surface = portrait(app)
    r, g, b, _ = pygame.transform.average_color(
        surface, pygame.Rect(*portrait_face_point(app, "kalm", SIZE, -0.6, -0.5), 40, 20)
    )
    assert 0.2126 * r + 0.7152 * g + 0.0722 * b < 90, (colour, (r, g, b))
