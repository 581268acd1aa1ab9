"""Errors the engine raises at its host, in Dutch and English."""

from __future__ import annotations

from trainer.model.text import TwoLanguageError


class EngineError(TwoLanguageError):
    """A host asked for something the current state does not allow (unknown choice, wrong phase, bad save)."""
