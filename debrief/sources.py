"""Where a debrief's records come from: the records store (a group or session ids) or export bundles.

This is the debrief's I/O edge. It reads sessions and the exact scenario version each was played with, and
checks that together they make one conversation: one scenario, one version, at least one session.
Bundles are read, never imported: a debrief leaves the database as it was.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from debrief import versions
from debrief.errors import DebriefError, fail, message
from trainer.engine.errors import EngineError
from trainer.engine.events import Event, RevoteCast, SessionFinished, event_from_dict
from trainer.model.loader import content_hash
from trainer.model.scenario import Scenario
from trainer.records import RecordsError
from trainer.records.bundle import read_bundle
from trainer.records.group_journal import journal_for
from trainer.records.group_rows import Flag, HandCount, Revote
from trainer.records.reader import RecordReader
from trainer.records.resume import recorded_events

GROUP_LIMIT = 12
"""A Blauw Vakmanschap conversation works with at most twelve participants."""


@dataclass(frozen=True)
class SessionRecord:
    """One session as the debrief needs it: who, when, and every recorded event."""

    id: str
    trainee_code: str
    display_name: str | None
    group_label: str | None
    content_hash: str
    started_at: str
    finished: bool
    events: tuple[Event, ...]


@dataclass(frozen=True)
class GroupInfo:
    label: str
    date: str | None = None
    leader: str | None = None
    location: str | None = None
    commitments: tuple[str, ...] = ()  # "wat nemen we mee?", typed in `debrief --present`
    flags: tuple[Flag, ...] = ()  # the gespreksleider's flags with notes (`trainer lead`)
    revotes: tuple[tuple[Revote, tuple[HandCount, ...]], ...] = ()  # each revote with any show of hands


@dataclass(frozen=True)
class Material:
    """Everything a sheet is made from: one scenario version, its sessions in a fixed order, the group."""

    scenario: Scenario
    content_hash: str
    sessions: tuple[SessionRecord, ...]
    group: GroupInfo | None
    warnings: tuple[str, ...]
    versions_note: str = ""  # said on the sheet when the sessions span text-only revisions


def _finished(status: str, events: Sequence[Event]) -> bool:
    """Finished: the session's end is recorded (a revote vote may follow it)."""
    played = [e for e in events if not isinstance(e, RevoteCast)]
    return status == "finished" and bool(played) and isinstance(played[-1], SessionFinished)


def from_store(
    store: RecordReader, *, group: str | None = None, refs: Iterable[str] = (), lang: str = "nl"
) -> tuple[list[SessionRecord], dict[str, Scenario], list[GroupInfo]]:
    """Sessions of a group, or by id (a unique prefix will do), with their scenario versions."""
    try:
        if group is not None:
            rows = store.sessions(group=group)
            if not rows:
                raise fail("empty_group", lang, label=group)
        else:
            rows = [store.session(ref) for ref in refs]
        records, scenarios, groups = [], {}, {}
        for row in rows:
            if row.content_hash not in scenarios:
                scenarios[row.content_hash] = store.scenario_snapshot(row.content_hash)
            events = tuple(recorded_events(store, row))
            records.append(
                SessionRecord(
                    row.id,
                    row.trainee_code,
                    row.display_name,
                    row.group_label,
                    row.content_hash,
                    row.started_at,
                    _finished(row.status, events),
                    events,
                )
            )
            if row.group_label and row.group_label not in groups:
                info = store.group_info(row.group_label)
                said = tuple(store.commitments(row.group_label))  # a laptop's or the server's
                flags, revotes = _console(store, row.group_label)
                groups[row.group_label] = GroupInfo(
                    **(info or {"label": row.group_label}), commitments=said, flags=flags, revotes=revotes
                )
    except RecordsError as exc:
        raise DebriefError(exc.message(lang)) from None  # the records layer's own line, with file and tip
    return records, scenarios, list(groups.values())


def _console(
    store: RecordReader, label: str
) -> tuple[tuple[Flag, ...], tuple[tuple[Revote, tuple[HandCount, ...]], ...]]:
    """The group's flags and revotes (with hands) from the store's group journal, when it has one."""
    journal = journal_for(store)
    if journal is None:
        return (), ()
    revotes = tuple((r, tuple(journal.hands(r.revote_id))) for r in journal.revotes(label))
    return tuple(journal.flags(label)), revotes


def from_bundles(
    paths: Iterable[Path], *, group: str | None = None, lang: str = "nl"
) -> tuple[list[SessionRecord], dict[str, Scenario], list[GroupInfo]]:
    """Sessions from export files (optionally only those of one group), read without importing them."""
    records: list[SessionRecord] = []
    scenarios: dict[str, Scenario] = {}
    groups: dict[str, GroupInfo] = {}
    for path in paths:
        try:
            bundle = read_bundle(path)
        except RecordsError as exc:
            raise DebriefError(exc.message(lang)) from None
        for entry in bundle.scenarios:
            try:
                scenario = Scenario.model_validate(entry.snapshot)
            except ValidationError:
                raise fail("no_fit", lang, session="-", problem=f"{path}: {entry.scenario_id}") from None
            if content_hash(scenario) != entry.content_hash:
                raise fail("no_fit", lang, session="-", problem=f"{path}: {entry.scenario_id}")
            scenarios[entry.content_hash] = scenario
        chosen = [s for s in bundle.sessions if group is None or s.group_label == group]
        if not chosen and group is not None:
            raise fail("bundle_group", lang, path=path, label=group)
        for session in chosen:
            try:
                events = tuple(event_from_dict(e.payload) for e in session.events)
            except EngineError as exc:
                raise fail("no_fit", lang, session=session.id[:8], problem=exc.message(lang)) from None
            records.append(
                SessionRecord(
                    session.id,
                    session.trainee_code,
                    session.display_name,
                    session.group_label,
                    session.content_hash,
                    session.started_at,
                    _finished(session.status, events),
                    events,
                )
            )
        for g in bundle.groups:
            groups.setdefault(
                g.label,
                GroupInfo(
                    g.label,
                    g.date,
                    g.leader,
                    g.location,
                    flags=tuple(
                        Flag(g.label, f.seq, f.at_session, f.at_node, f.note, f.created_at, f.id)
                        for f in g.flags
                    ),
                    revotes=tuple(
                        (
                            Revote(g.label, r.id, r.scenario_id, r.node_id, r.opened_at, r.closed_at),
                            tuple(HandCount(r.id, c, n) for c, n in sorted(r.hands.items())),
                        )
                        for r in g.revotes
                    ),
                ),
            )
    used = {r.group_label for r in records}
    return records, scenarios, [g for label, g in sorted(groups.items()) if label in used]


def assemble(
    records: Sequence[SessionRecord],
    scenarios: dict[str, Scenario],
    groups: Sequence[GroupInfo],
    *,
    lang: str = "nl",
) -> Material:
    """One conversation's material, or a DebriefError saying in one line why these sessions do not make
    one."""
    unique: dict[str, SessionRecord] = {}
    for record in records:
        unique.setdefault(record.id, record)  # the same session from the store and a bundle counts once
    sessions = sorted(unique.values(), key=lambda r: (r.started_at, r.id))
    if not sessions:
        raise fail("no_sessions", lang)
    by_scenario: dict[str, set[str]] = {}
    for s in sessions:
        by_scenario.setdefault(scenarios[s.content_hash].id, set()).add(s.content_hash)
    if len(by_scenario) > 1:
        found = ", ".join(
            f"{sid} ({sum(scenarios[x.content_hash].id == sid for x in sessions)})"
            for sid in sorted(by_scenario)
        )
        raise fail("mixed_scenarios", lang, found=found)
    ((scenario_id, hashes),) = by_scenario.items()
    # the newest snapshot: highest version, then the one played last
    last_played = {s.content_hash: (s.started_at, s.id) for s in sessions}
    digest = max(hashes, key=lambda h: (scenarios[h].version, last_played[h]))
    note = ""
    if len(hashes) > 1:
        found = ", ".join(
            sorted(
                f"v{scenarios[h].version} #{h[:8]} ({sum(x.content_hash == h for x in sessions)})"
                for h in hashes
            )
        )
        for h in sorted(hashes - {digest}):
            changed = versions.difference(scenarios[h], scenarios[digest], lang)
            if changed is not None:
                raise fail("mixed_versions", lang, scenario=scenario_id, found=found, changed=changed)
        note = message(
            "text_versions", lang, found=found, newest=f"v{scenarios[digest].version} #{digest[:8]}"
        )
    warnings = []
    unfinished = [s.trainee_code for s in sessions if not s.finished]
    if unfinished:
        warnings.append(message("unfinished", lang, count=len(unfinished), who=", ".join(unfinished)))
    if len(sessions) > GROUP_LIMIT:
        warnings.append(message("too_many", lang, count=len(sessions), limit=GROUP_LIMIT))
    labels = {s.group_label for s in sessions}
    group = next((g for g in groups if g.label in labels), None) if len(labels) == 1 else None
    return Material(scenarios[digest], digest, tuple(sessions), group, tuple(warnings), note)
