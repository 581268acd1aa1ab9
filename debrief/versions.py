"""Several snapshots of one scenario in one conversation: the same choice graph, or a one-line difference.

An instructor who fixes a word between two sessions (same id, same or new version) changes the text, not the
choices: the debrief then folds every session against the newest snapshot and says so on the sheet. When the
choices themselves differ (ids, steps, assessments, targets, conditions, effects, ending outcomes), their
figures cannot be added up, and the first difference is named in one line.
"""

from __future__ import annotations

from trainer.model.scenario import Scenario
from trainer.model.signature import signature


def difference(old: Scenario, new: Scenario, lang: str) -> str | None:
    """None when the choice graphs are equal, else the first difference in words."""
    a, b = signature(old), signature(new)
    en = lang == "en"
    if old.start != new.start:
        return "another start node" if en else "een ander beginpunt"
    for node_id in sorted(a.keys() | b.keys()):
        if node_id not in b:
            return f"node '{node_id}' removed" if en else f"knooppunt '{node_id}' verwijderd"
        if node_id not in a:
            return f"node '{node_id}' added" if en else f"knooppunt '{node_id}' toegevoegd"
        if a[node_id] == b[node_id]:
            continue
        ca = {c[0]: c for c in a[node_id][1]}
        cb = {c[0]: c for c in b[node_id][1]}
        for cid in sorted(ca.keys() | cb.keys()):
            if cid not in cb:
                return f"choice '{node_id}.{cid}' removed" if en else f"keuze '{node_id}.{cid}' verwijderd"
            if cid not in ca:
                return f"choice '{node_id}.{cid}' added" if en else f"keuze '{node_id}.{cid}' toegevoegd"
            fields = ("id", "stap", "beoordeling", "doel", "voorwaarden", "effecten")
            if en:
                fields = ("id", "step", "assessment", "target", "conditions", "effects")
            for i, name in enumerate(fields):
                if ca[cid][i] != cb[cid][i]:
                    shown = f": {ca[cid][i]} → {cb[cid][i]}" if i in (1, 2, 3) else ""
                    return (
                        f"choice '{node_id}.{cid}': {name} changed{shown}"
                        if en
                        else f"keuze '{node_id}.{cid}': {name} gewijzigd{shown}"
                    )
        return f"node '{node_id}' changed" if en else f"knooppunt '{node_id}' gewijzigd"
    return None
