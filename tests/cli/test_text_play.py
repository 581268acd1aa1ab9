"""`trainer play --text` as a trainee meets it: the window's phases in the window's order, nothing evaluative
before the reflection, wrapped text, choice text instead of ids, hints on bad input (issues 11 and 12)."""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, SCENARIOS
from trainer.commands import play_cmd
from trainer.engine import FakeClock, Session
from trainer.model.graph import node_choices
from trainer.model.loader import load_scenario, load_scenario_text
from trainer.model.scenario import Scenario


def text_host(*args: object, **kw: object):  # type: ignore[no-untyped-def]
    from trainer.commands.text_play import TextHost  # imported late: the old host had no such class

    return TextHost(*args, **kw)  # type: ignore[arg-type]


BASE = (FIXTURES / "minimal.yaml").read_text(encoding="utf-8")
OPTION = re.compile(r"^  (\d+)\.\s+(.*)$")


class Player:
    """Answers prompts like a trainee at a terminal: a script of answers, where `("pick", text)` picks
    the numbered option containing `text` among those printed last (so the test survives any order)."""

    def __init__(self, script: list[object], on_ask: Callable[[str], None] | None = None) -> None:
        self.script = list(script)
        self.out: list[str] = []
        self.prompts: list[str] = []
        self.on_ask = on_ask

    def say(self, line: str) -> None:
        self.out.append(line)

    def options(self) -> dict[str, str]:
        found: dict[str, str] = {}
        for line in reversed(self.out):
            m = OPTION.match(line)
            if m:
                found.setdefault(m.group(1), m.group(2))
            elif found and not line.startswith(" " * 6):
                break
        return found

    def ask(self, prompt: str) -> str:
        self.prompts.append(prompt)
        self.out.append(f"<{prompt}>")
        if self.on_ask is not None:
            self.on_ask(prompt)
        if not self.script and prompt.startswith("[Enter]"):
            return ""  # the perspective pages after the script's route
        if not self.script:
            raise AssertionError(f"no answer left for {prompt!r}; last output: {self.out[-8:]}")
        answer = self.script.pop(0)
        if isinstance(answer, tuple):
            _, text = answer
            return next(n for n, label in self.options().items() if text in label)
        return str(answer)


def _minimal(extra_line: bool = True) -> Scenario:
    text = BASE
    if extra_line:  # the flag is set by the first choice; the line comes three choices later
        text = text.replace(
            "          goto: aanspreken",
            "          effects: [{set: gefilmd}]\n          goto: aanspreken",
            1,
        ).replace(
            "  reflectie_keuze:\n    type: scene\n",
            "  reflectie_keuze:\n    type: scene\n    lines:\n      - speaker: collega\n"
            '        text: {nl: "Dat filmpje gaat vanavond rond.", en: "That clip will go round tonight."}\n'
            "        when: [{flag: gefilmd}]\n",
        )
    return load_scenario_text(text, "minimal.yaml").scenario


ROUTE = [
    "",  # briefing
    ("pick", "Fietser zonder licht"),
    ("pick", "Je fietst zonder licht."),
    ("pick", "Ik schrijf rustig"),
    "",  # terugblik_na_controle: continue
    ("pick", "Ik bespreek de controle"),
    "",  # ending
    "Ik keek naar het licht.",  # the one reflection question
    "1",  # grounds
    ("pick", "Wegenverkeerswet"),
    ("pick", "waarschuwing"),
    "geen licht",
]


def test_a_conditional_line_shows_when_its_flag_was_set_three_choices_earlier(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "voorwaarde.yaml"
    scenario_text = BASE.replace(
        "          goto: aanspreken",
        "          effects: [{set: gefilmd}]\n          goto: aanspreken",
        1,
    ).replace(
        "  reflectie_keuze:\n    type: scene\n",
        "  reflectie_keuze:\n    type: scene\n    lines:\n      - speaker: collega\n"
        '        text: {nl: "Dat filmpje gaat vanavond rond.", en: "x"}\n'
        "        when: [{flag: gefilmd}]\n",
    )
    assert scenario_text.count("{set: gefilmd}") == BASE.count("{set: gefilmd}") + 1  # the flag is set early
    assert "Dat filmpje" in scenario_text
    path.write_text(scenario_text, encoding="utf-8")
    player = Player(ROUTE)
    monkeypatch.setattr("builtins.input", lambda prompt="": player.ask(prompt.rstrip(": ")))
    monkeypatch.setattr("builtins.print", lambda *a, **k: player.say(" ".join(map(str, a))))
    assert play_cmd.run(str(path), None, "nl", record=None) == 0
    shown = "\n".join(player.out)
    assert "Sanne: Dat filmpje gaat vanavond rond." in shown


def _play(scenario: Scenario, script: list[object], *, width: int = 72, **kw: object) -> Player:
    player = Player(script, **kw)  # type: ignore[arg-type]
    clock = FakeClock()
    session = Session(scenario, clock=clock)
    text_host(session, "nl", player.ask, player.say, width=width).play()
    assert session.phase.value == "done"
    return player


def test_phases_come_in_the_window_order_and_nothing_evaluative_before_the_reflection() -> None:
    scenario = _minimal()
    out = _play(scenario, list(ROUTE)).out
    joined = "\n".join(out)
    order = [
        "== Briefing: Minimaal scenario ==",
        "Rustige nacht.",
        "== Op straat ==",
        "Wie spreek je aan?",
        "Geen licht.",  # what you see of the person, before choosing
        "Wat doe je nu?",
        "Waarom ik?",
        "[MEOS] MEOS",  # the node's information, before its choice
        "== Afloop: Waarschuwing ==",
        "== Terugblik",
        "Waarom koos je zo?",
        "== Registratie van de controle ==",
        "== Leerdoelen ==",
        "Selecteer op feiten.",  # the learning goals only after the reflection
        "== Klaar ==",
    ]
    positions = [joined.index(marker) for marker in order]
    assert positions == sorted(positions), list(zip(order, positions, strict=True))
    before = joined[: joined.index("== Terugblik")]
    for word in ("in lijn", "discutabel", "niet in lijn", "Leerdoel", "Selecteer op feiten."):
        assert word not in before
    assert joined.count("Waarom koos je zo?") == 1  # each reflection question once
    assert "Afgesloten" not in joined


def test_text_is_wrapped_to_the_width_without_splitting_words() -> None:
    scenario = load_scenario(SCENARIOS / "stationsplein.yaml").scenario
    rng = random.Random(4)
    player = Player([], on_ask=None)

    def answer(prompt: str) -> None:
        opts = player.options()
        player.script.append(rng.choice(sorted(opts)) if opts and prompt.startswith("Nummer") else "1")

    player.on_ask = answer
    session = Session(scenario, clock=FakeClock())
    text_host(session, "nl", player.ask, player.say, width=60).play()
    assert max(len(line) for line in player.out if not line.startswith("<")) <= 60
    words = {w for line in player.out for w in line.split()}
    assert "rugzak" in words or "rugzak." in words or any("rugzak" in w for w in words)


def test_a_timeout_is_announced_with_the_default_as_words_never_an_id() -> None:
    scenario = _minimal(extra_line=False)
    clock = FakeClock()
    session = Session(scenario, clock=clock)
    late = {"Nummer"}

    def slow(prompt: str) -> None:
        if prompt in late and session.node_id == "aanspreken":
            clock.advance(25)  # the 20 s timer ran out while the trainee was thinking

    player = Player(
        [
            "",
            ("pick", "Fietser zonder licht"),
            ("pick", "Je fietst zonder licht."),
            ("pick", "Ik schrijf rustig"),
            "",
            ("pick", "Ik bespreek"),
            "",
            "x",
            "",
            "1",
            "1",
            "r",
        ],
        on_ask=slow,
    )
    text_host(session, "nl", player.ask, player.say, width=80).play()
    joined = "\n".join(player.out)
    assert "De tijd is om. Daarna gebeurde: Gewoon een controle." in joined
    assert "vaag" not in joined and "standaardkeuze" not in joined
    assert "Jij: Je fietst zonder licht." not in joined  # the late answer is not presented as said


def test_bad_input_gets_a_one_line_hint_and_the_question_again() -> None:
    scenario = _minimal(extra_line=False)
    script: list[object] = ["", "zeven", "9", *ROUTE[1:8], "1,x", "1", "0", *ROUTE[9:]]
    out = _play(scenario, script).out
    # the street offers: the one person, nobody, look again
    assert out.count("Typ een nummer van 1 tot 3 en druk op Enter.") == 2
    assert any(line.startswith("Typ nummers van 1 tot") for line in out)
    assert sum(line.startswith("Typ een nummer van 1 tot") for line in out) == 3


@pytest.mark.parametrize("path", sorted(SCENARIOS.glob("*.yaml")), ids=lambda p: p.stem)
def test_every_bundled_scenario_plays_in_text_mode_without_evaluation_before_reflection(path: Path) -> None:
    scenario = load_scenario(path).scenario
    evaluative = set()
    for node_id in scenario.nodes:
        for _cid, _step, choice, _p in node_choices(scenario, node_id):
            if choice.rationale is not None:
                evaluative.add(choice.rationale.get("nl"))
            if choice.perspective is not None:
                evaluative.add(choice.perspective.get("nl"))
    for step in ("selecteren", "uitleggen", "bejegenen", "reflecteren"):
        evaluative.add(getattr(scenario.learning_goals, step).get("nl"))
    for seed in range(3):
        rng = random.Random(seed)
        player = Player([])

        def answer(prompt: str, player: Player = player, rng: random.Random = rng) -> None:
            opts = player.options()
            if prompt.startswith("Nummer") and opts:
                player.script.append(rng.choice(sorted(opts)))
            else:
                player.script.append("1" if prompt.startswith("Nummers") else "")

        player.on_ask = answer
        session = Session(scenario, clock=FakeClock(), seed=seed)
        text_host(session, "nl", player.ask, player.say, width=90).play()
        joined = " ".join(" ".join(player.out).split())  # wrapped lines back into running text
        before = joined[: joined.index("== Terugblik")]
        leaked = [text[:50] for text in evaluative if text and " ".join(text.split()) in before]
        assert leaked == []
        for q in scenario.reflection:  # each question the route asks, once; one whose when: fails, not at all
            asked = q.id in session.answers
            assert asked or q.when
            assert joined.count(" ".join(q.text.get("nl").split())) == (1 if asked else 0)
        assert joined.index("== Registratie") < joined.index("== Klaar")


def test_a_casting_scenario_describes_everyones_look_as_the_window_draws_it() -> None:
    """The window shows skin tone and hair; the terminal says them, for every person in the street (so the
    pooled people do not stand out) and in the look the session drew (so the Hof test runs in text too)."""
    from trainer.commands.text_play import TextHost

    scenario = load_scenario(SCENARIOS / "stationsplein.yaml").scenario
    for place in (0, 1):
        session = Session(scenario, seed=3, clock=FakeClock(), casting_place=place)
        player = Player(["", "n"])
        host = TextHost(session, "nl", player.ask, player.say, width=200)
        host.briefing()
        host.show_node(session.view())
        host.tell_street(session.view(), None, 0.0)  # the street as the trainee first looks
        looks = [
            line.strip()
            for line in player.out
            if line.strip().startswith("·") and not line.strip().startswith("· nu:")
        ]
        shown = {m.id: m for m in session.shown_scenario.cast}
        people = [
            c
            for node in scenario.nodes.values()
            for cand in getattr(node, "candidates", [])
            for c in cand.cast
        ]
        assert len(looks) == len(people)  # everyone, not only the pooled
        for cast_id in session.casting:
            tone = shown[cast_id].appearance.skin_tone
            assert any(
                f"huidskleur {tone} van 6" in line and f"{shown[cast_id].appearance.age} jaar" in line
                for line in looks
            )
        assert not any(shown[c].name.nl in " ".join(looks) for c in people)  # no names, as in the window
