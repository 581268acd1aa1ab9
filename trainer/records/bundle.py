"""Export and import of sessions as a versioned JSON bundle, for moving records between laptops.

A bundle carries each session's scenario snapshot and a checksum over its content. Import validates the
structure, the checksum and every session (replayed through the engine), then writes all or nothing.
Importing the same session twice keeps one copy.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from trainer.engine.errors import EngineError
from trainer.engine.events import event_from_dict
from trainer.engine.session import Session
from trainer.model.loader import content_hash
from trainer.model.scenario import Scenario
from trainer.records.errors import RecordsError
from trainer.records.store import RecordStore, canonical_json

FORMAT = "trainer.bundle"
VERSION = 1
MIN_COMPATIBLE = 1
MAX_BUNDLE_BYTES = 256 * 1024 * 1024


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class BundleEvent(_Strict):
    seq: int
    wall_time: str
    mono_time: float
    type: str
    payload: dict[str, Any]


class BundleSession(_Strict):
    id: str
    trainee_code: str
    display_name: str | None
    group_label: str | None
    scenario_id: str
    scenario_version: int
    content_hash: str
    seed: int
    lang: str
    started_at: str
    ended_at: str | None
    status: str
    events: list[BundleEvent]


class BundleScenario(_Strict):
    content_hash: str
    scenario_id: str
    version: int
    snapshot: dict[str, Any]


class BundleGroup(_Strict):
    label: str
    date: str | None
    leader: str | None
    location: str | None


class Bundle(_Strict):
    format: str
    version: int
    min_compatible: int
    exported_at: str
    scenarios: list[BundleScenario]
    groups: list[BundleGroup]
    sessions: list[BundleSession]
    checksum: str


def _checksum(body: dict[str, Any]) -> str:
    return "sha256:" + hashlib.sha256(canonical_json(body).encode("utf-8")).hexdigest()


def export_bundle(store: RecordStore, session_ids: list[str], *, with_names: bool = False) -> str:
    """The bundle text for these sessions. Display names only with consent (`with_names`)."""
    sessions, scenarios, groups = [], {}, {}
    for sid in session_ids:
        row = store.session(sid)
        snapshot = store.snapshot_text(row.content_hash)
        if snapshot is None:
            raise RecordsError(f"{store.path}: sessie {row.id[:8]} mist haar scenarioversie")
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
            groups[row.group_label] = info
        fields = {
            k: v for k, v in asdict(row).items() if k != "event_count"
        }  # the row is the bundle's record
        sessions.append(
            {
                **fields,
                "display_name": row.display_name if with_names else None,
                "events": [{**asdict(e), "payload": json.loads(e.payload)} for e in store.events(row.id)],
            }
        )
    body = {
        "format": FORMAT,
        "version": VERSION,
        "min_compatible": MIN_COMPATIBLE,
        "exported_at": store.wall(),
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
            raise RecordsError(f"{path}: bestand te groot voor een export")
        raw = path.read_bytes()
    except OSError as exc:
        raise RecordsError(f"{path}: niet te lezen ({exc.strerror})") from None
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise RecordsError(f"{path}: geen UTF-8-tekst; is dit wel een export?") from None
    except json.JSONDecodeError as exc:
        raise RecordsError(
            f"{path}:{exc.lineno}:{exc.colno}: geen geldige JSON ({exc.msg}); "
            "is het bestand afgekapt? (tip: exporteer opnieuw)"
        ) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise RecordsError(f"{path}: dit is geen export van de trainer")
    if not isinstance(data.get("min_compatible"), int) or data["min_compatible"] > VERSION:
        raise RecordsError(f"{path}: export van een nieuwere trainer (tip: werk de trainer bij)")
    try:
        bundle = Bundle.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"])
        raise RecordsError(
            f"{path}: onverwachte inhoud bij '{where}' ({err['type']}); bestand beschadigd?"
        ) from None
    body = {k: v for k, v in data.items() if k != "checksum"}
    if _checksum(body) != bundle.checksum:
        raise RecordsError(
            f"{path}: controlegetal klopt niet: het bestand is beschadigd of gewijzigd "
            "(tip: exporteer opnieuw op de andere laptop)"
        )
    return bundle


def _validate_sessions(path: Path, bundle: Bundle) -> dict[str, Scenario]:
    scenarios: dict[str, Scenario] = {}
    for entry in bundle.scenarios:
        try:
            scenario = Scenario.model_validate(entry.snapshot)
        except ValidationError:
            raise RecordsError(f"{path}: scenario '{entry.scenario_id}' in de export is onleesbaar") from None
        if content_hash(scenario) != entry.content_hash:
            raise RecordsError(
                f"{path}: scenario '{entry.scenario_id}' past niet bij zijn inhoudshash (gewijzigd?)"
            )
        scenarios[entry.content_hash] = scenario
    for session in bundle.sessions:
        where = f"{path}: sessie {session.id[:8]}"
        if session.content_hash not in scenarios:
            raise RecordsError(f"{where}: scenarioversie ontbreekt in de export")
        if [e.seq for e in session.events] != list(range(len(session.events))):
            raise RecordsError(f"{where}: gebeurtenissen ontbreken of staan niet op volgorde")
        try:
            events = [event_from_dict(e.payload) for e in session.events]
            Session.from_events(scenarios[session.content_hash], events, scenario_hash=session.content_hash)
        except EngineError as exc:
            raise RecordsError(f"{where}: past niet bij het scenario ({exc})") from None
    return scenarios


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
            "(tip: installeer dezelfde scenarioversie, of importeer toch met --force)"
        )
    added = same = 0
    groups = {g.label: g for g in bundle.groups}
    with store.transaction() as conn:
        for session in bundle.sessions:
            existing = conn.execute(
                "SELECT COUNT(*) FROM events WHERE session_id = ?", (session.id,)
            ).fetchone()[0]
            present = (
                conn.execute("SELECT 1 FROM sessions WHERE id = ?", (session.id,)).fetchone() is not None
            )
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
            conn.execute(
                "INSERT INTO sessions(id, trainee_code, group_id, scenario_id, scenario_version, content_hash, seed, "
                "lang, started_at, ended_at, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT(id) DO UPDATE SET ended_at = excluded.ended_at, status = excluded.status",
                (
                    session.id,
                    session.trainee_code,
                    group_id,
                    session.scenario_id,
                    session.scenario_version,
                    session.content_hash,
                    session.seed,
                    session.lang,
                    session.started_at,
                    session.ended_at,
                    session.status,
                ),
            )
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
    return added, same
