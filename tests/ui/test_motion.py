"""The walk and pedal cycles: legs alternate with a visible stride, the body bobs, arms swing against the
legs, cyclists pedal; one cycle ends where it began."""

from __future__ import annotations

import math

import pygame
import pytest

from trainer.model.scenario import Appearance
from trainer.ui.art.cycles import PEDAL_FRAMES
from trainer.ui.art.poses import WALK_FRAMES, posed, rider_sprite

APP = Appearance.model_validate(
    {"skin_tone": 4, "age": 34, "height": 176, "clothing": "casual", "clothing_color": "groen"}
)


@pytest.mark.parametrize("facing", [1, -1])
def test_the_legs_alternate_with_a_visible_stride_and_the_body_bobs(facing: int) -> None:
    figs = [posed(APP, "kalm", facing, "lopen", f) for f in range(WALK_FRAMES)]
    h = figs[0].height
    half = WALK_FRAMES // 2
    for f in range(WALK_FRAMES):
        a, b = figs[f], figs[(f + half) % WALK_FRAMES]
        # half a cycle later the other leg does what this one did (relative to its own hip)
        for i in (0, 1):
            ai, bo = a.legs[i], b.legs[1 - i]
            assert ai.ankle[0] - ai.hip[0] == pytest.approx(bo.ankle[0] - bo.hip[0], abs=0.5)
            assert ai.ankle[1] == pytest.approx(bo.ankle[1], abs=0.5)
    spread = [abs(fig.legs[0].ankle[0] - fig.legs[1].ankle[0]) for fig in figs]
    assert max(spread) >= 0.17 * h  # a stride you can see: feet about a third of a metre apart
    hips = [fig.hip_y for fig in figs]
    widest, passing = spread.index(max(spread)), spread.index(min(spread))
    assert hips[passing] - hips[widest] >= 0.01 * h  # highest where the legs pass, lowest when apart
    lifted = [max(leg.ankle[1] for leg in fig.legs) for fig in figs]
    assert max(lifted) - min(lifted) >= 0.04 * h  # the swinging foot leaves the ground
    for fig in figs:  # the knees of a walking leg bend forward, never backwards
        for leg in fig.legs:
            mid = ((leg.hip[0] + leg.ankle[0]) / 2, (leg.hip[1] + leg.ankle[1]) / 2)
            side = (leg.knee[0] - mid[0]) * facing
            assert side >= -0.5, (facing, leg)


def test_each_arm_swings_against_its_leg() -> None:
    stand = posed(APP, "kalm", 1, "staan", 0)
    figs = [posed(APP, "kalm", 1, "lopen", f) for f in range(WALK_FRAMES)]
    h = stand.height
    for fig in figs:
        for i, arm in enumerate(fig.arms):
            same_side_leg = min(fig.legs, key=lambda leg: leg.hip[0] * (1 if arm.shoulder[0] < 0 else -1))
            leg_forward = same_side_leg.ankle[0] - same_side_leg.hip[0]
            arm_forward = arm.hand[0] - stand.arms[i].hand[0] * 0.9
            if (
                abs(leg_forward) > 0.03 * h
            ):  # mid-stride: the arm goes back when its own side's leg goes forward
                assert math.copysign(1, arm_forward) == -math.copysign(1, leg_forward), (
                    i,
                    arm,
                    same_side_leg,
                )
    for i in (0, 1):
        hands = [fig.arms[i].hand[0] for fig in figs]
        assert max(hands) - min(hands) >= 0.12 * h  # a swing you can see


def test_cyclists_pedal_round_and_a_turn_ends_where_it_began() -> None:
    sprites = [pygame.image.tobytes(rider_sprite(APP, 160, 1, frame=f), "RGBA") for f in range(PEDAL_FRAMES)]
    assert len(set(sprites)) == PEDAL_FRAMES  # every frame of the turn differs
    assert pygame.image.tobytes(rider_sprite(APP, 160, 1, frame=PEDAL_FRAMES), "RGBA") == sprites[0]
