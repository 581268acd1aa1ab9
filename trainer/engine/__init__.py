"""The engine: plays a validated scenario. Pure: no pygame, no files; time comes from an injected Clock."""

from __future__ import annotations

from trainer.engine.clock import Clock, FakeClock, MonotonicClock
from trainer.engine.errors import EngineError
from trainer.engine.session import Session
from trainer.engine.views import ChoiceOption, Phase, View

__all__ = ["ChoiceOption", "Clock", "EngineError", "FakeClock", "MonotonicClock", "Phase", "Session", "View"]
