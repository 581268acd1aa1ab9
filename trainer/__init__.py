"""trainer: a scenario trainer for professioneel controleren (Dutch police street stops)."""

from __future__ import annotations

__version__ = "0.1.0"
