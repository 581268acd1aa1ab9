"""`trainer groups list | set LABEL [--date] [--leader] [--location]`: a group's debrief sheet header."""

from __future__ import annotations

import argparse
import re

from trainer.commands.common import UserError, valid_code
from trainer.commands.records_opts import is_server_url, open_reader, open_store
from trainer.records import RecordsError
from trainer.records.server import ServerUnavailable
from trainer.records.server_groups import set_group
from trainer.records.server_read import ServerReader

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
LIMIT = 80


def _text(value: str | None, what: str, lang: str) -> str | None:
    if value is None:
        return None
    value = " ".join(value.split())
    if len(value) > LIMIT:
        raise UserError(
            f"{what}: too long ({len(value)} characters, at most {LIMIT})"
            if lang == "en"
            else f"{what}: te lang ({len(value)} tekens, hoogstens {LIMIT})"
        )
    return value


def run(args: argparse.Namespace, lang: str) -> int:
    """List the groups, or fill in one group's date, gespreksleider and location."""
    if args.action == "set":
        label = valid_code(args.label, "groepslabel")
        if args.date and not _DATE.match(args.date):
            raise UserError(
                f"--date {args.date}: use YYYY-MM-DD, e.g. 2026-11-20"
                if lang == "en"
                else f"--date {args.date}: schrijf JJJJ-MM-DD, bijv. 2026-11-20"
            )
        if args.date is None and args.leader is None and args.location is None:
            raise UserError(
                "give --date, --leader or --location (tip: trainer groups set --help)"
                if lang == "en"
                else "geef --date, --leader of --location (tip: trainer groups set --help)"
            )
        header = {
            "date": args.date,
            "leader": _text(args.leader, "--leader", lang),
            "location": _text(args.location, "--location", lang),
        }
        with open_reader(args.db) if is_server_url(args.db) else open_store(args.db) as store:
            try:
                if isinstance(store, ServerReader):  # the shared server: the same header, for every laptop
                    set_group(store.server, label, **header)
                else:
                    store.set_group(label, **header)
            except RecordsError as exc:
                raise UserError(exc.nl, exc.en) from None
            except ServerUnavailable as exc:
                raise UserError(f"{store.path}: server niet bereikbaar ({type(exc).__name__})") from None
        print(f"group {label} updated" if lang == "en" else f"groep {label} bijgewerkt")
        return 0
    with open_reader(args.db, must_exist=True) as reader:
        try:
            rows = reader.groups()
        except RecordsError as exc:
            raise UserError(exc.nl, exc.en) from None
    head = ("groep", "datum", "gespreksleider", "locatie", "sessies")
    if lang == "en":
        head = ("group", "date", "facilitator", "location", "sessions")
    print(f"{head[0]:<20} {head[1]:<10} {head[2]:<24} {head[3]:<28} {head[4]:>7}")
    for label, date, leader, location, count in rows:
        print(f"{label:<20} {date or '-':<10} {leader or '-':<24} {location or '-':<28} {count:>7}")
    return 0
