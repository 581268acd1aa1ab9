"""Drives a Session for tests, optionally saving and restoring it through JSON after every step.

ink runs its whole suite twice this way: whatever the engine does must survive a save/restore.
"""

from __future__ import annotations

import json
from typing import Any

from trainer.engine import FakeClock, Session
from trainer.engine.save import restore, save
from trainer.model.scenario import Scenario


class Driver:
    def __init__(self, scenario: Scenario, *, roundtrip: bool, **kwargs: Any) -> None:
        self.clock = FakeClock()
        self.roundtrip = roundtrip
        self.session = Session(scenario, clock=self.clock, **kwargs)

    def _after(self) -> None:
        if self.roundtrip:
            data = json.loads(json.dumps(save(self.session)))
            self.session = restore(
                self.session.scenario, data, clock=self.clock, listeners=self.session.listeners
            )

    def wait(self, seconds: float) -> Driver:
        self.clock.advance(seconds)
        return self

    def __getattr__(self, name: str) -> Any:
        attr = getattr(self.session, name)
        if name in ("choose", "timeout", "advance", "answer", "register"):

            def call(*args: Any, **kwargs: Any) -> Any:
                result = attr(*args, **kwargs)
                self._after()
                return result

            return call
        return attr
