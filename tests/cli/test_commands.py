"""The CLI as an instructor uses it: real subprocesses, real files, exit codes and one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import FIXTURES

MINIMAL = str(FIXTURES / "minimal.yaml")


def trainer(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "trainer", *args], capture_output=True, text=True, input=stdin, timeout=60
    )


def test_check_clean_file_exits_0() -> None:
    result = trainer("check", MINIMAL)
    assert result.returncode == 0, result.stdout
    assert "0 fout(en), 0 waarschuwing(en)" in result.stdout


def test_check_json_format_for_tools(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        Path(MINIMAL).read_text(encoding="utf-8").replace("goto: afhandelen", "goto: afhandele", 1),
        encoding="utf-8",
    )
    result = trainer("check", "--format", "json", str(bad))
    assert result.returncode == 1
    found = json.loads(result.stdout)
    assert found[0]["code"] == "C101" and found[0]["file"] == str(bad) and found[0]["line"] > 0
    assert "afhandelen" in found[0]["hint"]


def test_check_english_messages(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        Path(MINIMAL).read_text(encoding="utf-8").replace("step: uitleggen", "step: uitleg", 1),
        encoding="utf-8",
    )
    result = trainer("--lang", "en", "check", str(bad))
    assert result.returncode == 1
    assert "error S003: invalid value 'uitleg'" in result.stdout


def test_run_auto_prints_a_transcript_to_the_end() -> None:
    result = trainer("run", MINIMAL, "--auto", "--seed", "4")
    assert result.returncode == 0, result.stderr
    assert "EINDE" in result.stdout and "Registratie" in result.stdout


def test_run_auto_is_deterministic_per_seed() -> None:
    assert (
        trainer("run", MINIMAL, "--auto", "--seed", "9").stdout
        == trainer("run", MINIMAL, "--auto", "--seed", "9").stdout
    )


def test_run_plan_and_a_plan_that_does_not_fit(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        "scenario: minimaal\nchoices: [fietser_zonder_licht, timeout, rustig, bespreken]\n"
        "answers: {waarom: 'Geen licht.'}\n"
        "registration: {grounds: [voertuig], legal_basis: wvw_160, outcome: waarschuwing, reason: licht}\n"
        "expect: {ending: einde_waarschuwing, meters: {spanning: 5}, flags: {gefilmd: true}}\n",
        encoding="utf-8",
    )
    ok = trainer("run", MINIMAL, "--plan", str(plan))
    assert ok.returncode == 0, ok.stderr
    assert "De tijd was om." in ok.stdout and "Geen licht." in ok.stdout
    # the default that followed the timeout is named as such, never as something the trainee said
    after = ok.stdout.split("De tijd was om.")[1].splitlines()[1]
    assert "wat er daarna gebeurde:" in after and "Jij:" not in after
    plan.write_text(
        "scenario: minimaal\nchoices:\n  - fietser_zonder_licht\n  - bestaat_niet\n", encoding="utf-8"
    )
    bad = trainer("run", MINIMAL, "--plan", str(plan))
    assert bad.returncode == 2
    assert bad.stderr.strip().splitlines() == [bad.stderr.strip()]
    assert f"{plan}:4:5:" in bad.stderr and "bestaat_niet" in bad.stderr and "concreet" in bad.stderr


def test_run_plan_with_failed_expectation(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        "scenario: minimaal\nchoices: [niemand, eerlijk, vriendelijk_wijzen, groeten]\n"
        "expect:\n  ending: einde_waarschuwing\n",
        encoding="utf-8",
    )
    result = trainer("run", MINIMAL, "--plan", str(plan))
    assert (
        result.returncode == 2 and f"{plan}:4:11:" in result.stderr and "einde_geen_controle" in result.stderr
    )


def test_run_refuses_scenario_with_errors(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        Path(MINIMAL).read_text(encoding="utf-8").replace("goto: afhandelen", "goto: nergens", 1),
        encoding="utf-8",
    )
    result = trainer("run", str(bad), "--auto")
    assert result.returncode == 2 and "C101" in result.stderr and "Traceback" not in result.stderr


def test_graph_mermaid_and_dot_mark_steps_and_endings() -> None:
    mermaid = trainer("graph", MINIMAL).stdout
    assert mermaid.startswith("flowchart TD")
    assert 'einde_waarschuwing(["einde_waarschuwing<br/>EINDE: waarschuwing"]):::einde' in mermaid
    assert "uitleggen" in mermaid and '-- "⏱ U ✗ vaag" -->' in mermaid  # vaag is the timer's default
    dot = trainer("graph", "--format", "dot", MINIMAL).stdout
    assert dot.startswith('digraph "minimaal"') and "doubleoctagon" in dot and "style=dashed" in dot


def test_coverage_table() -> None:
    result = trainer("coverage", MINIMAL)
    assert result.returncode == 0, result.stdout
    assert "Routes: 4" in result.stdout and "einde_geen_controle (1)" in result.stdout
    assert "Keuzes die geen route bereikt: geen" in result.stdout


def test_coverage_names_unreachable_choices_and_step_gaps(tmp_path: Path) -> None:
    text = (
        Path(MINIMAL)
        .read_text(encoding="utf-8")
        .replace("{meter: spanning, at_least: 4}", "{meter: spanning, at_least: 11}")
    )
    path = tmp_path / "s.yaml"
    path.write_text(text, encoding="utf-8")
    result = trainer("coverage", str(path))
    assert result.returncode == 1 and "afhandelen.boete_houding" in result.stdout


def test_usage_errors_are_one_line_exit_2() -> None:
    result = trainer("run", MINIMAL)
    assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1


def test_play_in_the_terminal_to_the_end() -> None:
    answers = (
        "\n".join(
            ["", "1", "1", "1", "", "1", "", "Omdat hij geen licht had.", "5", "2", "4", "geen licht"]
            + [""] * 6  # the perspective pages: how many depends on the route the shown order gave
        )
        + "\n"
    )
    result = trainer("play", "--text", MINIMAL, "--trainee", "A17", "--group", "ochtend", stdin=answers)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.index("== Briefing") < out.index("== Afloop: Waarschuwing") < out.index("Registratie")


def test_play_with_closed_input_stops_cleanly() -> None:
    result = trainer("play", "--text", MINIMAL, stdin="")
    assert result.returncode == 2 and "Traceback" not in result.stderr


def test_coverage_lists_routes_with_their_choices() -> None:
    result = trainer("coverage", "--routes", MINIMAL)
    assert result.returncode == 0, result.stdout
    assert "fietser_zonder_licht → vaag → boete_houding → bespreken" in result.stdout
    assert "niemand → eerlijk → vriendelijk_wijzen → groeten" in result.stdout
    assert "Verkend: 14 toestanden" in result.stdout


def test_check_refuses_a_copy_that_keeps_a_bundled_id(tmp_path: Path) -> None:
    from tests.conftest import SCENARIOS

    copy = tmp_path / "mijn_plein.yaml"
    original = (SCENARIOS / "stationsplein.yaml").read_text(encoding="utf-8")
    copy.write_text(original, encoding="utf-8")
    assert (
        trainer("check", str(copy), str(SCENARIOS)).returncode == 0
    )  # an unchanged copy is the same scenario
    copy.write_text(original.replace("version: 1\n", "version: 2\n", 1), encoding="utf-8")
    result = trainer("check", str(copy), str(SCENARIOS))
    assert result.returncode == 1
    [line] = [ln for ln in result.stdout.splitlines() if "C149" in ln]
    assert line.startswith(f"{copy}:") and "stationsplein.yaml" in line
    twin = tmp_path / "tweeling.yaml"
    twin.write_text(
        Path(MINIMAL).read_text(encoding="utf-8").replace("version: 1", "version: 3"), encoding="utf-8"
    )
    result = trainer("check", MINIMAL, str(twin))
    assert result.returncode == 1 and f"{twin}:2:5: fout C149" in result.stdout


def test_check_explains_a_quote_inside_quoted_text_exit_2(tmp_path: Path) -> None:
    bad = tmp_path / "quote.yaml"
    text = Path(MINIMAL).read_text(encoding="utf-8")
    bad.write_text(text.replace('nl: "Waarom ik?"', 'nl: "Maar "dat soort jongens" kan"'), encoding="utf-8")
    result = trainer("--lang", "en", "check", str(bad))
    assert result.returncode == 2
    assert "C145" in result.stdout and "single quotes" in result.stdout


def test_run_takes_the_next_group_place_or_the_given_one(tmp_path: Path) -> None:
    """Casting: a recorded run in a group takes the next place on this laptop; `--place` (handed out per
    laptop by the instructor, for a group on many laptops) wins; a bad place is one line and exit 2."""
    from tests.conftest import SCENARIOS
    from trainer.records import RecordStore
    from trainer.records.resume import rebuild

    station = str(SCENARIOS / "stationsplein.yaml")
    db = tmp_path / "r.sqlite3"
    common = ("--auto", "--db", str(db), "--group", "g")
    assert trainer("run", station, *common, "--trainee", "A1", "--seed", "1").returncode == 0
    assert trainer("run", station, *common, "--trainee", "A2", "--seed", "2").returncode == 0
    assert trainer("run", station, *common, "--trainee", "A3", "--seed", "3", "--place", "7").returncode == 0
    with RecordStore(db) as store:
        places = {r.trainee_code: rebuild(store, r)[1].casting_place for r in store.sessions()}
    assert places == {"A1": 0, "A2": 1, "A3": 7}
    bad = trainer("run", station, *common, "--trainee", "A4", "--place", "-1")
    assert bad.returncode == 2 and "--place" in bad.stderr and "Traceback" not in bad.stderr
