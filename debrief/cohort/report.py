"""The cohort report as data: every figure with its n, small cells left out, and what was left out said.

Privacy by construction: a figure is shown only when at least `K` distinct trainees stand behind it (not
sessions: one trainee playing five times is still one person); the casting test makes a claim only from
`MIN_SELECTIONS` selections. Suppressed cells stay in the data as `None` so the HTML and the CSV both say
"left out" instead of silently dropping a row.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from debrief.cohort import aggregate as agg
from debrief.cohort.db import Db
from debrief.cohort.design import Comparison
from debrief.cohort.filters import Filters
from debrief.cohort.rollup import MonthlyFigures, covers
from debrief.cohort.stats import Interval, Moments, Person, cohens_d, diff_proportions, look_test, wilson
from debrief.hof import MIN_SELECTIONS, look_words, p_words
from debrief.runs import point_title, story_order
from debrief.words import Words
from trainer.model.scenario import Scenario
from trainer.model.text import lang_key
from trainer.model.vocabulary import Step
from trainer.records import RecordsError
from trainer.records.rows import parse_snapshot

K = 5
"""No figure from fewer than K distinct trainees."""


@cache
def _catalogue() -> dict[str, dict[str, str]]:
    with (Path(__file__).parent / "words.yaml").open(encoding="utf-8") as handle:
        data: dict[str, dict[str, str]] = yaml.safe_load(handle)
    return data


class ReportWords:
    def __init__(self, lang: str) -> None:
        self.lang = lang_key(lang)
        self.sheet = Words(lang)

    def __call__(self, key: str, **args: Any) -> str:
        entry = _catalogue()[key]
        text = entry.get(self.lang) or entry["nl"]
        return text.format(**args) if args else text

    def count(self, n: int) -> str:
        """A whole number with the language's thousands separator: 100.000 (nl), 100,000 (en)."""
        text = f"{n:,}"
        return text if self.lang == "en" else text.replace(",", ".")

    def percent(self, share: float) -> str:
        return f"{round(100 * share)}%"


@dataclass(frozen=True)
class SharesRow:
    scenario: str
    point: str  # the decision point in words
    step: str
    period: str
    cell: agg.Shares
    shown: bool
    series: tuple[tuple[str, agg.Shares, bool], ...] = ()  # per period: (period, cell, shown), oldest first


@dataclass(frozen=True)
class HofTable:
    scenario: str
    pool: str
    looks: tuple[str, ...]  # looks in words
    by_look: tuple[tuple[int, int] | None, ...]  # (selected, shown) per look; None when left out
    selections: int
    trainees: int
    p_value: float | None
    gap: Interval | None
    verdict: str


@dataclass(frozen=True)
class Effect:
    measure: str
    pre: tuple[int, int] | None  # (k, n) for shares
    post: tuple[int, int] | None
    change: Interval | None
    d: bool = False  # the change is a Cohen's d


@dataclass(frozen=True)
class PrePost:
    name: str
    pre: agg.SideSums
    post: agg.SideSums
    shown: bool
    effects: tuple[Effect, ...]


@dataclass
class Report:
    lang: str
    filters: dict[str, str]
    by: str
    totals: agg.Totals
    kader: list[SharesRow] = field(default_factory=list)
    steps: list[SharesRow] = field(default_factory=list)
    registration: list[tuple[agg.Registration, bool]] = field(default_factory=list)
    pace: list[tuple[agg.Pace, bool]] = field(default_factory=list)
    decide: list[tuple[agg.Decide, bool]] = field(default_factory=list)
    hof: list[HofTable] = field(default_factory=list)
    prepost: list[PrePost] | None = None
    left_out: list[str] = field(default_factory=list)


def newest_scenarios(db: Db) -> dict[str, Scenario]:
    """Per scenario id its newest stored version: for the decision points' words and the looks."""
    rows = db.rows("SELECT scenario_id, version, content_hash, snapshot FROM scenario_versions")
    best: dict[str, tuple[int, str, str]] = {}
    for sid, version, digest, snapshot in rows:
        if sid not in best or int(version) > best[sid][0]:
            best[sid] = (int(version), str(digest), str(snapshot))
    out = {}
    for sid, (_v, digest, snapshot) in best.items():
        try:
            out[str(sid)] = parse_snapshot(snapshot, digest, db.where)
        except RecordsError:
            continue  # named by id only
    return out


def _point(scenarios: dict[str, Scenario], scenario: str, node: str, lang: str) -> str:
    found = scenarios.get(scenario)
    if found is None or node not in found.nodes:
        return node.replace("_", " ")
    return point_title(found, node, lang, 90)


def _count_left_out(report: Report, section: str, shown: Sequence[bool], w: ReportWords) -> None:
    hidden = sum(not s for s in shown)
    if hidden:
        report.left_out.append(w("left_out", n=hidden, total=len(shown), section=section, k=K))


def build(
    db: Db,
    filters: Filters,
    *,
    lang: str = "nl",
    by: str = "month",
    design: Sequence[Comparison] | None = None,
    rounds: int = 999,
    exact: bool = False,
) -> Report:
    """Every section of the report from the derived tables (refresh them first). Whole months without a
    group or site filter are read from the monthly rollups; anything else (or `exact`) is counted from the
    per-session tables. Both give the same figures."""
    w = ReportWords(lang)
    scenarios = newest_scenarios(db)
    if not exact and covers(filters, by):
        monthly = MonthlyFigures(db, filters)
        cells = monthly.cells()
        figures = _Figures(
            monthly.totals(),
            monthly.kader("month", cells),
            monthly.kader(None, cells),
            monthly.steps(cells),
            monthly.registration(),
            monthly.pace(),
            monthly.decide(cells),
            *monthly.looks(),
        )
    else:
        figures = _Figures(
            agg.totals(db, filters),
            agg.kader(db, filters, by),
            agg.kader(db, filters, None),
            agg.steps(db, filters),
            agg.registration(db, filters),
            agg.pace(db, filters),
            agg.decide(db, filters),
            agg.looks(db, filters),
            agg.look_trainees(db, filters),
        )
    return _build(db, figures, scenarios, w, filters, lang, by, design, rounds)


@dataclass(frozen=True)
class _Figures:
    totals: agg.Totals
    per_period: list[agg.Shares]
    overall: list[agg.Shares]
    steps: list[agg.Shares]
    registration: list[agg.Registration]
    pace: list[agg.Pace]
    decide: list[agg.Decide]
    looks: list[agg.LookCount]
    look_trainees: dict[tuple[str, str], int]


def _build(
    db: Db,
    figures: _Figures,
    scenarios: dict[str, Scenario],
    w: ReportWords,
    filters: Filters,
    lang: str,
    by: str,
    design: Sequence[Comparison] | None,
    rounds: int,
) -> Report:
    report = Report(lang, filters.describe(), by, figures.totals)
    if report.totals.unfit:
        report.left_out.append(w("left_out_unfit", n=report.totals.unfit))
    per_period: dict[tuple[str, str, str], list[tuple[str, agg.Shares, bool]]] = {}
    for cell in figures.per_period:
        key = (cell.scenario, cell.node, cell.step)
        per_period.setdefault(key, []).append((cell.period, cell, cell.trainees >= K))
    orders = {sid: story_order(sc) for sid, sc in scenarios.items()}
    overall = sorted(figures.overall, key=lambda c: (c.scenario, c.node, c.step))
    overall.sort(key=lambda c: (c.scenario, orders.get(c.scenario, {}).get(c.node, 10_000), c.node, c.step))
    for cell in overall:
        series = tuple(sorted(per_period.get((cell.scenario, cell.node, cell.step), []), key=lambda x: x[0]))
        report.kader.append(
            SharesRow(
                cell.scenario,
                _point(scenarios, cell.scenario, cell.node, lang),
                Step(cell.step).label(lang),
                "",
                cell,
                cell.trainees >= K,
                series,
            )
        )
    cells = [r.shown for r in report.kader] + [shown for r in report.kader for _p, _c, shown in r.series]
    _count_left_out(report, w("section_kader"), cells, w)
    steps = sorted(figures.steps, key=lambda c: (c.in_line / c.n if c.n else 1.0, c.step))
    report.steps = [SharesRow("", "", Step(c.step).label(lang), "", c, c.trainees >= K) for c in steps]
    _count_left_out(report, w("section_steps"), [r.shown for r in report.steps], w)
    report.registration = [(r, r.trainees >= K) for r in figures.registration]
    _count_left_out(report, w("section_registration"), [s for _r, s in report.registration], w)
    report.pace = [(p, p.trainees >= K) for p in figures.pace]
    report.decide = [(d, d.trainees >= K) for d in figures.decide]
    _count_left_out(report, w("section_pace"), [s for _r, s in report.pace + report.decide], w)
    report.hof = _hof(figures.looks, figures.look_trainees, scenarios, w, rounds)
    hidden = [t for t in report.hof if t.trainees < K]
    if hidden:
        report.left_out.append(
            w("left_out", n=len(hidden), total=len(report.hof), section=w("section_hof"), k=K)
        )
    if design is not None:
        report.prepost = [_prepost(db, c, w) for c in design]
        hidden_pp = [p for p in report.prepost if not p.shown]
        if hidden_pp:
            report.left_out.append(
                w("left_out", n=len(hidden_pp), total=len(report.prepost), section=w("section_prepost"), k=K)
            )
    return report


def _hof(
    counts: Sequence[agg.LookCount],
    people: dict[tuple[str, str], int],
    scenarios: dict[str, Scenario],
    w: ReportWords,
    rounds: int,
) -> list[HofTable]:
    tables = []
    keys = sorted({(c.scenario, c.pool) for c in counts})
    for scenario_id, pool_id in keys:
        mine = [c for c in counts if (c.scenario, c.pool) == (scenario_id, pool_id)]
        scenario = scenarios.get(scenario_id)
        pool = next((p for p in scenario.casting if p.id == pool_id), None) if scenario else None
        look_ids = [lk.id for lk in pool.looks] if pool else sorted({c.look for c in mine})
        words = [look_words(lk, w.sheet) for lk in pool.looks] if pool else look_ids
        persons = []
        for cast_id in sorted({c.cast_id for c in mine}):
            cells = {c.look: c for c in mine if c.cast_id == cast_id}
            persons.append(
                Person(
                    tuple(cells[lk].shown if lk in cells else 0 for lk in look_ids),
                    sum(c.selected for c in cells.values()),
                )
            )
        selected = [sum(c.selected for c in mine if c.look == lk) for lk in look_ids]
        shown = [sum(c.shown for c in mine if c.look == lk) for lk in look_ids]
        trainees = people.get((scenario_id, pool_id), 0)
        total = sum(selected)
        p_value: float | None = None
        gap: Interval | None = None
        pairs = list(zip(selected, shown, strict=True))
        by_look: tuple[tuple[int, int] | None, ...] = tuple(pairs)
        if trainees < K:
            verdict, by_look = "", tuple(None for _ in look_ids)
        else:
            if total < MIN_SELECTIONS:
                verdict = w("hof_too_few", k=total, min=MIN_SELECTIONS)
            else:
                p_value = look_test(persons, selected, rounds=rounds)
                rates = [(s / n if n else 0.0, i) for i, (s, n) in enumerate(pairs)]
                hi, lo = max(rates)[1], min(rates)[1]
                gap = diff_proportions(pairs[lo][0], pairs[lo][1], pairs[hi][0], pairs[hi][1])
                key = "hof_look_mattered" if p_value < 0.05 else "hof_not_shown"
                verdict = w(key, p=p_words(p_value, w.sheet))
        tables.append(
            HofTable(scenario_id, pool_id, tuple(words), by_look, total, trainees, p_value, gap, verdict)
        )
    return tables


def _prepost(db: Db, comparison: Comparison, w: ReportWords) -> PrePost:
    pre, post = agg.side(db, comparison.pre), agg.side(db, comparison.post)
    shown = pre.trainees >= K and post.trainees >= K
    effects: list[Effect] = []
    if shown:
        for measure, k1, n1, k2, n2 in (
            (w("measure_in_line"), pre.in_line, pre.choices, post.in_line, post.choices),
            (
                w("measure_selection"),
                pre.selections_in_line,
                pre.selections,
                post.selections_in_line,
                post.selections,
            ),
            (w("measure_honest"), pre.honest, pre.registered, post.honest, post.registered),
        ):
            change = diff_proportions(k1, n1, k2, n2) if n1 and n2 else None
            effects.append(Effect(measure, (k1, n1), (k2, n2), change))
        d = cohens_d(
            Moments.of_sums(pre.sessions, pre.share_sum, pre.share_squares),
            Moments.of_sums(post.sessions, post.share_sum, post.share_squares),
        )
        effects.append(
            Effect(w("measure_d"), (pre.sessions, pre.sessions), (post.sessions, post.sessions), d, True)
        )
    return PrePost(comparison.name, pre, post, shown, tuple(effects))


def share_interval(k: int, n: int) -> Interval | None:
    return wilson(k, n) if n else None
