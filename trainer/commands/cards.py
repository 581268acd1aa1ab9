"""The picker's cards for scenario files, kept in a small cache keyed by each file's content.

Loading and checking all bundled scenarios took most of the window's launch; the picker needs only a title,
a place, a time of day and a duration. A card is read from the cache when the file's bytes hash to a known
key, and otherwise from the file itself (loaded, not checked: the full check runs when the scenario is picked,
so its error messages appear there). The cache is versioned; a damaged or foreign file is ignored and
rewritten, a stale entry (the file changed) is never used, and a cache that cannot be written costs only time.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from trainer.model.card import TIMES_OF_DAY, ScenarioCard

FORMAT = 1  # bump when a card's fields or their meaning change: older caches are then refused
CACHE_FILE = "picker-cards.json"
_KEY = re.compile(r"[0-9a-f]{64}")


def scenario_cards(paths: Sequence[Path], cache_dir: Path | None) -> list[ScenarioCard]:
    """A card per file, in order. `cache_dir` None: no cache (every file is loaded)."""
    cache = cache_dir / CACHE_FILE if cache_dir is not None else None
    known = _read(cache) if cache is not None else {}
    out: list[ScenarioCard] = []
    keep: dict[str, ScenarioCard] = {}
    for path in paths:
        try:
            key = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError:
            out.append(unreadable(path))  # picking it says why, with the loader's own message
            continue
        card = known.get(key)
        card = replace(card, path=str(path)) if card is not None else card_of_file(path)
        if card.readable:
            keep[key] = card
        out.append(card)
    if cache is not None and keep.keys() != known.keys():
        _write(cache, keep)
    return out


def card_of_file(path: Path) -> ScenarioCard:
    """The card of a file read in full (validated, not checked); an unreadable file gets a placeholder."""
    from trainer.model.diagnostics import ScenarioError  # the loader only on a cache miss
    from trainer.model.loader import load_scenario

    try:
        scenario = load_scenario(path).scenario
    except ScenarioError:
        return unreadable(path)
    return ScenarioCard(
        path=str(path),
        scenario_id=scenario.id,
        title=(scenario.title.nl, scenario.title.en),
        place=(scenario.setting.place.nl, scenario.setting.place.en),
        time_of_day=scenario.setting.time_of_day.value,
        duration_minutes=scenario.duration_minutes,
    )


def unreadable(path: Path) -> ScenarioCard:
    return ScenarioCard(str(path), None, (path.stem, None), ("", None), None, None)


def _read(cache: Path) -> dict[str, ScenarioCard]:
    """The cached cards by content key; empty when the file is missing, damaged or of another format."""
    try:
        data = json.loads(cache.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("cards"), dict):
        return {}
    out: dict[str, ScenarioCard] = {}
    for key, entry in data["cards"].items():
        card = _card(key, entry)
        if card is None:
            return {}  # one bad entry: trust none of it
        out[key] = card
    return out


def _pair(value: Any) -> tuple[str, str | None] | None:
    if not isinstance(value, list) or len(value) != 2:
        return None
    nl, en = value
    if not isinstance(nl, str) or not nl or not (en is None or (isinstance(en, str) and en)):
        return None
    return nl, en


def _card(key: Any, entry: Any) -> ScenarioCard | None:
    if not isinstance(key, str) or not _KEY.fullmatch(key) or not isinstance(entry, dict):
        return None
    if set(entry) != {"id", "title", "place", "time_of_day", "duration_minutes"}:
        return None
    title, place, duration = _pair(entry["title"]), _pair(entry["place"]), entry["duration_minutes"]
    if title is None or place is None or not isinstance(entry["id"], str) or not entry["id"]:
        return None
    if entry["time_of_day"] not in TIMES_OF_DAY:
        return None
    if type(duration) is not int or not 1 <= duration <= 120:
        return None
    return ScenarioCard("", entry["id"], title, place, entry["time_of_day"], duration)


def _write(cache: Path, cards: dict[str, ScenarioCard]) -> None:
    data = {
        "format": FORMAT,
        "cards": {
            key: {
                "id": c.scenario_id,
                "title": list(c.title),
                "place": list(c.place),
                "time_of_day": c.time_of_day,
                "duration_minutes": c.duration_minutes,
            }
            for key, c in sorted(cards.items())
        },
    }
    tmp = cache.with_name(f"{cache.name}.{os.getpid()}.tmp")
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        os.replace(tmp, cache)  # whole or not at all: two windows starting at once never mix their writes
    except OSError:  # a read-only home: the picker still works, it only loads the files
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
