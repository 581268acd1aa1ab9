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

    def sql(self, alias: str = "s") -> tuple[str, list[Any]]:
        """An SQL condition over table `alias`, which has scenario_id, started_at and group_id (sessions and
        every derived table do), with its parameters; `?` placeholders. Groups and sites are looked up in the
        small groups table; dates compare as ISO text, which both backends store."""
        parts: list[str] = []
        params: list[Any] = []
        if self.scenarios:
            parts.append(f"{alias}.scenario_id IN ({', '.join('?' * len(self.scenarios))})")
            params.extend(self.scenarios)
        for column, values in (("label", self.groups), ("location", self.sites)):
            if values:
                marks = ", ".join("?" * len(values))
                parts.append(f"{alias}.group_id IN (SELECT id FROM groups WHERE {column} IN ({marks}))")
                params.extend(values)
        if self.start is not None:
            parts.append(f"{alias}.started_at >= ?")
            params.append(self.start.isoformat())
        if self.end is not None:
            parts.append(f"{alias}.started_at < ?")
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
