"""The picker's card cache: the same cards as loading every file, refused when stale, damaged or foreign."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import SCENARIOS
from tests.ui.cards import card_of
from trainer.commands import cards as cards_mod
from trainer.commands.cards import CACHE_FILE, FORMAT, scenario_cards
from trainer.model.loader import load_scenario

FILES = sorted(SCENARIOS.glob("*.yaml"))


def _copy(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "scenarios"
    folder.mkdir()
    return [Path(shutil.copy(f, folder / f.name)) for f in FILES]


def _count_loads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    loaded: list[Path] = []
    real = cards_mod.card_of_file

    def counting(path: Path) -> cards_mod.ScenarioCard:
        loaded.append(path)
        return real(path)

    monkeypatch.setattr(cards_mod, "card_of_file", counting)
    return loaded


def test_cards_equal_what_loading_each_file_gives_and_the_second_launch_loads_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files, cache = _copy(tmp_path), tmp_path / "cache"
    expected = [card_of(load_scenario(f)) for f in files]
    loads = _count_loads(monkeypatch)
    assert scenario_cards(files, cache) == expected
    assert len(loads) == len(files)  # a cold cache: every file read once
    assert scenario_cards(files, cache) == expected
    assert len(loads) == len(files)  # warm: nothing loaded again
    assert json.loads((cache / CACHE_FILE).read_text(encoding="utf-8"))["format"] == FORMAT


def test_a_changed_file_is_read_again_and_its_stale_card_never_shown(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files, cache = _copy(tmp_path), tmp_path / "cache"
    scenario_cards(files, cache)
    index = next(i for i, f in enumerate(files) if "duration_minutes: 15\n" in f.read_text(encoding="utf-8"))
    target = files[index]
    text = target.read_text(encoding="utf-8").replace("duration_minutes: 15\n", "duration_minutes: 42\n", 1)
    target.write_text(text, encoding="utf-8")
    loads = _count_loads(monkeypatch)
    got = scenario_cards(files, cache)
    assert loads == [target] and got[index].duration_minutes == 42
    kept = json.loads((cache / CACHE_FILE).read_text(encoding="utf-8"))["cards"]
    assert len(kept) == len(files)  # the stale entry was dropped, not kept beside the new one


@pytest.mark.parametrize(
    "damage",
    [
        "not json {",
        json.dumps({"format": FORMAT + 1, "cards": {}}),
        json.dumps([1, 2]),
        "DUR",  # a cached card with an impossible duration
        "TOD",  # a time of day the picker cannot name
        "EXTRA",  # a field this trainer does not know
    ],
)
def test_a_damaged_or_foreign_cache_is_refused_whole_and_rewritten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damage: str
) -> None:
    files, cache = _copy(tmp_path), tmp_path / "cache"
    expected = scenario_cards(files, cache)
    path = cache / CACHE_FILE
    data = json.loads(path.read_text(encoding="utf-8"))
    first = next(iter(data["cards"].values()))
    if damage == "DUR":
        first["duration_minutes"] = 0
    elif damage == "TOD":
        first["time_of_day"] = "middernacht"
    elif damage == "EXTRA":
        first["learning_goals"] = "x"
    text = json.dumps(data) if damage in ("DUR", "TOD", "EXTRA") else damage
    path.write_text(text, encoding="utf-8")
    loads = _count_loads(monkeypatch)
    assert scenario_cards(files, cache) == expected
    assert len(loads) == len(files)  # nothing of the damaged file was trusted
    assert json.loads(path.read_text(encoding="utf-8"))["format"] == FORMAT  # and it is whole again


def test_an_unreadable_file_gets_a_placeholder_card_and_is_never_cached(tmp_path: Path) -> None:
    files, cache = _copy(tmp_path), tmp_path / "cache"
    broken = files[0].parent / "kapot.yaml"
    broken.write_text("id: [dit is geen scenario\n", encoding="utf-8")
    got = scenario_cards([broken, *files], cache)
    assert not got[0].readable and got[0].title_in("nl") == "kapot" and got[0].path == str(broken)
    assert all(card.readable for card in got[1:])
    assert len(json.loads((cache / CACHE_FILE).read_text(encoding="utf-8"))["cards"]) == len(files)


def test_a_cache_that_cannot_be_written_costs_only_time(tmp_path: Path) -> None:
    files = _copy(tmp_path)
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")  # the cache folder cannot be made under a file
    assert scenario_cards(files, blocker / "cache") == [card_of(load_scenario(f)) for f in files]
