"""Revote shifts at cohort scale, with known answers: towards the kader, stayed, or away from it."""

from __future__ import annotations

import csv
from pathlib import Path

from debrief.cohort.db import Db
from debrief.cohort.derived import refresh
from debrief.cohort.filters import Filters
from debrief.cohort.render import render_html, write_csv
from debrief.cohort.report import build
from tests.cohort.cohorts import Cohort, DateWall, kader_player, record_all
from trainer.engine.events import ChoiceMade
from trainer.engine.session import Session
from trainer.model.graph import node_choices
from trainer.records import RecordStore

SCENARIO = "fietser_zonder_licht"


def _first(session: Session) -> ChoiceMade:
    return next(e for e in session.events if isinstance(e, ChoiceMade))


def _option(session: Session, node: str, assessment: str) -> str:
    return next(cid for cid, _s, c, _p in node_choices(session.scenario, node) if c.assessment == assessment)


def towards_six_stay_five(session: Session, i: int) -> None:
    """Everyone first chose out of line (kader_player(0)); 6 revote in line, 5 repeat their own choice."""
    first = _first(session)
    assert first.assessment != "in_lijn"
    choice = _option(session, first.node, "in_lijn") if i < 6 else first.choice
    session.cast_revote("r1", first.node, choice)


def away_four(session: Session, i: int) -> None:
    """First in line (kader_player(1)), then all 4 move away; and a second vote in the same revote wins."""
    first = _first(session)
    assert first.assessment == "in_lijn"
    session.cast_revote("r2", first.node, first.choice)
    session.cast_revote("r2", first.node, _option(session, first.node, "niet_in_lijn"))


def test_revote_shifts_with_a_known_answer(tmp_path: Path) -> None:
    path = tmp_path / "records.sqlite3"
    with RecordStore(path, wall=DateWall()) as store:
        record_all(
            store,
            (
                Cohort(
                    "g1",
                    "Apeldoorn",
                    "2026-04-02",
                    SCENARIO,
                    11,
                    kader_player(0.0),
                    revote=towards_six_stay_five,
                ),
                Cohort("g2", "Zwolle", "2026-04-03", SCENARIO, 4, kader_player(1.0), revote=away_four),
            ),
        )
    with RecordStore(path) as store:
        db = Db(store)
        refresh(db)
        first_node = str(db.rows("SELECT node FROM report_revotes LIMIT 1")[0][0])
        report = build(db, Filters(groups=("g1",)))
        both = build(db, Filters())
        only_g2 = build(db, Filters(sites=("Zwolle",)), lang="en")
    [(point, step, cell, shown)] = report.revotes
    assert (cell.node, cell.towards, cell.stayed, cell.away, cell.new, cell.trainees) == (
        first_node,
        6,
        5,
        0,
        0,
        11,
    )
    assert shown and point and step == "selecteren"
    assert report.totals.revotes == 11
    # both groups at the same point: 15 trainees, the four who moved away counted with them
    [(_p, _s, all_cell, all_shown)] = both.revotes
    assert (all_cell.towards, all_cell.stayed, all_cell.away, all_cell.trainees) == (
        6,
        5,
        4,
        15,
    ) and all_shown
    assert both.totals.revotes == 15  # a second vote in the same revote replaces the first
    # four trainees: suppressed, and the report says so
    [(_p, _s, small, small_shown)] = only_g2.revotes
    assert small.away == 4 and not small_shown
    assert any("Revotes" in line or "revote" in line.lower() for line in only_g2.left_out)
    html = render_html(report)
    assert "naar het kader" in html and "55%" in html  # 6 of 11
    small_html = render_html(only_g2).split("<h2>Revotes after the discussion</h2>")[1]
    assert "&lt; 5 trainees" in small_html and "away from the kader" in small_html
    write_csv(report, tmp_path / "csv")
    with open(tmp_path / "csv" / "figures.csv", encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle) if r["section"] == "revotes"]
    got = {r["category"]: (r["value"], r["n"], r["trainees"], r["suppressed"]) for r in rows}
    assert got == {
        "towards": (str(round(6 / 11, 6)), "11", "11", "0"),
        "stayed": (str(round(5 / 11, 6)), "11", "11", "0"),
        "away": ("0.0", "11", "11", "0"),
    }
    write_csv(only_g2, tmp_path / "csv2")
    with open(tmp_path / "csv2" / "figures.csv", encoding="utf-8") as handle:
        hidden = [r for r in csv.DictReader(handle) if r["section"] == "revotes"]
    assert hidden and all(r["suppressed"] == "1" and r["value"] == r["n"] == "" for r in hidden)
