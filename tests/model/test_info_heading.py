"""An information item's kind heads it in the reader's language: an English trainee reads DISPATCH, not
MELDKAMER (the kind said what the item is, so it must be readable in every language the UI offers)."""

from __future__ import annotations

from tests.conftest import PLANS, SCENARIOS
from trainer.engine import FakeClock, Session
from trainer.engine.plan import follow, parse_plan
from trainer.engine.transcript import transcript
from trainer.model.loader import load_scenario
from trainer.model.scenario import InfoItem
from trainer.model.text import Text
from trainer.model.vocabulary import InfoKind


def test_every_kind_has_a_dutch_and_an_english_label() -> None:
    for kind in InfoKind:
        assert kind.label("nl") and kind.label("en"), kind
    assert InfoKind.MELDKAMER.label("en") == "dispatch"
    assert InfoKind.NOTITIE.label("en") == "note"


def test_the_heading_follows_the_language() -> None:
    item = InfoItem(
        kind=InfoKind.MELDKAMER, title=Text(nl="Melding", en="Report"), text=Text(nl="Tekst", en="Text")
    )
    assert item.heading("nl") == "MELDKAMER · Melding"
    assert item.heading("en") == "DISPATCH · Report"


def test_an_english_transcript_has_no_dutch_kind_headers() -> None:
    """A played buurtapp route passes the dispatch report: in English it is headed DISPATCH."""
    plans = sorted((PLANS / "buurtapp_melding").glob("*.yaml"))
    dispatch_seen = False
    for plan_path in plans:
        plan = parse_plan(plan_path.read_text(encoding="utf-8"), str(plan_path))
        scenario = load_scenario(SCENARIOS / "buurtapp_melding.yaml").scenario
        session = Session(scenario, clock=FakeClock())
        follow(session, plan)
        english = "\n".join(transcript(scenario, session.events, "en"))
        assert "[MELDKAMER]" not in english and "[NOTITIE]" not in english
        dispatch_seen |= "[DISPATCH]" in english
        assert "[DISPATCH]" not in "\n".join(transcript(scenario, session.events, "nl"))
    assert dispatch_seen
