"""Every selected session with its events, one at a time: for exports larger than memory (100,000 sessions).

Sessions come from one lazy cursor (a server-side cursor on PostgreSQL); their events are fetched for a batch
of sessions at a time, so memory holds one batch, whatever the number of sessions. Both backends share the
SQL.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Protocol

from trainer.records.rows import SESSION_SELECT, EventRow, SessionRow

BATCH = 200  # sessions whose events are read in one query: ~20 events each


class Streamable(Protocol):
    """What a backend offers for streaming: its placeholder, a lazy cursor and a plain query."""

    placeholder: str

    def stream(self, sql: str, params: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]: ...

    def rows(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]: ...


@dataclass(frozen=True)
class Selection:
    """Which sessions: all given filters must hold. Dates are whole days (UTC), both ends included."""

    ids: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()
    scenario: str | None = None
    trainee: str | None = None
    since: date | None = None
    until: date | None = None

    def where(self, mark: str) -> tuple[str, tuple[Any, ...]]:
        """The WHERE clause (or "") and its parameters, with `mark` as the placeholder (? or %s)."""
        clauses: list[str] = []
        params: list[Any] = []

        def one_of(column: str, values: tuple[str, ...]) -> None:
            clauses.append(f"{column} IN ({', '.join([mark] * len(values))})")
            params.extend(values)

        if self.ids:
            one_of("s.id", self.ids)
        if self.groups:
            one_of("g.label", self.groups)
        for column, value in (("s.scenario_id", self.scenario), ("s.trainee_code", self.trainee)):
            if value is not None:
                clauses.append(f"{column} = {mark}")
                params.append(value)
        # started_at is ISO 8601 text in UTC on both backends, so a day compares as a prefix
        if self.since is not None:
            clauses.append(f"s.started_at >= {mark}")
            params.append(self.since.isoformat())
        if self.until is not None:
            clauses.append(f"s.started_at < {mark}")
            params.append((self.until + timedelta(days=1)).isoformat())
        return (" WHERE " + " AND ".join(clauses) if clauses else ""), tuple(params)


def session_rows(reader: Streamable, selection: Selection) -> Iterator[SessionRow]:
    """The selected sessions by start time, lazily."""
    where, params = selection.where(reader.placeholder)
    for row in reader.stream(SESSION_SELECT + where + " ORDER BY s.started_at, s.id", params):
        values = list(row)
        values[-1] = int(values[-1])  # PostgreSQL's COUNT(*) is a bigint
        yield SessionRow(*values)


def sessions_with_events(
    reader: Streamable, selection: Selection, *, batch: int = BATCH
) -> Iterator[tuple[SessionRow, list[EventRow]]]:
    """Each selected session with its events in order; memory holds `batch` sessions at most."""
    pending: list[SessionRow] = []
    for row in session_rows(reader, selection):
        pending.append(row)
        if len(pending) == batch:
            yield from _with_events(reader, pending)
            pending = []
    if pending:
        yield from _with_events(reader, pending)


def _with_events(reader: Streamable, rows: list[SessionRow]) -> Iterator[tuple[SessionRow, list[EventRow]]]:
    mark = reader.placeholder
    found: dict[str, list[EventRow]] = {row.id: [] for row in rows}
    sql = (
        "SELECT session_id, seq, wall_time, mono_time, type, payload FROM events "
        f"WHERE session_id IN ({', '.join([mark] * len(rows))}) ORDER BY session_id, seq"
    )
    for session_id, seq, wall, mono, kind, payload in reader.rows(sql, tuple(found)):
        found[session_id].append(EventRow(int(seq), str(wall), float(mono), str(kind), str(payload)))
    for row in rows:
        yield row, found[row.id]
