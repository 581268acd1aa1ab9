"""Weather and light of a scene: the scenario's setting, overridden per node, resolved to one value.

Pure data for everyone who draws or plays a scene: the art (rain, fog, lamps, lit windows), the crowd
(umbrellas when `wet`), the sound (rain over the ambience) and the checker (texts that say rain or dark).

    atmosphere_of(scenario, node_id) -> Atmosphere(weather, light, time_of_day)

A selection or scene node may set `weather:` and `light:`; each falls back to the setting. An ending, or a
node id that is not in the scenario, gets the setting's. `light` falls back to the time of day: avond is
schemering, nacht is donker, ochtend and middag are daglicht.
"""

from __future__ import annotations

from dataclasses import dataclass

from trainer.model.scenario import EndingNode, Scenario, Setting
from trainer.model.vocabulary import Daylight, TimeOfDay, Weather

DEFAULT_LIGHT: dict[TimeOfDay, Daylight] = {
    TimeOfDay.OCHTEND: Daylight.DAGLICHT,
    TimeOfDay.MIDDAG: Daylight.DAGLICHT,
    TimeOfDay.AVOND: Daylight.SCHEMERING,
    TimeOfDay.NACHT: Daylight.DONKER,
}


@dataclass(frozen=True)
class Atmosphere:
    """What the sky does and how light it is in one scene."""

    weather: Weather
    light: Daylight
    time_of_day: TimeOfDay

    @property
    def wet(self) -> bool:
        """Rain or drizzle: falling rain, wet pavement, umbrellas, the sound of rain."""
        return self.weather in (Weather.REGEN, Weather.MOTREGEN)

    @property
    def dark(self) -> bool:
        return self.light == Daylight.DONKER

    @property
    def lamps_on(self) -> bool:
        """Street lamps and lit windows: at dusk and in the dark."""
        return self.light != Daylight.DAGLICHT

    @property
    def palette(self) -> str:
        """The art's light: 'ochtend' or 'middag' by day, 'avond' at dusk, 'nacht' in the dark."""
        if self.light == Daylight.DONKER:
            return "nacht"
        if self.light == Daylight.SCHEMERING:
            return "avond"
        return (
            self.time_of_day.value if self.time_of_day in (TimeOfDay.OCHTEND, TimeOfDay.MIDDAG) else "middag"
        )


def setting_atmosphere(setting: Setting) -> Atmosphere:
    light = setting.light if setting.light is not None else DEFAULT_LIGHT[setting.time_of_day]
    return Atmosphere(setting.weather, light, setting.time_of_day)


def atmosphere_of(scenario: Scenario, node_id: str | None) -> Atmosphere:
    """The weather and light of one node: its own `weather:`/`light:`, else the setting's."""
    base = setting_atmosphere(scenario.setting)
    node = scenario.nodes.get(node_id or "")
    if node is None or isinstance(node, EndingNode):
        return base
    return Atmosphere(
        node.weather if node.weather is not None else base.weather,
        node.light if node.light is not None else base.light,
        base.time_of_day,
    )


def node_atmospheres(scenario: Scenario) -> dict[str, Atmosphere]:
    """The weather and light of every selection and scene node (endings have no picture of their own)."""
    base = setting_atmosphere(scenario.setting)
    out: dict[str, Atmosphere] = {}
    for node_id, node in scenario.nodes.items():
        if isinstance(node, EndingNode):
            continue
        if node.weather is None and node.light is None:
            out[node_id] = base
        else:
            out[node_id] = Atmosphere(
                node.weather if node.weather is not None else base.weather,
                node.light if node.light is not None else base.light,
                base.time_of_day,
            )
    return out


def all_atmospheres(scenario: Scenario) -> set[Atmosphere]:
    """Every weather and light the scenario shows somewhere: the setting's and each node's."""
    return {setting_atmosphere(scenario.setting), *node_atmospheres(scenario).values()}


def backdrop_of(scenario: Scenario, node_id: str | None) -> str:
    """The backdrop a node is drawn on: its own, else the setting's."""
    node = scenario.nodes.get(node_id or "")
    own = getattr(node, "backdrop", None)
    return own if isinstance(own, str) else scenario.setting.backdrop
