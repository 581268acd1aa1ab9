"""Clocks: the engine never reads time itself, so tests and replays control it."""

from __future__ import annotations

import time
from typing import Protocol


class Clock(Protocol):
    def now(self) -> float:
        """Seconds on a monotonic scale."""
        ...


class MonotonicClock:
    """The real clock."""

    def now(self) -> float:
        return time.monotonic()


class FakeClock:
    """A clock that moves only when told to."""

    def __init__(self, start: float = 0.0) -> None:
        self.t = start

    def now(self) -> float:
        return self.t

    def advance(self, seconds: float) -> None:
        self.t += seconds


class PausableClock:
    """Wraps a clock; time stands still while paused (Esc pauses every timer)."""

    def __init__(self, inner: Clock) -> None:
        self.inner = inner
        self.paused_total = 0.0
        self.paused_at: float | None = None

    def now(self) -> float:
        current = self.paused_at if self.paused_at is not None else self.inner.now()
        return current - self.paused_total

    def pause(self) -> None:
        if self.paused_at is None:
            self.paused_at = self.inner.now()

    def resume(self) -> None:
        if self.paused_at is not None:
            self.paused_total += self.inner.now() - self.paused_at
            self.paused_at = None
