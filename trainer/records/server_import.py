"""`trainer sessions import --db postgresql://...`: a bundle straight into the shared server.

The same checks as an import into a laptop's SQLite (structure, checksum, every session replayed against
its scenario, unknown scenario versions refused unless forced), then every session is compared with what
the server holds before anything is written: a diverging history refuses the whole import with one line
naming the session. Pushes are idempotent, so importing a bundle twice stores it once.
"""

from __future__ import annotations

from pathlib import Path

from trainer.records.bundle import _validate_sessions, read_bundle
from trainer.records.errors import RecordsError
from trainer.records.group_rows import Flag, HandCount, Revote
from trainer.records.rows import canonical_json
from trainer.records.server import ServerStore
from trainer.records.server_groups import GroupState, push_groups
from trainer.records.server_journal import push_group_journal
from trainer.records.store import EventRow, SessionRow


def import_to_server(
    server: ServerStore, path: Path, *, known_hashes: set[str], force: bool = False
) -> tuple[int, int]:
    """Import a bundle into the server; returns (sessions added or extended, sessions already present)."""
    bundle = read_bundle(path)
    scenarios = _validate_sessions(path, bundle)
    with server.pool.connection() as conn:
        stored_hashes = {str(r[0]) for r in conn.execute("SELECT content_hash FROM scenario_versions")}
    unknown = sorted(
        {s.scenario_id for s in bundle.sessions if s.content_hash not in known_hashes | stored_hashes}
    )
    if unknown and not force:
        raise RecordsError(
            f"{path}: onbekende versie van scenario {', '.join(unknown)} "
            "(tip: installeer dezelfde scenarioversie, of importeer toch met --force)",
            f"{path}: unknown version of scenario {', '.join(unknown)} "
            "(hint: install the same scenario version, or import anyway with --force)",
        )
    offered = []
    for session in bundle.sessions:
        header = SessionRow(
            **session.model_dump(exclude={"events", "casting"}), event_count=len(session.events)
        )
        events = [
            EventRow(e.seq, e.wall_time, e.mono_time, e.type, canonical_json(e.payload))
            for e in session.events
        ]
        snapshot = canonical_json(
            scenarios[session.content_hash].model_dump(mode="json", by_alias=True, exclude_defaults=False)
        )
        offered.append((header, snapshot, events))
    stored = server.stored_counts([h.id for h, _s, _e in offered])
    for header, _snapshot, events in offered:  # nothing is written before every session is checked
        _refuse_divergence(server, path, header, events[: stored.get(header.id, 0)])
    added = same = 0
    for header, snapshot, events in offered:
        if stored.get(header.id, 0) >= len(events) and header.id in stored:
            same += 1
            continue
        server.push(header, snapshot, events)
        added += 1
    push_groups(
        server,
        [GroupState(g.label, g.date, g.leader, g.location, tuple(g.commitments)) for g in bundle.groups],
    )
    push_group_journal(  # after the sessions the flags point at
        server,
        [
            Flag(g.label, f.seq, f.at_session, f.at_node, f.note, f.created_at, f.id)
            for g in bundle.groups
            for f in g.flags
        ],
        [
            Revote(g.label, r.id, r.scenario_id, r.node_id, r.opened_at, r.closed_at)
            for g in bundle.groups
            for r in g.revotes
        ],
        [HandCount(r.id, c, n) for g in bundle.groups for r in g.revotes for c, n in sorted(r.hands.items())],
    )
    return added, same


def _refuse_divergence(server: ServerStore, path: Path, header: SessionRow, offered: list[EventRow]) -> None:
    with server.pool.connection() as conn:
        start = conn.execute(
            "SELECT trainee_code, scenario_id, content_hash, seed, started_at FROM sessions WHERE id = %s",
            (header.id,),
        ).fetchone()
        rows = conn.execute(
            "SELECT seq, wall_time, mono_time, type, payload FROM events WHERE session_id = %s AND seq < %s "
            "ORDER BY seq",
            (header.id, len(offered)),
        ).fetchall()
    first = None
    if start is not None and tuple(start) != (
        header.trainee_code,
        header.scenario_id,
        header.content_hash,
        header.seed,
        header.started_at,
    ):
        first = 0
    else:
        for have, mine in zip(rows, offered, strict=False):
            ours = EventRow(int(have[0]), str(have[1]), float(have[2]), str(have[3]), str(have[4]))
            if ours != mine:
                first = mine.seq
                break
    if first is not None:
        raise RecordsError(
            f"{path}: sessie {header.id[:8]} staat op de server met een andere geschiedenis "
            f"(vanaf gebeurtenis {first}); niets geïmporteerd "
            "(tip: is de sessie op twee laptops verder gespeeld?)",
            f"{path}: session {header.id[:8]} is on the server with a different history (from event "
            f"{first} on); nothing imported (hint: was it continued on two laptops?)",
        )
