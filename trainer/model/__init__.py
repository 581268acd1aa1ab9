"""Scenario model: pydantic models, the strict YAML loader and semantic checks. Pure: no pygame, no I/O
outside the loader.

Import from the submodules (`trainer.model.loader`, `trainer.model.scenario`, ...): this package imports
nothing itself, so a light module (`trainer.model.text`, `trainer.model.card`) does not pull in the loader.
"""
