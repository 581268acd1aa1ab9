"""`trainer debrief` as a gespreksleider uses it, through the CLI in a subprocess: good input and bad."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.test_commands import trainer
from tests.conftest import ROOT
from tests.debrief.helpers import GROUP, SCENARIO, record_group, without_styles
from tests.records.helpers import recorded_session
from trainer.cli import main
from trainer.model.loader import load_scenario_text
from trainer.records import RecordStore


def one_line(text: str) -> str:
    lines = text.strip().splitlines()
    assert len(lines) == 1, lines
    return lines[0]


def test_group_sheet_is_written(records_db: Path, tmp_path: Path) -> None:
    record_group(records_db, count=3)
    out = tmp_path / "blad.html"
    result = trainer("debrief", "--group", GROUP, "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "nabespreking geschreven" in one_line(result.stderr)
    html = without_styles(out.read_text(encoding="utf-8"))
    assert "Hittepunt 1" in html and "T01" not in html and "Agent" not in html  # anonymous by default
    leader = tmp_path / "leider.html"
    assert trainer("debrief", "--group", GROUP, "--sheet", "leader", "-o", str(leader)).returncode == 0
    assert "T01" in leader.read_text(encoding="utf-8")


def test_every_sheet_and_format(records_db: Path, tmp_path: Path) -> None:
    ids = record_group(records_db, count=2)
    for sheet in ("group", "individual", "guide"):
        result = trainer("debrief", ids[0][:8], ids[1], "--sheet", sheet, "--format", "md", "-o", "-")
        assert result.returncode == 0, result.stderr
        assert result.stdout.startswith("# ")
    english = trainer("debrief", "--group", GROUP, "--format", "md", "-o", "-", "--lang", "en")
    assert "## 2. Hot spots" in english.stdout


def test_default_file_name(records_db: Path, tmp_path: Path) -> None:
    record_group(records_db, count=1)
    result = subprocess.run(
        [sys.executable, "-m", "trainer", "debrief", "--group", GROUP, "--sheet", "individual"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / f"persoonlijk-{GROUP}-T01.html").is_file()  # one file per trainee


def test_individual_sheets_one_file_each(records_db: Path, tmp_path: Path) -> None:
    """Item 9: one file per trainee, each with its own page numbers, keeping the 'k van n' comparison."""
    record_group(records_db, count=3)
    folder = tmp_path / "persoonlijk"
    result = trainer(
        "debrief", "--group", GROUP, "--sheet", "individual", "--format", "md", "-o", str(folder)
    )
    assert result.returncode == 0, result.stderr
    files = sorted(p.name for p in folder.iterdir())
    assert files == [f"persoonlijk-{GROUP}-T0{i}.md" for i in (1, 2, 3)]
    first = (folder / files[0]).read_text(encoding="utf-8")
    assert "T01" in first and "T02" not in first and " van 3 koos dit" in first


def test_guide_needs_no_records(tmp_path: Path) -> None:
    result = trainer("debrief", "--sheet", "guide", "-o", str(tmp_path / "gids.html"))
    assert result.returncode == 0, result.stderr
    assert "30 min" in (tmp_path / "gids.html").read_text(encoding="utf-8")


def test_empty_group_missing_id_and_nothing(records_db: Path) -> None:
    record_group(records_db, count=1)
    for args, words in (
        (("--group", "bestaat-niet"), "geen sessies in groep 'bestaat-niet'"),
        (("deadbeef",), "geen sessie 'deadbeef'"),
        ((), "geen sessies om te bespreken"),
    ):
        result = trainer("debrief", *args)
        assert result.returncode == 2, result.stderr
        assert words in one_line(result.stderr)


def test_group_and_ids_together(records_db: Path) -> None:
    ids = record_group(records_db, count=1)
    result = trainer("debrief", ids[0], "--group", GROUP)
    assert result.returncode == 2 and "niet allebei" in one_line(result.stderr)


def test_different_scenarios(records_db: Path) -> None:
    record_group(records_db, count=2)
    with RecordStore(records_db) as store:
        recorded_session(store, group=GROUP, finish=True)
    result = trainer("debrief", "--group", GROUP)
    assert result.returncode == 2
    assert "verschillende scenario's (minimaal (1), nachtelijke_verkeerscontrole (2))" in one_line(
        result.stderr
    )


def test_text_revision_is_debriefed_together(records_db: Path, tmp_path: Path) -> None:
    """Item 10: one word fixed between sessions (same choices) still makes one conversation."""
    record_group(records_db, count=2)
    text = SCENARIO.read_text(encoding="utf-8").replace("Lindelaan", "Lindenlaan")
    assert text != SCENARIO.read_text(encoding="utf-8")
    record_group(records_db, count=1, first=20, loaded=load_scenario_text(text, "tekst.yaml"))
    out = tmp_path / "blad.md"
    result = trainer("debrief", "--group", GROUP, "--format", "md", "-o", str(out))
    assert result.returncode == 0, result.stderr
    sheet = out.read_text(encoding="utf-8")
    version = re.search(r"\nversion: (\d+)\n", text)[1]  # type: ignore[index]
    assert (
        "meer dan één tekstversie" in sheet and sheet.count(f"v{version} #") == 3 and "3 deelnemers" in sheet
    )


def test_different_choices_are_refused_with_what_changed(records_db: Path) -> None:
    record_group(records_db, count=2)
    original = SCENARIO.read_text(encoding="utf-8")
    version = int(re.search(r"\nversion: (\d+)\n", original)[1])  # type: ignore[index]
    text = original.replace(f"\nversion: {version}\n", f"\nversion: {version + 1}\n").replace(
        "assessment: niet_in_lijn", "assessment: discutabel", 1
    )
    assert text.count("assessment: discutabel") == original.count("assessment: discutabel") + 1
    record_group(records_db, count=1, first=20, loaded=load_scenario_text(text, "v2.yaml"))
    result = trainer("debrief", "--group", GROUP)
    assert result.returncode == 2
    line = one_line(result.stderr)
    assert "verschillende versies van 'nachtelijke_verkeerscontrole'" in line and f"v{version} #" in line
    assert "beoordeling gewijzigd: niet_in_lijn → discutabel" in line


def test_missing_database_is_named_not_created(tmp_path: Path) -> None:
    """Item 11: a mistyped --db is one line naming it, and no empty database appears."""
    missing = tmp_path / "tikfout.sqlite3"
    for args in (("debrief", "--group", GROUP), ("sessions", "list"), ("groups", "list")):
        result = trainer(*args, "--db", str(missing))
        assert result.returncode == 2 and f"{missing}: hier is geen database" in one_line(result.stderr)
    assert not missing.exists()


def test_groups_fill_in_the_header(records_db: Path, tmp_path: Path) -> None:
    """Item 12: `trainer groups set` fills date, gespreksleider and location; the sheet shows them."""
    record_group(records_db, count=2)
    result = trainer(
        "groups", "set", GROUP, "--date", "2026-12-01", "--leader", "Inge", "--location", "Zwolle"
    )
    assert result.returncode == 0, result.stderr
    listing = trainer("groups", "list")
    assert GROUP in listing.stdout and "Inge" in listing.stdout and "Zwolle" in listing.stdout
    sheet = trainer("debrief", "--group", GROUP, "--format", "md", "-o", "-").stdout
    assert "2026-12-01" in sheet and "gespreksleider Inge" in sheet and "Zwolle" in sheet
    bad = trainer("groups", "set", GROUP, "--date", "1-12-2026")
    assert bad.returncode == 2 and "JJJJ-MM-DD" in one_line(bad.stderr)
    bundle = tmp_path / "groep.json"
    assert trainer("sessions", "export", "--group", GROUP, "-o", str(bundle)).returncode == 0
    exported = bundle.read_text(encoding="utf-8")
    assert "2026-12-01" in exported and "Inge" not in exported and "Zwolle" not in exported
    assert trainer("sessions", "export", "--group", GROUP, "-o", str(bundle), "--names").returncode == 0
    assert "Inge" in bundle.read_text(encoding="utf-8")


def test_unfinished_session_is_marked(records_db: Path, tmp_path: Path) -> None:
    record_group(records_db, count=3, unfinished={2: 1})
    out = tmp_path / "blad.html"
    result = trainer("debrief", "--group", GROUP, "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "1 sessie(s) niet afgerond (T03)" in result.stderr
    html = without_styles(out.read_text(encoding="utf-8"))
    assert "Onvolledig blad: 1 sessie is niet afgerond." in html and "T03" not in html


def test_more_than_twelve_warns_and_still_writes(records_db: Path, tmp_path: Path) -> None:
    record_group(records_db, count=13)
    out = tmp_path / "blad.md"
    result = trainer("debrief", "--group", GROUP, "--format", "md", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "13 sessies; een gesprek werkt het best met hoogstens 12" in result.stderr
    assert "13 deelnemers" in out.read_text(encoding="utf-8")


def test_bundle_is_read_not_imported(records_db: Path, tmp_path: Path) -> None:
    record_group(records_db, count=2, names=True)
    bundle = tmp_path / "groep.json"
    assert trainer("sessions", "export", "--group", GROUP, "-o", str(bundle), "--names").returncode == 0
    other = tmp_path / "leeg.sqlite3"
    result = trainer(
        "debrief",
        str(bundle),
        "--names",
        "--sheet",
        "leader",
        "--format",
        "md",
        "-o",
        "-",
        "--db",
        str(other),
    )
    assert result.returncode == 0, result.stderr
    assert "Agent A (T01)" in result.stdout and f"groep {GROUP}" in result.stdout
    assert not other.exists()  # a debrief from a bundle never touches a database
    plain = trainer("debrief", str(bundle), "--format", "md", "-o", "-")
    assert "Agent A" not in plain.stdout
    wrong = trainer("debrief", str(bundle), "--group", "andere")
    assert wrong.returncode == 2 and "geen sessies van groep 'andere'" in one_line(wrong.stderr)
    broken = tmp_path / "kapot.json"
    broken.write_text("{", encoding="utf-8")
    result = trainer("debrief", str(broken))
    assert result.returncode == 2 and "geen geldige JSON" in one_line(result.stderr)


def test_pdf_to_terminal_refused() -> None:
    result = trainer("debrief", "--sheet", "guide", "--format", "pdf", "-o", "-")
    assert result.returncode == 2 and "-o blad.pdf" in one_line(result.stderr)


def test_pdf_without_weasyprint(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    monkeypatch.setitem(sys.modules, "weasyprint", None)
    assert main(["debrief", "--sheet", "guide", "--format", "pdf", "-o", str(tmp_path / "x.pdf")]) == 2
    line = one_line(capsys.readouterr().err)
    assert "WeasyPrint is niet geïnstalleerd" in line and "--format html" in line
    assert not (tmp_path / "x.pdf").exists()
