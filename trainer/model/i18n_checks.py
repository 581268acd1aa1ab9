"""Translation findings: ids that repeat (C161) and translations made from an older Dutch text (C160).

Untranslated texts are C114 (in `checks`). A translation's Dutch source is known only where `trainer i18n
import` wrote `nl_hash:` beside it; without one nothing is claimed (no warning).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from trainer.model.scenario import Scenario
from trainer.model.text import source_hash
from trainer.model.text_ids import duplicates, text_entries
from trainer.model.text_walk import TextPlace
from trainer.model.yaml_source import Path, SourceMap

Finding = tuple[str, Path, dict[str, Any]]


def _short(text: str) -> str:
    return text if len(text) <= 40 else text[:37] + "..."


def translation_findings(
    scenario: Scenario, smap: SourceMap, places: list[TextPlace] | None = None
) -> Iterator[Finding]:
    """C160 for every stale translation, C161 for every repeated text id (`places`: the scenario's texts,
    when the caller has walked them already)."""
    # Both need a written nl_hash or tid; most files have neither, and a text search is much cheaper than
    # walking every text (which `trainer check` would pay on every file).
    if not (smap.mentions("nl_hash") or smap.mentions("tid")):
        return
    entries = text_entries(scenario, places)
    for entry in entries:
        text = entry.text
        if text.en is not None and text.nl_hash is not None and text.nl_hash != source_hash(text.nl):
            yield "C160", (*entry.path, "en"), {"text": _short(text.nl), "id": entry.id}
    # Two derived ids repeat only when two list items share an id, which C115/C119/C127 already report;
    # C161 is about a written tid, so it is reported at the tid.
    for first, later in duplicates(entries):
        if later.written:
            yield "C161", (*later.path, "tid"), {"id": later.id, "other_line": smap.value_pos(first.path)[0]}
        elif first.written:
            yield "C161", (*first.path, "tid"), {"id": first.id, "other_line": smap.value_pos(later.path)[0]}
