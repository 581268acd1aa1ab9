"""Weather and light resolve per node, and the checker holds texts against them (C190-C193)."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import FIXTURES
from trainer.model.atmosphere import atmosphere_of
from trainer.model.checks import check
from trainer.model.loader import LoadedScenario, load_scenario
from trainer.model.vocabulary import Daylight, TimeOfDay, Weather

BASE = (FIXTURES / "minimal.yaml").read_text(encoding="utf-8")


def _load(tmp_path: Path, *edits: tuple[str, str]) -> LoadedScenario:
    text = BASE
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path = tmp_path / "s.yaml"
    path.write_text(text, encoding="utf-8")
    return load_scenario(path)


def _codes(tmp_path: Path, *edits: tuple[str, str]) -> list[str]:
    loaded = _load(tmp_path, *edits)
    return [d.code for d in check(loaded)]


def test_light_follows_time_of_day_unless_set(tmp_path: Path) -> None:
    loaded = _load(tmp_path, ("time_of_day: nacht", "time_of_day: avond"))
    a = atmosphere_of(loaded.scenario, "straat")
    assert (a.weather, a.light, a.time_of_day) == (Weather.DROOG, Daylight.SCHEMERING, TimeOfDay.AVOND)
    assert a.palette == "avond" and a.lamps_on and not a.dark
    loaded = _load(tmp_path, ("time_of_day: nacht", "time_of_day: avond\n  light: donker\n  weather: regen"))
    a = atmosphere_of(loaded.scenario, "straat")
    assert a.dark and a.wet and a.palette == "nacht"


def test_a_node_overrides_the_setting_for_itself_only(tmp_path: Path) -> None:
    loaded = _load(
        tmp_path,
        (
            "  aanspreken:\n    type: scene\n",
            "  aanspreken:\n    type: scene\n    weather: mist\n    light: daglicht\n",
        ),
    )
    sc = loaded.scenario
    assert atmosphere_of(sc, "aanspreken").weather == Weather.MIST
    assert atmosphere_of(sc, "aanspreken").palette == "middag"
    assert atmosphere_of(sc, "straat").weather == Weather.DROOG and atmosphere_of(sc, "straat").dark
    assert atmosphere_of(sc, "no_such_node") == atmosphere_of(sc, None)


def test_rain_said_where_the_node_rains_is_clean(tmp_path: Path) -> None:
    said = ('text: {nl: "Waarom ik?", en: "Why me?"}', 'text: {nl: "Waarom ik, in de regen?", en: "Why me?"}')
    assert _codes(tmp_path, said) == ["C190"]
    rains = ("  aanspreken:\n    type: scene\n", "  aanspreken:\n    type: scene\n    weather: regen\n")
    assert _codes(tmp_path, said, rains) == []
    # ...but only there: the same words in the dry street are still a contradiction.
    cue = ("text: {nl: Geen licht., en: No light.}", 'text: {nl: "Geen licht, natte straat.", en: No light.}')
    assert _codes(tmp_path, cue, rains) == ["C190"]


def test_clothing_and_other_times_are_not_claims(tmp_path: Path) -> None:
    """'donker' as a colour, 'mist' as a verb, a night shift or 'vanavond' said in daylight stay quiet."""
    texts = (
        "Donker trainingspak en een donkere jas; hij mist zijn trein voor de nachtdienst; vanavond voetbal;"
        " hij leunt tegen een lantaarnpaal."
    )
    codes = _codes(
        tmp_path,
        ("time_of_day: nacht", "time_of_day: middag"),
        ("text: {nl: Geen licht., en: No light.}", f'text: {{nl: "{texts}", en: No light.}}'),
    )
    assert codes == []


def test_sun_in_a_dark_or_wet_scene_is_reported(tmp_path: Path) -> None:
    sunny = (
        "text: {nl: Geen licht., en: No light.}",
        "text: {nl: Geen licht., en: No light in the sunshine.}",
    )
    assert _codes(tmp_path, sunny) == ["C193"]  # the fixture is at night
    assert _codes(tmp_path, sunny, ("time_of_day: nacht", "time_of_day: middag")) == []
    wet_day = ("time_of_day: nacht", "time_of_day: middag\n  weather: motregen")
    assert _codes(tmp_path, sunny, wet_day) == ["C193"]


def test_lamps_that_shine_need_dusk_or_dark(tmp_path: Path) -> None:
    day = ("time_of_day: nacht", "time_of_day: middag")
    lit = (
        "text: {nl: Geen licht., en: No light.}",
        "text: {nl: Hij staat in het lantaarnlicht., en: No light.}",
    )
    assert _codes(tmp_path, day, lit) == ["C191"]
    assert _codes(tmp_path, ("time_of_day: nacht", "time_of_day: avond"), lit) == []
