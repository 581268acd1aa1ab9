"""Export a scenario's texts for a translator, and merge the translations back into the scenario file.

Export: one PO entry per text (msgctxt = stable id, msgid = Dutch, msgstr = current English), marked fuzzy
when the English was made from an older Dutch text. Import matches entries by id, checks the Dutch the
translator saw against the Dutch in the file, writes `en:` and `nl_hash:` (the fingerprint of the Dutch the
translation was made from) in place, and proves the result by loading it again.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from trainer.i18n.po import PoEntry, PoFile
from trainer.i18n.yaml_edit import Translation, apply_translations
from trainer.model.diagnostics import ScenarioError
from trainer.model.loader import LoadedScenario, load_scenario_text
from trainer.model.scenario import Line
from trainer.model.text import source_hash
from trainer.model.text_ids import TextEntry, text_entries


def _same(a: str, b: str) -> bool:
    """Equal up to line breaks and runs of spaces (how a text is wrapped in the editor does not count)."""
    return a.split() == b.split()


def stale(entry: TextEntry) -> bool:
    """English made from a Dutch text that has changed since (only known where nl_hash was written)."""
    text = entry.text
    return text.en is not None and text.nl_hash is not None and text.nl_hash != source_hash(text.nl)


def _speaker(loaded: LoadedScenario, entry: TextEntry) -> str | None:
    """The speaker's name for a line of dialogue, as a note for the translator."""
    if len(entry.path) < 2 or entry.path[-1] != "text":
        return None
    obj: object = loaded.scenario
    for step in entry.path[:-1]:
        obj = obj[step] if isinstance(obj, (list, dict)) else getattr(obj, str(step), None)  # type: ignore[index]
    if not isinstance(obj, Line):
        return None
    cast = {c.id: c for c in loaded.scenario.cast}
    member = cast.get(obj.speaker)
    return f"{member.name.nl} ({member.role.nl})" if member else obj.speaker


def export_po(loaded: LoadedScenario, shown_path: str) -> PoFile:
    """Every text of the scenario as a PO entry, in file order."""
    entries = sorted(text_entries(loaded.scenario), key=lambda e: loaded.source.value_pos(e.path))
    out: list[PoEntry] = []
    for entry in entries:
        line = loaded.source.value_pos(entry.path)[0]
        comments = []
        speaker = _speaker(loaded, entry)
        if speaker:
            comments.append(f"spreker: {speaker}")
        if stale(entry):
            comments.append("de Nederlandse tekst is veranderd sinds deze vertaling")
        out.append(
            PoEntry(
                context=entry.id,
                source=entry.text.nl,
                translation=entry.text.en or "",
                fuzzy=stale(entry),
                references=[f"{shown_path}:{line}"],
                comments=comments,
            )
        )
    headers = {"Project-Id-Version": f"{loaded.scenario.id} {loaded.scenario.version}"}
    return PoFile("en", out, headers)


@dataclass
class ImportReport:
    """What an import did, for one summary line and a list of details."""

    written: list[str] = field(default_factory=list)  # ids whose English was written
    unchanged: int = 0
    stale: list[tuple[str, int]] = field(default_factory=list)  # (id, line): Dutch changed since export
    moved: list[tuple[str, str]] = field(default_factory=list)  # (id in PO, id found by its Dutch)
    fuzzy: list[str] = field(default_factory=list)
    empty: int = 0
    unknown: list[str] = field(default_factory=list)
    doubled: list[tuple[str, str]] = field(default_factory=list)  # (id in PO, text an earlier entry filled)


@dataclass
class ImportResult:
    text: str
    report: ImportReport


class ImportError_(Exception):  # noqa: N801 - not the builtin ImportError
    """The merged file did not load back as expected: nothing may be written."""


def merge(loaded: LoadedScenario, original: str, po: PoFile) -> ImportResult:
    """Merge the PO file's translations into the scenario text; the new text and what happened."""
    report = ImportReport()
    entries = text_entries(loaded.scenario)
    by_id = {e.id: e for e in entries}
    by_dutch: dict[str, list[TextEntry]] = {}
    for e in entries:
        by_dutch.setdefault(" ".join(e.text.nl.split()), []).append(e)
    targets: dict[str, tuple[TextEntry, str, str]] = {}  # id -> (entry, english, hash of its Dutch source)
    for po_entry in po.entries:
        english = po_entry.translation
        if not english.strip():
            report.empty += 1
            continue
        if po_entry.fuzzy:
            report.fuzzy.append(po_entry.context)
            continue
        target = by_id.get(po_entry.context)
        if target is None or not _same(target.text.nl, po_entry.source):
            # The text may have moved (an inserted line renumbers the ones after it): its Dutch finds it.
            found = by_dutch.get(" ".join(po_entry.source.split()), [])
            if len(found) == 1 and found[0].id not in targets:
                report.moved.append((po_entry.context, found[0].id))
                target = found[0]
            elif len(found) == 1 and target is None:
                target = found[0]  # its text was already filled by an earlier entry: reported below
        if target is None:
            report.unknown.append(po_entry.context)
            continue
        if target.id in targets:
            report.doubled.append((po_entry.context, target.id))  # an earlier entry already went here
            continue
        nl_hash = source_hash(po_entry.source)
        if not _same(target.text.nl, po_entry.source):
            report.stale.append((target.id, loaded.source.value_pos(target.path)[0]))
        elif target.text.en == english and target.text.nl_hash == nl_hash:
            report.unchanged += 1
            continue
        targets[target.id] = (target, english, nl_hash)
    translations = [Translation(e.path, en, h, keep_en=e.text.en == en) for e, en, h in targets.values()]
    report.written = [t for t in targets if t not in {s for s, _ in report.stale}]
    if not translations:
        return ImportResult(original, report)
    new_text = apply_translations(original, translations)
    _verify(loaded, new_text, targets)
    return ImportResult(new_text, report)


def _verify(loaded: LoadedScenario, new_text: str, targets: dict[str, tuple[TextEntry, str, str]]) -> None:
    """The edited file loads, every target holds its new English and hash, and nothing else changed."""
    try:
        again = load_scenario_text(new_text, loaded.path)
    except ScenarioError as exc:
        raise ImportError_(exc.diagnostics[0].format()) from None
    before = {e.id: e.text for e in text_entries(loaded.scenario)}
    after = {e.id: e.text for e in text_entries(again.scenario)}
    if before.keys() != after.keys():
        raise ImportError_("text ids changed")
    for tid, old in before.items():
        new = after[tid]
        if tid in targets:
            _entry, english, nl_hash = targets[tid]
            expected = old.model_copy(update={"en": english, "nl_hash": nl_hash})
            if new != expected:
                raise ImportError_(f"{tid}: {new!r} != {expected!r}")
        elif new != old:
            raise ImportError_(f"{tid} changed")
    strip = {"en", "nl_hash"}
    a = loaded.scenario.model_dump(exclude=None)
    b = again.scenario.model_dump(exclude=None)
    if _without(a, strip) != _without(b, strip):
        raise ImportError_("something besides the translations changed")


def _without(data: object, keys: set[str]) -> object:
    if isinstance(data, dict):
        return {k: _without(v, keys) for k, v in data.items() if k not in keys}
    if isinstance(data, list):
        return [_without(v, keys) for v in data]
    return data
