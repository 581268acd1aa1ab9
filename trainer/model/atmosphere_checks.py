"""C190-C193: words and pictures agree about the weather and the light.

A text that says it rains, that it is dark or foggy, is drawn that way only when the setting (or the node)
says so; a text that says the sun shines or it is dry contradicts a wet or dark setting. Texts in a node are
held against that node's weather and light; texts of the whole scenario (summary, briefing, endings) against
any weather and light the scenario shows somewhere.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from trainer.model.atmosphere import Atmosphere, node_atmospheres, setting_atmosphere
from trainer.model.diagnostics import Both
from trainer.model.phrases import PhraseList
from trainer.model.scenario import Scenario
from trainer.model.text import Text
from trainer.model.text_walk import TextPlace
from trainer.model.vocabulary import Daylight, TimeOfDay, Weather
from trainer.model.yaml_source import Path

Finding = tuple[str, Path, dict[str, Any]]


@dataclass(frozen=True)
class Claim:
    """What a text says about the sky, the code that reports it, and when a scene agrees with it."""

    code: str
    phrases: PhraseList
    agrees: Callable[[Atmosphere], bool]
    fix: Both


RAIN = Claim(
    "C190",
    PhraseList.of(
        {
            "nl": [
                "regen",
                "regent",
                "regende",
                "regenen",
                "motregen",
                "motregent",
                "motregende",
                "miezer*",
                "nat",
                "natte",
                "natgeregend",
                "doorweekt",
                "paraplu*",
                "regenbui*",
                "stortbui*",
                "plensbui*",
                "bui",
            ],
            "en": ["rain", "rains", "raining", "rained", "rainy", "drizzl*", "wet", "soaked", "umbrella*"],
        }
    ),
    lambda a: a.wet,
    Both("weather: regen (of motregen)", "weather: regen (or motregen)"),
)
FOG = Claim(
    "C192",
    # 'mist' alone is also a verb ('hij mist zijn trein').
    PhraseList.of(
        {
            "nl": ["de mist", "in de mist", "dichte mist", "mistig*", "mistbank*", "nevel*"],
            "en": ["fog", "foggy", "misty", "the mist"],
        }
    ),
    lambda a: a.weather == Weather.MIST,
    Both("weather: mist", "weather: mist"),
)
DARK = Claim(
    "C191",
    PhraseList.of(
        {
            # Whole phrases: 'donker' alone is often clothing or hair ('donker trainingspak'), and 'nacht'
            # often another time ('de hele nacht gewerkt', 'muziek tot middernacht').
            "nl": [
                "in het donker",
                "het donker",
                "al donker",
                "lang donker",
                "is donker",
                "was donker",
                "donker is",
                "donker was",
                "donker wordt",
                "wordt donker",
                "het is nacht",
                "'s nachts",
                "midden in de nacht",
                "nachtelijk*",
            ],
            "en": [
                "in the dark",
                "is dark",
                "already dark",
                "long dark",
                "after dark",
                "night-time",
            ],
        }
    ),
    lambda a: a.dark,
    Both("light: donker (of time_of_day: nacht)", "light: donker (or time_of_day: nacht)"),
)
DUSK = Claim(
    "C191",
    PhraseList.of(
        {
            # 'vanavond' or 'this evening' in the afternoon is about later; these say what it is now.
            "nl": ["schemer*", "avondschemer*", "het is avond", "het wordt donker", "avondlicht"],
            "en": ["dusk", "twilight", "getting dark", "it is evening"],
        }
    ),
    lambda a: a.lamps_on or a.time_of_day in (TimeOfDay.AVOND, TimeOfDay.NACHT),
    Both("time_of_day: avond (of light: schemering)", "time_of_day: avond (or light: schemering)"),
)
LAMPS = Claim(
    "C191",
    # A lamp post is there by day too ('leunt tegen de lantaarnpaal'): only lamps that shine are a claim.
    PhraseList.of(
        {
            "nl": [
                "lampen branden",
                "lantaarns branden",
                "lantaarn brandt",
                "straatverlichting brandt",
                "straatverlichting is aan",
                "lantaarnlicht",
                "licht van de lantaarn*",
                "licht van de straatlantaarn*",
                "onder de lantaarn",
            ],
            "en": [
                "lamps are lit",
                "lamps are on",
                "street lights are on",
                "lamplight",
                "under the street lamp",
            ],
        }
    ),
    lambda a: a.lamps_on,
    Both("light: schemering of donker", "light: schemering or donker"),
)
SUNNY = Claim(
    "C193",
    PhraseList.of(
        {
            "nl": [
                "zonnig*",
                "zon schijnt",
                "zonneschijn",
                "zonlicht",
                "in de zon",
                "klaarlichte dag",
                "strakblauw*",
            ],
            "en": ["sunny", "sunshine", "sunlight", "sun is shining", "broad daylight", "clear sky"],
        }
    ),
    lambda a: a.weather == Weather.DROOG and a.light == Daylight.DAGLICHT,
    Both("weather: droog en light: daglicht", "weather: droog and light: daglicht"),
)
DRY = Claim(
    "C193",
    PhraseList.of(
        {"nl": ["droog weer", "het is droog", "het is weer droog"], "en": ["dry weather", "it is dry"]}
    ),
    lambda a: not a.wet,
    Both("weather: droog", "weather: droog"),
)
CLAIMS = (RAIN, FOG, DARK, DUSK, LAMPS, SUNNY, DRY)
WHAT = {
    "C190": Both("regen of nattigheid", "rain or wet"),
    "C191": Both("donker, avond of licht van lantaarns", "dark, evening or lamplight"),
    "C192": Both("mist", "fog"),
    "C193": Both("zon of droog weer", "sun or dry weather"),
}


def atmosphere_findings(scenario: Scenario, texts: Iterable[TextPlace]) -> Iterator[Finding]:
    """C190 rain, C191 dark or dusk, C192 fog: said, not drawn; C193 sun or dry said, but wet or dark.

    `texts` are the scenario's texts with their paths (`LoadedScenario.texts`, walked once per load)."""
    pictured = node_atmospheres(scenario)
    everywhere = {setting_atmosphere(scenario.setting), *pictured.values()}
    # An ending has no picture of its own: it looks back on the whole scenario; so do the texts outside
    # the nodes (summary, briefing, reflection).
    scopes = {node_id: {atmosphere} for node_id, atmosphere in pictured.items()}
    for text, path in texts:
        if _may_claim(text):
            scope = scopes.get(str(path[1]), everywhere) if path[0] == "nodes" else everywhere
            yield from _claims_in(text, path, scope)


# A text can only make a claim if it contains the first word of one of its phrases: one search for those
# plain words (no look-arounds, on the lowercased text) rejects most texts before the exact phrases run.
_FIRST_WORDS = {
    lang: re.compile(
        "|".join(
            sorted(
                {
                    re.escape(p.rstrip("*").split()[0].lower())
                    for c in CLAIMS
                    for p, _ in c.phrases.patterns[lang]
                }
            )
        )
    )
    for lang in ("nl", "en")
}


def _may_claim(text: Text) -> bool:
    return bool(
        _FIRST_WORDS["nl"].search(text.nl.lower())
        or (text.en is not None and _FIRST_WORDS["en"].search(text.en.lower()))
    )


def _claims_in(text: Text, path: Path, scope: set[Atmosphere]) -> Iterator[Finding]:
    seen: set[str] = set()
    for claim in CLAIMS:
        if claim.code in seen:
            continue
        for lang in ("nl", "en"):
            value = text.nl if lang == "nl" else text.en
            phrase = claim.phrases.find(value, lang) if value else None
            if phrase is None:
                continue
            # Reported only when no scene in scope agrees: rain is missing when none is wet.
            if not any(claim.agrees(a) for a in scope):
                short = value if value is not None and len(value) <= 60 else (value or "")[:57] + "..."
                yield (
                    claim.code,
                    (*path, lang),
                    {
                        "phrase": phrase.rstrip("*"),
                        "text": short,
                        "what": WHAT[claim.code],
                        "fix": claim.fix,
                    },
                )
                seen.add(claim.code)
            break
