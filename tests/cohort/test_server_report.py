"""The same report from the shared PostgreSQL store as from a laptop's SQLite (a real server, no mock)."""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest

from debrief.cohort.db import Db
from debrief.cohort.derived import iter_sessions, refresh
from debrief.cohort.filters import Filters
from debrief.cohort.render import render_html
from debrief.cohort.report import build
from tests.cohort.test_report import COMPARISONS
from tests.pgserver import PgServer
from trainer.cli import main
from trainer.records import RecordStore
from trainer.records.server import ServerStore
from trainer.records.server_read import ServerReader
from trainer.records.sync import LocalJournal, SyncPass


@pytest.fixture
def server_url(pg_server: PgServer, cohort_db: Path) -> str:
    """A fresh database on the shared server holding the synthetic cohorts, pushed by the real sync."""
    name = "t_cohort_report"
    with psycopg.connect(pg_server.url("postgres"), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    url = pg_server.url(name)
    with ServerStore(url) as server:
        server.init()
        status = SyncPass(LocalJournal(cohort_db), server).run()
        assert status.waiting_events == 0
    return url


def test_server_and_laptop_give_the_same_report(server_url: str, cohort_db: Path) -> None:
    with RecordStore(cohort_db) as store:
        local = Db(store)
        refresh(local)
        laptop = render_html(build(local, Filters(), design=COMPARISONS))
    with ServerReader(server_url) as reader:
        db = Db(reader)
        first = refresh(db)
        assert first.summarised == 140 and refresh(db).summarised == 0
        server = render_html(build(db, Filters(), design=COMPARISONS))
        streamed = list(iter_sessions(db, Filters(groups=("look",))))
    assert server == laptop
    assert len(streamed) == 24 and all(r.finished for r in streamed)


def test_cli_reads_the_server_and_a_purge_there_removes_the_summaries(
    server_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "server.html"
    assert main(["report", "--server", server_url, "-o", str(out)]) == 0
    assert "140 sessies" in out.read_text(encoding="utf-8")
    with psycopg.connect(server_url) as conn:
        conn.execute("DELETE FROM sessions WHERE id IN (SELECT id FROM sessions ORDER BY id LIMIT 3)")
        conn.commit()
        left = conn.execute("SELECT COUNT(*) FROM report_sessions").fetchone()
    assert left is not None and left[0] == 137
    capsys.readouterr()
