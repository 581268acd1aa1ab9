"""The report's figures merged from the rollups (`debrief.cohort.rollup`): the fast path of `trainer report`.

The rollups are kept per scenario, calendar month and group, so every filter the report offers is a choice of
rows: scenarios and groups pick rows, a site picks its groups' rows, `--by group|site` keys the merge by the
group's label or location. A period that starts or ends inside a month takes the whole months from the
stored rows and counts the days at its edges from the per-session tables with the same code that builds the
rollups (`rollup.rows_for`). Trainee codes are merged as sets, never summed, so every distinct-trainee count
(the k = 5 rule) is exactly what the per-session SQL in `debrief.cohort.aggregate` gives.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from debrief.cohort import aggregate as agg
from debrief.cohort.db import Db
from debrief.cohort.filters import Filters
from debrief.cohort.rollup import ALL_GROUPS, NO_GROUP, Acc, Rows, rows_for
from debrief.cohort.rollup import trainee_set as _set

Row = tuple[object, ...]


def covers(filters: Filters, by: str | None) -> bool:
    """Whether the rollups answer this report: every filter and every `--by` the report offers."""
    del filters  # every filter is a choice of rollup rows (plus edge days)
    return by in (None, *agg.PERIODS)


def _month_end(day: date) -> date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def split(filters: Filters) -> tuple[str | None, str | None, list[Filters]]:
    """The first and last whole month the period covers (None: open), and the edge days as filters of
    their own. A period inside one month is all edge."""
    start, end = filters.start, filters.end
    if start is not None and end is not None and (start.year, start.month) == (end.year, end.month):
        if start.day == 1 and end == _month_end(end):
            month = start.isoformat()[:7]
            return month, month, []
        return "9999-12", "0000-01", [filters]  # an empty range of whole months
    low = high = None
    edges = []
    if start is not None:
        if start.day == 1:
            low = start.isoformat()[:7]
        else:
            edges.append(replace(filters, end=_month_end(start)))
            low = (_month_end(start) + timedelta(days=1)).isoformat()[:7]
    if end is not None:
        if end == _month_end(end):
            high = end.isoformat()[:7]
        else:
            edges.append(replace(filters, start=end.replace(day=1)))
            high = (end.replace(day=1) - timedelta(days=1)).isoformat()[:7]
    return low, high, edges


@dataclass
class MonthlyFigures:
    """The same figures as `debrief.cohort.aggregate`, merged from the rollups."""

    db: Db
    filters: Filters
    by: str | None = None  # by month or none over every group: the rows of all groups together suffice
    groups: dict[int, tuple[str, str | None]] = field(init=False)  # id → (label, location)
    rows: Rows = field(init=False)
    _points: dict[str | None, dict[tuple[str, str, str, str], Acc]] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        self.groups = {
            int(gid): (str(label), None if loc is None else str(loc))
            for gid, label, loc in self.db.rows("SELECT id, label, location FROM groups")
        }
        self.rows = self._stored()
        for edge in split(self.filters)[2]:
            where, params = edge.sql("r")
            found = rows_for(self.db, where, params)
            self.rows.sessions += found.sessions
            self.rows.cells += found.cells
            self.rows.looks += found.looks

    @property
    def _together(self) -> bool:
        return not (self.filters.groups or self.filters.sites) and self.by in (None, "month")

    def _where(self, together: bool) -> tuple[str, list[object]] | None:
        """The condition on stored rollup rows, or None when no group matches."""
        parts: list[str] = [f"group_id = {ALL_GROUPS}" if together else f"group_id <> {ALL_GROUPS}"]
        params: list[object] = []
        f = self.filters
        if f.scenarios:
            parts.append(f"scenario_id IN ({', '.join('?' * len(f.scenarios))})")
            params.extend(f.scenarios)
        if f.groups or f.sites:
            wanted = [
                gid
                for gid, (label, loc) in self.groups.items()
                if (not f.groups or label in f.groups) and (not f.sites or loc in f.sites)
            ]
            if not wanted:
                return None
            parts.append(f"group_id IN ({', '.join('?' * len(wanted))})")
            params.extend(wanted)
        low, high, _edges = split(f)
        if low is not None:
            parts.append("month >= ?")
            params.append(low)
        if high is not None:
            parts.append("month <= ?")
            params.append(high)
        return " AND ".join(parts), params

    def _stored(self) -> Rows:
        found = self._where(self._together)
        if found is None:
            return Rows()
        where, params = found
        return Rows(
            *(
                [tuple(r) for r in self.db.rows(f"SELECT * FROM {table} WHERE {where}", params)]  # noqa: S608
                for table in ("report_session_months", "report_cell_months", "report_look_months")
            )
        )

    def _period(self, by: str | None, month: object, gid: object) -> str:
        if by is None:
            return ""
        if by == "month":
            return str(month)
        label, loc = self.groups.get(int(str(gid)), ("-", None))
        if int(str(gid)) == NO_GROUP:
            return "-"
        return label if by == "group" else (loc or "-")

    def totals(self) -> agg.Totals:
        trainees: set[str] = set()
        ids = {int(str(r[2])) for r in self.rows.sessions} - {NO_GROUP, ALL_GROUPS}
        found = self._where(False) if self._together else None
        if found is not None:  # the rows of all groups together do not say which groups they hold
            ids |= {
                int(str(g))
                for (g,) in self.db.rows(
                    f"SELECT DISTINCT group_id FROM report_session_months WHERE {found[0]}", found[1]
                )
            } - {NO_GROUP}
        for r in self.rows.sessions:
            trainees |= _set(r[21])
        known = [self.groups[i] for i in ids if i in self.groups]
        return agg.Totals(
            sum(int(str(r[3])) for r in self.rows.sessions),
            len(trainees),
            len({label for label, _loc in known}),
            len({loc for _label, loc in known if loc}),
            sum(int(str(r[4])) for r in self.rows.sessions),
            sum(int(str(r[5])) for r in self.rows.sessions),
        )

    def cells(self) -> list[Row]:
        return self.rows.cells

    def _by_point(self, by: str | None) -> dict[tuple[str, str, str, str], Acc]:
        """Per scenario, point, step and period the merged cell rows: every row's trainee codes are read
        once, and coarser figures are unions of these (a merge per row per figure cost seconds)."""
        if by not in self._points:
            merged: dict[tuple[str, str, str, str], Acc] = {}
            finer = next(iter(self._points.values()), None)
            if by is None and finer is not None:
                for (scenario, node, step, _period), acc in finer.items():
                    merged.setdefault((scenario, node, step, ""), Acc()).absorb(acc)
            else:
                for row in self.rows.cells:
                    key = (str(row[0]), str(row[3]), str(row[4]), self._period(by, row[1], row[2]))
                    merged.setdefault(key, Acc()).merge(row[5:])
            self._points[by] = merged
        return self._points[by]

    def kader(self, by: str | None, cells: list[Row]) -> list[agg.Shares]:
        del cells  # read through _by_point
        return [acc.shares(*key) for key, acc in sorted(self._by_point(by).items())]

    def _coarse(self, key: Callable[[str, str, str], tuple[str, ...]]) -> dict[tuple[str, ...], Acc]:
        merged: dict[tuple[str, ...], Acc] = {}
        for (scenario, node, step, _p), acc in self._by_point(None).items():
            merged.setdefault(key(scenario, node, step), Acc()).absorb(acc)
        return merged

    def steps(self, cells: list[Row]) -> list[agg.Shares]:
        del cells
        merged = self._coarse(lambda _sc, _n, step: (step,))
        return [acc.shares("", "", step, "") for (step,), acc in merged.items()]

    def decide(self, cells: list[Row]) -> list[agg.Decide]:
        del cells
        merged = self._coarse(lambda scenario, _n, step: (scenario, step))
        return [
            agg.Decide(
                scenario,
                step,
                acc.in_line + acc.debatable + acc.not_in_line,
                acc.seconds / acc.decided if acc.decided else None,
                acc.timed_out,
                len(acc.people),
            )
            for (scenario, step), acc in sorted(merged.items())
        ]

    def _sessions(self) -> dict[str, list[Row]]:
        """Per scenario the session rows from `fitting` on (the columns after scenario, month, group,
        sessions, unfit and revotes)."""
        by: dict[str, list[Row]] = {}
        for row in self.rows.sessions:
            by.setdefault(str(row[0]), []).append(row[6:])
        return by

    def registration(self) -> list[agg.Registration]:
        out = []
        for scenario, rows in sorted(self._sessions().items()):
            if not sum(int(str(r[0])) for r in rows):
                continue  # only sessions that do not fit their scenario: no figures (as in SQL)
            s = [sum(int(str(r[i])) for r in rows) for i in (0, 6, 7, 8, 9, 10, 11, 12, 13, 14)]
            people: set[str] = set().union(*(_set(r[16]) for r in rows))
            out.append(
                agg.Registration(
                    scenario, s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7], s[8], s[9], len(people)
                )
            )
        return out

    def pace(self) -> list[agg.Pace]:
        out = []
        for scenario, rows in sorted(self._sessions().items()):
            n = sum(int(str(r[0])) for r in rows)
            if not n:
                continue
            timed = sum(int(str(r[5])) for r in rows)
            mean = sum(float(str(r[4])) for r in rows) / timed if timed else None
            people: set[str] = set().union(*(_set(r[16]) for r in rows))
            out.append(
                agg.Pace(
                    scenario,
                    n,
                    sum(int(str(r[1])) for r in rows),
                    sum(int(str(r[2])) for r in rows),
                    sum(int(str(r[3])) for r in rows),
                    mean,
                    len(people),
                )
            )
        return out

    def looks(self) -> tuple[list[agg.LookCount], dict[tuple[str, str], int]]:
        merged: dict[tuple[str, str, str, str], Acc] = {}
        pools: dict[tuple[str, str], set[str]] = {}
        for scenario, _month, _gid, pool, cast_id, look, shown, selected, trainees in self.rows.looks:
            acc = merged.setdefault((str(scenario), str(pool), str(cast_id), str(look)), Acc())
            acc.in_line += int(str(shown))
            acc.debatable += int(str(selected))
            people = _set(trainees)
            acc.people |= people
            pools.setdefault((str(scenario), str(pool)), set()).update(people)
        counts = [
            agg.LookCount(*key, acc.in_line, acc.debatable, len(acc.people))
            for key, acc in sorted(merged.items())
        ]
        return counts, {key: len(people) for key, people in pools.items()}
