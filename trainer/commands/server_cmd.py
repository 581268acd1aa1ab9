"""`trainer server set|unset|init|status|sync`: the shared PostgreSQL store a laptop syncs to."""

from __future__ import annotations

import argparse
from pathlib import Path

from trainer.commands.common import UserError
from trainer.commands.records_opts import default_db_path
from trainer.commands.server_opts import save_server, server_url
from trainer.records.errors import RecordsError
from trainer.records.server import ServerStore, ServerUnavailable, redact
from trainer.records.sync import LocalJournal, SyncPass


def run(args: argparse.Namespace, lang: str) -> int:
    en = lang == "en"
    if args.action == "set":
        _open(args.url).close()  # refuse a URL that does not parse, before saving it
        path = save_server(args.url)
        print(
            f"server saved: {redact(args.url)} ({path})"
            if en
            else f"server opgeslagen: {redact(args.url)} ({path})"
        )
        return 0
    if args.action == "unset":
        save_server(None)
        print(
            "no server: records stay on this laptop"
            if en
            else "geen server: verslagen blijven op deze laptop"
        )
        return 0
    url = server_url(getattr(args, "url", None) or args.server)
    if url is None:
        raise UserError(
            "no server configured (hint: trainer server set postgresql://...)"
            if en
            else "geen server ingesteld (tip: trainer server set postgresql://...)"
        )
    with _open(url) as server:
        try:
            if args.action == "init":
                version = server.init()
                print(
                    f"{server.shown}: schema version {version}"
                    if en
                    else f"{server.shown}: schemaversie {version}"
                )
                return 0
            server.require_schema()
            journal = LocalJournal(Path(args.db) if args.db else default_db_path())
            try:
                sync = SyncPass(journal, server)
                status = sync.run() if args.action == "sync" else sync.measure()
            finally:
                journal.close()
        except ServerUnavailable as exc:
            reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise UserError(
                f"{redact(url)}: server not reachable ({reason}); records wait on this laptop"
                if en
                else f"{redact(url)}: server niet bereikbaar ({reason}); de verslagen wachten op deze laptop"
            ) from None
        except RecordsError as exc:
            raise UserError(str(exc)) from None
    if en:
        print(f"{redact(url)}: {status.waiting_events} events in {status.waiting_sessions} sessions waiting")
    else:
        print(
            f"{redact(url)}: {status.waiting_events} gebeurtenissen in {status.waiting_sessions} sessies wachten"
        )
    for message in status.refused.values():
        print(message)
    return 2 if status.refused else 0


def _open(url: str) -> ServerStore:
    try:
        return ServerStore(url, timeout=5.0)
    except RecordsError as exc:
        raise UserError(str(exc)) from None
