"""`play --text` tells the living street at the moment the trainee looks: what each person does now, what
happened since the last look, who has left (and cannot be addressed); behaviour is never told before it
happens, and never all cues at once."""

from __future__ import annotations

from tests.cli.test_text_play import Player
from tests.conftest import SCENARIOS
from trainer.commands.text_play import TextHost
from trainer.engine import FakeClock, Session
from trainer.engine.events import ChoiceMade
from trainer.model.beats import card_cues
from trainer.model.loader import load_scenario
from trainer.model.scenario import Candidate, SelectionNode

SQUARE = load_scenario(SCENARIOS / "stationsplein.yaml").scenario
NODE = SQUARE.nodes["plein"]
assert isinstance(NODE, SelectionNode)
CAND = {c.id: c for c in NODE.candidates}


def _label(cand_id: str) -> str:
    return CAND[cand_id].label.get("nl")


def _watch(script: list[object], moves: dict[int, float]) -> tuple[Player, Session]:
    """Play the square's selection; before answering the n-th number prompt the clock moves to moves[n]."""
    clock = FakeClock()
    session = Session(SQUARE, clock=clock, seed=5, start_node="plein")
    asked = [0]

    def on_ask(prompt: str) -> None:
        if prompt.startswith("Nummer"):
            asked[0] += 1
            if asked[0] in moves:
                clock.advance(moves[asked[0]] - session.seconds_here())

    player = Player(script, on_ask)
    host = TextHost(session, "nl", player.ask, player.say, width=400)
    host.show_node(session.view())
    host.watch(session.view())
    return player, session


def _joined(lines: list[str]) -> str:
    return "\n".join(lines)


def _looks(out: list[str]) -> list[str]:
    """The output split at each look ('Op straat, na N seconden:')."""
    parts: list[list[str]] = []
    for line in out:
        if line.startswith("Op straat, na "):
            parts.append([])
        if parts:
            parts[-1].append(line)
    return [_joined(p) for p in parts]


def _block(look: str, cand_id: str) -> str:
    """One person's lines within a look, up to the next person or the question."""
    after = look.split(f"\n  {_label(cand_id)}\n", 1)[1]
    return after.split("\n\n", 1)[0]


def _behaviour(cand: Candidate) -> list[str]:
    shown = set(card_cues(cand))
    return [cue.text.get("nl") for i, cue in enumerate(cand.cues) if i not in shown]


def test_each_look_tells_what_happened_since_and_who_has_left_and_never_the_behaviour_before() -> None:
    leaves = 100.9375  # the cyclist's 'vertrekken' beat ends here (she rides off)
    script: list[object] = [("pick", "Kijk nog eens"), ("pick", "Kijk nog eens"), ("pick", "niemand aan")]
    player, session = _watch(script, {1: 60.0, 2: 105.0})
    first, second, third = _looks(player.out)
    assert first.startswith("Op straat, na 0 seconden:") and "Sinds je vorige blik" not in first
    # the pickpocket's behaviour is seen in the street, not read from a list: no behaviour cue is ever told
    for text in _behaviour(CAND["zakkenroller"]):
        assert text not in _joined(player.out)
    assert "· nu: staat bij de kaartautomaten" in _block(first, "zakkenroller")
    assert "achter iemand" not in first  # not yet: that beat is at 8 s
    assert (
        f"- {_label('zakkenroller')}: gaat vlak achter iemand staan die met een telefoon bezig is" in second
    )
    assert (
        f"- {_label('oudere_man')}: staat op" in second
        and f"- {_label('groep')}: pakt een telefoon" in second
    )
    assert _block(third, "fietsster") == "    · is vertrokken; niet meer aan te spreken"
    assert f"- {_label('fietsster')}: rijdt weg, uit het zicht" in third  # on her bike
    options_after = _joined(player.out[player.out.index(third.splitlines()[0]) :])
    assert f"Aanspreken: {_label('fietsster')}" not in options_after  # gone: no longer offered
    assert f"Aanspreken: {_label('fietsster')}" in second
    (made,) = [e for e in session.events if isinstance(e, ChoiceMade)]
    assert made.node == "plein" and made.choice == "niemand" and made.seconds > leaves  # 'nobody', late on


def test_someone_who_leaves_while_the_trainee_decides_cannot_be_addressed() -> None:
    script: list[object] = [("pick", _label("fietsster")), ("pick", "niemand aan")]
    player, session = _watch(script, {1: 102.0})
    said = _joined(player.out)
    assert "vertrokken" in said.split(f"Aanspreken: {_label('fietsster')}")[-1]  # the rules' reason
    assert len(_looks(player.out)) == 2  # and the street is told again, without her
    (made,) = [e for e in session.events if isinstance(e, ChoiceMade)]
    assert made.choice == "niemand"  # the engine refused the cyclist; nobody was then taken


def test_when_the_time_runs_out_the_default_is_said_in_words() -> None:
    script: list[object] = [("pick", _label("groep"))]
    player, session = _watch(script, {1: 125.0})
    said = _joined(player.out)
    assert "De tijd is om. Daarna gebeurde:" in said
    assert f"→ Jij: Aanspreken: {_label('groep')}" not in said  # the late answer did not count
    (made,) = [e for e in session.events if isinstance(e, ChoiceMade)]
    assert made.timed_out and made.choice != "groep"


def test_every_bundled_selection_is_told_in_words_at_every_ten_seconds() -> None:
    """No beat without words, no crash: each bundled street told at every tenth second, in both languages."""
    from trainer.commands.street_words import doing_words, happened

    for path in sorted(SCENARIOS.glob("*.yaml")):
        scenario = load_scenario(path).scenario
        for node in scenario.nodes.values():
            if not isinstance(node, SelectionNode):
                continue
            props = {p.id: p for p in node.props}
            for lang in ("nl", "en"):
                told = [w for _c, w in happened(node, -1.0, float(node.time_limit), lang)]
                assert len(told) == sum(len(c.beats) for c in node.candidates)
                assert all(w and "{" not in w for w in told)
                for second in range(0, node.time_limit + 1, 10):
                    for cand in node.candidates:
                        words = doing_words(cand, props, float(second), lang)
                        assert words and "{" not in words, (path.stem, cand.id, second)


def test_the_command_tells_the_street_as_it_is_when_looked_at() -> None:
    """`trainer play --text` as a process: the first look names what each person does now, offers to look
    again, and tells no behaviour cue as a list."""
    import subprocess
    import sys

    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "trainer",
            "play",
            "--text",
            "stationsplein",
            "--no-record",
            "--from",
            "plein",
        ],
        input="\n7\n",  # the briefing, then: look again (then the input ends)
        capture_output=True,
        text=True,
        timeout=120,
        env={**__import__("os").environ, "COLUMNS": "400"},
    )
    out = done.stdout
    assert out.count("Op straat, na ") == 2 and "7.  Kijk nog eens rond (de tijd loopt door)" in out
    assert "· nu: staat bij de kaartautomaten" in out and "· nu: zit op het bankje" in out
    for text in _behaviour(CAND["zakkenroller"]):
        assert text not in out
    assert done.returncode == 2 and done.stderr.strip().endswith("invoer gesloten; gestopt")
