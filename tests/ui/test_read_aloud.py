"""Reading aloud (off by default) covers what a trainee reads in a scene, not only dialogue: the street's
description and what the officer knows are read too, in reading order."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import SCENARIOS
from trainer.engine import FakeClock, Session
from trainer.model.loader import load_scenario
from trainer.model.scenario import SceneNode, SelectionNode
from trainer.ui.preferences import Preferences
from trainer.ui.senses import Senses, on_screen, spoken
from trainer.ui.sound import Sound


class Recorder:
    """A Speech that records what it is asked to say (espeak-ng itself is tested in test_speech)."""

    available = True

    def __init__(self) -> None:
        self.said: list[tuple[list[str], str]] = []

    def say(self, lines: list[str], lang: str) -> None:
        self.said.append((list(lines), lang))

    def poll(self) -> Path | None:
        return None

    def stop(self) -> None:
        pass

    def close(self) -> None:
        pass


SQUARE = load_scenario(SCENARIOS / "stationsplein.yaml").scenario


def _senses(tmp_path: Path, speech: bool) -> tuple[Senses, Recorder]:
    recorder = Recorder()
    senses = Senses(
        Preferences(speech=speech),
        remembered=False,
        settings_file=None,
        sound=Sound(tmp_path),  # 'enabled' without a mixer: every call is quietly a no-op
        speech=recorder,  # type: ignore[arg-type]
    )
    return senses, recorder


def test_the_street_reads_its_description_and_what_is_known(tmp_path: Path) -> None:
    session = Session(SQUARE, clock=FakeClock(), start_node="plein")
    node = SQUARE.nodes["plein"]
    assert isinstance(node, SelectionNode) and node.info
    senses, recorder = _senses(tmp_path, speech=True)
    senses.frame(0.0, on_screen(session, "selection", lambda _v: None, "nl"))
    ((lines, lang),) = recorder.said
    assert lang == "nl" and lines[0] == node.prompt.get("nl")
    assert lines[1:] == [f"{i.title.get('nl')}. {i.text.get('nl')}" for i in node.info]
    senses.frame(1.0, on_screen(session, "selection", lambda _v: None, "nl"))
    assert len(recorder.said) == 1  # once per visit, not every frame


def test_a_scene_reads_its_lines_then_its_information_and_nothing_when_off(tmp_path: Path) -> None:
    node_id, node = next(
        (n, x) for n, x in SQUARE.nodes.items() if isinstance(x, SceneNode) and x.info and x.lines
    )
    session = Session(SQUARE, clock=FakeClock(), start_node=node_id)
    view = session.view()
    expected = [line.text.get("en") for line in view.lines] + [
        f"{i.title.get('en')}. {i.text.get('en')}" for i in node.info
    ]
    assert list(spoken(view, "dialogue", "en")) == expected
    senses, recorder = _senses(tmp_path, speech=False)
    senses.frame(0.0, on_screen(session, "dialogue", lambda _v: None, "en"))
    assert recorder.said == []  # off by default: nothing is read
    assert spoken(view, "reflection", "en") == ()
