"""Reading the shared PostgreSQL store with the same rows and messages as a laptop's SQLite store."""

from __future__ import annotations

import json
from typing import Any

from trainer.model.scenario import Scenario
from trainer.records.errors import RecordsError
from trainer.records.server import ServerStore, ServerUnavailable
from trainer.records.store import EventRow, SessionRow

_SESSION_SELECT = """
    SELECT s.id, s.trainee_code, t.display_name, g.label, s.scenario_id, s.scenario_version, s.content_hash,
           s.seed, s.lang, s.started_at, s.ended_at, s.status,
           (SELECT COUNT(*) FROM events e WHERE e.session_id = s.id)
    FROM sessions s JOIN trainees t ON t.code = s.trainee_code LEFT JOIN groups g ON g.id = s.group_id
"""


class ServerReader:
    """Read-only records on the server: `trainer sessions` and `trainer debrief` with `--db postgresql://...`."""

    def __init__(self, url: str) -> None:
        self._server = ServerStore(url, timeout=5.0)
        try:
            self._server.require_schema()
        except ServerUnavailable as exc:
            self._server.close()
            reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise RecordsError(f"{self._server.shown}: server niet bereikbaar ({reason})") from None
        except RecordsError:
            self._server.close()
            raise

    @property
    def path(self) -> str:
        return self._server.shown

    def close(self) -> None:
        self._server.close()

    def __enter__(self) -> ServerReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _read(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        try:
            with self._server.pool.connection() as conn:
                return [tuple(row) for row in conn.execute(sql, params).fetchall()]  # type: ignore[arg-type,unused-ignore]
        except ServerUnavailable as exc:
            reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise RecordsError(f"{self.path}: server niet bereikbaar ({reason})") from None

    def sessions(
        self, *, group: str | None = None, trainee: str | None = None, status: str | None = None
    ) -> list[SessionRow]:
        where, params = [], []
        for clause, value in (
            ("g.label = %s", group),
            ("s.trainee_code = %s", trainee),
            ("s.status = %s", status),
        ):
            if value is not None:
                where.append(clause)
                params.append(value)
        sql = (
            _SESSION_SELECT
            + (" WHERE " + " AND ".join(where) if where else "")
            + " ORDER BY s.started_at, s.id"
        )
        return [_session_row(row) for row in self._read(sql, tuple(params))]

    def session(self, ref: str) -> SessionRow:
        rows = self._read(
            _SESSION_SELECT + " WHERE s.id LIKE %s ORDER BY s.id LIMIT 2", (ref.replace("%", "") + "%",)
        )
        if not rows:
            raise RecordsError(f"{self.path}: geen sessie '{ref}' (tip: trainer sessions list)")
        if len(rows) > 1 and rows[0][0] != ref:
            raise RecordsError(
                f"{self.path}: '{ref}' past op meer sessies (tip: geef meer tekens van het id)"
            )
        return _session_row(rows[0])

    def events(self, session_id: str) -> list[EventRow]:
        rows = self._read(
            "SELECT seq, wall_time, mono_time, type, payload FROM events WHERE session_id = %s ORDER BY seq",
            (session_id,),
        )
        return [EventRow(int(a), str(b), float(c), str(d), str(e)) for a, b, c, d, e in rows]

    def snapshot_text(self, content_hash: str) -> str | None:
        rows = self._read("SELECT snapshot FROM scenario_versions WHERE content_hash = %s", (content_hash,))
        return str(rows[0][0]) if rows else None

    def scenario_snapshot(self, content_hash: str) -> Scenario:
        text = self.snapshot_text(content_hash)
        if text is None:
            raise RecordsError(f"{self.path}: scenarioversie {content_hash[:12]} ontbreekt")
        try:
            return Scenario.model_validate(json.loads(text))
        except ValueError as exc:
            raise RecordsError(
                f"{self.path}: scenarioversie {content_hash[:12]} is onleesbaar ({type(exc).__name__})"
            ) from None

    def group_info(self, label: str) -> dict[str, Any] | None:
        rows = self._read("SELECT label, date, leader, location FROM groups WHERE label = %s", (label,))
        return dict(zip(("label", "date", "leader", "location"), rows[0], strict=True)) if rows else None


def _session_row(row: tuple[Any, ...]) -> SessionRow:
    values = list(row)
    values[-1] = int(values[-1])  # COUNT(*) is a bigint
    return SessionRow(*values)
