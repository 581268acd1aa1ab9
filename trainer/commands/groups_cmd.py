"""`trainer groups list | set LABEL [--date] [--leader] [--location]`: a group's debrief sheet header."""

from __future__ import annotations

import argparse
import re

from trainer.commands.common import UserError, valid_code
from trainer.commands.records_opts import open_store
from trainer.records import RecordsError

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
        with open_store(args.db) as store:
            try:
                store.set_group(
                    label,
                    date=args.date,
                    leader=_text(args.leader, "--leader", lang),
                    location=_text(args.location, "--location", lang),
                )
            except RecordsError as exc:
                raise UserError(str(exc)) from None
        print(f"group {label} updated" if lang == "en" else f"groep {label} bijgewerkt")
        return 0
    with open_store(args.db, must_exist=True) as store:
        try:
            rows = store.groups()
        except RecordsError as exc:
            raise UserError(str(exc)) from None
    head = ("groep", "datum", "gespreksleider", "locatie", "sessies")
    if lang == "en":
        head = ("group", "date", "facilitator", "location", "sessions")
    print(f"{head[0]:<20} {head[1]:<10} {head[2]:<24} {head[3]:<28} {head[4]:>7}")
    for label, date, leader, location, count in rows:
        print(f"{label:<20} {date or '-':<10} {leader or '-':<24} {location or '-':<28} {count:>7}")
    return 0
