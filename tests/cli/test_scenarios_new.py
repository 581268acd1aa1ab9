"""`trainer scenarios`, bundled ids in place of files, and `trainer new`: as an instructor types them."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from tests.cli.test_commands import trainer
from tests.conftest import ROOT, SCENARIOS
from trainer.commands.bundled import MODELINE_PREFIX, schema_reference
from trainer.commands.common import findings
from trainer.engine.routes import coverage
from trainer.model.loader import load_scenario

BUNDLED = sorted(p.stem for p in SCENARIOS.glob("*.yaml"))


def _schema_of(file: Path) -> Path:
    """The schema a YAML file's modeline names, resolved as the editor does (relative to the file)."""
    first = file.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith(MODELINE_PREFIX), first
    return (file.parent / first.removeprefix(MODELINE_PREFIX)).resolve()


def test_bundled_file_names_are_their_ids() -> None:
    for path in SCENARIOS.glob("*.yaml"):
        assert load_scenario(path).scenario.id == path.stem


def test_scenarios_lists_every_bundled_one_with_title_duration_and_path() -> None:
    result = trainer("scenarios")
    assert result.returncode == 0, result.stderr
    for scenario_id in BUNDLED:
        assert str(SCENARIOS / f"{scenario_id}.yaml") in result.stdout
    line = next(x for x in result.stdout.splitlines() if x.startswith("stationsplein "))
    assert "15 min" in line and "Stationsplein / Station square" in line
    assert f"{len(BUNDLED)} scenario's" in result.stdout
    english = trainer("scenarios", "--lang", "en")
    assert "length" in english.stdout and f"{len(BUNDLED)} scenarios" in english.stdout


@pytest.mark.parametrize(
    "args",
    [
        ("check", "stationsplein"),
        ("graph", "stationsplein"),
        ("coverage", "fietser_zonder_licht"),
        ("run", "fietser_zonder_licht", "--auto", "--no-record"),
        ("play", "fietser_zonder_licht", "--text", "--no-record"),
    ],
    ids=lambda a: a[0],
)
def test_every_command_that_takes_a_file_takes_a_bundled_id(args: tuple[str, ...]) -> None:
    result = trainer(*args, stdin="1\n" * 400)
    assert "onbekend scenario" not in result.stderr
    assert result.returncode == 0, result.stderr
    if args[0] == "check":
        assert "0 fout(en), 0 waarschuwing(en)" in result.stdout
    if args[0] == "graph":
        assert result.stdout.startswith("flowchart TD")
    if args[0] == "play":  # the terminal game began with the bundled scenario's briefing
        assert "== Briefing: Fietser zonder licht ==" in result.stdout


def test_storyboard_takes_a_bundled_id(tmp_path: Path) -> None:
    result = trainer("storyboard", "fietser_zonder_licht", "-o", str(tmp_path / "sb"))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "sb" / "index.html").is_file()


def test_unknown_id_is_one_dutch_line_naming_the_ids_that_exist() -> None:
    result = trainer("check", "stationspleinn")
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr
    assert lines[0].startswith("onbekend scenario 'stationspleinn'")
    assert all(i in lines[0] for i in BUNDLED)
    english = trainer("graph", "nope", "--lang", "en")
    assert english.returncode == 2 and english.stderr.startswith("unknown scenario 'nope'")


def test_a_file_named_like_an_id_wins_over_the_bundle(tmp_path: Path) -> None:
    mine = tmp_path / "stationsplein"
    mine.write_text((ROOT / "tests" / "fixtures" / "minimal.yaml").read_text(encoding="utf-8"))
    result = trainer("graph", str(mine))
    assert result.returncode == 0 and "minimaal" not in result.stderr
    here = trainer("graph", "stationsplein")
    assert here.stdout != result.stdout  # the bare id still means the bundled one


def test_a_missing_path_is_still_the_loaders_file_message(tmp_path: Path) -> None:
    result = trainer("check", str(tmp_path / "weg.yaml"))
    assert result.returncode == 2 and "L001" in result.stdout


def test_copy_writes_a_clean_copy_whose_modeline_finds_the_schema(tmp_path: Path) -> None:
    folder = tmp_path / "eigen"
    result = trainer("scenarios", "--copy", "fietser_zonder_licht", str(folder))
    assert result.returncode == 0, result.stderr
    copy = folder / "fietser_zonder_licht.yaml"
    original = (SCENARIOS / "fietser_zonder_licht.yaml").read_text(encoding="utf-8")
    text = copy.read_text(encoding="utf-8")
    assert text.splitlines()[1:] == original.splitlines()[1:]  # only the modeline changed
    assert _schema_of(copy) == (SCENARIOS / "scenario.schema.json").resolve()
    assert findings(load_scenario(copy)) == []
    again = trainer("scenarios", "--copy", "fietser_zonder_licht", str(folder))
    assert again.returncode == 2 and "bestaat al" in again.stderr
    assert copy.read_text(encoding="utf-8") == text  # not overwritten
    unknown = trainer("scenarios", "--copy", "fietser", str(folder))
    assert unknown.returncode == 2 and "fietser_zonder_licht" in unknown.stderr


def test_modeline_is_relative_inside_the_project_and_absolute_outside(tmp_path: Path) -> None:
    assert schema_reference(SCENARIOS) == "scenario.schema.json"
    assert schema_reference(ROOT / "eigen" / "map") == "../../scenarios/scenario.schema.json"
    outside = schema_reference(tmp_path)
    assert Path(outside).is_absolute() and Path(outside).is_file()


def test_new_writes_a_scaffold_that_checks_clean_and_covers_all_steps(tmp_path: Path) -> None:
    result = trainer("new", "mijn_fietser", str(tmp_path / "nieuw"))
    assert result.returncode == 0, result.stderr
    file = tmp_path / "nieuw" / "mijn_fietser.yaml"
    loaded = load_scenario(file)
    assert findings(loaded) == []  # no errors and no warnings
    scenario = loaded.scenario
    assert scenario.id == "mijn_fietser"
    selection = scenario.nodes[scenario.start]
    assert selection.type == "selection" and len(selection.candidates) == 2
    assert [n for n, node in scenario.nodes.items() if node.type == "ending"] == ["einde"]
    cov = coverage(scenario)
    assert cov.incomplete_routes == [] and cov.unreachable_choices == []
    # the placeholders are bilingual and say what to write, so a forgotten one shows in play
    assert scenario.title.en and "Title" in scenario.title.en and "Titel" in scenario.title.nl
    check = trainer("check", str(file))
    assert check.returncode == 0 and "0 fout(en), 0 waarschuwing(en)" in check.stdout


def test_new_modeline_schema_validates_the_scaffold(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The editor's view: the schema the modeline names exists and accepts the file as written."""
    monkeypatch.chdir(tmp_path)  # no folder given: the current one
    result = trainer("new", "hier")
    assert result.returncode == 0, result.stderr
    file = tmp_path / "hier.yaml"
    schema = json.loads(_schema_of(file).read_text(encoding="utf-8"))
    jsonschema.validate(yaml.safe_load(file.read_text(encoding="utf-8")), schema)


def test_new_in_the_scenarios_folder_uses_the_plain_schema_name(tmp_path: Path) -> None:
    from trainer.commands.new_cmd import scaffold

    text = scaffold("x", SCENARIOS / "x.yaml")
    assert text.splitlines()[0] == MODELINE_PREFIX + "scenario.schema.json"


def test_new_refuses_to_overwrite_and_rejects_a_bad_id(tmp_path: Path) -> None:
    assert trainer("new", "een", str(tmp_path)).returncode == 0
    (tmp_path / "een.yaml").write_text("mijn werk\n", encoding="utf-8")
    again = trainer("new", "een", str(tmp_path))
    assert again.returncode == 2 and "bestaat al" in again.stderr
    assert (tmp_path / "een.yaml").read_text(encoding="utf-8") == "mijn werk\n"
    for bad in ("Mijn Scenario", "1e", "a-b", "x" * 65):
        result = trainer("new", bad, str(tmp_path))
        assert result.returncode == 2, bad
        assert result.stderr.startswith("ongeldig scenario-id") and len(result.stderr.splitlines()) == 1
    english = trainer("new", "Bad", str(tmp_path), "--lang", "en")
    assert english.stderr.startswith("invalid scenario id 'Bad'")
    assert not list(tmp_path.glob("[!e]*.yaml"))
