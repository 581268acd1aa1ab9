"""`trainer storyboard` renders every node of every bundled scenario, with an index page."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pygame
import pytest

from tests.conftest import SCENARIOS
from trainer.model.loader import load_scenario
from trainer.model.scenario import Scenario


@pytest.mark.parametrize("path", sorted(SCENARIOS.glob("*.yaml")), ids=lambda p: p.stem)
def test_storyboard_renders_every_node(path: Path, tmp_path: Path) -> None:
    out = tmp_path / "board"
    result = subprocess.run(
        [sys.executable, "-m", "trainer", "storyboard", str(path), "-o", str(out), "--size", "640x360"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    scenario = load_scenario(path).scenario
    for node_id, node in scenario.nodes.items():
        image = pygame.image.load(str(out / f"{node_id}.png"))
        # a selection is drawn as the whole street in one strip; every other node as the trainee's window
        assert image.get_size() == ((1920, 360) if node.type == "selection" else (640, 360))
        colours = {image.get_at((x, y))[:3] for x in range(0, 640, 37) for y in range(0, 360, 23)}
        assert len(colours) > 5, f"{node_id}.png looks blank"
    index = (out / "index.html").read_text(encoding="utf-8")
    assert all(f"{node_id}.png" in index for node_id in scenario.nodes)
    assert "zz_registratie.png" in index and "<script" not in index


def test_storyboard_of_a_broken_file_is_one_line_exit_2(tmp_path: Path) -> None:
    bad = tmp_path / "kapot.yaml"
    bad.write_text("id: [", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "trainer", "storyboard", str(bad), "-o", str(tmp_path / "o")],
        capture_output=True,
        text=True,
    )
    assert (
        result.returncode == 2
        and len(result.stderr.strip().splitlines()) == 1
        and "kapot.yaml" in result.stderr
    )


# --- what an instructor needs to see (issue 19) ---

TRAIN = SCENARIOS / "grenscontrole_trein.yaml"


def _board(tmp_path: Path, path: Path = TRAIN) -> tuple[list[dict[str, str]], Path]:
    from trainer.ui.storyboard import render

    out = tmp_path / "board"
    return render(load_scenario(path).scenario, out, size=(960, 540)), out


def _strip_bodies(
    scenario: Scenario, node_id: str, size: tuple[int, int], t: float
) -> dict[str, pygame.Rect]:
    """Where the running street draws each candidate in the strip (window k at k window widths)."""
    from trainer.ui import street as st

    running = st.street(scenario, node_id, size, 0)
    out: dict[str, pygame.Rect] = {}
    for k in range(running.width // size[0]):
        for cand_id, rect in running.candidate_rects(t, k * size[0]).items():
            moved = rect.move(k * size[0], 0)
            if (
                moved.clip(pygame.Rect(0, 0, running.width, size[1])).width
                > out.get(cand_id, pygame.Rect(0, 0, 0, 0)).width
            ):
                out[cand_id] = moved
    return out


def test_selection_strip_shows_every_candidate_named_and_apart() -> None:
    from trainer.model.scenario import SelectionNode
    from trainer.ui import street as st
    from trainer.ui.storyboard_parts import street_strip

    scenario = load_scenario(TRAIN).scenario
    node_id, node = next((n, x) for n, x in scenario.nodes.items() if isinstance(x, SelectionNode))
    assert len(node.candidates) == 4
    size = (960, 540)
    running = st.street(scenario, node_id, size, 0)
    in_one_window = [
        c for c, r in running.candidate_rects(0.0, 0).items() if r.left >= 0 and r.right <= size[0]
    ]
    assert len(in_one_window) < 4  # the point: a trainee's window never holds the whole street
    strip, tags = street_strip(scenario, node, node_id, size, "nl")
    assert strip.get_width() == running.width and set(tags) == {c.id for c in node.candidates}
    bounds = strip.get_rect()
    bodies = _strip_bodies(scenario, node_id, size, 0.0)
    for cand_id, tag in tags.items():
        body = bodies[cand_id]
        assert bounds.contains(tag) and tag.bottom <= body.top  # named above their head, inside the picture
        assert tag.left <= body.centerx <= tag.right
    boxes = list(tags.values())
    assert not any(a.colliderect(b) for i, a in enumerate(boxes) for b in boxes[i + 1 :])


def test_the_strip_is_the_running_street_at_the_second_asked_for() -> None:
    """The strip at second t is the three windows a trainee sees at t, side by side (people where the
    timeline puts them, the crowd, the weather), and whoever has left by then is named as gone."""
    from trainer.engine.timeline import departed
    from trainer.model.scenario import SelectionNode
    from trainer.ui import street as st
    from trainer.ui.storyboard_parts import street_strip

    scenario = load_scenario(SCENARIOS / "stationsplein.yaml").scenario
    node_id, node = next((n, x) for n, x in scenario.nodes.items() if isinstance(x, SelectionNode))
    size = (640, 360)
    late = next(float(t) for t in range(node.time_limit + 1) if departed(node, float(t)))
    gone = departed(node, late)
    running = st.street(scenario, node_id, size, 0)
    strips, compared = {}, 0
    for t in (0.0, late):
        strip, tags = street_strip(scenario, node, node_id, size, "nl", t)
        window = pygame.Surface(size)
        running.draw(window, t, size[0])  # the middle window, as the game draws it at this second
        middle = strip.subsurface(pygame.Rect(size[0], 0, *size))
        # identical where no name tag or heading covers it: compare the lower third (feet and pavement)
        low = pygame.Rect(0, size[1] * 2 // 3, size[0], size[1] // 3)
        tagged = [tag.move(-size[0], 0) for tag in tags.values()]
        if not any(tag.colliderect(low) for tag in tagged):
            assert pygame.image.tobytes(middle.subsurface(low), "RGB") == pygame.image.tobytes(
                window.subsurface(low), "RGB"
            )
            compared += 1
        strips[t] = pygame.image.tobytes(strip, "RGB")
        crowd = [d for d in running.figures(t, 0) if d.candidate is None]
        assert crowd or t == 0.0  # the square has filled by the late second
    assert compared  # at least one second had nothing over the feet to compare
    assert strips[0.0] != strips[late]  # the street moved
    assert gone and all(c not in _strip_bodies(scenario, node_id, size, late) for c in gone)
    assert all(c in _strip_bodies(scenario, node_id, size, 0.0) for c in gone)  # there at the start


def test_storyboard_writes_the_strip_and_every_candidate(tmp_path: Path) -> None:
    rows, out = _board(tmp_path)
    strip = pygame.image.load(str(out / "coupe.png"))
    assert strip.get_width() > 960 * 2  # the whole street, not one window
    assert any(r["file"] == "coupe.png" and r.get("wide") for r in rows)
    for cand in ("groep_jongens", "vrouw_met_kind", "oudere_man", "man_grijze_jas"):
        assert (out / f"coupe__{cand}.png").is_file()
    assert "figure class=wide" in (out / "index.html").read_text(encoding="utf-8")


def test_conditional_lines_and_choices_appear_with_their_condition_in_words() -> None:
    from trainer.engine import FakeClock, Session
    from trainer.model.scenario import SceneNode
    from trainer.model.wording import condition_words
    from trainer.ui.storyboard_parts import annotated_view

    scenario = load_scenario(TRAIN).scenario
    seen_line = seen_choice = False
    for node_id, node in scenario.nodes.items():
        if not isinstance(node, SceneNode):
            continue
        view = annotated_view(scenario, Session(scenario, clock=FakeClock(), start_node=node_id).view())
        assert len(view.lines) == len(node.lines) and len(view.choices) == len(node.choices)
        for authored, shown in zip(node.lines, view.lines, strict=True):
            if authored.when:
                words = condition_words(scenario, authored.when, "nl")
                assert shown.text.nl.startswith(f"[{words}] ") and shown.text.nl.endswith(authored.text.nl)
                assert shown.text.en and shown.text.en.startswith("[only if ")
                seen_line = True
        for authored_choice, option in zip(node.choices, view.choices, strict=True):
            if authored_choice.when:
                words = condition_words(scenario, authored_choice.when, "nl")
                assert option.choice.text.nl.startswith(f"[{words}")
                seen_choice = True
    assert seen_line and seen_choice
    # a flag is named by its label, a meter by its label and bound: never the YAML name alone
    labels = scenario.state.flags
    assert isinstance(labels, dict)
    flag, label = next(iter(labels.items()))
    from trainer.model.scenario import FlagCondition, MeterCondition

    assert condition_words(scenario, [FlagCondition(flag=flag)], "nl") == f"alleen als {label.nl}"
    meter = next(iter(scenario.state.meters))
    spec = scenario.state.meters[meter]
    both = condition_words(scenario, [MeterCondition(meter=meter, at_least=2, at_most=5)], "en")
    assert both == f"only if {spec.label.en} 2 to 5"


def test_each_speaker_gets_a_frame_with_their_own_portrait(tmp_path: Path) -> None:
    from trainer.engine import FakeClock, Session
    from trainer.ui.frame import Frame, UiState
    from trainer.ui.screens import dialogue
    from trainer.ui.storyboard_parts import annotated_view, speaker_moments
    from trainer.ui.theme import Theme

    scenario = load_scenario(TRAIN).scenario
    view = annotated_view(scenario, Session(scenario, clock=FakeClock(), start_node="g_controle").view())

    def frame(now: float, skip: bool) -> Frame:
        return Frame(
            Theme(),
            (960, 540),
            "nl",
            UiState(skip_reveal=skip, focus=None),
            now=now,
            view=view,
            scenario=scenario,
        )

    moments = speaker_moments(scenario, frame(0, True))
    speakers = [line.speaker for line in view.lines if line.speaker != "verteller"]
    changes = sum(1 for a, b in zip(speakers, speakers[1:], strict=False) if a != b)
    assert len(moments) == changes >= 2
    for seconds, line, name in moments:
        member = dialogue._portrait_member(frame(seconds, False))
        assert member is not None and member.name.nl == name
        assert member.id == view.lines[line].speaker or view.lines[line].speaker == "verteller"
    rows, out = _board(tmp_path)
    for _seconds, line, name in moments:
        row = next(r for r in rows if r["file"] == f"g_controle__regel{line + 1}.png")
        assert row["detail"] == name and (out / row["file"]).is_file()


def test_ending_lines_name_their_speaker() -> None:
    from trainer.engine import FakeClock, Session
    from trainer.model.scenario import EndingNode
    from trainer.ui.frame import Frame, UiState
    from trainer.ui.screens import pages
    from trainer.ui.theme import Theme

    scenario = load_scenario(TRAIN).scenario
    node_id, node = next((n, x) for n, x in scenario.nodes.items() if isinstance(x, EndingNode) and x.lines)
    session = Session(scenario, clock=FakeClock(), start_node=node_id)
    page = pages.ending(Frame(Theme(), (960, 540), "nl", UiState(), view=session.view(), scenario=scenario))
    speaker = next(c for c in scenario.cast if c.id == node.lines[0].speaker)
    assert page.paragraphs[0][1].startswith(f"{speaker.name.nl}: {node.lines[0].text.nl}")
