"""Scenario model: pydantic models, the strict YAML loader and semantic checks. Pure: no pygame, no I/O
outside the loader."""

from __future__ import annotations

from trainer.model.diagnostics import Diagnostic, ScenarioError
from trainer.model.loader import load_scenario, load_scenario_text
from trainer.model.messages import Severity
from trainer.model.scenario import Scenario

__all__ = ["Diagnostic", "Scenario", "ScenarioError", "Severity", "load_scenario", "load_scenario_text"]
