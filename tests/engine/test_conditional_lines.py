"""Lines with `when:` show only in the state they were written for: in the view, the transcript and the
checker."""

from __future__ import annotations

from tests.conftest import FIXTURES
from trainer.engine import FakeClock, Session
from trainer.engine.checking import check
from trainer.engine.transcript import transcript
from trainer.model.loader import load_scenario_text

BASE = (FIXTURES / "minimal.yaml").read_text(encoding="utf-8")
LINES = """  afhandelen:
    type: scene
    lines:
      - speaker: fietser
        text: {nl: "Zet die camera maar weg.", en: "Put that camera away."}
        when: [{flag: gefilmd}]
      - speaker: fietser
        text: {nl: "Oké, prima.", en: "Okay, fine."}
        when: [{flag: gefilmd, is: false}, {meter: spanning, at_most: 3}]
"""


def _scenario(extra: str = LINES):  # type: ignore[no-untyped-def]
    text = BASE.replace("  afhandelen:\n    type: scene\n", extra)
    return load_scenario_text(text, "conditional.yaml")


def test_lines_follow_the_state() -> None:
    loaded = _scenario()
    assert check(loaded) == []
    calm = Session(loaded.scenario, clock=FakeClock())
    calm.choose("fietser_zonder_licht")
    calm.choose("concreet")
    assert [ln.text.nl for ln in calm.view().lines] == ["Oké, prima."]
    filmed = Session(loaded.scenario, clock=FakeClock())
    filmed.choose("fietser_zonder_licht")
    filmed.choose("vaag")  # sets gefilmd and raises tension
    assert [ln.text.nl for ln in filmed.view().lines] == ["Zet die camera maar weg."]
    shown = "\n".join(transcript(loaded.scenario, filmed.events))
    assert "Zet die camera maar weg." in shown and "Oké, prima." not in shown


def test_checker_follows_names_in_line_conditions() -> None:
    loaded = _scenario(LINES.replace("{flag: gefilmd}]", "{flag: gefilm}]"))
    found = check(loaded)
    assert [d.code for d in found] == ["C103"]
    assert "gefilmd" in found[0].format()
