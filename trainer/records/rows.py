"""The rows a records store hands out, and the small pure helpers both backends share (SQLite, the server)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from trainer.model.scenario import Scenario
from trainer.records.errors import RecordsError


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def canonical_json(data: Any) -> str:
    """The one serialisation of payloads: the same data always gives the same bytes."""
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


@dataclass(frozen=True)
class SessionRow:
    id: str
    trainee_code: str
    display_name: str | None
    group_label: str | None
    scenario_id: str
    scenario_version: int
    content_hash: str
    seed: int
    lang: str
    started_at: str
    ended_at: str | None
    status: str
    event_count: int


@dataclass(frozen=True)
class EventRow:
    seq: int
    wall_time: str
    mono_time: float
    type: str
    payload: str


SESSION_SELECT = """
    SELECT s.id, s.trainee_code, t.display_name, g.label, s.scenario_id, s.scenario_version, s.content_hash,
           s.seed, s.lang, s.started_at, s.ended_at, s.status,
           (SELECT COUNT(*) FROM events e WHERE e.session_id = s.id)
    FROM sessions s JOIN trainees t ON t.code = s.trainee_code LEFT JOIN groups g ON g.id = s.group_id
"""


def pick_session(rows: list[tuple[Any, ...]], ref: str, where: object) -> SessionRow:
    """The one session a reference names (an id or a unique prefix), from up to two matching rows."""
    if not rows:
        raise RecordsError(
            f"{where}: geen sessie '{ref}' (tip: trainer sessions list)",
            f"{where}: no session '{ref}' (hint: trainer sessions list)",
        )
    if len(rows) > 1 and rows[0][0] != ref:
        raise RecordsError(
            f"{where}: '{ref}' past op meer sessies (tip: geef meer tekens van het id)",
            f"{where}: '{ref}' fits more than one session (hint: give more characters of the id)",
        )
    values = list(rows[0])
    values[-1] = int(values[-1])  # the event count: PostgreSQL's COUNT(*) is a bigint
    return SessionRow(*values)


def parse_snapshot(text: str | None, content_hash: str, where: object) -> Scenario:
    """A stored scenario version, or one line saying it is missing or unreadable."""
    if text is None:
        raise RecordsError(
            f"{where}: scenarioversie {content_hash[:12]} ontbreekt (tip: importeer de export opnieuw)",
            f"{where}: scenario version {content_hash[:12]} is missing (hint: import the export again)",
        )
    try:
        return Scenario.model_validate(json.loads(text))
    except ValueError as exc:
        raise RecordsError(
            f"{where}: scenarioversie {content_hash[:12]} is onleesbaar ({type(exc).__name__})",
            f"{where}: scenario version {content_hash[:12]} is unreadable ({type(exc).__name__})",
        ) from None


def sessions_query(
    mark: str, *, group: str | None, trainee: str | None, status: str | None
) -> tuple[str, tuple[str, ...]]:
    """The sessions listing with its filters, for either backend (`mark` is its placeholder: ? or %s)."""
    where, params = [], []
    for column, value in (("g.label", group), ("s.trainee_code", trainee), ("s.status", status)):
        if value is not None:
            where.append(f"{column} = {mark}")
            params.append(value)
    sql = SESSION_SELECT + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY s.started_at, s.id"
    return sql, tuple(params)
