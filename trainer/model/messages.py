"""The catalogue of diagnostic codes: severity, Dutch and English message and fix hint.

Codes are stable: tools and tests depend on them. L = reading the file, S = schema, C = semantic check.
"""

from __future__ import annotations

from trainer.model.message_entry import E, Entry, Severity, W
from trainer.model.messages_scene import SCENE_MESSAGES

__all__ = ["MESSAGES", "Entry", "Severity"]

_CORE_MESSAGES: dict[str, Entry] = {
    # --- reading the file ---
    "L001": Entry(
        E,
        "bestand niet gevonden of niet leesbaar ({reason})",
        "file not found or not readable ({reason})",
        "controleer het pad en de rechten",
        "check the path and permissions",
    ),
    "L002": Entry(
        E,
        "geen geldige UTF-8-tekst",
        "not valid UTF-8 text",
        "sla het bestand op als UTF-8 (in VS Code: rechtsonder 'UTF-8')",
        "save the file as UTF-8",
    ),
    "L003": Entry(
        E,
        "YAML-syntaxfout: {problem}",
        "YAML syntax error: {problem}",
        "controleer inspringing en dubbele punten; zet tekst met : ? , # of {{ }} tussen aanhalingstekens",
        "check indentation and colons; put text containing : ? , # or {{ }} in quotes",
    ),
    "L004": Entry(
        E,
        "tab gebruikt voor inspringen",
        "tab used for indentation",
        "gebruik spaties in plaats van tabs (VS Code: 'Convert Indentation to Spaces')",
        "use spaces instead of tabs",
    ),
    "L005": Entry(
        E,
        "sleutel '{key}' komt twee keer voor (eerder op regel {first_line})",
        "key '{key}' appears twice (first on line {first_line})",
        "verwijder of hernoem een van de twee",
        "remove or rename one of them",
    ),
    "L006": Entry(
        E,
        "onbekende YAML-tag '{tag}' geweigerd",
        "unknown YAML tag '{tag}' refused",
        "verwijder de tag; scenario's bevatten alleen tekst, getallen, lijsten en true/false",
        "remove the tag; scenarios hold only text, numbers, lists and true/false",
    ),
    "L007": Entry(
        E,
        "bestand te groot of te diep genest ({reason})",
        "file too large or nested too deeply ({reason})",
        "splits het scenario of gebruik minder ankers (&) en verwijzingen (*)",
        "split the scenario or use fewer anchors (&) and aliases (*)",
    ),
    "L008": Entry(
        E,
        "het bestand is leeg",
        "the file is empty",
        "begin met id:, title: enz. (zie scenarios/README.md)",
        "start with id:, title: etc. (see scenarios/README.md)",
    ),
    "L009": Entry(
        E,
        "het scenario moet met sleutels beginnen (id:, title: ...), niet met {found}",
        "the scenario must start with keys (id:, title: ...), not with {found}",
        "zie het voorbeeld in scenarios/README.md",
        "see the example in scenarios/README.md",
    ),
    "L010": Entry(
        E,
        "sleutel moet tekst zijn, niet {found}",
        "key must be text, not {found}",
        "gebruik een naam als sleutel, bijv. title:",
        "use a name as key, e.g. title:",
    ),
    "L011": Entry(
        E,
        "dit is een map, geen scenariobestand",
        "this is a directory, not a scenario file",
        "geef een .yaml-bestand op, of gebruik 'trainer check' voor een hele map",
        "give a .yaml file, or use 'trainer check' for a whole folder",
    ),
    "L012": Entry(
        E,
        "waarde {value} past niet bij {tag}",
        "value {value} does not fit {tag}",
        "verwijder de tag (!!...) of pas de waarde aan",
        "remove the tag (!!...) or fix the value",
    ),
    "L013": Entry(
        E,
        "deze map bevat geen .yaml- of .yml-bestanden",
        "this folder holds no .yaml or .yml files",
        "controleer de map, of geef de bestanden zelf op",
        "check the folder, or name the files themselves",
    ),
    # --- schema ---
    "S001": Entry(
        E,
        "verplicht veld '{field}' ontbreekt",
        "required field '{field}' is missing",
        "voeg '{field}:' toe{suggestion}",
        "add '{field}:'{suggestion}",
    ),
    "S002": Entry(E, "onbekend veld '{field}'", "unknown field '{field}'", "{suggestion}", "{suggestion}"),
    "S003": Entry(
        E,
        "ongeldige waarde {value}: kies uit {expected}",
        "invalid value {value}: choose from {expected}",
        "{suggestion}",
        "{suggestion}",
    ),
    "S004": Entry(
        E,
        "verkeerd soort waarde {value}: verwacht {expected}",
        "wrong kind of value {value}: expected {expected}",
        "{suggestion}",
        "{suggestion}",
    ),
    "S005": Entry(
        E,
        "waarde {value} buiten het toegestane bereik: {detail}",
        "value {value} out of range: {detail}",
        "pas de waarde aan",
        "adjust the value",
    ),
    "S006": Entry(
        E,
        "ongeldige naam {value}",
        "invalid name {value}",
        "gebruik alleen kleine letters, cijfers en _ en begin met een letter (bijv. bestuurder_1)",
        "use lowercase letters, digits and _ only, starting with a letter",
    ),
    "S007": Entry(
        E,
        "ongeldige invoer: {detail}",
        "invalid input: {detail}",
        "vergelijk met het voorbeeld in scenarios/README.md",
        "compare with the example in scenarios/README.md",
    ),
    # --- semantic checks ---
    "C101": Entry(
        E,
        "verwijzing naar onbekend knooppunt '{target}'",
        "reference to unknown node '{target}'",
        "{suggestion}",
        "{suggestion}",
    ),
    "C102": Entry(
        E, "onbekend cast-lid '{name}'", "unknown cast member '{name}'", "{suggestion}", "{suggestion}"
    ),
    "C103": Entry(
        E,
        "onbekende vlag '{name}'",
        "unknown flag '{name}'",
        "voeg '{name}' toe onder state: flags:{suggestion}",
        "add '{name}' under state: flags:{suggestion}",
    ),
    "C104": Entry(
        E,
        "onbekende meter '{name}'",
        "unknown meter '{name}'",
        "voeg '{name}' toe onder state: meters:{suggestion}",
        "add '{name}' under state: meters:{suggestion}",
    ),
    "C105": Entry(
        E,
        "afbeelding '{name}' niet gevonden",
        "image '{name}' not found",
        "kies een getekende achtergrond ({known}) of zet het bestand in assets/images/",
        "choose a drawn backdrop ({known}) or put the file in assets/images/",
    ),
    "C106": Entry(
        W,
        "knooppunt '{node}' is vanaf de start niet bereikbaar",
        "node '{node}' cannot be reached from the start",
        "laat een keuze of 'next:' ernaar verwijzen, of verwijder het",
        "point a choice or 'next:' to it, or remove it",
    ),
    "C107": Entry(
        E,
        "doodlopend knooppunt '{node}': geen keuzes, geen 'next:' en geen einde",
        "dead end '{node}': no choices, no 'next:' and not an ending",
        "voeg keuzes of 'next:' toe, of maak er een einde van (type: ending)",
        "add choices or 'next:', or make it an ending (type: ending)",
    ),
    "C108": Entry(
        W,
        "einde '{node}' is vanaf de start niet bereikbaar",
        "ending '{node}' cannot be reached from the start",
        "laat een keuze naar dit einde leiden, of verwijder het",
        "let a choice lead to this ending, or remove it",
    ),
    "C109": Entry(
        E,
        "lus zonder uitweg: deze verwijzing leidt terug naar '{back}', en vanuit de lus ({members}) is geen "
        "einde te bereiken",
        "loop with no way out: this reference leads back to '{back}', and no ending can be reached from the "
        "loop ({members})",
        "laat deze verwijzing naar een einde leiden, of geef een van deze knooppunten een keuze die eruit "
        "leidt",
        "point this reference to an ending, or give one of these nodes a choice that leads out",
    ),
    "C110": Entry(
        E,
        "route zonder stap '{steps}': deze keuze leidt naar einde '{ending}' voordat die stap aan bod "
        "kwam ({route})",
        "route missing step '{steps}': this choice leads to ending '{ending}' before that step came up "
        "({route})",
        "laat deze keuze eerst naar een knooppunt met een keuze met step: {steps} gaan, of geef de route "
        "eerder zo'n keuze",
        "let this choice first lead to a node with a choice with step: {steps}, or give the route such a "
        "choice earlier",
    ),
    "C111": Entry(
        E,
        "keuze '{choice}' is {assessment} maar heeft geen rationale",
        "choice '{choice}' is {assessment} but has no rationale",
        "leg onder 'rationale:' uit waarom: daar praat de groep over",
        "explain why under 'rationale:': that is what the group discusses",
    ),
    "C112": Entry(
        E,
        "selectiekeuze '{choice}' noemt geen gronden",
        "selection choice '{choice}' names no grounds",
        "voeg 'grounds:' toe, bijv. [gedrag, informatie] of [uiterlijk]",
        "add 'grounds:', e.g. [gedrag, informatie] or [uiterlijk]",
    ),
    "C113": Entry(
        E,
        "keuze met tijdslimiet zonder standaardkeuze",
        "timed choice without a default",
        "voeg onder 'timer:' toe: default: <keuze-id>{suggestion}",
        "add under 'timer:': default: <choice id>{suggestion}",
    ),
    "C114": Entry(
        W,
        "Engelse vertaling ontbreekt bij '{text}'",
        "English translation missing for '{text}'",
        "schrijf de tekst als {{nl: ..., en: ...}}",
        "write the text as {{nl: ..., en: ...}}",
    ),
    "C115": Entry(
        E,
        "keuze-id '{choice}' komt twee keer voor in '{node}'",
        "choice id '{choice}' appears twice in '{node}'",
        "geef elke keuze in een knooppunt een eigen id",
        "give each choice in a node its own id",
    ),
    "C116": Entry(
        E,
        "startknooppunt '{target}' bestaat niet",
        "start node '{target}' does not exist",
        "{suggestion}",
        "{suggestion}",
    ),
    "C117": Entry(
        E,
        "meter '{name}': start {start} ligt niet tussen min {min} en max {max}",
        "meter '{name}': start {start} is not between min {min} and max {max}",
        "pas start, min of max aan",
        "adjust start, min or max",
    ),
    "C118": Entry(
        E,
        "'{name}' is een {kind}, maar krijgt waarde {value}",
        "'{name}' is a {kind} but is given {value}",
        "een vlag krijgt true/false, een meter een getal",
        "a flag takes true/false, a meter a number",
    ),
    "C119": Entry(
        E,
        "id '{name}' komt twee keer voor",
        "id '{name}' appears twice",
        "geef elk cast-lid, elke kandidaat en elke vraag een eigen id",
        "give each item its own id",
    ),
    "C120": Entry(
        W,
        "keuze '{choice}' gebruikt verboden gronden ({grounds}) maar heet in_lijn",
        "choice '{choice}' uses prohibited grounds ({grounds}) but is marked in_lijn",
        "selectie op uiterlijk, afkomst of onderbuik is niet in lijn met het kader; pas de beoordeling aan",
        "selection on appearance, origin or gut feeling is not in line with the kader; fix the assessment",
    ),
    "C121": Entry(
        W,
        "alle keuzes in '{node}' hebben voorwaarden: mogelijk is er geen enkele beschikbaar",
        "every choice in '{node}' has conditions: possibly none is available",
        "geef minstens één keuze zonder 'when:'",
        "give at least one choice without 'when:'",
    ),
    "C122": Entry(
        E,
        "knooppunt '{node}' heeft zowel keuzes als 'next:'",
        "node '{node}' has both choices and 'next:'",
        "kies: keuzes (de speler beslist) of 'next:' (verhaal gaat door)",
        "choose: choices (the player decides) or 'next:' (the story continues)",
    ),
    "C123": Entry(
        E,
        "onbekende waarde '{name}'",
        "unknown value '{name}'",
        "kies uit de standaardwaarden ({known}) of voeg '{name}' toe onder 'values:'",
        "choose from the standard values ({known}) or add '{name}' under 'values:'",
    ),
    "C124": Entry(
        E,
        "meter '{name}': min {min} is groter dan max {max}",
        "meter '{name}': min {min} is greater than max {max}",
        "wissel min en max om",
        "swap min and max",
    ),
    "C125": Entry(
        E,
        "'timer:' zonder keuzes in '{node}'",
        "'timer:' without choices in '{node}'",
        "verwijder de timer of voeg keuzes toe",
        "remove the timer or add choices",
    ),
    "C126": Entry(
        E,
        "standaardkeuze '{choice}' heeft voorwaarden (when:): als die niet gelden, kan de tijd niet verlopen",
        "default choice '{choice}' has conditions (when:): if they do not hold, time cannot run out",
        "kies als standaard een keuze zonder 'when:'",
        "choose a default without 'when:'",
    ),
    "C127": Entry(
        E,
        "'{name}' is een gereserveerde naam",
        "'{name}' is a reserved name",
        "'verteller' is de verteller en 'niemand' de keuze niemand aan te spreken; kies een andere id",
        "'verteller' is the narrator and 'niemand' the choice to address nobody; choose another id",
    ),
    "C144": Entry(
        E,
        "vlaggen zonder label (bijv. '{first}'): het nabesprekingsblad noemt ze bij een label, "
        "niet bij hun naam",
        "flags without a label (e.g. '{first}'): the debrief sheet names them by a label, not by their id",
        'schrijf elke vlag als naam: {{nl: "...", en: "..."}}, bijv. gefilmd: {{nl: "het optreden werd '
        'gefilmd", en: "the stop was filmed"}}',
        'write each flag as name: {{nl: "...", en: "..."}}, e.g. gefilmd: {{nl: "het optreden werd '
        'gefilmd", en: "the stop was filmed"}}',
    ),
    "C128": Entry(
        E,
        "voorwaarde op meter '{name}' zonder at_least of at_most",
        "condition on meter '{name}' without at_least or at_most",
        "voeg at_least: of at_most: toe, anders geldt de voorwaarde altijd",
        "add at_least: or at_most:, otherwise the condition always holds",
    ),
    "C129": Entry(
        W,
        "vlag '{name}' wordt op true getest, maar geen keuze zet hem ooit op true: "
        "wat ervan afhangt, verschijnt nooit",
        "flag '{name}' is tested for true, but no choice ever sets it to true: "
        "what depends on it never appears",
        "zet de vlag in een effect van een keuze ({{set: {name}}}), of haal de voorwaarde weg",
        "set the flag in a choice's effects ({{set: {name}}}), or remove the condition",
    ),
    # --- powers and offences (C140-C141), honest cues and options (C142-C143) ---
    "C140": Entry(
        E,
        "'{name}' is een overtreding, geen bevoegdheid: onder legal_basis hoort de bevoegdheid",
        "'{name}' is an offence, not a power: legal_basis names the power",
        "zet '{name}' onder 'offence:' en noem onder 'legal_basis:' de bevoegdheid ({powers})",
        "move '{name}' to 'offence:' and name the power under 'legal_basis:' ({powers})",
    ),
    "C141": Entry(
        E,
        "'{name}' is {kind}, geen overtreding: onder offence hoort wat de burger fout deed",
        "'{name}' is {kind}, not an offence: offence names what the citizen did wrong",
        "kies een overtreding ({offences}) of laat 'offence:' weg; de bevoegdheid hoort onder 'legal_basis:'",
        "choose an offence ({offences}) or leave 'offence:' out; the power goes under 'legal_basis:'",
    ),
    "C142": Entry(
        W,
        "'{phrase}' trekt een conclusie voor de trainee: {text}",
        "'{phrase}' draws a conclusion for the trainee: {text}",
        "beschrijf wat je ziet en hoort (kleding, gedrag, tijd, plaats); de trainee legt zelf het verband",
        "describe what is seen and heard (clothing, behaviour, time, place); let the trainee make the link",
    ),
    "C143": Entry(
        W,
        "in de {lang} tekst is de in_lijn-keuze de langste in {count} van {total} keuzemomenten ({nodes})",
        "in the {lang} text the in_lijn choice is the longest in {count} of {total} choice points ({nodes})",
        "maak ook andere keuzes volwaardig: wat een echte agent zegt, met reden; "
        "lengte mag geen aanwijzing zijn",
        "make other options full too: what a real officer says, with a reason; length must not be a clue",
    ),
}

MESSAGES: dict[str, Entry] = {**_CORE_MESSAGES, **SCENE_MESSAGES}
