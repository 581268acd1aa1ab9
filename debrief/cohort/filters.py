"""Which sessions a report covers: scenarios, a period, group labels, sites (a group's location)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any


@dataclass(frozen=True)
class Filters:
    scenarios: tuple[str, ...] = ()
    start: date | None = None  # inclusive
    end: date | None = None  # inclusive: the whole day counts
    groups: tuple[str, ...] = ()
    sites: tuple[str, ...] = ()

    def sql(self) -> tuple[str, list[Any]]:
        """An SQL condition over `s` (sessions) and `g` (groups, left-joined), with its parameters; `?`
        placeholders. Dates compare as ISO text, which both backends store."""
        parts: list[str] = []
        params: list[Any] = []
        for column, values in (("s.scenario_id", self.scenarios), ("g.label", self.groups)):
            if values:
                parts.append(f"{column} IN ({', '.join('?' * len(values))})")
                params.extend(values)
        if self.sites:
            parts.append(f"g.location IN ({', '.join('?' * len(self.sites))})")
            params.extend(self.sites)
        if self.start is not None:
            parts.append("s.started_at >= ?")
            params.append(self.start.isoformat())
        if self.end is not None:
            parts.append("s.started_at < ?")
            params.append((self.end + timedelta(days=1)).isoformat())
        return (" AND ".join(parts) or "1 = 1"), params

    def describe(self) -> dict[str, str]:
        """The filters as the report's head states them (empty values left out)."""
        out = {}
        if self.scenarios:
            out["scenario"] = ", ".join(self.scenarios)
        if self.start or self.end:
            out["period"] = f"{self.start or '…'} – {self.end or '…'}"
        if self.groups:
            out["group"] = ", ".join(self.groups)
        if self.sites:
            out["site"] = ", ".join(self.sites)
        return out
