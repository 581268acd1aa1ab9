"""A choice that names several legal bases: the debrief counts every power named, not only the first that
the event records."""

from __future__ import annotations

from debrief.registration import powers_of
from debrief.runs import read_run
from debrief.sources import SessionRecord
from tests.conftest import FIXTURES
from trainer.engine import FakeClock, Session
from trainer.engine.views import Phase
from trainer.model.loader import load_scenario_text


def test_every_power_named_by_a_choice_is_read() -> None:
    text = (FIXTURES / "minimal.yaml").read_text(encoding="utf-8")
    text = text.replace(
        "          legal_basis: wvw_160\n", "          legal_basis: [wvw_160, politiewet_8]\n"
    )
    loaded = load_scenario_text(text, "minimaal.yaml")
    session = Session(loaded.scenario, clock=FakeClock())
    for choice in ("fietser_zonder_licht", "concreet", "rustig"):
        session.choose(choice)
    while session.phase == Phase.PLAY and session.view().can_advance:
        session.advance()
    session.choose("bespreken")
    record = SessionRecord(
        "s1", "A1", None, None, loaded.content_hash, "2026-01-01", False, tuple(session.events)
    )
    run = read_run(loaded.scenario, record, "nl")
    assert powers_of(run) == ["wvw_160", "politiewet_8"]
