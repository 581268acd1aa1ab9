"""The sheet with a revote and the gespreksleider's flags, from a synthetic group with known answers
(tests/records/group_helpers.py): the first vote and the revote per option, the changes counted and said in
words relative to the kader, careful below five voters; flags with notes at their place, anonymous."""

from __future__ import annotations

import re
from pathlib import Path

from debrief.render import render_html, render_markdown
from debrief.sheet import Sheet
from debrief.sources import assemble, from_bundles, from_store
from debrief.summary import fold
from tests.debrief.helpers import without_styles
from tests.records.group_helpers import GROUP, PLAYS, play_group
from trainer.records import RecordStore
from trainer.records.bundle import export_bundle
from trainer.records.group_journal import LocalGroupJournal


def _group(db: Path, *, straat_voters: tuple[str, ...] = ("T1", "T2", "T3")) -> dict[str, str]:
    """Revote 1 at straat (the hittepunt) with few voters, revote 2 at aanspreken with five:
    T1 concreet→vaag (away), T2 vaag→concreet and T3 vaag→concreet (towards), T4 and T5 new voters."""
    with RecordStore(db) as store:
        played = play_group(store)
        journal = LocalGroupJournal(store)
        ids = {code: rec.session_id for code, (_s, rec) in played.items()}
        straat = journal.open_revote(GROUP, "minimaal", "straat")
        for code in straat_voters:
            played[code][0].cast_revote(straat.revote_id, "straat", "niemand")
        revote = journal.open_revote(GROUP, "minimaal", "aanspreken")
        for code, choice in (
            ("T1", "vaag"),
            ("T2", "concreet"),
            ("T3", "concreet"),
            ("T4", "concreet"),
            ("T5", "vaag"),
        ):
            played[code][0].cast_revote(revote.revote_id, "aanspreken", choice)
        journal.close_revote(revote.revote_id)
        journal.add_flag(GROUP, at_node="straat", note="Iedereen zag het achterlicht")
        journal.add_flag(GROUP, at_session=ids["T2"], at_node="aanspreken", note="Vroeg door naar de reden")
        journal.add_flag(GROUP, note="Goede sfeer in de groep")
        return ids


def _sheet(db: Path, lang: str = "nl") -> Sheet:
    with RecordStore(db) as store:
        return fold(assemble(*from_store(store, group=GROUP)), lang=lang)


def test_known_revote_on_the_sheet(tmp_path: Path) -> None:
    _group(tmp_path / "r.db")
    sheet = _sheet(tmp_path / "r.db")
    assert [h.point.node_id for h in sheet.hittepunten] == ["straat"]
    assert [p.code for p in sheet.participants if p.finished] == ["T1"]  # a vote after the end keeps it done
    straat, aanspreken = sheet.revotes
    assert (straat.node_id, straat.hot, straat.counts, straat.voters) == ("straat", True, False, 3)
    assert (aanspreken.node_id, aanspreken.hot, aanspreken.counts, aanspreken.voters) == (
        "aanspreken",
        False,
        True,
        5,
    )
    lines = {line.label: (line.assessment, line.first, line.again) for line in aanspreken.lines}
    assert lines == {
        "Je fietst zonder licht.": ("in_lijn", 1, 3),
        "Gewoon een controle.": ("niet_in_lijn", 2, 2),
    }
    assert aanspreken.summary == (
        "5 deelnemers stemden opnieuw. 3 kozen anders dan de eerste keer: 2 dichter bij het kader, "
        "1 verder ervan af. 2 stemden mee zonder hier in het spel te zijn geweest."
    )
    assert not aanspreken.open
    assert "geen aantallen" in straat.summary  # three voters: no numbers
    assert [(m.point != "", m.who, m.note) for m in sheet.marks] == [
        (True, None, "Iedereen zag het achterlicht"),
        (True, "T2", "Vroeg door naar de reden"),
        (False, None, "Goede sfeer in de groep"),
    ]


def test_the_sheet_says_it_in_english(tmp_path: Path) -> None:
    _group(tmp_path / "r.db")
    row = _sheet(tmp_path / "r.db", "en").revotes[1]
    assert row.summary == (
        "5 participants voted again. 3 chose differently from the first time: 2 closer to the kader, "
        "1 further from it. 2 voted without having reached this point in play."
    )


def test_few_voters_show_no_numbers_and_flags_stay_anonymous(tmp_path: Path) -> None:
    ids = _group(tmp_path / "r.db")
    sheet = _sheet(tmp_path / "r.db")
    html = without_styles(render_html(sheet, "group"))
    hot = html.split('<article class="hot">')[1].split("</article>")[0]
    revote = hot.split('<div class="revote">')[1].split("</div>")[0]
    assert "<table" not in revote and not re.search(r"\d", revote.replace("5 stemmen", ""))  # no counts
    assert "Iedereen zag het achterlicht" in hot  # the flag at its hittepunt
    others = html.split('<article class="hot others">')[1].split("</article>")[0]
    assert "Vroeg door naar de reden" in others and "bij een deelnemer" in others
    assert "Goede sfeer in de groep" in others and "bij de groep" in others
    assert "2 dichter bij het kader" in others
    for code in PLAYS:
        assert not re.search(rf"\b{code}\b", html), code
    assert ids["T2"][:8] not in html
    leader = without_styles(render_html(sheet, "leader"))
    assert "T2" in leader.split('<article class="hot others">')[1]
    md = render_markdown(sheet, "group")
    assert (
        "Vroeg door naar de reden" in md
        and "| B | Je fietst zonder licht." in md
        or "Je fietst zonder licht." in md
    )
    assert not any(re.search(rf"\b{code}\b", md) for code in PLAYS)


def test_the_same_sheet_from_an_export(tmp_path: Path) -> None:
    ids = _group(tmp_path / "r.db")
    with RecordStore(tmp_path / "r.db") as store:
        text = export_bundle(store, list(ids.values()))
    bundle = tmp_path / "groep.json"
    bundle.write_text(text, encoding="utf-8")
    from_file = fold(assemble(*from_bundles([bundle], group=GROUP)))
    direct = _sheet(tmp_path / "r.db")
    assert from_file.revotes == direct.revotes and from_file.marks == direct.marks


def test_no_revote_no_flags_no_change(tmp_path: Path) -> None:
    with RecordStore(tmp_path / "r.db") as store:
        play_group(store)
    sheet = _sheet(tmp_path / "r.db")
    assert sheet.revotes == () and sheet.marks == ()
    html = render_html(sheet, "group")
    assert 'class="revote"' not in html and 'class="marks"' not in html
