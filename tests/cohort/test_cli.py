"""`trainer report` end to end: files written, bad input in one line with exit 2, privacy refusals."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from trainer.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as exc:  # argparse's own refusals (a bad date) exit 2 after one line
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_html_and_csv_with_codebook(
    cohort_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    html, folder = tmp_path / "rapport.html", tmp_path / "csv"
    code, out, err = run(capsys, "report", "--db", str(cohort_db), "-o", str(html), "--csv", str(folder))
    assert code == 0, err
    assert str(html) in out and "sessies samengevat" in err
    text = html.read_text(encoding="utf-8")
    assert text.startswith("<!doctype html>") and "<svg" in text
    assert "http://" not in text.replace("http://www.w3.org", "") and "https://" not in text  # no network
    assert "K000" not in text and "A001" not in text  # no trainee codes
    rows = list(csv.DictReader((folder / "figures.csv").open(encoding="utf-8")))
    assert rows and set(rows[0]) >= {"section", "measure", "value", "n", "trainees", "suppressed"}
    small = [r for r in rows if r["scenario"] == "preventief_fouilleren"]
    assert small and all(r["suppressed"] == "1" and r["value"] == "" and r["n"] == "" for r in small)
    shown = [r for r in rows if r["suppressed"] == "0" and r["trainees"]]
    assert shown and all(int(r["trainees"]) >= 5 for r in shown)
    assert "figures.csv" in (folder / "codebook.md").read_text(encoding="utf-8")
    # a second run derives nothing again
    code, _out, err = run(capsys, "report", "--db", str(cohort_db), "-o", str(html))
    assert code == 0 and "samengevat" not in err


def test_english_and_filters(cohort_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    html = tmp_path / "report.html"
    code, _out, err = run(
        capsys,
        "report",
        "--db",
        str(cohort_db),
        "--scenario",
        "stationsplein",
        "--site",
        "Den Haag",
        "--from",
        "2026-02-01",
        "--to",
        "2026-02-28",
        "--by",
        "group",
        "-o",
        str(html),
        "--lang",
        "en",
    )
    assert code == 0, err
    text = html.read_text(encoding="utf-8")
    assert "Measurement report" in text and "48 sessions by 48 trainees" in text
    assert "fietser_zonder_licht" not in text


def test_design_file_pre_post(cohort_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    design = tmp_path / "prepost.yaml"
    design.write_text(
        "comparisons:\n"
        "  - name: Apeldoorn voorjaar\n"
        "    pre: {scenario: fietser_zonder_licht, groups: [pre-a]}\n"
        "    post: {scenario: fietser_zonder_licht, groups: [post-a]}\n",
        encoding="utf-8",
    )
    html = tmp_path / "r.html"
    code, _out, err = run(capsys, "report", "--db", str(cohort_db), "--design", str(design), "-o", str(html))
    assert code == 0, err
    text = html.read_text(encoding="utf-8")
    assert "Apeldoorn voorjaar" in text and "d = " in text


@pytest.mark.parametrize(
    ("content", "where", "words"),
    [
        (
            "comparisons:\n  - pre: {scenario: x, from: 2026-02-30}\n    post: {scenario: x}\n",
            ":2:30:",
            "datum",
        ),
        ("comparisons:\n  - pre: {scenario: x}\n    post: {scenario: x, groep: a}\n", ":3:25:", "groep"),
        ("comparisons:\n  - pre: {scenario: x}\n", ":2:5:", "'post' ontbreekt"),
        (
            "comparisons:\n  - pre: {scenario: x, from: 2026-03-01, to: 2026-02-01}\n"
            "    post: {scenario: x}\n",
            ":2:46:",
            "vóór",
        ),
        ("comparisons: [\n", ":2:1:", "YAML"),
    ],
)
def test_design_mistakes_are_reported_where_the_author_made_them(
    cohort_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, where: str, words: str
) -> None:
    design = tmp_path / "d.yaml"
    design.write_text(content, encoding="utf-8")
    code, _out, err = run(
        capsys, "report", "--db", str(cohort_db), "--design", str(design), "-o", str(tmp_path / "r.html")
    )
    assert code == 2
    assert err.count("\n") == 1 and "Traceback" not in err
    assert f"d.yaml{where}" in err and words in err and "tip:" in err
    assert not (tmp_path / "r.html").exists()


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--from", "2026-13-01"], "geen datum"),
        (["--from", "2026-03-01", "--to", "2026-01-01"], "vóór"),
        (["--trainee-rows"], "--csv"),
        (["--scenario", "bestaat_niet"], "geen sessies"),
        (["--design", "/nergens/d.yaml"], "onleesbaar ontwerpbestand"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    cohort_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], words: str
) -> None:
    code, _out, err = run(capsys, "report", "--db", str(cohort_db), "-o", str(tmp_path / "r.html"), *args)
    assert code == 2 and words in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_no_database_no_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nergens.sqlite3"
    code, _out, err = run(capsys, "report", "--db", str(missing), "-o", str(tmp_path / "r.html"))
    assert code == 2 and "geen database" in err and not missing.exists()


def test_trainee_rows_only_locally_and_only_when_asked(
    cohort_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "csv"
    code, _out, _err = run(
        capsys, "report", "--db", str(cohort_db), "-o", str(tmp_path / "r.html"), "--csv", str(folder)
    )
    assert code == 0 and not (folder / "trainee_rows.csv").exists()
    code, _out, err = run(
        capsys,
        "report",
        "--db",
        str(cohort_db),
        "-o",
        str(tmp_path / "r.html"),
        "--csv",
        str(folder),
        "--trainee-rows",
    )
    assert code == 0, err
    rows = list(csv.DictReader((folder / "trainee_rows.csv").open(encoding="utf-8")))
    assert len(rows) == 140 and {r["trainee"] for r in rows} >= {"K000", "A019"}
    code, _out, err = run(
        capsys,
        "report",
        "--server",
        "postgresql://nobody@127.0.0.1:1/x",
        "-o",
        str(tmp_path / "s.html"),
        "--csv",
        str(folder),
        "--trainee-rows",
    )
    assert code == 2 and "alleen uit een lokale database" in err


def test_imported_sessions_are_summarised_at_import_where_reports_are_made(
    cohort_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import sqlite3

    first, second, db = tmp_path / "look.json", tmp_path / "klein.json", tmp_path / "centre.sqlite3"
    assert (
        run(capsys, "sessions", "export", "--group", "look", "-o", str(first), "--db", str(cohort_db))[0] == 0
    )
    assert (
        run(capsys, "sessions", "export", "--group", "klein", "-o", str(second), "--db", str(cohort_db))[0]
        == 0
    )
    assert run(capsys, "sessions", "import", str(first), "--db", str(db))[0] == 0
    with sqlite3.connect(db) as conn:  # no report made here yet: nothing derived
        assert (
            conn.execute("SELECT COUNT(*) FROM sqlite_master WHERE name = 'report_sessions'").fetchone()[0]
            == 0
        )
    assert run(capsys, "report", "--db", str(db), "-o", str(tmp_path / "r.html"))[0] == 0
    assert run(capsys, "sessions", "import", str(second), "--db", str(db))[0] == 0
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT COUNT(*) FROM report_sessions").fetchone()[0] == 36


def test_a_purge_clears_the_rollups_at_once(
    cohort_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import sqlite3

    assert run(capsys, "report", "--db", str(cohort_db), "-o", str(tmp_path / "r.html"))[0] == 0
    code, _out, err = run(capsys, "sessions", "purge", "--trainee", "K001", "--yes", "--db", str(cohort_db))
    assert code == 0, err
    with sqlite3.connect(cohort_db) as conn:
        for table in ("report_session_months", "report_cell_months"):
            found = conn.execute(f"SELECT COUNT(*) FROM {table} WHERE trainees LIKE '%K001%'").fetchone()[0]
            assert found == 0, table
        assert conn.execute("SELECT SUM(sessions) FROM report_session_months").fetchone()[0] == 137


def test_a_file_that_is_not_a_records_database_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"dit is geen database" * 100)
    code, _out, err = run(capsys, "report", "--db", str(junk), "-o", str(tmp_path / "r.html"))
    assert code == 2 and "geen SQLite-database" in err and len(err.strip().splitlines()) == 1
    assert junk.read_bytes() == b"dit is geen database" * 100
