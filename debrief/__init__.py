"""debrief: turns session records into a Blauw Vakmanschap conversation sheet (see issue 5)."""

from __future__ import annotations
