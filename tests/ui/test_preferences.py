"""The player's settings are remembered between runs, keep the server setting, and survive a broken file."""

from __future__ import annotations

import json
from pathlib import Path

from trainer.ui.preferences import SLOW_PACE, Preferences, load_preferences, save_preferences


def test_defaults_without_a_file(tmp_path: Path) -> None:
    prefs, ok = load_preferences(tmp_path / "settings.json")
    assert prefs == Preferences() and ok
    assert not prefs.speech and not prefs.slow and prefs.pace == 1.0


def test_saved_settings_come_back_and_the_server_stays(tmp_path: Path) -> None:
    path = tmp_path / "cfg" / "settings.json"
    path.parent.mkdir()
    path.write_text(json.dumps({"server": "postgresql://x/y"}), encoding="utf-8")
    chosen = Preferences(volume=30, muted=True, text_size=3, slow=True, speech=True)
    assert save_preferences(path, chosen)
    again, ok = load_preferences(path)
    assert again == chosen and ok and again.pace == SLOW_PACE
    assert json.loads(path.read_text(encoding="utf-8"))["server"] == "postgresql://x/y"
    assert oct(path.stat().st_mode & 0o777) == "0o600"


def test_odd_values_fall_back_one_by_one(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(
        json.dumps({"player": {"volume": 1000, "muted": "yes", "text_size": -4, "slow": True, "x": 1}}),
        encoding="utf-8",
    )
    prefs, ok = load_preferences(path)
    assert ok and prefs == Preferences(volume=100, muted=False, text_size=0, slow=True)


def test_a_broken_file_gives_defaults_and_is_never_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text('{"server": "postgresql://x/y",', encoding="utf-8")
    prefs, ok = load_preferences(path)
    assert prefs == Preferences() and not ok
    assert not save_preferences(path, Preferences(volume=10))
    assert path.read_text(encoding="utf-8") == '{"server": "postgresql://x/y",'
