"""The SQLite store of trainees, groups, sessions and events.

WAL journal with synchronous=NORMAL and one transaction per event. Durability chosen (issue 17): a
committed event survives a crash or kill -9 of the trainer, because COMMIT has written it into the -wal file
(the operating system keeps it when the process dies); it survives a power cut or OS crash once the OS has
written the file back (Linux: within ~30 s) or a checkpoint has synced it. synchronous=FULL added an fsync
per event, 5 ms on a busy disk, where the target is 200 µs; the database is never corrupted either way, at
worst the last seconds before a power cut are missing. A file that is not ours, is damaged or comes from a
newer trainer is refused and never written.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from trainer.model.scenario import Scenario
from trainer.records.errors import RecordsError
from trainer.records.faults import explain, read_only
from trainer.records.rows import (
    SESSION_SELECT,
    EventRow,
    SessionRow,
    canonical_json,
    parse_snapshot,
    pick_session,
    sessions_query,
    utc_now,
)
from trainer.records.schema import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION

__all__ = [
    "SESSION_SELECT",
    "EventRow",
    "RecordStore",
    "SessionRow",
    "canonical_json",
    "parse_snapshot",
    "pick_session",
    "utc_now",
]

SQLITE_HEADER = b"SQLite format 3\x00"


class RecordStore:
    """One open records database. Use as a context manager, from one thread.

    `read_only` is for commands that only read: the file is opened with mode=ro (and immutable=1 when its
    folder is write-protected, so SQLite needs no -wal/-shm files), so a copy on a locked USB stick or a
    read-only share can be listed and debriefed, and nothing is ever written to it."""

    def __init__(
        self,
        path: str | Path,
        *,
        wall: Callable[[], str] = utc_now,
        read_only: bool = False,
        timeout: float = 10.0,
        quick_check: bool = True,
    ) -> None:
        self.path = Path(path)
        self.wall = wall
        self.read_only = read_only and self.path.exists()  # nothing to protect in a file not there yet
        self.timeout = timeout
        # `trainer report` skips the page-by-page check: on a 700 MB file of 100,000 sessions it costs two
        # seconds per report, and every read the report makes still fails with a one-line message
        self.quick_check = quick_check
        self._conn = self._open()

    # --- opening ---

    def _fail(self, problem: str, hint: str, problem_en: str, hint_en: str) -> RecordsError:
        return RecordsError(
            f"{self.path}: {problem} (tip: {hint})", f"{self.path}: {problem_en} (hint: {hint_en})"
        )

    def _problem(self, exc: sqlite3.Error, problem: tuple[str, str], hint: tuple[str, str]) -> RecordsError:
        """A full disk, read-only file or lock said as such; anything else as `problem` with `hint`."""
        plain = explain(exc, self.path)
        if plain is not None:
            return plain
        return self._fail(f"{problem[0]} ({exc})", hint[0], f"{problem[1]} ({exc})", hint[1])

    def _uri(self, exists: bool) -> str:
        if self.read_only:
            if os.access(self.path.parent, os.W_OK):
                return f"file:{self.path}?mode=ro"
            wal = self.path.with_name(self.path.name + "-wal")
            if wal.exists() and wal.stat().st_size > 0:  # immutable=1 would silently skip its sessions
                raise self._fail(
                    f"alleen-lezen kopie met nog niet verwerkte gegevens in {wal.name}",
                    f"kopieer {self.path.name} en {wal.name} samen naar een schrijfbare map",
                    f"read-only copy with data not yet merged in {wal.name}",
                    f"copy {self.path.name} and {wal.name} together to a writable folder",
                )
            return f"file:{self.path}?mode=ro&immutable=1"  # no -shm can be made; nobody can write here
        if exists and not (os.access(self.path, os.W_OK) and os.access(self.path.parent, os.W_OK)):
            raise read_only(self.path)  # SQLite would open it read-only and fail on the first write
        return f"file:{self.path}?mode={'rw' if exists else 'rwc'}"

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
        try:
            conn = sqlite3.connect(self._uri(exists), uri=True, isolation_level=None, timeout=self.timeout)
        except sqlite3.Error as exc:
            raise self._problem(
                exc,
                ("kan niet openen", "cannot open"),
                ("controleer pad en rechten", "check the path and permissions"),
            ) from None
        try:
            self._verify(conn)
            if self.read_only:
                conn.execute("PRAGMA query_only=ON")
                return conn
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")  # no fsync per commit: see the module docstring
            conn.execute("PRAGMA foreign_keys=ON")
            conn.execute("PRAGMA busy_timeout=10000")
            conn.execute(
                "PRAGMA secure_delete=ON"
            )  # purged personal data is overwritten, not left in free pages
            self._migrate(conn)
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise self._problem(
                exc,
                ("database beschadigd of onleesbaar", "database damaged or unreadable"),
                (
                    "herstel een back-up of importeer een export; dit bestand blijft ongewijzigd",
                    "restore a backup or import an export; this file is left unchanged",
                ),
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
        if self.read_only and version < SCHEMA_VERSION and tables > 0:
            raise self._fail(
                f"gemaakt door een oudere trainer (schema {version}) en alleen te lezen na bijwerken",
                "open het één keer op een schrijfbare plek, bijv. met trainer sessions import",
                f"made by an older trainer (schema {version}); can be read only after updating",
                "open it once in a writable place, e.g. with trainer sessions import",
            )
        result = conn.execute("PRAGMA quick_check").fetchone()[0] if self.quick_check else "ok"
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
            _rollback(conn)
            raise

    def close(self) -> None:
        self._conn.close()

    @property
    def connection(self) -> sqlite3.Connection:
        """The open connection, for readers of derived data that aggregate in SQL (`debrief.cohort`);
        writes still go through `transaction()`."""
        return self._conn

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
                _rollback(self._conn)
                raise
        except sqlite3.DatabaseError as exc:
            raise self._problem(
                exc,
                ("schrijven mislukt", "writing failed"),
                (
                    "controleer schijfruimte en of het bestand beschadigd is",
                    "check disk space and whether the file is damaged",
                ),
            ) from None

    def _read(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        try:
            return self._conn.execute(sql, params).fetchall()
        except sqlite3.DatabaseError as exc:
            raise self._problem(
                exc,
                ("lezen mislukt", "reading failed"),
                ("herstel een back-up of importeer een export", "restore a backup or import an export"),
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

    placeholder = "?"  # for SQL shared with the server (records.stream)

    def rows(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        """A read-only query's rows, with errors said in one line (records.stream)."""
        return self._read(sql, params)

    def stream(self, sql: str, params: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
        """A query's rows one at a time, for reading more than fits in memory (records.stream)."""
        try:
            cursor = self._conn.execute(sql, params)
            while chunk := cursor.fetchmany(100):
                yield from chunk
        except sqlite3.DatabaseError as exc:
            raise self._problem(
                exc,
                ("lezen mislukt", "reading failed"),
                ("herstel een back-up of importeer een export", "restore a backup or import an export"),
            ) from None

    def sessions(
        self, *, group: str | None = None, trainee: str | None = None, status: str | None = None
    ) -> list[SessionRow]:
        sql, params = sessions_query("?", group=group, trainee=trainee, status=status)
        return [SessionRow(*row) for row in self._read(sql, params)]

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
        """Remove sessions, their events (votes among them) and the flags set on them, and trainees and groups
        left without sessions (with their flags, revotes and hands)."""
        with self.transaction() as conn:
            conn.executemany("DELETE FROM flags WHERE at_session = ?", [(i,) for i in ids])
            conn.executemany("DELETE FROM sessions WHERE id = ?", [(i,) for i in ids])
            conn.execute("DELETE FROM trainees WHERE code NOT IN (SELECT trainee_code FROM sessions)")
            conn.execute(
                "DELETE FROM groups "
                "WHERE id NOT IN (SELECT group_id FROM sessions WHERE group_id IS NOT NULL)"
            )

    def compact(self) -> None:
        """After a purge: move the overwritten pages from the WAL into the file and shrink it. Raises a
        RecordsError saying what is left when that fails (full disk) or cannot finish (a reader)."""
        try:
            self._checkpoint()  # secure_delete zeroed the pages; this puts the zeros in the main file
            self._conn.execute("VACUUM")
            self._checkpoint()
        except sqlite3.DatabaseError as exc:
            plain = explain(exc, self.path)
            reason = plain or self._fail(f"opruimen mislukt ({exc})", "-", f"tidying up failed ({exc})", "-")
            raise RecordsError(
                f"niet alles opgeruimd: {reason.nl}", f"not everything tidied up: {reason.en}"
            ) from None

    def _checkpoint(self) -> None:
        busy = self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
        if busy:
            raise RecordsError(
                f"{self.path}: verwijderde gegevens staan nog in het bestand, want een ander programma leest "
                "het nu (tip: sluit andere trainer-vensters en voer trainer sessions purge opnieuw uit)",
                f"{self.path}: removed data still sits in the file because another program is reading it "
                "(hint: close other trainer windows and run trainer sessions purge again)",
            )


def _rollback(conn: sqlite3.Connection) -> None:
    """Roll back if a transaction is still open: SQLite has already rolled back after a full disk, and a
    second ROLLBACK would replace the real error with "no transaction is active"."""
    if conn.in_transaction:
        with suppress(sqlite3.Error):  # the original error is the one worth reporting
            conn.execute("ROLLBACK")
