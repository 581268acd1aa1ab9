"""`trainer diff OLD NEW`: known edits of a scenario give a known report, in Dutch, English and HTML."""

from __future__ import annotations

import html
import re
import subprocess
import sys
from pathlib import Path

from tests.conftest import FIXTURES

BASE = (FIXTURES / "minimal.yaml").read_text(encoding="utf-8")

# The old version carries a written tid on the cyclist's line, so moving that line keeps its name.
OLD_EDITS = (
    ('text: {nl: "Waarom ik?", en: "Why me?"}', 'text: {nl: "Waarom ik?", en: "Why me?", tid: waarom_ik}'),
)

NEW_EDITS = (
    ("version: 1", "version: 2"),
    # a line inserted before the tagged one: the tagged line moves, the new one is added
    (
        "    lines:\n      - speaker: fietser\n"
        '        text: {nl: "Waarom ik?", en: "Why me?", tid: waarom_ik}',
        '    lines:\n      - speaker: verteller\n        text: {nl: "Hij stopt.", en: "He stops."}\n'
        '      - speaker: fietser\n        text: {nl: "Waarom ik?", en: "Why me?", tid: waarom_ik}',
    ),
    ("timer: {seconds: 20, default: vaag}", "timer: {seconds: 30, default: vaag}"),
    # assessment and step of existing choices
    (
        "        step: uitleggen\n        assessment: niet_in_lijn",
        "        step: uitleggen\n        assessment: discutabel",
    ),
    (
        "        step: bejegenen\n        assessment: in_lijn\n        values: [proportionaliteit]",
        "        step: uitleggen\n        assessment: in_lijn\n        values: [proportionaliteit]",
    ),
    ("          legal_basis: wvw_160", "          legal_basis: politiewet_8"),
    # a reworded Dutch text keeps its id: one change, not a removal plus an addition
    ('{nl: "Waarom liet je hem gaan?", en:', '{nl: "Waarom liet je die fietser gaan?", en:'),
    # a removed node (with its texts and choice) and the choice that now skips it
    (
        "        assessment: in_lijn\n        goto: geen_uitleg_nodig",
        "        assessment: in_lijn\n        goto: afscheid",
    ),
    (
        "  geen_uitleg_nodig:\n    type: scene\n    lines:\n      - speaker: fietser\n"
        '        text: {nl: "Meneer, waar is het station?", en: "Sir, where is the station?"}\n'
        "    choices:\n      - id: vriendelijk_wijzen\n"
        "        text: {nl: Ik wijs de weg en zeg wie ik ben., en: I show the way and say who I am.}\n"
        "        step: uitleggen\n        assessment: in_lijn\n        goto: afscheid\n",
        "",
    ),
    # a new choice
    (
        "        goto: einde_geen_controle\n",
        "        goto: einde_geen_controle\n      - id: knikken\n"
        "        text: {nl: Ik knik en loop door., en: I nod and walk on.}\n"
        "        step: bejegenen\n        assessment: discutabel\n"
        "        rationale: {nl: Geen afsluiting., en: No closure.}\n        goto: einde_geen_controle\n",
    ),
    ("    outcome: waarschuwing", "    outcome: boete"),
    # layout only: the same text over two lines and a comment; not a difference
    (
        "  intro: {nl: Registreer de controle., en: Register the stop.}",
        "  intro:   # de registratie\n    nl: Registreer de controle.\n    en: Register the stop.",
    ),
)


def apply(text: str, edits: tuple[tuple[str, str], ...]) -> str:
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


def versions(tmp_path: Path) -> tuple[Path, Path]:
    old_text = apply(BASE, OLD_EDITS)
    old, new = tmp_path / "oud.yaml", tmp_path / "nieuw.yaml"
    old.write_text(old_text, encoding="utf-8")
    new.write_text(apply(old_text, NEW_EDITS), encoding="utf-8")
    return old, new


def trainer(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "trainer", *args], capture_output=True, text=True, timeout=60
    )


EXPECTED_NL = """\
Verschillen: {old} (versie 1) → {new} (versie 2)
12 verschillen: scenario 1 gewijzigd; knooppunten 1 weg; keuzes 1 nieuw; kaderstappen 1 gewijzigd; \
beoordelingen 1 gewijzigd; wettelijke grondslagen 1 gewijzigd; tijdsdruk 1 gewijzigd; verloop 1 \
gewijzigd; afloop 1 gewijzigd; teksten 1 nieuw, 2 gewijzigd

Het scenario als geheel
  gewijzigd  versie: 1 → 2  (regel 3 → 3)

Knooppunt 'straat' (selectie)
  gewijzigd  kandidaat 'fietser_zonder_licht': bevoegdheid: Wegenverkeerswet 1994 art. 160 \
(verkeerscontrole) → Politiewet 2012 art. 8 + WID (identiteit vorderen)  (regel 56 → 56)

Knooppunt 'aanspreken' (scène)
  gewijzigd  timer (seconden): 20 → 30  (regel 72 → 74)
  gewijzigd  keuze 'vaag': beoordeling: niet in lijn met het kader → discutabel  (regel 83 → 85)
  nieuw      tekst aanspreken.lines.1.text (knoop aanspreken, regel 1)  (regel 67)
             nu:  "Hij stopt."
  gewijzigd  tekst waarom_ik (eigen id, bij knoop aanspreken, regel 2; verplaatst)  (regel 67 → 69)
             was: "aanspreken.lines.1.text (knoop aanspreken, regel 1)"
             nu:  "aanspreken.lines.2.text (knoop aanspreken, regel 2)"

Knooppunt 'afhandelen' (scène)
  gewijzigd  keuze 'rustig': kaderstap: bejegenen → uitleggen  (regel 93 → 95)

Knooppunt 'terugblik' (scène)
  gewijzigd  keuze 'eerlijk': gaat naar: geen_uitleg_nodig → afscheid  (regel 114 → 116)
  gewijzigd  tekst terugblik.lines.1.text (knoop terugblik, regel 1; Nederlands)  (regel 108 → 110)
             was: "Waarom liet je hem gaan?"
             nu:  "Waarom liet je die fietser gaan?"

Knooppunt 'afscheid' (scène)
  nieuw      keuze 'knikken' (bejegenen, discutabel, gaat naar 'einde_geen_controle')  (regel 125)

Knooppunt 'einde_waarschuwing' (einde)
  gewijzigd  afloop: waarschuwing → boete  (regel 150 → 147)

Knooppunt 'geen_uitleg_nodig' (scène)
  weg        knooppunt 'geen_uitleg_nodig' (scène)  (was regel 115)
"""


def test_known_edits_give_the_known_report(tmp_path: Path) -> None:
    old, new = versions(tmp_path)
    assert trainer("check", str(new)).returncode in (0, 1)  # the new version loads (findings allowed)
    result = trainer("diff", str(old), str(new))
    assert result.returncode == 0, result.stderr
    assert result.stdout == EXPECTED_NL.format(old=old, new=new)


def test_english_report_and_exit_code(tmp_path: Path) -> None:
    old, new = versions(tmp_path)
    result = trainer("diff", str(old), str(new), "--lang", "en", "--exit-code")
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[1].startswith("12 differences: scenario 1 changed; nodes 1 removed; choices 1 added;")
    assert (
        "  changed    choice 'vaag': assessment: not in line with the kader → debatable  (line 83 → 85)"
        in lines
    )
    assert "  removed    node 'geen_uitleg_nodig' (scene)  (was line 115)" in lines
    # texts are named where they sit, in English too
    assert "  added      text aanspreken.lines.1.text (node aanspreken, line 1)  (line 67)" in lines
    assert (
        "  changed    text waarom_ik (written id, at node aanspreken, line 2; moved)  (line 67 → 69)" in lines
    )
    same = trainer("diff", str(old), str(old), "--exit-code")
    assert same.returncode == 0
    assert "Geen verschillen" in same.stdout


def test_a_reworded_text_without_tid_is_changed_not_removed_and_added(tmp_path: Path) -> None:
    old, new = tmp_path / "a.yaml", tmp_path / "b.yaml"
    old.write_text(BASE, encoding="utf-8")
    new.write_text(
        BASE.replace("Gewoon een controle.", "Gewoon een controle en meer niet."), encoding="utf-8"
    )
    out = trainer("diff", str(old), str(new)).stdout
    assert "1 verschil: teksten 1 gewijzigd" in out
    assert (
        "gewijzigd  tekst aanspreken.choices.vaag.text (knoop aanspreken, keuze vaag, tekst; Nederlands)"
        in out
    )


def test_html_page_is_self_contained_escaped_and_says_the_same(tmp_path: Path) -> None:
    old, new = versions(tmp_path)
    text = new.read_text(encoding="utf-8").replace("Hij stopt.", "Hij stopt. <script>alert(1)</script> & weg")
    new.write_text(text, encoding="utf-8")
    page_path = tmp_path / "verschil.html"
    result = trainer("diff", str(old), str(new), "--html", str(page_path))
    assert result.returncode == 0, result.stderr
    page = page_path.read_text(encoding="utf-8")
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; weg" in page
    assert not re.search(r"""(src|href)=["']?(http|//)""", page), "no outside resources"
    summary = result.stdout.splitlines()[1]
    assert f'<p class="summary">{html.escape(summary)}</p>' in page
    assert page.count('<tr class="changed">') == 9 and page.count('<tr class="added">') == 2
    assert page.count('<tr class="removed">') == 1
    # the reworded text shows the words that changed, marked by more than colour
    assert "<del>hem</del>" in page and "<ins>die fietser</ins>" in page


def test_bad_input_is_one_positioned_line_and_exit_2(tmp_path: Path) -> None:
    bad = tmp_path / "kapot.yaml"
    bad.write_text(BASE.replace("version: 1", "version: [1"), encoding="utf-8")
    result = trainer("diff", str(FIXTURES / "minimal.yaml"), str(bad))
    assert result.returncode == 2
    assert result.stderr.startswith(f"{bad}:") and result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr
    missing = trainer("diff", str(tmp_path / "nergens.yaml"), str(bad))
    assert missing.returncode == 2 and "L001" in missing.stderr


def test_a_copy_against_the_bundled_original_by_id(tmp_path: Path) -> None:
    from tests.conftest import SCENARIOS

    copy = tmp_path / "mijn_stationsplein.yaml"
    copy.write_text((SCENARIOS / "stationsplein.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    result = trainer("diff", "stationsplein", str(copy))
    assert result.returncode == 0, result.stderr
    assert "Geen verschillen" in result.stdout
    assert str(SCENARIOS / "stationsplein.yaml") in result.stdout.splitlines()[0]
