"""Monthly rollups of the per-session summaries: what makes a report over 100,000 sessions take a second.

Counting distinct trainees per figure over half a million choice rows costs seconds in SQL on either backend,
for every report. So the summaries are rolled up once per scenario, calendar month and group, when they
change (`update`, called by `refresh`), and once more for all groups together (ALL_GROUPS: a report over
every group reads ~20 times fewer rows): per decision point and step, per session measure and per casting
look, with the sums and the set of trainee codes behind each row. Keyed by group, the rows answer a group
or site filter and `--by group|site` as well as whole months; a date inside a month adds the edge days
counted from the per-session tables by the same code (`rows_for`). `debrief.cohort.monthly` merges the rows
and their trainee sets, which gives exactly the figures the per-session SQL gives (a test holds the two
paths equal).

A purge deletes summaries through their foreign keys; the next refresh sees the month's session count differ
and rebuilds that month, so a purged trainee's code leaves the rollups with it (`sessions purge` refreshes at
once).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from debrief.cohort import aggregate as agg
from debrief.cohort.db import Db, Row

TABLES: tuple[str, ...] = (
    """CREATE TABLE report_cell_months (
        scenario_id TEXT NOT NULL, month TEXT NOT NULL, group_id BIGINT NOT NULL,
        node TEXT NOT NULL, step TEXT NOT NULL,
        in_line INTEGER NOT NULL, debatable INTEGER NOT NULL, not_in_line INTEGER NOT NULL,
        decided INTEGER NOT NULL, decide_seconds REAL NOT NULL, timed_out INTEGER NOT NULL,
        trainees TEXT NOT NULL,
        PRIMARY KEY (scenario_id, month, group_id, node, step)
    )""",
    """CREATE TABLE report_session_months (
        scenario_id TEXT NOT NULL, month TEXT NOT NULL, group_id BIGINT NOT NULL,
        sessions INTEGER NOT NULL, unfit INTEGER NOT NULL, revotes INTEGER NOT NULL,
        fitting INTEGER NOT NULL, finished INTEGER NOT NULL, with_timeout INTEGER NOT NULL,
        slow INTEGER NOT NULL,
        seconds_sum REAL NOT NULL, seconds_n INTEGER NOT NULL,
        registered INTEGER NOT NULL, honest INTEGER NOT NULL, grounds_ok INTEGER NOT NULL,
        power_ok INTEGER NOT NULL, outcome_ok INTEGER NOT NULL,
        reason_fact INTEGER NOT NULL, reason_power INTEGER NOT NULL, reason_both INTEGER NOT NULL,
        reason_nothing INTEGER NOT NULL,
        trainees TEXT NOT NULL, fitting_trainees TEXT NOT NULL,
        PRIMARY KEY (scenario_id, month, group_id)
    )""",
    """CREATE TABLE report_look_months (
        scenario_id TEXT NOT NULL, month TEXT NOT NULL, group_id BIGINT NOT NULL,
        pool TEXT NOT NULL, cast_id TEXT NOT NULL,
        look TEXT NOT NULL, shown INTEGER NOT NULL, selected INTEGER NOT NULL, trainees TEXT NOT NULL,
        PRIMARY KEY (scenario_id, month, group_id, pool, cast_id, look)
    )""",
)
NAMES = ("report_cell_months", "report_session_months", "report_look_months")
SEP = "\n"  # trainee codes never hold a line break (trainer.records.fields.is_code)
NO_GROUP = 0  # the group_id of a session without a group (ids count from 1 on both backends)
ALL_GROUPS = -1  # the rows of every group together: what a report over all groups reads (fewer rows)


@dataclass
class Acc:
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
        self.people |= trainee_set(trainees)

    def absorb(self, other: Acc) -> None:
        """Add another accumulator's sums and trainees (a coarser figure from finer ones)."""
        self.in_line += other.in_line
        self.debatable += other.debatable
        self.not_in_line += other.not_in_line
        self.decided += other.decided
        self.seconds += other.seconds
        self.timed_out += other.timed_out
        self.people |= other.people

    def shares(self, scenario: str, node: str, step: str, period: str) -> agg.Shares:
        return agg.Shares(
            scenario, node, step, period, self.in_line, self.debatable, self.not_in_line, len(self.people)
        )


def trainee_set(text: object) -> set[str]:
    """The trainee codes of a rollup row."""
    return set(str(text).split(SEP)) if text else set()


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
        for a, b, c in db.rows(
            "SELECT scenario_id, month, SUM(sessions) FROM report_session_months "
            f"WHERE group_id <> {ALL_GROUPS} GROUP BY scenario_id, month"
        )
    }
    out |= {pair for pair, n in now.items() if kept.get(pair) != n}
    out |= {pair for pair in kept if pair not in now}
    return out


Key = tuple[str, str, int]  # scenario, month, group id


@dataclass
class Rows:
    """Rollup rows in their tables' column order, as stored or as counted now for edge days."""

    sessions: list[tuple[object, ...]] = field(default_factory=list)
    cells: list[tuple[object, ...]] = field(default_factory=list)
    looks: list[tuple[object, ...]] = field(default_factory=list)


def rows_for(db: Db, where: str, params: Sequence[object], *, per_group: bool = True) -> Rows:
    """The rollup rows of the per-session rows matching `where` (over alias `r`), per scenario, month and
    group (or all groups as ALL_GROUPS): what `update` stores, and what a report adds for the days of a
    month it covers only in part."""
    group = f"COALESCE(r.group_id, {NO_GROUP})" if per_group else str(ALL_GROUPS)
    _KEY = f"r.scenario_id, substr(r.started_at, 1, 7), {group}"  # noqa: N806 - the key's columns
    sessions: dict[Key, list[Row]] = {}
    for row in db.rows(
        f"SELECT {_KEY}, r.trainee_code, r.fits, r.finished, r.pace, r.timeouts, r.seconds, r.registered, "
        "r.honest, r.grounds_ok, r.power_ok, r.outcome_ok, r.reason_kind, r.revotes "
        f"FROM report_sessions r WHERE {where}",
        params,
    ):
        sessions.setdefault((str(row[0]), str(row[1]), int(row[2])), []).append(row[3:])
    cells: dict[tuple[Key, str, str], Acc] = {}
    for scenario, month, gid, node, step, assessment, seconds, timed_out, trainee in db.rows(
        f"SELECT {_KEY}, r.node, r.step, r.assessment, r.seconds, r.timed_out, r.trainee_code "
        f"FROM report_choices r WHERE {where}",
        params,
    ):
        key = ((str(scenario), str(month), int(gid)), str(node), str(step))
        cells.setdefault(key, Acc()).add(str(assessment), float(seconds), bool(timed_out), str(trainee))
    looks: dict[tuple[Key, str, str, str], Acc] = {}
    for scenario, month, gid, pool, cast_id, look, selected, trainee in db.rows(
        f"SELECT {_KEY}, r.pool, r.cast_id, r.look, r.selected, r.trainee_code "
        f"FROM report_looks r WHERE {where}",
        params,
    ):
        key2 = ((str(scenario), str(month), int(gid)), str(pool), str(cast_id), str(look))
        acc = looks.setdefault(key2, Acc())
        acc.in_line += 1  # appearances
        acc.debatable += int(selected)  # selections
        acc.people.add(str(trainee))
    out = Rows()
    for head, found in sessions.items():
        fit = [s for s in found if s[1]]
        kinds = [str(s[11]) for s in fit]
        seconds = [float(s[5]) for s in fit if s[5] is not None]
        out.sessions.append(
            (
                *head,
                len(found),
                len(found) - len(fit),
                sum(int(s[12]) for s in found),
                len(fit),
                sum(int(s[2]) for s in fit),
                sum(int(s[4]) > 0 for s in fit),
                sum(float(s[3]) > 1 for s in fit),
                sum(seconds),
                len(seconds),
                sum(int(s[6]) for s in fit),
                sum(int(s[7] or 0) for s in fit),
                sum(int(s[8] or 0) for s in fit),
                sum(int(s[9] or 0) for s in fit),
                sum(int(s[10] or 0) for s in fit),
                kinds.count("fact"),
                kinds.count("power"),
                kinds.count("both"),
                kinds.count("nothing"),
                _codes(s[0] for s in found),
                _codes(s[0] for s in fit),
            )
        )
    out.cells = [
        (
            *k,
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
        for (k, n, st), c in cells.items()
    ]
    out.looks = [(*k, *rest, e.in_line, e.debatable, _codes(e.people)) for (k, *rest), e in looks.items()]
    return out


def update(db: Db, pairs: Iterable[tuple[str, str]]) -> int:
    """Rebuild the rollups of these (scenario, month) pairs, every group's, from the per-session tables."""
    done = 0
    for scenario_id, month in sorted(pairs):
        low, high = _bounds(month)
        where = "r.scenario_id = ? AND r.started_at >= ? AND r.started_at < ?"
        rows = rows_for(db, where, [scenario_id, low, high])
        every = rows_for(db, where, [scenario_id, low, high], per_group=False)
        rows.sessions += every.sessions
        rows.cells += every.cells
        rows.looks += every.looks
        key = [(scenario_id, month)]
        writes: list[tuple[str, Sequence[Sequence[object]]]] = [
            (f"DELETE FROM {table} WHERE scenario_id = ? AND month = ?", key) for table in NAMES
        ]
        for table, found in zip(NAMES, (rows.cells, rows.sessions, rows.looks), strict=True):
            if found:
                marks = ", ".join("?" * len(found[0]))
                writes.append((f"INSERT INTO {table} VALUES ({marks})", found))
        db.write_many(writes)
        done += 1
    return done
