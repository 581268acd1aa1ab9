"""Errors the engine raises at its host."""

from __future__ import annotations


class EngineError(Exception):
    """A host asked for something the current state does not allow (unknown choice, wrong phase, bad save)."""
