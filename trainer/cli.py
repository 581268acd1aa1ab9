"""Command line: the only reader of argv and the environment. Every failure is one line and exit 2."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import Any

from trainer.commands.common import EXIT_BAD_INPUT, RecordingOptions, UserError, print_err
from trainer.model.text import TwoLanguageError
from trainer.records.fields import MAX_SEED


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors in one line with exit 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        print_err(f"{self.prog}: {message} (tip: {self.prog} --help)")
        sys.exit(EXIT_BAD_INPUT)


SCENARIO_HELP = "scenariobestand (.yaml) of id van een meegeleverd scenario (zie trainer scenarios)"


def _seed(text: str) -> int:
    """A seed the records can store (a signed 64-bit integer), or argparse's one-line usage error."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is geen geheel getal") from None
    if not 0 <= value <= MAX_SEED:
        raise argparse.ArgumentTypeError(f"seed moet tussen 0 en {MAX_SEED} liggen")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="trainer", description="Scenariotrainer professioneel controleren")
    parser.add_argument(
        "--lang",
        choices=["nl", "en"],
        default=os.environ.get("TRAINER_LANG", "nl"),
        help="taal van meldingen en tekst (nl of en)",
    )
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    # --lang may also follow the subcommand (`trainer check X --lang en`); SUPPRESS keeps the global value.
    lang = _Parser(add_help=False)
    lang.add_argument("--lang", choices=["nl", "en"], default=argparse.SUPPRESS, help="taal (nl of en)")
    original_add_parser = sub.add_parser

    def add_parser(name: str, **kwargs: Any) -> argparse.ArgumentParser:
        kwargs["parents"] = [*kwargs.get("parents", []), lang]
        return original_add_parser(name, **kwargs)

    sub.add_parser = add_parser  # type: ignore[method-assign,assignment]

    db = _Parser(add_help=False)
    db.add_argument(
        "--db",
        default=os.environ.get("TRAINER_DB"),
        help="database met verslagen (standaard: TRAINER_DB of de gebruikersmap)",
    )
    server = _Parser(add_help=False)
    server.add_argument(
        "--server",
        default=None,
        help="gedeelde PostgreSQL-server (postgresql://...); "
        "standaard TRAINER_SERVER of 'trainer server set'",
    )
    recording = _Parser(add_help=False, parents=[db, server])
    recording.add_argument("--no-record", action="store_true", help="niets vastleggen")
    recording.add_argument("--trainee", help="pseudonieme code van de trainee")
    recording.add_argument("--group", help="label van de trainingsgroep")
    recording.add_argument(
        "--place",
        type=int,
        metavar="N",
        help="bij casting: de plaats van deze laptop in de groep (0, 1, 2, ...), zodat elke laptop andere "
        "looks krijgt; standaard: hoeveel sessies van dit scenario de groep al op deze laptop heeft",
    )

    play = sub.add_parser("play", help="speel een scenario", parents=[recording])
    play.add_argument(
        "scenario",
        nargs="?",
        help="scenariobestand (.yaml) of id van een meegeleverd scenario; zonder: kies uit de bundel",
    )
    play.add_argument("--from", dest="start_node", help="begin bij dit knooppunt (voor instructeurs)")
    play.add_argument("--resume", metavar="ID", help="ga verder met een onafgemaakte sessie")
    play.add_argument("--fullscreen", action="store_true", help="volledig scherm")
    play.add_argument("--text", action="store_true", help="speel in de terminal in plaats van in een venster")
    play.add_argument(
        "--revote-wait",
        type=float,
        default=None,
        metavar="SECONDS",
        help="met --text en een groep: seconden na afloop wachten op een herstemming "
        "(standaard een uur aan een terminal, anders niet)",
    )
    play.add_argument(
        "--show-meters",
        action="store_true",
        help="toon spanning en vertrouwen tijdens het spelen (voor demonstraties; standaard pas na afloop)",
    )

    board = sub.add_parser("storyboard", help="elk knooppunt als PNG plus een overzichtspagina")
    board.add_argument("scenario", help=SCENARIO_HELP)
    board.add_argument("-o", "--output", required=True, help="map voor de PNG's en index.html")
    board.add_argument("--size", default="1280x720", help="breedte x hoogte, bijv. 1024x600")
    board.add_argument(
        "--at",
        type=float,
        default=None,
        metavar="SECONDEN",
        help="teken het straatbeeld op deze seconde (zonder: begin, midden en eind)",
    )
    board.add_argument(
        "--look",
        type=int,
        default=None,
        metavar="N",
        help="bij casting: de looks van de sessie op plaats N in een groep (0, 1, 2, ...)",
    )

    check = sub.add_parser("check", help="controleer scenario's op fouten")
    check.add_argument("paths", nargs="+", help="bestanden, mappen of id's van meegeleverde scenario's")
    check.add_argument("--format", choices=["text", "json"], default="text")

    schema = sub.add_parser("schema", help="schrijf scenarios/scenario.schema.json")
    schema.add_argument("-o", "--output", help="ander doelbestand")

    graph = sub.add_parser("graph", help="het scenario als graaf (mermaid of dot)")
    graph.add_argument("scenario", help=SCENARIO_HELP)
    graph.add_argument("--format", choices=["mermaid", "dot"], default="mermaid")

    run = sub.add_parser("run", help="speel zonder venster en toon het verloop", parents=[recording])
    run.add_argument("scenario", help=SCENARIO_HELP)
    mode = run.add_mutually_exclusive_group(required=True)
    mode.add_argument("--plan", help="speelplan (.yaml) met keuzes en antwoorden")
    mode.add_argument("--auto", action="store_true", help="kies willekeurig (met --seed)")
    run.add_argument("--seed", type=_seed, default=0)
    run.add_argument("--from", dest="start_node", help="begin bij dit knooppunt")
    run.add_argument(
        "--resume",
        metavar="ID",
        help="ga verder met een onafgemaakte sessie (met --auto), bijv. na een crash",
    )
    run.add_argument(
        "--pace",
        type=float,
        default=0.0,
        metavar="SECONDEN",
        help="wacht zo lang per stap (demonstratie, belasting)",
    )

    sessions = sub.add_parser("sessions", help="verslagen: bekijken, verplaatsen, verwijderen")
    actions = sessions.add_subparsers(dest="action", parser_class=_Parser, required=True)
    listing = actions.add_parser("list", help="alle sessies", parents=[db, lang])
    listing.add_argument("--group")
    listing.add_argument("--trainee")
    listing.add_argument("--status", choices=["active", "finished"])
    for name, text in (("show", "details van een sessie"), ("replay", "het verloop van een sessie")):
        action = actions.add_parser(name, help=text, parents=[db, lang])
        action.add_argument("id", help="sessie-id (of het begin ervan)")
    export = actions.add_parser("export", help="sessies naar een bestand of een LRS", parents=[db, lang])
    export.add_argument("ids", nargs="*", help="sessie-id's (of het begin ervan)")
    export.add_argument("--group", metavar="LABEL", help="alle sessies van deze groep")
    export.add_argument("-o", "--output", help="het bestand (bij --format xapi: - voor de terminal)")
    export.add_argument("--names", action="store_true", help="ook weergavenamen (alleen met toestemming)")
    export.add_argument(
        "--format",
        choices=["bundle", "xapi"],
        default="bundle",
        help="bundle: voor een andere laptop (standaard); xapi: xAPI 2.0-statements, één per regel",
    )
    xapi = export.add_argument_group("xapi", "alleen bij --format xapi (zie docs/xapi/README.md)")
    xapi.add_argument(
        "--server", dest="read_server", metavar="URL", help="lees van de gedeelde server (postgresql://...)"
    )
    xapi.add_argument(
        "--scenario", dest="scenario_id", metavar="ID", help="alleen sessies van dit scenario-id"
    )
    xapi.add_argument("--trainee", metavar="CODE", help="alleen sessies van deze trainee-code")
    xapi.add_argument("--since", metavar="JJJJ-MM-DD", help="alleen sessies begonnen op of na deze dag (UTC)")
    xapi.add_argument(
        "--until", metavar="JJJJ-MM-DD", help="alleen sessies begonnen op of voor deze dag (UTC)"
    )
    xapi.add_argument("--all", action="store_true", help="alle sessies")
    xapi.add_argument("--send", metavar="URL", help="stuur naar een Learning Record Store (xAPI-eindpunt)")
    xapi.add_argument(
        "--auth",
        metavar="GEBRUIKER:WACHTWOORD",
        default=os.environ.get("TRAINER_LRS_AUTH"),
        help="inlog van de LRS (standaard: TRAINER_LRS_AUTH)",
    )
    xapi.add_argument(
        "--home-page",
        metavar="URL",
        help="het systeem waar de trainee-codes accounts zijn (account.homePage), bijv. de LMS",
    )
    xapi.add_argument("--with-group", action="store_true", help="ook het groepslabel (standaard niet)")
    xapi.add_argument(
        "--retries",
        type=int,
        default=5,
        metavar="N",
        help="zo vaak opnieuw proberen als de LRS niet bereikbaar is (0,5 s, 1 s, 2 s, ... ertussen)",
    )
    importing = actions.add_parser("import", help="sessies uit exportbestanden", parents=[db, lang])
    importing.add_argument("files", nargs="+")
    importing.add_argument("--force", action="store_true", help="ook bij een onbekende scenarioversie")
    purge = actions.add_parser("purge", help="sessies definitief verwijderen", parents=[db, lang])
    which = purge.add_mutually_exclusive_group(required=True)
    which.add_argument("--older-than", type=int, metavar="DAGEN")
    which.add_argument("--trainee")
    purge.add_argument("--yes", action="store_true", help="niet om bevestiging vragen")

    groups = sub.add_parser("groups", help="groepen: kop van het nabesprekingsblad")
    group_actions = groups.add_subparsers(dest="action", parser_class=_Parser, required=True)
    group_actions.add_parser("list", help="alle groepen", parents=[db, lang])
    setting = group_actions.add_parser(
        "set", help="datum, gespreksleider en locatie van een groep", parents=[db, lang]
    )
    setting.add_argument("label", help="groepslabel")
    setting.add_argument("--date", help="datum (JJJJ-MM-DD)")
    setting.add_argument("--leader", help="gespreksleider (leeg: wissen)")
    setting.add_argument("--location", help="locatie (leeg: wissen)")

    shared = sub.add_parser("server", help="gedeelde server: instellen, schema maken, status, bijwerken")
    server_actions = shared.add_subparsers(dest="action", parser_class=_Parser, required=True)
    setting = server_actions.add_parser("set", help="onthoud de server van deze laptop", parents=[lang])
    setting.add_argument("url", help="postgresql://gebruiker@host:poort/database")
    server_actions.add_parser("unset", help="vergeet de server: alleen lokaal vastleggen", parents=[lang])
    init = server_actions.add_parser(
        "init", help="maak of werk het schema op de server bij", parents=[server, lang]
    )
    init.add_argument("url", nargs="?", help="server (standaard: --server, TRAINER_SERVER of de instelling)")
    server_actions.add_parser("status", help="wat wacht er nog op verzending", parents=[db, server, lang])
    server_actions.add_parser("sync", help="verstuur nu wat wacht", parents=[db, server, lang])

    scen = sub.add_parser(
        "scenarios", help="de meegeleverde scenario's met hun pad, of een kopie om mee te beginnen"
    )
    scen.add_argument(
        "--copy",
        nargs=2,
        metavar=("ID", "MAP"),
        help="kopieer een meegeleverd scenario naar MAP (overschrijft nooit)",
    )

    new = sub.add_parser("new", help="een nieuw scenario om in te vullen (controleert schoon)")
    new.add_argument(
        "id", help="id van het scenario: kleine letters, cijfers en _ (wordt ook de bestandsnaam)"
    )
    new.add_argument("folder", nargs="?", metavar="MAP", help="map voor het bestand (standaard: hier)")

    coverage = sub.add_parser(
        "coverage", help="wat elke route bereikt: einden, stappen van het kader, keuzes (alle toestanden)"
    )
    coverage.add_argument("scenario", help=SCENARIO_HELP)
    coverage.add_argument("--routes", action="store_true", help="toon elke route met haar keuzes")
    coverage.add_argument(
        "--max-routes", type=int, default=2000, help="hoeveel routes --routes hoogstens toont"
    )

    i18n = sub.add_parser("i18n", help="vertalen: teksten naar een PO-bestand en terug")
    i18n_actions = i18n.add_subparsers(dest="action", parser_class=_Parser, required=True)
    po_export = i18n_actions.add_parser(
        "export",
        help="alle teksten naar een PO-bestand voor een vertaler (Nederlands -> Engels)",
        parents=[lang],
    )
    po_export.add_argument("scenario")
    po_export.add_argument("-o", "--output", required=True, help="het PO-bestand, of - voor de terminal")
    po_import = i18n_actions.add_parser(
        "import", help="vertalingen uit een PO-bestand in het scenario zetten", parents=[lang]
    )
    po_import.add_argument("po", help="het PO-bestand van de vertaler")
    po_import.add_argument("scenario")
    po_import.add_argument("--dry-run", action="store_true", help="alleen melden, niets schrijven")

    diff = sub.add_parser("diff", help="wat er veranderde tussen twee versies van een scenario")
    diff.add_argument("old", help="de oude versie")
    diff.add_argument("new", help="de nieuwe versie")
    diff.add_argument("--html", metavar="BESTAND", help="schrijf het overzicht ook als HTML-pagina")
    diff.add_argument(
        "--exit-code",
        action="store_true",
        help="exit 1 als de versies verschillen (zoals git diff --exit-code)",
    )

    debrief = sub.add_parser("debrief", help="nabespreking: een gespreksblad uit de verslagen", parents=[db])
    debrief.add_argument(
        "inputs",
        nargs="*",
        metavar="SESSIE|EXPORT.json",
        help="sessie-id's (of het begin ervan) of exportbestanden van trainer sessions export",
    )
    debrief.add_argument(
        "--group", help="alle sessies van deze groep (met exportbestanden: alleen deze groep daaruit)"
    )
    debrief.add_argument(
        "--sheet",
        choices=["group", "leader", "individual", "guide"],
        default="group",
        help="groepsblad (standaard, zonder codes), kopie gespreksleider (met codes), persoonlijke bladen of "
        "de handleiding voor de gespreksleider",
    )
    debrief.add_argument("--format", choices=["html", "md", "pdf"], default="html")
    debrief.add_argument("-o", "--output", help="doelbestand, of - voor de terminal")
    debrief.add_argument("--names", action="store_true", help="weergavenamen tonen (alleen met toestemming)")
    debrief.add_argument(
        "--present",
        action="store_true",
        help="toon de nabespreking op volledig scherm voor de groep (anoniem; pijltjes of PgUp/PgDn, Esc)",
    )
    from trainer.commands import report_cmd

    report_cmd.add_parser(sub, db)

    lead = sub.add_parser(
        "lead", help="de console van de gespreksleider: de groep live, vlaggen, presentatie, opnieuw stemmen"
    )
    lead.add_argument("--group", required=True, help="label van de trainingsgroep")
    where = lead.add_mutually_exclusive_group()
    where.add_argument("--server", help="gedeelde PostgreSQL-server (postgresql://...)")
    where.add_argument(
        "--db", default=os.environ.get("TRAINER_DB"), help="database met verslagen van deze laptop"
    )
    lead.add_argument("--size", default="1280x720", help="venstergrootte, bijv. 1920x1080")
    lead.add_argument("--fullscreen", action="store_true", help="volledig scherm")
    hands = lead.add_mutually_exclusive_group()
    hands.add_argument(
        "--one-laptop",
        action="store_true",
        help="iedereen speelde op deze laptop: opnieuw stemmen gaat met handen (ook met een server)",
    )
    hands.add_argument(
        "--votes",
        action="store_true",
        help="trainees stemmen in hun eigen venster, ook met een lokale database (standaard met een server)",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return _dispatch(args)
    except TwoLanguageError as exc:
        # UserError, and any engine or records error a command did not translate itself: still one line.
        print_err(exc.message(getattr(args, "lang", "nl")))
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print_err("afgebroken")
        return 130
    except BrokenPipeError:
        return 0


def _dispatch(args: argparse.Namespace) -> int:
    lang: str = args.lang
    _resolve_scenarios(args)
    if args.command == "scenarios":
        from trainer.commands import scenarios_cmd

        return scenarios_cmd.run(args.copy, lang)
    if args.command == "new":
        from trainer.commands import new_cmd

        return new_cmd.run(args.id, args.folder, lang)
    if args.command == "check":
        from trainer.commands import check_cmd

        return check_cmd.run(args.paths, lang, args.format)
    if args.command == "schema":
        from trainer.commands import schema_cmd

        return schema_cmd.run(args.output)
    if args.command == "graph":
        from trainer.commands import graph_cmd

        return graph_cmd.run(args.scenario, args.format, lang)
    if args.command == "run":
        from trainer.commands import run_cmd

        return run_cmd.run(
            args.scenario,
            plan=args.plan,
            seed=args.seed,
            start_node=args.start_node,
            lang=lang,
            record=_recording(args),
            pace=args.pace,
            resume_id=args.resume,
        )
    if args.command == "coverage":
        from trainer.commands import coverage_cmd

        return coverage_cmd.run(args.scenario, args.max_routes, lang, list_routes=args.routes)
    if args.command in (None, "play"):
        if args.command is None:
            args = build_parser().parse_args(["play"])
        if args.text:
            from trainer.commands import play_cmd

            return play_cmd.run(
                args.scenario,
                args.start_node,
                lang,
                record=_recording(args),
                resume_id=args.resume,
                revote_wait=None if args.revote_wait is None else max(0.0, args.revote_wait),
            )
        from trainer.commands import window_cmd

        return window_cmd.run(
            args.scenario,
            args.start_node,
            lang,
            record=_recording(args),
            resume_id=args.resume,
            fullscreen=args.fullscreen,
            trainee=args.trainee,
            group=args.group,
            show_meters=args.show_meters,
        )
    if args.command == "storyboard":
        from trainer.commands import storyboard_cmd

        return storyboard_cmd.run(args.scenario, args.output, args.size, lang, at=args.at, look=args.look)
    if args.command == "sessions":
        from trainer.commands import sessions_cmd

        return sessions_cmd.run(args, lang)
    if args.command == "groups":
        from trainer.commands import groups_cmd

        return groups_cmd.run(args, lang)

    if args.command == "server":
        from trainer.commands import server_cmd

        return server_cmd.run(args, lang)
    if args.command == "i18n":
        from trainer.commands import i18n_cmd

        if args.action == "export":
            return i18n_cmd.export(args.scenario, args.output, lang)
        return i18n_cmd.import_(args.po, args.scenario, lang, dry_run=args.dry_run)
    if args.command == "diff":
        from trainer.commands import diff_cmd

        return diff_cmd.run(args.old, args.new, lang, html=args.html, exit_code=args.exit_code)
    if args.command == "debrief":
        from trainer.commands import debrief_cmd

        return debrief_cmd.run(args, lang)
    if args.command == "report":
        from trainer.commands import report_cmd

        return report_cmd.run(args, lang)

    if args.command == "lead":
        from trainer.commands import lead_cmd

        return lead_cmd.run(args, lang)
    raise UserError(f"onbekend commando {args.command}")


def _resolve_scenarios(args: argparse.Namespace) -> None:
    """Every command that takes a scenario file also takes a bundled id (`trainer check stationsplein`)."""
    from trainer.commands.bundled import resolve

    if getattr(args, "scenario", None) is not None:
        args.scenario = resolve(args.scenario)
    if args.command == "check":
        args.paths = [resolve(p) for p in args.paths]
    if args.command == "diff":  # `trainer diff stationsplein mijn_kopie.yaml`: a copy against the original
        args.old, args.new = resolve(args.old), resolve(args.new)


def _recording(args: argparse.Namespace) -> RecordingOptions | None:
    if args.no_record:
        return None
    if args.place is not None and args.place < 0:
        raise UserError(f"ongeldige plaats '{args.place}' voor --place (tip: 0, 1, 2, ...)")
    return RecordingOptions(
        db=args.db, trainee=args.trainee, group=args.group, server=args.server, place=args.place
    )
