"""Save and restore a session as versioned JSON (never pickles).

A save is the session's event log plus the scenario's identity: restoring replays the log through the
engine, so a save can never hold a state the scenario could not produce.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from trainer.engine.clock import Clock
from trainer.engine.errors import EngineError
from trainer.engine.events import event_from_dict
from trainer.engine.session import Listener, Session
from trainer.model.scenario import Scenario

FORMAT = "trainer.session"
VERSION = 1
MIN_COMPATIBLE = 1


def save(session: Session) -> dict[str, Any]:
    """The session as JSON-ready data."""
    return {
        "format": FORMAT,
        "version": VERSION,
        "min_compatible": MIN_COMPATIBLE,
        "scenario": {
            "id": session.scenario.id,
            "version": session.scenario.version,
            "content_hash": session.content_hash,
        },
        "node": session.node_id,
        "phase": session.phase.value,
        "events": [event.to_dict() for event in session.events],
    }


def restore(
    scenario: Scenario,
    data: Any,
    *,
    clock: Clock | None = None,
    listeners: Iterable[Listener] = (),
) -> Session:
    """Rebuild a saved session; raises EngineError for another format, a newer version or another scenario."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise EngineError("dit is geen opgeslagen sessie", "this is not a saved session")
    if not isinstance(data.get("min_compatible"), int) or data["min_compatible"] > VERSION:
        raise EngineError(
            "opgeslagen met een nieuwere versie van de trainer; werk de trainer bij",
            "saved by a newer version of the trainer; update the trainer",
        )
    meta = data.get("scenario")
    if not isinstance(meta, dict) or meta.get("id") != scenario.id:
        raise EngineError(
            "deze sessie hoort bij een ander scenario", "this session belongs to another scenario"
        )
    events_data = data.get("events")
    if not isinstance(events_data, list):
        raise EngineError("opgeslagen sessie zonder gebeurtenissen", "saved session without events")
    events = [event_from_dict(e) if isinstance(e, dict) else _bad() for e in events_data]
    session = Session.from_events(scenario, events, clock=clock, listeners=listeners)
    if meta.get("content_hash") != session.content_hash:
        raise EngineError(
            "het scenario is gewijzigd sinds deze sessie is opgeslagen",
            "the scenario has changed since this session was saved",
        )
    if data.get("node") != session.node_id:
        raise EngineError(
            "opgeslagen positie past niet bij de gebeurtenissen", "the saved position does not fit the events"
        )
    return session


def _bad() -> Any:
    raise EngineError("onleesbare gebeurtenis in opgeslagen sessie", "unreadable event in saved session")
