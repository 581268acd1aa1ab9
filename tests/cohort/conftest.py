"""One recorded set of synthetic cohorts for the whole cohort suite (playing them takes a few seconds)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.cohort.cohorts import (
    Cohort,
    DateWall,
    follows_behaviour,
    follows_look,
    kader_player,
    record_all,
)
from trainer.records import RecordStore

N = 20  # trainees per pre/post cohort

COHORTS = (
    # improved: the same 20 people (A000..A019), 20% in line in January, 80% in March
    Cohort(
        "pre-a", "Apeldoorn", "2026-01-10", "fietser_zonder_licht", N, kader_player(0.2), trainee_prefix="A"
    ),
    Cohort(
        "post-a", "Apeldoorn", "2026-03-10", "fietser_zonder_licht", N, kader_player(0.8), trainee_prefix="A"
    ),
    # did not improve: 50% both times; registers dishonestly, with a reason that names nothing
    Cohort(
        "pre-b",
        "Zwolle",
        "2026-01-12",
        "nachtelijke_verkeerscontrole",
        N,
        kader_player(0.5),
        trainee_prefix="B",
        honest=False,
    ),
    Cohort(
        "post-b",
        "Zwolle",
        "2026-03-12",
        "nachtelijke_verkeerscontrole",
        N,
        kader_player(0.5),
        trainee_prefix="B",
        honest=False,
        seed=1,
    ),
    # the Hof test: the same casting scenario, selections by look versus by behaviour
    Cohort("look", "Den Haag", "2026-02-01", "stationsplein", 24, follows_look("donker"), trainee_prefix="L"),
    Cohort(
        "behaviour",
        "Den Haag",
        "2026-02-02",
        "stationsplein",
        24,
        follows_behaviour("zakkenroller"),
        trainee_prefix="G",
        slow=0.5,
    ),
    # a cell of 4 trainees, each playing three times: 12 sessions, still only 4 people
    Cohort(
        "klein",
        "Ede",
        "2026-02-05",
        "preventief_fouilleren",
        12,
        kader_player(0.5),
        codes=tuple(f"K{i % 4:03d}" for i in range(12)),
    ),
)


@pytest.fixture(scope="session")
def cohort_master(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("cohorts") / "cohorts.sqlite3"
    with RecordStore(db, wall=DateWall()) as store:
        record_all(store, COHORTS)
    return db


@pytest.fixture
def cohort_db(cohort_master: Path, tmp_path: Path) -> Path:
    """A private copy per test: the report writes its derived tables into the database."""
    copy = tmp_path / "records.sqlite3"
    shutil.copy(cohort_master, copy)
    return copy
