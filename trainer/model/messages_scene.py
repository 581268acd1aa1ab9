"""Diagnostic codes for what a scenario shows and how it is written and translated (C145-C193).

The street (props, beats, crowd), translations, quoting and conditional goto, weather and light, and casting:
kept apart from `messages.py` (reading, schema and the core checks) so each catalogue stays readable.
"""

from __future__ import annotations

from trainer.model.message_entry import E, Entry, W

SCENE_MESSAGES: dict[str, Entry] = {
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
    # --- backdrop images (C150) ---
    "C150": Entry(
        E,
        "afbeelding '{name}' is niet te tekenen: {problem}",
        "image '{name}' cannot be drawn: {problem}",
        "sla haar opnieuw op als PNG of JPEG (bijv. met 'Exporteren als PNG') en controleer opnieuw",
        "save it again as PNG or JPEG (e.g. with 'Export as PNG') and check again",
    ),
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
        "{owner}: de voorwaardelijke {key} heeft geen standaard (een laatste regel zonder when:)",
        "{owner}: the conditional {key} has no default (a last entry without when:)",
        "voeg als laatste toe: - {{to: knooppunt}} (zonder when:), voor als geen voorwaarde geldt",
        "add as the last entry: - {{to: node}} (without when:), for when no condition holds",
    ),
    "C148": Entry(
        W,
        "{owner}: deze regel van de {key} wordt nooit gebruikt, want de regel erboven (naar '{default}') "
        "heeft geen when: en geldt altijd",
        "{owner}: this entry of the {key} is never used: the one above it (to '{default}') has no when: "
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
    "C174": Entry(
        E,
        "'{word}' noemt een {attribute} van '{who}' die niet elke look in pool '{pool}' heeft, "
        "en geen voorwaarde op de look beperkt deze tekst tot looks die het wel hebben: {text}",
        "'{word}' names a {attribute} of '{who}' that not every look in pool '{pool}' has, and no condition "
        "on the look limits this text to looks that do: {text}",
        "zet er een voorwaarde op de look bij, bijv. when: [{{of: {who}, look: LOOK-ID}}] of "
        "when: [{{of: {who}, look_has: {{{key}: ...}}}}], of beschrijf gedrag in plaats van uiterlijk",
        "add a condition on the look, e.g. when: [{{of: {who}, look: LOOK-ID}}] or "
        "when: [{{of: {who}, look_has: {{{key}: ...}}}}], or describe behaviour instead of the look",
    ),
    "C175": Entry(
        E,
        "look '{name}' staat niet in pool '{pool}' van '{who}'",
        "look '{name}' is not in pool '{pool}' of '{who}'",
        "{known}",
        "{known}",
    ),
    "C176": Entry(
        E,
        "een voorwaarde op een look zegt niet van wie, of '{name}' staat in geen pool",
        "a condition on a look does not say whose, or '{name}' is in no pool",
        "schrijf of: met het cast-id van iemand in een pool ({known}); "
        "in een regel is dat standaard de spreker",
        "write of: with the cast id of someone in a pool ({known}); in a line it defaults to the speaker",
    ),
    "C177": Entry(
        E,
        "'{target}' is alleen te bereiken of te verlaten als {who} een bepaalde look heeft ({looks}): "
        "het verhaal mag niet van het uiterlijk afhangen",
        "'{target}' can only be reached or left when {who} has a certain look ({looks}): "
        "the story must not depend on the look",
        "geef dezelfde weg ook zonder voorwaarde op de look, of haal de voorwaarde weg; "
        "alleen wat er gezegd wordt mag per look verschillen",
        "offer the same way without a condition on the look too, or drop the condition; "
        "only what is said may differ per look",
    ),
    "C179": Entry(
        W,
        "'{word}' noemt een {attribute} die de tekening van deze persoon niet laat zien: {text}",
        "'{word}' names a {attribute} the drawing of this person does not show: {text}",
        "geef de persoon dat uiterlijk onder cast (appearance), of pas de tekst aan: woord en beeld moeten "
        "kloppen",
        "give the person that look under cast (appearance), or change the text: words and picture must agree",
    ),
    "C178": Entry(
        W,
        "deze voorwaarde op de look van '{who}' geldt bij {how} in pool '{pool}'",
        "this condition on the look of '{who}' holds for {how} in pool '{pool}'",
        "noem looks of kenmerken die sommige looks in de pool wel hebben en andere niet",
        "name looks or attributes that some looks in the pool have and others do not",
    ),
}
