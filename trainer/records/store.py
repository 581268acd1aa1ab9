"""The SQLite store of trainees, groups, sessions and events.

WAL journal with synchronous=FULL and one transaction per event: a committed event survives kill -9 and
power loss. A file that is not ours, is damaged or comes from a newer trainer is refused and never written.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from trainer.model.scenario import Scenario
from trainer.records.errors import RecordsError
from trainer.records.schema import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION

SQLITE_HEADER = b"SQLite format 3\x00"


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


class RecordStore:
    """One open records database. Use as a context manager, from one thread."""

    def __init__(self, path: str | Path, *, wall: Callable[[], str] = utc_now) -> None:
        self.path = Path(path)
        self.wall = wall
        self._conn = self._open()

    # --- opening ---

    def _fail(self, problem: str, hint: str, problem_en: str, hint_en: str) -> RecordsError:
        return RecordsError(
            f"{self.path}: {problem} (tip: {hint})", f"{self.path}: {problem_en} (hint: {hint_en})"
        )

    def _open(self) -> sqlite3.Connection:
        exists = self.path.exists()
        if exists and self.path.is_dir():
            raise self._fail(
                "dit is een map, geen database",
                "geef een bestandsnaam op met --db",
                "this is a folder, not a database",
                "give a file name with --db",
            )
        if exists and self.path.stat().st_size > 0:
            with self.path.open("rb") as handle:
                if handle.read(16) != SQLITE_HEADER:
                    raise self._fail(
                        "geen SQLite-database",
                        "kies een ander bestand; dit bestand blijft ongewijzigd",
                        "not an SQLite database",
                        "choose another file; this file is left unchanged",
                    )
        elif not exists:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise self._fail(
                    f"map kan niet worden gemaakt ({exc.strerror})",
                    "kies een andere plek met --db",
                    f"cannot create the folder ({exc.strerror})",
                    "choose another place with --db",
                ) from None
        mode = "rw" if exists else "rwc"
        try:
            conn = sqlite3.connect(
                f"file:{self.path}?mode={mode}", uri=True, isolation_level=None, timeout=10
            )
        except sqlite3.Error as exc:
            raise self._fail(
                f"kan niet openen ({exc})",
                "controleer pad en rechten",
                f"cannot open ({exc})",
                "check the path and permissions",
            ) from None
        try:
            self._verify(conn)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=FULL")
            conn.execute("PRAGMA foreign_keys=ON")
            conn.execute("PRAGMA busy_timeout=10000")
            conn.execute(
                "PRAGMA secure_delete=ON"
            )  # purged personal data is overwritten, not left in free pages
            self._migrate(conn)
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise self._fail(
                f"database beschadigd of onleesbaar ({exc})",
                "herstel een back-up of importeer een export; dit bestand blijft ongewijzigd",
                f"database damaged or unreadable ({exc})",
                "restore a backup or import an export; this file is left unchanged",
            ) from None
        except RecordsError:
            conn.close()
            raise
        return conn

    def _verify(self, conn: sqlite3.Connection) -> None:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()[0]
        if app_id != APPLICATION_ID and (app_id != 0 or tables > 0):
            raise self._fail(
                "database van een ander programma",
                "kies een ander bestand met --db",
                "database of another program",
                "choose another file with --db",
            )
        if version > SCHEMA_VERSION:
            raise self._fail(
                f"gemaakt door een nieuwere trainer (schema {version}, deze kent {SCHEMA_VERSION})",
                "werk de trainer bij",
                f"made by a newer trainer (schema {version}, this one knows {SCHEMA_VERSION})",
                "update the trainer",
            )
        result = conn.execute("PRAGMA quick_check").fetchone()[0]
        if result != "ok":
            raise self._fail(
                f"database beschadigd ({result})",
                "herstel een back-up; dit bestand blijft ongewijzigd",
                f"database damaged ({result})",
                "restore a backup; this file is left unchanged",
            )

    def _migrate(self, conn: sqlite3.Connection) -> None:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version == SCHEMA_VERSION:
            return
        conn.execute("BEGIN IMMEDIATE")
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]  # another process may have migrated
            for number in range(version, SCHEMA_VERSION):
                for statement in MIGRATIONS[number].split(";"):
                    if statement.strip():
                        conn.execute(statement)
            conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
            conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> RecordStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One atomic write; BEGIN IMMEDIATE so two writers queue instead of failing half-way."""
        try:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
                self._conn.execute("COMMIT")
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
        except sqlite3.DatabaseError as exc:
            raise self._fail(
                f"schrijven mislukt ({exc})",
                "controleer schijfruimte en of het bestand beschadigd is",
                f"writing failed ({exc})",
                "check disk space and whether the file is damaged",
            ) from None

    def _read(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        try:
            return self._conn.execute(sql, params).fetchall()
        except sqlite3.DatabaseError as exc:
            raise self._fail(
                f"lezen mislukt ({exc})",
                "herstel een back-up of importeer een export",
                f"reading failed ({exc})",
                "restore a backup or import an export",
            ) from None

    # --- writing (inside a transaction) ---

    def ensure_trainee(self, conn: sqlite3.Connection, code: str, display_name: str | None = None) -> None:
        conn.execute(
            "INSERT INTO trainees(code, display_name, created_at) VALUES (?, ?, ?) "
            "ON CONFLICT(code) DO UPDATE SET display_name = COALESCE(excluded.display_name, display_name)",
            (code, display_name, self.wall()),
        )

    def ensure_group(
        self,
        conn: sqlite3.Connection,
        label: str,
        *,
        date: str | None = None,
        leader: str | None = None,
        location: str | None = None,
    ) -> int:
        conn.execute(
            "INSERT INTO groups(label, date, leader, location, created_at) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT(label) DO UPDATE SET date = COALESCE(excluded.date, date), "
            "leader = COALESCE(excluded.leader, leader), location = COALESCE(excluded.location, location)",
            (label, date, leader, location, self.wall()),
        )
        return int(conn.execute("SELECT id FROM groups WHERE label = ?", (label,)).fetchone()[0])

    def insert_session(
        self,
        conn: sqlite3.Connection,
        row: SessionRow,
        group_id: int | None,
    ) -> None:
        """Write a session's row (its events go in with `insert_event`). The one place that lists the
        session columns: recording a new session and importing one from a bundle both come here; an
        imported session already present only gets its end and status updated."""
        conn.execute(
            "INSERT INTO sessions(id, trainee_code, group_id, scenario_id, scenario_version, content_hash, "
            "seed, lang, started_at, ended_at, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(id) DO UPDATE SET ended_at = excluded.ended_at, status = excluded.status",
            (
                row.id,
                row.trainee_code,
                group_id,
                row.scenario_id,
                row.scenario_version,
                row.content_hash,
                row.seed,
                row.lang,
                row.started_at,
                row.ended_at,
                row.status,
            ),
        )

    def remember_scenario(self, conn: sqlite3.Connection, scenario: Scenario, content_hash: str) -> None:
        snapshot = canonical_json(scenario.model_dump(mode="json", by_alias=True, exclude_defaults=False))
        conn.execute(
            "INSERT OR IGNORE INTO scenario_versions(content_hash, scenario_id, version, snapshot) "
            "VALUES (?, ?, ?, ?)",
            (content_hash, scenario.id, scenario.version, snapshot),
        )

    def insert_event(
        self,
        conn: sqlite3.Connection,
        session_id: str,
        seq: int,
        mono: float,
        kind: str,
        payload: str,
        wall: str | None = None,
    ) -> None:
        conn.execute(
            "INSERT INTO events(session_id, seq, wall_time, mono_time, type, payload) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (session_id, seq, wall or self.wall(), mono, kind, payload),
        )

    # --- reading ---

    def sessions(
        self, *, group: str | None = None, trainee: str | None = None, status: str | None = None
    ) -> list[SessionRow]:
        where, params = [], []
        for clause, value in (
            ("g.label = ?", group),
            ("s.trainee_code = ?", trainee),
            ("s.status = ?", status),
        ):
            if value is not None:
                where.append(clause)
                params.append(value)
        sql = (
            SESSION_SELECT
            + (" WHERE " + " AND ".join(where) if where else "")
            + " ORDER BY s.started_at, s.id"
        )
        return [SessionRow(*row) for row in self._read(sql, tuple(params))]

    def session(self, ref: str) -> SessionRow:
        """A session by id or by a unique prefix of it (as `sessions list` shows)."""
        rows = self._read(
            SESSION_SELECT + " WHERE s.id LIKE ? ORDER BY s.id LIMIT 2", (ref.replace("%", "") + "%",)
        )
        return pick_session(rows, ref, self.path)

    def events(self, session_id: str) -> list[EventRow]:
        rows = self._read(
            "SELECT seq, wall_time, mono_time, type, payload FROM events WHERE session_id = ? ORDER BY seq",
            (session_id,),
        )
        return [EventRow(*row) for row in rows]

    def scenario_snapshot(self, content_hash: str) -> Scenario:
        return parse_snapshot(self.snapshot_text(content_hash), content_hash, self.path)

    def snapshot_text(self, content_hash: str) -> str | None:
        rows = self._read("SELECT snapshot FROM scenario_versions WHERE content_hash = ?", (content_hash,))
        return str(rows[0][0]) if rows else None

    def known_hashes(self) -> set[str]:
        return {row[0] for row in self._read("SELECT content_hash FROM scenario_versions")}

    def group_info(self, label: str) -> dict[str, Any] | None:
        rows = self._read("SELECT label, date, leader, location FROM groups WHERE label = ?", (label,))
        return dict(zip(("label", "date", "leader", "location"), rows[0], strict=True)) if rows else None

    def groups(self) -> list[tuple[str, str | None, str | None, str | None, int]]:
        """Every group: label, date, leader, location and how many sessions it holds, by label."""
        rows = self._read(
            "SELECT g.label, g.date, g.leader, g.location, "
            "(SELECT COUNT(*) FROM sessions s WHERE s.group_id = g.id) FROM groups g ORDER BY g.label"
        )
        return [(str(r[0]), r[1], r[2], r[3], int(r[4])) for r in rows]

    def set_group(
        self, label: str, *, date: str | None = None, leader: str | None = None, location: str | None = None
    ) -> None:
        """Fill in a group's header (a value of "" clears it); the group is made when it is new."""
        with self.transaction() as conn:
            self.ensure_group(conn, label)
            for column, value in (("date", date), ("leader", leader), ("location", location)):
                if value is not None:
                    conn.execute(f"UPDATE groups SET {column} = ? WHERE label = ?", (value or None, label))  # noqa: S608 - fixed names

    def commitments(self, label: str) -> list[str]:
        """The group's "wat nemen we mee?" commitments, in the order they were typed."""
        rows = self._read(
            "SELECT c.text FROM commitments c JOIN groups g ON g.id = c.group_id "
            "WHERE g.label = ? ORDER BY c.seq",
            (label,),
        )
        return [str(r[0]) for r in rows]

    def save_commitments(self, label: str, texts: list[str]) -> None:
        """Replace the group's commitments with these (one transaction: all or none)."""
        with self.transaction() as conn:
            group_id = self.ensure_group(conn, label)
            conn.execute("DELETE FROM commitments WHERE group_id = ?", (group_id,))
            conn.executemany(
                "INSERT INTO commitments(group_id, seq, text, created_at) VALUES (?, ?, ?, ?)",
                [(group_id, i, text, self.wall()) for i, text in enumerate(texts)],
            )

    def integrity(self) -> str:
        return str(self._read("PRAGMA integrity_check")[0][0])

    # --- purging ---

    def purge_ids(
        self, *, older_than_days: int | None = None, trainee: str | None = None, now: datetime | None = None
    ) -> list[str]:
        """Ids of the sessions a purge with these criteria removes."""
        if older_than_days is not None:
            cutoff = ((now or datetime.now(UTC)) - timedelta(days=older_than_days)).isoformat(
                timespec="milliseconds"
            )
            return [r[0] for r in self._read("SELECT id FROM sessions WHERE started_at < ?", (cutoff,))]
        return [r[0] for r in self._read("SELECT id FROM sessions WHERE trainee_code = ?", (trainee,))]

    def delete_sessions(self, ids: list[str]) -> None:
        """Remove sessions, their events, and trainees and groups left without sessions."""
        with self.transaction() as conn:
            conn.executemany("DELETE FROM sessions WHERE id = ?", [(i,) for i in ids])
            conn.execute("DELETE FROM trainees WHERE code NOT IN (SELECT trainee_code FROM sessions)")
            conn.execute(
                "DELETE FROM groups "
                "WHERE id NOT IN (SELECT group_id FROM sessions WHERE group_id IS NOT NULL)"
            )
        self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self._conn.execute("VACUUM")
