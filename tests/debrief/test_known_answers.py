"""Issue 13 items 1, 2, 4 and 5 against synthetic groups whose right sheet is known beforehand."""

from __future__ import annotations

from pathlib import Path

from debrief import hittepunten
from tests.debrief.synthetic import Trainee, group_sheet
from trainer.engine.plan import TIMEOUT

# Stationsplein routes (tests/plans/stationsplein) as choice lists
BAKKER = ("oudere_man", "d_voorstellen", "d_zorg", "d_reg_bril")
FIETS = ("fietsster", "e_concreet", "e_bon_uitleg")
ZAKKENROLLER = ("zakkenroller", "a_concreet", "a_vrijwillig", "a_rustig_aanhouden", "a_reg_feiten")


def test_trust_counts_only_those_who_met_the_person(tmp_path: Path) -> None:
    """Item 1: one trainee of six met meneer Bakker; his trust row is that one run's end value, n = 1."""
    group = [Trainee(BAKKER)] + [Trainee(FIETS)] * 5
    sheet = group_sheet(tmp_path / "a.sqlite3", "stationsplein", group)
    bakker = next(m for m in sheet.meters if m.who == "meneer Bakker")
    assert bakker.n == 1 and bakker.start == 5
    assert bakker.median == bakker.final_min == bakker.final_max
    assert bakker.median != 5  # the one who met him moved his trust; five who never met him do not count
    alone = group_sheet(tmp_path / "b.sqlite3", "stationsplein", [Trainee(BAKKER)])
    assert next(m for m in alone.meters if m.who == "meneer Bakker").median == bakker.median
    nobody = next(m for m in sheet.meters if m.who == "Noah")
    assert nobody.n == 0 and nobody.median is None  # nobody met Noah: no figure, not "3,0"


def test_registrations_judged_against_what_the_route_did(tmp_path: Path) -> None:
    """Item 2: an honest weak registration is honest; a concealed frisk and a pretext ground are named."""
    honest_weak = Trainee(
        ("groep", "b_concreet", "b_jeroen_corrigeren", "b_reg_jeroen"),
        grounds=(),
        basis="sv_52",  # the power the route used, named honestly; no ground, because there was none
        reason="Groep aangesproken zonder concrete aanleiding; gevraagd op te schuiven.",
    )
    concealed_frisk = Trainee(
        ("zakkenroller", TIMEOUT, "a_fouilleren", "a_boeien", "a_reg_fouille_verzwijgen"),
        grounds=("gedrag", "informatie"),
        basis="sv_52",
        reason="Verdachte voldeed aan de aangifte; aangehouden. Portemonnees bij insluitingsfouillering.",
    )
    pretext = Trainee(
        ("jongen_pilaar", TIMEOUT, TIMEOUT, "c_reg_signalement"),
        grounds=("signalement",),
        basis="politiewet_8",
        reason="Signalement zakkenrollen: zwarte rugzak.",
    )
    honest_strong = Trainee(ZAKKENROLLER, grounds=("gedrag", "informatie"), basis="sv_52")
    sheet = group_sheet(
        tmp_path / "r.sqlite3", "stationsplein", [honest_weak, concealed_frisk, pretext, honest_strong]
    )
    weak, frisk, pre, strong = sheet.registrations
    assert weak.mismatches == (), weak
    assert frisk.mismatches == (  # the timer chose 'gewoon een controle' with an ID demand, then the frisk
        "gebruikt maar niet geregistreerd: Politiewet 2012 art. 8 + WID (identiteit vorderen); "
        "Politiewet 2012 art. 7 lid 3 (veiligheidsfouillering)",
    )
    assert pre.mismatches == (
        "geregistreerd als grond, maar niet wat de keuze uitlokte: signalement",
        "wat de keuze uitlokte staat er niet in: uiterlijk, afkomst, onderbuikgevoel",
    )
    assert strong.mismatches == ()
    assert pre.reason == "Signalement zakkenrollen: zwarte rugzak."  # the trainee's words go next to it


def test_small_reach_is_no_hittepunt_and_n_is_said(tmp_path: Path) -> None:
    """Item 4: three people split 1-1-1 at a point is not a hittepunt; reasons carry n and no 'onenigheid'."""
    three = [
        Trainee(("zakkenroller", "a_concreet")),
        Trainee(("zakkenroller", "a_tactisch")),
        Trainee(("zakkenroller", "a_rugzak")),
    ]
    group = three + [Trainee(FIETS)] * 4 + [Trainee(BAKKER)] * 3
    sheet = group_sheet(tmp_path / "s.sqlite3", "stationsplein", group)
    split = next(p for p in sheet.timeline if p.node_id == "a_aanspreken")
    assert split.reached == 3 and sorted(o.count for o in split.chosen) == [1, 1, 1]
    assert split.heat >= hittepunten.MIN_HEAT  # hot by the formula: only the reach keeps it out
    assert "a_aanspreken" not in [h.point.node_id for h in sheet.hittepunten]
    for h in sheet.hittepunten:
        assert h.point.reached >= hittepunten.MIN_REACH
        assert all("onenigheid" not in r for r in h.reasons)
        assert any(f"n = {h.point.reached}" in r or f"van de {h.point.reached}" in r for r in h.reasons)


def test_small_groups_get_no_counts_in_prompts(tmp_path: Path) -> None:
    """Item 4 and 'nobody singled out': at n < 5 the prompt asks about the option, with no counts."""
    sheet = group_sheet(tmp_path / "n.sqlite3", "stationsplein", [Trainee(BAKKER), Trainee(FIETS)])
    for h in sheet.hittepunten:
        for q in h.prompts:
            text = f"{q.observation} {q.thought} {q.question}"
            assert " van de " not in text and "1×" not in text


def test_a_timeout_is_not_called_a_choice(tmp_path: Path) -> None:
    """Item 5: three choose, three let the timer run out at the first selection (default: nobody)."""
    group = [Trainee(("oude_auto",))] * 3 + [Trainee((TIMEOUT,))] * 3
    sheet = group_sheet(tmp_path / "t.sqlite3", "nachtelijke_verkeerscontrole", group)
    straat = next(h for h in sheet.hittepunten if h.point.node_id == "straat").point
    nobody = next(o for o in straat.options if o.count and o.picked == 0)
    assert nobody.count == 3 and nobody.timeouts == 3
    texts = [f"{q.observation} {q.thought}" for h in sheet.hittepunten for q in h.prompts]
    about = [t for t in texts if nobody.label in t]
    assert about, texts
    for text in about:
        assert "volgde doordat de tijd verliep" in text or "door de tijd" in text, text
        assert f"{nobody.label}’ ({nobody.key}) 3 van de 6 keer gekozen" not in text
