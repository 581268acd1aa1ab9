"""Monthly rollups of the per-session summaries: what makes a report over 100,000 sessions take a second.

Counting distinct trainees per figure over half a million choice rows costs seconds in SQL on either backend,
for every report. So the summaries are rolled up once per scenario and calendar month, when they change
(`update`, called by `refresh`): per decision point and step, per session measure and per casting look, with
the sums and the set of trainee codes behind each row. A report over whole months (any scenarios, by month)
merges those rows and their trainee sets (`MonthlyFigures`), which gives exactly the figures the per-session
SQL gives (a test holds the two paths equal). A report filtered by group, site or a date inside a month
counts from the per-session tables (`debrief.cohort.aggregate`).

A purge deletes summaries through their foreign keys; the next refresh sees the month's session count differ
and rebuilds that month, so a purged trainee's code leaves the rollups with it (`sessions purge` refreshes at
once).
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from debrief.cohort import aggregate as agg
from debrief.cohort.db import Db, Row
from debrief.cohort.filters import Filters

TABLES: tuple[str, ...] = (
    """CREATE TABLE report_cell_months (
        scenario_id TEXT NOT NULL, month TEXT NOT NULL, node TEXT NOT NULL, step TEXT NOT NULL,
        in_line INTEGER NOT NULL, debatable INTEGER NOT NULL, not_in_line INTEGER NOT NULL,
        decided INTEGER NOT NULL, decide_seconds REAL NOT NULL, timed_out INTEGER NOT NULL,
        trainees TEXT NOT NULL,
        PRIMARY KEY (scenario_id, month, node, step)
    )""",
    """CREATE TABLE report_session_months (
        scenario_id TEXT NOT NULL, month TEXT NOT NULL,
        sessions INTEGER NOT NULL, unfit INTEGER NOT NULL, revotes INTEGER NOT NULL,
        fitting INTEGER NOT NULL, finished INTEGER NOT NULL, with_timeout INTEGER NOT NULL,
        slow INTEGER NOT NULL,
        seconds_sum REAL NOT NULL, seconds_n INTEGER NOT NULL,
        registered INTEGER NOT NULL, honest INTEGER NOT NULL, grounds_ok INTEGER NOT NULL,
        power_ok INTEGER NOT NULL, outcome_ok INTEGER NOT NULL,
        reason_fact INTEGER NOT NULL, reason_power INTEGER NOT NULL, reason_both INTEGER NOT NULL,
        reason_nothing INTEGER NOT NULL,
        trainees TEXT NOT NULL, fitting_trainees TEXT NOT NULL, groups TEXT NOT NULL,
        PRIMARY KEY (scenario_id, month)
    )""",
    """CREATE TABLE report_look_months (
        scenario_id TEXT NOT NULL, month TEXT NOT NULL, pool TEXT NOT NULL, cast_id TEXT NOT NULL,
        look TEXT NOT NULL, shown INTEGER NOT NULL, selected INTEGER NOT NULL, trainees TEXT NOT NULL,
        PRIMARY KEY (scenario_id, month, pool, cast_id, look)
    )""",
)
NAMES = ("report_cell_months", "report_session_months", "report_look_months")
SEP = "\n"  # trainee codes never hold a line break (trainer.records.fields.is_code)


@dataclass
class _Acc:
    """Sums behind one figure and the trainees behind them."""

    in_line: int = 0
    debatable: int = 0
    not_in_line: int = 0
    decided: int = 0
    seconds: float = 0.0
    timed_out: int = 0
    people: set[str] = field(default_factory=set)

    def add(self, assessment: str, seconds: float, timed_out: bool, trainee: str) -> None:
        if assessment == "in_lijn":
            self.in_line += 1
        elif assessment == "discutabel":
            self.debatable += 1
        else:
            self.not_in_line += 1
        if timed_out:
            self.timed_out += 1
        else:
            self.decided += 1
            self.seconds += seconds
        self.people.add(trainee)

    def merge(self, row: Row) -> None:
        """Add a stored rollup row: in, debatable, not in line, decided, seconds, timed out, trainees."""
        i, d, n, decided, seconds, timed_out, trainees = row
        self.in_line += int(i)
        self.debatable += int(d)
        self.not_in_line += int(n)
        self.decided += int(decided)
        self.seconds += float(seconds)
        self.timed_out += int(timed_out)
        self.people |= _set(trainees)

    def shares(self, scenario: str, node: str, step: str, period: str) -> agg.Shares:
        return agg.Shares(
            scenario, node, step, period, self.in_line, self.debatable, self.not_in_line, len(self.people)
        )


def _bounds(month: str) -> tuple[str, str]:
    year, mon = int(month[:4]), int(month[5:7])
    after = f"{year + mon // 12:04d}-{mon % 12 + 1:02d}"
    return month, after


def _codes(values: Iterable[object]) -> str:
    return SEP.join(sorted({str(v) for v in values}))


def changed_months(db: Db, touched: Iterable[tuple[str, str]]) -> set[tuple[str, str]]:
    """The (scenario, month) pairs to rebuild: those with new summaries, and those whose session count no
    longer matches their rollup (a purge), or that have a rollup but no sessions left."""
    out = set(touched)
    now = {
        (str(a), str(b)): int(c)
        for a, b, c in db.rows(
            "SELECT scenario_id, substr(started_at, 1, 7), COUNT(*) FROM report_sessions GROUP BY 1, 2"
        )
    }
    kept = {
        (str(a), str(b)): int(c)
        for a, b, c in db.rows("SELECT scenario_id, month, sessions FROM report_session_months")
    }
    out |= {pair for pair, n in now.items() if kept.get(pair) != n}
    out |= {pair for pair in kept if pair not in now}
    return out


def update(db: Db, pairs: Iterable[tuple[str, str]]) -> int:
    """Rebuild the rollups of these (scenario, month) pairs from the per-session tables."""
    done = 0
    for scenario_id, month in sorted(pairs):
        low, high = _bounds(month)
        where = "scenario_id = ? AND started_at >= ? AND started_at < ?"
        params = [scenario_id, low, high]
        sessions = db.rows(
            "SELECT trainee_code, group_id, fits, finished, pace, timeouts, seconds, registered, honest, "
            f"grounds_ok, power_ok, outcome_ok, reason_kind, revotes FROM report_sessions WHERE {where}",
            params,
        )
        cells: dict[tuple[str, str], _Acc] = {}
        for node, step, assessment, seconds, timed_out, trainee in db.rows(
            "SELECT node, step, assessment, seconds, timed_out, trainee_code "
            f"FROM report_choices WHERE {where}",
            params,
        ):
            cells.setdefault((str(node), str(step)), _Acc()).add(
                str(assessment), float(seconds), bool(timed_out), str(trainee)
            )
        looks: dict[tuple[str, str, str], _Acc] = {}
        for pool, cast_id, look, selected, trainee in db.rows(
            f"SELECT pool, cast_id, look, selected, trainee_code FROM report_looks WHERE {where}", params
        ):
            acc = looks.setdefault((str(pool), str(cast_id), str(look)), _Acc())
            acc.in_line += 1  # appearances
            acc.debatable += int(selected)  # selections
            acc.people.add(str(trainee))
        key = [(scenario_id, month)]
        writes: list[tuple[str, Sequence[Sequence[object]]]] = [
            (f"DELETE FROM {table} WHERE scenario_id = ? AND month = ?", key) for table in NAMES
        ]
        if sessions:
            fit = [s for s in sessions if s[2]]
            kinds = [str(s[12]) for s in fit]
            seconds = [float(s[6]) for s in fit if s[6] is not None]
            writes.append(
                (
                    f"INSERT INTO report_session_months VALUES ({', '.join('?' * 23)})",
                    [
                        (
                            scenario_id,
                            month,
                            len(sessions),
                            len(sessions) - len(fit),
                            sum(int(s[13]) for s in sessions),
                            len(fit),
                            sum(int(s[3]) for s in fit),
                            sum(int(s[5]) > 0 for s in fit),
                            sum(float(s[4]) > 1 for s in fit),
                            sum(seconds),
                            len(seconds),
                            sum(int(s[7]) for s in fit),
                            sum(int(s[8] or 0) for s in fit),
                            sum(int(s[9] or 0) for s in fit),
                            sum(int(s[10] or 0) for s in fit),
                            sum(int(s[11] or 0) for s in fit),
                            kinds.count("fact"),
                            kinds.count("power"),
                            kinds.count("both"),
                            kinds.count("nothing"),
                            _codes(s[0] for s in sessions),
                            _codes(s[0] for s in fit),
                            _codes(s[1] for s in sessions if s[1] is not None),
                        )
                    ],
                )
            )
        if cells:
            writes.append(
                (
                    f"INSERT INTO report_cell_months VALUES ({', '.join('?' * 11)})",
                    [
                        (
                            scenario_id,
                            month,
                            n,
                            st,
                            c.in_line,
                            c.debatable,
                            c.not_in_line,
                            c.decided,
                            c.seconds,
                            c.timed_out,
                            _codes(c.people),
                        )
                        for (n, st), c in cells.items()
                    ],
                )
            )
        if looks:
            writes.append(
                (
                    f"INSERT INTO report_look_months VALUES ({', '.join('?' * 8)})",
                    [
                        (scenario_id, month, *k, e.in_line, e.debatable, _codes(e.people))
                        for k, e in looks.items()
                    ],
                )
            )
        db.write_many(writes)
        done += 1
    return done


# --- reading -----------------------------------------------------------------------------------------


def covers(filters: Filters, by: str | None) -> bool:
    """Whether the monthly rollups answer this report exactly: whole months, no group or site filter."""
    if filters.groups or filters.sites or by not in (None, "month"):
        return False
    if filters.start is not None and filters.start.day != 1:
        return False
    end = filters.end
    return end is None or end.day == calendar.monthrange(end.year, end.month)[1]


def _set(text: object) -> set[str]:
    return set(str(text).split(SEP)) if text else set()


@dataclass
class MonthlyFigures:
    """The same figures as `debrief.cohort.aggregate`, merged from the monthly rollups."""

    db: Db
    filters: Filters

    def _where(self) -> tuple[str, list[object]]:
        parts: list[str] = ["1 = 1"]
        params: list[object] = []
        if self.filters.scenarios:
            parts.append(f"scenario_id IN ({', '.join('?' * len(self.filters.scenarios))})")
            params.extend(self.filters.scenarios)
        if self.filters.start is not None:
            parts.append("month >= ?")
            params.append(self.filters.start.isoformat()[:7])
        if self.filters.end is not None:
            parts.append("month <= ?")
            params.append(self.filters.end.isoformat()[:7])
        return " AND ".join(parts), params

    def _rows(self, table: str, columns: str) -> list[Row]:
        where, params = self._where()
        return self.db.rows(f"SELECT {columns} FROM {table} WHERE {where}", params)  # noqa: S608 - fixed names

    def totals(self) -> agg.Totals:
        rows = self._rows("report_session_months", "sessions, unfit, revotes, trainees, groups")
        trainees: set[str] = set()
        groups: set[str] = set()
        for _n, _u, _r, people, ids in rows:
            trainees |= _set(people)
            groups |= _set(ids)
        sites = {
            str(loc)
            for gid, loc in self.db.rows("SELECT id, location FROM groups")
            if str(gid) in groups and loc
        }
        return agg.Totals(
            sum(int(r[0]) for r in rows),
            len(trainees),
            len(groups),
            len(sites),
            sum(int(r[1]) for r in rows),
            sum(int(r[2]) for r in rows),
        )

    def cells(self) -> list[Row]:
        return self._rows(
            "report_cell_months",
            "scenario_id, month, node, step, in_line, debatable, not_in_line, decided, decide_seconds, "
            "timed_out, trainees",
        )

    def kader(self, by: str | None, cells: list[Row]) -> list[agg.Shares]:
        merged: dict[tuple[str, str, str, str], _Acc] = {}
        for row in cells:
            key = (str(row[0]), str(row[2]), str(row[3]), str(row[1]) if by else "")
            merged.setdefault(key, _Acc()).merge(row[4:])
        return [acc.shares(*key) for key, acc in sorted(merged.items())]

    def steps(self, cells: list[Row]) -> list[agg.Shares]:
        merged: dict[str, _Acc] = {}
        for row in cells:
            merged.setdefault(str(row[3]), _Acc()).merge(row[4:])
        return [acc.shares("", "", step, "") for step, acc in merged.items()]

    def decide(self, cells: list[Row]) -> list[agg.Decide]:
        merged: dict[tuple[str, str], _Acc] = {}
        for row in cells:
            merged.setdefault((str(row[0]), str(row[3])), _Acc()).merge(row[4:])
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
        by: dict[str, list[Row]] = {}
        for row in self._rows(
            "report_session_months",
            "scenario_id, fitting, finished, with_timeout, slow, seconds_sum, seconds_n, registered, honest, "
            "grounds_ok, power_ok, outcome_ok, reason_fact, reason_power, reason_both, reason_nothing, "
            "fitting_trainees",
        ):
            by.setdefault(str(row[0]), []).append(row)
        return by

    def registration(self) -> list[agg.Registration]:
        out = []
        for scenario, rows in sorted(self._sessions().items()):
            if not sum(int(r[1]) for r in rows):
                continue  # only sessions that do not fit their scenario: no figures (as in SQL)
            sums = [sum(int(r[i]) for r in rows) for i in (1, 7, 8, 9, 10, 11, 12, 13, 14, 15)]
            people: set[str] = set().union(*(_set(r[16]) for r in rows))
            i = iter(sums)
            out.append(
                agg.Registration(
                    scenario,
                    next(i),
                    next(i),
                    next(i),
                    next(i),
                    next(i),
                    next(i),
                    next(i),
                    next(i),
                    next(i),
                    next(i),
                    len(people),
                )
            )
        return out

    def pace(self) -> list[agg.Pace]:
        out = []
        for scenario, rows in sorted(self._sessions().items()):
            n = sum(int(r[1]) for r in rows)
            if not n:
                continue
            timed = sum(int(r[6]) for r in rows)
            mean = sum(float(r[5]) for r in rows) / timed if timed else None
            people: set[str] = set().union(*(_set(r[16]) for r in rows))
            out.append(
                agg.Pace(
                    scenario,
                    n,
                    sum(int(r[2]) for r in rows),
                    sum(int(r[3]) for r in rows),
                    sum(int(r[4]) for r in rows),
                    mean,
                    len(people),
                )
            )
        return out

    def looks(self) -> tuple[list[agg.LookCount], dict[tuple[str, str], int]]:
        merged: dict[tuple[str, str, str, str], _Acc] = {}
        pools: dict[tuple[str, str], set[str]] = {}
        for scenario, pool, cast_id, look, shown, selected, trainees in self._rows(
            "report_look_months", "scenario_id, pool, cast_id, look, shown, selected, trainees"
        ):
            acc = merged.setdefault((str(scenario), str(pool), str(cast_id), str(look)), _Acc())
            acc.in_line += int(shown)
            acc.debatable += int(selected)
            people = _set(trainees)
            acc.people |= people
            pools.setdefault((str(scenario), str(pool)), set()).update(people)
        counts = [
            agg.LookCount(*key, acc.in_line, acc.debatable, len(acc.people))
            for key, acc in sorted(merged.items())
        ]
        return counts, {key: len(people) for key, people in pools.items()}
