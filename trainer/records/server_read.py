"""Reading the shared PostgreSQL store with the same rows and messages as a laptop's SQLite store."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from trainer.model.scenario import Scenario
from trainer.records.errors import RecordsError
from trainer.records.rows import sessions_query
from trainer.records.server import ServerStore, ServerUnavailable
from trainer.records.store import SESSION_SELECT, EventRow, SessionRow, parse_snapshot, pick_session


class ServerReader:
    """Read-only records on the server: `trainer sessions` and `trainer debrief` with `--db postgresql://...`."""

    def __init__(self, url: str) -> None:
        self._server = ServerStore(url, timeout=5.0)
        try:
            self._server.require_schema()
        except ServerUnavailable as exc:
            self._server.close()
            reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise _away(self._server.shown, reason) from None
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
            raise _away(self.path, reason) from None

    placeholder = "%s"  # for SQL shared with the laptop's SQLite (records.stream)

    def rows(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        """A read-only query's rows; a lost server is one line (records.stream)."""
        return self._read(sql, params)

    def stream(self, sql: str, params: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
        """A query's rows one at a time through a server-side cursor: the server holds the result, this
        process holds 100 rows at a time (records.stream)."""
        try:
            with self._server.pool.connection() as conn, conn.cursor(name="trainer_stream") as cursor:
                cursor.itersize = 100
                cursor.execute(sql, params)  # type: ignore[arg-type,unused-ignore]
                for row in cursor:
                    yield tuple(row)
        except ServerUnavailable as exc:
            reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise _away(self.path, reason) from None

    def sessions(
        self, *, group: str | None = None, trainee: str | None = None, status: str | None = None
    ) -> list[SessionRow]:
        sql, params = sessions_query("%s", group=group, trainee=trainee, status=status)
        return [pick_session([row], row[0], self.path) for row in self._read(sql, params)]

    def session(self, ref: str) -> SessionRow:
        rows = self._read(
            SESSION_SELECT + " WHERE s.id LIKE %s ORDER BY s.id LIMIT 2", (ref.replace("%", "") + "%",)
        )
        return pick_session(rows, ref, self.path)

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
        return parse_snapshot(self.snapshot_text(content_hash), content_hash, self.path)

    def group_info(self, label: str) -> dict[str, Any] | None:
        rows = self._read("SELECT label, date, leader, location FROM groups WHERE label = %s", (label,))
        return dict(zip(("label", "date", "leader", "location"), rows[0], strict=True)) if rows else None

    def groups(self) -> list[tuple[str, str | None, str | None, str | None, int]]:
        """Every group: label, date, leader, location and how many sessions it holds, by label."""
        rows = self._read(
            "SELECT g.label, g.date, g.leader, g.location, "
            "(SELECT COUNT(*) FROM sessions s WHERE s.group_id = g.id) FROM groups g ORDER BY g.label"
        )
        return [(str(r[0]), r[1], r[2], r[3], int(r[4])) for r in rows]

    def commitments(self, label: str) -> list[str]:
        """The group's "wat nemen we mee?" commitments, in the order they were typed."""
        rows = self._read(
            "SELECT c.text FROM commitments c JOIN groups g ON g.id = c.group_id "
            "WHERE g.label = %s ORDER BY c.seq",
            (label,),
        )
        return [str(r[0]) for r in rows]

    @property
    def server(self) -> ServerStore:
        """The pool underneath, for the commands that write to the server (groups set, import, purge)."""
        return self._server


def _away(where: str, reason: str) -> RecordsError:
    return RecordsError(
        f"{where}: server niet bereikbaar ({reason})", f"{where}: server not reachable ({reason})"
    )
