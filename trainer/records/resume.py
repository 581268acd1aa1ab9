"""Rebuild sessions from the record: for resuming an unfinished run and for replaying a transcript."""

from __future__ import annotations

import json
from collections.abc import Iterable

from trainer.engine.clock import Clock
from trainer.engine.errors import EngineError
from trainer.engine.events import Event, event_from_dict
from trainer.engine.session import Listener, Session
from trainer.model.scenario import Scenario
from trainer.model.text import message_of
from trainer.records.errors import RecordsError
from trainer.records.reader import RecordReader
from trainer.records.recorder import Recorder
from trainer.records.store import RecordStore, SessionRow


def recorded_events(store: RecordReader, row: SessionRow) -> list[Event]:
    events = []
    for ev in store.events(row.id):
        try:
            events.append(event_from_dict(json.loads(ev.payload)))
        except (ValueError, EngineError) as exc:
            raise RecordsError(
                f"{store.path}: sessie {row.id[:8]}, gebeurtenis {ev.seq} is onleesbaar "
                f"({message_of(exc, 'nl')})",
                f"{store.path}: session {row.id[:8]}, event {ev.seq} is unreadable ({message_of(exc, 'en')})",
            ) from None
    return events


def rebuild(
    store: RecordReader, row: SessionRow, *, clock: Clock | None = None, listeners: Iterable[Listener] = ()
) -> tuple[Scenario, Session]:
    """The session as the record left it, replayed through the engine with the recorded scenario version."""
    scenario = store.scenario_snapshot(row.content_hash)
    try:
        session = Session.from_events(
            scenario,
            recorded_events(store, row),
            clock=clock,
            listeners=listeners,
            scenario_hash=row.content_hash,
        )
    except EngineError as exc:
        raise RecordsError(
            f"{store.path}: sessie {row.id[:8]} is niet na te spelen: {exc.nl}",
            f"{store.path}: session {row.id[:8]} cannot be replayed: {exc.en}",
        ) from None
    return scenario, session


def resume(store: RecordStore, row: SessionRow, *, clock: Clock | None = None) -> Session:
    """Continue an unfinished session; new events are recorded after the existing ones."""
    if row.status == "finished":
        raise RecordsError(
            f"{store.path}: sessie {row.id[:8]} is al afgerond (tip: trainer sessions replay {row.id[:8]})",
            f"{store.path}: session {row.id[:8]} is already finished "
            f"(hint: trainer sessions replay {row.id[:8]})",
        )
    scenario, session = rebuild(store, row, clock=clock)
    recorder = Recorder(
        store,
        scenario,
        row.content_hash,
        trainee=row.trainee_code,
        group=row.group_label,
        session_id=row.id,
        next_seq=row.event_count,
    )
    # A kill between two events of one step (a choice and the node it leads to) leaves the step's tail
    # unrecorded; the replay regenerated it, so record it now, before the host shows anything.
    for event in session.events[row.event_count :]:
        recorder(event)
    session.subscribe(recorder)
    return session
