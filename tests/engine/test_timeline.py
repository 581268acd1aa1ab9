"""The living street: beats are deterministic, leaving is final, the crowd fills up as authored."""

from __future__ import annotations

import pytest

from tests.conftest import ROOT
from trainer.commands.common import load_clean
from trainer.engine.clock import FakeClock
from trainer.engine.crowd import crowd_at, crowd_plan
from trainer.engine.errors import EngineError
from trainer.engine.session import Session
from trainer.engine.timeline import Pose, candidates_at, departed
from trainer.model.scenario import SelectionNode


def _plein() -> tuple[object, SelectionNode]:
    sc = load_clean(str(ROOT / "scenarios" / "stationsplein.yaml"), "nl").scenario
    node = sc.nodes["plein"]
    assert isinstance(node, SelectionNode)
    return sc, node


def test_same_second_same_street() -> None:
    _sc, node = _plein()
    for t in (0.0, 12.5, 61.0, 119.9):
        assert candidates_at(node, t) == candidates_at(node, t)
    a = crowd_plan(node, seed=7, hour="middag", time_limit=120)
    b = crowd_plan(node, seed=7, hour="middag", time_limit=120)
    assert crowd_at(a, 33.3) == crowd_at(b, 33.3)
    other = crowd_plan(node, seed=8, hour="middag", time_limit=120)
    assert crowd_at(a, 33.3) != crowd_at(other, 33.3)


def test_beats_are_seen() -> None:
    _sc, node = _plein()
    at = {p.key: p for p in candidates_at(node, 1.0)}
    assert at["oudere_man"].pose == Pose.ZITTEN  # the man on the bench sits on it
    assert abs(at["oudere_man"].x - 0.7) < 1e-9  # ... where the bench is
    assert at["jongen_pilaar"].pose == Pose.LEUNEN
    walking = {p.key: p for p in candidates_at(node, 32.5)}
    assert walking["oudere_man"].pose == Pose.LOPEN


def test_square_fills_up() -> None:
    _sc, node = _plein()
    plan = crowd_plan(node, seed=1, hour="middag", time_limit=120)
    start, end = len(crowd_at(plan, 0.0)), len(crowd_at(plan, 119.0))
    assert start < end and end >= 25  # "het plein loopt vol"


def test_departed_cannot_be_addressed() -> None:
    sc, node = _plein()
    clock = FakeClock()
    session = Session(sc, clock=clock, start_node="plein")  # type: ignore[arg-type]
    assert "fietsster" not in session.departed()
    clock.advance(110.0)
    assert "fietsster" in departed(node, 110.0)
    assert "fietsster" in session.departed()
    with pytest.raises(EngineError) as err:
        session.choose("fietsster")
    assert "weggelopen" in err.value.message("nl")
    session.choose("zakkenroller")  # someone still there can be addressed
    assert session.node_id == "a_aanspreken"
