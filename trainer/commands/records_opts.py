"""Where records live and how commands open them: --db, TRAINER_DB, or the per-user data directory."""

from __future__ import annotations

from pathlib import Path

import platformdirs

from trainer.commands.common import UserError
from trainer.records import RecordsError, RecordStore
from trainer.records.server_read import ServerReader

DB_FILE = "records.sqlite3"


def default_db_path() -> Path:
    return Path(platformdirs.user_data_dir("trainer", appauthor=False)) / DB_FILE


def is_server_url(db: str | None) -> bool:
    return db is not None and db.startswith(("postgresql://", "postgres://"))


def open_reader(db: str | None) -> RecordStore | ServerReader:
    """Records to read: a laptop's SQLite, or the shared server when `db` is a postgresql:// URL."""
    if is_server_url(db):
        assert db is not None
        try:
            return ServerReader(db)
        except RecordsError as exc:
            raise UserError(str(exc)) from None
    return open_store(db, read_only=True)


def db_path(db: str | None) -> Path:
    """The local records file a command uses."""
    return Path(db) if db else default_db_path()


def open_store(db: str | None, *, read_only: bool = False) -> RecordStore:
    """Open the records database (read-only for commands that only read, so a write-protected copy works);
    a bad file becomes a one-line UserError and is left untouched."""
    if is_server_url(db):
        raise UserError(
            "dit commando werkt alleen op een lokale database; naar de server gaan verslagen via de sync "
            "(tip: --db BESTAND, en trainer server sync)"
        )
    try:
        return RecordStore(db_path(db), read_only=read_only)
    except RecordsError as exc:
        raise UserError(exc.nl, exc.en) from None
