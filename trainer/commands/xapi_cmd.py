"""`trainer sessions export --format xapi`: statements as JSON lines (-o) and/or sent to an LRS (--send).

Reads the records as a stream (a laptop's SQLite or the shared server) and writes and sends as it reads: one
pass, memory flat in the number of sessions.
"""

from __future__ import annotations

import argparse
import sys
import urllib.parse
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import IO, Any

from trainer.commands.common import UserError
from trainer.commands.outfile import refuse_records_target, replacing
from trainer.commands.records_opts import db_path, is_server_url, open_reader
from trainer.records import RecordsError
from trainer.records.server import ServerUnavailable
from trainer.records.stream import Selection
from trainer.xapi import profile
from trainer.xapi.export import Reader, json_line, statements
from trainer.xapi.lrs import LrsError, Sender, shown
from trainer.xapi.statements import ExportOptions


def _day(text: str | None, flag: str) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UserError(
            f"ongeldige datum '{text}' voor {flag} (tip: JJJJ-MM-DD, bijv. 2026-11-20)",
            f"invalid date '{text}' for {flag} (hint: YYYY-MM-DD, e.g. 2026-11-20)",
        ) from None


def _home_page(url: str | None) -> str:
    if url is None:
        return profile.DEFAULT_HOME_PAGE
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise UserError(
            f"ongeldige --home-page '{url}' (tip: het adres van het systeem van de accounts, bijv. "
            "https://lms.centrum.nl/)",
            f"invalid --home-page '{url}' (hint: the address of the system the accounts belong to, e.g. "
            "https://lms.centre.example/)",
        )
    return url


def _source(args: argparse.Namespace) -> str | None:
    """--server URL reads the shared server (as --db postgresql://... does); otherwise --db or the default."""
    if args.read_server is None:
        return str(args.db) if args.db is not None else None
    if not is_server_url(args.read_server):
        raise UserError(
            f"--server verwacht een postgresql://-adres, niet '{args.read_server}' (tip: --db BESTAND voor "
            "een database op deze laptop)",
            f"--server expects a postgresql:// address, not '{args.read_server}' (hint: --db FILE for a "
            "database on this laptop)",
        )
    return str(args.read_server)


def selection(reader: Reader, args: argparse.Namespace) -> Selection:
    """The filters of the command line; at least one, or --all (exporting everything is a choice)."""
    since, until = _day(args.since, "--since"), _day(args.until, "--until")
    if since and until and since > until:
        raise UserError(
            f"--since {since} ligt na --until {until} (tip: verwissel ze)",
            f"--since {since} is after --until {until} (hint: swap them)",
        )
    chosen = Selection(
        ids=tuple(reader.session(ref).id for ref in args.ids),  # type: ignore[attr-defined]
        groups=(args.group,) if args.group else (),
        scenario=args.scenario_id,
        trainee=args.trainee,
        since=since,
        until=until,
    )
    if chosen == Selection() and not args.all:
        raise UserError(
            "kies welke sessies: id's, --group, --scenario, --trainee, --since/--until of --all",
            "choose which sessions: ids, --group, --scenario, --trainee, --since/--until or --all",
        )
    return chosen


class _Counted:
    """Statements passing through, counted, and the sessions they came from."""

    def __init__(self, stream: Iterator[dict[str, Any]]) -> None:
        self.stream = stream
        self.count = 0
        self.sessions = 0
        self.last = ""  # statements come session by session: a new registration is a new session

    def __iter__(self) -> Iterator[dict[str, Any]]:
        for statement in self.stream:
            self.count += 1
            registration = statement["context"]["registration"]
            if registration != self.last:
                self.sessions += 1
                self.last = registration
            yield statement


def _pump(counted: _Counted, handle: IO[str] | None, sender: Sender | None) -> None:
    for statement in counted:
        if handle is not None:
            handle.write(json_line(statement))
        if sender is not None:
            sender.add(statement)
    if sender is not None:
        sender.flush()


def run(args: argparse.Namespace, lang: str) -> int:
    if args.names:
        raise UserError(
            "--names kan niet bij --format xapi: een statement noemt alleen de trainee-code",
            "--names does not go with --format xapi: a statement names only the trainee code",
        )
    if args.output is None and args.send is None:
        raise UserError(
            "geef -o BESTAND.jsonl, --send URL of allebei", "give -o FILE.jsonl, --send URL or both"
        )
    source = _source(args)
    if args.output not in (None, "-") and not is_server_url(source):
        refuse_records_target(args.output, db_path(source))
    options = ExportOptions(home_page=_home_page(args.home_page), with_group=args.with_group)
    try:
        if args.retries < 0:
            raise LrsError(
                f"--retries {args.retries}: geef 0 of meer", f"--retries {args.retries}: give 0 or more"
            )
        sender = Sender(args.send, auth=args.auth, retries=args.retries) if args.send else None
    except LrsError as exc:
        raise UserError(exc.nl, exc.en) from None
    with open_reader(source, must_exist=True) as reader:
        try:
            counted = _Counted(statements(reader, selection(reader, args), options))
            if args.output == "-":
                _pump(counted, sys.stdout, sender)
            elif args.output is not None:
                with replacing(Path(args.output)) as handle:
                    _pump(counted, handle, sender)
                    if not counted.count:
                        raise _nothing(reader.path)
            else:
                _pump(counted, None, sender)
        except RecordsError as exc:
            raise UserError(exc.nl, exc.en) from None
        except LrsError as exc:
            raise UserError(exc.nl, exc.en) from None
        except ServerUnavailable as exc:
            raise UserError(f"{reader.path}: server niet bereikbaar ({type(exc).__name__})") from None
    if not counted.count:
        raise _nothing(reader.path)
    _report(counted, args, sender, lang)
    return 0


def _nothing(where: object) -> UserError:
    return UserError(
        f"{where}: geen sessies met deze keuze (tip: trainer sessions list)",
        f"{where}: no sessions match (hint: trainer sessions list)",
    )


def _report(counted: _Counted, args: argparse.Namespace, sender: Sender | None, lang: str) -> None:
    en = lang == "en"
    say = sys.stderr if args.output == "-" else sys.stdout  # stdout may be the statements themselves
    n, s = counted.count, counted.sessions
    if args.output not in (None, "-"):
        print(
            f"{n} statements from {s} session(s) to {args.output}"
            if en
            else f"{n} statements uit {s} sessie(s) naar {args.output}",
            file=say,
        )
    if sender is None:
        return
    tally, where = sender.tally, shown(args.send)
    print(
        f"{where}: {tally.sent} sent, {tally.stored} newly stored, {tally.already} already there"
        if en
        else f"{where}: {tally.sent} verstuurd, {tally.stored} nieuw opgeslagen, {tally.already} waren er al",
        file=say,
    )
    if tally.conflicts:
        raise UserError(
            f"{where}: {len(tally.conflicts)} statement(s) staan er al met hetzelfde id en een andere inhoud "
            f"(eerste: {tally.conflicts[0]}); niets overschreven (tip: eerder verstuurd met een andere "
            "--home-page of --with-group? stuur met dezelfde keuzes)",
            f"{where}: {len(tally.conflicts)} statement(s) are already there with the same id and other "
            f"content (first: {tally.conflicts[0]}); nothing overwritten (hint: sent before with another "
            "--home-page or --with-group? send with the same options)",
        )
