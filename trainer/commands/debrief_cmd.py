"""`trainer debrief (--group LABEL | SESSION_ID... | BUNDLE.json...) [--sheet group|individual|guide]
[--format html|md|pdf] [-o FILE] [--names]`: the conversation sheet from the records."""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

from debrief.errors import DebriefError, message
from debrief.render import render_html, render_markdown, render_pdf
from debrief.sheet import Sheet
from debrief.sources import GroupInfo, SessionRecord, assemble, from_bundles, from_store
from debrief.summary import fold
from trainer.commands.common import UserError, print_err
from trainer.commands.outfile import refuse_records_target, write_replacing
from trainer.commands.records_opts import db_path, is_server_url, open_reader, open_store
from trainer.model.scenario import Scenario
from trainer.model.visible import visible
from trainer.records import RecordsError

EXTENSIONS = {"html": "html", "md": "md", "pdf": "pdf"}
PREFIX = {
    "group": "nabespreking",
    "leader": "nabespreking-gespreksleider",
    "individual": "persoonlijk",
    "guide": "gespreksleider",
}


def _is_bundle(arg: str) -> bool:
    return arg.lower().endswith(".json") or Path(arg).is_file()


def _collect(
    args: argparse.Namespace, lang: str
) -> tuple[list[SessionRecord], dict[str, Scenario], list[GroupInfo]]:
    bundles = [Path(a) for a in args.inputs if _is_bundle(a)]
    refs = [a for a in args.inputs if not _is_bundle(a)]
    if refs and args.group is not None:
        raise DebriefError(message("group_and_ids", lang))
    records: list[SessionRecord] = []
    scenarios: dict[str, Scenario] = {}
    groups: list[GroupInfo] = []
    if bundles:
        records, scenarios, groups = from_bundles(bundles, group=args.group, lang=lang)
    if refs or (args.group is not None and not bundles):
        with open_reader(args.db, must_exist=True) as store:
            more, known, found = from_store(
                store, group=args.group if not bundles else None, refs=refs, lang=lang
            )
        records += more
        scenarios.update(known)
        groups += [g for g in found if g not in groups]
    return records, scenarios, groups


def build_sheet(args: argparse.Namespace, lang: str) -> Sheet | None:
    """The sheet data, or None for a guide asked for without records."""
    if not args.inputs and args.group is None:
        if args.sheet == "guide":
            return None
        raise DebriefError(message("no_sessions", lang))
    material = assemble(*_collect(args, lang), lang=lang)
    for warning in material.warnings:
        print_err(warning)
    return fold(material, lang=lang, names=args.names)


def _default_name(sheet: Sheet | None, kind: str, fmt: str) -> Path:
    label = (sheet.group_label or sheet.scenario_id) if sheet else "algemeen"
    slug = re.sub(r"[^A-Za-z0-9._-]+", "-", label).strip("-") or "blad"
    return Path(f"{PREFIX[kind]}-{slug}.{EXTENSIONS[fmt]}")


def present(args: argparse.Namespace, lang: str) -> int:
    """The debrief on the projector: the same sources as the sheet, always anonymous; the commitments the
    gespreksleider types are saved with the group (from the records store) and printed on the sheet."""
    try:
        sheet = build_sheet(args, lang)
    except DebriefError as exc:
        raise UserError(str(exc)) from None
    if sheet is None:
        raise UserError(message("no_sessions", lang))
    from debrief.slides import build
    from debrief.words import Words

    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    from trainer.ui.present.window import NoDisplayError  # pygame only for a window
    from trainer.ui.present.window import present as show

    label = sheet.group_label
    stored = label is not None and args.group is not None and not any(_is_bundle(a) for a in args.inputs)

    def save(texts: list[str]) -> None:
        assert label is not None
        if is_server_url(args.db):  # the group's records are on the server: its commitments go there too
            from trainer.records.server_groups import save_commitments
            from trainer.records.server_read import ServerReader

            with ServerReader(args.db) as reader:
                save_commitments(reader.server, label, texts)
            return
        with open_store(args.db, must_exist=True) as store:
            store.save_commitments(label, texts)

    try:
        said = show(
            build(sheet, Words(lang)), lang, commitments=sheet.commitments, save=save if stored else None
        )
    except NoDisplayError as exc:
        raise UserError(message("no_display", lang, problem=exc)) from None
    except RecordsError as exc:
        raise UserError(str(exc)) from None
    if said and not stored:
        print_err(message("commitments_not_saved", lang))
        for text in said:
            print_err(f"- {text}")
    elif said:
        print_err(message("commitments_saved", lang, n=len(said), label=label))
    return 0


def _render(sheet: Sheet | None, kind: str, fmt: str, lang: str, person: int | None = None) -> bytes:
    if fmt == "md":
        return render_markdown(sheet, kind, lang, person=person).encode("utf-8")
    html = render_html(sheet, kind, lang, person=person)
    return render_pdf(html, lang) if fmt == "pdf" else html.encode("utf-8")


def _individual(sheet: Sheet, args: argparse.Namespace, lang: str) -> int:
    """One file per trainee (its own page numbers), in the folder -o names (default: here)."""
    folder = Path(args.output) if args.output else Path(".")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DebriefError(message("cannot_write", lang, path=folder, problem=exc.strerror or exc)) from None
    stem = _default_name(sheet, "individual", args.format).stem
    for i, person in enumerate(sheet.participants):
        code = re.sub(r"[^A-Za-z0-9._-]+", "-", person.code)
        target = folder / f"{stem}-{code}.{EXTENSIONS[args.format]}"
        write_replacing(target, _render(sheet, "individual", args.format, lang, i))
    print_err(message("written_individual", lang, n=len(sheet.participants), path=folder))
    return 0


def run(args: argparse.Namespace, lang: str) -> int:
    """Build and write one sheet; bad input becomes a one-line UserError (exit 2)."""
    if getattr(args, "present", False):
        return present(args, lang)
    try:
        kind, fmt = args.sheet, args.format
        if args.output not in (None, "-") and not is_server_url(args.db):
            refuse_records_target(args.output, db_path(args.db))
        if fmt == "pdf" and args.output == "-":
            raise DebriefError(message("pdf_stdout", lang))
        sheet = build_sheet(args, lang)
        if kind == "individual" and sheet is not None and args.output != "-":
            return _individual(sheet, args, lang)
        if fmt == "md":
            data = render_markdown(sheet, kind, lang).encode("utf-8")
        else:
            html = render_html(sheet, kind, lang)
            data = render_pdf(html, lang) if fmt == "pdf" else html.encode("utf-8")
        if args.output == "-":
            sys.stdout.buffer.write(visible(data.decode("utf-8"), keep="\n\t").encode("utf-8"))
            sys.stdout.flush()
            return 0
        target = Path(args.output) if args.output else _default_name(sheet, kind, fmt)
        write_replacing(target, data)
    except DebriefError as exc:
        raise UserError(str(exc)) from None
    print_err(message("written", lang, path=target))
    return 0
