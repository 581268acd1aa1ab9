"""The window shows each session's casting: the people in the street wear the look the session drew, a group's
next session draws the next row, and a resumed session shows the same looks again."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import SCENARIOS
from trainer.records import RecordStore
from trainer.ui.app import PlayerOptions
from trainer.ui.pilot import Pilot

STATION = SCENARIOS / "stationsplein.yaml"


def _shown_looks(pilot: Pilot) -> dict[str, tuple[int, str]]:
    session = pilot.app.session
    assert session is not None
    frame = pilot.app.frame()
    assert frame.scenario is not None
    cast = {m.id: m.appearance for m in frame.scenario.cast}
    return {cid: (cast[cid].skin_tone, cast[cid].hair_color) for cid in session.casting}


def test_the_street_shows_the_drawn_looks_and_a_resume_shows_them_again(tmp_path: Path) -> None:
    with RecordStore(tmp_path / "r.db") as store:
        first = Pilot(PlayerOptions(trainee="C1", group="g", scenario_file=STATION), store=store)
        first.press("enter")
        assert first.screen == "selection"
        session = first.app.session
        assert session is not None and session.casting_place == 0
        pool = session.scenario.casting[0]
        looks = {look.id: (look.skin_tone, look.hair_color) for look in pool.looks}
        assert _shown_looks(first) == {cid: looks[lid] for cid, lid in session.casting.items()}
        path = tmp_path / "street.png"
        first.screenshot(path)
        assert path.stat().st_size > 0

        second = Pilot(PlayerOptions(trainee="C2", group="g", scenario_file=STATION), store=store)
        second.press("enter")
        assert second.app.session is not None and second.app.session.casting_place == 1
        assert second.app.session.casting != session.casting  # the next row of the Latin square

        row = store.sessions(trainee="C1")[0]
        again = Pilot(PlayerOptions(resume_id=row.id[:8]), store=store)
        assert again.app.session is not None and again.app.session.casting == session.casting
        assert _shown_looks(again) == _shown_looks(first)
