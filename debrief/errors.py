"""The debrief's one error type and its one-line messages (Dutch, English with --lang en)."""

from __future__ import annotations

from typing import Any

from trainer.model.text import tr

MESSAGES: dict[str, tuple[str, str]] = {
    "empty_group": (
        "geen sessies in groep '{label}' (tip: trainer sessions list)",
        "no sessions in group '{label}' (tip: trainer sessions list)",
    ),
    "no_sessions": (
        "geen sessies om te bespreken (tip: --group LABEL, sessie-id's of exportbestanden)",
        "no sessions to discuss (tip: --group LABEL, session ids or export files)",
    ),
    "bundle_group": (
        "{path}: geen sessies van groep '{label}' in deze export",
        "{path}: no sessions of group '{label}' in this export",
    ),
    "mixed_scenarios": (
        "de sessies horen bij verschillende scenario's ({found}); een nabespreking gaat over één "
        "scenario (tip: kies de sessie-id's van één scenario)",
        "the sessions belong to different scenarios ({found}); a debrief covers one scenario "
        "(tip: pick the session ids of one scenario)",
    ),
    "mixed_versions": (
        "de sessies zijn gespeeld met verschillende versies van '{scenario}' ({found}) en de keuzes "
        "verschillen: {changed} (tip: bespreek elke versie apart)",
        "the sessions were played with different versions of '{scenario}' ({found}) and the choices "
        "differ: {changed} (tip: discuss each version separately)",
    ),
    "text_versions": (
        "Gespeeld met meer dan één tekstversie van dit scenario ({found}); de keuzes zijn gelijk, de tekst "
        "op dit blad komt uit de nieuwste ({newest}).",
        "Played with more than one text version of this scenario ({found}); the choices are the same, the "
        "text on this sheet is the newest ({newest}).",
    ),
    "no_fit": (
        "sessie {session}: het verslag past niet bij de scenarioversie ({problem})",
        "session {session}: the record does not fit its scenario version ({problem})",
    ),
    "group_and_ids": (
        "geef --group of sessie-id's, niet allebei (tip: trainer sessions list)",
        "give --group or session ids, not both (tip: trainer sessions list)",
    ),
    "unfinished": (
        "let op: {count} sessie(s) niet afgerond ({who}); ze staan gemarkeerd op het blad",
        "note: {count} session(s) not finished ({who}); they are marked on the sheet",
    ),
    "too_many": (
        "let op: {count} sessies; een gesprek werkt het best met hoogstens {limit} (tip: splits de groep "
        "met sessie-id's)",
        "note: {count} sessions; a conversation works best with at most {limit} (tip: split the group "
        "with session ids)",
    ),
    "no_weasyprint": (
        "PDF maken kan hier niet: WeasyPrint is niet geïnstalleerd ({problem}). Tip: maak HTML "
        "(--format html), open die in de browser en druk af op A4, of installeer pip install "
        "'trainer[pdf]'",
        "cannot make a PDF here: WeasyPrint is not installed ({problem}). Tip: make HTML "
        "(--format html), open it in a browser and print on A4, or install pip install 'trainer[pdf]'",
    ),
    "pdf_stdout": (
        "een PDF schrijf ik niet naar de terminal (tip: -o blad.pdf)",
        "will not write a PDF to the terminal (tip: -o sheet.pdf)",
    ),
    "cannot_write": ("{path}: kan niet schrijven ({problem})", "{path}: cannot write ({problem})"),
    "no_display": (
        "geen beeldscherm om de presentatie op te openen ({problem}) (tip: maak het blad met --format html "
        "en open het in de browser)",
        "no screen to open the presentation on ({problem}) (tip: make the sheet with --format html and open "
        "it in a browser)",
    ),
    "commitments_not_saved": (
        "let op: deze voornemens zijn niet bewaard (alleen met --group uit de database); neem ze over:",
        "note: these commitments were not saved (only with --group from the database); copy them:",
    ),
    "commitments_saved": (
        "{n} voornemen(s) bewaard bij groep '{label}'; ze staan op het blad",
        "{n} commitment(s) saved with group '{label}'; they are on the sheet",
    ),
    "written_individual": (
        "{n} persoonlijke bladen geschreven in {path} (één bestand per trainee)",
        "{n} individual sheets written in {path} (one file per trainee)",
    ),
    "written": ("nabespreking geschreven: {path}", "debrief written: {path}"),
}


def message(key: str, lang: str, **args: Any) -> str:
    """The message `key` in `lang` (Dutch unless 'en'), filled in."""
    nl, en = MESSAGES[key]
    return tr(nl, en, lang).format(**args)


class DebriefError(Exception):
    """Bad input for a debrief: one line for the user; the CLI prints it and exits 2."""


def fail(key: str, lang: str = "nl", **args: Any) -> DebriefError:
    """The error for message `key`, ready to raise."""
    return DebriefError(message(key, lang, **args))
