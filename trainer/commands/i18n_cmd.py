"""`trainer i18n export|import`: a translator's round trip through a gettext PO file."""

from __future__ import annotations

import sys
from pathlib import Path

from trainer.commands.common import EXIT_OK, UserError, print_out
from trainer.commands.outfile import write_replacing
from trainer.i18n.po import PoError, parse_po, write_po
from trainer.i18n.roundtrip import ImportError_, export_po, merge
from trainer.i18n.yaml_edit import EditError
from trainer.model.diagnostics import ScenarioError
from trainer.model.loader import LoadedScenario, load_scenario_text, read_scenario_bytes
from trainer.model.text import tr


def _load(path: str, lang: str) -> tuple[LoadedScenario, str]:
    try:
        text = read_scenario_bytes(Path(path), path)
        return load_scenario_text(text, path), text
    except ScenarioError as exc:
        raise UserError(exc.diagnostics[0].format("nl"), exc.diagnostics[0].format("en")) from None


def export(scenario: str, output: str, lang: str) -> int:
    """Write the PO file (or print it with `-o -`)."""
    loaded, _text = _load(scenario, lang)
    po = export_po(loaded, scenario)
    data = write_po(po)
    if output == "-":
        sys.stdout.write(data)
        return EXIT_OK
    if Path(output).resolve() == Path(scenario).resolve():
        suggestion = f"{Path(scenario).stem}.en.po"
        raise UserError(
            f"{output}: dat is het scenario zelf; het wordt niet overschreven (tip: -o {suggestion})",
            f"{output}: that is the scenario itself; it is not overwritten (hint: -o {suggestion})",
        )
    write_replacing(Path(output), data.encode("utf-8"))
    total = len(po.entries)
    missing = sum(1 for e in po.entries if not e.translation)
    fuzzy = sum(1 for e in po.entries if e.fuzzy)
    line = tr(
        "{out}: {total} teksten, {missing} nog niet vertaald, {fuzzy} verouderd (fuzzy)",
        "{out}: {total} texts, {missing} not yet translated, {fuzzy} out of date (fuzzy)",
        lang,
    )
    print_out(line.format(out=output, total=total, missing=missing, fuzzy=fuzzy))
    return EXIT_OK


def _read_po(path: str) -> str:
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise UserError(
            f"{path}: niet te lezen ({exc.strerror})", f"{path}: cannot be read ({exc.strerror})"
        ) from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise UserError(
            f"{path}:{line}:{col}: fout: geen geldige UTF-8-tekst (tip: sla het bestand op als UTF-8)",
            f"{path}:{line}:{col}: error: not valid UTF-8 text (hint: save the file as UTF-8)",
        ) from None


def _as_written(text: str, original: Path) -> bytes:
    """The new text with the original file's byte-order mark and line endings (Windows editors keep CRLF)."""
    head = original.read_bytes()[:4096]
    if b"\r\n" in head:
        text = text.replace("\r\n", "\n").replace("\n", "\r\n")
    data = text.encode("utf-8")
    return b"\xef\xbb\xbf" + data if head.startswith(b"\xef\xbb\xbf") else data


def import_(po_path: str, scenario: str, lang: str, dry_run: bool = False) -> int:
    """Merge a PO file's translations into the scenario file, in place."""
    try:
        po = parse_po(_read_po(po_path), po_path)
    except PoError as exc:
        raise UserError(exc.nl, exc.en) from None
    if po.language not in ("", "en"):
        raise UserError(
            f"{po_path}:1:1: fout: dit is een vertaling naar '{po.language}'; scenario's hebben alleen "
            "Engels naast het Nederlands (tip: Language: en in de kop)",
            f"{po_path}:1:1: error: this translates into '{po.language}'; scenarios hold only English beside "
            "Dutch (hint: Language: en in the header)",
        )
    loaded, text = _load(scenario, lang)
    try:
        result = merge(loaded, text, po)
    except (ImportError_, EditError) as exc:
        raise UserError(
            f"{scenario}: de vertalingen konden niet veilig worden ingevoegd; het bestand is niet gewijzigd "
            f"({exc})",
            f"{scenario}: the translations could not be merged safely; the file is unchanged ({exc})",
        ) from None
    rep = result.report
    if result.text != text and not dry_run:
        write_replacing(Path(scenario), _as_written(result.text, Path(scenario)))
    summary = tr(
        "{file}: {written} vertaling(en) ingevoegd, {unchanged} ongewijzigd, {empty} leeg, "
        "{fuzzy} fuzzy overgeslagen, {stale} verouderd, {unknown} onbekend",
        "{file}: {written} translation(s) merged, {unchanged} unchanged, {empty} empty, "
        "{fuzzy} fuzzy skipped, {stale} out of date, {unknown} unknown",
        lang,
    )
    print_out(
        summary.format(
            file=scenario,
            written=len(rep.written),
            unchanged=rep.unchanged,
            empty=rep.empty,
            fuzzy=len(rep.fuzzy),
            stale=len(rep.stale),
            unknown=len(rep.unknown),
        )
    )
    for old, new in rep.moved:
        print_out(
            tr("  verplaatst: {old} -> {new}", "  moved: {old} -> {new}", lang).format(old=old, new=new)
        )
    for tid, line in rep.stale:
        msg = tr(
            "  {file}:{line}: {id}: de Nederlandse tekst is veranderd sinds de export; de vertaling is "
            "ingevoegd en gemarkeerd als verouderd (trainer check: C160)",
            "  {file}:{line}: {id}: the Dutch text changed since the export; the translation was merged and "
            "marked out of date (trainer check: C160)",
            lang,
        )
        print_out(msg.format(file=scenario, line=line, id=tid))
    for tid in rep.unknown:
        msg = tr(
            "  {id}: deze tekst staat niet (meer) in het scenario; overgeslagen",
            "  {id}: this text is not (or no longer) in the scenario; skipped",
            lang,
        )
        print_out(msg.format(id=tid))
    for tid, taken in rep.doubled:
        msg = tr(
            "  {id}: hoort bij dezelfde tekst als een eerder blok ({taken}); overgeslagen",
            "  {id}: belongs to the same text as an earlier entry ({taken}); skipped",
            lang,
        )
        print_out(msg.format(id=tid, taken=taken))
    for tid in rep.fuzzy:
        msg = tr(
            "  {id}: nog als fuzzy gemarkeerd; overgeslagen (haal '#, fuzzy' weg als de vertaling klopt)",
            "  {id}: still marked fuzzy; skipped (remove '#, fuzzy' when the translation is right)",
            lang,
        )
        print_out(msg.format(id=tid))
    return EXIT_OK
