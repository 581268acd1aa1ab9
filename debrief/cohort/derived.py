"""Per-session summaries kept in derived tables, and the streaming reader of sessions with their events.

Folding two million events in Python for every report cannot be fast, so each session is summarised once
(`debrief.cohort.summary`) and kept in `report_sessions`, `report_choices` and `report_looks`, keyed by
session and `SUMMARY_VERSION`; the report then aggregates in SQL. A summary is stale when it is missing, was
made by another summary version, or its session's status changed (an unfinished session is always redone);
`refresh` rebuilds exactly those. The tables are derived data, like an index: they can be dropped at any time
and are rebuilt on the next report. They hang off `sessions` with ON DELETE CASCADE, so a purge removes them
with the session they describe.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from debrief.cohort import rollup
from debrief.cohort.db import Db
from debrief.cohort.filters import Filters
from debrief.cohort.summary import SUMMARY_VERSION, Summary, summarise, unfit
from debrief.sources import SessionRecord
from trainer.engine.errors import EngineError
from trainer.engine.events import Event, SessionFinished, event_from_dict
from trainer.model.scenario import Scenario
from trainer.records import RecordsError
from trainer.records.rows import parse_snapshot

TABLES_VERSION = 3
"""The shape of the derived tables; other shapes are dropped and rebuilt (they hold nothing underived)."""

# Every derived table repeats the session's scenario, trainee, group and start, so the report scans one
# table per figure without joining sessions (a join per choice row was most of the time at 100,000 sessions).
_WHO = """scenario_id TEXT NOT NULL,
        trainee_code TEXT NOT NULL,
        group_id BIGINT,
        started_at TEXT NOT NULL"""

TABLES: tuple[str, ...] = (
    "CREATE TABLE report_meta (version INTEGER NOT NULL)",
    f"""CREATE TABLE report_sessions (
        session_id TEXT PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,
        {_WHO},
        version INTEGER NOT NULL,
        status TEXT NOT NULL,
        fits INTEGER NOT NULL,
        finished INTEGER NOT NULL,
        pace REAL NOT NULL,
        timeouts INTEGER NOT NULL,
        choices INTEGER NOT NULL,
        in_line INTEGER NOT NULL,
        seconds REAL,
        registered INTEGER NOT NULL,
        honest INTEGER,
        grounds_ok INTEGER,
        power_ok INTEGER,
        outcome_ok INTEGER,
        reason_kind TEXT,
        selection_assessment TEXT,
        selected_look TEXT,
        revotes INTEGER NOT NULL
    )""",
    f"""CREATE TABLE report_choices (
        session_id TEXT NOT NULL REFERENCES report_sessions(session_id) ON DELETE CASCADE,
        {_WHO},
        node TEXT NOT NULL,
        step TEXT NOT NULL,
        assessment TEXT NOT NULL,
        seconds REAL NOT NULL,
        timed_out INTEGER NOT NULL,
        PRIMARY KEY (session_id, node)
    )""",
    f"""CREATE TABLE report_looks (
        session_id TEXT NOT NULL REFERENCES report_sessions(session_id) ON DELETE CASCADE,
        {_WHO},
        pool TEXT NOT NULL,
        cast_id TEXT NOT NULL,
        look TEXT NOT NULL,
        selected INTEGER NOT NULL,
        PRIMARY KEY (session_id, cast_id)
    )""",
    # a month of one scenario is what the rollups rebuild: found by index, not by a scan
    "CREATE INDEX report_sessions_month ON report_sessions(scenario_id, started_at)",
    "CREATE INDEX report_choices_month ON report_choices(scenario_id, started_at)",
    "CREATE INDEX report_looks_month ON report_looks(scenario_id, started_at)",
    *rollup.TABLES,
)
DROP = tuple(
    f"DROP TABLE IF EXISTS {t}"
    for t in (*rollup.NAMES, "report_looks", "report_choices", "report_sessions", "report_meta")
)

CHUNK = 500
"""Sessions per read of events and per write of summaries."""

SESSION_COLUMNS = (
    "s.id, s.trainee_code, g.label, s.content_hash, s.started_at, s.status, s.scenario_id, s.group_id"
)
FROM_SESSIONS = "FROM sessions s LEFT JOIN groups g ON g.id = s.group_id"


@dataclass(frozen=True)
class Refreshed:
    summarised: int  # sessions whose summary was (re)built now
    unfit: int  # of those, records that did not fit their scenario version


def ensure_tables(db: Db) -> None:
    """The derived tables in their current shape (made, or dropped and remade when their shape is old)."""
    try:
        rows = db.rows("SELECT version FROM report_meta")
    except RecordsError:
        rows = []  # no such table yet
    if rows and int(rows[0][0]) == TABLES_VERSION:
        return
    db.script([*DROP, *TABLES, f"INSERT INTO report_meta VALUES ({TABLES_VERSION})"])


def _events(payloads: Sequence[str]) -> tuple[Event, ...] | None:
    try:
        return tuple(event_from_dict(json.loads(p)) for p in payloads)
    except (ValueError, EngineError):
        return None


def _records(db: Db, heads: Sequence[tuple[object, ...]]) -> Iterator[tuple[SessionRecord, str, bool]]:
    """Session heads (SESSION_COLUMNS) with their events, one chunk of sessions per events query; yields the
    record, its scenario id and whether every event could be read."""
    for i in range(0, len(heads), CHUNK):
        chunk = heads[i : i + CHUNK]
        ids = [str(h[0]) for h in chunk]
        payloads: dict[str, list[str]] = {sid: [] for sid in ids}
        for sid, payload in db.stream(
            f"SELECT session_id, payload FROM events WHERE session_id IN ({', '.join('?' * len(ids))}) "
            "ORDER BY session_id, seq",
            ids,
        ):
            payloads[str(sid)].append(str(payload))
        for sid, trainee, group, digest, started, status, scenario_id, _group_id in chunk:
            events = _events(payloads[str(sid)])
            finished = (
                status == "finished" and bool(events) and isinstance(events[-1], SessionFinished)
                if events is not None
                else False
            )
            record = SessionRecord(
                str(sid),
                str(trainee),
                None,
                None if group is None else str(group),
                str(digest),
                str(started),
                finished,
                events or (),
            )
            yield record, str(scenario_id), events is not None


def iter_sessions(db: Db, filters: Filters) -> Iterator[SessionRecord]:
    """Every session the filters select, with all its events, oldest first; streamed in chunks, so a
    hundred thousand sessions never sit in memory at once. Unreadable events end in a RecordsError."""
    where, params = filters.sql("s")
    heads = db.rows(
        f"SELECT {SESSION_COLUMNS} {FROM_SESSIONS} WHERE {where} ORDER BY s.started_at, s.id", params
    )
    for record, _scenario_id, readable in _records(db, heads):
        if not readable:
            raise RecordsError(
                f"{db.where}: sessie {record.id[:8]} heeft een onleesbare gebeurtenis",
                f"{db.where}: session {record.id[:8]} has an unreadable event",
            )
        yield record


class _Scenarios:
    """Scenario versions by content hash, each read and parsed once per refresh."""

    def __init__(self, db: Db) -> None:
        self.db = db
        self.known: dict[str, Scenario | None] = {}

    def get(self, digest: str) -> Scenario | None:
        if digest not in self.known:
            rows = self.db.rows("SELECT snapshot FROM scenario_versions WHERE content_hash = ?", [digest])
            try:
                self.known[digest] = parse_snapshot(str(rows[0][0]) if rows else None, digest, self.db.where)
            except RecordsError:
                self.known[digest] = None  # counted as unfit sessions, said in the report
        return self.known[digest]


def stale(db: Db) -> list[tuple[object, ...]]:
    return db.rows(
        f"SELECT {SESSION_COLUMNS} {FROM_SESSIONS} LEFT JOIN report_sessions r ON r.session_id = s.id "
        "WHERE r.session_id IS NULL OR r.version <> ? OR r.status <> s.status OR s.status = 'active' "
        "ORDER BY s.id",
        [SUMMARY_VERSION],
    )


def in_use(db: Db) -> bool:
    """Whether this database already keeps report summaries (a report was made here before)."""
    try:
        db.rows("SELECT version FROM report_meta")
    except RecordsError:
        return False
    return True


def refresh(db: Db) -> Refreshed:
    """Create the derived tables when missing and rebuild every stale summary."""
    ensure_tables(db)
    heads = stale(db)
    who = {str(h[0]): (str(h[6]), str(h[1]), h[7], str(h[4]), str(h[5])) for h in heads}
    scenarios = _Scenarios(db)
    done = bad = 0
    batch: list[Summary] = []
    touched = {(scenario, started[:7]) for scenario, _t, _g, started, _s in who.values()}
    for record, scenario_id, readable in _records(db, heads):
        scenario = scenarios.get(record.content_hash) if readable else None
        summary = summarise(scenario, record) if scenario is not None else unfit(scenario_id, record)
        batch.append(summary)
        bad += not summary.fits
        if len(batch) >= CHUNK:
            _write(db, batch, who)
            done += len(batch)
            batch = []
    if batch:
        _write(db, batch, who)
        done += len(batch)
    rollup.update(db, rollup.changed_months(db, touched))
    return Refreshed(done, bad)


def _flag(value: bool | None) -> int | None:
    return None if value is None else int(value)


def _write(db: Db, summaries: Sequence[Summary], who: dict[str, tuple[str, str, object, str, str]]) -> None:
    """Replace these sessions' derived rows; `who` gives each session's scenario, trainee, group, start and
    status as the sessions table has them."""
    ids = [(s.session_id,) for s in summaries]
    head = {
        sid: (scenario, trainee, group, started)
        for sid, (scenario, trainee, group, started, _st) in who.items()
    }
    db.write_many(
        [
            ("DELETE FROM report_looks WHERE session_id = ?", ids),
            ("DELETE FROM report_choices WHERE session_id = ?", ids),
            ("DELETE FROM report_sessions WHERE session_id = ?", ids),
            (
                f"INSERT INTO report_sessions VALUES ({', '.join('?' * 23)})",
                [
                    (
                        s.session_id,
                        *head[s.session_id],
                        SUMMARY_VERSION,
                        who[s.session_id][4],
                        int(s.fits),
                        int(s.finished),
                        s.pace,
                        s.timeouts,
                        len(s.choices),
                        s.in_line,
                        s.seconds,
                        int(s.registered),
                        _flag(s.honest),
                        _flag(s.grounds_ok),
                        _flag(s.power_ok),
                        _flag(s.outcome_ok),
                        s.reason_kind,
                        s.selection_assessment,
                        s.selected_look,
                        s.revotes,
                    )
                    for s in summaries
                ],
            ),
            (
                f"INSERT INTO report_choices VALUES ({', '.join('?' * 10)})",
                [
                    (
                        s.session_id,
                        *head[s.session_id],
                        c.node,
                        c.step,
                        c.assessment,
                        c.seconds,
                        int(c.timed_out),
                    )
                    for s in summaries
                    for c in s.choices
                ],
            ),
            (
                f"INSERT INTO report_looks VALUES ({', '.join('?' * 9)})",
                [
                    (s.session_id, *head[s.session_id], lk.pool, lk.cast_id, lk.look, int(lk.selected))
                    for s in summaries
                    for lk in s.looks
                ],
            ),
        ]
    )
