"""Where records live and how commands open them: --db, TRAINER_DB, or the per-user data directory."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs

from trainer.commands.common import UserError
from trainer.records import RecordsError, RecordStore

if TYPE_CHECKING:  # psycopg is imported only when a server is named: it costs the window's launch 0.2 s
    from trainer.records.server_read import ServerReader

DB_FILE = "records.sqlite3"


def default_db_path() -> Path:
    return Path(platformdirs.user_data_dir("trainer", appauthor=False)) / DB_FILE


def is_server_url(db: str | None) -> bool:
    return db is not None and db.startswith(("postgresql://", "postgres://"))


def open_reader(db: str | None, *, must_exist: bool = False) -> RecordStore | ServerReader:
    """Records to read: a laptop's SQLite, or the shared server when `db` is a postgresql:// URL."""
    if is_server_url(db):
        assert db is not None
        from trainer.records.server_read import ServerReader

        try:
            return ServerReader(db)
        except RecordsError as exc:
            raise UserError(exc.nl, exc.en) from None
    return open_store(db, read_only=True, must_exist=must_exist)


def db_path(db: str | None) -> Path:
    """The local records file a command uses."""
    return Path(db) if db else default_db_path()


def open_store(
    db: str | None, *, read_only: bool = False, must_exist: bool = False, quick_check: bool = True
) -> RecordStore:
    """Open the records database; a bad file becomes a one-line UserError and is left untouched.

    Commands that only read pass `read_only` (a write-protected copy on a USB stick still works) and
    `must_exist`: a mistyped --db then names the missing file instead of quietly creating an empty database
    and reporting that it holds nothing.
    """
    if is_server_url(db):
        raise UserError(
            "alleen lokaal: een sessie wordt eerst op deze laptop vastgelegd, het journaal dat een crash "
            "overleeft, en gaat daarna via de sync naar de server "
            "(tip: --server URL of trainer server set URL)",
            "local only: a session is first recorded on this laptop, the journal that survives a crash, and "
            "then goes to the server through the sync (hint: --server URL or trainer server set URL)",
        )
    path = db_path(db)
    if must_exist and not path.exists():
        raise UserError(
            f"{path}: hier is geen database met verslagen (tip: controleer --db of TRAINER_DB; "
            "trainer play legt er een aan)",
            f"{path}: no records database here (tip: check --db or TRAINER_DB; trainer play records one)",
        )
    try:
        return RecordStore(path, read_only=read_only, quick_check=quick_check)
    except RecordsError as exc:
        raise UserError(exc.nl, exc.en) from None
