"""Shared records for the debrief tests: recorded once per test session, read-only afterwards."""

from __future__ import annotations

from pathlib import Path

import pytest

from debrief.sheet import Sheet
from debrief.sources import assemble, from_store
from debrief.summary import fold
from tests.debrief.helpers import GROUP, record_group
from trainer.records import RecordStore

SCRIPT = "<script>alert('x')</script> **vet** | <b>pipe</b> & &amp;"


@pytest.fixture(scope="session")
def group_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Twelve finished sessions of the bundled scenario, in group GROUP; all share their reflections (the
    longest group sheet)."""
    db = tmp_path_factory.mktemp("debrief") / "group.sqlite3"
    record_group(db, shared=range(12))
    return db


@pytest.fixture(scope="session")
def golden_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The golden records: twelve sessions, one unfinished, one typed answer that tries to be markup."""
    db = tmp_path_factory.mktemp("golden") / "golden.sqlite3"
    record_group(
        db, unfinished={11: 2}, answers={0: {"waarom_deze_keuze": SCRIPT}}, names=True, shared=range(0, 12, 2)
    )
    return db


def sheet_of(db: Path, *, lang: str = "nl", names: bool = False, group: str = GROUP) -> Sheet:
    with RecordStore(db) as store:
        material = assemble(*from_store(store, group=group))
    return fold(material, lang=lang, names=names)


@pytest.fixture(scope="session")
def group_sheet(group_db: Path) -> Sheet:
    return sheet_of(group_db)
