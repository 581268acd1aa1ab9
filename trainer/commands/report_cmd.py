"""`trainer report [--db PATH | --server URL] [--scenario ..] [--from DATE --to DATE] [--group ..] [--site ..]
[--design FILE] [--by month|group|site] [-o report.html] [--csv DIR] [--trainee-rows]`: what a training centre
learns across groups, as one self-contained HTML file and tidy CSV.

Privacy decisions: figures from fewer than 5 distinct trainees are left out (and said); trainee rows only with
`--trainee-rows`, only with `--csv`, and only from a local database (the instructor's own machine): a server
holds every laptop's trainees, so a server source refuses them.
"""

from __future__ import annotations

import argparse
import csv
import sys
from datetime import date
from pathlib import Path

from debrief.cohort.aggregate import BASE
from debrief.cohort.db import Db
from debrief.cohort.derived import refresh
from debrief.cohort.design import DesignError, read_design
from debrief.cohort.filters import Filters
from debrief.cohort.render import render_html, write_csv
from debrief.cohort.report import build
from trainer.commands.common import UserError, print_err
from trainer.commands.outfile import refuse_records_target, write_replacing
from trainer.commands.records_opts import db_path, is_server_url, open_store
from trainer.records import RecordsError
from trainer.records.server_read import ServerReader


def iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is geen datum (JJJJ-MM-DD)") from None


def add_parser(sub: argparse._SubParsersAction, db: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    report = sub.add_parser(
        "report", help="rapport over groepen: HTML met grafieken en CSV voor R/SPSS", parents=[db]
    )
    report.add_argument("--server", help="lees van de gedeelde server (postgresql://...)")
    report.add_argument("--scenario", dest="scenario_ids", action="append", default=[], metavar="ID")
    report.add_argument("--from", dest="start", type=iso_date, metavar="DATUM")
    report.add_argument("--to", dest="end", type=iso_date, metavar="DATUM")
    report.add_argument("--group", dest="groups", action="append", default=[], metavar="LABEL")
    report.add_argument("--site", dest="sites", action="append", default=[], metavar="LOCATIE")
    report.add_argument("--design", type=Path, help="voor- en nameting: een YAML-ontwerpbestand")
    report.add_argument(
        "--by", choices=["month", "group", "site"], default="month", help="over tijd of groepen"
    )
    report.add_argument("-o", "--output", default="rapport.html", help="het HTML-bestand")
    report.add_argument("--csv", type=Path, metavar="MAP", help="ook CSV (lang formaat) met codeboek in MAP")
    report.add_argument(
        "--trainee-rows",
        action="store_true",
        help="ook een CSV-regel per sessie met de trainee-code (alleen lokaal, alleen met --csv)",
    )


def run(args: argparse.Namespace, lang: str) -> int:
    server = args.server or (args.db if is_server_url(args.db) else None)
    if args.start and args.end and args.end < args.start:
        raise UserError(
            f"--to {args.end} ligt vóór --from {args.start} (tip: draai de data om)",
            f"--to {args.end} is before --from {args.start} (hint: swap the dates)",
        )
    if args.trainee_rows and server:
        raise UserError(
            "--trainee-rows alleen uit een lokale database: de server bevat de trainees van alle laptops "
            "(tip: exporteer de groep naar je eigen laptop en draai het daar)",
            "--trainee-rows only from a local database: the server holds every laptop's trainees "
            "(hint: export the group to your own laptop and run it there)",
        )
    if args.trainee_rows and args.csv is None:
        raise UserError("--trainee-rows hoort bij --csv MAP", "--trainee-rows goes with --csv FOLDER")
    try:
        design = read_design(args.design) if args.design else None
    except DesignError as exc:
        raise UserError(exc.nl, exc.en) from None
    filters = Filters(tuple(args.scenario_ids), args.start, args.end, tuple(args.groups), tuple(args.sites))
    output = Path(args.output)
    if not server:
        refuse_records_target(output, db_path(args.db))
    try:
        source = ServerReader(server) if server else open_store(args.db, must_exist=True, quick_check=False)
    except RecordsError as exc:
        raise UserError(exc.nl, exc.en) from None
    with source:
        db = Db(source)
        try:
            fresh = refresh(db)
            report = build(db, filters, lang=lang, by=args.by, design=design)
        except RecordsError as exc:
            raise UserError(exc.nl, exc.en) from None
        if report.totals.sessions == 0:
            raise UserError(
                f"{db.where}: geen sessies die bij de selectie passen (tip: trainer sessions list)",
                f"{db.where}: no sessions match the selection (hint: trainer sessions list)",
            )
        write_replacing(output, render_html(report).encode("utf-8"))
        written = [output]
        if args.csv is not None:
            written += write_csv(report, args.csv)
            if args.trainee_rows:
                written.append(_trainee_rows(db, filters, args.csv))
    if fresh.summarised:  # said once the report stands, so a refusal stays one line
        print_err(
            f"{fresh.summarised} sessies samengevat"
            if lang == "nl"
            else f"{fresh.summarised} sessions summarised"
        )
    for path in written:
        print(path, file=sys.stdout)
    return 0


def _trainee_rows(db: Db, filters: Filters, folder: Path) -> Path:
    """One row per session with the trainee's pseudonymous code: for the instructor's own follow-up only."""
    where, params = filters.sql("r")
    rows = db.rows(
        "SELECT r.session_id, r.trainee_code, g.label, g.location, r.scenario_id, r.started_at, r.choices, "
        "r.in_line, r.timeouts, r.pace, r.registered, r.honest, r.reason_kind, r.selection_assessment "
        f"{BASE} LEFT JOIN groups g ON g.id = r.group_id WHERE r.fits = 1 AND {where} "
        "ORDER BY r.started_at, r.session_id",
        params,
    )
    path = folder / "trainee_rows.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            [
                "session",
                "trainee",
                "group",
                "site",
                "scenario",
                "started_at",
                "choices",
                "in_line",
                "timeouts",
                "pace",
                "registered",
                "honest",
                "reason_kind",
                "selection_assessment",
            ]
        )
        writer.writerows(rows)
    return path
