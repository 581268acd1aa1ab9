"""A niqab and a snood in the model, with known answers: `look_has: {headwear: niqab}` holds for the looks
that draw one, a text naming a niqab (or veil) that a look does not guarantee is caught where the author wrote
it, as a headscarf is, and the terminal says what the window draws (issue 21)."""

from __future__ import annotations

from tests.conftest import SCENARIOS
from trainer.commands.text_play import TextHost
from trainer.engine import FakeClock, Session
from trainer.engine.checking import check
from trainer.model.casting import looks_meeting
from trainer.model.loader import load_scenario, load_scenario_text
from trainer.model.scenario import LookCondition, LookTraits

DEMO = SCENARIOS / "id_demonstratie.yaml"
LIGHT = "- {id: licht, skin_tone: 1}"
VEIL_LINE = 'nl: "Ik heb u geholpen. Vanavond sta ik online, zonder sluier, naast twee agenten."'


def test_look_has_a_niqab_holds_in_every_look_of_noor_and_none_of_ruben() -> None:
    scenario = load_scenario(DEMO).scenario
    niqab = LookCondition(of="noor", look_has=LookTraits(headwear="niqab"))  # type: ignore[arg-type]
    assert looks_meeting(scenario, niqab) == {"licht", "getint", "donker"}
    scarf = LookCondition(of="noor", look_has=LookTraits(headwear="hoofddoek"))  # type: ignore[arg-type]
    assert looks_meeting(scenario, scarf) == frozenset()
    ruben = LookCondition(of="ruben", look_has=LookTraits(headwear="niqab"))  # type: ignore[arg-type]
    assert looks_meeting(scenario, ruben) == frozenset()


def test_the_bundled_scenario_checks_clean_with_the_niqab() -> None:
    assert [d.format() for d in check(load_scenario(DEMO))] == []


def test_a_niqab_named_where_a_look_takes_it_away_is_caught_where_it_is_written() -> None:
    text = DEMO.read_text(encoding="utf-8")
    assert LIGHT in text and VEIL_LINE in text
    varied = text.replace(LIGHT, "- {id: licht, skin_tone: 1, headwear: hoofddoek}")
    found = check(load_scenario_text(varied, "demo.yaml"))
    lines = varied.splitlines()
    label = next(i for i, ln in enumerate(lines, 1) if "Vrouw in een niqab bij de trap" in ln)
    veil = next(i for i, ln in enumerate(lines, 1) if VEIL_LINE in ln)
    niqab = [(d.code, d.line) for d in found if d.args.get("word") == "niqab"]
    assert ("C170", label) in niqab, niqab  # her label: it cannot carry a condition
    about_noor = [(d.code, d.line) for d in found if d.args.get("who") == "noor"]
    assert ("C174", veil) in about_noor, about_noor  # her line about the veil, no condition on her look
    # The author's fix: the line only for the looks that draw a niqab.
    fixed = varied.replace(
        "when: [{flag: gezicht_op_plein}]\n        text:\n          " + VEIL_LINE,
        "when: [{flag: gezicht_op_plein}, {look_has: {headwear: niqab}}]\n        text:\n          "
        + VEIL_LINE,
    )
    assert fixed != varied
    again = check(load_scenario_text(fixed, "demo.yaml"))
    assert ("C174", veil) not in [(d.code, d.line) for d in again if d.args.get("who") == "noor"]


def test_the_terminal_tells_the_niqab_and_the_snood_and_no_hidden_hair() -> None:
    scenario = load_scenario(DEMO).scenario
    session = Session(scenario, clock=FakeClock(), casting_place=0)
    cast = {m.id: m for m in session.shown_scenario.cast}
    for lang, niqab, col, hair in (
        ("nl", "met niqab; alleen de ogen zijn te zien", "col over neus en mond", "haar"),
        ("en", "wearing a niqab; only the eyes can be seen", "snood over nose and mouth", "hair"),
    ):
        host = TextHost(session, lang, lambda *_a, **_k: "", lambda *_a, **_k: None)
        noor, ruben, annet = (host.look(cast[c]) for c in ("noor", "ruben", "annet"))
        assert noor.endswith(niqab) and hair not in noor, noor
        assert col in ruben and hair not in ruben, ruben  # the hood is up
        assert hair in annet and col not in annet, annet
