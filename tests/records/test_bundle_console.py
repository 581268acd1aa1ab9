"""Bundle format 4: flags with notes, revotes with a show of hands, and the trainees' votes travel with a
group's sessions; a bundle without them stays readable by a format-2 trainer; a flag on a session left out of
the export stays out."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.records.group_helpers import GROUP, play_group
from tests.records.helpers import minimal
from tests.records.test_server import server_url  # noqa: F401 - fixture
from trainer.records import RecordStore
from trainer.records.bundle import export_bundle, import_bundle
from trainer.records.errors import RecordsError
from trainer.records.group_journal import LocalGroupJournal
from trainer.records.server import ServerStore
from trainer.records.server_import import import_to_server
from trainer.records.server_journal import ServerGroupJournal


def _console_group(db: Path) -> tuple[list[str], dict[str, str]]:
    """The synthetic group with two flags, one revote with votes and hands, one closed revote."""
    with RecordStore(db) as store:
        played = play_group(store)
        journal = LocalGroupJournal(store)
        ids = {code: rec.session_id for code, (_s, rec) in played.items()}
        journal.add_flag(GROUP, at_session=ids["T2"], at_node="aanspreken", note="vroeg naar de reden")
        journal.add_flag(GROUP, at_node="straat", note="hier stil gevallen")
        journal.add_flag(GROUP, at_session=ids["T5"], note="over T5")
        first = journal.open_revote(GROUP, "minimaal", "straat")
        journal.set_hands(first.revote_id, "niemand", 2)
        revote = journal.open_revote(GROUP, "minimaal", "aanspreken")
        played["T1"][0].cast_revote(revote.revote_id, "aanspreken", "vaag")
        played["T3"][0].cast_revote(revote.revote_id, "aanspreken", "concreet")
        return [ids[c] for c in ("T1", "T2", "T3", "T4")], ids  # T5 is not exported


def _state(journal: LocalGroupJournal | ServerGroupJournal) -> tuple[object, ...]:
    # by id: two revotes opened in the same millisecond have no order of their own
    revotes = sorted(journal.revotes(GROUP), key=lambda r: r.revote_id)
    return (
        [(f.flag_id, f.at_session, f.at_node, f.note, f.created_at) for f in journal.flags(GROUP)],
        [(r.revote_id, r.node_id, r.opened_at, r.closed_at) for r in revotes],
        [[(h.choice_id, h.count) for h in journal.hands(r.revote_id)] for r in revotes],
        [journal.votes(r.revote_id) for r in revotes],
    )


def test_format_4_carries_the_console_and_imports_once(tmp_path: Path) -> None:
    exported, ids = _console_group(tmp_path / "a.db")
    with RecordStore(tmp_path / "a.db") as store:
        text = export_bundle(store, exported)
        expected = _state(LocalGroupJournal(store))
    data = json.loads(text)
    assert (data["version"], data["min_compatible"]) == (4, 4)
    [group] = data["groups"]
    assert [f["note"] for f in group["flags"]] == ["vroeg naar de reden", "hier stil gevallen"]  # not T5's
    bundle = tmp_path / "groep.json"
    bundle.write_text(text, encoding="utf-8")
    with RecordStore(tmp_path / "b.db") as other:
        assert import_bundle(other, bundle, known_hashes={minimal().content_hash}) == (4, 0)
        assert import_bundle(other, bundle, known_hashes=set()) == (0, 4)  # twice is once
        got = _state(LocalGroupJournal(other))
    flags, revotes, hands, votes = expected  # type: ignore[misc]
    assert got == ([f for f in flags if f[1] != ids["T5"]], revotes, hands, votes)  # type: ignore[has-type]
    assert sorted(len(v) for v in got[3]) == [0, 2]  # type: ignore[attr-defined]


def test_a_bundle_without_console_records_stays_format_2_readable(tmp_path: Path) -> None:
    with RecordStore(tmp_path / "a.db") as store:
        played = play_group(store)
        text = export_bundle(store, [rec.session_id for _s, rec in played.values()])
    data = json.loads(text)
    assert (data["version"], data["min_compatible"]) == (4, 2)
    assert not any("flags" in g or "revotes" in g for g in data["groups"])


def test_a_stray_flag_or_an_old_version_with_flags_is_refused(tmp_path: Path) -> None:
    exported, ids = _console_group(tmp_path / "a.db")
    with RecordStore(tmp_path / "a.db") as store:
        data = json.loads(export_bundle(store, exported))
    from trainer.records.bundle import _checksum

    def write(d: dict[str, object]) -> Path:
        body = {k: v for k, v in d.items() if k != "checksum"}
        path = tmp_path / "x.json"
        path.write_text(json.dumps({**body, "checksum": _checksum(body)}), encoding="utf-8")
        return path

    stray = json.loads(json.dumps(data))
    stray["groups"][0]["flags"][0]["at_session"] = ids["T5"]
    old = json.loads(json.dumps(data))
    old.update(version=3, min_compatible=2)
    with RecordStore(tmp_path / "b.db") as other:
        with pytest.raises(RecordsError, match="niet in de\\s+export|not in the export"):
            import_bundle(other, write(stray), known_hashes={minimal().content_hash})
        with pytest.raises(RecordsError, match="versie 3"):
            import_bundle(other, write(old), known_hashes={minimal().content_hash})
        assert other.sessions() == []  # all or nothing


def test_import_into_the_server_carries_the_console(server_url: str, tmp_path: Path) -> None:  # noqa: F811
    exported, ids = _console_group(tmp_path / "a.db")
    with RecordStore(tmp_path / "a.db") as store:
        text = export_bundle(store, exported)
        flags, revotes, hands, votes = _state(LocalGroupJournal(store))  # type: ignore[misc]
    bundle = tmp_path / "groep.json"
    bundle.write_text(text, encoding="utf-8")
    with ServerStore(server_url) as server:
        assert import_to_server(server, bundle, known_hashes={minimal().content_hash}) == (4, 0)
        import_to_server(server, bundle, known_hashes=set())
        got = _state(ServerGroupJournal(server))
    assert got == ([f for f in flags if f[1] != ids["T5"]], revotes, hands, votes)  # type: ignore[has-type]
