"""What reading commands need from a records store, whichever backend holds it (SQLite or the server)."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Protocol

from trainer.model.scenario import Scenario
from trainer.records.store import EventRow, SessionRow


class RecordReader(Protocol):
    """The read side shared by RecordStore (a laptop's SQLite) and ServerReader (the shared PostgreSQL)."""

    @property
    def path(self) -> str | Path:
        """Where the records are, as messages name it (a file path or a redacted server URL)."""
        ...

    def sessions(
        self, *, group: str | None = None, trainee: str | None = None, status: str | None = None
    ) -> list[SessionRow]: ...

    def session(self, ref: str) -> SessionRow: ...

    def events(self, session_id: str) -> list[EventRow]: ...

    def scenario_snapshot(self, content_hash: str) -> Scenario: ...

    def snapshot_text(self, content_hash: str) -> str | None: ...

    def group_info(self, label: str) -> dict[str, Any] | None: ...

    def commitments(self, label: str) -> list[str]: ...
