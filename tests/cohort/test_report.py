"""The report with known answers from synthetic cohorts played through the real engine."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from debrief.cohort.db import Db
from debrief.cohort.derived import iter_sessions, refresh
from debrief.cohort.design import Comparison
from debrief.cohort.filters import Filters
from debrief.cohort.report import K, Report, build
from debrief.registration import mismatches
from debrief.runs import read_run
from debrief.words import Words
from tests.cohort.conftest import N
from trainer.records import RecordStore


def report(db: Path, filters: Filters | None = None, **kwargs: object) -> Report:
    with RecordStore(db) as store:
        source = Db(store)
        refresh(source)
        return build(source, filters or Filters(), **kwargs)  # type: ignore[arg-type]


COMPARISONS = (
    Comparison(
        "A",
        Filters(("fietser_zonder_licht",), date(2026, 1, 1), date(2026, 1, 31)),
        Filters(("fietser_zonder_licht",), date(2026, 3, 1), date(2026, 3, 31)),
    ),
    Comparison("B", Filters(groups=("pre-b",)), Filters(groups=("post-b",))),
)


def test_a_cohort_that_improved_and_one_that_did_not(cohort_db: Path) -> None:
    r = report(cohort_db, design=COMPARISONS)
    assert r.prepost is not None
    improved, flat = r.prepost
    assert improved.shown and flat.shown
    assert improved.pre.sessions == improved.post.sessions == N
    assert improved.pre.trainees == N
    share, selection, _honest, d = improved.effects
    # 20% -> 80% in line: a large change whose interval excludes no change
    assert share.change is not None and share.change.estimate > 0.3 and share.change.low > 0
    assert d.d and d.change is not None and d.change.estimate > 1 and d.change.low > 0
    assert share.pre is not None and share.post is not None
    assert share.pre[0] / share.pre[1] < 0.4 < 0.6 < share.post[0] / share.post[1]
    flat_share, _s, _h, flat_d = flat.effects
    assert flat_share.change is not None and flat_share.change.low < 0 < flat_share.change.high
    assert flat_d.change is not None and flat_d.change.low < 0 < flat_d.change.high


def test_look_and_behaviour_cohorts_are_told_apart(cohort_db: Path) -> None:
    by_look = report(cohort_db, Filters(groups=("look",)))
    by_behaviour = report(cohort_db, Filters(groups=("behaviour",)))
    [lk] = by_look.hof
    [bh] = by_behaviour.hof
    assert lk.selections == bh.selections == 24 and lk.trainees == bh.trainees == 24
    assert lk.p_value is not None and lk.p_value < 0.01 and "mede hoe mensen eruitzagen" in lk.verdict
    assert bh.p_value is not None and bh.p_value > 0.5 and "wat mensen deden" in bh.verdict
    dark = next(i for i, words in enumerate(lk.looks) if "zeer donker" in words)
    assert lk.by_look[dark] == (24, 24)
    assert lk.gap is not None and lk.gap.low > 0.5
    assert bh.gap is not None and bh.gap.low < 0 < bh.gap.high or bh.gap is not None and bh.gap.estimate == 0
    # below 20 selections: figures, no claim
    few = report(cohort_db, Filters(groups=("look",), end=date(2026, 2, 1)), rounds=99)
    assert few.hof[0].p_value is not None  # all 24 were played on 1 February
    with RecordStore(cohort_db) as store:
        ids = [row.id for row in store.sessions(group="look")][:15]
    with RecordStore(cohort_db) as store, store.transaction() as conn:
        conn.executemany("DELETE FROM sessions WHERE id = ?", [(i,) for i in ids])
    short = report(cohort_db, Filters(groups=("look",)))
    [t] = short.hof
    assert t.selections == 9 and t.p_value is None and "geen uitspraak" in t.verdict


def test_a_cell_with_four_trainees_is_suppressed(cohort_db: Path, tmp_path: Path) -> None:
    r = report(cohort_db)
    small = [row for row in r.kader if row.scenario == "preventief_fouilleren"]
    assert small and not any(row.shown for row in small)
    assert all(row.cell.trainees == 4 for row in small if row.cell.n == 12)  # 12 sessions, 4 people
    [(reg, shown)] = [(g, s) for g, s in r.registration if g.scenario == "preventief_fouilleren"]
    assert reg.sessions == 12 and reg.trainees == 4 and not shown
    assert any("minder dan 5 trainees" in line for line in r.left_out)
    # every shown figure rests on at least K distinct trainees
    assert all(row.cell.trainees >= K for row in r.kader + r.steps if row.shown)
    assert all(g.trainees >= K for g, s in r.registration if s)


def test_registration_honesty_is_the_debriefs_own_judgement(cohort_db: Path) -> None:
    r = report(cohort_db)
    w = Words("nl")
    with RecordStore(cohort_db) as store:
        db = Db(store)
        expected: dict[str, list[bool]] = {}
        for record in iter_sessions(db, Filters()):
            scenario = store.scenario_snapshot(record.content_hash)
            run = read_run(scenario, record, "nl")
            expected.setdefault(scenario.id, []).append(not mismatches(scenario, run, w))
    for reg, _shown in r.registration:
        assert reg.registered == reg.sessions
        assert reg.honest == sum(expected[reg.scenario]), reg.scenario
    night = next(g for g, _s in r.registration if g.scenario == "nachtelijke_verkeerscontrole")
    assert night.nothing == night.registered  # "Routinecontrole." names neither a fact nor a power
    bike = next(g for g, _s in r.registration if g.scenario == "fietser_zonder_licht")
    assert bike.fact == bike.registered and bike.honest == bike.registered


def test_weakest_steps_come_first_and_pace_counts_the_slower_tempo(cohort_db: Path) -> None:
    r = report(cohort_db)
    shares = [row.cell.in_line / row.cell.n for row in r.steps]
    assert shares == sorted(shares)
    station = next(p for p, _s in r.pace if p.scenario == "stationsplein")
    assert 0 < station.slow < 24  # about half of the behaviour cohort chose the slower tempo
    assert r.totals.revotes == 0


def test_filters_by_period_group_and_site(cohort_db: Path) -> None:
    with RecordStore(cohort_db) as store:
        db = Db(store)
        assert len(list(iter_sessions(db, Filters(sites=("Ede",))))) == 12
        march = list(iter_sessions(db, Filters(start=date(2026, 3, 1))))
        assert len(march) == 2 * N and all(r.started_at.startswith("2026-03") for r in march)
        both = list(iter_sessions(db, Filters(scenarios=("stationsplein",), groups=("look", "klein"))))
        assert len(both) == 24 and all(r.events and r.events[0].type == "session_started" for r in both)
    by_group = report(cohort_db, Filters(scenarios=("fietser_zonder_licht",)), by="group")
    assert {period for row in by_group.kader for period, _c, _s in row.series} == {"pre-a", "post-a"}
    # per period, the share in line rose from the pre-test group to the post-test group (known 20% -> 80%)
    selection = next(row for row in by_group.kader if row.step == "selecteren")
    series = {period: c for period, c, shown in selection.series if shown}
    assert series["pre-a"].in_line / series["pre-a"].n < series["post-a"].in_line / series["post-a"].n


def test_summaries_are_derived_once_rebuilt_when_stale_and_purged_with_their_session(cohort_db: Path) -> None:
    with RecordStore(cohort_db) as store:
        db = Db(store)
        first = refresh(db)
        assert first.summarised == 4 * N + 48 + 12 and first.unfit == 0
        assert refresh(db).summarised == 0
        store.connection.execute("UPDATE report_sessions SET version = 0 WHERE scenario_id = 'stationsplein'")
        assert refresh(db).summarised == 48
        victim = store.sessions(group="klein")[0].id
        store.delete_sessions([victim])
        for table in ("report_sessions", "report_choices"):
            left = store.connection.execute(f"SELECT COUNT(*) FROM {table} WHERE session_id = ?", (victim,))
            assert left.fetchone()[0] == 0


def test_a_record_that_does_not_fit_is_left_out_and_said(cohort_db: Path) -> None:
    with RecordStore(cohort_db) as store:
        sid = store.sessions(group="pre-a")[0].id
        payload = {
            "type": "choice_made",
            "t": 1.0,
            "node": "nergens",
            "choice": "x",
            "step": "selecteren",
            "assessment": "in_lijn",
            "target": "y",
            "seconds": 1.0,
            "timed_out": False,
            "grounds": [],
            "real_trigger": [],
            "legal_basis": None,
            "values": [],
        }
        store.connection.execute(
            "UPDATE events SET payload = ? WHERE session_id = ? AND seq = 3", (json.dumps(payload), sid)
        )
    r = report(cohort_db)
    assert r.totals.unfit == 1
    assert any("past niet bij" in line for line in r.left_out)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_report_is_deterministic(cohort_db: Path, lang: str) -> None:
    from debrief.cohort.render import render_html

    one = render_html(report(cohort_db, lang=lang, design=COMPARISONS))
    two = render_html(report(cohort_db, lang=lang, design=COMPARISONS))
    assert one == two
    assert ("Meetrapport" in one) == (lang == "nl")


@pytest.mark.parametrize(
    "filters",
    [
        Filters(),
        Filters(scenarios=("stationsplein", "fietser_zonder_licht")),
        Filters(start=date(2026, 2, 1), end=date(2026, 3, 31)),
        Filters(end=date(2026, 1, 31)),
    ],
)
def test_monthly_rollups_give_exactly_the_per_session_figures(cohort_db: Path, filters: Filters) -> None:
    from debrief.cohort.render import csv_rows, render_html
    from debrief.cohort.rollup import covers

    assert covers(filters, "month")
    with RecordStore(cohort_db) as store:
        db = Db(store)
        refresh(db)
        fast = build(db, filters, design=COMPARISONS)
        exact = build(db, filters, design=COMPARISONS, exact=True)
    assert fast.totals == exact.totals
    assert fast.kader == exact.kader and fast.steps == exact.steps
    assert fast.registration == exact.registration
    for (a, _sa), (b, _sb) in zip(fast.pace, exact.pace, strict=True):  # sums of floats in another order
        assert a.mean_seconds == pytest.approx(b.mean_seconds) and a.sessions == b.sessions
        assert (a.finished, a.with_timeout, a.slow, a.trainees) == (
            b.finished,
            b.with_timeout,
            b.slow,
            b.trainees,
        )
    assert fast.hof == exact.hof
    for a, b in zip(fast.decide, exact.decide, strict=True):
        assert a[0].mean_seconds == pytest.approx(b[0].mean_seconds) and a[0].choices == b[0].choices
    assert render_html(fast) == render_html(exact)
    assert csv_rows(fast) == csv_rows(exact)


def test_a_purge_takes_the_trainee_out_of_the_rollups(cohort_db: Path) -> None:
    with RecordStore(cohort_db) as store:
        db = Db(store)
        refresh(db)
        gone = [row.id for row in store.sessions(trainee="K000")]
        assert len(gone) == 3
        store.delete_sessions(gone)
        refresh(db)
        left = store.connection.execute(
            "SELECT COUNT(*) FROM report_session_months WHERE trainees LIKE '%K000%'"
        ).fetchone()[0]
        cells = store.connection.execute(
            "SELECT COUNT(*) FROM report_cell_months WHERE trainees LIKE '%K000%'"
        ).fetchone()[0]
        assert left == 0 and cells == 0
        fast, exact = build(db, Filters()), build(db, Filters(), exact=True)
    assert fast.totals == exact.totals and fast.totals.sessions == 137
    assert fast.registration == exact.registration
