"""Moving records between laptops: export, import (idempotent), and refusal of bad bundles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.records.helpers import minimal, recorded_session
from trainer.records import RecordsError, RecordStore
from trainer.records.bundle import export_bundle, import_bundle


def _export(tmp_path: Path, *, sessions: int = 3, finish: bool = True) -> tuple[Path, list[str]]:
    with RecordStore(tmp_path / "laptop_a.db") as store:
        ids = [recorded_session(store, trainee=f"T{i}", finish=finish)[1].session_id for i in range(sessions)]
        path = tmp_path / "export.json"
        path.write_text(export_bundle(store, ids), encoding="utf-8")
        payloads = {sid: [e.payload for e in store.events(sid)] for sid in ids}
    return path, [json.dumps(payloads)]


def test_round_trip_keeps_event_payloads_byte_for_byte(tmp_path: Path) -> None:
    path, (payloads,) = _export(tmp_path)
    with RecordStore(tmp_path / "laptop_b.db") as store:
        added, same = import_bundle(store, path, known_hashes={minimal().content_hash})
        assert (added, same) == (3, 0)
        imported = {r.id: [e.payload for e in store.events(r.id)] for r in store.sessions()}
    assert json.dumps(imported) == payloads


def test_importing_twice_keeps_one_copy(tmp_path: Path) -> None:
    path, _ = _export(tmp_path)
    with RecordStore(tmp_path / "laptop_b.db") as store:
        import_bundle(store, path, known_hashes={minimal().content_hash})
        assert import_bundle(store, path, known_hashes=set()) == (0, 3)
        assert len(store.sessions()) == 3
        assert store._conn.execute("SELECT COUNT(*) FROM events").fetchone()[0] == 3 * 16


def test_an_unfinished_session_exported_again_later_is_extended(tmp_path: Path) -> None:
    with RecordStore(tmp_path / "a.db") as store:
        session, recorder = recorded_session(store, choices=("fietser_zonder_licht",))
        early = tmp_path / "early.json"
        early.write_text(export_bundle(store, [recorder.session_id]), encoding="utf-8")
        session.choose("concreet")
        late = tmp_path / "late.json"
        late.write_text(export_bundle(store, [recorder.session_id]), encoding="utf-8")
    with RecordStore(tmp_path / "b.db") as store:
        import_bundle(store, early, known_hashes={minimal().content_hash})
        assert import_bundle(store, late, known_hashes=set()) == (1, 0)
        assert store.session(recorder.session_id).event_count == len(session.events)


def test_unknown_scenario_version_is_refused_unless_forced(tmp_path: Path) -> None:
    path, _ = _export(tmp_path, sessions=1)
    with RecordStore(tmp_path / "b.db") as store:
        with pytest.raises(RecordsError, match="onbekende versie van scenario minimaal.*--force"):
            import_bundle(store, path, known_hashes=set())
        assert store.sessions() == []
        assert import_bundle(store, path, known_hashes=set(), force=True) == (1, 0)


def test_display_names_are_exported_only_with_consent(tmp_path: Path) -> None:
    from tests.records.helpers import recorded_session as rs

    with RecordStore(tmp_path / "a.db") as store:
        _, rec = rs(store)
        with store.transaction() as conn:
            store.ensure_trainee(conn, "A17", "Jan Jansen")
        assert "Jan Jansen" not in export_bundle(store, [rec.session_id])
        assert "Jan Jansen" in export_bundle(store, [rec.session_id], with_names=True)


def _tamper(path: Path, edit) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(path.read_text(encoding="utf-8"))
    edit(data)
    path.write_text(json.dumps(data), encoding="utf-8")


@pytest.mark.parametrize(
    "case, message",
    [
        ("truncated", "geen geldige JSON"),
        ("not_json", "geen geldige JSON"),
        ("other_format", "geen export"),
        ("newer", "nieuwere trainer"),
        ("changed_choice", "controlegetal"),
        ("changed_choice_and_checksum", "past niet bij het scenario"),
        ("missing_field", "onverwachte inhoud"),
        ("binary", "geen UTF-8"),
    ],
)
def test_bad_bundles_are_refused_with_one_line_and_nothing_imported(
    tmp_path: Path, case: str, message: str
) -> None:
    path, _ = _export(tmp_path, sessions=2)
    text = path.read_text(encoding="utf-8")
    if case == "truncated":
        path.write_text(text[: len(text) // 2], encoding="utf-8")
    elif case == "not_json":
        path.write_text("hallo", encoding="utf-8")
    elif case == "binary":
        path.write_bytes(b"\xff\xfe\x00garbage")
    elif case == "other_format":
        _tamper(path, lambda d: d.update(format="iets"))
    elif case == "newer":
        _tamper(path, lambda d: d.update(min_compatible=99))
    elif case == "changed_choice":
        _tamper(path, lambda d: d["sessions"][1]["events"][4]["payload"].update(assessment="in_lijn"))
    elif case == "changed_choice_and_checksum":
        from trainer.records.bundle import _checksum

        def edit(d):  # type: ignore[no-untyped-def]
            d["sessions"][1]["events"][4]["payload"].update(assessment="in_lijn")  # 'vaag' is niet_in_lijn
            d["checksum"] = _checksum({k: v for k, v in d.items() if k != "checksum"})

        _tamper(path, edit)
    elif case == "missing_field":
        _tamper(path, lambda d: d["sessions"][0].pop("seed"))
    with RecordStore(tmp_path / "b.db") as store:
        with pytest.raises(RecordsError) as info:
            import_bundle(store, path, known_hashes={minimal().content_hash})
        assert message in str(info.value) and str(path) in str(info.value)
        assert "\n" not in str(info.value)
        assert store.sessions() == []


def test_export_then_import_reproduces_the_order_shown(tmp_path: Path) -> None:
    from trainer.engine.events import NodeEntered
    from trainer.records.resume import rebuild

    with RecordStore(tmp_path / "laptop_a.db") as store:
        session, recorder = recorded_session(store, finish=True)
        path = tmp_path / "export.json"
        path.write_text(export_bundle(store, [recorder.session_id]), encoding="utf-8")
    shown = [e.order for e in session.events if isinstance(e, NodeEntered)]
    assert any(len(order) > 1 for order in shown)
    with RecordStore(tmp_path / "laptop_b.db") as store:
        import_bundle(store, path, known_hashes={minimal().content_hash})
        _, replayed = rebuild(store, store.session(recorder.session_id))
    assert [e.order for e in replayed.events if isinstance(e, NodeEntered)] == shown


def test_a_session_continued_on_two_laptops_is_refused_not_spliced(tmp_path: Path) -> None:
    """Export an open session, continue it differently on two laptops, merge: the second is refused."""
    with RecordStore(tmp_path / "a.db") as store:
        session, recorder = recorded_session(store, choices=("fietser_zonder_licht",))
        early = tmp_path / "early.json"
        early.write_text(export_bundle(store, [recorder.session_id]), encoding="utf-8")
    with RecordStore(tmp_path / "b.db") as other:
        import_bundle(other, early, known_hashes={minimal().content_hash})
    with RecordStore(tmp_path / "a.db") as store:  # laptop A goes on one way
        from trainer.records.resume import resume

        resume(store, store.session(recorder.session_id)).choose("concreet")
        one_way = tmp_path / "a.json"
        one_way.write_text(export_bundle(store, [recorder.session_id]), encoding="utf-8")
    with RecordStore(tmp_path / "b.db") as other:  # laptop B another way
        resume(other, other.session(recorder.session_id)).choose("vaag")
        before = [e.payload for e in other.events(recorder.session_id)]
        with pytest.raises(RecordsError) as info:
            import_bundle(other, one_way, known_hashes=set())
        assert f"sessie {recorder.session_id[:8]}" in str(info.value) and "andere geschiedenis" in str(
            info.value
        )
        assert "different history" in info.value.message("en") and "\n" not in str(info.value)
        assert [e.payload for e in other.events(recorder.session_id)] == before  # nothing overwritten


@pytest.mark.parametrize(
    "field, value, where",
    [
        ("trainee_code", "T1\n", "trainee_code"),
        ("trainee_code", "T1\x1b[2J", "trainee_code"),
        ("seed", 2**70, "seed"),
        ("started_at", "gisteren", "started_at"),
        ("lang", "fr", "lang"),
        ("id", "../../etc", "id"),
        ("display_name", "Jan\x07", "display_name"),
    ],
)
def test_import_validates_every_field(tmp_path: Path, field: str, value: object, where: str) -> None:
    from trainer.records.bundle import _checksum

    path, _ = _export(tmp_path, sessions=1)

    def edit(d):  # type: ignore[no-untyped-def]
        d["sessions"][0][field] = value
        d["checksum"] = _checksum({k: v for k, v in d.items() if k != "checksum"})

    _tamper(path, edit)
    with RecordStore(tmp_path / "b.db") as store:
        with pytest.raises(RecordsError) as info:
            import_bundle(store, path, known_hashes={minimal().content_hash})
        assert f"sessions.0.{where}" in str(info.value) and "\n" not in str(info.value)
        assert store.sessions() == []


def test_a_non_finite_time_is_refused(tmp_path: Path) -> None:
    from trainer.records.bundle import _checksum

    path, _ = _export(tmp_path, sessions=1)
    text = path.read_text(encoding="utf-8")
    data = json.loads(text)
    data["sessions"][0]["events"][1]["mono_time"] = float("nan")
    data["checksum"] = _checksum({k: v for k, v in data.items() if k != "checksum"})
    path.write_text(json.dumps(data), encoding="utf-8")  # json writes NaN, which Python reads back
    with RecordStore(tmp_path / "b.db") as store, pytest.raises(RecordsError, match="mono_time"):
        import_bundle(store, path, known_hashes={minimal().content_hash})


def _rewrite(path: Path, edit) -> None:  # type: ignore[no-untyped-def]
    """Change a bundle and give it a matching checksum, as an older or newer trainer would have written it."""
    from trainer.records.bundle import _checksum

    data = json.loads(path.read_text(encoding="utf-8"))
    edit(data)
    data["checksum"] = _checksum({k: v for k, v in data.items() if k != "checksum"})
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def test_format_2_carries_reflection_shared_and_the_groups_commitments(tmp_path: Path) -> None:
    """The reflection_shared event came with format 2 (a version-1 reader cannot replay it), and so do a
    group's commitments; both arrive on the other laptop."""
    from tests.debrief.helpers import GROUP, record_group
    from trainer.records.bundle import MIN_COMPATIBLE, VERSION

    ids = record_group(tmp_path / "a.db", count=2, shared=range(2))
    with RecordStore(tmp_path / "a.db") as store:
        store.save_commitments(GROUP, ["Eerst de feiten", "Dan de vraag"])
        text = export_bundle(store, ids)
    data = json.loads(text)
    # written as 4 since the console (3: casting); without console records a format-2 trainer still reads it
    assert (data["version"], data["min_compatible"]) == (VERSION, MIN_COMPATIBLE) == (4, 2)
    assert not any("flags" in g or "revotes" in g for g in data["groups"])
    assert any(e["type"] == "reflection_shared" for s in data["sessions"] for e in s["events"])
    assert data["groups"][0]["commitments"] == ["Eerst de feiten", "Dan de vraag"]
    path = tmp_path / "groep.json"
    path.write_text(text, encoding="utf-8")
    with RecordStore(tmp_path / "b.db") as store:
        assert import_bundle(store, path, known_hashes=set(), force=True) == (2, 0)
        assert store.commitments(GROUP) == ["Eerst de feiten", "Dan de vraag"]
        store.save_commitments(GROUP, ["Hier verder getypt"])
        import_bundle(store, path, known_hashes=set(), force=True)
        assert store.commitments(GROUP) == ["Hier verder getypt"]  # never replaced by an import


def test_a_format_1_bundle_still_imports(tmp_path: Path) -> None:
    """A bundle an older trainer wrote: version 1, no commitments, no reflection_shared events."""
    path, (payloads,) = _export(tmp_path, sessions=2)

    def as_version_1(d) -> None:  # type: ignore[no-untyped-def]
        d.update(version=1, min_compatible=1)
        for session in d["sessions"]:
            session["events"] = [e for e in session["events"] if e["type"] != "reflection_shared"]
            for i, event in enumerate(session["events"]):
                event["seq"] = i
        for group in d["groups"]:
            group.pop("commitments", None)

    _rewrite(path, as_version_1)
    with RecordStore(tmp_path / "b.db") as store:
        assert import_bundle(store, path, known_hashes={minimal().content_hash}) == (2, 0)
        assert len(store.sessions()) == 2


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda d: d.update(version=5, min_compatible=5), "nieuwere trainer"),
        (lambda d: d.update(version=0), "onbekende exportversie 0"),
        (
            lambda d: (
                d.update(version=1, min_compatible=1)
                or d["groups"].append(
                    {"label": "g", "date": None, "leader": None, "location": None, "commitments": ["x"]}
                )
            ),
            "versie 1",
        ),
        (
            lambda d: d["groups"].append(
                {
                    "label": "g",
                    "date": None,
                    "leader": None,
                    "location": None,
                    "commitments": ["\x1b[31mrood"],
                }
            ),
            r"groups\.\d\.commitments\.0",
        ),
    ],
)
def test_bundle_versions_are_checked(tmp_path: Path, edit, message: str) -> None:  # type: ignore[no-untyped-def]
    path, _ = _export(tmp_path, sessions=1)
    _rewrite(path, edit)
    with RecordStore(tmp_path / "b.db") as store:
        with pytest.raises(RecordsError, match=message):
            import_bundle(store, path, known_hashes={minimal().content_hash})
        assert store.sessions() == []
