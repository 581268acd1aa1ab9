"""The debrief knows who played at the slower tempo: the trainee's own sheet says so; the group sheet says
only that tempos differed (never how many), so times are not compared between people."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

from debrief.render import render_html, render_markdown
from tests.debrief.synthetic import Trainee, group_sheet

FIETS = ("fietsster", "e_concreet", "e_bon_uitleg")
BAKKER = ("oudere_man", "d_voorstellen", "d_zorg", "d_reg_bril")


def test_a_mixed_group_is_told_tempos_differed_without_a_count(tmp_path: Path) -> None:
    group = [Trainee(FIETS, slow=True), Trainee(BAKKER)] + [Trainee(FIETS)] * 4
    sheet = group_sheet(tmp_path / "a.sqlite3", "stationsplein", group)
    assert [p.slow for p in sheet.participants] == [True] + [False] * 5
    assert sheet.times.pace == "some_slow"
    html = unescape(render_html(sheet, "group"))
    said = re.search(r"Niet iedereen speelde in hetzelfde tempo[^<]*", html)
    assert said is not None and not re.search(r"\d", said.group(0)), "no count that points at someone"
    assert html.count("langzamer tempo") == 1, "said once, and nowhere next to a person"
    own = render_html(sheet, "individual", person=0)
    assert "langzamer tempo (tijden anderhalf keer zo lang)" in own
    assert "langzamer tempo (tijden" not in render_html(sheet, "individual", person=1)
    assert "Niet iedereen speelde" in render_markdown(sheet, "group")


def test_the_same_tempo_for_everyone_says_nothing_or_all(tmp_path: Path) -> None:
    same = group_sheet(tmp_path / "b.sqlite3", "stationsplein", [Trainee(FIETS)] * 3)
    assert same.times.pace == "same" and "tempo" not in render_html(same, "group")
    slow = group_sheet(tmp_path / "c.sqlite3", "stationsplein", [Trainee(FIETS, slow=True)] * 3)
    assert slow.times.pace == "all_slow"
    assert "Iedereen speelde in langzamer tempo" in render_html(slow, "group")
    english = group_sheet(tmp_path / "d.sqlite3", "stationsplein", [Trainee(FIETS, slow=True)] * 3, lang="en")
    assert "Everyone played at the slower pace" in render_html(english, "group", "en")
