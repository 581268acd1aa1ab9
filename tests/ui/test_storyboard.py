"""`trainer storyboard` renders every node of every bundled scenario, with an index page."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pygame
import pytest

from tests.conftest import SCENARIOS
from trainer.model.loader import load_scenario


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
    for node_id in scenario.nodes:
        image = pygame.image.load(str(out / f"{node_id}.png"))
        assert image.get_size() == (640, 360)
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
