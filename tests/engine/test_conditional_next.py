"""A scene's `next:` may depend on the route (issue 19): a list of `{when, to}` entries, the first that
holds wins, as with a choice's conditional `goto`. Played by the real rules, with plans for both branches;
the checker, coverage and the graph follow it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import FIXTURES
from trainer.engine import FakeClock, Session
from trainer.engine.checking import check
from trainer.engine.plan import follow, parse_plan
from trainer.engine.routes import coverage
from trainer.engine.save import restore, save
from trainer.model.loader import LoadedScenario, load_scenario_text

BASE = (FIXTURES / "minimal.yaml").read_text(encoding="utf-8")
PLAIN = "    next: reflectie_keuze\n"
# After the stop: if it was filmed, the colleague first talks about the camera; otherwise straight on.
CAMERA_SCENE = (
    "  camera:\n    type: scene\n    lines:\n      - speaker: collega\n"
    '        text: {nl: "Die camera, hè. Hoe was dat voor jou?", en: "That camera. How was that for you?"}\n'
    "    next: reflectie_keuze\n"
    "  reflectie_keuze:\n"
)
CONDITIONAL = "    next: [{when: [{flag: gefilmd}], to: camera}, {to: reflectie_keuze}]\n"


def load(next_value: str = CONDITIONAL) -> LoadedScenario:
    text = BASE.replace(PLAIN, next_value).replace("  reflectie_keuze:\n", CAMERA_SCENE, 1)
    return load_scenario_text(text, "minimaal.yaml")


def plan(route: list[str], choices: str) -> str:
    return (
        f"scenario: minimaal\nchoices: [{choices}]\nanswers: {{waarom: 'Zo ging het.'}}\n"
        "registration: {grounds: [voertuig], legal_basis: wvw_160, outcome: waarschuwing, reason: licht}\n"
        f"expect: {{ending: einde_waarschuwing, route: [{', '.join(route)}]}}\n"
    )


FILMED = plan(
    [
        "straat",
        "aanspreken",
        "afhandelen",
        "terugblik_na_controle",
        "camera",
        "reflectie_keuze",
        "einde_waarschuwing",
    ],
    "fietser_zonder_licht, vaag, rustig, bespreken",
)
CALM = plan(
    ["straat", "aanspreken", "afhandelen", "terugblik_na_controle", "reflectie_keuze", "einde_waarschuwing"],
    "fietser_zonder_licht, concreet, rustig, bespreken",
)


def test_both_branches_play_as_their_plans_say() -> None:
    loaded = load()
    assert check(loaded) == []
    for text in (FILMED, CALM):
        session = Session(loaded.scenario, clock=FakeClock())
        follow(session, parse_plan(text, "plan.yaml"))  # raises PlanFailure when the route differs


def test_a_session_through_a_conditional_next_restores_from_its_events() -> None:
    loaded = load()
    session = Session(loaded.scenario, clock=FakeClock())
    follow(session, parse_plan(FILMED, "plan.yaml"))
    again = restore(loaded.scenario, save(session), clock=FakeClock())
    assert again.events == session.events


def test_coverage_counts_both_branches_and_no_more() -> None:
    plain = coverage(load(PLAIN).scenario)
    branched = coverage(load().scenario)
    # every route that filmed (the 'vaag' ones) now has the camera scene too; the number of routes stays
    assert branched.routes == plain.routes and not branched.gaps and not branched.unreachable_choices
    never = coverage(
        load(
            "    next: [{when: [{meter: spanning, at_least: 11}], to: camera}, {to: reflectie_keuze}]\n"
        ).scenario
    )
    assert never.routes == plain.routes


def test_c110_follows_the_condition_of_a_next() -> None:
    # filmed routes skip the reflection choice: reported at the `to:` of that entry
    skip = "    next: [{when: [{flag: gefilmd}], to: einde_waarschuwing}, {to: reflectie_keuze}]\n"
    [gap] = check(load_scenario_text(BASE.replace(PLAIN, skip), "minimaal.yaml"))
    assert gap.code == "C110" and gap.args["steps"] == "reflecteren"
    text = BASE.replace(PLAIN, skip)
    line = text.splitlines().index(skip.rstrip("\n")) + 1
    assert (gap.line, gap.column) == (line, skip.index("einde_waarschuwing") + 1)
    # a condition that never holds makes no route: nothing to report
    never = skip.replace("{flag: gefilmd}", "{meter: spanning, at_least: 11}")
    assert check(load_scenario_text(BASE.replace(PLAIN, never), "minimaal.yaml")) == []


def test_a_conditional_next_without_default_or_with_entries_after_it() -> None:
    no_default = load("    next: [{when: [{flag: gefilmd}], to: camera}]\n")
    [c147] = check(no_default)
    assert c147.code == "C147" and "knooppunt 'terugblik_na_controle'" in c147.format("nl")
    assert "conditional next" in c147.format("en")
    after = load("    next: [{to: reflectie_keuze}, {when: [{flag: gefilmd}], to: camera}]\n")
    assert "C148" in [d.code for d in check(after)]
    unknown = load("    next: [{when: [{flag: gefilmd}], to: kamera}, {to: reflectie_keuze}]\n")
    c101 = next(d for d in check(unknown) if d.code == "C101")  # (and the camera scene is now unreachable)
    assert c101.args["target"] == "kamera" and c101.args["suggestion"].nl == "bedoel je 'camera'?"


def test_the_graph_shows_the_condition_of_a_next(tmp_path: Path) -> None:
    path = tmp_path / "minimaal.yaml"
    path.write_text(
        BASE.replace(PLAIN, CONDITIONAL).replace("  reflectie_keuze:\n", CAMERA_SCENE, 1), encoding="utf-8"
    )
    out = subprocess.run(
        [sys.executable, "-m", "trainer", "graph", str(path)], capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr
    assert 'terugblik_na_controle -.->|"alleen als het optreden werd gefilmd"| camera' in out.stdout
    assert "terugblik_na_controle --> reflectie_keuze" in out.stdout


def test_the_storyboard_names_the_condition_of_a_next(tmp_path: Path) -> None:
    path = tmp_path / "minimaal.yaml"
    path.write_text(
        BASE.replace(PLAIN, CONDITIONAL).replace("  reflectie_keuze:\n", CAMERA_SCENE, 1), encoding="utf-8"
    )
    out = tmp_path / "board"
    result = subprocess.run(
        [sys.executable, "-m", "trainer", "storyboard", str(path), "-o", str(out), "--size", "640x360"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "daarna: camera alleen als het optreden werd gefilmd; anders: reflectie_keuze" in index
