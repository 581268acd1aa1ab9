"""Crowd sounds come from the figures the street draws: panned where drawn, louder nearer; optional."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pygame
import pytest

from tests.ui.test_street import SIZE, _frame
from trainer.engine.crowd import CrowdPlan, Walker, crowd_at
from trainer.paths import assets_dir
from trainer.ui.crowd_sound import MAX_HEARD, heard, sound_of, stereo
from trainer.ui.screens import selection
from trainer.ui.sound import CROWD, Sound


@pytest.fixture(autouse=True)
def _no_mixer_left() -> Iterator[None]:
    yield
    if pygame.mixer.get_init():
        pygame.mixer.quit()


def _walker(plan: CrowdPlan, kind: str) -> Walker:
    return next(w for w in plan.walkers if w.kind == kind and w.arrives == 0.0 and w.leaves is None)


def test_the_pan_follows_a_walker_across_the_screen_where_the_street_draws_them() -> None:
    frame = _frame("stationsplein", 0.0, pan=0.5)
    street = selection.street_of(frame)
    walker = _walker(street.plan, "lopen")
    offset = selection.offset(frame)
    centre = (offset + SIZE[0] / 2) / street.width % 1.0
    view = SIZE[0] / street.width
    alone = CrowdPlan((replace(walker, depth=0.3),), wet=False)  # only this walker: nothing louder hides it
    seen: list[tuple[float, float]] = []
    for step in range(0, 2400):
        t = step / 8
        drawn = [d for d in street.figures(t, offset) if d.key == walker.key]
        hits = heard(alone, t, centre, view)
        if not drawn or not 0 < drawn[0].rect.centerx < SIZE[0]:
            continue
        assert len(hits) == 1 and hits[0].key == walker.key
        assert hits[0].sound == ("suitcase" if walker.suitcase else "footsteps")
        # heard exactly where drawn (to a pixel or two: the sprite's midbottom is the figure's x)
        assert hits[0].pan == pytest.approx(drawn[0].rect.centerx / SIZE[0], abs=3 / SIZE[0])
        seen.append((t, hits[0].pan))
    assert seen, "the walker crosses the window within the time limit"
    runs: list[list[float]] = [[]]  # one run per crossing (the walker comes round the street again)
    for (t0, _p0), (t1, p1) in zip([(-1.0, 0.0), *seen], seen, strict=False):
        if t1 - t0 > 0.2:
            runs.append([])
        runs[-1].append(p1)
    crossing = max(runs, key=len)
    direction = 1 if walker.speed > 0 else -1
    assert all(direction * (b - a) > 0 for a, b in zip(crossing, crossing[1:], strict=False))
    assert max(crossing) - min(crossing) > 0.95  # from one side of the screen to the other


def test_looking_round_moves_a_standing_voice_the_other_way() -> None:
    frame = _frame("stationsplein", 0.0)
    street = selection.street_of(frame)
    phoner = next(w for w in street.plan.walkers if w.kind == "bellen" and w.leaves is None)
    alone = CrowdPlan((phoner,), wet=False)
    view = SIZE[0] / street.width
    pans = []
    for k in range(9):  # the trainee turns right: the view's centre moves past the phoner
        centre = (phoner.x0 - view * 0.4 + k * view * 0.1) % 1.0
        (hit,) = heard(alone, 10.0, centre, view)
        assert hit.sound == "phone_voice"
        pans.append(hit.pan)
    assert pans == sorted(pans, reverse=True) and pans[0] > 0.85 and pans[-1] < 0.15
    assert heard(alone, 10.0, (phoner.x0 + 0.5) % 1.0, view) == ()  # behind the trainee: not heard


def test_nearer_is_louder_and_only_the_loudest_few_are_heard() -> None:
    frame = _frame("stationsplein", 0.0)
    street = selection.street_of(frame)
    walker = _walker(street.plan, "lopen")
    view = SIZE[0] / street.width
    x = crowd_at(CrowdPlan((walker,), False), 5.0)[0].x
    near = heard(CrowdPlan((replace(walker, depth=-0.22),), False), 5.0, x, view)[0]
    far = heard(CrowdPlan((replace(walker, depth=1.0),), False), 5.0, x, view)[0]
    assert near.gain == pytest.approx(1.0) and far.gain == pytest.approx(0.3) and near.pan == far.pan
    busy = selection.street_of(_frame("stationsplein", 100.0)).plan
    loud = heard(busy, 100.0, 0.5, view)
    assert 0 < len(loud) <= MAX_HEARD and [h.gain for h in loud] == sorted(
        (h.gain for h in loud), reverse=True
    )
    kinds = {sound_of(w) for w in busy.walkers}
    assert {"footsteps", "bike", "phone_voice", "suitcase"} <= kinds  # the square has all four
    left, right = stereo(0.0, 1.0)
    assert (left, right) == pytest.approx((1.0, 0.0))
    assert stereo(0.5, 1.0) == pytest.approx((0.7071, 0.7071), abs=1e-3)  # equal power in the middle


def test_the_mixer_follows_each_figure_on_its_own_channel_and_is_optional() -> None:
    frame = _frame("stationsplein", 0.0)
    street = selection.street_of(frame)
    view = SIZE[0] / street.width
    sound = Sound.open(assets_dir() / "sounds", volume=1.0)
    assert sound.enabled  # the dummy device
    first = heard(street.plan, 40.0, 0.5, view)
    sound.crowd(first)
    assert set(sound.panned) == {h.key for h in first}
    busy = [pygame.mixer.Channel(CROWD + i).get_busy() for i in range(MAX_HEARD)]
    assert sum(busy) == len(first)
    sound.crowd(())  # the selection is over: every crowd channel fades
    assert sound.panned == {} and sound._crowd == [None] * MAX_HEARD
    silent = Sound(None)  # no device: the same calls, nothing plays, nothing raises
    silent.crowd(first)
    assert set(silent.panned) == {h.key for h in first}
    silent.set_muted(True)
    silent.crowd(first)
    assert all(left == right == 0.0 for _s, left, right in silent.panned.values())
