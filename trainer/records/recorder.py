"""Recorder: a Session listener that commits each event before the call that caused it returns."""

from __future__ import annotations

import sqlite3
import uuid

from trainer.engine.events import Event, SessionFinished, SessionStarted
from trainer.model.scenario import Scenario
from trainer.records.store import RecordStore, SessionRow, canonical_json


def new_session_id() -> str:
    return uuid.uuid4().hex


class Recorder:
    """Writes a session's events to the store, one transaction each.

    The session row, trainee, group and scenario snapshot are written in the same transaction as the
    first event, so a session in the database always has its start.
    """

    def __init__(
        self,
        store: RecordStore,
        scenario: Scenario,
        content_hash: str,
        *,
        trainee: str,
        group: str | None = None,
        display_name: str | None = None,
        session_id: str | None = None,
        next_seq: int = 0,
    ) -> None:
        self.store = store
        self.scenario = scenario
        self.content_hash = content_hash
        self.trainee = trainee
        self.group = group
        self.display_name = display_name
        self.session_id = session_id or new_session_id()
        self.seq = next_seq

    def __call__(self, event: Event) -> None:
        payload = canonical_json(event.to_dict())
        with self.store.transaction() as conn:
            if isinstance(event, SessionStarted):
                self._start(conn, event)
            self.store.insert_event(conn, self.session_id, self.seq, event.t, event.type, payload)
            if isinstance(event, SessionFinished):
                conn.execute(
                    "UPDATE sessions SET status = 'finished', ended_at = ? WHERE id = ?",
                    (self.store.wall(), self.session_id),
                )
        self.seq += 1

    def _start(self, conn: sqlite3.Connection, event: SessionStarted) -> None:
        self.store.ensure_trainee(conn, self.trainee, self.display_name)
        group_id = self.store.ensure_group(conn, self.group) if self.group else None
        self.store.remember_scenario(conn, self.scenario, self.content_hash)
        row = SessionRow(
            id=self.session_id,
            trainee_code=self.trainee,
            display_name=self.display_name,
            group_label=self.group,
            scenario_id=event.scenario_id,
            scenario_version=event.scenario_version,
            content_hash=event.content_hash,
            seed=event.seed,
            lang=event.lang,
            started_at=self.store.wall(),
            ended_at=None,
            status="active",
            event_count=0,
        )
        self.store.insert_session(conn, row, group_id)
