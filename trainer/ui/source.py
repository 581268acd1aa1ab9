"""What the App needs from outside to play: scenarios loaded and checked, sessions started and resumed."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from trainer.engine.clock import Clock
from trainer.engine.session import Session
from trainer.model.loader import LoadedScenario


class SessionSource(Protocol):
    """What the App needs from outside: scenario files loaded and checked, sessions started (recorded or
    not) and resumed. The command builds one (`trainer.records.sessions.RecordedSessions`) and injects it."""

    def load(self, path: Path, lang: str) -> tuple[LoadedScenario | None, list[str]]: ...

    def start(
        self,
        loaded: LoadedScenario,
        *,
        trainee: str | None,
        group: str | None,
        lang: str,
        clock: Clock,
        seed: int,
        start_node: str | None = None,
        pace: float = 1.0,
    ) -> Session: ...

    def can_resume(self) -> bool: ...

    def resume(self, session_id: str, clock: Clock) -> Session: ...

    def owner(self, session_id: str) -> tuple[str, str | None]: ...

    def unfinished(self, trainee: str | None, lang: str) -> list[tuple[str, str, str, str]]: ...
