"""The trainee's window during a group revote, driven headless: it learns of the revote from the store,
shows the same decision again over whatever is on screen (clocks stopped, no countdown), records the vote as a
RevoteCast in the trainee's session and goes back to where the trainee was."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import FIXTURES
from tests.debrief.synthetic import Trainee, play
from trainer.engine.events import RevoteCast
from trainer.records import RecordStore
from trainer.records.group_journal import LocalGroupJournal, RevoteVote
from trainer.records.revote_desk import desk_for
from trainer.ui.app import PlayerOptions
from trainer.ui.pilot import Pilot
from trainer.ui.routing import Screen

MINIMAL = FIXTURES / "minimal.yaml"


def _pilot(store: RecordStore, size: tuple[int, int] = (1280, 720)) -> Pilot:
    options = PlayerOptions(
        trainee="T9", group="ochtend", scenario_file=MINIMAL, size=size, revotes=desk_for(store)
    )
    pilot = Pilot(options, store=store)
    pilot.press("enter")  # the briefing: begin
    assert pilot.screen == Screen.SELECTION
    return pilot


def test_a_revote_reaches_the_window_and_is_recorded(tmp_path: Path) -> None:
    db = tmp_path / "r.sqlite3"
    with RecordStore(db) as store, RecordStore(db) as console:
        pilot = _pilot(store)
        session = pilot.app.session
        assert session is not None
        session.choose("fietser_zonder_licht")  # the trainee is in the scene 'aanspreken' now
        pilot.app._follow_session()
        pilot.advance(10)
        assert pilot.screen == Screen.DIALOGUE
        journal = LocalGroupJournal(console)  # the gespreksleider's console, its own connection
        revote = journal.open_revote("ochtend", "minimaal", "straat")
        pilot.advance(1)
        assert pilot.screen == Screen.REVOTE and pilot.app.paused
        before = session.elapsed()
        pilot.wait(5)  # nobody's clock runs while the group revotes
        assert session.elapsed() == pytest.approx(before)
        lay = pilot.layout()
        assert lay.labels == ["Fietser zonder licht", "Niemand aanspreken"]  # this trainee's order
        assert "countdown" not in lay.rects
        pilot.press("esc")  # the revote stays until answered
        assert pilot.screen == Screen.REVOTE
        pilot.press("2")
        assert pilot.screen == Screen.DIALOGUE and not pilot.app.paused
        assert pilot.app.note is None  # no note over a scene whose timer runs
        cast = [e for e in session.events if isinstance(e, RevoteCast)]
        assert [(e.revote_id, e.node, e.choice) for e in cast] == [(revote.revote_id, "straat", "niemand")]
        assert session.node_id == "aanspreken"  # the vote moved nothing
        recorder_id = store.sessions(group="ochtend")[0].id
        assert journal.votes(revote.revote_id) == [RevoteVote(revote.revote_id, recorder_id, "niemand")]
        pilot.advance(30)
        assert pilot.screen == Screen.DIALOGUE  # answered once: not asked again


def test_a_revote_closed_before_voting_goes_away(tmp_path: Path) -> None:
    db = tmp_path / "r.sqlite3"
    with RecordStore(db) as store, RecordStore(db) as console:
        pilot = _pilot(store)
        journal = LocalGroupJournal(console)
        revote = journal.open_revote("ochtend", "minimaal", "aanspreken")
        pilot.advance(1)
        assert pilot.screen == Screen.REVOTE
        # not reached by this trainee: the sheet's neutral order (never the author's, in-line first)
        assert pilot.layout().labels == ["Gewoon een controle.", "Je fietst zonder licht."]
        journal.close_revote(revote.revote_id)
        pilot.advance(1)
        assert pilot.screen == Screen.SELECTION and not pilot.app.paused
        other = journal.open_revote("middag", "minimaal", "straat")  # another group's: not ours
        pilot.advance(2)
        assert pilot.screen == Screen.SELECTION and other.group == "middag"


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_the_revote_screen_fits(tmp_path: Path, size: tuple[int, int]) -> None:
    db = tmp_path / "r.sqlite3"
    with RecordStore(db) as store, RecordStore(db) as console:
        pilot = _pilot(store, size)
        LocalGroupJournal(console).open_revote("ochtend", "minimaal", "aanspreken")
        pilot.advance(20)
        lay = pilot.layout()
        panel = lay.rects["panel"]
        assert pilot.app.surface.get_rect().contains(panel)
        for _name, tb, box, _font in lay.texts:
            assert tb.fits(box) and not tb.truncated, _name
        for rect, _cmd in lay.buttons:
            assert panel.contains(rect)
        pilot.screenshot(tmp_path / f"revote-{size[0]}.png")


def test_after_the_ending_the_vote_is_confirmed(tmp_path: Path) -> None:
    db = tmp_path / "r.sqlite3"
    with RecordStore(db) as store, RecordStore(db) as console:
        pilot = _pilot(store)
        session = pilot.app.session
        assert session is not None
        play(session, Trainee(["fietser_zonder_licht", "concreet"]))  # to the end, through the Session
        pilot.app._follow_session()
        pilot.advance(2)
        screen = pilot.screen
        assert screen in (Screen.DONE, Screen.PERSPECTIVE)
        LocalGroupJournal(console).open_revote("ochtend", "minimaal", "straat")
        pilot.advance(1)
        assert pilot.screen == Screen.REVOTE
        pilot.press("1")
        assert pilot.screen == screen
        assert pilot.app.note is not None and "vastgelegd" in pilot.app.note[0]
        [row] = store.sessions(group="ochtend")
        assert row.status == "finished" and store.events(row.id)[-1].type == "revote_cast"
