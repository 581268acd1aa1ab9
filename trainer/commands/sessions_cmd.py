"""`trainer sessions list | show | replay | export | import | purge | resume`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from trainer.commands.common import UserError, print_out
from trainer.commands.outfile import refuse_records_target, write_replacing
from trainer.commands.records_opts import db_path, is_server_url, open_reader, open_store
from trainer.engine.events import ChoiceMade
from trainer.engine.transcript import transcript
from trainer.model.diagnostics import ScenarioError
from trainer.model.loader import load_scenario
from trainer.paths import bundled_scenarios
from trainer.records import RecordsError, RecordStore
from trainer.records.bundle import export_bundle, import_bundle
from trainer.records.reader import RecordReader
from trainer.records.resume import rebuild, recorded_events
from trainer.records.server import ServerUnavailable
from trainer.records.server_groups import delete_sessions, purge_ids
from trainer.records.server_import import import_to_server
from trainer.records.server_read import ServerReader


def _bundled_hashes() -> set[str]:
    hashes = set()
    for path in bundled_scenarios():
        try:
            hashes.add(load_scenario(path).content_hash)
        except ScenarioError:
            continue
    return hashes


def list_sessions(
    store: RecordReader, group: str | None, trainee: str | None, status: str | None, lang: str
) -> int:
    rows = store.sessions(group=group, trainee=trainee, status=status)
    head = ("id", "trainee", "groep" if lang != "en" else "group", "scenario", "status", "start", "#")
    print(f"{head[0]:<8}  {head[1]:<12} {head[2]:<16} {head[3]:<30} {head[4]:<9} {head[5]:<19} {head[6]:>4}")
    for r in rows:
        status_word = {"active": "open", "finished": "klaar" if lang != "en" else "done"}[r.status]
        print_out(
            f"{r.id[:8]:<8}  {r.trainee_code:<12} {(r.group_label or '-'):<16} "
            f"{(r.scenario_id + ' v' + str(r.scenario_version)):<30} {status_word:<9} "
            f"{r.started_at[:19]:<19} {r.event_count:>4}"
        )
    print_out(
        f"{len(rows)} sessie(s) in {store.path}"
        if lang != "en"
        else f"{len(rows)} session(s) in {store.path}"
    )
    return 0


def show(store: RecordReader, ref: str) -> int:
    row = store.session(ref)
    for label, value in (
        ("id", row.id),
        ("trainee", row.trainee_code),
        ("naam", row.display_name or "-"),
        ("groep", row.group_label or "-"),
        ("scenario", f"{row.scenario_id} v{row.scenario_version}"),
        ("inhoudshash", row.content_hash),
        ("seed", row.seed),
        ("taal", row.lang),
        ("start", row.started_at),
        ("einde", row.ended_at or "-"),
        ("status", row.status),
        ("gebeurtenissen", row.event_count),
    ):
        print_out(f"{label:<15} {value}")
    events = recorded_events(store, row)
    choices = [e for e in events if isinstance(e, ChoiceMade)]
    print(f"{'keuzes':<15} {len(choices)}")
    for e in choices:
        print_out(f"  {e.t:7.1f}s  {e.node}.{e.choice}  [{e.step} · {e.assessment}]")
    return 0


def replay(store: RecordReader, ref: str, lang: str) -> int:
    row = store.session(ref)
    scenario, session = rebuild(store, row)
    for line in transcript(scenario, session.events, lang, with_order=True):
        print_out(line)
    if row.status != "finished":
        print("(sessie niet afgerond)" if lang != "en" else "(session not finished)")
    return 0


def export(store: RecordReader, refs: list[str], group: str | None, output: str, names: bool) -> int:
    if group is not None:
        ids = [r.id for r in store.sessions(group=group)]
        if not ids:
            raise UserError(f"{store.path}: geen sessies in groep '{group}' (tip: trainer sessions list)")
    else:
        ids = [store.session(ref).id for ref in refs]
    text = export_bundle(store, ids, with_names=names)
    target = Path(output)
    write_replacing(target, text.encode("utf-8"))
    print(f"{len(ids)} sessie(s) geëxporteerd naar {target}")
    return 0


def import_files(store: RecordStore | ServerReader, files: list[str], force: bool) -> int:
    known = _bundled_hashes()
    for name in files:
        if isinstance(store, ServerReader):
            added, same = import_to_server(store.server, Path(name), known_hashes=known, force=force)
        else:
            added, same = import_bundle(store, Path(name), known_hashes=known, force=force)
        print(f"{name}: {added} sessie(s) toegevoegd, {same} al aanwezig")
    _refresh_reports(store)
    return 0


def _refresh_reports(store: RecordStore | ServerReader) -> None:
    """Where reports are made, imported sessions are summarised now, once, not at the next report."""
    from debrief.cohort.db import Db
    from debrief.cohort.derived import in_use, refresh

    db = Db(store)
    if in_use(db):
        refresh(db)


def purge(store: RecordStore | ServerReader, older_than: int | None, trainee: str | None, yes: bool) -> int:
    if isinstance(store, ServerReader):
        ids = purge_ids(store.server, older_than_days=older_than, trainee=trainee)
    else:
        ids = store.purge_ids(older_than_days=older_than, trainee=trainee)
    if not ids:
        if isinstance(store, RecordStore):
            store.compact()  # a purge again finishes what a reader blocked last time
        print("niets te verwijderen")
        return 0
    if not yes:
        if not sys.stdin.isatty():
            raise UserError(f"{len(ids)} sessie(s) zouden worden verwijderd; bevestig met --yes")
        answer = (
            input(f"{len(ids)} sessie(s) definitief verwijderen uit {store.path}? [j/N] ").strip().lower()
        )
        if answer not in ("j", "ja", "y", "yes"):
            print("niets verwijderd")
            return 0
    if isinstance(store, ServerReader):
        delete_sessions(store.server, ids)
        _refresh_reports(store)
        print(
            f"{len(ids)} sessie(s) verwijderd van {store.path}; laptops sturen ze niet opnieuw, "
            "maar hun eigen kopie verwijder je daar met trainer sessions purge"
        )
        return 0
    store.delete_sessions(ids)
    _refresh_reports(store)
    print(f"{len(ids)} sessie(s) verwijderd")
    store.compact()
    return 0


# flag -> its attribute: options only the xAPI export reads
_XAPI_ONLY = {
    "--server": "read_server",
    "--scenario": "scenario_id",
    "--trainee": "trainee",
    "--since": "since",
    "--until": "until",
    "--all": "all",
    "--send": "send",
    "--home-page": "home_page",
    "--with-group": "with_group",
}


def run(args: argparse.Namespace, lang: str) -> int:
    """Dispatch a `sessions` subcommand; records errors become one-line user errors."""
    action = args.action
    if action == "export" and args.format == "xapi":
        from trainer.commands import xapi_cmd

        return xapi_cmd.run(args, lang)
    if action == "export":
        extra = [flag for flag, name in _XAPI_ONLY.items() if getattr(args, name, None)]
        if extra:
            raise UserError(
                f"{extra[0]} hoort bij --format xapi (tip: trainer sessions export --format xapi --help)",
                f"{extra[0]} belongs to --format xapi (hint: trainer sessions export --format xapi --help)",
            )
    if action == "export" and args.output is None:
        raise UserError("geef het doelbestand met -o BESTAND", "give the target file with -o FILE")
    if action == "export" and not is_server_url(args.db):
        refuse_records_target(args.output, db_path(args.db))
    if action in ("import", "purge") and is_server_url(args.db):
        opened: RecordStore | ServerReader = open_reader(args.db)  # the shared server, written directly
    elif action == "import":
        opened = open_store(args.db)  # importing may make a new database
    elif action == "purge":
        opened = open_store(args.db, must_exist=True)
    else:
        opened = open_reader(args.db, must_exist=True)
    with opened as store:
        try:
            if action == "list":
                return list_sessions(store, args.group, args.trainee, args.status, lang)
            if action == "show":
                return show(store, args.id)
            if action == "replay":
                return replay(store, args.id, lang)
            if action == "export":
                if not args.ids and args.group is None:
                    raise UserError("geef sessie-id's of --group LABEL (tip: trainer sessions list)")
                return export(store, args.ids, args.group, args.output, args.names)
            if action == "import":
                return import_files(store, args.files, args.force)
            if action == "purge":
                return purge(store, args.older_than, args.trainee, args.yes)
        except RecordsError as exc:
            raise UserError(exc.nl, exc.en) from None
        except ServerUnavailable as exc:  # the server went away half-way: what was written is whole
            raise UserError(f"{store.path}: server niet bereikbaar ({_first_line(exc)})") from None
    raise UserError("kies: list, show, replay, export, import, purge")


def _first_line(exc: BaseException) -> str:
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__
