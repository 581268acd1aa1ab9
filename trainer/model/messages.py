"""The catalogue of diagnostic codes: severity, Dutch and English message and fix hint.

Codes are stable: tools and tests depend on them. L = reading the file, S = schema, C = semantic check.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Entry:
    severity: Severity
    nl: str
    en: str
    hint_nl: str
    hint_en: str


E, W = Severity.ERROR, Severity.WARNING

MESSAGES: dict[str, Entry] = {
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
    # --- the selection street: props, beats, crowd (C180-C188) ---
    "C180": Entry(
        E,
        "onbekende prop '{name}' in dit beeld",
        "unknown prop '{name}' in this scene",
        "gebruik een id uit 'props:' van dit knooppunt ({known}), of zet de prop erbij",
        "use an id from this node's 'props:' ({known}), or add the prop",
    ),
    "C181": Entry(
        E,
        "beat op seconde {at}, maar de selectie duurt {limit} seconden: niemand ziet hem",
        "beat at second {at}, but the selection lasts {limit} seconds: nobody sees it",
        "zet 'at:' op {limit} of minder, of maak de time_limit langer",
        "set 'at:' to {limit} or less, or make the time_limit longer",
    ),
    "C182": Entry(
        E,
        "beat op seconde {at} begint terwijl {cand} nog onderweg is (aangekomen op seconde {ready})",
        "beat at second {at} starts while {cand} is still on the way (arrives at second {ready})",
        "zet 'at:' op {ready} of later, of laat de vorige beat eerder beginnen",
        "set 'at:' to {ready} or later, or start the previous beat earlier",
    ),
    "C183": Entry(
        E,
        "'{act}' heeft een prop nodig om op te zitten of tegen te leunen",
        "'{act}' needs a prop to sit on or lean against",
        "geef 'prop:' met het id van een prop van soort: {kinds}",
        "give 'prop:' with the id of a prop of kind: {kinds}",
    ),
    "C184": Entry(
        E,
        "{cand} is al vertrokken: een beat daarna ziet niemand",
        "{cand} has already left: nobody sees a beat after that",
        "haal deze beat weg, of laat 'vertrekken' later komen",
        "remove this beat, or let 'vertrekken' come later",
    ),
    "C185": Entry(
        E,
        "de standaardkeuze '{cand}' is op seconde {at} al vertrokken, voor de tijd om is",
        "the default '{cand}' has left at second {at}, before the time is up",
        "kies een ander 'default:' (of niemand), of laat {cand} blijven",
        "choose another 'default:' (or nobody), or let {cand} stay",
    ),
    "C186": Entry(
        E,
        "prop-id '{name}' komt twee keer voor in dit beeld",
        "prop id '{name}' occurs twice in this scene",
        "geef elke prop een eigen id",
        "give each prop its own id",
    ),
    "C187": Entry(
        W,
        "de tekst noemt '{prop}', maar dit beeld heeft er geen",
        "the text names '{prop}', but this scene has none",
        "zet onder 'props:' een prop met kind: {kind} op de plek waar de tekst hem noemt",
        "add a prop with kind: {kind} under 'props:' where the text names it",
    ),
    "C188": Entry(
        W,
        "de vraag zegt dat het druk is, maar de drukte staat op '{density}'",
        "the prompt says it is busy, but the crowd is set to '{density}'",
        "zet 'crowd: {{density: ..., to: druk}}' (of vol), of pas de tekst aan",
        "set 'crowd: {{density: ..., to: druk}}' (or vol), or change the text",
    ),
    # --- translations (C160-C169) ---
    "C160": Entry(
        W,
        "de Nederlandse tekst is veranderd sinds de vertaling: '{text}' (id {id})",
        "the Dutch text changed after it was translated: '{text}' (id {id})",
        "werk 'en:' bij en haal de regel 'nl_hash:' weg, of vertaal opnieuw via trainer i18n export/import",
        "update 'en:' and remove the 'nl_hash:' line, or translate again with trainer i18n export/import",
    ),
    "C161": Entry(
        E,
        "tekst-id '{id}' komt twee keer voor (ook op regel {other_line})",
        "text id '{id}' is used twice (also on line {other_line})",
        "geef deze tekst een andere 'tid:'; elke tekst heeft een eigen id",
        "give this text another 'tid:'; every text needs its own id",
    ),
    # --- issue 19: quotes in text, conditional goto, file names ---
    "C145": Entry(
        E,
        "dubbel aanhalingsteken midden in een tekst tussen dubbele aanhalingstekens: hier houdt de tekst "
        "op, en wat erna komt ({rest}) begrijpt de YAML-lezer niet",
        "double quote inside a text in double quotes: the text ends here, and what follows ({rest}) is not "
        "YAML",
        "gebruik binnen de tekst enkele aanhalingstekens ('dat soort jongens'), of schrijf \\\" voor dit "
        "teken, of gebruik een blok (| en de tekst ingesprongen op de regels eronder)",
        "use single quotes inside the text ('that sort of boys'), or write \\\" for this quote, or use a "
        "block (| with the text indented on the lines below)",
    ),
    "C146": Entry(
        E,
        "de tekst begint met een aanhalingsteken ({start}): de YAML-lezer leest alles tot het volgende ' "
        "als één tekst, en vindt dat {found}",
        "the text starts with a quote ({start}): the YAML reader takes everything up to the next ' as one "
        "text, and finds that {found}",
        'zet de hele tekst tussen dubbele aanhalingstekens: "{example}"',
        'put the whole text in double quotes: "{example}"',
    ),
    "C147": Entry(
        E,
        "keuze '{choice}': de voorwaardelijke goto heeft geen standaard (een laatste regel zonder when:)",
        "choice '{choice}': the conditional goto has no default (a last entry without when:)",
        "voeg als laatste toe: - {{to: knooppunt}} (zonder when:), voor als geen voorwaarde geldt",
        "add as the last entry: - {{to: node}} (without when:), for when no condition holds",
    ),
    "C148": Entry(
        W,
        "keuze '{choice}': deze regel wordt nooit gebruikt, want de regel erboven (naar '{default}') "
        "heeft geen when: en geldt altijd",
        "choice '{choice}': this entry is never used: the one above it (to '{default}') has no when: "
        "and always holds",
        "zet de standaard (zonder when:) als laatste",
        "put the default (without when:) last",
    ),
    "C149": Entry(
        E,
        "id '{id}' is ook het id van {other}, met een andere inhoud",
        "id '{id}' is also the id of {other}, with other content",
        "geef elk scenario een eigen id (bijv. de bestandsnaam): verslagen en nabesprekingen herkennen een "
        "scenario aan zijn id",
        "give every scenario its own id (e.g. the file name): records and debriefs know a scenario by its id",
    ),
    # --- words and pictures: weather and light (C190-C193) ---
    "C190": Entry(
        W,
        "de tekst noemt {what} ('{phrase}'), maar het beeld is droog: {text}",
        "the text mentions {what} ('{phrase}'), but the picture is dry: {text}",
        "zet {fix} onder setting, of bij dit knooppunt als het pas hier gaat regenen",
        "set {fix} under setting, or on this node if the rain starts here",
    ),
    "C191": Entry(
        W,
        "de tekst noemt {what} ('{phrase}'), maar het beeld is lichter: {text}",
        "the text mentions {what} ('{phrase}'), but the picture is lighter: {text}",
        "zet {fix} onder setting (of bij dit knooppunt), of pas de tekst aan",
        "set {fix} under setting (or on this node), or change the text",
    ),
    "C192": Entry(
        W,
        "de tekst noemt {what} ('{phrase}'), maar het beeld is helder: {text}",
        "the text mentions {what} ('{phrase}'), but the picture is clear: {text}",
        "zet {fix} onder setting (of bij dit knooppunt), of pas de tekst aan",
        "set {fix} under setting (or on this node), or change the text",
    ),
    "C193": Entry(
        W,
        "de tekst noemt {what} ('{phrase}'), maar het beeld is nat of donker: {text}",
        "the text mentions {what} ('{phrase}'), but the picture is wet or dark: {text}",
        "zet {fix} onder setting (of bij dit knooppunt), of pas de tekst aan",
        "set {fix} under setting (or on this node), or change the text",
    ),
    # --- casting: the Hof test as an experiment (C170-C179) ---
    "C170": Entry(
        E,
        "'{word}' noemt een {attribute} die niet elke look in pool '{pool}' heeft: {text}",
        "'{word}' names a {attribute} that not every look in pool '{pool}' has: {text}",
        "beschrijf gedrag, kleding en spullen in plaats van het uiterlijk, of haal deze persoon uit de pool",
        "describe behaviour, clothing and items instead of the look, or take this person out of the pool",
    ),
    "C171": Entry(
        E,
        "casting: '{name}' is geen bekende {what}",
        "casting: '{name}' is not a known {what}",
        "een pool noemt cast-id's van personen die in een selectie staan (elk in één pool) "
        "en unieke look-id's",
        "a pool names cast ids of people who stand in a selection, each in one pool, and unique look ids",
    ),
    "C172": Entry(
        E,
        "pool '{pool}' kan niet eerlijk verdelen: {members} tegen {looks} looks",
        "pool '{pool}' cannot share out fairly: {members} against {looks} looks",
        "geef de pool minstens zoveel looks als personen, en zet elke persoon in één pool",
        "give the pool at least as many looks as people, and put each person in one pool",
    ),
    "C173": Entry(
        W,
        "pool '{pool}' laat in elke verdeling dezelfde look op dezelfde persoon: "
        "er valt niets te vergelijken",
        "pool '{pool}' leaves the same look on the same person in every assignment: nothing to compare",
        "geef de pool minstens twee looks die verschillen (huidskleur, haar, haarkleur, hoofddeksel)",
        "give the pool at least two looks that differ (skin tone, hair, hair colour, headwear)",
    ),
}
