"""Where records live and how commands open them: --db, TRAINER_DB, or the per-user data directory."""

from __future__ import annotations

from pathlib import Path

import platformdirs

from trainer.commands.common import UserError
from trainer.records import RecordsError, RecordStore

DB_FILE = "records.sqlite3"


def default_db_path() -> Path:
    return Path(platformdirs.user_data_dir("trainer", appauthor=False)) / DB_FILE


def open_store(db: str | None) -> RecordStore:
    """Open the records database; a bad file becomes a one-line UserError and is left untouched."""
    try:
        return RecordStore(db or default_db_path())
    except RecordsError as exc:
        raise UserError(exc.nl, exc.en) from None
