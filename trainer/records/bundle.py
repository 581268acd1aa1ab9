"""Export and import of sessions as a versioned JSON bundle, for moving records between laptops.

A bundle carries each session's scenario snapshot, its group's header and "wat nemen we mee?" commitments,
and a checksum over its content. Import validates the structure, the checksum and every session (replayed
through the engine), then writes all or nothing. Importing the same session twice keeps one copy.

Format versions: 1 (sessions, scenarios, group headers); 2 adds the `reflection_shared` event ("mag gedeeld
worden") and each group's commitments. A trainer that knows only version 1 cannot replay a
`reflection_shared` event, so version 2 is also the minimum a reader must know. Version 1 bundles still import
(their groups simply have no commitments). 3 adds each session's casting. 4 adds the gespreksleider's console
(issue 18): per group its flags with notes and its revotes with any show of hands, and `revote_cast` events in
the sessions. Only a bundle that holds any of these needs a version-4 reader (min_compatible 4); one without
them is written without the new fields, so a version-3 trainer still imports it.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from trainer.engine.errors import EngineError
from trainer.engine.events import event_from_dict
from trainer.engine.session import Session
from trainer.model.loader import content_hash
from trainer.model.scenario import Scenario
from trainer.records.bundle_console import (
    BundleFlag,
    BundleRevote,
    export_console,
    import_flags,
    import_revotes,
)
from trainer.records.errors import RecordsError
from trainer.records.fields import (
    Code,
    Commitment,
    ContentHash,
    Day,
    EventType,
    Lang,
    Name,
    ScenarioId,
    Seconds,
    Seed,
    Seq,
    SessionId,
    Status,
    Timestamp,
    Version,
)
from trainer.records.reader import RecordReader
from trainer.records.store import RecordStore, SessionRow, canonical_json, utc_now

FORMAT = "trainer.bundle"
VERSION = 4  # 4: the console's flags, revotes and hands per group; revote_cast events
MIN_COMPATIBLE = 2  # the reflection_shared event: a version-1 reader would fail to replay it
MIN_WITH_CONSOLE = 4  # a bundle with flags, revotes or revote_cast events: a version-3 reader cannot read it
READS = (1, 2, 3, 4)  # the versions this trainer imports
MAX_BUNDLE_BYTES = 256 * 1024 * 1024


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class BundleEvent(_Strict):
    seq: Seq
    wall_time: Timestamp
    mono_time: Seconds
    type: EventType
    payload: dict[str, Any]


class BundleSession(_Strict):
    id: SessionId
    trainee_code: Code
    display_name: Name | None
    group_label: Code | None
    scenario_id: ScenarioId
    scenario_version: Version
    content_hash: ContentHash
    seed: Seed
    lang: Lang
    started_at: Timestamp
    ended_at: Timestamp | None
    status: Status
    events: list[BundleEvent]
    # The look each pooled person had (also in the first event): a reader of the bundle, such as a cohort
    # report, sees the Hof test's design without replaying. Absent in version 1 bundles.
    casting: dict[str, str] | None = None


class BundleScenario(_Strict):
    content_hash: ContentHash
    scenario_id: ScenarioId
    version: Version
    snapshot: dict[str, Any]


class BundleGroup(_Strict):
    label: Code
    date: Day | None
    leader: Name | None
    location: Name | None
    commitments: list[Commitment] = Field(default_factory=list, max_length=50)  # from version 2 on
    flags: list[BundleFlag] = Field(default_factory=list, max_length=2000)  # from version 4 on
    revotes: list[BundleRevote] = Field(default_factory=list, max_length=200)  # from version 4 on


class Bundle(_Strict):
    format: str
    version: int
    min_compatible: int
    exported_at: Timestamp
    scenarios: list[BundleScenario]
    groups: list[BundleGroup]
    sessions: list[BundleSession]
    checksum: str


def _checksum(body: dict[str, Any]) -> str:
    return "sha256:" + hashlib.sha256(canonical_json(body).encode("utf-8")).hexdigest()


def export_bundle(store: RecordReader, session_ids: list[str], *, with_names: bool = False) -> str:
    """The bundle text for these sessions. Display names only with consent (`with_names`)."""
    wall = store.wall if isinstance(store, RecordStore) else utc_now  # a local store's clock is injectable
    sessions, scenarios, groups = [], {}, {}
    for sid in session_ids:
        row = store.session(sid)
        snapshot = store.snapshot_text(row.content_hash)
        if snapshot is None:
            raise RecordsError(
                f"{store.path}: sessie {row.id[:8]} mist haar scenarioversie",
                f"{store.path}: session {row.id[:8]} lacks its scenario version",
            )
        scenarios[row.content_hash] = {
            "content_hash": row.content_hash,
            "scenario_id": row.scenario_id,
            "version": row.scenario_version,
            "snapshot": json.loads(snapshot),
        }
        if row.group_label and row.group_label not in groups:
            info = store.group_info(row.group_label)
            if info is not None and not with_names:
                # who led and where can identify a group's people: only with consent, like display names
                info = {**info, "leader": None, "location": None}
            if info is not None:  # the group's own words, never a person's: they always go along
                info = {**info, "commitments": store.commitments(row.group_label)}
            groups[row.group_label] = info
        fields = {
            k: v for k, v in asdict(row).items() if k != "event_count"
        }  # the row is the bundle's record
        events = [{**asdict(e), "payload": json.loads(e.payload)} for e in store.events(row.id)]
        first = events[0]["payload"] if events else {}
        sessions.append(
            {
                **fields,
                "display_name": row.display_name if with_names else None,
                "events": events,
                "casting": dict(first.get("casting") or {}),
            }
        )
    console = export_console(store, groups, {s["id"] for s in sessions})
    cast = any(e["type"] == "revote_cast" for s in sessions for e in s["events"])
    body = {
        "format": FORMAT,
        "version": VERSION,
        "min_compatible": MIN_WITH_CONSOLE if console or cast else MIN_COMPATIBLE,
        "exported_at": wall(),
        "scenarios": sorted(scenarios.values(), key=lambda s: s["content_hash"]),
        "groups": [g for g in groups.values() if g is not None],
        "sessions": sessions,
    }
    return (
        json.dumps({**body, "checksum": _checksum(body)}, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    )


def read_bundle(path: Path) -> Bundle:
    """Parse and verify a bundle file; every failure is a RecordsError naming the file and place."""
    try:
        if path.stat().st_size > MAX_BUNDLE_BYTES:
            raise RecordsError(
                f"{path}: bestand te groot voor een export", f"{path}: file too large for an export"
            )
        raw = path.read_bytes()
    except OSError as exc:
        raise RecordsError(
            f"{path}: niet te lezen ({exc.strerror})", f"{path}: cannot read ({exc.strerror})"
        ) from None
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise RecordsError(
            f"{path}: geen UTF-8-tekst; is dit wel een export?", f"{path}: not UTF-8 text; is this an export?"
        ) from None
    except json.JSONDecodeError as exc:
        raise RecordsError(
            f"{path}:{exc.lineno}:{exc.colno}: geen geldige JSON ({exc.msg}); "
            "is het bestand afgekapt? (tip: exporteer opnieuw)",
            f"{path}:{exc.lineno}:{exc.colno}: not valid JSON ({exc.msg}); "
            "was the file cut short? (hint: export again)",
        ) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise RecordsError(
            f"{path}: dit is geen export van de trainer", f"{path}: this is not a trainer export"
        )
    if not isinstance(data.get("min_compatible"), int) or data["min_compatible"] > VERSION:
        raise RecordsError(
            f"{path}: export van een nieuwere trainer (tip: werk de trainer bij)",
            f"{path}: export from a newer trainer (hint: update the trainer)",
        )
    if data.get("version") not in READS and not (
        isinstance(data.get("version"), int) and data["version"] > VERSION
    ):
        raise RecordsError(
            f"{path}: onbekende exportversie {data.get('version')!r}; bestand beschadigd?",
            f"{path}: unknown export version {data.get('version')!r}; file damaged?",
        )
    if data.get("version") in (1, 2, 3) and any(
        ("flags" in g or "revotes" in g) for g in data.get("groups") or [] if isinstance(g, dict)
    ):
        raise RecordsError(
            f"{path}: onverwachte inhoud bij 'groups.flags' in een export van versie {data['version']}; "
            "bestand beschadigd?",
            f"{path}: unexpected content at 'groups.flags' in a version {data['version']} export; "
            "file damaged?",
        )
    if data.get("version") == 1 and any(
        "commitments" in g for g in data.get("groups") or [] if isinstance(g, dict)
    ):
        raise RecordsError(
            f"{path}: onverwachte inhoud bij 'groups.commitments' in een export van versie 1; "
            "bestand beschadigd?",
            f"{path}: unexpected content at 'groups.commitments' in a version 1 export; file damaged?",
        )
    try:
        bundle = Bundle.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"])
        raise RecordsError(
            f"{path}: onverwachte inhoud bij '{where}' ({err['type']}); bestand beschadigd?",
            f"{path}: unexpected content at '{where}' ({err['type']}); file damaged?",
        ) from None
    body = {k: v for k, v in data.items() if k != "checksum"}
    if _checksum(body) != bundle.checksum:
        raise RecordsError(
            f"{path}: controlegetal klopt niet: het bestand is beschadigd of gewijzigd "
            "(tip: exporteer opnieuw op de andere laptop)",
            f"{path}: checksum does not match: the file is damaged or changed "
            "(hint: export again on the other laptop)",
        )
    return bundle


def _validate_sessions(path: Path, bundle: Bundle) -> dict[str, Scenario]:
    scenarios: dict[str, Scenario] = {}
    for entry in bundle.scenarios:
        try:
            scenario = Scenario.model_validate(entry.snapshot)
        except ValidationError:
            raise RecordsError(
                f"{path}: scenario '{entry.scenario_id}' in de export is onleesbaar",
                f"{path}: scenario '{entry.scenario_id}' in the export is unreadable",
            ) from None
        if content_hash(scenario) != entry.content_hash:
            raise RecordsError(
                f"{path}: scenario '{entry.scenario_id}' past niet bij zijn inhoudshash (gewijzigd?)",
                f"{path}: scenario '{entry.scenario_id}' does not fit its content hash (changed?)",
            )
        scenarios[entry.content_hash] = scenario
    carried = {s.id for s in bundle.sessions}
    for group in bundle.groups:
        stray = next((f for f in group.flags if f.at_session and f.at_session not in carried), None)
        if stray is not None:
            raise RecordsError(
                f"{path}: markering {stray.seq} van groep {group.label} hoort bij een sessie die niet in de "
                "export zit; bestand beschadigd?",
                f"{path}: flag {stray.seq} of group {group.label} belongs to a session not in the export; "
                "file damaged?",
            )
    for session in bundle.sessions:
        where = f"{path}: sessie {session.id[:8]}"
        if session.content_hash not in scenarios:
            raise RecordsError(
                f"{where}: scenarioversie ontbreekt in de export",
                f"{where}: scenario version missing in the export",
            )
        if [e.seq for e in session.events] != list(range(len(session.events))):
            raise RecordsError(
                f"{where}: gebeurtenissen ontbreken of staan niet op volgorde",
                f"{where}: events are missing or out of order",
            )
        try:
            events = [event_from_dict(e.payload) for e in session.events]
            replayed = Session.from_events(
                scenarios[session.content_hash], events, scenario_hash=session.content_hash
            )
        except EngineError as exc:
            raise RecordsError(
                f"{where}: past niet bij het scenario ({exc.nl})",
                f"{where}: does not fit the scenario ({exc.en})",
            ) from None
        if session.casting is not None and session.casting != replayed.casting:
            raise RecordsError(
                f"{where}: de casting in de export past niet bij haar gebeurtenissen (bestand gewijzigd?)",
                f"{where}: the casting in the export does not fit its events (file changed?)",
            )
    return scenarios


def _refuse_divergence(store: RecordStore, path: Path, session: BundleSession, stored: int) -> None:
    """Never splice: the part the database already holds must be the bundle's part, event for event."""
    row = store.session(session.id)
    mine = (session.trainee_code, session.scenario_id, session.content_hash, session.seed, session.started_at)
    theirs = (row.trainee_code, row.scenario_id, row.content_hash, row.seed, row.started_at)
    first_difference = None if mine == theirs else 0
    if first_difference is None:
        for have, offered in zip(store.events(session.id)[:stored], session.events, strict=False):
            if (have.wall_time, have.mono_time, have.type, have.payload) != (
                offered.wall_time,
                offered.mono_time,
                offered.type,
                canonical_json(offered.payload),
            ):
                first_difference = have.seq
                break
    if first_difference is not None:
        raise RecordsError(
            f"{path}: sessie {session.id[:8]} staat hier al met een andere geschiedenis (vanaf gebeurtenis "
            f"{first_difference}); niets geïmporteerd (tip: is de sessie op twee laptops verder gespeeld?)",
            f"{path}: session {session.id[:8]} is already here with a different history (from event "
            f"{first_difference} on); nothing imported (hint: was it continued on two laptops?)",
        )


def import_bundle(
    store: RecordStore, path: Path, *, known_hashes: set[str], force: bool = False
) -> tuple[int, int]:
    """Import a bundle; returns (sessions added or extended, sessions already present)."""
    bundle = read_bundle(path)
    scenarios = _validate_sessions(path, bundle)
    known = known_hashes | store.known_hashes()
    unknown = sorted({s.scenario_id for s in bundle.sessions if s.content_hash not in known})
    if unknown and not force:
        raise RecordsError(
            f"{path}: onbekende versie van scenario {', '.join(unknown)} op deze laptop "
            "(tip: installeer dezelfde scenarioversie, of importeer toch met --force)",
            f"{path}: unknown version of scenario {', '.join(unknown)} on this laptop "
            "(hint: install the same scenario version, or import anyway with --force)",
        )
    added = same = 0
    groups = {g.label: g for g in bundle.groups}
    with store.transaction() as conn:
        _import_commitments(store, conn, bundle.groups)
        import_revotes(store, conn, bundle.groups)
        for session in bundle.sessions:
            existing = conn.execute(
                "SELECT COUNT(*) FROM events WHERE session_id = ?", (session.id,)
            ).fetchone()[0]
            present = (
                conn.execute("SELECT 1 FROM sessions WHERE id = ?", (session.id,)).fetchone() is not None
            )
            if present:
                _refuse_divergence(store, path, session, existing)
            if present and existing >= len(session.events):
                same += 1
                continue
            store.ensure_trainee(conn, session.trainee_code, session.display_name)
            group_id = None
            if session.group_label:
                g = groups.get(session.group_label)
                group_id = store.ensure_group(
                    conn,
                    session.group_label,
                    date=g.date if g else None,
                    leader=g.leader if g else None,
                    location=g.location if g else None,
                )
            store.remember_scenario(conn, scenarios[session.content_hash], session.content_hash)
            fields = session.model_dump(exclude={"events", "casting"})
            store.insert_session(conn, SessionRow(**fields, event_count=len(session.events)), group_id)
            for event in session.events[existing:]:
                store.insert_event(
                    conn,
                    session.id,
                    event.seq,
                    event.mono_time,
                    event.type,
                    canonical_json(event.payload),
                    wall=event.wall_time,
                )
            added += 1
        import_flags(store, conn, bundle.groups)  # after the sessions they may point at
    return added, same


def _import_commitments(store: RecordStore, conn: Any, groups: list[BundleGroup]) -> None:
    """A group's commitments come along when this database has none for it yet; commitments already here
    are never replaced (the gespreksleider may have typed more since the export)."""
    for group in groups:
        if not group.commitments:
            continue
        group_id = store.ensure_group(conn, group.label)
        if conn.execute("SELECT 1 FROM commitments WHERE group_id = ?", (group_id,)).fetchone() is None:
            conn.executemany(
                "INSERT INTO commitments(group_id, seq, text, created_at) VALUES (?, ?, ?, ?)",
                [(group_id, i, text, store.wall()) for i, text in enumerate(group.commitments)],
            )
