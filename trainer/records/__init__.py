"""Session records: every event in SQLite, crash-safe, resumable, portable as versioned JSON bundles."""

from __future__ import annotations

from trainer.records.errors import RecordsError
from trainer.records.store import RecordStore, SessionRow

__all__ = ["RecordStore", "RecordsError", "SessionRow"]
