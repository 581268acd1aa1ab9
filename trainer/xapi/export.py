"""The selected sessions as a stream of xAPI statements, and as JSON lines.

Nothing here holds more than one batch of sessions: statements are made and written as the records are read,
so memory stays flat however many sessions a training centre has.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import IO, Any, Protocol

from trainer.model.scenario import Scenario
from trainer.records.errors import RecordsError
from trainer.records.stream import BATCH, Selection, Streamable, sessions_with_events
from trainer.xapi.statements import ExportOptions, session_statements


class Reader(Streamable, Protocol):
    """A records backend the export reads: streamed sessions and events, and the scenario versions played."""

    def scenario_snapshot(self, content_hash: str) -> Scenario: ...


class _Snapshots:
    """Scenario versions by content hash, parsed once: their number grows with versions, not sessions."""

    def __init__(self, reader: Reader) -> None:
        self.reader = reader
        self.known: dict[str, Scenario | None] = {}

    def get(self, content_hash: str) -> Scenario | None:
        if content_hash not in self.known:
            try:
                self.known[content_hash] = self.reader.scenario_snapshot(content_hash)
            except RecordsError:
                self.known[content_hash] = None  # names fall back to ids; the statements stay whole
        return self.known[content_hash]


def statements(
    reader: Reader, selection: Selection, options: ExportOptions, *, batch: int = BATCH
) -> Iterator[dict[str, Any]]:
    """Every statement of every selected session, session by session in order of their start."""
    snapshots = _Snapshots(reader)
    for row, events in sessions_with_events(reader, selection, batch=batch):
        yield from session_statements(row, events, snapshots.get(row.content_hash), options)


def json_line(statement: dict[str, Any]) -> str:
    """One statement as one line: keys sorted, so the same record gives the same bytes."""
    return json.dumps(statement, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"


def write_lines(stream: Iterable[dict[str, Any]], handle: IO[str]) -> int:
    """Write statements as JSON lines; returns how many."""
    count = 0
    for statement in stream:
        handle.write(json_line(statement))
        count += 1
    return count
