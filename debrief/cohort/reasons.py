"""What a written registration reason names: a fact, a legal basis, both, or nothing.

A small documented classifier, not a language model: a reason *names a fact* when it contains a word for
something an officer can see, hear or look up (riding without lights, a phone in the hand, a report, a
description, a time or place); it *names a power* when it cites a legal basis (an article, a law or rule by
name: WVW 160, Politiewet, APV, WAHV). A reason that only says "viel me op", "routinecontrole" or "geen
aanhouding" names neither. Words are matched at the start of a word, case-insensitively, so "fietste" and
"fietsen" both match "fiets". The lists are in this module so a reader of the report can check them
(the codebook repeats them).
"""

from __future__ import annotations

import re
from enum import StrEnum


class ReasonKind(StrEnum):
    FACT = "fact"
    POWER = "power"
    BOTH = "both"
    NOTHING = "nothing"


FACT_WORDS: tuple[str, ...] = (
    # behaviour and traffic facts seen on the spot
    "fiets",
    "reed",
    "rijd",
    "rijdt",
    "slinger",
    "snelheid",
    "te hard",
    "door rood",
    "zonder licht",
    "verlichting",
    "achterlicht",
    "voorlicht",
    "licht kapot",
    "lampje",
    "telefoon",
    "voorband",
    "kenteken",
    "stoep",
    "draaiende motor",
    "geparkeerd",
    "alcohol",
    "blikje",
    "muziek",
    "keek om",
    "omkeek",
    "omdraai",
    "draaide om",
    "rende",
    "renn",
    "wegliep",
    "weglopen",
    "verstopte",
    "verstop",
    "gooide",
    "mes",
    "wapen",
    "vuurwerk",
    "gedrag",
    "gedroeg",
    # information and circumstances
    "melding",
    "meldkamer",
    "signalement",
    "getuige",
    "aangifte",
    "meos",
    "eerdere controle",
    "tijdstip",
    "uur",
    "'s nachts",
    "nacht",
    "richting",
    "overval",
    "inbra",
    "zakkenrol",
    "contant",
    "bagage",
    "grensovergang",
    "trein",
)
POWER_WORDS: tuple[str, ...] = (
    "art.",
    "art ",
    "artikel",
    "wvw",
    "wegenverkeerswet",
    "politiewet",
    "vreemdelingenwet",
    "vw ",
    "wid",
    "wet op de identificatieplicht",
    "wwm",
    "wet wapens",
    "sv ",
    "sv.",
    "strafvordering",
    "wahv",
    "apv",
    "rvv",
    "bevoegdheid",
    "mtv",
    "veiligheidsrisicogebied",
    "identificatieplicht",
)

_FACT = re.compile(r"(?<![a-z0-9])(?:" + "|".join(re.escape(w) for w in FACT_WORDS) + ")", re.IGNORECASE)
_POWER = re.compile(r"(?<![a-z0-9])(?:" + "|".join(re.escape(w) for w in POWER_WORDS) + ")", re.IGNORECASE)
_ARTICLE_NUMBER = re.compile(r"\b(?:160|50|51|52|53|7\s*lid\s*3|7\(3\))\b")


def classify(reason: str) -> ReasonKind:
    """Which of fact / power / both / nothing a written reason names (an empty reason names nothing)."""
    text = " ".join(reason.split()).lower() + " "
    fact = _FACT.search(text) is not None
    power = _POWER.search(text) is not None or (_ARTICLE_NUMBER.search(text) is not None and "art" in text)
    if fact and power:
        return ReasonKind.BOTH
    if fact:
        return ReasonKind.FACT
    if power:
        return ReasonKind.POWER
    return ReasonKind.NOTHING
