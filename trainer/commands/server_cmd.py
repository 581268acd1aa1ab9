"""`trainer server set|unset|init|status|sync`: the shared PostgreSQL store a laptop syncs to."""

from __future__ import annotations

import argparse
from pathlib import Path

from trainer.commands.common import UserError
from trainer.commands.records_opts import default_db_path
from trainer.commands.server_opts import save_server, server_url
from trainer.model.text import tr
from trainer.records.errors import RecordsError
from trainer.records.server import ServerStore, ServerUnavailable, redact
from trainer.records.sync import LocalJournal, SyncPass, SyncStatus


def run(args: argparse.Namespace, lang: str) -> int:
    if args.action == "set":
        _open(args.url).close()  # refuse a URL that cannot work, before saving it
        path = save_server(args.url)
        print(
            tr(
                f"server opgeslagen: {redact(args.url)} ({path})",
                f"server saved: {redact(args.url)} ({path})",
                lang,
            )
        )
        return 0
    if args.action == "unset":
        save_server(None)
        print(
            tr(
                "geen server: verslagen blijven op deze laptop",
                "no server: records stay on this laptop",
                lang,
            )
        )
        return 0
    url = server_url(getattr(args, "url", None) or args.server)
    if url is None:
        raise UserError(
            "geen server ingesteld (tip: trainer server set postgresql://...)",
            "no server configured (hint: trainer server set postgresql://...)",
        )
    with _open(url) as server:
        try:
            if args.action == "init":
                version = server.init()
                print(
                    tr(
                        f"{server.shown}: schemaversie {version}",
                        f"{server.shown}: schema version {version}",
                        lang,
                    )
                )
                return 0
            server.require_schema()
            status = _compare(
                server, Path(args.db) if args.db else default_db_path(), push=args.action == "sync"
            )
        except ServerUnavailable as exc:
            reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise UserError(
                f"{redact(url)}: server niet bereikbaar ({reason}); de verslagen wachten op deze laptop",
                f"{redact(url)}: server not reachable ({reason}); records wait on this laptop",
            ) from None
        except RecordsError as exc:
            raise UserError(exc.nl, exc.en) from None
    events, sessions = status.waiting_events, status.waiting_sessions
    print(
        tr(
            f"{redact(url)}: {events} gebeurtenissen in {sessions} sessies wachten",
            f"{redact(url)}: {events} events in {sessions} sessions waiting",
            lang,
        )
    )
    for refusal in status.refused.values():
        print(refusal.message(lang))
    return 2 if status.refused else 0


def _compare(server: ServerStore, db: Path, *, push: bool) -> SyncStatus:
    journal = LocalJournal(db)
    try:
        sync = SyncPass(journal, server)
        return sync.run() if push else sync.measure()
    finally:
        journal.close()


def _open(url: str) -> ServerStore:
    try:
        return ServerStore(url, timeout=5.0)
    except RecordsError as exc:
        raise UserError(exc.nl, exc.en) from None
