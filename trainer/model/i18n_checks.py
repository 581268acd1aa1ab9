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
from trainer.model.yaml_source import Path, SourceMap

Finding = tuple[str, Path, dict[str, Any]]


def _short(text: str) -> str:
    return text if len(text) <= 40 else text[:37] + "..."


def translation_findings(scenario: Scenario, smap: SourceMap) -> Iterator[Finding]:
    """C160 for every stale translation, C161 for every repeated text id."""
    # Both need a written nl_hash or tid; most files have neither, and the key scan is much cheaper than
    # walking every text (which `trainer check` would pay on every file).
    if not any(key[-1] in ("nl_hash", "tid") for key in smap.keys):
        return
    entries = text_entries(scenario)
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
