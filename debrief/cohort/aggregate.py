"""The report's figures, aggregated in SQL over the derived per-session summaries.

Every figure carries the sessions and the distinct trainees behind it; `debrief.cohort.privacy` decides
which may be shown. Nothing here folds events: that happened once per session (`debrief.cohort.derived`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from debrief.cohort.db import Db
from debrief.cohort.filters import Filters

PERIODS = {
    "month": "substr(c.started_at, 1, 7)",
    "group": "COALESCE(g.label, '-')",
    "site": "COALESCE(g.location, '-')",
}
"""What "over time or cohorts" means: per calendar month, per group or per site."""

BASE = "FROM report_sessions r"
"""Session figures scan one table: the summaries carry scenario, trainee, group and start themselves."""


@dataclass(frozen=True)
class Shares:
    """Choices at one decision point (or step), in line / debatable / not in line."""

    scenario: str
    node: str  # "" for a whole step
    step: str
    period: str  # "" for all periods together
    in_line: int
    debatable: int
    not_in_line: int
    trainees: int

    @property
    def n(self) -> int:
        return self.in_line + self.debatable + self.not_in_line


@dataclass(frozen=True)
class Registration:
    scenario: str
    sessions: int
    registered: int
    honest: int
    grounds_ok: int
    power_ok: int
    outcome_ok: int
    fact: int
    power: int
    both: int
    nothing: int
    trainees: int


@dataclass(frozen=True)
class Pace:
    scenario: str
    sessions: int
    finished: int
    with_timeout: int
    slow: int
    mean_seconds: float | None
    trainees: int


@dataclass(frozen=True)
class Decide:
    scenario: str
    step: str
    choices: int
    mean_seconds: float | None
    timed_out: int
    trainees: int


@dataclass(frozen=True)
class LookCount:
    scenario: str
    pool: str
    cast_id: str
    look: str
    shown: int
    selected: int
    trainees: int


@dataclass(frozen=True)
class Totals:
    sessions: int
    trainees: int
    groups: int
    sites: int
    unfit: int
    revotes: int


def _where(filters: Filters, alias: str = "r") -> tuple[str, list[Any]]:
    """The filters over `alias`, and only sessions whose record fits its scenario."""
    where, params = filters.sql(alias)
    fits = "r.fits = 1" if alias == "r" else "1 = 1"  # a choice row exists only for a fitting session
    return f"{fits} AND {where}", params


def totals(db: Db, filters: Filters) -> Totals:
    where, params = filters.sql("r")
    row = db.rows(
        "SELECT COUNT(*), COUNT(DISTINCT r.trainee_code), COUNT(DISTINCT g.label), "
        "COUNT(DISTINCT g.location), SUM(1 - r.fits), SUM(r.revotes) "
        f"{BASE} LEFT JOIN groups g ON g.id = r.group_id WHERE {where}",
        params,
    )[0]
    return Totals(*(int(x or 0) for x in row))


def kader(db: Db, filters: Filters, by: str | None) -> list[Shares]:
    """Per scenario, decision point and step (and period when `by` is given)."""
    where, params = _where(filters, "c")
    period = PERIODS[by] if by else "''"
    join = "LEFT JOIN groups g ON g.id = c.group_id" if by in ("group", "site") else ""
    rows = db.rows(
        f"SELECT c.scenario_id, c.node, c.step, {period} AS period, "
        "SUM(CASE WHEN c.assessment = 'in_lijn' THEN 1 ELSE 0 END), "
        "SUM(CASE WHEN c.assessment = 'discutabel' THEN 1 ELSE 0 END), "
        "SUM(CASE WHEN c.assessment = 'niet_in_lijn' THEN 1 ELSE 0 END), COUNT(DISTINCT c.trainee_code) "
        f"FROM report_choices c {join} WHERE {where} "
        f"GROUP BY c.scenario_id, c.node, c.step{', ' + period if by else ''} "
        "ORDER BY c.scenario_id, c.node, period",
        params,
    )
    return [
        Shares(str(a), str(b), str(c), str(d), int(e), int(f), int(g), int(h))
        for a, b, c, d, e, f, g, h in rows
    ]


def steps(db: Db, filters: Filters) -> list[Shares]:
    """Per kader step over every scenario: where the field is weakest."""
    where, params = _where(filters, "c")
    rows = db.rows(
        "SELECT c.step, SUM(CASE WHEN c.assessment = 'in_lijn' THEN 1 ELSE 0 END), "
        "SUM(CASE WHEN c.assessment = 'discutabel' THEN 1 ELSE 0 END), "
        "SUM(CASE WHEN c.assessment = 'niet_in_lijn' THEN 1 ELSE 0 END), COUNT(DISTINCT c.trainee_code) "
        f"FROM report_choices c WHERE {where} GROUP BY c.step",
        params,
    )
    return [Shares("", "", str(a), "", int(b), int(c), int(d), int(e)) for a, b, c, d, e in rows]


def registration(db: Db, filters: Filters) -> list[Registration]:
    where, params = _where(filters)
    rows = db.rows(
        "SELECT r.scenario_id, COUNT(*), SUM(r.registered), SUM(COALESCE(r.honest, 0)), "
        "SUM(COALESCE(r.grounds_ok, 0)), SUM(COALESCE(r.power_ok, 0)), SUM(COALESCE(r.outcome_ok, 0)), "
        + ", ".join(
            f"SUM(CASE WHEN r.reason_kind = '{kind}' THEN 1 ELSE 0 END)"
            for kind in ("fact", "power", "both", "nothing")
        )
        + f", COUNT(DISTINCT r.trainee_code) {BASE} WHERE {where} "
        "GROUP BY r.scenario_id ORDER BY r.scenario_id",
        params,
    )
    return [Registration(str(r[0]), *(int(x or 0) for x in r[1:])) for r in rows]


def pace(db: Db, filters: Filters) -> list[Pace]:
    where, params = _where(filters)
    rows = db.rows(
        "SELECT r.scenario_id, COUNT(*), SUM(r.finished), SUM(CASE WHEN r.timeouts > 0 THEN 1 ELSE 0 END), "
        "SUM(CASE WHEN r.pace > 1 THEN 1 ELSE 0 END), AVG(r.seconds), COUNT(DISTINCT r.trainee_code) "
        f"{BASE} WHERE {where} GROUP BY r.scenario_id ORDER BY r.scenario_id",
        params,
    )
    return [
        Pace(str(a), int(b), int(c or 0), int(d or 0), int(e or 0), None if f is None else float(f), int(g))
        for a, b, c, d, e, f, g in rows
    ]


def decide(db: Db, filters: Filters) -> list[Decide]:
    """Time to decide per scenario and step (choices the trainee made, not the timer)."""
    where, params = _where(filters, "c")
    rows = db.rows(
        "SELECT c.scenario_id, c.step, COUNT(*), AVG(CASE WHEN c.timed_out = 0 THEN c.seconds END), "
        "SUM(c.timed_out), COUNT(DISTINCT c.trainee_code) "
        f"FROM report_choices c WHERE {where} GROUP BY c.scenario_id, c.step ORDER BY c.scenario_id, c.step",
        params,
    )
    return [
        Decide(str(a), str(b), int(c), None if d is None else float(d), int(e or 0), int(f))
        for a, b, c, d, e, f in rows
    ]


def looks(db: Db, filters: Filters) -> list[LookCount]:
    where, params = _where(filters, "lk")
    rows = db.rows(
        "SELECT lk.scenario_id, lk.pool, lk.cast_id, lk.look, COUNT(*), SUM(lk.selected), "
        f"COUNT(DISTINCT lk.trainee_code) FROM report_looks lk WHERE {where} "
        "GROUP BY lk.scenario_id, lk.pool, lk.cast_id, lk.look "
        "ORDER BY lk.scenario_id, lk.pool, lk.cast_id, lk.look",
        params,
    )
    return [LookCount(str(a), str(b), str(c), str(d), int(e), int(f), int(g)) for a, b, c, d, e, f, g in rows]


def look_trainees(db: Db, filters: Filters) -> dict[tuple[str, str], int]:
    """Distinct trainees behind each casting pool's table (per scenario and pool)."""
    where, params = _where(filters, "lk")
    rows = db.rows(
        "SELECT lk.scenario_id, lk.pool, COUNT(DISTINCT lk.trainee_code) FROM report_looks lk "
        f"WHERE {where} GROUP BY lk.scenario_id, lk.pool",
        params,
    )
    return {(str(a), str(b)): int(c) for a, b, c in rows}


@dataclass(frozen=True)
class SideSums:
    """One side of a pre/post comparison: sessions, trainees, and the sums behind each measure."""

    sessions: int
    trainees: int
    choices: int
    in_line: int
    share_sum: float  # per session: share of its choices in line
    share_squares: float
    selections: int
    selections_in_line: int
    registered: int
    honest: int


def side(db: Db, filters: Filters) -> SideSums:
    where, params = _where(filters)
    share = "(CAST(r.in_line AS REAL) / r.choices)"
    row = db.rows(
        "SELECT COUNT(*), COUNT(DISTINCT r.trainee_code), SUM(r.choices), SUM(r.in_line), "
        f"SUM({share}), SUM({share} * {share}), "
        "SUM(CASE WHEN r.selection_assessment IS NOT NULL THEN 1 ELSE 0 END), "
        "SUM(CASE WHEN r.selection_assessment = 'in_lijn' THEN 1 ELSE 0 END), "
        f"SUM(r.registered), SUM(COALESCE(r.honest, 0)) {BASE} WHERE {where} AND r.choices > 0",
        params,
    )[0]
    values = [0 if x is None else x for x in row]
    return SideSums(
        int(values[0]),
        int(values[1]),
        int(values[2]),
        int(values[3]),
        float(values[4]),
        float(values[5]),
        int(values[6]),
        int(values[7]),
        int(values[8]),
        int(values[9]),
    )
