"""`trainer sessions export --format xapi` as a user runs it: a file of JSON lines, stdout, the shared server,
and every kind of bad input as one line with exit code 2, never a half-written file."""

from __future__ import annotations

import json
from pathlib import Path

import psycopg

from tests.cli.test_commands import trainer
from tests.pgserver import PgServer
from tests.xapi.helpers import lines, record, verb
from tests.xapi.test_stream import to_server
from trainer.records.server import ServerStore


def _export(db: Path, *extra: str) -> tuple[int, str, str]:
    result = trainer("sessions", "export", "--format", "xapi", "--db", str(db), *extra)
    return result.returncode, result.stdout, result.stderr


def test_a_file_of_json_lines_and_the_same_on_stdout(tmp_path: Path) -> None:
    db = tmp_path / "r.sqlite3"
    record(db, seed=1, trainee="A1", group="ochtend")
    record(db, seed=2, trainee="A2", group="middag")
    out = tmp_path / "ochtend.jsonl"
    code, stdout, stderr = _export(db, "--group", "ochtend", "-o", str(out))
    assert code == 0, stderr
    made = lines(out)
    assert f"{len(made)} statements uit 1 sessie(s) naar {out}" in stdout
    assert {s["actor"]["account"]["name"] for s in made} == {"A1"}
    by_scenario = tmp_path / "minimaal.jsonl"  # an id in the records, never looked up as a file
    assert _export(db, "--scenario", "minimaal", "-o", str(by_scenario))[0] == 0
    assert len(lines(by_scenario)) > len(made)
    assert verb(made[0]) == "started" and verb(made[-1]) == "terminated"
    assert not list(tmp_path.glob("*.tmp"))
    code, stdout, _ = _export(db, "--group", "ochtend", "-o", "-")
    assert code == 0 and [json.loads(line) for line in stdout.splitlines()] == made


def test_reading_from_the_shared_server(pg_server: PgServer, tmp_path: Path) -> None:
    db = tmp_path / "r.sqlite3"
    record(db, seed=3, trainee="P3", group="server")
    with psycopg.connect(pg_server.url("postgres"), autocommit=True) as conn:
        conn.execute('DROP DATABASE IF EXISTS "x_cli"')
        conn.execute('CREATE DATABASE "x_cli"')
    url = pg_server.url("x_cli")
    with ServerStore(url) as server:
        server.init()
    to_server(db, url)
    local, remote = tmp_path / "local.jsonl", tmp_path / "remote.jsonl"
    assert _export(db, "--all", "-o", str(local))[0] == 0
    result = trainer("sessions", "export", "--format", "xapi", "--server", url, "--all", "-o", str(remote))
    assert result.returncode == 0, result.stderr
    assert remote.read_bytes() == local.read_bytes()


BAD: list[tuple[tuple[str, ...], str]] = [
    (("-o", "x.jsonl"), "kies welke sessies"),
    (("--all",), "geef -o BESTAND.jsonl, --send URL of allebei"),
    (("--since", "2026-13-01", "-o", "x.jsonl"), "ongeldige datum '2026-13-01' voor --since"),
    (("--until", "gisteren", "-o", "x.jsonl"), "ongeldige datum 'gisteren' voor --until"),
    (("--since", "2026-11-22", "--until", "2026-11-20", "-o", "x.jsonl"), "ligt na --until"),
    (("--group", "avond", "-o", "x.jsonl"), "geen sessies met deze keuze"),
    (("--scenario", "bestaat_niet", "-o", "x.jsonl"), "geen sessies met deze keuze"),
    (("ffffffff", "-o", "x.jsonl"), "geen sessie 'ffffffff'"),
    (("--all", "--names", "-o", "x.jsonl"), "--names kan niet bij --format xapi"),
    (("--all", "--home-page", "lms.centrum", "-o", "x.jsonl"), "ongeldige --home-page"),
    (("--all", "--server", "r.sqlite3", "-o", "x.jsonl"), "--server verwacht een postgresql://-adres"),
    (("--all", "--send", "http://127.0.0.1:1/xAPI/", "--retries", "-1"), "--retries -1: geef 0 of meer"),
    (("--all", "--send", "http://127.0.0.1:1/xAPI/", "--auth", "zonderdubbelepunt"), "gebruiker:wachtwoord"),
]


def test_bad_input_is_one_line_and_exit_2(tmp_path: Path) -> None:
    db, out = tmp_path / "r.sqlite3", tmp_path / "x.jsonl"
    record(db, seed=1, group="ochtend")
    for bad, said in BAD:
        extra = [str(out) if arg == "x.jsonl" else arg for arg in bad]
        result = trainer("sessions", "export", "--format", "xapi", "--db", str(db), *extra)
        assert result.returncode == 2, (extra, result.stdout, result.stderr)
        assert said in result.stderr, (extra, result.stderr)
        assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    assert not out.exists() and not list(tmp_path.glob("*.tmp"))


def test_xapi_options_are_refused_for_a_bundle_and_the_records_are_never_the_target(tmp_path: Path) -> None:
    db = tmp_path / "r.sqlite3"
    record(db, seed=1, group="ochtend")
    bundle = trainer("sessions", "export", "--db", str(db), "--group", "ochtend", "--send", "http://x/xAPI/")
    assert bundle.returncode == 2 and "--send hoort bij --format xapi" in bundle.stderr
    over = _export(db, "--all", "-o", str(db))
    assert over[0] == 2 and "dat is de verslagendatabase" in over[2]
    missing = _export(tmp_path / "elders.db", "--all", "-o", str(tmp_path / "x.jsonl"))
    assert missing[0] == 2 and "hier is geen database met verslagen" in missing[2]
